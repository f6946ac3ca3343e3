"""The parts every administrative document shares: issuer, number, date, bases, signer, recipients."""
from __future__ import annotations

from decimal import Decimal
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from ..errors import InvalidField
from ..nd30 import doctypes
from ..nd30.anatomy import BASIS_VERBS, BasisVerb as PrintedBasisVerb, full_body_name
from ..nd30.formats import strip_end_punctuation, symbol_for
from ..vi.fields import NonEmptyText, OptionalDate, Text
from ..vi.fields import nfc as _nfc

__all__ = ["Document", "Issuer", "LegalBasis", "Model", "NonEmptyText", "OptionalDate", "Signer", "Text",
           "model_kind_names"]


def _is_number_type(annotation: Any) -> bool:
    """Whether a field's type is (or may be) a number: int, float, Decimal, or a union/list holding one."""
    if annotation in (int, float, Decimal):
        return True
    return any(_is_number_type(arg) for arg in get_args(annotation) if arg is not bool)


def _truth_value_at(value: Any, annotation: Any) -> tuple | None:
    """Where (relative path) ``value`` holds a truth value that ``annotation`` wants as a number:
    the value itself, or an item of a list or dict field (``ticks: {"1.1": true}``)."""
    if isinstance(value, bool):
        return () if _is_number_type(annotation) else None
    kinds = [annotation] + [a for a in get_args(annotation) if get_origin(annotation) in (Union, UnionType)]
    for kind in kinds:
        origin, args = get_origin(kind), get_args(kind)
        if origin is dict and isinstance(value, dict) and len(args) == 2:
            for key, item in value.items():
                if (at := _truth_value_at(item, args[1])) is not None:
                    return (key,) + at
        elif origin is list and isinstance(value, list) and args:
            for i, item in enumerate(value):
                if (at := _truth_value_at(item, args[0])) is not None:
                    return (i,) + at
    return None


class Model(BaseModel):
    """Base of every spec model: unknown fields are errors (they are usually typos).

    A document model declares its kind as ``kind: Literal["ke-hoach", "plan"] = "ke-hoach"``: the
    first value is the kind's id (``ocop_docs.kinds``), the others are older names that data files
    may still use; they are stored as the id.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=True)

    @model_validator(mode="before")
    @classmethod
    def _kind_by_old_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and "kind" in data:
            names = model_kind_names(cls)
            if data["kind"] in names[1:]:
                data = {**data, "kind": names[0]}
        return data

    @model_validator(mode="before")
    @classmethod
    def _no_truth_value_as_number(cls, data: Any) -> Any:
        # YAML reads true/false/yes/no as truth values and pydantic would take true as 1 ("1 đồng").
        if isinstance(data, dict):
            for name, value in data.items():
                field = cls.model_fields.get(name) if isinstance(name, str) else None
                at = _truth_value_at(value, field.annotation) if field is not None else None
                if at is not None:
                    found = value
                    for key in at:
                        found = found[key]
                    raise InvalidField(f"phải là một số, không phải giá trị đúng/sai ({str(found).lower()})", (name,) + at)
        return data


def model_kind_names(model: type[BaseModel]) -> tuple[str, ...]:
    """The names a model's ``kind`` field accepts, its id first (empty when it has no such field)."""
    field = model.model_fields.get("kind")
    names = tuple(get_args(field.annotation)) if field is not None else ()
    # A field called "kind" that is not a document's (a deadline's "date", "quarter"…) has no old
    # names: only a declaration whose default is its first value names a kind and its aliases.
    return names if names and field is not None and field.default == names[0] else ()


Level = Literal["trung_uong", "tinh", "huyen", "xa", "so", "khac"]


class Issuer(Model):
    """The issuing body (ô 2 of ND30) and its direct governing body, if it has one."""

    name: NonEmptyText = Field(description="Tên đầy đủ của cơ quan ban hành, ví dụ 'Ủy ban nhân dân huyện Bến Cầu'")
    parent: Text | None = Field(None, description="Tên cơ quan chủ quản trực tiếp (để trống với UBND)")
    abbreviation: NonEmptyText = Field("UBND", description="Chữ viết tắt tên cơ quan dùng trong ký hiệu, ví dụ 'UBND'")
    level: Level = Field("khac", description="Cấp của cơ quan")
    name_lines: list[NonEmptyText] | None = Field(
        None, description="Cách xuống dòng của tên cơ quan trong phần đầu (nếu muốn tự quyết định)"
    )

    @field_validator("name", mode="after")
    @classmethod
    def _full_name(cls, value: str) -> str:
        # ND30-CQ-01: the issuing body is printed by its full name; "UBND tỉnh X", the way clerks
        # type it, is the same body ("UBND" is allowed only in a governing-body line).
        return full_body_name(value)

    def header_lines(self) -> list[str]:
        """The issuing body's name as printed, upper case, on one or more lines (ND30-CQ-02)."""
        if self.name_lines:
            return [line.upper() for line in self.name_lines]
        upper = self.name.upper()
        for head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"):
            if upper.startswith(head + " ") and len(upper) > 24:
                return [head, upper[len(head) + 1 :]]
        return [upper]


Authority = Literal["KT", "Q", "TL", "TUQ"]


class Signer(Model):
    """Who signs and with what authority (ô 7a/7b, ND30-SIGN-01/02)."""

    on_behalf_of: Text | None = Field(
        None, description="Tên tập thể/cơ quan khi ký thay mặt (TM.), ví dụ 'ỦY BAN NHÂN DÂN'"
    )
    authority: Authority | None = Field(None, description="KT (ký thay), Q (quyền), TL (thừa lệnh), TUQ (thừa ủy quyền)")
    head_title: Text | None = Field(None, description="Chức vụ người đứng đầu khi ký KT./TL./TUQ., ví dụ 'CHỦ TỊCH'")
    title: Text | None = Field(
        None, description="Chức vụ của người ký, ví dụ 'PHÓ CHỦ TỊCH' (để trống chỉ khi văn bản gốc không ghi)"
    )
    name: Text = Field("", description="Họ và tên người ký (để trống trong bản dự thảo)")

    @field_validator("authority", mode="before")
    @classmethod
    def _authority(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().rstrip(".").upper()
            return value or None
        return value

    @model_validator(mode="after")
    def _needs_head(self) -> "Signer":
        # A document read back may show only the authority lines ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")
        # where the copy was cut: those are kept, and the missing title and name stay empty.
        if not (self.title or self.name or self.on_behalf_of or self.head_title):
            raise ValueError("người ký cần chức vụ ('title') hoặc họ tên ('name')")
        if self.authority in ("KT", "TL", "TUQ") and not self.head_title:
            raise InvalidField(
                f"ký {self.authority}. cần 'head_title' (chức vụ người đứng đầu, ví dụ 'CHỦ TỊCH')", rule="ND30-SIGN-01")
        return self

    def authority_lines(self) -> list[str]:
        """The quyền hạn and chức vụ lines, upper case (ND30-SIGN-01)."""
        lines = []
        if self.on_behalf_of:
            lines.append(f"TM. {self.on_behalf_of.upper()}")
        title = (self.title or "").upper()
        if self.authority in ("KT", "TL", "TUQ"):
            lines.append(f"{self.authority}. {self.head_title.upper()}")
            lines.append(title)
        elif self.authority == "Q":
            lines.append(f"Q. {title}")
        else:
            lines.append(title)
        return [line for line in lines if line]


BasisVerb = Literal[PrintedBasisVerb, ""]  # "" for a line printed without a verb


class LegalBasis(Model):
    """One line of the căn cứ block: its verb and the citation (ND30-BODY-01/02).

    ``ref`` names an entry of the legal-basis registry when the citation is one of them.
    """

    verb: BasisVerb = Field("Căn cứ", description="Từ mở đầu dòng: Căn cứ, Thực hiện, Theo đề nghị của…")
    text: NonEmptyText = Field(description="Phần còn lại của dòng, ví dụ 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025'")
    ref: str | None = Field(None, description="Mã văn bản trong danh mục căn cứ (phần mềm tự ghi)")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        """A plain string "Căn cứ Quyết định số …;" is split into verb and citation."""
        if isinstance(value, str):
            value = _nfc(value)
            for verb in BASIS_VERBS:
                if value.startswith(verb + " "):
                    return {"verb": verb, "text": strip_end_punctuation(value[len(verb) + 1 :])}
            return {"verb": "", "text": strip_end_punctuation(value)}
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            value = dict(value)
            value["text"] = strip_end_punctuation(_nfc(value["text"]))
        return value


def _doc_type(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return doctypes.doc_type(value).name
        except KeyError:
            known = ", ".join(t.name for t in doctypes.DOC_TYPES)
            raise ValueError(f"loại văn bản '{value}' không có trong Điều 7 Nghị định 30; các loại hợp lệ: {known}") from None
    return value


DocTypeName = Annotated[str, BeforeValidator(_doc_type)]


class Document(Model):
    """The header, bases, signer and recipients shared by every administrative document."""

    issuer: Issuer = Field(description="Cơ quan ban hành (tên, chữ viết tắt, cấp)")
    doc_type: DocTypeName = Field(description="Tên loại văn bản (Kế hoạch, Quyết định…) hoặc chữ viết tắt (KH, QĐ…)")
    number: int | None = Field(None, ge=1, description="Số văn bản; để trống trong bản dự thảo")
    symbol: Text | None = Field(None, description="Ký hiệu, ví dụ 'KH-UBND'; mặc định ghép từ loại văn bản và cơ quan")
    number_year: int | None = Field(
        None, ge=1900, le=2200,
        description="Năm ghi trong số của văn bản quy phạm pháp luật, ví dụ 2022 trong 'Số: 25/2022/QĐ-UBND' "
        "(văn bản hành chính không ghi năm)",
    )
    place: NonEmptyText = Field(description="Địa danh ghi ở dòng ngày tháng, ví dụ 'Bến Cầu'")
    date: OptionalDate = Field(None, description="Ngày ban hành (YYYY-MM-DD hoặc DD/MM/YYYY); để trống trong bản dự thảo")
    draft_year: int | None = Field(None, ge=1900, le=2200, description="Năm in ở dòng ngày tháng khi chưa có ngày")
    title: NonEmptyText = Field(description="Trích yếu nội dung")
    legal_bases: list[LegalBasis] = Field(default_factory=list, description="Các dòng căn cứ, thực hiện, theo đề nghị")
    signer: Signer | None = Field(
        None, description="Người ký; để trống khi văn bản không có khối chữ ký (phần chữ ký in trống)"
    )
    recipients: list[NonEmptyText] = Field(default_factory=list, description="Nơi nhận (không kể dòng Lưu)")
    archive: Text | None = Field(
        "VT", description="Dòng Lưu: 'VT, PNN' (không ghi chữ 'Lưu'); null khi văn bản đọc lại không có dòng Lưu (không in)"
    )

    @property
    def type_info(self) -> doctypes.DocType:
        return doctypes.doc_type(self.doc_type)

    @property
    def effective_symbol(self) -> str:
        """The ký hiệu printed after the number (ND30-SO-03)."""
        return self.symbol or symbol_for(self.type_info.abbreviation, self.issuer.abbreviation)

    @field_validator("symbol")
    @classmethod
    def _symbol(cls, value: str | None) -> str | None:
        if value and (" " in value or "/" in value):
            raise InvalidField("ký hiệu không được có dấu cách hoặc dấu '/' (ví dụ đúng: 'KH-UBND')", rule="ND30-SO-04")
        if value and any(part.isdigit() and len(part) == 4 for part in value.split("-")):
            raise InvalidField("văn bản hành chính không ghi năm trong ký hiệu", rule="ND30-SO-03")
        return value
