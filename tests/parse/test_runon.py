"""A document page extracted as one run of text, read as the document it is."""
from __future__ import annotations

from datetime import date

from ocop_docs.parse import parse_text
from ocop_docs.parse.lines import Line, normalise
from ocop_docs.parse.runon import is_run, split_run

RUN = ("1. ỦY BAN NHÂN DÂN CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM TỈNH GIA LAI Độc lập  Tự do  Hạnh phúc    "
       "Số: 215/QĐ-UBND Gia Lai, ngày 07 tháng 05 năm 2020   QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN CHƯƠNG TRÌNH MỖI XÃ "
       "MỘT SẢN PHẨM TỈNH GIA LAI GIAI ĐOẠN 2020-2025 CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ Luật Tổ chức chính quyền "
       "địa phương ngày 19/6/2015; Căn cứ Quyết định số 490/QĐ-TTg ngày 07/5/2018 của Thủ tướng Chính phủ phê duyệt "
       "Chương trình mỗi xã một sản phẩm giai đoạn 2018-2020; Xét đề nghị của Sở Nông nghiệp và Phát triển nông thôn "
       "tại Tờ trình số 45/TTr-SNN ngày 20/4/2020. QUYẾT ĐỊNH: Điều 1. Phê duyệt Đề án Chương trình mỗi xã một sản "
       "phẩm tỉnh Gia Lai giai đoạn 2020-2025.")


def test_a_page_run_together_is_cut_where_its_parts_start():
    assert is_run(RUN) and not is_run("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; " * 10)
    texts = [line.text for line in split_run(Line(RUN))]
    assert texts[:8] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH GIA LAI", "Độc lập - Tự do - Hạnh phúc",
                         "Số: 215/QĐ-UBND", "Gia Lai, ngày 07 tháng 05 năm 2020", "QUYẾT ĐỊNH",
                         "VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM TỈNH GIA LAI GIAI ĐOẠN 2020-2025"]
    assert texts[8] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert texts[9] == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"
    assert texts[-2:] == ["QUYẾT ĐỊNH:", "Điều 1. Phê duyệt Đề án Chương trình mỗi xã một sản phẩm tỉnh Gia Lai giai đoạn 2020-2025."]


def test_a_run_parses_as_the_decision():
    data = parse_text("Nội dung Text: Quyết định số 215/QĐ-UBND\n\n" + RUN).data
    assert data["issuer"]["name"] == "Ủy ban nhân dân tỉnh Gia Lai" and data["issuer"]["level"] == "tinh"
    assert (data["number"], data["place"], data["date"]) == (215, "Gia Lai", date(2020, 5, 7))
    assert data["authority"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" and len(data["legal_bases"]) == 3
    assert data["subject"] == "phê duyệt"


def test_a_lone_combining_mark_is_extraction_noise():
    assert normalise("TỈNH ĐẮK LĂK \u0301") == "TỈNH ĐẮK LĂK"
    assert normalise("Lăk") == "Lăk"
