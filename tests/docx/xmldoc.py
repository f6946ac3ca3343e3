"""Small documents written as raw WordprocessingML, for the docx-layer tests."""
from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (f'{W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def _replace_children(target, xml: str) -> None:
    new = parse_xml(xml)
    for child in list(target):
        target.remove(child)
    for child in list(new):
        target.append(child)


def make_doc(body: str, styles: str | None = None, numbering: str | None = None):
    """A python-docx Document whose body is ``body`` (inner XML of w:body, without sectPr),
    whose styles part holds ``styles`` (inner XML of w:styles) and numbering part ``numbering``."""
    doc = docx.Document()
    if styles is not None:
        _replace_children(doc.styles.element, f"<w:styles {NS}>{styles}</w:styles>")
    if numbering is not None:
        _replace_children(doc.part.numbering_part.element, f"<w:numbering {NS}>{numbering}</w:numbering>")
    body_el = doc.element.body
    sect = body_el.find(qn("w:sectPr"))
    for child in list(body_el):
        if child is not sect:
            body_el.remove(child)
    for child in parse_xml(f"<w:body {NS}>{body}</w:body>"):
        sect.addprevious(child)
    return doc


def p(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """A paragraph with one run."""
    run = f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f'<w:p>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}{run}</w:p>'


def style(style_id: str, kind: str = "paragraph", inner: str = "", based_on: str | None = None,
          default: bool = False) -> str:
    d = ' w:default="1"' if default else ""
    b = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"{d}><w:name w:val="{style_id}"/>{b}{inner}</w:style>'


def defaults(rpr: str = "", ppr: str = "") -> str:
    return (f"<w:docDefaults><w:rPrDefault><w:rPr>{rpr}</w:rPr></w:rPrDefault>"
            f"<w:pPrDefault><w:pPr>{ppr}</w:pPr></w:pPrDefault></w:docDefaults>")
