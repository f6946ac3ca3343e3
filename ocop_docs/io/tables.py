"""The products table (Excel or CSV) as officers write it: Vietnamese headers, one product a row.

One reader serves the recognition decision's list and the certificate batch. Rows that
cannot be used are returned as rejects with the row number and a Vietnamese reason, so a
batch can go on with the good rows; a table that cannot be read at all raises DataError.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

from pydantic import ValidationError

from ..errors import DataError, Problem
from ..model.product import Product
from ..vi.dates import parse_date
from ..vi.numbers import parse_number
from ..vi.text import fold
from .messages import message

MAX_TABLE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000

# Header words (folded, lower case) → field. The first matching synonym wins.
HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "so thu tu", "tt"),
    "name": ("ten san pham", "san pham", "ten sp", "ten san pham/dich vu", "ten san pham, dich vu"),
    "owner": ("chu the", "ten chu the", "co so san xuat", "chu the san xuat", "don vi", "ten chu the san xuat"),
    "address": ("dia chi", "dia chi chu the", "dia chi lien he"),
    "group": ("nhom/bo san pham", "nhom san pham", "bo san pham", "nhom", "phan nhom", "nganh hang", "bo tieu chi"),
    "score": ("diem", "diem trung binh", "tong diem", "diem danh gia", "so diem"),
    "stars": ("hang sao", "so sao", "xep hang", "hang", "phan hang", "ket qua phan hang"),
    "evaluated_on": ("ngay danh gia", "ngay cham diem", "ngay"),
    "code": ("ma so san pham", "ma so", "ma san pham", "ma sp"),
    "form": ("hinh thuc", "hinh thuc danh gia", "loai danh gia"),
    "note": ("ghi chu",),
}
REQUIRED = ("name", "owner")


def _norm_header(text: Any) -> str:
    return " ".join(fold(str(text or ""), lower=True).replace("\n", " ").split()).strip(" :*")


def match_headers(headers: list[Any], synonyms_by_field: dict[str, tuple[str, ...]] | None = None) -> dict[int, str]:
    """Column index → field, from the header cells; unknown columns are ignored.

    ``synonyms_by_field`` is the header vocabulary (default: the products table's HEADERS).
    """
    vocabulary = HEADERS if synonyms_by_field is None else synonyms_by_field
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    normalised = [_norm_header(h) for h in headers]
    for fld, synonyms in vocabulary.items():
        for synonym in synonyms:
            for i, h in enumerate(normalised):
                if i not in mapping and fld not in taken and h == synonym:
                    mapping[i] = fld
                    taken.add(fld)
    # Looser pass: a header that starts with a synonym ("Tên sản phẩm (ghi rõ quy cách)").
    for fld, synonyms in vocabulary.items():
        if fld in taken:
            continue
        for i, h in enumerate(normalised):
            if i not in mapping and any(h.startswith(s + " ") or h.startswith(s + "(") for s in synonyms if len(s) > 3):
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
    """The products read from a table, the rejected rows, and the file they came from."""

    file: str
    products: list[Product]
    rejects: list[Reject]
    columns: dict[int, str]


def _stars(value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if text.count("★") or text.count("*"):
        count = text.count("★") + text.count("*")
        if 1 <= count <= 5:
            return count
    m = re.fullmatch(r"(\d)(?:[.,]0+)?\s*(sao)?", fold(text, lower=True))
    if m:
        return int(m.group(1))
    words = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5}
    m = re.fullmatch(r"(mot|hai|ba|bon|tu|nam)\s*sao", fold(text, lower=True))
    if m:
        return words[m.group(1)]
    raise ValueError(f"hạng sao '{text}' không hiểu được (ghi 3, 4, 5 hoặc '3 sao')")


def _score(value: Any) -> Decimal | None:
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    try:
        return Decimal(parse_number(str(value)))
    except (ValueError, InvalidOperation):
        raise ValueError(f"điểm '{value}' không phải là số") from None


def _form(value: Any) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    key = fold(str(value), lower=True).strip()
    for form in ("mới", "nâng hạng", "đánh giá lại"):
        if key == fold(form, lower=True) or key.startswith(fold(form, lower=True)):
            return form
    if key in ("moi", "lan dau", "dang ky moi"):
        return "mới"
    raise ValueError(f"hình thức '{value}' không hợp lệ (mới, nâng hạng, đánh giá lại)")


def _row_to_product(row_number: int, values: dict[str, Any]) -> Product:
    data: dict[str, Any] = {"row": row_number}
    for fld, raw in values.items():
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            continue
        if fld == "stars":
            data[fld] = _stars(raw)
        elif fld == "score":
            data[fld] = _score(raw)
        elif fld == "stt":
            try:
                data[fld] = int(Decimal(str(raw)))
            except (InvalidOperation, ValueError):
                continue  # a free-text STT is not worth rejecting a row
        elif fld == "evaluated_on":
            data[fld] = raw if hasattr(raw, "year") else parse_date(str(raw))
            if hasattr(data[fld], "date") and callable(data[fld].date):
                data[fld] = data[fld].date()
        elif fld == "form":
            data[fld] = _form(raw)
        else:
            data[fld] = str(raw).strip()
    return Product.model_validate(data)


FIELD_NAMES_VI = {
    "name": "Tên sản phẩm", "owner": "Chủ thể", "address": "Địa chỉ", "group": "Nhóm/Bộ sản phẩm",
    "score": "Điểm", "stars": "Hạng sao", "evaluated_on": "Ngày đánh giá", "code": "Mã số sản phẩm",
    "form": "Hình thức", "note": "Ghi chú", "stt": "STT",
}


def _rows_xlsx(path: Path, sheet_name: str | None = None) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DataError(path, f"không đọc được tệp Excel ({exc.__class__.__name__}); hãy lưu lại dạng .xlsx") from None
    if sheet_name is None:
        sheet = workbook.worksheets[0]
    else:
        names = {fold(n, lower=True).strip(): n for n in workbook.sheetnames}
        wanted = names.get(fold(sheet_name, lower=True).strip())
        if wanted is None:
            workbook.close()
            raise DataError(path, f"không có trang tính '{sheet_name}'; các trang có: {', '.join(workbook.sheetnames)}")
        sheet = workbook[wanted]
    for i, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield i, list(row)
    workbook.close()


def _rows_csv(path: Path) -> Iterator[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(path, "tệp CSV không phải mã UTF-8; trong Excel chọn 'CSV UTF-8 (Comma delimited)'") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",") else ",")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for i, row in enumerate(reader, start=1):
        yield i, row


class HeaderedRows:
    """The data rows of a sheet or CSV file, under a header row found among its first 10 rows.

    Iterating yields ``(row number, values by field, values by Vietnamese column name)`` for
    every non-empty row; ``columns`` maps column index → field once the header is found. A file
    that cannot be read, or has no header with the ``required`` columns, raises DataError.
    """

    def __init__(self, path: str | Path, vocabulary: dict[str, tuple[str, ...]], required: tuple[str, ...],
                 field_names: dict[str, str], sheet: str | None = None):
        self.path = Path(path)
        self.vocabulary, self.required, self.field_names = vocabulary, required, field_names
        self.columns: dict[int, str] = {}
        if not self.path.is_file():
            raise DataError(self.path, "không tìm thấy tệp")
        if self.path.stat().st_size > MAX_TABLE_BYTES:
            raise DataError(self.path, f"tệp quá lớn (tối đa {MAX_TABLE_BYTES // (1024 * 1024)} MB)")
        suffix = self.path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            self._rows = _rows_xlsx(self.path, sheet)
        elif suffix in (".csv", ".txt"):
            self._rows = _rows_csv(self.path)
        else:
            raise DataError(self.path, f"định dạng '{suffix}' không được hỗ trợ; dùng .xlsx hoặc .csv")

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
        for row_number, cells in self._rows:
            if row_number > MAX_ROWS:
                raise DataError(self.path, f"bảng có quá {MAX_ROWS} dòng")
            if not self.columns:
                found = match_headers(cells, self.vocabulary)
                if set(self.required) <= set(found.values()):
                    self.columns = found
                elif row_number >= 10:
                    break
                continue
            values = {fld: cells[i] if i < len(cells) else None for i, fld in self.columns.items()}
            values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
            if all(v is None or str(v) == "" for v in values.values()):
                continue
            shown = {self.field_names[k]: v for k, v in values.items() if v not in (None, "")}
            yield row_number, values, shown
        if not self.columns:
            wanted = ", ".join(self.field_names[f] for f in self.required)
            raise DataError(self.path, Problem(f"không tìm thấy dòng tiêu đề có các cột {wanted} trong 10 dòng đầu"))


def reject_reason(exc: ValueError, field_names: dict[str, str]) -> str:
    """Why a row was rejected, in Vietnamese, naming the columns of a validation error."""
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{field_names.get(str(e['loc'][0]), e['loc'][0]) if e['loc'] else ''}: {message(e)}" for e in exc.errors()
        )
    return str(exc)


def read_products(path: str | Path) -> ProductTable:
    """The products of a results table (.xlsx or .csv); bad rows become rejects."""
    rows = HeaderedRows(path, HEADERS, REQUIRED, FIELD_NAMES_VI)
    products: list[Product] = []
    rejects: list[Reject] = []
    seen: dict[str, int] = {}
    for row_number, values, shown in rows:
        try:
            product = _row_to_product(row_number, values)
        except ValueError as exc:
            rejects.append(Reject(row_number, reject_reason(exc, FIELD_NAMES_VI), shown))
            continue
        if product.key in seen:
            rejects.append(Reject(row_number, f"trùng sản phẩm ở dòng {seen[product.key]} (cùng tên sản phẩm và chủ thể)", shown))
            continue
        seen[product.key] = row_number
        products.append(product)
    return ProductTable(str(rows.path), products, rejects, rows.columns)
