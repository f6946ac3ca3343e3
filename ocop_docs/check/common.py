"""What the rule modules share: names of the boxes of the layout, formatting of measures, the
comparison of an element with its ND30 style, and the regexes of the checks.

Every rule cites its ID of ``docs/spec/nd30.md``; sizes, weights, alignments, margins, ratios,
strings and regexes come from ``nd30.rules``, ``nd30.formats`` and ``nd30.doctypes`` (the one
place where the ND30 rules live), the severity from ``RULES``. Where the spec marks one case of
an error rule as a WARNING (a zero before months 3–9 under DATE-02, a third ký hiệu group under
SO-03, an upper-cased mixed-case abbreviation such as QYĐ under SO-04/ABBR-01), the finding is
a warning: see ``nd30.rules.SOFT_CASES``.
"""
from __future__ import annotations

import math
import re

from ..docx.blocks import Block, DocumentView, Span
from ..nd30 import metrics
from ..nd30.rules import (
    MM,
    SINGLE_LINE_FACTOR,
    SOFT_CASES,  # noqa: F401  (re-exported: the soft cases used by add() through severity())
    ElementStyle,
)
from ..nd30.anatomy import is_upper
from .structure import (
    Element,
    Part,
    top_items,
)


class RuleGroup:
    """The checker as the rule groups (``check/rules/``) see it: each group is mixed into
    ``checks.Checker``, which sets these attributes and defines :meth:`add`. Stated here so that
    the groups can be read (and type-checked) on their own."""

    view: DocumentView
    parts: list[Part]
    notes: list[str]

    def add(self, rule_id: str, where, found: str, *, element: str = "", case: str | None = None,
            aggregate: bool = False) -> None:
        raise NotImplementedError  # Checker.add

    def style(self, rule_id: str, element: str, spans: list[Span] | Element | None, **kw) -> None:
        raise NotImplementedError  # Checker.style

BOX = {
    "quoc_hieu": "ô 1: Quốc hiệu", "tieu_ngu": "ô 1: Tiêu ngữ", "co_quan_chu_quan": "ô 2: cơ quan chủ quản",
    "co_quan_ban_hanh": "ô 2: cơ quan ban hành", "so_ky_hieu": "ô 3: số, ký hiệu",
    "dia_danh_ngay": "ô 4: địa danh, ngày tháng", "ten_loai": "ô 5a: tên loại", "trich_yeu": "ô 5a: trích yếu",
    "trich_yeu_cong_van": "ô 5b: trích yếu công văn", "kem_theo": "dòng kèm theo", "tham_quyen": "thẩm quyền ban hành",
    "can_cu": "ô 6: căn cứ", "quyet_dinh_keyword": "QUYẾT ĐỊNH:", "body": "ô 6: nội dung",
    "chuc_vu_ky": "ô 7a: quyền hạn, chức vụ", "ho_ten_ky": "ô 7b: họ tên người ký", "noi_nhan_label": "ô 9b: Nơi nhận",
    "noi_nhan_item": "ô 9b: Nơi nhận", "kinh_gui": "ô 9a: Kính gửi", "phu_luc_label": "phụ lục",
    "phu_luc_title": "phụ lục", "page_number": "số trang", "page": "trang in", "signature": "ô 7: chữ ký",
    "nguoi_soan_thao": "ô 12: ký hiệu người soạn thảo", "dia_chi_lien_he": "ô 13: địa chỉ liên hệ",
    "pham_vi_luu_hanh": "ô 11: chỉ dẫn phạm vi lưu hành",
}
ALIGN_VI = {"left": "canh trái", "right": "canh phải", "center": "canh giữa", "justify": "canh đều hai lề",
            "distribute": "dàn đều"}
_TNR = "times new roman"
_TNR_SUFFIXES = (" bold italic", " bold", " italic", " regular")


_LEADER_RE = re.compile(r"[.…_]{5,}")


def is_fill_in_line(text: str) -> bool:
    """A line of a print-ready blank to be filled in by hand: it holds a dot leader ("……………",
    "..........") of at least five dots, ellipses or underscores."""
    return bool(_LEADER_RE.search(text))


def fill_in_lines(body: list[Block]) -> set[int]:
    """Indexes of the fill-in lines of a print-ready blank, and of the label lines ending ":"
    that introduce them in the same layout ("4. Người đại diện:" over "- Họ tên: ……")."""
    out = {b.index for b in body if is_fill_in_line(b.text)}
    for b, nxt in zip(body, body[1:]):
        if nxt.index in out and b.text.rstrip().endswith(":") and b.para.alignment == nxt.para.alignment \
                and b.para.first_line == nxt.para.first_line:
            out.add(b.index)
    return out


def fmt_cm(twips: float) -> str:
    return f"{twips / 567:.2f}".replace(".", ",") + " cm"


def fmt_mm(twips: float) -> str:
    return f"{twips / MM:.1f}".replace(".", ",") + " mm"


def fmt_pt(pt: float) -> str:
    return (f"{pt:g}").replace(".", ",")


def sizes_text(sizes) -> str:
    return ", ".join(fmt_pt(s) for s in sorted(sizes)) + " pt"


def is_tnr(font: str | None) -> bool:
    """Times New Roman, also when named with a style suffix ("Times New Roman Bold", as in the
    decree's own Word copy: Word maps the face name to the family)."""
    if not font:
        return False
    name = font.strip().lower()
    for suffix in _TNR_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name == _TNR


def style_problems(spec: ElementStyle, spans: list[Span], *, align: bool = True, upper: bool = True,
                   bold: bool = True) -> list[str]:
    """What differs between the look of ``spans`` and the element style ``spec`` (Vietnamese)."""
    problems: list[str] = []
    pieces = [(r, p) for s in spans for r, p in s.pieces() if p.strip()]
    if not pieces:
        return problems
    bad_runs = [r for r, _ in pieces if r.fmt.size not in spec.sizes]
    if bad_runs:
        sizes = sorted({r.fmt.size for r, _ in pieces})
        source = bad_runs[0].fmt.size_source
        problems.append(f"cỡ chữ {sizes_text(sizes)} (theo {source})")
    n_bold = sum(1 for r, _ in pieces if r.fmt.bold)
    n_italic = sum(1 for r, _ in pieces if r.fmt.italic)
    if bold and spec.bold is True and n_bold < len(pieces):
        problems.append("không in đậm" if n_bold == 0 else "chỉ in đậm một phần")
    if bold and spec.bold is False and n_bold:
        problems.append("in đậm")
    if spec.italic is True and n_italic < len(pieces):
        problems.append("không in nghiêng" if n_italic == 0 else "chỉ in nghiêng một phần")
    if spec.italic is False and n_italic:
        problems.append("in nghiêng")
    if upper and spec.upper:
        shown = " ".join(s.shown for s in spans)
        if not is_upper(shown) or shown != shown.upper():
            problems.append("không in hoa")
    if align and spec.align != "any":
        seen = []
        for s in spans:
            if "\t" in s.block.text.strip():
                continue  # a two-column line laid out with tab stops: the tabs place it
            a = s.block.para.alignment
            ok = a == spec.align or (spec.align == "left" and a == "justify")
            if not ok and a not in seen:
                seen.append(a)
        if seen:
            problems.append(", ".join(ALIGN_VI.get(a, a) for a in seen))
    return problems


def estimate_pages(view: DocumentView) -> float:
    """A rough page count of the body (lines × line height / text height of section 1)."""
    if not view.sections:
        return 1.0
    sec = view.sections[0]
    text_height = max(sec.page_height - sec.top - sec.bottom, 1)

    def height(b: Block) -> float:
        size = max(b.summary.sizes) if b.summary.sizes else (b.mark.size if b.mark else 12)
        natural = size * 20 * SINGLE_LINE_FACTOR
        if b.para.line_rule == "auto":
            line_h = natural * b.para.line / 240
        elif b.para.line_rule == "exact":
            line_h = b.para.line
        else:
            line_h = max(b.para.line, natural)
        width = max(b.width, 567)
        lines = 0
        for piece in b.full_text.split("\n"):
            w = metrics.text_width_pt(piece, size) * 20 if piece else 0
            lines += max(1, math.ceil((w + max(b.para.first_line, 0)) / width))
        return lines * line_h + b.para.space_before + b.para.space_after

    total = 0.0
    for item in top_items(view):
        if item.block is not None:
            total += height(item.block)
            continue
        for row in item.table.rows:
            total += max((sum(height(view.blocks[i]) for i in cell.blocks) for cell in row), default=0)
    return total / text_height
