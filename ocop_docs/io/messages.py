"""Vietnamese wording of validation errors: pydantic's error types → what an officer reads."""
from __future__ import annotations

import math
import re
from decimal import Decimal
from collections.abc import Mapping, Sequence
from typing import Any

from ..vi.numbers import format_number

TAGS = {"paragraph", "section", "task", "target", "budget", "table", "assignments"}  # tags of model/plan.py Block

# The names pydantic puts in a location for the member of a union it tried ("int", "list[any]").
TYPE_TAGS = {"int", "float", "str", "bool", "decimal", "none", "is-instance", "lax-or-strict"}  # never field names

# What a value of a type is, for "phải là …" when several members of a union were tried.
TYPE_WORDS = {
    "int_type": "số nguyên", "int_parsing": "số nguyên", "int_from_float": "số nguyên",
    "float_type": "số", "float_parsing": "số", "decimal_type": "số", "decimal_parsing": "số",
    "string_type": "chữ", "bool_type": "true hoặc false", "bool_parsing": "true hoặc false",
    "dict_type": "một nhóm trường dạng 'tên: giá trị'", "model_type": "một nhóm trường dạng 'tên: giá trị'",
    "model_attributes_type": "một nhóm trường dạng 'tên: giá trị'", "list_type": "một danh sách",
    "date_type": "ngày", "date_parsing": "ngày",
}


def clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The location as it stands in the input file (union tags, type tags and validator names dropped)."""
    out: list[Any] = []
    previous: Any = None
    for item in loc:
        if isinstance(item, str) and isinstance(previous, int) and item in TAGS:
            previous = None
            continue
        if isinstance(item, str) and (item.startswith("function-") or "[" in item or item in TYPE_TAGS):
            continue
        out.append(item)
        previous = item
    return tuple(out)


def path_text(loc: tuple[Any, ...]) -> str:
    """``('body', 2, 'content', 0)`` → ``body[2].content[0]``; a key that is not a name → ``ticks['1.1']``."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif isinstance(item, str) and not item.replace("_", "a").isalnum():
            parts.append(f'["{item}"]')
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


def field_path(loc: tuple[Any, ...]) -> str:
    """``('body', 2, 'section', 'content', 0)`` → ``body[2].content[0]`` (union tags dropped)."""
    return path_text(clean_loc(loc))


def union_message(errors: Sequence[Mapping[str, Any]]) -> str | None:
    """One message for the errors of the members of a union tried on one value, when they are all
    type errors: "phải là số nguyên, một nhóm trường … hoặc một danh sách (đang là 'abc')"."""
    words = [TYPE_WORDS.get(e.get("type", "")) for e in errors]
    if len(errors) < 2 or None in words:
        return None
    words = list(dict.fromkeys(words))
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " hoặc " + words[-1]
    return f"phải là {joined} (đang là {_short(errors[0].get('input'))})"


# What the codes of a choice mean, shown next to them ("'tinh' (tỉnh)") so an officer can pick one.
CHOICE_WORDS = {
    "trung_uong": "trung ương", "tinh": "tỉnh", "huyen": "huyện", "xa": "xã", "so": "sở, ngành", "khac": "khác",
    "KT": "ký thay", "Q": "quyền", "TL": "thừa lệnh", "TUQ": "thừa ủy quyền",
    "collective": "tập thể", "individual": "cá nhân", "long": "dài", "short": "ngắn",
    "inline": "ghi trong Điều 1", "attached": "danh sách kèm theo",
    "body": "đoạn thường", "dash": "gạch đầu dòng", "plus": "dấu cộng đầu dòng",
    "trung-binh": "điểm trung bình", "da-so": "đa số phiếu", "tat-ca": "mọi phiếu",
}


def choices_text(choices: list[str]) -> str:
    """``'tinh' (tỉnh), 'xa' (xã) hoặc 'khac' (khác)``: allowed values joined the Vietnamese way."""
    items = [f"'{c}'" + (f" ({CHOICE_WORDS[c]})" if c in CHOICE_WORDS else "") for c in choices]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " hoặc " + items[-1]


def _expected_choices(expected: str) -> list[str]:
    """The values of pydantic's ``ctx['expected']`` ("'a', 'b' or 'c'", numbers unquoted)."""
    return [a or b for a, b in re.findall(r"'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)", expected)]


def number_text(value: Any) -> str:
    """A number the Vietnamese way (1.000.000; 2,5), for limits and values in messages."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    finite = value.is_finite() if isinstance(value, Decimal) else not isinstance(value, float) or math.isfinite(value)
    if not finite:
        return "NaN (không phải số)" if value != value else ("âm vô cực" if value < 0 else "vô cực")
    if isinstance(value, int):
        text = f"{value:,}".replace(",", ".")
        return text if len(text) <= 60 else text[:57] + "…"
    try:
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
        text = format_number(value, min(max(0, -exponent), 6) if isinstance(exponent, int) else 2)
        text = text.rstrip("0").rstrip(",") if "," in text else text
    except (ValueError, ArithmeticError):
        return str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _short(value: Any) -> str:
    if isinstance(value, (Decimal, float, int)) and not isinstance(value, bool):
        return number_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "trống"
    if isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {_short(v)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(_short(v) for v in value) + "]"
    else:
        text = f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def _not_text(value: Any) -> str:
    """Why a value that should be text is not, in the terms of what YAML did with it."""
    if isinstance(value, bool):
        return ("phải là chữ, nhưng YAML đọc giá trị này là đúng/sai (true/false, yes/no, on/off); "
                "hãy đặt giá trị trong dấu ngoặc kép")
    if isinstance(value, (int, float, Decimal)):
        return (f"phải là chữ, nhưng YAML đọc giá trị này là số ({_short(value)}); hãy đặt giá trị trong dấu ngoặc kép "
                "(để giữ nguyên, kể cả số 0 ở đầu)")
    if isinstance(value, dict):
        return f"phải là một dòng chữ, không phải một nhóm trường (đang là {_short(value)})"
    if isinstance(value, list):
        return f"phải là một dòng chữ, không phải một danh sách (đang là {_short(value)})"
    return f"phải là chữ (đang là {_short(value)})"


def message(error: Mapping[str, Any]) -> str:
    """The Vietnamese message for one pydantic error."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "thiếu trường bắt buộc"
    if value is None and "input" in error and kind != "literal_error" and kind in TYPE_WORDS | {"string_type": ""}:
        return "chưa điền (trường bắt buộc)"  # "name:" left blank, as the starter of 'ocop-docs new' writes it
    if value is None and kind == "literal_error":
        return f"chưa điền; chọn một trong: {choices_text(_expected_choices(str(ctx.get('expected', ''))))}"
    if kind == "extra_forbidden":
        return "trường này không được hỗ trợ (kiểm tra lỗi chính tả tên trường)"
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", error.get("msg", "")))
        return text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "string_type":
        return _not_text(value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, float) and math.isfinite(value) and value != int(value):
            # "2.698" meant as two thousand six hundred ninety-eight: in YAML the dot is a decimal point.
            whole, _, fraction = repr(value).partition(".")
            thousands = int(whole + fraction) if len(fraction) == 3 and whole.isdigit() else None
            hint = (f"; nếu định viết {number_text(thousands)}, hãy viết liền không dấu chấm: {thousands}"
                    if thousands is not None else "")
            return f"phải là số nguyên, nhưng YAML đọc giá trị này là số thập phân {_short(value)} (dấu chấm là dấu thập phân){hint}"
        return f"phải là số nguyên (đang là {_short(value)})"
    if kind in ("int_parsing_size",):
        return "số quá lớn"
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type", "finite_number"):
        return f"phải là số (đang là {_short(value)})"
    if kind in ("decimal_max_digits", "decimal_max_places", "decimal_whole_digits"):
        return f"số có quá nhiều chữ số (đang là {_short(value)})"
    if kind == "greater_than_equal":
        return f"phải lớn hơn hoặc bằng {number_text(ctx.get('ge'))} (đang là {_short(value)})"
    if kind == "greater_than":
        return f"phải lớn hơn {number_text(ctx.get('gt'))} (đang là {_short(value)})"
    if kind == "less_than_equal":
        return f"phải nhỏ hơn hoặc bằng {number_text(ctx.get('le'))} (đang là {_short(value)})"
    if kind == "less_than":
        return f"phải nhỏ hơn {number_text(ctx.get('lt'))} (đang là {_short(value)})"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type", "date_from_datetime_inexact"):
        return f"ngày không hợp lệ: {_short(value)} (viết YYYY-MM-DD hoặc DD/MM/YYYY)"
    if kind == "literal_error":
        choices = _expected_choices(str(ctx.get("expected", "")))
        return f"giá trị {_short(value)} không hợp lệ; chấp nhận: {choices_text(choices)}"
    if kind in ("enum",):
        return f"giá trị {_short(value)} không hợp lệ; chấp nhận: {choices_text(_expected_choices(str(ctx.get('expected', ''))))}"
    if kind in ("too_short", "string_too_short"):
        return "không được để trống"
    if kind in ("too_long", "string_too_long"):
        limit = ctx.get("max_length")
        return f"quá dài (tối đa {number_text(limit)} {'ký tự' if kind == 'string_too_long' else 'mục'})"
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"phải là một danh sách (đang là {_short(value)})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"phải là một nhóm trường dạng 'tên: giá trị' (đang là {_short(value)})"
    if kind in ("bool_parsing", "bool_type"):
        return f"phải là true hoặc false (đang là {_short(value)})"
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        return "khối nội dung không hợp lệ: dùng một đoạn văn, hoặc 'heading', 'task', 'target', 'budget', 'table', 'assignments'"
    if kind in ("string_pattern_mismatch",):
        return f"giá trị {_short(value)} không đúng dạng quy định"
    if kind in ("recursion_loop",):
        return "dữ liệu tự tham chiếu vòng tròn"
    return f"giá trị {_short(value)} không hợp lệ"


# --------------------------------------------------------------------------- other libraries' words

# The English of the standard library and SQLite that reaches a message about a user's file
# (csv, str.format, sqlite3, OSError) → Vietnamese; first match wins, groups are kept.
_LIBRARY = [
    (r"unmatched '\{' in format spec|expected '\}' before end of string|Single '\{' encountered",
     "dấu '{' chưa được đóng bằng '}'"),
    (r"Single '\}' encountered in format string", "dấu '}' thừa, không có '{' mở trước nó"),
    (r"Unknown conversion specifier (\S+)", r"kiểu chuyển đổi '!\1' không có"),
    (r"Unknown format code '(.)' for object of type '\w+'", r"mã định dạng '\1' không dùng được cho số"),
    (r"Invalid format specifier|Format specifier missing precision|Too many decimal digits",
     "phần định dạng sau dấu ':' không hợp lệ"),
    (r"field larger than field limit \((\d+)\)", r"một ô dài hơn \1 ký tự"),
    (r"'(.)' expected after '\"'", r"sau dấu ngoặc kép đóng một ô phải là dấu phân cách '\1' (dấu \" ở giữa ô?)"),
    (r"line contains NUL", "tệp có ký tự NUL: tệp nhị phân, không phải CSV"),
    (r"new-line character seen in unquoted field", "ký tự xuống dòng lạ trong một ô không có ngoặc kép"),
    (r"unexpected end of data", "tệp kết thúc giữa một ô (thiếu dấu ngoặc kép đóng?)"),
    (r"UNIQUE constraint failed: ([\w., ]+)", r"trùng giá trị ở các cột \1"),
    (r"NOT NULL constraint failed: ([\w.]+)", r"thiếu giá trị ở cột \1"),
    (r"CHECK constraint failed", "giá trị trái ràng buộc của sổ"),
    (r"No such file or directory", "không tìm thấy tệp hoặc chương trình"),
    (r"Permission denied", "không có quyền"),
    (r"Exec format error", "không phải chương trình chạy được"),
    (r"No space left on device", "ổ đĩa đầy"),
]


def library_text(exc: BaseException, fallback: str) -> str:
    """A library's English reason in Vietnamese; ``fallback`` (Vietnamese) for one not known here
    (the English stays in the exception chain, which ``--debug`` shows)."""
    text = str(exc)
    for pattern, vietnamese in _LIBRARY:
        m = re.search(pattern, text)
        if m:
            return m.expand(vietnamese)
    return fallback
