"""A page holding no văn bản (a news item, an article, an English page) is refused, never read as a
plan; a real document cut by a website, header lost, is still read."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from ocop_docs.cli import main
from ocop_docs.errors import UnreadableFile
from ocop_docs.parse import parse_text

MEETING = """date 2025-11-28 Đánh giá, phân hạng sản phẩm OCOP năm 2025
Sáng ngày 27/11, Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Phú Tân tổ chức họp đánh giá 12 sản phẩm của 8 chủ thể trên địa bàn huyện.
Tham dự cuộc họp có ông Nguyễn Văn A, Phó Chủ tịch UBND huyện, Chủ tịch Hội đồng; các thành viên Hội đồng và đại diện các chủ thể.
1. Kết quả đánh giá
Qua chấm điểm, có 10 sản phẩm đạt từ 50 điểm trở lên, đủ điều kiện đề nghị cấp tỉnh đánh giá, công nhận.
2. Ý kiến chỉ đạo
Phát biểu kết luận, ông Nguyễn Văn A đề nghị các chủ thể tiếp tục hoàn thiện hồ sơ, nâng cao chất lượng bao bì.
"""

PROCEDURE = """Quy trình đánh giá, phân hạng sản phẩm OCOP theo Quyết định 1048/QĐ-TTg
Theo Bộ Tiêu chí ban hành kèm theo Quyết định số 1048/QĐ-TTg của Thủ tướng Chính phủ, việc đánh giá, phân hạng sản phẩm OCOP được thực hiện qua các bước sau.
1. Chủ thể nộp hồ sơ đăng ký
Chủ thể sản xuất chuẩn bị phiếu đăng ký, phương án sản xuất kinh doanh và hồ sơ sản phẩm, nộp cho cơ quan thường trực cấp huyện.
2. Hội đồng cấp huyện đánh giá
Hội đồng chấm điểm theo Bộ tiêu chí; sản phẩm đạt từ 50 điểm trở lên được chuyển lên cấp tỉnh.
"""

ENGLISH = """Vietnam's OCOP programme: one commune, one product
The One Commune One Product (OCOP) programme was launched in 2018 to develop rural economies by promoting local products.
Products are rated from one to five stars by councils at the district, provincial and national levels.
By 2025 more than 16,000 products had been certified, most of them food and beverages.
"""

WARD = """Phường An Lạc triển khai Chương trình OCOP năm 2025
UBND phường An Lạc đã ban hành công văn đề nghị các hộ sản xuất, hợp tác xã trên địa bàn đăng ký sản phẩm tham gia Chương trình OCOP năm 2025.
Theo đó, phường sẽ hỗ trợ các chủ thể hoàn thiện hồ sơ, xây dựng câu chuyện sản phẩm và tham gia các hội chợ xúc tiến thương mại.
Dự kiến trong năm, phường có ít nhất 2 sản phẩm được đánh giá, phân hạng đạt 3 sao trở lên.
"""

NO_DOCUMENT = "không chứa văn bản hành chính nào để đọc"


@pytest.mark.parametrize("name,text", [("hop-hoi-dong", MEETING), ("quy-trinh", PROCEDURE), ("english", ENGLISH),
                                       ("tin-phuong", WARD)])
def test_a_page_without_a_document_is_refused_through_the_cli(tmp_path, name, text):
    page = tmp_path / f"{name}.txt"
    page.write_text(text, encoding="utf-8")
    out = tmp_path / f"{name}.yaml"
    result = CliRunner().invoke(main, ["parse", str(page), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"Tệp {page} {NO_DOCUMENT}" in result.output
    # What was looked for, what the page seems to be, and what to do instead.
    assert "Quốc hiệu, Tiêu ngữ, dòng Số, dòng địa danh và ngày tháng, tên loại văn bản, căn cứ" in result.output
    assert "có thể là một bài tin tức" in result.output and "Hãy dán (hoặc mở) chính văn bản" in result.output
    assert not out.exists() and "Traceback" not in result.output


def test_an_english_page_is_said_to_be_no_vietnamese():
    with pytest.raises(UnreadableFile, match="không viết bằng tiếng Việt"):
        parse_text(ENGLISH)
    with pytest.raises(UnreadableFile) as caught:
        parse_text(MEETING)
    assert "tiếng Việt" not in str(caught.value)


PLAN_BODY = """Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mỗi xã một sản phẩm giai đoạn 2021-2025;
Ủy ban nhân dân xã An Lạc ban hành Kế hoạch thực hiện Chương trình OCOP năm 2025 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Triển khai có hiệu quả Chương trình OCOP trên địa bàn xã. Nâng cao chất lượng sản phẩm của các chủ thể.
2. Yêu cầu
Các ngành, đoàn thể phối hợp chặt chẽ với UBND xã. Bảo đảm tiến độ, chất lượng.
II. NỘI DUNG
1. Đánh giá, phân hạng ít nhất 02 sản phẩm đạt 3 sao.
"""


def test_a_headerless_plan_body_cut_by_a_website_is_still_read():
    parsed = parse_text(PLAN_BODY)
    assert parsed.kind == "plan"
    assert [s["heading"] for s in parsed.data["body"]] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG"]
    assert parsed.data["legal_bases"][0]["text"].startswith("Quyết định số 919/QĐ-TTg")


def test_a_headerless_plan_body_without_its_cancu_is_read_by_its_own_sections():
    body = PLAN_BODY.split("\n", 2)[2].replace("I. MỤC ĐÍCH, YÊU CẦU", "I. Mục đích, yêu cầu").replace("II. NỘI DUNG", "II. Nội dung")
    parsed = parse_text(body)
    assert parsed.kind == "plan" and [s["heading"] for s in parsed.data["body"]][0] == "Mục đích, yêu cầu"


def test_a_news_report_of_a_named_decision_is_still_read():
    parsed = parse_text("Ngày 12/9/2024, UBND tỉnh Trà Vinh ban hành Quyết định số 1520/QĐ-UBND về việc phân hạng và "
                        "cấp giấy chứng nhận sản phẩm OCOP năm 2024.\nCó 05 sản phẩm đạt 3 sao.\n")
    assert parsed.kind == "decision" and parsed.data["_number_text"] == "1520/QĐ-UBND"
    assert parsed.data["subject"] == "công nhận"
