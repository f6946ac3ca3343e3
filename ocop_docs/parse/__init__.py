"""Reading documents back: a .docx, .pdf or .txt Kế hoạch / Quyết định / Báo cáo → the engine's spec.

    parsed = parse_file("ke-hoach-2024.docx")
    parsed.model        # the validated Plan (what ``render`` consumes), or None
    parsed.notes        # what the reader must check: field, Vietnamese message, where
    parsed.attachments  # documents issued with a Quyết định ("Ban hành kèm theo …")

Layers: a reader per format turns the file into lines (``txt``, ``docx``, ``pdf`` → ``lines``),
``noise`` removes what extraction added, ``structure`` (with ``header`` and ``body``) finds
the zones and the model's parts, ``spec`` validates and writes the spec.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import UnreadableFile, resave_hint
from .docx import read_docx
from .header import Note
from .lines import Line, Source
from .ocr import ocr_notes
from .spec import dump_json, dump_yaml, spec_data, validate
from .structure import Parsed, recognise
from .txt import read_txt, source_from_text

_WORD_RE = re.compile(r"[^\W\d_]{2,}")
READERS = {".txt": "txt", ".md": "txt", ".docx": "docx", ".pdf": "pdf"}


def read_source(path: str | Path, progress=None) -> Source:
    """The lines of a file, by its extension (.txt/.md, .docx, .pdf); ``progress(done, total)``
    is told of the pages read by OCR in a scanned PDF."""
    path = Path(path)
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise UnreadableFile(
            f"Không đọc được tệp {path}: chỉ nhận .docx, .pdf hoặc .txt"
            + (f" ({resave_hint(path.suffix)})" if resave_hint(path.suffix) else "")
            + "."
        )
    if kind == "txt":
        return read_txt(path)
    if kind == "docx":
        return read_docx(path)
    from .pdf import read_pdf  # start-up: pypdf and pdfplumber (~160 ms) only for a PDF

    return read_pdf(path, progress)


def parse_source(source: Source) -> Parsed:
    """A source's lines as parsed documents, each validated against its model when there is one.

    UnreadableFile (a Vietnamese message) when the source holds no text an administrative
    document is made of (empty, only site noise, only numbers or symbols).
    """
    words = 0
    for line in source.lines:
        words += len(_WORD_RE.findall(line.text))
        if words >= 3:
            break
    if words < 3:
        raise UnreadableFile(f"Tệp {source.path} không có nội dung văn bản để đọc (trống, hoặc không có chữ).")
    parsed = recognise(source)
    for doc in [parsed, *parsed.attachments]:
        if source.ocr_pages:
            _mark_ocr(doc, source, main=doc is parsed)
        doc.model = validate(doc.kind, doc.data, doc.notes)
    return parsed


def _mark_ocr(doc: Parsed, source: Source, main: bool) -> None:
    """Numbers, dates and symbols read by OCR listed as uncertain, with the checks that failed."""
    where = "trang " + ", ".join(str(p) for p in source.ocr_pages)
    texts = [line.text for line in source.lines if "ocr" in line.notes] if main else []
    for field_, message in ocr_notes(doc.data, texts, where):
        doc.notes.append(Note(field_, message))


def parse_file(path: str | Path, progress=None) -> Parsed:
    """The document in ``path`` read back into the engine's spec (see module doc)."""
    return parse_source(read_source(path, progress))


def parse_text(text: str, name: str = "văn bản") -> Parsed:
    """Plain text (as copied from a website) read back into the engine's spec."""
    return parse_source(source_from_text(text, name))


__all__ = [
    "Line", "Note", "Parsed", "Source", "dump_json", "dump_yaml", "parse_file", "parse_source", "parse_text",
    "read_source", "spec_data",
]
