"""The checker never crashes on odd but valid documents (property-based)."""
from __future__ import annotations

from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import builders as B
from ocop_docs.check.checks import Checker
from ocop_docs.check.structure import identify
from ocop_docs.docx import read_document
from ocop_docs.nd30.rules import RULES

_DOC = B.new_document()
_FRAGMENTS = [
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "BÁO CÁO", "GIẤY CHỨNG NHẬN", "Phụ lục I", "PHỤ LỤC",
    "(Kèm theo Quyết định số 05/QĐ-UBND)", "Căn cứ Luật;", "Theo đề nghị của Sở.", "Kính gửi:", "Nơi nhận:",
    "- Lưu: VT.", "- Như Điều 9;", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M", "Số: 5/KH-UBND", "Số: /2026/",
    "Số:", "Hà Tĩnh, ngày 5 tháng 03 năm 26", ", ngày tháng năm", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập – Tự do", "Điều 1", "Điều 0.", "Chương 1", "I.", "XL. X", "1.", "f) x", "đ) y", "./.", "\t", "\n", "",
    "TS. Nguyễn", "___", "ỦY BAN NHÂN DÂN",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(st.sampled_from(_FRAGMENTS), max_size=3),
                          st.sampled_from(["p", "table", "bold", "center"])), max_size=25))
def test_checker_survives_arbitrary_layouts(layout):
    body = _DOC.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for pieces, how in layout:
        text = " ".join(pieces)
        if how == "table":
            table = _DOC.add_table(rows=1, cols=2)
            table.cell(0, 0).paragraphs[0].add_run(text)
            table.cell(0, 1).paragraphs[0].add_run(text[::-1])
        else:
            p = _DOC.add_paragraph()
            run = p.add_run(text)
            run.bold = how == "bold"
            if how == "center":
                p.alignment = 1
    view = read_document(_DOC)
    parts = identify(view)
    for kind in ("plan", "decision", "attached", "report", "form", "certificate", "legal", "other"):
        findings = Checker(view, parts).run([kind] * len(parts))
        # Whatever the layout, every finding is a well-formed report line: a known rule, its
        # severity from the rule table (or a soft case of it), and a location to show.
        for finding in findings:
            assert finding.rule_id in RULES, finding.rule_id
            assert finding.severity in ("error", "warning")
            assert finding.location
