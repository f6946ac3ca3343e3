"""A .docx as a flat list of paragraphs in reading order, with effective formatting.

:func:`read_document` walks the body the way a reader reads it: paragraphs and tables in order
(content controls ``w:sdt`` included, which python-docx's ``iter_inner_content`` skips),
recursing into table cells (nested tables too), then the headers and footers of each section as
separate locations. Every paragraph becomes a :class:`Block` with

* its visible text (NFC; tabs as ``\\t``, line breaks as ``\\n``; hidden, deleted text and field
  codes left out; field results such as a PAGE number kept and marked),
* the Word auto-numbering label the reader sees (:mod:`.numbering`),
* its effective paragraph format and the effective format of each run (:mod:`.formatting`),
* drawn shapes anchored in it (lines with their width, images, charts),
* a location a person can find: "đoạn 12", "bảng 1, ô (1,2)", "đầu trang (mặc định), mục 1".

Parts of a paragraph (its lines, or the tab-separated pieces of a line) are :class:`Span` objects
that carry the formatting of exactly the runs they cover.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from .formatting import ParagraphFormat, RunFormat, StyleSheet, load_stylesheet, to_int
from .numbering import NumberingDefinitions, NumberingState, load_numbering
from .package import related_part

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

EMU_PER_TWIP = 635
DEFAULT_CELL_MARGIN = 108  # twips, Word's "Normal Table" left and right cell margins

_W = {n: qn(f"w:{n}") for n in (
    "p", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "softHyphen", "sym", "fldChar", "instrText",
    "drawing", "pict", "delText", "delInstrText", "hyperlink", "ins", "del", "moveFrom", "moveTo", "smartTag",
    "customXml", "sdt", "sdtContent", "fldSimple", "tbl", "tr", "tc", "tcPr", "tcW", "gridSpan", "vMerge",
    "tblPr", "tblW", "tblGrid", "gridCol", "tblCellMar", "tcMar", "left", "right", "start", "end", "pPr",
    "sectPr", "rPr", "pgSz", "pgMar", "titlePg", "headerReference", "footerReference", "pgNumType",
    "trPr", "gridBefore", "txbxContent", "dir", "bdo", "bookmarkStart", "object",
)}
_VAL = qn("w:val")
_FLDTYPE = qn("w:fldCharType")
_INSTR = qn("w:instr")
_MC_ALT = f"{{{MC_NS}}}AlternateContent"
_MC_CHOICE = f"{{{MC_NS}}}Choice"
_MC_FALLBACK = f"{{{MC_NS}}}Fallback"
_RECURSE_INLINE = {_W["hyperlink"], _W["ins"], _W["moveTo"], _W["smartTag"], _W["customXml"], _W["dir"], _W["bdo"]}
_PART_TYPE_NAMES = {"default": "mặc định", "first": "trang đầu", "even": "trang chẵn"}
_LINE_GEOMETRIES = {"line", "straightConnector1", "bentConnector2"}


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Shape:
    """A drawing anchored in a paragraph. Sizes in twips."""

    kind: str  # "line", "rect", "shape", "image", "chart", "group"
    width: int
    height: int
    source: str  # "drawingml" or "vml"

    @property
    def is_line(self) -> bool:
        """A horizontal line: a line/connector shape, or any shape at most 2 pt high."""
        return self.kind == "line" or (self.kind in ("rect", "shape") and 0 <= self.height <= 40 and self.width > 0)


@dataclass
class RunText:
    """The visible text of one run with its effective format; ``field`` names the field
    (e.g. "PAGE") whose result this text is."""

    text: str
    fmt: RunFormat
    start: int
    field: str | None = None
    decomposed: bool = False  # the stored text was not NFC

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class RunSummary:
    """What the runs of a span look like, over characters that are not white space."""

    sizes: frozenset
    any_bold: bool
    all_bold: bool
    any_italic: bool
    all_italic: bool
    any_caps: bool
    fonts: frozenset
    colors: frozenset
    empty: bool

    @property
    def size(self) -> float | None:
        """The size when all runs share one, else None."""
        return next(iter(self.sizes)) if len(self.sizes) == 1 else None


_EMPTY_SUMMARY = RunSummary(frozenset(), False, False, False, False, False, frozenset(), frozenset(), True)


def summarize(pieces: list[tuple[RunText, str]]) -> RunSummary:
    """A RunSummary of (run, text piece) pairs."""
    sizes, fonts, colors = set(), set(), set()
    bold = italic = caps = 0
    n = 0
    for run, piece in pieces:
        if not piece.strip():
            continue
        n += 1
        fmt = run.fmt
        sizes.add(fmt.size)
        fonts |= fmt.fonts_for(piece)
        colors.add(fmt.color)
        bold += fmt.bold
        italic += fmt.italic
        caps += fmt.caps
    if n == 0:
        return _EMPTY_SUMMARY
    return RunSummary(frozenset(sizes), bold > 0, bold == n, italic > 0, italic == n, caps > 0,
                      frozenset(fonts), frozenset(colors), False)


@dataclass
class Location:
    """Where a paragraph is, in words a person can use to find it."""

    area: str = "body"  # body, header, footer
    paragraph: int | None = None  # 1-based paragraph number at body level
    cells: tuple = ()  # ((table no, row, col), …) from the outermost table inwards
    cell_paragraph: int | None = None
    show_cell_paragraph: bool = False
    part_type: str | None = None  # default, first, even (headers and footers)
    section: int | None = None
    textbox: bool = False

    def __str__(self) -> str:
        parts: list[str] = []
        if self.area in ("header", "footer"):
            name = "đầu trang" if self.area == "header" else "chân trang"
            parts.append(f"{name} ({_PART_TYPE_NAMES.get(self.part_type or 'default', self.part_type)}), mục {self.section or 1}")
        if self.cells:
            parts.append(" › ".join(f"bảng {t}, ô ({r},{c})" for t, r, c in self.cells))
            if self.show_cell_paragraph and self.cell_paragraph:
                parts.append(f"đoạn {self.cell_paragraph}")
        elif self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph}")
        elif self.area != "body" and self.cell_paragraph and self.show_cell_paragraph:
            parts.append(f"đoạn {self.cell_paragraph}")
        if self.textbox:
            parts.append("hộp văn bản")
        return ", ".join(parts)


@dataclass(eq=False)
class Block:
    """One paragraph, in reading order."""

    index: int
    text: str
    label: str
    para: ParagraphFormat
    runs: list[RunText]
    location: Location
    section: int
    avail_width: int  # twips: width of the container (cell or page text area), before indents
    table: int | None = None  # index into DocumentView.tables of the innermost table
    row: int | None = None  # 0-based
    col: int | None = None  # 0-based cell ordinal in the row
    depth: int = 0  # table nesting depth (0 = body level)
    shapes: list[Shape] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    mark: RunFormat | None = None  # format of the paragraph mark (sizes an empty paragraph)
    element: object = None
    label_suffix: str = "tab"

    @property
    def full_text(self) -> str:
        """The text as printed: the numbering label, a space, then the text."""
        if not self.label:
            return self.text
        sep = "" if self.label_suffix == "nothing" else " "
        return f"{self.label}{sep}{self.text}"

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.label.strip()

    @property
    def width(self) -> int:
        """Width of the paragraph's text lines: container width minus left/right indents."""
        return self.avail_width - self.para.left - self.para.right

    @cached_property
    def summary(self) -> RunSummary:
        return summarize([(r, r.text) for r in self.runs])

    def span(self, start: int = 0, end: int | None = None) -> "Span":
        return Span(self, start, len(self.text) if end is None else end)

    def lines(self) -> list["Span"]:
        """The lines of the paragraph split at manual line breaks (``w:br``)."""
        out = []
        pos = 0
        for piece in self.text.split("\n"):
            out.append(Span(self, pos, pos + len(piece)))
            pos += len(piece) + 1
        return out

    def first_words(self, n: int = 8) -> str:
        return first_words(self.full_text, n)


def first_words(text: str, n: int = 8) -> str:
    words = text.split()
    if len(words) <= n:
        return " ".join(words)
    return " ".join(words[:n]) + "…"


@dataclass(eq=False)
class Span:
    """A stretch ``[start, end)`` of a block's text: a line, or a tab-separated piece of one."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def clean(self) -> str:
        """The text with runs of white space made one space, stripped."""
        return " ".join(self.text.split())

    @property
    def shown(self) -> str:
        """The text as displayed: runs with ``w:caps`` in capitals."""
        out = []
        for run, piece in self.pieces():
            out.append(piece.upper() if run.fmt.caps else piece)
        return " ".join("".join(out).split())

    @property
    def display(self) -> str:
        """The text as displayed (``w:caps`` applied), stripped but with its inner spacing."""
        return "".join(piece.upper() if run.fmt.caps else piece for run, piece in self.pieces()).strip()

    def pieces(self) -> list[tuple[RunText, str]]:
        out = []
        for run in self.block.runs:
            if run.end <= self.start or run.start >= self.end:
                continue
            a = max(run.start, self.start) - run.start
            b = min(run.end, self.end) - run.start
            out.append((run, run.text[a:b]))
        return out

    @cached_property
    def summary(self) -> RunSummary:
        return summarize(self.pieces())

    def split_tabs(self) -> list["Span"]:
        """Non-empty pieces separated by tabs (a two-column layout typed with tab stops)."""
        out = []
        for m in re.finditer(r"[^\t]+", self.text):
            if m.group(0).strip():
                out.append(Span(self.block, self.start + m.start(), self.start + m.end()))
        return out

    def strip(self) -> "Span":
        text = self.text
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        return Span(self.block, self.start + lead, self.end - trail)

    @property
    def location(self) -> Location:
        return self.block.location

    def first_words(self, n: int = 8) -> str:
        return first_words(self.text, n)


@dataclass
class Cell:
    row: int  # 0-based
    col: int  # 0-based ordinal of the cell in its row
    grid_col: int
    span: int
    width: int  # twips, outer
    inner_width: int
    blocks: list[int] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)
    vmerge_continue: bool = False


@dataclass
class TableInfo:
    index: int
    number: int  # 1-based number among its siblings (body tables, or tables of one cell)
    depth: int
    section: int
    area: str
    cells: tuple
    rows: list[list[Cell]] = field(default_factory=list)
    parent: tuple | None = None  # (table index, row, col)
    style_id: str | None = None
    width: int = 0
    element: object = None
    order: int = 0  # position in reading order (index of the next body block at its start)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def all_blocks(self) -> list[int]:
        return [i for row in self.rows for cell in row for i in cell.blocks]

    def column_blocks(self, col: int) -> list[int]:
        """Blocks of every cell of column ``col`` (cell ordinal), row by row."""
        out = []
        for row in self.rows:
            if col < len(row):
                out.extend(row[col].blocks)
        return out


@dataclass
class SectionInfo:
    index: int  # 0-based
    page_width: int
    page_height: int
    top: int
    bottom: int
    left: int
    right: int
    gutter: int
    header_distance: int
    footer_distance: int
    title_pg: bool
    headers: dict = field(default_factory=dict)  # type → part key (inherited ones resolved)
    footers: dict = field(default_factory=dict)
    own_headers: dict = field(default_factory=dict)  # type → part key written in this section
    page_number_format: str | None = None
    page_number_start: int | None = None
    first_block: int = 0
    last_block: int = -1
    has_table: bool = False
    has_chart: bool = False
    element: object = None

    @property
    def landscape(self) -> bool:
        return self.page_width > self.page_height

    @property
    def text_width(self) -> int:
        return self.page_width - self.left - self.right - self.gutter


@dataclass
class DocumentView:
    """Everything :func:`read_document` found, ready for a checker or a parser."""

    blocks: list[Block]
    tables: list[TableInfo]
    sections: list[SectionInfo]
    header_blocks: dict  # part key → list[Block]
    header_parts: dict  # part key → ("header"|"footer", part type, first section using it)
    stylesheet: StyleSheet
    numbering: NumberingDefinitions
    even_and_odd_headers: bool = False

    def body(self) -> list[Block]:
        return self.blocks


# ----------------------------------------------------------------------------- reading


def _on(el) -> bool:
    v = el.get(_VAL)
    return v is None or v.lower() not in ("0", "false", "off")


def _length_twips(value: str | None) -> int | None:
    """A VML length ("12pt", "1.5in", "3cm", "10px", bare numbers as px) in twips."""
    if not value:
        return None
    m = re.match(r"\s*(-?[0-9.]+)\s*([a-z%]*)", value)
    if not m:
        return None
    try:
        number = float(m.group(1))
    except ValueError:
        return None
    factor = {"pt": 20, "in": 1440, "cm": 566.929, "mm": 56.6929, "px": 15, "": 15, "pc": 240, "emu": 1 / 635}
    unit = m.group(2)
    if unit not in factor:
        return None
    return round(number * factor[unit])


def _style_dict(style: str | None) -> dict[str, str]:
    out = {}
    for item in (style or "").split(";"):
        if ":" in item:
            k, v = item.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


def _drawingml_shapes(drawing) -> list[Shape]:
    shapes = []
    for holder in drawing.iter(f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor"):
        extent = holder.find(f"{{{WP_NS}}}extent")
        cx = to_int(extent.get("cx"), 0) if extent is not None else 0
        cy = to_int(extent.get("cy"), 0) if extent is not None else 0
        data = holder.find(f".//{{{A_NS}}}graphicData")
        uri = data.get("uri", "") if data is not None else ""
        kind = "shape"
        if uri.endswith("/picture"):
            kind = "image"
        elif uri.endswith("/chart") or "chart" in uri:
            kind = "chart"
        elif uri.endswith("wordprocessingGroup") or uri.endswith("wordprocessingCanvas"):
            kind = "group"
        else:
            geom = holder.find(f".//{{{A_NS}}}prstGeom")
            prst = geom.get("prst") if geom is not None else None
            if prst in _LINE_GEOMETRIES:
                kind = "line"
            elif prst == "rect":
                kind = "rect"
        shapes.append(Shape(kind, round(cx / EMU_PER_TWIP), round(cy / EMU_PER_TWIP), "drawingml"))
    return shapes


def _vml_shapes(pict) -> list[Shape]:
    shapes = []
    for el in pict.iter():
        tag = el.tag
        if not isinstance(tag, str) or not tag.startswith(f"{{{V_NS}}}"):
            continue
        name = tag.rsplit("}", 1)[-1]
        if name == "line":
            a = (el.get("from") or "0,0").split(",")
            b = (el.get("to") or "0,0").split(",")
            try:
                x1, y1 = (_length_twips(a[0]) or 0), (_length_twips(a[1]) or 0) if len(a) > 1 else 0
                x2, y2 = (_length_twips(b[0]) or 0), (_length_twips(b[1]) or 0) if len(b) > 1 else 0
            except IndexError:
                continue
            shapes.append(Shape("line", abs(x2 - x1), abs(y2 - y1), "vml"))
        elif name in ("shape", "rect"):
            style = _style_dict(el.get("style"))
            width = _length_twips(style.get("width"))
            height = _length_twips(style.get("height"))
            if width is None:
                continue
            connector = el.get(f"{{{O_NS}}}connectortype") or (el.get("type") or "").endswith("_x0000_t32")
            if el.get(f"{{{O_NS}}}hr") in ("t", "true"):
                shapes.append(Shape("line", width, 0, "vml"))
                continue
            kind = "line" if connector else ("rect" if name == "rect" else "shape")
            if el.find(f".//{{{V_NS}}}imagedata") is not None:
                kind = "image"
            shapes.append(Shape(kind, width, height or 0, "vml"))
        elif name == "group":
            break  # a drawing canvas/group: its parts are not lines of the layout
    return shapes


class _Reader:
    def __init__(self, document):
        self.document = document
        self.stylesheet = load_stylesheet(document)
        self.numbering = load_numbering(document, self.stylesheet)
        self.num_state = NumberingState(self.numbering)
        self.blocks: list[Block] = []
        self.tables: list[TableInfo] = []
        self.sections: list[SectionInfo] = []
        self.header_blocks: dict = {}
        self.header_parts: dict = {}
        self._section = 0
        self._body_paragraph = 0
        self._body_tables = 0

    # ---------------------------------------------------------------- sections
    def read_sections(self, body) -> None:
        sect_prs = body.xpath("./w:p/w:pPr/w:sectPr | ./w:sdt/w:sdtContent/w:p/w:pPr/w:sectPr | ./w:sectPr")
        if not sect_prs:
            sect_prs = [None]
        previous: SectionInfo | None = None
        for i, sp in enumerate(sect_prs):
            self.sections.append(self._section_info(i, sp, previous))
            previous = self.sections[-1]

    def _section_info(self, i: int, sp, previous: SectionInfo | None) -> SectionInfo:
        def attr(el, name, default=None):
            return to_int(el.get(qn(f"w:{name}")), default) if el is not None else default

        pg_sz = sp.find(_W["pgSz"]) if sp is not None else None
        pg_mar = sp.find(_W["pgMar"]) if sp is not None else None
        title = sp.find(_W["titlePg"]) if sp is not None else None
        num_type = sp.find(_W["pgNumType"]) if sp is not None else None
        info = SectionInfo(
            index=i,
            page_width=attr(pg_sz, "w", 12240),
            page_height=attr(pg_sz, "h", 15840),
            top=abs(attr(pg_mar, "top", 1440)),
            bottom=abs(attr(pg_mar, "bottom", 1440)),
            left=attr(pg_mar, "left", 1800),
            right=attr(pg_mar, "right", 1800),
            gutter=attr(pg_mar, "gutter", 0),
            header_distance=attr(pg_mar, "header", 720),
            footer_distance=attr(pg_mar, "footer", 720),
            title_pg=title is not None and _on(title),
            page_number_format=num_type.get(qn("w:fmt")) if num_type is not None else None,
            page_number_start=attr(num_type, "start") if num_type is not None else None,
            element=sp,
        )
        if previous is not None:
            info.headers = dict(previous.headers)
            info.footers = dict(previous.footers)
        if sp is not None:
            for tag, target, area in ((_W["headerReference"], info.headers, "header"),
                                      (_W["footerReference"], info.footers, "footer")):
                for ref in sp.findall(tag):
                    kind = ref.get(qn("w:type")) or "default"
                    rid = ref.get(f"{{{R_NS}}}id")
                    part = self.document.part.related_parts.get(rid) if rid else None
                    if part is None:
                        continue
                    key = str(part.partname)
                    target[kind] = key
                    if area == "header":
                        info.own_headers[kind] = key
                    if key not in self.header_parts:
                        self.header_parts[key] = (area, kind, i, part)
        return info

    # ---------------------------------------------------------------- body
    def read_body(self) -> None:
        body = self.document.element.body
        self.read_sections(body)
        self.sections[0].first_block = 0
        self._walk(body, ctx={"area": "body", "cells": (), "width": self.sections[0].text_width,
                              "t_style": None, "table": None, "row": None, "col": None, "depth": 0,
                              "part_type": None})
        last = self.sections[min(self._section, len(self.sections) - 1)]
        last.last_block = len(self.blocks) - 1
        for key, (area, kind, sec, part) in list(self.header_parts.items()):
            self._read_header(key, area, kind, sec, part)

    def _walk(self, container, ctx: dict, cell: Cell | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == _W["p"]:
                self._paragraph(child, ctx, cell)
            elif tag == _W["tbl"]:
                self._table(child, ctx, cell)
            elif tag == _W["sdt"]:
                content = child.find(_W["sdtContent"])
                if content is not None:
                    self._walk(content, ctx, cell)
            elif tag == _W["customXml"]:
                self._walk(child, ctx, cell)
            elif tag == _MC_ALT:
                choice = child.find(_MC_CHOICE)
                if choice is not None:
                    self._walk(choice, ctx, cell)

    def _section_width(self) -> int:
        return self.sections[min(self._section, len(self.sections) - 1)].text_width

    def _paragraph(self, p, ctx: dict, cell: Cell | None, textbox: bool = False) -> Block:
        area = ctx["area"]
        target = self.blocks if area == "body" else self._current_header
        location = Location(area=area, cells=ctx["cells"], part_type=ctx["part_type"],
                            section=(ctx.get("section", 0) + 1) if area != "body" else None, textbox=textbox)
        if area == "body" and not ctx["cells"]:
            self._body_paragraph += 1
            location.paragraph = self._body_paragraph
        block = self._make_block(p, ctx, location, len(target))
        target.append(block)
        if cell is not None:
            cell.blocks.append(block.index)
            location.cell_paragraph = len(cell.blocks)
        elif area != "body":
            location.cell_paragraph = len(target)
        if area == "body":
            sec = self.sections[min(self._section, len(self.sections) - 1)]
            if any(s.kind in ("chart", "group", "image") for s in block.shapes):
                sec.has_chart = True
            ppr = p.find(_W["pPr"])
            if ppr is not None and ppr.find(_W["sectPr"]) is not None and not ctx["cells"]:
                sec.last_block = block.index
                if self._section + 1 < len(self.sections):
                    self._section += 1
                    self.sections[self._section].first_block = block.index + 1
        return block

    def _make_block(self, p, ctx: dict, location: Location, index: int) -> Block:
        ss = self.stylesheet
        t_style = ctx["t_style"]
        pformat = ss.paragraph_format(p, t_style, self.numbering)
        p_style = pformat.style_id
        label = ""
        suffix = "tab"
        if pformat.num_id:
            label = self.num_state.label(pformat.num_id, pformat.ilvl)
            level = self.numbering.level(pformat.num_id, pformat.ilvl)
            if level is not None:
                suffix = level.suffix
        label = unicodedata.normalize("NFC", label)
        runs: list[RunText] = []
        shapes: list[Shape] = []
        fields: list[str] = []
        parts: list[str] = []
        pos = 0
        field_stack: list[dict] = []

        def add_text(text: str, fmt: RunFormat) -> None:
            nonlocal pos
            if not text:
                return
            normalized = unicodedata.normalize("NFC", text)
            current = None
            for f in reversed(field_stack):
                if f["result"]:
                    current = f["name"]
                    break
            runs.append(RunText(normalized, fmt, pos, current, normalized != text))
            parts.append(normalized)
            pos += len(normalized)

        def field_name(instr: str) -> str:
            words = instr.strip().split()
            return words[0].upper() if words else ""

        def run(r) -> None:
            fmt = ss.run_format(r.find(_W["rPr"]), p_style, t_style)
            buf: list[str] = []

            def flush():
                if buf:
                    if not fmt.vanish and not any(not f["result"] for f in field_stack):
                        add_text("".join(buf), fmt)
                    buf.clear()

            for child in r:
                tag = child.tag
                if tag == _W["t"]:
                    buf.append(child.text or "")
                elif tag in (_W["tab"], _W["ptab"]):
                    buf.append("\t")
                elif tag in (_W["br"], _W["cr"]):
                    buf.append("\n")
                elif tag == _W["noBreakHyphen"]:
                    buf.append("-")
                elif tag == _W["fldChar"]:
                    flush()
                    kind = child.get(_FLDTYPE)
                    if kind == "begin":
                        field_stack.append({"instr": "", "result": False, "name": ""})
                    elif kind == "separate" and field_stack:
                        field_stack[-1]["result"] = True
                        field_stack[-1]["name"] = field_name(field_stack[-1]["instr"])
                        fields.append(field_stack[-1]["instr"].strip())
                    elif kind == "end" and field_stack:
                        f = field_stack.pop()
                        if not f["result"]:
                            fields.append(f["instr"].strip())
                elif tag == _W["instrText"]:
                    if field_stack:
                        field_stack[-1]["instr"] += child.text or ""
                elif tag == _W["drawing"]:
                    flush()
                    shapes.extend(_drawingml_shapes(child))
                elif tag in (_W["pict"], _W["object"]):
                    flush()
                    shapes.extend(_vml_shapes(child))
                elif tag == _MC_ALT:
                    flush()
                    choice = child.find(_MC_CHOICE)
                    if choice is not None:
                        for sub in choice:
                            if sub.tag == _W["drawing"]:
                                shapes.extend(_drawingml_shapes(sub))
                            elif sub.tag == _W["pict"]:
                                shapes.extend(_vml_shapes(sub))
            flush()

        def inline(container) -> None:
            for child in container:
                tag = child.tag
                if tag == _W["r"]:
                    run(child)
                elif tag in _RECURSE_INLINE:
                    inline(child)
                elif tag == _W["sdt"]:
                    content = child.find(_W["sdtContent"])
                    if content is not None:
                        inline(content)
                elif tag == _W["fldSimple"]:
                    instr = child.get(_INSTR) or ""
                    fields.append(instr.strip())
                    field_stack.append({"instr": instr, "result": True, "name": field_name(instr)})
                    inline(child)
                    field_stack.pop()
                elif tag == _MC_ALT:
                    choice = child.find(_MC_CHOICE)
                    if choice is not None:
                        inline(choice)

        inline(p)
        text = "".join(parts)
        ppr = p.find(_W["pPr"])
        mark = ss.run_format(ppr.find(_W["rPr"]) if ppr is not None else None, p_style, t_style)
        return Block(
            index=index, text=text, label=label, para=pformat, runs=runs, location=location,
            section=ctx.get("section", self._section) if ctx["area"] != "body" else self._section,
            avail_width=ctx["width"] if ctx["cells"] else (ctx["width"] if ctx["area"] != "body" else self._section_width()),
            table=ctx["table"], row=ctx["row"], col=ctx["col"], depth=ctx["depth"], shapes=shapes,
            fields=fields, mark=mark, element=p, label_suffix=suffix,
        )

    # ---------------------------------------------------------------- tables
    def _cell_margins(self, tbl_pr, t_style: str | None) -> tuple[int, int]:
        left = right = None
        sources = [tbl_pr]
        if t_style:
            for sid in self.stylesheet.chain(t_style):
                el = self.stylesheet.element(sid)
                sources.append(el.find(_W["tblPr"]) if el is not None else None)
        for src in sources:
            if src is None:
                continue
            mar = src.find(_W["tblCellMar"])
            if mar is None:
                continue
            if left is None:
                el = mar.find(_W["left"]) if mar.find(_W["left"]) is not None else mar.find(_W["start"])
                if el is not None:
                    left = to_int(el.get(qn("w:w")), DEFAULT_CELL_MARGIN)
            if right is None:
                el = mar.find(_W["right"]) if mar.find(_W["right"]) is not None else mar.find(_W["end"])
                if el is not None:
                    right = to_int(el.get(qn("w:w")), DEFAULT_CELL_MARGIN)
        return (DEFAULT_CELL_MARGIN if left is None else left, DEFAULT_CELL_MARGIN if right is None else right)

    def _table(self, tbl, ctx: dict, parent_cell: Cell | None) -> None:
        area = ctx["area"]
        if ctx["cells"]:
            number = len(parent_cell.tables) + 1 if parent_cell is not None else 1
        elif area == "body":
            self._body_tables += 1
            number = self._body_tables
        else:
            self._header_tables += 1
            number = self._header_tables
        t_style = self.stylesheet.table_style_id(tbl)
        tbl_pr = tbl.find(_W["tblPr"])
        grid = [to_int(g.get(qn("w:w")), 0) or 0 for g in tbl.findall(f"{_W['tblGrid']}/{_W['gridCol']}")]
        # a top-level table of the body spans the text area of its own section (a landscape
        # section of lists is wider than the portrait first section)
        avail = self._section_width() if (area == "body" and not ctx["cells"]) else ctx["width"]
        width = sum(grid)
        tbl_w = tbl_pr.find(_W["tblW"]) if tbl_pr is not None else None
        if tbl_w is not None:
            w_type = tbl_w.get(qn("w:type"))
            raw = tbl_w.get(qn("w:w"))
            if w_type == "dxa" and to_int(raw):
                width = to_int(raw)
            elif w_type == "pct" and raw:
                pct = float(raw.rstrip("%")) if raw.endswith("%") else (to_int(raw, 0) or 0) / 50
                width = round(avail * pct / 100)
        if not width:
            width = avail
        margin_left, margin_right = self._cell_margins(tbl_pr, t_style)
        index = len(self.tables)
        parent = (ctx["table"], ctx["row"], ctx["col"]) if ctx["table"] is not None else None
        info = TableInfo(index=index, number=number, depth=ctx["depth"] + 1, section=self._section if area == "body" else ctx.get("section", 0),
                         area=area, cells=ctx["cells"], parent=parent, style_id=t_style, width=width, element=tbl,
                         order=len(self.blocks))
        self.tables.append(info)
        if parent_cell is not None:
            parent_cell.tables.append(index)
        if area == "body":
            self.sections[min(self._section, len(self.sections) - 1)].has_table = True
        for r_i, tr in enumerate(tbl.findall(_W["tr"])):
            row: list[Cell] = []
            info.rows.append(row)
            tr_pr = tr.find(_W["trPr"])
            grid_col = 0
            if tr_pr is not None and tr_pr.find(_W["gridBefore"]) is not None:
                grid_col = to_int(tr_pr.find(_W["gridBefore"]).get(_VAL), 0) or 0
            tcs = tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc")
            for c_i, tc in enumerate(tcs):
                tc_pr = tc.find(_W["tcPr"])
                span = 1
                cell_width = None
                vcont = False
                mar_left, mar_right = margin_left, margin_right
                if tc_pr is not None:
                    gs = tc_pr.find(_W["gridSpan"])
                    if gs is not None:
                        span = max(1, to_int(gs.get(_VAL), 1) or 1)
                    tcw = tc_pr.find(_W["tcW"])
                    if tcw is not None:
                        w_type = tcw.get(qn("w:type"))
                        raw = tcw.get(qn("w:w"))
                        if w_type in ("dxa", None) and to_int(raw):
                            cell_width = to_int(raw)
                        elif w_type == "pct" and raw:
                            pct = float(raw.rstrip("%")) if raw.endswith("%") else (to_int(raw, 0) or 0) / 50
                            cell_width = round(width * pct / 100)
                    vm = tc_pr.find(_W["vMerge"])
                    vcont = vm is not None and vm.get(_VAL) in (None, "continue")
                    tc_mar = tc_pr.find(_W["tcMar"])
                    if tc_mar is not None:
                        for tag, attr in ((_W["left"], "l"), (_W["start"], "l"), (_W["right"], "r"), (_W["end"], "r")):
                            el = tc_mar.find(tag)
                            if el is not None:
                                value = to_int(el.get(qn("w:w")), 0) or 0
                                if attr == "l":
                                    mar_left = value
                                else:
                                    mar_right = value
                if not cell_width:
                    cols = grid[grid_col:grid_col + span]
                    cell_width = sum(cols) if cols and sum(cols) else round(width / max(len(tcs), 1))
                cell = Cell(r_i, c_i, grid_col, span, cell_width, max(cell_width - mar_left - mar_right, 0),
                            vmerge_continue=vcont)
                row.append(cell)
                sub = dict(ctx)
                sub.update(cells=ctx["cells"] + ((number, r_i + 1, c_i + 1),), width=cell.inner_width,
                           t_style=t_style, table=index, row=r_i, col=c_i, depth=ctx["depth"] + 1)
                self._walk(tc, sub, cell)
                target = self.blocks if area == "body" else self._current_header
                if len(cell.blocks) > 1:
                    for bi in cell.blocks:
                        target[bi].location.show_cell_paragraph = True
                grid_col += span

    # ---------------------------------------------------------------- headers
    def _read_header(self, key: str, area: str, kind: str, section: int, part) -> None:
        self._current_header: list[Block] = []
        self._header_tables = 0
        ctx = {"area": area, "cells": (), "width": self.sections[section].text_width, "t_style": None,
               "table": None, "row": None, "col": None, "depth": 0, "part_type": kind, "section": section}
        element = getattr(part, "element", None)
        if element is None:
            return
        saved_state = self.num_state
        self.num_state = NumberingState(self.numbering)
        self._walk(element, ctx)
        # Text boxes and frames of a header (page numbers are often placed in one).
        for content in element.iter(_W["txbxContent"]):
            if any(a.tag == _MC_FALLBACK for a in content.iterancestors()):
                continue
            for p in content.iter(_W["p"]):
                self._paragraph(p, ctx, None, textbox=True)
        self.num_state = saved_state
        blocks = self._current_header
        if len(blocks) > 1:
            for b in blocks:
                b.location.show_cell_paragraph = True
        self.header_blocks[key] = blocks


def read_document(document) -> DocumentView:
    """The reading-order view of a python-docx Document (see the module docstring)."""
    reader = _Reader(document)
    reader.read_body()
    settings = related_part(document.part, RT.SETTINGS)
    even_odd = False
    if settings is not None and getattr(settings, "element", None) is not None:
        el = settings.element.find(qn("w:evenAndOddHeaders"))
        even_odd = el is not None and _on(el)
    return DocumentView(
        blocks=reader.blocks,
        tables=reader.tables,
        sections=reader.sections,
        header_blocks=reader.header_blocks,
        header_parts={k: v[:3] for k, v in reader.header_parts.items()},
        stylesheet=reader.stylesheet,
        numbering=reader.numbering,
        even_and_odd_headers=even_odd,
    )
