"""Score sheets in Excel: what Excel hides or has not computed is never read as a member's mark."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from ocop_docs.errors import DataError
from ocop_docs.io.score_xlsx import read_sheet_xlsx, write_sheet_xlsx
from ocop_docs.model.forms import ScoreSheet
from ocop_docs.ocop.criteria import criteria_set


def filled(tmp_path, name="=HYPERLINK(\"http://x.invalid\",\"Bấm\")"):
    """A score sheet for set 1 with the first option of every criterion marked."""
    cs = criteria_set(1)
    ticks = {c.code: 1 for c in cs.criteria()}
    sheet = ScoreSheet.model_validate({"bo": 1, "product": {"name": name, "owner": "HTX A"}, "member": "An", "ticks": ticks})
    return write_sheet_xlsx(cs, tmp_path / "phieu.xlsx", sheet)


def test_a_product_name_like_a_formula_is_written_as_text_and_read_back(tmp_path):
    path = filled(tmp_path)
    ws = load_workbook(path).active
    cell = next(r[1] for r in ws.iter_rows() if r[0].value == "Tên sản phẩm")
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK(")
    sheet, _ = read_sheet_xlsx(path)
    assert sheet.product.name == "=HYPERLINK(\"http://x.invalid\",\"Bấm\")"


def test_hidden_rows_in_a_score_sheet_are_an_error(tmp_path):
    path = filled(tmp_path, "Cam")
    wb = load_workbook(path)
    wb.active.row_dimensions[20].hidden = True
    wb.save(path)
    with pytest.raises(DataError, match=r"phiếu có dòng bị ẩn \(20\); hãy hiện mọi dòng"):
        read_sheet_xlsx(path)


def test_a_mark_computed_by_a_formula_never_computed_is_an_error_naming_the_cell(tmp_path):
    path = filled(tmp_path, "Cam")
    wb = load_workbook(path)
    ws = wb.active
    row = next(r for r in ws.iter_rows() if r[5].value == "x")
    row[5].value = '=IF(D1>0,"x","")'
    wb.save(path)
    with pytest.raises(DataError) as info:
        read_sheet_xlsx(path)
    assert f"dòng {row[5].row}: ô F{row[5].row} có công thức =IF(D1>0,\"x\",\"\") nhưng chưa có giá trị đã tính" in str(info.value)


def relabel(path, labels: dict[str, str]):
    """The sheet with some of its printed labels written as a member or a clerk writes them."""
    wb = load_workbook(path)
    ws = wb.active
    for row in ws.iter_rows(max_col=1):
        if row[0].value in labels:
            row[0].value = labels[row[0].value]
    wb.save(path)
    return path


def test_labels_as_clerks_write_them_are_read(tmp_path):
    path = filled(tmp_path, "Cam")
    wb = load_workbook(path)
    ws = wb.active
    next(r for r in ws.iter_rows() if r[0].value == "Mã số sản phẩm")[1].value = "42-18313-01-2026"
    wb.save(path)
    relabel(path, {"Mã số sản phẩm": "Mã sản phẩm", "Tên chủ thể sản xuất": "Chủ thể OCOP",
                   "Người đánh giá": "Họ tên người đánh giá", "Ngày đánh giá": "Ngày chấm"})
    wb = load_workbook(path)
    next(r for r in wb.active.iter_rows() if r[0].value == "Mã tiêu chí")[5].value = "Đánh dấu (x)"
    wb.save(path)
    notices: list[str] = []
    sheet, _ = read_sheet_xlsx(path, notices)
    assert (sheet.product.code, sheet.product.owner, sheet.member) == ("42-18313-01-2026", "HTX A", "An")
    assert notices == []


def test_a_line_the_sheet_does_not_define_is_named_not_dropped(tmp_path):
    path = filled(tmp_path, "Cam")
    wb = load_workbook(path)
    ws = wb.active
    ws.insert_rows(12)
    ws["A12"], ws["B12"] = "Số điện thoại người chấm", "0912 000 111"
    ws["H20"] = "chấm lại sau"
    wb.save(path)
    notices: list[str] = []
    read_sheet_xlsx(path, notices)
    assert notices == ["phieu.xlsx: dòng 12 «Số điện thoại người chấm | 0912 000 111» không phải mục của phiếu, không được đọc",
                       "phieu.xlsx: ô H20 ở ngoài bảng tiêu chí (cột A–F), không được đọc"]


def test_a_mark_on_a_criterion_row_or_a_label_written_twice_is_an_error(tmp_path):
    path = filled(tmp_path, "Cam")
    wb = load_workbook(path)
    ws = wb.active
    criterion = next(r for r in ws.iter_rows(min_row=14) if r[0].value and r[1].value is None)
    criterion[5].value = "x"
    ws.insert_rows(3)
    ws["A3"], ws["B3"] = "Tên sản phẩm", "Bưởi"
    wb.save(path)
    with pytest.raises(DataError) as info:
        read_sheet_xlsx(path)
    text = str(info.value)
    assert "mục «Tên sản phẩm» ghi hai lần (dòng 3 và dòng 4)" in text
    row = criterion[5].row  # openpyxl moved the cell with the inserted row
    assert f"ô F{row} đánh dấu ở dòng tên tiêu chí {criterion[0].value}" in text


def test_score_command_says_what_it_passed_over(tmp_path):
    from click.testing import CliRunner

    from ocop_docs.cli import main

    path = filled(tmp_path, "Cam")
    wb = load_workbook(path)
    draft = wb.copy_worksheet(wb.active)
    draft.title = "Nháp"
    wb.move_sheet(draft, -1)
    draft.sheet_state = "hidden"
    wb.active = 1
    wb.save(path)
    result = CliRunner().invoke(main, ["score", str(path)])
    assert result.exit_code == 0, result.output
    assert "Lưu ý: phieu.xlsx: bỏ qua trang tính ẩn: 'Nháp'; đọc trang 'Bộ 1'" in result.stderr
