"""Post-render layout: a section that lost its page numbers gets them back (ND30-PAGE-04)."""
from __future__ import annotations

from docx import Document
from docx.enum.section import WD_HEADER_FOOTER
from testpaths import SAMPLES

from ocop_docs.check import check_file
from ocop_docs.io import load_spec
from ocop_docs.render import render_spec
from ocop_docs.render.layout import _numbered_header
from ocop_docs.render.templates import template_path

SPEC = SAMPLES / "decisions" / "ha-tinh-2026-hoi-dong.yaml"


def lose_first_section_numbers(tmp_path):
    """The council decision template as LibreOffice re-saves it: in the first section, only the
    first page's empty header, written as the default one, and no 'different first page'."""
    document = Document(str(template_path("council_decision")))
    first = document.sections[0]
    sect_pr = first._sectPr
    empty = sect_pr.remove_headerReference(WD_HEADER_FOOTER.FIRST_PAGE)
    sect_pr.remove_headerReference(WD_HEADER_FOOTER.PRIMARY)
    sect_pr.add_headerReference(WD_HEADER_FOOTER.PRIMARY, empty)
    first.different_first_page_header_footer = False
    path = tmp_path / "quyet-dinh-hoi-dong.docx"
    document.save(str(path))
    return path


def test_a_section_that_lost_its_page_numbers_gets_them_back(tmp_path):
    damaged = lose_first_section_numbers(tmp_path)
    assert _numbered_header(Document(str(damaged)), Document(str(damaged)).sections[0]._sectPr) is None
    out = render_spec(load_spec(SPEC), tmp_path / "qd.docx", damaged)
    document = Document(str(out))
    first = document.sections[0]
    assert _numbered_header(document, first._sectPr) is not None
    assert first.different_first_page_header_footer  # not on page one
    assert "".join(p.text for p in first.first_page_header.paragraphs).strip() == ""
    assert not [f for f in check_file(out).findings if f.rule_id == "ND30-PAGE-04"]


def test_shipped_template_unchanged(tmp_path):
    out = render_spec(load_spec(SPEC), tmp_path / "qd.docx")
    template, document = Document(str(template_path("council_decision"))), Document(str(out))
    for ours, theirs in zip(template.sections, document.sections):
        assert [r.get(r.tag.split("}")[0] + "}type") for r in ours._sectPr.headerReference_lst] == \
               [r.get(r.tag.split("}")[0] + "}type") for r in theirs._sectPr.headerReference_lst]


def test_a_section_that_shows_the_previous_header_is_left_alone():
    """No header of its own means the previous section's one (numbered): nothing to repair (a
    landscape table's section, say)."""
    from docx.enum.section import WD_SECTION

    from ocop_docs.render.layout import keep_page_numbers

    document = Document(str(template_path("plan")))
    document.add_section(WD_SECTION.NEW_PAGE)  # python-docx: a new section without header references
    last = document.sections[-1]
    assert last._sectPr.get_headerReference(WD_HEADER_FOOTER.PRIMARY) is None
    assert keep_page_numbers(document) == 0
    assert last._sectPr.get_headerReference(WD_HEADER_FOOTER.PRIMARY) is None
