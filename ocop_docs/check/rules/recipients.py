"""Recipients (ô 9): Nơi nhận, Kính gửi, and the drafter's mark under them (ô 12).

Each entry point is registered with the ND30 rule IDs it checks and the kinds of document each
rule applies to (``check/registry.py``); findings go through ``Checker.add``."""
from __future__ import annotations

import re

from ...docx.blocks import Span
from ...nd30.formats import DRAFTER_LOOSE_RE, DRAFTER_RE, KINH_GUI_RE, LUU_RE
from ...nd30.rules import ELEMENTS
from ..common import RuleGroup, style_problems
from ..registry import DOCS, checks
from ..structure import Part

_DRAFTER_LINE_RE = re.compile(r"^[^\W\d_]+\s*\.\s*\([^()]*\)\.?$")


class RecipientRules(RuleGroup):
    """Rules of recipients; mixed into :class:`ocop_docs.check.checks.Checker`."""

    @checks(part='recipients', rules={"ND30-RECIP-01": DOCS, "ND30-RECIP-03": DOCS, "ND30-DRAFTER-01": DOCS,
             "ND30-RECIP-02": frozenset({"report", "letter", "other"})})
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
