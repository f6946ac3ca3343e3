"""Reading a sheet of an .xlsx workbook as Excel shows it, with nothing lost in silence.

The workbook is checked as a zip with the same limits as a .docx (``docx/package.py``: entry
count, declared sizes, compression ratio, no DTD) before openpyxl reads it, plus a tighter limit
on the total uncompressed size, because openpyxl holds every cell in memory.

What Excel shows and openpyxl's plain reading would lose or invent:

* a hidden sheet is not the "first" sheet when no sheet is named, and is said so;
* hidden rows are skipped and listed (the officer hid them because they do not count);
* a merged cell shows its value in every row of the region (a "Đơn vị công tác" merged over
  three members belongs to all three), so the value is copied into every cell of the region;
* a formula whose result was never computed (a file written by a program, not saved by Excel)
  has no value: it becomes :class:`Uncomputed`, reported as an error naming the cell, never
  read as an empty cell.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..docx.package import read_bytes, validate_package
from ..errors import DataError, UnreadableFile
from ..vi.text import fold

MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024
"""Largest total uncompressed size of a workbook's parts (openpyxl keeps every cell in memory)."""

MAX_XLSX_BYTES = 50 * 1024 * 1024
"""Largest .xlsx file accepted."""

MAX_COLUMNS = 256
"""Widest sheet read (a table of products or members has a dozen columns)."""

MAX_MERGED_CELLS = 200_000
"""Most cells all merged regions of a workbook may cover together."""


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell that has no computed value in the file."""

    ref: str
    formula: str

    def __str__(self) -> str:
        return f"ô {self.ref} có công thức {self.formula} nhưng chưa có giá trị đã tính"


@dataclass
class SheetData:
    """The cells of one sheet, row by row, and what was skipped while reading it (Vietnamese)."""

    name: str
    rows: list[tuple[int, list[Any]]]
    notices: list[str] = field(default_factory=list)
    hidden_columns: set[str] = field(default_factory=set)  # letters of the columns Excel does not show
    hidden_rows: list[int] = field(default_factory=list)  # rows with content that were skipped as hidden


def column_letter(index: int) -> str:
    """Excel's letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _not_xlsx(path: Path, reason: str) -> DataError:
    return DataError(path, f"không đọc được tệp Excel: {reason}; hãy mở tệp bằng Excel và lưu lại dạng .xlsx")


def _checked_bytes(path: Path) -> bytes:
    """The bytes of a workbook after the zip checks of ``docx/package.py`` and the size limit."""
    try:
        data = read_bytes(path, MAX_XLSX_BYTES, f"Tệp {path} quá lớn (tối đa {MAX_XLSX_BYTES // (1024 * 1024)} MB).")
        validate_package(data, str(path))
    except UnreadableFile as exc:
        # The shared checks speak of a .docx; keep only the reason.
        reason = str(exc).split(" hợp lệ: ", 1)[-1].rstrip(".").replace("Word không cho phép", "Excel không cho phép")
        raise _not_xlsx(path, reason) from None
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        total = sum(info.file_size for info in zf.infolist())
    if total > MAX_XLSX_UNCOMPRESSED:
        raise _not_xlsx(path, f"nội dung giải nén {total // (1024 * 1024)} MB, vượt giới hạn "
                              f"{MAX_XLSX_UNCOMPRESSED // (1024 * 1024)} MB (nghi là bom nén)")
    return data


def _load(path: Path, data: bytes, values: bool):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=values, read_only=False)
    except Exception as exc:  # openpyxl wraps what went wrong; the message names the cause, in Vietnamese
        raise _not_xlsx(path, _cause(exc)) from None


def _cause(exc: BaseException) -> str:
    """What went wrong inside openpyxl, from the chain of exceptions it raised."""
    chain: list[BaseException] = []
    while exc is not None and len(chain) < 10:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    for e in chain:
        if isinstance(e, ValueError) and "digits" in str(e):  # Python reads no integer of over 4,300 digits
            return "có ô chứa số quá dài (hàng nghìn chữ số), không phải số Excel ghi"
    for e in chain:
        if isinstance(e, SyntaxError):  # xml.etree's ParseError and lxml's XMLSyntaxError
            line = getattr(e, "lineno", None) or (getattr(e, "position", None) or (None,))[0]
            return "nội dung XML bị hỏng" + (f" (dòng {line} của phần XML)" if line else "")
    return f"cấu trúc tệp không hợp lệ ({type(chain[-1]).__name__})"


def _pick_sheet(path: Path, workbook, sheet_name: str | None, notices: list[str]):
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    if sheet_name is None:
        visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
        if not visible:
            raise DataError(path, "mọi trang tính đều bị ẩn; hãy hiện trang cần đọc hoặc ghi tên trang")
        if hidden:
            notices.append(f"bỏ qua trang tính ẩn: {', '.join(repr(n) for n in hidden)}; đọc trang '{visible[0].title}'")
        return visible[0]
    names = {fold(ws.title, lower=True).strip(): ws for ws in workbook.worksheets}
    sheet = names.get(fold(sheet_name, lower=True).strip())
    if sheet is None:
        raise DataError(path, f"không có trang tính '{sheet_name}'; các trang có: {', '.join(workbook.sheetnames)}")
    if sheet.title in hidden:
        notices.append(f"trang tính '{sheet.title}' đang bị ẩn nhưng được đọc vì được ghi tên")
    return sheet


def read_sheet(path: str | Path, sheet_name: str | None = None, max_rows: int = 200_000) -> SheetData:
    """The rows of a sheet (1-based row number, cell values) as Excel shows them; see the module."""
    path = Path(path)
    data = _checked_bytes(path)
    has_formulas = _scan_sheets(path, data)
    values_book = _load(path, data, values=True)
    notices: list[str] = []
    sheet = _pick_sheet(path, values_book, sheet_name, notices)
    if sheet.max_row > max_rows:
        raise DataError(path, f"trang '{sheet.title}' có {sheet.max_row} dòng, vượt giới hạn {max_rows} dòng")
    # Only the cells the file holds: iter_rows() would create every cell of the used range.
    existing = sheet._cells
    width = max((c for _, c in existing), default=0)
    if width > MAX_COLUMNS:
        raise DataError(path, f"trang '{sheet.title}' có dữ liệu tới cột {column_letter(width - 1)}, "
                              f"vượt giới hạn {MAX_COLUMNS} cột")
    grid: dict[int, list[Any]] = {}

    def row_of(r: int) -> list[Any]:
        return grid.setdefault(r, [None] * width)

    for (r, c), cell in existing.items():
        if cell.value is not None:
            row_of(r)[c - 1] = cell.value
    if has_formulas:
        for (r, c), cell in _load(path, data, values=False)[sheet.title]._cells.items():
            if cell.data_type == "f" and row_of(r)[c - 1] is None:
                text = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", "") or "="
                grid[r][c - 1] = Uncomputed(cell.coordinate, str(text)[:60])
    for region in sheet.merged_cells.ranges:  # their area is bounded by _scan_sheets
        value = grid.get(region.min_row, [None] * width)[region.min_col - 1]
        for r in range(region.min_row, region.max_row + 1):
            for c in range(region.min_col - 1, min(region.max_col, width)):
                if value is not None or r in grid:
                    row_of(r)[c] = value
    hidden_rows = sorted(r for r, dim in sheet.row_dimensions.items() if dim.hidden and r in grid
                         and any(v not in (None, "") for v in grid[r]))
    if hidden_rows:
        notices.append(f"bỏ qua {len(hidden_rows)} dòng bị ẩn: {_ranges(hidden_rows)}")
    rows = [(r, grid[r]) for r in sorted(grid) if r not in set(hidden_rows)]
    hidden_columns = set()
    for key, dim in sheet.column_dimensions.items():
        if dim.hidden:
            # one dimension may cover a range of columns (min..max, 1-based)
            lo, hi = dim.min or 0, dim.max or 0
            hidden_columns |= {column_letter(c - 1) for c in range(lo, hi + 1)} if lo and hi else {key}
    values_book.close()
    return SheetData(sheet.title, rows, notices, hidden_columns, hidden_rows)


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})\"")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _scan_sheets(path: Path, data: bytes) -> bool:
    """Whether any worksheet holds a formula (then formulas are read too); DataError when the merged
    regions cover more than MAX_MERGED_CELLS cells (openpyxl makes an object for every merged cell:
    one region "A1:XFD20000" in a 2 KB file would take minutes and gigabytes)."""
    formulas = False
    merged = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            xml = zf.read(info)
            formulas = formulas or bool(_FORMULA.search(xml))
            for c1, r1, c2, r2 in _MERGE_REF.findall(xml):
                merged += (abs(int(r2) - int(r1)) + 1) * (abs(_column_number(c2) - _column_number(c1)) + 1)
                if merged > MAX_MERGED_CELLS:
                    raise _not_xlsx(path, f"vùng ô gộp quá lớn (hơn {MAX_MERGED_CELLS} ô, ở phần {info.filename})")
    return formulas


def _ranges(numbers: list[int]) -> str:
    """"3–5, 9" for [3, 4, 5, 9] (row numbers as an officer reads them)."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return "dòng " + ", ".join(out)
