"""The ND30 rules, checked on an identified document.

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

from lxml import etree

from ..docx.blocks import Block, DocumentView, Span
from ..nd30 import metrics
from ..nd30.doctypes import ABBREVIATIONS, COPY_ABBREVIATIONS, WRONG_ABBREVIATIONS, doc_type
from ..nd30.formats import (
    CIRCULATION_NOTES,
    DATE_LINE_RE,
    DEGREE_RE,
    DRAFTER_LOOSE_RE,
    DRAFTER_RE,
    KINH_GUI_RE,
    LUU_RE,
    SIGNER_PREFIX_LOOSE_RE,
    SIGNER_PREFIX_VARIANTS,
    SO_KY_HIEU_DRAFT_RE,
    SO_KY_HIEU_RE,
)
from ..nd30.rules import (
    A4_TWIPS,
    BODY_FIRST_LINE_TWIPS,
    BODY_LINE_AUTO_RANGE,
    BODY_MIN_SPACING_PT,
    ELEMENTS,
    END_MARK,
    MARGIN_RANGES_MM,
    MARGIN_TOLERANCE_MM,
    MM,
    PAGE_SIZE_TOLERANCE_MM,
    QUOC_HIEU_VARIANTS,
    RULE_ABOVE_CONTACT,
    RULE_UNDER_ISSUER,
    RULE_UNDER_TIEU_NGU,
    RULE_UNDER_TRICH_YEU,
    RULES,
    SINGLE_LINE_FACTOR,
    SIZE_PROFILES,
    SOFT_CASES,  # noqa: F401  (re-exported: the soft cases used by add() through severity())
    TIEU_NGU,
    ElementStyle,
    severity,
)
from ..vi.numbers import diem_index, diem_letter, from_roman, roman
from ..vi.text import fold
from .report import Finding
from .structure import (
    HEADING_RE,
    Element,
    Heading,
    Part,
    RuleLine,
    find_rule,
    is_upper,
    key,
    span_width_twips,
    top_items,
)

# Which rules apply to which kind of document (nd30.md; "form" and "certificate" are not ND30
# document types: only the generic rules, resp. page size, font and Quốc hiệu, apply).
GENERIC = {
    "ND30-PAGE-01", "ND30-PAGE-02", "ND30-PAGE-03", "ND30-PAGE-04", "ND30-PAGE-05", "ND30-FONT-01",
    "ND30-FONT-03", "ND30-FONT-04", "ND30-LAYOUT-02", "ND30-QH-01", "ND30-QH-02", "ND30-QH-03",
    "ND30-QH-04", "ND30-CQ-02", "ND30-CQ-03", "ND30-SO-02", "ND30-SO-03", "ND30-SO-04", "ND30-DATE-01",
    "ND30-DATE-02", "ND30-DATE-03", "ND30-FINAL-01",
}
TYPED = GENERIC | {
    "ND30-TITLE-01", "ND30-TITLE-02", "ND30-TITLE-03", "ND30-BODY-01", "ND30-BODY-03", "ND30-BODY-05",
    "ND30-BODY-06", "ND30-BODY-07", "ND30-SIGN-01", "ND30-SIGN-04", "ND30-RECIP-01", "ND30-RECIP-03",
    "ND30-APPX-01", "ND30-APPX-02", "ND30-APPX-03", "ND30-DRAFTER-01", "ND30-ADDR-01", "ND30-MARK-03",
}
APPLICABLE: dict[str, set[str]] = {
    "plan": TYPED | {"ND30-TITLE-04", "ND30-SIGN-02"},
    "report": TYPED | {"ND30-SIGN-02", "ND30-RECIP-02"},
    # Biên bản (Mẫu 1.9): no căn cứ; signed by individuals (THƯ KÝ, CHỦ TỌA), not "TM."
    "minutes": TYPED - {"ND30-BODY-01"},
    # Công văn (Mẫu 1.5): no tên loại, "V/v …" trích yếu (TITLE-03), no căn cứ, "Kính gửi"
    "letter": (TYPED - {"ND30-TITLE-01", "ND30-TITLE-02", "ND30-BODY-01"}) | {"ND30-SIGN-02", "ND30-RECIP-02"},
    "other": TYPED | {"ND30-RECIP-02"},
    "decision": TYPED | {"ND30-TITLE-04", "ND30-TPL-QD-01", "ND30-TPL-QD-02", "ND30-TPL-QD-03", "ND30-STR-01"},
    "attached": TYPED | {"ND30-TPL-ATT-01"},
    "legal": TYPED - {"ND30-SO-03"},
    "form": set(GENERIC),
    # A certificate is not an ND30 type (ND30-ABBR-03): A4 (landscape allowed), Times New Roman (its
    # decorative colours are its own design, see check_fonts), the Quốc hiệu and Tiêu ngữ.
    "certificate": {"ND30-PAGE-01", "ND30-FINAL-01", "ND30-FONT-01", "ND30-LAYOUT-02", "ND30-QH-01", "ND30-QH-02", "ND30-QH-03", "ND30-QH-04"},
}

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
_PLACE_GENERIC = ("thành phố", "thủ đô", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "đặc khu")
_PLACEHOLDER_RE = re.compile(r"…|\.\.")
# ND30-DATE-02: the parts of a date line, each possibly blank ("……, ngày    tháng    năm 20...")
_DATE_PARTS_RE = re.compile(r"^(?P<place>[^,]*),\s*ngày\b(?P<day>.*?)\btháng\b(?P<month>.*?)\bnăm\b(?P<year>.*)$")
_BLANK_RE = re.compile(r"^[\s.…_]*$")
_DRAFT_YEAR_RE = re.compile(r"^(?:\d{2}|\d{4})?[.…_]*$")  # "20...", "20…", "2026"


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
_LEADER_RE = re.compile(r"[.…_]{5,}")
_DRAFTER_LINE_RE = re.compile(r"^[^\W\d_]+\s*\.\s*\([^()]*\)\.?$")
_CONTACT_RE = re.compile(r"\b(dia chi|dien thoai|dt|email|e-mail|website|fax)\s*:")
_CIRCULATION_KEYS = {key(t) for t in CIRCULATION_NOTES}


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


def _belongs_to_table(blocks: list[Block], b: Block) -> bool:
    """A paragraph that goes with a table rather than the running text: a caption or unit line kept
    with the table below it ("Bảng 2. …", "(Đơn vị tính: đồng)"), or a note in brackets right under a
    table ("(Bằng chữ: …)")."""
    if b.table is not None:
        return False
    k = b.index
    while k < len(blocks) and k - b.index < 3 and blocks[k].table is None and blocks[k].para.keep_next:
        k += 1
    if k > b.index and k < len(blocks) and blocks[k].table is not None:
        return True
    previous = blocks[b.index - 1] if b.index > 0 else None
    return previous is not None and previous.table is not None and b.text.strip().startswith("(")


def _is_blank(value: str) -> bool:
    """A field left to be filled in by hand: empty, or dots, ellipses or underscores."""
    return bool(_BLANK_RE.match(value))


def fmt_cm(twips: float) -> str:
    return f"{twips / 567:.2f}".replace(".", ",") + " cm"


def fmt_mm(twips: float) -> str:
    return f"{twips / MM:.1f}".replace(".", ",") + " mm"


def fmt_pt(pt: float) -> str:
    return (f"{pt:g}").replace(".", ",")


def _sizes(sizes) -> str:
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
        problems.append(f"cỡ chữ {_sizes(sizes)} (theo {source})")
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


class Checker:
    """Runs the rules over the parts of one document and collects findings."""

    def __init__(self, view: DocumentView, parts: list[Part]):
        self.view = view
        self.parts = parts
        self.findings: list[Finding] = []
        self._aggregate: dict[tuple, Finding] = {}
        self.notes: list[str] = []
        self.applicable: set[str] = set()

    # ------------------------------------------------------------------ findings
    def add(self, rule_id: str, where, found: str, *, element: str = "", case: str | None = None,
            aggregate: bool = False) -> None:
        if rule_id not in self.applicable:
            return
        rule = RULES[rule_id]
        severity_ = severity(rule_id, case)
        location, excerpt = self._where(where)
        element_name = BOX.get(element, element)
        if aggregate:
            k = (rule_id, found, severity_)
            existing = self._aggregate.get(k)
            if existing is not None:
                if location not in existing.other_locations and location != existing.location:
                    existing.count += 1
                    existing.other_locations.append(location)
                return
        finding = Finding(rule_id, severity_, location, found, rule.asks, excerpt, element_name)
        self.findings.append(finding)
        if aggregate:
            self._aggregate[(rule_id, found, severity_)] = finding

    @staticmethod
    def _where(where) -> tuple[str, str]:
        if where is None:
            return "", ""
        if isinstance(where, str):
            return where, ""
        if isinstance(where, Element):
            where = where.first
        if isinstance(where, Span):
            return str(where.location), where.first_words() if where.text.strip() else where.block.first_words()
        if isinstance(where, Block):
            return str(where.location), where.first_words()
        return str(where), ""

    def style(self, rule_id: str, element: str, spans: list[Span] | Element | None, **kw) -> None:
        """Compare an element with its ELEMENTS style; one finding listing the differences."""
        if spans is None:
            return
        if isinstance(spans, Element):
            spans = spans.spans
        if not spans:
            return
        problems = style_problems(ELEMENTS[element], spans, **kw)
        if problems:
            self.add(rule_id, spans[0], "; ".join(problems), element=element)

    # ------------------------------------------------------------------ driver
    def run(self, kinds: list[str]) -> list[Finding]:
        first_kind = kinds[0] if kinds else "other"
        self.applicable = APPLICABLE.get(first_kind, TYPED)
        self.check_page(first_kind)
        self.check_fonts(black=first_kind != "certificate")
        self.check_contact()
        self.check_marks()
        self.check_final()
        for part, kind in zip(self.parts, kinds):
            self.applicable = APPLICABLE.get(kind, TYPED)
            self.check_part(part, kind)
        return self.findings

    # ------------------------------------------------------------------ page (PAGE-01..05)
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
                problems.append(f"cỡ chữ {_sizes(sizes)}")
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

    # ------------------------------------------------------------------ fonts (FONT-01, FONT-04)
    def check_fonts(self, black: bool = True) -> None:
        """ND30-FONT-01 (Times New Roman, NFC, black unless ``black`` is False: a certificate's
        colours are its design, not ND30's) and FONT-04 (Caps formatting)."""
        blocks = list(self.view.blocks)
        for hb in self.view.header_blocks.values():
            blocks.extend(hb)
        for block in blocks:
            reported = set()
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

    # ------------------------------------------------------------------ one part
    def check_part(self, part: Part, kind: str) -> None:
        self.check_header(part, kind)
        self.check_title(part, kind)
        if kind in ("form", "certificate"):
            return
        self.check_can_cu(part, kind)
        self.check_body(part, kind)
        self.check_headings(part, kind)
        self.check_signature(part, kind)
        self.check_recipients(part, kind)
        self.check_appendices(part)
        if kind == "decision":
            self.check_decision(part)
        if kind == "attached":
            self.check_attached(part)

    # ------------------------------------------------------------------ header (ô 1–4)
    def check_header(self, part: Part, kind: str) -> None:
        has_header = part.header_table is not None or part.quoc_hieu is not None or part.so is not None
        if part.quoc_hieu is None:
            if not part.appendix_first and (has_header or kind in ("plan", "decision", "report", "certificate")):
                where = part.header_blocks[0] if part.header_blocks else "đầu văn bản"
                self.add("ND30-QH-01", where, "không có Quốc hiệu", element="quoc_hieu")
        else:
            self.check_quoc_hieu(part)
        if part.tieu_ngu is None:
            if part.quoc_hieu is not None:
                self.add("ND30-QH-02", part.quoc_hieu, "không có Tiêu ngữ dưới Quốc hiệu", element="tieu_ngu")
        else:
            self.check_tieu_ngu(part)
        self.check_size_pairs(part)
        if part.chu_quan is not None:
            self.style("ND30-CQ-02", "co_quan_chu_quan", part.chu_quan)
        if part.ban_hanh is not None:
            self.style("ND30-CQ-02", "co_quan_ban_hanh", part.ban_hanh)
            self.check_rule("ND30-CQ-03", part.issuer_rule, part.ban_hanh, RULE_UNDER_ISSUER, "co_quan_ban_hanh",
                            "tên cơ quan ban hành")
        if part.so is not None:
            self.check_so(part, kind)
        if part.date is not None:
            self.check_date(part)
        if part.vv is not None:
            self.style("ND30-TITLE-03", "trich_yeu_cong_van", part.vv)
            container = [b for b in part.header_blocks if b.col == part.vv.first.block.col]
            own = part.vv.blocks
            if own[-1] in container:
                rule = find_rule(container, container.index(own[-1]), own, limit=1)
                if rule is not None:
                    self.add("ND30-TITLE-03", part.vv, f"có {rule.describe()} dưới trích yếu công văn",
                             element="trich_yeu_cong_van")

    def check_quoc_hieu(self, part: Part) -> None:
        qh = part.quoc_hieu
        shown = qh.first.display
        if part.quoc_hieu_split:
            self.add("ND30-LAYOUT-02", qh, "Quốc hiệu bị ngắt thành hai dòng", element="quoc_hieu")
        elif shown not in QUOC_HIEU_VARIANTS:
            self.add("ND30-QH-01", qh, f"'{qh.text}'", element="quoc_hieu")
        self.style("ND30-QH-01", "quoc_hieu", qh)
        # ND30-LAYOUT-02: the Quốc hiệu fits on one line of its cell
        span = qh.first
        width = span_width_twips(span)
        room = span.block.width
        if not part.quoc_hieu_split and room > 0 and width > room:
            self.add("ND30-LAYOUT-02", qh,
                     f"Quốc hiệu cần {fmt_cm(width)} nhưng chỗ trình bày chỉ rộng {fmt_cm(room)} (sẽ xuống dòng)",
                     element="quoc_hieu")

    def check_tieu_ngu(self, part: Part) -> None:
        tn = part.tieu_ngu
        text = tn.first.text.strip()
        if text != TIEU_NGU:
            problems = []
            if "–" in text or "—" in text:
                problems.append("dùng gạch ngang dài '–' thay cho gạch nối '-'")
            if re.search(r"\S-|-\S", text):
                problems.append("thiếu dấu cách hai bên gạch nối")
            if re.search(r"\s{2,}", text):
                problems.append("thừa dấu cách")
            if key(text) == key(TIEU_NGU) and not problems:
                problems.append("viết hoa, viết thường không đúng")
            found = f"'{text}'" + (f" ({'; '.join(problems)})" if problems else "")
            self.add("ND30-QH-02", tn, found, element="tieu_ngu")
        self.style("ND30-QH-02", "tieu_ngu", tn)
        self.check_rule("ND30-QH-03", part.tieu_ngu_rule, tn, RULE_UNDER_TIEU_NGU, "tieu_ngu", "Tiêu ngữ")
        # ND30-QH-04: one below the other, single spacing, no blank line between
        if part.quoc_hieu is not None:
            qb = part.quoc_hieu.spans[-1].block
            tb = tn.first.block
            problems = []
            if qb is not tb:
                between = [b for b in part.header_blocks if qb.index < b.index < tb.index and b.table == qb.table]
                if any(b.is_empty for b in between):
                    problems.append("có dòng trống giữa Quốc hiệu và Tiêu ngữ")
                gap = qb.para.space_after + tb.para.space_before
                if gap > BODY_MIN_SPACING_PT * 20 - 1 and not (qb.para.contextual_spacing and tb.para.contextual_spacing):
                    problems.append(f"cách nhau {fmt_pt(gap / 20)} pt")
            for b in {qb, tb}:
                size = b.summary.size or 13
                lines = b.para.line_spacing_lines(size)
                if b.para.line_rule != "atLeast" and lines > 1.2:
                    problems.append(f"giãn dòng {lines:.2f} dòng".replace(".", ","))
                    break
            if problems:
                self.add("ND30-QH-04", tn, "; ".join(problems), element="tieu_ngu")

    def check_size_pairs(self, part: Part) -> None:
        """ND30-FONT-03: Quốc hiệu 13 / Tiêu ngữ 14 / date 14, or 12 / 13 / 13 (``SIZE_PROFILES``)."""
        if part.quoc_hieu is None or part.tieu_ngu is None or part.date is None:
            return
        qh = part.quoc_hieu.first.summary.size
        tn = part.tieu_ngu.first.summary.size
        dt = part.date.first.summary.size
        if qh is None or tn is None or dt is None or qh not in SIZE_PROFILES:
            return
        want_tn, want_dt = SIZE_PROFILES[qh]
        if tn != want_tn or dt != want_dt:
            self.add("ND30-FONT-03", part.tieu_ngu,
                     f"Quốc hiệu {fmt_pt(qh)}, Tiêu ngữ {fmt_pt(tn)}, ngày tháng {fmt_pt(dt)} "
                     f"(với Quốc hiệu {fmt_pt(qh)} cần Tiêu ngữ {fmt_pt(want_tn)} và ngày tháng {fmt_pt(want_dt)})",
                     element="tieu_ngu")

    def check_rule(self, rule_id: str, rule: RuleLine | None, element: Element, ratio: tuple[float, float],
                   element_key: str, name: str) -> None:
        """A line under an element, whose length is ``ratio`` of the element's widest line."""
        # a line longer than its paragraph wraps: its longest printed line is the paragraph width
        text_width = max((min(span_width_twips(s), s.block.width) if s.block.width > 0 else span_width_twips(s)
                          for s in element.spans), default=0)
        if rule is None:
            self.add(rule_id, element, f"không có đường kẻ dưới {name}", element=element_key)
            return
        if text_width <= 0:
            return
        r = rule.width / text_width
        lo, hi = ratio
        if not (lo <= r <= hi):
            self.add(rule_id, element,
                     f"{rule.describe()} = {r * 100:.0f}% dòng {name} ({fmt_cm(text_width)})", element=element_key)

    # ------------------------------------------------------------------ số, ký hiệu (SO-02..04)
    def check_so(self, part: Part, kind: str) -> None:
        """ND30-SO-02/03/04. A line matching nd30.formats' final or draft regex has the right
        shape; anything else is taken apart to say what is wrong."""
        so = part.so
        text = so.first.clean
        self.style("ND30-SO-04", "so_ky_hieu", so)
        good = SO_KY_HIEU_RE.match(text) or SO_KY_HIEU_DRAFT_RE.match(text)
        m = re.match(r"^(?P<word>[^\s:]+)\s*(?P<colon>:?)\s*(?P<number>[^/]*?)(?P<gap>\s*)/(?P<rest>.*)$", text)
        if not m:
            self.add("ND30-SO-04", so, f"'{text}' không có dạng 'Số: …/…'", element="so_ky_hieu")
            return
        problems = []
        number = m.group("number").strip()
        draft = not number or not _PLACEHOLDER_RE.sub("", number).strip(" .")
        rest = m.group("rest").strip()
        year = re.match(r"^(\d{4})\s*/\s*(.*)$", rest)
        if year:
            rest = year.group(2)
            if kind == "legal":
                self.notes.append(
                    f"Số '{text}' có năm: đó là số của văn bản quy phạm pháp luật (ngoài phạm vi ND30, Điều 4.2.a); "
                    "không báo ND30-SO-03.")
            else:
                self.add("ND30-SO-03", so, f"số có năm '{year.group(1)}' (dạng của văn bản quy phạm pháp luật)",
                         element="so_ky_hieu")
        if not good:
            if m.group("word") != "Số":
                problems.append(f"viết '{m.group('word')}' thay cho 'Số'")
            if not m.group("colon"):
                problems.append("thiếu dấu hai chấm sau 'Số'")
            if not draft:
                if number.isdigit():
                    if int(number) < 10 and not number.startswith("0"):
                        self.add("ND30-SO-02", so, f"số '{number}' không có số 0 phía trước", element="so_ky_hieu")
                    if m.group("gap") or m.group("rest")[:1].isspace():
                        problems.append("có dấu cách quanh dấu '/'")
                else:
                    problems.append(f"số '{number}' không phải chữ số Ả Rập")
            if re.search(r"\s", rest) and not _PLACEHOLDER_RE.search(rest):
                problems.append("có dấu cách trong ký hiệu")
        if problems:
            self.add("ND30-SO-04", so, "; ".join(problems), element="so_ky_hieu")
        self.check_symbol(part, kind, so, re.sub(r"\s", "", rest))

    def check_symbol(self, part: Part, kind: str, so: Element, symbol: str) -> None:
        if not symbol or _PLACEHOLDER_RE.search(symbol) or kind == "legal":
            return
        groups = symbol.split("-")
        first = groups[0]
        expected = None
        if part.type_name:
            try:
                expected = doc_type(part.type_name).abbreviation
            except KeyError:
                expected = None
        known = ABBREVIATIONS | COPY_ABBREVIATIONS
        if part.vv is not None and part.type_name is None:
            return  # công văn: ký hiệu is issuer-unit, no type abbreviation (ND30-SO-03)
        if expected and first == expected:
            pass  # the Phụ lục III abbreviation of the tên loại
        elif first.upper() in {a.upper() for a in known} and first not in known:
            official = next(a for a in known if a.upper() == first.upper())
            if first == official.upper():
                self.add("ND30-SO-04", so, f"viết '{first}' thay cho chữ viết tắt chính thức '{official}'",
                         element="so_ky_hieu", case="upper_cased_abbreviation")
            else:
                self.add("ND30-SO-04", so, f"ký hiệu '{first}' không in hoa (chính thức: '{official}')",
                         element="so_ky_hieu")
            if expected and official != expected:
                self.add("ND30-SO-03", so, f"chữ viết tắt '{first}' không khớp tên loại '{part.type_name}' ({expected})",
                         element="so_ky_hieu")
        elif first in WRONG_ABBREVIATIONS:
            right = WRONG_ABBREVIATIONS[first]
            hint = f" (đúng là '{right}')" if right else " (công văn không có chữ viết tắt tên loại)"
            self.add("ND30-SO-03", so, f"chữ viết tắt '{first}' không có trong Phụ lục III{hint}", element="so_ky_hieu")
        elif expected and first in known:
            self.add("ND30-SO-03", so, f"chữ viết tắt '{first}' không khớp tên loại '{part.type_name}' ({expected})",
                     element="so_ky_hieu")
        elif expected or kind in ("plan", "decision", "report"):
            self.add("ND30-SO-03", so, f"chữ viết tắt tên loại '{first}' không có trong Phụ lục III", element="so_ky_hieu")
        if len(groups) < 2 and expected:
            self.add("ND30-SO-03", so, f"ký hiệu '{symbol}' thiếu chữ viết tắt tên cơ quan ban hành", element="so_ky_hieu")
        elif len(groups) > 2 and expected:
            self.add("ND30-SO-03", so, f"ký hiệu '{symbol}' có {len(groups)} nhóm (Nghị định chỉ quy định 2 nhóm)",
                     element="so_ky_hieu", case="third_group")
        for g in groups[1:]:
            if g and g not in known and g != g.upper():
                self.add("ND30-SO-04", so, f"nhóm '{g}' của ký hiệu không in hoa", element="so_ky_hieu")
                break

    # ------------------------------------------------------------------ date (DATE-01..03)
    def check_date(self, part: Part) -> None:
        date = part.date
        text = date.first.clean
        self.style("ND30-DATE-03", "dia_danh_ngay", date)
        if part.header_table is not None and date.first.block.col == 0 and part.header_table.n_cols > 1:
            self.add("ND30-DATE-03", date, "địa danh, ngày tháng nằm ở cột trái (phải ở dưới Quốc hiệu, Tiêu ngữ)",
                     element="dia_danh_ngay")
        m = _DATE_PARTS_RE.match(text)
        if DATE_LINE_RE.match(text) and not (m and _is_blank(m.group("place"))):
            self.check_place(date, text.split(",")[0])
            return
        if not m and "," not in text:
            m = _DATE_PARTS_RE.match(re.sub(r"\s+ngày\b", ", ngày", text, count=1))
            if m:
                self.add("ND30-DATE-03", date, f"'{text}': thiếu dấu phẩy sau địa danh", element="dia_danh_ngay")
        if not m:
            self.add("ND30-DATE-02", date, f"'{text}' không đúng dạng '<Địa danh>, ngày … tháng … năm …'",
                     element="dia_danh_ngay")
            return
        place, day, month, year = (m.group(g).strip() for g in ("place", "day", "month", "year"))
        if re.fullmatch(r"\d+\.", year):
            year = year[:-1]  # a full stop after the year
        # Draft (print-ready) mode: day and month left blank for the văn thư (ND30-DATE-02); the
        # place may then be dots too, as in the decree's own samples ("……, ngày … tháng … năm 20...").
        draft = _is_blank(day) and _is_blank(month)
        if _is_blank(place):
            if not draft:
                self.add("ND30-DATE-01", date, f"'{text}': địa danh để trống nhưng ngày tháng đã ghi",
                         element="dia_danh_ngay")
        else:
            self.check_place(date, place)
        for what, value in (("ngày", day), ("tháng", month)):
            if not _is_blank(value) and not value.isdigit():
                self.add("ND30-DATE-02", date, f"{what} '{value}' không phải chữ số Ả Rập", element="dia_danh_ngay")
        if day.isdigit() and (len(day) == 1 or day == "00" or int(day) > 31 or len(day) > 2):
            self.add("ND30-DATE-02", date, f"ngày '{day}' (ngày dưới 10 phải có số 0 phía trước)", element="dia_danh_ngay")
        if month.isdigit():
            mv = int(month)
            if mv in (1, 2) and len(month) == 1:
                self.add("ND30-DATE-02", date, f"tháng '{month}' (tháng 1, 2 phải ghi 01, 02)", element="dia_danh_ngay")
            elif 3 <= mv <= 9 and len(month) == 2:
                self.add("ND30-DATE-02", date, f"tháng '{month}' (tháng 3 đến 9 không ghi số 0 phía trước)",
                         element="dia_danh_ngay", case="month_zero")
            elif mv == 0 or mv > 12:
                self.add("ND30-DATE-02", date, f"tháng '{month}' không hợp lệ", element="dia_danh_ngay")
        if _is_blank(year) or (draft and _DRAFT_YEAR_RE.match(year)):
            return
        if not year.isdigit():
            self.add("ND30-DATE-02", date, f"năm '{year}' không phải chữ số Ả Rập", element="dia_danh_ngay")
        elif len(year) != 4:
            self.add("ND30-DATE-02", date, f"năm '{year}' không đủ 4 chữ số", element="dia_danh_ngay")

    def check_place(self, date: Element, place: str) -> None:
        """ND30-DATE-01: the official name, each syllable of the proper name capitalised, no 'TP.'."""
        place = place.strip()
        if not place or _PLACEHOLDER_RE.search(place):
            return
        if re.match(r"^(TP|Tp|tp|T\.P)\.?\s", place):
            self.add("ND30-DATE-01", date, f"địa danh viết tắt '{place}'", element="dia_danh_ngay")
            return
        rest = place
        low = rest.lower()
        for generic in _PLACE_GENERIC:
            if low.startswith(generic + " "):
                rest = rest[len(generic) + 1:]
                break
        bad = [w for w in rest.split() if w[:1].isalpha() and not w[:1].isupper()]
        if bad:
            self.add("ND30-DATE-01", date, f"địa danh '{place}' có âm tiết không viết hoa chữ cái đầu",
                     element="dia_danh_ngay")

    # ------------------------------------------------------------------ title (TITLE-01..04)
    def check_title(self, part: Part, kind: str) -> None:
        if kind in ("certificate",):
            return
        if part.ten_loai is None:
            if kind in ("plan", "decision", "report") and not part.appendix_first:
                self.add("ND30-TITLE-01", part.header_blocks[-1] if part.header_blocks else "đầu văn bản",
                         "không tìm thấy tên loại văn bản", element="ten_loai")
            return
        if kind == "form":
            return
        self.style("ND30-TITLE-01", "ten_loai", part.ten_loai)
        ty = part.trich_yeu
        if ty is None:
            if kind in ("plan", "decision", "report", "attached", "other"):
                self.add("ND30-TITLE-02", part.ten_loai, "không có trích yếu dưới tên loại", element="trich_yeu")
            return
        problems = style_problems(ELEMENTS["trich_yeu"], ty.spans)
        text = ty.text
        if is_upper(text) and len(text) > 12:
            problems.append("in hoa toàn bộ (trích yếu viết chữ thường, hoa chữ cái đầu)")
        elif text[:1].isalpha() and not text[:1].isupper():
            problems.append("chữ cái đầu không viết hoa")
        if problems:
            self.add("ND30-TITLE-02", ty, "; ".join(problems), element="trich_yeu")
        if kind == "attached" and part.kem_theo is not None:
            if part.trich_yeu_rule is None:
                self.add("ND30-TITLE-02", ty, "không có đường kẻ dưới trích yếu, dòng kèm theo", element="trich_yeu")
        elif kind != "legal" or part.trich_yeu_rule is None:
            self.check_rule("ND30-TITLE-02", part.trich_yeu_rule, ty, RULE_UNDER_TRICH_YEU, "trich_yeu", "trích yếu")
        # ND30-TITLE-04: wording
        k = key(text).lower()
        if kind == "decision":
            if not k.startswith(("ve viec", "ban hanh", "phe duyet")):
                self.add("ND30-TITLE-04", ty, f"trích yếu '{ty.first.first_words(6)}' không bắt đầu bằng 'Về việc', "
                                              "'Ban hành' hoặc 'Phê duyệt'", element="trich_yeu")
        elif kind == "plan" and k.startswith("ve viec"):
            self.add("ND30-TITLE-04", ty, "trích yếu kế hoạch bắt đầu bằng 'Về việc'", element="trich_yeu")

    # ------------------------------------------------------------------ căn cứ (BODY-01)
    def check_can_cu(self, part: Part, kind: str) -> None:
        lines = list(part.can_cu)
        if not lines:
            return
        for b in lines:
            problems = style_problems(ELEMENTS["can_cu"], [b.span()], align=False)
            if problems:
                self.add("ND30-BODY-01", b, "; ".join(problems), element="can_cu", aggregate=True)
            inner = re.search(r";\s*(Căn cứ|Theo đề nghị)\b", b.text)
            if inner:
                self.add("ND30-BODY-01", b, "nhiều căn cứ trong một đoạn (mỗi căn cứ phải xuống dòng)", element="can_cu")
        for i, b in enumerate(lines):
            text = b.text.rstrip()
            last = i == len(lines) - 1
            end = text[-1:] if text else ""
            if last and end != "." and not (end == ";" and part.can_cu_intro is not None):
                # (in a plan, bases followed by "… ban hành Kế hoạch … như sau:" run into that sentence)
                self.add("ND30-BODY-01", b, f"căn cứ cuối kết thúc bằng '{end}' (phải là '.')", element="can_cu")
            elif not last and end != ";":
                self.add("ND30-BODY-01", b, f"căn cứ kết thúc bằng '{end}' (phải là ';')", element="can_cu")

    # ------------------------------------------------------------------ body (BODY-03, BODY-07)
    def check_body(self, part: Part, kind: str) -> None:
        skip: set[int] = set()
        headings = {h.block.index: h for h in part.headings}
        prev_heading = None
        for b in part.body:
            h = headings.get(b.index)
            if h is not None and h.kind in ("phan", "chuong", "muc_label"):
                skip.add(b.index)
                prev_heading = h
                continue
            if prev_heading is not None and is_upper(b.text):
                skip.add(b.index)  # the title line under "Chương I" / "Phần I"
            prev_heading = None
            if b.para.framed:
                skip.add(b.index)  # a framed paragraph (text placed like a text box)
            if _belongs_to_table(self.view.blocks, b):
                skip.add(b.index)  # a table's caption, unit line or note (nd30.md §5.5: tables are not body text)
        spec = ELEMENTS["body"]
        low_first, high_first = BODY_FIRST_LINE_TWIPS[0], BODY_FIRST_LINE_TWIPS[-1]
        lo_line, hi_line = BODY_LINE_AUTO_RANGE
        min_gap = BODY_MIN_SPACING_PT * 20
        previous: Block | None = None
        form_lines = fill_in_lines(part.body)
        for b in part.body:
            if b.index in skip:
                previous = b
                continue
            problems = []
            summ = b.summary
            sizes = summ.sizes
            if sizes - set(spec.sizes):
                run = next(r for r in b.runs if r.text.strip() and r.fmt.size not in spec.sizes)
                problems.append(f"cỡ chữ {_sizes(sizes)} (theo {run.fmt.size_source})")
            h = headings.get(b.index)
            # a line to fill in by hand on a print-ready blank ("1. Tên chủ thể: ……………") is laid
            # out as a form line, not as a paragraph of text: only its size and line spacing count
            if b.index not in form_lines:
                if b.para.alignment != spec.align:
                    problems.append(ALIGN_VI.get(b.para.alignment, b.para.alignment))
                first = b.para.first_line
                start = b.para.left + first
                ok_indent = any(abs(first - t) <= 1 for t in BODY_FIRST_LINE_TWIPS) and abs(b.para.left) <= 1
                if b.label and any(abs(start - t) <= 1 for t in BODY_FIRST_LINE_TWIPS):
                    ok_indent = True
                if not ok_indent:
                    if b.para.left:
                        problems.append(f"lề trái {fmt_cm(b.para.left)}, dòng đầu {fmt_cm(first)} "
                                        f"(phải lùi đầu dòng {fmt_cm(low_first)} hoặc {fmt_cm(high_first)})")
                    else:
                        problems.append(f"lùi đầu dòng {fmt_cm(first)}")
                before, after = b.para.space_before, b.para.space_after
                prev_after = previous.para.space_after if previous is not None else 0
                if before < min_gap and after < min_gap and prev_after + before < min_gap:
                    problems.append(f"cách đoạn {fmt_pt(max(before, after, prev_after + before) / 20)} pt")
                if b.para.contextual_spacing and previous is not None and previous.para.style_id == b.para.style_id \
                        and previous.para.contextual_spacing:
                    problems.append("bỏ khoảng cách giữa các đoạn cùng kiểu (contextualSpacing)")
            size = max(sizes) if sizes else (b.mark.size if b.mark else 14)
            if b.para.line_rule == "auto":
                if not (lo_line <= b.para.line <= hi_line):
                    problems.append(f"giãn dòng {b.para.line / 240:.2f} dòng".replace(".", ","))
            else:
                lines = b.para.line_spacing_lines(size)
                too_low = b.para.line_rule == "exact" and lines < 0.95
                if lines > (hi_line / 240) + 0.05 or too_low:
                    problems.append(f"giãn dòng {'chính xác' if b.para.line_rule == 'exact' else 'tối thiểu'} "
                                    f"{fmt_pt(b.para.line / 20)} pt ≈ {lines:.2f} dòng".replace(".", ",", 1))
            if problems:
                self.add("ND30-BODY-03", b, "; ".join(problems), element="body", aggregate=True)
            previous = b
        # ND30-BODY-07: the content ends with "./."
        if kind not in ("form", "certificate") and not part.appendix_first and part.body:
            end = part.content_end
            if end is not None and not end.text.rstrip().endswith(END_MARK):
                tail = end.text.rstrip()[-12:]
                self.add("ND30-BODY-07", end, f"đoạn cuối kết thúc bằng '…{tail}'", element="body")

    # ------------------------------------------------------------------ headings (BODY-05, BODY-06)
    def check_headings(self, part: Part, kind: str) -> None:
        heads = part.headings
        if not heads:
            return
        dieu_style = any(h.kind == "dieu" for h in heads)
        rule_id = "ND30-BODY-05" if (dieu_style or kind == "decision") else "ND30-BODY-06"
        order = {"phan": 0, "chuong": 1, "muc_label": 2, "muc": 3, "dieu": 3, "khoan": 4, "diem": 5}
        last: dict[str, tuple[int, str]] = {}

        def value(h: Heading) -> int | None:
            try:
                if h.kind == "diem":
                    return diem_index(h.number) + 1
                if h.kind in ("khoan", "dieu"):
                    return int(h.number)
                if h.kind in ("muc", "phan", "chuong", "muc_label"):
                    return int(h.number) if h.number.isdigit() else from_roman(h.number)
            except ValueError:
                return None
            return None

        def show(kind_: str, n: int) -> str:
            if kind_ == "diem":
                return f"{diem_letter(n - 1)})"
            if kind_ == "muc":
                return f"{roman(n)}."
            if kind_ in ("phan", "chuong"):
                return roman(n)
            return f"{n}."

        names = {"phan": "phần", "chuong": "chương", "muc_label": "mục", "muc": "mục", "dieu": "điều",
                 "khoan": "khoản", "diem": "điểm"}
        for h in heads:
            b = h.block
            # formats
            if h.kind == "diem":
                letter = h.number
                try:
                    diem_index(letter)
                except ValueError:
                    self.add(rule_id, b, f"điểm '{letter})' dùng chữ cái không có trong bảng chữ cái tiếng Việt "
                                         "(a, b, c, d, đ, e, g, h, i, k…)", element="body")
                    continue
            if h.kind in ("phan", "chuong") and h.number.isdigit():
                self.add("ND30-BODY-05", b, f"'{b.first_words(3)}' đánh số Ả Rập (phải là số La Mã)", element="body")
            if h.kind == "muc_label" and not h.number.isdigit():
                self.add("ND30-BODY-05", b, f"'{b.first_words(3)}' đánh số La Mã (mục dùng số Ả Rập)", element="body")
            if h.kind in ("phan", "chuong", "muc_label"):
                problems = style_problems(ELEMENTS["muc"], [b.span()], align=False, upper=False)
                if b.para.alignment != "center":
                    problems.append(ALIGN_VI.get(b.para.alignment, b.para.alignment))
                if problems:
                    self.add("ND30-BODY-05", b, "; ".join(problems), element="body", aggregate=True)
            if h.kind == "dieu":
                m = HEADING_RE.match(b.full_text.lstrip())
                if m and not m.group("dieu_dot"):
                    self.add("ND30-BODY-05", b, f"'{b.first_words(2)}' thiếu dấu chấm sau số điều", element="body")
                label = self._label_span(h)
                if label is not None and label.text.strip() and not label.summary.all_bold:
                    self.add("ND30-BODY-05", b, "nhãn 'Điều …' không in đậm", element="body", aggregate=True)
            if h.kind == "muc" and rule_id == "ND30-BODY-06":
                problems = style_problems(ELEMENTS["muc"], [b.span()], align=False, upper=False)
                title = h.title
                if title and not is_upper(title):
                    problems.append("tên mục không in hoa")
                if problems:
                    self.add("ND30-BODY-06", b, "; ".join(problems), element="body", aggregate=True)
            # sequence
            n = value(h)
            if n is None:
                continue
            lvl = order[h.kind]
            for k in list(last):
                # articles are numbered through the whole document, across chapters and parts
                if order[k] > lvl and not (k == "dieu" and h.kind in ("phan", "chuong", "muc_label")):
                    del last[k]
            prev = last.get(h.kind)
            expected = prev[0] + 1 if prev else 1
            if n != expected:
                seq_rule = "ND30-BODY-05" if h.kind in ("phan", "chuong", "muc_label", "dieu") or rule_id == "ND30-BODY-05" \
                    else "ND30-BODY-06"
                got = show(h.kind, n)
                if prev and n == prev[0]:
                    what = f"{names[h.kind]} '{got}' lặp lại"
                elif prev and n < prev[0]:
                    what = f"{names[h.kind]} '{got}' sau '{prev[1]}'"
                else:
                    what = f"{names[h.kind]} '{got}'" + (f" sau '{prev[1]}'" if prev else " ở đầu") + \
                           f" (thiếu '{show(h.kind, expected)}')"
                if h.kind == "diem" and prev and n == prev[0] + 2 and prev[0] == 4:
                    what = f"điểm '{got}' sau 'd)' (phải là 'đ)')"
                self.add(seq_rule, b, what, element="body")
            last[h.kind] = (n, show(h.kind, n))

    def _label_span(self, h: Heading) -> Span | None:
        b = h.block
        if h.auto:
            return None  # the label is drawn by numbering; its format is the level's
        offset = len(b.text) - len(b.text.lstrip())
        return b.span(offset, min(len(b.text), offset + h.label_len))

    # ------------------------------------------------------------------ signature (SIGN-01, 02, 04)
    def check_signature(self, part: Part, kind: str) -> None:
        if not part.signature_blocks:
            if kind in ("plan", "decision", "report", "letter", "minutes") and part.body:
                where = part.content_end or part.body[-1]
                self.add("ND30-SIGN-01", where, "không tìm thấy khối chữ ký (quyền hạn, chức vụ, họ tên)",
                         element="signature")
            return
        signers = part.signers or [(part.authority, part.signer)]
        if not any(auth for auth, _ in signers):
            self.add("ND30-SIGN-01", part.signature_blocks[0], "không có quyền hạn, chức vụ người ký", element="chuc_vu_ky")
        for auth, name in signers:
            self.check_authority(auth)
            self.check_signer_name(name)
        # ND30-SIGN-02 (UBND, documents other than decisions; decisions: TPL-QD-02)
        auth = part.authority
        if kind != "decision" and part.ban_hanh is not None:
            issuer = key(part.ban_hanh.text)
            if issuer.startswith(("UY BAN NHAN DAN", "UBND")) and auth:
                tm = [s for s in auth if s.clean.upper().startswith("TM.")]
                if not tm:
                    self.add("ND30-SIGN-02", auth[0], "văn bản của Ủy ban nhân dân nhưng không ký 'TM. ỦY BAN NHÂN DÂN'",
                             element="chuc_vu_ky")
                elif not key(tm[0].clean[3:]).startswith(("UY BAN NHAN DAN", "UBND")):
                    self.add("ND30-SIGN-02", tm[0], f"'{tm[0].clean}' không thay mặt Ủy ban nhân dân", element="chuc_vu_ky")

    def check_authority(self, auth: list[Span]) -> None:
        """ND30-SIGN-01: the quyền hạn/chức vụ lines of one signature (ô 7a)."""
        for n, s in enumerate(auth):
            text = s.clean
            problems = style_problems(ELEMENTS["chuc_vu_ky"], [s])
            loose = SIGNER_PREFIX_LOOSE_RE.match(text)
            if loose:
                prefix = loose.group(1)
                proper = SIGNER_PREFIX_VARIANTS.get(prefix.lower())
                written = loose.group(0).strip()
                if proper and (prefix.upper() + loose.group(2) != proper or not loose.group(3)) and len(text) > len(written):
                    problems.append(f"viết '{written}' (đúng là '{proper} ')")
                if proper == "KT." and n == len(auth) - 1:
                    problems.append("sau 'KT.' thiếu dòng chức vụ của cấp phó")
                if proper == "TM." and n > 0:
                    problems.append("'TM.' phải đứng ở dòng đầu")
            if problems:
                self.add("ND30-SIGN-01", s, "; ".join(problems), element="chuc_vu_ky")

    def check_signer_name(self, name: Span | None) -> None:
        """ND30-SIGN-04: the signer's name (ô 7b): bold, normal case, no degree before it."""
        if name is None:
            return
        text = name.clean
        problems = style_problems(ELEMENTS["ho_ten_ky"], [name])
        degree = DEGREE_RE.match(text)
        if degree and len(text) > degree.end():
            problems.append(f"có học hàm, học vị '{degree.group(0).strip()}' trước họ tên")
        if is_upper(text) and len(text.split()) >= 2:
            problems.append("họ tên in hoa toàn bộ")
        if problems:
            self.add("ND30-SIGN-04", name, "; ".join(problems), element="ho_ten_ky")

    # ------------------------------------------------------------------ recipients (RECIP-01, 03)
    def check_recipients(self, part: Part, kind: str) -> None:
        if part.kinh_gui and kind in ("plan", "decision", "attached"):
            self.add("ND30-RECIP-01", part.kinh_gui[0],
                     f"có 'Kính gửi' trong {('Kế hoạch' if kind != 'decision' else 'Quyết định')}", element="kinh_gui")
        if part.kinh_gui and kind in ("report", "letter") and part.noi_nhan_items:
            first = " ".join(s.clean for s in part.noi_nhan_items[0])
            if not first.startswith("- Như trên"):
                self.add("ND30-RECIP-01", part.noi_nhan_items[0][0],
                         f"có 'Kính gửi' nhưng Nơi nhận không bắt đầu bằng '- Như trên;' (thấy '{first}')",
                         element="noi_nhan_item")
        if part.kinh_gui:
            self.check_kinh_gui(part)
        if not part.signature_blocks:
            return
        label = part.noi_nhan_label
        if label is None:
            if kind in ("plan", "decision", "report", "letter"):
                self.add("ND30-RECIP-03", part.signature_blocks[0], "không có 'Nơi nhận'", element="noi_nhan_label")
            return
        problems = []
        if label.clean != "Nơi nhận:":
            problems.append(f"viết '{label.clean}'")
        problems += style_problems(ELEMENTS["noi_nhan_label"], [label])
        if problems:
            self.add("ND30-RECIP-03", label, "; ".join(problems), element="noi_nhan_label")
        items = list(part.noi_nhan_items)
        # ô 12 may stand on its own line under the "- Lưu:" line (ND30-DRAFTER-01)
        if items and len(items[-1]) > 1 and _DRAFTER_LINE_RE.match(items[-1][-1].clean):
            self.check_drafter(items[-1][-1:], items[-1][-1].clean, own_line=True)
            items[-1] = items[-1][:-1]
        elif len(items) > 1:
            tail = " ".join(s.clean for s in items[-1])
            if not tail.startswith(("-", "–", "—", "+")) and _DRAFTER_LINE_RE.match(tail):
                self.check_drafter(items[-1], tail, own_line=True)
                items = items[:-1]
        if not items:
            self.add("ND30-RECIP-03", label, "không có dòng nào dưới 'Nơi nhận:'", element="noi_nhan_item")
            return
        luu = " ".join(s.clean for s in items[-1])
        if "Lưu" in luu:
            self.check_drafter(items[-1], luu.split(":", 1)[-1], own_line=False)
        look = style_problems(ELEMENTS["noi_nhan_item"], [s for item in items for s in item])
        if look:
            self.add("ND30-RECIP-03", items[0][0], "các dòng nơi nhận: " + "; ".join(look), element="noi_nhan_item")
        for n, item in enumerate(items):
            text = " ".join(s.clean for s in item)
            last = n == len(items) - 1
            problems = []
            if text.startswith(("–", "—")):
                problems.append("dùng gạch ngang dài '–' thay cho '-'")
            elif text.startswith("-") and not text.startswith("- "):
                problems.append("thiếu dấu cách sau '-'")
            elif not text.startswith(("-", "+")):
                problems.append("không bắt đầu bằng '- '")
            if last:
                normalized = "- " + text.lstrip("-–— ").strip() if text[:1] in "-–—" else text
                if not LUU_RE.match(normalized):
                    if "Lưu" not in text:
                        problems.append("dòng cuối không phải '- Lưu: VT, … .'")
                    elif not text.endswith("."):
                        problems.append("dòng 'Lưu' không kết thúc bằng dấu chấm")
                    else:
                        problems.append("dòng 'Lưu' không đúng dạng '- Lưu: VT, … .'")
            elif not text.endswith(";") and not text.startswith("+") and not text.endswith(":"):
                problems.append("không kết thúc bằng ';'")
            if problems:
                self.add("ND30-RECIP-03", item[0], f"'{text}': " + "; ".join(problems), element="noi_nhan_item")

    def check_drafter(self, item: list[Span], text: str, own_line: bool) -> None:
        """ND30-DRAFTER-01: a drafter code and copy count ("PL.(300)") in ô 12, on the "- Lưu:"
        line or on its own line under it: upper-case code, Arabic count in brackets, 11 pt."""
        for m in DRAFTER_LOOSE_RE.finditer(text):
            token = m.group(0).strip()
            problems = []
            if not DRAFTER_RE.match(token):
                code, count = m.group(1), m.group(2)
                if code != code.upper():
                    problems.append(f"ký hiệu người soạn thảo '{code}' không in hoa")
                if not count.isdigit():
                    problems.append(f"số lượng bản '{count}' không phải chữ số Ả Rập")
                if re.search(r"\s", token):
                    problems.append("có dấu cách")
                if not problems:
                    problems.append("không đúng dạng 'PL.(300)'")
            if own_line:
                problems += style_problems(ELEMENTS["nguoi_soan_thao"], item, align=False)
            if problems:
                self.add("ND30-DRAFTER-01", item[0], f"'{token}': " + "; ".join(problems), element="nguoi_soan_thao")

    def check_kinh_gui(self, part: Part) -> None:
        """ND30-RECIP-02: "Kính gửi:" (ô 9a) and its recipients."""
        lines = [s.strip() for b in part.kinh_gui for s in b.lines() if s.text.strip()]
        if not lines:
            return
        first = lines[0]
        problems: list[str] = []
        m = KINH_GUI_RE.match(first.clean)
        if m is None:
            head = first.clean.split(":", 1)[0].strip()
            problems.append(f"viết '{head}' (phải là 'Kính gửi:', chữ thường)")
            m = re.match(r"^\S+\s+\S+\s*(?P<colon>:?)\s*(?P<rest>.*)$", first.clean)
        if m is not None and not m.group("colon"):
            problems.append("thiếu dấu hai chấm sau 'Kính gửi'")
        rest = m.group("rest").strip() if m is not None else ""
        recipients = ([rest] if rest else []) + [s.clean for s in lines[1:]]
        if not recipients:
            problems.append("không ghi nơi nhận sau 'Kính gửi:'")
        elif len(recipients) == 1:
            if not rest:
                problems.append("gửi một nơi nhưng không ghi cùng dòng với 'Kính gửi:'")
        else:
            for n, text in enumerate(recipients):
                last = n == len(recipients) - 1
                if text.startswith(("–", "—")):
                    problems.append(f"'{text}': dùng gạch ngang dài '–' thay cho '-'")
                elif not text.startswith("- "):
                    problems.append(f"'{text}': không bắt đầu bằng '- '")
                if last and not text.endswith("."):
                    problems.append(f"'{text}': dòng cuối không kết thúc bằng '.'")
                elif not last and not text.endswith(";"):
                    problems.append(f"'{text}': không kết thúc bằng ';'")
        problems += style_problems(ELEMENTS["kinh_gui"], lines, align=False)
        if problems:
            self.add("ND30-RECIP-02", first, "; ".join(problems), element="kinh_gui")

    def check_contact(self) -> None:
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

    def check_final(self) -> None:
        """ND30-FINAL-01: no revision, comment or highlight left in the text to sign (nd30.md §3.14)."""
        for block in self.view.blocks:
            p = block.element
            if p is None:
                continue
            for xpath, found in _DRAFT_MARKS:
                if xpath(p):
                    self.add("ND30-FINAL-01", block, found, aggregate=True)

    def check_marks(self) -> None:
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

    # ------------------------------------------------------------------ appendices (APPX-01, 02, 03)
    def check_appendices(self, part: Part) -> None:
        self.check_appendix_reference(part)
        for label, title, kem in part.appendices:
            # ND30-PAGE-05: a phụ lục after the document is numbered on its own (a new section
            # whose page numbers restart at 1)
            if not part.appendix_first and part.content_end is not None:
                sec = self.view.sections[min(label.section, len(self.view.sections) - 1)]
                if label.section == part.content_end.section or sec.page_number_start != 1:
                    self.add("ND30-PAGE-05", label, "phụ lục không đánh số trang riêng (không sang mục mới "
                             "đánh số lại từ 1)", element="phu_luc_label")
            problems = []
            text = label.text.strip()
            if is_upper(text):
                problems.append(f"'{text}' in hoa toàn bộ (phải là 'Phụ lục …')")
            problems += style_problems(ELEMENTS["phu_luc_label"], [label.span()], upper=False)
            if problems:
                self.add("ND30-APPX-02", label, "; ".join(problems), element="phu_luc_label")
            if title:
                self.style("ND30-APPX-02", "phu_luc_title", [b.span() for b in title])
            if kem is None:
                if not part.appendix_first or part.kind == "attached":
                    self.add("ND30-APPX-03", label, "không có dòng '(Kèm theo … số … ngày … của …)'", element="kem_theo")
            else:
                self.style("ND30-APPX-03", "kem_theo", kem)

    def check_appendix_reference(self, part: Part) -> None:
        """ND30-APPX-01: the content points to its phụ lục; two or more are numbered in Roman."""
        if part.appendix_first or not part.appendices:
            return
        body = " ".join(fold(b.full_text).lower() for b in part.body)
        if "phu luc" not in body:
            label = part.appendices[0][0]
            self.add("ND30-APPX-01", label, "văn bản có phụ lục nhưng phần nội dung không chỉ dẫn đến phụ lục",
                     element="phu_luc_label")
        if len(part.appendices) > 1:
            for label, _, _ in part.appendices:
                m = re.match(r"^(?:Phụ lục|PHỤ LỤC)(?:\s+số)?\s+(\S+?)\.?$", label.text.strip(), re.IGNORECASE)
                number = m.group(1) if m else ""
                if not re.fullmatch(r"[IVXLC]+", number):
                    self.add("ND30-APPX-01", label, f"có {len(part.appendices)} phụ lục nhưng '{label.text.strip()}' "
                                                    "không đánh số bằng chữ số La Mã", element="phu_luc_label")

    # ------------------------------------------------------------------ decision (TPL-QD-01..03, STR-01)
    def check_decision(self, part: Part) -> None:
        missing = []
        if part.ten_loai is None:
            missing.append("tên loại 'QUYẾT ĐỊNH'")
        if part.trich_yeu is None:
            missing.append("trích yếu")
        if part.tham_quyen is None:
            missing.append("dòng thẩm quyền ban hành")
        if not part.can_cu:
            missing.append("căn cứ ban hành")
        if part.qd_keyword is None:
            missing.append("dòng 'QUYẾT ĐỊNH:'")
        dieu = [h for h in part.headings if h.kind == "dieu"]
        if not dieu:
            missing.append("các Điều")
        where = part.ten_loai or (part.header_blocks[0] if part.header_blocks else "đầu văn bản")
        for what in missing:
            self.add("ND30-TPL-QD-01", where, f"thiếu {what}", element="ten_loai")
        sequence = [
            ("tên loại", part.ten_loai.first.block.index if part.ten_loai else None),
            ("trích yếu", part.trich_yeu.first.block.index if part.trich_yeu else None),
            ("thẩm quyền ban hành", part.tham_quyen.first.block.index if part.tham_quyen else None),
            ("căn cứ", part.can_cu[0].index if part.can_cu else None),
            ("'QUYẾT ĐỊNH:'", part.qd_keyword.index if part.qd_keyword else None),
            ("Điều 1", dieu[0].block.index if dieu else None),
        ]
        present = [(n, i) for n, i in sequence if i is not None]
        for (n1, i1), (n2, i2) in zip(present, present[1:]):
            if i2 < i1:
                self.add("ND30-TPL-QD-01", where, f"{n2} đứng trước {n1}", element="ten_loai")
        if part.tham_quyen is not None:
            self.style("ND30-TPL-QD-01", "tham_quyen", part.tham_quyen)
        if part.qd_keyword is not None:
            kw = part.qd_keyword.span().strip()
            problems = []
            if kw.clean != "QUYẾT ĐỊNH:":
                problems.append(f"viết '{kw.clean}' (phải là 'QUYẾT ĐỊNH:')")
            problems += style_problems(ELEMENTS["quyet_dinh_keyword"], [kw])
            if problems:
                self.add("ND30-STR-01", kw, "; ".join(problems), element="quyet_dinh_keyword")
        # ND30-TPL-QD-02: thẩm quyền ↔ TM.
        if part.tham_quyen is not None and part.authority:
            authority = key(part.tham_quyen.text)
            tm = [s for s in part.authority if s.clean.upper().startswith(("TM.", "T/M", "TM "))]
            individual = authority.startswith(("CHU TICH", "GIAM DOC", "TRUONG", "BO TRUONG", "THU TUONG", "CHANH",
                                               "VIEN TRUONG", "CUC TRUONG", "TONG", "HIEU TRUONG", "PHO "))
            if not individual and not tm:
                self.add("ND30-TPL-QD-02", part.authority[0],
                         f"thẩm quyền tập thể '{part.tham_quyen.text}' nhưng chữ ký không có 'TM.'", element="chuc_vu_ky")
            elif not individual and tm:
                target = key(re.sub(r"^(TM\.|T/M|TM)\s*", "", tm[0].clean, flags=re.IGNORECASE))
                if target and not authority.startswith(target) and not (target.startswith("UBND") and authority.startswith("UY BAN")):
                    self.add("ND30-TPL-QD-02", tm[0], f"'{tm[0].clean}' không khớp thẩm quyền '{part.tham_quyen.text}'",
                             element="chuc_vu_ky")
            elif individual and tm:
                self.add("ND30-TPL-QD-02", tm[0],
                         f"thẩm quyền cá nhân '{part.tham_quyen.text}' nhưng chữ ký có '{tm[0].clean}'", element="chuc_vu_ky")
        # ND30-TPL-QD-03: "Như Điều n" points at the article naming the executors
        if dieu and part.noi_nhan_items:
            executors = None
            articles = self._articles(part, dieu)
            for number, text in articles:
                k = fold(text).lower()
                if "chiu trach nhiem thi hanh" in k or "thi hanh quyet dinh nay" in k:
                    executors = number
            for item in part.noi_nhan_items:
                text = " ".join(s.clean for s in item)
                m = re.search(r"Như Điều\s+(\d+(?:\s*(?:,|và)\s*\d+)*)", text)
                if not m:
                    continue
                numbers = [int(x) for x in re.findall(r"\d+", m.group(1))]
                known = {n for n, _ in articles}
                bad = [n for n in numbers if n not in known]
                if bad:
                    self.add("ND30-TPL-QD-03", item[0], f"'{m.group(0)}' nhưng quyết định không có Điều {bad[0]}",
                             element="noi_nhan_item")
                elif executors is not None and executors not in numbers:
                    self.add("ND30-TPL-QD-03", item[0],
                             f"'{m.group(0)}' nhưng trách nhiệm thi hành quy định ở Điều {executors}",
                             element="noi_nhan_item")

    @staticmethod
    def _articles(part: Part, dieu: list[Heading]) -> list[tuple[int, str]]:
        out = []
        body = part.body
        positions = {b.index: i for i, b in enumerate(body)}
        for n, h in enumerate(dieu):
            start = positions.get(h.block.index, 0)
            end = positions.get(dieu[n + 1].block.index, len(body)) if n + 1 < len(dieu) else len(body)
            text = " ".join(b.full_text for b in body[start:end])
            try:
                out.append((int(h.number), text))
            except ValueError:
                continue
        return out

    # ------------------------------------------------------------------ attached (TPL-ATT-01)
    def check_attached(self, part: Part) -> None:
        if part.appendix_first:
            return
        if part.so is not None:
            self.add("ND30-TPL-ATT-01", part.so, "văn bản kèm theo có số, ký hiệu riêng", element="so_ky_hieu")
        if part.date is not None:
            self.add("ND30-TPL-ATT-01", part.date, "văn bản kèm theo có địa danh, ngày tháng riêng", element="dia_danh_ngay")
        if part.kem_theo is None:
            self.add("ND30-TPL-ATT-01", part.ten_loai or "đầu văn bản", "không có dòng '(Kèm theo Quyết định số …)'",
                     element="kem_theo")
        else:
            problems = style_problems(ELEMENTS["kem_theo"], part.kem_theo.spans)
            if problems:
                self.add("ND30-TPL-ATT-01", part.kem_theo, "dòng kèm theo: " + "; ".join(problems), element="kem_theo")


def _is_page_field(instr: str) -> bool:
    words = instr.strip().split()
    return bool(words) and words[0].upper() == "PAGE"


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
