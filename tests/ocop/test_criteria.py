"""The 26 criteria sets of QĐ 26/2026/QĐ-TTg: they load, they add up, and they say what the decree says.

OCOP-CRITERIA: Điều 3.1 (parts 40/25/35, total 100), Phụ lục I (26 classes), Phụ lục II (sets).
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from ocop_docs.errors import DataError
from ocop_docs.ocop import criteria
from ocop_docs.ocop.criteria import all_sets, classification, criteria_set, product_class, verify_all, verify_set

from testpaths import DOCS, ROOT

LEGAL = DOCS / "legal" / "qd-26-2026-QD-TTg.txt"
# Sets whose transcript splits the last character of table cells onto their own line ("PHẨ" / "M").
SPLIT_SETS = {18, 19, 20}


@pytest.fixture(scope="module")
def legal_lines() -> list[str]:
    return LEGAL.read_text(encoding="utf-8").split("\n")


def test_26_sets_load_and_pass_every_check():  # OCOP-CRITERIA
    sets = all_sets()
    assert [s.number for s in sets] == list(range(1, 27))
    assert verify_all() == []


def test_every_set_totals_100_split_40_25_35():  # QĐ 26/2026 Điều 3.1
    for s in all_sets():
        assert s.total == 100
        assert [(p.code, p.max_points) for p in s.parts] == [("A", 40), ("B", 25), ("C", 35)], s.number
        assert sum(c.max_points for c in s.criteria() if c.group is None) + sum(
            g.max_points for p in s.parts for sec in p.sections for g in sec.groups
        ) == 100


def test_phu_luc_1_has_26_classes_with_ministries():
    classes = classification().classes
    assert len(classes) == 26
    assert {c.sector_code for c in classes} == {"I", "II", "III", "IV", "V", "VI"}
    assert product_class(1).describe() == "Ngành: Sản phẩm thực phẩm; Nhóm: Thực phẩm tươi sống; Phân nhóm: Rau, củ, quả, hạt tươi"
    assert product_class(5).lead_ministries == ["Bộ Công Thương"]
    assert product_class(16).lead_ministries == ["Bộ Y tế"]
    assert product_class(26).lead_ministries == ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Nông nghiệp và Môi trường"]
    assert product_class(13).subgroup is None and product_class(13).name == "Cà phê, ca cao"


def test_set_names_match_phu_luc_1_exactly_or_as_recorded():
    recorded = {v["bo"] for v in criteria.corrections()["names"]}
    for s in all_sets():
        same = s.name.casefold() == product_class(s.number).name.casefold()
        assert same or s.number in recorded, s.number
    assert recorded == {8, 10, 11, 12, 13, 17}


def test_unknown_set_number_is_a_clear_error():
    with pytest.raises(DataError) as err:
        criteria_set(27)
    message = str(err.value)
    assert "không có bộ tiêu chí số '27'" in message and "26. Dịch vụ du lịch cộng đồng" in message


def test_verifier_catches_broken_sums_and_options():
    s = criteria_set(1)
    part_a = s.parts[0]
    section = part_a.sections[0]
    c = section.criteria[0]
    bad_option = c.options[-1].model_copy(update={"points": c.max_points + 2})
    bad_criterion = c.model_copy(update={"options": c.options[:-1] + [bad_option]})
    bad_section = section.model_copy(update={"criteria": [bad_criterion] + section.criteria[1:], "max_points": section.max_points + 1})
    bad = s.model_copy(update={"parts": [part_a.model_copy(update={"sections": [bad_section] + part_a.sections[1:]})] + s.parts[1:]})
    problems = verify_set(bad)
    assert any("lựa chọn 3 được 5 điểm, vượt điểm tối đa 3" in p for p in problems), problems
    assert any("Phần A tối đa 40 nhưng các mục cộng lại 41" in p for p in problems), problems
    assert any("mục 1 tối đa 19 nhưng các tiêu chí cộng lại 18" in p for p in problems), problems
    renamed = s.model_copy(update={"name": "Rau sạch"})
    assert any("tên bộ khác Phụ lục I" in p for p in verify_set(renamed))


# --- the data says what the legal text says -------------------------------------------------------


def _region(legal_lines, s) -> str:
    return " ".join(legal_lines[s.source.first_line - 1 : s.source.last_line])


def _words(text: str) -> str:
    return r"\s+".join(re.escape(w) for w in text.split())


def test_sample_of_options_appears_in_the_legal_text_with_points_and_stars(legal_lines):
    """Every 5th option of the 23 sets without split cells, searched in the raw text.

    The pattern is built from the data alone: the option's words (any spacing), its star mark,
    then its points as a whole number. Options the corrections changed are excluded by reason.
    """
    corrected_lines = {c["line"] for c in criteria.corrections()["text"]}
    checked = 0
    for s in all_sets():
        if s.number in SPLIT_SETS:
            continue
        region = _region(legal_lines, s)
        options = [(c, o) for c in s.criteria() for o in c.options if not o.added]
        for c, o in options[::5]:
            stars = r"\s*" + r"\s*".join([r"\*"] * o.min_stars) if o.min_stars else ""
            pattern = r"□\s+" + _words(o.text) + stars + r"\s+" + str(o.points) + r"(?!\d)"
            if not re.search(pattern, region):
                # Only options whose points line was corrected may differ from the text.
                assert any(
                    s.source.first_line <= line <= s.source.last_line for line in corrected_lines
                ), f"bộ {s.number}, {c.code}: {o.text[:60]!r} {o.points} {o.min_stars}"
                continue
            checked += 1
    assert checked > 450


def test_sample_of_criteria_maxima_appears_in_the_legal_text(legal_lines):
    """Every criterion title of sets 1, 9, 14, 21, 24 is followed by its maximum in the text."""
    for number in (1, 9, 14, 21, 24):
        s = criteria_set(number)
        region = _region(legal_lines, s)
        for c in s.criteria():
            if c.code.count(".") == 0:
                continue  # sections scored directly: their title is the section's
            between = r"(?:\s+\(.*?\))?(?:\s+Yêu cầu:.*?)?"
            pattern = re.escape(c.code) + r"\.?\s+" + _words(c.title) + between + r"\s+" + str(c.max_points) + r"\s+(□|Yêu|Ghi|Chỉ|\d)"
            assert re.search(pattern, region, re.S), f"bộ {number} {c.code} {c.title!r} {c.max_points}"


@pytest.mark.parametrize(
    "number, code, option, points, stars",
    [
        # Read by hand from the legal text (line numbers of qd-26-2026-QD-TTg.txt).
        (1, "1.3", 3, 3, 5),  # l. 805: "Ứng dụng công nghệ tiên tiến trong sơ chế, bảo quản …*****" 3
        (1, "2.2", 3, 2, 3),  # l. 879: "Đóng gói sáng tạo, bao bì đẹp***" 2
        (1, "4.1", 4, 5, 5),  # l. 992: "Thị trường quốc tế … *****" 5
        (1, "12", 3, 3, None),  # l. 1193: "Có thể xuất khẩu đến các thị trường có tiêu chuẩn cao (Mỹ, Nhật, EU...)" 3
        (3, "5.1", 5, 5, 4),  # spaced star mark "* * * *" in the transcript
        (4, "7", 3, 3, None),  # corrected: the transcript prints 13
        (11, "6.1.1", 2, 1, None),  # corrected: the transcript prints 11
        (19, "1.1", 1, 1, 3),  # split cells: "…dưới 50%***" 1
        (19, "3.5", 2, 2, 4),  # split cells: "…quyền sử dụng)***" + "*" = ****, 2
        (26, "3.5", 1, 1, 3),
    ],
)
def test_hand_read_options(number, code, option, points, stars):
    o = criteria_set(number).criterion(code).option(option)
    assert (o.points, o.min_stars) == (points, stars)


def test_structures_the_extraction_had_to_understand():
    s19 = criteria_set(19)  # maxima split over two lines: "1" + "7"
    assert [(sec.code, sec.max_points) for sec in s19.parts[0].sections] == [("1", 17), ("2", 11), ("3", 12)]
    s11 = criteria_set(11)  # a third level: 6.1 Ngoại hình groups 6.1.1 and 6.1.2
    sec6 = s11.parts[2].sections[0]
    assert [(g.code, g.title, g.max_points) for g in sec6.groups] == [("6.1", "Ngoại hình", 4), ("6.2", "Nước pha", 11)]
    assert [c.code for c in sec6.criteria] == ["6.1.1", "6.1.2", "6.2.1", "6.2.2", "6.2.3"]
    s26 = criteria_set(26)  # tourism: two cases, one tick among all the options
    c8 = s26.criterion("8")
    assert c8.instruction == "Lựa chọn một trong hai trường hợp sau:"
    assert [o.case[:15] for o in c8.options] == ["a. Trường hợp 1"] * 2 + ["b. Trường hợp 2"] * 2
    assert s26.disqualification is None and s26.star_note is None
    s1 = criteria_set(1)
    assert s1.criterion("12").notes[0].startswith("Ghi chú: Đánh giá dựa trên các hợp đồng xuất khẩu")
    assert s1.criterion("1.1").requirement == "Yêu cầu: 100% sản phẩm được trồng trên địa bàn cấp tỉnh"
    assert s1.criterion("5.2").condition == "Chỉ áp dụng khi có câu chuyện sản phẩm"
    assert s1.disqualification.startswith("Hồ sơ bị loại khi: Giả mạo hồ sơ")
    added = [(s.number, c.code) for s in all_sets() for c in s.criteria() if any(o.added for o in c.options)]
    assert len(added) == 22 and (21, "2.3") in added


def test_star_marks_are_counted_per_level():
    counts = {3: 0, 4: 0, 5: 0}
    for s in all_sets():
        for c in s.criteria():
            for o in c.options:
                if o.min_stars:
                    counts[o.min_stars] += 1
    assert sum(counts.values()) == 575
    assert all(v > 50 for v in counts.values()), counts


def test_extraction_is_reproducible():
    """tools/extract_criteria.py regenerates exactly the shipped data files."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "extract_criteria.py"), "--check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "27 files up to date" in result.stdout
