"""The OCOP product classification and criteria sets (QĐ 26/2026/QĐ-TTg Phụ lục I and II).

A criteria set (bộ tiêu chí, "kiêm phiếu đánh giá") is a tree: three parts A/B/C, each with
numbered sections ("1. TỔ CHỨC SẢN XUẤT"), each with criteria ("1.1. Nguồn gốc sản phẩm"),
each with options ("□ … 3 điểm") of which a council member ticks exactly one. Some sections
are scored directly (their options hang under the section); they hold one criterion whose
code is the section's. An option may carry a minimum-star mark: ``***`` means "a product
must reach this option (or a higher-scoring one of the same criterion) to be ranked 3 stars"
(footnote under every set: "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao").
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..vi.fields import NonEmptyText, Text


class Model(BaseModel):
    """Base of the criteria data: an unknown field is an error (the data files are checked on load)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

PartCode = Literal["A", "B", "C"]


class Option(Model):
    """One tick box of a criterion: its text, its points and its minimum-star mark."""

    text: NonEmptyText
    points: int = Field(ge=0, le=100)
    min_stars: Literal[3, 4, 5] | None = Field(None, description="Dấu sao: tối thiểu phải đạt cho hạng 3, 4 hoặc 5 sao")
    case: Text | None = Field(None, description="Trường hợp mà lựa chọn thuộc về, ví dụ 'a. Trường hợp 1: …' (bộ 26)")
    added: bool = Field(False, description="Lựa chọn không có trong văn bản gốc, do bản hiệu đính thêm (xem corrections.yaml)")


class Criterion(Model):
    """A scored criterion ("1.1. Nguồn gốc sản phẩm", or a section scored directly, "7")."""

    code: NonEmptyText
    title: NonEmptyText
    max_points: int = Field(ge=0, le=100)
    description: Text | None = Field(None, description="Phần giải thích trong ngoặc dưới tên tiêu chí")
    requirement: Text | None = Field(None, description="Dòng 'Yêu cầu: …'")
    condition: Text | None = Field(None, description="Điều kiện áp dụng, ví dụ 'Chỉ áp dụng khi có câu chuyện sản phẩm'")
    instruction: Text | None = Field(None, description="Cách chọn, ví dụ 'Lựa chọn một trong hai trường hợp sau:'")
    notes: list[NonEmptyText] = Field(default_factory=list, description="Các dòng 'Ghi chú: …'")
    group: Text | None = Field(None, description="Mã nhóm tiêu chí chứa tiêu chí này, ví dụ '6.1' (Ngoại hình) cho '6.1.1'")
    options: list[Option] = Field(min_length=1)

    def option(self, number: int) -> Option:
        """The option by its 1-based position on the sheet."""
        return self.options[number - 1]

    @property
    def star_marks(self) -> dict[int, int]:
        """Minimum-star level → the lowest points that satisfy it (from the marked options)."""
        marks: dict[int, int] = {}
        for option in self.options:
            if option.min_stars is not None:
                marks[option.min_stars] = min(marks.get(option.min_stars, 100), option.points)
        return marks


class _Heading(Model):
    """A numbered heading of a criteria set with the points under it."""

    code: NonEmptyText
    title: NonEmptyText
    max_points: int = Field(ge=0, le=100)
    description: Text | None = None
    notes: list[NonEmptyText] = Field(default_factory=list)


class CriteriaGroup(_Heading):
    """A heading that groups criteria inside a section ("6.1. Ngoại hình" over 6.1.1, 6.1.2; bộ 11, 13)."""


class Section(_Heading):
    """A numbered section of a part ("1. TỔ CHỨC SẢN XUẤT", 18 điểm)."""

    direct: bool = Field(False, description="Mục được chấm trực tiếp (các lựa chọn nằm ngay dưới mục)")
    groups: list[CriteriaGroup] = Field(default_factory=list)
    criteria: list[Criterion] = Field(min_length=1)

    def group(self, code: str) -> CriteriaGroup:
        return next(g for g in self.groups if g.code == code)


class Part(Model):
    """Part A, B or C of a criteria set, with its maximum (40/25/35 under QĐ 26/2026 Điều 3.1)."""

    code: PartCode
    title: NonEmptyText
    max_points: int = Field(ge=0, le=100)
    sections: list[Section] = Field(min_length=1)


class SourceRef(Model):
    """Where a set was read from: document and line range of the plain-text legal file."""

    document: NonEmptyText
    first_line: int
    last_line: int


class CriteriaSet(Model):
    """One of the 26 criteria sets of QĐ 26/2026/QĐ-TTg Phụ lục II ("Bộ sản phẩm: …")."""

    number: int = Field(ge=1, le=26)
    name: NonEmptyText = Field(description="Tên bộ sản phẩm như in ở đầu bộ tiêu chí")
    heading_note: Text | None = Field(None, description="Dòng '(Sản phẩm: … Nhóm: …)' dưới tên bộ")
    disqualification: Text | None = Field(None, description="Điều kiện loại hồ sơ ('Hồ sơ bị loại khi: …')")
    parts: list[Part] = Field(min_length=3, max_length=3)
    total: int = Field(description="Số điểm ở dòng TỔNG CỘNG")
    star_note: Text | None = Field(None, description="Ghi chú về dấu sao (yêu cầu tối thiểu theo hạng sao); bộ 26 không có")
    source: SourceRef

    def criteria(self) -> list[Criterion]:
        """Every scored criterion, in sheet order."""
        return [c for part in self.parts for section in part.sections for c in section.criteria]

    def criterion(self, code: str) -> Criterion:
        """The criterion with that code; KeyError when the set has none."""
        for c in self.criteria():
            if c.code == code:
                return c
        raise KeyError(code)

    def part_of(self, code: str) -> Part:
        for part in self.parts:
            for section in part.sections:
                if any(c.code == code for c in section.criteria):
                    return part
        raise KeyError(code)

    @property
    def title(self) -> str:
        return f"{self.number}. Bộ sản phẩm: {self.name}"


class ProductClass(Model):
    """One line of Phụ lục I: the ngành, nhóm and phân nhóm that a criteria set serves."""

    bo: int = Field(ge=1, le=26, description="Số thứ tự bộ tiêu chí (Phụ lục II)")
    sector_code: NonEmptyText = Field(description="Số La Mã của ngành, ví dụ 'I'")
    sector: NonEmptyText = Field(description="Ngành, ví dụ 'Sản phẩm thực phẩm'")
    group_code: NonEmptyText
    group: NonEmptyText = Field(description="Nhóm, ví dụ 'Thực phẩm tươi sống'")
    subgroup_code: Text | None = None
    subgroup: Text | None = Field(None, description="Phân nhóm, ví dụ 'Rau, củ, quả, hạt tươi'")
    lead_ministries: list[NonEmptyText] = Field(min_length=1, description="Cơ quan chủ trì quản lý")

    @property
    def name(self) -> str:
        """The name Phụ lục I gives the set: the phân nhóm, or the nhóm when there is none."""
        return self.subgroup or self.group

    def describe(self) -> str:
        """"Ngành: …; Nhóm: …; Phân nhóm: …" as written on the registration form (Mẫu 01 item 3)."""
        text = f"Ngành: {self.sector}; Nhóm: {self.group}"
        if self.subgroup:
            text += f"; Phân nhóm: {self.subgroup}"
        return text


class Classification(Model):
    """Phụ lục I of QĐ 26/2026/QĐ-TTg: the 26 product classes in order."""

    source: SourceRef
    classes: list[ProductClass] = Field(min_length=26, max_length=26)
    footnote: Text | None = None
