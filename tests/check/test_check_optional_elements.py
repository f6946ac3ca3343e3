"""ND30-RECIP-02 (Kính gửi), APPX-01 (pointing to phụ lục), DRAFTER-01 (ô 12), ADDR-01 (ô 13),
MARK-03 (circulation note): each quiet on a correct document and firing on a violation."""
from __future__ import annotations

import pytest
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import builders as B


from builders import fires, quiet


# ----------------------------------------------------------------------------- RECIP-02

MANY = ["- Ủy ban nhân dân tỉnh Hà Tĩnh;", "- Sở Nông nghiệp và Môi trường."]


def test_recip_02_one_and_several_recipients_quiet(check):
    quiet(check(B.build_letter()))
    quiet(check(B.build_letter(kinh_gui=MANY)))
    quiet(check(B.build_report()))  # "Kính gửi: Bộ Nông nghiệp và Môi trường." on one line


def test_recip_02_missing_colon(check):
    doc = B.build_letter()
    p = B.find(doc, "Kính gửi")
    B.set_text(p, p.text.replace("Kính gửi:", "Kính gửi"))
    fires(check(doc), "ND30-RECIP-02", "error", "thiếu dấu hai chấm")


@pytest.mark.parametrize("items, contains", [
    (["- Ủy ban nhân dân tỉnh Hà Tĩnh,", "- Sở Nông nghiệp và Môi trường."], "không kết thúc bằng ';'"),
    (["- Ủy ban nhân dân tỉnh Hà Tĩnh;", "- Sở Nông nghiệp và Môi trường;"], "dòng cuối không kết thúc bằng '.'"),
    (["Ủy ban nhân dân tỉnh Hà Tĩnh;", "- Sở Nông nghiệp và Môi trường."], "không bắt đầu bằng '- '"),
    (["– Ủy ban nhân dân tỉnh Hà Tĩnh;", "– Sở Nông nghiệp và Môi trường."], "gạch ngang dài"),
])
def test_recip_02_list_punctuation(check, items, contains):
    fires(check(B.build_letter(kinh_gui=items)), "ND30-RECIP-02", "error", contains)


def test_recip_02_one_recipient_on_its_own_line(check):
    doc = B.build_letter(kinh_gui=MANY)
    B.remove(B.find(doc, "- Sở Nông nghiệp"))
    fires(check(doc), "ND30-RECIP-02", contains="không ghi cùng dòng")


def test_recip_02_italic_and_upper_case(check):
    doc = B.build_letter()
    p = B.find(doc, "Kính gửi")
    p.runs[0].font.italic = True
    fires(check(doc), "ND30-RECIP-02", contains="in nghiêng")
    doc = B.build_letter()
    p = B.find(doc, "Kính gửi")
    B.set_text(p, "KÍNH GỬI: Ủy ban nhân dân tỉnh Hà Tĩnh.")
    fires(check(doc), "ND30-RECIP-02", contains="viết 'KÍNH GỬI'")


# ----------------------------------------------------------------------------- APPX-01


def _appendix(doc, label: str) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    num_type = OxmlElement("w:pgNumType")
    num_type.set(qn("w:start"), "1")
    section._sectPr.append(num_type)
    B.fill(doc.add_paragraph(), label, bold=True, align="center", first_line=None, before=0, line=None)
    B.fill(doc.add_paragraph(), "DANH SÁCH SẢN PHẨM", bold=True, align="center", first_line=None, before=0, line=None)
    B.fill(doc.add_paragraph(), "(Kèm theo Kế hoạch số 35/KH-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)",
           italic=True, align="center", first_line=None, before=0, line=None)
    doc.add_table(rows=2, cols=3).cell(0, 0).paragraphs[0].add_run("STT")


def _refer(doc, text: str) -> None:
    B.insert_after(B.find(doc, "Tổ chức triển khai đồng bộ"), text)


def test_appx_01_referenced_roman_appendices_quiet(plan, check):
    _refer(plan, "Danh sách sản phẩm tại Phụ lục I và Phụ lục II kèm theo Kế hoạch này.")
    _appendix(plan, "Phụ lục I")
    _appendix(plan, "Phụ lục II")
    quiet(check(plan))


def test_appx_01_appendix_not_referenced(plan, check):
    _appendix(plan, "Phụ lục I")
    fires(check(plan), "ND30-APPX-01", "error", "không chỉ dẫn đến phụ lục")


def test_appx_01_two_appendices_in_arabic_numbers(plan, check):
    _refer(plan, "Danh sách sản phẩm tại Phụ lục 1 và Phụ lục 2 kèm theo Kế hoạch này.")
    _appendix(plan, "Phụ lục 1")
    _appendix(plan, "Phụ lục 2")
    f = fires(check(plan), "ND30-APPX-01", "error", "chữ số La Mã")
    assert len(f) == 2


# ----------------------------------------------------------------------------- DRAFTER-01


def _luu(doc, text: str) -> None:
    B.set_text(B.find(doc, "- Lưu:"), text)


def test_drafter_01_on_the_luu_line_quiet(plan, check):
    _luu(plan, "- Lưu: VT, NL, PL.(300).")
    quiet(check(plan))


def test_drafter_01_on_its_own_line_quiet(plan, check):
    B.insert_after(B.find(plan, "- Lưu:"), "PL.(300)", size=11, align="left", first_line=None, before=0, line=None)
    quiet(check(plan))


@pytest.mark.parametrize("text, contains", [
    ("- Lưu: VT, NL, pl.(300).", "không in hoa"),
    ("- Lưu: VT, NL, PL. (300).", "có dấu cách"),
    ("- Lưu: VT, NL, PL.(ba trăm).", "không phải chữ số Ả Rập"),
])
def test_drafter_01_wrong_code(plan, check, text, contains):
    _luu(plan, text)
    fires(check(plan), "ND30-DRAFTER-01", "error", contains)


def test_drafter_01_own_line_size(plan, check):
    B.insert_after(B.find(plan, "- Lưu:"), "PL.(300)", size=13, align="left", first_line=None, before=0, line=None)
    fires(check(plan), "ND30-DRAFTER-01", contains="cỡ chữ 13")


def test_drafter_01_unit_copies_are_not_a_drafter_code(plan, check):
    """The decree's own "- Lưu: VT, HC (2)." counts the unit's file copies."""
    _luu(plan, "- Lưu: VT, HC (2).")
    quiet(check(plan))


# ----------------------------------------------------------------------------- ADDR-01

CONTACT = "Địa chỉ: 01 Nguyễn Du, TP Hà Tĩnh; Điện thoại: 0239.3855555; Email: ubnd@hatinh.gov.vn"


def _contact(doc, size: float = 11, line: bool = True, where: str = "first"):
    section = doc.sections[0]
    footer = section.first_page_footer if where == "first" else section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    B.fill(p, CONTACT, size=size, align="left", first_line=None, before=0, line=None)
    if line:
        B.borders(p, ("top",))
    return p


def test_addr_01_first_page_contact_line_quiet(plan, check):
    _contact(plan)
    quiet(check(plan))


def test_addr_01_without_a_line_above(plan, check):
    _contact(plan, line=False)
    fires(check(plan), "ND30-ADDR-01", "error", "không có đường kẻ")


def test_addr_01_short_line_above(plan, check):
    p = _contact(plan)
    p.paragraph_format.left_indent = B.Twips(3000)
    fires(check(plan), "ND30-ADDR-01", contains="đường kẻ phía trên dài")


def test_addr_01_size(plan, check):
    _contact(plan, size=13)
    fires(check(plan), "ND30-ADDR-01", contains="cỡ chữ 13")


def test_addr_01_on_every_page(plan, check):
    _contact(plan, where="default")
    fires(check(plan), "ND30-ADDR-01", contains="mọi trang")


# ----------------------------------------------------------------------------- MARK-03


def _note(doc, text: str = "LƯU HÀNH NỘI BỘ", box: bool = True, bold: bool = True):
    first = doc.element.body[0]
    from docx.text.paragraph import Paragraph

    new = OxmlElement("w:p")
    first.addprevious(new)
    p = B.fill(Paragraph(new, doc._body), text, size=13, bold=bold, align="center", first_line=None, before=0,
               line=None)
    if box:
        B.borders(p)
    return p


def test_mark_03_boxed_note_quiet(plan, check):
    _note(plan)
    quiet(check(plan))


def test_mark_03_without_a_frame(plan, check):
    _note(plan, box=False)
    fires(check(plan), "ND30-MARK-03", "error", "không đặt trong khung")


def test_mark_03_not_bold_not_upper(plan, check):
    _note(plan, text="Xem xong trả lại", bold=False)
    f = fires(check(plan), "ND30-MARK-03")
    assert "không in đậm" in f[0].found and "không in hoa" in f[0].found


# ----------------------------------------------------------------------------- kinds of the new layouts


def test_letter_recipients_start_with_nhu_tren(check):  # ND30-RECIP-01
    doc = B.build_letter()
    B.remove(B.find(doc, "- Như trên;"))
    fires(check(doc), "ND30-RECIP-01", "error", "- Như trên;")


def test_minutes_and_letter_can_be_asked_for(check):
    report = check(B.build_minutes(), kind="minutes")
    assert report.kind == "minutes" and not report.kind_detected and report.findings == []
    report = check(B.build_letter(), kind="letter")
    assert report.kind == "letter" and report.findings == []
