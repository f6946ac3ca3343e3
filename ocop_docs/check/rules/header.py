"""The header (ô 1–5): Quốc hiệu and Tiêu ngữ, issuing body, số and ký hiệu, place and date, tên loại and trích yếu.

Each entry point is registered with the ND30 rule IDs it checks and the kinds of document each
rule applies to (``check/registry.py``); findings go through ``Checker.add``."""
from __future__ import annotations

import re

from ...nd30.doctypes import (
    ABBREVIATIONS,
    COPY_ABBREVIATIONS,
    WRONG_ABBREVIATIONS,
    doc_type,
)
from ...nd30.anatomy import BODY_ABBREVIATIONS, abbreviated_body, is_upper, key
from ...nd30.formats import DATE_LINE_RE, SO_KY_HIEU_DRAFT_RE, SO_KY_HIEU_RE
from ...nd30.rules import (
    BODY_MIN_SPACING_PT,
    ELEMENTS,
    QUOC_HIEU_VARIANTS,
    RULE_UNDER_ISSUER,
    RULE_UNDER_TIEU_NGU,
    RULE_UNDER_TRICH_YEU,
    SIZE_PROFILES,
    TIEU_NGU,
)
from ..common import RuleGroup, fmt_cm, fmt_pt, style_problems
from ..registry import ALL, DOCS, NOT_CERT, checks
from ..structure import (
    Element,
    Part,
    RuleLine,
    find_rule,
    span_width_twips,
)

_PLACE_GENERIC = ("thành phố", "thủ đô", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "đặc khu")

_PLACEHOLDER_RE = re.compile(r"…|\.\.")

# ND30-DATE-02: the parts of a date line, each possibly blank ("……, ngày    tháng    năm 20...")
_DATE_PARTS_RE = re.compile(r"^(?P<place>[^,]*),\s*ngày\b(?P<day>.*?)\btháng\b(?P<month>.*?)\bnăm\b(?P<year>.*)$")

_BLANK_RE = re.compile(r"^[\s.…_]*$")

_DRAFT_YEAR_RE = re.compile(r"^(?:\d{2}|\d{4})?[.…_]*$")  # "20...", "20…", "2026"

def _is_blank(value: str) -> bool:
    """A field left to be filled in by hand: empty, or dots, ellipses or underscores."""
    return bool(_BLANK_RE.match(value))


class HeaderRules(RuleGroup):
    """Rules of header; mixed into :class:`ocop_docs.check.checks.Checker`."""

    @checks(part='header', rules={"ND30-QH-01": ALL, "ND30-QH-02": ALL, "ND30-QH-03": ALL, "ND30-QH-04": ALL, "ND30-LAYOUT-02": ALL,
             "ND30-CQ-01": ALL, "ND30-FONT-03": NOT_CERT, "ND30-CQ-02": NOT_CERT, "ND30-CQ-03": NOT_CERT, "ND30-SO-02": NOT_CERT,
             "ND30-SO-03": NOT_CERT - {"legal"}, "ND30-SO-04": NOT_CERT, "ND30-DATE-01": NOT_CERT,
             "ND30-DATE-02": NOT_CERT, "ND30-DATE-03": NOT_CERT, "ND30-TITLE-03": DOCS})
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
            abbr = abbreviated_body(part.ban_hanh.text)
            if abbr is not None:
                # "UBND TỈNH X" may stand only in the governing-body line, never as the issuer itself
                self.add("ND30-CQ-01", part.ban_hanh, f"tên cơ quan ban hành viết tắt '{abbr}' (viết đầy đủ "
                         f"'{BODY_ABBREVIATIONS[abbr].upper()}'; chỉ dòng cơ quan chủ quản được viết tắt)",
                         element="co_quan_ban_hanh")
            self.style("ND30-CQ-02", "co_quan_ban_hanh", part.ban_hanh)
            if part.issuer_rule is None and part.issuer_dashes is not None:
                self.add("ND30-CQ-03", part.issuer_dashes, f"dòng '{part.issuer_dashes.clean}' gõ bằng dấu gạch thay cho "
                         "đường kẻ: xóa dòng này và kẻ đường nét liền dài 1/3 đến 1/2 tên cơ quan",
                         element="co_quan_ban_hanh")
            else:
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

    @checks(part='title', rules={"ND30-TITLE-01": DOCS - {"letter"}, "ND30-TITLE-02": DOCS - {"letter"},
             "ND30-TITLE-04": frozenset({"plan", "decision"})})
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
