"""Regenerate ocop_docs/data/font_metrics.json: advance widths of Times New Roman's metric twin.

Liberation Serif is metric-compatible with Times New Roman, so its advance widths give the
printed length of a line — needed for the rules under the Tiêu ngữ, the issuing body and the
trích yếu (ND30-QH-03, CQ-03, TITLE-02). Run once with fontTools installed; the JSON is committed.
"""
import json
import sys
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/liberation2")
OUT = Path(__file__).resolve().parent.parent / "ocop_docs" / "data" / "font_metrics.json"

chars = [chr(c) for c in range(0x20, 0x17F)] + [chr(c) for c in range(0x1A0, 0x1B1)] + [chr(c) for c in range(0x1EA0, 0x1EFA)]
chars += list("–—‘’“”…•☐☑☒★")
result = {}
for style, name in (("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"), ("bolditalic", "BoldItalic")):
    font = TTFont(FONTS / f"LiberationSerif-{name}.ttf")
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    upem = font["head"].unitsPerEm
    widths = {}
    for ch in chars:
        glyph = cmap.get(ord(ch))
        if glyph is None:
            base = unicodedata.normalize("NFD", ch)[0]
            glyph = cmap.get(ord(base))
        if glyph is not None:
            widths[ch] = round(hmtx[glyph][0] / upem, 4)
    result[style] = widths
OUT.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True), encoding="utf-8")
print(OUT, sum(len(v) for v in result.values()), file=sys.stderr)
