"""The members list of a council or of its advisory team, from an Excel (or CSV) sheet.

Officers keep the list as a sheet with Vietnamese headers: STT, Họ và tên, Chức vụ, Đơn vị
công tác (or one column "Chức vụ, đơn vị công tác"), Chức danh trong Hội đồng/Tổ, and
optionally Ông/Bà (or Giới tính). Same behaviour as the products reader (``io/tables.py``):
rows that cannot be used come back as rejects with their row number and a Vietnamese reason;
a sheet that cannot be read raises DataError.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..model.decision import Member, council_role, team_role
from ..vi.text import fold, same_key
from .tables import HeaderedRows, Reject, reject_reason

Group = Literal["council", "team"]

# Header words (folded, lower case) → field; see tables.match_headers.
MEMBER_HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "so thu tu", "tt"),
    "name": ("ho va ten", "ho ten", "ten", "ho, ten", "ho va ten thanh vien"),
    "honorific": ("ong/ba", "ong, ba", "danh xung", "gioi tinh"),
    "position_unit": ("chuc vu, don vi cong tac", "chuc vu, don vi", "chuc vu va don vi cong tac", "chuc vu - don vi cong tac"),
    "position": ("chuc vu",),
    "unit": ("don vi cong tac", "don vi", "co quan", "co quan cong tac", "noi cong tac"),
    "role": (
        "chuc danh trong hoi dong/to", "chuc danh trong hoi dong", "chuc danh trong to", "chuc danh",
        "nhiem vu trong hoi dong", "nhiem vu", "vai tro", "chuc danh trong hoi dong, to",
    ),
    "note": ("ghi chu",),
}
REQUIRED = ("name", "role")
FIELD_NAMES_VI = {
    "name": "Họ và tên", "honorific": "Ông/Bà", "position": "Chức vụ", "unit": "Đơn vị công tác",
    "position_unit": "Chức vụ, đơn vị công tác", "role": "Chức danh trong Hội đồng/Tổ", "stt": "STT", "note": "Ghi chú",
}


@dataclass
class MemberTable:
    """The members read from a sheet, the rejected rows, and the file they came from."""

    file: str
    members: list[Member]
    rejects: list[Reject]
    columns: dict[int, str]


def _honorific(value: Any) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    key = fold(str(value), lower=True).strip().rstrip(".")
    if key in ("ong", "nam", "mr"):
        return "Ông"
    if key in ("ba", "nu", "ms", "mrs"):
        return "Bà"
    raise ValueError(f"'{value}' không phải Ông/Bà (hoặc Nam/Nữ)")


def read_members(path: str | Path, group: Group = "council", sheet: str | None = None) -> MemberTable:
    """The members of a council (``group='council'``) or of its team (``'team'``) in a sheet."""
    rows = HeaderedRows(path, MEMBER_HEADERS, REQUIRED, FIELD_NAMES_VI, sheet)
    to_role = council_role if group == "council" else team_role
    members: list[Member] = []
    rejects: list[Reject] = []
    seen: dict[str, int] = {}
    for row_number, values, shown in rows:
        data: dict[str, Any] = {"row": row_number}
        try:
            if values.get("name") in (None, ""):
                raise ValueError("thiếu Họ và tên")
            data["name"] = str(values["name"])
            data["honorific"] = _honorific(values.get("honorific"))
            if values.get("position_unit") not in (None, ""):
                data["position"] = str(values["position_unit"])
            else:
                data["position"] = str(values.get("position") or "")
                data["unit"] = str(values.get("unit") or "")
            if values.get("role") in (None, ""):
                raise ValueError("thiếu Chức danh trong Hội đồng/Tổ")
            data["role"] = to_role(str(values["role"]))
            member = Member.model_validate(data)
        except ValueError as exc:
            rejects.append(Reject(row_number, reject_reason(exc, FIELD_NAMES_VI), shown))
            continue
        key = same_key(member.name)  # exact: "Hùng" and "Hưng" are two people
        if key in seen:
            rejects.append(Reject(row_number, f"trùng người ở dòng {seen[key]} (cùng họ và tên)", shown))
            continue
        seen[key] = row_number
        members.append(member)
    return MemberTable(str(rows.path), members, rejects, rows.columns)
