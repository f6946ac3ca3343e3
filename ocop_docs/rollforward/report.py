"""The roll-forward report: Markdown, in Vietnamese, for the officer who finishes the draft.

It lists first what a person must decide (each with its location in the draft and what to do),
then every change the software made (before → after), the căn cứ and their status on the date
the rules were read at, and what the reader of the old document was unsure of.
"""
from __future__ import annotations

from . import Item, RollResult

_STATUS = {
    "valid": "còn hiệu lực", "amended": "còn hiệu lực, có văn bản sửa đổi", "replaced": "hết hiệu lực — đã thay",
    "lapsed": "hết hiệu lực — đã bỏ", "added": "thêm mới", "unknown": "không có trong danh mục",
    "ended_period": "giai đoạn đã kết thúc", "not_yet": "chưa ban hành vào ngày ký",
}
_CATEGORY = {
    "district": "Cấp huyện", "number": "Số, ngày", "year": "Năm", "basis": "Căn cứ", "target": "Chỉ tiêu",
    "budget": "Kinh phí", "signer": "Người ký", "issuer": "Cơ quan ban hành", "agency": "Tên cơ quan", "task": "Nhiệm vụ",
}
_ORDER = ("district", "issuer", "number", "basis", "target", "budget", "signer", "task", "agency", "year")


def _cell(text: str, limit: int = 220) -> str:
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_report(result: RollResult, source_name: str = "", notes: list[str] = (), outputs: list[str] = ()) -> str:
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
              "Các đoạn tương ứng được tô vàng trong tệp .docx của bản dự thảo.", "",
              "| # | Loại | Vị trí | Nội dung hiện có | Việc cần làm |", "|---|---|---|---|---|"]
    reviews = sorted(enumerate(result.reviews), key=lambda p: (_rank(p[1]), p[0]))
    for n, (_, item) in enumerate(reviews, start=1):
        lines.append(f"| {n} | {_CATEGORY.get(item.category, item.category)} | {_cell(item.where)} | {_cell(item.before or item.what)} "
                     f"| {_cell(item.action, 400)} |")
    lines += ["", "## Những thay đổi phần mềm đã thực hiện", "",
              "Các đoạn đã đổi được tô xanh trong tệp .docx.", "",
              "| # | Loại | Vị trí | Trước | Sau | Lý do |", "|---|---|---|---|---|---|"]
    for n, item in enumerate(result.changes, start=1):
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


def _rank(item: Item) -> int:
    return _ORDER.index(item.category) if item.category in _ORDER else len(_ORDER)
