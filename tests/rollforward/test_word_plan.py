"""The issue's acceptance case: a plan made in Word — header table, Word auto-numbered headings, a
budget table with its total, an assignment table, deadlines in five forms, targets and amounts —
rolled to the next year, then reviewed in Word and accepted."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date

import docx
import pytest
from lxml import etree

from ocop_docs.check import check_file
from ocop_docs.rollforward.files import run
from wordbuild import accept_all, commune_plan_2026

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    out = tmp_path_factory.mktemp("word-plan")
    commune_plan_2026(out / "ke-hoach-2026.docx")
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
    accept_all(out / "du-thao.docx", tmp_path / "chap-nhan.docx")
    accepted = check_file(tmp_path / "chap-nhan.docx")
    assert [f for f in accepted.findings if f.severity == "error"] == [], [f.rule_id for f in accepted.findings]


# ---------------------------------------------------------------- every form an officer writes
# The 2026 plan of tests/wordbuild.officer_plan_2026 rolled to 2027 by the command an officer runs.
CITED = ("Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh Tây Ninh về thực hiện Chương trình OCOP năm 2026",
         "Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ", "giai đoạn 2026-2030")


@pytest.fixture(scope="module")
def officer(tmp_path_factory):
    from click.testing import CliRunner

    from ocop_docs.cli import main
    from wordbuild import officer_plan_2026

    out = tmp_path_factory.mktemp("officer-plan")
    officer_plan_2026(out / "ke-hoach-2026.docx")
    args = [str(out / "ke-hoach-2026.docx"), "--year", "2027", "--ngay", "05/01/2027", "-o", str(out / "kh-2027.yaml"),
            "--docx", str(out / "du-thao.docx"), "--clean", str(out / "sach.docx")]
    for report in ("thay-doi.md", "thay-doi.xlsx"):
        outcome = CliRunner().invoke(main, ["rollforward", *args, "--report", str(out / report)])
        assert outcome.exit_code == 0, outcome.output
    return out


def _docx_texts(path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]


def test_officer_plan_keeps_its_tables_row_for_row(officer):
    before = docx.Document(str(officer / "ke-hoach-2026.docx")).tables
    after = docx.Document(str(officer / "sach.docx")).tables
    grids = lambda tables: [[c.text for c in r.cells] for t in tables for r in t.rows if len(t.columns) == 4]  # noqa: E731
    old, new = grids(before), grids(after)
    assert len(old) == len(new) == 11  # targets 3, assignment 4 ("3 | Tổng kết …" is a task, not a total), budget 4
    assert [r[1] for r in new] == [r[1] for r in old]  # the same rows, in the same order (the total's label spans STT)
    assert new[6] == ["3", "Tổng kết Chương trình", "Phòng Kinh tế", "Quý I/2028"]


def test_officer_plan_moves_every_plan_year_date_and_no_citation(officer):
    texts = _docx_texts(officer / "sach.docx")
    joined = " ".join(texts)
    for moved in ("trước ngày 31/3/2027", "trước ngày 30/9/2027", "6 tháng đầu năm 2027", "ngày 15 tháng 12 năm 2027",
                  "Quý I/2027", "từ tháng 3 đến tháng 6/2027", "Quý I/2028", "trong tháng 10/2027",
                  "vụ Đông Xuân 2027-2028", "gửi Sở Nông nghiệp và Môi trường ngày 15/6/2027", "Phấn đấu năm 2027",
                  "OCOP năm 2027 như sau", "trước ngày 30/9."):
        assert moved in joined, moved
    # What still says 2026 is a citation or the programme's period, nothing else.
    for text in texts:
        rest = text
        for cited in CITED:
            rest = rest.replace(cited, "")
        assert "2026" not in rest, text


def test_officer_plan_lists_every_amount_and_target_with_its_old_value(officer):
    from openpyxl import load_workbook

    book = load_workbook(officer / "thay-doi.xlsx")
    sheet = book["Việc cần quyết định"]
    listed = [str(row[4]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    for figure in ("05", "07 sản phẩm", "01 sản phẩm", "3 sao", "4 sao", "100%", "120 triệu đồng", "10 triệu đồng",
                   "50.000.000", "70.000.000", "3", "2", "4", "1"):
        assert figure in listed, figure
    markdown = (officer / "thay-doi.md").read_text(encoding="utf-8")
    assert "bỏ hoặc sửa số tổng đã ghi: 120.000.000" in markdown
    # Last year's superior plan, the merged province and the lapsed criteria decision are flagged.
    assert "thay bằng kế hoạch năm 2027 của cơ quan đó" in markdown
    assert "tỉnh Long An là một phần của tỉnh Tây Ninh" in markdown
    assert "văn bản thay thế: Quyết định số 26/2026/QĐ-TTg" in markdown
    # The report lists the changes in the order of the document.
    changes = book["Thay đổi đã làm"]
    places = [row[2] for row in changes.iter_rows(min_row=2, values_only=True)]
    assert places.index("Trích yếu") < places.index("Đoạn mở đầu 1") < places.index("Mục I, đoạn 1") \
        < places.index("Mục II › 2, đoạn 3") < places.index("Đoạn kết")


def test_officer_plan_draft_is_read_alike_by_word_readers(officer):
    """python-docx and the validator read the revisions and comments; each change sits on its words."""
    from wordcheck import word_findings

    draft = officer / "du-thao.docx"
    assert word_findings(draft) == []
    body = etree.fromstring(zipfile.ZipFile(draft).read("word/document.xml"))
    marks = list(body.iter(f"{W}ins", f"{W}del"))
    assert {(m.get(f"{W}author"), bool(m.get(f"{W}date"))) for m in marks} == {("ocop-docs", True)}
    words = ["".join(t.text or "" for t in m.iter(f"{W}t", f"{W}delText")) for m in marks]
    assert "2026" in words and "2027" in words and "2028" in words
    assert max(len(w) for w in words) < 40  # the words that changed, not whole paragraphs
    comments = {c.text for c in docx.Document(str(draft)).comments}
    assert any("thay bằng kế hoạch năm 2027" in c for c in comments)
    assert any("«07 sản phẩm»" in c for c in comments)
    assert check_file(draft).rule_ids() == {"ND30-FINAL-01"}


LIBREOFFICE_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll(src As String, dst As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = &quot;Hidden&quot;
  hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, hidden())
  frame = doc.getCurrentController().getFrame()
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  Dim none(0) As New com.sun.star.beans.PropertyValue
  dispatcher.executeDispatch(frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, none())
  dispatcher.executeDispatch(frame, &quot;.uno:DeleteAllNotes&quot;, &quot;&quot;, 0, none())
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
</script:module>
"""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_accepts_every_change_into_the_clean_copy(officer, tmp_path):
    """Review › Accept All in LibreOffice (a macro) leaves the text of --clean, and it passes check."""
    profile = tmp_path / "profile"
    module = profile / "user" / "basic" / "Standard"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--terminate_after_init"],
                   capture_output=True, timeout=180)
    module.mkdir(parents=True, exist_ok=True)
    (module / "Module1.xba").write_text(LIBREOFFICE_MACRO, encoding="utf-8")
    accepted = tmp_path / "chap-nhan.docx"
    macro = f'macro:///Standard.Module1.AcceptAll("{officer / "du-thao.docx"}","{accepted}")'
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", macro],
                   capture_output=True, timeout=240)
    assert accepted.exists()
    body = etree.fromstring(zipfile.ZipFile(accepted).read("word/document.xml"))
    assert list(body.iter(f"{W}ins", f"{W}del", f"{W}commentRangeStart")) == []
    strip = lambda texts: [t for t in (" ".join(x.split()) for x in texts) if t]  # noqa: E731
    assert strip(_docx_texts(accepted)) == strip(_docx_texts(officer / "sach.docx"))
    assert [f.rule_id for f in check_file(accepted).findings if f.severity == "error"] == []
