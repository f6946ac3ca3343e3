"""How the parts of an ND30 document's header read in text, as regular expressions.

Shared by the parser (``parse/header.py``, ``parse/noise.py``) and, later, the checker's structure
recogniser: Quốc hiệu and Tiêu ngữ (ô 1), Số and ký hiệu (ô 3, ND30-SO-03/04), place and date (ô 4,
ND30-DATE-01/02), the rules drawn under them, the signer's authority prefixes (ô 7a, ND30-SIGN-01). Every pattern tolerates what copies do to the printed text: line breaks and
extra spaces anywhere (``\\s`` matches a newline), title or lower case, "Hoà"/"Hòa", dashes of
any kind, a missing colon after "Số".
"""
from __future__ import annotations

import re

QUOC_HIEU_RE = re.compile(
    r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.I
)
TIEU_NGU_RE = re.compile(r"Độc\s+lập\s*[-–—]+\s*Tự\s+do\s*[-–—]+\s*Hạnh\s+phúc", re.I)

# "Số: 35/KH-UBND", "Số 2891/QĐ-UBND", "Số: /KH-UBND" (draft), "Số: 05/2020/QĐ-UBND" (normative act).
SO_RE = re.compile(
    r"Số\s*:?\s*(?P<number>\d{1,5}|[.…_\s]*)\s*/\s*(?:(?P<year>\d{4})\s*/\s*)?"
    r"(?P<symbol>[A-ZĐa-zđ][A-Za-zĐđ0-9&]*(?:\s*-\s*[A-Za-zĐđ0-9&]+)*)"
)

# The date of ô 4 without its place: "ngày 15 tháng 12 năm 2020", blanks allowed in a draft.
DATE_RE = re.compile(
    r"ngày\s*(?P<day>\d{1,2})?\s*(?:[.…_]\s*)*\s*tháng\s*(?P<month>\d{1,2})?\s*(?:[.…_]\s*)*\s*năm\s*(?P<year>\d{4}|20[.…_]*)?",
    re.I,
)

# One word of a place name in ô 4: a capitalised word ("Thừa", "Thiên", "Huế", "Rịa-Vũng"), or "TP.".
PLACE_WORD_RE = re.compile(r"^(?:TP\.|Tp\.|[A-ZĐÀ-Ỹ][\wÀ-ỹ'’]*(?:-[A-ZĐÀ-Ỹ][\wÀ-ỹ'’]*)*|-)$")

_RULE_RE = re.compile(r"^[\s_\-–—=.…*~]+$")


def is_rule(text: str) -> bool:
    """A line that only draws a rule ("______", "-------"), as extractors render ND30's short lines."""
    return bool(text) and bool(_RULE_RE.match(text)) and sum(c in "_-–—=" for c in text) >= 3


# The signer's authority prefixes (ô 7a) and what extractors make of them.
AUTHORITY_PREFIXES = ("TM", "KT", "Q", "TL", "TUQ")
_HEAD_TITLES = {"CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "BỘ TRƯỞNG", "THỦ TƯỚNG", "TRƯỞNG PHÒNG", "CỤC TRƯỞNG", "CHI CỤC TRƯỞNG"}
_GARBLED_AUTHORITY_RE = re.compile(r"^(?P<prefix>[^\W\d_]{1,2})\s*\.\s*(?P<rest>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s]+)$")


def garbled_authority(text: str) -> str | None:
    """The head title of a signer line whose "TM."/"KT." prefix was garbled ("Ư. CHỦ TỊCH" → "CHỦ TỊCH").

    Extractors merge the lost "TM. ỦY BAN NHÂN DÂN" line into the "KT." prefix; what is left is a
    one- or two-letter prefix that is no authority. Returns None for a sound line.
    """
    m = _GARBLED_AUTHORITY_RE.match(text.strip())
    if not m:
        return None
    prefix = m.group("prefix").upper()
    rest = " ".join(m.group("rest").split())
    if prefix in AUTHORITY_PREFIXES or re.fullmatch(r"[IVXLC]+", prefix):
        return None
    if rest not in _HEAD_TITLES:
        return None
    return rest
