"""The căn cứ of last year's plan re-checked against the legal-basis registry for the new date.

Each căn cứ line is identified in the registry (``ocop/legal_bases.py``: by its document number,
written the way officers type it — "919/QĐ/TTg", "148/QĐ – TTg" — or, for a law, by its name and
date). An act no longer in force on the new signing date is replaced by its successor
(``replaced_by``: QĐ 148 → QĐ 26/2026/QĐ-TTg; QĐ 919 → NQ 257/2025/QH15), or flagged when it has
none; acts the registry proposes for the regime in force and the plan lacks (an amending criteria
decision such as QĐ 1489) are added; local acts the registry does not know are left for a person
to confirm, with a warning when they name a period already over (OCOP-BASIS, ocop.md §1, §11.3).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from ..model.common import LegalBasis
from ..ocop import legal_bases as registry
from .text import cited_numbers, normalise_number


@dataclass
class BasisCheck:
    """What became of one căn cứ line: kept, replaced, added, or to be confirmed."""

    index: int  # position in the old list (-1 for an added line)
    old: LegalBasis | None
    new: LegalBasis | None
    status: str  # valid, replaced, lapsed, added, unknown, ended_period, not_yet
    act: registry.LegalAct | None = None
    successor: registry.LegalAct | None = None
    message: str = ""


def identify(text: str) -> registry.LegalAct | None:
    """The registry act a citation names, its number written as officers type it."""
    numbers = cited_numbers(text[:80])
    acts = registry.registry().values()
    for number in numbers[:1]:
        for act in acts:
            if act.number and normalise_number(act.number) == number:
                return act
        return None
    return registry.identify(text)


@lru_cache(maxsize=1)
def _acts_by_number() -> dict[str, registry.LegalAct]:
    return {normalise_number(a.number): a for a in registry.registry().values() if a.number}


def acts_in(text: str) -> list[registry.LegalAct]:
    """Every registry act a text cites (for citations inside paragraphs, not căn cứ lines)."""
    found = []
    by_number = _acts_by_number()
    for number in cited_numbers(text):
        act = by_number.get(number)
        if act is not None and act not in found:
            found.append(act)
    return found


_DATE_IN_TEXT = re.compile(r"ngày\s*\d{1,2}\s*(?:/\s*\d{1,2}\s*/\s*|\s+tháng\s+\d{1,2}\s+năm\s+)\d{4}", re.I)
_PLAN_WORDS = re.compile(r"\b(?:Kế hoạch|Chương trình công tác|Kế hoạch hành động)\b", re.I)


def _plan_year(text: str) -> int | None:
    """The year a cited plan is for ("Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND tỉnh về thực hiện
    Chương trình OCOP năm 2024" → 2024), not the year it was signed; None when it is not a yearly plan."""
    if not _PLAN_WORDS.search(text[:60]):
        return None
    rest = _DATE_IN_TEXT.sub(" ", text)
    years = re.findall(r"\bnăm\s+(\d{4})\b", rest)
    return int(years[-1]) if years else None


def _period_end(text: str) -> int | None:
    m = re.search(r"giai đoạn\s+(?:\d{4})\s*[-–—]\s*(\d{4})", text)
    return int(m.group(1)) if m else None


def ended_period_message(text: str, end: int, year: int) -> str:
    """What to do with a cited document whose period ended before the new plan's year."""
    if _PLAN_WORDS.search(text[:60]):
        return (f"kế hoạch cho giai đoạn kết thúc năm {end}: thay bằng kế hoạch của cơ quan đó cho giai đoạn mới "
                f"(từ năm {end + 1}) hoặc cho năm {year} khi đã ban hành, hoặc bỏ căn cứ này")
    return f"văn bản cho giai đoạn kết thúc năm {end}; kiểm tra còn áp dụng cho năm {year} hay đã có văn bản thay thế"


def superior_plan(text: str, old: int, old_end: int, year: int) -> str:
    """Why a cited plan should be replaced in a plan for ``year`` ("" when it need not be): last
    year's plan of a superior body, or a plan whose period ended before ``year``."""
    planned = _plan_year(text)
    end = _period_end(text)
    if end is None and planned is not None and old <= planned < year:
        return (f"kế hoạch năm {planned} của cơ quan cấp trên: thay bằng kế hoạch năm {year} của cơ quan đó khi đã "
                "ban hành, hoặc bỏ viện dẫn này")
    if end is not None and end < year and _PLAN_WORDS.search(text[:60]):
        return ended_period_message(text, end, year)
    return ""


def check(bases: list[LegalBasis], on: date, level: str, year: int) -> list[BasisCheck]:
    """Each căn cứ line of the old plan checked for a plan signed on ``on`` for ``year``."""
    out: list[BasisCheck] = []
    cited: set[str] = set()
    for i, basis in enumerate(bases):
        act = registry.act(basis.ref) if basis.ref and basis.ref in registry.registry() else identify(basis.text)
        if act is None:
            end = _period_end(basis.text)
            planned = _plan_year(basis.text)
            if end is None and planned is not None and planned < year:
                out.append(BasisCheck(i, basis, basis, "superior_plan",
                                      message=f"kế hoạch năm {planned} của cơ quan cấp trên: thay bằng kế hoạch năm {year} "
                                              "của cơ quan đó khi đã ban hành, hoặc bỏ căn cứ này"))
            elif end is not None and end < year:
                out.append(BasisCheck(i, basis, basis, "ended_period", message=ended_period_message(basis.text, end, year)))
            else:
                out.append(BasisCheck(i, basis, basis, "unknown", message="văn bản không có trong danh mục căn cứ; "
                                      "kiểm tra còn hiệu lực và còn phù hợp"))
            continue
        cited.add(act.key)
        if act.lapsed(on):
            nxt = registry.successor(act.key, on)
            if nxt is not None:
                new = LegalBasis(verb=basis.verb or "Căn cứ", text=nxt.citation, ref=nxt.key)
                cited.add(nxt.key)
                out.append(BasisCheck(i, basis, new, "replaced", act, nxt,
                                      f"{act.short()} hết hiệu lực sau ngày {act.valid_to:%d/%m/%Y}; thay bằng {nxt.short()}"))
            else:
                out.append(BasisCheck(i, basis, None, "lapsed", act, None,
                                      f"{act.short()} hết hiệu lực sau ngày {act.valid_to:%d/%m/%Y}, không có văn bản thay thế "
                                      "trong danh mục; đã bỏ khỏi căn cứ — kiểm tra có văn bản mới cần dẫn"))
        elif act.issued_after(on):
            out.append(BasisCheck(i, basis, basis, "not_yet", act, None,
                                  f"{act.short()} ban hành sau ngày ký dự kiến {on:%d/%m/%Y}"))
        else:
            message = "còn hiệu lực"
            end_of_year = date(year, 12, 31)
            if act.valid_to is not None and act.valid_to < end_of_year:
                message = f"còn hiệu lực đến {act.valid_to:%d/%m/%Y}, trước khi hết năm {year}; kiểm tra văn bản thay thế"
            amending = [a for a in registry.registry().values()
                        if a.amends == act.key and a.valid_from is not None and on < a.valid_from <= end_of_year]
            if amending:
                message = "; ".join(f"được sửa đổi bởi {a.short()} từ ngày {a.valid_from:%d/%m/%Y}" for a in amending) \
                    + "; kiểm tra có cần dẫn thêm văn bản sửa đổi"
            out.append(BasisCheck(i, basis, basis, "valid" if not amending else "amended", act, None, message))
    # What the registry proposes for the regime in force and the plan lacks (e.g. an amending act).
    old_roles = {c.act.role for c in out if c.act is not None}
    for proposed in registry.propose("plan", level, on):
        act = registry.act(proposed.ref)
        if act.key in cited or act.role not in old_roles:
            continue
        out.append(BasisCheck(-1, None, LegalBasis(verb="Căn cứ", text=act.citation, ref=act.key), "added", act, None,
                              f"thêm {act.short()} (văn bản đang có hiệu lực cùng loại với căn cứ cũ)"))
    return out
