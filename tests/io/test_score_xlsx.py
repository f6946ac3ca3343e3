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
