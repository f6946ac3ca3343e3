"""A district plan re-issued by a commune or the province: the old district's words rewritten, each flagged."""
from __future__ import annotations

from ocop_docs.model.common import Issuer
from ocop_docs.rollforward.scope import rescope

DISTRICT = Issuer(name="Ủy ban nhân dân huyện Bến Cầu", level="huyen", abbreviation="UBND")
COMMUNE = Issuer(name="Ủy ban nhân dân xã Long Thuận", level="xa", abbreviation="UBND")
PROVINCE = Issuer(name="Ủy ban nhân dân tỉnh Tây Ninh", level="tinh", abbreviation="UBND")


def test_the_district_as_territory_and_its_bodies_become_the_commune():
    text = ("Các cơ quan, ban, ngành, đoàn thể huyện phối hợp UBND huyện tuyên truyền trên địa bàn huyện Bến Cầu "
            "để nhân dân toàn huyện và trong huyện biết; Phòng Nông nghiệp và PTNT huyện chủ trì.")
    result = rescope(text, DISTRICT, COMMUNE)
    assert result.text == ("Các cơ quan, ban, ngành, đoàn thể xã phối hợp UBND xã tuyên truyền trên địa bàn xã Long Thuận "
                           "để nhân dân toàn xã và trong xã biết; Phòng Kinh tế chủ trì.")
    assert len(result.changes) == 6 and result.kept == []


def test_district_offices_go_to_the_commune_offices_and_each_is_left_to_confirm():
    text = ("Phối hợp Phòng Tài chính - Kế hoạch huyện, Phòng Văn hóa - Thông tin huyện, Phòng Kinh tế & Hạ tầng huyện "
            "và Ủy ban MTTQVN huyện; Hội đồng đánh giá sản phẩm cấp huyện.")
    result = rescope(text, DISTRICT, COMMUNE)
    assert result.text == ("Phối hợp Phòng Kinh tế, Phòng Văn hóa - Xã hội, Phòng Kinh tế "
                           "và Ủy ban MTTQVN xã; Hội đồng đánh giá sản phẩm cấp huyện.")
    assert [new for _, new in result.guessed] == ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế",
                                                   "Ủy ban MTTQVN xã"]
    # "cấp huyện" may name the old level on purpose: left as written, for a person.
    assert len(result.kept) == 1 and "cấp huyện" in result.kept[0]


def test_a_province_issuer_gets_the_province_words_and_citations_stay():
    text = ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND huyện Bến Cầu về OCOP, UBND huyện triển khai "
            "trên địa bàn huyện.")
    result = rescope(text, DISTRICT, PROVINCE)
    assert result.text == ("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND huyện Bến Cầu về OCOP, UBND tỉnh "
                           "triển khai trên địa bàn tỉnh.")
    assert result.guessed == []  # the commune offices are not the province's


def test_work_given_to_the_communes_and_towns_is_left_to_the_commune_to_name():
    """FINDINGS 21: a commune's plan must not hand work to «các xã, thị trấn» without a word."""
    text = "UBND các xã, thị trấn: triển khai Kế hoạch trên địa bàn huyện."
    result = rescope(text, DISTRICT, COMMUNE)
    assert result.text == "UBND các xã, thị trấn: triển khai Kế hoạch trên địa bàn xã."
    assert len(result.kept) == 1 and "các xã, thị trấn" in result.kept[0]
    assert "không còn thị trấn từ 01/07/2025" in result.kept_notes[0]
    assert rescope(text, DISTRICT, PROVINCE).kept == []  # a province plan may still name its communes


def test_a_district_office_in_a_province_plan_is_left_to_a_person_once():
    text = "Phòng Kinh tế và Hạ tầng huyện chủ trì, phối hợp Phòng Tài chính - Kế hoạch; Văn phòng HĐND và UBND."
    result = rescope(text, DISTRICT, PROVINCE)
    assert [k.strip("…") for k in result.kept] and len(result.kept) == 2  # no second comment for its "huyện"
    assert result.kept_notes[0].startswith("«Phòng Kinh tế và Hạ tầng huyện» là phòng của cấp huyện")
    assert result.kept_notes[1].startswith("«Phòng Tài chính - Kế hoạch» là phòng của cấp huyện")


def test_a_commune_renamed_by_the_merger_names_its_new_territory_and_each_is_a_decision():
    old = Issuer(name="Ủy ban nhân dân xã Đông Thành", level="xa", abbreviation="UBND")
    new = Issuer(name="Ủy ban nhân dân xã Đông Thạnh", level="xa", abbreviation="UBND")
    text = ("Thực hiện Chương trình OCOP trên địa bàn xã Đông Thành; theo Kế hoạch số 5/KH-UBND ngày 02/01/2025 "
            "của UBND xã Đông Thành.")
    result = rescope(text, old, new)
    assert result.text == ("Thực hiện Chương trình OCOP trên địa bàn xã Đông Thạnh; theo Kế hoạch số 5/KH-UBND ngày "
                           "02/01/2025 của UBND xã Đông Thành.")
    assert result.guessed == [("xã Đông Thành", "xã Đông Thạnh")]


def test_a_district_office_named_without_huyen_is_the_commune_office_too():
    text = "2.1. Phòng Kinh tế và Hạ tầng; Phòng Kinh tế và Hạ tầng huyện Bến Cầu; Phòng Kinh tế, Hạ tầng và Đô thị."
    result = rescope(text, DISTRICT, COMMUNE)
    assert result.text == "2.1. Phòng Kinh tế; Phòng Kinh tế xã Long Thuận; Phòng Kinh tế, Hạ tầng và Đô thị."
    assert [new for _, new in result.guessed] == ["Phòng Kinh tế", "Phòng Kinh tế"]


def test_two_levels_named_together_are_left_for_a_person():
    result = rescope("giới thiệu sản phẩm OCOP trong huyện, tỉnh", DISTRICT, PROVINCE)
    assert result.text == "giới thiệu sản phẩm OCOP trong huyện, tỉnh" and len(result.kept) == 1
