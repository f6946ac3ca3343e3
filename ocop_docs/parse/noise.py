"""The noise real documents carry, recognised and removed without losing text.

Text copied from legal-documents websites, extracted from PDFs or typed in Word brings:
markdown emphasis (``**bold**``, ``## heading``, nested ``  - +`` lists), footnote marks
("6 bước¹") and footnote texts landing mid-page, paragraphs broken where a page ended, stray
marks ("Nơi nhận: ✓"), a signer line garbled by the extractor ("Ư. CHỦ TỊCH" for "TM. ỦY BAN
NHÂN DÂN / KT. CHỦ TỊCH"), subscript digits ("NL₅"), end marks typed "/." or ". /.", and text in
the legacy TCVN3/VNI font encodings. Every change that alters what a reader would take from the
text is noted on the line, so the parser can report it.
"""
from __future__ import annotations

import re

from ..nd30.anatomy import (
    BASIS_VERBS,
    PROPOSAL_VERBS,
    garbled_authority,
    is_authority_line,
    is_body_head,
    is_quoc_hieu,
    is_rule,
    is_signer_title,
    is_tieu_ngu,
)
from ..vi.text import convert_legacy, detect_legacy_encoding
from .header import type_name
from .lines import Line, normalise

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUB_TO_DIGIT = str.maketrans(SUBSCRIPTS, "0123456789")
_SUBSCRIPT_SET = frozenset(SUBSCRIPTS)
_SUPERSCRIPT_SET = frozenset(SUPERSCRIPTS)

_HEADING_RE = re.compile(r"^(#{1,6})\s+")
_NESTED_LIST_RE = re.compile(r"^(?P<indent>\s*)(?:[-*•]\s+)(?P<mark>[-+•*])\s+")
_BULLET_RE = re.compile(r"^[*•●▪◦○■□➢►❖✓✔]\s+")
_FOOTNOTE_MARK_RE = re.compile(rf"(?<=[^\s{SUPERSCRIPTS}])[{SUPERSCRIPTS}]+")
_FOOTNOTE_DEF_RE = re.compile(rf"^\s*(?:[{SUPERSCRIPTS}]+|\[\d+\]|\(\d+\))\s+\S")
_STRAY_RE = re.compile(r"\s*[✓✔☐☑□]\s*$")
_END_MARK_RE = re.compile(r"\s*\.?\s*/\s*\.\s*$")
_PAGE_NUMBER_RE = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?$", re.I)
# Vietnamese lower-case initial letters (a line that starts with one continues the previous).
_LOWER_START_RE = re.compile(r"^\(?[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")
_TERMINAL = (".", ":", ";", "!", "?", "./.", "…")
_LIST_START_RE = re.compile(
    r"^(?:[-+–•*]\s|[IVXLC]+\s*[.)]\s|\d{1,3}(?:\.\d{1,2})*\s*[.)]\s|[a-zđ]\s*[.)]\s|\(\d+\)|Điều\s+\d+|Chương\s+[IVXLC\d]+|Phần\s+[IVXLC\d]+)"
)


def is_page_number(text: str) -> bool:
    """A line holding only a page number ("2", "- 3 -", "Trang 4/10")."""
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


def markdown_segments(text: str) -> list[tuple[str, bool, bool]]:
    """``text`` split into (text, bold, italic) segments by markdown ``**``/``__``/``*``/``_`` marks.

    Unbalanced marks are dropped as noise; a lone ``*`` between spaces (a multiplication sign,
    a bullet) is kept.
    """
    segments: list[tuple[str, bool, bool]] = []
    bold = italic = False
    buf: list[str] = []
    i = 0
    n = len(text)

    def flush():
        if buf:
            segments.append(("".join(buf), bold, italic))
            buf.clear()

    while i < n:
        two = text[i : i + 2]
        if two in ("**", "__"):
            flush()
            bold = not bold
            i += 2
            continue
        ch = text[i]
        if ch == "*" or (ch == "_" and (i == 0 or not text[i - 1].isalnum() or i + 1 >= n or not text[i + 1].isalnum())):
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if prev.isspace() and nxt.isspace():
                buf.append(ch)  # a lone star, not emphasis
            else:
                flush()
                italic = not italic
            i += 1
            continue
        buf.append(ch)
        i += 1
    flush()
    return segments


def clean_markdown(line: Line) -> Line:
    """A plain-text line with its markdown turned into hints: heading level, bold, italic, lead_bold."""
    text = line.text
    heading = None
    if m := _HEADING_RE.match(text):
        heading = len(m.group(1))
        text = text[m.end():]
    list_depth = line.list_depth
    if m := _NESTED_LIST_RE.match(text):
        # "  - + item": a markdown list holding the document's own "+ " (or "- ") item.
        list_depth = 1
        text = f"{'+' if m.group('mark') == '+' else '-'} " + text[m.end():]
    if "*" not in text and "_" not in text:
        return line.with_text(normalise(text), heading=heading or line.heading, list_depth=list_depth)
    segments = markdown_segments(text)
    plain = normalise("".join(s for s, _, _ in segments))
    visible = [(s, b, i) for s, b, i in segments if s.strip()]
    bold = italic = None
    lead = None
    if visible:
        if all(b for _, b, _ in visible):
            bold = True
        elif not any(b for _, b, _ in visible):
            bold = False
        elif visible[0][1]:
            # Bold text first, regular after: a run-in heading ("**5. Phòng Y tế:** Phối hợp …").
            k = 0
            while k < len(visible) and visible[k][1]:
                k += 1
            lead = normalise("".join(s for s, _, _ in visible[:k]))
        if all(i for _, _, i in visible):
            italic = True
        elif not any(i for _, _, i in visible):
            italic = False
    changed = plain != normalise(text)
    out = line.with_text(plain, heading=heading or line.heading, list_depth=list_depth, lead_bold=lead)
    if bold is not None:
        out.bold = bold
    if italic is not None:
        out.italic = italic
    if changed:
        out.notes.append("markdown")
    return out


def strip_footnote_marks(text: str) -> tuple[str, int]:
    """``text`` without superscript footnote marks after words ("6 bước¹" → "6 bước"), and how many."""
    if _SUPERSCRIPT_SET.isdisjoint(text):
        return text, 0
    new, count = _FOOTNOTE_MARK_RE.subn("", text)
    return new, count


_SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")


def extract_marks(text: str) -> tuple[str, list[tuple[int, str]]]:
    """``text`` without its superscript footnote marks, and each mark as (offset, key)."""
    if _SUPERSCRIPT_SET.isdisjoint(text):
        return text, []
    marks = []
    out = []
    last = 0
    removed = 0
    for m in _FOOTNOTE_MARK_RE.finditer(text):
        out.append(text[last:m.start()])
        marks.append((m.start() - removed, m.group().translate(_SUPER_TO_DIGIT)))
        removed += m.end() - m.start()
        last = m.end()
    out.append(text[last:])
    return "".join(out), marks


def footnote_definition(text: str) -> tuple[str, str] | None:
    """(key, text) of a footnote's own text ("¹ Bao gồm: …" → ("1", "Bao gồm: …"))."""
    m = re.match(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$", text)
    if not m:
        return None
    return m.group(1).translate(_SUPER_TO_DIGIT), normalise(m.group(2))


def is_footnote_text(text: str) -> bool:
    """A footnote's own text as extractors leave it mid-page: "¹ Bao gồm: …"."""
    return bool(_FOOTNOTE_DEF_RE.match(text)) and text.lstrip()[0] in SUPERSCRIPTS


def clean_text(text: str) -> tuple[str, list[str]]:
    """Character-level noise removed from one line: footnote marks, stray ticks, subscripts, end marks."""
    notes = []
    text, marks = strip_footnote_marks(text)
    if marks:
        notes.append("footnote-mark")
    if _STRAY_RE.search(text) and len(text.strip()) > 1:
        text = _STRAY_RE.sub("", text)
        notes.append("stray-mark")
    if not _SUBSCRIPT_SET.isdisjoint(text):
        text = text.translate(_SUB_TO_DIGIT)
        notes.append("subscript")
    if _END_MARK_RE.search(text) and not text.rstrip().endswith("./."):
        text = _END_MARK_RE.sub("./.", text)
        notes.append("end-mark")
    return normalise(text), notes


def legacy_encoding(lines: list[Line]) -> str | None:
    """The legacy font encoding (TCVN3, VNI) the lines were typed in, or None for Unicode text."""
    sample = "\n".join(line.text for line in lines[:400])
    if not sample.strip() or sample.isascii():
        return None
    return detect_legacy_encoding(sample)


def convert_lines(lines: list[Line], encoding: str) -> list[Line]:
    """Lines typed in ``encoding`` (TCVN3/VNI) converted to Unicode NFC."""
    return [line.with_text(normalise(convert_legacy(line.text, encoding))) for line in lines]


# ---------------------------------------------------------------- broken lines
_CONNECTIVES = {
    "của", "và", "các", "cho", "với", "tại", "theo", "trong", "để", "là", "được", "có", "từ", "đến", "về",
    "những", "một", "mỗi", "trên", "dưới", "nhằm", "thuộc", "giữa", "như", "hoặc", "bằng", "sản", "chương",
    "phòng",  # "Chánh Văn phòng" / "UBND tỉnh; …": an office is named by whose it is
}
# "… tỉnh Điện" / "Biên giai đoạn …": one capitalised syllable after an administrative unit is a place
# name cut in two (Vietnamese place names have two syllables or more).
_CUT_PLACE_RE = re.compile(r"(?:^|\s)(?:tỉnh|huyện|xã|phường|quận|thị xã|thành phố|thị trấn)\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")


_LONE_LABEL_RE = re.compile(r"^(?:(?:[IVXLC]+|\d{1,3}(?:\.\d{1,2})*|[a-zđ])[.)]|[-–+•])$")
# Openings of a new paragraph as printed (case matters: "thực hiện" in lower case continues a line).
_NEW_PARAGRAPH_RE = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in (*BASIS_VERBS[:2], *PROPOSAL_VERBS, "Nơi nhận", "Kính gửi", "Trên đây"))
    + r"|Điều\s+\d|QUYẾT ĐỊNH\s*:)\b"
)


_BASIS_START_RE = re.compile(
    r"^(?:(?:Theo|Xét) đề nghị\b|(?:Căn cứ|Thực hiện)\s+(?:các\s+)?(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư|Công văn|Văn bản|"
    r"Chỉ thị|Điều|Kết luận|Thông báo|Hướng dẫn)\b|(?:Căn cứ|Thực hiện)\s+(?:Kế hoạch|Chương trình|Đề án|Tờ trình|Báo cáo)\s+số\b)"
)


def _stands_alone(text: str) -> bool:
    """A capitalised line that is a part of its own, never the rest of a wrapped heading."""
    return bool(type_name(text) or is_body_head(text) or is_authority_line(text) or is_signer_title(text)
                or is_quoc_hieu(text) or is_tieu_ngu(text) or garbled_authority(text) is not None
                or text.startswith(("CHỦ TỊCH", "QUYẾT ĐỊNH", "PHỤ LỤC", "DANH SÁCH")))


def continues(prev: Line, line: Line, blank_paragraphs: bool = False, wrapped: bool = False) -> bool:
    """Whether ``line`` is the rest of ``prev``, cut where a page, a column or a web page's width ended.

    A new paragraph starts where the document starts one: a numbering label, a dash item,
    "Căn cứ", "Điều n.", a heading in capitals, a sentence end followed by a capital. Otherwise
    a line cut at the width of a hard-wrapped copy (``wrapped``), a line that starts in lower case or with a number, or follows a comma or a word that cannot
    end a sentence, continues the one before; a heading in capitals wrapped over lines is one.
    """
    a, b = prev.text.rstrip(), line.text.lstrip()
    if not a or not b or prev.in_table != line.in_table or prev.cell is not None:
        return False
    if re.search(r"\s[-–]$", a) and not _LIST_START_RE.match(b):
        return True  # a line never ends on a dash: "Độc lập -" / "Tự do - Hạnh phúc"
    if _LONE_LABEL_RE.match(a) and not _LONE_LABEL_RE.match(b) and not _LIST_START_RE.match(b):
        return True  # a label alone on its line: "1." / "Mục đích", "-" / "Khuyến khích …"
    if a.endswith(_TERMINAL) or a.endswith(("./.", ".”", ".\"", ".)", ":”")):
        return False
    if a in ("Căn cứ", "Thực hiện", "Theo đề nghị của", "Xét đề nghị của"):
        return True  # the verb alone on its line: "Căn cứ" / "Quyết định số 34/QĐ-UBND …"
    if _LIST_START_RE.match(b) or is_footnote_text(b) or _NEW_PARAGRAPH_RE.match(b) or is_rule(b) or is_rule(a):
        return False
    if prev.bold is True and line.bold is False and len(a) < 120:
        return False  # a heading followed by its text
    if a.isupper() and _LOWER_START_RE.match(b) and len(a) > 12:
        return False  # a heading or a name in capitals never runs on in lower case ("… TỈNH HÒA BÌNH" / "n cứ Luật …")
    if _LOWER_START_RE.match(b) or re.match(r"^\d", b):
        return True
    if a.isupper() and b.isupper() and re.search(r"(?:^|\s)(?:ỦY|UỶ|HỘI|VĂN|CHỦ)$", a) \
            and re.match(r"^(?:BAN|ĐỒNG|PHÒNG|TỊCH)\b", b) and not _stands_alone(a):
        return True  # a name wrapped inside a word pair: "… CỦA ỦY" / "BAN NHÂN DÂN XÃ …"
    if a.isupper() and b.isupper():
        # "I. MỤC ĐÍCH," / "YÊU CẦU": one heading — unless either line is a part of its own.
        return not (blank_paragraphs and line.blank_before) and not _stands_alone(a) and not _stands_alone(b) \
            and len(a) + len(b) < 250
    if a.endswith(","):
        return not b.isupper()
    if _BASIS_START_RE.match(a) and not b.isupper():
        return True  # a căn cứ runs to its ";" — "… 75, Luật" / "Trồng trọt;"
    if _CUT_PLACE_RE.search(a) and re.match(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\b", b) and not b.isupper():
        return True
    if wrapped and b[:1].isupper() and not b.split()[0].isupper() and not a.isupper():
        return True  # a hard-wrapped copy: a line cut at the width, no sentence end — "… (OCOP) tỉnh" / "Bình Thuận năm 2024 …"
    # "… của" / "Ủy ban nhân dân tỉnh …": a line ending in a word that cannot end a sentence.
    last = a.split()[-1].lower() if a.split() else ""
    return len(a) > 20 and last in _CONNECTIVES and b[:1].isupper() and not b.isupper()


def join_broken(lines: list[Line]) -> list[Line]:
    """Lines broken mid-sentence (page breaks, hard line ends) joined back into paragraphs."""
    out: list[Line] = []
    # A copy that separates its paragraphs by blank lines tells where a paragraph ends.
    blank_paragraphs = sum(line.blank_before for line in lines) > len(lines) * 0.4
    width = wrap_width(lines)
    last = 0  # length of the last source line in out[-1]
    for line in lines:
        wrapped = width is not None and last >= 0.85 * width
        if out and continues(out[-1], line, blank_paragraphs, wrapped):
            prev = out[-1]
            shift = len(prev.text) + 1
            joined = prev.with_text(normalise(prev.text + " " + line.text),
                                    marks=prev.marks + [(o + shift, k) for o, k in line.marks])
            joined.notes.append("joined")
            if prev.bold != line.bold:
                joined.bold = None if prev.bold is not None or line.bold is not None else None
            out[-1] = joined
        else:
            out.append(line)
        last = len(line.text)
    return out


def wrap_width(lines: list[Line]) -> int | None:
    """The width a copy was hard-wrapped at (most lines end near one length), or None when lines are paragraphs."""
    # Header lines, headings and the last line of each paragraph are short; the lines of text are not.
    lengths = sorted(n for n in (len(line.text) for line in lines if line.cell is None) if n >= 30)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 160:
        return None
    near = sum(1 for n in lengths if 0.8 * width <= n <= width + 3)
    return width if near >= 0.5 * len(lengths) else None
