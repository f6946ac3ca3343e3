"""The strings ND30 prescribes: Số/ký hiệu, date line, căn cứ punctuation, signer, Nơi nhận.

Pure functions from data to the exact text printed; used by rendering (to write) and by
parsing/checking (the regexes, to read and verify).
"""
from __future__ import annotations

import re
from datetime import date

from ..vi.dates import date_line as _date_line
from .anatomy import AUTHORITY_PREFIXES
from .rules import END_MARK

# ND30-SO-04: a final Số line, and the draft form with a blank number.
SO_KY_HIEU_RE = re.compile(
    r"^Số:\s*(?P<number>0[1-9]|[1-9][0-9]+)/(?P<symbol>[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)+)$"
)
SO_KY_HIEU_DRAFT_RE = re.compile(r"^Số:\s*[.…\s]*/(?P<symbol>\S+)$")
# ND30-DATE-02
DATE_LINE_RE = re.compile(
    r"^(?P<place>[^,]+), ngày (?P<day>0[1-9]|[12][0-9]|3[01]) tháng (?P<month>0[12]|[3-9]|1[0-2]) năm (?P<year>[0-9]{4})$"
)
DATE_LINE_LOOSE_RE = re.compile(
    r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>[0-9]{0,2})\s*tháng\s*(?P<month>[0-9]{0,2})\s*năm\s*(?P<year>[0-9]{0,4}|20\.{2,3})\s*$"
)
# ND30-RECIP-03
LUU_RE = re.compile(r"^- Lưu: VT(, [^;]+)?\.$")
# ND30-DRAFTER-01: the drafter's code and the number of copies, the last item of the "- Lưu:" line.
DRAFTER_RE = re.compile(r"^[A-ZĐ]+\.\(\d+\)$")
# What a writer may have meant as a drafter code: letters, a dot, a number in brackets ("pl. (300)").
DRAFTER_LOOSE_RE = re.compile(r"(?<![\w.])([^\W\d_]+)\s*\.\s*\(\s*([^()]*?)\s*\)")

# ND30-SIGN-01: the authority prefixes of Điều 13 and Mục II.7.b, in their printed form.
SIGNER_PREFIXES: tuple[str, ...] = tuple(f"{p}." for p in AUTHORITY_PREFIXES)

# ND30-SIGN-04: academic titles, degrees and honorary titles that must not precede the signer's name.
ACADEMIC_DEGREES: tuple[str, ...] = (
    "GS", "PGS", "TS", "TSKH", "ThS", "Ths", "THS", "KS", "BS", "CN", "DS", "LS", "NGƯT", "NGND", "Th.S", "BSCKI",
    "BSCKII", "Tiến sĩ", "Thạc sĩ", "Kỹ sư", "Bác sĩ", "Giáo sư", "Phó Giáo sư", "Dược sĩ", "Luật sư",
)
DEGREE_RE = re.compile(
    r"^(" + "|".join(re.escape(d) for d in sorted(ACADEMIC_DEGREES, key=len, reverse=True)) + r")\b\.?\s*"
    r"(?:[.,]?\s*(?:TS|ThS|KS|BS)\.?\s*)*"
)
"""A degree (and any degrees chained after it, "PGS.TS.") at the start of a signer's name."""

# ND30-MARK-03: circulation notes (chỉ dẫn về phạm vi lưu hành, ô 11), Phụ lục I Mục III.2.c.
CIRCULATION_NOTES: tuple[str, ...] = ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ", "TRẢ LẠI SAU KHI HỌP (HỘI NGHỊ)",
                                      "TRẢ LẠI SAU KHI HỌP", "TRẢ LẠI SAU HỘI NGHỊ")

# ND30-RECIP-02
KINH_GUI_RE = re.compile(r"^Kính gửi\s*(?P<colon>:?)\s*(?P<rest>.*)$")


def so_number(number: int | None) -> str:
    """The number part of a Số line: leading zero below 10 (ND30-SO-02); blank in a draft."""
    if number is None:
        return "      "
    return f"{number:02d}"


def so_ky_hieu(number: int | None, symbol: str, year: int | None = None) -> str:
    """The Số line: ``Số: 05/KH-UBND``; a draft leaves room for the number (ND30-SO-04). A normative
    act (văn bản quy phạm pháp luật) has the year in it: ``Số: 25/2022/QĐ-UBND``."""
    return f"Số: {so_number(number)}/{f'{year}/' if year else ''}{symbol}"


def symbol_for(type_abbreviation: str | None, issuer_abbreviation: str, unit: str | None = None) -> str:
    """The ký hiệu (ND30-SO-03): ``KH-UBND``; a công văn is ``UBND-VX`` (no type part)."""
    if type_abbreviation is None:
        return f"{issuer_abbreviation}-{unit}" if unit else issuer_abbreviation
    parts = [type_abbreviation, issuer_abbreviation] + ([unit] if unit else [])
    return "-".join(parts)


def date_line(place: str, issued: date | None, year: int | None = None) -> str:
    """The place-and-date line (ND30-DATE-01/02): ``Hà Nội, ngày 05 tháng 01 năm 2020``."""
    return _date_line(place, issued, year)


def basis_lines(bases: list[tuple[str, str]]) -> list[str]:
    """Căn cứ lines with their punctuation (ND30-BODY-01).

    ``bases`` are (verb, citation) pairs such as ("Căn cứ", "Luật Tổ chức …"). Each line
    ends with ";" and the last with "."; punctuation already typed at the end is replaced.
    A clause without a verb that opens in lower case ("trên cơ sở báo cáo và đề xuất tại Tờ trình …",
    "sau khi xem xét đề nghị …") goes on the line before it, after its ";", as it was printed: no
    line opens in lower case. A cited act without a verb ("Kế hoạch số 23/KH-UBND …") keeps its line.
    """
    lines: list[str] = []
    for verb, text in bases:
        text = strip_end_punctuation(text)
        if not verb and lines and text[:1].islower():
            lines[-1] = f"{lines[-1]}; {text}"
        else:
            lines.append(f"{verb} {text}" if verb else text)
    return [line + ("." if i == len(lines) - 1 else ";") for i, line in enumerate(lines)]


def strip_end_punctuation(text: str) -> str:
    """Text without the trailing ; . , : or ./. a writer typed at its end."""
    text = text.rstrip()
    while text and (text.endswith(END_MARK) or text[-1] in ";.,:"):
        text = text[:-3] if text.endswith(END_MARK) else text[:-1]
        text = text.rstrip()
    return text


def with_end_mark(text: str) -> str:
    """The last paragraph of the content, ending with "./." (ND30-BODY-07)."""
    return strip_end_punctuation(text) + END_MARK


def recipient_lines(items: list[str], archive: str | None) -> list[str]:
    """Nơi nhận items (ND30-RECIP-03): ``- X;`` each, then ``- Lưu: VT, … .``.

    ``archive`` None is a document read back without its Lưu line: none is made up for it.
    """
    lines = [f"- {strip_end_punctuation(item.lstrip('- ').strip())};" for item in items]
    if archive is None:
        return lines
    archive = strip_end_punctuation(archive)
    if not archive.startswith("VT"):
        archive = f"VT, {archive}" if archive else "VT"
    lines.append(f"- Lưu: {archive}.")
    return lines
