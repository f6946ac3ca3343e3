"""Căn cứ, proposals and the sentences around them, read from short realistic copies."""
from __future__ import annotations

from ocop_docs.parse import parse_text

HEADER = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/KH-UBND
Phú Yên, ngày 10 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện Chương trình mỗi xã một sản phẩm năm 2024
"""


def bases(parsed) -> list[str]:
    return [f"{b['verb']} {b['text']}".strip() for b in parsed.data.get("legal_bases", [])]


def test_the_enacting_clause_after_the_last_of_several_citations_is_the_preamble():
    parsed = parse_text(HEADER + (
        "Thực hiện Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ; Quyết định số 12/QĐ-UBND "
        "ngày 09/8/2022 của Ủy ban nhân dân tỉnh về phê duyệt Đề án OCOP, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
        "thực hiện năm 2024 như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"))
    assert bases(parsed) == ["Thực hiện Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ",
                             "Quyết định số 12/QĐ-UBND ngày 09/8/2022 của Ủy ban nhân dân tỉnh về phê duyệt Đề án OCOP"]
    assert parsed.data["preamble"] == ["Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện năm 2024 như sau:"]


def test_a_sentence_opening_what_follows_is_cut_from_the_citation_before_it():
    parsed = parse_text(HEADER + (
        "Thực hiện Kế hoạch số 109/KH-UBND ngày 24/9/2023 của UBND tỉnh về triển khai Chương trình OCOP. "
        "Mục tiêu kế hoạch cụ thể như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"))
    assert bases(parsed) == ["Thực hiện Kế hoạch số 109/KH-UBND ngày 24/9/2023 của UBND tỉnh về triển khai Chương trình OCOP"]
    assert parsed.data["preamble"] == ["Mục tiêu kế hoạch cụ thể như sau:"]


def test_a_proposal_printed_as_tren_co_so_to_trinh_is_its_own_item():
    parsed = parse_text(HEADER + (
        "Thực hiện Kế hoạch số 268/KH-UBND ngày 08/12/2021 của UBND tỉnh; trên cơ sở đề xuất tại Tờ trình số "
        "96/TTr-VPĐP ngày 18/02/2024 của Văn phòng Điều phối nông thôn mới tỉnh, Chủ tịch UBND tỉnh ban hành "
        "Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"))
    proposal = "trên cơ sở đề xuất tại Tờ trình số 96/TTr-VPĐP ngày 18/02/2024 của Văn phòng Điều phối nông thôn mới tỉnh"
    assert bases(parsed) == ["Thực hiện Kế hoạch số 268/KH-UBND ngày 08/12/2021 của UBND tỉnh", proposal]
    assert parsed.data["_proposal"] == proposal
    assert parsed.data["preamble"] == ["Chủ tịch UBND tỉnh ban hành Kế hoạch như sau:"]
    assert parsed.model is not None  # printed as read, the model takes it


def test_xet_to_trinh_is_the_proposal_of_a_resolution_kept_whole():
    text = HEADER.replace("KẾ HOẠCH", "NGHỊ QUYẾT").replace("88/KH-UBND", "07/2024/NQ-HĐND") + (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Xét Tờ trình số 568/TTr-UBND ngày 10 tháng 3 năm 2024 của UBND tỉnh; Báo cáo thẩm tra số 113/BC-HĐND "
        "của Ban Kinh tế - Ngân sách; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.\n"
        "QUYẾT NGHỊ:\n"
        "Điều 1. Phạm vi điều chỉnh\n")
    parsed = parse_text(text)
    # A resolution is framed as a decision: its articles are read as articles, kind "resolution".
    assert parsed.kind == "resolution" and parsed.data["articles"][0]["label"] == "Điều 1."
    assert parsed.data["articles"][0]["text"] == ["Phạm vi điều chỉnh"]
    assert parsed.model is None and any("nghị quyết của Hội đồng nhân dân" in n.message for n in parsed.notes)
    assert parsed.data["_proposal"].startswith("Xét Tờ trình số 568/TTr-UBND")
    assert parsed.data["_proposal"].endswith("tại kỳ họp")
    assert bases(parsed)[0] == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"


def test_a_cancu_that_lost_its_verb_among_the_others_is_kept_as_one():
    upper = HEADER.replace("Thực hiện Chương trình mỗi xã một sản phẩm năm 2024", "THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM 2024")
    parsed = parse_text(upper + (
        "n cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015;\n"
        "Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ;\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"))
    assert bases(parsed) == ["n cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015",
                             "Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ"]
    assert any("mất chữ mở đầu" in n.message for n in parsed.notes)


def test_a_body_a_citation_names_is_not_taken_for_the_issuer():
    # No header: the căn cứ names the province's plan; the enacting sentence names who issues this one.
    text = ("KẾ HOẠCH\nThực hiện Chương trình OCOP năm 2024\n"
            "Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2024 của UBND tỉnh Tây Ninh về Chương trình OCOP, "
            "nhằm phát triển sản phẩm, UBND huyện Bến Cầu ban hành Kế hoạch như sau:\n"
            "I. MỤC TIÊU\nCó thêm 5 sản phẩm.\n")
    assert parse_text(text).data["issuer"]["name"] == "Ủy ban nhân dân huyện Bến Cầu"
    cited_only = text.replace(", nhằm phát triển sản phẩm, UBND huyện Bến Cầu ban hành Kế hoạch như sau", ", các xã triển khai như sau")
    parsed = parse_text(cited_only)
    assert parsed.data["preamble"][0].startswith("Thực hiện Kế hoạch số 5/KH-UBND")
    assert parsed.data.get("issuer") is None and any(n.field == "issuer" for n in parsed.notes)


def test_a_copy_without_type_line_takes_its_type_from_what_it_says_it_is_and_marks_it_a_guess():
    guidance = parse_text(
        "Căn cứ Quyết định số 2822/QĐ-UBND ngày 24/11/2022 của Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình OCOP;\n"
        "Để thống nhất cách làm, Hội đồng đánh giá sản phẩm OCOP tỉnh ban hành “Hướng dẫn trình tự đánh giá sản phẩm”, "
        "cụ thể như sau:\n")
    # "ban hành Kế hoạch" inside the căn cứ speaks of another document.
    assert guidance.data["doc_type"] == "Hướng dẫn" and guidance.data["_doc_type_inferred"] is True
    notice = parse_text(
        "Thực hiện Kế hoạch số 43/KH-UBND ngày 15/3/2021 của UBND thành phố về Chương trình OCOP năm 2021. "
        "Sở Nông nghiệp và Phát triển nông thôn thông báo thời gian nhận hồ sơ là trước ngày 5 tháng 7 năm 2021.\n")
    assert notice.data["doc_type"] == "Thông báo"
    assert [b["text"] for b in notice.data["legal_bases"]] == [
        "Kế hoạch số 43/KH-UBND ngày 15/3/2021 của UBND thành phố về Chương trình OCOP năm 2021"]
    # A type line, or a ký hiệu naming the type, is printed: no guess.
    assert "_doc_type_inferred" not in parse_text(HEADER + "I. MỤC TIÊU\nCó thêm 5 sản phẩm.\n").data
    no_line = HEADER.replace("KẾ HOẠCH\n", "")
    assert parse_text(no_line + "I. MỤC TIÊU\nCó thêm 5 sản phẩm.\n").data.get("_doc_type_inferred") is None


def test_a_page_title_in_running_case_is_not_the_trich_yeu():
    parsed = parse_text("Thông báo thời gian nhận hồ sơ đánh giá sản phẩm OCOP cấp thành phố\nNgày đăng: 16/06/2021\n"
                        "Thực hiện Kế hoạch số 43/KH-UBND ngày 15/3/2021 của UBND thành phố. "
                        "Sở Nông nghiệp và Phát triển nông thôn thông báo thời gian nhận hồ sơ là trước ngày 5/7/2021.\n")
    assert parsed.data["title"] == "…" and parsed.data.get("date") is None


def test_sau_khi_xem_xet_de_nghi_is_the_proposal_after_the_citations():
    parsed = parse_text(HEADER + (
        "Thực hiện Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ; trên cơ sở kết quả đạt được giai đoạn "
        "2019-2021; sau khi xem xét đề nghị của Văn phòng Điều phối nông thôn mới tỉnh tại Tờ trình số 239/TTr-VPĐP ngày "
        "18/8/2022, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"))
    assert parsed.data["_proposal"].startswith("sau khi xem xét đề nghị của Văn phòng Điều phối")
    # "trên cơ sở kết quả …" is a ground of the citation before it, not a proposal.
    assert bases(parsed)[0].endswith("của Thủ tướng Chính phủ; trên cơ sở kết quả đạt được giai đoạn 2019-2021")


def test_a_type_name_sharing_its_line_with_the_trich_yeu_under_a_wrapped_quoc_hieu():
    text = ("ỦY BAN NHÂN DÂN\nXÃ XUÂN PHÚ\n|\nCỘNG HOÀ XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập -\nTự do - Hạnh phúc\n|\n"
            "QUY CHẾ LÀM\nVIỆC CỦA ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ NHIỆM KỲ 2021 -2026\n"
            "(Ban hành kèm theo Quyết định số 59/QĐ-UBND ngày 22 tháng 7 năm 2021 của Ủy ban nhân dân xã Xuân Phú)\n"
            "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n")
    parsed = parse_text(text)
    assert parsed.doc_type == "Quy chế"
    assert parsed.data["title"].startswith("Làm việc của Ủy ban nhân dân xã Xuân Phú")
    assert parsed.parent["number"] == 59


def test_mot_xa_mot_san_pham_in_the_trich_yeu_says_nothing_of_the_level():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 124/KH-UBND | Đồng Tháp, ngày 14 tháng 4 năm 2021 |\n"
            "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP) GIAI ĐOẠN 2021-2025\n"
            "I. MỤC TIÊU\nCó thêm 20 sản phẩm.\n")
    assert parse_text(text).data["issuer"]["level"] != "xa"
    district = text.replace("(OCOP) GIAI ĐOẠN", "(OCOP) HUYỆN CAO LÃNH GIAI ĐOẠN")
    assert parse_text(district).data["issuer"]["level"] == "huyen"


def test_a_so_that_lost_its_type_abbreviation_keeps_its_number_as_printed():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 293/-UBND\nNam Định, ngày 01 tháng 02 năm 2019\nQUYẾT ĐỊNH\nVề việc phê duyệt Đề án OCOP\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n")
    parsed = parse_text(text)
    assert (parsed.data["number"], parsed.data["_number_text"]) == (293, "293/-UBND")
    assert any(n.field == "number" and "thiếu chữ viết tắt" in n.message for n in parsed.notes)


def test_a_capitalised_site_brand_after_the_page_title_is_no_authority_nor_issuer():
    parsed = parse_text(
        "Quy chế quản lý sản phẩm OCOP | VNC\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý sản phẩm OCOP.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    data = parsed.data
    assert parsed.kind == "decision"
    assert not data.get("authority") and not data.get("_authority")
    assert not data.get("issuer")
    assert any(n.field == "issuer" and "không đọc được" in n.message for n in parsed.notes)


RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2025/NQ-HĐND
{place}, ngày 10 tháng 12 năm 2025
NGHỊ QUYẾT
Quy định chính sách hỗ trợ sản phẩm OCOP
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Hội đồng nhân dân thành phố ban hành Nghị quyết quy định chính sách hỗ trợ sản phẩm OCOP.
"""


def test_hoi_dong_nhan_dan_thanh_pho_takes_its_level_from_the_city_of_the_place_line():
    central = parse_text(RESOLUTION.format(place="Cần Thơ")).data["issuer"]
    assert central["level"] == "tinh"  # a centrally-run city is a province
    provincial = parse_text(RESOLUTION.format(place="Bảo Lộc")).data["issuer"]
    assert provincial["level"] == "huyen"  # a city of a province


def test_a_plan_that_prints_no_year_anywhere_gets_none_made_up():
    parsed = parse_text(
        "KẾ HOẠCH\nTổ chức đánh giá, phân hạng sản phẩm OCOP\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng sản phẩm.\n")
    assert "year" not in parsed.data
    assert any(n.field == "year" and "để trống" in n.message for n in parsed.notes)


def test_a_type_line_that_carries_its_ve_viec_title_under_a_page_title_invents_no_issuer():
    parsed = parse_text(
        "Quy chế quản lý sản phẩm OCOP | Cổng tin\n"
        "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ SẢN PHẨM OCOP\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý sản phẩm OCOP.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n")
    data = parsed.data
    assert parsed.doc_type == "Quyết định"
    assert data["title"].lower() == "về việc ban hành quy chế quản lý sản phẩm ocop"
    assert not data.get("issuer")
    # The page title is said to be left out, never dropped in silence.
    dropped = [n.message for n in parsed.notes if "tiêu đề của trang web" in n.message]
    assert dropped and "'Quy chế quản lý sản phẩm OCOP'" in dropped[0]


def test_roman_headings_written_with_a_dash_or_slash_are_sections():
    # "IV- KINH PHÍ THỰC HIỆN", "V/ TỔ CHỨC THỰC HIỆN" as real pages print them
    parsed = parse_text(HEADER + (
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Triển khai hiệu quả Chương trình OCOP trên địa bàn tỉnh.\n"
        "IV- KINH PHÍ THỰC HIỆN\n"
        "Tổng kinh phí: 500.000.000 đồng.\n"
        "V/ TỔ CHỨC THỰC HIỆN\n"
        "Các sở, ngành triển khai Kế hoạch.\n"))
    body = parsed.data["body"]
    assert [(b["heading"], b.get("role")) for b in body] == [
        ("MỤC ĐÍCH, YÊU CẦU", "purposes_requirements"), ("KINH PHÍ THỰC HIỆN", "budget"),
        ("TỔ CHỨC THỰC HIỆN", "organisation")]
