"""The canonical identity of an issuing body: official area code + body, whatever the spelling."""
from __future__ import annotations

import pytest

from ocop_docs.certificates.issuers import identify, issuer_key


@pytest.mark.parametrize("a, b", [
    ("UBND tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("Uỷ ban nhân dân  Tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("UBND TP. Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Sở NN&MT tỉnh Hà Tĩnh", "Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh"),
])
def test_spellings_of_one_body_share_a_key(a, b):
    assert issuer_key(a) == issuer_key(b)


def test_keys_carry_the_official_codes():
    assert identify("Ủy ban nhân dân tỉnh Hà Tĩnh").code == "T42"
    assert identify("Ủy ban nhân dân tỉnh Lâm Đồng").code == "T68"
    assert identify("UBND xã Vũ Quang, tỉnh Hà Tĩnh").code == "X18313"
    assert issuer_key("Ủy ban nhân dân tỉnh Hà Tĩnh") != issuer_key("Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh")


def test_words_of_a_body_are_not_taken_for_an_area():
    assert identify("Sở Lao động - Thương binh và Xã hội tỉnh Hà Tĩnh").code == "T42"
    assert identify("Ban Quản lý khu kinh tế tỉnh Hà Tĩnh").body == "ban quan ly khu kinh te"
    assert identify("Ủy ban nhân dân thị xã Kỳ Anh").area == "thi xa ky anh"  # a pre-2025 town, not xã Kỳ Anh


def test_areas_outside_the_official_list_keep_their_name():
    assert issuer_key("UBND tỉnh Quảng Bình") == "uy ban nhan dan@tinh quang binh"
    assert issuer_key("Ủy ban nhân dân huyện Vũ Quang") == "uy ban nhan dan@huyen vu quang"
    assert issuer_key("Bộ Nông nghiệp và Môi trường") == "bo nong nghiep va moi truong"


def test_communes_whose_names_differ_only_by_marks_are_two_bodies():
    """Case 2, the other way round: xã Cẩm Giang and xã Cẩm Giàng (both of Hải Phòng) fold to one name;
    each keeps its own official code, so they never share a numbering."""
    giang, giang_grave = identify("UBND xã Cẩm Giang, thành phố Hải Phòng"), identify("UBND xã Cẩm Giàng, thành phố Hải Phòng")
    assert giang.code and giang_grave.code and giang.code != giang_grave.code
    assert issuer_key("Ủy ban nhân dân xã Cẩm Giàng, TP. Hải Phòng") == giang_grave.key
    # the two placements of a tone mark ("Hoà", "Hòa") are one spelling; a name typed without marks
    # still finds the one commune it can be
    assert issuer_key("UBND xã Hoà Bình") == issuer_key("UBND xã Hòa Bình")
    assert identify("UBND xa Vu Quang, tinh Ha Tinh").code == "X18313"
