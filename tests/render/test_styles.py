"""The shipped Word templates carry the ND30 styles of nd30/rules.py, found by name, so a template
re-saved by LibreOffice (which renames style IDs) is restyled and rendered the same."""
from __future__ import annotations

import shutil
import zipfile

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from ocop_docs.nd30 import rules
from ocop_docs.render.styles import (
    ALIGN,
    RULE_STYLES,
    STYLES,
    apply_nd30_styles,
    restyle_template,
)
from ocop_docs.shipped import TEMPLATES_DIR

TEMPLATES = sorted(TEMPLATES_DIR.rglob("*.docx"))


def paragraph_styles(document) -> dict:
    return {s.name: s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_template_styles_match_the_rules(template):
    styles = paragraph_styles(Document(str(template)))
    normal = styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)  # ND30-FONT-01
    for name, (_, element, extra) in STYLES.items():
        style = styles[name]
        if element:
            spec = rules.ELEMENTS[element]
            assert style.font.size == Pt(spec.render), name
            assert bool(style.font.bold) == bool(spec.bold), name
            assert bool(style.font.italic) == (bool(spec.italic) or bool(extra.get("italic"))), name
            if spec.align in ALIGN:
                assert style.paragraph_format.alignment == ALIGN[spec.align], name
        if name in RULE_STYLES:
            bottom = style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
            assert bottom is not None and bottom.get(qn("w:val")) == "single", name
            assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_applying_the_rules_again_changes_nothing(template, tmp_path):
    copy = tmp_path / template.name
    shutil.copy(template, copy)
    assert restyle_template(copy) is False


def libreoffice_ids(document) -> None:
    """What a LibreOffice re-save does to the ND30 styles: new IDs, references renamed, names kept."""
    renamed = {}
    for style in document.styles.element.findall(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if sid.startswith("ND30"):
            renamed[sid] = "ND30" + "".join(ch for ch in sid[4:] if ch.islower())
            style.set(qn("w:styleId"), renamed[sid])
    for ref in document.element.body.iter(qn("w:pStyle")):
        ref.set(qn("w:val"), renamed.get(ref.get(qn("w:val")), ref.get(qn("w:val"))))


def test_styles_found_by_name_after_ids_are_renamed(tmp_path):
    document = Document(str(TEMPLATES_DIR / "plans" / "ke-hoach.docx"))
    libreoffice_ids(document)
    styles = paragraph_styles(document)
    assert styles["ND30 - Trích yếu"].style_id == "ND30richeu"
    styles["ND30 - Trích yếu"].font.size = Pt(10)  # a clerk's edit against the rules
    count = len(styles)
    apply_nd30_styles(document)
    styles = paragraph_styles(document)
    assert len(styles) == count  # restyled in place, nothing added under the old IDs
    assert styles["ND30 - Trích yếu"].style_id == "ND30richeu"
    assert styles["ND30 - Trích yếu"].font.size == Pt(rules.ELEMENTS["trich_yeu"].render)


def test_a_change_of_the_rules_reaches_the_template(tmp_path, monkeypatch):
    copy = tmp_path / "ke-hoach.docx"
    shutil.copy(TEMPLATES_DIR / "plans" / "ke-hoach.docx", copy)
    spec = rules.ELEMENTS["trich_yeu"]
    monkeypatch.setitem(rules.ELEMENTS, "trich_yeu", type(spec)(**{**spec.__dict__, "render": 13}))
    assert restyle_template(copy) is True
    assert paragraph_styles(Document(str(copy)))["ND30 - Trích yếu"].font.size == Pt(13)


def test_restyle_drops_styles_with_effects(tmp_path):
    """A template saved from python-docx's default document keeps Word 2010's stale copy of the styles."""
    path = tmp_path / "cu.docx"
    Document().save(str(path))
    assert "word/stylesWithEffects.xml" in zipfile.ZipFile(path).namelist()
    assert restyle_template(path) is True
    assert "word/stylesWithEffects.xml" not in zipfile.ZipFile(path).namelist()


def test_certificate_size_classes_are_the_template_styles():
    """The context fits long names with the sizes of the template's "GCN - …" styles and its margins."""
    from docx.shared import Mm

    from ocop_docs.certificates import layout

    document = Document(str(TEMPLATES_DIR / "certificates" / "giay-chung-nhan.docx"))
    styles = paragraph_styles(document)
    for cls in layout.NAME_CLASSES + layout.INFO_CLASSES:
        assert styles[cls.style].font.size == Pt(cls.size), cls.style
    section = document.sections[0]
    assert section.page_width.twips == layout.PAGE_WIDTH
    for side, mm in layout.MARGINS_MM.items():
        assert abs(getattr(section, f"{side}_margin") - Mm(mm)) < Mm(0.1), side
