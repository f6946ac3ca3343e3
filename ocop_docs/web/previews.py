"""Pictures of a document's pages: PDF (LibreOffice, through ``ocop_docs.convert``) → PNG (pdftoppm).

Also the text of each page (pdftotext), so a finding can be placed on the page that shows it.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from ..errors import ConversionError
from ..vi.text import fold

MAX_PAGES = 40
"""Pages drawn for a preview; a longer document shows its first pages and says so."""
TIMEOUT_S = 60


def page_pictures(pdf: Path, outdir: Path, *, dpi: int = 80, max_pages: int = MAX_PAGES) -> list[Path]:
    """PNG pictures of the first ``max_pages`` pages of ``pdf`` in ``outdir``, in page order."""
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = outdir / "trang"
    try:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-l", str(max_pages), str(pdf), str(prefix)],
                       check=True, capture_output=True, timeout=TIMEOUT_S)
    except FileNotFoundError:
        raise ConversionError("Không có chương trình pdftoppm để vẽ trang (cài gói poppler-utils).") from None
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        raise ConversionError(f"Không vẽ được các trang của {pdf.name}.") from None
    pages = sorted(outdir.glob("trang-*.png"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1]))
    return pages


def page_texts(pdf: Path, *, max_pages: int = MAX_PAGES) -> list[str]:
    """The text of each page, folded (no accents, lower case, single spaces) for matching."""
    try:
        out = subprocess.run(["pdftotext", "-l", str(max_pages), "-enc", "UTF-8", str(pdf), "-"],
                             check=True, capture_output=True, timeout=TIMEOUT_S).stdout.decode("utf-8", "replace")
    except (FileNotFoundError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return []
    return [_squash(page) for page in out.split("\f")]


def _squash(text: str) -> str:
    return " ".join(fold(text, lower=True).split())


def page_of(excerpt: str, pages: list[str]) -> int | None:
    """The 1-based page whose text holds the start of ``excerpt``; None when no page does."""
    words = _squash(excerpt.replace("…", " ")).split()
    for n in (8, 5, 3):  # a long excerpt may wrap across a page break: try shorter starts
        if len(words) < min(n, 2):
            continue
        probe = " ".join(words[:n])
        hits = [i for i, page in enumerate(pages, start=1) if probe in page]
        if hits:
            return hits[0]
    return None
