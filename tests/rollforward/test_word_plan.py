"""The issue's acceptance case: a plan made in Word — header table, Word auto-numbered headings, a
budget table with its total, an assignment table, deadlines in five forms, targets and amounts —
rolled to the next year, then reviewed in Word and accepted."""
from __future__ import annotations

import zipfile
from datetime import date

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from ocop_docs.check import check_file
from ocop_docs.rollforward.files import run
from wordbuild import header_table, numbered, signature_table, use_numbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def word_plan(path) -> None:
    document = docx.Document()
    use_numbering(document)
    header_table(document, "XÃ LONG THUẬN", "Số: 12/KH-UBND", "Long Thuận, ngày 10 tháng 01 năm 2026")
    for text in ("KẾ HOẠCH", "Thực hiện Chương trình Mỗi xã một sản phẩm trên địa bàn xã năm 2026"):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    document.add_paragraph().add_run(
        "Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ;").italic = True
    document.add_paragraph("UBND xã Long Thuận ban hành Kế hoạch như sau:")
    numbered(document, "MỤC TIÊU", 0)
    document.add_paragraph("Phấn đấu có ít nhất 02 sản phẩm đạt 3 sao trở lên; nâng hạng 01 sản phẩm lên 4 sao.")
    numbered(document, "NHIỆM VỤ", 0)
    numbered(document, "Phân công", 1)
    _table(document, [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
                      ["1", "Tuyên truyền trên loa truyền thanh", "Văn phòng UBND xã", "Quý I/2026"],
                      ["2", "Hướng dẫn chủ thể lập hồ sơ", "Phòng Kinh tế", "tháng 10/2026"]])
    numbered(document, "Thời hạn", 1)
    document.add_paragraph("Các thôn đăng ký sản phẩm trước ngày 31/3/2026; báo cáo kết quả về UBND tỉnh trước ngày "
                           "30/9/2026; tổng kết trong ngày 15 tháng 12 năm 2026 và 6 tháng đầu năm 2026 rà soát.")
    numbered(document, "KINH PHÍ", 0)
    _table(document, [["STT", "Nội dung", "Kinh phí (đồng)", "Nguồn vốn"],
                      ["1", "Tập huấn cho chủ thể", "50.000.000", "Ngân sách tỉnh"],
                      ["2", "Tham gia hội chợ", "35.000.000", "Ngân sách xã"],
                      ["", "Tổng cộng", "85.000.000", ""]])
    document.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026 của UBND xã./.")
    signature_table(document, "Lê Văn Bình")
    document.save(str(path))


def _accept_all(src, dst) -> None:
    """What Word's Review › Accept All Changes and Delete All Comments leave."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                for p in list(root.iter(f"{W}p")):
                    if p.find(f"{W}pPr/{W}rPr/{W}del") is not None:
                        p.getparent().remove(p)
                for el in list(root.iter(f"{W}del", f"{W}commentRangeStart", f"{W}commentRangeEnd")):
                    el.getparent().remove(el)
                for ref in list(root.iter(f"{W}commentReference")):
                    ref.getparent().getparent().remove(ref.getparent())
                for ins in list(root.iter(f"{W}ins")):
                    parent = ins.getparent()
                    if parent.tag == f"{W}rPr":
                        parent.remove(ins)
                        continue
                    for child in list(ins):
                        ins.addprevious(child)
                    parent.remove(ins)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, data)


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    out = tmp_path_factory.mktemp("word-plan")
    word_plan(out / "ke-hoach-2026.docx")
    files = run(out / "ke-hoach-2026.docx", 2027, out / "kh-2027.yaml", on=date(2027, 1, 5),
                docx=out / "du-thao.docx", clean=out / "sach.docx", report=out / "thay-doi.xlsx")
    return files, out


def test_tables_stay_tables_with_the_same_rows(rolled):
    files, out = rolled
    tables = files.result.plan.tables
    assert len(tables) == 2
    assignment, budget = tables
    assert [c.text for c in assignment.header[0]] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"]
    assert [[c.text for c in r][-1] for r in assignment.rows] == ["Quý I/2027", "tháng 10/2027"]
    assert [[c.text for c in r][1] for r in budget.rows] == ["Tập huấn cho chủ thể", "Tham gia hội chợ"]
    assert budget.total.stated == {3: "85.000.000"}
    written = docx.Document(str(out / "sach.docx"))
    grids = [t for t in written.tables if len(t.columns) == 4 and t.cell(0, 0).text == "STT"]
    assert len(grids) == 2 and len(grids[1].rows) == 4  # header, two lines, the computed total


def test_every_plan_year_date_moves_and_citations_stay(rolled):
    files, _ = rolled
    plan = files.result.plan
    text = " ".join(b.text for _, b in plan.walk() if hasattr(b, "text") and isinstance(b.text, str))
    for moved in ("trước ngày 31/3/2027", "trước ngày 30/9/2027", "ngày 15 tháng 12 năm 2027", "6 tháng đầu năm 2027"):
        assert moved in text, moved
    assert plan.title.endswith("năm 2027")
    assert "Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026" in plan.legal_bases[0].text


def test_every_amount_and_target_is_a_decision(rolled):
    files, out = rolled
    decided = {r.before for r in files.result.reviews if r.category in ("target", "budget")}
    assert {"02 sản phẩm", "3 sao", "01 sản phẩm", "4 sao", "50.000.000", "35.000.000"} <= decided
    from openpyxl import load_workbook

    book = load_workbook(out / "thay-doi.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("50.000.000" in c for c in cells) and any("02 sản phẩm" in c for c in cells)


def test_the_draft_shows_changes_and_comments_and_accepted_it_passes_check(rolled, tmp_path):
    files, out = rolled
    body = etree.fromstring(zipfile.ZipFile(out / "du-thao.docx").read("word/document.xml"))
    inserted = " ".join("".join(t.text for t in e.iter(f"{W}t")) for e in body.iter(f"{W}ins"))
    deleted = " ".join("".join(t.text for t in e.iter(f"{W}delText")) for e in body.iter(f"{W}del"))
    assert "2027" in inserted and "2026" in deleted
    assert len(list(docx.Document(str(out / "du-thao.docx")).comments)) >= 5
    assert check_file(out / "du-thao.docx").rule_ids() >= {"ND30-FINAL-01"}
    _accept_all(out / "du-thao.docx", tmp_path / "chap-nhan.docx")
    accepted = check_file(tmp_path / "chap-nhan.docx")
    assert [f for f in accepted.findings if f.severity == "error"] == [], [f.rule_id for f in accepted.findings]
