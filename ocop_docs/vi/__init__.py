"""Vietnamese text helpers: numbers and amounts in words, ND30 dates, text normalisation.

Pure Python, standard library only.
"""
from .dates import date_line, ngay_thang_nam, parse_date, short_date
from .numbers import (
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
from .text import (
    convert_legacy,
    detect_legacy_encoding,
    fold,
    lower,
    nfc,
    sort_key,
    squash_spaces,
    title_words,
    upper,
)

__all__ = [
    "convert_legacy",
    "date_line",
    "detect_legacy_encoding",
    "diem_index",
    "diem_letter",
    "fold",
    "format_number",
    "format_vnd",
    "from_roman",
    "lower",
    "ngay_thang_nam",
    "nfc",
    "parse_date",
    "parse_number",
    "roman",
    "short_date",
    "so_thanh_chu",
    "sort_key",
    "squash_spaces",
    "tien_bang_chu",
    "title_words",
    "upper",
]
