"""The text-line layer of the parser: any source (.txt, .docx, .pdf) as normalised lines.

Each reader turns its source into a list of :class:`Line`: one paragraph of text (NFC, spaces
squashed) with where it came from (page, paragraph number, table cell) and the hints the source
gives about its look (bold, italic, alignment, style name, size, a bold lead-in). The structure
recogniser (``structure.py``) works only on lines, so it reads every source the same way.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

# Horizontal white space of every kind (tabs, no-break and typographic spaces) → one space.
_SPACES_RE = re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# Characters that carry nothing a reader sees: soft hyphen, zero-width joiners, direction marks.
_INVISIBLE_RE = re.compile(r"[\u00ad\u200c\u200d\u200e\u200f\u2060\ufeff]")


# A combining mark NFC could not compose (after a space or at the start): extraction noise ("ĐẮK LĂK ́").
_LONE_MARK_RE = re.compile(r"(?:(?<=\s)|^)[\u0300-\u036f]+")
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")


def normalise(text: str) -> str:
    """``text`` as the parser compares it: NFC, invisible characters removed, spaces squashed."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    if _COMBINING_RE.search(text):  # rare after NFC: the cheap test spares the lookbehind on every line
        text = _LONE_MARK_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip()


@dataclass
class Line:
    """One paragraph of a source document, with its provenance and look.

    ``text`` is the paragraph as a reader sees it (Word's automatic numbering label included).
    ``bold``/``italic`` are True when every visible character is so, False when none is, None
    when the source says nothing (plain text) or it is mixed. ``lead_bold`` is the bold text a
    paragraph opens with when regular text follows ("5. Phòng Y tế:" in a run-in heading).
    """

    text: str
    source: str = "txt"  # txt, docx, pdf
    index: int = 0  # 1-based paragraph (docx), line (txt) or visual line (pdf) number
    page: int | None = None
    cell: tuple[int, int, int] | None = None  # (table, row, column), 1-based
    table_path: tuple = ()  # every (table, row, column) from the body down, for a line in nested tables
    bold: bool | None = None
    italic: bool | None = None
    lead_bold: str | None = None
    align: str | None = None  # left, center, right, justify
    style: str | None = None  # the paragraph style's name (docx)
    size: float | None = None  # points
    heading: int | None = None  # markdown "#" level or Word outline level (1-based)
    list_depth: int = 0  # nesting of a plain-text list item ("  - + …" is 1)
    blank_before: bool = False  # an empty line precedes it (plain text)
    notes: list[str] = field(default_factory=list)  # what noise handling changed, for warnings
    marks: list[tuple[int, str]] = field(default_factory=list)  # footnote marks: (offset in text, key)

    def where(self) -> str:
        """Where the line is, in Vietnamese: "trang 2, dòng 14", "bảng 1, hàng 2, ô 1", "đoạn 37"."""
        parts = []
        if self.page is not None:
            parts.append(f"trang {self.page}")
        if self.cell is not None:
            table, row, col = self.cell
            parts.append(f"bảng {table}, hàng {row}, ô {col}")
        unit = {"docx": "đoạn", "pdf": "dòng", "txt": "dòng"}.get(self.source, "dòng")
        if self.index:
            parts.append(f"{unit} {self.index}")
        return ", ".join(parts)

    def with_text(self, text: str, **changes) -> "Line":
        """A copy of the line holding ``text`` (and any other field ``changes``)."""
        changes.setdefault("marks", list(self.marks))
        changes.setdefault("notes", list(self.notes))
        return replace(self, text=text, **changes)

    @property
    def in_table(self) -> bool:
        return self.cell is not None


@dataclass
class Source:
    """What a reader produced: the lines of one file and what it noticed while reading."""

    path: str
    kind: str  # txt, docx, pdf
    lines: list[Line]
    notes: list[tuple[str, str]] = field(default_factory=list)  # (where, Vietnamese message)
    footnotes: dict[str, str] = field(default_factory=dict)  # footnote key → its text
    engine_styles: bool = False  # the file carries the engine's own ND30 paragraph styles
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (scanned, no text layer)
    tables: dict = field(default_factory=dict)  # body table number → its content table (model.table.Table), Word sources
