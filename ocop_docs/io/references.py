"""The data files a spec names, read before the spec is validated.

Models validate data and never open files. A spec may name other files — the members of a council
(``members_file``, ``team.members_file``), the products of a recognition decision
(``products_file``), the score sheets of the council's minutes (``sheets``) — and this module
resolves them relative to the spec file and puts what they hold into the data: the members and
products as listed in the sheet (a row that cannot be used is an error naming the file and row:
a decision must not silently drop anyone), the sheets as paths that exist. The reference itself
stays in the data, so that messages can still name the file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import DataError, Problem
from .members import read_members
from .tables import read_products, rejects_error


def resolve_references(data: Any, model: type[BaseModel], spec_file: str | Path | None,
                       lines: dict | None = None) -> Any:
    """``data`` with the files it names read in, for validation as ``model``."""
    if not isinstance(data, dict):
        return data
    lines = lines or {}
    base = Path(spec_file).parent if spec_file else None
    fields = model.model_fields
    data = dict(data)
    if "members_file" in fields:
        data = _members(data, "council", base, spec_file, lines, ())
    team = data.get("team")
    if "team" in fields and isinstance(team, dict):
        data["team"] = _members(team, "team", base, spec_file, lines, ("team",))
    if "products_file" in fields and data.get("products_file"):
        _not_both(data, "products", "products_file", spec_file, lines, (), "sản phẩm")
        path = _path(data["products_file"], base)
        table = read_products(path)
        if table.rejects:
            raise rejects_error(path, table.rejects, "sản phẩm ở dòng này")
        data["products"] = [p.model_dump() for p in table.products]
    if "sheets" in fields and isinstance(data.get("sheets"), list):
        data["sheets"] = _sheets(data["sheets"], base, spec_file, lines)
    return data


def _path(value: Any, base: Path | None) -> Path:
    path = Path(str(value))
    return base / path if base is not None and not path.is_absolute() else path


def _not_both(data: dict, listed: str, file_key: str, spec_file, lines: dict, at: tuple, what: str) -> None:
    if data.get(listed):
        where = ".".join((*at, file_key))
        raise DataError(spec_file, Problem(f"ghi danh sách {what} ở '{listed}' hoặc ở tệp '{file_key}', không ghi cả hai",
                                           path=where, line=lines.get((*at, file_key))))


def _members(data: dict, group: str, base: Path | None, spec_file, lines: dict, at: tuple) -> dict:
    if not data.get("members_file"):
        return data
    _not_both(data, "members", "members_file", spec_file, lines, at, "thành viên")
    path = _path(data["members_file"], base)
    table = read_members(path, group, data.get("members_sheet"))
    if table.rejects:
        raise rejects_error(path, table.rejects, "thành viên ở dòng này")
    return dict(data, members=[m.model_dump() for m in table.members])


def _sheets(names: list, base: Path | None, spec_file, lines: dict) -> list:
    out, problems = [], []
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            out.append(name)  # the model says what is wrong with it
            continue
        path = _path(name, base)
        if not path.is_file():
            problems.append(Problem(f"không tìm thấy phiếu đánh giá '{name}' ({path})", path=f"sheets[{i}]",
                                    line=lines.get(("sheets", i))))
        out.append(str(path))
    if problems:
        raise DataError(spec_file, problems)
    return out
