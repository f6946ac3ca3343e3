"""The PDFs of a batch: one PDF per certificate out of a converted document, each carrying only its
own objects (:func:`split_pages`), and the combined printing PDF (:func:`merge_documents`).

LibreOffice writes ONE ``/Resources`` dictionary shared by every page of a document, holding
every picture of it; ``convert.split_pdf`` copies a page with that dictionary, so each one-page
PDF of a 100-certificate document would carry 100 QR codes (measured: 445 KB a page for 17
pages). Here each page gets a resources dictionary with only the XObjects its content stream
draws (``/ImN Do``); fonts are kept (one subset per combined document).

Fast path (:func:`_split_raw`): a LibreOffice PDF is one classic cross-reference table without
object streams, so a page is written by copying, byte for byte, the objects it needs (content
stream, fonts, pictures, document information, PDF/A metadata and output intent), renumbered
1…n, with a new catalog, page tree, page and resources dictionary: ~0.5 ms a page where pypdf's
copy takes ~5 ms. Anything else (object streams, several cross-reference sections, encryption,
a page that reaches another page) takes the pypdf path, which gives the same pages.
Both keep the document information and, for PDF/A, the metadata and output intent, as
``convert.split_pdf`` does.

The combined PDF of 10,000 certificates is merged the same way, one source file at a time and
streamed to the output, so its memory does not grow with the batch (pypdf's merge holds every
page: ~77 MB for 2,100 pages).
"""
from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject

from ..convert import libreoffice, merge_pdfs
from ..errors import ConversionError

_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
# Literal and hex strings are matched (and kept) first, so a "1 0 R" inside a string is not a reference.
_TOKEN = re.compile(rb"\((?:\\.|[^\\)])*\)|<(?!<)[0-9A-Fa-f\s]*>|(\d+)\s+(\d+)\s+R(?![A-Za-z])")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_PAGE_TYPE = re.compile(rb"/Type\s*/Pages?\b")
_PAGES_TYPE = re.compile(rb"/Type\s*/Pages\b")
_CATALOG_KEEP = ("/Metadata", "/OutputIntents", "/Lang", "/ViewerPreferences")
_PAGE_DROP = ("/Parent", "/Resources", "/Annots", "/StructParents", "/B", "/Tabs")


class _Unsupported(Exception):
    """The source PDF is not the simple kind the raw path copies."""


def _serialize(obj) -> bytes:
    buffer = io.BytesIO()
    obj.write_to_stream(buffer)
    return buffer.getvalue()


def _pruned_resources(page):
    """The page's resources with only the XObjects its content draws (a new direct dictionary)."""
    resources = page.get("/Resources")
    if resources is None:
        return None
    resources = resources.get_object()
    contents = page.get_contents()
    used = set(_DO.findall(contents.get_data())) if contents is not None else set()
    pruned = DictionaryObject()
    for key in resources:
        if key == "/XObject":
            xobjects = resources[key].get_object()
            pruned[NameObject(key)] = DictionaryObject({NameObject(n): xobjects.raw_get(n) for n in xobjects if n[1:].encode() in used})
        else:
            pruned[NameObject(key)] = resources.raw_get(key)
    return pruned


class _Source:
    """The objects of a LibreOffice PDF as byte ranges of the file."""

    def __init__(self, data: bytes, reader):
        if reader.xref_objStm or "/Encrypt" in reader.trailer or data.count(b"startxref") != 1:
            raise _Unsupported("object streams, encryption or incremental updates")
        offsets = dict(reader.xref.get(0, {}))
        if any(gen != 0 and table for gen, table in reader.xref.items() if gen != 65535):
            raise _Unsupported("objects of generation > 0")
        end = int(data[data.rindex(b"startxref") + 9 :].split()[0])
        ordered = sorted((off, num) for num, off in offsets.items())
        self.data = data
        self.span: dict[int, tuple[int, int]] = {}
        for (off, num), (nxt, _) in zip(ordered, ordered[1:] + [(end, None)]):
            if not data.startswith(b"%d 0 obj" % num, off):
                raise _Unsupported(f"object {num} not at its offset")
            self.span[num] = (off, nxt)
        self._refs: dict[int, tuple[int, ...]] = {}

    def head(self, num: int) -> bytes:
        """The object without its stream data: "N 0 obj <<…>>" (all of it for a non-stream object)."""
        off, end = self.span[num]
        chunk = self.data[off:end]
        m = _STREAM.search(chunk)
        return chunk[: m.start() + 2] if m else chunk

    def raw(self, num: int) -> bytes:
        off, end = self.span[num]
        chunk = self.data[off:end].rstrip()
        if not chunk.endswith(b"endobj"):
            raise _Unsupported(f"object {num} does not end with endobj")
        return chunk

    def refs(self, num: int) -> tuple[int, ...]:
        if num not in self._refs:
            head = self.head(num)
            self._refs[num] = tuple(int(m.group(1)) for m in _TOKEN.finditer(head, head.index(b"obj") + 3) if m.group(1))
        return self._refs[num]


def _renumber(text: bytes, new: dict[int, int]) -> bytes:
    return _TOKEN.sub(lambda m: m.group(0) if m.group(1) is None else b"%d 0 R" % new[int(m.group(1))], text)


def _split_raw(data: bytes, reader, outs: list[Path]) -> None:
    source = _Source(data, reader)
    top = max(source.span) + 1
    cat_old, pages_old, res_old = top, top + 1, top + 2  # numbers of the new objects before renumbering
    catalog = reader.trailer["/Root"].get_object()
    info = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    header = data[: data.index(b"\n") + 1] + b"%\xe2\xe3\xcf\xd3\n"
    for index, (page, out) in enumerate(zip(reader.pages, outs)):
        page_old = page.indirect_reference.idnum
        new_page = DictionaryObject({k: page.raw_get(k) for k in page if k not in _PAGE_DROP})
        new_page[NameObject("/Parent")] = IndirectObject(pages_old, 0, reader)
        resources = _pruned_resources(page)
        if resources is not None:
            new_page[NameObject("/Resources")] = IndirectObject(res_old, 0, reader)
        new_catalog = DictionaryObject({NameObject("/Type"): NameObject("/Catalog"),
                                        NameObject("/Pages"): IndirectObject(pages_old, 0, reader)})
        for key in _CATALOG_KEEP:
            if key in catalog:
                new_catalog[NameObject(key)] = catalog.raw_get(key)
        new_pages = DictionaryObject({NameObject("/Type"): NameObject("/Pages"), NameObject("/Count"): NumberObject(1),
                                      NameObject("/Kids"): ArrayObject([IndirectObject(page_old, 0, reader)])})
        made = {cat_old: _serialize(new_catalog), pages_old: _serialize(new_pages), page_old: _serialize(new_page)}
        if resources is not None:
            made[res_old] = _serialize(resources)
        # Every object reachable from the new objects and the document information.
        todo = [int(m.group(1)) for text in made.values() for m in _TOKEN.finditer(text) if m.group(1)]
        if isinstance(info, IndirectObject):
            todo.append(info.idnum)
        seen: set[int] = set()
        while todo:
            num = todo.pop()
            if num in seen or num in made:
                continue
            if num not in source.span:
                raise _Unsupported(f"reference to missing object {num}")
            if _PAGE_TYPE.search(source.head(num)):
                raise _Unsupported("a page refers to another page")
            seen.add(num)
            todo.extend(source.refs(num))
        order = [cat_old, pages_old, page_old] + ([res_old] if resources is not None else []) + sorted(seen)
        new = {old: i for i, old in enumerate(order, 1)}
        body = bytearray(header)
        offsets = []
        for old in order:
            offsets.append(len(body))
            if old in made:
                body += b"%d 0 obj\n" % new[old] + _renumber(made[old], new) + b"\nendobj\n"
            else:
                raw = source.raw(old)
                head = source.head(old)
                start = raw.index(b"obj") + 3
                body += b"%d 0 obj" % new[old] + _renumber(head[start:], new) + raw[len(head):] + b"\n"
        xref = len(body)
        body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(order) + 1)
        body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
        file_id = hashlib.md5(bytes(body[-4096:]) + out.name.encode() + b"%d" % index).hexdigest().encode()
        trailer = b"/Size %d /Root %d 0 R" % (len(order) + 1, new[cat_old])
        if isinstance(info, IndirectObject):
            trailer += b" /Info %d 0 R" % new[info.idnum]
        trailer += b" /ID [<" + file_id + b"> <" + file_id + b">]"
        body += b"trailer\n<<" + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
        out.write_bytes(bytes(body))


def _split_pypdf(reader, outs: list[Path]) -> None:
    carry = bool(libreoffice._pdfa_id(libreoffice._xmp_bytes(reader)))
    for page, out in zip(reader.pages, outs):
        resources = _pruned_resources(page)
        if resources is not None:
            page[NameObject("/Resources")] = resources
        writer = libreoffice._new_writer(reader, carry_pdfa=carry)
        writer.add_page(page)
        with open(out, "wb") as fh:
            writer.write(fh)


def split_pages(pdf: Path, outs: list[Path]) -> list[Path]:
    """Write page i of ``pdf`` to ``outs[i]`` (not atomically: ``outs`` are in a scratch folder).

    ConversionError when the page count is not ``len(outs)``.
    """
    data = Path(pdf).read_bytes()
    reader = PdfReader(io.BytesIO(data))
    if len(reader.pages) != len(outs):
        raise ConversionError(
            f"Tệp PDF {pdf} có {len(reader.pages)} trang nhưng cần {len(outs)} trang (mỗi giấy chứng nhận một trang)."
        )
    try:
        _split_raw(data, reader, [Path(o) for o in outs])
    except (_Unsupported, ValueError, KeyError):
        _split_pypdf(PdfReader(io.BytesIO(data)), [Path(o) for o in outs])
    return outs


def _merge_raw(pdfs: list[Path], out) -> None:
    """Write every page of ``pdfs`` in order to the open binary file ``out`` (raw object copies)."""
    position = 0
    offsets: list[int] = [0, 0, 0]  # objects 1 (catalog) and 2 (page tree) are written last
    kids: list[int] = []
    first_catalog = first_info = None

    def write(data: bytes) -> None:
        nonlocal position
        out.write(data)
        position += len(data)

    header = b""
    for n, pdf in enumerate(pdfs):
        data = Path(pdf).read_bytes()
        if n == 0:
            header = data[: data.index(b"\n") + 1] + b"%\xe2\xe3\xcf\xd3\n"
            write(header)
        reader = PdfReader(io.BytesIO(data))
        source = _Source(data, reader)
        root = reader.trailer.raw_get("/Root").idnum
        skipped = {root} | {num for num in source.span if _PAGES_TYPE.search(source.head(num))}
        new = {num: 2 for num in skipped}  # page-tree nodes become the one new tree; the catalog is dropped
        for num in sorted(source.span):
            if num not in skipped:
                new[num] = len(offsets)
                offsets.append(0)
        for num in sorted(source.span):
            if num in skipped:
                continue
            raw, head = source.raw(num), source.head(num)
            start = raw.index(b"obj") + 3
            offsets[new[num]] = position
            write(b"%d 0 obj" % new[num] + _renumber(head[start:], new) + raw[len(head):] + b"\n")
        kids += [new[page.indirect_reference.idnum] for page in reader.pages]
        if n == 0:
            catalog = reader.trailer["/Root"].get_object()
            assert isinstance(catalog, DictionaryObject)  # a PDF's /Root is a dictionary; pypdf opened it as one
            kept = DictionaryObject({NameObject(k): catalog.raw_get(k) for k in _CATALOG_KEEP if k in catalog})
            first_catalog = _renumber(_serialize(kept), new)
            info = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
            first_info = new.get(info.idnum) if info is not None and hasattr(info, "idnum") else None
        del data, reader, source
    pages = b"<</Type/Pages/Count %d/Kids[" % len(kids) + b" ".join(b"%d 0 R" % k for k in kids) + b"]>>"
    catalog_body = b"<</Type/Catalog/Pages 2 0 R" + first_catalog.strip()[2:]  # the kept keys, after ours
    offsets[1] = position
    write(b"1 0 obj\n" + catalog_body + b"\nendobj\n")
    offsets[2] = position
    write(b"2 0 obj\n" + pages + b"\nendobj\n")
    xref = position
    entries = [b"0000000000 65535 f \n"] + [b"%010d 00000 n \n" % off for off in offsets[1:]]
    file_id = hashlib.md5(b"".join(str(p).encode() for p in pdfs) + b"%d" % position).hexdigest().encode()
    trailer = b"/Size %d /Root 1 0 R" % len(offsets)
    if first_info:
        trailer += b" /Info %d 0 R" % first_info
    trailer += b" /ID [<" + file_id + b"> <" + file_id + b">]"
    write(b"xref\n0 %d\n" % len(offsets) + b"".join(entries) + b"trailer\n<<" + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref)


def merge_documents(pdfs: list[Path], out: Path) -> Path:
    """``pdfs`` one after the other into ``out`` (written in place: ``out`` is in a scratch folder).

    Streams raw objects when every source is a simple LibreOffice PDF; otherwise pypdf
    (``convert.merge_pdfs``).
    """
    try:
        with open(out, "wb") as fh:
            _merge_raw([Path(p) for p in pdfs], fh)
    except (_Unsupported, ValueError, KeyError):
        Path(out).unlink(missing_ok=True)
        merge_pdfs([Path(p) for p in pdfs], Path(out))
    return Path(out)
