"""A portal's news item about a document: what it names is read, nothing else is made up."""
from __future__ import annotations

import pytest

from ocop_docs.errors import UnreadableFile
from ocop_docs.parse import parse_text

NEWS = """Cổng thông tin điện tử huyện
58 người đang online

Công nhận sản phẩm OCOP tỉnh Bình Phước năm 2023
Đăng ngày 05 - 12 - 2023

Ngày 01/12/2023, Ủy ban nhân dân tỉnh Bình Phước ban hành Quyết định số 2105/QĐ-UBND về việc phê duyệt kết quả đánh giá, phân hạng và công nhận sản phẩm OCOP năm 2023, cụ thể:

1. Công nhận 12 sản phẩm đạt tiêu chuẩn sản phẩm OCOP cấp tỉnh, hạng 3 sao.

2. Kết quả công nhận có giá trị trong 03 năm.

Tin liên quan
Hội nghị tập huấn Chương trình OCOP(02/12/2023)
"""


def test_a_news_page_gives_the_type_number_and_subject_and_invents_no_header():
    parsed = parse_text(NEWS)
    data = parsed.data
    assert parsed.kind == "decision" and data["doc_type"] == "Quyết định"
    assert (data["number"], data["symbol"], data["_number_text"]) == (2105, "QĐ-UBND", "2105/QĐ-UBND")
    assert data["subject"] == "công nhận"
    # The page prints no header, title or signature: none is made up from the news sentence.
    for field in ("issuer", "place", "date", "title", "signer", "legal_bases", "articles", "body"):
        assert not data.get(field), field
    missing = {n.field for n in parsed.notes}
    assert {"issuer", "place", "date", "title", "signer"} <= missing
    assert any("không phải bản văn bản" in n.message for n in parsed.notes)
    # The page's paragraphs are kept apart, never dropped; the site's online counter is no title.
    assert any(text.startswith("1. Công nhận 12 sản phẩm") for text in parsed.extra)
    assert "58 người đang online" not in str(data)
    # What the page says the decision does is kept as a note, without the page's lead-in "cụ thể:".
    assert any(n.message.startswith("trang tin tóm tắt nội dung văn bản: 'phê duyệt kết quả đánh giá, phân hạng và công nhận "
                                    "sản phẩm OCOP năm 2023'") for n in parsed.notes)


@pytest.mark.parametrize("sentence,kind,number", [
    ("UBND tỉnh vừa ban hành Quyết định thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh.", "hội đồng", None),
    ("Ngày 18/11, Bộ Nông nghiệp và Phát triển nông thôn có Quyết định số 4497/QĐ-BNN-VPĐP về việc kiện toàn Hội đồng "
     "cấp Quốc gia thay thế Quyết định số 1594/QĐ-BNN-VPĐP ngày 05/5/2020.", "hội đồng", "4497/QĐ-BNN-VPĐP"),
    ("UBND tỉnh ban hành Quyết định Quy chế hoạt động của Hội đồng OCOP tỉnh (Quyết định số 739/QĐ-UBND, ngày 17/5/2023).",
     "ban hành quy chế", "739/QĐ-UBND"),
    ("Quyết định số 1085/QĐ-UBND ngày 19/9/2023 của Ủy ban nhân dân tỉnh về việc phê duyệt kết quả đánh giá, "
     "phân hạng sản phẩm OCOP năm 2022.", "công nhận", "1085/QĐ-UBND"),
])
def test_the_ways_a_portal_reports_a_decision(sentence, kind, number):
    parsed = parse_text(f"Tin tức - Sự kiện\n\n{sentence}\n\nHội đồng có trách nhiệm tổ chức đánh giá sản phẩm.\n")
    assert parsed.data["subject"] == kind
    assert parsed.data.get("_number_text") == number  # the replaced decision's number is not taken


def test_a_document_whose_enacting_clause_names_its_type_is_not_news():
    text = ("Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ;\n\n"
            "Hội đồng đánh giá sản phẩm OCOP tỉnh ban hành Hướng dẫn đánh giá sản phẩm, cụ thể như sau:\n\n"
            "1. Hồ sơ đánh giá\n")
    parsed = parse_text(text)
    assert parsed.data["legal_bases"][0]["text"].startswith("Quyết định số 148/QĐ-TTg")
    assert not any("không phải bản văn bản" in n.message for n in parsed.notes)


def test_a_page_holding_only_the_sites_list_of_related_documents_is_refused():
    text = "\n".join(f"- {k} Nghị định {k}/2018/NĐ-CP về chính sách khuyến khích doanh nghiệp" for k in range(1, 8))
    with pytest.raises(UnreadableFile, match="chỉ có phần của trang web"):
        parse_text(text)


def test_a_quy_che_signed_with_a_decision_is_reported_as_that_decision():
    parsed = parse_text("Ban hành Quy chế hoạt động của Hội đồng OCOP tỉnh\n\n"
                        "Ngày 05/9/2022, ông Nguyễn Văn A, Chủ tịch Hội đồng, ký ban hành Quy chế hoạt động của Hội đồng "
                        "đánh giá, phân hạng sản phẩm OCOP tỉnh (kèm theo Quyết định số 10/QĐ-HĐOCOP). Quy chế gồm 04 Chương.\n")
    data = parsed.data
    assert (data["doc_type"], data["_number_text"], data["subject"]) == ("Quyết định", "10/QĐ-HĐOCOP", "ban hành quy chế")
    assert "_doc_type_inferred" not in data  # the ký hiệu names the type


def test_a_report_naming_no_number_leaves_the_type_a_guess():
    parsed = parse_text("UBND tỉnh vừa ban hành Quyết định thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh.\n")
    assert parsed.data["_doc_type_inferred"] is True and parsed.data["subject"] == "hội đồng"


def test_a_report_without_header_telling_what_was_issued_is_not_news():
    text = ("I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo\n"
            "Ngày 10/01/2024, UBND huyện đã ban hành Kế hoạch số 12/KH-UBND về thực hiện Chương trình OCOP năm 2024.\n"
            "2. Kết quả\nCó thêm 5 sản phẩm đạt 3 sao.\n")
    parsed = parse_text(text)
    assert not any("không phải bản văn bản" in n.message for n in parsed.notes)
    assert parsed.data.get("body")


HEADLINE_THEN_LEAD = """Tỉnh Phú Yên công nhận 9 sản phẩm OCOP năm 2023

UBND tỉnh Phú Yên vừa ban hành Quyết định công nhận kết quả đánh giá, phân hạng 9 sản phẩm OCOP

UBND tỉnh Phú Yên vừa ban hành Quyết định số 1712/QĐ-UBND ngày 08 tháng 11 năm 2023 về việc công nhận kết quả đánh giá, phân hạng 9 sản phẩm OCOP năm 2023.

Trong đó có 2 sản phẩm đạt 4 sao và 7 sản phẩm đạt 3 sao.
"""


def test_a_number_the_headline_leaves_to_the_lead_paragraph_is_read():
    parsed = parse_text(HEADLINE_THEN_LEAD)
    data = parsed.data
    assert parsed.kind == "decision" and data["doc_type"] == "Quyết định"
    assert (data["number"], data["symbol"], data["_number_text"]) == (1712, "QĐ-UBND", "1712/QĐ-UBND")
    assert not any(n.field == "number" for n in parsed.notes)
    for field in ("issuer", "place", "date", "title", "signer"):
        assert not data.get(field), field


def test_a_headline_without_number_and_no_number_on_the_page_stays_without_one():
    parsed = parse_text(HEADLINE_THEN_LEAD.replace(" số 1712/QĐ-UBND", ""))
    assert "number" not in parsed.data
    assert any(n.field == "number" and "không ghi số" in n.message for n in parsed.notes)
