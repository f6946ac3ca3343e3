"""The noise of real extracted text, recognised without losing a word."""
from __future__ import annotations

from datetime import date

import pytest

from ocop_docs.parse import parse_text
from ocop_docs.parse.lines import Line
from ocop_docs.parse.noise import (
    clean_markdown, clean_text, extract_marks, footnote_definition, garbled_authority, join_broken,
)


def test_markdown_becomes_hints():
    run_in = clean_markdown(Line("**5. Phòng Y tế:** Phối hợp với các đơn vị"))
    assert (run_in.text, run_in.lead_bold, run_in.bold) == ("5. Phòng Y tế: Phối hợp với các đơn vị", "5. Phòng Y tế:", None)
    heading = clean_markdown(Line("## **KẾ HOẠCH**"))
    assert (heading.text, heading.heading, heading.bold) == ("KẾ HOẠCH", 2, True)
    assert clean_markdown(Line("  - + Xây dựng trang mục")).text == "+ Xây dựng trang mục"
    assert clean_markdown(Line("Số: **35**/KH-UBND")).text == "Số: 35/KH-UBND"
    assert clean_markdown(Line("(*thời gian trước ngày 15 hàng tháng*)")).text == "(thời gian trước ngày 15 hàng tháng)"


def test_footnote_marks_and_texts():
    assert extract_marks("theo 6 bước¹ trên cơ sở") == ("theo 6 bước trên cơ sở", [(11, "1")])
    assert footnote_definition("¹ Bao gồm: (1) Tuyên truyền") == ("1", "Bao gồm: (1) Tuyên truyền")
    assert footnote_definition("1. Mục đích") is None


@pytest.mark.parametrize("raw,clean", [
    ("Nơi nhận: ✓", "Nơi nhận:"),
    ("- Lưu: VT, NL₅.", "- Lưu: VT, NL5."),
    ("cho phù hợp. /.", "cho phù hợp./."),
    ("cho phù hợp /.", "cho phù hợp./."),
])
def test_character_noise(raw, clean):
    assert clean_text(raw)[0] == clean


@pytest.mark.parametrize("line,head", [("Ư. CHỦ TỊCH", "CHỦ TỊCH"), ("KT. CHỦ TỊCH", None), ("II. MỤC TIÊU", None),
                                       ("V. TỔ CHỨC THỰC HIỆN", None)])
def test_garbled_signer_line(line, head):
    assert garbled_authority(line) == head


def test_lines_broken_at_page_ends_are_joined():
    lines = [Line(t) for t in (
        "I. MỤC ĐÍCH", "Tuyên truyền việc phát triển các mô hình, góp phần phát triển kinh tế - xã hội khu",
        "vực nông thôn.", "- Hoàn thiện bộ nhận diện thương hiệu OCOP huyện", "- Cấp ủy, chính quyền các cấp.",
        "1. Mục tiêu chung", "Đẩy mạnh",
    )]
    assert [line.text for line in join_broken(lines)] == [
        "I. MỤC ĐÍCH", "Tuyên truyền việc phát triển các mô hình, góp phần phát triển kinh tế - xã hội khu vực nông thôn.",
        "- Hoàn thiện bộ nhận diện thương hiệu OCOP huyện", "- Cấp ủy, chính quyền các cấp.", "1. Mục tiêu chung", "Đẩy mạnh",
    ]


def test_interleaved_two_column_header_of_extracted_text():
    """A PDF extractor puts both header columns on one line: the parts are told apart by content."""
    text = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc
Số: 1556/KH-UBND Lai Châu, ngày 25 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Chương trình Mỗi xã một sản phẩm năm 2024
Căn cứ Quyết định số 919/QĐ-TTg ngày 01 tháng 8 năm 2022 của Thủ tướng Chính phủ;
I. MỤC ĐÍCH
Triển khai Chương trình.
Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Bộ Nông nghiệp và PTNT; KT. CHỦ TỊCH
- Lưu: VT, NN. PHÓ CHỦ TỊCH
Lê Văn Lương
"""
    plan = parse_text(text).model
    assert (plan.issuer.name, plan.number, plan.date, plan.place) == ("Ủy ban nhân dân tỉnh Lai Châu", 1556, date(2024, 4, 25), "Lai Châu")
    assert plan.signer.authority_lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert plan.signer.name == "Lê Văn Lương"
    assert plan.recipients == ["Bộ Nông nghiệp và PTNT"] and plan.archive == "VT, NN"


def test_a_line_in_capitals_is_never_continued_in_lower_case():
    lines = join_broken([Line("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"), Line("n cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015;")])
    assert [line.text for line in lines] == ["ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", "n cứ Luật tổ chức chính quyền địa phương ngày 19/6/2015;"]


def test_a_citation_of_a_numbered_plan_runs_on_to_its_end():
    lines = join_broken([Line("Thực hiện Kế hoạch số 3799/KH-UBND ngày 09/11/2022 của Ủy ban nhân dân tỉnh về thực hiện"),
                         Line("Chương trình mỗi xã một sản phẩm giai đoạn 2021-2025;")])
    assert len(lines) == 1


def test_a_hard_wrapped_copy_joins_a_line_cut_at_its_width_before_a_capital():
    words = ("phát triển sản phẩm đặc trưng về giá trị văn hóa lợi thế của địa phương tổ chức đánh giá xếp hạng và "
             "công nhận sản phẩm của tỉnh thực hiện tốt các hoạt động xúc tiến thương mại mở rộng thị trường ").split()
    raw, line = [], ""
    for word in words * 4:  # text wrapped at 78 characters, as a PDF extractor gives it
        if len(line) + len(word) + 1 > 78:
            raw.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    raw[-1] += "."
    text = raw + ["- Tổ chức 04 lớp tập huấn cho khoảng 220 học viên là cán bộ quản lý các cấp và các chủ thể mới tham",
                  "Chương trình OCOP tỉnh Bình Thuận năm 2024.", "- Phát triển mới 20 sản phẩm."]
    lines = join_broken([Line(t) for t in text])
    assert lines[-2].text.endswith("các chủ thể mới tham Chương trình OCOP tỉnh Bình Thuận năm 2024.")
    assert lines[-1].text == "- Phát triển mới 20 sản phẩm."
    # One paragraph per line (a web copy): a line without a sentence end before a capital stays apart.
    short = join_broken([Line("1. Mục tiêu chung"), Line("Phát triển sản phẩm OCOP có thương hiệu.")] * 6)
    assert len(short) == 12


def test_a_place_name_or_an_office_cut_at_the_line_end_runs_on():
    place = join_broken([Line('Điều 1. Phê duyệt Đề án "Mỗi xã một sản phẩm" tỉnh Điện'),
                         Line("Biên giai đoạn 2021-2025, định hướng đến năm 2030.")])
    assert [line.text for line in place] == ['Điều 1. Phê duyệt Đề án "Mỗi xã một sản phẩm" tỉnh Điện Biên giai đoạn 2021-2025, '
                                             "định hướng đến năm 2030."]
    office = join_broken([Line("Điều 3. Chánh Văn phòng"), Line("UBND tỉnh; Giám đốc các Sở chịu trách nhiệm thi hành Quyết định này./.")])
    assert len(office) == 1
    # A whole place name before a new sentence stays apart.
    apart = join_broken([Line("Giao Ủy ban nhân dân huyện Bến Cầu"), Line("Chủ trì thực hiện.")])
    assert len(apart) == 2


def test_a_basis_verb_alone_on_its_line_runs_on():
    lines = join_broken([Line("Căn cứ"), Line("Quyết định số 34/QĐ-UBND ngày 23/01/2019 của UBND tỉnh;")])
    assert [line.text for line in lines] == ["Căn cứ Quyết định số 34/QĐ-UBND ngày 23/01/2019 của UBND tỉnh;"]


def test_a_label_alone_on_its_line_runs_on_to_its_text():
    lines = join_broken([Line("1."), Line("Mục"), Line("đích"), Line("-"), Line("Khuyến"),
                         Line("khích các tổ chức kinh tế tham gia Chương trình OCOP."), Line("2. Yêu cầu")])
    assert [line.text for line in lines] == ["1. Mục đích", "- Khuyến khích các tổ chức kinh tế tham gia Chương trình OCOP.",
                                             "2. Yêu cầu"]


def test_a_line_ending_on_a_dash_runs_on():
    lines = join_broken([Line("Độc lập -"), Line("Tự do - Hạnh phúc")])
    assert [line.text for line in lines] == ["Độc lập - Tự do - Hạnh phúc"]


_COPIED_PLAN = """ỦY BAN NHÂN DÂN
TỈNH THANH HÓA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 36/KH-UBND
Thanh Hóa, ngày 24 tháng 02 năm 2025
KẾ HOẠCH
Thực hiện Chương trình OCOP năm 2025
I. MỤC TIÊU
""" + "".join(f"- Nội dung thứ {k} của mục tiêu năm 2025.\n" for k in range(1, 19)) + """{page}
II. KINH PHÍ THỰC HIỆN
Kinh phí (triệu đồng)

Đơn vị thực hiện

850

TT

1

Tổ chức đánh giá sản phẩm cấp tỉnh

2

Hội chợ OCOP năm 2025
"""


@pytest.mark.parametrize("page", ["2", "2\f", "\f2"])
def test_a_bare_number_copied_out_of_a_pdf_table_is_kept_and_only_page_numbers_go(page):
    # "Select all → Copy" of a PDF: table cells one a line; "850" and the rows' 1, 2 are content, the page's "2" is not
    body = parse_text(_COPIED_PLAN.format(page=page)).data["body"]
    assert body[1]["content"] == ["Kinh phí (triệu đồng)", "Đơn vị thực hiện 850", "TT 1",
                                  "Tổ chức đánh giá sản phẩm cấp tỉnh 2", "Hội chợ OCOP năm 2025"]
    assert body[0]["content"][-1]["target"]["text"] == "Nội dung thứ 18 của mục tiêu năm 2025."  # no page "2" glued
