"""What a website wraps around a copied document: kept as evidence, never as the document's text."""
from __future__ import annotations

from datetime import date

from ocop_docs.parse import parse_text
from ocop_docs.parse.lines import Line
from ocop_docs.parse.site import strip_site

DECISION = """ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 415/QĐ-UBND
Tuyên Quang, ngày 05 tháng 3 năm 2021
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn,
"""


def test_two_pairs_of_the_metadata_table_on_one_line_are_two_values():
    lines = [Line(t) for t in ("Số hiệu: 878/QĐ-UBND Loại văn bản: Quyết định",
                               "Nơi ban hành: Tỉnh Hòa Bình Người ký: Nguyễn Văn Dũng",
                               "Ngày ban hành: 26/04/2019 Ngày hiệu lực: Đang cập nhật", *DECISION.splitlines())]
    kept, meta = strip_site(lines)
    assert meta.values["number"] == "878/QĐ-UBND" and meta.values["doc_type"] == "Quyết định"
    assert meta.values["issuer"] == "Tỉnh Hòa Bình" and meta.values["signer"] == "Nguyễn Văn Dũng"
    assert meta.values["date"] == "26/04/2019" and "effective" not in meta.values
    assert kept[0].text == "ỦY BAN NHÂN DÂN"


def test_the_page_title_tells_what_a_decision_without_trich_yeu_does():
    # The copy lost the type line and the trích yếu; the page's title names the decision.
    parsed = parse_text("Quyết định 415/QĐ-UBND năm 2021 về phê duyệt quy trình nội bộ giải quyết thủ tục hành chính\n"
                        + DECISION)
    assert parsed.kind == "decision" and parsed.data["subject"] == "phê duyệt"
    assert parsed.data.get("title") is None
    assert any("tiêu đề của trang web" in n.message for n in parsed.notes)


def test_a_page_title_before_a_copy_without_header_gives_the_number_not_the_title():
    text = ("Kế hoạch số 10877/KH-UBND, ngày 23/9/2019 về thực hiện Đề án OCOP giai đoạn 2019 – 2020\n"
            "Lượt xem: 516\n"
            "Thực hiện Kế hoạch số 10946/KH-UBND ngày 24/9/2019 của UBND tỉnh về triển khai Chương trình OCOP. "
            "Mục tiêu kế hoạch cụ thể như sau:\n"
            "- Triển khai thực hiện Chương trình đảm bảo đúng tiến độ.\n")
    parsed = parse_text(text)
    data = parsed.data
    assert parsed.kind == "plan" and data["doc_type"] == "Kế hoạch" and data["_number_text"] == "10877/KH-UBND"
    assert data["title"] == "…"  # the page's title is not the trích yếu: a blank to fill, said so
    assert data["legal_bases"][0]["text"].startswith("Kế hoạch số 10946/KH-UBND")
    assert any(n.field == "title" for n in parsed.notes)


def test_a_page_holding_only_the_sites_record_of_a_decision_gives_its_metadata_as_evidence():
    text = """Quyết định 377/QĐ-BNN-VPĐP 2025 kết quả đánh giá sản phẩm cấp Quốc gia năm 2024
  • Thuộc tính
  • Nội dung
Đây là tiện ích dành cho thành viên đăng ký phần mềm.
Quyết định 377/QĐ-BNN-VPĐP của Bộ Nông nghiệp và Phát triển nông thôn phê duyệt kết quả đánh giá, phân hạng sản phẩm cấp Quốc gia năm 2024
Cơ quan ban hành: Bộ Nông nghiệp và Phát triển nông thôn
Số hiệu:377/QĐ-BNN-VPĐPNgày đăng công báo:Đang cập nhật
Loại văn bản:Quyết địnhNgười ký:Trần Thanh Nam
Ngày ban hành:
Ngày ban hành là ngày, tháng, năm văn bản được thông qua hoặc ký ban hành.
17/01/2025
"""
    parsed = parse_text(text)
    data = parsed.data
    assert (data["_number_text"], data["doc_type"], data["date"]) == ("377/QĐ-BNN-VPĐP", "Quyết định", date(2025, 1, 17))
    assert data["issuer"] == {"name": "Bộ Nông nghiệp và Phát triển nông thôn", "level": "trung_uong"}
    assert data["subject"] == "công nhận"  # "phê duyệt kết quả đánh giá, phân hạng" in the site's description
    assert not data.get("title") and not data.get("signer")  # the site's words are not the document's
    assert any("bảng thông tin của trang web" in n.message for n in parsed.notes)
    assert "• Thuộc tính" in parsed.extra


def test_a_signer_named_luu_is_not_the_sites_save_button():
    # Hải Dương 1366/KH-UBND is signed by Lưu Văn Bản; "Lưu văn bản" is a site's button
    from ocop_docs.parse import parse_text

    parsed = parse_text("""Lưu văn bản
ỦY BAN NHÂN DÂN
TỈNH HẢI DƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1366/KH-UBND
Hải Dương, ngày 10 tháng 5 năm 2023
KẾ HOẠCH
Thực hiện Chương trình Mỗi xã một sản phẩm năm 2023
I. MỤC TIÊU
Có thêm ít nhất 20 sản phẩm đạt 3 sao trở lên./.
Nơi nhận:
- Lưu: VT, NN.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lưu Văn Bản
""")
    assert parsed.model.signer.name == "Lưu Văn Bản"
    assert parsed.model.archive == "VT, NN"
    assert any("đã bỏ 1 dòng của trang web" in n.message for n in parsed.notes)  # the button, not the name
