"""Word auto-numbering resolved to the label a reader sees ("1.", "a)", "I.", "-").

python-docx drops these labels: a paragraph typed as "Mục đích" with a numbering definition is
read as "Mục đích" although Word prints "1. Mục đích". This module follows

    numPr (direct, or from the paragraph style chain)
      → w:num (lvlOverride: startOverride or a replacement w:lvl)
      → w:abstractNum (through w:numStyleLink → numbering style → its num → the abstractNum
        carrying the matching w:styleLink)
      → w:lvl: start, numFmt, lvlText with %1..%9, lvlRestart, isLgl, suff

and keeps one counter per (num id, level), restarting lower levels when a higher one is used
(unless ``lvlRestart`` says otherwise). Labels must be asked for in reading order, once per
paragraph, through one :class:`NumberingState`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..vi.numbers import roman
from .formatting import StyleSheet, to_int
from .package import related_part

_VAL = qn("w:val")
_T = {n: qn(f"w:{n}") for n in (
    "num", "numId", "abstractNum", "abstractNumId", "lvl", "ilvl", "start", "numFmt", "lvlText",
    "lvlRestart", "isLgl", "suff", "pPr", "rPr", "lvlOverride", "startOverride", "numStyleLink",
    "styleLink", "numPr",
)}
_PLACEHOLDER_RE = re.compile(r"%([1-9])")

# Bullets typed in symbol fonts live in the private-use area; show what they look like.
_BULLETS = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0a8": "□",
    "\uf06e": "■", "\uf0e0": "→", "\uf0de": "⇒", "\uf02d": "-", "\uf0be": "—",
}


@dataclass(frozen=True)
class Level:
    """One resolved list level."""

    ilvl: int
    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # None: after any higher level; 0: never; n: after level n (1-based)
    is_legal: bool = False
    suffix: str = "tab"  # tab, space, nothing
    ppr: object = None
    rpr: object = None


def format_number(n: int, fmt: str) -> str:
    """``n`` written in Word's number format ``fmt`` (decimal, upperRoman, lowerLetter…)."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt in ("upperRoman", "lowerRoman"):
        if 1 <= n <= 3999:
            r = roman(n)
            return r if fmt == "upperRoman" else r.lower()
        return str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        if n < 1:
            return str(n)
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    return str(n)  # decimal, ordinal, cardinalText… are all read as digits here


def bullet_text(text: str) -> str:
    """A bullet's lvlText as the reader sees it (symbol-font code points mapped)."""
    out = []
    for ch in text:
        if ch in _BULLETS:
            out.append(_BULLETS[ch])
        elif 0xF000 <= ord(ch) <= 0xF0FF:
            out.append("•")
        else:
            out.append(ch)
    return "".join(out)


class NumberingDefinitions:
    """The numbering part of a document: nums, abstract nums and their levels (cached)."""

    def __init__(self, root=None, stylesheet: StyleSheet | None = None):
        self.stylesheet = stylesheet
        self._nums: dict[str, tuple[str | None, dict[int, tuple[int | None, object]]]] = {}
        self._abstracts: dict[str, etree._Element] = {}
        self._by_style_link: dict[str, str] = {}
        self._levels: dict[tuple[str, int], Level | None] = {}
        if root is None:
            return
        for absn in root.iter(_T["abstractNum"]):
            aid = absn.get(_T["abstractNumId"])
            if aid is None:
                continue
            self._abstracts.setdefault(aid, absn)
            link = absn.find(_T["styleLink"])
            if link is not None and link.get(_VAL):
                self._by_style_link.setdefault(link.get(_VAL), aid)
        for num in root.iter(_T["num"]):
            nid = num.get(_T["numId"])
            if nid is None:
                continue
            ab = num.find(_T["abstractNumId"])
            overrides: dict[int, tuple[int | None, object]] = {}
            for ov in num.findall(_T["lvlOverride"]):
                ilvl = to_int(ov.get(_T["ilvl"]), 0)
                so = ov.find(_T["startOverride"])
                start = to_int(so.get(_VAL)) if so is not None else None
                overrides[ilvl] = (start, ov.find(_T["lvl"]))
            self._nums[nid] = (ab.get(_VAL) if ab is not None else None, overrides)

    def __contains__(self, num_id: str) -> bool:
        return num_id in self._nums

    def _abstract(self, num_id: str, depth: int = 0):
        entry = self._nums.get(num_id)
        if entry is None or entry[0] is None:
            return None
        absn = self._abstracts.get(entry[0])
        if absn is None or depth > 5:
            return absn
        link = absn.find(_T["numStyleLink"])
        if link is not None and link.get(_VAL):
            style = link.get(_VAL)
            # The numbering style's numPr names the num whose abstractNum holds the levels.
            if self.stylesheet is not None:
                linked_num = self.stylesheet.style_ppr(style).get("num_id")
                if linked_num and linked_num != num_id:
                    linked = self._abstract(linked_num, depth + 1)
                    if linked is not None:
                        return linked
            aid = self._by_style_link.get(style)
            if aid is not None:
                return self._abstracts.get(aid, absn)
        return absn

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """The level ``ilvl`` of list ``num_id`` (with overrides applied), or None."""
        key = (num_id, ilvl)
        if key in self._levels:
            return self._levels[key]
        result = None
        entry = self._nums.get(num_id)
        if entry is not None:
            start_override, lvl_override = entry[1].get(ilvl, (None, None))
            lvl_el = lvl_override
            if lvl_el is None:
                absn = self._abstract(num_id)
                if absn is not None:
                    for lvl in absn.findall(_T["lvl"]):
                        if to_int(lvl.get(_T["ilvl"]), 0) == ilvl:
                            lvl_el = lvl
                            break
            if lvl_el is not None:
                result = _read_level(lvl_el, ilvl)
                if start_override is not None:
                    result = Level(**{**result.__dict__, "start": start_override})
        self._levels[key] = result
        return result

    def level_ppr(self, num_id: str, ilvl: int):
        lvl = self.level(num_id, ilvl)
        return lvl.ppr if lvl is not None else None

    def start_override(self, num_id: str, ilvl: int) -> int | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        return entry[1].get(ilvl, (None, None))[0]


def _read_level(lvl, ilvl: int) -> Level:
    def val(tag, default=None):
        el = lvl.find(_T[tag])
        return el.get(_VAL, default) if el is not None else default

    restart_el = lvl.find(_T["lvlRestart"])
    is_lgl = lvl.find(_T["isLgl"])
    return Level(
        ilvl=ilvl,
        start=to_int(val("start"), 0) if lvl.find(_T["start"]) is not None else 0,
        fmt=val("numFmt", "decimal") or "decimal",
        text=val("lvlText", "") or "",
        restart=to_int(restart_el.get(_VAL)) if restart_el is not None else None,
        is_legal=is_lgl is not None and is_lgl.get(_VAL, "1") not in ("0", "false", "off"),
        suffix=val("suff", "tab") or "tab",
        ppr=lvl.find(_T["pPr"]),
        rpr=lvl.find(_T["rPr"]),
    )


class NumberingState:
    """Counters of one reading pass: ``label(num_id, ilvl)`` for each numbered paragraph in order."""

    def __init__(self, definitions: NumberingDefinitions):
        self.definitions = definitions
        self._counters: dict[str, dict[int, int | None]] = {}

    def label(self, num_id: str | None, ilvl: int = 0) -> str:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl`` ("" if none)."""
        if not num_id or num_id == "0" or num_id not in self.definitions:
            return ""
        ilvl = max(0, min(int(ilvl or 0), 8))
        level = self.definitions.level(num_id, ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(num_id, {})
        current = counters.get(ilvl)
        counters[ilvl] = level.start if current is None else current + 1
        # Lower levels restart when a higher level is used (lvlRestart, ECMA-376 §17.9.10).
        for deeper in range(ilvl + 1, 9):
            if deeper not in counters:
                continue
            deeper_level = self.definitions.level(num_id, deeper)
            restart = deeper_level.restart if deeper_level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return bullet_text(level.text)
        if level.fmt == "none" and not _PLACEHOLDER_RE.search(level.text):
            return level.text

        def repl(m: re.Match) -> str:
            ref = int(m.group(1)) - 1
            ref_level = self.definitions.level(num_id, ref)
            if ref_level is None:
                return ""
            value = counters.get(ref)
            if value is None:
                value = ref_level.start
            fmt = "decimal" if (level.is_legal and ref_level.fmt not in ("none",)) else ref_level.fmt
            return format_number(value, fmt)

        return _PLACEHOLDER_RE.sub(repl, level.text)


def load_numbering(document, stylesheet: StyleSheet) -> NumberingDefinitions:
    """The numbering definitions of a python-docx Document (empty when it has none)."""
    part = related_part(document.part, RT.NUMBERING)
    return NumberingDefinitions(part.element if part is not None else None, stylesheet)
