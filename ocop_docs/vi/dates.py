"""Vietnamese dates as ND30 writes them, and as officers type them.

Pure functions, standard library only. Messages a user may read are in Vietnamese.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

__all__ = ["ngay_thang_nam", "date_line", "short_date", "parse_date", "DRAFT_BLANK"]

#: The blank left for the day and for the month in a draft date line: six regular
#: spaces (not non-breaking ones, so a clerk can type over them in Word).
DRAFT_BLANK = " " * 6


def _day(d: date) -> str:
    """The day with a leading zero below 10 (ND30-DATE-02): "05", "29"."""
    return f"{d.day:02d}"


def _month(d: date) -> str:
    """The month with a leading zero for January and February only (ND30-DATE-02)."""
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def ngay_thang_nam(d: date) -> str:
    """The date in words of ND30-DATE-02: "ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019".

    Days 1–9 and months 1 and 2 take a leading zero; months 3–12 do not; the year has
    four digits.
    """
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year:04d}"


def date_line(place: str, d: date | None, year: int | None = None) -> str:
    """The place-and-date line under the Quốc hiệu: "Hà Nội, ngày 05 tháng 01 năm 2020".

    For a draft (``d`` is None) the day and month are left blank, each as six regular
    spaces (:data:`DRAFT_BLANK`), for a clerk to fill in: "Hà Nội, ngày      tháng      năm
    2026"; the year is ``year`` when given, else "20...". Without a place only the date
    part is returned.
    """
    if d is not None:
        when = ngay_thang_nam(d)
    else:
        y = f"{year:04d}" if year is not None else "20..."
        when = f"ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm {y}"
    place = " ".join(unicodedata.normalize("NFC", place or "").split())
    return f"{place}, {when}" if place else when


def short_date(d: date) -> str:
    """The numeric date cited in căn cứ lines: "01/8/2022", "24/02/2023", "06/7/2020".

    Same zero rule as ND30-DATE-02: the day has two digits, the month a leading zero only
    for 1 and 2.
    """
    return f"{_day(d)}/{_month(d)}/{d.year:04d}"


_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_RE = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_WORDS_RE = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|/|,)\s*(\d{4})")


def parse_date(s: str) -> date:
    """The date an officer typed.

    Accepted: ISO "2024-03-05"; day-month-year "5/3/2024", "05/03/2024", "5-3-2024",
    "5.3.2024", also after "ngày" ("ngày 01/8/2022"); words "ngày 5 tháng 3 năm 2024",
    "ngày 05 tháng 3 năm 2024". Any spacing and case, NFC or NFD; a trailing "." is
    ignored. Two-digit years are refused.

    Raises ``ValueError`` with a Vietnamese message: "Ngày không hợp lệ: '31/02/2024'"
    for an impossible date, "Không đọc được ngày: '…'" for text that is not a date.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_date cần chuỗi ký tự, nhận được {type(s).__name__}")
    text = " ".join(unicodedata.normalize("NFC", s).split()).lower().rstrip(".").strip()
    numeric = re.sub(r"^ngày\s*", "", text)  # "ngày 01/8/2022" as cited in căn cứ lines
    if m := _ISO_RE.fullmatch(numeric):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DMY_RE.fullmatch(numeric):
        d, mo, y = int(m[1]), int(m[3]), int(m[4])
    elif m := _WORDS_RE.fullmatch(text):
        d, mo, y = (int(g) for g in m.groups())
    else:
        raise ValueError(
            f"Không đọc được ngày: {s!r} (ghi theo dạng 05/03/2024, 2024-03-05 hoặc "
            "ngày 05 tháng 3 năm 2024)"
        )
    try:
        return date(y, mo, d)
    except ValueError:
        if not 1 <= mo <= 12:
            why = f"không có tháng {mo}; tháng từ 1 đến 12"
        elif 1 <= y <= 9999 and d > 0:
            last = (date(y + (mo == 12), mo % 12 + 1, 1) - date(y, mo, 1)).days if y < 9999 or mo < 12 else 31
            why = f"tháng {mo} năm {y} chỉ có {last} ngày"
        else:
            why = "không có ngày này"
        raise ValueError(f"Ngày không hợp lệ: {s.strip()!r} ({why})") from None
