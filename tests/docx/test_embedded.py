"""Content outside the paragraphs' text, found once for the checker and the reader."""
from __future__ import annotations

from docx import Document
from docx.oxml import parse_xml

from ocop_docs.docx.embedded import embedded_content

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_an_object_in_an_empty_paragraph_is_placed_by_the_paragraph_before_it():
    doc = Document()
    doc.add_paragraph("Bảng kinh phí chi tiết như sau:")
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(f'<w:p xmlns:w="{W}" xmlns:o="urn:schemas-microsoft-com:office:office">'
                                         '<w:r><w:object><o:OLEObject ProgID="Excel.Sheet.12"/></w:object></w:r></w:p>'))
    found = embedded_content(doc)
    assert [(e.kind, e.what, e.near, e.where) for e in found] == [
        ("ole", "đối tượng nhúng (OLE: Excel.Sheet.12)", "Bảng kinh phí chi tiết như sau:", "thân văn bản")]


def _paragraph(inner: str):
    return parse_xml(f'<w:p xmlns:w="{W}" xmlns:o="urn:schemas-microsoft-com:office:office" '
                     'xmlns:v="urn:schemas-microsoft-com:vml" '
                     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                     f'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">{inner}</w:p>')


def test_every_form_of_object_and_equation_is_found_once():
    """w:objectEmbed / w:objectLink (the form without o:OLEObject), an ActiveX control inside a
    w:object, an equation paragraph holding an equation: each once, none silently skipped."""
    doc = Document()
    doc.add_paragraph("Văn bản nhúng:")
    body = doc.element.body
    for inner in (
        '<w:r><w:object><w:objectEmbed r:id="rId99" w:progId="Word.Document.12"/></w:object></w:r>',
        '<w:r><w:t>Bảng liên kết:</w:t></w:r><w:r><w:object><w:objectLink r:id="rId98" w:progId="Excel.Sheet.12" '
        'w:updateMode="always"/></w:object></w:r>',
        '<w:r><w:object><v:shape id="c1"/><w:control r:id="rId97" w:name="CheckBox1"/></w:object></w:r>',
        '<w:r><w:t>Tổng kinh phí:</w:t></w:r><m:oMathPara><m:oMath><m:r><m:t>T = 50 + 35</m:t></m:r></m:oMath></m:oMathPara>',
    ):
        body.insert(len(body) - 1, _paragraph(inner))
    found = [(e.kind, e.what, e.near) for e in embedded_content(doc)]
    assert found == [
        ("ole", "đối tượng nhúng (OLE: Word.Document.12)", "Văn bản nhúng:"),
        ("ole", "đối tượng liên kết (OLE: Excel.Sheet.12)", "Bảng liên kết:"),
        ("control", "điều khiển ActiveX", "Bảng liên kết:"),
        ("math", "công thức toán học (Equation)", "Tổng kinh phí:"),
    ]
