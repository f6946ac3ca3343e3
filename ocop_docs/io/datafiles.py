"""The files a spec names (``members_file``, ``team.members_file``, ``products_file``, ``sheets``), read before validation.

The models stay pure: they validate members and products, never open a file. Here each table a
spec names (relative to the spec file) is read by the table readers of ``io/`` and its rows put
in place of the file name; a row that cannot be used is an error naming the file, sheet and row
(a decision must not silently leave out a member or a product), and what the reader skipped
(group, total and signature rows, hidden rows and sheets, unused columns) goes to ``notices``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import DataError, Problem
from .members import Group, read_members
from .tables import FIELD_NAMES_VI, read_products, rejects_error


def _path(value: Any, spec_file: str | Path | None, field: str) -> Path:
    """The file a spec names in ``field``, relative to the spec; a missing one is an error of the
    spec at that field (the officer must see which line names it, not only the missing name)."""
    if len(str(value)) > 1024 or any(len(part.encode("utf-8")) > 255 for part in Path(str(value)).parts):
        raise DataError(spec_file, Problem(f"tên tệp quá dài ({len(str(value))} ký tự): '{str(value)[:40]}…'",
                                           path=field))
    path = Path(str(value))
    if not path.is_absolute() and spec_file:
        path = Path(spec_file).parent / path
    if not path.exists():
        raise DataError(spec_file, Problem(f"không tìm thấy tệp '{value}' ({path})", path=field))
    return path


def _members(data: dict, group: Group, spec_file: str | Path | None, notices: list[str], where: str) -> dict:
    if not data.get("members_file") or not isinstance(data.get("members_file"), str):
        return data
    if data.get("members"):
        raise DataError(spec_file, Problem(
            "ghi danh sách thành viên ở 'members' hoặc ở tệp 'members_file', không ghi cả hai", path=where + "members"))
    path = _path(data["members_file"], spec_file, where + "members_file")
    sheet = data.get("members_sheet") if isinstance(data.get("members_sheet"), str) else None
    table = read_members(path, group, sheet)
    if table.rejects:
        raise rejects_error(table.where, table.rejects, "thành viên ở dòng này")
    notices.extend([n for n in table.notices if n not in notices])  # council and team may share one sheet
    return dict(data, members=[m.model_dump() for m in table.members])


def _products(data: dict, spec_file: str | Path | None, notices: list[str]) -> dict:
    if not data.get("products_file") or not isinstance(data.get("products_file"), str):
        return data
    if data.get("products"):
        raise DataError(spec_file, Problem(
            "ghi sản phẩm ở 'products' hoặc ở tệp 'products_file', không ghi cả hai", path="products"))
    path = _path(data["products_file"], spec_file, "products_file")
    table = read_products(path)
    if table.rejects:
        # A recognition decision must not silently drop a product.
        raise rejects_error(table.where, table.rejects, "sản phẩm ở dòng này")
    requested = data.get("columns") if isinstance(data.get("columns"), list) else []
    missing = [c for c in requested if c != "stt" and c in FIELD_NAMES_VI and c not in table.columns.values()]
    if missing:
        names = ", ".join(f"'{FIELD_NAMES_VI[c]}'" for c in missing)
        raise DataError(table.where, Problem(
            f"tệp dữ liệu yêu cầu in cột {names} ('columns') nhưng bảng không có cột này; thêm cột vào bảng "
            f"hoặc bỏ khỏi 'columns'"))
    notices.extend(table.notices)
    return dict(data, products=[p.model_dump() for p in table.products])


def _sheets(data: dict, spec_file: str | Path | None) -> dict:
    """The score sheets of the council's minutes, as paths relative to the spec; each must exist."""
    if not isinstance(data.get("sheets"), list):
        return data
    paths, problems = [], []
    for i, name in enumerate(data["sheets"]):
        if not isinstance(name, str) or not name.strip():
            paths.append(name)  # the model says what is wrong with it
            continue
        path = Path(name) if Path(name).is_absolute() or not spec_file else Path(spec_file).parent / name
        if len(name) > 1024 or not path.is_file():
            problems.append(Problem(f"không tìm thấy phiếu đánh giá '{name[:80]}' ({str(path)[:200]})", path=f"sheets[{i}]"))
        paths.append(str(path))
    if problems:
        raise DataError(spec_file, problems)
    return dict(data, sheets=paths)


def resolve_data_files(data: Any, spec_file: str | Path | None = None, notices: list[str] | None = None) -> Any:
    """``data`` with the members and products of the tables it names; see the module."""
    if not isinstance(data, dict):
        return data
    notices = notices if notices is not None else []
    data = _members(data, "council", spec_file, notices, "")
    if isinstance(data.get("team"), dict):
        data = dict(data, team=_members(data["team"], "team", spec_file, notices, "team."))
    return _sheets(_products(data, spec_file, notices), spec_file)
