"""The ND30 wording helpers the renderer prints with (nd30/formats.py)."""
from __future__ import annotations

from ocop_docs.nd30 import formats


def test_recipients_end_with_the_lưu_line():  # ND30-RECIP-03
    assert formats.recipient_lines(["Như Điều 3", "Sở Tài chính;"], "VT, NN") == [
        "- Như Điều 3;", "- Sở Tài chính;", "- Lưu: VT, NN."]
    assert formats.recipient_lines([], "") == ["- Lưu: VT."]


def test_a_document_read_back_without_its_lưu_line_gets_none_made_up():
    assert formats.recipient_lines(["Như Điều 3"], None) == ["- Như Điều 3;"]
    assert formats.recipient_lines([], None) == []


def test_the_number_of_a_normative_act_keeps_its_year():
    assert formats.so_ky_hieu(25, "QĐ-UBND", 2022) == "Số: 25/2022/QĐ-UBND"
    assert formats.so_ky_hieu(5, "KH-UBND") == "Số: 05/KH-UBND"
    assert formats.so_ky_hieu(None, "QĐ-UBND", 2026).endswith("/2026/QĐ-UBND")  # a draft: room for the number
