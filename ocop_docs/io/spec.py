"""Reading a YAML or JSON spec into a validated model, with errors that name file, field and line."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .. import kinds
from ..errors import DataError, Problem
from .messages import clean_loc, field_path, message
from .datafiles import resolve_data_files

MAX_SPEC_BYTES = 20 * 1024 * 1024


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml when present) that leaves dates as text, for our Vietnamese message."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line_map(node: yaml.Node | None, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """Field path → 1-based line of the YAML node that holds it."""
    out = {} if out is None else out
    if node is None:
        return out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            key_path = path + (key.value,)
            out[key_path] = key.start_mark.line + 1
            _line_map(value, key_path, out)
            out[key_path] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, path + (i,), out)
    return out


def read_spec_data(path: str | Path) -> tuple[Any, dict[tuple, int]]:
    """The parsed content of a spec file and its line map; DataError when it cannot be read."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, "không tìm thấy tệp") from None
    except OSError as exc:
        raise DataError(path, f"không đọc được tệp ({exc.strerror})") from None
    if len(raw) > MAX_SPEC_BYTES:
        raise DataError(path, f"tệp quá lớn ({len(raw)} byte; tối đa {MAX_SPEC_BYTES})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(path, f"tệp không phải mã UTF-8 (byte lỗi ở vị trí {exc.start}); hãy lưu lại với mã UTF-8") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(path, Problem(f"JSON sai cú pháp: {exc.msg}", line=exc.lineno)) from None
        lines: dict[tuple, int] = {}
        try:
            lines = _line_map(yaml.compose(text, Loader=_Loader))
        except yaml.YAMLError:
            pass
        return data, lines
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()  # one parse serves both the data and the line map
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
        lines = _line_map(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "lỗi cú pháp"
        context = exc.context_mark
        if context is not None and context.line + 1 != line:
            what += f"; phần bắt đầu từ dòng {context.line + 1}"
        raise DataError(path, Problem(f"YAML sai cú pháp ({what})", line=line)) from None
    except yaml.YAMLError as exc:
        raise DataError(path, f"YAML sai cú pháp ({exc})") from None
    return data, lines


def validate_spec(data: Any, model: type[BaseModel], file: str | Path | None = None, lines: dict | None = None,
                  notices: list[str] | None = None):
    """``data`` validated as ``model``; every problem found is reported at once.

    The files the data names (members_file, products_file, sheets) are read first (``io/datafiles.py``:
    models never open files); what the table readers skipped is added to ``notices``.
    """
    lines = lines or {}
    data = resolve_data_files(data, file, notices)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = clean_loc(tuple(error["loc"]))
            line = None
            for cut in range(len(loc), -1, -1):
                if loc[:cut] in lines:
                    line = lines[loc[:cut]]
                    break
            problems.append(Problem(message(error), path=field_path(tuple(error["loc"])), line=line))
        raise DataError(file, problems) from None


def load_spec(path: str | Path, kind: str | None = None, notices: list[str] | None = None):
    """The spec in ``path`` as a validated model of its kind (``kind:`` in the file, or given).

    A kind is named by its id or an older name (``ocop_docs.kinds``). ``notices`` receives what the
    readers of the tables it names skipped (Vietnamese).
    """
    data, lines = read_spec_data(path)
    if not isinstance(data, dict):
        raise DataError(path, "nội dung tệp phải là một nhóm trường dạng 'tên: giá trị' (ví dụ 'kind: ke-hoach')")
    choices = kinds.choices_text(with_model=True)
    wanted = kind or data.get("kind")
    if wanted is None:
        raise DataError(path, Problem(f"thiếu trường 'kind' (loại tài liệu: {choices})", path="kind"))
    entry = kinds.find(wanted)
    if entry is None or entry.model is None:
        raise DataError(
            path,
            Problem(f"loại tài liệu '{wanted}' không được hỗ trợ; chấp nhận: {choices}", path="kind", line=lines.get(("kind",))),
        )
    if kind and data.get("kind") is not None and kinds.find(data.get("kind")) is not entry:
        raise DataError(path, Problem(f"tệp khai báo kind '{data.get('kind')}' nhưng lệnh cần '{entry.id}'", path="kind"))
    return validate_spec(data, entry.model, path, lines, notices)
