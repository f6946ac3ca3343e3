"""Vietnamese numbers: amounts in words, digit grouping, Roman numerals, điểm letters.

Pure functions, standard library only. Messages a user may read are in Vietnamese.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "so_thanh_chu",
    "tien_bang_chu",
    "format_number",
    "format_vnd",
    "parse_number",
    "roman",
    "from_roman",
    "diem_letter",
    "diem_index",
    "DIEM_LETTERS",
]

# ---------------------------------------------------------------------------
# Numbers in words
# ---------------------------------------------------------------------------

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9

_LINH_CHOICES = ("linh", "lẻ")
_BON_CHOICES = ("bốn", "tư")
_NGHIN_CHOICES = ("nghìn", "ngàn")


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    value = unicodedata.normalize("NFC", value)
    if value not in allowed:
        raise ValueError(f"Tham số {name}={value!r} không hợp lệ; chỉ nhận: {', '.join(allowed)}")
    return value


def _read_group(g: int, full: bool, linh: str, bon: str) -> list[str]:
    """The words of a three-digit group 1..999.

    ``full`` is true when a higher non-zero group has been read: the hundreds are then
    always said, even when zero ("không trăm").
    """
    h, t, u = g // 100, g // 10 % 10, g % 10
    words: list[str] = []
    if h or full:
        words += [_DIGITS[h], "trăm"]
    if t == 0:
        if u and words:  # "một trăm linh năm", but a bare 5 is "năm"
            words.append(linh)
    elif t == 1:
        words.append("mười")
    else:
        words += [_DIGITS[t], "mươi"]
    if u == 1 and t >= 2:
        words.append("mốt")
    elif u == 4 and t >= 2:
        words.append(bon)
    elif u == 5 and t >= 1:
        words.append("lăm")
    elif u:
        words.append(_DIGITS[u])
    return words


def _read_below_billion(n: int, higher: bool, linh: str, bon: str, nghin: str) -> list[str]:
    """The words of 1..999 999 999; ``higher`` tells whether a higher non-zero part precedes."""
    words: list[str] = []
    for scale, size in (("triệu", 10**6), (nghin, 10**3), ("", 1)):
        g = n // size % 1000
        if not g:
            continue  # all-zero groups are skipped
        words += _read_group(g, higher, linh, bon)
        if scale:
            words.append(scale)
        higher = True
    return words


def _read(n: int, higher: bool, linh: str, bon: str, nghin: str) -> list[str]:
    if n < _BILLION:
        return _read_below_billion(n, higher, linh, bon, nghin)
    top, rest = divmod(n, _BILLION)
    # 10**12 is "một nghìn tỷ", 10**15 "một triệu tỷ", 10**18 "một tỷ tỷ".
    words = _read(top, higher, linh, bon, nghin) + ["tỷ"]
    if rest:
        words += _read_below_billion(rest, True, linh, bon, nghin)
    return words


def so_thanh_chu(n: int, *, linh: str = "linh", bon: str = "bốn", nghin: str = "nghìn") -> str:
    """A non-negative integer in Vietnamese words, lower case.

    ``2024`` → "hai nghìn không trăm hai mươi bốn"; ``14_000_000`` → "mười bốn triệu";
    ``1_000_005`` → "một triệu không trăm linh năm".

    Conventions: 15 "mười lăm", 21 "hai mươi mốt" (but 11 "mười một"), 105 "một trăm
    linh năm"; a group with zero hundreds after a higher non-zero group is read
    "không trăm …"; all-zero groups are skipped (10**9 "một tỷ"). Scales are nghìn, triệu,
    tỷ, and compounds of tỷ above it (10**12 "một nghìn tỷ", 10**15 "một triệu tỷ").

    Options: ``linh="lẻ"`` (105 "một trăm lẻ năm"), ``bon="tư"`` (24 "hai mươi tư"; only
    after a tens digit ≥ 2), ``nghin="ngàn"``. Raises ``ValueError`` for a negative number.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"so_thanh_chu cần số nguyên, nhận được {type(n).__name__}")
    if n < 0:
        raise ValueError(f"Không đọc được số âm thành chữ: {n}")
    linh = _choice(linh, _LINH_CHOICES, "linh")
    bon = _choice(bon, _BON_CHOICES, "bon")
    nghin = _choice(nghin, _NGHIN_CHOICES, "nghin")
    if n == 0:
        return _DIGITS[0]
    return " ".join(_read(n, False, linh, bon, nghin))


def tien_bang_chu(amount: int) -> str:
    """An amount of money in words as written on a document: "Mười bốn triệu đồng".

    First letter capitalised, suffix " đồng"; ``0`` → "Không đồng".
    """
    words = so_thanh_chu(amount)
    return words[0].upper() + words[1:] + " đồng"


# ---------------------------------------------------------------------------
# Digits: formatting and parsing
# ---------------------------------------------------------------------------


def _to_decimal(n: int | float | Decimal) -> Decimal:
    if isinstance(n, bool):
        raise TypeError("Giá trị logic (True/False) không phải là số")
    if isinstance(n, Decimal):
        d = n
    elif isinstance(n, int):
        d = Decimal(n)
    elif isinstance(n, float):
        d = Decimal(repr(n))  # the shortest repr: 93.5 stays 93.5, 0.1 stays 0.1
    else:
        raise TypeError(f"Không phải là số: {n!r}")
    if not d.is_finite():
        raise ValueError(f"Không phải là số hữu hạn: {n!r}")
    return d


def _group_thousands(digits: str, sep: str = ".") -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(n: int | float | Decimal, decimals: int = 0) -> str:
    """A number written the Vietnamese way: "14.000.000", "93,50", "-1.000".

    Thousands are grouped with "." and the decimal separator is ","; the value is
    rounded half-up to ``decimals`` places (floats are taken at their shortest repr,
    so ``93.5`` is exactly 93.5). A value that rounds to zero has no minus sign.
    """
    if decimals < 0:
        raise ValueError("Số chữ số thập phân không được âm")
    d = _to_decimal(n).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    result = sign + _group_thousands(whole)
    if decimals:
        result += "," + frac
    return result


def format_vnd(n: int) -> str:
    """An amount in đồng with Vietnamese grouping: "14.000.000 đồng".

    Raises ``ValueError`` for a non-integral amount (the đồng has no subunit).
    """
    d = _to_decimal(n)
    if d != d.to_integral_value():
        raise ValueError(f"Số tiền phải là số nguyên đồng: {n}")
    return format_number(d) + " đồng"


# Currency words officers type after an amount, longest first.
_CURRENCY_RE = re.compile(r"\s*(?:đồng|vnđ|vnd|đ|₫)\.?\s*$", re.IGNORECASE)
# Characters used as a space between digit groups.
_SPACES_RE = re.compile(r"[ \t\u00a0\u2007\u2009\u202f]+")


def _grouped(s: str, sep: str) -> bool:
    """Whether ``s`` is digit groups "1.234.567" separated by ``sep``."""
    return re.fullmatch(r"\d{1,3}(?:%s\d{3})+" % re.escape(sep), s) is not None


def parse_number(s: str) -> Decimal:
    """The number an officer typed, as a ``Decimal``.

    Accepted: "14.000.000", "14 000 000", "14,000,000", "93,5", "93.5", "1.234,5",
    "1,234.5", "-1.000", "14.000.000 đồng", "14.000.000đ", "14.000.000 VNĐ".

    How "." and "," are read (Vietnamese convention first):

    * both present: the last one is the decimal separator, the other groups thousands;
    * only "," once: decimal comma ("93,5" → 93.5, and "1,000" → 1.000, i.e. 1);
      several: thousands ("14,000,000");
    * only "." once: thousands when followed by exactly three digits and preceded by a
      group 1–999 ("1.000" → 1000), otherwise a decimal point ("93.5", "0.500");
      several: thousands ("14.000.000");
    * spaces between digits group thousands and must separate groups of three.

    Thousands groups are checked (first group 1–3 digits, the others exactly 3).
    Raises ``ValueError`` with a Vietnamese message on anything else.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_number cần chuỗi ký tự, nhận được {type(s).__name__}")
    original = s
    error = ValueError(f"Không đọc được số: {original!r}")
    s = unicodedata.normalize("NFC", s).strip()
    s = _CURRENCY_RE.sub("", s)
    sign = ""
    if s and s[0] in "+-\u2212":
        sign = "" if s[0] == "+" else "-"
        s = s[1:].lstrip()
    if not s or not s[0].isdigit() or not s[-1].isdigit():
        raise error
    if _SPACES_RE.search(s):
        # Spaces group thousands in the integer part only.
        whole, dec_sep, frac = _split_decimal(_SPACES_RE.sub(" ", s))
        if whole is None or not _grouped(whole, " ") or (dec_sep and not frac.isdigit()):
            raise error
        whole = whole.replace(" ", "")
    else:
        whole, dec_sep, frac = _split_decimal(s)
        if whole is None:
            raise error
    if not whole.isdigit() or not whole.isascii() or (dec_sep and not (frac.isdigit() and frac.isascii())):
        raise error
    try:
        return Decimal(f"{sign}{whole}.{frac}" if dec_sep else f"{sign}{whole}")
    except InvalidOperation:  # pragma: no cover - the checks above leave only digits
        raise error from None


def _split_decimal(s: str) -> tuple[str | None, str, str]:
    """Split a number into (integer part without group separators, decimal sep, fraction).

    The integer part is None when the grouping is invalid. Spaces are left in the integer
    part for the caller to check.
    """
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        group = "," if dec == "." else "."
        if s.count(dec) != 1:
            return None, "", ""
        whole, frac = s.split(dec)
        if group in frac:
            return None, "", ""
        if not _grouped(whole, group):
            return None, "", ""
        return whole.replace(group, ""), dec, frac
    if commas or dots:
        sep = "," if commas else "."
        count = commas or dots
        if count > 1:
            return (s.replace(sep, ""), "", "") if _grouped(s, sep) else (None, "", "")
        whole, frac = s.split(sep)
        if sep == "." and len(frac) == 3 and _grouped(s, ".") and whole != "0":
            return s.replace(".", ""), "", ""
        return whole, sep, frac
    return s, "", ""


# ---------------------------------------------------------------------------
# Roman numerals (Mục I, II; Quý IV)
# ---------------------------------------------------------------------------

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)
_ROMAN_RE = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def roman(n: int) -> str:
    """The Roman numeral of 1..3999 in capitals: 14 → "XIV"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"roman cần số nguyên, nhận được {type(n).__name__}")
    if not 1 <= n <= 3999:
        raise ValueError(f"Chỉ viết được số La Mã từ 1 đến 3999, nhận được {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(s: str) -> int:
    """The value of a Roman numeral in canonical form ("XIV" → 14; case-insensitive).

    Raises ``ValueError`` for a non-canonical or invalid numeral such as "IIII".
    """
    text = s.strip().upper()
    if not text or not _ROMAN_RE.fullmatch(text):
        raise ValueError(f"Số La Mã không hợp lệ: {s!r}")
    total, i = 0, 0
    for value, letters in _ROMAN:
        while text.startswith(letters, i):
            total += value
            i += len(letters)
    return total


# ---------------------------------------------------------------------------
# Điểm letters (ND30-BODY-05)
# ---------------------------------------------------------------------------

#: The letters that label điểm in order: the Vietnamese alphabet without the vowels with
#: marks, and without f, j, w, z; "đ" is included.
DIEM_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o",
                "p", "q", "r", "s", "t", "u", "v", "x", "y")
_DIEM_INDEX = {letter: i for i, letter in enumerate(DIEM_LETTERS)}


def diem_letter(i: int) -> str:
    """The letter of the i-th (0-based) điểm: 0 → "a", 4 → "đ", 5 → "e", 22 → "y"."""
    if isinstance(i, bool) or not isinstance(i, int):
        raise TypeError(f"diem_letter cần số nguyên, nhận được {type(i).__name__}")
    if not 0 <= i < len(DIEM_LETTERS):
        raise ValueError(f"Chỉ có {len(DIEM_LETTERS)} chữ cái đánh điểm (a đến y), không có điểm thứ {i + 1}")
    return DIEM_LETTERS[i]


def diem_index(letter: str) -> int:
    """The 0-based position of a điểm letter: "a" → 0, "đ" → 4; "a)" and "A" are accepted."""
    key = unicodedata.normalize("NFC", letter).strip().rstrip(")").strip().lower()
    try:
        return _DIEM_INDEX[key]
    except KeyError:
        raise ValueError(f"Không phải chữ cái đánh điểm: {letter!r}") from None
