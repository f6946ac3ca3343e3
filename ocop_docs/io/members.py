"""The members list of a council or of its advisory team, from an Excel (or CSV) sheet.

Officers keep the list as a sheet with Vietnamese headers: STT, Họ và tên, Chức vụ, Đơn vị
công tác (or one column "Chức vụ, đơn vị công tác"), Chức danh trong Hội đồng/Tổ, and
optionally Ông/Bà (or Giới tính). Same behaviour as the products reader (``io/tables.py``):
rows that cannot be used come back as rejects with their row number and a Vietnamese reason;
a sheet that cannot be read raises DataError.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import Problem
from ..model.decision import Member, council_role, role_renamed, team_role
from ..vi.text import fold, same_key
from .tables import HeaderedRows, Reject, Row, norm_header, strip_section_number

Group = Literal["council", "team"]

# Header words → field, in the form of tables.norm_header ("và" dropped, "HĐ" spelled out);
# see tests/io/data/header-variants.yaml for where each variant was seen.
MEMBER_HEADERS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "so thu tu", "tt", "so tt"),
    "name": ("ho ten", "ho va ten", "ten", "ho ten thanh vien", "ho ten dai bieu"),
    "honorific": ("ong ba", "ong/ba", "danh xung", "gioi tinh"),
    "position_unit": ("chuc vu don vi cong tac", "chuc vu don vi", "chuc vu co quan", "chuc vu co quan don vi",
                      "chuc vu noi cong tac", "chuc danh don vi cong tac", "chuc vu co quan cong tac"),
    "role": (
        "chuc danh trong hoi dong to", "chuc danh trong hoi dong", "chuc danh trong to", "nhiem vu trong hoi dong",
        "nhiem vu trong to", "chuc danh hoi dong", "chuc danh to", "vai tro trong hoi dong", "vai tro",
        "nhiem vu", "nhiem vu duoc giao", "chuc danh trong hoi dong to tu van", "thanh phan", "chuc danh",
    ),
    "position": ("chuc vu", "chuc vu hien tai", "chuc danh"),
    "unit": ("don vi cong tac", "co quan don vi", "co quan", "don vi", "co quan cong tac", "noi cong tac",
             "co quan don vi cong tac"),
    "note": ("ghi chu",),
}
REQUIRED = ("name", "role")
USED = ("stt", "name", "honorific", "position_unit", "role", "position", "unit")
FIELD_NAMES_VI = {
    "name": "Họ và tên", "honorific": "Ông/Bà", "position": "Chức vụ", "unit": "Đơn vị công tác",
    "position_unit": "Chức vụ, đơn vị công tác", "role": "Chức danh trong Hội đồng/Tổ", "stt": "STT", "note": "Ghi chú",
}
GROUP_NAMES = {"council": "Hội đồng", "team": "Tổ giúp việc"}
_SECTION_WORDS = re.compile(r"^(hoi dong|thanh vien hoi dong|to |thanh vien to|ban |danh sach|thanh vien)")


@dataclass
class MemberTable:
    """The members read from a sheet, the rejected rows, what was skipped, and the file."""

    file: str
    members: list[Member]
    rejects: list[Reject]
    columns: dict[int, str]
    notices: list[str] = field(default_factory=list)
    where: str = ""  # "tv.xlsx (trang 'Hội đồng')": the file and sheet, for messages


def _honorific(value: Any) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    key = fold(str(value), lower=True).strip().rstrip(".")
    if key in ("ong", "nam", "mr"):
        return "Ông"
    if key in ("ba", "nu", "ms", "mrs"):
        return "Bà"
    raise ValueError(f"'{value}' không phải Ông/Bà (hoặc Nam/Nữ)")


def section_group(label: str | None) -> Group | None:
    """The body a group row names: "I. HỘI ĐỒNG" → council, "II | TỔ TƯ VẤN" → team, else None."""
    if not label:
        return None
    key = norm_header(strip_section_number(label))
    if key.startswith(("hoi dong", "thanh vien hoi dong", "chu tich", "pho chu tich", "uy vien")):
        return "council"
    if key.startswith(("to ", "thanh vien to", "to truong", "to pho", "to giup viec", "to tu van")) or key == "to":
        return "team"
    return None


def _text(value: Any) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _continuation(rows: HeaderedRows, row: Row, previous: Row | None) -> str:
    """"; dòng này chỉ có «và Môi trường» ở cột C …": a row holding only the end of a post or a unit
    (Enter pressed inside the text) is shown with the row it probably continues."""
    filled = [f for f, v in row.values.items() if v not in (None, "") and f != "stt"]
    if previous is None or not filled or not set(filled) <= {"position_unit", "position", "unit"}:
        return ""
    fld = filled[0]
    text = _text(row.values[fld])
    return (f"; dòng này chỉ có «{text}» ở {rows.cell(fld)} — nếu là phần tiếp của dòng {previous.number}, "
            f"hãy ghi vào ô {rows.letters[fld]}{previous.number} rồi xóa dòng này")


def read_members(path: str | Path, group: Group = "council", sheet: str | None = None) -> MemberTable:
    """The members of a council (``group='council'``) or of its team (``'team'``) in a sheet.

    A sheet may hold both bodies under group rows ("I. HỘI ĐỒNG", "II. TỔ TƯ VẤN"): then only the
    rows of ``group``'s section are read and the others are reported as skipped.
    """
    rows = HeaderedRows(path, MEMBER_HEADERS, REQUIRED, FIELD_NAMES_VI, sheet, used=USED, evidence=("role",),
                        what="thành viên", section_words=_SECTION_WORDS)
    if not {"position_unit", "position", "unit"} & set(rows.columns.values()):
        # The decision prints each member's post and unit; a list without them cannot make it.
        raise rows.error(Problem(
            "bảng thiếu cột Chức vụ hoặc Đơn vị công tác (hoặc một cột 'Chức vụ, đơn vị công tác'): quyết định ghi "
            "chức vụ, đơn vị của từng thành viên", row=rows.header_row))
    to_role = council_role if group == "council" else team_role
    members: list[Member] = []
    rejects: list[Reject] = []
    previous: Row | None = None  # the last member read, for a row that only continues its text
    elsewhere: list[Row] = []
    renamed: list[str] = []
    seen: dict[str, int] = {}
    for row in rows:
        body = section_group(row.section)
        if body is not None and body != group:
            elsewhere.append(row)
            continue
        values = row.values
        data: dict[str, Any] = {"row": row.number}
        try:
            rows.uncomputed(row)
            if values.get("name") in (None, ""):
                raise ValueError("thiếu Họ và tên" + _continuation(rows, row, previous))
            data["name"] = _text(values["name"])
            data["honorific"] = _honorific(values.get("honorific"))
            if values.get("position_unit") not in (None, ""):
                data["position"] = _text(values["position_unit"])
            else:
                data["position"] = _text(values.get("position"))
                data["unit"] = _text(values.get("unit"))
            if values.get("role") in (None, ""):
                raise ValueError("thiếu Chức danh trong Hội đồng/Tổ")
            data["role"] = to_role(_text(values["role"]))
            member = Member.model_validate(data)
        except ValueError as exc:
            rejects.append(rows.reject(row, exc))
            continue
        previous = row
        key = same_key(member.name)  # exact: "Hùng" and "Hưng" are two people
        if key in seen:
            rejects.append(Reject(row.number, f"trùng người ở dòng {seen[key]} (cùng họ và tên)", row.shown))
            continue
        seen[key] = row.number
        members.append(member)
        if role_renamed(_text(values["role"]), member.role):
            renamed.append(f"dòng {row.number} «{_text(values['role'])}» → «{member.role}»")
    notices = list(rows.notices)
    if renamed:
        notices.append(f"chức danh được ghi theo tên chức danh của {GROUP_NAMES[group]} (hãy xem lại nếu không đúng ý): "
                       + "; ".join(renamed))
    if elsewhere:
        sections = ", ".join(dict.fromkeys(f"«{r.section}»" for r in elsewhere))
        first, last = elsewhere[0].number, elsewhere[-1].number
        notices.append(
            f"{len(elsewhere)} dòng thuộc mục {sections} (dòng {first}{f'–{last}' if last != first else ''}) không phải "
            f"thành viên {GROUP_NAMES[group]}, không đọc ở đây"
        )
    where = Path(path).name + (f", {rows.where}" if rows.where else "")
    located = f"{rows.path} ({rows.where})" if rows.where else str(rows.path)
    return MemberTable(str(rows.path), members, rejects, rows.columns, [f"{where}: {n}" for n in notices], located)
