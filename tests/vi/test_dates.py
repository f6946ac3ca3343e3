import re
import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_docs.vi import date_line, ngay_thang_nam, parse_date, short_date


@pytest.mark.parametrize(
    "d, text",
    [
        (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2024, 2, 1), "ngày 01 tháng 02 năm 2024"),
        (date(2024, 12, 10), "ngày 10 tháng 12 năm 2024"),
        (date(2024, 3, 9), "ngày 09 tháng 3 năm 2024"),
        (date(2023, 11, 30), "ngày 30 tháng 11 năm 2023"),
    ],
)
def test_ngay_thang_nam(d, text):
    assert ngay_thang_nam(d) == text


def test_date_line():
    assert date_line("Hà Nội", date(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert date_line("Hà Tĩnh", date(2019, 6, 29)) == "Hà Tĩnh, ngày 29 tháng 6 năm 2019"
    assert date_line("  Hà   Nội ", date(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert date_line("", date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"


def test_date_line_draft():
    assert date_line("Hà Nội", None, 2026) == "Hà Nội, ngày      tháng      năm 2026"
    assert date_line("Hà Nội", None) == "Hà Nội, ngày      tháng      năm 20..."
    line = date_line("Hà Nội", None, 2026)
    # six regular spaces, no non-breaking ones
    assert "ngày" + " " * 6 + "tháng" + " " * 6 + "năm" in line
    assert "\u00a0" not in line


def test_date_line_nfc():
    place = unicodedata.normalize("NFD", "Hà Nội")
    assert date_line(place, date(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"


@pytest.mark.parametrize(
    "d, text",
    [
        (date(2022, 8, 1), "01/8/2022"),
        (date(2023, 2, 24), "24/02/2023"),
        (date(2020, 7, 6), "06/7/2020"),
        (date(2024, 1, 15), "15/01/2024"),
        (date(2024, 12, 31), "31/12/2024"),
    ],
)
def test_short_date(d, text):
    assert short_date(d) == text


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_formats_follow_nd30_zero_rule(d):
    text = ngay_thang_nam(d)
    m = re.fullmatch(r"ngày (\d\d) tháng (\d{1,2}) năm (\d{4})", text)
    assert m
    assert int(m[1]) == d.day
    assert m[2] == (f"{d.month:02d}" if d.month <= 2 else str(d.month))
    assert parse_date(text) == d
    assert parse_date(short_date(d)) == d
    assert parse_date(d.isoformat()) == d


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024-3-5",
        "5/3/2024",
        "05/03/2024",
        "5-3-2024",
        "5.3.2024",
        "05.03.2024",
        " 5 / 3 / 2024 ",
        "ngày 5 tháng 3 năm 2024",
        "ngày 05 tháng 3 năm 2024",
        "ngày 05 tháng 03 năm 2024",
        "Ngày  05   tháng\t3  năm 2024",
        "NGÀY 5 THÁNG 3 NĂM 2024",
        "5 tháng 3 năm 2024",
        "ngày 5 tháng 3 năm 2024.",
        "ngày 05/3/2024",
        unicodedata.normalize("NFD", "ngày 05 tháng 3 năm 2024"),
        unicodedata.normalize("NFD", "Ngày 5 Tháng 3 Năm 2024"),
    ],
)
def test_parse_date(text):
    assert parse_date(text) == date(2024, 3, 5)


def test_parse_date_impossible():
    with pytest.raises(ValueError) as e:
        parse_date("31/02/2024")
    assert str(e.value) == "Ngày không hợp lệ: '31/02/2024' (tháng 2 năm 2024 chỉ có 29 ngày)"
    for text in ("29/02/2023", "2024-13-01", "0/1/2024", "32/1/2024", "ngày 31 tháng 4 năm 2024"):
        with pytest.raises(ValueError, match="Ngày không hợp lệ"):
            parse_date(text)
    assert parse_date("29/02/2024") == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["", "hôm qua", "5/3/24", "2024/03/05", "5/3-2024", "ngày tháng năm 2024", "20..."])
def test_parse_date_garbage(text):
    with pytest.raises(ValueError, match="Không đọc được ngày"):
        parse_date(text)


def test_every_day_of_a_leap_year_round_trips():
    d = date(2024, 1, 1)
    while d.year == 2024:
        assert parse_date(ngay_thang_nam(d)) == d
        assert parse_date(short_date(d)) == d
        d += timedelta(days=1)
