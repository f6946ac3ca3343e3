"""Word documents typed as officers type them, for the tests that read them back: headings numbered
by Word itself (w:numPr against a numbering part), not typed labels."""
from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

NUMBERING = f"""<w:numbering {nsdecls('w')}>
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""


def numbered(doc, text: str, level: int, bold: bool = True):
    """A paragraph numbered by Word at ``level`` (0: I., 1: 1., 2: a), 3: a dash)."""
    p = doc.add_paragraph()
    p.add_run(text).bold = bold
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>'))
    return p


def use_numbering(document) -> None:
    """Give ``document`` the numbering part of NUMBERING (I. / 1. / a) / -)."""
    document.part.numbering_part._element = parse_xml(NUMBERING)


def header_table(document, issuer_line: str, number_line: str, date_line: str) -> None:
    """The two-column header as a Word table: "ỦY BAN NHÂN DÂN / <issuer_line>" beside the Quốc hiệu
    and Tiêu ngữ, then the Số beside the place and date (italic)."""
    table = document.add_table(rows=2, cols=2)
    for col, (first, second) in enumerate((("ỦY BAN NHÂN DÂN", issuer_line),
                                            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"))):
        cell = table.cell(0, col)
        cell.paragraphs[0].add_run(first).bold = True
        cell.add_paragraph().add_run(second).bold = True
    table.cell(1, 0).paragraphs[0].add_run(number_line)
    table.cell(1, 1).paragraphs[0].add_run(date_line).italic = True


def signature_table(document, signer_name: str) -> None:
    """Nơi nhận beside "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" and the signer's name, as a Word table."""
    sign = document.add_table(rows=1, cols=2)
    left, right = sign.cell(0, 0), sign.cell(0, 1)
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for item in ("- UBND tỉnh;", "- Lưu: VT."):
        left.add_paragraph(item)
    right.paragraphs[0].add_run("TM. ỦY BAN NHÂN DÂN").bold = True
    right.add_paragraph().add_run("CHỦ TỊCH").bold = True
    right.add_paragraph()
    right.add_paragraph().add_run(signer_name).bold = True
