"""False findings reported by the engineers of the documents, each reproduced on a built
document (quiet now), next to the violation the rule must still find."""
from __future__ import annotations

import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Pt, Twips

import builders as B
from ocop_docs.nd30.metrics import text_width_twips


from builders import findings, fires, quiet


# ----------------------------------------------------------------------------- 1. wrapped lines
# ND30-TITLE-02 / CQ-03: a line wider than its container wraps; its longest printed line is the
# container (text area of its own section, or cell width minus cell margins).

LONG_TRICH_YEU = ("Về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm thuộc Chương trình Mỗi xã một sản phẩm "
                  "tỉnh Hà Tĩnh năm 2026 và Tổ tư vấn giúp việc Hội đồng")


def _decision_with_title(trich_yeu: str, rule_of: int | None = None):
    """A decision whose trích yếu is ``trich_yeu`` and whose rule is 40% of ``rule_of`` twips
    (default: of the printed line, capped at the text width, as the engine renders it)."""
    doc = B.build_decision()
    p = B.find(doc, "Về việc")
    B.set_text(p, trich_yeu)
    rule = p._p.getnext()
    rule.getparent().remove(rule)
    width = rule_of if rule_of is not None else min(text_width_twips(trich_yeu, 14, True), B.TEXT_W)
    from docx.text.paragraph import Paragraph

    new = B.insert_after(Paragraph(p._p, p._parent))
    B.rule(new, int(width * 0.4), B.TEXT_W)
    return doc


def test_wrapped_trich_yeu_is_measured_at_the_text_width(check):
    unwrapped = text_width_twips(LONG_TRICH_YEU, 14, True)
    assert unwrapped > 1.3 * B.TEXT_W  # two printed lines
    quiet(check(_decision_with_title(LONG_TRICH_YEU)))


def test_wrapped_trich_yeu_with_a_rule_sized_on_the_unwrapped_line_fires(check):
    """40% of the 23 cm unwrapped line is 56% of the 16.5 cm printed line."""
    doc = _decision_with_title(LONG_TRICH_YEU, rule_of=text_width_twips(LONG_TRICH_YEU, 14, True))
    f = fires(check(doc), "ND30-TITLE-02", "error", "dòng trích yếu (16,50 cm)")
    assert "% dòng trích yếu" in f[0].found


def test_wrapped_trich_yeu_is_capped_by_its_own_section(check):
    """A landscape list after the decision (as in the recognition decisions) does not widen the
    decision's own text area."""
    doc = _decision_with_title(LONG_TRICH_YEU)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(B.PAGE_H), Twips(B.PAGE_W)
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).paragraphs[0].add_run("STT").font.size = Pt(13)
    report = check(doc)
    assert not findings(report, "ND30-TITLE-02"), [f.found for f in report.findings]


LONG_ISSUER = "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH HÀ TĨNH"


def test_wrapped_issuer_in_its_cell_is_measured_at_the_cell_width(check):
    """One paragraph that wraps in the 6.35 cm left column: 40% of the cell's inner width is right."""
    doc = B.new_document()
    B.header(doc, issuer=[LONG_ISSUER])
    B.title(doc, "KẾ HOẠCH", "Triển khai Chương trình Mỗi xã một sản phẩm năm 2026")
    B.body(doc, B.BODY_TEXT)
    B.body(doc, "Các cơ quan, đơn vị tổ chức thực hiện./.")
    B.signature(doc, ["- Các sở, ngành;", "- Lưu: VT, NL."], ["TM. HỘI ĐỒNG", "CHỦ TỊCH"], "Nguyễn Văn An")
    assert text_width_twips(LONG_ISSUER, 13, True) > B.LEFT_COL
    report = check(doc)
    assert not findings(report, "ND30-CQ-03"), [f.found for f in findings(report, "ND30-CQ-03")]


def test_issuer_rule_sized_on_the_unwrapped_name_fires(check):
    doc = B.new_document()
    table = B.header(doc, issuer=[LONG_ISSUER])
    rule = next(p for p in table.rows[0].cells[0].paragraphs if not p.text)
    room = B.LEFT_COL - 2 * B.CELL_MARGIN
    side = (room - int(text_width_twips(LONG_ISSUER, 13, True) * 0.4)) // 2
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Twips(side)
    B.title(doc, "KẾ HOẠCH", "Triển khai Chương trình Mỗi xã một sản phẩm năm 2026")
    B.body(doc, "Các cơ quan, đơn vị tổ chức thực hiện./.")
    fires(check(doc), "ND30-CQ-03", "warning", "dòng tên cơ quan ban hành")


# ----------------------------------------------------------------------------- 2. blank date line


@pytest.mark.parametrize("line", [
    "……, ngày      tháng      năm 20...",
    "…………, ngày …… tháng …… năm 20……",
    "..........., ngày ...... tháng ...... năm 2026",
    "Hà Tĩnh, ngày      tháng      năm 20...",
])
def test_blank_date_line_of_a_print_ready_form_is_accepted(plan, check, line):
    """ND30-DATE-02 draft mode: day and month left blank; the place may then be dots, as in the
    decree's own samples, and the year "20..."."""
    B.set_text(B.find(plan, "Hà Tĩnh, ngày"), line)
    report = check(plan)
    assert not {"ND30-DATE-01", "ND30-DATE-02", "ND30-DATE-03"} & report.rule_ids(), \
        [(f.rule_id, f.found) for f in report.findings]


@pytest.mark.parametrize("line, rule_id, severity, contains", [
    ("……, ngày 05 tháng 3 năm 2026", "ND30-DATE-01", "warning", "địa danh để trống"),
    ("……, ngày 5 tháng      năm 20...", "ND30-DATE-02", "error", "ngày '5'"),
    ("Hà Tĩnh, ngày 05 tháng 3 năm 20...", "ND30-DATE-02", "error", "năm '20...'"),
    ("Hà Tĩnh, ngày 05 tháng 3 năm 26", "ND30-DATE-02", "error", "không đủ 4 chữ số"),
    ("Hà Tĩnh, ngày 05 tháng ba năm 2026", "ND30-DATE-02", "error", "tháng 'ba' không phải chữ số"),
    ("Hà Tĩnh ngày 05 tháng 3 năm 2026", "ND30-DATE-03", "error", "thiếu dấu phẩy"),
])
def test_filled_date_lines_are_still_checked(plan, check, line, rule_id, severity, contains):
    B.set_text(B.find(plan, "Hà Tĩnh, ngày"), line)
    fires(check(plan), rule_id, severity, contains)


def test_fill_in_lines_of_a_blank_form_are_not_body_paragraphs(plan, check):
    """"1. Tên chủ thể: ……………" lines of a print-ready blank (left-aligned, no indent, 3 pt) and
    the label line that introduces them are form lines, not ND30-BODY-03 paragraphs."""
    anchor = B.find(plan, "Tổ chức triển khai đồng bộ")
    lines = ["1. Tên chủ thể: …………………………………………", "2. Người đại diện:", "- Họ tên: ……………………………………",
             "- Địa chỉ: ..........................................................."]
    for text in reversed(lines):
        B.insert_after(anchor, text, align="left", first_line=None, before=3)
    assert not findings(check(plan), "ND30-BODY-03")


def test_body_paragraph_laid_out_like_a_form_line_still_fires(plan, check):
    B.insert_after(B.find(plan, "Tổ chức triển khai đồng bộ"), "2. Người đại diện:", align="left", first_line=None,
                   before=3)
    fires(check(plan), "ND30-BODY-03", "error", "canh trái")


def test_blank_commune_report_passes_as_detected(tmp_path):
    from ocop_docs.check import check_file
    from ocop_docs.render.forms import render_form

    out = render_form("mau-03", tmp_path / "mau-03.docx", blank=True)
    report = check_file(out)
    assert report.kind == "report"
    assert [f for f in report.findings if f.severity == "error"] == [], [(f.rule_id, f.found) for f in report.findings]


# ----------------------------------------------------------------------------- 3. biên bản


def test_minutes_are_detected_and_their_signatures_read(check):
    report = check(B.build_minutes())
    assert report.kind == "minutes"
    quiet(report)


def test_minutes_secretary_name_is_a_signature_not_content(check):
    doc = B.build_minutes()
    B.find(doc, "Lê Văn Cường").runs[0].font.bold = False
    report = check(doc)
    f = fires(report, "ND30-SIGN-04", "error", "không in đậm")
    assert f[0].excerpt == "Lê Văn Cường"
    assert not findings(report, "ND30-BODY-07") and not findings(report, "ND30-SIGN-01")


def test_minutes_both_authority_lines_are_checked(check):
    doc = B.build_minutes()
    B.find(doc, "THƯ KÝ").runs[0].font.bold = False
    f = fires(check(doc), "ND30-SIGN-01", "error", "không in đậm")
    assert f[0].excerpt == "THƯ KÝ"


def test_minutes_end_mark_is_looked_for_in_the_content(check):
    doc = B.build_minutes()
    p = B.find(doc, "Cuộc họp kết thúc")
    B.set_text(p, p.text.replace("./.", "."))
    f = fires(check(doc), "ND30-BODY-07", "error")
    assert f[0].excerpt.startswith("Cuộc họp kết thúc")


def test_minutes_recipients_under_the_signatures_are_checked(check):
    doc = B.build_minutes()
    B.set_text(B.find(doc, "- Thành viên Hội đồng;"), "- Thành viên Hội đồng,")
    fires(check(doc), "ND30-RECIP-03", "error", "không kết thúc bằng ';'")


def test_minutes_recipients_before_the_secretary_in_one_column(check):
    """Mẫu 1.9 in the decree stacks THƯ KÝ … name, then Nơi nhận, in the left column."""
    doc = B.build_minutes()
    table = doc.tables[-1]
    left = table.rows[0].cells[0]
    for p in [p for p in doc.paragraphs if p.text.startswith(("Nơi nhận", "- "))]:
        B.remove(p)
    B.fill(left.add_paragraph(), "Nơi nhận:", size=12, bold=True, italic=True, align="left", first_line=None,
           before=12, line=None)
    B.fill(left.add_paragraph(), "- Lưu: VT, Hồ sơ.", size=11, align="left", first_line=None, before=0, line=None)
    report = check(doc)
    quiet(report)
    B.find(doc, "Lê Văn Cường").runs[0].font.bold = False
    fires(check(doc), "ND30-SIGN-04", contains="không in đậm")


def test_minutes_render_from_the_sample_and_pass(tmp_path):
    from ocop_docs.check import check_file
    from ocop_docs.io import load_spec
    from ocop_docs.render import render_spec
    from testpaths import SAMPLES

    out = render_spec(load_spec(SAMPLES / "forms" / "bien-ban-hoi-dong-ha-tinh.yaml"), tmp_path / "bb.docx")
    report = check_file(out)
    assert report.kind == "minutes"
    assert [f for f in report.findings if f.severity == "error"] == [], [(f.rule_id, f.found) for f in report.findings]


def test_a_results_table_in_the_body_is_not_a_signature(check):
    """A data table whose cells hold upper-case headers and names is content, not signatures."""
    doc = B.build_minutes()
    anchor = B.find(doc, "Cuộc họp kết thúc")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).paragraphs[0].add_run("TÊN SẢN PHẨM")
    table.cell(1, 0).paragraphs[0].add_run("Cam Vũ Quang")
    anchor._p.addprevious(table._tbl)
    report = check(doc)
    assert not findings(report, "ND30-SIGN-01") and not findings(report, "ND30-BODY-07")


# ----------------------------------------------------------------------------- 4. "Thực hiện" in a công văn


def test_thuc_hien_in_a_letter_is_content(check):
    report = check(B.build_letter())
    assert report.kind == "letter"
    quiet(report)


def test_can_cu_in_a_letter_is_content_too(check):
    doc = B.build_letter(first_body="Căn cứ Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2026 của Ủy ban nhân dân "
                                    "tỉnh, Ủy ban nhân dân xã Vũ Quang đề nghị đánh giá các sản phẩm sau.")
    quiet(check(doc))


def test_thuc_hien_before_the_first_heading_of_a_plan_is_a_basis(plan, check):
    """In a plan the bases block keeps its "Thực hiện …;" lines: roman is still an error."""
    B.insert_after(B.find(plan, "Căn cứ Quyết định số 148"),
                   "Thực hiện Kế hoạch số 20/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh;")
    f = fires(check(plan), "ND30-BODY-01", "error", "không in nghiêng")
    assert f[0].excerpt.startswith("Thực hiện")


def test_thuc_hien_after_the_first_heading_of_a_plan_is_content(plan, check):
    B.insert_after(B.find(plan, "1. Mục đích"),
                   "Thực hiện Kế hoạch số 20/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh, các sở, "
                   "ngành rà soát sản phẩm tiềm năng.")
    quiet(check(plan))


# ----------------------------------------------------------------------------- 5. certificates


def _coloured_certificate():
    doc = B.build_certificate()
    B.color(B.find(doc, "GIẤY CHỨNG NHẬN"), "C00000")
    B.color(B.find(doc, "Sản phẩm đạt chuẩn"), "1F3864")
    B.fill(doc.add_paragraph(), "★ ★ ★ ★", size=34, align="center", first_line=None, before=6, line=None)
    B.color(B.find(doc, "★"), "D08C00")
    return doc


def test_certificate_colours_are_its_design(check):
    report = check(_coloured_certificate())
    assert report.kind == "certificate"
    quiet(report)


def test_certificate_font_is_still_times_new_roman(check):
    doc = _coloured_certificate()
    B.find(doc, "GIẤY CHỨNG NHẬN").runs[0].font.name = "Arial"
    f = fires(check(doc), "ND30-FONT-01", "error", "Arial")
    assert all("màu" not in x.found for x in f)


def test_certificate_quoc_hieu_style_is_still_checked(check):
    doc = _coloured_certificate()
    B.find(doc, "CỘNG HÒA").runs[0].font.bold = False
    fires(check(doc), "ND30-QH-01", "error", "không in đậm")


def test_colour_in_an_nd30_document_still_fires(plan, check):
    B.color(B.find(plan, "KẾ HOẠCH"), "C00000")
    fires(check(plan), "ND30-FONT-01", "error", "C00000")


def test_minutes_drafter_code_under_the_recipients(check):  # ND30-DRAFTER-01 in Mẫu 1.9
    doc = B.build_minutes()
    B.insert_after(B.find(doc, "- Lưu: VT, Hồ sơ."), "HĐ.(10)", size=11, align="left", first_line=None, before=0,
                   line=None)
    quiet(check(doc))
    B.set_text(B.find(doc, "HĐ.(10)"), "hđ.(10)")
    fires(check(doc), "ND30-DRAFTER-01", contains="không in hoa")
