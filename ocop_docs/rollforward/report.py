"""The roll-forward report, in Vietnamese, for the officer who finishes the draft: Markdown, or an
Excel workbook (``--report thay-doi.xlsx``) with one sheet per list.

It lists first what a person must decide (each with its location in the draft and what to do),
then every change the software made (before → after), both in the order of the document, the căn
cứ and their status on the date the rules were read at, and what the reader of the old document was
unsure of.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..io.output_tables import Column
from . import RollResult, in_document_order
from .decisions import decisions

_STATUS = {
    "valid": "còn hiệu lực", "amended": "còn hiệu lực, có văn bản sửa đổi", "replaced": "hết hiệu lực — đã thay",
    "lapsed": "hết hiệu lực — đã bỏ", "added": "thêm mới", "unknown": "không có trong danh mục",
    "ended_period": "giai đoạn đã kết thúc", "not_yet": "chưa ban hành vào ngày ký",
    "superior_plan": "kế hoạch năm cũ của cấp trên",
}
_CATEGORY = {
    "district": "Cấp huyện", "number": "Số, ngày", "year": "Năm", "basis": "Căn cứ", "target": "Chỉ tiêu",
    "budget": "Kinh phí", "signer": "Người ký", "issuer": "Cơ quan ban hành", "agency": "Tên cơ quan", "task": "Nhiệm vụ",
    "province": "Tỉnh sau sắp xếp", "officer": "Người soạn sửa",
}


def _cell(text: str, limit: int = 220) -> str:
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _keys(result: RollResult) -> dict[int, list[str]]:
    """The answer keys (``decisions.py``) of each review item."""
    out: dict[int, list[str]] = {}
    for d in decisions(result):
        out.setdefault(id(d.item), []).append(d.key)
        for item in result.reviews:  # a table's cell is also a decision of the whole table
            if item is not d.item and any(s is d.slot for s in item.slots):
                out.setdefault(id(item), []).append(d.key)
    return out


def render_report(result: RollResult, source_name: str = "", notes: Sequence[str] = (), outputs: Sequence[str] = ()) -> str:
    """The Markdown report of a roll-forward."""
    old, new = result.source, result.plan
    period_old = f"{old.year}" if not old.end_year else f"{old.year}-{old.end_year}"
    period_new = f"{new.year}" if not new.end_year else f"{new.year}-{new.end_year}"
    what = "quyết định" if getattr(old, "kind", "") == "decision" else "kế hoạch"
    lines = [
        f"# Báo cáo chuyển {what} sang năm {period_new}",
        "",
        f"- {what.capitalize()} gốc: **{old.title}** ({old.issuer.name}, {period_old})" + (f" — tệp `{source_name}`" if source_name else ""),
        f"- Bản dự thảo: **{new.title}** ({new.issuer.name})",
        f"- Quy định áp dụng theo ngày ký dự kiến: {result.on:%d/%m/%Y}",
        f"- Việc cần người soạn quyết định: **{len(result.reviews)}**; thay đổi phần mềm đã thực hiện: **{len(result.changes)}**",
    ]
    lines += [f"- Tệp đã ghi: `{o}`" for o in outputs]
    if result.warnings:
        lines += ["", "## Cảnh báo", ""] + [f"> **{w}**" for w in result.warnings]
    lines += ["", "## Những việc người soạn phải quyết định", "",
              "Trong tệp .docx của bản dự thảo, mỗi việc là một ghi chú (comment) gắn vào đúng chữ cần xem "
              "(với --danh-dau to-mau: đoạn tương ứng được tô vàng).", "",
              "| # | Loại | Vị trí | Vấn đề | Nội dung hiện có | Việc cần làm | Ô để điền (--answers) |",
              "|---|---|---|---|---|---|---|"]
    keys = _keys(result)
    for n, item in enumerate(in_document_order(result.reviews, result.plan), start=1):
        lines.append(f"| {n} | {_CATEGORY.get(item.category, item.category)} | {_cell(item.where)} | {_cell(item.what)} "
                     f"| {_cell(item.before) or '—'} | {_cell(item.action, 400)} "
                     f"| {_cell(', '.join(keys.get(id(item), [])), 120)} |")
    fields = decisions(result)
    if fields:
        lines += ["", "## Các ô để điền (tệp --answers)", "",
                  "Ghi vào một tệp YAML mỗi dòng một ô, ví dụ `so-tien-1: 90.000.000`, rồi chạy lại lệnh với "
                  "`--answers tệp.yaml`; ô để trống vẫn là việc cần quyết định.", "",
                  "| Ô | Nội dung | Hiện ghi | Cách ghi |", "|---|---|---|---|"]
        lines += [f"| `{d.key}` | {_cell(d.label)} | {_cell(d.current) or '(trống)'} | {_cell(d.hint)} |" for d in fields]
        lines += ["", "Mẫu tệp trả lời: chép khung dưới đây vào tệp .yaml, ghi giá trị sau dấu hai chấm và giữ nguyên "
                  "chú thích «# hiện ghi …»: khi chạy lại, ô nào không còn ghi đúng giá trị đó thì lệnh dừng, "
                  "không điền nhầm ô.", "", "```yaml"]
        lines += [f"{d.key}:   # hiện ghi {' '.join(d.current.split()) or '(trống)'}" for d in fields]
        lines += ["```"]
    lines += ["", "## Những thay đổi phần mềm đã thực hiện", "",
              "Trong tệp .docx, mỗi thay đổi là một thay đổi theo dõi (Review › Accept/Reject) trên đúng chữ đã đổi "
              "(với --danh-dau to-mau: đoạn đã đổi được tô xanh).", "",
              "| # | Loại | Vị trí | Trước | Sau | Lý do |", "|---|---|---|---|---|---|"]
    for n, item in enumerate(in_document_order(result.changes, result.plan), start=1):
        lines.append(f"| {n} | {_CATEGORY.get(item.category, item.category)} | {_cell(item.where)} | {_cell(item.before)} "
                     f"| {_cell(item.after)} | {_cell(item.what)} |")
    lines += ["", f"## Căn cứ pháp lý (kiểm tra theo danh mục ngày {result.on:%d/%m/%Y})", "",
              "| # | Căn cứ trong kế hoạch cũ | Tình trạng | Trong bản dự thảo | Ghi chú |", "|---|---|---|---|---|"]
    for n, check in enumerate(result.bases, start=1):
        old_text = f"{check.old.verb} {check.old.text}".strip() if check.old else "—"
        new_text = f"{check.new.verb} {check.new.text}".strip() if check.new else "(bỏ)"
        lines.append(f"| {n} | {_cell(old_text)} | {_STATUS.get(check.status, check.status)} | {_cell(new_text)} | {_cell(check.message)} |")
    if notes:
        lines += ["", "## Điểm chưa chắc chắn khi đọc văn bản gốc", ""] + [f"- {_cell(n, 400)}" for n in notes]
    return "\n".join(lines) + "\n"


def report_sheets(result: RollResult, notes: Sequence[str] = ()) -> list[tuple[str, list[Column], list[list]]]:
    """The report's lists as sheets for ``io.output_tables.workbook_bytes`` (same order as the Markdown)."""
    keys = _keys(result)
    todo = [[n, _CATEGORY.get(i.category, i.category), i.where, i.what, i.before, i.action,
             ", ".join(keys.get(id(i), [])), ""]  # "Đã xử lý": for the officer to tick
            for n, i in enumerate(in_document_order(result.reviews, result.plan), start=1)]
    fields = [[d.key, d.label, d.current or "(trống)", d.hint] for d in decisions(result)]
    changes = [[n, _CATEGORY.get(i.category, i.category), i.where, i.before, i.after, i.what]
               for n, i in enumerate(in_document_order(result.changes, result.plan), start=1)]
    bases = []
    for n, check in enumerate(result.bases, start=1):
        old_text = f"{check.old.verb} {check.old.text}".strip() if check.old else "—"
        new_text = f"{check.new.verb} {check.new.text}".strip() if check.new else "(bỏ)"
        bases.append([n, old_text, _STATUS.get(check.status, check.status), new_text, check.message])
    number, kind, where = Column("#", 5, "int"), Column("Loại", 14), Column("Vị trí", 28)
    sheets: list[tuple[str, list[Column], list[list]]] = [
        ("Việc cần quyết định", [number, kind, where, Column("Vấn đề", 36), Column("Nội dung hiện có", 50),
                                 Column("Việc cần làm", 60),
                                 Column("Ô để điền (--answers)", 24), Column("Đã xử lý", 10)], todo),
        ("Các ô để điền", [Column("Ô", 18), Column("Nội dung", 50), Column("Hiện ghi", 30), Column("Cách ghi", 40)],
         fields),
        ("Thay đổi đã làm", [number, kind, where, Column("Trước", 45), Column("Sau", 45), Column("Lý do", 40)], changes),
        (f"Căn cứ ({result.on:%d-%m-%Y})", [number, Column("Căn cứ trong kế hoạch cũ", 60), Column("Tình trạng", 22),
                                            Column("Trong bản dự thảo", 60), Column("Ghi chú", 40)], bases),
    ]
    if result.warnings or notes:
        sheets.append(("Cảnh báo, chưa chắc chắn", [Column("Loại", 16), Column("Nội dung", 100)],
                       [["Cảnh báo", w] for w in result.warnings] + [["Chưa chắc chắn", n] for n in notes]))
    return sheets
