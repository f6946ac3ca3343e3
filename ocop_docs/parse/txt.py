"""Plain text as legal-documents websites and PDF extractors give it, read into lines.

Paragraphs may be separated by blank lines or not; markdown emphasis and headings, nested list
marks, markdown tables ("| … | … |"), footnote texts and page numbers are recognised here
(``noise.py``); broken lines are joined by the structure recogniser, which knows the zones.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..docx.package import read_bytes
from ..errors import UnreadableFile
from ..vi.text import convert_legacy as convert_legacy_text, detect_legacy_encoding
from .lines import Line, Source, normalise
from .noise import clean_markdown, clean_text, extract_marks, footnote_definition, is_footnote_text, is_page_number

MAX_TEXT_BYTES = 10 * 1024 * 1024
"""Largest plain-text file accepted."""

_TABLE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
# A web copy's table row without the leading bar: "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |".
_BARE_ROW_RE = re.compile(r"^[^|]*\S\s*\|(?:.*\S)?\s*$|^[^|]*\S\s+\|\s+\S.*$")
# Escapes a site's script printed as text ("…NAM\\r\\nĐộc lập…").
_LITERAL_BREAK_RE = re.compile(r"\\r\\n|\\n|\\r")
_TABLE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}")


def read_text_bytes(path: str | Path) -> bytes:
    """The bytes of a text file, refusing missing, special and oversized files (Vietnamese messages)."""
    return read_bytes(
        path, MAX_TEXT_BYTES, f"Tệp {path} lớn hơn {MAX_TEXT_BYTES // (1024 * 1024)} MB, không phải một văn bản."
    )


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of ``data`` and a note when it was not UTF-8 (UTF-16 with BOM, or Windows-1258/Latin-1)."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(f"Tệp {name} có vẻ là tệp nhị phân, không phải văn bản thuần (.txt).")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "tệp mã UTF-16"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258"), "tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "tệp không phải UTF-8; đã đọc theo bảng mã Latin-1"


# A line ending so expects a number: a lone number after it is the document's, not a page number.
_NUMBER_EXPECTED_RE = re.compile(r"(?:\b(?:ngày|tháng|năm|số|Số|khoản|Điều|điểm)|:|/|-)\s*$")


_LABEL_CELL_RE = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,2})*|[a-zđ])[.)]?$|^[-+•–]$")


def _tab_cells(raw: str) -> list[str] | None:
    """The cells of a line copied from a browser's or Excel's table (tab-separated), or None: a tab
    after a paragraph's label ("1.<tab>Mục tiêu", "-<tab>…") or before it (indentation) is no table."""
    cells = [c.strip(" \u00a0") for c in raw.rstrip("\r\n").split("\t")]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    filled = [c for c in cells if c]
    if len(cells) < 2 or len(filled) < 2:
        return None
    if len(filled) == 2 and _LABEL_CELL_RE.match(filled[0]):
        return None
    return cells


def tab_rows(raws: list[str]) -> dict[int, list[str]]:
    """Index → cells of the lines that make tab-separated tables: runs of two rows or more."""
    out: dict[int, list[str]] = {}
    run: dict[int, list[str]] = {}
    for k, raw in enumerate(raws + [""]):
        cells = _tab_cells(raw) if "\t" in raw else None
        if cells is not None:
            run[k] = cells
            continue
        if len(run) >= 2:
            out.update(run)
        run = {}
    return out


def text_lines(text: str) -> tuple[list[Line], dict[str, str]]:
    """The lines of a plain text (markdown cleaned) and the footnote texts found among them, by mark."""
    lines: list[Line] = []
    footnotes: dict[str, str] = {}
    blank = False
    table = 0
    row = 0
    in_table = False
    markdown = markdown_tab = False
    if len(_LITERAL_BREAK_RE.findall(text[:200_000])) >= 3:
        text = _LITERAL_BREAK_RE.sub("\n", text).replace("\\t", " ")
    raws = text.splitlines()
    tabbed = tab_rows(raws)
    for number, raw in enumerate(raws, start=1):
        if number - 1 in tabbed:
            # A table copied from a browser or Excel: one row a line, cells separated by tabs.
            if not in_table or not markdown_tab:
                table += 1
                row = 0
                in_table = markdown_tab = True
            row += 1
            for col, cell in enumerate(tabbed[number - 1], start=1):
                if cell:
                    line = clean_markdown(Line(cell, "txt", number, cell=(table, row, col)))
                    text_, notes = clean_text(line.text)
                    lines.append(line.with_text(text_, notes=line.notes + notes))
            blank = False
            continue
        markdown_tab = False
        if not raw.strip() or raw.strip() in ("\u00a0", "|"):
            # A bar alone on its line separates two cells of a web copy's header (one cell per line).
            blank = blank or not raw.strip()
            in_table = False
            continue
        if "|" in raw and (_TABLE_ROW_RE.match(raw) or _BARE_ROW_RE.match(raw)):
            if _TABLE_SEPARATOR_RE.match(raw.strip().strip("|")):
                continue
            if not in_table:
                table += 1
                row = 0
                in_table = True
                # Markdown rows open with a bar; a web copy's rows do not, so there a leading bar is
                # an empty first cell ("| Tổng cộng | 85.000.000 |": no STT), kept to keep the columns.
                markdown = raw.lstrip().startswith("|")
            row += 1
            cells = raw.strip().strip("|").split("|")
            if not markdown and raw.lstrip().startswith("|"):
                cells = [""] + cells
            if len(cells) < 2 and not _TABLE_ROW_RE.match(raw):
                cells = [raw.strip().rstrip("|")]
            for col, cell in enumerate(cells, start=1):
                for part in re.split(r"<br\s*/?>", cell):
                    if part.strip():
                        line = clean_markdown(Line(part.strip(), "txt", number, cell=(table, row, col)))
                        text_, notes = clean_text(line.text)
                        lines.append(line.with_text(text_, notes=line.notes + notes))
            blank = False
            continue
        in_table = False
        depth = len(raw) - len(raw.lstrip(" \t"))
        line = Line(raw.rstrip(), "txt", number, blank_before=blank, list_depth=1 if depth >= 2 else 0)
        blank = False
        line = clean_markdown(line)
        if is_footnote_text(line.text):
            key, note = footnote_definition(line.text) or (str(len(footnotes) + 1), normalise(line.text))
            footnotes[key] = note
            continue
        text_, marks = extract_marks(line.text)
        line = line.with_text(text_, marks=marks)
        cleaned, notes = clean_text(line.text)
        if not cleaned or (is_page_number(cleaned) and not (lines and _NUMBER_EXPECTED_RE.search(lines[-1].text))):
            continue  # a page number left by the extractor (not the day after "ngày")
        line = line.with_text(cleaned)
        line.notes.extend(notes)
        lines.append(line)
    return lines, footnotes


def source_from_text(text: str, name: str, note: str | None = None) -> Source:
    """A plain text as a Source: legacy encodings converted first (their bytes look like footnote
    marks and stray symbols), then lines cleaned and footnotes collected."""
    # The first 30 000 characters tell a legacy font encoding as surely as the whole text, faster.
    encoding = detect_legacy_encoding(text[:30_000]) if not text.isascii() else None
    if encoding:
        text = convert_legacy_text(text, encoding)
    lines, footnotes = text_lines(text)
    source = Source(name, "txt", lines, footnotes=footnotes)
    if note:
        source.notes.append(("", note))
    if encoding:
        source.notes.append(("", f"văn bản gõ bằng bảng mã cũ {encoding}; đã chuyển sang Unicode, cần đọc soát lại"))
    return source


def read_txt(path: str | Path) -> Source:
    """A plain-text file (.txt, .md) as lines, legacy encodings converted."""
    data = read_text_bytes(path)
    text, note = decode(data, str(path))
    return source_from_text(text, str(path), note)
