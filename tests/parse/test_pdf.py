"""PDF reading (parse/pdf.py): what comes after a table of a plan typed in Word and printed to PDF."""
from __future__ import annotations

import shutil

import pytest
from docx import Document
from docx.shared import Pt

from wordbuild import header_table, signature_table, title_lines
from ocop_docs.parse import parse_file

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")


def _commune_plan_with_budget_table(path) -> None:
    """A commune plan as an officer types it (Times New Roman 14): a budget table whose STT cells
    hold 1, 2 under group rows I / II, then a whole section, the closing and the signature."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    header_table(doc, "XÃ ĐÔNG THÀNH", "Số: 87/KH-UBND", "Đông Thành, ngày 05 tháng 8 năm 2025")
    title_lines(doc, "KẾ HOẠCH", "Thực hiện Chương trình OCOP trên địa bàn xã năm 2025")
    doc.add_paragraph("Ủy ban nhân dân xã Đông Thành ban hành Kế hoạch như sau:")
    doc.add_paragraph().add_run("I. KINH PHÍ THỰC HIỆN").bold = True
    doc.add_paragraph("Tổng kinh phí: 90.000.000 đồng, chi tiết tại bảng sau:")
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    rows = [["STT", "Nội dung", "Ngân sách xã (đồng)"], ["I", "Hoạt động quản lý", ""],
            ["1", "Tuyên truyền, tập huấn", "15.000.000"], ["2", "Tổ chức đánh giá sản phẩm", "20.000.000"],
            ["II", "Hỗ trợ chủ thể", ""], ["1", "Thiết kế bao bì, nhãn mác", "30.000.000"],
            ["2", "Tham gia hội chợ", "25.000.000"], ["", "Tổng cộng", "90.000.000"]]
    for cell, text in zip(table.rows[0].cells, rows[0]):
        cell.text = text
    for values in rows[1:]:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    doc.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    doc.add_paragraph().add_run("1. Công chức Kinh tế xã").bold = True
    doc.add_paragraph("Chủ trì tham mưu UBND xã triển khai Kế hoạch; báo cáo kết quả trước ngày 10/12/2025.")
    doc.add_paragraph().add_run("2. Trưởng các thôn").bold = True
    doc.add_paragraph("Phổ biến Kế hoạch đến Nhân dân.")
    doc.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2025 trên địa bàn xã./.")
    signature_table(doc, "Trần Văn Bình")
    doc.save(str(path))


def test_text_after_a_table_is_never_taken_for_footnotes(tmp_path):
    # A table row "1 | Tuyên truyền…" is not the text of footnote 1: the page has no footnote, and
    # the section, closing, Nơi nhận and signature after the table stay in the plan.
    from ocop_docs.convert import to_pdf_one

    _commune_plan_with_budget_table(tmp_path / "kh.docx")
    parsed = parse_file(to_pdf_one(tmp_path / "kh.docx", tmp_path / "kh.pdf"))
    assert parsed.footnotes == []
    plan = parsed.model
    assert plan is not None, [n.describe() for n in parsed.notes]
    assert [b.heading for b in plan.body] == ["KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    assert [s.heading for s in plan.body[1].content] == ["Công chức Kinh tế xã", "Trưởng các thôn"]
    assert [[c.text for c in row][:2] for row in plan.tables[0].rows] == [
        ["I", "Hoạt động quản lý"], ["1", "Tuyên truyền, tập huấn"], ["2", "Tổ chức đánh giá sản phẩm"],
        ["II", "Hỗ trợ chủ thể"], ["1", "Thiết kế bao bì, nhãn mác"], ["2", "Tham gia hội chợ"]]
    assert plan.closing == "Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2025 trên địa bàn xã"
    assert plan.signer.authority_lines() == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and plan.signer.name == "Trần Văn Bình"
    assert plan.recipients == ["UBND tỉnh"] and plan.archive == "VT"
    assert not any("cắt cụt" in n.message for n in parsed.notes)
