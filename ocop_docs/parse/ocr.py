"""Scanned pages read by OCR: Tesseract's Vietnamese model on a 300 dpi rendering (poppler).

Many signed plans and decisions exist only as scans (image-only pages, a red stamp over the
signature). A page without a text layer is rendered by ``pdftoppm`` and read by ``tesseract
-l vie``, each with a time limit, at most :data:`MAX_OCR_PAGES` pages per file. OCR misreads
digits ("2023- 2025" read "2033- 2025"), so every number, date and symbol read this way is
reported as uncertain (:func:`ocr_notes`), and checked against the rest of the document where
it can be.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from ..errors import UnreadableFile

DPI = 300
PAGE_SECONDS = 90
"""Time limit for rendering or reading one page."""
MAX_OCR_PAGES = 30
"""Most scanned pages read from one file (the rest are reported, not read)."""

Progress = Callable[[int, int], None]  # (pages done, pages to read)


def tools_missing() -> str | None:
    """The name of the missing program (pdftoppm, tesseract) or None when OCR can run."""
    for tool in ("pdftoppm", "tesseract"):
        if shutil.which(tool) is None:
            return tool
    return None


def ocr_page(path: str | Path, page: int) -> str:
    """The text of one page (1-based) of the PDF at ``path``, read by Tesseract (Vietnamese)."""
    try:
        image = subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-gray", "-png", str(path)],
            capture_output=True, timeout=PAGE_SECONDS, check=True,
        ).stdout
        text = subprocess.run(
            ["tesseract", "-", "-", "-l", "vie", "--psm", "4"],
            input=image, capture_output=True, timeout=PAGE_SECONDS, check=True,
        ).stdout
    except subprocess.TimeoutExpired:
        raise UnreadableFile(f"Nhận dạng chữ (OCR) trang {page} của tệp {path} quá {PAGE_SECONDS} giây; đã dừng.") from None
    except (subprocess.CalledProcessError, OSError) as exc:
        raise UnreadableFile(f"Không nhận dạng chữ (OCR) được trang {page} của tệp {path} ({type(exc).__name__}).") from None
    return text.decode("utf-8", errors="replace")


def ocr_pages(path: str | Path, pages: list[int], progress: Progress | None = None) -> tuple[dict[int, str], list[int]]:
    """The OCR text of ``pages`` (at most MAX_OCR_PAGES of them) and the pages left unread."""
    missing = tools_missing()
    if missing:
        raise UnreadableFile(
            f"Tệp {path} là bản quét ảnh (không có lớp chữ); cần chương trình '{missing}' để nhận dạng chữ (OCR): "
            "cài tesseract-ocr, tesseract-ocr-vie và poppler-utils (make system-deps)."
        )
    todo, skipped = pages[:MAX_OCR_PAGES], pages[MAX_OCR_PAGES:]
    out: dict[int, str] = {}
    for k, page in enumerate(todo):
        if progress:
            progress(k, len(todo))
        out[page] = ocr_page(path, page)
    if progress:
        progress(len(todo), len(todo))
    return out, skipped


# ---------------------------------------------------------------- what OCR may have misread
_RANGE_RE = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")


def ocr_notes(data: dict, texts: list[str], where: str) -> list[tuple[str, str]]:
    """(field, message) for each value an OCR reading may have got wrong, with checks against the text."""
    notes: list[tuple[str, str]] = []
    reason = f"đọc bằng nhận dạng chữ (OCR) từ bản quét ({where}); chữ số và ký hiệu có thể sai — đối chiếu bản gốc"
    for key, label in (("number", "số văn bản"), ("symbol", "ký hiệu"), ("date", "ngày ban hành"), ("year", "năm"),
                       ("end_year", "năm cuối")):
        if data.get(key) is not None:
            notes.append((key, f"{label} '{data[key]}' {reason}"))
    if data.get("legal_bases"):
        notes.append(("legal_bases", f"số, ngày của các văn bản căn cứ {reason}"))
    issued = data.get("date")
    for text in texts:
        for m in _RANGE_RE.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            if a > b:
                notes.append(("", f"khoảng năm '{m.group(0)}' có năm đầu sau năm cuối — có thể OCR đọc sai chữ số ({where})"))
        if issued is not None:
            for m in _YEAR_RE.finditer(text):
                if int(m.group(1)) > issued.year + 15:
                    notes.append(("", f"năm '{m.group(1)}' quá xa ngày ban hành {issued:%d/%m/%Y} — có thể OCR đọc sai ({where})"))
    return notes


# Tesseract reads the Roman "II." of a heading as "H.", "Il.", "ll." and "III." as "HI.", "IIl.": strokes
# of one glyph. Only at a heading's place: the rest of the line in capitals ("H. MỤC TIÊU").
_ROMAN_MISREAD_RE = re.compile(r"^(?P<label>H|HI|IH|Il|lI|ll|IIl|IlI|lII|lll|Hl|lH)\s*\.\s+(?P<rest>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,;-]{3,})$")


def roman_misread(text: str) -> tuple[str, str] | None:
    """An OCR'd heading whose Roman number was misread ("HI. NHIỆM VỤ" → "III. NHIỆM VỤ"), with the
    note that says so; None for any other line."""
    m = _ROMAN_MISREAD_RE.match(text.strip())
    if not m:
        return None
    strokes = sum(2 if c == "H" else 1 for c in m.group("label"))
    if strokes not in (2, 3):
        return None
    fixed = f"{'I' * strokes}. {m.group('rest')}"
    return fixed, f"đề mục OCR đọc là '{text.strip()[:40]}' được hiểu là '{fixed[:40]}' — cần đối chiếu bản gốc"

