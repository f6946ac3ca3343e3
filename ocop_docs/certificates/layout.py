"""The page of a star certificate: sizes, widths and how long texts are fitted on one page.

The numbers of the certificate template's page that the context uses to choose a type size (a
test checks them against the shipped template): a certificate must stay on one landscape A4 page
whatever the length of the product name, the chủ thể or the address, so long texts get a smaller
size class (each class is a paragraph style in the template, which a clerk can restyle in Word),
and the block that holds them has a fixed height as the last guard.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..nd30.metrics import text_width_twips
from ..nd30.rules import A4_TWIPS

MM = 56.6929  # twips per millimetre

# Landscape A4 (ND30-PAGE-01 allows it for a certificate, which is not an ND30 type: ND30-ABBR-03),
# with the margins of the shipped template (ocop_docs/templates/certificates/giay-chung-nhan.docx).
PAGE_WIDTH = A4_TWIPS[1]
MARGINS_MM = {"top": 14, "bottom": 10, "left": 18, "right": 18}
TEXT_WIDTH = PAGE_WIDTH - round((MARGINS_MM["left"] + MARGINS_MM["right"]) * MM)
CELL_MARGINS = 2 * 108  # Word's default left + right cell margins
QR_SIZE_MM = 27
MIDDLE_HEIGHT = 2087880 // 635  # twips: the template's fixed-height block of name, chủ thể, address, group (58 mm)


@dataclass(frozen=True)
class SizeClass:
    """One type size for a long text: its key in the context, size in pt, and lines allowed."""

    key: str
    size: float
    lines: int
    style: str  # the template's paragraph style (Vietnamese name shown in Word)


NAME_CLASSES = (
    SizeClass("l", 26, 1, "GCN - Tên sản phẩm"),
    SizeClass("m", 21, 2, "GCN - Tên sản phẩm (vừa)"),
    SizeClass("s", 16, 3, "GCN - Tên sản phẩm (nhỏ)"),
    SizeClass("xs", 12, 5, "GCN - Tên sản phẩm (rất nhỏ)"),
)
INFO_CLASSES = (
    SizeClass("n", 14, 2, "GCN - Thông tin"),
    SizeClass("s", 12, 3, "GCN - Thông tin (nhỏ)"),
    SizeClass("xs", 10, 4, "GCN - Thông tin (rất nhỏ)"),
)
# Fraction of a line's width counted as usable: word wrapping leaves the end of lines empty.
WRAP_FILL = 0.88


def _lines_needed(text: str, size: float, bold: bool, width: int) -> float:
    return text_width_twips(text, size, bold) / (width * WRAP_FILL)


def fit_class(text: str, classes: tuple[SizeClass, ...], bold: bool = False, width: int | None = None) -> SizeClass:
    """The largest size class in which ``text`` fits its allowed number of lines."""
    width = width or (TEXT_WIDTH - CELL_MARGINS)
    for cls in classes:
        if _lines_needed(text, cls.size, bold, width) <= cls.lines:
            return cls
    return classes[-1]


def fits(text: str, classes: tuple[SizeClass, ...], bold: bool = False, width: int | None = None) -> bool:
    """Whether ``text`` fits its allowed lines in the smallest size class (else it would be cut)."""
    smallest = classes[-1]
    return _lines_needed(text, smallest.size, bold, width or (TEXT_WIDTH - CELL_MARGINS)) <= smallest.lines


def capacity(classes: tuple[SizeClass, ...], bold: bool = False) -> int:
    """About how many characters fit in the smallest size class (for messages)."""
    smallest = classes[-1]
    per_char = text_width_twips("a" * 100, smallest.size, bold) / 100
    return int(smallest.lines * (TEXT_WIDTH - CELL_MARGINS) * WRAP_FILL / per_char)


# Line height as a multiple of the type size, and the space around each paragraph (pt), as the
# template's "GCN - …" styles set them; the block's fixed height is the last guard, not the plan.
LINE_FACTOR = 1.17
PARAGRAPH_SPACE_PT = 4.0


def _height_pt(text: str, cls: SizeClass, bold: bool, width: int) -> float:
    lines = max(1, math.ceil(_lines_needed(text, cls.size, bold, width)))
    return lines * cls.size * LINE_FACTOR + PARAGRAPH_SPACE_PT


def fit_block(name: str, owner: str, address: str, details: str) -> tuple[SizeClass, ...] | None:
    """The size classes of the name, the chủ thể and the address lines (``address`` may be empty:
    then two classes) so that together, with the details line, they fill at most the fixed-height
    block; None when even the smallest sizes do not fit (the row is refused, never cut off).

    Each text starts at the largest class it fits alone in; while the block is too tall, the text
    printed largest steps down a class, so a long address shrinks the name before it is refused.
    """
    width = TEXT_WIDTH - CELL_MARGINS
    texts = [(name, NAME_CLASSES, True), (owner, INFO_CLASSES, False)] + ([(address, INFO_CLASSES, False)] if address else [])
    if any(not fits(text, classes, bold) for text, classes, bold in texts):
        return None
    chosen = [classes.index(fit_class(text, classes, bold)) for text, classes, bold in texts]
    fixed = _height_pt(details, INFO_CLASSES[1], False, width) if details else 0.0
    while True:
        height = fixed + sum(_height_pt(text, classes[i], bold, width) for (text, classes, bold), i in zip(texts, chosen))
        if height <= BLOCK_HEIGHT_PT:
            return tuple(classes[i] for (_, classes, _), i in zip(texts, chosen))
        shrinkable = [k for k, ((_, classes, _), i) in enumerate(zip(texts, chosen)) if i + 1 < len(classes)]
        if not shrinkable:
            return None
        k = max(shrinkable, key=lambda k: texts[k][1][chosen[k]].size)
        chosen[k] += 1


BLOCK_HEIGHT_PT = MIDDLE_HEIGHT / 20
