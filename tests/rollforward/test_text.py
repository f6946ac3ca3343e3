"""Years and agency names rewritten in a plan's own words, never inside a citation (ocop.md §11.3, §12.1)."""
from __future__ import annotations

import pytest

from ocop_docs.rollforward.text import YearMap, citation_spans, normalise_number, rename_agencies, shift_years

NEXT = YearMap(2024, 2024, 2025, 2025)


@pytest.mark.parametrize("text,expected", [
    ("Thực hiện Chương trình OCOP năm 2024.", "Thực hiện Chương trình OCOP năm 2025."),
    ("Thời gian: cuối năm 2024", "Thời gian: cuối năm 2025"),
    ("hoàn thành trong Quý II/2024 và tháng 10/2024", "hoàn thành trong Quý II/2025 và tháng 10/2025"),
    ("hoàn thành trước ngày 30/3/2024", "hoàn thành trước ngày 30/3/2025"),
    # Citations of other documents keep their dates, numbers and years.
    ("theo Quyết định số 148/QĐ-TTg ngày 24/02/2023 năm 2024", "theo Quyết định số 148/QĐ-TTg ngày 24/02/2023 năm 2025"),
    ("tại Quyết định số 148/QĐ – TTg ngày 24/2/2024 của Thủ tướng Chính phủ", "tại Quyết định số 148/QĐ – TTg ngày 24/2/2024 của Thủ tướng Chính phủ"),
    ("Kế hoạch số 15/KH-UBND năm 2024 của UBND tỉnh", "Kế hoạch số 15/KH-UBND năm 2024 của UBND tỉnh"),
    ("Nghị quyết số 51/2024/NQ-HĐND của Hội đồng nhân dân tỉnh", "Nghị quyết số 51/2024/NQ-HĐND của Hội đồng nhân dân tỉnh"),
    ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2024", "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2024"),
    # Another period is not the plan's year.
    ("Chương trình giai đoạn 2021 – 2025", "Chương trình giai đoạn 2021 – 2025"),
])
def test_own_years_move_citations_stay(text, expected):
    assert shift_years(text, NEXT).text == expected


def test_other_years_are_kept_and_reported():
    rewrite = shift_years("đánh giá kết quả năm 2023, triển khai năm 2024", NEXT)
    assert rewrite.text == "đánh giá kết quả năm 2023, triển khai năm 2025"
    assert len(rewrite.changes) == 1 and rewrite.kept and "2023" in rewrite.kept[0]


def test_a_period_plan_moves_its_period():
    years = YearMap(2023, 2025, 2026, 2028)
    assert shift_years("giai đoạn 2023-2025", years).text == "giai đoạn 2026-2028"
    assert shift_years("Đến năm 2025, có tối thiểu 300 sản phẩm", years).text == "Đến năm 2028, có tối thiểu 300 sản phẩm"
    assert shift_years("Chương trình MTQG giai đoạn 2021 - 2025", years).text == "Chương trình MTQG giai đoạn 2021 - 2025"
    one_year = YearMap(2023, 2025, 2026, 2026)
    assert shift_years("Kế hoạch OCOP tỉnh Hà Tĩnh giai đoạn 2023-2025", one_year).text == "Kế hoạch OCOP tỉnh Hà Tĩnh năm 2026"


def test_citation_spans_cover_number_date_issuer_and_subject():
    text = ("Công văn số 8050/BNN-VPĐP ngày 29/11/2022 của Bộ Nông nghiệp và Phát triển nông thôn về việc hướng dẫn "
            "năm 2024; UBND xã triển khai năm 2024")
    (start, end), = citation_spans(text)
    assert text[start:end] == ("Công văn số 8050/BNN-VPĐP ngày 29/11/2022 của Bộ Nông nghiệp và Phát triển nông thôn "
                               "về việc hướng dẫn năm 2024")


ONE_YEAR = YearMap(2026, 2026, 2027, 2027)


@pytest.mark.parametrize("text,expected", [
    # Every form a plan writes its own dates in moves.
    ("Báo cáo kết quả về UBND tỉnh trước ngày 30/9/2026.", "Báo cáo kết quả về UBND tỉnh trước ngày 30/9/2027."),
    ("tổng kết ngày 30 tháng 9 năm 2026", "tổng kết ngày 30 tháng 9 năm 2027"),
    ("hoàn thành trong tháng 10/2026", "hoàn thành trong tháng 10/2027"),
    ("tổng kết trong Quý I/2027", "tổng kết trong Quý I/2028"),
    ("sơ kết 6 tháng đầu năm 2026", "sơ kết 6 tháng đầu năm 2027"),
    ("từ tháng 3 đến tháng 6/2026", "từ tháng 3 đến tháng 6/2027"),
    ("năm 2026 và đầu năm 2027", "năm 2027 và đầu năm 2028"),
    ("vụ Đông Xuân 2026-2027", "vụ Đông Xuân 2027-2028"),
    ("Quý IV năm 2026 và Quý I năm 2027", "Quý IV năm 2027 và Quý I năm 2028"),
    ("từ tháng 12/2025 đến tháng 3/2026", "từ tháng 12/2026 đến tháng 3/2027"),
    ("từ ngày 15/12/2025 đến hết ngày 31/3/2026", "từ ngày 15/12/2026 đến hết ngày 31/3/2027"),
    # A task whose sentence begins with a document word is not a citation.
    ("Báo cáo kết quả thực hiện gửi UBND tỉnh ngày 15/6/2026", "Báo cáo kết quả thực hiện gửi UBND tỉnh ngày 15/6/2027"),
    ("Hướng dẫn các chủ thể hoàn thiện hồ sơ, hoàn thành ngày 30/8/2026",
     "Hướng dẫn các chủ thể hoàn thiện hồ sơ, hoàn thành ngày 30/8/2027"),
    ("Thông báo kết quả đánh giá cho chủ thể ngày 15/10/2026", "Thông báo kết quả đánh giá cho chủ thể ngày 15/10/2027"),
    # The subject of a cited plan keeps its year; the citing sentence's own year moves.
    ("Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh về thực hiện Chương trình OCOP năm 2026, "
     "UBND xã ban hành Kế hoạch năm 2026 như sau:",
     "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh về thực hiện Chương trình OCOP năm 2026, "
     "UBND xã ban hành Kế hoạch năm 2027 như sau:"),
    ("Kế hoạch số 20/KH-UBND ngày 01/02/2026 của UBND xã về triển khai OCOP năm 2026 và đăng ký sản phẩm trước ngày "
     "30/9/2026", "Kế hoạch số 20/KH-UBND ngày 01/02/2026 của UBND xã về triển khai OCOP năm 2026 và đăng ký sản phẩm "
     "trước ngày 30/9/2027"),
    ("Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng", "Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng"),
    # Citations as officers shorten them keep their dates too.
    ("theo KH số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh", "theo KH số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh"),
    ("QĐ số 20/QĐ-UBND ngày 05/01/2026; hoàn thành năm 2026", "QĐ số 20/QĐ-UBND ngày 05/01/2026; hoàn thành năm 2027"),
    ("tại số 15/KH-UBND ngày 10/01/2026, trước ngày 30/9/2026", "tại số 15/KH-UBND ngày 10/01/2026, trước ngày 30/9/2027"),
    ("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2026", "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2026"),
    # A programme period the new year still falls in is right as it is.
    ("Thực hiện Chương trình OCOP giai đoạn 2026-2030", "Thực hiện Chương trình OCOP giai đoạn 2026-2030"),
])
def test_every_form_of_the_plan_year_moves(text, expected):
    assert shift_years(text, ONE_YEAR).text == expected


def test_a_programme_period_that_ended_is_kept_and_explained():
    rewrite = shift_years("Thực hiện Chương trình OCOP giai đoạn 2021-2025 trong năm 2025",
                          YearMap(2025, 2025, 2026, 2026))
    assert rewrite.text == "Thực hiện Chương trình OCOP giai đoạn 2021-2025 trong năm 2026"
    assert rewrite.kept_years == ["2021-2025"] and "kết thúc trước năm 2026" in rewrite.kept_notes[0]
    still = shift_years("Chương trình OCOP giai đoạn 2026-2030", ONE_YEAR)
    assert still.kept == [] and still.changes == []


def test_agency_names_change_outside_citations():
    text = ("Sở Nông nghiệp và PTNT tỉnh chủ trì, phối hợp phòng NN&PTNT và Phòng Tài nguyên và Môi trường; "
            "theo Công văn số 8050/BNN-VPĐP ngày 29/11/2022 của Bộ Nông nghiệp và Phát triển nông thôn")
    assert rename_agencies(text).text == (
        "Sở Nông nghiệp và Môi trường tỉnh chủ trì, phối hợp phòng NN&MT và Phòng Nông nghiệp và Môi trường; "
        "theo Công văn số 8050/BNN-VPĐP ngày 29/11/2022 của Bộ Nông nghiệp và Phát triển nông thôn")


@pytest.mark.parametrize("typed,registry", [
    ("148/QĐ – TTg", "148/QĐ-TTg"), ("919/QĐ/TTg", "919/QĐ-TTg"), ("1599 QĐ-UBND", "1599/QĐ-UBND"),
    ("26/2026/QĐ-TTg", "26/2026/QĐ-TTg"),
])
def test_document_numbers_as_officers_type_them(typed, registry):
    assert normalise_number(typed) == registry


def test_a_year_tied_to_the_decision_cited_after_it_is_kept_for_a_person():
    """FINDINGS 4: the budget of last year was allocated by last year's decision; moving only the year
    would claim that decision funds the new plan."""
    text = "Nguồn kinh phí: ngân sách tỉnh năm 2025 theo Quyết định số 4801/QĐ-UBND ngày 13/12/2024 của UBND tỉnh."
    rewrite = shift_years(text, YearMap(2025, 2025, 2026, 2026))
    assert rewrite.text == text
    assert rewrite.kept_years == ["2025"] and "gắn với văn bản được viện dẫn" in rewrite.kept_notes[0]
    # Without a citation after it, the same year is the plan's and moves.
    assert shift_years("ngân sách tỉnh năm 2025 và nguồn hợp pháp khác", YearMap(2025, 2025, 2026, 2026)).text == \
        "ngân sách tỉnh năm 2026 và nguồn hợp pháp khác"


@pytest.mark.parametrize("text,expected", [
    # The plan's own words after a citation are not its subject.
    ("đánh giá theo Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, thực hiện trong tháng 10/2026",
     "đánh giá theo Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, thực hiện trong tháng 10/2027"),
    ("theo Kế hoạch số 20/KH-UBND ngày 01/02/2026 của UBND tỉnh về triển khai OCOP, hoàn thành trong tháng 10/2026",
     "theo Kế hoạch số 20/KH-UBND ngày 01/02/2026 của UBND tỉnh về triển khai OCOP, hoàn thành trong tháng 10/2027"),
    ("theo Kế hoạch số 20/KH-UBND của UBND tỉnh về hội chợ OCOP trong tháng 10/2026",
     "theo Kế hoạch số 20/KH-UBND của UBND tỉnh về hội chợ OCOP trong tháng 10/2027"),
    # A title that goes on with its place keeps its period and year.
    ("Kế hoạch số 268/KH-UBND ngày 08/12/2021 của UBND tỉnh về việc thực hiện Chương trình OCOP năm 2026, tỉnh "
     "Thanh Hóa; năm 2026", "Kế hoạch số 268/KH-UBND ngày 08/12/2021 của UBND tỉnh về việc thực hiện Chương trình "
     "OCOP năm 2026, tỉnh Thanh Hóa; năm 2027"),
])
def test_a_citation_ends_where_the_plan_goes_on(text, expected):
    assert shift_years(text, ONE_YEAR).text == expected


def test_another_year_tied_to_the_plan_year_in_one_sentence_is_left_for_a_person():
    """FINDINGS 54: only one side of "công nhận năm 2022 hết hạn trong năm 2025" must not move in silence."""
    rewrite = shift_years("Đánh giá lại các sản phẩm được công nhận năm 2022 hết hạn trong năm 2025. Năm 2018 bắt đầu.",
                          YearMap(2025, 2025, 2026, 2026))
    assert rewrite.text == "Đánh giá lại các sản phẩm được công nhận năm 2022 hết hạn trong năm 2026. Năm 2018 bắt đầu."
    assert rewrite.kept_years == ["2022"] and "cạnh năm của kế hoạch đã đổi (thành 2026)" in rewrite.kept_notes[0]
