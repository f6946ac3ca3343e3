"""Effective formatting of runs and paragraphs, resolved the way Word resolves it.

python-docx reports only what is written on an element (``run.font.size`` is None when the size
comes from a style). A checker needs what the reader sees, so this module walks the hierarchy:

run properties
    direct ``w:rPr`` → character style chain (``w:rStyle`` + ``basedOn``) → paragraph style chain
    (the style's ``w:rPr``) → table style chain → ``w:docDefaults/w:rPrDefault`` → Word's built-in
    defaults (10 pt, i.e. ``w:sz`` 20, when no size is written anywhere; no font: an unset font is
    reported as None because Word and LibreOffice then use different application defaults).

paragraph properties
    direct ``w:pPr`` → numbering level ``w:pPr`` (indents of a numbered paragraph) → paragraph style
    chain → table style chain → ``w:pPrDefault`` → built-ins (left aligned, no indent, no spacing,
    single line spacing).

Within one ``basedOn`` chain the nearest declaration wins. Toggle properties (b, i, caps,
smallCaps, strike, vanish) follow ECMA-376 §17.7.3 between the levels of the hierarchy: the
document default is the base, each level (table style, paragraph style, character style) whose
chain turns the property on *inverts* the state, a level that turns it off explicitly sets it off
(LibreOffice's reading, which real files rely on), and direct formatting is absolute. So a
``Strong`` character style inside a bold heading style gives regular text, as in Word.

Units are OOXML's: sizes are stored in half-points and exposed in points; indents and spacing in
twips (1/20 pt). Style resolution is cached per (paragraph style, character style, table style),
so resolving every run of a long document is linear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..nd30.rules import SINGLE_LINE_FACTOR
from .package import parse_xml, related_part

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

WORD_DEFAULT_HALF_POINTS = 20
"""Word's size when no ``w:sz`` is written anywhere: 10 pt."""

TOGGLES = ("b", "i", "caps", "smallCaps", "strike", "vanish")
_TOGGLE_TAGS = {qn(f"w:{t}"): t for t in TOGGLES}
_FONT_ATTRS = ("ascii", "hAnsi", "cs", "eastAsia")
_THEME_ATTRS = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "cs": "cstheme", "eastAsia": "eastAsiaTheme"}
_FALSE = {"0", "false", "off", "none"}

_T = {name: qn(f"w:{name}") for name in (
    "rPr", "pPr", "rStyle", "pStyle", "rFonts", "sz", "szCs", "color", "u", "vertAlign", "spacing", "w",
    "rtl", "cs", "jc", "ind", "pBdr", "numPr", "ilvl", "numId", "keepNext", "outlineLvl", "contextualSpacing",
    "style", "styleId", "basedOn", "name", "type", "default", "docDefaults", "rPrDefault", "pPrDefault",
    "val", "tblPr", "tblStyle", "framePr", "sectPr",
)}
_VAL = qn("w:val")
_A = {name: qn(f"w:{name}") for name in (
    "ascii", "hAnsi", "cs", "eastAsia", "asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme", "hint", "themeColor",
    "left", "start", "right", "end", "hanging", "firstLine", "before", "after", "line", "lineRule",
    "beforeAutospacing", "afterAutospacing", "sz", "space", "color",
)}
_FONT_KEYS = tuple((f"font_{attr}", _A[attr], _A[_THEME_ATTRS[attr]]) for attr in _FONT_ATTRS)
_BORDER_SIDES = ("top", "left", "bottom", "right", "between", "bar")
_SIDE_ALIASES = {"start": "left", "end": "right"}


def on_off(el) -> bool:
    """The value of an on/off element such as ``<w:b/>`` or ``<w:b w:val="0"/>``."""
    val = el.get(_VAL)
    return val is None or val.lower() not in _FALSE


def to_int(value, default: int | None = None) -> int | None:
    """An integer attribute, tolerating "28.0" and universal measures ("1cm", "12pt" → twips)."""
    if value is None:
        return default
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        pass
    units = {"pt": 20.0, "in": 1440.0, "cm": 566.929, "mm": 56.6929, "pc": 240.0, "pi": 240.0}
    for unit, factor in units.items():
        if text.endswith(unit):
            try:
                return round(float(text[: -len(unit)]) * factor)
            except ValueError:
                return default
    try:
        return round(float(text))
    except ValueError:
        return default


@dataclass(frozen=True)
class Border:
    """One side of a paragraph border: ``val`` (single, double, nil…), width in eighths of a point."""

    val: str
    sz: int = 0
    space: int = 0
    color: str = "auto"

    @property
    def visible(self) -> bool:
        return self.val not in ("nil", "none")


@dataclass(frozen=True)
class RunFormat:
    """The effective look of a run. ``size`` in points; fonts are family names or None if unset."""

    size: float
    bold: bool = False
    italic: bool = False
    caps: bool = False
    small_caps: bool = False
    strike: bool = False
    vanish: bool = False
    font_ascii: str | None = None
    font_hansi: str | None = None
    font_cs: str | None = None
    font_east_asia: str | None = None
    font_hint: str | None = None
    color: str = "auto"  # "auto" or RRGGBB (upper case); a theme colour is resolved when possible
    theme_color: str | None = None
    underline: str | None = None
    vert_align: str | None = None  # "superscript", "subscript" or None
    spacing: float = 0.0  # character spacing in twips (w:spacing on a run)
    scale: int = 100  # horizontal scale in per cent (w:w)
    rtl: bool = False
    complex_script: bool = False
    size_source: str = ""
    font_source: str = ""

    @property
    def half_points(self) -> int:
        return round(self.size * 2)

    @property
    def rendered_size(self) -> float:
        """The size glyphs are drawn at: super/subscript is set about 2/3 smaller."""
        return self.size * (2 / 3) if self.vert_align in ("superscript", "subscript") else self.size

    def fonts_for(self, text: str) -> set[str | None]:
        """The fonts Word would use for the characters of ``text`` (by script class: ASCII →
        ascii font, other Latin such as Vietnamese letters → hAnsi, East Asian → eastAsia,
        right-to-left/complex scripts → cs)."""
        if self.rtl or self.complex_script:
            return {self.font_cs} if text.strip() else set()
        used: set[str | None] = set()
        if _ASCII_VISIBLE_RE.search(text):
            used.add(self.font_ascii)
        if not text.isascii():
            if _CS_RE.search(text):
                used.add(self.font_cs)
            ea_hint = self.font_hint == "eastAsia"
            if _EA_RE.search(text) or (ea_hint and _EA_PUNCT_RE.search(text)):
                used.add(self.font_east_asia)
            if (_OTHER_HINTED_RE if ea_hint else _OTHER_RE).search(text):
                used.add(self.font_hansi)
        return used

    @property
    def is_black(self) -> bool:
        return self.color in ("auto", "000000")


_EA_RANGES = "\u1100-\u11FF\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\U00020000-\U0002FA1F"
_CS_RANGES = "\u0590-\u08FF\u0E00-\u0E7F"
_ASCII_VISIBLE_RE = re.compile(r"[!-~]")
_EA_RE = re.compile(f"[{_EA_RANGES}]")
_CS_RE = re.compile(f"[{_CS_RANGES}]")
_EA_PUNCT_RE = re.compile("[\u2000-\u2BFF]")
_OTHER_RE = re.compile(f"[^\\x00-\\x7f\\s{_EA_RANGES}{_CS_RANGES}]")
_OTHER_HINTED_RE = re.compile(f"[^\\x00-\\x7f\\s{_EA_RANGES}{_CS_RANGES}\\u2000-\\u2BFF]")


@dataclass(frozen=True)
class ParagraphFormat:
    """The effective layout of a paragraph. Indents and spacing in twips."""

    style_id: str | None = None
    style_name: str | None = None
    style_chain: tuple[str, ...] = ()
    alignment: str = "left"  # left, center, right, justify, distribute
    left: int = 0
    right: int = 0
    first_line: int = 0  # negative for a hanging indent
    space_before: int = 0
    space_after: int = 0
    before_auto: bool = False
    after_auto: bool = False
    line: int = 240
    line_rule: str = "auto"  # auto, exact, atLeast
    contextual_spacing: bool = False
    borders: dict[str, Border] = field(default_factory=dict, hash=False, compare=False)
    num_id: str | None = None
    ilvl: int = 0
    keep_next: bool = False
    outline_level: int | None = None
    framed: bool = False

    def border(self, side: str) -> Border | None:
        b = self.borders.get(side)
        return b if b is not None and b.visible else None

    def line_spacing_lines(self, size_pt: float) -> float:
        """Line spacing in lines (1.0 = single), converting exact/at-least heights with
        Times New Roman's single line ≈ 1.15 × the font size (ND30-BODY-03)."""
        if self.line_rule == "auto":
            return self.line / 240
        return (self.line / 20) / (SINGLE_LINE_FACTOR * size_pt)


_ALIGN = {
    "left": "left", "start": "left", "right": "right", "end": "right", "center": "center",
    "both": "justify", "justify": "justify", "distribute": "distribute", "thaiDistribute": "distribute",
    "lowKashida": "justify", "mediumKashida": "justify", "highKashida": "justify",
}


def _rpr_props(rpr) -> dict:
    """The properties written on one ``w:rPr`` (or a style's rPr), as a flat dict."""
    d: dict = {}
    if rpr is None:
        return d
    for child in rpr:
        tag = child.tag
        toggle = _TOGGLE_TAGS.get(tag)
        if toggle is not None:
            d[toggle] = on_off(child)
        elif tag == _T["rFonts"]:
            for prop, attr, theme_attr in _FONT_KEYS:
                theme = child.get(theme_attr)
                if theme:
                    d[prop] = ("theme", theme)
                else:
                    name = child.get(attr)
                    if name:
                        d[prop] = ("name", name)
            hint = child.get(_A["hint"])
            if hint:
                d["hint"] = hint
        elif tag == _T["sz"]:
            v = to_int(child.get(_VAL))
            if v is not None:
                d["sz"] = v
        elif tag == _T["color"]:
            d["color"] = ((child.get(_VAL) or "auto"), child.get(_A["themeColor"]))
        elif tag == _T["u"]:
            d["u"] = child.get(_VAL) or "single"
        elif tag == _T["vertAlign"]:
            d["vert_align"] = child.get(_VAL)
        elif tag == _T["spacing"]:
            v = to_int(child.get(_VAL))
            if v is not None:
                d["spacing"] = v
        elif tag == _T["w"]:
            v = to_int(child.get(_VAL))
            if v is not None:
                d["scale"] = v
        elif tag == _T["rtl"]:
            d["rtl"] = on_off(child)
        elif tag == _T["cs"]:
            d["cs"] = on_off(child)
    return d


def _ppr_props(ppr) -> dict:
    """The properties written on one ``w:pPr`` (direct, style, numbering level or default)."""
    d: dict = {}
    if ppr is None:
        return d
    for child in ppr:
        tag = child.tag
        if tag == _T["jc"]:
            val = child.get(_VAL)
            if val:
                d["jc"] = _ALIGN.get(val, val)
        elif tag == _T["ind"]:
            for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
                v = to_int(child.get(_A[attr]))
                if v is not None:
                    d[key] = v
            hanging = to_int(child.get(_A["hanging"]))
            first = to_int(child.get(_A["firstLine"]))
            if hanging is not None:
                d["first_line"] = -hanging
            elif first is not None:
                d["first_line"] = first
        elif tag == _T["spacing"]:
            for attr in ("before", "after", "line"):
                v = to_int(child.get(_A[attr]))
                if v is not None:
                    d[attr] = v
            rule = child.get(_A["lineRule"])
            if rule:
                d["line_rule"] = rule
            for attr, key in (("beforeAutospacing", "before_auto"), ("afterAutospacing", "after_auto")):
                v = child.get(_A[attr])
                if v is not None:
                    d[key] = v.lower() not in _FALSE
        elif tag == _T["pBdr"]:
            for side_el in child:
                side = side_el.tag.rsplit("}", 1)[-1]
                side = _SIDE_ALIASES.get(side, side)
                if side in _BORDER_SIDES:
                    d["border_" + side] = Border(
                        side_el.get(_VAL) or "single",
                        to_int(side_el.get(_A["sz"]), 0),
                        to_int(side_el.get(_A["space"]), 0),
                        side_el.get(_A["color"]) or "auto",
                    )
        elif tag == _T["numPr"]:
            ilvl = child.find(_T["ilvl"])
            num = child.find(_T["numId"])
            if ilvl is not None:
                d["ilvl"] = to_int(ilvl.get(_VAL), 0)
            if num is not None:
                d["num_id"] = num.get(_VAL)
        elif tag == _T["keepNext"]:
            d["keep_next"] = on_off(child)
        elif tag == _T["outlineLvl"]:
            d["outline_level"] = to_int(child.get(_VAL))
        elif tag == _T["contextualSpacing"]:
            d["contextual_spacing"] = on_off(child)
        elif tag == _T["framePr"]:
            d["framed"] = True
    return d


class Theme:
    """Fonts and colours of the document theme (``word/theme/theme1.xml``)."""

    _FONT_KEYS = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea", "Bidi": "cs"}
    _COLOR_ALIASES = {"text1": "dk1", "background1": "lt1", "text2": "dk2", "background2": "lt2",
                      "dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2",
                      "hyperlink": "hlink", "followedHyperlink": "folHlink"}

    def __init__(self, root=None):
        self.fonts: dict[str, str] = {}
        self.colors: dict[str, str] = {}
        if root is None:
            return
        for kind in ("major", "minor"):
            font = root.find(f".//{{{A_NS}}}{kind}Font")
            if font is None:
                continue
            for script in ("latin", "ea", "cs"):
                el = font.find(f"{{{A_NS}}}{script}")
                if el is not None and el.get("typeface"):
                    self.fonts[f"{kind}:{script}"] = el.get("typeface")
        scheme = root.find(f".//{{{A_NS}}}clrScheme")
        if scheme is not None:
            for slot in scheme:
                name = slot.tag.rsplit("}", 1)[-1]
                for value in slot:
                    rgb = value.get("lastClr") or value.get("val")
                    if rgb and len(rgb) == 6:
                        self.colors[name] = rgb.upper()
                    break

    def font(self, theme_name: str) -> str | None:
        # e.g. "minorHAnsi" → minor latin; "majorBidi" → major cs
        for kind in ("major", "minor"):
            if theme_name.startswith(kind):
                script = self._FONT_KEYS.get(theme_name[len(kind):])
                return self.fonts.get(f"{kind}:{script}") if script else None
        return None

    def color(self, theme_color: str) -> str | None:
        return self.colors.get(self._COLOR_ALIASES.get(theme_color, theme_color))


class StyleSheet:
    """Styles, document defaults and theme of one document, with cached resolution."""

    def __init__(self, styles_root=None, theme: Theme | None = None):
        self.theme = theme or Theme()
        self._styles: dict[str, etree._Element] = {}
        self._names: dict[str, str] = {}
        self.default_style: dict[str, str | None] = {"paragraph": None, "character": None, "table": None}
        self.default_rpr: dict = {}
        self.default_ppr: dict = {}
        if styles_root is not None:
            defaults = styles_root.find(_T["docDefaults"])
            if defaults is not None:
                rpr_default = defaults.find(_T["rPrDefault"])
                if rpr_default is not None:
                    self.default_rpr = _rpr_props(rpr_default.find(_T["rPr"]))
                ppr_default = defaults.find(_T["pPrDefault"])
                if ppr_default is not None:
                    self.default_ppr = _ppr_props(ppr_default.find(_T["pPr"]))
            for style in styles_root.iter(_T["style"]):
                sid = style.get(_T["styleId"])
                if not sid:
                    continue
                self._styles.setdefault(sid, style)
                name_el = style.find(_T["name"])
                self._names[sid] = name_el.get(_VAL) if name_el is not None else sid
                kind = style.get(_T["type"]) or "paragraph"
                if style.get(_T["default"]) in ("1", "true", "on") and self.default_style.get(kind) is None:
                    self.default_style[kind] = sid
        self._chain_cache: dict[str, tuple[str, ...]] = {}
        self._rflat: dict[str, tuple[dict, dict]] = {}
        self._pflat: dict[str, tuple[dict, dict]] = {}
        self._run_base: dict[tuple, dict] = {}
        self._run_formats: dict[tuple, RunFormat] = {}
        self._para_base: dict[tuple, dict] = {}

    # ------------------------------------------------------------------ styles
    def has(self, style_id: str | None) -> bool:
        return bool(style_id) and style_id in self._styles

    def name(self, style_id: str | None) -> str | None:
        return self._names.get(style_id) if style_id else None

    def element(self, style_id: str):
        return self._styles.get(style_id)

    def chain(self, style_id: str | None) -> tuple[str, ...]:
        """The style and its ``basedOn`` ancestors, nearest first (cycles cut)."""
        if not style_id or style_id not in self._styles:
            return ()
        cached = self._chain_cache.get(style_id)
        if cached is not None:
            return cached
        out: list[str] = []
        sid: str | None = style_id
        while sid and sid in self._styles and sid not in out and len(out) < 50:
            out.append(sid)
            based = self._styles[sid].find(_T["basedOn"])
            sid = based.get(_VAL) if based is not None else None
        result = tuple(out)
        self._chain_cache[style_id] = result
        return result

    def _flat(self, style_id: str | None, which: str) -> tuple[dict, dict]:
        """(properties, source of each property) of a style chain, nearest declaration first."""
        cache = self._rflat if which == "r" else self._pflat
        key = style_id or ""
        hit = cache.get(key)
        if hit is not None:
            return hit
        props: dict = {}
        sources: dict = {}
        tag = _T["rPr"] if which == "r" else _T["pPr"]
        extract = _rpr_props if which == "r" else _ppr_props
        for sid in reversed(self.chain(style_id)):
            found = extract(self._styles[sid].find(tag))
            props.update(found)
            for k in found:
                sources[k] = sid
        cache[key] = (props, sources)
        return props, sources

    def paragraph_style_id(self, p_el) -> str | None:
        ppr = p_el.find(_T["pPr"])
        if ppr is not None:
            ps = ppr.find(_T["pStyle"])
            if ps is not None and ps.get(_VAL) in self._styles:
                return ps.get(_VAL)
        return self.default_style["paragraph"]

    def table_style_id(self, tbl_el) -> str | None:
        if tbl_el is None:
            return None
        tblpr = tbl_el.find(_T["tblPr"])
        if tblpr is not None:
            ts = tblpr.find(_T["tblStyle"])
            if ts is not None and ts.get(_VAL) in self._styles:
                return ts.get(_VAL)
        return self.default_style["table"]

    # ------------------------------------------------------------------ runs
    def _run_base_props(self, p_style: str | None, r_style: str | None, t_style: str | None) -> dict:
        key = (p_style, r_style, t_style)
        hit = self._run_base.get(key)
        if hit is not None:
            return hit
        levels = [
            ("table", t_style, self._flat(t_style, "r")),
            ("paragraph", p_style, self._flat(p_style, "r")),
            ("character", r_style, self._flat(r_style, "r")),
        ]
        merged: dict = dict(self.default_rpr)
        sources: dict = {k: "docDefaults" for k in self.default_rpr}
        toggles = {t: bool(self.default_rpr.get(t, False)) for t in TOGGLES}
        for kind, _sid, (props, srcs) in levels:
            for k, v in props.items():
                if k in toggles:
                    if v:
                        toggles[k] = not toggles[k]
                    else:
                        toggles[k] = False
                else:
                    merged[k] = v
                    sources[k] = (kind, srcs[k])
        merged.update(toggles)
        base = {"props": merged, "sources": sources}
        self._run_base[key] = base
        return base

    def _describe_source(self, source) -> str:
        if source is None:
            return "mặc định của Word"
        if source == "docDefaults":
            return "mặc định của tài liệu (docDefaults)"
        if source == "direct":
            return "định dạng trực tiếp"
        kind, sid = source
        label = {"table": "kiểu bảng", "paragraph": "kiểu đoạn", "character": "kiểu ký tự"}[kind]
        return f"{label} '{self.name(sid) or sid}'"

    def run_format(self, rpr, p_style: str | None, t_style: str | None = None) -> RunFormat:
        """The effective format of a run whose ``w:rPr`` is ``rpr`` (may be None)."""
        r_style = None
        if rpr is not None:
            rs = rpr.find(_T["rStyle"])
            if rs is not None and rs.get(_VAL) in self._styles:
                r_style = rs.get(_VAL)
        if r_style is None:
            r_style = self.default_style["character"]
        direct = _rpr_props(rpr)
        cache_key = (p_style, r_style, t_style, tuple(direct.items()))
        hit = self._run_formats.get(cache_key)
        if hit is not None:
            return hit
        base = self._run_base_props(p_style, r_style, t_style)
        props = dict(base["props"])
        sources = dict(base["sources"])
        for k, v in direct.items():
            props[k] = v
            sources[k] = "direct"
        fmt = self._make_run_format(props, sources)
        self._run_formats[cache_key] = fmt
        return fmt

    def _font_name(self, value) -> str | None:
        if value is None:
            return None
        kind, name = value
        if kind == "theme":
            return self.theme.font(name)
        return name

    def _make_run_format(self, props: dict, sources: dict) -> RunFormat:
        sz = props.get("sz")
        size_source = self._describe_source(sources.get("sz")) if sz is not None else "mặc định của Word (10 pt)"
        color_val, theme_color = props.get("color", ("auto", None))
        color = (color_val or "auto").upper() if color_val and color_val.lower() != "auto" else "auto"
        if theme_color:
            resolved = self.theme.color(theme_color)
            if resolved:
                color = resolved
        return RunFormat(
            size=(sz if sz is not None else WORD_DEFAULT_HALF_POINTS) / 2,
            bold=props.get("b", False),
            italic=props.get("i", False),
            caps=props.get("caps", False),
            small_caps=props.get("smallCaps", False),
            strike=props.get("strike", False),
            vanish=props.get("vanish", False),
            font_ascii=self._font_name(props.get("font_ascii")),
            font_hansi=self._font_name(props.get("font_hAnsi")),
            font_cs=self._font_name(props.get("font_cs")),
            font_east_asia=self._font_name(props.get("font_eastAsia")),
            font_hint=props.get("hint"),
            color=color,
            theme_color=theme_color,
            underline=props.get("u"),
            vert_align=props.get("vert_align") if props.get("vert_align") not in (None, "baseline") else None,
            spacing=props.get("spacing", 0),
            scale=props.get("scale", 100),
            rtl=props.get("rtl", False),
            complex_script=props.get("cs", False),
            size_source=size_source,
            font_source=self._describe_source(sources.get("font_hAnsi", sources.get("font_ascii"))),
        )

    # ------------------------------------------------------------------ paragraphs
    def _para_base_props(self, p_style: str | None, t_style: str | None) -> dict:
        key = (p_style, t_style)
        hit = self._para_base.get(key)
        if hit is not None:
            return hit
        merged = dict(self.default_ppr)
        merged.update(self._flat(t_style, "p")[0])
        merged.update(self._flat(p_style, "p")[0])
        self._para_base[key] = merged
        return merged

    def paragraph_format(self, p_el, t_style: str | None = None, numbering=None) -> ParagraphFormat:
        """The effective format of paragraph ``p_el`` (``numbering``: a NumberingDefinitions
        whose level indents apply to numbered paragraphs)."""
        p_style = self.paragraph_style_id(p_el)
        props = dict(self._para_base_props(p_style, t_style))
        direct = _ppr_props(p_el.find(_T["pPr"]))
        num_id = direct.get("num_id", props.get("num_id"))
        if numbering is not None and num_id not in (None, "0"):
            ilvl = direct.get("ilvl", props.get("ilvl", 0)) or 0
            level_ppr = numbering.level_ppr(num_id, ilvl)
            if level_ppr is not None:
                props.update(_ppr_props(level_ppr))
        props.update(direct)
        return self.make_paragraph_format(props, p_style)

    def make_paragraph_format(self, props: dict, p_style: str | None) -> ParagraphFormat:
        borders = {k[len("border_"):]: v for k, v in props.items() if k.startswith("border_")}
        num_id = props.get("num_id")
        return ParagraphFormat(
            style_id=p_style,
            style_name=self.name(p_style),
            style_chain=self.chain(p_style),
            alignment=props.get("jc", "left"),
            left=props.get("left", 0),
            right=props.get("right", 0),
            first_line=props.get("first_line", 0),
            space_before=props.get("before", 0) if not props.get("before_auto") else 280,
            space_after=props.get("after", 0) if not props.get("after_auto") else 280,
            before_auto=bool(props.get("before_auto")),
            after_auto=bool(props.get("after_auto")),
            line=props.get("line", 240),
            line_rule=props.get("line_rule", "auto"),
            contextual_spacing=bool(props.get("contextual_spacing")),
            borders=borders,
            num_id=num_id if num_id not in (None, "0") else None,
            ilvl=props.get("ilvl", 0) or 0,
            keep_next=bool(props.get("keep_next")),
            outline_level=props.get("outline_level"),
            framed=bool(props.get("framed")),
        )

    def style_ppr(self, style_id: str | None) -> dict:
        """The flattened paragraph properties of a style chain (for numbering style links)."""
        return self._flat(style_id, "p")[0]


def load_stylesheet(document) -> StyleSheet:
    """The StyleSheet of a python-docx Document (without creating missing parts)."""
    part = document.part
    styles_part = related_part(part, RT.STYLES)
    theme_part = related_part(part, RT.THEME)
    theme = None
    if theme_part is not None:
        try:
            theme = Theme(parse_xml(theme_part.blob))
        except Exception:  # a broken theme only loses theme fonts/colours
            theme = None
    return StyleSheet(styles_part.element if styles_part is not None else None, theme)
