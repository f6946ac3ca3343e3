"""The reports a batch leaves beside its certificates: the manifest and the rejected rows.

Both are CSV as Excel opens them (UTF-8 with BOM, comma-separated) with Vietnamese headers.

* ``manifest.csv`` (MANIFEST_NAME): one line per certificate — number, product, chủ thể,
  stars, score, issue date, last valid day, source row, the .docx and .pdf file names
  (relative to the output folder) with their SHA-256 — and a last line, without number,
  for the combined printing PDF.
* ``dong-bi-loai.csv`` (REJECTS_NAME): one line per row that got no certificate, with its row
  number in the table and the reason in Vietnamese; absent when every row was produced.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .files import write_if_changed

MANIFEST_NAME = "manifest.csv"
REJECTS_NAME = "dong-bi-loai.csv"
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


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_manifest(path: Path, lines: list[ManifestLine]) -> tuple[str, bool]:
    """Write the manifest (atomically, only when it changes)."""
    keys = list(MANIFEST_COLUMNS)
    return write_if_changed(path, _csv(list(MANIFEST_COLUMNS.values()), [[getattr(line, k) for k in keys] for line in lines]))


def read_manifest(path: Path) -> list[ManifestLine]:
    """The lines of a manifest written by :func:`write_manifest`; [] when missing or unreadable."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (FileNotFoundError, UnicodeDecodeError):
        return []
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != list(MANIFEST_COLUMNS.values()):
        return []
    keys = list(MANIFEST_COLUMNS)
    return [ManifestLine(**dict(zip(keys, r))) for r in rows[1:] if len(r) == len(keys)]


def write_rejects(path: Path, rejects: list[RejectLine]) -> bool:
    """Write the rejects report, or remove a stale one when there is nothing to report."""
    if not rejects:
        existed = path.exists()
        path.unlink(missing_ok=True)
        return existed
    keys = list(REJECT_COLUMNS)
    rows = [["" if getattr(r, k) is None else str(getattr(r, k)) for k in keys] for r in rejects]
    return write_if_changed(path, _csv(list(REJECT_COLUMNS.values()), rows))[1]
