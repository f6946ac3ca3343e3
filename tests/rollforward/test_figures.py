"""Every amount and every target a plan writes in a sentence becomes a decision (rollforward/figures.py)."""
from __future__ import annotations

import pytest

from ocop_docs.rollforward.figures import figures_in


@pytest.mark.parametrize("text,expected", [
    ("Phấn đấu có ít nhất 02 sản phẩm đạt 3 sao trở lên; nâng hạng 01 sản phẩm lên 4 sao.",
     [("count", "02 sản phẩm"), ("stars", "3 sao"), ("count", "01 sản phẩm"), ("stars", "4 sao")]),
    ("Tổng kinh phí thực hiện: 85.000.000 đồng (Tám mươi lăm triệu đồng).", [("money", "85.000.000 đồng")]),
    ("Kinh phí dự kiến 1,5 tỷ đồng từ ngân sách tỉnh", [("money", "1,5 tỷ đồng")]),
    # An amount without its currency, in a sentence about money (the cue before the colon).
    ("Kinh phí: 120 triệu", [("money", "120 triệu")]),
    # Both ends of a range of counts are targets.
    ("Có từ 05 đến 07 sản phẩm được đánh giá", [("count", "05"), ("count", "07 sản phẩm")]),
    ("Phấn đấu có 3-5 sản phẩm mới", [("count", "3"), ("count", "5 sản phẩm")]),
    # Targets written without "phấn đấu": a threshold, a share.
    ("Đánh giá, phân hạng từ 10 sản phẩm trở lên", [("count", "10 sản phẩm")]),
    ("100% sản phẩm OCOP được truy xuất nguồn gốc", [("percent", "100%")]),
    ("Duy trì 12 sản phẩm OCOP hiện có", [("count", "12 sản phẩm")]),
    # A citation's figures are that document's.
    ("theo Quyết định số 12/QĐ-UBND ngày 5/1/2026 của UBND tỉnh về hỗ trợ 50 triệu đồng cho 05 sản phẩm", []),
    # A star band restating the rules is not a target.
    ("sản phẩm có số điểm đạt từ 50 điểm đến 70 điểm (3 sao)", []),
])
def test_amounts_and_targets_in_prose(text, expected):
    assert [(f.measure, f.words) for f in figures_in(text)] == expected


def test_a_table_cell_is_a_target_without_saying_so():
    """Under «Chỉ tiêu» or «Kinh phí» the table sets the target: the cell need not say "phấn đấu"."""
    assert [(f.measure, f.words) for f in figures_in("05 sản phẩm; 100% chủ thể", cell=True)] == \
        [("count", "05 sản phẩm"), ("percent", "100%")]
    assert [(f.measure, f.words) for f in figures_in("50 triệu", cell=True, money_column=True)] == [("money", "50 triệu")]
    assert figures_in("05 sản phẩm") == []  # in prose, a count alone is not a target


def test_an_amount_with_its_thousands_spaced_is_one_amount():
    """FINDINGS 74: "12 500 000 đồng" is one amount, not "000 đồng"."""
    assert [(f.measure, f.words) for f in figures_in("Hỗ trợ in ấn tài liệu: 12 500 000 đồng; hội chợ: 25.000.000đ.")] == \
        [("money", "12 500 000 đồng"), ("money", "25.000.000đ")]
