"""Word documents typed as officers type them, for the tests that read them back: headings numbered
by Word itself (w:numPr against a numbering part), not typed labels."""
from __future__ import annotations

import zipfile

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

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


# A Word text box (DrawingML, as Word 2010+ writes it) anchored in a paragraph; {ns} declares w:.
TEXTBOX = (
    '<w:r {ns} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
    'simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="5400000" cy="900000"/><wp:wrapTopAndBottom/><wp:docPr id="77" name="Text Box 77"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    '</mc:Choice></mc:AlternateContent></w:r>'
)


def add_textbox(paragraph, text: str) -> None:
    """A text box holding ``text``, anchored in ``paragraph`` (how officers paste boxes from other files)."""
    paragraph._p.append(parse_xml(TEXTBOX.format(ns=nsdecls("w"), text=text)))


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


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value


def title_lines(document, *lines: str) -> None:
    """The document's kind and title as typed in Word: centred bold paragraphs."""
    for text in lines:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True


def commune_plan_2026(path) -> None:
    """A commune's 2026 plan as an officer types it in Word: numbered headings, targets in a
    sentence, an assignment table, a budget table with its total, a signature block."""
    import docx

    document = docx.Document()
    use_numbering(document)
    header_table(document, "XÃ LONG THUẬN", "Số: 12/KH-UBND", "Long Thuận, ngày 10 tháng 01 năm 2026")
    title_lines(document, "KẾ HOẠCH", "Thực hiện Chương trình Mỗi xã một sản phẩm trên địa bàn xã năm 2026")
    document.add_paragraph().add_run(
        "Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ;").italic = True
    document.add_paragraph("UBND xã Long Thuận ban hành Kế hoạch như sau:")
    numbered(document, "MỤC TIÊU", 0)
    document.add_paragraph("Phấn đấu có ít nhất 02 sản phẩm đạt 3 sao trở lên; nâng hạng 01 sản phẩm lên 4 sao.")
    numbered(document, "NHIỆM VỤ", 0)
    numbered(document, "Phân công", 1)
    _table(document, [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
                      ["1", "Tuyên truyền trên loa truyền thanh", "Văn phòng UBND xã", "Quý I/2026"],
                      ["2", "Hướng dẫn chủ thể lập hồ sơ", "Phòng Kinh tế", "tháng 10/2026"]])
    numbered(document, "Thời hạn", 1)
    document.add_paragraph("Các thôn đăng ký sản phẩm trước ngày 31/3/2026; báo cáo kết quả về UBND tỉnh trước ngày "
                           "30/9/2026; tổng kết trong ngày 15 tháng 12 năm 2026 và 6 tháng đầu năm 2026 rà soát.")
    numbered(document, "KINH PHÍ", 0)
    _table(document, [["STT", "Nội dung", "Kinh phí (đồng)", "Nguồn vốn"],
                      ["1", "Tập huấn cho chủ thể", "50.000.000", "Ngân sách tỉnh"],
                      ["2", "Tham gia hội chợ", "35.000.000", "Ngân sách xã"],
                      ["", "Tổng cộng", "85.000.000", ""]])
    document.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026 của UBND xã./.")
    signature_table(document, "Lê Văn Bình")
    document.save(str(path))


def officer_plan_2026(path) -> None:
    """A commune's 2026 plan with everything an officer writes in Word: the header as a table, headings
    numbered by Word, a superior plan cited in the opening, deadlines in every form Vietnamese plans
    use, amounts and targets in sentences, a targets table by hamlet, an assignment table and a budget
    table with its total, a province named before the 2025 merger, a citation with its own dates."""
    import docx

    document = docx.Document()
    use_numbering(document)
    header_table(document, "XÃ MỸ HẠNH", "Số: 07/KH-UBND", "Mỹ Hạnh, ngày 15 tháng 01 năm 2026")
    title_lines(document, "KẾ HOẠCH", "Thực hiện Chương trình Mỗi xã một sản phẩm năm 2026")
    document.add_paragraph(
        "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh Tây Ninh về thực hiện Chương trình OCOP "
        "năm 2026, UBND xã Mỹ Hạnh ban hành Kế hoạch thực hiện Chương trình OCOP năm 2026 như sau:")
    numbered(document, "MỤC TIÊU", 0)
    document.add_paragraph("Phấn đấu năm 2026 có từ 05 đến 07 sản phẩm được đánh giá, phân hạng; nâng hạng 01 sản phẩm "
                           "từ 3 sao lên 4 sao; 100% chủ thể OCOP được tập huấn.")
    document.add_paragraph("Kinh phí: 120 triệu đồng từ ngân sách xã; hỗ trợ mỗi sản phẩm mới 10 triệu đồng.")
    _table(document, [["STT", "Ấp", "Số sản phẩm đăng ký", "Số sản phẩm đạt 3 sao"],
                      ["1", "Ấp Mỹ Hòa", "3", "2"],
                      ["2", "Ấp Mỹ Lợi", "4", "1"]])
    numbered(document, "NHIỆM VỤ", 0)
    numbered(document, "Phân công", 1)
    _table(document, [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
                      ["1", "Tuyên truyền trên hệ thống truyền thanh", "Văn phòng HĐND và UBND xã", "Quý I/2026"],
                      ["2", "Hướng dẫn chủ thể lập hồ sơ", "Phòng Kinh tế", "từ tháng 3 đến tháng 6/2026"],
                      ["3", "Tổng kết Chương trình", "Phòng Kinh tế", "Quý I/2027"]])
    numbered(document, "Thời hạn", 1)
    document.add_paragraph("Các ấp đăng ký sản phẩm trước ngày 31/3/2026; báo cáo kết quả về UBND tỉnh trước ngày "
                           "30/9/2026; sơ kết 6 tháng đầu năm 2026 và tổng kết ngày 15 tháng 12 năm 2026.")
    document.add_paragraph("Báo cáo kết quả thực hiện gửi Sở Nông nghiệp và Môi trường ngày 15/6/2026; mỗi năm, các "
                           "chủ thể nộp hồ sơ trước ngày 30/9.")
    document.add_paragraph("Tham gia Hội chợ OCOP tỉnh Long An vụ Đông Xuân 2026-2027, trong tháng 10/2026; đánh giá "
                           "theo Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, thực hiện Chương "
                           "trình OCOP giai đoạn 2026-2030.")
    numbered(document, "KINH PHÍ", 0)
    _table(document, [["STT", "Nội dung", "Kinh phí (đồng)", "Nguồn vốn"],
                      ["1", "Tập huấn cho chủ thể", "50.000.000", "Ngân sách tỉnh"],
                      ["2", "Tham gia hội chợ", "70.000.000", "Ngân sách xã"],
                      ["", "Tổng cộng", "120.000.000", ""]])
    document.add_paragraph("Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026 của UBND xã Mỹ Hạnh./.")
    signature_table(document, "Trần Văn Nam")
    document.save(str(path))


def accept_all(src, dst) -> None:
    """What Word's Review › Accept All Changes and Delete All Comments leave."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                for p in list(root.iter(f"{W}p")):
                    if p.find(f"{W}pPr/{W}rPr/{W}del") is not None:
                        p.getparent().remove(p)
                for el in list(root.iter(f"{W}del", f"{W}commentRangeStart", f"{W}commentRangeEnd")):
                    el.getparent().remove(el)
                for ref in list(root.iter(f"{W}commentReference")):
                    ref.getparent().getparent().remove(ref.getparent())
                for ins in list(root.iter(f"{W}ins")):
                    parent = ins.getparent()
                    if parent.tag == f"{W}rPr":
                        parent.remove(ins)
                        continue
                    for child in list(ins):
                        ins.addprevious(child)
                    parent.remove(ins)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, data)
