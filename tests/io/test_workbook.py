"""Workbooks read as Excel shows them, and hostile workbooks refused with a Vietnamese message."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ocop_docs.errors import DataError
from ocop_docs.io.tables import read_products
from ocop_docs.io.workbook import column_letter, read_sheet
from zipbombs import deflate_repeated, with_raw_entry

HEAD = ["STT", "Tên sản phẩm", "Chủ thể", "Điểm"]


def saved(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def rewrite(path: Path, replace: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> Path:
    """The workbook with some parts replaced (None: keep), and extra parts added."""
    data = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = replace.get(info.filename) or src.read(info)
            dst.writestr(info.filename, content)
        for name, content in (extra or {}).items():
            dst.writestr(name, content)
    path.write_bytes(out.getvalue())
    return path


def simple(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    ws.append([1, "Trà xanh", "HTX Trà", 70])
    return saved(wb, path)


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]


def test_hidden_first_sheet_is_not_read_and_is_named(tmp_path):
    wb = Workbook()
    old = wb.active
    old.title = "Bản cũ"
    old.append(HEAD)
    old.append([1, "Sản phẩm năm ngoái", "HTX Cũ", 60])
    old.sheet_state = "hidden"
    new = wb.create_sheet("Đợt 2")
    new.append(HEAD)
    new.append([1, "Trà xanh", "HTX Trà", 70])
    table = read_products(saved(wb, tmp_path / "t.xlsx"))
    assert [p.name for p in table.products] == ["Trà xanh"]
    assert "t.xlsx, trang 'Đợt 2': bỏ qua trang tính ẩn: 'Bản cũ'; đọc trang 'Đợt 2'" in table.notices


def test_hidden_rows_are_skipped_and_listed(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    for i in range(1, 6):
        ws.append([i, f"Sản phẩm {i}", "HTX", 60 + i])
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[4].hidden = True
    table = read_products(saved(wb, tmp_path / "t.xlsx"))
    assert [p.name for p in table.products] == ["Sản phẩm 1", "Sản phẩm 4", "Sản phẩm 5"]
    assert "t.xlsx, trang 'Sheet': bỏ qua 2 dòng bị ẩn: dòng 3–4" in table.notices


def test_merged_cells_fill_every_row_of_the_region(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD + ["Địa chỉ"])
    ws.append([1, "Trà xanh", "HTX Chè Hương Sơn", 70, "xã Sơn Kim 1"])
    ws.append([2, "Chè khô", None, 71, None])
    ws.append([3, "Chè búp", None, 72, None])
    ws.merge_cells("C2:C4")
    ws.merge_cells("E2:E4")
    table = read_products(saved(wb, tmp_path / "t.xlsx"))
    assert [(p.owner, p.address) for p in table.products] == [("HTX Chè Hương Sơn", "xã Sơn Kim 1")] * 3


def test_zip_bomb_is_refused_before_openpyxl(tmp_path):
    """A 1 MB workbook whose sharedStrings inflate to 1 GB: refused by the .docx limits, nothing inflated."""
    path = simple(tmp_path / "bomb.xlsx")
    block = b"<si><t>" + b"A" * ((1 << 20) - 16) + b"</t></si>"
    raw, crc = deflate_repeated(block, 1024)
    path.write_bytes(with_raw_entry(path.read_bytes(), "xl/sharedStrings.xml", raw, len(block) * 1024, crc))
    assert path.stat().st_size < 1.2 * 1024 * 1024
    with pytest.raises(DataError) as info:
        read_products(path)
    text = str(info.value)
    assert "bomb.xlsx" in text and "không đọc được tệp Excel" in text
    assert "phần tử 'xl/sharedStrings.xml' giải nén thành 1.024 MB, vượt giới hạn 100 MB (nghi là bom nén)" in text
    assert info.value.exit_code == 2


def test_dtd_in_a_part_is_refused(tmp_path):
    path = simple(tmp_path / "dtd.xlsx")
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + sheet
    rewrite(path, {"xl/worksheets/sheet1.xml": evil})
    with pytest.raises(DataError, match="(?s)dtd.xlsx.*không đọc được tệp Excel.*DTD/thực thể \\(Excel không cho phép\\)") as info:
        read_products(path)
    assert info.value.exit_code == 2


def test_broken_xml_gets_a_vietnamese_message(tmp_path):
    path = simple(tmp_path / "hong.xlsx")
    rewrite(path, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row r='1'><c r='A1'"})
    with pytest.raises(DataError, match=r"(?s)hong.xlsx.*không đọc được tệp Excel: nội dung XML bị hỏng.*; hãy mở tệp bằng Excel và lưu lại dạng .xlsx"):
        read_products(path)


def test_not_a_zip_and_a_5000_digit_number(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(DataError, match="(?s)x.xlsx.*không đọc được tệp Excel"):
        read_products(tmp_path / "x.xlsx")
    path = simple(tmp_path / "so.xlsx")
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    rewrite(path, {"xl/worksheets/sheet1.xml": sheet.replace(b"<v>70</v>", b"<v>" + b"7" * 5000 + b"</v>")})
    with pytest.raises(DataError, match="(?s)so.xlsx.*có ô chứa số quá dài"):
        read_products(path)


def test_read_sheet_names_missing_and_hidden_sheets(tmp_path):
    wb = Workbook()
    wb.active.title = "A"
    wb.active.sheet_state = "hidden"
    wb.create_sheet("B")
    path = saved(wb, tmp_path / "w.xlsx")
    assert read_sheet(path, "a").notices == ["trang tính 'A' đang bị ẩn nhưng được đọc vì được ghi tên"]
    with pytest.raises(DataError, match="không có trang tính 'C'; các trang có: A, B"):
        read_sheet(path, "C")
    book = zipfile.ZipFile(path).read("xl/workbook.xml")
    rewrite(path, {"xl/workbook.xml": book.replace(b'state="visible"', b'state="hidden"')})
    with pytest.raises(DataError, match="mọi trang tính đều bị ẩn; hãy hiện trang cần đọc hoặc ghi tên trang"):
        read_sheet(path)


def test_merged_region_bomb_is_refused_quickly(tmp_path):
    """A 2 KB workbook merging A1:XFD20000 (327 million cells) would take openpyxl minutes and gigabytes."""
    import time

    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    ws.append([1, "Trà xanh", "HTX Trà", 70])
    ws.merge_cells("E1:F2")
    path = saved(wb, tmp_path / "gop.xlsx")
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    rewrite(path, {"xl/worksheets/sheet1.xml": sheet.replace(b'ref="E1:F2"', b'ref="E1:XFD20000"')})
    started = time.perf_counter()
    with pytest.raises(DataError, match=r"(?s)gop.xlsx.*vùng ô gộp quá lớn \(hơn 200000 ô"):
        read_products(path)
    assert time.perf_counter() - started < 5


def test_a_cell_far_to_the_right_is_refused_not_expanded(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    ws.append([1, "Trà xanh", "HTX Trà", 70])
    ws["XFD2"] = "x"
    with pytest.raises(DataError, match="có dữ liệu tới cột XFD, vượt giới hạn 100 cột"):
        read_products(saved(wb, tmp_path / "rong.xlsx"))


def test_a_forged_dimension_does_not_make_empty_cells(tmp_path):
    """<dimension ref="A1:XFD1048576"> claims 17 billion cells; only the cells the file holds are read."""
    import time

    path = simple(tmp_path / "dim.xlsx")
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    forged = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
    assert forged != sheet
    rewrite(path, {"xl/worksheets/sheet1.xml": forged})
    started = time.perf_counter()
    assert [p.name for p in read_products(path).products] == ["Trà xanh"]
    assert time.perf_counter() - started < 5
