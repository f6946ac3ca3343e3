"""Reading order, text, locations, shapes, sections and headers."""
from __future__ import annotations

from xmldoc import defaults, make_doc, p, style

import builders as B
from ocop_docs.docx import read_document

STYLES = defaults('<w:sz w:val="28"/>') + style("Normal", default=True)


def tbl(*rows: list[str], widths=(3000, 6000)) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>"
    for row in rows:
        out += "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{c}</w:tc>'
                                  for c, w in zip(row, widths)) + "</w:tr>"
    return out + "</w:tbl>"


def test_reading_order_tables_nested_and_sdt():
    inner = tbl([p("n1"), p("n2")], widths=(1000, 1500))
    body = (p("first") + tbl([p("a") + p("a2"), p("b") + inner]) +
            '<w:sdt><w:sdtContent>' + p("in sdt") + '</w:sdtContent></w:sdt>' + p("last"))
    view = read_document(make_doc(body, STYLES))
    assert [b.text for b in view.blocks] == ["first", "a", "a2", "b", "n1", "n2", "in sdt", "last"]
    locs = [str(b.location) for b in view.blocks]
    assert locs[0] == "đoạn 1" and locs[1] == "bảng 1, ô (1,1), đoạn 1" and locs[3] == "bảng 1, ô (1,2)"
    assert locs[4] == "bảng 1, ô (1,2) › bảng 1, ô (1,1)"
    assert locs[6] == "đoạn 2" and locs[7] == "đoạn 3"
    cell = view.tables[0].rows[0][1]
    assert cell.width == 6000 and cell.inner_width == 6000 - 216
    assert view.blocks[1].avail_width == 3000 - 216 and view.blocks[4].depth == 2


def test_text_hidden_deleted_inserted_fields_breaks():
    body = ('<w:p><w:r><w:t>Hà</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'
            '<w:del><w:r><w:delText>xóa</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> Nội</w:t></w:r></w:ins>'
            '<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink>'
            '<w:fldSimple w:instr="NUMPAGES"><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>')
    block = read_document(make_doc(body, STYLES)).blocks[0]
    assert block.text == "Hà Nội\ta\nb7link9"
    assert block.fields == ["PAGE", "NUMPAGES"]
    assert [r.field for r in block.runs if r.text in ("7", "9")] == ["PAGE", "NUMPAGES"]
    lines = block.lines()
    assert [s.text for s in lines] == ["Hà Nội\ta", "b7link9"]
    assert [s.text for s in lines[0].split_tabs()] == ["Hà Nội", "a"]


def test_nfc_and_decomposed_flag():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Quyết định")
    block = read_document(make_doc(p(decomposed), STYLES)).blocks[0]
    assert block.text == "Quyết định" and block.runs[0].decomposed


def test_span_formatting_covers_its_runs():
    body = ('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Điều 1. </w:t></w:r>'
            '<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>Nội dung</w:t></w:r></w:p>')
    block = read_document(make_doc(body, STYLES)).blocks[0]
    label, rest = block.span(0, 8), block.span(8)
    assert label.summary.all_bold and not rest.summary.any_bold
    assert rest.summary.sizes == {13} and block.summary.sizes == {13, 14}
    assert block.first_words(2) == "Điều 1.…"


def test_shapes_drawingml_and_vml():
    drawing = ('<w:r><w:drawing><wp:inline><wp:extent cx="1905000" cy="0"/><wp:docPr id="1" name="l"/>'
               '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               '<wps:wsp><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic>'
               '</wp:inline></w:drawing></w:r>')
    fallback = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps">' + drawing[5:-6] + '</mc:Choice>'
                '<mc:Fallback><w:pict><v:line from="0,0" to="999pt,0"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    vml = '<w:r><w:pict><v:line from="10pt,2pt" to="160pt,2pt"/></w:pict></w:r>'
    view = read_document(make_doc(f"<w:p>{drawing}</w:p><w:p>{fallback}</w:p><w:p>{vml}</w:p>", STYLES))
    shapes = [b.shapes for b in view.blocks]
    assert shapes[0][0].kind == "line" and shapes[0][0].width == 3000
    assert len(shapes[1]) == 1 and shapes[1][0].width == 3000  # the VML fallback is not read twice
    assert shapes[2][0].is_line and shapes[2][0].width == 3000


def test_sections_and_headers_of_builder():
    view = read_document(B.build_plan())
    sec = view.sections[0]
    assert (sec.page_width, sec.page_height, sec.left, sec.right, sec.top, sec.bottom) == (11906, 16838, 1701, 850, 1134, 1134)
    assert sec.title_pg and sec.text_width == 11906 - 1701 - 850
    default_key = sec.headers["default"]
    header_blocks = view.header_blocks[default_key]
    assert header_blocks[0].fields == ["PAGE"] and str(header_blocks[0].location) == "đầu trang (mặc định), mục 1"
    first = view.header_blocks[sec.headers["first"]]
    assert all(not b.fields for b in first)
    assert sec.has_table and view.blocks[-1].section == 0


def test_header_text_box_is_read():
    import docx
    from docx.oxml import parse_xml
    from xmldoc import NS

    doc = docx.Document()
    hdr = doc.sections[0].header
    hdr.is_linked_to_previous = False
    box = parse_xml(
        f'<w:r {NS}><w:pict><v:shape style="width:50pt;height:20pt"><v:textbox><w:txbxContent>'
        '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    hdr.paragraphs[0]._p.append(box)
    view = read_document(doc)
    blocks = view.header_blocks[view.sections[0].headers["default"]]
    boxed = [b for b in blocks if b.location.textbox]
    assert boxed and boxed[0].fields == ["PAGE"] and "hộp văn bản" in str(boxed[0].location)
