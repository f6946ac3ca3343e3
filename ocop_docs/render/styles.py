"""ND30 page setup and paragraph styles, written into a python-docx Document.

The template builder uses these to make templates that clerks can restyle in Word: every
element of ND30 §3.15 is a named paragraph style whose size, weight, slant and alignment
come from ``nd30.rules.ELEMENTS`` — the same table the checker verifies against.
"""
from __future__ import annotations

import copy

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from ..nd30 import rules
from ..nd30.rules import ELEMENTS

FONT = "Times New Roman"
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}

# style id → (Vietnamese style name shown in Word, element of ELEMENTS, extra paragraph settings)
STYLES: dict[str, tuple[str, str | None, dict]] = {
    "ND30CoQuanChuQuan": ("ND30 - Cơ quan chủ quản", "co_quan_chu_quan", {}),
    "ND30CoQuanBanHanh": ("ND30 - Cơ quan ban hành", "co_quan_ban_hanh", {}),
    "ND30SoKyHieu": ("ND30 - Số, ký hiệu", "so_ky_hieu", {"before": 6}),
    "ND30QuocHieu": ("ND30 - Quốc hiệu", "quoc_hieu", {}),
    "ND30TieuNgu": ("ND30 - Tiêu ngữ", "tieu_ngu", {}),
    "ND30DiaDanhNgay": ("ND30 - Địa danh, ngày tháng", "dia_danh_ngay", {"before": 6}),
    "ND30TenLoai": ("ND30 - Tên loại văn bản", "ten_loai", {"before": 18, "keep_next": True}),
    "ND30TrichYeu": ("ND30 - Trích yếu", "trich_yeu", {"keep_next": True}),
    "ND30KemTheo": ("ND30 - Dòng kèm theo", "kem_theo", {"keep_next": True}),
    "ND30ThamQuyen": ("ND30 - Thẩm quyền ban hành", "tham_quyen", {"before": 12, "after": 6}),
    "ND30CanCu": ("ND30 - Căn cứ", "can_cu", {"body": True}),
    "ND30QuyetDinhKeyword": ("ND30 - QUYẾT ĐỊNH:", "quyet_dinh_keyword", {"before": 6, "after": 6}),
    "ND30NoiDung": ("ND30 - Nội dung", "body", {"body": True}),
    "ND30Muc": ("ND30 - Mục (I.)", "muc", {"body": True, "keep_next": True}),
    "ND30Khoan": ("ND30 - Khoản có tiêu đề (1.)", "khoan_title", {"body": True, "keep_next": True}),
    "ND30Diem": ("ND30 - Điểm có tiêu đề (a)", "diem_title", {"body": True, "keep_next": True, "italic": True}),
    "ND30Dieu": ("ND30 - Điều", "dieu", {"body": True}),
    "ND30ChucVuKy": ("ND30 - Quyền hạn, chức vụ người ký", "chuc_vu_ky", {}),
    "ND30HoTenKy": ("ND30 - Họ tên người ký", "ho_ten_ky", {}),
    "ND30NoiNhan": ("ND30 - Nơi nhận:", "noi_nhan_label", {}),
    "ND30NoiNhanMuc": ("ND30 - Nơi nhận (các dòng)", "noi_nhan_item", {}),
    "ND30PhuLuc": ("ND30 - Phụ lục", "phu_luc_label", {"before": 6}),
    "ND30TenPhuLuc": ("ND30 - Tên phụ lục", "phu_luc_title", {}),
    "ND30SoTrang": ("ND30 - Số trang", "page_number", {}),
    "ND30Bang": ("ND30 - Chữ trong bảng", None, {"size": 13, "align": "center"}),
    "ND30BangTrai": ("ND30 - Chữ trong bảng (trái)", None, {"size": 13, "align": "left"}),
    "ND30KeDuoiTieuNgu": ("ND30 - Kẻ dưới Tiêu ngữ", None, {"rule": True}),
    "ND30KeDuoiCoQuan": ("ND30 - Kẻ dưới tên cơ quan", None, {"rule": True}),
    "ND30KeDuoiTrichYeu": ("ND30 - Kẻ dưới trích yếu", None, {"rule": True}),
}

# The rule paragraphs, with the fraction of the line above them they span (ND30-QH-03, CQ-03, TITLE-02).
RULE_STYLES = {
    "ND30KeDuoiTieuNgu": 1.0,
    "ND30KeDuoiCoQuan": rules.RENDER_RULE_UNDER_ISSUER,
    "ND30KeDuoiTrichYeu": rules.RENDER_RULE_UNDER_TRICH_YEU,
}

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

KEEP_STYLE_IDS = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "Header", "Footer", "HeaderChar", "FooterChar"}


def _set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def prepare_document(document, landscape: bool = False) -> None:
    """Page setup (ND30-PAGE-01/03) and the ND30 styles; unused built-in styles removed."""
    drop_styles_with_effects(document)
    styles_el = document.styles.element
    # A lean styles part: docDefaults + the styles we use (python-docx's default carries ~350 KB).
    latent = styles_el.find(qn("w:latentStyles"))
    if latent is not None:
        styles_el.remove(latent)
    for style in list(styles_el.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEEP_STYLE_IDS:
            styles_el.remove(style)
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs", "w:lang", "w:color"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)
    for tag, val in (("w:color", "000000"), ("w:sz", "28"), ("w:szCs", "28")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        rpr.append(el)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "en-US")
    rpr.append(lang)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        defaults.remove(ppr_default)

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0

    for style_id, (name, element, extra) in STYLES.items():
        add_paragraph_style(document, style_id, name, element, extra)

    section = document.sections[0]
    width, height = Twips(rules.A4_TWIPS[0]), Twips(rules.A4_TWIPS[1])
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
    else:
        section.page_width, section.page_height = width, height
    margins = rules.RENDER_MARGINS_MM
    section.top_margin = Mm(margins["top"])
    section.bottom_margin = Mm(margins["bottom"])
    section.left_margin = Mm(margins["left"])
    section.right_margin = Mm(margins["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def drop_styles_with_effects(document) -> None:
    """Remove word/stylesWithEffects.xml (python-docx's default template carries Word 2010's copy of
    its styles): once styles.xml is ours the two disagree and Word repairs the file."""
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            part.drop_rel(rid)


def add_paragraph_style(document, style_id: str, name: str, element: str | None, extra: dict):
    """One ND30 paragraph style, based on Normal, with its element's look."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    pf = style.paragraph_format
    if element:
        spec = ELEMENTS[element]
        font.size = Pt(spec.render)
        font.bold = bool(spec.bold)
        font.italic = bool(spec.italic) or bool(extra.get("italic"))
        if spec.align in ALIGN:
            pf.alignment = ALIGN[spec.align]
    if "size" in extra:
        font.size = Pt(extra["size"])
    if "align" in extra:
        pf.alignment = ALIGN[extra["align"]]
    if extra.get("body"):
        # ND30-BODY-03: indent 1 cm, 6 pt between paragraphs, 1–1.5 lines.
        pf.first_line_indent = Twips(rules.BODY_RENDER_FIRST_LINE_TWIPS)
        pf.space_before = Pt(rules.BODY_MIN_SPACING_PT)
        pf.space_after = Pt(0)
        spacing = pf._element.get_or_add_pPr().get_or_add_spacing()
        spacing.set(qn("w:line"), str(rules.BODY_RENDER_LINE))
        spacing.set(qn("w:lineRule"), "auto")
    else:
        pf.space_before = Pt(extra.get("before", 0))
        pf.space_after = Pt(extra.get("after", 0))
    if extra.get("keep_next"):
        pf.keep_with_next = True
    if extra.get("rule"):
        font.size = Pt(2)
        pf.space_before = Pt(2)  # clear of the descenders of the line above
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.keep_with_next = True
        set_bottom_border(style.element.get_or_add_pPr())
    return style


def set_bottom_border(ppr) -> None:
    """A solid 0.75 pt line under the paragraph (the ND30 rules are 'nét liền')."""
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # pBdr goes before spacing/ind/jc in CT_PPr's sequence.
        anchor = None
        for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
            anchor = ppr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(borders)
        else:
            ppr.append(borders)
    bottom = OxmlElement("w:bottom")
    for attr, val in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(attr), val)
    borders.append(bottom)


def add_page_number_header(document, section=None) -> None:
    """Page number centred in the top margin, hidden on the section's first page (ND30-PAGE-04/05)."""
    section = section if section is not None else document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = document.styles["ND30 - Số trang"]
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""


def borderless_table(document_or_cell, rows: int, widths_twips: list[int]):
    """A table without borders, fixed column widths (header and signature blocks, ND30-LAYOUT-02/03)."""
    table = document_or_cell.add_table(rows=rows, cols=len(widths_twips))
    table.autofit = False  # w:tblLayout fixed, inserted in schema order (before w:tblLook)
    tbl = table._tbl
    tblW = tbl.tblPr.find(qn("w:tblW"))  # python-docx's add_table always writes one
    tblW.set(qn("w:w"), str(sum(widths_twips)))
    tblW.set(qn("w:type"), "dxa")
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_twips):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_twips):
            cell.width = Twips(width)
    return table


def clone(element):
    return copy.deepcopy(element)
