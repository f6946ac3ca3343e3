"""A plan moved to another issuer: the words that name the old one's territory and offices.

From 01/07/2025 there are no district authorities (ocop.md §12.2): a district plan re-issued by a
commune or the province must stop saying "trên địa bàn huyện Bến Cầu", "UBND huyện", "Phòng Nông
nghiệp và PTNT huyện". :func:`rescope` rewrites the words that name the old district (its name,
its People's Committee, "trên địa bàn huyện", its agriculture office) for the new issuer, outside
citations of other documents; every other "huyện" is left as written and reported, because only a
person can tell whether it means the old district or something that still exists.
"""
from __future__ import annotations

import re

from ..model.common import Issuer
from ..parse.header import place_of
from .text import Rewrite, _apply, _inside, _snippet, citation_spans

_LEVEL_WORD = {"xa": "xã", "tinh": "tỉnh", "huyen": "huyện"}
# The commune's economic office takes over the district agriculture office's OCOP work (Nghị định
# 150/2025/NĐ-CP: Phòng Kinh tế of a xã); for a province it is the Sở.
_AGRICULTURE_OFFICE = re.compile(
    r"(?i:\bPhòng\s+Nông\s+nghiệp\s+và\s+(?:Phát\s+triển\s+nông\s+thôn|PTNT|Môi\s+trường))"
    r"(?:\s+huyện\b(?:\s+[A-ZĐÂĂÊÔƠƯ][^\s,.;:()]*)*)?")
_OFFICE_FOR = {"xa": "Phòng Kinh tế", "tinh": "Sở Nông nghiệp và Môi trường"}
# Other district offices whose work a commune's offices took over (Nghị định 150/2025/NĐ-CP: a xã has
# the Văn phòng HĐND và UBND, the Phòng Kinh tế and the Phòng Văn hóa - Xã hội; none of these district
# offices exists in a commune). Each one is also left for a person to confirm: the mapping is the
# usual one, not the only one.
_DISTRICT_WORD = r"(?:\s+(?:cấp\s+)?huyện\b(?!\s+[A-ZĐ]))?"  # "… huyện" (not "huyện Bến Cầu": that is rescoped)
_COMMUNE_OFFICES = (
    (re.compile(rf"\bPhòng\s+Kinh\s+tế\s+(?:và|&)\s+Hạ\s+tầng{_DISTRICT_WORD}"), "Phòng Kinh tế"),
    (re.compile(rf"\bPhòng\s+Tài\s+chính\s*[-–]\s*Kế\s+hoạch{_DISTRICT_WORD}"), "Phòng Kinh tế"),
    (re.compile(rf"\bPhòng\s+Văn\s+h(?:oá|óa)\s*(?:[-–]|và)\s*Thông\s+tin{_DISTRICT_WORD}"), "Phòng Văn hóa - Xã hội"),
    # The commune has its own Front committee and steering committee for the national programmes.
    (re.compile(r"\b(Ủy ban MTTQ(?:VN| Việt Nam)?|Uỷ ban MTTQ(?:VN| Việt Nam)?|MTTQ(?:VN)?)\s+huyện\b(?!\s+[A-ZĐ])"), r"\1 xã"),
    (re.compile(r"\b((?:Ban Chỉ đạo|BCĐ)\s+(?:các\s+)?Chương\s+trình\s+(?:MTQG|mục tiêu quốc gia))\s+huyện\b(?!\s+[A-ZĐ])"),
     r"\1 xã"),
)
_DISTRICT_OFFICE = re.compile(
    r"(?<!Văn )\bPhòng\s+(?:Kinh\s+tế|Tài\s+chính|Văn\s+h(?:oá|óa)|Nội\s+vụ|Tư\s+pháp|Y\s+tế|Giáo\s+dục|Lao\s+động|"
    r"Tài\s+nguyên|Quản\s+lý\s+đô\s+thị|Dân\s+tộc|Nông\s+nghiệp)[^,;.():]{0,40}?(?:\s+(?:cấp\s+)?huyện\b|(?=\s+(?:và\s+các|"
    r"chủ\s+trì|phối\s+hợp|tham\s+mưu|có\s+trách\s+nhiệm|kết\s+nối)\b|[,;.():]|$))")
_OTHER_COMMUNES = re.compile(r"\b(?:[Cc]ác\s+xã,?\s*(?:phường,?\s*)?thị trấn|[Tt]hị trấn)\b")
_BARE = re.compile(r"\b[Hh]uyện\b|\bHUYỆN\b")


def _cased(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def rescope(text: str, old: Issuer, new: Issuer) -> Rewrite:
    """``text`` with the old district's words written for ``new`` (see module doc)."""
    result = Rewrite(text)
    if old.level == new.level and old.level in ("xa", "tinh"):
        return _renamed(text, old, new, result)
    if old.level != "huyen" or new.level not in _OFFICE_FOR:
        return result
    spans = citation_spans(text)
    word = _LEVEL_WORD[new.level]
    old_place, new_place = place_of(old.name), place_of(new.name)
    edits: list[tuple[int, int, str]] = []

    def add(m: re.Match, replacement: str) -> None:
        if _inside(m.start(), spans) or any(a < m.end() and m.start() < b for a, b, _ in edits):
            return
        edits.append((m.start(), m.end(), replacement))

    for m in _AGRICULTURE_OFFICE.finditer(text):  # first: the office name includes "huyện <place>"
        add(m, _OFFICE_FOR[new.level])
    if new.level == "xa":
        guessed = []
        for pattern, office in _COMMUNE_OFFICES:
            for m in pattern.finditer(text):
                before = len(edits)
                add(m, m.expand(office))
                if len(edits) > before:
                    guessed.append((m.start(), m.group(0), m.expand(office)))
        result.guessed = [(old_words, new_words) for _, old_words, new_words in sorted(guessed)]
    if old_place and new_place:
        for m in re.finditer(rf"\b(huyện|Huyện|HUYỆN)\s+{re.escape(old_place)}\b", text, re.I):
            place = new_place.upper() if m.group(0).isupper() else new_place
            add(m, f"{_cased(word, m.group(1))} {place}")
    for m in re.finditer(r"\b(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN)\s+(huyện|HUYỆN)\b", text):
        add(m, f"{m.group(1)} {_cased(word, m.group(2))}")
    for m in re.finditer(r"\b(trên địa bàn|Trên địa bàn)\s+huyện\b", text):
        add(m, f"{m.group(1)} {word}")
    # The old district as the plan's own territory and bodies: "toàn huyện", "trong huyện", "của
    # huyện", "các ban, ngành, đoàn thể huyện" — the new issuer's now. "cấp huyện" and a district
    # body named otherwise are left for a person (they may name the old level on purpose).
    # ("trong huyện, tỉnh" names two levels: left as written for a person.)
    for m in re.finditer(r"\b(toàn|Toàn|trong|của)\s+huyện\b(?!\s+[A-ZĐ])(?!\s*,\s*(?:tỉnh|xã)\b)", text):
        add(m, f"{m.group(1)} {word}")
    for m in re.finditer(r"\b((?:ban,?\s+ngành|[Đđ]oàn thể|[Hh]ội,?\s+[Đđ]oàn thể),?)\s+huyện\b(?!\s+[A-ZĐ])", text):
        add(m, f"{m.group(1)} {word}")
    _apply(text, edits, result)
    # What is left: "huyện" a person must read (the old district, or a district named in a citation).
    done = [(a, a + len(n)) for a, _, n in _shifted(edits)]
    cited = citation_spans(result.text)
    left = [(m, "") for m in _BARE.finditer(result.text) if not _inside(m.start(), cited) and not _inside(m.start(), done)]
    if new.level == "xa":
        # A commune's plan that gives work to "các xã, thị trấn" (a district's wording; no thị trấn
        # from 01/07/2025): only a person knows which hamlets or offices of the commune take it.
        left += [(m, f"Kế hoạch của {new.name} giao việc cho «{m.group(0)}» (cách viết của kế hoạch cấp huyện; "
                     "không còn thị trấn từ 01/07/2025): ghi các thôn, ấp hoặc cơ quan của xã nhận việc")
                 for m in _OTHER_COMMUNES.finditer(result.text) if not _inside(m.start(), cited)]
    if new.level == "tinh":
        # A district office ("Phòng Kinh tế và Hạ tầng", "Phòng Tài chính - Kế hoạch") in a province's plan:
        # its work went to a Sở or to the communes — which one, only a person can tell.
        offices = [m for m in _DISTRICT_OFFICE.finditer(result.text) if not _inside(m.start(), cited)]
        spans = [(m.start(), m.end()) for m in offices]
        left = [(m, note) for m, note in left if not _inside(m.start(), spans)]  # one comment for the office
        left += [(m, f"«{m.group(0)}» là phòng của cấp huyện, không có trong kế hoạch của {new.name}: giao nhiệm vụ "
                     "cho sở, ngành tỉnh hoặc UBND xã tương ứng") for m in offices]
    for m, note in sorted(left, key=lambda x: x[0].start()):
        result.kept.append(_snippet(result.text, m.start(), m.end()))
        result.kept_notes.append(note)
    return result


def _renamed(text: str, old: Issuer, new: Issuer, result: Rewrite) -> Rewrite:
    """A commune or province re-issuing the plan under another name (communes and provinces merged in
    2025): "xã Đông Thành", "tỉnh Bình Thuận" as the plan's own territory become the new name, outside
    citations; each is a change, and a decision, since the old place may be meant on purpose."""
    old_place, new_place = place_of(old.name), place_of(new.name)
    if not old_place or not new_place or old_place == new_place:
        return result
    spans = citation_spans(text)
    word = _LEVEL_WORD[old.level]
    edits = []
    for m in re.finditer(rf"\b({word}|{word.capitalize()}|{word.upper()})\s+{re.escape(old_place)}\b", text, re.I):
        if not _inside(m.start(), spans):
            place = new_place.upper() if m.group(0).isupper() else new_place
            edits.append((m.start(), m.end(), f"{m.group(1)} {place}"))
            result.guessed.append((m.group(0), f"{m.group(1)} {place}"))
    return _apply(text, edits, result)


def _shifted(edits: list[tuple[int, int, str]]):
    """The edits' positions in the rewritten text."""
    delta = 0
    for start, end, new in sorted(edits):
        yield start + delta, end + delta, new
        delta += len(new) - (end - start)
