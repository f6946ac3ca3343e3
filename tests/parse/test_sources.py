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


def test_embedded_parts_of_a_word_file_are_reported_never_dropped(tmp_path):
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Thực hiện Chương trình OCOP năm 2026")
    doc.add_paragraph("I. KINH PHÍ")
    doc.add_paragraph("Chi tiết kinh phí theo bảng dưới đây:")
    body = doc.element.body
    # An Excel sheet pasted as an object, then a chunk of HTML pasted as altChunk (Word keeps both unread).
    ole = parse_xml('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                    'xmlns:o="urn:schemas-microsoft-com:office:office"><w:r><w:object>'
                    '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12"/></w:object></w:r></w:p>')
    chunk = parse_xml('<w:altChunk xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChunk1"/>')
    body.insert(len(body) - 1, ole)
    body.insert(len(body) - 1, chunk)
    doc.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026./.")
    doc.save(tmp_path / "nhung.docx")
    notes = [n.describe() for n in parse_file(tmp_path / "nhung.docx").notes]
    embedded = [n for n in notes if "không đọc được phần nhúng" in n]
    assert len(embedded) == 2, notes
    assert "Excel.Sheet.12" in embedded[1] and "gần «Chi tiết kinh phí theo bảng dưới đây:»" in embedded[1]
    assert "altChunk" in embedded[0]
    plain = Document()
    plain.add_paragraph("KẾ HOẠCH")
    plain.add_paragraph("Thực hiện Chương trình OCOP năm 2026")
    plain.save(tmp_path / "thuong.docx")
    assert not any("phần nhúng" in n.message for n in parse_file(tmp_path / "thuong.docx").notes)


def test_signature_typed_with_line_breaks_reads_like_separate_paragraphs(tmp_path):
    # Officers type the signature block as one paragraph with Shift+Enter (w:br) between its lines.
    path = word_plan(tmp_path / "word.docx")
    doc = Document(str(path))
    right = doc.tables[-1].cell(0, 1)
    for p in right.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    first = right.paragraphs[0]
    first.runs[0].text = "TM. ỦY BAN NHÂN DÂN"
    for text in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        run = first.add_run()
        run.add_break()
        run.add_text(text)
        run.bold = True
    name = right.add_paragraph()
    name.add_run().add_break()
    name.add_run().add_break()
    right.add_paragraph().add_run("Trần Văn Bình").bold = True
    doc.save(str(path))
    plan = parse_file(path).model
    assert plan is not None
    assert (plan.signer.on_behalf_of, plan.signer.authority, plan.signer.head_title, plan.signer.title,
            plan.signer.name) == ("ỦY BAN NHÂN DÂN", "KT", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình")
    assert plan.signer.authority_lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert plan.recipients == ["UBND tỉnh"]


def test_items_of_a_word_numbered_list_are_read_alike(tmp_path):
    # Word's own list (1., 2., 3. — not bold): a long item reads as text, so the short ones do too,
    # never as headings without content.
    doc = Document()
    use_numbering(doc)
    header_table(doc, "XÃ ĐÔNG THÀNH", "Số: 87/KH-UBND", "Đông Thành, ngày 05 tháng 8 năm 2025")
    title_lines(doc, "KẾ HOẠCH", "Thực hiện Chương trình OCOP trên địa bàn xã năm 2025")
    doc.add_paragraph("Ủy ban nhân dân xã Đông Thành ban hành Kế hoạch thực hiện Chương trình OCOP năm 2025 như sau:")
    numbered(doc, "NHIỆM VỤ VÀ GIẢI PHÁP", 0)
    items = ["Tuyên truyền về Chương trình OCOP trên hệ thống loa truyền thanh của xã, thực hiện trong Quý III/2025.",
             "Hỗ trợ 02 chủ thể hoàn thiện hồ sơ sản phẩm, hoàn thành trước ngày 15/9/2025.",
             "Tham gia Hội chợ OCOP tỉnh Ninh Bình năm 2025."]
    for text in items:
        numbered(doc, text, 1, bold=False)
    numbered(doc, "TỔ CHỨC THỰC HIỆN", 0)
    numbered(doc, "Công chức Kinh tế xã", 1)
    doc.add_paragraph("Chủ trì tham mưu UBND xã triển khai Kế hoạch.")
    doc.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2025./.")
    signature_table(doc, "Trần Văn Bình")
    doc.save(str(tmp_path / "list.docx"))
    parsed = parse_file(tmp_path / "list.docx")
    tasks = parsed.data["body"][0]
    assert tasks["heading"] == "NHIỆM VỤ VÀ GIẢI PHÁP"
    assert [(b.get("text"), b.get("numbered"), b.get("heading")) for b in tasks["content"]] == [
        (text, True, None) for text in items]
    assert parsed.data["body"][1]["content"][0]["heading"] == "Công chức Kinh tế xã"


def test_issuer_typed_regular_over_bold_unit_is_one_name(tmp_path):
    # "ỦY BAN NHÂN DÂN" typed regular over "HUYỆN VẠN NINH" in bold: one issuer, no parent body.
    path = word_plan(tmp_path / "word.docx")
    doc = Document(str(path))
    doc.tables[0].cell(0, 0).paragraphs[0].runs[0].bold = False
    doc.tables[0].cell(0, 0).paragraphs[1].runs[0].text = "HUYỆN VẠN NINH"
    doc.save(str(path))
    plan = parse_file(path).model
    assert (plan.issuer.name, plan.issuer.parent, plan.issuer.level) == ("Ủy ban nhân dân huyện Vạn Ninh", None, "huyen")


def test_unaccepted_tracked_changes_are_read_as_accepted_and_said(tmp_path):
    # A colleague's change nobody accepted: 15/9 → 30/9 and a deleted sentence.
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    path = word_plan(tmp_path / "word.docx")
    doc = Document(str(path))
    p = next(p for p in doc.paragraphs if p.text.startswith("Phát triển sản phẩm OCOP"))
    by = f'{nsdecls("w")} w:author="Nguyễn Thị Lan" w:date="2025-08-01T08:00:00Z"'
    p._p.append(parse_xml(f'<w:del {by} w:id="901"><w:r><w:delText> Hỗ trợ 10 chủ thể.</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {by} w:id="902"><w:r><w:t> Hỗ trợ 12 chủ thể.</w:t></w:r></w:ins>'))
    doc.save(str(path))
    parsed = parse_file(path)
    purpose = parsed.model.body[0].content[0].content[0]
    assert purpose.text == "Phát triển sản phẩm OCOP gắn với vùng nguyên liệu. Hỗ trợ 12 chủ thể."
    assert any("còn 2 chỗ theo dõi thay đổi chưa chấp nhận của Nguyễn Thị Lan; đã đọc như khi chấp nhận tất cả"
               in n.message for n in parsed.notes), [n.describe() for n in parsed.notes]


def test_text_in_a_text_box_is_read_where_it_is_anchored(tmp_path):
    from wordbuild import add_textbox

    path = word_plan(tmp_path / "word.docx")
    doc = Document(str(path))
    add_textbox(next(p for p in doc.paragraphs if p.text.startswith("Phấn đấu")),
                "Hỗ trợ xây dựng 01 điểm bán sản phẩm OCOP, kinh phí 45.000.000 đồng.")
    doc.save(str(path))
    parsed = parse_file(path)
    objectives = parsed.model.body[1]  # MỤC TIÊU: the box's sentence after the paragraph it is anchored in
    assert [b.target.text for b in objectives.content] == [
        "Phấn đấu có ít nhất 02 sản phẩm đạt 3 sao trở lên.",
        "Hỗ trợ xây dựng 01 điểm bán sản phẩm OCOP, kinh phí 45.000.000 đồng."]
    assert any("hộp văn bản (text box) «Hỗ trợ xây dựng 01 điểm bán" in n.message for n in parsed.notes)


def test_an_annex_table_after_the_signature_is_never_the_signer(tmp_path):
    # a budget table after the signature: its "STT" and "Vốn đối ứng" are not the signer's title and name
    path = word_plan(tmp_path / "word.docx")
    doc = Document(str(path))
    right = doc.tables[-1].cell(0, 1)
    right.paragraphs[0].runs[0].text = "TM. ỦY BAN NHÂN DÂN"
    run = right.paragraphs[0].add_run()
    run.add_break()
    run.add_text("CHỦ TỊCH")
    right.paragraphs[1]._p.getparent().remove(right.paragraphs[1]._p)
    doc.add_paragraph("Bảng chi tiết kinh phí theo nội dung và nguồn vốn:")
    table = doc.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ["STT", "Nội dung", "Ngân sách xã", "Vốn đối ứng"]):
        cell.paragraphs[0].add_run(text).bold = True
    for cell, text in zip(table.rows[1].cells, ["1", "Tập huấn", "10.000.000", "5.000.000"]):
        cell.text = text
    doc.save(str(path))
    parsed = parse_file(path)
    signer = parsed.model.signer
    assert (signer.on_behalf_of, signer.title, signer.name) == ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Tâm")


def _png() -> bytes:
    """A 1×1 white PNG (a chart pasted as a picture stands for it)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def test_a_picture_of_the_body_is_said_and_its_caption_is_no_target(tmp_path):
    import io

    path = word_plan(tmp_path / "word.docx")
    doc = Document(str(path))
    tasks = next(p for p in doc.paragraphs if p.text == "NHIỆM VỤ")  # the heading after MỤC TIÊU
    picture = tasks.insert_paragraph_before()
    picture.add_run().add_picture(io.BytesIO(_png()))
    tasks.insert_paragraph_before("Hình 1. Số sản phẩm OCOP của xã giai đoạn 2021-2025")
    doc.save(str(path))
    parsed = parse_file(path)
    assert any(n.message.startswith("hình ảnh gần «Hình 1. Số sản phẩm OCOP") and "không có hình này" in n.message
               for n in parsed.notes), [n.describe() for n in parsed.notes]
    objectives = parsed.model.body[1].content
    assert [b.target.value for b in objectives[:-1]] == [2]
    assert objectives[-1].text == "Hình 1. Số sản phẩm OCOP của xã giai đoạn 2021-2025"  # a paragraph, not a target
