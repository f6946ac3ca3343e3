"""The products table (Excel or CSV) as officers write it: Vietnamese headers, one product a row.

One reader serves the recognition decision's list and the certificate batch; the members
reader (``io/members.py``) uses the same :class:`HeaderedRows`. Tables are read as clerks make
them (the header variants we collected are in ``tests/io/data/header-variants.yaml``):

* the header row is found among the first rows (under the title lines), and a second header
  row under merged cells ("Kết quả" over "Điểm | Hạng sao") completes it; a row that only
  numbers the columns ("(1) (2) (3)…") is skipped;
* group rows ("I. HỘI ĐỒNG", "II | TỔ TƯ VẤN", "1. Huyện Cẩm Xuyên") are sections;
* total, signature and note rows ("Tổng cộng: 30 sản phẩm", "Người lập biểu", "Ghi chú: …")
  are skipped, and what follows a total or signature row is the footer;
* every header that is not used is reported by name (a notice), and so is every row skipped.

Rows that cannot be used are returned as rejects with the row number, column letter and a
Vietnamese reason, so a batch can go on with the good rows; a table that cannot be read at all,
or lacks a column the document needs, raises DataError naming the file and sheet.
"""
from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DataError, Problem
from ..model.product import Product
from ..model.table import is_total_label
from ..vi.dates import parse_date
from ..vi.numbers import parse_number
from ..vi.text import fold
from .messages import library_text, message
from .workbook import Uncomputed, column_letter, read_sheet

MAX_TABLE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
HEADER_SEARCH_ROWS = 20
MAX_NUMBER_DIGITS = 30
"""A number cell longer than this (digits) is refused before any arithmetic: no score or count has it."""

# Header words → field, in the normal form of :func:`norm_header` (folded, lower case, no
# punctuation, "và" dropped, "HĐ"/"SP" spelled out). For each field the first synonym that
# matches a column wins.
HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "so thu tu", "tt", "so tt"),
    "name": ("ten san pham", "san pham", "ten sp", "ten san pham dich vu", "ten san pham hang hoa",
             "ten san pham ocop", "san pham ocop"),
    "owner": ("chu the", "ten chu the", "chu the san xuat", "ten chu the san xuat", "chu the ocop", "co so san xuat",
              "ten co so", "ten chu the ocop", "don vi san xuat", "don vi"),
    "address": ("dia chi", "dia chi chu the", "dia chi lien he", "dia chi san xuat", "dia chi co so", "dia ban"),
    "group": ("nhom bo san pham", "nhom san pham", "bo san pham", "nhom", "phan nhom", "nganh hang", "bo tieu chi",
              "nhom nganh"),
    "score": ("diem", "diem trung binh", "tong diem", "diem danh gia", "so diem", "diem tb", "diem binh quan",
              "ket qua diem", "diem dat", "tong diem dat", "diem trung binh dat"),
    "stars": ("hang sao", "so sao", "xep hang", "hang", "phan hang", "ket qua phan hang", "hang sao dat", "xep hang sao",
              "ket qua xep hang", "hang sao ocop", "sao"),
    "evaluated_on": ("ngay danh gia", "ngay cham diem", "ngay"),
    "code": ("ma so san pham", "ma so", "ma san pham", "ma sp", "ma so sp"),
    "form": ("hinh thuc", "hinh thuc danh gia", "loai danh gia"),
    "note": ("ghi chu",),
}
REQUIRED = ("name", "owner")
EVIDENCE = ("score", "stars")
"""Fields that show a row below a total or signature row is still a product, not a signature."""

FIELD_NAMES_VI = {
    "name": "Tên sản phẩm", "owner": "Chủ thể", "address": "Địa chỉ", "group": "Nhóm/Bộ sản phẩm",
    "score": "Điểm", "stars": "Hạng sao", "evaluated_on": "Ngày đánh giá", "code": "Mã số sản phẩm",
    "form": "Hình thức", "note": "Ghi chú", "stt": "STT",
}

_ABBREVIATIONS = {"hd": "hoi dong", "sp": "san pham", "tb": "tb", "dv": "don vi", "ubnd": "ubnd"}
_PUNCTUATION = re.compile(r"[,;/\\\-–—&.:*()\[\]\"'’“”]")
# Headers that look like a field's synonym but are something else.
_NOT_FIELDS = {"don vi tinh", "so dien thoai", "dien thoai"}


def norm_header(text: Any) -> str:
    """A header cell in the form the vocabularies are written in ("Họ và tên" → "ho ten")."""
    words = _PUNCTUATION.sub(" ", fold(str(text or ""), lower=True)).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words if w != "va")


def _normal_vocabulary(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {fld: tuple(dict.fromkeys(norm_header(s) for s in synonyms)) for fld, synonyms in vocabulary.items()}


def match_headers(headers: list[Any], synonyms_by_field: dict[str, tuple[str, ...]] | None = None) -> dict[int, str]:
    """Column index → field, from the header cells; unknown columns are left out.

    ``synonyms_by_field`` is the header vocabulary (default: the products table's HEADERS).
    """
    vocabulary = _normal_vocabulary(HEADERS if synonyms_by_field is None else synonyms_by_field)
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    normalised = [norm_header(h) if isinstance(h, str) else "" for h in headers]
    for fld, synonyms in vocabulary.items():
        for synonym in synonyms:
            hits = [i for i, h in enumerate(normalised) if i not in mapping and h == synonym]
            if hits and fld not in taken:
                mapping[hits[0]] = fld
                taken.add(fld)
    # Looser pass: a header that starts with a synonym ("Tên sản phẩm (ghi rõ quy cách)").
    for fld, synonyms in vocabulary.items():
        if fld in taken:
            continue
        for i, h in enumerate(normalised):
            if i in mapping or h in _NOT_FIELDS:
                continue
            if any(len(s) > 3 and h.startswith(s + " ") for s in synonyms):
                mapping[i] = fld
                taken.add(fld)
                break
    return mapping


@dataclass
class Reject:
    """A row that was not used, with its row number in the file and why (Vietnamese)."""

    row: int
    reason: str
    values: dict[str, Any] = field(default_factory=dict)


def rejects_error(file: str | Path, rejects: list[Reject], what: str = "dòng") -> DataError:
    """A DataError naming the file and every rejected row (for inputs that must not drop a row)."""
    return DataError(file, [Problem(f"{what} không dùng được: {r.reason}", row=r.row) for r in rejects])


@dataclass
class ProductTable:
    """The products read from a table, the rejected rows, what was skipped, and the file."""

    file: str
    products: list[Product]
    rejects: list[Reject]
    columns: dict[int, str]
    notices: list[str] = field(default_factory=list)
    where: str = ""  # "kq.xlsx (trang 'Đợt 2')": the file and sheet, for messages
    typed: dict[int, dict[str, Any]] = field(default_factory=dict)  # row → its cells as typed, by Vietnamese field name


def _stars(value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if re.fullmatch(r"[★☆*\s]+", text):  # "★★★★" or "***": the marks are the stars
        count = text.count("★") + text.count("*")
        if 1 <= count <= 5:
            return count
    folded = fold(text, lower=True)
    # A digit wins over marks ("3*", "4 ★" are 3 and 4 stars, never 1); "04 sao" as lists write numbers.
    m = re.fullmatch(r"(?:hang\s*)?0?(\d)(?:[.,]0+)?\s*(sao|\*|★)?", folded)
    if m:
        return int(m.group(1))
    words = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5}
    m = re.fullmatch(r"(?:hang\s*)?(mot|hai|ba|bon|tu|nam)\s*sao", folded)
    if m:
        return words[m.group(1)]
    raise ValueError(f"hạng sao '{_clip(text)}' không hiểu được (ghi 3, 4, 5 hoặc '3 sao')")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def number_cell(value: Any, what: str) -> Decimal | None:
    """A number typed in a cell (number or text such as "78,25"); ValueError in Vietnamese otherwise.

    Numbers with more than MAX_NUMBER_DIGITS digits are refused before any arithmetic (a score
    of 10^26 would overflow the two-decimal rounding; a 5,000-digit integer cannot even be printed).
    """
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{what} '{value}' không phải là số")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{what} không phải là số")
        if abs(value) >= 10 ** MAX_NUMBER_DIGITS:
            raise ValueError(f"{what} quá lớn (số có hơn {MAX_NUMBER_DIGITS} chữ số)")
        number = Decimal(repr(value))
    elif isinstance(value, (int, Decimal)):
        huge = isinstance(value, int) and abs(value) >= 10 ** MAX_NUMBER_DIGITS  # not even made a Decimal
        number = Decimal("Infinity") if huge else Decimal(value)
        if not number.is_finite() or number.adjusted() >= MAX_NUMBER_DIGITS:
            raise ValueError(f"{what} quá lớn (số có hơn {MAX_NUMBER_DIGITS} chữ số)")
    else:
        typed = str(value).strip()
        text = re.sub(r"\s*(điểm|Điểm|ĐIỂM|đ)\.?$", "", typed)  # "55 điểm" is 55
        if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS:
            raise ValueError(f"{what} quá lớn (số có hơn {MAX_NUMBER_DIGITS} chữ số)")
        try:
            number = parse_number(text)
        except (ValueError, InvalidOperation):
            raise ValueError(f"{what} '{_clip(typed)}' không phải là số") from None
    if number.adjusted() >= MAX_NUMBER_DIGITS:
        raise ValueError(f"{what} quá lớn (số có hơn {MAX_NUMBER_DIGITS} chữ số)")
    return number


def _score(value: Any) -> Decimal | None:
    number = number_cell(value, "điểm")
    if number is not None and not Decimal(0) <= number <= Decimal(100):
        shown = f"{number:f}" if number.adjusted() < 12 else "số quá lớn"
        raise ValueError(f"điểm phải từ 0 đến 100 (đang là {shown})")
    return number


def _form(value: Any) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    key = fold(str(value), lower=True).strip()
    for form in ("mới", "nâng hạng", "đánh giá lại"):
        if key == fold(form, lower=True) or key.startswith(fold(form, lower=True)):
            return form
    if key in ("moi", "lan dau", "dang ky moi"):
        return "mới"
    raise ValueError(f"hình thức '{_clip(str(value))}' không hợp lệ (mới, nâng hạng, đánh giá lại)")


class CellError(ValueError):
    """A value that cannot be used, with the field (column) it is in."""

    def __init__(self, fld: str, message_text: str):
        super().__init__(message_text)
        self.field = fld


def _row_to_product(row_number: int, values: dict[str, Any]) -> Product:
    data: dict[str, Any] = {"row": row_number}
    for fld, raw in values.items():
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            continue
        try:
            if fld == "stars":
                data[fld] = _stars(raw)
            elif fld == "score":
                data[fld] = _score(raw)
            elif fld == "stt":
                try:
                    stt = number_cell(raw, "STT")
                    data[fld] = int(stt) if stt is not None and stt == stt.to_integral_value() else None
                except ValueError:
                    continue  # a free-text STT is not worth rejecting a row
            elif fld == "evaluated_on":
                data[fld] = raw if hasattr(raw, "year") else parse_date(str(raw))
                if hasattr(data[fld], "date") and callable(data[fld].date):
                    data[fld] = data[fld].date()
            elif fld == "form":
                data[fld] = _form(raw)
            else:
                data[fld] = " ".join(str(raw).split())  # a line typed with Alt+Enter is one line of text
        except CellError:
            raise
        except ValueError as exc:
            raise CellError(fld, str(exc)) from None
    return Product.model_validate(data)


def _rows_csv(path: Path) -> Iterator[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(path, "tệp CSV không phải mã UTF-8 (lưu bằng 'CSV (Comma delimited)' thì Excel bỏ mất dấu tiếng "
                              "Việt, thay bằng '?'); trong Excel chọn 'CSV UTF-8 (Comma delimited)' hoặc lưu .xlsx") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",") else ",")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        why = library_text(exc, "không đọc được theo cách Excel ghi tệp CSV")
        raise DataError(path, f"tệp CSV sai cấu trúc ở dòng {reader.line_num}: {why}") from None


# --------------------------------------------------------------------------- row kinds

# Total rows are told by model.table.is_total_label; these are the other rows under a table.
_FOOTER_START = re.compile(
    r"^(nguoi lap|lap bieu|nguoi ky|thu truong|xac nhan|"
    r"tm\s|kt\s|tl\s|q\s|chu tich$|giam doc$|ky ghi ro|ky ten|ky dong dau|danh sach ((nay|tren) )?(co|gom) \d)"
)
_NOTE_START = re.compile(r"^(ghi chu|luu y|chu thich|ghi chu\s*:)")
_PLACE_DATE = re.compile(r"ngay\s*[.…\d]*\s*thang\s*[.…\d]*\s*nam")
_SECTION_WORDS = re.compile(
    r"^(hoi dong|to |thanh vien|huyen|thi xa|thanh pho|xa |phuong|nhom|bo |nganh|san pham|cac san pham|danh sach)"
)
_ROMAN = re.compile(r"^[ivxlc]+$")
_COLUMN_NUMBER = re.compile(r"^\(?\s*(\d{1,2}|[a-z])\s*\)?$")


def _text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10 ** MAX_NUMBER_DIGITS:
        return "(số quá dài)"
    return " ".join(str(value).split())


def _key(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", fold(text, lower=True)).split())


def _section_label(stt: Any) -> bool:
    """A section's number: a Roman numeral (I, II), a capital letter (A, B), or empty."""
    if stt is None or str(stt).strip() == "":
        return True
    text = str(stt).strip().rstrip(".")
    return bool(_ROMAN.match(text.lower())) or (len(text) == 1 and text.isalpha())


def strip_section_number(text: str) -> str:
    """"II. TỔ TƯ VẤN" → "TỔ TƯ VẤN"; "A - Nhóm thực phẩm" → "Nhóm thực phẩm"."""
    m = re.match(r"^\s*([IVXLCivxlc]+|[A-Za-z]|\d{1,2})\s*[.)\-–:|]\s*(.+)$", text)
    if m and (m.group(1).isdigit() or _ROMAN.match(m.group(1).lower()) or len(m.group(1)) == 1):
        return m.group(2).strip()
    return text.strip()


@dataclass
class Row:
    """A data row: its number, values by field, values by Vietnamese field name (for reports), section."""

    number: int
    values: dict[str, Any]
    shown: dict[str, Any]
    section: str | None = None


class HeaderedRows:
    """The data rows of a sheet or CSV file, under a header row found among its first rows.

    Iterating yields a :class:`Row` for every data row; group rows, total/signature/note rows,
    column-number rows and hidden rows are skipped and described in ``notices`` (Vietnamese),
    which also name the columns not used. ``columns`` maps column index → field, ``letters``
    field → column letter, ``headers`` field → the header as written.
    """

    def __init__(self, path: str | Path, vocabulary: dict[str, tuple[str, ...]], required: tuple[str, ...],
                 field_names: dict[str, str], sheet: str | None = None, *, used: tuple[str, ...] | None = None,
                 evidence: tuple[str, ...] = (), what: str = "dòng", section_words: re.Pattern | None = None):
        self.path = Path(path)
        self.vocabulary, self.required, self.field_names = vocabulary, required, field_names
        self.used = tuple(vocabulary) if used is None else used
        self.evidence, self.what = evidence, what
        self.section_words = section_words or _SECTION_WORDS
        self.columns: dict[int, str] = {}
        self.letters: dict[str, str] = {}
        self.headers: dict[str, str] = {}
        self.notices: list[str] = []
        self.header_row: int | None = None
        self.data_rows = 0
        self.sheet_name: str | None = None
        self.hidden_columns: set[str] = set()
        if not self.path.is_file():
            raise DataError(self.path, "không tìm thấy tệp")
        if self.path.stat().st_size > MAX_TABLE_BYTES:
            raise DataError(self.path, f"tệp quá lớn (tối đa {MAX_TABLE_BYTES // (1024 * 1024)} MB)")
        suffix = self.path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            sheet_data = read_sheet(self.path, sheet, MAX_ROWS)
            self.sheet_name = sheet_data.name
            self.notices.extend(sheet_data.notices)
            self.hidden_columns = sheet_data.hidden_columns
            self._rows: Iterator[tuple[int, list[Any]]] | list = sheet_data.rows
        elif suffix in (".csv", ".txt"):
            self._rows = _rows_csv(self.path)
        else:
            hint = "; hãy mở bằng Excel và lưu lại dạng .xlsx (Excel Workbook)" if suffix in (".xls", ".ods", ".xlsb") else ""
            raise DataError(self.path, f"định dạng '{suffix}' không được hỗ trợ; dùng .xlsx hoặc .csv{hint}")
        self._iter = iter(self._rows)
        self._pending: list[tuple[int, list[Any]]] = []
        self._find_header()

    # -- where --------------------------------------------------------------------------------

    @property
    def where(self) -> str:
        """"trang 'Hội đồng'" for a workbook, "" for a CSV file (for messages)."""
        return f"trang '{self.sheet_name}'" if self.sheet_name else ""

    def cell(self, fld: str) -> str:
        """"cột F «Tổng điểm»": the column of a field as the officer sees it."""
        if fld not in self.letters:
            return self.field_names.get(fld, fld)
        return f"cột {self.letters[fld]} «{self.headers[fld]}»"

    def error(self, problems: list[Problem] | Problem | str) -> DataError:
        where = f" ({self.where})" if self.where else ""
        return DataError(f"{self.path}{where}", problems)

    # -- header -------------------------------------------------------------------------------

    def _next(self) -> tuple[int, list[Any]] | None:
        if self._pending:
            return self._pending.pop(0)
        for row_number, cells in self._iter:
            if row_number > MAX_ROWS:
                raise self.error(f"bảng có quá {MAX_ROWS} dòng")
            return row_number, cells
        return None

    def _find_header(self) -> None:
        best: tuple[int, list[Any], dict[int, str]] | None = None  # the row most like a header
        while True:
            item = self._next()
            if item is None:
                break
            row_number, cells = item
            found = match_headers(cells, self.vocabulary)
            if set(self.required) <= set(found.values()):
                self._set_header(row_number, cells, found)
                return
            if found and (best is None or len(found) > len(best[2])):
                best = (row_number, cells, found)
            if row_number >= HEADER_SEARCH_ROWS:
                break
        wanted = ", ".join(self.field_names[f] for f in self.required)
        if best is not None:
            missing = [self.field_names[f] for f in self.required if f not in best[2].values()]
            have = ", ".join(f"{column_letter(i)} «{_text_of(best[1][i])}»" for i in sorted(best[2]))
            raise self.error(Problem(
                f"dòng tiêu đề thiếu cột {', '.join(missing)} (cần các cột {wanted}); các cột nhận ra: {have}",
                row=best[0]))
        raise self.error(Problem(f"không tìm thấy dòng tiêu đề có các cột {wanted} trong {HEADER_SEARCH_ROWS} dòng đầu"))

    def _set_header(self, row_number: int, cells: list[Any], found: dict[int, str]) -> None:
        header = [_text_of(c) for c in cells]
        nxt = self._next()
        if nxt is not None and self._continues_header(header, nxt[1]):
            # A second header row under merged cells: the lower cell names the column.
            lower = [_text_of(c) for c in nxt[1]]
            width = max(len(header), len(lower))
            header = header + [""] * (width - len(header))
            merged = []
            for i in range(width):
                below = lower[i] if i < len(lower) else ""
                merged.append(below if below and match_headers([below], self.vocabulary) else header[i] or below)
            header = merged
            found = match_headers(header, self.vocabulary)
            row_number = nxt[0]
        elif nxt is not None:
            self._pending.append(nxt)
        self.header_row = row_number
        self.columns = found
        hidden = [f"{column_letter(i)} «{header[i]}»" for i in sorted(found) if column_letter(i) in self.hidden_columns]
        if hidden:
            self.notices.append(f"cột đang bị ẩn nhưng vẫn được đọc: {', '.join(hidden)}")
        self.letters = {fld: column_letter(i) for i, fld in found.items()}
        self.headers = {fld: header[i] for i, fld in found.items()}
        ignored = [f"{column_letter(i)} «{text}»" for i, text in enumerate(header)
                   if text and (i not in found or found[i] not in self.used)]
        if ignored:
            self.notices.append(f"các cột không dùng (dữ liệu trong đó không được đưa vào văn bản): {', '.join(ignored)}")
        self._header_texts = {t for t in header if t}  # a header repeated on every printed page is a copy
        self._headed = {i for i, text in enumerate(header) if text}

    def _continues_header(self, header: list[str], cells: list[Any]) -> bool:
        texts = [_text_of(c) for c in cells]
        if not any(texts):
            return False
        for i, text in enumerate(texts):
            if not text:
                continue
            above = header[i] if i < len(header) else ""
            if text == above:
                continue
            if isinstance(cells[i], str) and match_headers([text], self.vocabulary):
                continue
            return False
        return True

    # -- rows ---------------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Row]:
        skipped: dict[str, list[tuple[int, str]]] = {"numbers": [], "footer": [], "note": [], "section": [], "header": [],
                                                     "stray": []}
        unheaded: dict[int, list[int]] = {}  # column without a header → the data rows with a value in it
        footer_from: int | None = None
        total: tuple[int, int] | None = None
        section: str | None = None
        stt_index = next((i for i, f in self.columns.items() if f == "stt"), None)
        while True:
            item = self._next()
            if item is None:
                break
            row_number, cells = item
            texts = [_text_of(c) for c in cells]
            if not any(texts):
                continue
            values = {fld: cells[i] if i < len(cells) else None for i, fld in self.columns.items()}
            values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
            first = next(t for t in texts if t)
            first_key = _key(first)
            line = " | ".join(dict.fromkeys(t for t in texts if t))
            if self._is_column_numbers(texts):
                skipped["numbers"].append((row_number, line))
                continue
            if {t for t in texts if t} <= self._header_texts:
                skipped["header"].append((row_number, line))  # the header repeated (printed on every page)
                continue
            has_evidence = all(values.get(f) not in (None, "") for f in self.required) and (
                not self.evidence or any(values.get(f) not in (None, "") for f in self.evidence))
            if _NOTE_START.match(first_key):
                skipped["note"].append((row_number, line))
                continue
            if not has_evidence and (is_total_label(first_key) or _FOOTER_START.match(first_key) or _PLACE_DATE.search(first_key)):
                footer_from = footer_from or row_number
                skipped["footer"].append((row_number, line))
                count = re.search(r"\d+", first_key) or next(
                    (re.search(r"\d+", t) for t in texts[1:] if re.fullmatch(r"\d+", t.strip())), None)
                if total is None and (is_total_label(first_key) or first_key.startswith("danh sach")) and count:
                    total = (row_number, int(count.group(0)))
                continue
            if footer_from is not None and not has_evidence:
                skipped["footer"].append((row_number, line))
                continue
            stt = _text_of(cells[stt_index]) if stt_index is not None and stt_index < len(cells) else ""
            label = self._section(texts, stt_index, stt, values)
            if label is not None:
                section = label
                skipped["section"].append((row_number, label))
                continue
            if all(v in (None, "") for v in values.values()):
                skipped["stray"].append((row_number, line))
                continue
            self.data_rows += 1
            for i, text in enumerate(texts):
                if text and i not in self._headed:
                    unheaded.setdefault(i, []).append(row_number)
            shown = {self.field_names[k]: v for k, v in values.items() if v not in (None, "")}
            yield Row(row_number, values, shown, section)
        self._report(skipped, total)
        if unheaded:
            listed = "; ".join(f"cột {column_letter(i)} (dòng {', '.join(map(str, rows[:6]))}{', …' if len(rows) > 6 else ''})"
                               for i, rows in sorted(unheaded.items()))
            self.notices.append(f"có dữ liệu ở cột không có tiêu đề, không được đọc: {listed}")

    def _is_column_numbers(self, texts: list[str]) -> bool:
        marks = [t for t in texts if t]
        if len(marks) < 3 or not all(_COLUMN_NUMBER.match(t.lower()) for t in marks):
            return False
        digits = [int(re.sub(r"\D", "", t)) for t in marks if re.search(r"\d", t)]
        return len(digits) == len(marks) and digits == list(range(digits[0], digits[0] + len(digits)))

    def _section(self, texts: list[str], stt_index: int | None, stt: str, values: dict[str, Any]) -> str | None:
        """The label of a group row ("II. TỔ TƯ VẤN"), or None for a data row."""
        if re.fullmatch(r"\d+", stt) or any(values.get(f) not in (None, "") for f in self.evidence):
            return None
        numbered = bool(stt) and _section_label(stt)
        candidates = {t for i, t in enumerate(texts) if t and i != stt_index}
        if stt and not numbered:
            candidates.add(stt)
        if len(candidates) != 1:
            return None
        text = next(iter(candidates))
        bare = strip_section_number(text)
        if not (numbered or bare != text or self.section_words.match(_key(bare)) or (bare.isupper() and len(bare) > 3)):
            return None
        return f"{stt.rstrip('.')}. {text}" if numbered and stt else text

    def _report(self, skipped: dict[str, list[tuple[int, str]]], total: tuple[int, int] | None) -> None:
        def rows(items: list[tuple[int, str]]) -> str:
            shown = "; ".join(f"dòng {n} «{_clip(t, 50)}»" for n, t in items[:6])
            return shown + (f"; … và {len(items) - 6} dòng khác" if len(items) > 6 else "")

        labels = {
            "section": f"dòng tên mục (không phải {self.what})", "numbers": "bỏ qua dòng đánh số cột",
            "header": "bỏ qua dòng tiêu đề lặp lại", "note": "bỏ qua dòng ghi chú",
            "footer": f"bỏ qua {len(skipped['footer'])} dòng cuối bảng (tổng cộng, chữ ký)",
            "stray": "bỏ qua dòng chỉ có dữ liệu ở cột không dùng",
        }
        self.notices += [f"{label}: {rows(skipped[key])}" for key, label in labels.items() if skipped[key]]
        if total is not None and total[1] != self.data_rows:
            self.notices.append(f"dòng {total[0]} ghi tổng cộng {total[1]} nhưng bảng có {self.data_rows} {self.what}; hãy kiểm tra lại")

    def reject(self, row: Row, exc: Exception) -> Reject:
        """The reject of a row whose values raised ``exc``, naming the column by letter and header."""
        return Reject(row.number, self.reason(exc), row.shown)

    def reason(self, exc: Exception) -> str:
        if isinstance(exc, CellError):
            return f"{self.cell(exc.field)}: {exc}"
        if isinstance(exc, ValidationError):
            parts = []
            for e in exc.errors():
                fld = str(e["loc"][0]) if e["loc"] else ""
                parts.append(f"{self.cell(fld)}: {message(e)}" if fld in self.field_names else message(e))
            return "; ".join(parts)
        return str(exc)

    def uncomputed(self, row: Row) -> None:
        """CellError for the first formula cell of ``row`` that has no computed value."""
        for fld, value in row.values.items():
            if isinstance(value, Uncomputed):
                raise CellError(fld, f"{value}; hãy mở tệp bằng Excel, để Excel tính rồi lưu lại (không đọc ô này là ô trống)")


def read_products(path: str | Path, sheet: str | None = None, used: tuple[str, ...] | None = None) -> ProductTable:
    """The products of a results table (.xlsx or .csv); bad rows become rejects.

    ``used`` is the fields the document prints or checks (default: all): a column of another field
    is reported as not used, by name, and its cells are not read.
    DataError when the table cannot be read, or has neither a score nor a stars column.
    """
    used = tuple(HEADERS) if used is None else used
    rows = HeaderedRows(path, HEADERS, REQUIRED, FIELD_NAMES_VI, sheet, evidence=EVIDENCE, what="sản phẩm", used=used)
    if not set(EVIDENCE) & set(rows.columns.values()):
        raise rows.error(Problem(f"bảng không có cột Điểm hoặc Hạng sao (dòng tiêu đề {rows.header_row})",
                                 row=rows.header_row))
    products: list[Product] = []
    rejects: list[Reject] = []
    seen: dict[str, int] = {}
    typed: dict[int, dict[str, Any]] = {}
    for row in rows:
        typed[row.number] = row.shown
        try:
            rows.uncomputed(row)
            product = _row_to_product(row.number, {k: v for k, v in row.values.items() if k in used})
        except ValueError as exc:
            rejects.append(rows.reject(row, exc))
            continue
        if product.key in seen:
            rejects.append(Reject(row.number, f"trùng sản phẩm ở dòng {seen[product.key]} (cùng tên sản phẩm và chủ thể)", row.shown))
            continue
        seen[product.key] = row.number
        products.append(product)
    where = f"{Path(path).name}" + (f", {rows.where}" if rows.where else "")
    notices = [f"{where}: {n}" for n in rows.notices]
    located = f"{rows.path} ({rows.where})" if rows.where else str(rows.path)
    return ProductTable(str(rows.path), products, rejects, rows.columns, notices, located, typed)
