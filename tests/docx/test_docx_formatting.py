"""Effective formatting: styles, basedOn, docDefaults, Word's defaults, toggles, themes."""
from __future__ import annotations

from xmldoc import defaults, make_doc, p, style

from ocop_docs.docx import read_document

SIZES = defaults('<w:sz w:val="24"/>') + style("Normal", default=True) + \
    style("Base", inner='<w:rPr><w:sz w:val="30"/></w:rPr>') + \
    style("Body", inner='<w:rPr><w:sz w:val="26"/></w:rPr>', based_on="Base") + \
    style("Plain", based_on="Base", inner='<w:pPr><w:jc w:val="center"/></w:pPr>')


def run_fmt(doc, n=0, r=0):
    return read_document(doc).blocks[n].runs[r].fmt


def test_size_through_style_chain_and_defaults():
    doc = make_doc(p("a", '<w:pStyle w:val="Body"/>') + p("b", '<w:pStyle w:val="Plain"/>') + p("c") +
                   p("d", '<w:pStyle w:val="Body"/>', '<w:sz w:val="28"/>'), SIZES)
    blocks = read_document(doc).blocks
    assert [b.runs[0].fmt.size for b in blocks] == [13, 15, 12, 14]
    assert blocks[0].runs[0].fmt.size_source == "kiểu đoạn 'Body'"
    assert blocks[1].runs[0].fmt.size_source == "kiểu đoạn 'Base'"  # inherited through basedOn
    assert blocks[2].runs[0].fmt.size_source == "mặc định của tài liệu (docDefaults)"
    assert blocks[3].runs[0].fmt.size_source == "định dạng trực tiếp"
    assert blocks[1].para.alignment == "center" and blocks[1].para.style_chain == ("Plain", "Base")


def test_word_default_size_is_10pt_and_font_unset():
    doc = make_doc(p("a"), defaults() + style("Normal", default=True))
    fmt = run_fmt(doc)
    assert fmt.size == 10 and fmt.half_points == 20
    assert fmt.font_hansi is None and "mặc định của Word" in fmt.size_source


def test_unknown_style_falls_back_to_default_paragraph_style():
    doc = make_doc(p("a", '<w:pStyle w:val="Missing"/>'),
                   defaults() + style("Normal", default=True, inner='<w:rPr><w:sz w:val="28"/></w:rPr>'))
    assert run_fmt(doc).size == 14


TOGGLES = defaults() + style("Normal", default=True) + \
    style("Heading", inner="<w:rPr><w:b/><w:i/></w:rPr>") + \
    style("NotBold", inner='<w:rPr><w:b w:val="0"/></w:rPr>', based_on="Heading") + \
    style("Strong", "character", "<w:rPr><w:b/></w:rPr>") + \
    style("Emphasis", "character", "<w:rPr><w:i/></w:rPr>") + \
    style("Caps", "character", "<w:rPr><w:caps/></w:rPr>")


def test_toggle_properties():
    doc = make_doc(
        p("a", '<w:pStyle w:val="Heading"/>', '<w:rStyle w:val="Strong"/>')      # bold XOR bold → regular
        + p("b", '<w:pStyle w:val="Heading"/>', '<w:b w:val="0"/>')              # direct is absolute
        + p("c", "", '<w:rStyle w:val="Strong"/>')                               # char style alone → bold
        + p("d", '<w:pStyle w:val="NotBold"/>')                                  # derived style turns it off
        + p("e", '<w:pStyle w:val="Heading"/>', '<w:rStyle w:val="Emphasis"/>')  # italic XOR italic
        + p("f", '<w:pStyle w:val="Heading"/>', '<w:rStyle w:val="Strong"/><w:b/>')
        + p("g", "", '<w:rStyle w:val="Caps"/>'),
        TOGGLES)
    fmts = [b.runs[0].fmt for b in read_document(doc).blocks]
    assert [f.bold for f in fmts] == [False, False, True, False, True, True, False]
    assert [f.italic for f in fmts][:5] == [True, True, False, True, False]
    assert fmts[6].caps


def test_fonts_theme_and_direct():
    from docx import Document

    doc = Document()  # python-docx's template: docDefaults use theme fonts (minorHAnsi)
    doc.add_paragraph("Chữ")
    fmt = read_document(doc).blocks[-1].runs[0].fmt
    assert fmt.font_hansi == "Cambria" and fmt.font_ascii == "Cambria"  # the template theme's minor font
    doc.paragraphs[-1].runs[0].font.name = "Arial"
    fmt = read_document(doc).blocks[-1].runs[0].fmt
    assert fmt.font_ascii == "Arial" and fmt.font_hansi == "Arial"
    assert fmt.fonts_for("Chữ") == {"Arial"}


def test_fonts_per_script():
    doc = make_doc(p("a", "", '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Arial" w:cs="Tahoma"/>'),
                   defaults() + style("Normal", default=True))
    fmt = run_fmt(doc)
    assert fmt.fonts_for("abc") == {"Times New Roman"}
    assert fmt.fonts_for("Việt") == {"Times New Roman", "Arial"}  # "ệ" is not ASCII: hAnsi font
    assert fmt.fonts_for("عربي") == {"Tahoma"}


def test_colours():
    doc = make_doc(p("a", "", '<w:color w:val="FF0000"/>') + p("b", "", '<w:color w:val="auto"/>')
                   + p("c", "", '<w:color w:val="123456" w:themeColor="text1"/>'),
                   defaults() + style("Normal", default=True))
    blocks = read_document(doc).blocks
    assert [b.runs[0].fmt.color for b in blocks][:2] == ["FF0000", "auto"]
    assert blocks[2].runs[0].fmt.theme_color == "text1"


def test_paragraph_properties():
    styles = defaults(ppr='<w:spacing w:after="160" w:line="259" w:lineRule="auto"/>') + \
        style("Normal", default=True) + \
        style("Body", inner='<w:pPr><w:spacing w:before="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>'
                            '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr></w:pPr>')
    doc = make_doc(
        p("a", '<w:pStyle w:val="Body"/>')
        + p("b", '<w:pStyle w:val="Body"/><w:ind w:start="720" w:end="360" w:hanging="360"/><w:jc w:val="end"/>')
        + p("c", '<w:spacing w:line="360" w:lineRule="exact"/>'),
        styles)
    a, b, c = read_document(doc).blocks
    assert (a.para.alignment, a.para.first_line, a.para.space_before, a.para.space_after) == ("justify", 567, 120, 160)
    assert a.para.line == 259 and a.para.border("bottom") is not None
    assert (b.para.left, b.para.right, b.para.first_line, b.para.alignment) == (720, 360, -360, "right")
    assert c.para.line_rule == "exact" and round(c.para.line_spacing_lines(13), 2) == 1.2


def test_resolution_is_cached_per_style_combination():
    styles = defaults('<w:sz w:val="24"/>') + style("Normal", default=True) + \
        "".join(style(f"S{i}", inner=f'<w:rPr><w:sz w:val="{20 + i}"/></w:rPr>', based_on="Normal") for i in range(5))
    doc = make_doc("".join(p("x", f'<w:pStyle w:val="S{i % 5}"/>') for i in range(2000)), styles)
    view = read_document(doc)
    assert len(view.stylesheet._run_base) <= 6
    assert {b.runs[0].fmt.size for b in view.blocks} == {10, 10.5, 11, 11.5, 12}
