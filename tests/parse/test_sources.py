"""Reading real inputs: Word auto-numbering, LibreOffice-saved .docx, PDF, government files, bad files."""
from __future__ import annotations

import zipfile
from datetime import date

import pytest
from docx import Document

from testpaths import CORPUS, SAMPLES
from wordbuild import header_table, numbered, signature_table, title_lines, use_numbering
from ocop_docs.errors import UnreadableFile
from ocop_docs.io import load_spec
from ocop_docs.parse import parse_file, parse_text
from ocop_docs.render.context import plan_context

PLAN_STEMS = sorted(p.stem for p in (SAMPLES / "plans").glob("*.yaml"))

def word_plan(path):
    """A plan typed in Word: header and signature tables, headings numbered by Word (numPr)."""
    doc = Document()
    use_numbering(doc)
    header_table(doc, "XÃ VŨ QUANG", "Số: 12/KH-UBND", "Vũ Quang, ngày 10 tháng 02 năm 2026")
    title_lines(doc, "KẾ HOẠCH", "Thực hiện Chương trình OCOP trên địa bàn xã năm 2026")
    doc.add_paragraph().add_run("Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ;").italic = True
    doc.add_paragraph("UBND xã Vũ Quang ban hành Kế hoạch như sau:")
    numbered(doc, "MỤC ĐÍCH, YÊU CẦU", 0)
    numbered(doc, "Mục đích", 1)
    doc.add_paragraph("Phát triển sản phẩm OCOP gắn với vùng nguyên liệu.")
    numbered(doc, "MỤC TIÊU", 0)
    doc.add_paragraph("Phấn đấu có ít nhất 02 sản phẩm đạt 3 sao trở lên.")
    numbered(doc, "NHIỆM VỤ", 0)
    numbered(doc, "Tuyên truyền", 1)
    numbered(doc, "Trên hệ thống loa truyền thanh", 2)
    numbered(doc, "Mỗi tháng hai lần.", 3, bold=False)
    numbered(doc, "Tập huấn", 1)
    doc.add_paragraph("Đơn vị chủ trì: Công chức Nông nghiệp xã.")
    doc.add_paragraph("Thời gian thực hiện: Quý III/2026.")
    numbered(doc, "KINH PHÍ", 0)
    doc.add_paragraph("Kinh phí thực hiện: 25.000.000 đồng (ngân sách xã).")
    doc.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026./.")
    signature_table(doc, "Lê Văn Tâm")
    doc.save(path)
    return path


def test_word_auto_numbering_is_read_as_the_reader_sees_it(tmp_path):
    parsed = parse_file(word_plan(tmp_path / "word.docx"))
    plan = parsed.model
    assert plan is not None, [n.describe() for n in parsed.notes]
    assert (plan.issuer.name, plan.issuer.level, plan.number, plan.date, plan.place) == (
        "Ủy ban nhân dân xã Vũ Quang", "xa", 12, date(2026, 2, 10), "Vũ Quang")
    assert [b.heading for b in plan.body] == ["MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ", "KINH PHÍ"]
    # Word's labels I. / 1. / a) equal the engine's automatic ones: left automatic.
    assert all(b.label is None for b in plan.body)
    tasks = plan.body[2]
    assert [s.heading for s in tasks.content] == ["Tuyên truyền", "Tập huấn"]
    assert tasks.content[0].content[0].heading == "Trên hệ thống loa truyền thanh"
    assert tasks.content[0].content[0].content[0].style == "dash"  # the bullet level "-"
    assert plan.tasks[0].lead == "Công chức Nông nghiệp xã" and plan.tasks[0].deadline.quarter == 3
    assert plan.targets[0].value == 2
    assert plan.budget_total == 25_000_000
    assert plan.legal_bases[0].text.startswith("Quyết định số 26/2026/QĐ-TTg")
    assert plan.signer.authority_lines() == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] and plan.signer.name == "Lê Văn Tâm"
    assert plan.recipients == ["UBND tỉnh"] and plan.archive == "VT"
    assert plan.closing == "Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026"


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_libreoffice_saved_copy_reads_the_same(stem, office_copies):
    parsed = parse_file(office_copies[stem]["docx"])
    assert plan_context(parsed.model) == plan_context(load_spec(SAMPLES / "plans" / f"{stem}.yaml"))


@pytest.mark.parametrize("stem", PLAN_STEMS)
def test_pdf_of_a_rendered_plan_reads_the_same(stem, office_copies):
    """pypdf text, the two-column header and signature untangled by position, paragraphs rebuilt."""
    parsed = parse_file(office_copies[stem]["pdf"])
    assert parsed.model is not None, [n.describe() for n in parsed.notes]
    assert plan_context(parsed.model) == plan_context(load_spec(SAMPLES / "plans" / f"{stem}.yaml"))


def test_government_decree_docx():
    """Nghị định 30/2020/NĐ-CP as the government published it (Word, converted from .doc)."""
    parsed = parse_file(CORPUS / "docx" / "30_2020_ND_CP.docx")
    data = parsed.data
    assert (data["issuer"]["name"], data["number"], data["place"], data["date"]) == ("Chính phủ", 30, "Hà Nội", date(2020, 3, 5))
    assert data["title"] == "Về công tác văn thư" and data["doc_type"] == "Nghị định"
    assert data["signer"]["on_behalf_of"] == "CHÍNH PHỦ" and data["signer"]["name"] == "Nguyễn Xuân Phúc"
    assert data["archive"] == "VT, HC (2)"
    assert [b["verb"] for b in data["legal_bases"]] == ["Căn cứ", "Theo đề nghị của"]
    # A decree is not a Kế hoạch: no model, and the reader is told why.
    assert parsed.model is None and any("Nghị định" in n.message for n in parsed.notes)


@pytest.mark.parametrize("name", ["Phuluc1.docx", "Phuluc3.docx"])
def test_government_annexes_do_not_crash(name):
    parsed = parse_file(CORPUS / "docx" / name)
    assert parsed.notes  # tables of forms and placeholders: much to check, nothing silently lost


def test_legacy_tcvn3_text_is_converted_and_reported():
    text = "KÕ HO¹CH\n\nTriÓn khai Ch­¬ng tr×nh mçi x· mét s¶n phÈm n¨m 2024\n\nI. MôC §ÝCH\n\nTuyªn truyÒn vÒ Ch­¬ng tr×nh.\n"
    parsed = parse_text(text)
    assert parsed.data["title"] == "Triển khai Chương trình mỗi xã một sản phẩm năm 2024"
    assert any("TCVN3" in n.message for n in parsed.notes)


@pytest.mark.parametrize("content,expected", [
    (b"%PDF-1.4 not a zip", "không phải tệp nén ZIP"),
    (b"PK\x03\x04garbage", "bị hỏng"),
])
def test_broken_docx_is_refused_in_vietnamese(tmp_path, content, expected):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=expected):
        parse_file(path)


def test_docx_with_a_dtd_is_refused(tmp_path, rendered_plans):
    source = rendered_plans["ben-cau-2024"]
    path = tmp_path / "dtd.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e "boom">]>', 1)
            zout.writestr(item, data)
    with pytest.raises(UnreadableFile, match="DTD"):
        parse_file(path)


def test_other_files_are_refused(tmp_path):
    for name, content in (("a.doc", b"\xd0\xcf\x11\xe0"), ("a.pdf", b"hello"), ("a.txt", b"\x00\x01\x02" * 100)):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(UnreadableFile):
            parse_file(path)
    with pytest.raises(UnreadableFile, match="Không tìm thấy"):
        parse_file(tmp_path / "missing.txt")
