"""How the parts of an ND30 document's header read in text, as regular expressions.

Shared by the parser (``parse/header.py``) and, later, the checker's structure recogniser:
Quốc hiệu and Tiêu ngữ (ô 1), Số and ký hiệu (ô 3, ND30-SO-03/04), place and date (ô 4,
ND30-DATE-01/02). Every pattern tolerates what copies do to the printed text: line breaks and
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
