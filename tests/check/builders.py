"""Builders of correct ND30 documents with python-docx, for the checker's tests and benchmark.

``build_plan()`` and ``build_decision()`` return a python-docx Document that follows every rule
the checker knows (nd30.md): A4, margins 20/20/30/15 mm, Times New Roman set in docDefaults,
a borderless header table (issuing body + rule + Số on the left; Quốc hiệu, Tiêu ngữ + rule and
the date on the right), the tên loại and trích yếu with its rule, căn cứ, headings, body
paragraphs (justified, first line 1 cm, 6 pt before, 1.1 lines), "./.", a signature table and a
centred 14 pt PAGE field in the header with a blank first-page header (titlePg).

The rules under lines are empty paragraphs with a bottom border whose left/right indents make
the border as long as it must be (ND30-QH-03, CQ-03, TITLE-02). Tests then break one rule at a
time with the small helpers at the end (``find``, ``set_run``…).
"""
from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from ocop_docs.nd30.metrics import text_width_twips
from ocop_docs.vi.numbers import roman

CORPUS_DOCX = Path(__file__).resolve().parents[1] / "data" / "corpus" / "docx"
"""The government's Word files (tests/data/corpus/docx)."""

FONT = "Times New Roman"
PAGE_W, PAGE_H = 11906, 16838
MARGINS = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}  # 20, 20, 30, 15 mm
TEXT_W = PAGE_W - MARGINS["left"] - MARGINS["right"]
LEFT_COL, RIGHT_COL = 3600, TEXT_W - 3600
CELL_MARGIN = 108
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
         "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}

ISSUER = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"]
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
DATE = "Hà Tĩnh, ngày 05 tháng 3 năm 2026"
BODY_TEXT = (
    "Tổ chức triển khai đồng bộ các nội dung của Chương trình Mỗi xã một sản phẩm trên địa bàn tỉnh, "
    "bảo đảm đúng tiến độ, chất lượng và hiệu quả, phát huy lợi thế của từng địa phương; huy động sự tham gia "
    "của các chủ thể kinh tế, nhất là hợp tác xã và doanh nghiệp nhỏ và vừa ở khu vực nông thôn."
)


# ----------------------------------------------------------------------------- low level


def _set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


_EMPTY: dict[bool, bytes] = {}


def new_document(page_numbers: bool = True) -> docx.document.Document:
    """An empty A4 document: TNR 14 in docDefaults, lean styles, ND30 margins, page numbers.

    Made once per variant and reloaded from bytes (python-docx's own template carries a 438 KB
    styles part that would otherwise be parsed for every test document)."""
    if page_numbers not in _EMPTY:
        _EMPTY[page_numbers] = to_bytes(_make_empty(page_numbers))
    return docx.Document(io.BytesIO(_EMPTY[page_numbers]))


def _make_empty(page_numbers: bool) -> docx.document.Document:
    doc = docx.Document()
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    keep = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "Footer", "HeaderChar", "FooterChar"}
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in keep:
            styles.remove(style)
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs", "w:color"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)
    for tag, val in (("w:color", "000000"), ("w:sz", "28"), ("w:szCs", "28")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        rpr.append(el)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    _set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    # drop the 438 KB stylesWithEffects part: faster to save and to read
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    section.top_margin, section.bottom_margin = Twips(MARGINS["top"]), Twips(MARGINS["bottom"])
    section.left_margin, section.right_margin = Twips(MARGINS["left"]), Twips(MARGINS["right"])
    section.header_distance = section.footer_distance = Twips(567)
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    if page_numbers:
        add_page_numbers(section)
    return doc


def add_page_numbers(section, size: float = 14, first_page_blank: bool = True) -> None:
    """A centred PAGE field in the default header; a blank first-page header (titlePg)."""
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(p, "PAGE", "2", size=size)
    section.different_first_page_header_footer = first_page_blank
    if first_page_blank:
        section.first_page_header.is_linked_to_previous = False
        section.first_page_header.paragraphs[0].text = ""


def add_field(paragraph, instr: str, result: str, size: float = 14) -> None:
    def run_with(child):
        r = paragraph.add_run()
        r.font.size = Pt(size)
        r._r.append(child)
        return r

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run_with(it)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    r = paragraph.add_run(result)
    r.font.size = Pt(size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def fill(paragraph, text: str | list, *, size: float = 14, bold: bool = False, italic: bool = False,
         align: str = "justify", first_line: int | None = 567, before: float = 6, after: float = 0,
         line: int | None = 264):
    """Give ``paragraph`` its text (or [(text, {bold:…}), …] runs) and format."""
    runs = [(text, {})] if isinstance(text, str) else text
    for piece, opts in runs:
        r = paragraph.add_run(piece)
        r.font.size = Pt(opts.get("size", size))
        r.font.bold = opts.get("bold", bold)
        r.font.italic = opts.get("italic", italic)
    pf = paragraph.paragraph_format
    paragraph.alignment = ALIGN[align]
    pf.first_line_indent = Twips(first_line) if first_line is not None else None
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line is not None:
        spacing = pf._element.get_or_add_pPr().get_or_add_spacing()
        spacing.set(qn("w:line"), str(line))
        spacing.set(qn("w:lineRule"), "auto")
    return paragraph


def bottom_border(paragraph) -> None:
    borders(paragraph, ("bottom",))


def borders(paragraph, sides=("top", "left", "bottom", "right")) -> None:
    """Single-line paragraph borders on ``sides`` (a box with all four)."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):  # CT_PBdr order
        if side not in sides:
            continue
        el = OxmlElement(f"w:{side}")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
            el.set(qn(k), v)
        bdr.append(el)
    # pBdr comes before spacing/ind/jc in CT_PPr
    anchor = next((ppr.find(qn(t)) for t in ("w:spacing", "w:ind", "w:jc") if ppr.find(qn(t)) is not None), None)
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def rule(paragraph, width: int, room: int) -> None:
    """Make ``paragraph`` an empty rule of ``width`` twips centred in ``room`` twips."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pf = paragraph.paragraph_format
    side = max((room - width) // 2, 0)
    pf.left_indent = Twips(side)
    pf.right_indent = Twips(side)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    bottom_border(paragraph)
    mark = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "4")
    mark.append(sz)
    paragraph._p.get_or_add_pPr().append(mark)  # rPr is the last child of pPr


def _cell_paragraph(cell, first: list):
    if first[0]:
        first[0] = False
        return cell.paragraphs[0]
    return cell.add_paragraph()


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def two_column_table(doc, left: int = LEFT_COL, right: int = RIGHT_COL):
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.autofit = False
    for cell, w in zip(table.rows[0].cells, (left, right)):
        cell.width = Twips(w)
    for col, w in zip(table.columns, (left, right)):
        col.width = Twips(w)
    return table


# ----------------------------------------------------------------------------- parts of a document


def header(doc, so: str = "Số: 35/KH-UBND", date: str | None = DATE, issuer=ISSUER, governing: str | None = None):
    """The header table (ô 1–4)."""
    table = two_column_table(doc)
    left, right = table.rows[0].cells
    first = [True]
    room_left = LEFT_COL - 2 * CELL_MARGIN
    if governing:
        fill(_cell_paragraph(left, first), governing, size=13, align="center", first_line=None, before=0, line=None)
    for line in issuer:
        fill(_cell_paragraph(left, first), line, size=13, bold=True, align="center", first_line=None, before=0, line=None)
    widest = min(max(text_width_twips(line, 13, True) for line in issuer), room_left)  # a long name wraps
    rule(left.add_paragraph(), int(widest * 0.4), room_left)
    if so is not None:
        fill(left.add_paragraph(), so, size=13, align="center", first_line=None, before=6, line=None)
    room_right = RIGHT_COL - 2 * CELL_MARGIN
    first = [True]
    fill(_cell_paragraph(right, first), QUOC_HIEU, size=13, bold=True, align="center", first_line=None, before=0,
         line=None)
    fill(right.add_paragraph(), TIEU_NGU, size=14, bold=True, align="center", first_line=None, before=0, line=None)
    rule(right.add_paragraph(), text_width_twips(TIEU_NGU, 14, True), room_right)
    if date is not None:
        fill(right.add_paragraph(), date, size=14, italic=True, align="center", first_line=None, before=6, line=None)
    return table


def title(doc, name: str, trich_yeu: str, kem_theo: str | None = None) -> None:
    """Tên loại, trích yếu (and the "(Kèm theo …)" line) and the short rule under them."""
    fill(doc.add_paragraph(), name, bold=True, align="center", first_line=None, before=18, line=None)
    fill(doc.add_paragraph(), trich_yeu, bold=True, align="center", first_line=None, before=0, line=None)
    if kem_theo:
        fill(doc.add_paragraph(), kem_theo, italic=True, align="center", first_line=None, before=0, line=None)
    rule(doc.add_paragraph(), int(min(text_width_twips(trich_yeu, 14, True), TEXT_W) * 0.4), TEXT_W)


def body(doc, text: str | list, **kw):
    """A body paragraph (ND30-BODY-03)."""
    return fill(doc.add_paragraph(), text, **kw)


def signature(doc, recipients: list[str], authority: list[str], name: str):
    """The signature table: Nơi nhận on the left, quyền hạn/chức vụ and name on the right."""
    table = two_column_table(doc, 3800, TEXT_W - 3800)
    left, right = table.rows[0].cells
    fill(left.paragraphs[0], "Nơi nhận:", size=12, bold=True, italic=True, align="left", first_line=None, before=0,
         line=None)
    for item in recipients:
        fill(left.add_paragraph(), item, size=11, align="left", first_line=None, before=0, line=None)
    first = [True]
    for line in authority:
        fill(_cell_paragraph(right, first), line, bold=True, align="center", first_line=None, before=0, line=None)
    for _ in range(4):
        fill(right.add_paragraph(), "", align="center", first_line=None, before=0, line=None)
    fill(right.add_paragraph(), name, bold=True, align="center", first_line=None, before=0, line=None)
    return table


# ----------------------------------------------------------------------------- whole documents

PLAN_CAN_CU = [
    "Căn cứ Quyết định số 148/QĐ-TTg ngày 24 tháng 02 năm 2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí "
    "và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm;",
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh.",
]


def build_plan(repeat: int = 1, page_numbers: bool = True) -> docx.document.Document:
    """A correct Kế hoạch of a provincial UBND (``repeat`` multiplies the body, ~2 pages each)."""
    doc = new_document(page_numbers)
    header(doc)
    title(doc, "KẾ HOẠCH", "Triển khai Chương trình Mỗi xã một sản phẩm năm 2026")
    for line in PLAN_CAN_CU:
        body(doc, line, italic=True)
    titles = ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    n = 0
    for _ in range(repeat):
        for t in titles:
            body(doc, f"{roman(n + 1)}. {t}", bold=True)
            n += 1
            body(doc, "1. Mục đích", bold=True)
            body(doc, BODY_TEXT)
            body(doc, "2. Yêu cầu", bold=True)
            body(doc, "a) " + BODY_TEXT)
            body(doc, "b) " + BODY_TEXT)
            body(doc, "- " + BODY_TEXT)
    body(doc, "Trên đây là Kế hoạch triển khai Chương trình Mỗi xã một sản phẩm năm 2026 của Ủy ban nhân dân "
              "tỉnh; yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.")
    signature(doc, ["- Bộ Nông nghiệp và Môi trường;", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;",
                    "- Lưu: VT, NL."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Văn An")
    return doc


DECISION_CAN_CU = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
    "Căn cứ Quyết định số 148/QĐ-TTg ngày 24 tháng 02 năm 2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí "
    "và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm;",
    "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 25/TTr-SNNMT ngày 02 tháng 3 năm 2026.",
]


def build_decision(articles: int = 3, tham_quyen: str = "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
                   authority=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), nhu_dieu: int | None = None,
                   page_numbers: bool = True) -> docx.document.Document:
    """A correct Quyết định; the last of ``articles`` articles names the executors."""
    doc = new_document(page_numbers)
    header(doc, so="Số: 05/QĐ-UBND")
    title(doc, "QUYẾT ĐỊNH", "Về việc công nhận sản phẩm đạt chuẩn OCOP năm 2026")
    fill(doc.add_paragraph(), tham_quyen, bold=True, align="center", first_line=None, before=12, after=6, line=None)
    for line in DECISION_CAN_CU:
        body(doc, line, italic=True)
    fill(doc.add_paragraph(), "QUYẾT ĐỊNH:", bold=True, align="center", first_line=None, before=6, after=6,
         line=None)
    texts = {
        1: "Công nhận 15 sản phẩm đạt chuẩn OCOP năm 2026 của tỉnh Hà Tĩnh (có danh sách kèm theo).",
        2: "Quyết định này có hiệu lực kể từ ngày ký.",
    }
    for n in range(1, articles + 1):
        if n == articles:
            text = ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường, Thủ trưởng các cơ "
                    "quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.")
        else:
            text = texts.get(n, BODY_TEXT)
        body(doc, [(f"Điều {n}. ", {"bold": True}), (text, {})])
    signature(doc, [f"- Như Điều {nhu_dieu or articles};", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NL."],
              list(authority), "Trần Văn Bình")
    return doc


# ----------------------------------------------------------------------------- helpers for tests


def save(doc, path: Path) -> Path:
    doc.save(str(path))
    return path


def to_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def paragraphs(doc):
    """Every paragraph of the body, table cells included, in order."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, doc._body) for p in doc.element.body.iter(qn("w:p"))]


def find(doc, prefix: str):
    """The first paragraph (body or table cell) whose text starts with ``prefix``."""
    for p in paragraphs(doc):
        if p.text.startswith(prefix):
            return p
    raise LookupError(prefix)


def set_text(paragraph, text: str) -> None:
    """Replace the text of a paragraph, keeping the format of its first run."""
    runs = paragraph.runs
    runs[0].text = text
    for r in runs[1:]:
        r._r.getparent().remove(r._r)


KEM_THEO = "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)"


def build_attached() -> docx.document.Document:
    """A correct Kế hoạch issued with a decision: no Số, no date, "(Kèm theo …)" in italic."""
    doc = new_document()
    header(doc, so=None, date=None)
    title(doc, "KẾ HOẠCH", "Triển khai Chương trình Mỗi xã một sản phẩm năm 2026", kem_theo=KEM_THEO)
    body(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    body(doc, "1. Mục đích", bold=True)
    for _ in range(6):
        body(doc, BODY_TEXT)
    body(doc, "II. TỔ CHỨC THỰC HIỆN", bold=True)
    body(doc, "Các sở, ngành, địa phương tổ chức thực hiện Kế hoạch này./.")
    return doc


def build_report(kinh_gui: bool = True) -> docx.document.Document:
    """A correct Báo cáo sent upward: "Kính gửi" under the trích yếu, Nơi nhận starts "- Như trên;"."""
    doc = new_document()
    header(doc, so="Số: 20/BC-UBND")
    title(doc, "BÁO CÁO", "Kết quả thực hiện Chương trình Mỗi xã một sản phẩm năm 2025")
    if kinh_gui:
        fill(doc.add_paragraph(), "Kính gửi: Bộ Nông nghiệp và Môi trường.", align="center", first_line=None,
             before=12, line=None)
    for _ in range(8):
        body(doc, BODY_TEXT)
    body(doc, "Trên đây là báo cáo kết quả thực hiện Chương trình năm 2025 của Ủy ban nhân dân tỉnh./.")
    signature(doc, ["- Như trên;", "- Lưu: VT, NL."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Trần Văn Bình")
    return doc


def build_letter(kinh_gui: list[str] | None = None, first_body: str | None = None) -> docx.document.Document:
    """A correct công văn of a commune UBND (Mẫu 1.5): "V/v …" under the Số, "Kính gửi:", no
    căn cứ, "- Như trên;" first in Nơi nhận. ``first_body`` replaces the first body paragraph."""
    doc = new_document()
    table = header(doc, so="Số: 45/UBND-KT", date="Vũ Quang, ngày 24 tháng 4 năm 2026",
                   issuer=["ỦY BAN NHÂN DÂN", "XÃ VŨ QUANG"])
    left = table.rows[0].cells[0]
    fill(left.add_paragraph(), "V/v đề nghị đánh giá, phân hạng sản phẩm OCOP", size=13, align="center",
         first_line=None, before=6, line=None)
    recipients = kinh_gui or ["Ủy ban nhân dân tỉnh Hà Tĩnh."]
    if len(recipients) == 1:
        fill(doc.add_paragraph(), f"Kính gửi: {recipients[0]}", align="center", first_line=None, before=12, line=None)
    else:
        fill(doc.add_paragraph(), "Kính gửi:", align="left", first_line=1984, before=12, line=None)
        for item in recipients:
            p = fill(doc.add_paragraph(), item, align="left", first_line=None, before=0, line=None)
            p.paragraph_format.left_indent = Twips(2552)
    body(doc, first_body or ("Thực hiện Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh về "
                             "triển khai Chương trình Mỗi xã một sản phẩm năm 2026, Ủy ban nhân dân xã Vũ Quang đã "
                             "tiếp nhận, kiểm tra hồ sơ đăng ký đánh giá, phân hạng sản phẩm của các chủ thể."))
    body(doc, BODY_TEXT)
    body(doc, "Ủy ban nhân dân xã Vũ Quang kính đề nghị Ủy ban nhân dân tỉnh xem xét, tổ chức đánh giá./.")
    signature(doc, ["- Như trên;", "- Sở Nông nghiệp và Môi trường;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Quốc Việt")
    return doc


def build_minutes() -> docx.document.Document:
    """A correct biên bản (Mẫu 1.9): no date line in the header, signed THƯ KÝ | CHỦ TỌA side by
    side (a name under each), Nơi nhận as paragraphs under the signatures."""
    doc = new_document()
    header(doc, so="Số: 01/BB-HĐ", date=None, issuer=["HỘI ĐỒNG ĐÁNH GIÁ,", "PHÂN HẠNG SẢN PHẨM OCOP"],
           governing="UBND TỈNH HÀ TĨNH")
    title(doc, "BIÊN BẢN", "Họp đánh giá, phân hạng sản phẩm OCOP cấp tỉnh năm 2026")
    body(doc, "Thời gian bắt đầu: 08 giờ 00 phút, ngày 18 tháng 6 năm 2026.")
    body(doc, "Địa điểm: Hội trường Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh.")
    body(doc, "Thực hiện Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh, Hội đồng họp "
              "đánh giá, phân hạng các sản phẩm OCOP cấp tỉnh năm 2026.")
    body(doc, BODY_TEXT)
    body(doc, "Cuộc họp kết thúc vào 11 giờ 30 phút, ngày 18 tháng 6 năm 2026./.")
    half = TEXT_W // 2
    table = two_column_table(doc, half, TEXT_W - half)
    for cell, (title_, name) in zip(table.rows[0].cells, (("THƯ KÝ", "Lê Văn Cường"), ("CHỦ TỌA", "Nguyễn Văn An"))):
        fill(cell.paragraphs[0], title_, bold=True, align="center", first_line=None, before=0, line=None)
        fill(cell.add_paragraph(), "(Chữ ký)", size=13, italic=True, align="center", first_line=None, before=0, line=None)
        for _ in range(3):
            fill(cell.add_paragraph(), "", align="center", first_line=None, before=0, line=None)
        fill(cell.add_paragraph(), name, bold=True, align="center", first_line=None, before=0, line=None)
    fill(doc.add_paragraph(), "Nơi nhận:", size=12, bold=True, italic=True, align="left", first_line=None, before=12,
         line=None)
    for item in ("- Ủy ban nhân dân tỉnh (để báo cáo);", "- Thành viên Hội đồng;", "- Lưu: VT, Hồ sơ."):
        fill(doc.add_paragraph(), item, size=11, align="left", first_line=None, before=0, line=None)
    return doc


def color(paragraph, hex_rgb: str) -> None:
    """Colour every run of ``paragraph``."""
    from docx.shared import RGBColor

    for r in paragraph.runs:
        r.font.color.rgb = RGBColor.from_string(hex_rgb)


def build_certificate(landscape: bool = True) -> docx.document.Document:
    """A star certificate: A4 landscape, large centred text, no ND30 document structure."""
    from docx.enum.section import WD_ORIENT

    doc = new_document(page_numbers=False)
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Twips(PAGE_H), Twips(PAGE_W)
    fill(doc.add_paragraph(), ISSUER[0], size=14, bold=True, align="center", first_line=None, before=0, line=None)
    fill(doc.add_paragraph(), QUOC_HIEU, size=13, bold=True, align="center", first_line=None, before=0, line=None)
    fill(doc.add_paragraph(), TIEU_NGU, size=14, bold=True, align="center", first_line=None, before=0, line=None)
    rule(doc.add_paragraph(), text_width_twips(TIEU_NGU, 14, True), PAGE_H - 1701 - 850)
    fill(doc.add_paragraph(), "GIẤY CHỨNG NHẬN", size=28, bold=True, align="center", first_line=None, before=24,
         line=None)
    fill(doc.add_paragraph(), "Sản phẩm đạt chuẩn OCOP 4 sao", size=20, align="center", first_line=None, before=12,
         line=None)
    return doc


def build_form() -> docx.document.Document:
    """An OCOP registration form: only the generic rules apply."""
    doc = new_document(page_numbers=False)
    header(doc, so=None, date=None, issuer=["HỢP TÁC XÃ RAU SẠCH VŨ QUANG"])
    fill(doc.add_paragraph(), "PHIẾU ĐĂNG KÝ THAM GIA CHƯƠNG TRÌNH OCOP", bold=True, align="center", first_line=None,
         before=18, line=None)
    for label in ("Tên chủ thể:", "Địa chỉ:", "Điện thoại:", "Sản phẩm đăng ký:"):
        fill(doc.add_paragraph(), label + " ....................", size=12, align="left", first_line=None, before=0,
             line=None)
    return doc


def numbering_definition(doc, fmt: str, text: str, start: int = 1, levels: list[tuple[str, str]] | None = None) -> str:
    """Add an abstractNum + num to the document's numbering part; returns the num id."""
    numbering = doc.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid, nid = max(ids, default=0) + 1, max(nums, default=0) + 1
    absn = OxmlElement("w:abstractNum")
    absn.set(qn("w:abstractNumId"), str(aid))
    for ilvl, (f, t) in enumerate(levels or [(fmt, text)]):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", str(start)), ("w:numFmt", f), ("w:lvlText", t), ("w:suff", "space")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        absn.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(nid))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(aid))
    num.append(ref)
    numbering.append(num)
    return str(nid)


def number(paragraph, num_id: str, ilvl: int = 0) -> None:
    """Attach Word auto-numbering to a paragraph (numPr)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    anchor = next((ppr.find(qn(t)) for t in ("w:pBdr", "w:spacing", "w:ind", "w:jc") if ppr.find(qn(t)) is not None), None)
    if anchor is not None:
        anchor.addprevious(numpr)
    else:
        ppr.append(numpr)


def insert_after(paragraph, text: str = "", **kw):
    """A new paragraph right after ``paragraph`` (same container)."""
    from docx.text.paragraph import Paragraph

    new_p = OxmlElement("w:p")
    paragraph._p.addnext(new_p)
    para = Paragraph(new_p, paragraph._parent)
    if text or kw:
        fill(para, text, **kw)
    return para


def remove(paragraph) -> None:
    paragraph._p.getparent().remove(paragraph._p)


# Assertions on a checker report, shared by the rule tests.
def findings(report, rule_id):
    """The findings of one rule in a report."""
    return [f for f in report.findings if f.rule_id == rule_id]


def fires(report, rule_id, severity=None, contains=None):
    """Assert that a rule fired (with that severity, and a 'found' text containing ``contains``)."""
    found = findings(report, rule_id)
    assert found, f"{rule_id} did not fire; findings: {[(f.rule_id, f.found) for f in report.findings]}"
    if severity:
        assert any(f.severity == severity for f in found), [(f.severity, f.found) for f in found]
    if contains:
        assert any(contains in f.found for f in found), [f.found for f in found]
    return found


def quiet(report):
    """Assert that a report has no finding at all."""
    assert report.findings == [], [(f.rule_id, f.found, f.excerpt) for f in report.findings]
