"""Every layout of the two-column header and every failure of issue 10, as documents officers paste.

Each text below is how a legal-documents website or a provincial portal gives a document (one
row per line with bars, one cell per line, Số and date on one line, a wrapped date, "Số:" alone,
literal "\\r\\n"), with the site's noise around it. What a user reads in the parsed spec is
asserted: issuer, parent, level, Số/ký hiệu, place, date, trích yếu, căn cứ, preamble, sections,
signer (never a default one), and the decision model it renders through.
"""
from __future__ import annotations

from datetime import date

import pytest

from ocop_docs.parse import parse_text
from ocop_docs.parse.spec import spec_data

BODY = """Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ;
Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình OCOP năm 2024 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Phát triển sản phẩm OCOP gắn với lợi thế của địa phương.
II. TỔ CHỨC THỰC HIỆN
Sở Nông nghiệp và Phát triển nông thôn chủ trì, theo dõi, báo cáo.
Nơi nhận:
- Văn phòng Điều phối nông thôn mới Trung ương;
- Lưu: VT, KT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Giàng A Tính
"""


def header(parsed):
    """Header fields as the rendered document prints them (the ký hiệu as printed, default or not)."""
    d = parsed.data
    symbol = d.get("symbol") or (parsed.model.effective_symbol if parsed.model is not None else None)
    return (d["issuer"]["name"], d["issuer"].get("parent"), d["issuer"]["level"], d.get("number"), symbol,
            d["place"], d.get("date"))


LAYOUTS = {
    # PDF text: both columns on one line, the Quốc hiệu in title case, the date wrapped.
    "pdf-interleaved": """ỦY BAN NHÂN DÂN Cộng Hòa Xã Hội Chủ Nghĩa Việt Nam
TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc
Số: 1234/KH-UBND Lai Châu, ngày 25
tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Chương trình OCOP năm 2024
""",
    # A web copy: one row per line, cells between bars.
    "row-per-line": """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
TỈNH LAI CHÂU | Độc lập - Tự do - Hạnh phúc |
--------- | --------------- |
Số: 1234/KH-UBND | Lai Châu, ngày 25 tháng 4 năm 2024 |
KẾ HOẠCH
Thực hiện Chương trình OCOP năm 2024
""",
    # A web copy: one cell per line, "|" and rule lines between cells, everything wrapped narrow.
    "cell-per-line": """ỦY BAN NHÂN
DÂN
TỈNH LAI CHÂU
--------
|
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh
phúc
---------------
|
Số: 1234/KH-UBND
|
Lai
Châu, ngày 25 tháng
4 năm 2024
|
KẾ
HOẠCH
Thực hiện Chương trình OCOP năm 2024
""",
    # "Số:" on its own line, the number on the next.
    "so-alone": """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:
1234/KH-UBND
Lai Châu, ngày 25 tháng 4 năm 2024
KẾ HOẠCH
Thực hiện Chương trình OCOP năm 2024
""",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_header_layout_reads_the_same(layout):
    parsed = parse_text(LAYOUTS[layout] + BODY)
    assert header(parsed) == ("Ủy ban nhân dân tỉnh Lai Châu", None, "tinh", 1234, "KH-UBND", "Lai Châu", date(2024, 4, 25))
    assert parsed.data["title"] == "Thực hiện Chương trình OCOP năm 2024"
    plan = parsed.model
    assert plan is not None, [n.describe() for n in parsed.notes]
    assert [b.text for b in plan.legal_bases] == [
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        "Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ"]
    assert plan.preamble == ["Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chương trình OCOP năm 2024 như sau:"]
    assert [s.heading for s in plan.body] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert plan.signer.authority_lines() == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and plan.signer.name == "Giàng A Tính"


def test_literal_escapes_of_a_site_script():
    text = (LAYOUTS["pdf-interleaved"] + BODY).replace("\n", "\\r\\n")
    assert "\n" not in text
    assert header(parse_text(text))[3:] == (1234, "KH-UBND", "Lai Châu", date(2024, 4, 25))


def test_so_and_date_on_one_line_and_the_place_swallows_nothing():
    text = """UBND TỈNH KIÊN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN | Độc lập - Tự do - Hạnh phúc |
Số: 2891/KH-SNNPTNT | Kiên Giang, ngày 15 tháng 12 năm 2020 |
KẾ HOẠCH
Phát triển sản phẩm OCOP năm 2021
Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ;
I. MỤC TIÊU
Có thêm 20 sản phẩm.
"""
    parsed = parse_text(text)
    assert header(parsed) == ("Sở Nông nghiệp và Phát triển nông thôn", "UBND tỉnh Kiên Giang", "so", 2891,
                              "KH-SNNPTNT", "Kiên Giang", date(2020, 12, 15))


def test_place_is_never_the_next_word():
    # Upper-case issuer, then the date line lacking its place: no "KIÊN GIANG Căn" place.
    text = """ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 15/KH-UBND
KẾ HOẠCH
Thực hiện Chương trình OCOP năm 2021
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
I. MỤC TIÊU
Có thêm 20 sản phẩm.
"""
    parsed = parse_text(text)
    # No place printed: left blank, never made up; the issuer's place is only proposed.
    assert parsed.data["place"] == "…"
    assert any(n.field == "place" and "có thể là 'Kiên Giang'" in n.message for n in parsed.notes)


SITE = """Trang chủ > Văn bản pháp luật > Nông nghiệp
Kế hoạch 1234/KH-UBND năm 2024 thực hiện Chương trình OCOP tỉnh Lai Châu
Số hiệu: | 1234/KH-UBND | Loại văn bản: | Kế hoạch |
Nơi ban hành: | Tỉnh Lai Châu | Người ký: | Giàng A Tính |
Ngày ban hành: | 25/04/2024 | Ngày hiệu lực: | Đã biết |
Tình trạng: | Đã biết |
Văn bản liên quan
- 1Luật tổ chức chính quyền địa phương 2015
- 2Quyết định 919/QĐ-TTg năm 2022
Đang tải văn bản...
"""
FOOTER = """Lượt xem: 1.234
Văn bản liên quan
- 1Luật tổ chức chính quyền địa phương 2015
Bản quyền thuộc Thư viện văn bản. Địa chỉ: 17 Nguyễn Gia Thiều.
"""


def test_site_noise_is_not_the_document():
    parsed = parse_text(SITE + LAYOUTS["row-per-line"] + "Đang tải văn bản...\n" + BODY + FOOTER)
    assert header(parsed) == ("Ủy ban nhân dân tỉnh Lai Châu", None, "tinh", 1234, "KH-UBND", "Lai Châu", date(2024, 4, 25))
    data = spec_data(parsed.model)
    assert data["title"] == "Thực hiện Chương trình OCOP năm 2024"  # never "- 1Luật tổ chức …"
    dumped = str(data)
    for noise in ("1Luật", "Đang tải", "Lượt xem", "Bản quyền", "Trang chủ", "Số hiệu"):
        assert noise not in dumped
    assert parsed.model.recipients == ["Văn phòng Điều phối nông thôn mới Trung ương"]
    assert any("đã bỏ" in n.message and "trang web" in n.message for n in parsed.notes)


def test_site_metadata_is_evidence_only_when_the_body_lacks_a_field():
    body_without_header = "KẾ HOẠCH\nThực hiện Chương trình OCOP năm 2024\n" + BODY
    parsed = parse_text(SITE + body_without_header)
    assert parsed.data["number"] == 1234 and parsed.data["date"] == date(2024, 4, 25)
    described = [n.describe() for n in parsed.notes]
    assert any(d.startswith("number: số, ký hiệu '1234/KH-UBND' lấy từ bảng thông tin của trang web") for d in described)
    assert any(d.startswith("date: ngày ban hành 25/04/2024 lấy từ bảng thông tin của trang web") for d in described)
    # "Nơi ban hành: Tỉnh Lai Châu" with "Ủy ban nhân dân tỉnh ban hành …" in the text: the issuer, said so.
    assert parsed.data["issuer"]["name"] == "Ủy ban nhân dân tỉnh Lai Châu" and parsed.data["place"] == "…"
    assert any(d.startswith("issuer: cơ quan ban hành 'Ủy ban nhân dân tỉnh Lai Châu' lấy từ bảng thông tin") for d in described)
    assert parsed.model is not None


def test_wrapped_lines_are_one_paragraph_again():
    text = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
KẾ HOẠCH
Thực hiện Chương trình OCOP
năm 2024
Căn cứ Luật Tổ chức chính quyền
địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ. Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH,
YÊU CẦU
1. Mục đích
Phát triển sản phẩm OCOP gắn với lợi thế của
địa phương, nâng cao thu nhập
cho người dân.
- Hoàn thành
trong năm 2024.
II. TỔ CHỨC THỰC HIỆN
Các sở thực hiện.
"""
    plan = parse_text(text).model
    assert plan.title == "Thực hiện Chương trình OCOP năm 2024"
    assert [b.text for b in plan.legal_bases] == [
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        "Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ"]
    assert plan.preamble == ["Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"]  # never merged into, nor lost with, the căn cứ
    assert [s.heading for s in plan.body] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    purpose = plan.body[0].content[0].content
    assert [p.text for p in purpose] == [
        "Phát triển sản phẩm OCOP gắn với lợi thế của địa phương, nâng cao thu nhập cho người dân.",
        "Hoàn thành trong năm 2024."]


def test_bases_run_together_are_split_one_by_one():
    text = ("ỦY BAN NHÂN DÂN HUYỆN BẾN CẦU\nKẾ HOẠCH\nThực hiện Chương trình OCOP năm 2024\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; "
            "Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ; Căn cứ Nghị định số 98/2018/NĐ-CP ngày 05/7/2018 "
            "của Chính phủ; Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\n"
            "I. MỤC TIÊU\nCó thêm 5 sản phẩm.\n")
    plan = parse_text(text).model
    # One căn cứ per cited act; an act cited after ";" without its own verb is printed without one.
    assert [(b.verb, b.text) for b in plan.legal_bases] == [
        ("Căn cứ", "Luật Tổ chức chính quyền địa phương ngày 19/6/2015"),
        ("", "Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ"),
        ("Căn cứ", "Nghị định số 98/2018/NĐ-CP ngày 05/7/2018 của Chính phủ")]
    assert plan.preamble == ["Ủy ban nhân dân huyện ban hành Kế hoạch như sau:"]


def test_no_signer_is_invented():
    text = LAYOUTS["row-per-line"] + BODY.split("Nơi nhận:")[0]
    parsed = parse_text(text)
    assert parsed.model is not None and parsed.model.signer is None
    assert "signer" not in spec_data(parsed.model)
    assert any(n.field == "signer" and "không có khối chữ ký" in n.message for n in parsed.notes)


def test_upper_case_title_keeps_names_and_acronyms():
    text = ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nKẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH OCOP TỈNH LÂM ĐỒNG NĂM 2024\n"
            "I. MỤC TIÊU\nCó thêm 5 sản phẩm.\n")
    parsed = parse_text(text)
    assert parsed.data["title"] == "Thực hiện Chương trình OCOP tỉnh Lâm Đồng năm 2024"
    assert any(n.field == "title" and "viết hoa toàn bộ" in n.message and n.where for n in parsed.notes)


def test_markdown_table_row_does_not_crash():
    # dataclasses.replace() got multiple values for keyword argument 'notes' (parse/lines.py)
    text = "| ỦY BAN NHÂN DÂN HUYỆN BẾN CẦU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 12/KH-UBND | Bến Cầu, ngày 2 tháng 3 năm 2024 |\n" \
           "KẾ HOẠCH\nThực hiện Chương trình OCOP năm 2024\nI. MỤC TIÊU\nCó thêm 5 sản phẩm₂.\n"
    parsed = parse_text(text)
    assert header(parsed) == ("Ủy ban nhân dân huyện Bến Cầu", None, "huyen", 12, "KH-UBND", "Bến Cầu", date(2024, 3, 2))


DECISION = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
TỈNH KIÊN GIANG | Độc lập - Tự do - Hạnh phúc |
Số: 2891/QĐ-UBND | Kiên Giang, ngày 15 tháng 12 năm 2020 |
Về việc phê duyệt Đề án phát triển sản phẩm OCOP tỉnh Kiên Giang giai đoạn 2021-2025
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn tại Tờ trình số 318/TTr-SNNPTNT ngày 30/11/2020.
QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án phát triển sản phẩm OCOP tỉnh Kiên Giang giai đoạn 2021-2025, với các nội dung sau:
1. Mục tiêu
a) Đến năm 2025 có 100 sản phẩm đạt 3 sao;
- Trong đó 10 sản phẩm 4 sao;
b) Củng cố 50 chủ thể.
2. Giải pháp: đẩy mạnh xúc tiến thương mại.
Điều 2. Tổ chức thực hiện
Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì triển khai.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở chịu trách nhiệm thi hành Quyết định này.
Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận: | KT. CHỦ TỊCH |
- Như Điều 3; | PHÓ CHỦ TỊCH |
- Lưu: VT, P.KT. | |
| Lâm Minh Thành |
"""


def test_decision_without_its_type_line_is_a_decision():
    parsed = parse_text(DECISION)
    assert parsed.kind == "decision" and parsed.doc_type == "Quyết định"
    model = parsed.model
    assert model is not None and model.kind == "quyet-dinh", [n.describe() for n in parsed.notes]
    assert (model.number, model.effective_symbol, model.place, model.date) == (2891, "QĐ-UBND", "Kiên Giang", date(2020, 12, 15))
    assert model.authority_line() == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"
    assert [b.verb for b in model.effective_bases()] == ["Căn cứ", "Theo đề nghị của"]
    first, second, third = model.articles
    assert first.clauses[0].label == "1." and [p.label for p in first.clauses[0].points] == ["a)", "b)"]
    assert first.clauses[0].points[0].content == ["- Trong đó 10 sản phẩm 4 sao;"]
    assert second.title == "Tổ chức thực hiện"
    assert third.clauses[0].text == "Quyết định này có hiệu lực kể từ ngày ký."
    assert model.signer.authority_lines() == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and model.signer.name == "Lâm Minh Thành"
    assert model.recipients == ["Như Điều 3"] and model.archive == "VT, P.KT"
    assert not any("chưa có mô hình" in n.message for n in parsed.notes)


def test_general_decision_renders_and_reads_back_the_same(tmp_path):
    from docx import Document

    from ocop_docs.parse import parse_file
    from ocop_docs.render import render_spec

    model = parse_text(DECISION).model
    out = render_spec(model, tmp_path / "qd.docx")
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG" in texts and "QUYẾT ĐỊNH:" in texts
    assert "a) Đến năm 2025 có 100 sản phẩm đạt 3 sao;" in texts
    assert "Quyết định này có hiệu lực kể từ ngày ký./." in texts  # ND30-BODY-07
    again = parse_file(out).model
    assert spec_data(again) == spec_data(model)
    from ocop_docs.check import check_file

    assert [f for f in check_file(out).findings if f.severity == "error"] == []  # ND30 form


CUT_DECISION = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
TỈNH THÁI NGUYÊN | Độc lập - Tự do - Hạnh phúc |
Số: 25/2022/QĐ-UBND | Thái Nguyên, ngày 10 tháng 8 năm 2022 |
QUYẾT ĐỊNH
Ban hành Quy chế quản lý nguồn vốn quay vòng
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Tài chính.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý nguồn vốn quay vòng.
Điều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 8 năm 2022./.
Nơi nhận: | TM. ỦY BAN NHÂN DÂN |
- Như Điều 2; | KT. CHỦ TỊCH |
"""
"""A copy cut like the web gives it: no thẩm quyền line, the Nơi nhận and the signature cut after
"KT. CHỦ TỊCH" (no "Lưu:", no title, no name), and the number of a normative act (with its year)."""


def test_a_cut_decision_renders_without_made_up_parts_and_reads_back_the_same(tmp_path):
    from docx import Document

    from ocop_docs.parse import parse_file
    from ocop_docs.render import render_spec

    parsed = parse_text(CUT_DECISION)
    model = parsed.model
    assert model is not None, [n.describe() for n in parsed.notes]
    assert model.authority is None and model.archive is None and model.recipients == ["Như Điều 2"]
    assert (model.number, model.number_year, model.effective_symbol) == (25, 2022, "QĐ-UBND")
    assert model.signer.authority_lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"] and not model.signer.title
    assert any(n.field == "signer.title" for n in parsed.notes)  # listed as missing
    out = render_spec(model, tmp_path / "qd.docx")
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Số: 25/2022/QĐ-UBND" in cells  # the number as printed, year included
    assert not any("Lưu" in t for t in texts + cells)  # no "- Lưu: VT." made up
    title = texts.index("Ban hành Quy chế quản lý nguồn vốn quay vòng")
    assert texts[title + 1].startswith("Căn cứ")  # no thẩm quyền line guessed from the issuer
    again = parse_file(out)
    assert spec_data(again.model) == spec_data(model)


def test_a_signature_mark_belongs_to_the_signer_block_not_to_an_attached_part():
    # A web copy writes "(Đã ký)" where the signature stands, between the title and the name.
    signed = DECISION.replace("| Lâm Minh Thành |", "| (Đã ký) |\n| Lâm Minh Thành |").replace(
        "Quyết định này có hiệu lực kể từ ngày ký./.\n", "Quyết định này có hiệu lực kể từ ngày ký./.\nCHỦ TỊCH\n(Đã ký)\nLâm Minh Thành\n")
    model = parse_text(signed).model
    assert model.attached == [] and model.signer.name == "Lâm Minh Thành"


def test_a_drafts_blank_number_is_no_number_as_printed():
    draft = parse_text(DECISION.replace("Số: 2891/QĐ-UBND", "Số:      /QĐ-UBND"))
    assert "_number_text" not in draft.data and draft.model.number is None
    assert draft.model.effective_symbol == "QĐ-UBND"
    assert parse_text(DECISION).data["_number_text"] == "2891/QĐ-UBND"


def test_a_normative_decision_rolls_forward_with_its_number_year():
    from ocop_docs.rollforward.decision import roll_decision

    model = parse_text(CUT_DECISION).model
    result = roll_decision(model, 2023, on=date(2023, 3, 1))
    assert (result.plan.number, result.plan.number_year) == (None, 2023)
    # The Lưu line the copy did not show stays empty in the draft and is listed for the writer.
    assert result.plan.archive is None and any(item.what == "Dòng Lưu" for item in result.reviews)


def test_general_decision_rolls_forward_to_a_new_date():
    from ocop_docs.rollforward.decision import roll_decision

    model = parse_text(DECISION.replace("2021-2025", "2021-2022").replace("năm 2020 |", "năm 2020 |")).model
    result = roll_decision(model, 2021, on=date(2021, 3, 1))
    draft = result.plan
    assert draft.number is None and draft.date is None and draft.draft_year == 2021
    assert draft.kind == "quyet-dinh" and len(draft.articles) == 3
    assert any(item.category == "signer" for item in result.reviews)
    assert any(item.category == "number" for item in result.changes)


def test_council_decision_reads_into_its_own_model_and_renders_the_same(tmp_path):
    from docx import Document

    from ocop_docs.io import load_spec
    from ocop_docs.parse import parse_file
    from ocop_docs.render import render_spec
    from testpaths import SAMPLES

    first = render_spec(load_spec(SAMPLES / "decisions" / "ben-cau-2024-hoi-dong.yaml"), tmp_path / "hd.docx")
    parsed = parse_file(first)
    model = parsed.model
    assert parsed.kind == "council_decision" and model.kind == "quyet-dinh-hoi-dong", [n.describe() for n in parsed.notes]
    assert model.action == "kiện toàn" and len(model.members) == 9 and len(model.team.members) == 4
    assert model.members[0].role == "Chủ tịch Hội đồng" and model.members[0].name == "Nguyễn Văn Hùng"
    assert model.team.label == "Tổ giúp việc" and model.replaces[0].number == 1526
    again = render_spec(model, tmp_path / "hd2.docx")
    texts = lambda path: [p.text for p in Document(str(path)).paragraphs]  # noqa: E731
    assert texts(again) == texts(first)  # parse → render prints the same decision, word for word


def test_council_decision_that_does_not_fit_stays_general_with_the_reason():
    text = DECISION.replace("Về việc phê duyệt Đề án phát triển sản phẩm OCOP tỉnh Kiên Giang giai đoạn 2021-2025",
                            "Về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Kiên Giang")
    parsed = parse_text(text)
    assert parsed.kind == "decision" and parsed.model.subject == "hội đồng"
    assert any(n.field == "kind" and "chưa đọc được thành loại 'quyet-dinh-hoi-dong'" in n.message for n in parsed.notes)


def test_a_decision_to_phan_hang_and_certify_is_read_as_a_recognition_decision():
    text = DECISION.replace("Về việc phê duyệt Đề án phát triển sản phẩm OCOP tỉnh Kiên Giang giai đoạn 2021-2025",
                            "Về việc phân hạng và cấp giấy chứng nhận sản phẩm OCOP tỉnh Kiên Giang năm 2021")
    parsed = parse_text(text)
    assert parsed.model.subject == "công nhận"
    assert any(n.field == "kind" and "chưa đọc được thành loại 'quyet-dinh-cong-nhan'" in n.message for n in parsed.notes)


def test_recognition_decision_reads_its_product_list_and_renders_the_same(tmp_path):
    from docx import Document

    from ocop_docs.io import load_spec
    from ocop_docs.parse import parse_file
    from ocop_docs.render import render_spec
    from testpaths import SAMPLES

    sample = load_spec(SAMPLES / "decisions" / "ha-tinh-2026-cong-nhan-dot-1.yaml")
    first = render_spec(sample, tmp_path / "cn.docx")
    parsed = parse_file(first)
    model = parsed.model
    assert parsed.kind == "recognition_decision" and model is not None, [n.describe() for n in parsed.notes]
    assert (model.round, model.year, model.with_certificate) == (1, 2026, True)
    assert [(p.name, p.owner, p.score, p.stars, p.code) for p in model.products] == \
        [(p.name, p.owner, p.score, p.stars, p.code) for p in sample.products]
    assert not any(n.field == "attached" for n in parsed.notes)  # the list is the products, not loose text
    again = render_spec(model, tmp_path / "cn2.docx")
    cells = lambda path: [c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells]  # noqa: E731
    texts = lambda path: [p.text for p in Document(str(path)).paragraphs]  # noqa: E731
    assert texts(again) == texts(first) and cells(again) == cells(first)


@pytest.mark.parametrize("upper,expected", [
    ("BAN HÀNH KẾ HOẠCH PHÁT TRIỂN HTX NÔNG NGHIỆP GẮN VỚI SẢN PHẨM OCOP TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH",
     "Ban hành Kế hoạch phát triển HTX nông nghiệp gắn với sản phẩm OCOP trên địa bàn thành phố Hồ Chí Minh"),
    ("VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN HỖ TRỢ SỞ NN&PTNT VÀ UBND CÁC HUYỆN",
     "Về việc phê duyệt Đề án hỗ trợ Sở NN&PTNT và UBND các huyện"),
    ("TRIỂN KHAI CHƯƠNG TRÌNH MTQG XÂY DỰNG NÔNG THÔN MỚI TẠI XÃ TÂN HÒA, HUYỆN GÒ CÔNG ĐÔNG",
     "Triển khai Chương trình MTQG xây dựng nông thôn mới tại xã Tân Hòa, huyện Gò Công Đông"),
])
def test_vietnamese_aware_case_keeps_names_and_acronyms(upper, expected):
    from ocop_docs.parse.structure import sentence_case

    assert sentence_case(upper) == expected


def test_signature_and_recipients_each_in_one_web_cell():
    text = DECISION.split("Nơi nhận:")[0] + (
        "Nơi nhận: - Như Điều 3; - Bộ trưởng (để b/c); - Bộ KH&CN; - Lưu: VT, KHCN. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lâm Minh Thành |\n")
    model = parse_text(text).model
    assert model.recipients == ["Như Điều 3", "Bộ trưởng (để b/c)", "Bộ KH&CN"] and model.archive == "VT, KHCN"
    assert model.signer.authority_lines() == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and model.signer.name == "Lâm Minh Thành"


def test_a_missing_title_line_under_kt_is_not_made_up():
    text = DECISION.replace("- Như Điều 3; | PHÓ CHỦ TỊCH |", "- Như Điều 3; | |")
    parsed = parse_text(text)
    assert parsed.model.signer.authority_lines() == ["KT. CHỦ TỊCH"] and parsed.model.signer.title is None
    assert any(n.field == "signer.title" and "để trống" in n.message for n in parsed.notes)


def test_a_basis_sentence_with_its_purpose_and_enacting_clause():
    text = ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ\nKẾ HOẠCH\nThực hiện Đề án OCOP năm 2024\n"
            "Thực hiện Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ, nhằm tiếp tục triển khai Đề án "
            "có hiệu quả, Ủy ban nhân dân thành phố ban hành Kế hoạch với những nội dung sau:\nI. MỤC TIÊU\nCó thêm 5 sản phẩm.\n")
    plan = parse_text(text).model
    assert [(b.verb, b.text) for b in plan.legal_bases] == [
        ("Thực hiện", "Quyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ")]
    assert plan.preamble == ["Nhằm tiếp tục triển khai Đề án có hiệu quả, Ủy ban nhân dân thành phố ban hành Kế hoạch "
                             "với những nội dung sau:"]
