"""Tables inside documents: the budget by item and source, the assignment matrix, targets by
commune, product lists — any table a plan or a decision carries, kept as a table.

A table has header rows and body rows of cells (a cell may span columns or rows), optional
relative column widths, the columns that hold numbers, and an optional total row. The total is
computed from the rows; when the document states it (``stated``), the stated figure must equal the
sum, and a mismatch is an error naming the row, because a plan whose total disagrees with its lines
must not be signed. Nothing here opens a file or knows Word: rendering is ``render/tables.py``.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ..errors import InvalidField
from ..vi.numbers import format_number
from ..vi.text import fold
from .common import Model, Text


class Cell(Model):
    """One cell: its text as printed, and how many columns and rows it spans."""

    text: Text = ""
    colspan: int = Field(1, ge=1, le=50, description="Số cột ô này chiếm (ô gộp ngang)")
    rowspan: int = Field(1, ge=1, le=500, description="Số dòng ô này chiếm (ô gộp dọc)")


def _cell(value: Any) -> Any:
    if isinstance(value, (str, int, float, Decimal)) and not isinstance(value, bool):
        return {"text": str(value)}
    return value


# "Tổng kết …", "Tổng hợp …" are tasks in an assignment table, not its total row.
_TOTAL_LABEL_RE = re.compile(r"^(tong\b(?!\s+(ket|hop|quan|the|duyet|ve sinh|dieu tra|ra soat)\b)|cong\s*(:|$|\d))")


def is_total_label(text: str) -> bool:
    """Whether the first text of a table row labels a total: "Tổng cộng", "Tổng số: 30", "Tổng kinh
    phí", "Cộng:", "Cộng 5" — not "Cộng đồng …". The one rule of the readers of tables (``io``, ``parse``)."""
    return bool(_TOTAL_LABEL_RE.match(fold(text, lower=True).strip()))


class TotalRow(Model):
    """The total row: its label, the columns it sums, and the figures the document states."""

    label: Text = "Tổng cộng"
    columns: list[int] = Field(default_factory=list, description="Các cột (đếm từ 1) được cộng; mặc định: mọi cột số")
    stated: dict[int, Text] = Field(default_factory=dict, description="Số tổng văn bản ghi, theo cột (đếm từ 1)")
    at: Literal["bottom", "top"] = Field("bottom", description="Chỗ in dòng tổng: cuối bảng (bottom) hoặc ngay dưới "
                                                                "dòng tiêu đề (top), như nhiều bảng kinh phí của tỉnh")


MAX_NUMBER = Decimal(10) ** 18
"""Numbers in a summed column stay under a billion billion (18 digits before the decimal comma)."""


def parse_amount(text: str) -> Decimal | None:
    """A number as Vietnamese tables print it ("85.000.000", "1.234,5", "12"); None if not a number."""
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    for suffix in ("đồng", "đ", "%"):
        if value.lower().endswith(suffix):
            value = value[: -len(suffix)]
    if not value or value in ("-", "–"):
        return None
    value = value.replace(".", "").replace(",", ".") if "." in value and ("," in value or value.count(".") > 1
                                                                          or len(value.split(".")[-1]) == 3) else value.replace(",", ".")
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


_GROUP_RE = re.compile(r"^[IVXLC]{1,6}[.)]?$")  # a group row's number in the first column: I, II, III.
# A row that breaks down the item above it, no number of its own: "Trong đó: - Hỗ trợ thiết kế bao bì", "- …".
_DETAIL_RE = re.compile(r"^(?:trong do\b|[-+*•–]\s)")


class Table(Model):
    """A table of a document (see module doc)."""

    title: Text | None = Field(None, description="Tên bảng in phía trên, ví dụ 'Bảng 1. Kinh phí thực hiện'")
    unit: Text | None = Field(None, description="Đơn vị tính in phía trên bên phải, ví dụ 'Đơn vị tính: đồng'")
    header: list[list[Cell]] = Field(default_factory=list, description="Các dòng tiêu đề (lặp lại ở đầu mỗi trang)")
    rows: list[list[Cell]] = Field(min_length=1, description="Các dòng nội dung")
    widths: list[float] | None = Field(None, description="Độ rộng tương đối của các cột, ví dụ [1, 6, 3, 3]")
    number_columns: list[int] = Field(default_factory=list, description="Các cột số (đếm từ 1): canh phải, có dấu chấm ngăn cách")
    total: TotalRow | None = Field(None, description="Dòng tổng cộng (được tính và kiểm tra)")
    in_words: bool = Field(False, description="In số tiền tổng bằng chữ dưới bảng")
    landscape: bool = Field(False, description="Bảng rộng: in trên trang nằm ngang")
    shape: Literal["generic", "budget", "assignment"] = "generic"

    @field_validator("header", "rows", mode="before")
    @classmethod
    def _cells(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [[_cell(c) for c in row] if isinstance(row, list) else row for row in value]
        return value

    @property
    def n_cols(self) -> int:
        return max(_grid_width(self.header), _grid_width(self.rows))

    @model_validator(mode="after")
    def _consistent(self) -> "Table":
        width = self.n_cols
        for kind, field, rows, offset in (("dòng tiêu đề", "header", self.header, 0), ("dòng", "rows", self.rows, 0)):
            for n, filled in enumerate(_occupancy(rows), start=1):
                if filled != width:
                    raise InvalidField(f"bảng{self._named()}: {kind} {n + offset} có {filled} cột, các dòng khác có {width} cột",
                                       (field, n - 1))
        for column in self.number_columns + (self.total.columns if self.total else []):
            if not 1 <= column <= width:
                raise ValueError(f"bảng{self._named()}: không có cột {column} (bảng có {width} cột)")
        if self.widths is not None and len(self.widths) != width:
            raise InvalidField(f"bảng{self._named()}: widths có {len(self.widths)} số nhưng bảng có {width} cột",
                               ("widths",))
        if self.total is not None and not self.total.columns:
            # The columns summed, written out: the stated ones, else every number column (one form to compare).
            columns = sorted(self.total.stated) or list(self.number_columns)
            self.__dict__["total"] = self.total.model_copy(update={"columns": columns})
        summed = set(self.number_columns) | set(self.total_columns())
        for r, (row, starts) in enumerate(zip(self.rows, cell_starts(self.rows))):
            for c, (cell, at) in enumerate(zip(row, starts)):
                value = parse_amount(cell.text) if at in summed else None
                if value is not None and (not value.is_finite() or abs(value) >= MAX_NUMBER):
                    # Totals and their Vietnamese formatting stay exact only far below Decimal's 28 digits.
                    raise InvalidField(f"bảng{self._named()}: dòng {r + 1}, cột {at}: số '{cell.text}' quá lớn "
                                       "(tối đa 18 chữ số)", ("rows", r, c))
        for column in self.total_columns():
            for at, message in self.subtotal_errors(column)[:1]:
                raise InvalidField(f"bảng{self._named()}: {message}", ("rows", at))
        if self.total is not None:
            for column, stated in self.total.stated.items():
                computed = self.column_sum(column)
                value = parse_amount(stated)
                if value is None:
                    raise InvalidField(f"bảng{self._named()}: dòng '{self.total.label}', cột {column}: '{stated}' không phải số",
                                       ("total",))
                if value != computed:
                    raise InvalidField(
                        f"bảng{self._named()}: dòng '{self.total.label}', cột {column} ghi {stated} nhưng tổng các dòng là "
                        f"{format_number(computed)}", ("total",))
        return self

    def _named(self) -> str:
        return f" '{self.title}'" if self.title else ""

    def cell_at(self, row: list[Cell], column: int) -> Cell | None:
        """The cell of a body row that starts at ``column`` (1-based), ignoring row spans from above."""
        position = 1
        for cell in row:
            if position == column:
                return cell
            position += cell.colspan
        return None

    def _column(self, column: int) -> list[Decimal | None]:
        """The number each body row holds in ``column`` (1-based), None where it holds none."""
        out: list[Decimal | None] = []
        for row, starts in zip(self.rows, cell_starts(self.rows)):
            out.append(next((parse_amount(cell.text) for cell, at in zip(row, starts) if at == column), None))
        return out

    def details(self) -> set[int]:
        """The body rows (0-based) that break down the item above ("Trong đó: …", "- …" with no STT):
        part of that item's amount, never counted again in a total."""
        out: set[int] = set()
        for r, (row, starts) in enumerate(zip(self.rows, cell_starts(self.rows))):
            first = self._ordinal(row, starts)
            text = next((c.text for c, at in zip(row, starts) if at > 1 and c.text.strip()), "")
            if r and not first and _DETAIL_RE.match(fold(text, lower=True).strip()):
                out.add(r)
        return out

    @staticmethod
    def _ordinal(row: list[Cell], starts: list[int]) -> str:
        """The text of the row's own first-column cell (its STT), empty when a cell from above covers it."""
        return row[0].text.strip() if row and starts and starts[0] == 1 else ""

    def _label(self, r: int) -> str:
        """Body row ``r`` named as a reader finds it: its number and its first words ("I Phần mềm")."""
        return " ".join(c.text.strip() for c in self.rows[r][:2] if c.text.strip())

    def groups(self) -> list[tuple[int, list[int]]]:
        """The group rows of a two-level table and the item rows under each, as 0-based row indexes:
        "I | Phần mềm | … | 84.600.000" over "1 | …", "2 | …" — the groups numbered I, II, III in the
        first column, as Vietnamese budget tables number them."""
        out: list[tuple[int, list[int]]] = []
        details = self.details()
        for r, (row, starts) in enumerate(zip(self.rows, cell_starts(self.rows))):
            if _GROUP_RE.match(self._ordinal(row, starts)):
                out.append((r, []))
            elif out and r not in details:
                out[-1][1].append(r)
        return out

    def column_sum(self, column: int) -> Decimal:
        """The total of ``column`` (1-based): the sum of its numbers over the body rows; in a table
        whose group rows (I, II, …) carry their subtotals, the sum of the groups and of the rows
        before the first group; rows that break an item down ("Trong đó: …") are part of that item.
        No amount is counted twice."""
        values = self._column(column)
        groups = self.groups()
        details = self.details()
        if any(values[g] is not None for g, _ in groups):
            counted = [g for g, _ in groups] + [r for r in range(groups[0][0]) if r not in details]
        else:
            counted = [r for r in range(len(values)) if r not in details]
        return sum((values[r] for r in counted if values[r] is not None), Decimal(0))

    def subtotal_errors(self, column: int) -> list[tuple[int, str]]:
        """(row index, message) of each group row whose subtotal in ``column`` is not the sum of its
        items, and of each item whose breakdown ("Trong đó: …") adds up to more than the item."""
        values = self._column(column)
        out = []
        details = self.details()
        for r in range(len(self.rows)):
            if r in details or values[r] is None:
                continue
            under = []
            for k in range(r + 1, len(self.rows)):
                if k not in details:
                    break
                under.append(values[k])
            parts = sum((v for v in under if v is not None), Decimal(0))
            if parts > values[r]:
                out.append((r, f"dòng '{self._label(r)}' (dòng {r + 1}), cột {column} ghi {format_number(values[r])} nhưng các dòng "
                               f"'Trong đó' dưới nó cộng lại {format_number(parts)}"))
        for g, items in self.groups():
            counted = [values[r] for r in items if values[r] is not None]
            if values[g] is not None and counted and sum(counted, Decimal(0)) != values[g]:
                out.append((g, f"dòng '{self._label(g)}' (dòng {g + 1}), cột {column} ghi {format_number(values[g])} nhưng tổng "
                               f"các dòng của nhóm là {format_number(sum(counted, Decimal(0)))}"))
        return out

    def total_columns(self) -> list[int]:
        if self.total is None:
            return []
        return self.total.columns or list(self.number_columns)


class TableBlock(Model):
    """A table in the flow of the text: a plan's section, a decision's attached part."""

    table: Table


def _layout(rows: list[list[Cell]]) -> list[tuple[list[int], int]]:
    """For each row: the 1-based column where each of its cells starts, and how many grid columns
    the row fills (its own cells plus the cells spanning down into it from above)."""
    covered: dict[int, int] = {}  # 0-based column → rows below the current one it still covers
    out = []
    for row in rows:
        taken = {c for c, left in covered.items() if left > 0}
        below = {c: left - 1 for c, left in covered.items() if left - 1 > 0}
        starts, column = [], 0
        for cell in row:
            while column in taken:
                column += 1
            starts.append(column + 1)
            if cell.rowspan > 1:
                for c in range(column, column + cell.colspan):
                    below[c] = cell.rowspan - 1
            column += cell.colspan
        out.append((starts, len(taken) + sum(c.colspan for c in row)))
        covered = below
    return out


def cell_starts(rows: list[list[Cell]]) -> list[list[int]]:
    """For each row, the 1-based grid column where each of its cells starts."""
    return [starts for starts, _ in _layout(rows)]


def _occupancy(rows: list[list[Cell]]) -> list[int]:
    return [filled for _, filled in _layout(rows)]


def _grid_width(rows: list[list[Cell]]) -> int:
    widths = _occupancy(rows)
    return max(widths) if widths else 0
