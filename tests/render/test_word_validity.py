"""Word opens every output without repair: the OOXML validator (openxml-audit) finds nothing in the
shipped templates, in every document the demo writes, or in the other render paths (roll-forward
drafts, tracked or highlighted, and clean); tables: tests/render/test_tables.py; certificates alone and combined: tests/certificates/test_compiled.py."""
from __future__ import annotations

import zipfile
from datetime import date

import pytest
from lxml import etree
from testpaths import SAMPLES
from wordcheck import findings_of, word_findings

from ocop_docs.check.template import template_kinds
from ocop_docs.shipped import TEMPLATES_DIR

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def demo_docx(tmp_path_factory):
    from ocop_docs.demo import run_demo

    out = tmp_path_factory.mktemp("demo")
    written = run_demo(SAMPLES, out, pdf=False, progress=lambda _message: None)
    return sorted(p for p in written if p.suffix == ".docx")


def test_shipped_templates_are_valid():
    templates = sorted(TEMPLATES_DIR.rglob("*.docx"))
    assert len(templates) == 12  # with decisions/quyet-dinh.docx, the general decision
    assert findings_of(templates) == {}


def test_every_demo_document_opens_in_word_without_repair(demo_docx):
    folders = {p.parent.name for p in demo_docx}
    assert {"plans", "decisions", "forms", "docx"} <= folders  # docx: the star certificates
    assert len(demo_docx) >= 50
    assert findings_of(demo_docx) == {}


def test_no_duplicate_table_properties_and_no_styles_with_effects(demo_docx):
    """The two faults Word repaired: w:tblLayout twice in a w:tblPr, a stale stylesWithEffects.xml."""
    for path in demo_docx:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            assert "word/stylesWithEffects.xml" not in names, path
            assert b"stylesWithEffects" not in z.read("word/_rels/document.xml.rels")
            assert b"stylesWithEffects" not in z.read("[Content_Types].xml")
            body = etree.fromstring(z.read("word/document.xml"))
        for tbl_pr in body.iter(f"{W}tblPr"):
            tags = [child.tag for child in tbl_pr]
            assert len(tags) == len(set(tags)), (path.name, tags)


def test_plan_footnotes_in_schema_order(demo_docx):
    """The plan with footnotes: w:sz before w:vertAlign in the notes, superscript references valid."""
    plan = next(p for p in demo_docx if p.name == "ha-tinh-2023-2025.docx")
    with zipfile.ZipFile(plan) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    rpr = notes.find(f".//{W}footnoteRef/../{W}rPr")
    assert [child.tag for child in rpr] == [f"{W}sz", f"{W}vertAlign"]
    assert word_findings(plan) == []


def test_footnote_reference_after_run_language_stays_in_schema_order(tmp_path):
    """A reference copies the cited run's properties; w:vertAlign goes before a w:lang it holds."""
    from docx import Document
    from docx.oxml.ns import qn

    from ocop_docs.render.footnotes import apply_footnotes, marker
    from ocop_docs.render.styles import drop_styles_with_effects

    document = Document()
    drop_styles_with_effects(document)  # python-docx's own default template carries it
    run = document.add_paragraph().add_run(f"Căn cứ{marker(1)} Luật")
    run._r.get_or_add_rPr().append(run._r.makeelement(qn("w:lang"), {qn("w:val"): "vi-VN"}))
    assert apply_footnotes(document, {1: "Ghi chú."}) == 1
    out = tmp_path / "note.docx"
    document.save(out)
    ref = document.element.body.find(f".//{W}footnoteReference/..")
    assert [child.tag for child in ref.find(f"{W}rPr")] == [f"{W}vertAlign", f"{W}lang"]
    assert word_findings(out) == []


@pytest.mark.parametrize("marks", ["track", "highlight"])
def test_rollforward_drafts_are_valid(marks, tmp_path):
    """The draft marked with tracked changes and comments, or with highlights, and the clean one."""
    from ocop_docs.rollforward.files import run

    files = run(SAMPLES / "plans" / "ben-cau-2024.yaml", 2025, tmp_path / "kh.yaml", on=date(2025, 1, 15),
                docx=tmp_path / "kh.docx", marks=marks, clean=tmp_path / "kh-sach.docx")
    assert files.marks and sum(files.marks.values()) > 0  # the marking step really rewrote the document
    assert findings_of([tmp_path / "kh.docx", tmp_path / "kh-sach.docx"]) == {}


def test_properties_another_program_wrote_out_of_schema_are_put_back(tmp_path):
    """A template saved by LibreOffice: w:sectPr before w:pStyle in a paragraph's properties, and row
    properties valued "true"/"false" (Word's schema takes "on"/"off" there). The output is valid and
    says the same: the section break is kept, the header row still repeats, the split row still splits."""
    from docx import Document
    from docx.oxml import parse_xml

    from ocop_docs.render.oxml import tidy_properties
    from ocop_docs.render.styles import drop_styles_with_effects

    document = Document()
    drop_styles_with_effects(document)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = document.element.body
    body.insert(0, parse_xml(f'<w:p {ns}><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
                             '<w:pStyle w:val="Normal"/><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/>'
                             "</w:pPr></w:p>"))
    table = document.add_table(rows=2, cols=1)
    first, second = (row._tr.get_or_add_trPr() for row in table.rows)
    first.append(parse_xml(f'<w:cantSplit {ns} w:val="true"/>'))
    first.append(parse_xml(f'<w:tblHeader {ns} w:val="true"/>'))
    second.append(parse_xml(f'<w:cantSplit {ns} w:val="false"/>'))
    before = tmp_path / "truoc.docx"
    document.save(before)
    assert word_findings(before)  # the validator sees both faults…

    assert tidy_properties(document) == 4
    after = tmp_path / "sau.docx"
    document.save(after)
    assert word_findings(after) == []  # …and none once tidied
    ppr = body[0].find(f"{W}pPr")
    assert [child.tag for child in ppr] == [f"{W}pStyle", f"{W}spacing", f"{W}jc", f"{W}sectPr"]
    assert [(c.tag, c.get(f"{W}val")) for c in first] == [(f"{W}cantSplit", None), (f"{W}tblHeader", None)]
    assert second[0].get(f"{W}val") == "off"


@pytest.mark.parametrize("kind", template_kinds())
def test_every_branch_of_every_template_renders_valid(kind, tmp_path):
    """The trial fill of `template check`: every declared field present (every {% if %} taken, every
    loop three times), the branches the samples leave out included, through the full render pipeline."""
    from ocop_docs.check.template import declared_context, kind_data
    from ocop_docs.render import render_document
    from ocop_docs.render.templates import template_path

    out = tmp_path / f"{kind}.docx"
    render_document(template_path(kind), declared_context(kind_data(kind).root)).save(str(out))
    assert "Nội dung" in "".join(t.text or "" for t in etree.fromstring(
        zipfile.ZipFile(out).read("word/document.xml")).iter(f"{W}t"))  # the made-up data was filled in
    assert word_findings(out) == []



def test_the_validator_answers_for_the_file_it_is_given(tmp_path):
    """A draft with comments, then a copy whose comments.xml lost a comment its anchors point at:
    the second is refused even right after the first (no answer carried over from another file)."""
    from ocop_docs.rollforward.files import run

    run(SAMPLES / "plans" / "ben-cau-2024.yaml", 2025, tmp_path / "kh.yaml", on=date(2025, 1, 15),
        docx=tmp_path / "kh.docx", marks="track")
    broken = tmp_path / "thieu-ghi-chu.docx"
    with zipfile.ZipFile(tmp_path / "kh.docx") as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/comments.xml":
                comments = etree.fromstring(data)
                comments.remove(comments[0])
                data = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    for _ in range(2):
        assert word_findings(tmp_path / "kh.docx") == []
        assert any("was not found" in f for f in word_findings(broken))
