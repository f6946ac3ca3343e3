"""The parser reads the parts of a document as the checker recognises them (nd30/anatomy.py): the
spellings a typist or a copy uses for Nơi nhận, Lưu and the signer's prefixes are read, not lost."""
from __future__ import annotations

from ocop_docs.parse import parse_text

HEAD = """ỦY BAN NHÂN DÂN XÃ VŨ QUANG
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Vũ Quang, ngày 10 tháng 02 năm 2026
KẾ HOẠCH
Thực hiện Chương trình OCOP năm 2026
Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ;
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Phát triển sản phẩm OCOP gắn với vùng nguyên liệu.
Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026./.
"""


def _tail(text: str) -> dict:
    return parse_text(HEAD + text).data


def test_tail_in_capitals_with_slashed_prefixes():
    data = _tail("NƠI NHẬN:\n- UBND huyện;\n- LƯU: VT, KT.\nT/M ỦY BAN NHÂN DÂN\nK/T CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n")
    assert data["recipients"] == ["UBND huyện"] and data["archive"] == "VT, KT"
    signer = data["signer"]
    assert (signer["on_behalf_of"], signer["authority"], signer["head_title"], signer["title"], signer["name"]) == (
        "ỦY BAN NHÂN DÂN", "KT", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")


def test_tail_as_printed():
    data = _tail("Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n")
    assert data["recipients"] == ["UBND huyện"] and data["archive"] == "VT"
    assert data["signer"]["on_behalf_of"] == "ỦY BAN NHÂN DÂN" and data["signer"]["title"] == "CHỦ TỊCH"
    assert data["signer"]["name"] == "Nguyễn Văn An"
