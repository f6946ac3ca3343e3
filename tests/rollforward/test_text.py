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


def test_citation_spans_cover_number_date_and_issuer():
    text = "Công văn số 8050/BNN-VPĐP ngày 29/11/2022 của Bộ Nông nghiệp và Phát triển nông thôn về việc hướng dẫn"
    (start, end), = citation_spans(text)
    assert text[start:end] == "Công văn số 8050/BNN-VPĐP ngày 29/11/2022 của Bộ Nông nghiệp và Phát triển nông thôn"


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
