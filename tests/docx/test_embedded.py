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
