"""Tables written for people to open in Excel: .xlsx, or CSV the way Excel in Vietnam reads it.

* **No formula from data** (CSV/formula injection): a text starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return would be run by Excel as a formula (``=cmd|' /C calc'!A0``,
  ``=HYPERLINK(…)``). In .xlsx such a text is written as a text cell with Excel's quote prefix
  (shown as typed, still text when edited); in CSV it gets a leading apostrophe, as OWASP advises.
* **Excel with Vietnamese regional settings**: dates are real date cells shown dd/mm/yyyy,
  scores are numbers shown with two decimals. A CSV is UTF-8 with BOM, ";"-separated, with
  dd/mm/yyyy dates and decimal commas ("78,25"), so it opens in columns, not in one.
* **Same data, same bytes**: the zip entries and the workbook's dates are fixed, so a report
  that did not change is not rewritten (``certificates/files.write_if_changed``).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def is_formula_like(value: Any) -> bool:
    """Whether Excel would read this text as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise_text(value: str) -> str:
    """The text for a CSV cell: a leading apostrophe when Excel would read it as a formula."""
    return "'" + value if is_formula_like(value) else value


@dataclass
class Column:
    """A column of a table for people: its header, width and kind of value."""

    header: str
    width: float = 14
    kind: str = "text"  # text | int | score | date | datetime


def _vn_decimal(value: Decimal | float, places: int = 2) -> str:
    return f"{Decimal(str(value)):.{places}f}".replace(".", ",")


def csv_bytes(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> bytes:
    """A CSV for Excel in Vietnam: UTF-8 with BOM, ";", dd/mm/yyyy, decimal comma, no formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise_text(c.header) for c in columns])
    for row in rows:
        out = []
        for column, value in zip(columns, row):
            if value is None:
                out.append("")
            elif isinstance(value, (dt.date, dt.datetime)):
                out.append(value.strftime("%d/%m/%Y"))
            elif isinstance(value, (Decimal, float)) and column.kind == "score":
                out.append(_vn_decimal(value))
            elif isinstance(value, (Decimal, float)):
                out.append(str(value).replace(".", ","))
            else:
                out.append(neutralise_text(str(value)))
        writer.writerow(out)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> bytes:
    """An .xlsx workbook of one sheet: bold header with a filter, frozen first row, typed cells, no formulas."""
    return workbook_bytes([(title, columns, rows)])


def workbook_bytes(sheets: Sequence[tuple[str, Sequence[Column], Sequence[Sequence[Any]]]]) -> bytes:
    """An .xlsx workbook with one sheet per (title, columns, rows), as :func:`xlsx_bytes` writes one."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    fixed = dt.datetime(*_FIXED_TIME)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    for title, columns, rows in sheets:
        _fill(wb.create_sheet(title[:31]), columns, rows)
    buffer = io.BytesIO()
    wb.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fill(ws, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for c, column in enumerate(columns, 1):
        cell = ws.cell(1, c)
        set_text(cell, column.header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(c)].width = column.width
    ws.freeze_panes = "A2"
    # A filter on the header row: officers sort and tick these lists in Excel.
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{max(len(rows) + 1, 1)}"
    for r, row in enumerate(rows, 2):
        for c, (column, value) in enumerate(zip(columns, row), 1):
            cell = ws.cell(r, c)
            if value is None or value == "":
                continue
            if column.kind == "date" and isinstance(value, (dt.date, dt.datetime)):
                cell.value = value
                cell.number_format = "DD/MM/YYYY"
            elif column.kind == "datetime" and isinstance(value, dt.datetime):
                cell.value = value.replace(tzinfo=None)  # Excel has no time zones: the caller gives local time
                cell.number_format = "DD/MM/YYYY HH:MM:SS"
            elif column.kind in ("score", "int") and isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                cell.value = float(value) if column.kind == "score" else int(value)
                cell.number_format = "0.00" if column.kind == "score" else "0"
            else:
                set_text(cell, value if isinstance(value, str) else str(value))
                if column.width >= 30:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")


def set_text(cell, text: str) -> None:
    """A text cell that Excel never evaluates, whatever it starts with."""
    cell.value = text
    cell.data_type = "s"  # openpyxl would otherwise store a text starting with "=" as a formula
    if is_formula_like(text):
        cell.quotePrefix = True  # Excel's own mark of "text typed with a leading apostrophe"


def _fixed_zip(data: bytes) -> bytes:
    """The same workbook with fixed entry times and document dates (same data → same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()


def table_bytes(path: str | Path, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> bytes:
    """The bytes of the table for ``path``'s suffix: .xlsx (default for people) or .csv."""
    if Path(path).suffix.lower() == ".csv":
        return csv_bytes(columns, rows)
    return xlsx_bytes(title, columns, rows)
