"""Opening a .docx safely: validate the zip before python-docx touches it.

A .docx that a user hands to ``ocop-docs check`` (or to the parser) can come from anywhere,
so before python-docx reads it the package is checked as a zip:

* it must be a zip at all (a renamed .doc, a PDF, a truncated download are refused with a
  Vietnamese message naming the file, never with a traceback);
* limits on the number of entries, on every entry's declared uncompressed size, on the total
  declared size and on the compression ratio refuse zip bombs. The declared sizes are an upper
  bound of what decompression yields: Python's ``zipfile`` stops reading an entry at its declared
  size and fails on a CRC mismatch, so a lying header cannot blow past the limits;
* the main part named by ``_rels/.rels`` (normally ``word/document.xml``) must exist;
* no part may carry a DTD (``<!DOCTYPE``/``<!ENTITY``): Word refuses them too, and refusing
  them up front means no entity can be expanded, nor its text dropped, by any parser later. Each
  part's whole prolog is read by lxml itself, so a UTF-16 or UTF-32 (or otherwise encoded) part or a DTD
  behind kilobytes of comments is seen as the parsers that come later would see it.

python-docx parses its parts with ``resolve_entities=False`` (``docx.oxml.parser`` and
``docx.opc.oxml``; lxml's default ``no_network=True`` and ``huge_tree=False`` apply); every part
this package parses itself (``_rels/.rels``, the theme) goes through :data:`SAFE_PARSER`.

The file is read once, read-only, into memory; nothing is ever written back.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import docx
from lxml import etree

from ..errors import UnreadableFile
from ..vi.numbers import format_number

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest .docx file accepted (bytes on disk)."""

MAX_ENTRIES = 5000
"""Largest number of entries (parts) in the zip."""

MAX_ENTRY_BYTES = 100 * 1024 * 1024
"""Largest declared uncompressed size of one entry."""

MAX_TOTAL_BYTES = 200 * 1024 * 1024
"""Largest declared uncompressed size of all entries together."""

MAX_RATIO = 200
"""Largest compression ratio (uncompressed / compressed) of an entry bigger than RATIO_FLOOR."""

RATIO_FLOOR = 1024 * 1024
"""Entries smaller than this (declared) are not held to MAX_RATIO: small XML compresses well."""

_PROLOG_CHUNK = 64 * 1024
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_OFFICE_DOCUMENT_REL = "/officeDocument"

SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_blank_text=False
)
"""The parser for every XML part read outside python-docx: no entities, no network, no DTD."""


def parse_xml(data: bytes) -> etree._Element:
    """Parse one XML part with :data:`SAFE_PARSER`."""
    return etree.fromstring(data, SAFE_PARSER)


def _mb(size: int) -> str:
    """A size as users read it: "1.025 MB" (rounded up, Vietnamese grouping)."""
    return f"{format_number(-(-size // (1024 * 1024)))} MB"


def _unreadable(path: str, reason: str) -> UnreadableFile:
    return UnreadableFile(f"Tệp {path} không phải là tệp .docx hợp lệ: {reason}.")


def read_bytes(path: str | os.PathLike, limit: int = MAX_FILE_BYTES, too_large: str | None = None) -> bytes:
    """The bytes of ``path`` (opened read-only), refusing missing, special or oversized files.

    ``too_large`` is the message for a file over ``limit`` bytes (default: not a valid .docx).
    """
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise UnreadableFile(f"Không tìm thấy tệp {name}.")
    if not p.is_file():
        raise UnreadableFile(f"{name} không phải là một tệp.")
    try:
        with open(p, "rb") as fh:
            # never more than the limit, whatever the file's size; read(n) reserves n bytes at once,
            # so ask for the file's size (plus one, to see it grow past the limit), not the limit
            data = fh.read(min(os.fstat(fh.fileno()).st_size, limit) + 1)
    except OSError as e:
        raise UnreadableFile(f"Không đọc được tệp {name}: {e.strerror or e}.") from e
    if len(data) > limit:
        if too_large:
            raise UnreadableFile(too_large)
        raise _unreadable(name, f"tệp lớn hơn {limit // (1024 * 1024)} MB")
    return data


def validate_package(data: bytes, name: str = "tệp") -> str:
    """Check the zip structure and limits of a .docx held in ``data``; return the main part name.

    Raises :class:`UnreadableFile` (Vietnamese message naming ``name``) when the bytes are not a
    zip, are corrupt, exceed a limit, lack the main document part or carry a DTD.
    """
    if not data.startswith(b"PK"):
        raise _unreadable(name, "không phải tệp nén ZIP (có thể là tệp .doc, PDF hoặc tệp bị hỏng)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise _unreadable(name, "tệp ZIP bị hỏng (tải về chưa hết, hoặc tệp bị cắt)") from e
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _unreadable(name, f"có {len(infos)} phần tử, vượt giới hạn {MAX_ENTRIES}")
        total = 0
        names: set[str] = set()
        for info in infos:
            if info.filename in names:
                raise _unreadable(name, f"phần tử '{info.filename}' bị lặp")
            names.add(info.filename)
            if info.flag_bits & 0x1:
                raise _unreadable(name, "tệp bị mã hóa bằng mật khẩu")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _unreadable(name, f"phần tử '{info.filename}' dùng kiểu nén không hỗ trợ")
            size = info.file_size
            if size > MAX_ENTRY_BYTES:
                raise _unreadable(
                    name, f"phần tử '{info.filename}' khai báo {_mb(size)} khi giải nén, vượt giới hạn {_mb(MAX_ENTRY_BYTES)}"
                )
            total += size
            if total > MAX_TOTAL_BYTES:
                raise _unreadable(name, f"tổng dung lượng giải nén vượt giới hạn {MAX_TOTAL_BYTES // (1024 * 1024)} MB")
            if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                raise _unreadable(
                    name, f"phần tử '{info.filename}' có tỉ lệ nén bất thường (nghi là bom nén)"
                )
        if "[Content_Types].xml" not in names:
            raise _unreadable(name, "thiếu phần [Content_Types].xml")
        main = _main_part_name(zf, names, name)
        if main not in names:
            raise _unreadable(name, f"thiếu phần nội dung chính {main}")
        for info in infos:  # every part: [Content_Types].xml may declare any name as XML
            if not info.is_dir():
                _refuse_dtd(zf, info, name)
    return main


def _xml_where(e: etree.XMLSyntaxError) -> str:
    """`` (dòng 3, cột 14)`` of an lxml syntax error, or nothing (its English text stays out)."""
    line, column = getattr(e, "position", None) or (getattr(e, "lineno", None), None)
    if not line:
        return ""
    return f" (dòng {line}" + (f", cột {column}" if column else "") + ")"


def _read_entry(zf: zipfile.ZipFile, entry: str, name: str, limit: int | None = None) -> bytes:
    try:
        with zf.open(entry) as fh:
            return fh.read() if limit is None else fh.read(limit)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as e:
        raise _unreadable(name, f"phần tử '{entry}' bị hỏng (không giải nén được)") from e
    except Exception as e:  # zlib.error and friends from a corrupt deflate stream
        raise _unreadable(name, f"phần tử '{entry}' bị hỏng (không giải nén được)") from e


def _main_part_name(zf: zipfile.ZipFile, names: set[str], name: str) -> str:
    if "_rels/.rels" not in names:
        raise _unreadable(name, "thiếu phần _rels/.rels")
    raw = _read_entry(zf, "_rels/.rels", name)
    if _prolog_has_dtd(io.BytesIO(raw)):
        raise _unreadable(name, "phần _rels/.rels chứa khai báo DTD")
    try:
        rels = parse_xml(raw)
    except etree.XMLSyntaxError as e:
        raise _unreadable(name, f"phần _rels/.rels không phải XML hợp lệ{_xml_where(e)}") from e
    for rel in rels:
        if str(rel.get("Type", "")).endswith(_OFFICE_DOCUMENT_REL) and rel.get("TargetMode") != "External":
            return rel.get("Target", "").lstrip("/")
    raise _unreadable(name, "không có phần nội dung chính (word/document.xml)")


def _prolog_has_dtd(stream) -> bool:
    """Whether the XML in ``stream`` declares a DTD before its root element, in whatever encoding
    (UTF-8/16/32 byte order marks, UTF-16 without one, encoding="…") lxml reads it. Reads only up to the root's start tag.

    Bytes that are not XML (images) stop the parser at once; XML broken before its root is left to
    the parser that reads the part later, which refuses it (no DTD of it can then take effect).
    """
    chunk = stream.read(_PROLOG_CHUNK)
    # libxml2's push parser (unlike the whole-document parser python-docx uses) does not recognise
    # a UTF-32 byte order mark: told the encoding, it reads the part as python-docx would.
    encoding = "UTF-32" if chunk[:4] in _UTF32_BOMS else None
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False, encoding=encoding)
    try:
        while chunk:
            parser.feed(chunk)
            for _event, element in parser.read_events():
                info = element.getroottree().docinfo
                return bool(info.doctype or info.internalDTD is not None)
            chunk = stream.read(_PROLOG_CHUNK)
        parser.close()
    except etree.XMLSyntaxError as e:
        return "DOCTYPE" in str(e) or "ENTITY" in str(e)
    return False


def _refuse_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    try:
        with zf.open(info) as fh:
            found = _prolog_has_dtd(fh)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as e:
        raise _unreadable(name, f"phần tử '{info.filename}' bị hỏng (không giải nén được)") from e
    except Exception as e:  # zlib.error and friends from a corrupt deflate stream
        raise _unreadable(name, f"phần tử '{info.filename}' bị hỏng (không giải nén được)") from e
    if found:
        raise _unreadable(name, f"phần '{info.filename}' chứa khai báo DTD/thực thể (Word không cho phép)")


def open_docx(path: str | os.PathLike) -> docx.document.Document:
    """The python-docx Document of ``path``, after :func:`validate_package`.

    Raises :class:`UnreadableFile` for anything that is not a readable Word document.
    The file is opened read-only and never modified.
    """
    name = str(path)
    data = read_bytes(path)
    validate_package(data, name)
    return load_document(data, name)


def load_document(data: bytes, name: str = "tệp") -> docx.document.Document:
    """python-docx's Document over already validated bytes; its failures become UnreadableFile."""
    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as e:
        raise _unreadable(name, f"nội dung XML bị hỏng{_xml_where(e)}") from e
    except ValueError as e:
        # python-docx: "file '…' is not a Word file, content type is '…'" (.docm, .dotx, .xlsx…)
        kind = re.search(r"content type is '([^']+)'", str(e))
        raise _unreadable(name, "không phải văn bản Word .docx (có thể là tệp .docm có macro, mẫu .dotx hoặc "
                                "bảng tính đổi đuôi)" + (f"; loại nội dung: {kind.group(1)}" if kind else "")) from e
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, RuntimeError) as e:
        raise _unreadable(name, "cấu trúc gói bị hỏng (thiếu phần hoặc liên kết giữa các phần)") from e
    except Exception as e:  # any other failure of a third-party reader on hostile input
        raise _unreadable(name, f"không đọc được nội dung (lỗi {type(e).__name__}; chạy với --debug để xem chi tiết)") from e


def related_part(part, reltype: str):
    """The part related to ``part`` by ``reltype``, or None (python-docx would create one)."""
    try:
        return part.part_related_by(reltype)
    except (KeyError, ValueError):
        return None
