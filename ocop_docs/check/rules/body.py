"""The content (ô 6): căn cứ, paragraphs, headings, appendices, and the structure of a decision and of an attached document.

Each entry point is registered with the ND30 rule IDs it checks and the kinds of document each
rule applies to (``check/registry.py``); findings go through ``Checker.add``."""
from __future__ import annotations

import re

from ...docx.blocks import Block, Span
from ...nd30.rules import (
    BODY_FIRST_LINE_TWIPS,
    BODY_LINE_AUTO_RANGE,
    BODY_MIN_SPACING_PT,
    ELEMENTS,
    END_MARK,
)
from ...vi.numbers import diem_index, diem_letter, from_roman, roman
from ...vi.text import fold
from ..common import ALIGN_VI, RuleGroup, fill_in_lines, fmt_cm, fmt_pt, sizes_text, style_problems
from ..registry import DECISION, DOCS, NOT_CERT, checks
from ...nd30.anatomy import HEADING_RE, is_upper, key
from ..structure import Heading, Part


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


class BodyRules(RuleGroup):
    """Rules of body; mixed into :class:`ocop_docs.check.checks.Checker`."""

    @checks(part='can_cu', rules={"ND30-BODY-01": DOCS - {"minutes", "letter"}})
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

    @checks(part='body', rules={"ND30-BODY-03": DOCS, "ND30-BODY-07": DOCS})
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
                problems.append(f"cỡ chữ {sizes_text(sizes)} (theo {run.fmt.size_source})")
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

    @checks(part='headings', rules={"ND30-BODY-05": DOCS, "ND30-BODY-06": DOCS})
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

    @checks(part='appendices', rules={"ND30-APPX-01": DOCS, "ND30-APPX-02": DOCS, "ND30-APPX-03": DOCS, "ND30-PAGE-05": NOT_CERT})
    def check_appendices(self, part: Part, kind: str) -> None:
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

    @checks(part='decision', rules={"ND30-TPL-QD-01": DECISION, "ND30-TPL-QD-02": DECISION, "ND30-TPL-QD-03": DECISION,
             "ND30-STR-01": DECISION})
    def check_decision(self, part: Part, kind: str) -> None:
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

    @checks(part='attached', rules={"ND30-TPL-ATT-01": frozenset({"attached"})})
    def check_attached(self, part: Part, kind: str) -> None:
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
