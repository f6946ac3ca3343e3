"""The printed width of a line of Times New Roman text, from its metric twin's advance widths.

Used to size the rules under the Tiêu ngữ, the issuing body and the trích yếu (ND30-QH-03,
CQ-03, TITLE-02) when rendering, and to verify them when checking.
"""
from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources

_FALLBACK_EM = 0.5


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, float]]:
    data = resources.files("ocop_docs").joinpath("data/font_metrics.json").read_text(encoding="utf-8")
    return json.loads(data)


def text_width_pt(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """The width in points of ``text`` set in Times New Roman at ``size_pt``."""
    style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    table = _tables()[style]
    total = 0.0
    for ch in unicodedata.normalize("NFC", text):
        total += table.get(ch, _FALLBACK_EM)
    return total * size_pt


def text_width_twips(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> int:
    """The same width in twips (1 pt = 20 twips)."""
    return round(text_width_pt(text, size_pt, bold, italic) * 20)
