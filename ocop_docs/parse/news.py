"""A web page that reports on a document instead of carrying it: a portal's news item.

Provincial portals announce decisions and plans in prose ("Ngày 20/7/2021, Ủy ban nhân dân tỉnh
Hậu Giang ban hành Quyết định số 1358/QĐ-UBND phê duyệt …", "UBND tỉnh vừa ban hành Quyết định
thành lập Hội đồng …") and quote some of their khoản. Such a page shows no header, no
place-and-date line, no căn cứ and no signature. What it does tell — the document's type, its
number when named, what it does — is read; every other field stays empty and is listed as missing
with the reason. Nothing the news sentence says in its own words (its dates are often the page's)
is written as if the document printed it; the page's paragraphs are kept apart, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nd30 import doctypes
from ..nd30.anatomy import QUOC_HIEU_RE, SO_RE, TIEU_NGU_RE
from .header import type_name
from .lines import Line

_TYPES = r"(?:Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Thông báo|Hướng dẫn|Công văn|Báo cáo)"
# Acts a decision issues ("ký ban hành Quy chế … (kèm theo Quyết định số …)"): reported as that decision.
_ISSUED_WITH = r"(?:Quy chế|Quy định|Đề án)"
# The document named with its number: "Quyết định số 1358/QĐ-UBND", "Quyết định 29/2019/QĐ-UBND".
_NUMBER_RE = re.compile(r"\bsố\s*(?P<text>\d{1,6}(?:\s*/\s*\d{4})?\s*/\s*[A-ZĐ][A-ZĐa-zđ0-9&]*(?:\s*-\s*[A-ZĐa-zđ0-9&]+)*)")
# "… ban hành Quyết định …", "… vừa ký Quyết định …", "Bộ … có Quyết định số …".
_ISSUED_RE = re.compile(rf"\b(?P<verb>ban hành|ký ban hành|ký|có)\s+(?P<type>{_TYPES}|{_ISSUED_WITH})\b", re.I)
# The marks of a report on a past act: the number named, "vừa"/"đã", or a date opening the sentence.
_PAST_RE = re.compile(r"\b(?:vừa|đã|mới)\s+(?:ký\s+)?(?:ban hành|ký|có)\b|^Ngày\s+\d{1,2}(?:[/-]\d{1,2})*(?:[/-]\d{4})?\s*,", re.I)
# "Quyết định số 1085/QĐ-UBND ngày 19/9/2023 của Ủy ban nhân dân tỉnh về việc …." — a paragraph naming it.
_CITED_RE = re.compile(rf"^(?P<type>{_TYPES})\s+số\s*\d[^\s]*\s+ngày\s+[\d/]+\s+của\s+[^.;:]{{3,120}}?\s+(?:về việc|v/v|về)\s+\S", re.I)
# Where the report turns to other documents: the decision replaced, the act implemented.
_OTHER_RE = re.compile(r"\b(?:thay thế|bãi bỏ|sửa đổi|(?<!kèm )theo|tại|căn cứ|thực hiện)\s+(?:các\s+)?" + _TYPES, re.I)
_PLACE_DATE_RE = re.compile(r"^[^\d,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)
_HEADING_RE = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})\.\s+[A-ZĐÀ-Ỹ]{2,}\b")  # "I. KẾT QUẢ THỰC HIỆN"
_BASIS_RE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị)\b")


@dataclass
class NewsReport:
    """What a news page says of the document it reports on."""

    doc_type: str  # "Quyết định", "Kế hoạch"… (the type of the named number, else the type word the page uses)
    number_text: str | None  # "1358/QĐ-UBND" when the page names it
    subject: str  # the page's words for what the document does, from the type name on
    sentence: Line  # the paragraph that names it
    paragraphs: list[Line]  # every paragraph of the page, kept apart


def _has_header(lines: list[Line]) -> bool:
    """Whether the lines show any part of a document's own header or frame."""
    for line in lines:
        text = line.text.strip(" |")
        if QUOC_HIEU_RE.search(text) or TIEU_NGU_RE.search(text) or _PLACE_DATE_RE.match(text):
            return True
        if SO_RE.match(text) and len(text) < 60:
            return True
        if text.isupper() and type_name(text):
            return True
        if re.match(r"^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ)\s*:", text) or re.match(r"^Nơi nhận\b", text):
            return True
    return False


def _named(text: str) -> tuple[str, int] | None:
    """The type a news sentence says was issued, and where its name starts, or None."""
    m = _CITED_RE.match(text)
    if m and text.rstrip().endswith((".", ":")):
        return m.group("type"), m.start("type")
    for m in _ISSUED_RE.finditer(text):
        before = text[:m.start()]
        if _OTHER_RE.search(before[-30:] + m.group(0)):
            continue
        rest = text[m.end("type"):]
        numbered = _NUMBER_RE.match(rest.lstrip()) is not None
        if numbered or _PAST_RE.search(text[:m.end()]) or re.search(r"\(\s*" + m.group("type") + r"\s+số\b", rest, re.I):
            return m.group("type"), m.start("type")
    return None


def news_report(lines: list[Line]) -> NewsReport | None:
    """The report a page makes of a document it does not carry, or None when the page holds the document."""
    if not lines or _has_header(lines):
        return None
    first: NewsReport | None = None
    for line in lines[:12]:
        text = line.text
        if first is None and (_BASIS_RE.match(text) or _HEADING_RE.match(text)):
            return None  # the document's own căn cứ or sections come first: the page carries the document
        report = _report(line, list(lines))
        if report is None:
            continue
        if report.number_text:
            # The headline often leaves the number to the lead paragraph ("… vừa ban hành Quyết định
            # phê duyệt …", then "… Quyết định số 5445/QĐ-UBND ngày …"): the same type, named in full.
            if first is None or report.doc_type == first.doc_type:
                return report
            continue
        first = first or report
    return first


def _report(line: Line, lines: list[Line]) -> NewsReport | None:
    """What one paragraph says was issued, or None when it names no issued document."""
    text = line.text
    found = _named(text)
    if found is None:
        return None
    type_word, at = found
    word = type_word[:1].upper() + type_word[1:].lower()
    named = text[at:]
    cut = _OTHER_RE.search(named, len(type_word))
    if cut:
        named = named[:cut.start()]
    number = _number(named, word)
    doc_type = doctypes.by_abbreviation(number.split("/")[-1].split("-")[0]).name if number else word
    if not number and word in ("Quy chế", "Quy định", "Đề án"):
        doc_type = "Quyết định"  # "ban hành Quy chế …": the act is issued by a decision
    return NewsReport(doc_type, number, _subject(named[len(type_word):] if word == doc_type else named), line, lines)


def _subject(text: str) -> str:
    """What the document does, in the page's words: "số …", "ngày …", "của …" and "về việc" left out."""
    text = _NUMBER_RE.sub(" ", text)
    text = re.sub(r",?\s*ngày\s+\d[\d/ ]*", " ", text)
    text = re.sub(r"\(\s*(?:Quyết định|Kế hoạch)?\s*[,;]?\s*\)", " ", text)
    text = re.sub(r"^\s*của\s+[^,;]*?(?=\s+(?:về việc|v/v|về)\s)", " ", text)
    text = re.sub(r"^\s*(?:về việc|v/v|về)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    text = re.sub(r",?\s*(?:cụ thể|như sau|cụ thể như sau|gồm)$", "", text).strip(" ,.;:")  # the page's lead-in to its quote
    if re.match(r"^(?:Quy chế|Quy định|Quy trình)\b", text):
        text = "ban hành " + text  # "Quyết định Quy chế hoạt động …": the decision issues the quy chế
    return text


def _number(text: str, doc_type: str) -> str | None:
    """The Số and ký hiệu of the reported document, when the sentence names it with its own symbol."""
    want = {doctypes.doc_type(doc_type).abbreviation}
    if doc_type in ("Quy chế", "Quy định", "Đề án"):
        want.add("QĐ")  # "Quy chế … (kèm theo Quyết định số 10/QĐ-HĐOCOP)"
    for m in _NUMBER_RE.finditer(text):
        printed = re.sub(r"\s+", "", m.group("text"))
        symbol = printed.split("/")[-1]
        if symbol.split("-")[0] in want and doctypes.by_abbreviation(symbol.split("-")[0]):
            return printed
    return None
