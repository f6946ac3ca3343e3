"""Table blocks: the grid is consistent, number columns exist, a stated total equals the sum."""
from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from ocop_docs.model.plan import Budget, Plan
from ocop_docs.model.table import Table, is_total_label, parse_amount
from ocop_docs.parse.tables import pipe_rows, table_from_cells


@pytest.mark.parametrize("text,value", [
    ("85.000.000", Decimal(85000000)), ("1.234,5", Decimal("1234.5")), ("12", Decimal(12)), ("1,5", Decimal("1.5")),
    ("50.000.000 đồng", Decimal(50000000)), ("30%", Decimal(30)), ("", None), ("-", None), ("Ngân sách", None),
])
def test_amounts_as_vietnamese_tables_print_them(text, value):
    assert parse_amount(text) == value


def test_merged_cells_make_one_grid():
    table = Table(header=[[{"text": "Xã", "rowspan": 2}, {"text": "Chỉ tiêu", "colspan": 2}], ["3 sao", "4 sao"]],
                  rows=[["A", "1", "2"], [{"text": "B", "rowspan": 2}, "3", "4"], ["5", "6"]], number_columns=[2, 3])
    assert table.n_cols == 3
    assert (table.column_sum(2), table.column_sum(3)) == (Decimal(9), Decimal(12))


def test_a_row_with_a_missing_cell_is_an_error_naming_the_row():
    with pytest.raises(ValidationError, match="dòng 2 có 2 cột, các dòng khác có 3 cột"):
        Table(title="Kinh phí", rows=[["1", "A", "5"], ["2", "B"]])


def test_stated_total_must_equal_the_sum():
    rows = [["STT", "Nội dung", "Kinh phí"], ["1", "Tập huấn", "50.000.000"], ["2", "Hội chợ", "35.000.000"],
            ["", "Tổng cộng", "84.000.000"]]
    with pytest.raises(ValidationError, match="dòng 'Tổng cộng', cột 3 ghi 84.000.000 nhưng tổng các dòng là 85.000.000"):
        _table(rows)
    rows[-1][2] = "85.000.000"
    table = _table(rows)
    assert table.number_columns == [3] and table.total.stated == {3: "85.000.000"} and len(table.rows) == 2


def test_unknown_number_column_is_refused():
    with pytest.raises(ValidationError, match="không có cột 4"):
        Table(rows=[["a", "1"]], number_columns=[4])


def test_budget_stated_total_is_checked():
    with pytest.raises(ValidationError, match="ghi 90.000.000 đồng nhưng tổng các dòng là 85.000.000 đồng"):
        Budget(lines=[{"item": "A", "amount": 50_000_000}, {"item": "B", "amount": 35_000_000}], stated_total=90_000_000)


def test_plan_lists_its_tables_in_reading_order():
    plan = Plan.model_validate({
        "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "level": "xa"}, "place": "Long Thuận", "year": 2026,
        "title": "Thực hiện Chương trình OCOP năm 2026",
        "body": [{"heading": "NHIỆM VỤ", "content": [
            {"assignments": [{"content": "Tuyên truyền", "lead": "Phòng Kinh tế", "deadline": "Quý I/2026"}]},
            {"budget": {"lines": [{"item": "Tập huấn", "amount": 10_000_000}], "as_table": True}},
            {"table": {"rows": [["Long Thuận", "2"]], "number_columns": [2]}},
        ]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn B"},
    })
    assert [t.shape for t in plan.tables] == ["assignment", "budget", "generic"]
    assert plan.tasks[0].lead == "Phòng Kinh tế"
    with pytest.raises(ValidationError, match="thiếu nội dung nhiệm vụ"):
        Plan.model_validate(dict(plan.model_dump(mode="python"),
                                 body=[{"heading": "A", "content": [{"assignments": [{"lead": "X"}]}]}]))


def test_more_diem_than_letters_is_refused_with_the_way_out():
    """ND30-BODY-06: điểm run a) to y); a 24th unlabelled điểm cannot be printed."""
    items = [{"heading": f"Việc {i}", "content": ["Nội dung."]} for i in range(24)]
    data = {"issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "level": "xa"}, "place": "Long Thuận", "year": 2026,
            "title": "Thực hiện Chương trình OCOP năm 2026",
            "body": [{"heading": "NHIỆM VỤ", "content": [{"heading": "Phân công", "content": items}]}],
            "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn Bình"}}
    with pytest.raises(ValidationError, match="có 24 điểm nhưng chỉ có 23 chữ cái đánh điểm"):
        Plan.model_validate(data)
    items[-1]["label"] = "z)"
    assert Plan.model_validate(data)  # a label the writer chose is printed as written


def _table(rows: list[list[str]]) -> Table:
    """A table read from rows of cell texts, without the reader's leniency: a wrong total is an error here."""
    heads = 1
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    body = rows[heads:]
    total = None
    if body and any(is_total_label(c) for c in body[-1][:2]):
        last = body.pop()
        label = next(c for c in last if c.strip())
        stated = {i + 1: c for i, c in enumerate(last) if c.strip() and c != label and parse_amount(c) is not None}
        total = {"label": label, "stated": stated}
    numbers = table_from_cells(rows).number_columns
    return Table(header=rows[:heads], rows=body, number_columns=numbers, total=total)


def _grouped() -> list[list[str]]:
    """A budget annex with group rows carrying subtotals (I, II … over 1, 2 …), as Vietnamese annexes
    print them (tests/data/tables/README.md)."""
    from testpaths import ROOT

    return pipe_rows((ROOT / "tests" / "data" / "tables" / "du-toan-427-qd-tnvn-2026.md").read_text(encoding="utf-8").splitlines())


def test_group_rows_carry_subtotals_and_are_counted_once():
    table = _table(_grouped())
    assert table.total.stated == {5: "500.000.000", 6: "500.000.000"}
    assert table.column_sum(5) == Decimal(500_000_000)  # I + II + III + IV + V, not I and its items again
    assert [(g, items) for g, items in table.groups()][0] == (0, [1, 2, 3, 4, 5])


def test_a_subtotal_that_is_not_the_sum_of_its_items_is_an_error_naming_the_row():
    rows = _grouped()
    rows[1][4] = "84.000.000"
    rows[-1][4] = "499.400.000"  # the total agrees with the groups: only the subtotal is wrong
    with pytest.raises(ValidationError, match=r"dòng 'I Phần mềm' \(dòng 1\), cột 5 ghi 84.000.000 nhưng tổng các dòng "
                                              r"của nhóm là 84.600.000"):
        _table(rows)


def test_group_rows_without_figures_are_headings_and_every_row_counts():
    table = Table(header=[["STT", "Sản phẩm", "Kinh phí"]],
                  rows=[["I", {"text": "Huyện Chư Sê", "colspan": 2}], ["1", "Hồ tiêu", "20.000.000"], ["2", "Cà phê", "15.000.000"]],
                  number_columns=[3], total={"label": "Tổng cộng", "stated": {3: "35.000.000"}})
    assert table.column_sum(3) == Decimal(35_000_000)


def test_rows_that_break_an_item_down_are_not_counted_again():
    """ "Trong đó: - …" rows under an item (no STT of their own) are part of it: 850 + 4.200 + 1.400."""
    table = Table(header=[["TT", "Nội dung", "Kinh phí (triệu đồng)"]],
                  rows=[["1", "Tổ chức đánh giá, phân hạng sản phẩm cấp tỉnh", "850"],
                        ["2", "Hỗ trợ chủ thể hoàn thiện sản phẩm", "4.200"],
                        ["", "Trong đó: - Hỗ trợ thiết kế bao bì, nhãn mác", "1.200"],
                        ["", "- Hỗ trợ kiểm nghiệm, công bố chất lượng", "3.000"],
                        ["3", "Hội chợ OCOP năm 2025", "1.400"]],
                  number_columns=[3], total={"label": "TỔNG CỘNG", "stated": {3: "6.450"}, "at": "top"})
    assert table.details() == {2, 3} and table.column_sum(3) == Decimal(6450)
    with pytest.raises(ValidationError, match="ghi 10.650 nhưng tổng các dòng là 6.450"):
        Table.model_validate(dict(table.model_dump(), total={"label": "TỔNG CỘNG", "stated": {3: "10.650"}}))


def test_a_breakdown_larger_than_its_item_is_an_error_naming_the_row():
    rows = [["1", "Tổ chức đánh giá", "850"], ["2", "Hỗ trợ chủ thể hoàn thiện sản phẩm", "900"],
            ["", "Trong đó: - Hỗ trợ thiết kế bao bì, nhãn mác", "1.200"], ["", "- Hỗ trợ kiểm nghiệm", "3.000"]]
    with pytest.raises(ValidationError, match=r"dòng '2 Hỗ trợ chủ thể hoàn thiện sản phẩm' \(dòng 2\), cột 3 ghi 900 nhưng "
                                              r"các dòng 'Trong đó' dưới nó cộng lại 4.200"):
        Table(header=[["TT", "Nội dung", "Kinh phí"]], rows=rows, number_columns=[3], total={"label": "Tổng cộng"})
    assert Table(header=[["TT", "Nội dung", "Kinh phí"]], rows=rows, number_columns=[3])  # no total: nothing summed


@pytest.mark.parametrize("label", ["Tổng cộng", "TỔNG CỘNG:", "Tổng số: 30 sản phẩm", "Tổng kinh phí", "Cộng", "Cộng:",
                                   "Cộng 5 sản phẩm", "tong cong"])
def test_total_labels_the_readers_of_tables_share(label):
    assert is_total_label(label)


@pytest.mark.parametrize("label", ["Cộng đồng dân cư đóng góp", "Công tác tuyên truyền", "Tổ công tác", "Hỗ trợ tổng thể"])
def test_rows_that_only_begin_like_a_total_are_not_one(label):
    assert not is_total_label(label)


@pytest.mark.parametrize("label", ["Tổng kết Chương trình", "Tổng hợp báo cáo kết quả", "TỔNG KẾT NĂM"])
def test_a_task_that_begins_with_tong_is_not_a_total(label):
    assert not is_total_label(label)
