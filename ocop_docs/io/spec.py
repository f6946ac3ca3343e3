"""Reading a YAML or JSON spec into a validated model, with errors that name file, field and line."""
from __future__ import annotations

import dataclasses
import difflib
import json
import re
from pathlib import Path
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError

from .. import kinds
from ..errors import DataError, InvalidField, Problem, RuleViolation
from .datafiles import resolve_data_files
from .messages import clean_loc, message, number_text, path_text, union_message
from .starter import list_item, model_of
from .yaml_errors import colon_fix, colon_message, quoted, syntax_problem

MAX_SPEC_BYTES = 20 * 1024 * 1024


if TYPE_CHECKING:
    from pydantic_core import ErrorDetails  # pydantic's own error type (its core's), for annotations

if TYPE_CHECKING:  # libyaml's loader, when present, has the pure one's interface
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Safe loader (libyaml when present) that leaves dates as text, for our Vietnamese message."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


EMPTY = "tệp rỗng: chưa có trường nào (tạo tệp ban đầu bằng 'ocop-docs new LOẠI -o tệp.yaml')"

MAX_DEPTH = 64
"""Deepest nesting of groups and lists in a spec (real specs stay under 12)."""

MAX_ALIAS_NODES = 10_000
"""Most values YAML aliases (``*name``) may add when expanded: a few repeated blocks, never a bomb."""

MAX_NUMBER_DIGITS = 40
"""Longest number (in digits) a spec may hold; amounts and years are far shorter."""

_FIELD_NAME = re.compile(r"[A-Za-z0-9_.\-]+")


class LineMap(dict):
    """Field path → 1-based line of the YAML that holds it (``lines[("signer", "name")] == 14``).

    Also holds the 1-based column of each path and the "colon mistakes": an unquoted value with a
    colon ("Giám đốc các sở: chủ trì") that YAML read as a one-field group.
    """

    def __init__(self) -> None:
        super().__init__()
        self.columns: dict[tuple, int] = {}
        self.prose_keys: dict[tuple, tuple[int, int, str]] = {}  # key path → (line, column of ':', text)

    def at(self, path: tuple) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest mapped parent (never the file as a whole:
        "dòng 1" would send the reader to the top for a field that is missing from the file)."""
        for cut in range(len(path), 0, -1):
            if path[:cut] in self:
                return self[path[:cut]], self.columns.get(path[:cut])
        return None, None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_graph(root: yaml.Node, file: Path) -> None:
    """Refuse alias bombs, self-referencing aliases, too deep nesting and absurdly long numbers.

    Aliases make the node graph a DAG: its expanded size and depth are computed once per distinct
    node (iteratively, so no hostile depth can exhaust Python's stack).
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            kids = _children(node)
            on_path.discard(key)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            height[key] = 1 + max((height[id(k)] for k in kids), default=0)
            if height[key] > MAX_DEPTH:
                raise DataError(file, Problem(f"các nhóm và danh sách lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)",
                                              line=node.start_mark.line + 1))
            continue
        if key in size:
            continue
        if key in on_path:
            raise DataError(file, Problem("bí danh YAML (*…) trỏ vào chính nhóm chứa nó (tự tham chiếu vòng tròn)",
                                          line=node.start_mark.line + 1, column=node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float")):
            digits = sum(c.isdigit() for c in node.value)
            if digits > MAX_NUMBER_DIGITS:
                raise DataError(file, Problem(f"số quá lớn ({digits} chữ số; tối đa {MAX_NUMBER_DIGITS})",
                                              line=node.start_mark.line + 1, column=node.start_mark.column + 1))
        on_path.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in _children(node) if id(k) not in size)
    added = size[id(root)] - len(size)
    if added > MAX_ALIAS_NODES:
        raise DataError(file, Problem(
            f"bí danh YAML (&tên … *tên) được mở rộng thành quá nhiều giá trị (thêm {number_text(added)} giá trị; "
            f"tối đa {number_text(MAX_ALIAS_NODES)}); hãy viết trực tiếp nội dung thay cho bí danh"))


def _line_map(root: yaml.Node | None, file: Path, lines_of_text: list[str]) -> LineMap:
    """Where each field path stands in the YAML, each distinct node walked once (aliases are not
    re-walked); duplicate keys are errors naming both lines."""
    out = LineMap()
    if root is None:
        return out
    seen: set[int] = set()
    duplicates: list[Problem] = []
    stack: list[tuple[yaml.Node, tuple]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        out.setdefault(path, node.start_mark.line + 1)
        out.columns.setdefault(path, node.start_mark.column + 1)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, yaml.Node] = {}
            if node.flow_style:
                _comma_number(node, path, file)
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                    continue
                key_path = path + (key.value,)
                if key.value in first:
                    duplicates.append(Problem(
                        f"được ghi hai lần (dòng {first[key.value].start_mark.line + 1} và dòng "
                        f"{key.start_mark.line + 1}); xóa một trong hai dòng",
                        path=path_text(key_path),
                        line=key.start_mark.line + 1, column=key.start_mark.column + 1))
                    continue
                first[key.value] = key
                out[key_path] = key.start_mark.line + 1
                out.columns[key_path] = key.start_mark.column + 1
                if not key.style and not _FIELD_NAME.fullmatch(key.value) and (
                        not isinstance(value, yaml.ScalarNode) or not value.style):
                    line = key.end_mark.line
                    text = lines_of_text[line] if line < len(lines_of_text) else ""
                    out.prose_keys[key_path] = (line + 1, key.end_mark.column + 1, text)
                stack.append((value, key_path))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (i,)) for i, item in enumerate(node.value))
    if duplicates:
        raise DataError(file, duplicates)
    return out


def _comma_number(node: yaml.MappingNode, path: tuple, file: Path) -> None:
    """Refuse ``{amount: 14,000,000}``: inside ``{…}`` a comma separates fields, so YAML reads the
    amount as 14 and fields named "000"; the officer wrote one number with thousands separators."""
    pairs = node.value
    for i, (key, value) in enumerate(pairs):
        if not (isinstance(value, yaml.ScalarNode) and value.tag.endswith(":int") and not value.style):
            continue
        groups = []
        for next_key, next_value in pairs[i + 1:]:
            if (isinstance(next_key, yaml.ScalarNode) and not next_key.style and next_key.value.isdigit()
                    and isinstance(next_value, yaml.ScalarNode) and next_value.tag.endswith(":null")
                    and not next_value.value):
                groups.append(next_key.value)
            else:
                break
        if groups:
            written = ",".join([value.value, *groups])
            fix = (f"hãy viết số liền, không dấu phân cách: {key.value}: {''.join([value.value, *groups])}"
                   if all(len(g) == 3 for g in groups) else f'hãy đặt số trong dấu ngoặc kép: {key.value}: "{written}"')
            raise DataError(file, Problem(
                f"số '{written}' có dấu phẩy; trong dấu {{…}} dấu phẩy ngăn cách các trường nên YAML tách số này "
                f"thành nhiều trường; {fix}", path=path_text(path + (key.value,)),
                line=value.start_mark.line + 1, column=value.start_mark.column + 1))


def _not_a_data_file(raw: bytes, path: Path) -> None:
    """Refuse a workbook, a Word document or a PDF given where a data file is expected, saying what
    it is and where it goes (re-saving it "as UTF-8" would not help)."""
    suffix = path.suffix.lower()
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0") or raw.startswith(b"%PDF"):
        if suffix in (".xlsx", ".xlsm", ".xls") or (raw.startswith(b"PK") and b"xl/" in raw[:2000]):
            raise DataError(path, "đây là bảng Excel, không phải tệp dữ liệu .yaml/.json; bảng kết quả dùng với "
                                  "'ocop-docs certificates BẢNG --issuer tệp.yaml' hoặc ghi tên bảng ở trường "
                                  "'products_file'/'members_file' của tệp dữ liệu (tạo bằng 'ocop-docs new LOẠI -o tệp.yaml')")
        raise DataError(path, "đây là văn bản Word hoặc PDF, không phải tệp dữ liệu .yaml/.json; đọc văn bản thành tệp "
                              "dữ liệu bằng 'ocop-docs parse VĂN-BẢN -o tệp.yaml', hoặc tạo tệp bằng 'ocop-docs new LOẠI -o tệp.yaml'")


def _text_of(raw: bytes, path: Path) -> str:
    """The text of a spec: UTF-8 (with or without BOM), or UTF-16 with its BOM (Notepad's
    "Unicode"); any other encoding (Windows-1258 "ANSI"…) is refused at the first byte that is not
    UTF-8, never guessed: a wrong guess would change the Vietnamese letters in silence."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise DataError(path, "tệp mã UTF-16 bị hỏng; hãy lưu lại với mã UTF-8") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start
    good = raw[:start].decode("utf-8-sig")
    line, column = good.count("\n") + 1, len(good) - (good.rfind("\n") + 1) + 1
    raise DataError(path, Problem(
        f"tệp không phải mã UTF-8 (byte 0x{raw[start]:02X} không đọc được); tệp có lẽ được lưu bằng bảng mã "
        "Windows-1258 (ANSI) hoặc TCVN3; hãy mở tệp và lưu lại với mã UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8)",
        line=line, column=column))


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _TooLong(text)
    return int(text)


class _TooLong(ValueError):
    pass


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


class _Duplicate(ValueError):
    pass


def _depth_ok(data: Any) -> bool:
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _read_json(text: str, path: Path) -> tuple[Any, LineMap]:
    try:  # JSON is YAML: the same composer gives the lines of its fields (and of a key written twice)
        lines = _line_map(yaml.compose(text, Loader=_Loader), path, text.splitlines())
    except (yaml.YAMLError, RecursionError):
        lines = LineMap()
    try:
        data = json.loads(text, parse_int=_json_int, object_pairs_hook=_json_pairs)
    except json.JSONDecodeError as exc:
        raise DataError(path, Problem(f"JSON sai cú pháp: {_json_problem(exc.msg)}", line=exc.lineno, column=exc.colno)) from None
    except _TooLong as exc:
        line, column = _position(text, text.find(exc.args[0]))
        raise DataError(path, Problem(f"số quá lớn ({len(exc.args[0].lstrip('-'))} chữ số; tối đa {MAX_NUMBER_DIGITS})",
                                      line=line, column=column)) from None
    except _Duplicate as exc:
        raise DataError(path, Problem(f"trường '{exc.args[0]}' được ghi hai lần; chỉ giữ một", path=exc.args[0])) from None
    except RecursionError:
        raise DataError(path, f"các nhóm và danh sách lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)") from None
    if not _depth_ok(data):
        raise DataError(path, f"các nhóm và danh sách lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)")
    return data, lines


_JSON_PROBLEMS = {
    "Expecting value": "thiếu giá trị",
    "Expecting property name enclosed in double quotes": "tên trường phải đặt trong dấu ngoặc kép (và không có dấu phẩy thừa)",
    "Expecting ',' delimiter": "thiếu dấu phẩy",
    "Expecting ':' delimiter": "thiếu dấu hai chấm sau tên trường",
    "Unterminated string starting at": "chuỗi mở bằng dấu ngoặc kép chưa được đóng",
    "Invalid control character at": "chuỗi chứa ký tự điều khiển (ví dụ Tab hoặc xuống dòng) không được phép",
    "Invalid \\escape": "ký tự thoát sau dấu '\\' không hợp lệ",
    "Extra data": "còn nội dung thừa sau phần dữ liệu",
    "Illegal trailing comma before end of object": "dấu phẩy thừa trước '}'",
    "Illegal trailing comma before end of array": "dấu phẩy thừa trước ']'",
}


def _json_problem(msg: str) -> str:
    return next((vi for en, vi in _JSON_PROBLEMS.items() if msg.startswith(en)), "cú pháp không hợp lệ")


def read_spec_data(path: str | Path) -> tuple[Any, LineMap]:
    """The parsed content of a spec file and its line map; DataError when it cannot be read."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, "không tìm thấy tệp") from None
    except IsADirectoryError:
        raise DataError(path, "đây là một thư mục, không phải tệp") from None
    except OSError as exc:
        raise DataError(path, f"không đọc được tệp ({exc.strerror})") from None
    if len(raw) > MAX_SPEC_BYTES:
        raise DataError(path, f"tệp quá lớn ({number_text(len(raw))} byte; tối đa {MAX_SPEC_BYTES // (1024 * 1024)} MB)")
    _not_a_data_file(raw, path)
    text = _text_of(raw, path)
    if not text.strip():
        raise DataError(path, EMPTY)
    if path.suffix.lower() == ".json":
        return _read_json(text, path)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()  # one parse serves both the data and the line map
            if node is not None:
                _check_graph(node, path)  # before anything walks the expanded tree
            lines = _line_map(node, path, text.splitlines())
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise DataError(path, syntax_problem(exc, text)) from None
    except (RecursionError, MemoryError):
        raise DataError(path, f"các nhóm và danh sách lồng nhau quá sâu hoặc quá lớn (tối đa {MAX_DEPTH} cấp)") from None
    return data, lines


def _colon_problem(loc: tuple, lines: LineMap) -> Problem | None:
    """The colon-in-value explanation when the error at ``loc`` comes from one: the value at ``loc``
    (or the group holding it) was read as a one-field group from an unquoted "text: text" line."""
    for key_path, (line, column, text) in lines.prose_keys.items():
        parent = key_path[:-1]
        if key_path == loc or parent == loc or parent == loc[:-1]:
            stripped = text.strip()
            item = stripped[2:] if stripped.startswith("- ") else None
            fix = (text[: len(text) - len(text.lstrip())] + "- " + quoted(item)) if item else colon_fix(text)
            return Problem(colon_message(fix), path=path_text(parent), line=line, column=column)
    return None


def _field_model(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model holding the last field of ``loc`` (None when the path leaves the known models)."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None:
            return None
        if isinstance(part, int):
            continue  # a list's item: the model was resolved with the list's field
        info = current.model_fields.get(part) if isinstance(part, str) else None
        if info is None:
            return None
        item = list_item(info.annotation)
        current = model_of(info.annotation) or (model_of(item) if item is not None else None)
    return current


def _with_field_words(text: str, error: Mapping[str, Any], loc: tuple, model: type[BaseModel] | None) -> str:
    """A missing field with what it is; an unknown field with the known name it resembles."""
    holder = _field_model(model, loc) if model is not None and loc else None
    if holder is None:
        return text
    name = loc[-1]
    if error.get("type") == "missing" and isinstance(name, str) and name in holder.model_fields:
        about = holder.model_fields[name].description
        return f"{text} ({about})" if about else text
    if error.get("type") == "extra_forbidden" and (close := _close_name(model, loc)):
        return f"không có trường này; có phải định viết '{close}'?"
    return text


def _close_name(model: type[BaseModel] | None, loc: tuple) -> str:
    """The field of the model at ``loc``'s parent whose name ``loc``'s last name resembles ("titel" → "title")."""
    holder = _field_model(model, loc) if model is not None and loc else None
    if holder is None or not isinstance(loc[-1], str):
        return ""
    close = difflib.get_close_matches(loc[-1].lower(), list(holder.model_fields), n=1, cutoff=0.7)
    return close[0] if close else ""


def _problem(error: Mapping[str, Any], same_value: Sequence[Mapping[str, Any]], lines: LineMap,
             model: type[BaseModel] | None = None) -> Problem:
    """The :class:`Problem` for one pydantic error, at its line; ``same_value`` are the errors on
    the same value (several when pydantic tried each member of a union)."""
    loc = clean_loc(tuple(error["loc"]))
    union = union_message(same_value)
    if union is not None:
        line, column = lines.at(loc)
        return Problem(union, path=path_text(loc), line=line, column=column)
    cause = (error.get("ctx") or {}).get("error")
    rule = None
    if isinstance(cause, InvalidField):  # a model validator's finding about one of its fields
        loc, rule = loc + cause.loc, cause.rule
    colon = _colon_problem(loc, lines)
    if colon is not None:
        return colon
    line, column = lines.at(loc)
    text = _with_field_words(message(error), error, loc, model)
    return Problem(text, path=path_text(loc), line=line, column=column, rule=rule)


def _at_line(problem: Problem, lines: LineMap) -> Problem:
    """``problem`` (about a field of the spec) with the line and column of its field, when it has none."""
    if problem.line is not None or not problem.path:
        return problem
    loc = tuple(int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", problem.path))
    line, column = lines.at(loc)
    return dataclasses.replace(problem, line=line, column=column)


def validate_spec(data: Any, model: type[BaseModel], file: str | Path | None = None, lines: dict | None = None,
                  notices: list[str] | None = None):
    """``data`` validated as ``model``; every problem found is reported at once, at its line.

    The files the data names (members_file, products_file, sheets) are read first (``io/datafiles.py``:
    models never open files); what the table readers skipped is added to ``notices``.
    """
    if not isinstance(lines, LineMap):
        mapped = LineMap()
        mapped.update(lines or {})
        lines = mapped
    try:
        data = resolve_data_files(data, file, notices)
    except DataError as exc:  # a file the spec names: at the line that names it
        if file is None or exc.file != str(file):
            raise
        raise DataError(file, [_at_line(p, lines) for p in exc.problems]) from None
    try:
        return model.model_validate(data)
    except RuleViolation as exc:  # a rule of the whole document (OCOP/ND30), found by a model validator
        raise DataError(file, Problem(exc.message, rule=exc.rule)) from None
    except ValidationError as exc:
        errors = exc.errors()
        by_value: dict[tuple, list[ErrorDetails]] = {}
        for error in errors:
            by_value.setdefault(clean_loc(tuple(error["loc"])), []).append(error)
        # "titel:" for "title:": one problem (the misspelt name, with the right one), not also "title is missing".
        misspelt = {loc[:-1] + (name,) for loc, name in
                    ((clean_loc(tuple(e["loc"])), _close_name(model, clean_loc(tuple(e["loc"])))) for e in errors
                     if e.get("type") == "extra_forbidden") if name}
        errors = [e for e in errors if not (e.get("type") == "missing" and clean_loc(tuple(e["loc"])) in misspelt)]
        problems: list[Problem] = []
        for error in errors:
            problem = _problem(error, by_value[clean_loc(tuple(error["loc"]))], lines, model)
            if problem not in problems:
                problems.append(problem)
        raise DataError(file, problems) from None


def load_spec(path: str | Path, kind: str | None = None, notices: list[str] | None = None):
    """The spec in ``path`` as a validated model of its kind (``kind:`` in the file, or given).

    A kind is named by its id or an older name (``ocop_docs.kinds``). ``notices`` receives what the
    readers of the tables it names skipped (Vietnamese).
    """
    data, lines = read_spec_data(path)
    if data is None:
        raise DataError(path, EMPTY)
    if not isinstance(data, dict):
        raise DataError(path, "nội dung tệp phải là một nhóm trường dạng 'tên: giá trị' (ví dụ 'kind: ke-hoach')")
    choices = kinds.choices_text(with_model=True)
    wanted = kind or data.get("kind")
    if wanted is None:
        raise DataError(path, Problem(f"thiếu trường 'kind' (loại tài liệu: {choices})", path="kind"))
    entry = kinds.find(wanted)
    if wanted == "certificate-issuer":
        raise DataError(path, Problem("đây là tệp cơ quan cấp của một đợt cấp giấy chứng nhận: dùng với "
                                      "'ocop-docs certificates BẢNG --issuer tệp.yaml'", path="kind",
                                      line=lines.get(("kind",)), column=lines.columns.get(("kind",))))
    if entry is None or entry.model is None:
        close = difflib.get_close_matches(str(wanted), [k.id for k in kinds.all_kinds(with_model=True)], n=1)
        hint = f"có phải '{close[0]}'? " if close else ""
        raise DataError(
            path,
            Problem(f"loại tài liệu '{wanted}' không được hỗ trợ; {hint}chấp nhận: {choices}", path="kind",
                    line=lines.get(("kind",)), column=lines.columns.get(("kind",))),
        )
    if kind and data.get("kind") is not None and kinds.find(data.get("kind")) is not entry:
        raise DataError(path, Problem(f"tệp khai báo kind '{data.get('kind')}' nhưng lệnh cần '{entry.id}'", path="kind",
                                      line=lines.get(("kind",)), column=lines.columns.get(("kind",))))
    spec = validate_spec(data, entry.model, path, lines, notices)
    if notices is not None and hasattr(spec, "printed_notices"):  # kept as printed, but the officer is told
        for loc, text in spec.printed_notices():
            line, column = lines.at(loc)
            notices.append(f"{Path(path).name}: " + Problem(text, path=path_text(loc), line=line, column=column).describe())
    return spec
