"""The one recogniser of the parts of an ND30 document (nd30/anatomy.py), on lines as real copies
print them: capitals or lower case, diacritics lost, a colon missing, prefixes spelt loosely."""
from __future__ import annotations

import pytest

from ocop_docs.nd30 import anatomy
from ocop_docs.nd30.anatomy import classify


@pytest.mark.parametrize("text", [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "CONG HOA XA HOI CHU NGHIA VIET NAM", "CỘNG  HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM",
])
def test_quoc_hieu(text):  # ô 1
    assert anatomy.is_quoc_hieu(text)
    assert classify(text) == "quoc_hieu"


def test_quoc_hieu_split_over_two_lines():
    assert not anatomy.is_quoc_hieu("CỘNG HÒA XÃ HỘI")
    assert anatomy.is_quoc_hieu("CỘNG HÒA XÃ HỘI", whole=False)
    # both columns of the header typed on one line; a sentence that quotes it opens otherwise
    assert anatomy.is_quoc_hieu("UBND HUYỆN BẾN CẦU    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", whole=False)
    assert not anatomy.is_quoc_hieu("Mẫu dòng đầu: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", whole=False, at_start=True)
    assert anatomy.is_quoc_hieu("Cộng hòa xã hội", whole=False, at_start=True)
    assert not anatomy.is_quoc_hieu("Cộng đồng dân cư", whole=False)


@pytest.mark.parametrize("text", [
    "Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "Độc lập – Tự do – Hạnh phúc", "Độc lập—Tự do—Hạnh phúc",
])
def test_tieu_ngu(text):
    assert anatomy.is_tieu_ngu(text)
    assert classify(text) == "tieu_ngu"


def test_tieu_ngu_part_only_when_asked():
    # "hạnh phúc" in running text is no motto; under the Quốc hiệu a split half is
    assert not anatomy.is_tieu_ngu("xây dựng cuộc sống ấm no, hạnh phúc")
    assert anatomy.is_tieu_ngu("Hạnh phúc", whole=False) and anatomy.is_tieu_ngu("Độc lập - Tự do -", whole=False)


@pytest.mark.parametrize("text", [
    "Số: 35/KH-UBND", "Số 2891/QĐ-UBND", "Số: /KH-UBND", "Số:", "Số: …/KH-UBND", "SỐ: 12/BC-UBND", "so: 05/KH-UBND",
    "Số: 05/2020/QĐ-UBND", "Số:.../QĐ-UBND",
])
def test_so_line(text):  # ô 3
    assert anatomy.is_so_line(text)
    assert classify(text) == "so_ky_hieu"


@pytest.mark.parametrize("text", ["Sở Nông nghiệp và Phát triển nông thôn", "SỞ TÀI CHÍNH", "Số lượng sản phẩm OCOP"])
def test_not_so_line(text):
    assert not anatomy.is_so_line(text)


def test_so_re_reads_number_year_symbol():
    m = anatomy.SO_RE.search("Số: 05/2020/QĐ-UBND")
    assert (m.group("number"), m.group("year"), m.group("symbol")) == ("05", "2020", "QĐ-UBND")
    m = anatomy.SO_RE.search("Số:   /KH - UBND")
    assert m.group("number").strip() == "" and m.group("symbol") == "KH - UBND"


@pytest.mark.parametrize("text", ["V/v triển khai Chương trình OCOP", "V/V: đăng ký sản phẩm", "v/v báo cáo kết quả"])
def test_vv(text):  # ô 5b
    assert anatomy.is_vv(text)
    assert classify(text) == "trich_yeu_cong_van"


@pytest.mark.parametrize("text", [
    "Bến Cầu, ngày 05 tháng 3 năm 2024", "Hà Tĩnh, ngày  tháng  năm 2026", "Tây Ninh, ngay 05 thang 3 nam 2024",
    "TP. Hồ Chí Minh, ngày … tháng … năm 20…",
])
def test_place_date_line(text):  # ô 4
    assert anatomy.has_date(text)
    assert classify(text) == "dia_danh_ngay"
    assert classify(text, zone="body") is None  # a date in a sentence of the content is content


def test_date_re_reads_the_date():
    m = anatomy.DATE_RE.search("Hà Nội, ngày 15 tháng 12 năm 2020")
    assert (m.group("day"), m.group("month"), m.group("year")) == ("15", "12", "2020")


@pytest.mark.parametrize("text, found", [
    ("KẾ HOẠCH", ("Kế hoạch", "nd30")), ("Kế hoạch", ("Kế hoạch", "nd30")), ("KE HOACH", ("Kế hoạch", "nd30")),
    ("QUYẾT ĐỊNH", ("Quyết định", "nd30")), ("QUYẾT ĐỊNH (DỰ THẢO)", ("Quyết định", "nd30")), ("KẾ HOẠCH (Dự thảo lần 2)", ("Kế hoạch", "nd30")),
    ("KẾ HOẠCH.", ("Kế hoạch", "nd30")), ("DỰ THẢO", None),
    ("TỜ TRÌNH", ("Tờ trình", "nd30")), ("NGHỊ ĐỊNH", ("Nghị định", "legal")),
    ("GIẤY CHỨNG NHẬN SẢN PHẨM OCOP", ("Giấy chứng nhận", "certificate")),
    ("PHIẾU ĐÁNH GIÁ SẢN PHẨM", ("Phiếu đánh giá", "form")),
    ("Giấy chứng nhận sản phẩm", None),  # a certificate title is printed in capitals
    ("Kế hoạch thực hiện năm 2024", None), ("QUYẾT ĐỊNH:", None),
])
def test_doc_type(text, found):  # ô 5a
    assert anatomy.doc_type_of(text) == found
    if found:
        assert classify(text) == "ten_loai"


@pytest.mark.parametrize("text", [
    "(Kèm theo Quyết định số 794/QĐ-UBND ngày 24/3/2020 của UBND tỉnh Quảng Nam)",
    "(Ban hành kèm theo Quyết định số 12/QĐ-UBND)", "( Ban hanh kem theo Quyet dinh so 12/QD-UBND )",
])
def test_kem_theo(text):
    assert anatomy.is_kem_theo(text)
    assert classify(text) == "kem_theo"


def test_kem_theo_needs_its_bracket():
    # "Kèm theo Kế hoạch này là …" opening a sentence of the content is no kèm theo line
    assert not anatomy.is_kem_theo("Kèm theo Kế hoạch này là các biểu mẫu")


@pytest.mark.parametrize("text, part", [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "can_cu"),
    ("CĂN CỨ Luật Ban hành văn bản quy phạm pháp luật;", "can_cu"),
    ("Can cu Nghi dinh so 30/2020/ND-CP;", "can_cu"),
    ("Thực hiện Quyết định số 919/QĐ-TTg ngày 01/8/2022;", "can_cu"),
    ("Xét Tờ trình số 45/TTr-SNN ngày 02/3/2024;", "can_cu"),
    ("Theo đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn.", "de_nghi"),
    ("Xét đề nghị của Trưởng phòng Kinh tế.", "de_nghi"),
    ("theo de nghi cua Chanh Van phong", "de_nghi"),
])
def test_bases_and_proposal(text, part):  # ô 6, ND30-BODY-01
    assert anatomy.is_basis(text)
    assert anatomy.is_proposal(text) == (part == "de_nghi")
    assert classify(text) == part


def test_basis_verbs_are_the_printed_forms():
    assert anatomy.BASIS_VERBS == ("Căn cứ", "Thực hiện", "Theo đề nghị của", "Xét đề nghị của")
    assert not anatomy.is_basis("Trên đây là Kế hoạch …")


@pytest.mark.parametrize("text", ["QUYẾT ĐỊNH:", "QUYẾT ĐỊNH", "Quyết định :", "QUYET DINH:", "QUYẾT NGHỊ:"])
def test_enacting_word(text):
    assert anatomy.is_enacting(text)
    assert not anatomy.is_enacting("QUYẾT ĐỊNH: phê duyệt")


@pytest.mark.parametrize("text, kind, number", [
    ("Điều 1. Ban hành kèm theo Quyết định này …", "dieu", "1"), ("ĐIỀU 12 Hiệu lực", "dieu", "12"),
    ("I. MỤC ĐÍCH, YÊU CẦU", "muc", "I"), ("1. Mục đích", "khoan", "1"), ("a) Sản phẩm", "diem", "a"),
    ("Chương II", "chuong", "II"), ("PHẦN I", "phan", "I"), ("Phần I. NHỮNG QUY ĐỊNH CHUNG", "phan", "I"),
    ("Chương III - TỔ CHỨC THỰC HIỆN", "chuong", "III"), ("Mục 2", "muc_label", "2"),
])
def test_headings(text, kind, number):
    found = anatomy.heading_of(text)
    assert found is not None and found[:2] == (kind, number)
    assert classify(text) == kind


def test_heading_label_length():
    assert anatomy.heading_of("Điều 1. Phạm vi")[2] == len("Điều 1.") and anatomy.heading_of("1. Mục đích")[2] == 3
    assert anatomy.heading_of("2023 là năm") is None and anatomy.heading_of("Ia Grai") is None
    assert anatomy.heading_of("Phần 2. Những việc còn lại") is None  # a part's title is in capitals


@pytest.mark.parametrize("text", ["PHỤ LỤC", "Phụ lục II", "PHỤ LỤC SỐ 3", "Phu luc 2a", "Phụ lục I."])
def test_appendix_label(text):
    assert anatomy.is_appendix_label(text)
    assert classify(text) == "phu_luc_label"
    assert not anatomy.is_appendix_label("Phụ lục kèm theo gồm các biểu")


@pytest.mark.parametrize("text, prefix, rest", [
    ("TM. ỦY BAN NHÂN DÂN", "TM", "ỦY BAN NHÂN DÂN"), ("KT. CHỦ TỊCH", "KT", "CHỦ TỊCH"),
    ("KT . CHỦ TỊCH", "KT", "CHỦ TỊCH"), ("Q. CHÁNH VĂN PHÒNG", "Q", "CHÁNH VĂN PHÒNG"),
    ("TL. CHỦ TỊCH", "TL", "CHỦ TỊCH"), ("TUQ. GIÁM ĐỐC", "TUQ", "GIÁM ĐỐC"),
    ("T/M ỦY BAN NHÂN DÂN", "TM", "ỦY BAN NHÂN DÂN"), ("K/T CHỦ TỊCH", "KT", "CHỦ TỊCH"),
    ("KT CHỦ TỊCH", "KT", "CHỦ TỊCH"), ("TM.", "TM", ""),
])
def test_authority_prefixes(text, prefix, rest):  # ô 7a, ND30-SIGN-01
    assert anatomy.authority_of(text) == (prefix, rest)
    assert classify(text) == "chuc_vu_ky"


@pytest.mark.parametrize("text", ["Kt chủ tịch", "KTXH phát triển", "Tm", "Tổ chức thực hiện", "Q huyện 1 báo cáo"])
def test_no_authority_prefix(text):
    # a loose spelling counts only on a line in capitals; a word that merely begins with the letters never
    assert anatomy.authority_of(text) is None


def test_garbled_authority():
    assert anatomy.garbled_authority("Ư. CHỦ TỊCH") == "CHỦ TỊCH"
    assert anatomy.garbled_authority("KT. CHỦ TỊCH") is None  # a sound prefix
    assert anatomy.garbled_authority("II. NỘI DUNG") is None  # a Roman numeral
    assert classify("Ư. CHỦ TỊCH") == "chuc_vu_ky"


@pytest.mark.parametrize("text", ["PHÓ CHỦ TỊCH", "CHỦ TỊCH", "GIÁM ĐỐC SỞ NÔNG NGHIỆP", "Phó Giám đốc", "THƯ KÝ"])
def test_signer_title(text):
    assert anatomy.is_signer_title(text)


def test_signer_title_in_the_tail_only():
    assert classify("PHÓ CHỦ TỊCH", zone="tail") == "chuc_vu"
    assert classify("PHÓ CHỦ TỊCH") is None


@pytest.mark.parametrize("text, yes", [
    ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", True), ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BẾN CẦU", True),
    ("BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", True), ("Ủy ban nhân dân tỉnh Hà Tĩnh", True),
    ("Bổ sung nhiệm vụ năm 2024", False), ("ĐẠI HỘI ĐOÀN VIÊN", False),
    ("BAN HÀNH KẾ HOẠCH THỰC HIỆN", False), ("HỘI NGHỊ TỔNG KẾT", False),
])
def test_issuing_authority(text, yes):
    assert anatomy.is_issuing_authority(text) is yes


def test_body_names_in_the_header():
    assert anatomy.is_body_head("SỞ KHOA HỌC VÀ CÔNG NGHỆ") and anatomy.is_body_head("UBND HUYỆN BẾN CẦU")
    assert not anatomy.is_body_head("BAN") and not anatomy.is_body_head("TỔ CHỨC THỰC HIỆN")
    assert classify("ỦY BAN NHÂN DÂN", zone="header") == "co_quan"
    assert classify("ỦY BAN NHÂN DÂN", zone="body") is None


@pytest.mark.parametrize("text", ["Nơi nhận:", "Nơi nhận", "NƠI NHẬN:", "Noi nhan:", "Nơi nhận: - Như Điều 3;", "Nơi  nhận :"])
def test_noi_nhan(text):  # ô 9b
    assert anatomy.is_noi_nhan(text)
    assert classify(text) == "noi_nhan_label"


@pytest.mark.parametrize("text", ["- Lưu: VT, KT.", "- Lưu VT.", "Lưu: VT", "- Lưu: VT, NN(02).", "- LƯU: VT"])
def test_luu(text):
    assert anatomy.is_luu(text)
    assert classify(text) == "luu"
    assert anatomy.LUU_ITEM_RE.match(text).group("archive").startswith("VT")


def test_luu_is_not_a_word_of_the_content():
    assert not anatomy.is_luu("Lưu ý: các xã nộp hồ sơ trước ngày 30/6")
    assert not anatomy.is_luu("- Lưu trữ hồ sơ sản phẩm")


@pytest.mark.parametrize("text", ["Kính gửi: Ủy ban nhân dân các xã", "Kính gửi", "KÍNH GỬI:", "Kinh gui: Sở Tài chính"])
def test_kinh_gui(text):  # ô 9a
    assert anatomy.is_kinh_gui(text)
    assert classify(text) == "kinh_gui"


@pytest.mark.parametrize("text, yes", [("______", True), ("-------", True), ("___ ___", True), ("--", False),
                                       ("- Như trên;", False), ("", False)])
def test_rules(text, yes):
    assert anatomy.is_rule(text) is yes
    if yes:
        assert classify(text) == "duong_ke"


def test_typed_rule_is_underscores_alone():
    assert anatomy.is_rule("______", typed=True) and anatomy.is_rule("  ____ ", typed=True)
    assert not anatomy.is_rule("-------", typed=True) and not anatomy.is_rule("_ _ _", typed=True)


def test_content_is_no_part():
    for text in ("Năm 2024, toàn tỉnh có 45 sản phẩm được công nhận.", "Nguyễn Văn An", ""):
        assert classify(text) is None
    with pytest.raises(ValueError):
        classify("KẾ HOẠCH", zone="footer")
