"""The issue's acceptance case: a plan made in Word — header table, Word auto-numbered headings, a
budget table with its total, an assignment table, deadlines in five forms, targets and amounts —
rolled to the next year, then reviewed in Word and accepted."""
from __future__ import annotations

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
