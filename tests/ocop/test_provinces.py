"""The 2025 reorganisation of provinces (Nghị quyết 202/2025/QH15): 63 units became 34."""
from __future__ import annotations

from vietnam_provinces import Province as OfficialProvince

from ocop_docs.ocop.provinces import merged_names_in, provinces


def test_the_34_units_are_the_official_list():
    """The table of ocop_docs/data/provinces_2025.yaml names the same 34 units as the official codes."""
    ours = {f"Thành phố {p.name}" if p.kind == "thành phố" else p.name for p in provinces()}
    assert ours == {p.name for p in OfficialProvince.iter_all()}
    old = [name for p in provinces() for name in (p.merged or (p.name,))]
    assert len(old) == 63 and len(set(old)) == 63  # every former unit once


def test_merged_names_are_found_with_their_new_unit():
    found = merged_names_in("Sở Nông nghiệp tỉnh Long An, tỉnh Tây Ninh và tỉnh Bà Rịa - Vũng Tàu; Thành phố Hà Nội")
    assert [(m.words, m.new.title) for m in found] == [("tỉnh Long An", "tỉnh Tây Ninh"),
                                                       ("tỉnh Bà Rịa - Vũng Tàu", "thành phố Hồ Chí Minh")]


def test_communes_of_the_official_2025_list_with_their_province():
    from ocop_docs.ocop.provinces import communes, provinces

    units = communes()
    assert len(units) == 3321
    assert {c.kind for c in units} == {"xã", "phường", "đặc khu"}
    assert {c.province for c in units} == {p.title for p in provinces()}  # every commune in one of the 34
    vu_quang = [c for c in units if c.title == "xã Vũ Quang"]
    assert [(c.province, c.code) for c in vu_quang] == [("tỉnh Hà Tĩnh", 18313)]
    assert any(c.title == "phường Hoàn Kiếm" and c.province == "thành phố Hà Nội" for c in units)
