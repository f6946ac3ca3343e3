"""A docxtpl template compiled once and rendered many times: the fast path of a batch.

``DocxTemplate(t).render(context)`` costs ~20–25 ms a document (benchmarks/bench_certificates.py): it re-reads
the package, re-runs the regex clean-up of the XML (``patch_xml``), re-compiles the Jinja
template, re-parses the result and re-compresses every part, including the unchanged ones.
For a batch, all of that but the rendering itself is the same every time, so here it is done
once:

* the body (and any header/footer holding tags) is prepared exactly as docxtpl prepares it —
  ``DocxTemplate.patch_xml`` and the newline before each ``<w:p`` of ``render_xml_part`` —
  and compiled by the project's sandboxed, strict, escaping environment
  (:func:`ocop_docs.render.environment.make_environment`);
* per row only that template is rendered, finished the way docxtpl finishes it (newlines
  removed, ``{_{`` escapes restored, ``resolve_listing`` when the text has tabs or line
  breaks, ``fix_tables`` only when the template uses ``{%tc``, ``wp:docPr`` ids renumbered
  from 1001), checked to be well-formed XML, and deflated;
* the package is written by copying every other entry's already-compressed bytes as they
  are (``_Entry``): no part is parsed or compressed again.

Images that change per row (the QR code) are *image slots*: the context value renders the same
``w:drawing`` run as docxtpl's ``InlineImage`` but points to a fixed relationship, added to the
package once, whose media part is the only other entry written per row. The output equals
plain docxtpl's in content: ``tests/certificates/test_compiled.py`` compares the two.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from docx.opc.oxml import serialize_part_xml
from docx.oxml.shape import CT_Inline
from docx.shared import Emu
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError
from lxml import etree
from markupsafe import Markup

from ..errors import TemplateError
from ..render.environment import make_environment
from ..render.jinja_messages import render_failure
from ..render.templates import read_template

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
_BODY_OPEN = re.compile(r"<w:body\b[^>]*>")
_TAG = re.compile(r"{[{%]")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class _Entry:
    """One zip entry of the template, kept as its compressed bytes."""

    name: bytes
    method: int
    crc: int
    compressed: bytes
    size: int
    dostime: int
    dosdate: int
    flags: int


def _dos(date_time: tuple) -> tuple[int, int]:
    y, mo, d, h, mi, s = date_time
    return (h << 11) | (mi << 5) | (s // 2), ((max(y, 1980) - 1980) << 9) | (mo << 5) | d


def _raw_entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Every entry of a zip with its compressed bytes, read straight from the file's bytes."""
    out = []
    with io.BytesIO(data) as fh, zipfile.ZipFile(fh) as zf:
        for info in zf.infolist():
            fh.seek(info.header_offset)
            header = fh.read(30)
            if header[:4] != b"PK\x03\x04":
                raise zipfile.BadZipFile(f"bad local header for {info.filename}")
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            fh.seek(info.header_offset + 30 + name_len + extra_len)
            out.append((info, fh.read(info.compress_size)))
    return out


def deflate(data: bytes) -> bytes:
    """Raw deflate (zip method 8); the same bytes for the same input.

    Level 1: a certificate's document.xml is ~9 KB; level 6 (python-docx's) makes it ~10 %
    smaller and costs twice the time.
    """
    c = zlib.compressobj(1, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _entry(name: str, data: bytes, date_time: tuple, compress: bool = True) -> _Entry:
    dostime, dosdate = _dos(date_time)
    encoded = name.encode("utf-8")
    flags = 0x800 if not name.isascii() else 0
    if compress:
        return _Entry(encoded, zipfile.ZIP_DEFLATED, zlib.crc32(data), deflate(data), len(data), dostime, dosdate, flags)
    return _Entry(encoded, zipfile.ZIP_STORED, zlib.crc32(data), data, len(data), dostime, dosdate, flags)


def write_zip(entries: list[_Entry]) -> bytes:
    """A zip archive of ``entries`` (no data descriptors, no zip64: parts are small)."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        offset = len(out)
        out += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, e.flags, e.method, e.dostime, e.dosdate,
            e.crc, len(e.compressed), e.size, len(e.name), 0,
        )
        out += e.name
        out += e.compressed
        central += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, e.flags, e.method, e.dostime, e.dosdate,
            e.crc, len(e.compressed), e.size, len(e.name), 0, 0, 0, 0, 0, offset,
        )
        central += e.name
    start = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def _png_1x1() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


_BLANK_PNG = _png_1x1()  # a white pixel, for an image slot left empty


@dataclass(frozen=True)
class ImageSlot:
    """A context variable that holds a per-row picture (the QR code), at a fixed size in EMU."""

    name: str
    cx: int
    cy: int
    extension: str = "png"


class _ImageRun(Markup):
    """What an image slot renders to: the run of docxtpl's ``InlineImage``, fixed relationship."""


def image_run(drawing: str) -> Markup:
    """The text an image variable renders to: close the run, the drawing run, reopen a run."""
    return _ImageRun(
        '</w:t></w:r><w:r><w:drawing>' + drawing + '</w:drawing></w:r><w:r><w:t xml:space="preserve">'
    )


def drawing_xml(rid: str, slot: ImageSlot) -> str:
    """A ``wp:inline`` picture pointing to ``rid`` (python-docx's ``new_pic_inline`` markup)."""
    inline = CT_Inline.new_pic_inline(1, rid, f"{slot.name}.{slot.extension}", Emu(slot.cx), Emu(slot.cy))
    return etree.tostring(inline, encoding="unicode")


class _Part:
    """One XML part holding tags: its compiled Jinja template and how to wrap the result."""

    def __init__(self, name: str, template, prefix: str, suffix: str, encoding: str = "utf-8"):
        self.name = name
        self.template = template
        self.prefix = prefix
        self.suffix = suffix
        self.encoding = encoding


class CompiledTemplate:
    """A .docx template prepared once; :meth:`render` gives a .docx per context, fast.

    ``image_slots`` are context variables that hold a per-row picture (bytes or None); each
    gets one relationship ``rIdOcop<name>`` and one media part ``word/media/ocop-<name>.<ext>``.
    """

    def __init__(self, path: str | Path, image_slots: tuple[ImageSlot, ...] = (), env=None):
        self.path = Path(path)
        self.env = env or make_environment()
        self.image_slots = {slot.name: slot for slot in image_slots}
        data, document = read_template(self.path)  # the zip limits and checks of `template check`
        try:
            raw = _raw_entries(data)
        except (zipfile.BadZipFile, struct.error, OSError) as exc:
            raise TemplateError(self.path, f"không mở được tệp mẫu ({exc.__class__.__name__})") from None
        self._tpl = DocxTemplate(io.BytesIO(data))
        self._tpl.docx = document
        self.date_time = raw[0][0].date_time if raw else (1980, 1, 1, 0, 0, 0)
        docx = self._tpl.docx
        main_name = docx.part.partname.lstrip("/")
        self._order: list[str] = [info.filename for info, _ in raw]
        self._entries: dict[str, _Entry] = {}
        for info, data in raw:
            dostime, dosdate = _dos(info.date_time)
            self._entries[info.filename] = _Entry(
                info.filename.encode("utf-8"), info.compress_type, info.CRC, data, info.file_size,
                dostime, dosdate, info.flag_bits & 0x800,
            )
        self.main_name = main_name
        self.uses_tc = False
        self.parts: dict[str, _Part] = {}
        self.parts[main_name] = self._compile_main(docx)
        for rel in docx.part.rels.values():
            if rel.reltype in (HEADER_REL, FOOTER_REL) and not rel.is_external:
                part = rel.target_part
                xml = self._tpl.get_part_xml(part)
                if _TAG.search(xml):
                    encoding = self._tpl.get_headers_footers_encoding(xml)
                    name = part.partname.lstrip("/")
                    self.parts[name] = _Part(name, self._compile(self._tpl.patch_xml(xml), name), "", "", encoding)
        for name in self._order:
            if name not in self.parts and name.endswith(".xml") and name.startswith(("word/", "docProps/")):
                data = zlib.decompress(self._entries[name].compressed, -15) if self._entries[name].method == 8 else self._entries[name].compressed
                if b"{{" in data or b"{%" in data:
                    raise TemplateError(
                        self.path, f"thẻ mẫu chỉ được đặt trong thân văn bản, đầu trang hoặc chân trang (thấy trong {name})"
                    )
        self._rels_name = self._main_rels()
        self._template_rels = self._read(self._rels_name)  # before the image slots' relationships
        self._slot_rids = {name: f"rIdOcop{name}" for name in self.image_slots}
        self._drawings = {name: drawing_xml(self._slot_rids[name], slot) for name, slot in self.image_slots.items()}
        if self.image_slots:
            self._add_image_relationships()

    # ------------------------------------------------------------------ compile

    def _read(self, name: str) -> bytes:
        e = self._entries[name]
        return zlib.decompress(e.compressed, -15) if e.method == zipfile.ZIP_DEFLATED else e.compressed

    def _compile(self, xml: str, where: str):
        if "{%tc" in xml.replace(" ", "") or "{%-tc" in xml.replace(" ", ""):
            self.uses_tc = True
        src = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        try:
            return self.env.from_string(src)
        except TemplateSyntaxError as exc:
            lines = src.splitlines()[max(exc.lineno - 4, 0) : exc.lineno + 3] if exc.lineno else []
            nearby = " … ".join(t for t in (re.sub(r"<[^>]+>", "", x).strip() for x in lines) if t)[:200]
            raise TemplateError(self.path, render_failure(exc, self.env), f"{where}, đoạn thứ {exc.lineno - 1} kể cả các "
                                "đoạn trong bảng" if exc.lineno else where, nearby) from None

    def _compile_main(self, docx) -> _Part:
        root = docx.element
        body_xml = self._tpl.get_xml()
        envelope = etree.fromstring(serialize_part_xml(root))
        body = envelope.find(f"{{{WORD_NS}}}body")
        marker = etree.SubElement(envelope, f"{{{WORD_NS}}}ocopBodyMarker")
        envelope.replace(body, marker)
        text = serialize_part_xml(envelope).decode("utf-8")
        prefix, _, suffix = text.partition(re.search(r"<w:ocopBodyMarker\s*/>", text).group(0))
        return _Part(self.main_name, self._compile(self._tpl.patch_xml(body_xml), "thân văn bản"), prefix, suffix)

    def _add_image_relationships(self) -> None:
        rels_name = self._main_rels()
        rels = etree.fromstring(self._read(rels_name), _PARSER)
        for name, slot in self.image_slots.items():
            rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
            rel.set("Id", self._slot_rids[name])
            rel.set("Type", IMAGE_REL)
            rel.set("Target", f"media/ocop-{name}.{slot.extension}")
        self._entries[rels_name] = _entry(rels_name, etree.tostring(rels, encoding="UTF-8", standalone=True), self.date_time)
        ct = etree.fromstring(self._read("[Content_Types].xml"), _PARSER)
        have = {d.get("Extension", "").lower() for d in ct.findall(f"{{{CT_NS}}}Default")}
        for slot in self.image_slots.values():
            if slot.extension not in have:
                d = etree.Element(f"{{{CT_NS}}}Default")
                d.set("Extension", slot.extension)
                d.set("ContentType", f"image/{slot.extension}")
                ct.insert(0, d)
                have.add(slot.extension)
        self._entries["[Content_Types].xml"] = _entry(
            "[Content_Types].xml", etree.tostring(ct, encoding="UTF-8", standalone=True), self.date_time
        )

    # ------------------------------------------------------------------ render

    def _context(self, context: dict, images: dict[str, bytes | None], rids: dict[str, str] | None = None) -> dict:
        ctx = dict(context)
        for name, slot in self.image_slots.items():
            if images.get(name):
                drawing = self._drawings[name] if rids is None else drawing_xml(rids[name], slot)
                ctx[name] = image_run(drawing)
            else:
                ctx[name] = ""
        return ctx

    def _finish(self, xml: str) -> str:
        """What docxtpl does after Jinja (render_xml_part, resolve_listing, fix_tables, ids)."""
        # docxtpl: re.sub(r"\n<w:p([ >])", r"<w:p\1", xml), as two plain replaces (no match objects)
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        if "{_" in xml or "_}" in xml:
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if "\t" in xml or "\a" in xml or "\n" in xml or "\f" in xml:
            xml = self._tpl.resolve_listing(xml)
        if self.uses_tc:
            xml = etree.tostring(self._tpl.fix_tables(xml), encoding="unicode")
        return xml

    def _render_part(self, part: _Part, ctx: dict) -> str:
        try:
            return self._finish(part.template.render(ctx))
        except Exception as exc:  # the template's fault (a tag, a limit, its own arithmetic), or ours: re-raised
            reason = render_failure(exc, self.env)
            if reason is None:
                raise
            raise TemplateError(self.path, reason) from None

    @staticmethod
    def _renumber(xml: str, start: int = 1000) -> str:
        if "<wp:docPr" not in xml:
            return xml
        counter = iter(range(start + 1, start + 1_000_000))
        return _DOCPR_ID.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(3)}", xml)

    def _check(self, data: bytes, name: str) -> None:
        """Refuse XML that is not well-formed (a template whose tags cut through the structure).

        Plain docxtpl re-parses with a recovering parser and silently drops what it cannot
        read; here the part is checked with expat (no handlers: ~0.1 ms for a certificate).
        """
        parser = expat.ParserCreate()
        try:
            parser.Parse(data, True)
        except expat.ExpatError as exc:
            raise TemplateError(
                self.path,
                f"mẫu sinh ra XML không hợp lệ trong {name} ({expat.ErrorString(exc.code)}, dòng {exc.lineno}); "
                "kiểm tra các thẻ {%p %} / {%tr %}",
            ) from None

    def render_parts(self, context: dict, images: dict[str, bytes | None] | None = None) -> dict[str, bytes]:
        """The rendered XML parts (main document, headers/footers with tags) as stored bytes."""
        ctx = self._context(context, images or {})
        out = {}
        for name, part in self.parts.items():
            xml = self._render_part(part, ctx)
            if name == self.main_name:
                data = (part.prefix + self._renumber(xml) + part.suffix).encode("utf-8")
            else:
                data = xml.encode(part.encoding)
            self._check(data, name)
            out[name] = data
        return out

    def render(self, context: dict, images: dict[str, bytes | None] | None = None) -> bytes:
        """The .docx (bytes) of ``context``; the same context always gives the same bytes."""
        images = images or {}
        parts = self.render_parts(context, images)
        entries = []
        for name in self._order:
            if name in parts:
                entries.append(_entry(name, parts[name], self.date_time))
            else:
                entries.append(self._entries[name])
        for name in (n for n in self._entries if n not in self._order):
            entries.append(self._entries[name])
        for name, slot in self.image_slots.items():
            data = images.get(name) or _BLANK_PNG  # the relationship exists either way: never an empty part
            entries.append(_entry(f"word/media/ocop-{name}.{slot.extension}", data, self.date_time, compress=False))
        return write_zip(entries)

    # ------------------------------------------------------------------ combined documents

    def render_body(self, context: dict, images: dict[str, bytes | None] | None, tag: str) -> tuple[str, list[tuple[str, str, bytes]]]:
        """One document's body content (without ``w:body`` and its final ``w:sectPr``) for a
        combined document, its images under relationship ids made unique by ``tag``, and those
        images as (rId, target, bytes)."""
        images = images or {}
        rids = {name: f"rIdOcop{name}{tag}" for name in self.image_slots}
        ctx = self._context(context, images, rids)
        xml = self._render_part(self.parts[self.main_name], ctx)
        media = [
            (rids[name], f"media/ocop-{name}-{tag}.{slot.extension}", images[name])
            for name, slot in self.image_slots.items()
            if images.get(name)
        ]
        return xml, media

    def combine(self, bodies: list[tuple[str, list[tuple[str, str, bytes]]]]) -> bytes:
        """One .docx holding every body, each in its own section (a page of its own), for one
        LibreOffice conversion of a whole batch."""
        contents, sect = [], ""
        for xml, _ in bodies:
            inner = xml[_BODY_OPEN.match(xml).end() : xml.rindex("</w:body>")]
            start = inner.rfind("<w:sectPr")
            sect, inner = inner[start:], inner[:start]
            contents.append(inner)
        parts = []
        for i, inner in enumerate(contents):
            if i < len(contents) - 1:
                inner = _section_break(inner, sect, self.path)
            parts.append(inner)
        body_open = _BODY_OPEN.match(bodies[0][0]).group(0)
        main = self.parts[self.main_name]
        document = main.prefix + self._renumber(body_open + "".join(parts) + sect + "</w:body>") + main.suffix
        data = document.encode("utf-8")
        self._check(data, self.main_name)
        rels = etree.fromstring(self._template_rels, _PARSER)
        entries_media = []
        for _, media in bodies:
            for rid, target, blob in media:
                rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
                rel.set("Id", rid)
                rel.set("Type", IMAGE_REL)
                rel.set("Target", target)
                entries_media.append(_entry(f"word/{target}", blob, self.date_time, compress=False))
        rels_name = self._rels_name
        entries = []
        for name in self._order:
            if name == self.main_name:
                entries.append(_entry(name, data, self.date_time))
            elif name == rels_name:
                entries.append(_entry(name, etree.tostring(rels, encoding="UTF-8", standalone=True), self.date_time))
            else:
                entries.append(self._entries[name])
        return write_zip(entries + entries_media)

    def _main_rels(self) -> str:
        head, _, tail = self.main_name.rpartition("/")
        return f"{head}/_rels/{tail}.rels" if head else f"_rels/{tail}.rels"


def _section_break(inner: str, sect: str, template: Path) -> str:
    """``inner`` with ``sect`` put in its last paragraph's properties (a next-page section break)."""
    if not inner.endswith("</w:p>"):
        raise TemplateError(template, "mẫu phải kết thúc bằng một đoạn văn (không phải bảng) để ghép nhiều giấy chứng nhận")
    start = max(inner.rfind("<w:p>"), inner.rfind("<w:p "))
    paragraph = inner[start:]
    if paragraph.count("</w:p>") != 1:
        raise TemplateError(template, "đoạn văn cuối của mẫu không được chứa khung văn bản")
    if "</w:pPr>" in paragraph:
        paragraph = paragraph.replace("</w:pPr>", sect + "</w:pPr>", 1)
    elif paragraph.startswith("<w:pPr/>", paragraph.index(">") + 1):
        paragraph = paragraph.replace("<w:pPr/>", "<w:pPr>" + sect + "</w:pPr>", 1)
    else:
        head = paragraph.index(">") + 1
        paragraph = paragraph[:head] + "<w:pPr>" + sect + "</w:pPr>" + paragraph[head:]
    return inner[:start] + paragraph
