"""A .docx (made by Word, LibreOffice or this engine) read into lines, in reading order.

Reads through the shared safe reading layer ``ocop_docs.docx``: the package is validated (zip
limits, no DTD) before any XML is parsed (``package.open_docx``), and ``blocks.read_document``
gives every paragraph in reading order — body, table cells (nested tables too), content
controls, text boxes — with its effective formatting (so "bold" means what a reader sees) and
Word's automatic numbering resolved to the label a reader sees ("1.", "a)", "I."). Hidden and
deleted text and field codes are already left out there. This module turns blocks into parser
lines: the label joined to the text, bold/italic/lead-in hints from the runs, footnote marks
(real footnote references, or superscript digits typed by hand) with their positions, and the
footnotes' own texts from ``word/footnotes.xml``.
"""
from __future__ import annotations

from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ..docx.blocks import read_document
from ..docx.embedded import embedded_content
from ..docx.numbering import bullet_text
from ..docx.package import open_docx, parse_xml, related_part
from .tables import table_from_word
from .lines import Line, Source, normalise
from .noise import clean_text, convert_lines, legacy_encoding

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENGINE_STYLE_PREFIX = "ND30 - "
_BULLETS = ("•", "▪", "➢", "●", "◦", "○", "■", "❖", "→", "✓", "–", "—", "-")
_SKIP_TEXT_IN = {W + "del", W + "moveFrom", W + "instrText", W + "delText"}


def _reference_prefixes(p) -> list[tuple[str, str]]:
    """(text before it, footnote id) of each footnote reference of paragraph element ``p``."""
    out = []
    text: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "footnoteReference" and el.get(W + "id"):
            out.append(("".join(text), el.get(W + "id")))
        elif tag == W + "t" and el.getparent() is not None and el.getparent().getparent() is not None \
                and el.getparent().getparent().tag not in _SKIP_TEXT_IN:
            text.append(el.text or "")
        elif tag in (W + "tab", W + "br", W + "cr"):
            text.append(" ")
    return out


def _line(block, index: int) -> tuple[Line | None, bool]:
    """The parser line of one block, and whether it carries an engine style."""
    style = block.para.style_name
    engine = bool(style and style.startswith(ENGINE_STYLE_PREFIX))
    text = block.text.replace("\t", " ").replace("\n", " ")
    # Footnote marks typed as superscript digits: taken out of the text, kept as marks.
    marks: list[tuple[int, str]] = []
    pieces: list[tuple[str, bool, bool]] = []
    for run in block.runs:
        piece = run.text.replace("\t", " ").replace("\n", " ")
        if run.fmt.vert_align == "superscript" and piece.strip().isdigit():
            marks.append((len("".join(p for p, _, _ in pieces)), piece.strip()))
            continue
        pieces.append((piece, run.fmt.bold, run.fmt.italic))
    raw = "".join(p for p, _, _ in pieces) if block.runs else text
    marks = [(len(normalise(raw[:offset])), key) for offset, key in marks]
    if block.element is not None:
        for prefix, key in _reference_prefixes(block.element):
            marks.append((len(normalise(prefix)), key))
    body = normalise(raw)
    label = normalise(bullet_text(block.label)) if block.label else ""
    if label in _BULLETS:
        label = "-"
    if label:
        first = next(((b, i) for p, b, i in pieces if p.strip()), (False, False))
        pieces.insert(0, (label + " ", first[0], first[1]))
        marks = [(o + len(label) + 1, k) for o, k in marks]
        body = normalise(f"{label} {body}") if body else ""
    if not body:
        return None, engine
    seen = [k for k, (p, _, _) in enumerate(pieces) if p.strip()]
    bold = italic = lead = None
    if seen:
        flags = [pieces[k][1] for k in seen]
        bold = True if all(flags) else False if not any(flags) else None
        if bold is None and flags[0]:
            n = 0
            while n < len(seen) and flags[n]:
                n += 1
            # The bold lead-in, up to its last bold run (spaces between runs included).
            lead = normalise("".join(p for p, _, _ in pieces[: seen[n - 1] + 1]))
        it = [pieces[k][2] for k in seen]
        italic = True if all(it) else False if not any(it) else None
    cleaned, notes = clean_text(body)
    if not cleaned:
        return None, engine
    cell = block.location.cells[-1] if block.location.cells else None
    outline = block.para.outline_level
    line = Line(
        cleaned, "docx", index, cell=cell, table_path=tuple(block.location.cells), bold=bold, italic=italic, lead_bold=lead, align=block.para.alignment,
        style=style, heading=outline + 1 if outline is not None and outline < 9 else None,
    )
    line.notes.extend(notes)
    line.marks = sorted((min(o, len(cleaned)), k) for o, k in marks)
    return line, engine


def _footnotes(document) -> dict[str, str]:
    """The footnotes' own texts by id (``word/footnotes.xml``, parsed with the safe parser)."""
    part = related_part(document.part, RT.FOOTNOTES)
    if part is None:
        return {}
    try:
        root = parse_xml(part.blob)
    except Exception:
        return {}
    out: dict[str, str] = {}
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = normalise(" ".join(t.text or "" for t in note.iter(W + "t")))
        if text:
            out[note.get(W + "id") or str(len(out) + 1)] = text
    return out


def _content_tables(view) -> dict:
    """The body's content tables as table blocks, by the number the lines' cells carry (merged cells
    kept); layout tables (header, signature) are not among them."""
    out = {}
    for info in view.tables:
        if info.area != "body" or info.depth != 1:
            continue
        table = table_from_word(info, view.blocks)
        if table is not None:
            section = view.sections[info.section] if 0 <= info.section < len(view.sections) else None
            # a table printed on a landscape page (a wide annex) is printed so again
            out[info.number] = table.model_copy(update={"landscape": True}) if section and section.landscape else table
    return out


def _embedded_notes(document) -> list[tuple[str, str]]:
    """A note for each part of the file the reader cannot read as text (altChunk, OLE objects such as an
    embedded Excel sheet, charts, SmartArt…): its content is not in the lines, so it is said, never
    dropped in silence. Pictures are left out (a stamp, a logo): they hold no text of the document."""
    return [((f"{item.where}, gần «{item.near}»" if item.near else item.where),
             f"không đọc được phần nhúng: {item.what}; nội dung của nó không có trong dữ liệu đọc được — "
             "cần mở tệp Word để xem và chép lại") for item in embedded_content(document)]


def read_docx(path: str | Path) -> Source:
    """A .docx file as lines in reading order (the file is validated first; UnreadableFile if bad)."""
    document = open_docx(path)
    view = read_document(document)
    lines: list[Line] = []
    engine = False
    for index, block in enumerate(view.blocks, start=1):
        line, styled = _line(block, index)
        engine = engine or styled
        if line is not None:
            lines.append(line)
    source = Source(str(path), "docx", lines, footnotes=_footnotes(document), engine_styles=engine,
                    tables=_content_tables(view))
    source.notes.extend(_embedded_notes(document))
    encoding = legacy_encoding(source.lines)
    if encoding:
        # Text typed in .VnTime/VNI fonts: Latin-1 look-alikes that must be converted to Unicode.
        source.lines = convert_lines(source.lines, encoding)
        source.notes.append(("", f"văn bản gõ bằng bảng mã cũ {encoding}; đã chuyển sang Unicode, cần đọc soát lại"))
    return source
