"""Marking the draft's .docx: what a person must decide in yellow, what the software changed in blue.

A post-render step on the document the engine has just written (the template and the render code
are not touched): every paragraph (body or table cell) whose text holds a review item's printed
text gets a Word highlight on its runs. Highlight is not font colour, so the document still meets
ND30-FONT-01 (black text); the officer removes the marks when done (Word: Home › Text Highlight
Color › No Color).
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from ..parse.lines import normalise
from ..io.atomic import atomic_path
from . import RollResult

REVIEW_COLOUR = WD_COLOR_INDEX.YELLOW
CHANGE_COLOUR = WD_COLOR_INDEX.TURQUOISE
_SHORT = 30  # printed texts shorter than this must be the whole paragraph (a signer line, the Số line)


def _paragraphs(document):
    yield from document.paragraphs
    stack = list(document.tables)
    while stack:
        table = stack.pop(0)
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
                stack.extend(cell.tables)


def _matches(text: str, printed: list[str]) -> bool:
    for p in printed:
        if len(p) < _SHORT:
            if text == p:
                return True
        elif p in text:
            return True
    return False


def highlight_docx(path: str | Path, result: RollResult, out: str | Path | None = None) -> dict[str, int]:
    """Highlight the review items (yellow) and the changed paragraphs (blue) of ``path``.

    Returns how many paragraphs got each mark. Writes ``out`` (default: in place) atomically.
    """
    path = Path(path)
    document = Document(str(path))
    reviews = [normalise(t) for item in result.reviews for t in item.printed if t and normalise(t)]
    changes = [normalise(t) for item in result.changes for t in item.printed if t and normalise(t)]
    counts = {"review": 0, "change": 0}
    for paragraph in _paragraphs(document):
        # A merged cell comes back once per grid column: marking it again changes nothing.
        text = normalise(paragraph.text)
        if not text:
            continue
        colour = REVIEW_COLOUR if _matches(text, reviews) else CHANGE_COLOUR if _matches(text, changes) else None
        if colour is None:
            continue
        if not any(run.font.highlight_color == colour for run in paragraph.runs):
            counts["review" if colour == REVIEW_COLOUR else "change"] += 1
        for run in paragraph.runs:
            run.font.highlight_color = colour
    with atomic_path(out or path) as tmp:
        document.save(str(tmp))
    return counts
