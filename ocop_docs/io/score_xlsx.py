"""The score sheet as an Excel workbook, and the products table of scored results.

Excel layout of a score sheet (made by ``ocop-docs form phieu-danh-gia --bo N --xlsx``):

* column A holds labels, column B their values: "Bộ tiêu chí số" (1–26), "Tên sản phẩm",
  "Mã số sản phẩm", "Tên chủ thể sản xuất", "Số điện thoại", "Địa chỉ", "Người đánh giá",
  "Địa danh", "Ngày đánh giá", "Ý kiến của người đánh giá";
* then a table whose header row reads "Mã tiêu chí | Ô | Nội dung | Điểm | Yêu cầu tối thiểu |
  Chọn (x)": one row per criterion (code, title, maximum), then one row per option (code, the
  option's number, its text, its points, its star mark). The member types "x" in the last
  column of the one option chosen for each criterion (any mark counts: x, X, 1, ✓, ☒).

Reading gives the same ``ScoreSheet`` as a YAML sheet, so the same checks apply (two marks for
one criterion, none, an unknown code) with the Excel row numbers in the messages.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DataError, Problem
from ..ocop.criteria_sets import CriteriaSet
from ..model.forms import ScoreSheet
from ..model.product import Product
from .atomic import atomic_path
from ..vi.text import fold
from .messages import message
from .output_tables import Column, set_text, table_bytes
from .tables import norm_header
from .workbook import Uncomputed, column_letter, read_sheet

LABELS = {
    "bo": "Bộ tiêu chí số",
    "name": "Tên sản phẩm",
    "code": "Mã số sản phẩm",
    "owner": "Tên chủ thể sản xuất",
    "phone": "Số điện thoại",
    "address": "Địa chỉ",
    "member": "Người đánh giá",
    "place": "Địa danh",
    "date": "Ngày đánh giá",
    "comments": "Ý kiến của người đánh giá",
}
# Other labels clerks and members write for the same lines, in the form of tables.norm_header.
LABEL_VARIANTS = {
    "bo": ("bo tieu chi", "so bo tieu chi", "bo so"),
    "name": ("san pham", "ten sp"),
    "code": ("ma san pham", "ma so", "ma sp", "ma so sp"),
    "owner": ("ten chu the", "chu the", "chu the san xuat", "chu the ocop", "ten chu the ocop", "ten co so",
              "co so san xuat"),
    "phone": ("dien thoai", "so dien thoai lien he", "sdt"),
    "address": ("dia chi chu the", "dia chi lien he"),
    "member": ("ho ten nguoi danh gia", "nguoi cham", "nguoi cham diem", "thanh vien hoi dong", "ho ten thanh vien",
               "thanh vien danh gia"),
    "place": ("noi danh gia",),
    "date": ("ngay cham", "ngay cham diem"),
    "comments": ("y kien", "y kien danh gia", "nhan xet", "y kien nhan xet"),
}
TABLE_HEADERS = ["Mã tiêu chí", "Ô", "Nội dung", "Điểm", "Yêu cầu tối thiểu", "Chọn (x)"]
STAR_MARK = {3: "***", 4: "****", 5: "*****"}


def _key(value: Any) -> str:
    return " ".join(fold(str(value or ""), lower=True).split()).strip(" :")


def write_sheet_xlsx(cs: CriteriaSet, path: str | Path, sheet: ScoreSheet | None = None) -> Path:
    """A score-sheet workbook for set ``cs``: blank, or with ``sheet``'s header and ticks."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = f"Bộ {cs.number}"
    ws.append(["PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP (Bộ tiêu chí kiêm phiếu đánh giá, Quyết định số 26/2026/QĐ-TTg)"])
    ws["A1"].font = Font(bold=True)
    product = sheet.product if sheet else None
    values = {
        "bo": cs.number,
        "name": product.name if product else "",
        "code": (product.code or "") if product else "",
        "owner": product.owner if product else "",
        "phone": product.phone if product else "",
        "address": product.address if product else "",
        "member": sheet.member if sheet else "",
        "place": sheet.place if sheet else "",
        "date": sheet.date.strftime("%d/%m/%Y") if sheet and sheet.date else "",
        "comments": sheet.comments if sheet else "",
    }
    for field, label in LABELS.items():
        ws.append([label, values[field]] + ([cs.name] if field == "bo" else []))
    ws.append([])
    ws.append(TABLE_HEADERS)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for c in cs.criteria():
        ws.append([c.code, None, c.title, c.max_points, None, None])
        ws.cell(ws.max_row, 3).font = Font(bold=True)
        chosen = sheet.ticks.get(c.code) if sheet else None
        for number, option in enumerate(c.options, 1):
            label = f"{option.case} — {option.text}" if option.case else option.text
            mark = "x" if chosen == number else None
            ws.append([c.code, number, label, option.points, STAR_MARK.get(option.min_stars or 0), mark])
    widths = {"A": 14, "B": 6, "C": 90, "D": 7, "E": 12, "F": 9}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
        for cell in row:
            if isinstance(cell.value, str):
                set_text(cell, cell.value)  # a product name typed as "=HYPERLINK(…)" stays text
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return Path(path)


def _labels() -> dict[str, str]:
    """Label (in the form of tables.norm_header) → field, the printed labels and their variants."""
    labels = {norm_header(v): k for k, v in LABELS.items()}
    for fld, variants in LABEL_VARIANTS.items():
        labels.update({norm_header(v): fld for v in variants})
    return labels


def read_sheet_xlsx(path: str | Path, notices: list[str] | None = None) -> tuple[ScoreSheet, dict[tuple, int]]:
    """A filled score sheet from the workbook layout above, and the row of each criterion
    (as a line map ``("ticks", code) → row``); DataError naming rows on problems.

    What the reader did not use goes to ``notices`` (Vietnamese): a hidden sheet it passed over,
    a line above the table whose label it does not know (its value is named, never dropped in
    silence), a cell right of the table.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(path, "không tìm thấy tệp")
    labels = _labels()
    said: list[str] = []
    header_rows: dict[str, int] = {}
    outside: list[str] = []
    header: dict[str, Any] = {}
    ticks: dict[str, Any] = {}
    codes_seen: list[str] = []
    rows: dict[tuple, int] = {}
    table_at: int | None = None
    problems: list[Problem] = []
    sheet_data = read_sheet(path)
    said += sheet_data.notices
    if sheet_data.hidden_rows:
        # A member's marks must all be visible to be checked: a hidden row is not read, and not ignored either.
        raise DataError(path, f"phiếu có dòng bị ẩn ({', '.join(map(str, sheet_data.hidden_rows[:10]))}); "
                              "hãy hiện mọi dòng (Home › Format › Unhide Rows) rồi lưu lại")
    for row_number, cells in sheet_data.rows:
        cells = list(cells) + [None] * (6 - len(cells))
        uncomputed = [v for v in cells if isinstance(v, Uncomputed)]
        if uncomputed:
            problems.append(Problem(f"{uncomputed[0]}; hãy mở tệp bằng Excel, để Excel tính rồi lưu lại", row=row_number))
            continue
        if table_at is None:
            key = norm_header(cells[0]) if isinstance(cells[0], str) else ""
            if key in labels and labels[key] in header_rows and _text(cells[1]):
                problems.append(Problem(f"mục «{LABELS[labels[key]]}» ghi hai lần (dòng {header_rows[labels[key]]} và "
                                        f"dòng {row_number}); hãy xóa một dòng", row=row_number))
            elif key in labels:
                header[labels[key]] = cells[1]
                header_rows[labels[key]] = row_number
            elif key == norm_header(TABLE_HEADERS[0]) and _key(cells[5]).startswith(("chon", "danh dau")):
                table_at = row_number
            elif row_number > 1 and any(_text(v) for v in cells[1:]):
                # A line the sheet does not define: say what it holds, never drop it in silence.
                shown = " | ".join(_text(v) for v in cells if _text(v))
                said.append(f"dòng {row_number} «{shown[:80]}» không phải mục của phiếu, không được đọc")
            continue
        outside += [f"{column_letter(c)}{row_number}" for c in range(6, len(cells)) if _text(cells[c])]
        code, number, mark = cells[0], cells[1], cells[5]
        if code is None or str(code).strip() == "":
            if _marked(mark):
                problems.append(Problem(f"ô F{row_number} được đánh dấu nhưng dòng này không ghi mã tiêu chí", row=row_number))
            elif any(_text(v) for v in cells[:6]):
                shown = " | ".join(_text(v) for v in cells[:6] if _text(v))
                said.append(f"dòng {row_number} «{shown[:80]}» không có mã tiêu chí, không được đọc")
            continue
        code = str(code).strip()
        if code not in codes_seen:
            codes_seen.append(code)
            ticks.setdefault(code, [])
            rows[("ticks", code)] = row_number
        if number is None or str(number).strip() == "":
            if _marked(mark):  # the criterion's own row: a mark here chooses no option
                problems.append(Problem(f"ô F{row_number} đánh dấu ở dòng tên tiêu chí {code}; hãy đánh dấu ở dòng của "
                                        "một ô (dòng có số ở cột 'Ô')", row=row_number))
            continue
        if _marked(mark):
            try:
                ticks[code].append(int(str(number).strip().split(".")[0]))
            except ValueError:
                problems.append(Problem(f"cột 'Ô' phải là số thứ tự ô, đang là '{number}'", row=row_number))
    if table_at is None:
        raise DataError(path, f"không tìm thấy bảng tiêu chí (dòng tiêu đề '{' | '.join(TABLE_HEADERS)}')")
    if problems:
        raise DataError(path, problems)
    if outside:
        more = f" và {len(outside) - 10} ô khác" if len(outside) > 10 else ""
        said.append(f"ô {', '.join(outside[:10])}{more} ở ngoài bảng tiêu chí (cột A–F), không được đọc")
    if notices is not None:
        notices.extend(f"{path.name}: {n}" for n in said)
    data = {
        "bo": header.get("bo"),
        "product": {k: _text(header.get(k)) for k in ("name", "code", "owner", "phone", "address") if _text(header.get(k))},
        "member": _text(header.get("member")),
        "place": _text(header.get("place")),
        "date": header.get("date") if hasattr(header.get("date"), "year") else _text(header.get("date")) or None,
        "comments": _text(header.get("comments")),
        "ticks": {code: (marks if len(marks) != 1 else marks[0]) for code, marks in ticks.items()},
    }
    if hasattr(data["date"], "date") and callable(data["date"].date):
        data["date"] = data["date"].date()
    try:
        return ScoreSheet.model_validate(data), rows
    except ValidationError as exc:
        raise DataError(path, [Problem(message(e), path=".".join(str(x) for x in e["loc"])) for e in exc.errors()]) from None


def _marked(value: Any) -> bool:
    return value is not None and str(value).strip() not in ("", "0", "☐", "□")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# --------------------------------------------------------------------------- products table

PRODUCT_COLUMNS = [
    Column("STT", 6, "int"), Column("Tên sản phẩm", 36), Column("Chủ thể", 36), Column("Địa chỉ", 36),
    Column("Bộ sản phẩm", 24), Column("Điểm trung bình", 10, "score"), Column("Hạng sao", 9, "int"),
    Column("Mã số sản phẩm", 20), Column("Ngày đánh giá", 12, "date"),
]
PRODUCT_HEADERS = [c.header for c in PRODUCT_COLUMNS]


def product_rows(products: list[Product]) -> list[list[Any]]:
    return [[i, p.name, p.owner, p.address, p.group or "", p.score, p.stars, p.code or "", p.evaluated_on]
            for i, p in enumerate(products, 1)]


def write_products(products: list[Product], path: str | Path) -> Path:
    """The products table (.xlsx, or .csv for Excel in Vietnam) with the headers ``io.tables.read_products`` reads.

    Texts from the score sheets are never written as formulas (``io/output_tables.py``).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise DataError(path, f"định dạng '{suffix}' không được hỗ trợ cho bảng kết quả; dùng .xlsx hoặc .csv")
    data = table_bytes(path, "Kết quả", PRODUCT_COLUMNS, product_rows(products))
    with atomic_path(path) as tmp:
        Path(tmp).write_bytes(data)
    return path
