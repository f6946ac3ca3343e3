"""Reading a sheet of an .xlsx workbook as Excel shows it, with nothing lost in silence.

The workbook is checked as a zip with the same limits as a .docx (``docx/package.py``: entry
count, declared sizes, compression ratio, no DTD) before openpyxl reads it, plus tighter limits:
total uncompressed size, sheet width, and the area of merged regions. openpyxl streams the values
(read-only mode, over the cells the file holds, whatever its <dimension> claims); what that mode
does not give is read from the sheet's XML.

What Excel shows and openpyxl's plain reading would lose or invent:

* a hidden sheet is never read when no sheet is named, and is said so; of several visible sheets the
  one open when the file was saved (the one Excel shows) is read, naming the others;
* hidden rows are skipped and listed (the officer hid them because they do not count);
* a merged cell shows its value in every row of the region (a "Đơn vị công tác" merged over
  three members belongs to all three), so the value is copied down the region's first column;
  across columns Excel shows it once (a group row "I | HỘI ĐỒNG" or a total merged over B:F),
  so the other columns stay empty — copied there it would read as a name, a score, a role;
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
"""Largest total uncompressed size of a workbook's parts (every sheet's XML is scanned in memory)."""

MAX_XLSX_BYTES = 50 * 1024 * 1024
"""Largest .xlsx file accepted."""

MAX_COLUMNS = 100
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
        return load_workbook(io.BytesIO(data), data_only=values, read_only=True)
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
    for e in chain:
        if isinstance(e, (ValueError, TypeError)):  # a cell value openpyxl cannot convert ("NaN" as a number)
            return "có ô chứa giá trị không đúng kiểu Excel ghi (ví dụ chữ trong ô số)"
    return "cấu trúc tệp không hợp lệ"


def _pick_sheet(path: Path, workbook, sheet_name: str | None, notices: list[str]):
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    if sheet_name is None:
        visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
        if not visible:
            raise DataError(path, "mọi trang tính đều bị ẩn; hãy hiện trang cần đọc hoặc ghi tên trang")
        chosen = visible[0]
        if len(visible) > 1:
            # Several sheets and none named: read the one Excel shows on opening (the sheet open when the
            # file was saved), and say which one and which were not read.
            try:
                active = workbook.active
            except (IndexError, AttributeError):
                active = None
            chosen = next((ws for ws in visible if ws is active), chosen)
            others = ", ".join(f"'{ws.title}'" for ws in visible if ws is not chosen)
            notices.append(f"tệp có {len(visible)} trang tính; đọc trang '{chosen.title}' (trang đang mở khi lưu tệp), "
                           f"không đọc trang {others} — muốn đọc trang khác thì mở trang đó trong Excel rồi lưu lại")
        if hidden:
            notices.append(f"bỏ qua trang tính ẩn: {', '.join(repr(n) for n in hidden)}; đọc trang '{chosen.title}'")
        return chosen
    names = {fold(ws.title, lower=True).strip(): ws for ws in workbook.worksheets}
    sheet = names.get(fold(sheet_name, lower=True).strip())
    if sheet is None:
        raise DataError(path, f"không có trang tính '{sheet_name}'; các trang có: {', '.join(workbook.sheetnames)}")
    if sheet.title in hidden:
        notices.append(f"trang tính '{sheet.title}' đang bị ẩn nhưng được đọc vì được ghi tên")
    return sheet


def read_sheet(path: str | Path, sheet_name: str | None = None, max_rows: int = 200_000) -> SheetData:
    """The rows of a sheet (1-based row number, cell values) as Excel shows them; see the module.

    openpyxl reads the values in its streaming (read-only) mode, over the cells the file holds
    only; what that mode does not give (hidden rows and columns, merged regions, formulas without
    a value) is read from the sheet's XML by :func:`_layout`.
    """
    path = Path(path)
    data = _checked_bytes(path)
    _check_merges(path, data)
    book = _load(path, data, values=True)
    notices: list[str] = []
    try:
        sheet = _pick_sheet(path, book, sheet_name, notices)
        part = str(getattr(sheet, "_worksheet_path", "")).lstrip("/")
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read(part) if part in zf.namelist() else b""
        layout = _layout(xml)
        grid = _values(path, sheet, max_rows)
    finally:
        book.close()
    if layout.formulas:
        formulas = _load(path, data, values=False)
        try:
            for r, cells in _values(path, formulas[sheet.title], max_rows).items():
                for c, text in enumerate(cells):
                    if isinstance(text, str) and text.startswith("=") and _cell_row(grid, r, c + 1)[c] is None:
                        grid[r][c] = Uncomputed(f"{column_letter(c)}{r}", text[:60])
        finally:
            formulas.close()
    for r1, c1, r2, _c2 in layout.merges:
        top = grid.get(r1, [])
        value = top[c1 - 1] if c1 - 1 < len(top) else None
        if value is None:
            continue
        for r in range(r1 + 1, r2 + 1):
            _cell_row(grid, r, c1)[c1 - 1] = value
    width = max((len(cells) for cells in grid.values()), default=0)
    rows = [(r, grid[r] + [None] * (width - len(grid[r]))) for r in sorted(grid)]
    hidden_rows = [r for r, cells in rows if r in layout.hidden_rows and any(v not in (None, "") for v in cells)]
    if hidden_rows:
        # Say what each hidden row holds: the officer must see which member or product was left out.
        held = {r: " | ".join(_shown_cell(v) for v in cells if v not in (None, "")) for r, cells in rows if r in hidden_rows}
        listed = "; ".join(f"dòng {r} «{_clip(held[r])}»" for r in hidden_rows[:6])
        more = f"; … và {len(hidden_rows) - 6} dòng khác ({_ranges(hidden_rows[6:])})" if len(hidden_rows) > 6 else ""
        notices.append(f"bỏ qua {len(hidden_rows)} dòng bị ẩn: {listed}{more}")
    skipped = set(hidden_rows)
    rows = [(r, cells) for r, cells in rows if r not in skipped]
    hidden_columns = {column_letter(c - 1) for c in layout.hidden_columns if c <= width}
    return SheetData(sheet.title, rows, notices, hidden_columns, hidden_rows)


def _cell_row(grid: dict[int, list[Any]], r: int, width: int) -> list[Any]:
    """Row ``r`` of the grid, at least ``width`` cells long."""
    row = grid.setdefault(r, [])
    if len(row) < width:
        row.extend([None] * (width - len(row)))
    return row


def _values(path: Path, sheet, max_rows: int) -> dict[int, list[Any]]:
    """Row number → cell values of the rows that hold a value, over the cells the file holds only."""
    sheet.reset_dimensions()  # a forged <dimension ref="A1:XFD1048576"> would make every cell of it
    grid: dict[int, list[Any]] = {}
    try:
        for r, cells in enumerate(sheet.iter_rows(values_only=True), 1):
            if r > max_rows:
                raise DataError(path, f"trang '{sheet.title}' có hơn {max_rows} dòng, vượt giới hạn")
            if len(cells) > MAX_COLUMNS and any(v is not None for v in cells[MAX_COLUMNS:]):
                last = max(i for i, v in enumerate(cells) if v is not None)
                raise DataError(path, f"trang '{sheet.title}' có dữ liệu tới cột {column_letter(last)}, "
                                      f"vượt giới hạn {MAX_COLUMNS} cột")
            if any(v is not None for v in cells):
                values = list(cells[:MAX_COLUMNS])
                while values and values[-1] is None:
                    values.pop()
                grid[r] = values
    except DataError:
        raise
    except Exception as exc:  # the streaming reader parses as it goes: its failures come here
        raise _not_xlsx(path, _cause(exc)) from None
    return grid


@dataclass
class _Layout:
    hidden_rows: set[int]
    hidden_columns: set[int]  # 1-based
    merges: list[tuple[int, int, int, int]]  # (first row, first column, last row, last column), 1-based
    formulas: bool


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)/?>")
_ATTRIBUTE = re.compile(rb"\b(r|min|max|hidden)=\"([^\"]*)\"")
_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})\"")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _layout(xml: bytes) -> _Layout:
    """What Excel shows of a sheet that openpyxl's streaming mode does not give, from its XML."""
    hidden_rows, hidden_columns = set(), set()
    for attributes in _ROW_TAG.findall(xml):
        found = dict(_ATTRIBUTE.findall(attributes))
        if found.get(b"hidden") in (b"1", b"true") and found.get(b"r", b"").isdigit():
            hidden_rows.add(int(found[b"r"]))
    for attributes in _COL_TAG.findall(xml):
        found = dict(_ATTRIBUTE.findall(attributes))
        if found.get(b"hidden") in (b"1", b"true") and found.get(b"min", b"").isdigit():
            low = int(found[b"min"])
            high = min(int(found.get(b"max", found[b"min"])), MAX_COLUMNS)
            hidden_columns |= set(range(low, high + 1))
    merges = [(int(r1), _column_number(c1), int(r2), _column_number(c2)) for c1, r1, c2, r2 in _MERGE_REF.findall(xml)]
    merges = [(min(a, c), min(b, d), max(a, c), max(b, d)) for a, b, c, d in merges]
    return _Layout(hidden_rows, hidden_columns, merges, bool(_FORMULA.search(xml)))


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_merges(path: Path, data: bytes) -> None:
    """DataError when the merged regions of the worksheets cover more than MAX_MERGED_CELLS cells:
    a region "A1:XFD20000" in a 2 KB file is 327 million cells to fill."""
    merged = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            for c1, r1, c2, r2 in _MERGE_REF.findall(zf.read(info)):
                merged += (abs(int(r2) - int(r1)) + 1) * (abs(_column_number(c2) - _column_number(c1)) + 1)
                if merged > MAX_MERGED_CELLS:
                    raise _not_xlsx(path, f"vùng ô gộp quá lớn (hơn {MAX_MERGED_CELLS} ô, ở phần {info.filename})")


def _shown_cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return " ".join(str(value).split())


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
