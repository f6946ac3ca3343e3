"""Roll a decision read back (kind ``decision``) forward to a new date: the same decision as a draft.

The number and date are left blank for the văn thư; the decision's own year moves in its trích
yếu, opening paragraphs and articles (citations of other documents keep theirs); agency names
merged on 01/03/2025 are renamed; each căn cứ and the signer are listed for a person to confirm.
"""
from __future__ import annotations

from datetime import date

from ..errors import RuleViolation
from ..model.decision import GeneralDecision
from ..ocop import regimes
from . import Item, RollResult, default_date, missing_archive
from .text import YearMap, rename_agencies, shift_years


def roll_decision(decision: GeneralDecision, year: int, *, on: date | None = None) -> RollResult:
    """The draft of ``decision`` for ``year`` with the changes made and what a person must decide."""
    old_year = decision.year
    if old_year is not None and year <= old_year:
        raise RuleViolation("OCOP-ROLL", f"năm mới ({year}) phải sau năm của quyết định cũ ({old_year})")
    on = on or default_date(year)
    result = RollResult(plan=decision, source=decision, year=year, on=on)
    changes, reviews = result.changes, result.reviews
    years = YearMap(old_year, old_year, year, year) if old_year else None
    rename = regimes.MINISTRY_MERGER <= date(year, 12, 31)

    def rewrite(text: str, where: str) -> str:
        out = text
        if years is not None:
            new = shift_years(out, years)
            for before, after in new.changes:
                changes.append(Item(where, "Năm của quyết định", before, after, category="year", printed=[new.text]))
            for snippet in new.kept:
                reviews.append(Item(where, "Năm khác năm của quyết định", before=snippet, category="year",
                                    action="Năm này được giữ nguyên; kiểm tra có cần đổi", printed=[new.text]))
            out = new.text
        if rename:
            renamed = rename_agencies(out)
            for before, after in renamed.changes:
                changes.append(Item(where, "Tên cơ quan sau sáp nhập (01/03/2025)", before, after, category="agency",
                                    printed=[renamed.text]))
            out = renamed.text
        return out

    data = decision.model_dump(mode="python")
    if decision.number or decision.date:
        year_part = f"{decision.number_year}/" if decision.number_year else ""
        old = f"Số {decision.number or '…'}/{year_part}{decision.effective_symbol}" + (
            f", ngày {decision.date:%d/%m/%Y}" if decision.date else "")
        changes.append(Item("Phần đầu (số, ngày)", "Số và ngày ban hành để trống cho văn thư", old, "để trống", category="number"))
    reviews.append(Item("Phần đầu (số, ngày)", "Số, ngày ban hành", action="Văn thư cấp số và ghi ngày khi văn bản được ký",
                        category="number"))
    data.update(number=None, date=None, draft_year=year)
    if decision.number_year:
        data["number_year"] = year  # a normative act's number carries the year it is signed in
    if data["title"]:
        data["title"] = rewrite(data["title"], "Trích yếu")
    data["preamble"] = [rewrite(t, f"Đoạn mở đầu {i + 1}") for i, t in enumerate(data["preamble"])]
    for n, article in enumerate(data["articles"], 1):
        where = f"Điều {n}"
        for key in ("title", "text"):
            if article.get(key):
                article[key] = rewrite(article[key], where)
        for clause in article["clauses"]:
            clause["text"] = rewrite(clause["text"], where) if clause["text"] else clause["text"]
            clause["content"] = [rewrite(t, where) for t in clause["content"]]
            for point in clause["points"]:
                point["text"] = rewrite(point["text"], where) if point["text"] else point["text"]
                point["content"] = [rewrite(t, where) for t in point["content"]]
    # An attached table is carried as it is (its figures are listed by the plan roll-forward's table review).
    data["attached"] = [rewrite(t, "Phần kèm theo") if isinstance(t, str) else t for t in data["attached"]]
    for i, basis in enumerate(decision.effective_bases(), 1):
        reviews.append(Item(f"Căn cứ {i}", "Căn cứ cần xác nhận", before=f"{basis.verb} {basis.text}".strip(), category="basis",
                            action="Kiểm tra văn bản còn hiệu lực ở ngày ký mới và còn phù hợp"))
    signer = decision.signer
    before = f"{' / '.join(signer.authority_lines())} — {signer.name or '(trống)'}" if signer else "(văn bản cũ không có khối chữ ký)"
    reviews.append(Item("Chữ ký", "Người ký", before=before, category="signer",
                        action="Xác nhận quyền hạn, chức vụ và họ tên người ký quyết định mới"))
    reviews += missing_archive(decision)
    result.plan = GeneralDecision.model_validate(data)
    return result
