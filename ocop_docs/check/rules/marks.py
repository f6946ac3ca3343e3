"""Marks on the whole document: contact details (ô 13), circulation notes (ô 11), and a final text without revisions (FINAL-01).

Each entry point is registered with the ND30 rule IDs it checks and the kinds of document each
rule applies to (``check/registry.py``); findings go through ``Checker.add``."""
from __future__ import annotations

import re

from lxml import etree

from ...nd30.anatomy import key
from ...nd30.formats import CIRCULATION_NOTES
from ...nd30.rules import ELEMENTS, RULE_ABOVE_CONTACT
from ..common import ALIGN_VI, RuleGroup, estimate_pages, fmt_cm, style_problems
from ..registry import ALL, DOCS, checks

_W_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}

_DRAFT_MARKS = tuple(
    (etree.XPath(xpath, namespaces=_W_NS), found)
    for xpath, found in (
        (".//w:ins | .//w:del | .//w:moveFrom | .//w:moveTo | .//w:rPrChange | .//w:pPrChange",
         "còn thay đổi theo dõi (Track Changes) chưa chấp nhận hoặc từ chối"),
        (".//w:commentReference", "còn ghi chú (comment)"),
        (".//w:highlight[not(@w:val='none')]", "còn tô màu đánh dấu (highlight)"),
    )
)

_CONTACT_RE = re.compile(r"\b(dia chi|dien thoai|dt|email|e-mail|website|fax)\s*:")

_CIRCULATION_KEYS = {key(t) for t in CIRCULATION_NOTES}


class MarkRules(RuleGroup):
    """Rules of marks; mixed into :class:`ocop_docs.check.checks.Checker`."""

    @checks(part='marks', rules={"ND30-ADDR-01": DOCS})
    def check_contact(self, kind: str) -> None:
        """ND30-ADDR-01: contact details (ô 13) at the foot of page 1 only, 11–12 pt, roman,
        under a solid line as wide as the text area. Looked for in the footers of section 1."""
        if not self.view.sections:
            return
        sec = self.view.sections[0]
        keys = {"first": sec.footers.get("first") if sec.title_pg else None, "default": sec.footers.get("default")}
        for kind_, key_ in keys.items():
            blocks = self.view.header_blocks.get(key_, []) if key_ else []
            contact = [b for b in blocks if _CONTACT_RE.search(key(b.text).lower())]
            if not contact:
                continue
            problems = []
            if kind_ == "default" and (sec.title_pg or estimate_pages(self.view) > 1.05):
                problems.append("địa chỉ liên hệ ở chân trang của mọi trang (chỉ ghi ở trang thứ nhất)")
            problems += style_problems(ELEMENTS["dia_chi_lien_he"], [b.span() for b in contact], align=False)
            first = contact[0]
            at = blocks.index(first)
            width = 0
            if first.para.border("top"):
                width = max(first.width, 0)
            elif at > 0:
                above = blocks[at - 1]
                if above.para.border("bottom") and (not above.text.strip() or above.text.strip() == first.text.strip()):
                    width = max(above.width, 0)
                else:
                    shapes = [s.width for s in above.shapes if s.is_line]
                    if shapes:
                        width = max(shapes)
            if not width:
                problems.append("không có đường kẻ nét liền phía trên")
            elif not (RULE_ABOVE_CONTACT[0] <= width / max(sec.text_width, 1) <= RULE_ABOVE_CONTACT[1]):
                problems.append(f"đường kẻ phía trên dài {fmt_cm(width)}, vùng trình bày rộng {fmt_cm(sec.text_width)}")
            if problems:
                self.add("ND30-ADDR-01", first, "; ".join(problems), element="dia_chi_lien_he")

    @checks(part='marks', rules={"ND30-MARK-03": DOCS})
    def check_marks(self, kind: str) -> None:
        """ND30-MARK-03: a circulation note ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ") in capitals,
        13–14 pt, bold, centred in a single-line rectangular frame."""
        for b in self.view.blocks:
            text = b.text.strip()
            if not text or len(text) > 40 or key(text) not in _CIRCULATION_KEYS:
                continue
            problems = style_problems(ELEMENTS["pham_vi_luu_hanh"], [b.span().strip()], align=False)
            table = self.view.tables[b.table] if b.table is not None else None
            in_box = table is not None and len(table.rows) == 1 and table.n_cols == 1
            framed = all(b.para.border(side) for side in ("top", "bottom", "left", "right")) or in_box
            if not framed:
                problems.append("không đặt trong khung hình chữ nhật")
            if b.para.alignment != "center":
                problems.append(ALIGN_VI.get(b.para.alignment, b.para.alignment))
            if problems:
                self.add("ND30-MARK-03", b, "; ".join(problems), element="pham_vi_luu_hanh")

    @checks(part='marks', rules={"ND30-FINAL-01": ALL})
    def check_final(self, kind: str) -> None:
        """ND30-FINAL-01: no revision, comment or highlight left in the text to sign (nd30.md §3.14)."""
        for block in self.view.blocks:
            p = block.element
            if p is None:
                continue
            for xpath, found in _DRAFT_MARKS:
                if xpath(p):
                    self.add("ND30-FINAL-01", block, found, aggregate=True)
