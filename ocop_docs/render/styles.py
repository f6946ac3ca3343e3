"""The ND30 paragraph styles of the templates, found by name and re-applied from ``nd30.rules``.

The Word files under ``ocop_docs/templates`` are the source of the templates: a clerk edits them in
Word or LibreOffice. Every element of ND30 §3.15 is a named paragraph style ("ND30 - Trích yếu"…)
whose size, weight, slant and alignment come from ``nd30.rules.ELEMENTS`` — the table the checker
verifies against — and :func:`apply_nd30_styles` writes them again (``make templates``).

Styles are found by their *names*: a LibreOffice re-save renames every style ID from its name
(``ND30KeDuoiTrichYeu`` → ``ND30Kditrchyu``) but keeps the names. The IDs below are only those given
to a style that a template lacks.
"""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from ..nd30 import rules
from ..nd30.rules import ELEMENTS

FONT = "Times New Roman"
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}

ISSUER = "ND30 - Cơ quan ban hành"
RULE_UNDER_MOTTO = "ND30 - Kẻ dưới Tiêu ngữ"
RULE_UNDER_ISSUER = "ND30 - Kẻ dưới tên cơ quan"
RULE_UNDER_TRICH_YEU = "ND30 - Kẻ dưới trích yếu"

# style name shown in Word → (style id for a new style, element of ELEMENTS, extra paragraph settings)
STYLES: dict[str, tuple[str, str | None, dict]] = {
    "ND30 - Cơ quan chủ quản": ("ND30CoQuanChuQuan", "co_quan_chu_quan", {}),
    ISSUER: ("ND30CoQuanBanHanh", "co_quan_ban_hanh", {}),
    "ND30 - Số, ký hiệu": ("ND30SoKyHieu", "so_ky_hieu", {"before": 6}),
    "ND30 - Quốc hiệu": ("ND30QuocHieu", "quoc_hieu", {}),
    "ND30 - Tiêu ngữ": ("ND30TieuNgu", "tieu_ngu", {}),
    "ND30 - Địa danh, ngày tháng": ("ND30DiaDanhNgay", "dia_danh_ngay", {"before": 6}),
    "ND30 - Tên loại văn bản": ("ND30TenLoai", "ten_loai", {"before": 18, "keep_next": True}),
    "ND30 - Trích yếu": ("ND30TrichYeu", "trich_yeu", {"keep_next": True}),
    "ND30 - Trích yếu công văn": ("ND30TrichYeuCongVan", "trich_yeu_cong_van", {"before": 6}),
    "ND30 - Dòng kèm theo": ("ND30KemTheo", "kem_theo", {"keep_next": True}),
    "ND30 - Thẩm quyền ban hành": ("ND30ThamQuyen", "tham_quyen", {"before": 12, "after": 6}),
    "ND30 - Căn cứ": ("ND30CanCu", "can_cu", {"body": True}),
    "ND30 - QUYẾT ĐỊNH:": ("ND30QuyetDinhKeyword", "quyet_dinh_keyword", {"before": 6, "after": 6}),
    "ND30 - Nội dung": ("ND30NoiDung", "body", {"body": True}),
    "ND30 - Mục (I.)": ("ND30Muc", "muc", {"body": True, "keep_next": True}),
    "ND30 - Khoản có tiêu đề (1.)": ("ND30Khoan", "khoan_title", {"body": True, "keep_next": True}),
    "ND30 - Điểm có tiêu đề (a)": ("ND30Diem", "diem_title", {"body": True, "keep_next": True, "italic": True}),
    "ND30 - Điều": ("ND30Dieu", "dieu", {"body": True}),
    "ND30 - Quyền hạn, chức vụ người ký": ("ND30ChucVuKy", "chuc_vu_ky", {}),
    "ND30 - Họ tên người ký": ("ND30HoTenKy", "ho_ten_ky", {}),
    "ND30 - Nơi nhận:": ("ND30NoiNhan", "noi_nhan_label", {}),
    "ND30 - Nơi nhận (các dòng)": ("ND30NoiNhanMuc", "noi_nhan_item", {}),
    # ô 9a of Mẫu 1.5 (ND30-RECIP-02): "Kính gửi:" indented, the recipients under its colon
    "ND30 - Kính gửi": ("ND30KinhGui", None, {"size": 14, "align": "left", "before": 12, "after": 6, "first_line": 1982}),
    "ND30 - Kính gửi (các dòng)": ("ND30KinhGuiMuc", None, {"size": 14, "align": "left", "left": 2552}),
    "ND30 - Phụ lục": ("ND30PhuLuc", "phu_luc_label", {"before": 6}),
    "ND30 - Tên phụ lục": ("ND30TenPhuLuc", "phu_luc_title", {}),
    "ND30 - Số trang": ("ND30SoTrang", "page_number", {}),
    "ND30 - Chữ trong bảng": ("ND30Bang", None, {"size": 13, "align": "center"}),
    "ND30 - Chữ trong bảng (trái)": ("ND30BangTrai", None, {"size": 13, "align": "left"}),
    RULE_UNDER_MOTTO: ("ND30KeDuoiTieuNgu", None, {"rule": True}),
    RULE_UNDER_ISSUER: ("ND30KeDuoiCoQuan", None, {"rule": True}),
    RULE_UNDER_TRICH_YEU: ("ND30KeDuoiTrichYeu", None, {"rule": True}),
}

# The rule paragraphs, with the fraction of the line above them they span (ND30-QH-03, CQ-03, TITLE-02).
RULE_STYLES = {
    RULE_UNDER_MOTTO: 1.0,
    RULE_UNDER_ISSUER: rules.RENDER_RULE_UNDER_ISSUER,
    RULE_UNDER_TRICH_YEU: rules.RENDER_RULE_UNDER_TRICH_YEU,
}

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def style_names(document) -> dict[str, str]:
    """{style id: style name} of a document's styles part (names survive a re-save, IDs do not)."""
    out = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            out[style.get(qn("w:styleId"))] = name.get(qn("w:val"))
    return out


def apply_nd30_styles(document) -> None:
    """Write the ND30 styles of ``STYLES`` into ``document`` from ``nd30.rules``, each found by name
    (or added when missing), and drop a stale ``stylesWithEffects.xml``. Applying twice changes nothing."""
    drop_styles_with_effects(document)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    by_name = {s.name: s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    for name, (style_id, element, extra) in STYLES.items():
        style = by_name.get(name)
        if style is None:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.element.set(qn("w:styleId"), style_id)
        for tag in ("w:pPr", "w:rPr"):  # start clean: what the rules say, nothing left from an edit
            for el in style.element.findall(qn(tag)):
                style.element.remove(el)
        _format(style, normal, element, extra)


def drop_styles_with_effects(document) -> None:
    """Remove word/stylesWithEffects.xml (python-docx's default template carries Word 2010's copy of
    its styles): once styles.xml is ours the two disagree and Word repairs the file."""
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            part.drop_rel(rid)


def _set_fonts(rpr) -> None:
    fonts = rpr.get_or_add_rFonts()
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _format(style, normal, element: str | None, extra: dict) -> None:
    """One ND30 paragraph style, based on Normal, with its element's look."""
    style.base_style = normal
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
    if "first_line" in extra:
        pf.first_line_indent = Twips(extra["first_line"])
    if "left" in extra:
        pf.left_indent = Twips(extra["left"])
    if extra.get("keep_next"):
        pf.keep_with_next = True
    if extra.get("rule"):
        font.size = Pt(2)
        pf.space_before = Pt(2)  # clear of the descenders of the line above
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.keep_with_next = True
        _bottom_border(style.element.get_or_add_pPr())


def _bottom_border(ppr) -> None:
    """A solid 0.75 pt line under the paragraph (the ND30 rules are 'nét liền')."""
    borders = OxmlElement("w:pBdr")
    # CT_PPr's sequence: pBdr goes before shd, tabs, suppressAutoHyphens, spacing, ind, jc…
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                              "w:pPrChange")
    bottom = OxmlElement("w:bottom")
    for attr, val in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(attr), val)
    borders.append(bottom)


def restyle_template(path) -> bool:
    """Re-apply the ND30 styles to the Word file ``path``; rewrite it only if its styles changed."""
    from docx import Document

    document = Document(str(path))
    before = document.styles.element.xml
    with_effects = any(rel.reltype == STYLES_WITH_EFFECTS for rel in document.part.rels.values())
    apply_nd30_styles(document)
    if document.styles.element.xml == before and not with_effects:
        return False
    document.save(str(path))
    return True
