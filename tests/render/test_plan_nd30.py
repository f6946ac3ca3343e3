"""The rendered plans follow ND30, rule by rule, as a reader of the .docx sees them."""
from __future__ import annotations

import re

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from ocop_docs.nd30 import rules
from ocop_docs.nd30.metrics import text_width_twips

STEMS = ["ben-cau-2024", "vu-quang-2019", "ha-tinh-2023-2025"]


def look(paragraph, attr: str):
    """A paragraph's effective style attribute (font or paragraph format) through its style chain."""
    style = paragraph.style
    holder = "paragraph_format" if attr in ("alignment", "first_line_indent", "space_before", "line_spacing") else "font"
    runs = paragraph.runs
    if holder == "font" and runs:
        value = getattr(runs[0].font, attr)
        if value is not None:
            return value
    if holder == "paragraph_format":
        value = getattr(paragraph.paragraph_format, attr)
        if value is not None:
            return value
    while style is not None:
        value = getattr(getattr(style, holder), attr)
        if value is not None:
            return value
        style = style.base_style
    return None


@pytest.fixture(scope="module", params=STEMS)
def doc(request, rendered_plans):
    return Document(str(rendered_plans[request.param]))


def header_cells(doc):
    table = doc.tables[0]
    return table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)


def texts(cell):
    return [p for p in cell.paragraphs if p.text.strip()]


def test_page_size_and_margins(doc):  # ND30-PAGE-01, ND30-PAGE-03
    section = doc.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == rules.A4_TWIPS
    for side, (low, high) in rules.MARGIN_RANGES_MM.items():
        value = getattr(section, f"{side}_margin").mm
        assert low - 0.5 <= value <= high + 0.5, side


def test_page_number_top_centre_hidden_on_page_one(doc):  # ND30-PAGE-04
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    instr = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    paragraph = section.header.paragraphs[0]
    assert look(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert look(paragraph, "size") in (Pt(13), Pt(14))
    assert not look(paragraph, "bold") and not look(paragraph, "italic")
    first = section.first_page_header._element
    assert not list(first.iter(qn("w:instrText"))) and not list(first.iter(qn("w:fldSimple")))


def test_every_font_is_times_new_roman_in_black(doc):  # ND30-FONT-01
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs")} == {"Times New Roman"}
    assert defaults.find(qn("w:color")).get(qn("w:val")) == "000000"
    for element in [styles, doc.element.body]:
        for rfonts in element.iter(qn("w:rFonts")):
            named = {rfonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs")} - {None}
            assert named <= {"Times New Roman"}
            assert not any(k.endswith("Theme") for k in rfonts.keys())


def test_quoc_hieu_and_tieu_ngu(doc):  # ND30-QH-01, ND30-QH-02, ND30-QH-04
    _, right, _, _ = header_cells(doc)
    quoc_hieu, tieu_ngu = texts(right)[:2]
    assert quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert look(quoc_hieu, "bold") and look(quoc_hieu, "size") in (Pt(12), Pt(13))
    assert re.fullmatch(r"Độc lập - Tự do - Hạnh phúc", tieu_ngu.text)
    assert look(tieu_ngu, "bold") and look(tieu_ngu, "size") in (Pt(13), Pt(14))
    assert look(tieu_ngu, "space_before") in (None, Pt(0))


def rule_width(cell, paragraph) -> int:
    width = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) - 216
    fmt = paragraph.paragraph_format
    return width - (fmt.left_indent.twips if fmt.left_indent else 0) - (fmt.right_indent.twips if fmt.right_indent else 0)


def has_bottom_border(paragraph) -> bool:
    chain = [paragraph._p.pPr] + [s.element.pPr for s in [paragraph.style, paragraph.style.base_style] if s is not None]
    return any(p is not None and p.find(qn("w:pBdr") + "/" + qn("w:bottom")) is not None for p in chain)


def test_rule_lengths_under_tieu_ngu_and_issuer(doc):  # ND30-QH-03, ND30-CQ-03
    left, right, _, _ = header_cells(doc)
    tieu_ngu = texts(right)[1]
    rule = right.paragraphs[-1]
    assert has_bottom_border(rule) and not rule.text
    expected = text_width_twips(tieu_ngu.text, 14, True)
    assert rules.RULE_UNDER_TIEU_NGU[0] <= rule_width(right, rule) / expected <= rules.RULE_UNDER_TIEU_NGU[1]
    issuer_lines = texts(left)
    widest = max(text_width_twips(p.text, 13, True) for p in issuer_lines)
    rule = left.paragraphs[-1]
    assert has_bottom_border(rule)
    assert rules.RULE_UNDER_ISSUER[0] <= rule_width(left, rule) / widest <= rules.RULE_UNDER_ISSUER[1]


def test_issuer_number_and_date(doc):  # ND30-CQ-02, ND30-SO-04, ND30-DATE-02, ND30-DATE-03
    left, _, number_cell, date_cell = header_cells(doc)
    for line in texts(left):
        assert line.text == line.text.upper() and look(line, "bold") and look(line, "size") in (Pt(12), Pt(13))
    number = texts(number_cell)[0]
    assert re.fullmatch(r"Số: (\d{2,}|\s+)/KH-UBND", number.text)
    assert look(number, "size") == Pt(13) and not look(number, "bold")
    date_line = texts(date_cell)[0]
    assert look(date_line, "italic") and look(date_line, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert re.fullmatch(r"[^,]+, ngày (0[1-9]|[12]\d|3[01]|\s+) tháng (0[12]|[3-9]|1[0-2]|\s+) năm \d{4}", date_line.text)


def body_paragraphs(doc):
    return [p for p in doc.paragraphs if p.text.strip()]


def test_type_name_trich_yeu_and_its_rule(doc):  # ND30-TITLE-01, ND30-TITLE-02
    type_name, title = body_paragraphs(doc)[:2]
    assert type_name.text == "KẾ HOẠCH" and look(type_name, "bold")
    assert look(type_name, "alignment") == WD_ALIGN_PARAGRAPH.CENTER and look(type_name, "size") in (Pt(13), Pt(14))
    assert look(title, "bold") and not title.text.startswith("Về việc")
    rule = title._p.getnext()
    from docx.text.paragraph import Paragraph

    rule = Paragraph(rule, title._parent)
    assert has_bottom_border(rule)
    section = doc.sections[0]
    text_width = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    fmt = rule.paragraph_format
    width = text_width - fmt.left_indent.twips - fmt.right_indent.twips
    line = min(text_width_twips(title.text, 14, True), text_width)
    assert 0.30 <= width / line <= 0.53


def test_bases_italic_with_their_punctuation(doc):  # ND30-BODY-01
    bases = [p for p in doc.paragraphs if p.style.name == "ND30 - Căn cứ"]
    if not bases:
        pytest.skip("this plan has no căn cứ block")
    assert all(look(p, "italic") for p in bases)
    assert all(p.text.endswith(";") for p in bases[:-1]) and bases[-1].text.endswith(".")


def test_body_paragraphs(doc):  # ND30-BODY-03
    body = [p for p in doc.paragraphs if p.style.name in ("ND30 - Nội dung", "ND30 - Căn cứ") and p.text.strip()]
    assert len(body) > 20
    for p in body:
        assert look(p, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert look(p, "first_line_indent").twips in rules.BODY_FIRST_LINE_TWIPS
        assert look(p, "space_before") >= Pt(rules.BODY_MIN_SPACING_PT)
        assert look(p, "size") in (Pt(13), Pt(14))
        # Body text is roman; only a run-in heading's lead run ("5. Phòng Y tế:") is bold.
        assert not p.style.font.bold and not p.runs[-1].font.bold
        assert 1.0 <= look(p, "line_spacing") <= 1.5


def test_plan_headings(doc):  # ND30-BODY-06
    headings = [p for p in doc.paragraphs if p.style.name == "ND30 - Mục (I.)"]
    numerals = [p.text.split(".", 1)[0] for p in headings]
    from ocop_docs.vi.numbers import roman

    assert numerals == [roman(i) for i in range(1, len(headings) + 1)]
    for p in headings:
        title = p.text.split(". ", 1)[1]
        assert title == title.upper() and look(p, "bold")


def test_content_ends_with_end_mark(doc):  # ND30-BODY-07
    content = [p for p in doc.paragraphs if p.style.name.startswith("ND30 - Nội dung") and p.text.strip()]
    assert content[-1].text.endswith("./.") and not content[-1].text.endswith("../.")


def test_signature_and_recipients(doc):  # ND30-SIGN-01, ND30-SIGN-04, ND30-RECIP-01, ND30-RECIP-03
    table = doc.tables[-1]
    left, right = table.cell(0, 0), table.cell(0, 1)
    label, *items = texts(left)
    assert label.text == "Nơi nhận:" and look(label, "size") == Pt(12) and look(label, "bold") and look(label, "italic")
    assert all(look(p, "size") == Pt(11) for p in items)
    assert all(p.text.startswith("- ") and p.text.endswith(";") for p in items[:-1])
    assert re.fullmatch(r"- Lưu: VT(, [^;]+)?\.", items[-1].text)
    lines = texts(right)
    *authority, name = lines
    assert authority[0].text.startswith(("TM. ", "KT. ", "CHỦ TỊCH"))
    assert all(p.text == p.text.upper() and look(p, "bold") for p in authority)
    assert look(name, "bold") and name.text != name.text.upper()
    assert not any(p.text.startswith("Kính gửi") for p in doc.paragraphs)


def test_leading_zero_in_number_and_date(tmp_path):  # ND30-SO-02, ND30-DATE-02
    from ocop_docs.io import load_spec
    from ocop_docs.render import render_spec

    from testpaths import SAMPLES

    spec = load_spec(SAMPLES / "plans" / "vu-quang-2019.yaml")
    spec = spec.model_copy(update={"number": 5, "date": spec.date.replace(month=1, day=7)})
    out = render_spec(spec, tmp_path / "kh.docx")
    table = Document(str(out)).tables[0]
    assert table.cell(1, 0).paragraphs[0].text == "Số: 05/KH-UBND"
    assert table.cell(1, 1).paragraphs[0].text == "Vũ Quang, ngày 07 tháng 01 năm 2019"
