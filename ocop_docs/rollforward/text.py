"""Rewriting the words of a plan for another year without touching what it cites.

A plan's text mixes its own time ("năm 2024", "Quý II/2024", "trước ngày 30/3/2019", "giai đoạn
2023-2025" for a period plan) with the dates of other documents it cites ("Quyết định số
148/QĐ-TTg ngày 24/02/2023", "Kế hoạch số 15/KH-UBND năm 2023", "Nghị quyết số 51/2021/NQ-HĐND",
"Chương trình … giai đoạn 2021-2025"). :func:`citation_spans` finds the citations; years outside
them that denote the plan's own time are moved, the others are left and reported. Agency names
are renamed the same way (ocop.md §12.1): the act's own wording changes, a citation keeps the
name its document had.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ocop.regimes import AGENCY_RENAMES

_DOC_WORDS = (
    r"(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Thông tư(?: liên tịch)?|Chỉ thị|Công văn|Văn bản|"
    r"Kế hoạch|Hướng dẫn|Thông báo|Tờ trình|Đề án|Kết luận|Báo cáo|Công điện|"
    r"QĐ|KH|NQ|NĐ|CV|TB|HD|BC|TTr|CT)"  # as officers shorten them: "KH số 15/KH-UBND"
)
_NUMBER = r"(?:số\s*)?\d{1,5}\s*(?:/\s*\d{4})?\s*[/ ]\s*[A-ZĐ][\wĐđ&]*(?:\s*[-–]\s*[\wĐđ&]+)*"
_DATE = r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
# The trích yếu of a cited document ("… của UBND tỉnh về thực hiện Chương trình OCOP năm 2024") is
# part of the citation: its years are that document's. It runs to the end of the clause, but stops
# where the citing sentence goes on (", UBND xã ban hành Kế hoạch …") or sets a deadline of its own.
_SUBJECT = (
    r"(?:\s+(?:về việc|về|V/v|phê duyệt|ban hành|quy định|triển khai|hướng dẫn|thực hiện)\b[^;:.]{0,240}?"
    r"(?=\s+(?:trước|chậm nhất|muộn nhất|đến hết|hạn)\s+(?:ngày|tháng|Quý|quý|năm)\b"
    r"|\s+(?:trong|từ|vào)\s+(?:ngày|tháng|Quý|quý)\b"
    # a comma ends it, unless the title goes on with its place or horizon (", tỉnh Thanh Hóa")
    r"|,(?!\s*(?:tỉnh|huyện|xã|phường|thị xã|thành phố|định hướng|tầm nhìn)\b)|[;:.]|$))?"
)
_TAIL = (
    rf"(?:\s*,?\s*(?:ngày\s*{_DATE}|năm\s+\d{{4}}))?"
    rf"(?:\s+(?:của|do)\s+[^;:.,()]{{0,120}}?(?=\s+(?:về|phê duyệt|ban hành|quy định|triển khai|hướng dẫn|thực hiện)\b|[;:.,()]|$))?"
    rf"{_SUBJECT}"
)
# A document number alone ("số 15/KH-UBND ngày 10/01/2026", "theo 148/QĐ-TTg") cites a document too:
# its symbol has a letter and a hyphen, which no date has.
_BARE_NUMBER = r"(?<![\w/])(?:số\s*)?\d{1,5}(?:/\d{4})?/[A-ZĐ][\wĐđ&]*(?:[-–][\wĐđ&]+)+"
_CITATION_RE = re.compile(rf"\b{_DOC_WORDS}\s+(?:{_NUMBER}){_TAIL}|{_BARE_NUMBER}{_TAIL}", re.I)
# An act cited by its name and date, without a number ("Luật Tổ chức chính quyền địa phương ngày
# 19/6/2015"). Only names of normative acts, written with their capital: "Báo cáo kết quả gửi UBND
# tỉnh ngày 15/6/2024" or "Hướng dẫn chủ thể … ngày 30/8/2024" are the plan's own tasks.
_NAMED_ACT_RE = re.compile(
    rf"\b(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Thông tư(?: liên tịch)?|Chỉ thị)\s+[^;.()]{{0,160}}?"
    rf"\bngày\s*{_DATE}"
)
_YEAR_RE = re.compile(r"(?<![\d])((?:19|20)\d{2})(?![\d])")
_RANGE_RE = re.compile(r"(?<![\d/])((?:19|20)\d{2})(\s*[-–—]\s*)((?:19|20)\d{2})(?![\d/])")


# A date that follows these words is a deadline of the plan, not the date of a cited document:
# "Báo cáo kết quả về UBND tỉnh trước ngày 30/9/2026" cites nothing.
_DEADLINE_BEFORE_DATE = re.compile(
    r"\b(?:trước|đến|tới|từ|kể từ|chậm nhất|muộn nhất|vào|hạn|hạn chót|trong|sau|cho đến)\s+ngày\s*$", re.I)
# Date forms whose year is the plan's next year when the plan's work runs into it ("Quý I/2027",
# "31/01/2027", "tháng 01/2027", "ngày 15 tháng 01 năm 2027") — deadlines that move with the plan.
_DATE_FORM_BEFORE_YEAR = re.compile(
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*|\bQuý\s+[IVX1-4]+\s*/\s*|\btháng\s+\d{1,2}\s*/\s*|"
    r"\btháng\s+\d{1,2}\s+năm\s+|\bQuý\s+[IVX1-4]+\s+năm\s+|\bđầu\s+năm\s+)$", re.I)


# A year followed by the document that gives it its content ("năm 2025 theo Quyết định số …",
# "năm 2025 được giao tại Quyết định số …").
_TIED_TO_CITATION = re.compile(
    r"\s*,?\s*(?:(?:đã\s+)?được\s+(?:giao|phân bổ|bố trí|phê duyệt|cấp)\s+)?(?:theo|tại)\s+", re.I)


_SPAN_END = re.compile(r"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*|tháng\s+\d{1,2}\s*/\s*|"
                       r"Quý\s+[IVX1-4]+\s*/\s*)((?:19|20)\d{2})(?!\d)", re.I)


_DATE_PREFIX = (r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+|"
                r"\bQuý\s+[IVX1-4]+\s*/\s*|\btháng\s+\d{1,2}\s*/\s*|\btháng\s+\d{1,2}\s+năm\s+|\bnăm\s+")


def date_words(text: str, year: str) -> list[tuple[int, int]]:
    """The spans of the date phrases holding ``year`` ("30/6/2023", "Quý IV/2023", "tháng 10/2023",
    "ngày 05 tháng 3 năm 2023", "năm 2023", or the year alone), outside citations, in order."""
    spans = citation_spans(text)
    out = []
    pattern = rf"(?:{_DATE_PREFIX}){re.escape(year)}(?![\d/])|(?<![\d/]){re.escape(year)}(?![\d/])"
    for m in re.finditer(pattern, text, re.I):
        if not _inside(m.start(), spans) and not _inside(m.end() - len(year), spans):
            out.append((m.start(), m.end()))
    return out


def citation_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each citation of another document in ``text``."""
    spans = []
    for m in sorted([*_CITATION_RE.finditer(text), *_NAMED_ACT_RE.finditer(text)], key=lambda m: m.start()):
        end = m.end()
        date = list(re.finditer(r"\bngày\s*", m.group(0)))
        if date:
            cut = m.start() + date[-1].start()
            if _DEADLINE_BEFORE_DATE.search(text[:cut + len(date[-1].group(0))]):
                end = cut  # the date is a deadline: only the words before it may cite something
        spans.append((m.start(), end))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


@dataclass
class YearMap:
    """How the years of the old plan map to the new one: [old, old_end] → [new, new_end]."""

    old: int
    old_end: int
    new: int
    new_end: int

    def of(self, year: int) -> int | None:
        """The new year of an old plan year (None for a year outside the old plan's time)."""
        if not self.old <= year <= self.old_end:
            return None
        if year == self.old_end:
            return self.new_end
        return min(year - self.old + self.new, self.new_end)

    @property
    def period(self) -> bool:
        return self.old_end != self.old


@dataclass
class Rewrite:
    """A text after rewriting: what changed, and the years left alone that a person should look at."""

    text: str
    changes: list[tuple[str, str]] = field(default_factory=list)  # (before, after) snippets
    kept: list[str] = field(default_factory=list)  # snippets with another year, left as written
    kept_years: list[str] = field(default_factory=list)  # shift_years: the year (or range) of each kept snippet
    kept_notes: list[str] = field(default_factory=list)  # shift_years: why each was kept, when more can be said
    cited: list[str] = field(default_factory=list)  # citations whose year was kept
    guessed: list[tuple[str, str]] = field(default_factory=list)  # rescope: (old, new) a person must confirm


def _snippet(text: str, start: int, end: int, width: int = 28) -> str:
    a = max(0, start - width)
    b = min(len(text), end + width)
    return ("…" if a else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _pair(text: str, start: int, end: int, new: str, width: int = 28) -> tuple[str, str]:
    """(before, after) snippets around one replacement, as a reader compares them."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    head = ("…" if a else "") + text[a:start]
    tail = text[end:b] + ("…" if b < len(text) else "")
    return (head + text[start:end] + tail).strip(), (head + new + tail).strip()


def _apply(text: str, edits: list[tuple[int, int, str]], result: "Rewrite") -> "Rewrite":
    """``result`` with its text made from ``text`` and the (start, end, new) edits, each recorded."""
    out, pos = [], 0
    for start, end, new in sorted(edits):
        out.append(text[pos:start])
        out.append(new)
        result.changes.append(_pair(text, start, end, new))
        pos = end
    out.append(text[pos:])
    result.text = "".join(out)
    return result


def shift_years(text: str, years: YearMap) -> Rewrite:
    """``text`` with the plan's own years moved to the new plan's, citations left as they are."""
    spans = citation_spans(text)
    result = Rewrite(text)
    replaced: list[tuple[int, int, str]] = []
    # Ranges first ("giai đoạn 2023-2025"): the plan's own period moves, another period stays.
    taken: list[tuple[int, int]] = []
    for m in _RANGE_RE.finditer(text):
        if _inside(m.start(), spans):
            continue
        a, b = int(m.group(1)), int(m.group(3))
        taken.append((m.start(), m.end()))
        if (a, b) == (years.old, years.old_end) and years.period:
            if years.new == years.new_end:
                new = str(years.new)
                # "giai đoạn 2023-2025" for a one-year plan: "năm 2026".
                before = text[max(0, m.start() - 10): m.start()]
                if before.rstrip().lower().endswith("giai đoạn"):
                    start = m.start() - (len(before) - before.lower().rfind("giai đoạn"))
                    replaced.append((start, m.end(), f"năm {new}"))
                    continue
            else:
                new = f"{years.new}{m.group(2)}{years.new_end}"
            replaced.append((m.start(), m.end(), new))
        elif not years.period and b == a + 1 and years.old in (a, b):
            # A season or school year across the plan's year ("vụ Đông Xuân 2024-2025", "2024-2025")
            # is the plan's own: it moves as the year does.
            shift = years.new - years.old
            replaced.append((m.start(), m.end(), f"{a + shift}{m.group(2)}{b + shift}"))
        elif a <= years.new and years.new_end <= b:
            continue  # a programme period the new plan still falls in ("giai đoạn 2026-2030"): still right
        elif years.old <= a <= years.old_end or years.old <= b <= years.old_end:
            result.kept.append(_snippet(text, m.start(), m.end()))
            result.kept_years.append(m.group(0))
            result.kept_notes.append(
                f"giai đoạn {a}-{b} kết thúc trước năm {years.new}: nếu đoạn này nói về chương trình đang thực hiện, "
                f"ghi giai đoạn mới của chương trình; nếu nhắc lại kết quả giai đoạn cũ, giữ nguyên" if b < years.new else "")
    far: list[re.Match] = []  # years far from the plan's, outside citations
    for m in _YEAR_RE.finditer(text):
        if _inside(m.start(), taken):
            continue
        year = int(m.group(1))
        # Part of a document number ("51/2021/NQ-HĐND"): a citation, whatever the words around it.
        if text[m.end():m.end() + 1] == "/" and re.match(r"/\s*[A-ZĐ]", text[m.end():]):
            continue
        if _inside(m.start(), spans):
            if years.of(year) is not None:
                result.cited.append(_snippet(text, m.start(), m.end()))
            continue
        new_year = years.of(year)
        if new_year is None and year == years.old_end + 1 and _DATE_FORM_BEFORE_YEAR.search(text[:m.start()]):
            new_year = years.new_end + 1  # a deadline early in the next year moves with the plan
        if new_year is None and year == years.old - 1 and _DATE_FORM_BEFORE_YEAR.search(text[:m.start()]):
            # "từ tháng 12/2025 đến tháng 3/2026": the start of a span that ends in the plan's year
            end = _SPAN_END.match(text, m.end())
            if end and years.of(int(end.group(1))) is not None:
                new_year = year + years.new - years.old
        if new_year is None:
            if abs(year - years.old) <= 1 or abs(year - years.old_end) <= 1:
                result.kept.append(_snippet(text, m.start(), m.end()))
                result.kept_years.append(m.group(1))
                result.kept_notes.append("")
            else:
                far.append(m)
            continue
        tied = _TIED_TO_CITATION.match(text, m.end())
        if new_year != year and tied and any(a == tied.end() for a, _ in spans):
            # "ngân sách tỉnh năm 2025 theo Quyết định số 4801/QĐ-UBND …": that decision funds that year;
            # moving the year alone would claim it funds the new one.
            result.kept.append(_snippet(text, m.start(), m.end(), width=60))
            result.kept_years.append(m.group(1))
            result.kept_notes.append(f"năm {year} gắn với văn bản được viện dẫn ngay sau (văn bản đó là của năm {year}): "
                                     f"ghi năm {new_year} cùng văn bản của năm {new_year} (khi đã có), hoặc giữ nguyên")
            continue
        if new_year != year:
            replaced.append((m.start(), m.end(), str(new_year)))
    # A sentence that ties another year to the plan's ("sản phẩm công nhận năm 2022 hết hạn trong năm
    # 2025"): moving one side alone would state something false, so the other is left for a person.
    for m in far:
        start = max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        ends = [k for k in (text.find(".", m.end()), text.find(";", m.end())) if k >= 0]
        stop = min(ends) if ends else len(text)
        moved = [new for a, _, new in replaced if start <= a < stop]
        if moved:
            result.kept.append(_snippet(text, m.start(), m.end(), width=60))
            result.kept_years.append(m.group(1))
            result.kept_notes.append(f"câu này có năm {m.group(1)} cạnh năm của kế hoạch đã đổi (thành {moved[0]}): kiểm tra hai "
                                     f"năm còn khớp nhau, đổi năm {m.group(1)} nếu cần")
    return _apply(text, replaced, result)


# ---------------------------------------------------------------- agency names (ocop.md §12.1)


def rename_agencies(text: str) -> Rewrite:
    """Bộ/Sở/Phòng NN&PTNT (and TN&MT) written as Nông nghiệp và Môi trường, outside citations
    (the names of ``ocop.regimes.AGENCY_RENAMES``)."""
    spans = citation_spans(text)
    result = Rewrite(text)
    edits: list[tuple[int, int, str]] = []
    for pattern, new in AGENCY_RENAMES:
        for m in pattern.finditer(text):
            if _inside(m.start(), spans) or any(a < m.end() and m.start() < b for a, b, _ in edits):
                continue
            edits.append((m.start(), m.end(), new))
    return _apply(text, edits, result)


def cited_numbers(text: str) -> list[str]:
    """The document numbers cited in ``text`` ("148/QĐ – TTg" → "148/QĐ-TTg"), normalised."""
    out = []
    for m in re.finditer(rf"{_DOC_WORDS}\s+(?:số\s*)?(\d{{1,5}}(?:\s*/\s*\d{{4}})?\s*[/ ]\s*[A-ZĐ][\wĐđ&]*(?:\s*[-–/]\s*[\wĐđ&]+)*)", text, re.I):
        out.append(normalise_number(m.group(1)))
    return out


def normalise_number(number: str) -> str:
    """A document number as the registry writes it: "148/QĐ – TTg", "919/QĐ/TTg" → "148/QĐ-TTg", "919/QĐ-TTg"."""
    number = re.sub(r"\s*[-–]\s*", "-", number.strip())
    number = re.sub(r"\s*/\s*", "/", number)
    m = re.match(r"^(\d+)(?:/(\d{4}))?[/ ](.+)$", number)
    if not m:
        return number
    symbol = m.group(3).replace("/", "-").replace(" ", "-")
    return f"{m.group(1)}/{m.group(2) + '/' if m.group(2) else ''}{symbol}"
