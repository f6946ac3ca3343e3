"""Scoring from council members' sheets: totals, average, band edges, minimum stars, bad sheets.

OCOP-BAND (QĐ 26/2026 Điều 3.3, via regimes.star_for_score), OCOP-MINIMUM (footnote of every
set in Phụ lục II), OCOP-SHEET (exactly one tick per criterion).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from ocop_docs.errors import DataError, RuleViolation
from ocop_docs.io.score_xlsx import write_sheet_xlsx
from ocop_docs.io.tables import read_products
from ocop_docs.ocop.criteria_sets import CriteriaSet
from ocop_docs.ocop.criteria import criteria_set
from ocop_docs.scoring import decide_stars, read_sheet, score_files, shortfalls_of

PRODUCT = {"name": "Bưởi Phúc Trạch", "code": "42-18313-05-2026", "owner": "HTX Bưởi Phúc Trạch", "address": "Xã Phúc Trạch, tỉnh Hà Tĩnh"}


def best(c) -> int:
    """The number of the first option that reaches the criterion's maximum."""
    return next(i for i, o in enumerate(c.options, 1) if o.points == c.max_points)


def ticks_for(cs: CriteriaSet, total: int, keep: int = 5, drop: dict[str, int] | None = None) -> dict[str, int]:
    """Ticks worth exactly ``total`` points that meet every marked minimum up to ``keep`` stars.

    ``drop`` forces some criteria to a given option first (to miss a minimum on purpose).
    """
    ticks = {c.code: best(c) for c in cs.criteria()}
    for code, number in (drop or {}).items():
        ticks[code] = number
    points = lambda: sum(cs.criterion(k).option(v).points for k, v in ticks.items())  # noqa: E731
    remaining = points() - total
    for c in cs.criteria():
        if remaining <= 0 or (drop and c.code in drop):
            continue
        floor = max([o.points for o in c.options if o.min_stars and o.min_stars <= keep] or [0])
        current = c.option(ticks[c.code]).points
        allowed = [(i, o.points) for i, o in enumerate(c.options, 1) if o.points >= floor and current - o.points <= remaining]
        i, p = min(allowed, key=lambda x: x[1])
        ticks[c.code] = i
        remaining -= current - p
    assert points() == total, f"cannot build a sheet of {total} points"
    return ticks


def write(tmp_path: Path, name: str, ticks: dict, bo: int = 1, member: str | None = None, **extra) -> Path:
    data = {"bo": bo, "product": dict(PRODUCT), "member": member or name, "date": "2026-06-15", "ticks": ticks, **extra}
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- band edges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "average, stars",
    [("29.99", 1), ("30", 2), ("30.00", 2), ("49.99", 2), ("50", 3), ("69.99", 3), ("70", 4), ("89.99", 4), ("90", 5), ("100", 5), ("0", 1)],
)
def test_band_edges_without_shortfalls(average, stars):  # OCOP-BAND: "từ X đến dưới Y"
    assert decide_stars(Decimal(average), {}) == stars


@pytest.mark.parametrize("total, stars", [(29, 1), (30, 2), (49, 2), (50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (100, 5)])
def test_band_edges_from_real_sheets(tmp_path, total, stars):
    cs = criteria_set(1)
    # Minimums kept up to the expected star: below 3 stars a sheet cannot meet them all.
    result = score_files([write(tmp_path, "an", ticks_for(cs, total, keep=stars))])[0]
    assert result.average == Decimal(total) and result.members[0].total == total
    assert result.band_stars == stars and result.stars == stars, result.explanation()


@pytest.mark.parametrize("totals, average, stars", [((70, 70, 69), "69.67", 3), ((90, 89, 90), "89.67", 4), ((30, 29, 29), "29.33", 1), ((50, 50, 49), "49.67", 2)])
def test_average_of_three_members_rounded_to_two_decimals(tmp_path, totals, average, stars):
    cs = criteria_set(1)
    paths = [write(tmp_path, f"m{i}", ticks_for(cs, t, keep=stars)) for i, t in enumerate(totals)]
    result = score_files(paths)[0]
    assert [m.total for m in result.members] == list(totals)
    assert result.average == Decimal(average) and result.stars == stars


# --- marked minimums -------------------------------------------------------------------------


def test_band_reached_but_a_three_star_minimum_missed(tmp_path):  # OCOP-MINIMUM
    cs = criteria_set(1)
    c22 = cs.criterion("2.2")  # "Đóng gói sáng tạo, bao bì đẹp***" is option 3 (2 points)
    assert (c22.option(3).points, c22.option(3).min_stars) == (2, 3)
    result = score_files([write(tmp_path, "an", ticks_for(cs, 75, drop={"2.2": 2}))])[0]
    assert result.average == Decimal("75.00") and result.band_stars == 4
    assert result.stars == 2  # a missed *** keeps the product under 3 stars, whatever its score
    text = "\n".join(result.explanation())
    assert "Kết quả: hạng 2 sao (không phải 4 sao)" in text
    assert "Chưa đạt hạng 3 sao vì:" in text
    assert "2.2 Đóng gói, bao bì sản phẩm: yêu cầu tối thiểu hạng 3 sao (***) là ô «Đóng gói sáng tạo, bao bì đẹp» (2 điểm)" in text
    assert "không được công nhận" in text


def test_five_star_band_with_a_missed_five_star_minimum_gives_four(tmp_path):
    cs = criteria_set(1)
    result = score_files([write(tmp_path, "an", ticks_for(cs, 96, drop={"4.1": 3}))])[0]  # 4.1 ***** is option 4
    assert (result.band_stars, result.stars) == (5, 4)
    assert [s.criterion.code for s in result.shortfalls[5]] == ["4.1"]
    assert result.shortfalls[3] == [] and result.shortfalls[4] == []
    assert "Chưa đạt hạng 5 sao vì:\n- 4.1 Khu vực phân phối chính" in "\n".join(result.explanation())


def test_next_star_explains_the_score_gap_and_the_minimums(tmp_path):
    cs = criteria_set(1)
    result = score_files([write(tmp_path, "an", ticks_for(cs, 60, keep=3))])[0]
    assert result.stars == 3
    text = "\n".join(result.explanation())
    assert "Chưa đạt hạng 4 sao vì:\n- điểm trung bình chưa đạt 70 điểm (còn thiếu 10,00 điểm);" in text
    assert "yêu cầu tối thiểu hạng 4 sao (****)" in text


@pytest.mark.parametrize("rule, stars", [("trung-binh", 4), ("da-so", 4), ("tat-ca", 3)])
def test_minimum_rules_over_several_sheets(tmp_path, rule, stars):
    cs = criteria_set(1)
    # 1.5 "Có hợp đồng liên kết trên 75% sản lượng tiêu thụ****" is option 3 (2 points).
    assert cs.criterion("1.5").option(3).min_stars == 4
    sheets = [
        write(tmp_path, "an", ticks_for(cs, 80, drop={"1.5": 3})),
        write(tmp_path, "binh", ticks_for(cs, 80, drop={"1.5": 4})),
        write(tmp_path, "cuong", ticks_for(cs, 80, drop={"1.5": 2})),  # 1 point: under the ****
    ]
    result = score_files(sheets, rule)[0]
    # average of 1.5 = (2 + 3 + 1) / 3 = 2 ≥ 2; two of three sheets reach it; not all of them.
    assert result.stars == stars
    if stars == 3:
        assert "chưa đạt: cuong 1 điểm" in "\n".join(result.explanation())


def test_tourism_cases_score_one_tick_among_both_cases(tmp_path):
    cs = criteria_set(26)
    ticks = {c.code: best(c) for c in cs.criteria()}
    ticks["8"] = 4  # case b, second option: 3 points
    result = score_files([write(tmp_path, "an", ticks, bo=26)])[0]
    assert result.members[0].points["8"] == 3 and result.average == Decimal(100)


# --- malformed sheets ------------------------------------------------------------------------


def full(cs):
    return {c.code: best(c) for c in cs.criteria()}


def test_two_ticks_none_and_unknown_criterion_are_all_reported_with_lines(tmp_path):  # OCOP-SHEET
    cs = criteria_set(1)
    ticks = full(cs)
    ticks["1.1"] = [1, 2]
    ticks["1.2"] = None
    del ticks["1.3"]
    ticks["9.9"] = 1
    ticks["2.2"] = 7
    with pytest.raises(DataError) as err:
        score_files([write(tmp_path, "an", ticks)])
    message = str(err.value)
    assert "an.yaml" in message
    assert "tiêu chí 1.1 (Nguồn gốc sản phẩm) có 2 ô được đánh dấu (ô 1 và ô 2); mỗi tiêu chí chỉ được đánh dấu một ô" in message
    assert "tiêu chí 1.2 (Vùng nguyên liệu được cấp chứng nhận chất lượng) chưa được đánh dấu ô nào" in message
    assert "tiêu chí 1.3 (Gia tăng giá trị) chưa được đánh dấu ô nào" in message
    assert "không có tiêu chí '9.9' trong bộ 1 (Rau, củ, quả, hạt tươi)" in message
    assert "tiêu chí 2.2 (Đóng gói, bao bì sản phẩm) chỉ có 4 ô (1 đến 4); không có ô 7" in message
    assert "trường 'ticks[\"1.1\"]', dòng" in message


def test_points_instead_of_option_number(tmp_path):
    cs = criteria_set(7)
    ticks = full(cs)
    ticks["1.1"] = {"points": 1}
    assert score_files([write(tmp_path, "an", ticks, bo=7)])[0].members[0].points["1.1"] == 1
    ticks["3.1"] = {"points": 1}  # bộ 7, 3.1 prints two options of 1 point
    with pytest.raises(DataError, match=r"tiêu chí 3.1 .* có 2 ô cùng 1 điểm; hãy ghi số thứ tự ô \(1, 2\)"):
        score_files([write(tmp_path, "an", ticks, bo=7)])


def test_sheets_of_different_products_or_the_same_member_twice(tmp_path):
    cs = criteria_set(1)
    a = write(tmp_path, "an", full(cs))
    data = yaml.safe_load(a.read_text(encoding="utf-8"))
    data["product"]["name"] = "Cam Vũ Quang"
    data["member"] = "binh"
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match="phiếu của binh là của sản phẩm 'Cam Vũ Quang'"):
        score_files([a, other])
    twice = write(tmp_path, "an-2", full(cs), member="an")
    with pytest.raises(DataError, match="người đánh giá 'an' có hai phiếu"):
        score_files([a, twice])


def test_products_are_grouped_by_code(tmp_path):
    cs = criteria_set(1)
    a = write(tmp_path, "an", ticks_for(cs, 80))
    data = yaml.safe_load(a.read_text(encoding="utf-8"))
    data["product"] = {"name": "Cam Vũ Quang", "code": "42-18313-06-2026", "owner": "Hộ kinh doanh Lê Văn Cam"}
    other = tmp_path / "cam.yaml"
    other.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    results = score_files([a, other])
    assert [r.product.name for r in results] == ["Bưởi Phúc Trạch", "Cam Vũ Quang"]


def test_bad_product_code_and_old_regime_dates(tmp_path):
    cs = criteria_set(1)
    bad = write(tmp_path, "an", full(cs))
    data = yaml.safe_load(bad.read_text(encoding="utf-8"))
    data["product"]["code"] = "42-183-5"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"mã số sản phẩm '42-183-5' phải có dạng \(Mã tỉnh\)-\(Mã xã\)-\(STT\)-\(Năm\)"):
        score_files([bad])
    old = write(tmp_path, "old", full(cs), date="2026-05-21")
    with pytest.raises(RuleViolation, match=r"chỉ có Bộ tiêu chí của Quyết định số 26/2026/QĐ-TTg ") as info:
        score_files([old])
    assert info.value.rule == "OCOP-REGIME"


def test_unquoted_yaml_codes_are_read_as_codes(tmp_path):
    cs = criteria_set(1)
    lines = ["bo: 1", "product: {name: Bưởi, owner: HTX A}", "ticks:"]
    lines += [f"  {c.code}: {best(c)}" for c in cs.criteria()]  # 1.1: 3, 7: 3 — YAML numbers as keys
    path = tmp_path / "plain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert score_files([path])[0].average == Decimal(100)


def test_excel_sheet_round_trip_and_two_marks(tmp_path):
    cs = criteria_set(1)
    src = read_sheet(write(tmp_path, "an", ticks_for(cs, 72)))
    xlsx = write_sheet_xlsx(cs, tmp_path / "an.xlsx", src.sheet)
    result = score_files([xlsx])[0]
    assert result.average == Decimal(72) and result.members[0].member == "an"
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    ws = wb.active
    rows = [r for r in ws.iter_rows(min_row=1) if r[0].value == "1.1" and r[1].value in (1, 2)]
    for r in rows:
        r[5].value = "x"
    wb.save(xlsx)
    with pytest.raises(DataError) as err:
        score_files([xlsx])
    assert "tiêu chí 1.1 (Nguồn gốc sản phẩm) có 2 ô được đánh dấu (ô 1 và ô 2)" in str(err.value)
    assert f"dòng {rows[0][0].row - 1}: cột F «Chọn (x)»: tiêu chí 1.1" in str(err.value)  # the criterion's row


def test_results_feed_the_products_table(tmp_path):
    from ocop_docs.io.score_xlsx import write_products

    cs = criteria_set(1)
    results = score_files([write(tmp_path, "an", ticks_for(cs, 77)), write(tmp_path, "binh", ticks_for(cs, 78))])
    for suffix in ("xlsx", "csv"):
        table = read_products(write_products([r.to_product() for r in results], tmp_path / f"kq.{suffix}"))
        assert table.rejects == []
        (p,) = table.products
        assert (p.name, p.owner, p.score, p.stars, p.code) == ("Bưởi Phúc Trạch", "HTX Bưởi Phúc Trạch", Decimal("77.50"), 4, "42-18313-05-2026")
        assert p.group == "1. Rau, củ, quả, hạt tươi" and p.evaluated_on.isoformat() == "2026-06-15"


def test_shortfalls_are_empty_for_a_perfect_sheet(tmp_path):
    cs = criteria_set(26)
    result = score_files([write(tmp_path, "an", full(cs), bo=26)])[0]
    assert shortfalls_of(cs, result.members) == {3: [], 4: [], 5: []}
    assert result.stars == 5 and result.explanation()[-1] == "Kết quả: hạng 5 sao."
