"""A document extracted as one run of text, broken back into lines where its ND30 parts start.

Document-sharing sites give a page of a .doc/.pdf as a single line ("1. ỦY BAN NHÂN DÂN CỘNG HÒA
XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH ĐẮK LĂK Độc lập Tự do Hạnh phúc Số: 1040/QĐ-UBND Đắk Lắk, ngày 07
tháng 05 năm 2019 QUYẾT ĐỊNH VỀ VIỆC … CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ …; Căn cứ …"). The
parts of the frame are recognisable in the run — Quốc hiệu, Tiêu ngữ, "Số:", the place-and-date,
the type name, the thẩm quyền line, each "Căn cứ", "QUYẾT ĐỊNH:", "Điều n.", "Nơi nhận" — so the
run is cut before (and after) each of them; nothing is removed but the page's own index ("1.").
"""
from __future__ import annotations

import re

from ..nd30 import doctypes
from ..nd30.anatomy import QUOC_HIEU_RE, TIEU_NGU_RE
from .lines import Line

RUN_LENGTH = 400  # a line this long holding header parts is a run, not a paragraph

# Quốc hiệu and Tiêu ngữ as extractors leave them: a letter garbled ("XàHỘI"), the dashes lost.
_QUOC_HIEU_RE = re.compile(r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X\S{0,2}\s*H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.I)
_TIEU_NGU_RE = re.compile(r"Độc\s+lập\s*[-–—]*\s*Tự\s+do\s*[-–—]*\s*Hạnh\s+phúc", re.I)
_SO_RE = re.compile(r"\bSố\s*:\s*\d")
_PLACE_DATE_RE = re.compile(r"(?:TP\.\s*)?(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s+){0,3}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_TYPES = "|".join(re.escape(t.upper_name) for t in sorted(doctypes.DOC_TYPES, key=lambda t: -len(t.upper_name)))
_TYPE_RE = re.compile(rf"(?<![^\s])(?:{_TYPES})(?=\s+[A-ZĐÀ-Ỹ]{{2,}}\b)")
_AUTHORITY_RE = re.compile(r"(?<![^\s])(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TRƯỞNG BAN)\s+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s]*?(?=\s+(?:Căn cứ|Thực hiện)\b)"
                           r"|(?<![^\s])(?:ỦY|UỶ) BAN NHÂN DÂN\s+[A-ZĐÀ-Ỹ\s]*?(?=\s+(?:Căn cứ|Thực hiện)\b)")
_PARTS_RE = re.compile(r"(?<=[;.:,])\s+(?=(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị)\s)|(?<![^\s])(?=QUYẾT ĐỊNH\s*:|QUYẾT NGHỊ\s*:)"
                       r"|(?<=[.:;])\s+(?=Điều\s+\d+\s*[.:]|Nơi nhận\s*:|[IVX]{1,4}\.\s+[A-ZĐÀ-Ỹ])")
_PAGE_INDEX_RE = re.compile(r"^\d{1,3}\.\s+(?=[A-ZĐÀ-Ỹ]{2,}\s)")


def is_run(text: str) -> bool:
    """Whether a line is a whole document page run together (long, and holding two header parts)."""
    if len(text) < RUN_LENGTH:
        return False
    head = text[:1500]
    # The cheap literal tests first: a long paragraph of a plan is checked in microseconds.
    found = ("Số" in head and _SO_RE.search(head) is not None) + ("ộc" in head and _TIEU_NGU_RE.search(head) is not None)
    found += _QUOC_HIEU_RE.search(head) is not None if found < 2 else 0
    found += ", ngày" in head and _PLACE_DATE_RE.search(head) is not None if found < 2 else 0
    return found >= 2


def split_run(line: Line) -> list[Line]:
    """The run cut into the lines of the parts it holds (each a copy of ``line`` with its text)."""
    text = _PAGE_INDEX_RE.sub("", line.text)
    cuts: set[int] = set()
    for pattern in (_QUOC_HIEU_RE, _TIEU_NGU_RE, _PLACE_DATE_RE):
        for m in pattern.finditer(text[:3000]):
            cuts.update((m.start(), m.end()))
    for pattern in (_SO_RE, _AUTHORITY_RE):
        for m in pattern.finditer(text[:5000]):
            cuts.add(m.start())
            if pattern is _AUTHORITY_RE:
                cuts.add(m.end())
    m = _TYPE_RE.search(text[:5000])
    if m:
        cuts.update((m.start(), m.end()))
    for m in _PARTS_RE.finditer(text):
        cuts.add(m.end())
    pieces, last = [], 0
    for at in sorted(cuts | {len(text)}):
        piece = text[last:at].strip()
        if piece:
            pieces.append(piece)
        last = at
    if len(pieces) < 2:
        return [line]
    out = [line.with_text(_frame(piece)) for piece in pieces]
    out[0].notes.append("run-split")
    return out


def _frame(piece: str) -> str:
    """A Quốc hiệu or Tiêu ngữ the extractor garbled, written as ND30 prints it (the lines are markers, no field)."""
    if _QUOC_HIEU_RE.fullmatch(piece) and not QUOC_HIEU_RE.search(piece):
        return "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    if _TIEU_NGU_RE.fullmatch(piece) and not TIEU_NGU_RE.search(piece):
        return "Độc lập - Tự do - Hạnh phúc"
    return piece


def split_runs(lines: list[Line]) -> list[Line]:
    """Every run among the lines cut into its parts; other lines as they are."""
    if not any(len(line.text) >= RUN_LENGTH for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        out.extend(split_run(line) if line.cell is None and is_run(line.text) else [line])
    return out
