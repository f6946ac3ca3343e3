"""A starting data file for a kind of document: every field of its model, commented in Vietnamese.

``ocop-docs new KIND -o file.yaml`` writes it. Required fields are written without a value for
the clerk to fill (the file is refused until they are, naming each empty field); optional fields
are written as comments with their default, so deleting nothing changes nothing. The comments come
from the models' field descriptions: the model stays the one place that says what a field means.
"""
from __future__ import annotations

import json
import re
import types
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import kinds
from ..errors import DataError
from .messages import CHOICE_WORDS

# What each kind of block of a plan's body is, named by its first field (model/plan.py Block).
BLOCK_WORDS = {"text": "đoạn văn có định dạng", "heading": "đề mục", "task": "nhiệm vụ", "target": "chỉ tiêu",
               "budget": "kinh phí", "table": "bảng", "assignments": "bảng phân công nhiệm vụ"}

MAX_DEPTH = 4  # nested groups written out; deeper ones (a section inside a section…) are described


def starter_yaml(kind: str, data_file: tuple[type[BaseModel], str, str] | None = None) -> str:
    """The starting YAML of ``kind`` (its id or an older name).

    ``data_file`` is (model, value of its ``kind:``, what the file is) for a kind made from another
    file than one document's data: the star certificates' batch is made from an issuer file
    (certificates/model.py, a layer above this one) and a results table.
    """
    entry = kinds.get(kind)
    model, kind_value, what = data_file or (entry.model, entry.id, entry.name)
    if model is None:
        raise DataError(None, f"'{entry.id}' không tạo từ một tệp dữ liệu nên không có tệp ban đầu")
    lines = [
        f"# {what}",
        f"# Tệp dữ liệu ban đầu, tạo bằng 'ocop-docs new {entry.id}'. Điền các trường ghi (bắt buộc);",
        "# trường (không bắt buộc) để dạng chú thích — bỏ dấu '#' ở đầu dòng để dùng. Viết chữ có dấu",
        "# hai chấm trong ngoặc kép, ví dụ: title: \"Kế hoạch: thực hiện Chương trình OCOP\".",
        f"kind: {kind_value}",
    ]
    rules = _Rules(getattr(model, "starter_fill", {}), getattr(model, "starter_inherited", ()))
    _fields(model, lines, indent="", commented=False, depth=0, skip=("kind",), rules=rules)
    return "\n".join(lines) + "\n"


class _Rules:
    """What a model says about its starter beyond its fields: ``starter_fill`` (dotted path → when it
    is required: a field the model's own rules require though it has a default, such as 'bo' unless
    'category' is given) is written to be filled; ``starter_inherited`` (dotted paths) are taken from
    elsewhere in the file (the attached plan's issuer is the decision's) and not written."""

    def __init__(self, fill: dict[str, str], inherited: tuple[str, ...]):
        self.fill, self.inherited = fill, set(inherited)


def write_starter(kind: str, out: str | Path, data_file: tuple[type[BaseModel], str, str] | None = None) -> Path:
    """Write the starting YAML of ``kind`` to ``out``; an existing file is never overwritten."""
    out = Path(out)
    if out.exists():
        raise DataError(out, "tệp đã có; chọn tên khác (lệnh không ghi đè tệp đang có)")
    text = starter_yaml(kind, data_file)
    try:
        with out.open("x", encoding="utf-8") as f:  # "x": never over a file made meanwhile
            f.write(text)
    except OSError as exc:
        out.unlink(missing_ok=True) if out.exists() and out.stat().st_size < len(text.encode()) else None
        raise DataError(out, f"không ghi được tệp ({exc.strerror})") from None
    return out


def _fields(model: type[BaseModel], lines: list[str], indent: str, commented: bool, depth: int,
            skip: tuple[str, ...] = (), rules: _Rules | None = None, at: str = "") -> None:
    rules = rules or _Rules({}, ())
    for name, info in model.model_fields.items():
        if name in skip or at + name in rules.inherited:
            continue
        _field(name, info, lines, indent, commented, depth, rules, at + name)


def _field(name: str, info: FieldInfo, lines: list[str], indent: str, commented: bool, depth: int,
           rules: _Rules, path: str) -> None:
    when = rules.fill.get(path)
    required = info.is_required() or (when is not None and not commented)
    pre = f"{indent}# " if commented or not required else indent
    annotation = plain_annotation(info.annotation)
    about = [info.description] if info.description else []
    about += [w for w in _type_words(annotation) if not _said(w, info.description or "")]
    status = (f"bắt buộc {when}" if when and not commented else "bắt buộc" if required
              else f"không bắt buộc{_default_words(info)}")
    lines.append(f"{indent}# ({status}) {'; '.join(about)}".rstrip())
    model = model_of(annotation)
    item = list_item(annotation)
    forms = [m for m in _union_models(item)] if item is not None else []
    if model is not None and depth < MAX_DEPTH:
        lines.append(f"{pre}{name}:")
        _fields(model, lines, indent + "  ", commented or not required, depth + 1, rules=rules, at=path + ".")
    elif item is not None and model_of(item) is not None and depth < MAX_DEPTH:
        lines.append(f"{pre}{name}:")
        lines.append(f"{indent}  # mỗi mục một nhóm trường bắt đầu bằng '-'; chép cả nhóm để thêm mục")
        lines.append(f"{pre}  -")
        _fields(model_of(item), lines, indent + "    ", commented or not required, depth + 1, rules=rules, at=path + "[].")
    elif forms:
        lines.append(f"{pre}{name}:")
        lines.append(f"{indent}  # mỗi mục bắt đầu bằng '-', là một đoạn văn (chuỗi chữ) hoặc một nhóm có các trường:")
        for form in forms:
            fields = ", ".join(f + ("" if i.is_required() else "?") for f, i in form.model_fields.items())
            what = BLOCK_WORDS.get(next(iter(form.model_fields), ""))
            lines.append(f"{indent}  #   {what + ': ' if what else ''}{fields}")
        lines.append(f"{indent}  # (dấu ? là trường không bắt buộc; xem ví dụ trong các tệp mẫu)")
    elif item is not None and required:
        # A list to fill: one item per line, "- " first; the empty item is refused until written.
        lines.append(f"{pre}{name}:")
        lines.append(f"{indent}  # mỗi mục một dòng bắt đầu bằng '- '; thêm dòng để thêm mục")
        lines.append(f"{pre}  -")
    elif item is not None:
        lines.append(f"{pre}{name}: []")
    elif get_origin(annotation) is dict:
        lines.append(f"{pre}{name}: {{}}")
    elif not required:
        lines.append(f"{pre}{name}: {_yaml_value(info.get_default(call_default_factory=True))}".rstrip())
    else:
        lines.append(f"{pre}{name}:")


def _said(words: str, description: str) -> bool:
    """Whether the description already says ``words`` (the values of a choice, all of them)."""
    if words.startswith("chọn một trong: "):
        values = re.findall(r"(\S+?)(?: \([^)]*\))?(?:, | hoặc |$)", words.removeprefix("chọn một trong: "))
        return all(v in description for v in values if v)
    return words in description


def _union_models(annotation: Any) -> list[type[BaseModel]]:
    annotation = plain_annotation(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        return [m for m in (model_of(a) for a in get_args(annotation)) if m is not None]
    return []


def plain_annotation(annotation: Any) -> Any:
    """The annotation without Annotated[...] and without None in an Optional."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return plain_annotation(args[0])
    return annotation


def model_of(annotation: Any) -> type[BaseModel] | None:
    annotation = plain_annotation(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def list_item(annotation: Any) -> Any:
    annotation = plain_annotation(annotation)
    if get_origin(annotation) in (list, tuple, set):
        args = get_args(annotation)
        return plain_annotation(args[0]) if args else Any
    return None


def _type_words(annotation: Any) -> list[str]:
    annotation = plain_annotation(annotation)
    origin = get_origin(annotation)
    if origin is Literal:
        values = [f"{a} ({CHOICE_WORDS[a]})" if a in CHOICE_WORDS else str(a) if a else '""' for a in get_args(annotation)]
        return ["chọn một trong: " + (", ".join(values[:-1]) + " hoặc " + values[-1] if len(values) > 1 else values[0])]
    if origin in (list, tuple, set):
        item = list_item(annotation)
        words = _type_words(item)
        return ["danh sách" + (f" ({words[0]})" if words else "")]
    if origin is dict:
        return ["nhóm 'tên: giá trị'"]
    if annotation is date:
        return ["ngày, dạng DD/MM/YYYY"]
    if annotation in (int, Decimal, float):
        return ["số"]
    if annotation is bool:
        return ["true hoặc false"]
    if isinstance(annotation, typing.ForwardRef):
        return []
    return []


def _default_words(info: FieldInfo) -> str:
    value = info.get_default(call_default_factory=True)
    if value is None or value == "" or value == [] or value == {}:
        return ""
    return f"; mặc định: {_yaml_value(value)}"


def _yaml_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json"), ensure_ascii=False)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(str(value), ensure_ascii=False)


__all__ = ["starter_yaml", "write_starter"]
