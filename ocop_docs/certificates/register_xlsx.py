"""The register as an Excel workbook for people (``register xuat``): every number and every change.

Sheet "Sổ đăng ký": one row per number, void ones included, with its status, the number it
replaces and the one that replaced it. Sheet "Lịch sử": the register's history, oldest first.
Text a clerk typed is written as text: a cell starting with = + - @ (or tab, CR) gets a leading
apostrophe-quote so Excel shows it instead of running it as a formula.
"""
from __future__ import annotations

from pathlib import Path

from ..render.atomic import write_bytes_atomic
from .register import ACTIONS_VI, STATUS_VI, Register

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    ("Số giấy chứng nhận", 22), ("Trạng thái", 16), ("Cơ quan cấp", 34), ("Năm", 7), ("Số thứ tự", 9),
    ("Tên sản phẩm", 40), ("Chủ thể", 34), ("Địa chỉ", 40), ("Mã số sản phẩm", 18), ("Hạng sao", 9), ("Điểm", 8),
    ("Quyết định công nhận", 20), ("Ngày quyết định", 14), ("Ngày cấp", 12), ("Có giá trị đến hết ngày", 14),
    ("Cấp lại thay số", 22), ("Được thay bằng số", 22), ("Lý do hủy", 30), ("Ngày hủy", 12),
    ("Tệp DOCX", 30), ("Tệp PDF", 30), ("Bảng nguồn", 30), ("Dòng trong bảng", 10), ("Mã dòng trong sổ", 10),
)
HISTORY_COLUMNS = (("Thời điểm (UTC)", 20), ("Việc", 30), ("Số giấy chứng nhận", 22), ("Năm", 7), ("Lý do", 36),
                   ("Chi tiết", 60))


def cell_text(value):
    """``value`` safe for a cell: text that Excel would read as a formula is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_register(reg: Register, out: str | Path) -> int:
    """Write the workbook to ``out`` (atomically); returns the number of certificate rows."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    entries = reg.entries()
    by_id = {e.id: e for e in entries}
    replaced_by = {e.replaces: e for e in entries if e.replaces is not None}
    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ đăng ký"

    def header(ws, columns) -> None:
        ws.append([name for name, _ in columns])
        for i, (_, width) in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
            ws.cell(1, i).font = Font(bold=True)
            ws.cell(1, i).alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"

    header(sheet, COLUMNS)
    for e in entries:
        old = by_id.get(e.replaces) if e.replaces is not None else None
        new = replaced_by.get(e.id)
        row = [
            e.number, STATUS_VI[e.status], e.issuer_name, e.year, e.seq, e.product, e.owner, e.address,
            e.product_code or "", e.stars, float(e.score) if e.score else None, e.decision, e.decision_date,
            e.issued_on, e.valid_until, old.number if old else "", new.number if new else "", e.void_reason or "",
            (e.voided_at or "")[:10], e.docx_file or "", e.pdf_file or "", e.source or "", e.source_row, e.id,
        ]
        sheet.append([cell_text(v) for v in row])
        for col in (13, 14, 15):
            sheet.cell(sheet.max_row, col).number_format = "DD/MM/YYYY"
    history = book.create_sheet("Lịch sử")
    header(history, HISTORY_COLUMNS)
    for h in reg.history():
        history.append([cell_text(v) for v in (h["at"].replace("T", " ")[:19], ACTIONS_VI.get(h["action"], h["action"]),
                                               h["number"] or "", h["year"], h["reason"] or "", h["detail"] or "")])
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomic(Path(out), buffer.getvalue())
    return len(entries)
