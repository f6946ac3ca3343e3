"""Checking a docxtpl template that a clerk edited in Word: ``check_template(path, kind, data=None)``.

A template is a .docx whose text holds Jinja tags (``{{ title }}``, ``{%p for line in bases %}``).
Word gives no warning when a tag is mistyped, when a block is left open or when its own editing
breaks a tag apart, so this module reads the template the way docxtpl will and reports, each with
its place ("đoạn 12", "bảng 1, ô (2,3)", a header or footer), the text around it and a Vietnamese
message:

1. syntax errors: every tag is compiled on its own (so all broken tags are found at once, not only
   the first), blocks are balanced tag by tag ("{%p if %}" without "{%p endif %}" is reported at
   the opening tag), then every XML part is compiled whole exactly as docxtpl does
   (``DocxTemplate.patch_xml``, one ``<w:p>`` per line, the project's sandboxed environment);
2. names the data of the kind does not provide: the valid names and the fields of loop items are
   the fields the kind declares in its registry entry (``ocop_docs.kinds``); the template's Jinja
   AST gives every name and attribute path it uses, with loop variables bound to list items;
3. loops over values that are not lists (``{% for x in title %}`` where ``title`` is text);
4. tags Word broke: a tag spanning paragraphs or table cells, a tag interrupted by a Word field,
   curly quotes put in by AutoCorrect, the parts of one tag formatted differently, text or tags on
   the same paragraph (row, cell) as a ``{%p``/``{%tr``/``{%tc`` tag, which docxtpl deletes, and a
   closing ``}}`` without its opening — each saying whether docxtpl repairs it;
5. with a data file: the spec validated, its context built, the template rendered once in memory
   with an Undefined that records every missing name instead of stopping at the first, then once
   through :func:`ocop_docs.render.render_document` (strict, the full pipeline);
6. without one: the template rendered in memory with the kind's shipped samples and with data
   holding every declared field, under the renderer's own limits (the same sandboxed environment:
   loop steps, time, range, sizes), so a loop bomb is found here and not by the first officer who
   renders with it.

The template is opened read-only through :func:`ocop_docs.docx.open_docx` (zip limits, no DTD).
"""
from __future__ import annotations

import bisect
import copy
import difflib
import os
import re
import sys
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
import jinja2
from jinja2 import StrictUndefined, meta, nodes
from jinja2.exceptions import TemplateError as JinjaError, TemplateSyntaxError
from jinja2.runtime import missing
from lxml import etree

from .. import kinds
from ..certificates.plan import plan_jobs
from ..certificates.context import CertificateJob, certificate_context, validity_end
from ..certificates.model import load_issuer, table_of
from ..docx.blocks import Location, read_document
from ..docx.package import open_docx, parse_xml
from ..errors import DataError, OcopError, TemplateError, UnreadableFile
from ..io import load_spec
from ..io.spec import read_spec_data
from ..render import context_for, render_document
from ..render.environment import TemplateLimit, make_environment
from ..render.jinja_messages import BLOCKS as _BLOCKS, DOCXTPL_TAGS as _DOCXTPL_TAGS, MIDDLE as _MIDDLE
from ..render.jinja_messages import SMART_QUOTES, suggest as _suggest
from ..render.jinja_messages import python_error, render_failure, vi_syntax_message
from ..shipped import SAMPLES_DIR
from .report import EXIT_ERRORS, EXIT_OK, SEVERITY_NAMES

ERROR, WARNING = "error", "warning"

_W_P, _W_T, _W_R, _W_TC, _W_TR = qn("w:p"), qn("w:t"), qn("w:r"), qn("w:tc"), qn("w:tr")
_W_RPR = qn("w:rPr")
_FIELD_TAGS = {qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")}
_MARK = "ocopi"  # attribute put on every w:p of a copy, to map Jinja lines back to paragraphs

_OPEN_RE = re.compile(r"\{[{%#]")
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_PREFIX_RE = re.compile(r"^(\{[{%#])(p|tr|tc|r)(?=\s)")
_SOURCE_TAG_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)

_LOOP_ATTRS = ("index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0",
               "previtem", "nextitem", "cycle", "changed")
_DICT_METHODS = {"items", "keys", "values", "get"}

_TYPE_NAMES = {"str": "một chuỗi chữ", "number": "một số", "bool": "một giá trị đúng/sai", "none": "giá trị rỗng",
               "rich": "một đoạn chữ có định dạng", "image": "một hình ảnh", "dict": "một nhóm trường",
               "list": "một danh sách"}


# ----------------------------------------------------------------------------- report


@dataclass
class TemplateProblem:
    """One thing wrong in a template: severity ("error"/"warning"), where, the text around it, what.

    ``code`` names the kind of problem for programs: "cu-phap", "khoi", "truong-la", "lap",
    "tach-doan", "ma-truong", "nhay-cong", "dinh-dang", "bi-xoa", "dau-dong", "du-lieu", "thieu-du-lieu",
    "tao-thu", "gioi-han" (rendering went beyond the renderer's limits).
    """

    severity: str
    location: str
    nearby: str
    message: str
    code: str = ""
    order: tuple = field(default=(), repr=False, compare=False)  # (part, paragraph): sorts by place


@dataclass
class TemplateReport:
    """The problems found in one template checked as a kind (and, optionally, with one data file)."""

    path: str
    kind: str
    data: str | None = None
    problems: list[TemplateProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == WARNING)

    @property
    def exit_code(self) -> int:
        """0 when there is no error (warnings allowed), 1 otherwise (2 is for an unreadable file)."""
        return EXIT_ERRORS if self.errors else EXIT_OK

    def codes(self) -> set[str]:
        return {p.code for p in self.problems}


def format_template_report(report: TemplateReport) -> str:
    """The report as lines a clerk can read: one per problem, notes, then a summary line."""
    lines = []
    for p in report.problems:
        head = SEVERITY_NAMES.get(p.severity, p.severity.upper())
        if p.location:
            head += f" [{p.location}]"
        if p.nearby:
            head += f" «{p.nearby}»"
        lines.append(f"{head}: {p.message}")
    lines.extend(f"Ghi chú: {note}" for note in report.notes)
    if report.errors or report.warnings:
        summary = f"{report.errors} lỗi, {report.warnings} cảnh báo"
    else:
        summary = "không thấy lỗi nào"
    data = f", dữ liệu {report.data}" if report.data else ""
    lines.append(f"Mẫu {report.path} (loại '{report.kind}'{data}): {summary}.")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- data shapes


class Shape:
    """What the values at one place of the contexts looked like: their types, keys and items."""

    __slots__ = ("types", "keys", "item")

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.keys: dict[str, Shape] = {}
        self.item: Shape | None = None

    def add(self, value, depth: int = 0) -> "Shape":
        if depth > 20:
            return self
        if isinstance(value, Mapping):
            self.types.add("dict")
            for k, v in value.items():
                if isinstance(k, str):
                    self.keys.setdefault(k, Shape()).add(v, depth + 1)
        elif isinstance(value, (list, tuple)):
            self.types.add("list")
            self.item = self.item or Shape()
            for v in value:
                self.item.add(v, depth + 1)
        elif isinstance(value, bool):
            self.types.add("bool")
        elif isinstance(value, (int, float, Decimal)):
            self.types.add("number")
        elif isinstance(value, str):
            self.types.add("str")
        elif value is None:
            self.types.add("none")
        else:
            name = type(value).__name__
            self.types.add("rich" if name in ("RichText", "Listing", "RichTextParagraph")
                           else "image" if name == "InlineImage" else "other")
        return self

    @property
    def known(self) -> bool:
        """True when the values seen say what attributes exist (no unknown object among them)."""
        return bool(self.types - {"none"}) and "other" not in self.types

    def describe(self) -> str:
        kinds = [t for t in ("list", "dict", "str", "number", "bool", "rich", "image") if t in self.types]
        return " hoặc ".join(_TYPE_NAMES[t] for t in kinds) or "giá trị rỗng"


def _scalar(kind: str) -> Shape:
    s = Shape()
    s.types.add(kind)
    return s


def _loop_shape() -> Shape:
    s = Shape()
    s.types.add("dict")
    for name in _LOOP_ATTRS:
        s.keys[name] = Shape()
    return s


@dataclass
class KindData:
    """The contexts of a kind's sample specs: the shape of their union and where they came from."""

    kind: str
    root: Shape
    sources: list[str]
    skipped: list[str]


def template_kinds() -> list[str]:
    """The kinds a template can be checked as: every registered kind (``ocop_docs.kinds``)."""
    return kinds.ids()


def _certificate_contexts(issuer_file: Path) -> list[dict]:
    """The context of every certificate the issuer file's results table would give (numbers 1, 2…)."""

    issuer = load_issuer(issuer_file)
    good, _ = plan_jobs(table_of(issuer, issuer_file), issuer)
    issued = issuer.issue_date
    until = validity_end(issued)
    contexts = []
    for seq, (product, stars) in enumerate(good, start=1):
        job = CertificateJob(seq, issued.year, issuer.number_text(seq, issued.year), product.row, product.key,
                             product.name, product.owner, product.address, product.group, product.code,
                             product.score, stars, issued, until)
        contexts.append(certificate_context(job, issuer))
    return contexts


def _spec_contexts(spec_file: Path, kind: str) -> list[dict]:
    """The contexts a data file gives a template of ``kind`` (DataError when it cannot be used)."""
    if kinds.get(kind).model is None:
        return _certificate_contexts(spec_file)

    return [context_for(load_spec(spec_file, kind))]


_FIELD_PART_RE = re.compile(r"\[\]|\{\}|\.?[A-Za-z_]\w*")


def declared_shape(fields: tuple[str, ...] | list[str]) -> Shape:
    """The shape a kind's field declaration describes (see :class:`ocop_docs.kinds.Kind`)."""
    root = _scalar("dict")
    for declared in fields:
        path, _, types = declared.partition(":")
        shape = root
        for token in _FIELD_PART_RE.findall(path):
            if token == "[]":
                shape.types.add("list")
                shape.item = shape.item or Shape()
                shape = shape.item
            elif token == "{}":
                shape.types.add("dict")  # a mapping read with .items(): no fixed keys
            else:
                shape.types.add("dict")
                shape = shape.keys.setdefault(token.lstrip("."), Shape())
        if not shape.types:
            shape.types.update(types.split("|") if types else ["str"])
    return root


@lru_cache(maxsize=None)
def kind_data(kind: str) -> KindData:
    """The shape of the data a template of ``kind`` receives: the fields the kind declares."""
    entry = kinds.get(kind)
    return KindData(entry.id, declared_shape(entry.fields), [f"khai báo của loại '{entry.id}'"], [])


def declared_context(shape: Shape):
    """A value of ``shape`` in which every declared field is present: lists of three items, texts,
    the number 3, true; the data a trial rendering takes every branch and every loop of a template with."""
    if "list" in shape.types:
        return [declared_context(shape.item) if shape.item else "Nội dung" for _ in range(3)]
    if "dict" in shape.types:
        return {key: declared_context(value) for key, value in shape.keys.items()}
    if "bool" in shape.types:
        return True
    if "number" in shape.types:
        return 3
    return "Nội dung"


@lru_cache(maxsize=None)
def sample_contexts(kind: str) -> tuple[tuple[str, tuple[dict, ...]], ...]:
    """The contexts the shipped samples of ``kind`` give, by sample (what ``ocop-docs demo`` renders:
    the data files of the kind in its samples folder, "_" files excepted, and its blank form)."""
    entry = kinds.get(kind)
    out = []
    for path in sorted(SAMPLES_DIR.glob(f"{entry.samples}/*.yaml") if entry.samples else []):
        if path.name.startswith("_"):
            continue
        head = read_spec_data(path)[0]
        name = head.get("kind") if isinstance(head, Mapping) else None
        if (name == "certificate-issuer") if entry.model is None else (kinds.find(name) is entry):
            out.append((f"dữ liệu mẫu {entry.samples}/{path.name}", tuple(_spec_contexts(path, kind))))
    if entry.blank is not None:
        out.append(("mẫu trắng", (entry.blank_context(),)))
    return tuple(out)


# ----------------------------------------------------------------------------- the template as docxtpl reads it


@dataclass
class Piece:
    """A stretch of one ``w:t`` of a part's text: offsets in the part text and its paragraph."""

    start: int
    end: int
    t: object
    paragraph: int
    order: int  # document order of the w:t element in the part


@dataclass
class Tag:
    """One Jinja tag as typed in the template (its text joined over runs, as docxtpl joins it)."""

    raw: str
    start: int
    end: int
    paragraphs: list[int]
    pieces: list[Piece]
    dropped_by: "Tag | None" = None
    line: int | None = None  # line of the compiled part (one w:p per line)

    @property
    def opener(self) -> str:
        return self.raw[:2]

    @property
    def prefix(self) -> str:
        m = _PREFIX_RE.match(self.raw)
        return m.group(2) if m else ""

    @property
    def jinja(self) -> str:
        """The tag as Jinja compiles it: prefix removed, curly quotes straightened, ``&`` escaped."""
        text = _PREFIX_RE.sub(r"\1", self.raw)
        text = text.replace("{%-", "{%").replace("-%}", "%}")
        for q, r in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
            text = text.replace(q, r)
        return text.replace("&", "&amp;")

    @property
    def shown(self) -> str:
        """The tag as the clerk sees it, white space collapsed."""
        return " ".join(self.raw.split())

    @property
    def word(self) -> str:
        """The statement name of a ``{% %}`` tag ("for", "endif", …), "" for other tags."""
        if self.opener != "{%":
            return ""
        m = re.match(r"\{%\s*(\w+)", self.jinja)
        return m.group(1) if m else ""

    @property
    def body(self) -> str:
        return self.jinja[2:-2].strip()


@dataclass
class PartSource:
    """One XML part docxtpl renders (the body, a header, a footer, the footnotes)."""

    name: str
    label: str
    element: etree._Element
    paragraphs: list
    locations: list[str]
    texts: list[str]
    text: str = ""
    pieces: list[Piece] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # start offset of each piece, for bisect
    field_orders: list[int] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    source: str = ""
    line_paragraph: dict[int, int] = field(default_factory=dict)
    compiled: jinja2.Template | None = None
    ast: nodes.Template | None = None
    broken: bool = False  # a syntax problem was found: the whole part does not compile
    index: int = 0

    def problem(self, severity: str, message: str, code: str, tag: Tag | None = None,
                paragraphs: list[int] | None = None) -> TemplateProblem:
        """A problem placed at a tag (or at paragraphs) of this part."""
        if paragraphs is None:
            paragraphs = tag.paragraphs if tag is not None else []
        return TemplateProblem(severity, self.where(paragraphs), self.nearby(tag, paragraphs), message, code,
                               (self.index, paragraphs[0] if paragraphs else -1))

    def paragraph_of_line(self, line: int) -> int | None:
        for n in range(line, 0, -1):
            if n in self.line_paragraph:
                return self.line_paragraph[n]
        return 0 if self.paragraphs else None

    def where(self, paragraphs: list[int]) -> str:
        if not paragraphs:
            return self.label
        first = self.locations[paragraphs[0]]
        if len(paragraphs) > 1:
            last = self.locations[paragraphs[-1]]
            if last != first:
                return f"{first} → {last}"
        return first

    def nearby(self, tag: Tag | None = None, paragraphs: list[int] | None = None, width: int = 90) -> str:
        """The text around a tag (or of paragraphs): the paragraphs it spans, cut around it."""
        paragraphs = paragraphs if paragraphs is not None else (tag.paragraphs if tag else [])
        if not paragraphs:
            return ""
        text = " ¶ ".join(self.texts[i] for i in paragraphs)
        text = " ".join(text.split())
        if len(text) <= width:
            return text
        at = text.find(" ".join(tag.raw.split())[:20]) if tag else 0
        at = max(at, 0)
        start = max(0, min(at - width // 3, len(text) - width))
        out = text[start:start + width]
        return ("…" if start else "") + out + ("…" if start + width < len(text) else "")


def _nearest(el, tag):
    for anc in el.iterancestors(tag):
        return anc
    return None


def _part_sources(document, view) -> list[PartSource]:
    """Every part docxtpl renders, with a location for each of its paragraphs."""
    located = {b.element: str(b.location) for b in view.blocks}
    for blocks in view.header_blocks.values():
        located.update((b.element, str(b.location)) for b in blocks)
    specs = [("body", "", document.element.body)]
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER, RT.FOOTNOTES):
            continue
        part = rel.target_part
        key = str(part.partname)
        if rel.reltype == RT.FOOTNOTES:
            label = "chú thích cuối trang"
        elif key in view.header_parts:
            area, kind, section = view.header_parts[key]
            label = str(Location(area=area, part_type=kind, section=section + 1))
        else:  # a header or footer no section uses (docxtpl still renders it)
            area = "đầu trang" if rel.reltype == RT.HEADER else "chân trang"
            label = f"{area} ({key.rsplit('/', 1)[-1]})"
        element = getattr(part, "element", None)
        if element is None:
            try:
                element = parse_xml(part.blob)
            except etree.XMLSyntaxError:
                continue
        specs.append((key, label, element))
    parts: list[PartSource] = []
    for name, label, element in specs:
        paragraphs = list(element.iter(_W_P))
        locations = []
        for i, p in enumerate(paragraphs):
            loc = located.get(p)
            if loc is None:  # not read by read_document: a text box in the body, a footnote…
                outer = next((a for a in p.iterancestors(_W_P) if a in located), None)
                if outer is not None:
                    loc = f"{located[outer]}, hộp văn bản"
                else:
                    loc = f"{label}, đoạn {i + 1}" if label else f"đoạn thứ {i + 1} (kể cả đoạn trong bảng)"
            locations.append(loc)
        index = {p: i for i, p in enumerate(paragraphs)}
        part = PartSource(name, label, element, paragraphs, locations,
                          [""] * len(paragraphs), index=len(parts))
        chunks = []
        pos = 0
        for order, el in enumerate(element.iter()):
            tag = el.tag
            if tag in _FIELD_TAGS:
                part.field_orders.append(order)
            elif tag == _W_T and el.text:
                p = _nearest(el, _W_P)
                if p is None or p not in index:
                    continue
                i = index[p]
                part.pieces.append(Piece(pos, pos + len(el.text), el, i, order))
                chunks.append(el.text)
                part.texts[i] += el.text
                pos += len(el.text)
        part.text = "".join(chunks)
        part.starts = [pc.start for pc in part.pieces]
        parts.append(part)
    return parts


def _pieces_between(part: PartSource, start: int, end: int) -> list[Piece]:
    """The pieces overlapping ``[start, end)`` of the part text (pieces are in text order)."""
    i = bisect.bisect_right(part.starts, start) - 1
    out = []
    for pc in part.pieces[max(i, 0):]:
        if pc.start >= end:
            break
        if pc.end > start:
            out.append(pc)
    return out


def _scan_tags(part: PartSource, problems: list[TemplateProblem]) -> None:
    """Find the tags of a part the way docxtpl's patch_xml does (over the joined ``w:t`` text)."""
    text = part.text
    pos = 0
    covered: list[tuple[int, int]] = []
    while True:
        m = _OPEN_RE.search(text, pos)
        if not m:
            break
        opener = m.group()
        close = text.find(_CLOSERS[opener], m.end())
        nxt = _OPEN_RE.search(text, m.end())
        if close == -1 or (opener != "{#" and nxt is not None and nxt.start() < close):
            stop = nxt.start() if nxt is not None else len(text)
            pieces = _pieces_between(part, m.start(), stop)
            first = pieces[0].paragraph if pieces else None
            shown = " ".join(text[m.start():stop].split())[:40]
            problems.append(part.problem(
                ERROR, f"thẻ '{shown}' mở bằng '{opener}' nhưng không có '{_CLOSERS[opener]}' đóng"
                + (" trước thẻ kế tiếp" if close != -1 else "") + "; hãy gõ đủ dấu đóng.", "cu-phap",
                paragraphs=[first] if first is not None else []))
            part.broken = True
            covered.append((m.start(), stop))
            pos = stop
            continue
        end = close + 2
        pieces = _pieces_between(part, m.start(), end)
        paragraphs = sorted({pc.paragraph for pc in pieces})
        part.tags.append(Tag(text[m.start():end], m.start(), end, paragraphs, pieces))
        covered.append((m.start(), end))
        pos = end
    # A closing "}}" or "%}" outside every tag: the opening brace was lost (it prints as typed).
    for m in re.finditer(r"\}\}|%\}", text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        pieces = _pieces_between(part, m.start(), m.end())
        paragraphs = [pieces[0].paragraph] if pieces else []
        problems.append(part.problem(
            ERROR, f"dấu đóng '{m.group()}' không có dấu mở tương ứng ('{{{{' hoặc '{{%'); có thể thẻ bị gõ thiếu một "
            f"dấu '{{'. Chữ này sẽ được in nguyên văn vào văn bản.", "dau-dong", paragraphs=paragraphs))


# ----------------------------------------------------------------------------- what docxtpl does to the tags


def _mark_dropped(part: PartSource, problems: list[TemplateProblem]) -> None:
    """Tags and text docxtpl deletes: the rest of a paragraph (row, cell) holding a {%p (tr, tc) tag.

    patch_xml replaces the whole row, then cell, then paragraph by its LAST such tag (its regex is
    greedy), so every other tag and all text there disappear.
    """
    names = {"tr": (_W_TR, "hàng bảng"), "tc": (_W_TC, "ô bảng"), "p": (_W_P, "đoạn")}
    for prefix in ("tr", "tc", "p"):
        container_tag, container_name = names[prefix]
        winners: dict = {}
        for tag in part.tags:
            if tag.dropped_by is not None or not tag.pieces:
                continue
            if prefix == "p":
                container = part.paragraphs[tag.pieces[0].paragraph]
            else:
                container = _nearest(tag.pieces[0].t, container_tag)
            if container is None:
                continue
            if tag.prefix == prefix:
                winners[container] = tag  # the last one wins
        for container, winner in winners.items():
            inside = set(container.iter(_W_P)) if prefix != "p" else {container}
            idx = [i for i, p in enumerate(part.paragraphs) if p in inside]
            for tag in part.tags:
                if tag is winner or tag.dropped_by is not None:
                    continue
                if any(part.paragraphs[pc.paragraph] in inside for pc in tag.pieces):
                    tag.dropped_by = winner
                    problems.append(part.problem(
                        ERROR, f"thẻ '{tag.shown}' nằm cùng {container_name} với thẻ '{winner.shown}'; docxtpl thay cả "
                        f"{container_name} bằng thẻ '{winner.shown}' nên thẻ '{tag.shown}' bị xóa. Hãy để "
                        f"'{winner.shown}' ở một {container_name} riêng.", "bi-xoa", tag))
            lost = ""
            for i in sorted(set(idx)):
                text = part.texts[i]
                for tag in part.tags:
                    if i in tag.paragraphs:
                        text = text.replace(tag.raw, " ")
                lost += " " + text
            lost = " ".join(lost.split())
            if lost:
                problems.append(part.problem(
                    WARNING, f"chữ «{lost[:60]}{'…' if len(lost) > 60 else ''}» nằm cùng {container_name} với thẻ "
                    f"'{winner.shown}' sẽ bị xóa khi tạo văn bản (thẻ {{%{prefix} …%}} thay cả {container_name}); "
                    f"hãy chuyển chữ này sang {container_name} khác.", "bi-xoa", winner))


_FORMAT_FIELDS = (
    ("bold", "đậm", "không đậm"), ("italic", "nghiêng", "không nghiêng"), ("underline", "gạch chân", "không gạch chân"),
    ("strike", "gạch ngang", "không gạch ngang"), ("caps", "chữ hoa", "không chữ hoa"),
    ("small_caps", "chữ hoa nhỏ", "không chữ hoa nhỏ"), ("vert_align", "chỉ số trên/dưới", "không chỉ số"),
    ("vanish", "chữ ẩn", "không ẩn"), ("size", "cỡ", ""), ("font_ascii", "phông", ""), ("color", "màu", ""),
)


def _fmt_key(fmt) -> tuple:
    return tuple(getattr(fmt, name) for name, _, _ in _FORMAT_FIELDS)


def _fmt_words(key: tuple, differing: list[int]) -> str:
    words = []
    for i in differing:
        name, yes, no = _FORMAT_FIELDS[i]
        value = key[i]
        if name == "size":
            words.append(f"cỡ {value:g}")
        elif name == "font_ascii":
            words.append(f"phông {value or 'mặc định'}")
        elif name == "color":
            words.append(f"màu {'tự động' if value in (None, 'auto') else value}")
        elif name == "underline":
            words.append(yes if value and value != "none" else no)
        else:
            words.append(yes if value else no)
    return ", ".join(words)


def _check_broken_tags(part: PartSource, view, problems: list[TemplateProblem]) -> None:
    """Tags Word split: over paragraphs or cells, around a field, with curly quotes or mixed formats."""
    sheet = view.stylesheet
    for tag in part.tags:
        if tag.dropped_by is not None:
            continue
        if len(tag.paragraphs) > 1:
            cells = {_nearest(part.paragraphs[i], _W_TC) for i in tag.paragraphs}
            if len(cells) > 1:
                how = ("docxtpl KHÔNG sửa được: khi ghép thẻ nó xóa cả ranh giới giữa các ô, làm hỏng bảng")
            else:
                how = ("docxtpl ghép lại được thẻ nhưng gộp các đoạn này thành một (mất ngắt đoạn và định dạng "
                       "của đoạn sau)")
            severity = WARNING if tag.opener == "{#" else ERROR
            problems.append(part.problem(
                severity, f"thẻ '{tag.shown}' bị tách sang {len(tag.paragraphs)} đoạn (thường do nhấn Enter hoặc Word tự "
                f"xuống dòng giữa thẻ); {how}. Hãy gõ lại cả thẻ trên cùng một đoạn.", "tach-doan", tag))
        if tag.pieces and any(tag.pieces[0].order < o < tag.pieces[-1].order for o in part.field_orders):
            problems.append(part.problem(
                ERROR, f"thẻ '{tag.shown}' bị chen một trường (field) của Word (số trang, ngày, tham chiếu…); docxtpl "
                f"KHÔNG sửa được: chữ của trường lẫn vào thẻ. Hãy xóa rồi gõ lại thẻ.", "ma-truong", tag))
        quotes = sorted({c for c in tag.raw if c in SMART_QUOTES})
        if quotes:
            problems.append(part.problem(
                WARNING, f"thẻ '{tag.shown}' có dấu nháy cong {' '.join(quotes)} do Word tự đổi (AutoCorrect); docxtpl tự đổi "
                f"lại thành dấu nháy thẳng khi tạo văn bản, nhưng nên gõ lại dấu ' hoặc \" và tắt 'Thay dấu nháy "
                f"thẳng bằng dấu nháy cong' trong AutoCorrect.", "nhay-cong", tag))
        if len(tag.paragraphs) != 1:
            continue
        # Runs of one tag with different formatting: the value takes the first run's format.
        runs: list = []
        texts: dict = {}
        for pc in tag.pieces:
            run = _nearest(pc.t, _W_R)
            if run is None:
                continue
            a, b = max(pc.start, tag.start), min(pc.end, tag.end)
            piece = part.text[a:b]
            if run not in texts:
                runs.append(run)
                texts[run] = ""
            texts[run] += piece
        if len(runs) < 2:
            continue
        p_el = part.paragraphs[tag.paragraphs[0]]
        p_style = sheet.paragraph_style_id(p_el)
        keys = {r: _fmt_key(sheet.run_format(r.find(_W_RPR), p_style)) for r in runs}
        visible = [r for r in runs if texts[r].strip()]
        distinct = {keys[r] for r in visible}
        if len(distinct) < 2:
            continue
        differing = [i for i in range(len(_FORMAT_FIELDS)) if len({keys[r][i] for r in visible}) > 1]
        first = visible[0]
        parts_text = "; ".join(f"«{texts[r]}» {_fmt_words(keys[r], differing)}" for r in visible)
        problems.append(part.problem(
            WARNING, f"thẻ '{tag.shown}' được gõ thành {len(runs)} đoạn chữ (run) có định dạng khác nhau: {parts_text}. "
            f"docxtpl ghép lại được thẻ, nhưng giá trị thay vào sẽ theo định dạng của phần đầu «{texts[first]}» "
            f"({_fmt_words(keys[first], differing)}). Hãy chọn cả thẻ rồi định dạng lại một lần.", "dinh-dang", tag))


# ----------------------------------------------------------------------------- syntax


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _check_tag_syntax(part: PartSource, env, problems: list[TemplateProblem]) -> None:
    """Compile every tag on its own, so every broken tag is reported, each at its place."""
    for tag in part.tags:
        if tag.dropped_by is not None or tag.opener == "{#":
            continue
        word, body = tag.word, tag.body
        if tag.opener == "{{" or not body:
            source = tag.jinja
        elif word in _DOCXTPL_TAGS:
            continue  # {% vm %}, {% colspan n %}…: rewritten by docxtpl before Jinja sees them
        elif word.startswith("end") and word[3:] in _BLOCKS:
            rest = body[len(word):].strip()
            if rest and not (word == "endblock" and re.fullmatch(r"\w+", rest)):
                problems.append(part.problem(
                    ERROR, f"thẻ đóng '{tag.shown}' có chữ thừa '{rest}'; chỉ viết '{{% {word} %}}'.", "cu-phap", tag))
                part.broken = True
            continue
        elif word in _MIDDLE:
            source = "{% if x %}" + (tag.jinja if word == "elif" else "{% else %}") + "{% endif %}"
            if word == "else" and body != "else":
                problems.append(part.problem(
                    ERROR, f"thẻ '{tag.shown}' có chữ thừa sau 'else'; điều kiện khác viết bằng '{{% elif … %}}'.",
                    "cu-phap", tag))
                part.broken = True
                continue
        elif word == "set" and "=" not in body:
            source = tag.jinja + "{% endset %}"
        elif word in _BLOCKS:
            source = tag.jinja + "{% " + _BLOCKS[word] + " %}"
        else:
            source = tag.jinja
        try:
            env.compile(source)
        except TemplateSyntaxError as exc:
            problems.append(part.problem(
                ERROR, f"thẻ '{tag.shown}': {_sentence(vi_syntax_message(exc.message or str(exc), env))}", "cu-phap", tag))
            part.broken = True


def _check_blocks(part: PartSource, problems: list[TemplateProblem]) -> None:
    """Every block tag closed by its end tag, in order (reported at the tag concerned)."""
    stack: list[Tag] = []

    def closer(tag: Tag) -> str:
        p = tag.prefix
        return "{%" + (p if p else "") + " " + _BLOCKS[tag.word] + " %}"

    def add(tag: Tag, message: str) -> None:
        problems.append(part.problem(ERROR, message, "khoi", tag))
        part.broken = True

    in_raw = False
    has_else: set[int] = set()  # blocks whose {% else %} was seen
    for tag in part.tags:
        if tag.dropped_by is not None or tag.opener != "{%":
            continue
        word, body = tag.word, tag.body
        if in_raw:
            if word == "endraw":
                in_raw = False
                stack.pop()
            continue
        if word in _BLOCKS and not (word == "set" and "=" in body):
            stack.append(tag)
            in_raw = word == "raw"
        elif word in _MIDDLE:
            if not stack or stack[-1].word not in _MIDDLE[word]:
                inside = f" (đang ở trong khối '{stack[-1].shown}', {part.where(stack[-1].paragraphs)})" if stack else ""
                add(tag, f"thẻ '{tag.shown}' không nằm trong khối '{{% if %}}'"
                    + (" hoặc '{% for %}'" if word == "else" else "") + f" nào{inside}.")
            elif id(stack[-1]) in has_else:
                add(tag, f"thẻ '{tag.shown}' đứng sau '{{% else %}}' của khối '{stack[-1].shown}' "
                    f"({part.where(stack[-1].paragraphs)}); mỗi khối chỉ có một '{{% else %}}', đặt sau các '{{% elif %}}'.")
            elif word == "else":
                has_else.add(id(stack[-1]))
        elif word.startswith("end") and word[3:] in _BLOCKS:
            opener = word[3:]
            if stack and stack[-1].word == opener:
                stack.pop()
            elif any(t.word == opener for t in stack):
                while stack[-1].word != opener:
                    inner = stack.pop()
                    add(inner, f"khối '{inner.shown}' chưa được đóng: thiếu '{closer(inner)}' trước thẻ "
                        f"'{tag.shown}' ({part.where(tag.paragraphs)}).")
                stack.pop()
            elif stack:
                add(tag, f"thẻ '{tag.shown}' không khớp: khối đang mở là '{stack[-1].shown}' "
                    f"({part.where(stack[-1].paragraphs)}), cần '{closer(stack[-1])}'.")
            else:
                add(tag, f"thẻ '{tag.shown}' thừa: không có khối '{{% {opener} … %}}' nào đang mở.")
    for tag in stack:
        add(tag, f"khối '{tag.shown}' chưa được đóng: thiếu thẻ '{closer(tag)}'.")


def _compile_part(part: PartSource, env, problems: list[TemplateProblem]) -> None:
    """Patch and compile the whole part as docxtpl does; map a Jinja error to its paragraph."""

    marked = copy.deepcopy(part.element)
    for i, p in enumerate(marked.iter(_W_P)):
        p.set(_MARK, str(i))
    xml = etree.tostring(marked, encoding="unicode")
    patched = DocxTemplate(os.devnull).patch_xml(xml)
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
    part.source = source
    for n, line in enumerate(source.split("\n"), start=1):
        m = re.search(_MARK + r'="(\d+)"', line)
        if m:
            part.line_paragraph[n] = int(m.group(1))
    _align_lines(part)
    try:
        part.ast = env.parse(source)
        part.compiled = env.from_string(source)
    except TemplateSyntaxError as exc:
        part.ast = None
        part.compiled = None
        if part.broken:
            return  # already reported tag by tag; Jinja's first error would repeat one of them
        tag = _tag_on_line(part, exc.lineno or 0, _quoted(exc.message or ""))
        paragraphs = tag.paragraphs if tag else [i for i in [part.paragraph_of_line(exc.lineno or 0)] if i is not None]
        shown = f"thẻ '{tag.shown}': " if tag else ""
        problems.append(part.problem(
            ERROR, f"{shown}{_sentence(vi_syntax_message(exc.message or str(exc), env))}", "cu-phap", tag, paragraphs))
        part.broken = True


def _quoted(message: str) -> str:
    m = re.search(r"'(\w+)'", message)
    return m.group(1) if m else ""


def _key(text: str) -> str:
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    text = _PREFIX_RE.sub(r"\1", text).replace("{%-", "{%").replace("-%}", "%}")
    for q, r in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(q, r)
    return "".join(text.split())


def _align_lines(part: PartSource) -> None:
    """Give each tag the line it has in the compiled part (tags matched in order, text compared)."""
    found = [(m.group(), part.source.count("\n", 0, m.start()) + 1) for m in _SOURCE_TAG_RE.finditer(part.source)]
    tags = [t for t in part.tags if t.dropped_by is None]
    a = [_key(t.raw) for t in tags]
    b = [_key(text) for text, _ in found]
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            tags[block.a + k].line = found[block.b + k][1]


def _tag_on_line(part: PartSource, line: int, token: str = "") -> Tag | None:
    on_line = [t for t in part.tags if t.line == line and t.dropped_by is None]
    if token:
        pattern = re.compile(r"(?<![\w])" + re.escape(token) + r"(?!\w)")
        for t in on_line:
            if pattern.search(t.jinja[2:-2]):
                return t
    return on_line[0] if on_line else None


def _token_patterns(token: str) -> list:
    """Patterns finding a name or dotted path in a tag: the whole path, then its last name."""
    if not token or not re.fullmatch(r"\w+(\.\w+)*", token):
        return []
    names = token.split(".")
    whole = re.compile(r"(?<![\w.])" + r"\s*\.\s*".join(map(re.escape, names)) + r"(?!\w)")
    last = re.compile(r"(?<!\w)" + re.escape(names[-1]) + r"(?!\w)")
    return [whole, last] if len(names) > 1 else [whole]


def _tag_with(part: PartSource, token: str) -> Tag | None:
    pattern = re.compile(r"(?<![\w])" + re.escape(token) + r"(?!\w)")
    return next((t for t in part.tags if t.opener != "{#" and pattern.search(t.jinja[2:-2])), None)


# ----------------------------------------------------------------------------- names and loops


@dataclass
class _Use:
    """A finding of the name analysis, before it is placed: Jinja line, token, message ("\0" = tag)."""

    severity: str
    line: int
    token: str  # the name or dotted path to find in the tag ("b.txt")
    message: str
    code: str
    word: str = ""  # the statement the expression belongs to: "for", "if", "elif", "set", "{{"…


class _Scope:
    def __init__(self, parent: "_Scope | None" = None):
        self.parent = parent
        self.vars: dict[str, tuple[Shape | None, str]] = {}

    def lookup(self, name: str):
        scope = self
        while scope is not None:
            if name in scope.vars:
                return scope.vars[name]
            scope = scope.parent
        return None

    def child(self) -> "_Scope":
        return _Scope(self)


_KEEP_FILTERS = {"default", "d", "sort", "unique", "reverse", "list", "select", "reject", "selectattr",
                 "rejectattr", "slice", "batch", "safe", "trim"}
_ITEM_FILTERS = {"first", "last", "random"}
_STR_FILTERS = {"join", "string", "upper", "lower", "title", "capitalize", "striptags", "replace", "truncate",
                "wordwrap", "center", "indent", "format", "e", "escape", "urlize", "vnd", "so", "bang_chu",
                "xmlattr", "filesizeformat", "pprint", "tojson", "urlencode", "forceescape"}
_NUM_FILTERS = {"length", "count", "int", "float", "round", "sum", "abs", "wordcount"}
_TAG = "\x00"


class _Analyzer:
    """Walks a part's Jinja AST: names, attribute paths and loops, checked against a data shape."""

    def __init__(self, root: Shape, kind: str, env):
        self.root, self.kind, self.env = root, kind, env
        self.uses: list[_Use] = []
        self.top: list[tuple[str, int, bool, str]] = []  # (name, line, guarded, word) of every context name read
        self.word = ""
        self.loop_vars: dict[str, str] = {}  # loop variable → the list it runs over

    def use(self, severity: str, line: int, token: str, message: str, code: str, word: str | None = None) -> None:
        self.uses.append(_Use(severity, line, token, message, code, self.word if word is None else word))

    # statements
    def stmts(self, body, scope: _Scope) -> None:
        for node in body:
            self.stmt(node, scope)

    def stmt(self, node, scope: _Scope, word: str = "") -> None:
        if isinstance(node, nodes.For):
            self.word = "for"
            ref = self.expr(node.iter, scope)
            item = self.check_loop(node, ref)
            inner = scope.child()
            if isinstance(node.target, nodes.Name):
                self.loop_vars.setdefault(node.target.name, ref[1])
            self.bind(node.target, item, inner, origin=ref[1])
            inner.vars["loop"] = (_loop_shape(), "")
            if node.test is not None:
                self.word = "for"
                self.expr(node.test, inner)
            self.stmts(node.body, inner)
            self.stmts(node.else_, scope)
        elif isinstance(node, nodes.If):
            self.word = word or "if"
            self.expr(node.test, scope)
            self.stmts(node.body, scope)
            for branch in node.elif_:
                self.stmt(branch, scope, "elif")
            self.stmts(node.else_, scope)
        elif isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.word = "{{"
                    self.expr(child, scope)
        elif isinstance(node, nodes.Assign):
            self.word = "set"
            shape = self.expr(node.node, scope)[0]
            self.bind(node.target, shape, scope)
        elif isinstance(node, nodes.AssignBlock):
            self.stmts(node.body, scope)
            self.bind(node.target, _scalar("str"), scope)
        elif isinstance(node, nodes.With):
            self.word = "with"
            inner = scope.child()
            for target, value in zip(node.targets, node.values):
                self.bind(target, self.expr(value, scope)[0], inner)
            self.stmts(node.body, inner)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            self.word = "macro" if isinstance(node, nodes.Macro) else "call"
            if isinstance(node, nodes.Macro):
                scope.vars[node.name] = (None, "")
            else:
                self.expr(node.call, scope)
            inner = scope.child()
            for name in ("varargs", "kwargs", "caller"):
                inner.vars[name] = (None, "")
            for arg in node.args:
                inner.vars[arg.name] = (None, "")
            for default in node.defaults:
                self.expr(default, scope)
            self.stmts(node.body, inner)
        elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            self.use(ERROR, node.lineno, "", f"thẻ '{_TAG}' nạp một mẫu khác; mẫu .docx không dùng "
                     "được include/import/extends (không có thư mục mẫu Jinja).", "cu-phap", word="")
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Stmt):
                    self.stmt(child, scope)
                elif isinstance(child, nodes.Expr):
                    self.expr(child, scope)

    def bind(self, target, shape: Shape | None, scope: _Scope, origin: str = "") -> None:
        if isinstance(target, nodes.Name):
            scope.vars[target.name] = (shape, origin)
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, None, scope)
        elif isinstance(target, nodes.NSRef):
            pass

    def check_loop(self, node: nodes.For, ref) -> Shape | None:
        shape, path, _ = ref
        if shape is None or not shape.known:
            return None
        types = shape.types - {"none"}
        if "list" in types:
            return shape.item
        token = path
        if types == {"dict"}:
            self.use(WARNING, node.lineno, token,
                     f"vòng lặp '{_TAG}' chạy trên '{path}' là {shape.describe()} chứ không phải danh "
                     f"sách; mỗi lượt lặp sẽ chỉ là tên một trường.", "lap", "for")
            return _scalar("str")
        effect = ("mỗi lượt lặp sẽ là một ký tự" if types <= {"str"}
                  else "docxtpl sẽ báo lỗi khi tạo văn bản")
        self.use(ERROR, node.lineno, token,
                 f"vòng lặp '{_TAG}' chạy trên '{path}', nhưng trong dữ liệu của loại '{self.kind}' "
                 f"'{path}' là {shape.describe()}, không phải danh sách; {effect}.", "lap", "for")
        return None

    # expressions: (shape or None when unknown, dotted path, origin of a loop variable)
    def expr(self, node, scope: _Scope, guarded: bool = False):
        if isinstance(node, nodes.Name):
            found = scope.lookup(node.name)
            if found is not None:
                return found[0], node.name, found[1]
            self.top.append((node.name, node.lineno, guarded, self.word))
            if node.name in self.env.globals:
                return None, node.name, ""
            return self.root.keys.get(node.name), node.name, ""
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, node.node, node.attr, scope, guarded)
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(node, node.node, node.arg.value, scope, guarded)
            base = self.expr(node.node, scope, guarded)
            self.expr(node.arg, scope)
            shape = base[0]
            if shape is not None and "list" in shape.types and isinstance(node.arg, nodes.Const):
                return shape.item, f"{base[1]}[{node.arg.value}]", ""
            return (shape if isinstance(node.arg, nodes.Slice) else None), base[1], ""
        if isinstance(node, nodes.Filter):
            guard = node.name in ("default", "d")
            base = self.expr(node.node, scope, guarded or guard) if node.node is not None else (None, "", "")
            self.visit_args(node, scope)
            if node.name in _KEEP_FILTERS:
                return base[0], base[1], base[2]
            if node.name in _ITEM_FILTERS:
                return (base[0].item if base[0] is not None and "list" in base[0].types else None), base[1], ""
            if node.name in _STR_FILTERS:
                return _scalar("str"), base[1], ""
            if node.name in _NUM_FILTERS:
                return _scalar("number"), base[1], ""
            return None, base[1], ""
        if isinstance(node, nodes.Test):
            guard = node.name in ("defined", "undefined", "none")
            self.expr(node.node, scope, guarded or guard)
            self.visit_args(node, scope)
            return _scalar("bool"), "", ""
        if isinstance(node, nodes.Call):
            if isinstance(node.node, nodes.Getattr):
                base = self.expr(node.node.node, scope, guarded)
                shape = base[0]
                attr = node.node.attr
                if shape is not None and shape.known and not (
                        ("dict" in shape.types and (attr in shape.keys or attr in _DICT_METHODS))
                        or _has_method(shape, attr)):
                    self.attribute(node.node, node.node.node, attr, scope, guarded, base=base)
            else:
                self.expr(node.node, scope, guarded)
            self.visit_args(node, scope)
            return None, "", ""
        if isinstance(node, nodes.Const):
            return None, repr(node.value), ""
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child, scope, guarded if isinstance(node, (nodes.CondExpr, nodes.Or)) else False)
        return None, "", ""

    def visit_args(self, node, scope: _Scope) -> None:
        for arg in list(node.args) + [kw.value for kw in node.kwargs]:
            self.expr(arg, scope)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.expr(extra, scope)

    def attribute(self, node, base_node, attr: str, scope: _Scope, guarded: bool, base=None):
        shape, path, origin = base if base is not None else self.expr(base_node, scope, guarded)
        full = f"{path}.{attr}" if path else attr
        if shape is None or not shape.known:
            return None, full, ""
        severity = WARNING if guarded else ERROR
        if "dict" in shape.types:
            if attr in shape.keys:
                return shape.keys[attr], full, ""
            if attr in _DICT_METHODS:
                return None, full, ""
            keys = sorted(shape.keys)
            what = f"mỗi mục '{path}' của danh sách '{origin}'" if origin else f"'{path}'"
            if path == "loop" and not origin:
                what = "biến 'loop' của vòng lặp"
            s = _suggest(attr, keys)
            self.use(severity, node.lineno, full,
                     f"thẻ '{_TAG}' dùng trường '{full}' không có trong dữ liệu của loại '{self.kind}': "
                     f"{what} chỉ có các trường {', '.join(keys) or '(không có trường nào)'}"
                     + (f"; có phải '{s}'?" if s else "."), "truong-la")
            return None, full, ""
        if _has_method(shape, attr):
            return None, full, ""
        if "list" in shape.types:
            hint = f"; muốn lấy từng mục hãy dùng vòng lặp '{{% for muc in {path} %}}'"
        else:
            hint = ""
        self.use(severity, node.lineno, full,
                 f"thẻ '{_TAG}' dùng '{full}', nhưng '{path}' là {shape.describe()}, không có trường "
                 f"'{attr}'{hint}.", "truong-la")
        return None, full, ""


def _has_method(shape: Shape, attr: str) -> bool:
    samples = {"str": "", "number": 0, "list": [], "dict": {}, "bool": True}
    return any(t in samples and hasattr(samples[t], attr) for t in shape.types) or (
        bool(shape.types & {"rich", "image"}))


def _check_names(part: PartSource, data: KindData, env, problems: list[TemplateProblem]) -> set[str]:
    """Unknown names, unknown attributes and loops over non-lists in one part; returns the unknown names."""
    root_keys = sorted(data.root.keys)
    valid = set(root_keys) | set(env.globals)

    counts: dict = {}

    def place(use: _Use) -> tuple[list[int], Tag | None]:
        """The tag a finding comes from: on its Jinja line, holding its name or path, of its statement
        kind; the n-th such finding on a line goes to the n-th such tag."""
        tag = None
        if use.line:
            tags = [t for t in part.tags if t.line == use.line and t.dropped_by is None]
            for pattern in _token_patterns(use.token):
                found = [t for t in tags if pattern.search(t.jinja[2:-2])]
                if found:
                    tags = found
                    break
            same = [t for t in tags if (t.opener == "{{" if use.word == "{{" else t.word == use.word)]
            tags = same or tags
            if tags:
                key = (use.line, use.token, use.word)
                n = counts.get(key, 0)
                counts[key] = n + 1
                tag = tags[min(n, len(tags) - 1)]
        if tag is None and use.token:
            tag = _tag_with(part, use.token.rsplit(".", 1)[-1])
        if tag is not None:
            return tag.paragraphs, tag
        p = part.paragraph_of_line(use.line) if use.line else None
        return ([p] if p is not None else []), None

    loop_vars: dict[str, str] = {}

    def unknown_message(name: str) -> str:
        if name in loop_vars:
            return (f"thẻ '{_TAG}' dùng '{name}' ở ngoài vòng lặp: '{name}' là biến của vòng lặp "
                    f"'{{% for {name} in {loop_vars[name] or '…'} %}}', chỉ dùng được giữa thẻ đó và thẻ endfor.")
        s = _suggest(name, root_keys)
        return (f"thẻ '{_TAG}' dùng trường '{name}' không có trong dữ liệu của loại '{data.kind}'"
                + (f" (có phải '{s}'?)" if s else "") + f"; các trường có: {', '.join(root_keys)}.")

    uses: list[_Use] = []
    unknown: set[str] = set()
    if part.ast is not None:
        analyzer = _Analyzer(data.root, data.kind, env)
        analyzer.stmts(part.ast.body, _Scope())
        loop_vars.update(analyzer.loop_vars)
        uses += analyzer.uses
        undeclared = meta.find_undeclared_variables(part.ast) - valid
        unknown |= undeclared
        for name in sorted(undeclared):
            reads = [(line, guarded, word) for n, line, guarded, word in analyzer.top if n == name]
            if not reads:
                uses.append(_Use(ERROR, 0, name, unknown_message(name), "truong-la"))
            for line, guarded, word in reads:
                uses.append(_Use(WARNING if guarded else ERROR, line, name, unknown_message(name), "truong-la", word))
    else:
        # The part does not compile: check the names of each {{ }} tag on its own, every name bound
        # by a loop, set, with or macro anywhere in the part counted as declared.
        bound = set()
        for tag in part.tags:
            m = re.match(r"(?:for\s+([\w\s,]+?)\s+in\b|set\s+([\w\s,]+?)\s*=|set\s+(\w+)\s*$|with\s+(.*)|macro\s+(\w+))",
                         tag.body) if tag.opener == "{%" else None
            if m:
                bound |= set(re.findall(r"\w+", next(g for g in m.groups() if g)))
        bound.add("loop")
        for tag in part.tags:
            if tag.opener != "{{" or tag.dropped_by is not None:
                continue
            try:
                names = meta.find_undeclared_variables(env.parse(tag.jinja))
            except TemplateSyntaxError:
                continue
            for name in sorted(names - valid - bound):
                unknown.add(name)
                problems.append(part.problem(ERROR, unknown_message(name).replace(_TAG, tag.shown), "truong-la", tag))
    for use in uses:
        paragraphs, tag = place(use)
        shown = tag.shown if tag else (use.token or "?")
        problems.append(part.problem(use.severity, use.message.replace(_TAG, shown), use.code, tag, paragraphs))
    return unknown


# ----------------------------------------------------------------------------- rendering with data


def _template_line() -> int:
    """The template line of the innermost Jinja frame on the stack (0 when none)."""
    frame = sys._getframe(2)
    for _ in range(60):
        if frame is None:
            break
        tpl = frame.f_globals.get("__jinja_template__")
        if tpl is not None:
            return tpl.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return 0


def recording_undefined(records: list):
    """A StrictUndefined whose every failing use is recorded in ``records`` as (name, owner, template
    line, the undefined itself) instead of stopping the rendering, so one render lists everything
    that is missing. Where StrictUndefined raises, this one records and acts as empty/False/0."""

    class RecordingUndefined(StrictUndefined):
        __slots__ = ()

        def _record(self):
            records.append((self._undefined_name, self._undefined_obj, _template_line(), self))
            return self

        def __str__(self):
            self._record()
            return ""

        def __iter__(self):
            self._record()
            return iter(())

        def __len__(self):
            self._record()
            return 0

        def __bool__(self):
            self._record()
            return False

        def __eq__(self, other):
            self._record()
            return False

        def __ne__(self, other):
            self._record()
            return True

        def __hash__(self):
            return id(self)

        def __contains__(self, item):
            self._record()
            return False

        def __getattr__(self, name):
            if name[:2] == "__" and name[-2:] == "__":
                raise AttributeError(name)
            return self._record()

        def __int__(self):
            self._record()
            return 0

        def __float__(self):
            self._record()
            return 0.0

        def __complex__(self):
            self._record()
            return 0j

    def fail(self, *args, **kwargs):
        return self._record()

    for name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__div__", "__rdiv__",
                 "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pos__",
                 "__neg__", "__call__", "__getitem__", "__lt__", "__le__", "__gt__", "__ge__", "__pow__", "__rpow__"):
        setattr(RecordingUndefined, name, fail)
    return RecordingUndefined


def _describe_item(obj) -> str:
    if isinstance(obj, Mapping):
        if "kind" in obj:
            return f"mục có kind = '{obj['kind']}' (có các trường: {', '.join(sorted(map(str, obj)))})"
        return f"nhóm trường có: {', '.join(sorted(map(str, obj)))}"
    return f"giá trị kiểu {type(obj).__name__}"


def _render_with_data(parts: list[PartSource], contexts, source: str, problems: list[TemplateProblem],
                      reported: Set[str] = frozenset(), *, report_missing: bool = True, failures: bool = True) -> bool:
    """Render every compiled part with every context, recording what is missing; True when clean.

    ``source`` names the data in messages ("dữ liệu của tệp X"). Top-level names in ``reported``
    (already reported as unknown to the kind) are not repeated; ``report_missing=False`` reports no missing
    name at all, ``failures=False`` only what goes beyond the renderer's limits. A part stops at its
    first failure: one report is enough, and a hostile loop costs its time limit once.
    """

    clean = True
    for part in parts:
        if part.compiled is None:
            continue
        records: list = []
        env = part.compiled.environment
        saved = env.undefined
        env.undefined = recording_undefined(records)
        try:
            for context in contexts:
                try:
                    part.compiled.render(context)
                except Exception as exc:  # a user's template can fail in any way: report, do not crash
                    limit = isinstance(exc, (TemplateLimit, RecursionError))
                    if not (limit or failures):
                        continue
                    line = _traceback_line(exc)
                    tag = _tag_on_line(part, line) if line else None
                    paragraphs = tag.paragraphs if tag else [p for p in [part.paragraph_of_line(line)] if p is not None]
                    shown = f"thẻ '{tag.shown}': " if tag else ""
                    if limit:
                        why = str(exc) if isinstance(exc, TemplateLimit) else "macro gọi lồng nhau quá sâu"
                        problems.append(part.problem(
                            ERROR, f"{shown}điền thử {source}, mẫu vượt giới hạn an toàn: {why}; tạo văn bản bằng "
                            "mẫu này sẽ bị dừng (lỗi mẫu, mã thoát 3).", "gioi-han", tag, paragraphs))
                    else:
                        problems.append(part.problem(
                            ERROR, f"{shown}lỗi khi điền {source}: {_failure(exc, env)}.",
                            "thieu-du-lieu", tag, paragraphs))
                    clean = False
                    break
        finally:
            env.undefined = saved
        seen: dict = {}
        for name, obj, line, undefined in records if report_missing else ():  # one entry per use; several per Undefined
            entry = seen.setdefault((name, line), [name, obj, set(), line, undefined])
            entry[2].add(id(undefined))
        for name, obj, ids, line, undefined in seen.values():
            count = len(ids)
            clean = False
            if obj is missing and name in reported:
                continue
            tag = _tag_on_line(part, line, name or "") if line else None
            if tag is None and name:
                tag = _tag_with(part, name)
            paragraphs = tag.paragraphs if tag else [p for p in [part.paragraph_of_line(line)] if p is not None]
            shown = f"thẻ '{tag.shown}' " if tag else ""
            if name is None:
                what = f"một giá trị không có ({undefined._undefined_message})"
            elif obj is missing:
                what = f"trường '{name}', nhưng dữ liệu không có trường này"
            else:
                what = f"trường '{name}', nhưng {_describe_item(obj)} không có trường này"
            times = f" (gặp {count} lần)" if count > 1 else ""
            problems.append(part.problem(
                ERROR, f"với {source}, {shown}cần {what}{times}; khi tạo văn bản sẽ báo lỗi thiếu dữ liệu.",
                "thieu-du-lieu", tag, paragraphs))
    return clean


def _trial_render(kind: str, parts: list[PartSource], problems: list[TemplateProblem], notes: list[str]) -> None:
    """Without a data file: render the template with the kind's samples, then with every declared
    field present, under the renderer's limits. Names the samples leave out are not reported (the
    name check covers them); a failure with made-up data is not either, only a limit exceeded."""

    if not any(p.compiled is not None and p.tags for p in parts):
        return
    trials = [(source, contexts, True) for source, contexts in sample_contexts(kind)]
    trials.append((f"dữ liệu có đủ mọi trường khai báo của loại '{kind}'",
                   (declared_context(kind_data(kind).root),), False))
    before = len(problems)
    for part in parts:
        for source, contexts, real in trials:
            if not _render_with_data([part], contexts, source, problems, report_missing=False, failures=real):
                break
    if len(problems) == before:
        samples = len(trials) - 1
        notes.append(f"Đã điền thử mẫu trong bộ nhớ với {samples} bộ dữ liệu mẫu của loại '{kind}' và một bộ có đủ "
                     "mọi trường khai báo: không vượt giới hạn an toàn của việc tạo văn bản." if samples else
                     f"Đã điền thử mẫu trong bộ nhớ với một bộ dữ liệu có đủ mọi trường khai báo của loại '{kind}': "
                     "không vượt giới hạn an toàn của việc tạo văn bản.")


def _failure(exc: BaseException, env) -> str:
    return render_failure(exc, env) if isinstance(exc, JinjaError) else python_error(exc)


def _traceback_line(exc: BaseException) -> int:
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        tpl = frame.f_globals.get("__jinja_template__")
        if tpl is not None:
            line = tpl.get_corresponding_lineno(tb.tb_lineno)
        elif frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _check_data(path: Path, kind: str, data: Path, parts: list[PartSource], problems: list[TemplateProblem],
                notes: list[str], reported: Set[str] = frozenset()) -> None:
    """Validate the data file, then render the template with it (recording, then strict)."""

    read_spec_data(data)  # a file that cannot be read at all is a DataError for the caller (exit 2)
    try:
        contexts = _spec_contexts(data, kind)
    except DataError as exc:
        for problem in exc.problems:
            where = ", ".join(x for x in (f"trường '{problem.path}'" if problem.path else "",
                                          f"dòng {problem.line}" if problem.line else "",
                                          f"hàng {problem.row}" if problem.row else "") if x)
            problems.append(TemplateProblem(ERROR, f"tệp dữ liệu {data}" + (f", {where}" if where else ""), "",
                                            problem.message, "du-lieu", (10**6,)))
        notes.append("Dữ liệu không hợp lệ nên chưa điền thử vào mẫu; sửa các lỗi dữ liệu rồi chạy lại.")
        return
    if not contexts:
        notes.append(f"Tệp {data} không cho dữ liệu nào để điền thử (bảng kết quả không có dòng hợp lệ).")
        return
    if not _render_with_data(parts, contexts, f"dữ liệu của tệp {data}", problems, reported):
        return
    if any(p.compiled is None for p in parts):
        notes.append("Mẫu còn lỗi cú pháp nên chưa tạo thử cả văn bản với dữ liệu.")
        return

    try:
        render_document(path, contexts[0])
    except TemplateError as exc:
        message = exc.message.split("\n", 1)[0]
        message = message.split(": ", 1)[1] if ": " in message else message
        problems.append(TemplateProblem(ERROR, exc.where, exc.nearby, f"tạo thử văn bản với tệp {data}: {message}",
                                        "tao-thu", (10**6,)))
    except OcopError as exc:
        problems.append(TemplateProblem(ERROR, "", "", f"tạo thử văn bản với tệp {data}: {exc}", "tao-thu", (10**6,)))
    except Exception as exc:  # docxtpl/lxml failing on what a tag produced: the user's template, not a bug here
        problems.append(TemplateProblem(
            ERROR, "", "", f"tạo thử văn bản với tệp {data} không được ({python_error(exc)}); thường do một "
            f"thẻ {{%tr%}}/{{%tc%}}/{{%p%}} đặt sai chỗ làm hỏng cấu trúc văn bản.", "tao-thu", (10**6,)))
    else:
        notes.append(f"Đã tạo thử văn bản với dữ liệu của tệp {data}: không thiếu dữ liệu nào.")


# ----------------------------------------------------------------------------- the check


def check_template(path: str | os.PathLike, kind: str, data: str | os.PathLike | None = None) -> TemplateReport:
    """The problems of the docxtpl template at ``path`` used for documents of ``kind``.

    ``kind`` is one of :func:`template_kinds` (the registered kinds, by id or older name);
    ``data`` is a spec (YAML/JSON; for "certificate" an issuer file) to render the template with.
    Raises :class:`UnreadableFile` when ``path`` is not a readable .docx, :class:`ValueError` for an
    unknown kind and :class:`DataError` when ``data`` cannot be read at all (invalid fields are
    reported as problems). The template is opened read-only and never modified.
    """
    entry = kinds.find(kind)
    if entry is None:
        raise ValueError(f"loại '{kind}' không có; chọn một trong: {kinds.choices_text()}")
    kind = entry.id
    path = Path(path)
    document = open_docx(path)
    try:
        view = read_document(document)
    except Exception as exc:  # hostile XML the reader cannot walk: the file is unusable as a template
        raise UnreadableFile(f"Tệp {path} không đọc được nội dung (cấu trúc XML bất thường).") from exc

    env = make_environment()
    report = TemplateReport(str(path), kind, str(data) if data is not None else None)
    problems = report.problems
    parts = _part_sources(document, view)
    for part in parts:
        _scan_tags(part, problems)
        _mark_dropped(part, problems)
        _check_broken_tags(part, view, problems)
        _check_tag_syntax(part, env, problems)
        _check_blocks(part, problems)
        _compile_part(part, env, problems)
    shape = kind_data(kind)
    unknown: set[str] = set()
    for part in parts:
        unknown |= _check_names(part, shape, env, problems)
    report.notes.append(f"Tên trường được đối chiếu với các trường khai báo cho loại '{kind}' ({entry.name}).")
    if any(p.ast is None and p.tags for p in parts):
        report.notes.append("Mẫu còn lỗi cú pháp nên mới kiểm tra tên trường trong từng thẻ {{ }}; sửa các lỗi "
                            "trên rồi chạy lại để kiểm tra đầy đủ (trường của mục trong vòng lặp, vòng lặp).")
    if data is not None:
        _check_data(path, kind, Path(data), parts, problems, report.notes, unknown)
    else:
        _trial_render(kind, parts, problems, report.notes)
    if not any(p.tags for p in parts):
        report.notes.append("Mẫu không có thẻ nào ({{ }} hoặc {% %}); văn bản tạo ra sẽ giống hệt mẫu.")
    report.problems = _dedupe(problems)
    return report


def _dedupe(problems: list[TemplateProblem]) -> list[TemplateProblem]:
    seen, out = set(), []
    for p in problems:
        key = (p.severity, p.location, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return sorted(out, key=lambda p: p.order)


__all__ = [
    "TemplateProblem", "TemplateReport", "check_template", "declared_context", "declared_shape",
    "format_template_report", "kind_data", "recording_undefined", "sample_contexts", "template_kinds", "vi_syntax_message",
]
