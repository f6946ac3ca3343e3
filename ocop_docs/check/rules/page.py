"""The page and the fonts: paper, margins, page numbers (PAGE-01..05), font, colour and case (FONT-01, FONT-04).

Each entry point is registered with the ND30 rule IDs it checks and the kinds of document each
rule applies to (``check/registry.py``); findings go through ``Checker.add``."""
from __future__ import annotations

import re

from ...docx.blocks import Block
from ...nd30.rules import (
    A4_TWIPS,
    ELEMENTS,
    MARGIN_RANGES_MM,
    MARGIN_TOLERANCE_MM,
    MM,
    PAGE_SIZE_TOLERANCE_MM,
)
from ..common import ALIGN_VI, RuleGroup, estimate_pages, fmt_mm, is_tnr, sizes_text
from ..registry import ALL, NOT_CERT, checks


def _is_page_field(instr: str) -> bool:
    words = instr.strip().split()
    return bool(words) and words[0].upper() == "PAGE"


class PageRules(RuleGroup):
    """Rules of page; mixed into :class:`ocop_docs.check.checks.Checker`."""

    @checks(part='page', rules={"ND30-PAGE-01": ALL, "ND30-PAGE-02": NOT_CERT, "ND30-PAGE-03": NOT_CERT, "ND30-PAGE-04": NOT_CERT})
    def check_page(self, kind: str) -> None:
        aw, ah = A4_TWIPS
        tol = MM * PAGE_SIZE_TOLERANCE_MM  # ND30-PAGE-01
        for sec in self.view.sections:
            where = f"thiết lập trang, mục {sec.index + 1}"
            w, h = sec.page_width, sec.page_height
            portrait = abs(w - aw) <= tol and abs(h - ah) <= tol
            landscape = abs(w - ah) <= tol and abs(h - aw) <= tol
            if not (portrait or landscape):
                self.add("ND30-PAGE-01", where, f"khổ giấy {fmt_mm(w)} × {fmt_mm(h)}")
            # ND30-PAGE-02: landscape only with tables or charts
            if sec.landscape and kind != "certificate" and not (sec.has_table or sec.has_chart):
                self.add("ND30-PAGE-02", where, "trang nằm ngang nhưng không có bảng, biểu")
            # ND30-PAGE-03: margins (left includes the gutter)
            bad = []
            values = {"top": sec.top, "bottom": sec.bottom, "left": sec.left + sec.gutter, "right": sec.right}
            names = {"top": "lề trên", "bottom": "lề dưới", "left": "lề trái", "right": "lề phải"}
            for side, (lo, hi) in MARGIN_RANGES_MM.items():
                mm = values[side] / MM
                if mm < lo - MARGIN_TOLERANCE_MM or mm > hi + MARGIN_TOLERANCE_MM:
                    bad.append(f"{names[side]} {fmt_mm(values[side])}")
            if bad:
                self.add("ND30-PAGE-03", where, "; ".join(bad))
        self.check_page_numbers(kind)

    def _page_fields(self, key_: str | None) -> list[Block]:
        if not key_:
            return []
        return [b for b in self.view.header_blocks.get(key_, []) if any(_is_page_field(f) for f in b.fields)]

    def check_page_numbers(self, kind: str) -> None:
        """ND30-PAGE-04: Arabic page numbers, 13–14 pt, roman, centred in the header, not on page 1."""
        if not self.view.sections:
            return
        sec = self.view.sections[0]
        default = self._page_fields(sec.headers.get("default"))
        first = self._page_fields(sec.headers.get("first")) if sec.title_pg else default
        footer_numbers = self._page_fields(sec.footers.get("default")) + (
            self._page_fields(sec.footers.get("first")) if sec.title_pg else [])
        if footer_numbers:
            self.add("ND30-PAGE-04", footer_numbers[0], "số trang đặt ở chân trang", element="page_number")
        if not default:
            if not footer_numbers and estimate_pages(self.view) > 1.05:
                self.add("ND30-PAGE-04", "đầu trang, mục 1", "văn bản nhiều trang nhưng không có số trang ở đầu trang",
                         element="page_number")
        else:
            if first:
                why = "số trang hiển thị ở trang thứ nhất" + ("" if sec.title_pg else " (chưa bật 'Trang đầu khác' — titlePg)")
                self.add("ND30-PAGE-04", first[0], why, element="page_number")
            block = default[0]
            runs = [r for r in block.runs if r.field == "PAGE" and r.text.strip()]
            problems = []
            sizes = {r.fmt.size for r in runs} or ({block.mark.size} if block.mark else set())
            spec = ELEMENTS["page_number"]
            if sizes - set(spec.sizes):
                problems.append(f"cỡ chữ {sizes_text(sizes)}")
            if any(r.fmt.bold for r in runs):
                problems.append("in đậm")
            if any(r.fmt.italic for r in runs):
                problems.append("in nghiêng")
            if block.para.alignment != spec.align:
                problems.append(ALIGN_VI.get(block.para.alignment, block.para.alignment))
            instr = " ".join(f for f in block.fields if _is_page_field(f)).lower()
            if re.search(r"\\\*\s*(roman|alphabetic|arabicdash|ordinal|cardtext|ordtext)", instr):
                problems.append("không dùng chữ số Ả Rập")
            if sec.page_number_format not in (None, "decimal"):
                problems.append(f"định dạng số trang '{sec.page_number_format}'")
            if sec.page_number_start not in (None, 1):
                problems.append(f"đánh số từ {sec.page_number_start}")
            if problems:
                self.add("ND30-PAGE-04", block, "; ".join(problems), element="page_number")
            if self.view.even_and_odd_headers and not self._page_fields(sec.headers.get("even")):
                self.add("ND30-PAGE-04", "đầu trang (trang chẵn), mục 1", "trang chẵn không có số trang",
                         element="page_number")

    @checks(part='page', rules={"ND30-FONT-01": ALL, "ND30-FONT-04": NOT_CERT})
    def check_fonts(self, kind: str) -> None:
        """ND30-FONT-01 (Times New Roman, NFC, black except on a certificate, whose colours are its
        design, not ND30's) and FONT-04 (Caps formatting)."""
        black = kind != "certificate"
        blocks = list(self.view.blocks)
        for hb in self.view.header_blocks.values():
            blocks.extend(hb)
        for block in blocks:
            reported: set[object] = set()  # ("font", name), ("color", hex) or a flag's name
            for run in block.runs:
                if not run.text.strip():
                    continue
                fmt = run.fmt
                for font in fmt.fonts_for(run.text):
                    if not is_tnr(font) and ("font", font) not in reported:
                        reported.add(("font", font))
                        found = f"phông '{font}'" if font else "phông chữ không được khai báo (Word dùng phông mặc định của máy)"
                        self.add("ND30-FONT-01", block, found, aggregate=True)
                if black and not fmt.is_black and ("color", fmt.color) not in reported:
                    reported.add(("color", fmt.color))
                    self.add("ND30-FONT-01", block, f"chữ màu #{fmt.color}", aggregate=True)
                if run.decomposed and "nfd" not in reported:
                    reported.add("nfd")
                    self.add("ND30-FONT-01", block, "chữ tiếng Việt dạng tổ hợp (NFD), không phải dựng sẵn (NFC)",
                             aggregate=True)
                if fmt.caps and "caps" not in reported:
                    reported.add("caps")
                    self.add("ND30-FONT-04", block, "chữ in hoa bằng định dạng Caps (w:caps)", aggregate=True)
