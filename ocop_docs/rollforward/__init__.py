"""Roll a plan forward: last year's Kế hoạch as this year's draft, and what a person must decide.

    result = roll_forward(plan, 2026, issuer="Ủy ban nhân dân tỉnh Tây Ninh")
    result.plan      # the draft (number and date blank)
    result.changes   # what was changed, where, from what to what
    result.reviews   # what a person must still decide (targets, budget, signer, căn cứ…)

Rules (ocop.md §11.3, §12): the plan's own years move (title, preamble, headings, targets,
task deadlines, "Quý II/2024"), citations of other documents keep theirs; number and date are
left blank; căn cứ are re-checked against the registry (lapsed acts replaced by their successor);
Bộ/Sở/Phòng NN&PTNT become Nông nghiệp và Môi trường from 01/03/2025; targets, budget and signer
are carried over and marked for review. District authorities end on 30/06/2025 (OCOP-LEVEL): a
district plan for 2026 or later is refused unless a province or commune issues it; for 2025 it is
drafted with a warning.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import RuleViolation
from ..model.common import Issuer, LegalBasis
from ..model.decision import GeneralDecision
from ..model.plan import AssignmentBlock, BudgetBlock, Paragraph, Plan, Section, TableBlock, TargetBlock, TaskBlock
from ..ocop import provinces, regimes
from ..parse.header import level_of, place_of
from ..render.context import automatic_label, document_context
from ..render.tables import bookmark
from ..vi.numbers import format_number
from . import bases as basis_check
from .figures import figures_in
from .scope import rescope
from .text import YearMap, cited_numbers, citation_spans, date_words, normalise_number, rename_agencies, shift_years

DISTRICT_END = regimes.LAST_DISTRICT_DAY


@dataclass(eq=False)
class Slot:
    """Where the value a person decides sits in the draft: a path into the plan ("body", 3,
    "content", 0, "text") and, for words inside a text, their span (``start`` < 0: the whole value).

    ``kind`` says what an answer must be (``decisions.py``): number, date, title, name (the
    header and the signer), money (words of an amount in prose), amount (a budget line), count,
    stars, percent (a target's figure), cell (a number cell of a table), text (a target sentence),
    deadline (a date the roll-forward left in its old year)."""

    path: tuple
    kind: str
    start: int = -1
    end: int = -1
    year: str = ""  # deadline: the old year to find in the final text
    unit: str = ""  # money-cell: the column's unit when not đồng ("triệu đồng"): answers are in it
    key: str = ""  # the answer's key ("so-tien-2"), given once by decisions.decisions
    order: int = 0  # its place among the decisions, in the order of the document


@dataclass
class Item:
    """One line of the report: a change made, or a decision left to a person."""

    where: str  # Vietnamese location: "Mục II, đoạn 1", "Căn cứ 2", "Phần đầu (số, ngày)"
    what: str  # what it is about
    before: str = ""
    after: str = ""
    action: str = ""  # for a review: what the person must do
    category: str = ""  # year, number, basis, agency, target, budget, signer, task, issuer, district, text
    printed: list[str] = field(default_factory=list)  # texts of the new document to highlight
    anchor: str = ""  # the words of the new document a Word comment is anchored on, before ``printed``
    within: str = ""  # the paragraph (its text in the draft) the anchor words must be found in
    comment: bool = True  # False: listed in the report only (one comment on the whole table says it)
    slots: list[Slot] = field(default_factory=list)  # the values whose answers settle this decision

    def comment_words(self) -> tuple[str, ...]:
        """Where the comment for this item may go in the draft, best first (empty: nowhere)."""
        return tuple(w for w in (self.anchor, *self.printed) if w)

    def comment_text(self) -> str:
        """The Word comment an officer reads beside the words: what, the old value, what to do."""
        text = self.what
        if self.before and self.before not in self.comment_words():
            text += f" — hiện ghi: «{self.before}»"
        return text + (f". {self.action}" if self.action else "")


@dataclass
class RollResult:
    """A draft plan for the new year, the changes made and the decisions left to a person."""

    plan: Plan | GeneralDecision  # a decision is rolled forward too (rollforward/decision.py)
    source: Plan | GeneralDecision
    year: int
    on: date
    changes: list[Item] = field(default_factory=list)
    reviews: list[Item] = field(default_factory=list)
    bases: list[basis_check.BasisCheck] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    answered: dict[str, str] = field(default_factory=dict)  # decisions.apply_decisions: key → value as printed


# Where each part of a plan comes in the document; body items keep the order they were found in.
_PARTS = ("Toàn văn bản", "Phần đầu", "Trích yếu", "Căn cứ", "Đoạn mở đầu", "Mục", "Phần nội dung", "Đoạn kết",
          "Chữ ký", "Nơi nhận")


def in_document_order(items: list[Item], plan=None) -> list[Item]:
    """``items`` sorted by their place in the draft (stable: items of one place keep their order).

    With the draft ``plan``, items of the body follow its blocks' reading order ("Mục IV, đoạn 1"
    before "Mục IV, đoạn 3" even when found later, as a check made after the answers is)."""
    body = {}
    if isinstance(plan, Plan):
        body = {where: n for n, (where, *_) in enumerate(_walk(plan.body, []))}
    inside = _PARTS.index("Mục")

    def rank(item: Item) -> tuple[int, int]:
        part = next((k for k, name in enumerate(_PARTS) if item.where.startswith(name)), len(_PARTS))
        number = 0
        if item.where.startswith("Căn cứ"):
            digits = "".join(ch for ch in item.where.split()[-1] if ch.isdigit())
            number = int(digits) if digits else 999  # an added căn cứ after the old ones
        place = item.where.split(", bảng")[0]
        if place in body:
            part, number = inside, body[place]  # "Phần nội dung, đoạn 1" (before the sections) too
        return part, number

    return sorted(items, key=rank)


def default_date(year: int, today: date | None = None) -> date:
    """The signing date the rules are read at: today when drafting within the year, else 1 January."""
    today = today or date.today()
    return today if today.year == year else date(year, 1, 1)


def missing_archive(doc) -> list[Item]:
    """The Lưu line a document read back did not show stays empty in the draft, for a person to write."""
    if doc.archive is not None:
        return []
    return [Item("Nơi nhận", "Dòng Lưu", before="(văn bản cũ không có dòng Lưu)", category="issuer", anchor="Nơi nhận:",
                 action="Ghi dòng Lưu của văn bản mới (archive), ví dụ 'VT, NN'")]


def issuer_from_name(name: str) -> Issuer:
    """An Issuer from a name an officer types ("UBND tỉnh Tây Ninh", "Ủy ban nhân dân xã Long Thuận")."""
    name = " ".join(name.split())
    name = re.sub(r"^(UBND|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\b", "Ủy ban nhân dân", name)
    abbreviation = "UBND" if name.startswith("Ủy ban nhân dân") else "".join(w[0] for w in name.split()[:4]).upper()
    return Issuer(name=name, level=level_of(name), abbreviation=abbreviation)


# ---------------------------------------------------------------- locations
def _walk(blocks, path_labels: list[str], depth: int = 0, at: tuple = ("body",)):
    """(location, block, depth, path) of every block, with the labels a reader sees ("III.2.b)")
    and the path of the block in the plan ("body", 2, "content", 0)."""
    index = 0
    for n, block in enumerate(blocks, start=1):
        if isinstance(block, Section) or (isinstance(block, Paragraph) and block.numbered):
            label = (block.label if isinstance(block, Section) and block.label is not None else automatic_label(depth, index))
            index += 1
        else:
            label = None
        if isinstance(block, Section):
            here = path_labels + [label.rstrip(".)") if label else f"«{block.heading[:30]}»"]
            yield _place(here, None), block, depth, (*at, n - 1)
            yield from _walk(block.content, here, depth + 1, (*at, n - 1, "content"))
        else:
            yield _place(path_labels, n), block, depth, (*at, n - 1)


def _place(labels: list[str], paragraph: int | None) -> str:
    where = "Mục " + " › ".join(labels) if labels else "Phần nội dung"
    return f"{where}, đoạn {paragraph}" if paragraph is not None else where


# ---------------------------------------------------------------- the roll-forward
def roll_forward(plan: Plan, year: int, *, issuer: str | None = None, on: date | None = None,
                 end_year: int | None = None) -> RollResult:
    """The draft of ``plan`` for ``year`` (see module doc). RuleViolation when it cannot exist."""
    if year <= plan.year:
        raise RuleViolation("OCOP-ROLL", f"năm mới ({year}) phải sau năm của kế hoạch cũ ({plan.year})")
    on = on or default_date(year)
    old_end = plan.end_year or plan.year
    span = old_end - plan.year
    new_end = end_year if end_year is not None else year + span
    if new_end < year:
        raise RuleViolation("OCOP-ROLL", f"năm cuối ({new_end}) không được trước năm đầu ({year})")
    years = YearMap(plan.year, old_end, year, new_end)
    new_issuer = issuer_from_name(issuer) if issuer else plan.issuer
    result = RollResult(plan=plan, source=plan, year=year, on=on)
    _district_rule(plan, new_issuer, year, issuer is not None, result)

    data = plan.model_dump(mode="python")
    draft = Plan.model_validate(copy.deepcopy(data))
    changes, reviews = result.changes, result.reviews

    # ---- header
    updates: dict = {"number": None, "date": None, "draft_year": year, "year": year, "end_year": new_end if new_end != year else None}
    if plan.number_year:
        updates["number_year"] = year  # a normative act's number carries the year it is signed in
    if plan.number or plan.date:
        old = f"Số {plan.number or '…'}/{plan.effective_symbol}" + (f", ngày {plan.date:%d/%m/%Y}" if plan.date else "")
        changes.append(Item("Phần đầu (số, ngày)", "Số và ngày ban hành để trống cho văn thư", old, "để trống", category="number"))
    reviews.append(Item("Phần đầu (số, ngày)", "Số, ngày ban hành", action="Văn thư cấp số và ghi ngày khi văn bản được ký",
                        category="number", slots=[Slot(("number",), "number"), Slot(("date",), "date")]))
    if years.period or new_end != year:
        changes.append(Item("Phần đầu", "Thời gian của kế hoạch", _period(plan.year, old_end), _period(year, new_end),
                            category="year"))
        if years.period and new_end == year + span and end_year is None:
            reviews.append(Item("Phần đầu", "Kế hoạch giai đoạn",
                                action=f"Kế hoạch cũ là giai đoạn {plan.year}-{old_end}; bản dự thảo lấy giai đoạn {year}-{new_end}. "
                                       f"Nếu chỉ lập kế hoạch năm {year}, chạy lại với --end-year {year}", category="year"))
    if issuer:
        updates["issuer"] = new_issuer
        place = place_of(new_issuer.name) or plan.place
        updates["place"] = place
        changes.append(Item("Phần đầu (cơ quan ban hành)", "Cơ quan ban hành", plan.issuer.name, new_issuer.name, category="issuer"))
        reviews.append(Item("Phần đầu (cơ quan ban hành)", "Cơ quan ban hành và nội dung giao việc",
                            action=f"Kế hoạch cũ của {plan.issuer.name}; rà soát các đoạn giao việc cho cơ quan cấp cũ "
                                   f"(phòng, ban cấp huyện…) và chuyển cho cơ quan của {new_issuer.name}",
                            category="issuer", printed=[new_issuer.header_lines()[0]]))
    if on >= provinces.REORGANISED:
        # The issuer itself may name a province merged on 01/07/2025 ("Ủy ban nhân dân tỉnh Hà Nam").
        for name in provinces.merged_names_in(new_issuer.name):
            reviews.append(Item("Phần đầu (cơ quan ban hành)", "Cơ quan ban hành thuộc tỉnh đã sắp xếp", before=new_issuer.name,
                                category="province", printed=[new_issuer.header_lines()[0]],
                                action=f"Từ 01/07/2025 {name.words} là một phần của {name.new.title} ({provinces.ACT}): "
                                       f"chạy lại với --issuer \"Ủy ban nhân dân {name.new.title}\" (hoặc UBND xã mới) "
                                       "nếu kế hoạch do cơ quan đó ban hành"))
    if updates.get("place", plan.place) in ("…", "") and place_of(new_issuer.name):
        # The old plan printed no place (the reader left it blank): the draft proposes its body's, to check.
        updates["place"] = place_of(new_issuer.name)
        changes.append(Item("Phần đầu (địa danh)", "Địa danh", "để trống", updates["place"], category="issuer"))
        reviews.append(Item("Phần đầu (địa danh)", "Địa danh", category="issuer", printed=[f"{updates['place']}, ngày"],
                            action=f"Kế hoạch cũ không ghi địa danh; bản dự thảo ghi '{updates['place']}' theo tên cơ quan — kiểm tra"))
    draft = draft.model_copy(update=updates)

    # ---- text of the plan's own time: title, preamble, body, closing
    # Names of agencies merged on 01/03/2025 change in a plan that runs after that date.
    rename = regimes.MINISTRY_MERGER <= date(year, 12, 31)

    def rewrite(text: str, where: str, what: str, printed: bool = True, path: tuple | None = None) -> str:
        new = shift_years(text, years)
        made: list[Item] = []
        for before, after in new.changes:
            made.append(Item(where, what + ": năm của kế hoạch", before, after, category="year"))
        for snippet, year_words, note in zip(new.kept, new.kept_years, new.kept_notes):
            reviews.append(Item(where, what + ": năm khác năm của kế hoạch", before=snippet,
                                action=(note[:1].upper() + note[1:]) if note else
                                "Năm này không phải năm của kế hoạch cũ nên được giữ nguyên; kiểm tra có cần đổi",
                                category="year", printed=[new.text] if printed else [],
                                slots=[Slot(path, "deadline", year=year_words)] if path else []))
        out = new.text
        if rename:
            renamed = rename_agencies(out)
            for before, after in renamed.changes:
                made.append(Item(where, what + ": tên cơ quan từ 01/03/2025", before, after, category="agency"))
            out = renamed.text
        if issuer and plan.issuer.name != new_issuer.name:
            for old_name, new_name in zip(_short_names(plan.issuer.name), _short_names(new_issuer.name)):
                if old_name in out:
                    out = out.replace(old_name, new_name)
                    made.append(Item(where, what + ": tên cơ quan ban hành", old_name, new_name, category="issuer"))
            scoped = rescope(out, plan.issuer, new_issuer)
            for before, after in scoped.changes:
                made.append(Item(where, what + f": địa bàn, cơ quan của {new_issuer.name}", before, after, category="issuer"))
            out = scoped.text
            for old_office, new_office in scoped.guessed:
                same_level = plan.issuer.level == new_issuer.level
                reviews.append(Item(where, what + (": địa bàn được đổi tên" if same_level else ": cơ quan cấp huyện được chuyển"),
                                    before=old_office, category="issuer",
                                    anchor=new_office, within=out, printed=[out] if printed else [],
                                    action=f"«{old_office}» đã được đổi thành «{new_office}» của {new_issuer.name}; "
                                           + ("kiểm tra đoạn này nói về địa bàn mới, không phải địa bàn cũ được nhắc lại"
                                              if same_level else "kiểm tra đúng cơ quan nhận nhiệm vụ này sau sắp xếp")))
            for snippet, note in zip(scoped.kept, scoped.kept_notes):
                reviews.append(Item(where, what + (": cơ quan, địa bàn của cấp cũ" if note else ": từ 'huyện' còn lại"),
                                    before=snippet, category="issuer",
                                    anchor=snippet.strip("…").strip(), within=out, printed=[out] if printed else [],
                                    action=note or f"Kế hoạch chuyển từ {plan.issuer.name} sang {new_issuer.name}: xem từ "
                                                   "'huyện' này còn đúng không (cấp huyện kết thúc ngày 30/06/2025)"))
        if on >= provinces.REORGANISED:
            for name in provinces.merged_names_in(out):
                reviews.append(Item(where, what + ": tỉnh đã sắp xếp", before=name.words, category="province",
                                    anchor=name.words, within=out, printed=[out] if printed else [],
                                    action=f"Từ 01/07/2025 {name.words} là một phần của {name.new.title} ({provinces.ACT}); "
                                           "sửa tên tỉnh hoặc xác nhận đây là tên cũ được viện dẫn"))
        for item in made:
            item.printed = [out] if printed else []
        changes.extend(made)
        for a, b in citation_spans(out):
            why = basis_check.superior_plan(out[a:b], plan.year, old_end, year)
            if why and basis_check.identify(out[a:b]) is None:
                reviews.append(Item(where, what + ": viện dẫn kế hoạch của năm cũ", before=out[a:b], category="basis",
                                    anchor=out[a:b], within=out, printed=[out] if printed else [],
                                    action=why[:1].upper() + why[1:]))
        for act in basis_check.acts_in(out):
            if act.lapsed(on):
                nxt = basis_check.registry.successor(act.key, on)
                hint = f"; văn bản thay thế: {nxt.short()}" if nxt else ""
                number = normalise_number(act.number or "")
                words = next((out[a:b] for a, b in citation_spans(out) if number in cited_numbers(out[a:b])), "")
                reviews.append(Item(where, what + ": viện dẫn văn bản hết hiệu lực", before=act.short(),
                                    action=f"Đoạn văn dẫn {act.short()} (hết hiệu lực sau {act.valid_to:%d/%m/%Y}){hint}; sửa lời văn",
                                    category="basis", anchor=words, within=out if words else "",
                                    printed=[out] if printed else []))
        return out

    draft = draft.model_copy(update={"title": rewrite(plan.title, "Trích yếu", "Trích yếu", path=("title",))})
    draft = draft.model_copy(update={"preamble": [rewrite(t, f"Đoạn mở đầu {i + 1}", "Đoạn mở đầu", path=("preamble", i))
                                                  for i, t in enumerate(plan.preamble)]})
    if plan.closing:
        draft = draft.model_copy(update={"closing": rewrite(plan.closing, "Đoạn kết", "Đoạn kết", path=("closing",))})
    body = copy.deepcopy(draft.body)
    tables_seen: list[str] = []
    for where, block, _depth, at in _walk(body, []):
        if isinstance(block, (TableBlock, AssignmentBlock)) or (isinstance(block, BudgetBlock) and block.budget.as_table):
            tables_seen.append(where)  # tables are numbered in reading order when rendered (render/tables.py)
        if isinstance(block, Section):
            block.heading = rewrite(block.heading, where, "Tiêu đề mục", path=(*at, "heading"))
            if block.responsible_body and rename:
                block.responsible_body = rename_agencies(block.responsible_body).text
            if block.responsible_body and issuer and plan.issuer.name != new_issuer.name:
                # The body the section assigns is named as its heading now is (the heading's change is reported).
                block.responsible_body = rescope(block.responsible_body, plan.issuer, new_issuer).text
        elif isinstance(block, Paragraph):
            block.text = rewrite(block.text, where, "Đoạn văn", path=(*at, "text"))
            _figures(block.text, where, "Đoạn văn", reviews, plan.year, old_end, year, new_end, (*at, "text"))
            for note in block.footnotes:
                note.text = rewrite(note.text, where, "Chú thích", printed=False)
                if note.after and note.after not in block.text:
                    note.after = None
        elif isinstance(block, TargetBlock):
            target = block.target
            old_text = target.text
            target.text = rewrite(target.text, where, "Chỉ tiêu", path=(*at, "target", "text"))
            found = len(reviews)
            _figures(target.text, where, "Chỉ tiêu", reviews, plan.year, old_end, year, new_end, (*at, "target", "text"))
            # Its figures settle the target; a sentence without a figure is answered whole.
            figures = [slot for item in reviews[found:] for slot in item.slots if slot.kind != "deadline"]
            reviews.append(Item(where, "Chỉ tiêu", before=old_text, category="target", printed=[target.text],
                                slots=figures or [Slot((*at, "target", "text"), "text")],
                                action=f"Chỉ tiêu của kế hoạch {_period(plan.year, old_end)} ({_value(target)}) được giữ nguyên; "
                                       f"đặt chỉ tiêu cho {_period(year, new_end)} theo kết quả thực hiện năm trước"))
        elif isinstance(block, TableBlock):
            _roll_table(block.table, where, rewrite, reviews, plan.year, old_end, year, new_end, len(tables_seen),
                        (*at, "table"))
        elif isinstance(block, (TaskBlock, AssignmentBlock)):
            tasks = block.assignments if isinstance(block, AssignmentBlock) else [block.task]
            paths = [(*at, "assignments", k) for k in range(len(tasks))] if isinstance(block, AssignmentBlock) \
                else [(*at, "task")]
            for task, task_at in zip(tasks, paths):
                _roll_task(task, where, rewrite, reviews, issuer, new_issuer, year, plan.year, old_end, new_end, task_at)
        elif isinstance(block, BudgetBlock):
            budget = block.budget
            for k, line in enumerate(budget.lines):
                line.item = rewrite(line.item, where, "Dòng kinh phí", path=(*at, "budget", "lines", k, "item"))
                if line.source:
                    line.source = rewrite(line.source, where, "Nguồn kinh phí", path=(*at, "budget", "lines", k, "source"))
            reviews.append(Item(where, "Kinh phí", before=f"{format_number(budget.total)} đồng", category="budget",
                                slots=[Slot((*at, "budget", "lines", k, "amount"), "amount") for k in range(len(budget.lines))],
                                printed=[line.item for line in budget.lines], anchor=f"{format_number(budget.total)} đồng",
                                action=f"Kinh phí của kế hoạch {_period(plan.year, old_end)} được giữ nguyên; ghi kinh phí được giao "
                                       f"(đề xuất) cho {_period(year, new_end)} và nguồn vốn theo chương trình đang áp dụng"))
    draft = draft.model_copy(update={"body": body})

    # ---- căn cứ
    new_bases: list[LegalBasis] = []
    checks = basis_check.check(plan.legal_bases, on, new_issuer.level, year)
    result.bases = checks
    for check in checks:
        where = f"Căn cứ {check.index + 1}" if check.index >= 0 else "Căn cứ (thêm)"
        if check.status == "added":
            _insert_after_role(new_bases, check)
            changes.append(Item(where, "Căn cứ được thêm", "", check.new.text, category="basis"))
            reviews.append(Item(where, "Căn cứ mới thêm", before=check.new.text, action=check.message + "; xác nhận",
                                category="basis", printed=[check.new.text]))
            continue
        if check.new is not None:
            new_bases.append(check.new)
        if check.status == "replaced":
            changes.append(Item(where, "Căn cứ hết hiệu lực được thay", check.old.text, check.new.text, category="basis"))
            reviews.append(Item(where, "Căn cứ thay thế", before=check.old.text, action=check.message + "; xác nhận",
                                category="basis", printed=[check.new.text]))
        elif check.status == "lapsed":
            changes.append(Item(where, "Căn cứ hết hiệu lực được bỏ", check.old.text, "(bỏ)", category="basis"))
            reviews.append(Item(where, "Căn cứ hết hiệu lực", before=check.old.text, action=check.message, category="basis",
                                anchor=check.old.text))
        elif check.status == "superior_plan":
            reviews.append(Item(where, "Căn cứ là kế hoạch của năm cũ", before=check.old.text, action=check.message,
                                category="basis", printed=[check.old.text]))
        elif check.status in ("unknown", "ended_period", "not_yet"):
            reviews.append(Item(where, "Căn cứ cần xác nhận", before=check.old.text, action=check.message,
                                category="basis", printed=[check.old.text]))
        elif check.status == "amended" or (check.status == "valid" and "trước khi hết năm" in check.message):
            reviews.append(Item(where, "Căn cứ sắp hết hiệu lực", before=check.old.text, action=check.message,
                                category="basis", printed=[check.old.text]))
    draft = draft.model_copy(update={"legal_bases": new_bases})

    # ---- signer, recipients
    signer = plan.signer
    if signer is None:
        reviews.append(Item("Chữ ký", "Người ký", before="(văn bản cũ không có khối chữ ký)", category="signer",
                            action="Ghi quyền hạn, chức vụ và họ tên người ký năm nay (signer)",
                            slots=[Slot(("signer", "title"), "title"), Slot(("signer", "name"), "name")]))
    else:
        reviews.append(Item("Chữ ký", "Người ký", before=f"{' / '.join(signer.authority_lines())} — {signer.name or '(trống)'}",
                            category="signer", printed=[*signer.authority_lines(), signer.name] if signer.name else signer.authority_lines(),
                            action="Người ký năm trước được giữ nguyên; xác nhận chức vụ và họ tên người ký năm nay",
                            slots=[Slot(("signer", "title"), "title"), Slot(("signer", "name"), "name")]))
    reviews += missing_archive(plan)
    recipients = []
    for i, recipient in enumerate(plan.recipients):
        recipients.append(rewrite(recipient, f"Nơi nhận {i + 1}", "Nơi nhận", path=("recipients", i)))
    draft = draft.model_copy(update={"recipients": recipients})
    if issuer or new_issuer.level == "huyen":
        reviews.append(Item("Nơi nhận", "Nơi nhận", before="; ".join(plan.recipients), category="issuer", anchor="Nơi nhận:",
                            action="Rà soát nơi nhận (cơ quan cấp huyện không còn từ 01/07/2025; tên cơ quan mới)"))
    result.plan = Plan.model_validate(draft.model_dump(mode="python"))
    header = document_context(result.plan)
    for item in reviews:
        if item.category == "number":
            item.printed = [header["so_ky_hieu"], header["date_line"]]
        elif item.where == "Toàn văn bản" and not item.printed:
            item.anchor = result.plan.title  # a remark on the whole plan sits on its title
    _locate_deadlines(result.plan, reviews)
    from .decisions import decisions  # decisions.py builds on this module's Item and RollResult

    decisions(result)  # each value a person decides gets its answer key now, for every later round
    seen: dict[str, str] = {}
    for where, block, _, _at in _walk(result.plan.body, []):
        if isinstance(block, Section) and block.responsible_body:
            key = block.responsible_body.lower()
            if key in seen:
                reviews.append(Item(where, "Hai mục giao việc cho cùng một cơ quan", before=block.responsible_body,
                                    category="agency", printed=[block.heading],
                                    action=f"Sau sáp nhập cơ quan, mục này và {seen[key]} cùng giao cho '{block.responsible_body}'; "
                                           "gộp nội dung hai mục"))
            else:
                seen[key] = where
    return result


def value_at(plan, path: tuple):
    """The value at ``path`` in ``plan`` (a deadline as its words)."""
    value = plan
    for step in path:
        value = value[step] if isinstance(step, int) else getattr(value, step, None)
        if value is None:
            return None
    return value.text if hasattr(value, "kind") and hasattr(value, "quarter") else value


def _locate_deadlines(plan: Plan, reviews: list[Item]) -> None:
    """Each year the roll-forward left as written, found in the final draft with its date words
    ("30/6/2023", "Quý IV/2023"): the span a person's answer replaces. Not found: not answerable."""
    taken: dict[tuple, int] = {}
    for item in reviews:
        for slot in [s for s in item.slots if s.kind == "deadline" and s.start < 0 and s.year]:
            text = value_at(plan, slot.path)
            spans = date_words(text, slot.year) if isinstance(text, str) else []
            k = taken.get((slot.path, slot.year), 0)
            taken[(slot.path, slot.year)] = k + 1
            if k < len(spans):
                slot.start, slot.end = spans[k]
            else:
                item.slots.remove(slot)


def _roll_task(task, where: str, rewrite, reviews: list[Item], issuer, new_issuer, year: int, old: int, old_end: int,
               new_end: int, at: tuple) -> None:
    """A task's deadline, bodies and result for the new year (a task block or a row of the assignment table)."""
    if task.content:
        task.content = rewrite(task.content, where, "Nội dung nhiệm vụ", path=(*at, "content"))
        _figures(task.content, where, "Nội dung nhiệm vụ", reviews, old, old_end, year, new_end, (*at, "content"))
    if task.deadline is not None:
        new_deadline = rewrite(task.deadline.text, where, "Thời hạn nhiệm vụ", path=(*at, "deadline"))
        if new_deadline != task.deadline.text:
            task.deadline = type(task.deadline).model_validate(new_deadline)
    if task.lead:
        task.lead = rewrite(task.lead, where, "Đơn vị chủ trì", path=(*at, "lead"))
    task.coordinating = [rewrite(c, where, "Đơn vị phối hợp", path=(*at, "coordinating", k))
                         for k, c in enumerate(task.coordinating)]
    if task.result:
        task.result = rewrite(task.result, where, "Kết quả", path=(*at, "result"))
        _figures(task.result, where, "Kết quả nhiệm vụ", reviews, old, old_end, year, new_end, (*at, "result"))
    if issuer:
        reviews.append(Item(where, "Nhiệm vụ", before=task.lead or "", category="task", printed=task.lines()[:1],
                            anchor=task.lead or "",
                            action="Kiểm tra cơ quan chủ trì, phối hợp còn tồn tại sau sắp xếp bộ máy"))
    elif new_issuer.level == "huyen" and year == DISTRICT_END.year and task.deadline is not None \
            and _after_district_end(task.deadline):
        reviews.append(Item(where, "Thời hạn sau ngày 30/06/2025", before=task.deadline.text, category="district",
                            printed=task.lines(), anchor=task.deadline.text if not task.lines() else "",
                            slots=[Slot((*at, "deadline"), "deadline")],
                            action="Thời hạn nhiệm vụ sau khi cấp huyện kết thúc (30/06/2025): chuyển nhiệm vụ "
                                   "cho UBND tỉnh hoặc UBND xã, hoặc rút ngắn thời hạn"))


def _roll_table(table, where: str, rewrite, reviews: list[Item], old: int, old_end: int, year: int, new_end: int,
                number: int, at: tuple) -> None:
    """A table's cells for the new year: words rewritten like prose; every figure in a number column
    (and every amount or target in the text cells) is a decision with its old value."""
    numbers = set(table.number_columns)
    money = _money_columns(table)
    figures, slots = [], []
    for r, row in enumerate(table.rows, start=1):
        column = 1
        for c, cell in enumerate(row):
            here = f"{where}, bảng, dòng {r}, cột {column}"
            cell_at = (*at, "rows", r - 1, c, "text")
            if column in numbers and cell.text.strip():
                figures.append(cell.text)
                slots.append(Slot(cell_at, "money-cell" if column in money else "cell", unit=money.get(column, "")))
                reviews.append(Item(here, "Số liệu trong bảng", before=cell.text, comment=False,
                                    category="budget" if column in money else "target",
                                    slots=[slots[-1]],
                                    action=f"Số liệu của kế hoạch {_period(old, old_end)} được giữ nguyên; ghi số liệu "
                                           f"cho {_period(year, new_end)}"))
            elif cell.text.strip():
                cell.text = rewrite(cell.text, here, "Ô của bảng", path=cell_at)
                _figures(cell.text, here, "Ô của bảng", reviews, old, old_end, year, new_end, cell_at,
                         cell=True, money_column=column in money)
            column += cell.colspan
    # A period of another length ("2023-2025" → "2026-2030"): its year columns cannot be mapped one by
    # one (2025 is not 2030, 2028 and 2029 have no column); a person adds or removes them.
    resized = old_end - old != new_end - year
    year_columns = []
    for h, row in enumerate(table.header, start=1):
        for c, cell in enumerate(row):
            if resized and re.fullmatch(r"\D{0,12}(?:19|20)\d{2}\D{0,3}", cell.text.strip()):
                year_columns.append(cell.text.strip())
            elif cell.text.strip():
                cell.text = rewrite(cell.text, f"{where}, bảng, dòng tiêu đề {h}", "Tiêu đề bảng",
                                    path=(*at, "header", h - 1, c, "text"))
    if year_columns:
        reviews.append(Item(where, "Các cột năm của bảng", before=" | ".join(year_columns), category="year",
                            anchor="#" + bookmark(number),
                            action=f"Bảng có {len(year_columns)} cột năm của {_period(old, old_end)}; {_period(year, new_end)} "
                                   f"có {new_end - year + 1} năm: ghi lại tiêu đề các cột năm, thêm hoặc bớt cột và số liệu "
                                   "(các cột được giữ nguyên)"))
    if table.title:
        table.title = rewrite(table.title, where, "Tên bảng", path=(*at, "title"))
    if figures:
        total = ""
        if table.total is not None and table.total.stated:
            total = "; tổng cộng được tính lại từ các dòng khi in (bỏ hoặc sửa số tổng đã ghi: " + \
                "; ".join(table.total.stated.values()) + ")"
        money_only = all(s.kind == "money-cell" for s in slots)
        reviews.append(Item(where, "Số liệu trong bảng" + (f" «{table.title}»" if table.title else ""),
                            before="; ".join(figures), category="budget" if money_only else "target",
                            anchor="#" + bookmark(number), slots=slots,
                            action=f"{len(figures)} ô số của kế hoạch {_period(old, old_end)} được giữ nguyên; ghi số liệu "
                                   f"cho {_period(year, new_end)}{total}"))


_MONEY_HEADER = re.compile(r"kinh phí|số tiền|thành tiền|đồng|ngân sách|vốn", re.I)
_MONEY_UNIT = re.compile(r"\b(nghìn|ngàn|triệu|tỷ|tỉ)\s*(?:đồng|VNĐ|VND|đ)\b", re.I)


def _money_columns(table) -> dict[int, str]:
    """The columns (from 1) whose header names money ("Kinh phí (đồng)", "Số tiền"), each with the
    unit its figures are written in ("triệu đồng" for "Kinh phí (triệu đồng)"; "" for đồng)."""
    out: dict[int, str] = {}
    for row in table.header:
        column = 1
        for cell in row:
            if _MONEY_HEADER.search(cell.text or ""):
                unit = _MONEY_UNIT.search(cell.text or "")
                for c in range(column, column + cell.colspan):
                    out[c] = f"{unit.group(1).lower()} đồng" if unit else out.get(c, "")
            column += cell.colspan
    # "Đơn vị tính: triệu đồng" above the table: the unit of its money columns (every number column
    # when no header names money).
    unit = _MONEY_UNIT.search(table.unit or "")
    if table.unit and re.search(r"đồng|VNĐ|VND", table.unit, re.I):
        word = f"{unit.group(1).lower()} đồng" if unit else ""
        for c in out or table.number_columns:
            out[c] = out.get(c) or word
    return out


def _figures(text: str, where: str, what: str, reviews: list[Item], old: int, old_end: int, year: int,
             new_end: int, at: tuple, cell: bool = False, money_column: bool = False) -> None:
    """Each amount of money and each target written in prose or in a table's text cell becomes a
    decision (figures.py)."""
    for figure in figures_in(text, cell=cell, money_column=money_column):
        slot = Slot(at, figure.measure, figure.start, figure.start + len(figure.words))
        if figure.kind == "money":
            reviews.append(Item(where, f"{what}: số tiền", before=figure.words, category="budget", anchor=figure.words,
                                within=text, printed=[text], slots=[slot],
                                action=f"Số tiền của kế hoạch {_period(old, old_end)} được giữ nguyên; ghi số tiền "
                                       f"cho {_period(year, new_end)}"))
        else:
            reviews.append(Item(where, f"{what}: chỉ tiêu", before=figure.words, category="target", anchor=figure.words,
                                within=text, printed=[text], slots=[slot],
                                action=f"Chỉ tiêu «{figure.words}» của kế hoạch {_period(old, old_end)} được giữ nguyên; "
                                       f"đặt chỉ tiêu cho {_period(year, new_end)} theo kết quả thực hiện năm trước"))


def _after_district_end(deadline) -> bool:
    """A deadline that runs past 30/06/2025 (a date, month or quarter after it, or the whole year)."""
    if deadline.kind == "date" and deadline.day is not None:
        return deadline.day > DISTRICT_END
    if deadline.kind == "month" and deadline.month is not None:
        return deadline.month > DISTRICT_END.month
    if deadline.kind == "quarter" and deadline.quarter is not None:
        return deadline.quarter > 2
    return deadline.kind in ("year", "text")


def _value(target) -> str:
    if target.value is None:
        return "không có số"
    value = format_number(target.value) if target.value == target.value.to_integral_value() else str(target.value)
    return f"{value}%" if target.unit == "%" else f"{value} {target.unit or ''}".strip()


def _period(a: int, b: int) -> str:
    return f"năm {a}" if a == b else f"giai đoạn {a}-{b}"


def _short_names(name: str) -> list[str]:
    """A body's name as plans write it: in full, and "UBND …" for an Ủy ban nhân dân."""
    out = [name]
    if name.startswith("Ủy ban nhân dân "):
        out.append("UBND " + name[len("Ủy ban nhân dân "):])
    return out


def _insert_after_role(bases: list[LegalBasis], check: basis_check.BasisCheck) -> None:
    """An added căn cứ goes after the last one of the same role (1489 after 148), else at the end."""
    for k in range(len(bases) - 1, -1, -1):
        ref = bases[k].ref
        act = basis_check.registry.registry().get(ref) if ref else basis_check.identify(bases[k].text)
        if act is not None and act.role == check.act.role:
            bases.insert(k + 1, check.new)
            return
    bases.append(check.new)


def _district_rule(plan: Plan, new_issuer: Issuer, year: int, chosen: bool, result: RollResult) -> None:
    """OCOP-LEVEL (ocop.md §12.2): no district authority after 30/06/2025."""
    level = new_issuer.level
    if level == "huyen" and year >= 2026:
        hint = ("chọn cơ quan ban hành mới bằng --issuer, ví dụ --issuer \"Ủy ban nhân dân tỉnh …\" hoặc "
                "--issuer \"Ủy ban nhân dân xã …\"")
        who = new_issuer.name
        raise RuleViolation(
            "OCOP-LEVEL",
            f"không thể lập kế hoạch năm {year} của {who}: từ ngày 01/07/2025 chính quyền địa phương chỉ còn hai cấp "
            f"(tỉnh và xã), cấp huyện đã kết thúc hoạt động ngày {DISTRICT_END:%d/%m/%Y} (Luật Tổ chức chính quyền "
            f"địa phương số 72/2025/QH15; Nghị quyết 202/2025/QH15). Nhiệm vụ OCOP của huyện nay do UBND tỉnh "
            f"(công nhận 3 và 4 sao) và UBND xã (hướng dẫn chủ thể, đánh giá bước đầu) thực hiện; {hint}",
        )
    if level == "huyen" and year == 2025:
        message = (f"{new_issuer.name} là cơ quan cấp huyện: cấp huyện kết thúc hoạt động ngày {DISTRICT_END:%d/%m/%Y} "
                   f"(chính quyền địa phương hai cấp từ 01/07/2025). Kế hoạch năm 2025 chỉ có hiệu lực đến hết ngày "
                   f"{DISTRICT_END:%d/%m/%Y}; các nhiệm vụ sau thời điểm đó phải chuyển cho UBND tỉnh hoặc UBND xã")
        result.warnings.append(message)
        result.reviews.append(Item("Toàn văn bản", "Cấp huyện kết thúc ngày 30/06/2025", action=message, category="district"))
