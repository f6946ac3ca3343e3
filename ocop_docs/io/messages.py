"""Vietnamese wording of validation errors: pydantic's error types → what an officer reads."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..vi.numbers import format_number

TAGS = {"paragraph", "section", "task", "target", "budget"}


def field_path(loc: tuple[Any, ...]) -> str:
    """``('body', 2, 'section', 'content', 0)`` → ``body[2].content[0]`` (union tags dropped)."""
    parts: list[str] = []
    previous: Any = None
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif isinstance(item, str) and isinstance(previous, int) and item in TAGS:
            previous = None
            continue
        elif isinstance(item, str) and (item.startswith("function-") or "[" in item):
            continue
        else:
            parts.append(("." if parts else "") + str(item))
        previous = item
    return "".join(parts)


def clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The location as it stands in the input file (union tags and validator names dropped)."""
    out: list[Any] = []
    previous: Any = None
    for item in loc:
        if isinstance(item, str) and isinstance(previous, int) and item in TAGS:
            previous = None
            continue
        if isinstance(item, str) and (item.startswith("function-") or "[" in item):
            continue
        out.append(item)
        previous = item
    return tuple(out)


def _short(value: Any) -> str:
    if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        text = format_number(value, 2).removesuffix(",00")
        return text if len(text) <= 60 else text[:57] + "…"
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def message(error: dict[str, Any]) -> str:
    """The Vietnamese message for one pydantic error."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "thiếu trường bắt buộc"
    if kind == "extra_forbidden":
        return "trường này không được hỗ trợ (kiểm tra lỗi chính tả tên trường)"
    if kind == "value_error":
        text = str(ctx.get("error", error.get("msg", "")))
        return text.removeprefix("Value error, ")
    if kind in ("string_type",):
        return f"phải là chuỗi văn bản (đang là {_short(value)})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"phải là số nguyên (đang là {_short(value)})"
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
        return f"phải là số (đang là {_short(value)})"
    if kind == "greater_than_equal":
        return f"phải lớn hơn hoặc bằng {ctx.get('ge')} (đang là {_short(value)})"
    if kind == "greater_than":
        return f"phải lớn hơn {ctx.get('gt')} (đang là {_short(value)})"
    if kind == "less_than_equal":
        return f"phải nhỏ hơn hoặc bằng {ctx.get('le')} (đang là {_short(value)})"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type", "date_from_datetime_inexact"):
        return f"ngày không hợp lệ: {_short(value)} (viết YYYY-MM-DD hoặc DD/MM/YYYY)"
    if kind == "literal_error":
        return f"giá trị {_short(value)} không hợp lệ; chấp nhận: {ctx.get('expected')}"
    if kind in ("too_short", "string_too_short"):
        return "không được để trống"
    if kind == "list_type":
        return f"phải là một danh sách (đang là {_short(value)})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"phải là một nhóm trường dạng 'tên: giá trị' (đang là {_short(value)})"
    if kind == "bool_parsing" or kind == "bool_type":
        return f"phải là true hoặc false (đang là {_short(value)})"
    if kind == "union_tag_not_found" or kind == "union_tag_invalid":
        return "khối nội dung không hợp lệ: dùng một đoạn văn, hoặc 'heading', 'task', 'target', 'budget'"
    return f"giá trị không hợp lệ ({error.get('msg', kind)})"
