"""The register as an Excel workbook for people (``register xuat``): every number and every change.

Sheet "Sổ đăng ký": one row per number, void ones included, with its status, the number it
replaces and the one that replaced it. Sheet "Lịch sử": the register's history, oldest first.
Written by the one writer of tables for people (``io.output_tables``): text a clerk typed stays
text, never a formula; dates are date cells shown dd/mm/yyyy.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..io.output_tables import Column, workbook_bytes
from ..io.atomic import write_bytes_atomic
from .issuers import issuer_key
from .register import ACTIONS_VI, STATUS_VI, Register, vn_time

COLUMNS = (
    Column("Số giấy chứng nhận", 22), Column("Trạng thái", 16), Column("Cơ quan cấp", 34), Column("Năm", 7, "int"),
    Column("Số thứ tự", 9, "int"), Column("Tên sản phẩm", 40), Column("Chủ thể", 34), Column("Địa chỉ", 40),
    Column("Mã số sản phẩm", 18), Column("Hạng sao", 9, "int"), Column("Điểm", 8, "score"),
    Column("Quyết định công nhận", 20), Column("Ngày quyết định", 14, "date"), Column("Ngày cấp", 12, "date"),
    Column("Có giá trị đến hết ngày", 14, "date"), Column("Cấp lại thay số", 22), Column("Được thay bằng số", 22),
    Column("Lý do hủy", 30), Column("Ngày hủy", 12, "date"), Column("Tệp DOCX", 30), Column("Tệp PDF", 30),
    Column("Bảng nguồn", 30), Column("Dòng trong bảng", 10, "int"), Column("Mã dòng trong sổ", 10, "int"),
)
HISTORY_COLUMNS = (Column("Thời điểm (giờ Việt Nam)", 20, "datetime"), Column("Việc", 30), Column("Số giấy chứng nhận", 22),
                   Column("Năm", 7, "int"), Column("Lý do", 36), Column("Chi tiết", 60))


def _score(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _day(at: str | None):
    """The day (Vietnam's time) of a register time, as a date cell; the text itself when unreadable."""
    try:
        return vn_time(at).date() if at else None
    except ValueError:
        return at


def _moment(at: str | None):
    """A register time in Vietnam's time, as a date-and-time cell; the text itself when unreadable."""
    try:
        return vn_time(at) if at else None
    except ValueError:
        return at


def export_register(reg: Register, out: str | Path, *, issuer: str | None = None) -> int:
    """Write the workbook to ``out`` (atomically); returns the number of certificate rows.

    ``issuer``: only the numbers and the history of that issuing body (any spelling of its name:
    the register's identity of the body, ``issuers.issuer_key``) — what one body's account of a
    shared server may see; nothing of another body is written.
    """
    key = issuer_key(issuer) if issuer is not None else None
    entries = reg.of_body(key) if key is not None else reg.entries()
    by_id = {e.id: e for e in entries}
    replaced_by = {e.replaces: e for e in entries if e.replaces is not None}
    rows = []
    for e in entries:
        old = by_id.get(e.replaces) if e.replaces is not None else None
        new = replaced_by.get(e.id)
        rows.append([
            e.number, STATUS_VI[e.status], e.issuer_name, e.year, e.seq, e.product, e.owner, e.address,
            e.product_code, e.stars, _score(e.score), e.decision, e.decision_date, e.issued_on, e.valid_until,
            old.number if old else None, new.number if new else None, e.void_reason, _day(e.voided_at),
            e.docx_file, e.pdf_file, e.source, e.source_row, e.id,
        ])
    history = [
        [_moment(h["at"]), ACTIONS_VI.get(h["action"], h["action"]), h["number"], h["year"], h["reason"],
         h["detail"]]
        for h in reg.history(key)
    ]
    write_bytes_atomic(Path(out), workbook_bytes([("Sổ đăng ký", COLUMNS, rows), ("Lịch sử", HISTORY_COLUMNS, history)]))
    return len(entries)
