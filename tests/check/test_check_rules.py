"""One document per rule violation (ND30 rule IDs of docs/spec/nd30.md), and the correct
builders that keep every rule quiet."""
from __future__ import annotations

import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

import builders as B
from ocop_docs.check.checks import APPLICABLE
from ocop_docs.nd30.rules import RULES


from builders import findings, fires


def only(report, *rule_ids):
    """The report has findings for exactly these rules (the violation does not spill over)."""
    assert report.rule_ids() == set(rule_ids), [(f.rule_id, f.found) for f in report.findings]


CHECKED = sorted(set().union(*APPLICABLE.values()))


# ----------------------------------------------------------------------------- quiet


def test_correct_plan_has_no_finding(plan, check):
    report = check(plan)
    assert report.kind == "plan" and report.kind_detected
    assert report.findings == [], [(f.rule_id, f.found) for f in report.findings]
    assert report.exit_code == 0


def test_correct_decision_has_no_finding(decision, check):
    report = check(decision)
    assert report.kind == "decision"
    assert report.findings == [], [(f.rule_id, f.found) for f in report.findings]


def test_correct_attached_report_certificate_form_have_no_finding(check):
    for build, kind in ((B.build_attached, "attached"), (B.build_report, "report"),
                        (B.build_certificate, "certificate"), (B.build_form, "form")):
        report = check(build())
        assert report.kind == kind
        assert report.findings == [], (kind, [(f.rule_id, f.found) for f in report.findings])


@pytest.fixture(scope="module")
def correct_reports(tmp_path_factory):
    from ocop_docs.check import check_file

    out = tmp_path_factory.mktemp("correct")
    return [check_file(B.save(build(), out / f"{n}.docx")) for n, build in
            enumerate((B.build_plan, B.build_decision, B.build_attached, B.build_report))]


@pytest.mark.parametrize("rule_id", CHECKED)
def test_rule_quiet_on_correct_documents(rule_id, correct_reports):
    """Each checked rule stays quiet on the correct plan, decision, attached plan and report."""
    assert rule_id in RULES
    for report in correct_reports:
        assert not findings(report, rule_id), [f.found for f in findings(report, rule_id)]


# ----------------------------------------------------------------------------- page


def test_page_01_letter_size(plan, check):
    s = plan.sections[0]
    s.page_width, s.page_height = Twips(12240), Twips(15840)
    fires(check(plan), "ND30-PAGE-01", "error", "215,9")


def test_page_01_certificate_landscape_a4_allowed_letter_not(check):
    assert not findings(check(B.build_certificate()), "ND30-PAGE-01")
    doc = B.build_certificate()
    s = doc.sections[0]
    s.page_width, s.page_height = Twips(15840), Twips(12240)
    fires(check(doc), "ND30-PAGE-01", contains="279,4 mm × 215,9 mm")


def _landscape_section(doc, with_table: bool):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(B.PAGE_H), Twips(B.PAGE_W)
    if with_table:
        table = doc.add_table(rows=2, cols=3)
        table.cell(0, 0).paragraphs[0].add_run("STT").font.size = Pt(13)
    B.fill(doc.add_paragraph(), "Ghi chú thêm.", align="left", first_line=None, before=0, line=None)
    return section


def test_page_02_landscape_without_table(plan, check):
    _landscape_section(plan, with_table=False)
    fires(check(plan), "ND30-PAGE-02", "warning")


def test_page_02_landscape_with_table_is_allowed(plan, check):
    _landscape_section(plan, with_table=True)
    assert not findings(check(plan), "ND30-PAGE-02")


def test_page_03_left_margin_25mm(plan, check):
    plan.sections[0].left_margin = Twips(1417)
    f = fires(check(plan), "ND30-PAGE-03", "error", "lề trái 25,0 mm")
    assert "mục 1" in f[0].location


def test_page_03_tolerance_half_mm(plan, check):
    plan.sections[0].left_margin = Twips(1701 - 20)  # 29.65 mm: within ±0.5 mm
    assert not findings(check(plan), "ND30-PAGE-03")


def test_page_04_number_on_first_page(plan, check):
    plan.sections[0].different_first_page_header_footer = False
    fires(check(plan), "ND30-PAGE-04", "error", "trang thứ nhất")


def test_page_04_first_page_header_with_number(plan, check):
    B.add_field(plan.sections[0].first_page_header.paragraphs[0], "PAGE", "1")
    fires(check(plan), "ND30-PAGE-04", contains="trang thứ nhất")


def test_page_04_number_in_footer(check):
    doc = B.build_plan(page_numbers=False)
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    B.add_field(p, "PAGE", "2")
    doc.sections[0].different_first_page_header_footer = True
    fires(check(doc), "ND30-PAGE-04", contains="chân trang")


def test_page_04_missing_in_long_document(check):
    fires(check(B.build_plan(page_numbers=False)), "ND30-PAGE-04", contains="không có số trang")


def test_page_04_short_document_needs_no_number(check):
    doc = B.build_decision(page_numbers=False)
    assert not findings(check(doc), "ND30-PAGE-04")


def test_page_04_size_and_roman(plan, check):
    header = plan.sections[0].header.paragraphs[0]
    for run in header.runs:
        run.font.size = Pt(11)
    instr = header._p.find(f".//{qn('w:instrText')}")
    instr.text = " PAGE \\* ROMAN "
    f = fires(check(plan), "ND30-PAGE-04")
    assert "cỡ chữ 11 pt" in f[0].found and "Ả Rập" in f[0].found


# ----------------------------------------------------------------------------- fonts


def test_font_01_run_in_arial(plan, check):
    run = B.find(plan, "Căn cứ Kế hoạch").runs[0]
    run.font.name = "Arial"
    report = check(plan)
    f = fires(report, "ND30-FONT-01", "error", "Arial")
    assert "đoạn" in f[0].location
    only(report, "ND30-FONT-01")


def test_font_01_colour_and_style_font(plan, check):
    B.find(plan, "Trên đây là").runs[0].font.color.rgb = __import__("docx.shared", fromlist=["RGBColor"]).RGBColor(0xFF, 0, 0)
    fires(check(plan), "ND30-FONT-01", contains="#FF0000")


def test_font_01_font_from_docdefaults(check):
    doc = B.build_plan()
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), "Calibri")
    normal = doc.styles["Normal"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    normal.getparent().remove(normal)
    f = fires(check(doc), "ND30-FONT-01", contains="Calibri")
    assert f[0].count > 10  # aggregated: one finding, many places


def test_font_03_mixed_size_pairs(plan, check):
    qh = B.find(plan, "CỘNG HÒA")
    qh.runs[0].font.size = Pt(12)
    report = check(plan)
    fires(report, "ND30-FONT-03", "warning", "Quốc hiệu 12")


def test_font_04_caps_formatting(plan, check):
    p = B.find(plan, "TỈNH HÀ TĨNH")
    p.runs[0].text = "tỉnh Hà Tĩnh"
    p.runs[0].font.all_caps = True
    report = check(plan)
    fires(report, "ND30-FONT-04", "warning")
    assert not findings(report, "ND30-CQ-02")  # shown in capitals: the issuer is upper case


# ----------------------------------------------------------------------------- Quốc hiệu, Tiêu ngữ


def test_layout_02_quoc_hieu_does_not_fit(plan, check):
    table = plan.tables[0]
    right = table.rows[0].cells[1]
    right.width = Twips(4200)
    table._tbl.tblGrid.findall(qn("w:gridCol"))[1].set(qn("w:w"), "4200")
    fires(check(plan), "ND30-LAYOUT-02", "warning", "Quốc hiệu cần")


def test_qh_01_not_bold(plan, check):
    B.find(plan, "CỘNG HÒA").runs[0].font.bold = False
    fires(check(plan), "ND30-QH-01", "error", "không in đậm")


def test_qh_01_wrong_text(plan, check):
    B.set_text(B.find(plan, "CỘNG HÒA"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA  VIỆT NAM")
    fires(check(plan), "ND30-QH-01", contains="'CỘNG HÒA")


def test_qh_01_hoa_variant_accepted(plan, check):
    B.set_text(B.find(plan, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert not findings(check(plan), "ND30-QH-01")


def test_qh_02_en_dash_is_error(plan, check):
    B.set_text(B.find(plan, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")
    fires(check(plan), "ND30-QH-02", "error", "gạch ngang dài")


def test_qh_02_missing_spaces_is_error(plan, check):
    B.set_text(B.find(plan, "Độc lập"), "Độc lập-Tự do-Hạnh phúc")
    fires(check(plan), "ND30-QH-02", "error", "thiếu dấu cách")


def test_qh_03_rule_missing(plan, check):
    tn = B.find(plan, "Độc lập")
    rule = tn._p.getnext()
    rule.getparent().remove(rule)
    fires(check(plan), "ND30-QH-03", "warning", "không có đường kẻ")


def test_qh_03_rule_too_short(plan, check):
    tn = B.find(plan, "Độc lập")
    from docx.text.paragraph import Paragraph

    rule = Paragraph(tn._p.getnext(), tn._parent)
    rule.paragraph_format.left_indent = Twips(2000)
    rule.paragraph_format.right_indent = Twips(2000)
    fires(check(plan), "ND30-QH-03", contains="đường viền dưới đoạn")


def _line_shape_xml(width_twips: int) -> str:
    cx = width_twips * 635
    return (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="0"/><wp:wrapNone/><wp:docPr id="5" name="Line 5"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )


def _replace_rule_with_shape(doc, after_prefix: str, width: int):
    from docx.oxml import parse_xml

    p = B.find(doc, after_prefix)
    old = p._p.getnext()
    old.getparent().remove(old)
    new = B.insert_after(p)
    new._p.append(parse_xml(_line_shape_xml(width)))


def test_qh_03_drawn_line_of_right_length_is_quiet(plan, check):
    from ocop_docs.nd30.metrics import text_width_twips

    _replace_rule_with_shape(plan, "Độc lập", text_width_twips(B.TIEU_NGU, 14, True))
    assert not findings(check(plan), "ND30-QH-03")


def test_qh_03_drawn_line_too_long(plan, check):
    _replace_rule_with_shape(plan, "Độc lập", 5000)
    fires(check(plan), "ND30-QH-03", contains="đường kẻ vẽ")


def test_qh_03_vml_line(plan, check):
    from docx.oxml import parse_xml
    from ocop_docs.nd30.metrics import text_width_pt

    p = B.find(plan, "Độc lập")
    old = p._p.getnext()
    old.getparent().remove(old)
    new = B.insert_after(p)
    width = text_width_pt(B.TIEU_NGU, 14, True)
    new._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        f'<v:line from="20pt,3pt" to="{20 + width:.1f}pt,3pt" strokeweight="1pt"/></w:pict></w:r>'))
    assert not findings(check(plan), "ND30-QH-03")


def test_qh_04_blank_line_between(plan, check):
    B.insert_after(B.find(plan, "CỘNG HÒA"))
    fires(check(plan), "ND30-QH-04", "warning", "dòng trống")


# ----------------------------------------------------------------------------- cơ quan, số, ngày


def test_cq_02_issuer_not_bold(plan, check):
    for p in (B.find(plan, "ỦY BAN NHÂN DÂN"), B.find(plan, "TỈNH HÀ TĨNH")):
        p.runs[0].font.bold = False
    fires(check(plan), "ND30-CQ-02", "error", "không in đậm")


def test_cq_02_governing_body_bold(check):
    doc = B.new_document()
    B.header(doc, governing="UBND TỈNH HÀ TĨNH", issuer=["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"], so="Số: 12/KH-SNNMT")
    B.title(doc, "KẾ HOẠCH", "Đánh giá sản phẩm OCOP năm 2026")
    B.body(doc, "Nội dung kế hoạch./.")
    assert not findings(check(doc), "ND30-CQ-02")
    B.find(doc, "UBND TỈNH").runs[0].font.bold = True
    fires(check(doc), "ND30-CQ-02")


def test_cq_01_abbreviated_issuer(plan, check):
    # "UBND" / "TỈNH HÀ TĨNH" as the issuing body itself: only a governing-body line may abbreviate
    B.set_text(B.find(plan, "ỦY BAN NHÂN DÂN"), "UBND")
    fires(check(plan), "ND30-CQ-01", "error", "viết tắt 'UBND'")


def test_cq_01_abbreviated_governing_body_is_allowed(check):
    doc = B.new_document()
    B.header(doc, governing="UBND TỈNH HÀ TĨNH", issuer=["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"], so="Số: 12/KH-SNNMT")
    B.title(doc, "KẾ HOẠCH", "Đánh giá sản phẩm OCOP năm 2026")
    B.body(doc, "Nội dung kế hoạch./.")
    assert not findings(check(doc), "ND30-CQ-01")


def test_cq_03_dashes_typed_under_the_issuer(plan, check):
    # "-------" typed in place of the rule (copies from legal-database pages): one CQ-03 finding saying
    # what to do, never a font error on the dashes as if they were the name
    from docx.text.paragraph import Paragraph

    name = B.find(plan, "TỈNH HÀ TĨNH")
    B.remove(Paragraph(name._p.getnext(), name._parent))
    B.insert_after(name, "-------", align="center", first_line=None)
    report = check(plan)
    fires(report, "ND30-CQ-03", contains="gõ bằng dấu gạch thay cho đường kẻ")
    assert not findings(report, "ND30-CQ-02"), [f.found for f in findings(report, "ND30-CQ-02")]


def test_cq_03_issuer_rule_too_long(plan, check):
    from docx.text.paragraph import Paragraph

    p = B.find(plan, "TỈNH HÀ TĨNH")
    rule = Paragraph(p._p.getnext(), p._parent)
    rule.paragraph_format.left_indent = Twips(0)
    rule.paragraph_format.right_indent = Twips(0)
    fires(check(plan), "ND30-CQ-03", "warning", "%")


def test_so_02_leading_zero(plan, check):
    B.set_text(B.find(plan, "Số:"), "Số: 5/KH-UBND")
    fires(check(plan), "ND30-SO-02", "error", "'5'")


def test_so_03_year_in_administrative_number(plan, check):
    B.set_text(B.find(plan, "Số:"), "Số: 35/2026/KH-UBND")
    fires(check(plan), "ND30-SO-03", "error", "2026")


def test_so_03_unknown_and_wrong_abbreviation(plan, check):
    B.set_text(B.find(plan, "Số:"), "Số: 35/KHH-UBND")
    fires(check(plan), "ND30-SO-03", "error", "không có trong Phụ lục III")
    other = B.build_plan()
    B.set_text(B.find(other, "Số:"), "Số: 35/QĐ-UBND")
    fires(check(other), "ND30-SO-03", contains="không khớp")


def test_so_03_third_group_is_warning(plan, check):
    B.set_text(B.find(plan, "Số:"), "Số: 35/KH-UBND-NN")
    f = fires(check(plan), "ND30-SO-03", "warning", "3 nhóm")
    assert all(x.severity == "warning" for x in f)


def test_so_04_spaces_in_symbol(plan, check):
    B.set_text(B.find(plan, "Số:"), "Số: 35/KH - UBND")
    fires(check(plan), "ND30-SO-04", "error", "dấu cách")


def test_so_04_qyd_wrong_case_is_warning(check):
    doc = B.build_plan()
    B.set_text(B.find(doc, "KẾ HOẠCH"), "QUY ĐỊNH")
    B.set_text(B.find(doc, "Số:"), "Số: 35/QYĐ-UBND")
    report = check(doc)
    f = fires(report, "ND30-SO-04", "warning", "QyĐ")
    assert not findings(report, "ND30-SO-03")
    assert f[0].severity == "warning"


def test_so_04_draft_number_allowed(plan, check):
    B.set_text(B.find(plan, "Số:"), "Số:      /KH-UBND")
    report = check(plan)
    assert not findings(report, "ND30-SO-02") and not findings(report, "ND30-SO-04")


def test_so_04_size(plan, check):
    B.find(plan, "Số:").runs[0].font.size = Pt(14)
    fires(check(plan), "ND30-SO-04", contains="cỡ chữ 14")


def test_date_01_abbreviated_place(plan, check):
    B.set_text(B.find(plan, "Hà Tĩnh, ngày"), "TP. Hà Tĩnh, ngày 05 tháng 3 năm 2026")
    fires(check(plan), "ND30-DATE-01", "warning")


def test_date_02_month_zero_is_warning(plan, check):
    B.set_text(B.find(plan, "Hà Tĩnh, ngày"), "Hà Tĩnh, ngày 05 tháng 03 năm 2026")
    report = check(plan)
    f = fires(report, "ND30-DATE-02", "warning", "tháng '03'")
    assert report.errors == 0 and f[0].severity == "warning"
    assert report.exit_code == 0


def test_date_02_day_without_zero_is_error(plan, check):
    B.set_text(B.find(plan, "Hà Tĩnh, ngày"), "Hà Tĩnh, ngày 5 tháng 3 năm 2026")
    report = check(plan)
    fires(report, "ND30-DATE-02", "error", "ngày '5'")
    assert report.exit_code == 1


def test_date_02_month_1_without_zero(plan, check):
    B.set_text(B.find(plan, "Hà Tĩnh, ngày"), "Hà Tĩnh, ngày 15 tháng 1 năm 2026")
    fires(check(plan), "ND30-DATE-02", "error", "tháng '1'")


def test_date_02_draft_blanks_allowed(plan, check):
    B.set_text(B.find(plan, "Hà Tĩnh, ngày"), "Hà Tĩnh, ngày      tháng      năm 2026")
    assert not findings(check(plan), "ND30-DATE-02")


def test_date_03_not_italic_and_right_aligned(plan, check):
    p = B.find(plan, "Hà Tĩnh, ngày")
    p.runs[0].font.italic = False
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    f = fires(check(plan), "ND30-DATE-03", "error")
    assert "không in nghiêng" in f[0].found and "canh phải" in f[0].found
    assert f[0].element.startswith("ô 4")


# ----------------------------------------------------------------------------- title


def test_title_01_not_bold(plan, check):
    B.find(plan, "KẾ HOẠCH").runs[0].font.bold = False
    fires(check(plan), "ND30-TITLE-01", "error", "không in đậm")


def test_title_02_trich_yeu_not_bold_and_no_rule(plan, check):
    p = B.find(plan, "Triển khai")
    p.runs[0].font.bold = False
    rule = p._p.getnext()
    rule.getparent().remove(rule)
    report = check(plan)
    fires(report, "ND30-TITLE-02", contains="không in đậm")
    fires(report, "ND30-TITLE-02", contains="không có đường kẻ")


def test_title_03_cong_van_vv_bold(check):
    doc = B.new_document()
    table = B.header(doc, so="Số: 15/UBND-NL")
    left = table.rows[0].cells[0]
    B.fill(left.add_paragraph(), "V/v triển khai Chương trình OCOP năm 2026", size=12, bold=True, align="center",
           first_line=None, before=6, line=None)
    fill_body = [B.body(doc, B.BODY_TEXT) for _ in range(3)]
    B.body(doc, "Đề nghị các đơn vị thực hiện./.")
    assert fill_body
    report = check(doc)
    assert report.kind == "letter"  # công văn: no tên loại, a "V/v …" trích yếu
    fires(report, "ND30-TITLE-03", contains="in đậm")


def test_title_04_decision_wording(decision, check):
    B.set_text(B.find(decision, "Về việc"), "Công nhận sản phẩm đạt chuẩn OCOP năm 2026")
    fires(check(decision), "ND30-TITLE-04", "warning")


def test_title_04_plan_with_ve_viec(plan, check):
    B.set_text(B.find(plan, "Triển khai"), "Về việc triển khai Chương trình OCOP năm 2026")
    fires(check(plan), "ND30-TITLE-04", "warning")


# ----------------------------------------------------------------------------- body


def test_body_01_can_cu_not_italic_and_last_with_semicolon(decision, check):
    p = B.find(decision, "Căn cứ Luật")
    p.runs[0].font.italic = False
    last = B.find(decision, "Theo đề nghị")
    B.set_text(last, last.text[:-1] + ";")
    report = check(decision)
    fires(report, "ND30-BODY-01", "error", "không in nghiêng")
    fires(report, "ND30-BODY-01", contains="phải là '.'")


def test_body_01_comma_instead_of_semicolon(decision, check):
    p = B.find(decision, "Căn cứ Luật")
    B.set_text(p, p.text[:-1] + ",")
    fires(check(decision), "ND30-BODY-01", contains="phải là ';'")


def test_body_03_body_12pt(plan, check):
    for p in B.paragraphs(plan):
        if p.text.startswith("Tổ chức triển khai"):
            for r in p.runs:
                r.font.size = Pt(12)
    report = check(plan)
    f = fires(report, "ND30-BODY-03", "error", "cỡ chữ 12 pt")
    assert f[0].count > 1 and "định dạng trực tiếp" in f[0].found
    only(report, "ND30-BODY-03")


def test_body_03_alignment_indent_spacing_line(plan, check):
    p = B.find(plan, "Trên đây là")
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.first_line_indent = Twips(0)
    p.paragraph_format.space_before = Pt(0)
    spacing = p._p.pPr.find(qn("w:spacing"))
    spacing.set(qn("w:line"), "480")
    f = fires(check(plan), "ND30-BODY-03")[0].found
    for part in ("canh trái", "lùi đầu dòng 0,00 cm", "cách đoạn 0 pt", "giãn dòng 2,00 dòng"):
        assert part in f, f


def test_body_03_indent_127_and_tolerance(plan, check):
    p = B.find(plan, "Trên đây là")
    p.paragraph_format.first_line_indent = Twips(721)
    assert not findings(check(plan), "ND30-BODY-03")
    p.paragraph_format.first_line_indent = Twips(700)
    fires(check(plan), "ND30-BODY-03", contains="lùi đầu dòng 1,23 cm")


def _style_with_size(doc, half_points: int | None, default_half_points: int):
    """A paragraph style 'NoiDung' with a size (or none) and docDefaults at another size; the
    body paragraphs use it and carry no direct size."""
    from docx.enum.style import WD_STYLE_TYPE

    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rpr.find(qn("w:sz")).set(qn("w:val"), str(default_half_points))
    style = doc.styles.add_style("NoiDung", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = None
    if half_points:
        style.font.size = Pt(half_points / 2)
    for p in B.paragraphs(doc):
        if p.text.startswith("Tổ chức triển khai"):
            p.style = style
            for r in p.runs:
                r._r.rPr.remove(r._r.rPr.find(qn("w:sz")))
    return doc


def test_body_03_size_inherited_from_paragraph_style(plan, check):
    _style_with_size(plan, 24, 28)
    f = fires(check(plan), "ND30-BODY-03", contains="cỡ chữ 12 pt")
    assert "kiểu đoạn 'NoiDung'" in f[0].found


def test_body_03_style_size_beats_docdefaults(plan, check):
    _style_with_size(plan, 28, 24)
    assert not findings(check(plan), "ND30-BODY-03")


def test_body_03_size_from_docdefaults(plan, check):
    _style_with_size(plan, None, 24)
    fires(check(plan), "ND30-BODY-03", contains="docDefaults")


def test_body_03_not_applied_inside_tables(plan, check):
    table = plan.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("Số liệu").font.size = Pt(11)
    last = B.find(plan, "Trên đây là")
    last._p.addprevious(table._tbl)
    assert not findings(check(plan), "ND30-BODY-03")


def test_body_05_article_skipped_and_no_dot(check):
    doc = B.build_decision(articles=4, nhu_dieu=4)
    p = B.find(doc, "Điều 2.")
    p.runs[0].text = "Điều 3. "  # Điều 1, Điều 3, Điều 3, Điều 4
    report = check(doc)
    found = [f.found for f in fires(report, "ND30-BODY-05", "error")]
    assert "điều '3.' sau '1.' (thiếu '2.')" in found and "điều '3.' lặp lại" in found


def test_body_05_article_label_not_bold(decision, check):
    B.find(decision, "Điều 2.").runs[0].font.bold = False
    fires(check(decision), "ND30-BODY-05", contains="không in đậm")


def test_body_05_missing_dot(decision, check):
    B.find(decision, "Điều 2.").runs[0].text = "Điều 2 "
    fires(check(decision), "ND30-BODY-05", contains="thiếu dấu chấm")


def test_body_05_part_with_its_title_on_the_line(decision, check):
    # a title in Vietnamese capitals after "Phần 1." ("NHỮNG", "ĐỊNH") is still a part heading
    B.insert_after(B.find(decision, "QUYẾT ĐỊNH:"), "Phần 1. NHỮNG QUY ĐỊNH CHUNG")
    fires(check(decision), "ND30-BODY-05", contains="đánh số Ả Rập")


def test_body_05_diem_letters_in_vietnamese_order(decision, check):
    p = B.find(decision, "Điều 1.")
    for letter in reversed("abcde"):
        B.insert_after(p, f"{letter}) " + "Sản phẩm thuộc nhóm thực phẩm;")
    fires(check(decision), "ND30-BODY-05", contains="phải là 'đ)'")


def test_body_06_roman_sequence_skipped_and_repeated(plan, check):
    p = B.find(plan, "II. NHIỆM VỤ")
    p.runs[0].text = "III. NHIỆM VỤ, GIẢI PHÁP"
    report = check(plan)
    f = fires(report, "ND30-BODY-06", "error", "thiếu 'II.'")
    assert any("lặp lại" in x.found for x in f)  # the following III. repeats


def test_body_06_muc_title_lowercase(plan, check):
    B.find(plan, "I. MỤC").runs[0].text = "I. Mục đích, yêu cầu"
    fires(check(plan), "ND30-BODY-06", contains="không in hoa")


def test_body_06_auto_numbered_roman_headings_resolved(plan, check):
    """Word auto-numbering (numPr, upperRoman) instead of typed "I." labels: read and accepted."""
    num = B.numbering_definition(plan, "upperRoman", "%1.")
    for p in B.paragraphs(plan):
        for t in ("I. ", "II. ", "III. ", "IV. "):
            if p.text.startswith(t) and p.text[len(t):].isupper():
                p.runs[0].text = p.runs[0].text[len(t):]
                B.number(p, num)
    report = check(plan)
    assert report.findings == [], [(f.rule_id, f.found) for f in report.findings]


def test_body_06_auto_numbered_letters_skip_d_stroke(plan, check):
    """Word's lowerLetter goes a, b, c, d, e: the fifth điểm must be 'đ)' (ND30-BODY-06)."""
    num = B.numbering_definition(plan, "lowerLetter", "%1)")
    anchor = B.find(plan, "Trên đây là")
    anchor._p.addprevious(B.body(plan, "3. Nhiệm vụ cụ thể", bold=True)._p)
    for _ in range(5):
        p = B.body(plan, "Nội dung điểm của kế hoạch;")
        anchor._p.addprevious(p._p)
        B.number(p, num)
    f = fires(check(plan), "ND30-BODY-06", contains="phải là 'đ)'")
    assert "e)" in f[0].found


def test_body_07_missing_end_mark(plan, check):
    p = B.find(plan, "Trên đây là")
    B.set_text(p, p.text.replace("./.", "."))
    report = check(plan)
    fires(report, "ND30-BODY-07", "error")
    only(report, "ND30-BODY-07")


# ----------------------------------------------------------------------------- signature, recipients


def test_sign_01_wrong_prefix_and_not_bold(plan, check):
    p = B.find(plan, "TM. ỦY BAN")
    p.runs[0].text = "T/M ỦY BAN NHÂN DÂN"
    B.find(plan, "PHÓ CHỦ TỊCH").runs[0].font.bold = False
    report = check(plan)
    fires(report, "ND30-SIGN-01", "error", "T/M")
    fires(report, "ND30-SIGN-01", contains="không in đậm")


def test_sign_01_kt_without_deputy_title(plan, check):
    B.remove(B.find(plan, "PHÓ CHỦ TỊCH"))
    fires(check(plan), "ND30-SIGN-01", contains="sau 'KT.'")


def test_sign_02_ubnd_plan_without_tm(plan, check):
    B.remove(B.find(plan, "TM. ỦY BAN"))
    fires(check(plan), "ND30-SIGN-02", "error", "TM. ỦY BAN NHÂN DÂN")


def test_sign_01_authority_lines_fused_into_one(plan, check):
    # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" typed as one line: no line of its own for each part
    B.set_text(B.find(plan, "TM. ỦY BAN"), "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
    B.remove(B.find(plan, "KT. CHỦ TỊCH"))
    B.remove(B.find(plan, "PHÓ CHỦ TỊCH"))
    fires(check(plan), "ND30-SIGN-01", "error", "ghi liền trên một dòng; tách mỗi phần một dòng: 'TM. ỦY BAN NHÂN DÂN' / "
                                                "'KT. CHỦ TỊCH PHÓ CHỦ TỊCH'")


def _chairman_issues(plan) -> None:
    """The plan's opening says the Chủ tịch issues it (Thanh Hóa 36/KH-UBND 2025)."""
    B.insert_after(B.find(plan, "Căn cứ Kế hoạch số 12"), "Chủ tịch Ủy ban nhân dân tỉnh ban hành Kế hoạch "
                   "triển khai Chương trình Mỗi xã một sản phẩm năm 2026 như sau:")


def test_sign_02_chairman_individual_authority_signs_kt_without_tm(plan, check):
    _chairman_issues(plan)
    B.remove(B.find(plan, "TM. ỦY BAN"))
    report = check(plan)
    assert not findings(report, "ND30-SIGN-02"), [(f.rule_id, f.found) for f in report.findings]
    assert report.exit_code == 0, [(f.rule_id, f.found) for f in report.findings]


def test_sign_02_chairman_individual_authority_with_tm(plan, check):
    _chairman_issues(plan)
    fires(check(plan), "ND30-SIGN-02", "error", "TM. ỦY BAN NHÂN DÂN")


def test_sign_02_basis_citing_chairman_act_is_not_individual_authority(plan, check):
    # "Căn cứ Quyết định … của Chủ tịch UBND tỉnh ban hành Quy chế …" cites another act
    B.set_text(B.find(plan, "Căn cứ Kế hoạch số 12"), "Căn cứ Quyết định số 12/QĐ-UBND ngày 10 tháng 01 năm 2026 "
               "của Chủ tịch Ủy ban nhân dân tỉnh ban hành Quy chế làm việc.")
    B.remove(B.find(plan, "TM. ỦY BAN"))
    fires(check(plan), "ND30-SIGN-02", "error", "TM. ỦY BAN NHÂN DÂN")


def test_sign_04_degree_before_name(plan, check):
    B.set_text(B.find(plan, "Nguyễn Văn An"), "TS. Nguyễn Văn An")
    fires(check(plan), "ND30-SIGN-04", "error", "TS.")


def test_sign_04_name_not_bold(decision, check):
    B.find(decision, "Trần Văn Bình").runs[0].font.bold = False
    fires(check(decision), "ND30-SIGN-04", contains="không in đậm")


def test_recip_01_kinh_gui_in_plan(plan, check):
    rule_under_title = B.find(plan, "Triển khai")._p.getnext()
    from docx.text.paragraph import Paragraph

    B.insert_after(Paragraph(rule_under_title, None), "Kính gửi: Sở Nông nghiệp và Môi trường.", align="center",
                   first_line=None)
    report = check(plan)
    fires(report, "ND30-RECIP-01", "error", "Kính gửi")


def test_recip_01_report_kinh_gui_needs_nhu_tren(check):
    assert not findings(check(B.build_report()), "ND30-RECIP-01")
    doc = B.build_report()
    B.set_text(B.find(doc, "- Như trên;"), "- Bộ Nông nghiệp và Môi trường;")
    fires(check(doc), "ND30-RECIP-01", contains="Như trên")


def test_recip_03_label_and_items(plan, check):
    B.find(plan, "Nơi nhận:").runs[0].font.size = Pt(14)
    B.find(plan, "- Thường trực").runs[0].font.size = Pt(13)
    B.set_text(B.find(plan, "- Các sở"), "- Các sở, ban, ngành")
    B.set_text(B.find(plan, "- Lưu"), "- Lưu VT.")
    report = check(plan)
    found = " | ".join(f.found for f in findings(report, "ND30-RECIP-03"))
    for part in ("cỡ chữ 14 pt", "cỡ chữ 11, 13 pt", "không kết thúc bằng ';'", "Lưu"):
        assert part in found, found


def test_recip_03_en_dash_item(plan, check):
    B.set_text(B.find(plan, "- Thường trực"), "– Thường trực Tỉnh ủy;")
    fires(check(plan), "ND30-RECIP-03", contains="gạch ngang dài")


# ----------------------------------------------------------------------------- phụ lục


def _appendix(doc, label: str = "Phụ lục I", italic_link: bool = True, own_numbering: bool = True,
              referenced: bool = True):
    if referenced:  # ND30-APPX-01: the content points to its phụ lục
        B.insert_after(B.find(doc, "Tổ chức triển khai đồng bộ"),
                       f"Danh sách sản phẩm đăng ký tại {label} kèm theo Kế hoạch này.")
    if own_numbering:  # ND30-PAGE-05: a new section whose page numbers restart at 1
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        num_type = OxmlElement("w:pgNumType")
        num_type.set(qn("w:start"), "1")
        section._sectPr.append(num_type)
    else:
        doc.add_page_break()
    B.fill(doc.add_paragraph(), label, bold=True, align="center", first_line=None, before=0, line=None)
    B.fill(doc.add_paragraph(), "DANH SÁCH SẢN PHẨM ĐĂNG KÝ", bold=True, align="center", first_line=None, before=0,
           line=None)
    B.fill(doc.add_paragraph(), "(Kèm theo Kế hoạch số 35/KH-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)",
           italic=italic_link, align="center", first_line=None, before=0, line=None)
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).paragraphs[0].add_run("STT")


def test_appx_02_quiet_and_all_caps_label(plan, check):
    _appendix(plan)
    report = check(plan)
    assert not findings(report, "ND30-APPX-02") and not findings(report, "ND30-APPX-03")
    doc = B.build_plan()
    _appendix(doc, "PHỤ LỤC I")
    fires(check(doc), "ND30-APPX-02", "error", "in hoa toàn bộ")


def test_page_05_appendix_without_own_page_numbers(plan, check):
    _appendix(plan, own_numbering=False)
    fires(check(plan), "ND30-PAGE-05", "warning")


def test_page_05_quiet_with_restarted_numbering(plan, check):
    _appendix(plan)
    assert check(plan).findings == []


def test_appx_03_link_not_italic(plan, check):
    _appendix(plan, italic_link=False)
    fires(check(plan), "ND30-APPX-03", "error", "không in nghiêng")


# ----------------------------------------------------------------------------- decision template


def test_tpl_qd_01_missing_tham_quyen(decision, check):
    B.remove(B.find(decision, "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"))
    fires(check(decision), "ND30-TPL-QD-01", "error", "thẩm quyền")


def test_tpl_qd_01_missing_keyword(decision, check):
    B.remove(B.find(decision, "QUYẾT ĐỊNH:"))
    fires(check(decision), "ND30-TPL-QD-01", contains="QUYẾT ĐỊNH:")


def test_str_01_keyword_without_colon(decision, check):
    B.set_text(B.find(decision, "QUYẾT ĐỊNH:"), "QUYẾT ĐỊNH")
    fires(check(decision), "ND30-STR-01", "error", "'QUYẾT ĐỊNH'")


def test_tpl_qd_02_collective_without_tm(check):
    doc = B.build_decision(authority=("CHỦ TỊCH",))
    fires(check(doc), "ND30-TPL-QD-02", "error", "không có 'TM.'")


def test_tpl_qd_02_individual_authority(check):
    ok = B.build_decision(tham_quyen="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", authority=("CHỦ TỊCH",))
    assert check(ok).findings == []
    bad = B.build_decision(tham_quyen="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH")
    fires(check(bad), "ND30-TPL-QD-02", contains="thẩm quyền cá nhân")


def test_tpl_qd_03_nhu_dieu_points_to_wrong_article(check):
    doc = B.build_decision(articles=4, nhu_dieu=3)
    fires(check(doc), "ND30-TPL-QD-03", "error", "Điều 4")


@pytest.mark.parametrize("articles", [2, 5])
def test_tpl_qd_03_any_number_of_articles(articles, check):
    assert not findings(check(B.build_decision(articles=articles)), "ND30-TPL-QD-03")


# ----------------------------------------------------------------------------- attached


def test_tpl_att_01_own_number_and_date(check):
    doc = B.new_document()
    B.header(doc)
    B.title(doc, "KẾ HOẠCH", "Triển khai Chương trình Mỗi xã một sản phẩm năm 2026", kem_theo=B.KEM_THEO)
    B.body(doc, "Nội dung kế hoạch./.")
    report = check(doc)
    assert report.kind == "attached"
    f = fires(report, "ND30-TPL-ATT-01", "error")
    assert {"văn bản kèm theo có số, ký hiệu riêng", "văn bản kèm theo có địa danh, ngày tháng riêng"} <= {x.found for x in f}


def test_tpl_att_01_link_not_italic(check):
    doc = B.build_attached()
    B.find(doc, "(Kèm theo").runs[0].font.italic = False
    fires(check(doc), "ND30-TPL-ATT-01", contains="không in nghiêng")


def test_tpl_att_01_ban_hanh_kem_theo_accepted(check):
    doc = B.build_attached()
    p = B.find(doc, "(Kèm theo")
    B.set_text(p, p.text.replace("(Kèm theo", "(Ban hành kèm theo"))
    report = check(doc)
    assert report.kind == "attached" and report.findings == []


# ----------------------------------------------------------------------------- kinds


def test_kind_detection_and_override(check):
    assert check(B.build_form()).kind == "form"
    assert check(B.build_certificate()).kind == "certificate"
    assert check(B.build_report()).kind == "report"
    report = check(B.build_plan(), kind="report")
    assert report.kind == "report" and not report.kind_detected
    with pytest.raises(ValueError):
        check(B.build_plan(), kind="legal")


def test_form_only_generic_rules(check):
    doc = B.build_form()
    doc.sections[0].left_margin = Twips(1417)
    report = check(doc)
    only(report, "ND30-PAGE-03")  # 12 pt left-aligned lines without "./." are fine in a form


def test_certificate_rules(check):
    doc = B.build_certificate()
    B.set_text(B.find(doc, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")
    only(check(doc), "ND30-QH-02")


# ----------------------------------------------------------------------------- layouts without tables


def _paragraph_layout_plan():
    """Header and signature typed as two columns with tab stops, no tables."""
    doc = B.new_document()

    def line(runs, **kw):
        kw.setdefault("align", "left")
        return B.fill(doc.add_paragraph(), runs, first_line=None, before=0, line=None, **kw)

    line([("ỦY BAN NHÂN DÂN", {"bold": True, "size": 13}), ("\t", {}),
          ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": True, "size": 13})])
    line([("TỈNH HÀ TĨNH", {"bold": True, "size": 13}), ("\t", {}), (B.TIEU_NGU, {"bold": True})])
    line([("Số: 35/KH-UBND", {"size": 13}), ("\t", {}), (B.DATE, {"italic": True})])
    B.title(doc, "KẾ HOẠCH", "Triển khai Chương trình Mỗi xã một sản phẩm năm 2026")
    for _ in range(3):
        B.body(doc, B.BODY_TEXT)
    B.body(doc, "Các cơ quan, đơn vị tổ chức thực hiện./.")
    line([("Nơi nhận:", {"bold": True, "italic": True, "size": 12}), ("\t", {}), ("TM. ỦY BAN NHÂN DÂN", {"bold": True})])
    line([("- Các sở, ngành;", {"size": 11}), ("\t", {}), ("CHỦ TỊCH", {"bold": True})])
    line([("- Lưu: VT, NL.", {"size": 11})])
    line("")
    line("Nguyễn Văn An", bold=True, align="center")
    return doc


def test_header_and_signature_as_paragraphs(check):
    report = check(_paragraph_layout_plan())
    assert report.kind == "plan"
    # everything is recognised; only the rules under the Tiêu ngữ and the issuer are missing
    assert report.rule_ids() == {"ND30-QH-03", "ND30-CQ-03"}, [(f.rule_id, f.found) for f in report.findings]
    assert {f.excerpt for f in report.findings} == {B.TIEU_NGU, "ỦY BAN NHÂN DÂN"}


def test_paragraph_layout_violations_found(check):
    doc = _paragraph_layout_plan()
    p = B.find(doc, "TỈNH HÀ TĨNH")
    p.runs[2].text = "Độc lập – Tự do – Hạnh phúc"
    B.find(doc, "- Các sở").runs[2].text = "KT. CHỦ TỊCH"
    report = check(doc)
    fires(report, "ND30-QH-02", contains="gạch ngang dài")
    fires(report, "ND30-SIGN-01", contains="sau 'KT.'")


@pytest.mark.parametrize("name", ["ThS. Nguyễn Văn An", "PGS.TS. Nguyễn Văn An", "KS. Nguyễn Văn An"])
def test_sign_04_other_degrees(name, check):
    doc = B.build_plan()
    B.set_text(B.find(doc, "Nguyễn Văn An"), name)
    fires(check(doc), "ND30-SIGN-04", contains="học vị")


def test_so_04_space_around_slash(plan, check):
    B.set_text(B.find(plan, "Số:"), "Số: 35 /KH-UBND")
    fires(check(plan), "ND30-SO-04", contains="quanh dấu '/'")


def test_recip_01_kinh_gui_in_decision_body(decision, check):
    p = B.find(decision, "QUYẾT ĐỊNH:")
    B.insert_after(p, "Kính gửi: Sở Nông nghiệp và Môi trường.")
    fires(check(decision), "ND30-RECIP-01", "error")


def test_decision_with_attached_plan_in_one_file(check):
    """A decision followed (after a page break) by the plan it issues, without its own header
    table: two parts, the second checked as an attached document."""
    doc = B.build_decision()
    p = B.find(doc, "Về việc")
    B.set_text(p, "Ban hành Kế hoạch thực hiện Chương trình OCOP")  # (rule: 40% of the old, longer line)
    doc.add_page_break()
    B.title(doc, "KẾ HOẠCH", "Triển khai Chương trình Mỗi xã một sản phẩm năm 2026",
            kem_theo="(Ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)")
    B.body(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    B.body(doc, B.BODY_TEXT)
    B.body(doc, "Các sở, ngành tổ chức thực hiện")
    report = check(doc)
    assert report.kind == "decision" and len(report.parts) == 2 and "kèm theo" in report.parts[1]
    f = fires(report, "ND30-BODY-07")
    assert f[0].excerpt.startswith("Các sở, ngành")
    assert report.rule_ids() == {"ND30-BODY-07"}, [(x.rule_id, x.found) for x in report.findings]
