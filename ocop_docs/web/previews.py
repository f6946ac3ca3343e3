"""Pictures of a document's pages: PDF (LibreOffice, through ``ocop_docs.convert``) → PNG (pdftoppm).

Also the text of each page (pdftotext), so a finding can be placed on the page that shows it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import ConversionError
from ..vi.text import fold

MAX_PAGES = 40
"""Pages drawn for a preview; a longer document shows its first pages and says so."""
TIMEOUT_S = 60
_XHTML = "{http://www.w3.org/1999/xhtml}"


MAX_SIDE_PX = 2400
"""A page is drawn at most this wide and high (a PDF with a huge page is cropped, not a huge picture)."""


def page_pictures(pdf: Path, outdir: Path, *, dpi: int = 80, max_pages: int = MAX_PAGES, jpeg: bool = False) -> list[Path]:
    """PNG pictures of the first ``max_pages`` pages of ``pdf`` in ``outdir``, in page order
    (``jpeg``: JPEG pictures instead, quality 85).

    pdftoppm draws the pages in one call (raw pixels); Pillow writes the pictures, PNG with light
    compression: pdftoppm's own PNG writer took ~1.8 s for 8 pages, this ~0.2 s.
    """
    from PIL import Image

    outdir.mkdir(parents=True, exist_ok=True)
    raw = outdir / ".raw"
    shutil.rmtree(raw, ignore_errors=True)
    raw.mkdir()
    try:
        try:
            subprocess.run(["pdftoppm", "-r", str(dpi), "-l", str(max_pages), "-x", "0", "-y", "0",
                            "-W", str(MAX_SIDE_PX), "-H", str(MAX_SIDE_PX), str(pdf), str(raw / "trang")],
                           check=True, capture_output=True, timeout=TIMEOUT_S)
        except FileNotFoundError:
            raise ConversionError("Không có chương trình pdftoppm để vẽ trang (cài gói poppler-utils).") from None
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise ConversionError(f"Không vẽ được các trang của {pdf.name}.") from None
        pages = []
        for number, ppm in sorted((int(re.findall(r"\d+", p.stem)[-1]), p) for p in raw.glob("trang-*.ppm")):
            with Image.open(ppm) as picture:
                if jpeg:
                    picture.save(out := outdir / f"trang-{number}.jpg", quality=85)
                else:
                    picture.save(out := outdir / f"trang-{number}.png", compress_level=1)
            pages.append(out)
        return pages
    finally:
        shutil.rmtree(raw, ignore_errors=True)


@dataclass
class PageText:
    """A page's text (folded, for matching) and its lines with their boxes as fractions of the page."""

    text: str
    lines: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)


def page_texts(pdf: Path, *, max_pages: int = MAX_PAGES) -> list[PageText]:
    """The text of each page with the place of each line (pdftotext -bbox-layout)."""
    try:
        out = subprocess.run(["pdftotext", "-bbox-layout", "-l", str(max_pages), str(pdf), "-"],
                             check=True, capture_output=True, timeout=TIMEOUT_S).stdout
    except (FileNotFoundError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return []
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False, recover=True)
    root = etree.fromstring(out, parser)
    if root is None:
        return []
    pages = []
    for page in root.iter(f"{_XHTML}page"):
        width, height = float(page.get("width") or 1), float(page.get("height") or 1)
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            words = " ".join(w.text or "" for w in line.iter(f"{_XHTML}word"))
            box = tuple(float(line.get(k) or 0) for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append((_squash(words), (box[0] / width, box[1] / height, box[2] / width, box[3] / height)))
        pages.append(PageText(" ".join(t for t, _ in lines), lines))
    return pages


def _squash(text: str) -> str:
    return " ".join(fold(text, lower=True).split())


def page_of(excerpt: str, pages: list[PageText], min_words: int = 2) -> tuple[int | None, tuple[float, float, float, float] | None]:
    """The 1-based page whose text holds the start of ``excerpt`` (of at least ``min_words``
    words), and the box of its first line (fractions of the page); (None, None) when no page holds it."""
    words = _squash(excerpt.replace("…", " ")).split()
    for n in (8, 5, 3):  # a long excerpt may wrap across a page break: try shorter starts
        if len(words) < min(n, min_words):
            continue
        probe = " ".join(words[:n])
        for number, page in enumerate(pages, start=1):
            if probe in page.text:
                return number, _line_box(words, page)
    return None, None


def _line_box(words: list[str], page: PageText):
    """The box of the line where the excerpt starts (its first words, or its first word that
    begins a line when the excerpt wraps)."""
    for n in (3, 2, 1):
        probe = " ".join(words[:n])
        for i, (text, box) in enumerate(page.lines):
            if probe in text:
                following = " ".join(t for t, _ in page.lines[i:i + 3])
                if " ".join(words[:min(len(words), 6)]) in following or n == 1:
                    return box
    return None
