"""Workbooks read as Excel shows them, and hostile workbooks refused with a Vietnamese message."""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook

from ocop_docs.errors import DataError
from ocop_docs.io.tables import read_products
from ocop_docs.io.workbook import column_letter, read_sheet

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
    assert "t.xlsx, trang 'Sheet': bỏ qua 2 dòng bị ẩn: dòng 3 «2 | Sản phẩm 2 | HTX | 62»; dòng 4 «3 | Sản phẩm 3 | HTX | 63»" in table.notices


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


def _deflate_repeated(block: bytes, times: int) -> tuple[bytes, int]:
    """The raw deflate stream and CRC of ``block`` repeated ``times`` times, without compressing it all:
    after a full flush the compressor's state is reset, so every block compresses to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(block) + c.flush(zlib.Z_FULL_FLUSH) == first
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    return first * times + c.flush(), crc


def _with_raw_entry(base: bytes, name: str, raw: bytes, size: int, crc: int) -> bytes:
    """Zip ``base`` with one more entry whose deflated bytes are ``raw`` (declared size ``size``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info))
        entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.CRC, entry.compress_size, entry.file_size = crc, len(raw), size
        entry.header_offset = dst.fp.tell()
        dst.fp.write(entry.FileHeader(False))
        dst.fp.write(raw)
        dst.filelist.append(entry)
        dst.NameToInfo[name] = entry
        dst.start_dir = dst.fp.tell()
    return out.getvalue()


def test_zip_bomb_is_refused_before_openpyxl(tmp_path):
    """A 1 MB workbook whose sharedStrings inflate to 1 GB: refused by the .docx limits, nothing inflated."""
    path = simple(tmp_path / "bomb.xlsx")
    block = b"<si><t>" + b"A" * ((1 << 20) - 16) + b"</t></si>"
    raw, crc = _deflate_repeated(block, 1024)
    path.write_bytes(_with_raw_entry(path.read_bytes(), "xl/sharedStrings.xml", raw, len(block) * 1024, crc))
    assert path.stat().st_size < 1.2 * 1024 * 1024
    with pytest.raises(DataError) as info:
        read_products(path)
    text = str(info.value)
    assert "bomb.xlsx" in text and "không đọc được tệp Excel" in text
    assert "phần tử 'xl/sharedStrings.xml' khai báo 1.024 MB khi giải nén" in text
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


def test_many_hidden_rows_are_listed_with_what_they_hold_then_counted(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(HEAD)
    for i in range(1, 11):
        ws.append([i, f"Sản phẩm {i}", "HTX", 60 + i])
    for r in range(2, 10):
        ws.row_dimensions[r].hidden = True
    table = read_products(saved(wb, tmp_path / "t.xlsx"))
    assert [p.name for p in table.products] == ["Sản phẩm 9", "Sản phẩm 10"]
    hidden = next(n for n in table.notices if "dòng bị ẩn" in n)
    assert hidden.endswith("bỏ qua 8 dòng bị ẩn: dòng 2 «1 | Sản phẩm 1 | HTX | 61»; dòng 3 «2 | Sản phẩm 2 | HTX | 62»; "
                           "dòng 4 «3 | Sản phẩm 3 | HTX | 63»; dòng 5 «4 | Sản phẩm 4 | HTX | 64»; "
                           "dòng 6 «5 | Sản phẩm 5 | HTX | 65»; dòng 7 «6 | Sản phẩm 6 | HTX | 66»; … và 2 dòng khác (dòng 8–9)")


def test_a_value_of_the_wrong_type_gets_a_vietnamese_message(tmp_path):
    """A number cell holding "NaN" (a file not written by Excel): no class name of the library in the message."""
    wb = Workbook()
    wb.active.append(HEAD)
    wb.active.append([1, "Trà", "HTX", 70.5])
    path = saved(wb, tmp_path / "t.xlsx")
    rewritten = tmp_path / "nan.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data.replace(b"<v>70.5</v>", b"<v>NaN</v>") if "sheet1" in info.filename else data)
    with pytest.raises(DataError) as info:
        read_products(rewritten)
    assert "có ô chứa giá trị không đúng kiểu Excel ghi" in str(info.value) and "Error" not in str(info.value)


def _hostile(kind: str, good: bytes) -> bytes:
    """A workbook broken the way ``kind`` says, from the bytes of a good one."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = {"dtd": b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]>' + data,
                        "broken XML": data[: len(data) // 2],
                        "5,000-digit integer": re.sub(rb"<v>1</v>", b"<v>" + b"7" * 5000 + b"</v>", data, count=1),
                        "NaN": re.sub(rb"<v>1</v>", b"<v>NaN</v>", data, count=1)}[kind]
            dst.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["dtd", "broken XML", "5,000-digit integer", "NaN"])
def test_a_hostile_members_workbook_stops_render_with_a_message_and_exit_2(kind, tmp_path):
    """Case 11 through the CLI: a Vietnamese message naming the file, exit code 2, no traceback, no document."""
    from click.testing import CliRunner

    from ocop_docs.cli import main

    wb = Workbook()
    wb.active.append(["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Chức danh trong Hội đồng"])
    wb.active.append([1, "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng"])
    good = io.BytesIO()
    wb.save(good)
    (tmp_path / "tv.xlsx").write_bytes(_hostile(kind, good.getvalue()))
    spec = tmp_path / "qd.yaml"
    spec.write_text("kind: council_decision\nissuer: {name: Ủy ban nhân dân tỉnh Hà Tĩnh, level: tinh}\nplace: Hà Tĩnh\n"
                    "date: 2026-06-08\nsigner: {title: Chủ tịch}\nexecutors: [Chánh Văn phòng]\nmembers_file: tv.xlsx\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path / "qd.docx")])
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'tv.xlsx'}" in result.output and "không đọc được tệp Excel" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "qd.docx").exists()


@pytest.mark.parametrize("active", [0, 1])
def test_of_several_sheets_the_one_excel_shows_is_read_and_the_others_named(active, tmp_path):
    """FINDINGS 53: rounds kept as sheets "Đợt 1", "Đợt 2", saved with "Đợt 2" open: "Đợt 1" was read in silence."""
    wb = Workbook()
    first = wb.active
    first.title = "Đợt 1"
    first.append(HEAD)
    first.append([1, "Trà xanh", "HTX Trà", 70])
    second = wb.create_sheet("Đợt 2")
    second.append(HEAD)
    second.append([1, "Cam Vũ Quang", "HTX Cam", 78])
    wb.active = active
    table = read_products(saved(wb, tmp_path / "t.xlsx"))
    read, other = ("Đợt 1", "Đợt 2") if active == 0 else ("Đợt 2", "Đợt 1")
    assert [p.name for p in table.products] == (["Trà xanh"] if active == 0 else ["Cam Vũ Quang"])
    assert (f"t.xlsx, trang '{read}': tệp có 2 trang tính; đọc trang '{read}' (trang đang mở khi lưu tệp), không đọc "
            f"trang '{other}' — muốn đọc trang khác thì mở trang đó trong Excel rồi lưu lại") in table.notices
