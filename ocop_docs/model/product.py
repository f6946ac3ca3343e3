"""A product of an evaluation round: one row of the results table (danh sách sản phẩm)."""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from ..vi.text import fold, has_words, same_key, shown
from .common import Model, NonEmptyText, OptionalDate, Text

EvaluationForm = Literal["mới", "nâng hạng", "đánh giá lại"]


class Product(Model):
    """An evaluated product: name, owner (chủ thể), address, group, score, stars, code."""

    row: int | None = Field(None, description="Số dòng trong bảng nguồn (để báo lỗi)")
    stt: int | None = Field(None, description="Số thứ tự trong bảng")
    name: NonEmptyText = Field(description="Tên sản phẩm")
    owner: NonEmptyText = Field(description="Tên chủ thể (doanh nghiệp, HTX, hộ kinh doanh)")
    address: Text = Field("", description="Địa chỉ chủ thể")
    group: Text | None = Field(None, description="Nhóm/Bộ sản phẩm")
    score: Decimal | None = Field(None, ge=0, le=100, description="Điểm trung bình (0–100)")
    stars: int | None = Field(None, ge=1, le=5, description="Hạng sao")
    evaluated_on: OptionalDate = Field(None, description="Ngày đánh giá")
    code: Text | None = Field(None, description="Mã số sản phẩm (T)-(X)-(STT)-(Năm)")
    form: EvaluationForm | None = Field(None, description="Hình thức: mới, nâng hạng, đánh giá lại")
    note: Text | None = Field(None, description="Ghi chú")

    @field_validator("name", "owner")
    @classmethod
    def _words(cls, value: str) -> str:
        # ".", ".." or a lone zero-width space would be listed in a decision and printed on a certificate.
        if not has_words(value):
            raise ValueError(f"'{shown(value)}' không có chữ hoặc chữ số nào (chỉ dấu chấm, khoảng trắng hoặc ký tự ẩn)")
        return value

    @field_validator("score")
    @classmethod
    def _two_decimals(cls, value: Decimal | None) -> Decimal | None:
        return value.quantize(Decimal("0.01")) if value is not None else None

    @property
    def key(self) -> str:
        """Identity of a product: name + owner as written, marks included (``vi.text.same_key``; duplicates, registers)."""
        return product_key(self.name, self.owner)

    @property
    def similar_key(self) -> str:
        """The key folded (no diacritics, lower case): only to suggest "did you mean"."""
        return fold(self.key, lower=True)


def product_key(name: str, owner: str) -> str:
    """The identity of a product (see ``Product.key``): one definition for tables and the register."""
    return f"{same_key(name)}|{same_key(owner)}"
