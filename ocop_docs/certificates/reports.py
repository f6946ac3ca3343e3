"""The reports a batch leaves beside its certificates: the manifest and the rejected rows.

Both are Excel workbooks (``io/output_tables.py``: typed cells, dates dd/mm/yyyy, no formula from
data) with Vietnamese headers.

* ``manifest.xlsx`` (MANIFEST_NAME): one line per certificate — number, product, chủ thể,
  stars, score, issue date, last valid day, source row, the .docx and .pdf file names
  (relative to the output folder) with their SHA-256 — and a last line, without number,
  for the combined printing PDF.
* ``dong-bi-loai.xlsx`` (REJECTS_NAME): one line per row that got no certificate, with its row
  number in the table and the reason in Vietnamese; absent when every row was produced.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..io.output_tables import Column, xlsx_bytes
from ..io.workbook import read_sheet
from .files import write_if_changed

MANIFEST_NAME = "manifest.xlsx"
REJECTS_NAME = "dong-bi-loai.xlsx"
COMBINED_LABEL = "Bản in gộp tất cả giấy chứng nhận"

MANIFEST_COLUMNS = {
    "number": "Số giấy chứng nhận",
    "product": "Tên sản phẩm",
    "owner": "Chủ thể",
    "stars": "Hạng sao",
    "score": "Điểm",
    "issued": "Ngày cấp",
    "valid_until": "Có giá trị đến hết ngày",
    "row": "Dòng trong bảng",
    "docx": "Tệp DOCX",
    "docx_sha256": "SHA-256 DOCX",
    "pdf": "Tệp PDF",
    "pdf_sha256": "SHA-256 PDF",
    "pdfa": "PDF/A",
}
REJECT_COLUMNS = {
    "row": "Dòng",
    "reason": "Lý do",
    "product": "Tên sản phẩm",
    "owner": "Chủ thể",
    "score": "Điểm",
    "stars": "Hạng sao",
}


@dataclass
class ManifestLine:
    """One line of the manifest (all strings, as written)."""

    number: str = ""
    product: str = ""
    owner: str = ""
    stars: str = ""
    score: str = ""
    issued: str = ""
    valid_until: str = ""
    row: str = ""
    docx: str = ""
    docx_sha256: str = ""
    pdf: str = ""
    pdf_sha256: str = ""
    pdfa: str = ""


@dataclass
class RejectLine:
    """One rejected row: its row number in the table and why, in Vietnamese."""

    row: int | None
    reason: str
    product: str = ""
    owner: str = ""
    score: str = ""
    stars: str = ""


MANIFEST_KINDS = {"stars": ("int", 9), "score": ("score", 8), "issued": ("date", 12), "valid_until": ("date", 14),
                  "row": ("int", 9), "product": ("text", 36), "owner": ("text", 36), "number": ("text", 22),
                  "docx": ("text", 30), "pdf": ("text", 30), "docx_sha256": ("text", 20), "pdf_sha256": ("text", 20)}
REJECT_KINDS = {"row": ("int", 7), "reason": ("text", 70), "product": ("text", 36), "owner": ("text", 36),
                "score": ("score", 9), "stars": ("text", 9)}


def _columns(names: dict[str, str], kinds: dict[str, tuple[str, int]]) -> list[Column]:
    return [Column(header, kinds.get(key, ("text", 12))[1], kinds.get(key, ("text", 12))[0]) for key, header in names.items()]


def _typed(value: str, kind: str) -> Any:
    """A manifest text as the cell Excel should hold (a number, a date), or the text itself."""
    if value in (None, ""):
        return None
    try:
        if kind == "int":
            return int(value)
        if kind == "score":
            return Decimal(value)
        if kind == "date":
            return dt.date.fromisoformat(value)
    except (ValueError, InvalidOperation):
        pass
    return value


def _text(value: Any, kind: str) -> str:
    """The manifest text of a cell read back (inverse of :func:`_typed`)."""
    if value is None:
        return ""
    if kind == "date" and isinstance(value, (dt.date, dt.datetime)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if kind == "score" and isinstance(value, (int, float)):
        return f"{value:.2f}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_manifest(path: Path, lines: list[ManifestLine]) -> tuple[str, bool]:
    """Write the manifest (atomically, only when it changes); a manifest.csv of an earlier version goes."""
    path.with_suffix(".csv").unlink(missing_ok=True)
    keys = list(MANIFEST_COLUMNS)
    kinds = {k: MANIFEST_KINDS.get(k, ("text", 12))[0] for k in keys}
    rows = [[_typed(getattr(line, k), kinds[k]) for k in keys] for line in lines]
    return write_if_changed(path, xlsx_bytes("Danh sách tệp", _columns(MANIFEST_COLUMNS, MANIFEST_KINDS), rows))


def read_manifest(path: Path) -> list[ManifestLine]:
    """The lines of a manifest written by :func:`write_manifest`; [] when missing or unreadable."""
    if not path.is_file():
        return []
    try:
        rows = read_sheet(path).rows
    except DataError:
        return []
    keys = list(MANIFEST_COLUMNS)
    if not rows or [str(v or "") for v in rows[0][1][: len(keys)]] != list(MANIFEST_COLUMNS.values()):
        return []
    kinds = {k: MANIFEST_KINDS.get(k, ("text", 12))[0] for k in keys}
    out = []
    for _, cells in rows[1:]:
        cells = list(cells) + [None] * (len(keys) - len(cells))
        out.append(ManifestLine(**{k: _text(v, kinds[k]) for k, v in zip(keys, cells)}))
    return out


def _score_cell(value: str | None) -> Any:
    """A score read from a number cell as a number (shown 69,99 by Excel in Vietnam); any other text as typed."""
    text = "" if value is None else str(value)
    if re.fullmatch(r"-?\d{1,3}(\.\d+)?", text.strip()):
        return Decimal(text.strip())
    return text


def write_rejects(path: Path, rejects: list[RejectLine]) -> bool:
    """Write the rejects report, or remove a stale one when there is nothing to report."""
    path.with_suffix(".csv").unlink(missing_ok=True)  # the CSV report of an earlier version
    if not rejects:
        existed = path.exists()
        path.unlink(missing_ok=True)
        return existed
    keys = list(REJECT_COLUMNS)
    rows = [[getattr(r, k) if k == "row" else _score_cell(getattr(r, k)) if k == "score"
             else ("" if getattr(r, k) is None else str(getattr(r, k))) for k in keys] for r in rejects]
    return write_if_changed(path, xlsx_bytes("Dòng bị loại", _columns(REJECT_COLUMNS, REJECT_KINDS), rows))[1]
