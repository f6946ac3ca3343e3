"""Star rules (OCOP-BAND) and who may recognise which stars on which date (OCOP-RECOGNISE, OCOP-LEVEL)."""
from __future__ import annotations

import json

from decimal import Decimal

import pytest
from gcn_helpers import issuer_data, write_issuer

from ocop_docs.certificates.model import CertificateIssuer, load_issuer
from ocop_docs.certificates.rules import stars_for
from ocop_docs.errors import DataError, RuleViolation
from ocop_docs.model.product import Product


def issuer(level: str, date: str) -> CertificateIssuer:
    return CertificateIssuer.model_validate(issuer_data(level=level, date=date))


def product(score=None, stars=None, evaluated_on=None) -> Product:
    return Product(name="Mật ong hoa rừng", owner="Hợp tác xã Ong mật", score=score, stars=stars, evaluated_on=evaluated_on)


@pytest.mark.parametrize(
    "score, stars",
    [(50, 3), ("69.99", 3), (70, 4), ("89.99", 4), (90, 5), (100, 5), ("78.25", 4)],
)
def test_band_from_score_ocop_band(score, stars):
    """ocop.md §2.1: "từ X đến dưới Y", 5★ from 90 to 100 inclusive (a ministry may issue 5★)."""
    level = "trung_uong" if stars == 5 else "tinh"
    assert stars_for(product(score=Decimal(str(score))), issuer(level, "2026-10-28")) == stars


@pytest.mark.parametrize("score", [0, 29.99, 30, 49.99])
def test_one_and_two_stars_get_no_certificate(score):
    with pytest.raises(RuleViolation) as err:
        stars_for(product(score=Decimal(str(score))), issuer("tinh", "2026-10-28"))
    assert err.value.rule == "OCOP-RECOGNISE"
    assert "không được cấp giấy chứng nhận" in str(err.value)


def test_stated_star_contradicting_score_is_an_error():
    with pytest.raises(RuleViolation) as err:
        stars_for(product(score=Decimal("65.5"), stars=4), issuer("tinh", "2026-10-28"))
    assert err.value.rule == "OCOP-BAND"
    assert "thuộc hạng 3 sao" in str(err.value)


def test_stars_without_score_are_taken_as_stated():
    assert stars_for(product(stars=4), issuer("tinh", "2026-10-28")) == 4


def test_neither_score_nor_stars():
    with pytest.raises(RuleViolation, match="thiếu cả điểm và hạng sao"):
        stars_for(product(), issuer("tinh", "2026-10-28"))


# (level, decision date, stars, allowed) — ocop.md §3: QĐ 1048 tỉnh 3–4★; QĐ 148 huyện 3★ and
# tỉnh 4★; QĐ 1489 (from 06/07/2025) and 26/2026 tỉnh 3–4★; 5★ only the ministry.
RECOGNITION = [
    ("tinh", "2021-07-21", 3, True),
    ("tinh", "2021-07-21", 4, True),
    ("trung_uong", "2021-07-21", 5, True),
    ("huyen", "2023-11-14", 3, True),
    ("huyen", "2023-11-14", 4, False),
    ("tinh", "2023-11-14", 4, True),
    ("tinh", "2023-11-14", 3, False),
    ("tinh", "2025-06-19", 3, False),
    ("tinh", "2025-07-06", 3, True),
    ("tinh", "2025-08-05", 4, True),
    ("tinh", "2026-10-28", 3, True),
    ("tinh", "2026-10-28", 5, False),
    ("trung_uong", "2026-10-28", 4, False),
    ("trung_uong", "2026-10-28", 5, True),
]


@pytest.mark.parametrize("level, on, stars, allowed", RECOGNITION)
def test_level_may_recognise_stars_on_date_ocop_recognise(level, on, stars, allowed):
    score = {3: Decimal(60), 4: Decimal(80), 5: Decimal(95)}[stars]
    iss = issuer(level, on)
    if allowed:
        assert stars_for(product(score=score), iss) == stars
    else:
        with pytest.raises(RuleViolation) as err:
            stars_for(product(score=score), iss)
        assert err.value.rule == "OCOP-RECOGNISE"
        assert "chỉ được công nhận" in str(err.value)


def test_district_issuer_after_june_2025_is_refused_for_the_whole_file(tmp_path):
    """OCOP-LEVEL: no district level after 30/06/2025 — an error of the issuer file, not of a row."""
    path = write_issuer(tmp_path, level="huyen", date="2025-08-05")
    with pytest.raises(DataError) as err:
        load_issuer(path)
    assert "cấp huyện không còn" in str(err.value)
    assert "issuer.level" in str(err.value)


def test_issuer_of_a_province_merged_in_2025_is_refused_for_the_whole_file(tmp_path):
    """NQ 202/2025/QH15: a certificate of 2026 is not issued in the name of tỉnh Hà Nam (now Ninh Bình)."""
    path = write_issuer(tmp_path, date="2026-09-10")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["issuer"]["name"] = "UBND tỉnh Hà Nam"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_issuer(path)
    assert "tỉnh Hà Nam là một phần của tỉnh Ninh Bình" in str(err.value)
    assert "issuer.name" in str(err.value)


def test_level_that_recognises_nothing_is_refused(tmp_path):
    path = write_issuer(tmp_path, level="huyen", date="2021-07-21")  # QĐ 1048: district only pre-scores
    with pytest.raises(DataError, match="không có thẩm quyền công nhận"):
        load_issuer(path)


def test_ministry_must_carry_its_name_of_the_day(tmp_path):
    path = write_issuer(tmp_path, level="trung_uong", date="2024-05-10")  # before the 01/03/2025 merger
    with pytest.raises(DataError, match="phải là 'Bộ Nông nghiệp và Phát triển nông thôn'") as err:
        load_issuer(path)
    assert err.value.problems[0].rule == "OCOP-AGENCY" and "OCOP-AGENCY" not in str(err.value)


def test_evaluation_after_the_decision_is_refused():
    from datetime import date

    with pytest.raises(RuleViolation, match="sau ngày ký quyết định"):
        stars_for(product(score=Decimal(60), evaluated_on=date(2026, 11, 2)), issuer("tinh", "2026-10-28"))


def test_validity_is_36_months_to_the_same_day():
    from datetime import date

    from ocop_docs.certificates.context import validity_end

    assert validity_end(date(2026, 10, 28)) == date(2029, 10, 28)
    assert validity_end(date(2024, 2, 29)) == date(2027, 2, 28)


def test_issuer_file_errors_name_field_and_line(tmp_path):
    path = tmp_path / "dot.yaml"
    path.write_text(
        "issuer:\n  name: UBND tỉnh Hà Tĩnh\n  level: tinh\ndecision:\n  number: 12\n  date: 31/02/2026\n"
        "place: Hà Tĩnh\nsigner:\n  title: Chủ tịch\nnumbering:\n  format: 'GCN-{stt}'\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        load_issuer(path)
    text = str(err.value)
    assert "decision.date" in text and "dòng 6" in text
    assert "numbering.format" in text and "{so}" in text


def test_block_height_is_the_templates_fixed_row():
    """The height check of the middle block (rules.check_texts) uses the shipped template's exact row height."""
    from docx import Document
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    from ocop_docs.certificates import layout
    from ocop_docs.render.templates import template_path

    document = Document(str(template_path("certificate", None)))
    [row] = [r for t in document.tables for r in t.rows if r.height_rule == WD_ROW_HEIGHT_RULE.EXACTLY]
    assert row.height.twips == layout.MIDDLE_HEIGHT
    assert "product_name" in row.cells[0].text and "details_line" in row.cells[0].text


LONG_NAME = ("NƯỚC MẮM CÁ CƠM NGUYÊN CHẤT THƯỢNG HẠNG ĐẶC BIỆT ĐÓNG CHAI THỦY TINH MŨ ĐỎ LÀNG CHÀI VŨNG ÁNG "
             "KỲ ANH HÀ TĨNH LOẠI MỘT LÍT HAI MƯƠI ĐẠM")[:150]
LONG_OWNER = ("CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN THƯƠNG MẠI DỊCH VỤ ĐẶC SẢN MIỀN TRUNG " * 3)[:200]
LONG_ADDRESS = ("THÔN MỸ HÒA, XÃ KỲ HOA, THỊ XÃ KỲ ANH CŨ, NAY LÀ PHƯỜNG HOÀNH SƠN, TỈNH HÀ TĨNH, VIỆT NAM, " * 3)[:200]


def test_long_texts_together_shrink_the_largest_before_a_row_is_refused():
    """Each text alone fits at a size; together they do not: the name, printed largest, steps down first."""
    from ocop_docs.certificates import layout

    owner, address, details = f"Chủ thể: {LONG_OWNER}", f"Địa chỉ: {LONG_ADDRESS}", "Nhóm sản phẩm: Nước mắm"
    alone = [layout.fit_class(LONG_NAME, layout.NAME_CLASSES, True), layout.fit_class(owner, layout.INFO_CLASSES),
             layout.fit_class(address, layout.INFO_CLASSES)]
    name_fit, owner_fit, address_fit = layout.fit_block(LONG_NAME, owner, address, details)
    assert name_fit.size < alone[0].size and name_fit.size >= 12  # smaller, still readable
    assert min(owner_fit.size, address_fit.size) >= 10
    too_long = [(LONG_NAME + " ") * 2, (owner + " ") * 2, (address + " ") * 2]
    assert all(layout.fits(t, c, b) for t, c, b in zip(too_long, (layout.NAME_CLASSES, layout.INFO_CLASSES,
                                                              layout.INFO_CLASSES), (True, False, False)))
    assert layout.fit_block(*too_long, details) is None  # each fits alone, not all at the smallest sizes: refused
    product = Product(row=2, name=LONG_NAME, owner=LONG_OWNER, address=LONG_ADDRESS, group="Nước mắm", score=Decimal(78))
    from ocop_docs.certificates.rules import check_texts

    check_texts(product)  # printed, not refused
    with pytest.raises(ValueError, match="cộng lại quá dài"):
        check_texts(product.model_copy(update={"name": too_long[0], "owner": too_long[1][len("Chủ thể: "):],
                                               "address": too_long[2][len("Địa chỉ: "):]}))


@pytest.mark.parametrize("fmt, words", [
    ("{so:03d/{nam}/GCN-OCOP", "dấu '{' chưa được đóng bằng '}'"),
    ("{so}/{nam}/GCN-OCOP}", "dấu '}' thừa"),
    ("{so:03q}/{nam}", "mã định dạng 'q' không dùng được cho số"),
    ("{so:>99999999999}/{nam}", "độ rộng hoặc số chữ số quá lớn"),  # a 100 GB number, refused before it is made
])
def test_a_wrong_numbering_format_is_said_in_vietnamese(tmp_path, fmt, words):
    from english import english_leaks

    path = write_issuer(tmp_path, numbering={"format": fmt})
    with pytest.raises(DataError) as err:
        load_issuer(path)
    text = str(err.value)
    assert "numbering.format" in text and words in text
    assert english_leaks(text.replace(fmt, "")) == []
