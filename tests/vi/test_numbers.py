from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_docs.vi import (
    diem_index,
    diem_letter,
    format_number,
    format_vnd,
    from_roman,
    parse_number,
    roman,
    so_thanh_chu,
    tien_bang_chu,
)
from ocop_docs.vi.numbers import DIEM_LETTERS


# --- so_thanh_chu -------------------------------------------------------------------


@pytest.mark.parametrize(
    "n, words",
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi bốn"),
        (25, "hai mươi lăm"),
        (31, "ba mươi mốt"),
        (55, "năm mươi lăm"),
        (99, "chín mươi chín"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),
        (1010, "một nghìn không trăm mười"),
        (1100, "một nghìn một trăm"),
        (2024, "hai nghìn không trăm hai mươi bốn"),
        (15_000, "mười lăm nghìn"),
        (100_000, "một trăm nghìn"),
        (14_000_000, "mười bốn triệu"),
        (1_000_005, "một triệu không trăm linh năm"),
        (1_005_000, "một triệu không trăm linh năm nghìn"),
        (1_015_000, "một triệu không trăm mười lăm nghìn"),
        (105_000_000, "một trăm linh năm triệu"),
        (250_750_000, "hai trăm năm mươi triệu bảy trăm năm mươi nghìn"),
        (1_000_000_000, "một tỷ"),
        (2_500_000_000, "hai tỷ năm trăm triệu"),
        (5_000_000_005, "năm tỷ không trăm linh năm"),
        (10**12, "một nghìn tỷ"),
        (10**15, "một triệu tỷ"),
        (1_000_001 * 10**9, "một triệu không trăm linh một tỷ"),
        (
            10**18 - 1,
            "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi"
            " chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm"
            " chín mươi chín",
        ),
    ],
)
def test_so_thanh_chu(n, words):
    assert so_thanh_chu(n) == words


def test_so_thanh_chu_options():
    assert so_thanh_chu(105, linh="lẻ") == "một trăm lẻ năm"
    assert so_thanh_chu(2024, linh="lẻ") == "hai nghìn không trăm hai mươi bốn"
    assert so_thanh_chu(1_000_001, linh="lẻ") == "một triệu không trăm lẻ một"
    assert so_thanh_chu(24, bon="tư") == "hai mươi tư"
    assert so_thanh_chu(2024, bon="tư") == "hai nghìn không trăm hai mươi tư"
    # "tư" only after a tens digit of 2 or more
    assert so_thanh_chu(4, bon="tư") == "bốn"
    assert so_thanh_chu(14, bon="tư") == "mười bốn"
    assert so_thanh_chu(104, bon="tư") == "một trăm linh bốn"
    assert so_thanh_chu(1000, nghin="ngàn") == "một ngàn"
    assert so_thanh_chu(10**12, nghin="ngàn") == "một ngàn tỷ"
    assert so_thanh_chu(1_005_000, linh="lẻ", nghin="ngàn") == "một triệu không trăm lẻ năm ngàn"


def test_so_thanh_chu_rejects():
    with pytest.raises(ValueError):
        so_thanh_chu(-1)
    with pytest.raises(ValueError):
        so_thanh_chu(5, linh="le")
    with pytest.raises(ValueError):
        so_thanh_chu(5, nghin="ngan")
    with pytest.raises(TypeError):
        so_thanh_chu(1.5)


_UNITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
          "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _group_value(tokens: list[str]) -> int:
    value, pending = 0, 0
    for t in tokens:
        if t == "trăm":
            value, pending = value + 100 * pending, 0
        elif t == "mươi":
            value, pending = value + 10 * pending, 0
        elif t == "mười":
            value += 10
        elif t in ("linh", "lẻ"):
            pass
        else:
            pending = _UNITS[t]
    return value + pending


def _words_to_int(text: str) -> int:
    """An independent reader of the words back to the number (inverse of so_thanh_chu)."""
    tokens = text.split()
    if "tỷ" in tokens:
        i = len(tokens) - 1 - tokens[::-1].index("tỷ")
        return _words_to_int(" ".join(tokens[:i])) * 10**9 + _words_to_int(" ".join(tokens[i + 1 :]))
    value = 0
    for scale, size in (("triệu", 10**6), ("nghìn", 10**3), ("ngàn", 10**3)):
        if scale in tokens:
            i = tokens.index(scale)
            value += _group_value(tokens[:i]) * size
            tokens = tokens[i + 1 :]
    return value + _group_value(tokens)


def _well_formed(text: str) -> bool:
    return "  " not in text and text == text.strip() and text == text.lower() and text != ""


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_so_thanh_chu_round_trips(n):
    text = so_thanh_chu(n)
    assert _well_formed(text)
    assert _words_to_int(text) == n
    alt = so_thanh_chu(n, linh="lẻ", bon="tư", nghin="ngàn")
    assert _well_formed(alt)
    assert _words_to_int(alt) == n


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=2, max_size=50, unique=True))
def test_so_thanh_chu_injective_sample(numbers):
    assert len({so_thanh_chu(n) for n in numbers}) == len(numbers)


def test_so_thanh_chu_injective_and_well_formed_below_100000():
    seen = {}
    for n in range(100_000):
        text = so_thanh_chu(n)
        assert "  " not in text
        assert text not in seen, (n, seen.get(text))
        seen[text] = n


def test_tien_bang_chu():
    assert tien_bang_chu(14_000_000) == "Mười bốn triệu đồng"
    assert tien_bang_chu(0) == "Không đồng"
    assert tien_bang_chu(1_005_000) == "Một triệu không trăm linh năm nghìn đồng"
    assert tien_bang_chu(2_500_000_000) == "Hai tỷ năm trăm triệu đồng"
    with pytest.raises(ValueError):
        tien_bang_chu(-5)


# --- formatting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (14_000_000, 0, "14.000.000"),
        (-1000, 0, "-1.000"),
        (93.5, 2, "93,50"),
        (93.5, 1, "93,5"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (2.675, 2, "2,68"),  # half-up on the decimal value, not the binary float
        (0.5, 0, "1"),
        (-0.001, 2, "0,00"),
        (1234.5, 0, "1.235"),
        (10**18, 0, "1.000.000.000.000.000.000"),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_number_rejects():
    with pytest.raises(ValueError):
        format_number(float("nan"))
    with pytest.raises(ValueError):
        format_number(1, -1)
    with pytest.raises(TypeError):
        format_number("1000")


def test_format_vnd():
    assert format_vnd(14_000_000) == "14.000.000 đồng"
    assert format_vnd(0) == "0 đồng"
    assert format_vnd(-500_000) == "-500.000 đồng"
    with pytest.raises(ValueError):
        format_vnd(Decimal("1000.5"))


@pytest.mark.parametrize(
    "text, value",
    [
        ("14.000.000", Decimal("14000000")),
        ("14,000,000", Decimal("14000000")),
        ("14 000 000", Decimal("14000000")),
        ("14\u00a0000\u00a0000", Decimal("14000000")),
        ("14.000.000 đồng", Decimal("14000000")),
        ("14.000.000đ", Decimal("14000000")),
        ("14.000.000 VNĐ", Decimal("14000000")),
        ("14.000.000 ĐỒNG", Decimal("14000000")),
        ("93,5", Decimal("93.5")),
        ("93.5", Decimal("93.5")),
        ("1.000", Decimal("1000")),  # one dot before three digits: thousands
        ("1,000", Decimal("1")),  # one comma: decimal comma (Vietnamese convention)
        ("0.500", Decimal("0.5")),
        ("1.234,56", Decimal("1234.56")),
        ("1,234.56", Decimal("1234.56")),
        ("1.234.567,5", Decimal("1234567.5")),
        ("14 000 000,5", Decimal("14000000.5")),
        ("-1.000", Decimal("-1000")),
        ("+25", Decimal("25")),
        ("  42  ", Decimal("42")),
        ("0", Decimal("0")),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", "abc", "đồng", "1.2.3", "12,34,567", "1..0", "14 00", "1.000,000,5", "12a", "1,2.3,4", "--1"]
)
def test_parse_number_rejects(text):
    with pytest.raises(ValueError, match="Không đọc được số"):
        parse_number(text)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_parse_number_reads_format_number(n):
    assert parse_number(format_number(n)) == n
    assert parse_number(format_vnd(n)) == n


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_parse_number_reads_decimals(d):
    assert parse_number(format_number(d, 2)) == d


# --- Roman numerals, điểm letters ---------------------------------------------------


@pytest.mark.parametrize(
    "n, text",
    [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"),
     (2024, "MMXXIV"), (3999, "MMMCMXCIX")],
)
def test_roman(n, text):
    assert roman(n) == text
    assert from_roman(text) == n
    assert from_roman(text.lower()) == n


def test_roman_round_trip():
    for n in range(1, 4000):
        assert from_roman(roman(n)) == n


@pytest.mark.parametrize("text", ["", "IIII", "VX", "IC", "ABC", "MMMM"])
def test_from_roman_rejects(text):
    with pytest.raises(ValueError):
        from_roman(text)


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_roman_rejects(n):
    with pytest.raises(ValueError):
        roman(n)


def test_diem_letters():
    assert "".join(diem_letter(i) for i in range(23)) == "abcdđeghiklmnopqrstuvxy"
    assert len(DIEM_LETTERS) == 23
    for absent in "fjwz":
        assert absent not in DIEM_LETTERS
    assert diem_letter(4) == "đ"
    assert diem_letter(5) == "e"
    for i in range(23):
        assert diem_index(diem_letter(i)) == i
    assert diem_index("a)") == 0
    assert diem_index("Đ") == 4
    assert diem_index(" y ") == 22


def test_diem_rejects():
    with pytest.raises(ValueError):
        diem_letter(23)
    with pytest.raises(ValueError):
        diem_letter(-1)
    for bad in ("f", "z", "ă", "", "ab"):
        with pytest.raises(ValueError):
            diem_index(bad)
