"""The council decision's form (Quyết định thành lập / kiện toàn Hội đồng và Tổ tư vấn) ↔ its data file.

The page's fields carry Vietnamese names; this module turns what was typed into the data file
``ocop-docs render`` reads (kind ``council_decision``), adding nothing that was not typed: an
empty field stays out of the file and the library's own default (or its message) applies.
"""
from __future__ import annotations

from datetime import date

from ..io.members import Group
from .round_form import without_file_place

COUNCIL_ROLES = ("Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên kiêm Thư ký", "Ủy viên")
TEAM_ROLES = ("Tổ trưởng", "Tổ phó", "Thành viên")
GROUPS: tuple[tuple[str, Group, str], ...] = (("tv", "council", "Thành viên Hội đồng"), ("tt", "team", "Thành viên Tổ tư vấn"))
MEMBER_FIELDS = ("ten", "ong_ba", "chuc_vu", "don_vi", "chuc_danh")
REPLACED_ROWS = 2

FIELD_LABELS = {
    "issuer.name": "Cơ quan ban hành", "issuer.level": "Cấp", "place": "Địa danh", "number": "Số quyết định",
    "date": "Ngày ký", "expected_date": "Ngày ký", "signer.authority": "Thẩm quyền ký",
    "signer.head_title": "Chức vụ người đứng đầu", "signer.title": "Chức vụ người ký", "signer.name": "Họ tên người ký",
    "executors": "Người, cơ quan thi hành", "recipients": "Nơi nhận", "legal_bases": "Căn cứ", "proposed_by": "Theo đề nghị của",
}


def _text(v: dict, key: str) -> str | None:
    value = (v.get(key) or "").strip()
    return value or None


def _lines(v: dict, key: str) -> list[str]:
    return [line.strip() for line in (v.get(key) or "").splitlines() if line.strip()]


def members_from_form(v: dict, prefix: str) -> list[dict]:
    """The typed rows of a members table; a row with nothing typed is not a member."""
    members = []
    for i in range(200):
        if f"{prefix}_ten_{i}" not in v:
            break
        row = {f: (v.get(f"{prefix}_{f}_{i}") or "").strip() for f in MEMBER_FIELDS}
        if not any(row.values()):
            continue
        member = {"name": row["ten"], "position": row["chuc_vu"], "unit": row["don_vi"], "role": row["chuc_danh"]}
        if row["ong_ba"]:
            member["honorific"] = row["ong_ba"]
        members.append(member)
    return members


def members_to_form(v: dict, prefix: str, members) -> None:
    """Put members (read from a sheet) into the form's table, replacing what it held."""
    for key in [k for k in v if k.startswith(prefix + "_")]:
        del v[key]
    for i, m in enumerate(members):
        v[f"{prefix}_ten_{i}"] = m.name
        v[f"{prefix}_ong_ba_{i}"] = m.honorific or ""
        v[f"{prefix}_chuc_vu_{i}"] = m.position
        v[f"{prefix}_don_vi_{i}"] = m.unit
        v[f"{prefix}_chuc_danh_{i}"] = m.role


def member_rows(v: dict, prefix: str, spare: int = 3) -> list[dict]:
    """The table's rows to show: those typed (or read) and a few empty ones to add people."""
    rows = []
    i = 0
    while f"{prefix}_ten_{i}" in v:
        rows.append({f: v.get(f"{prefix}_{f}_{i}", "") for f in MEMBER_FIELDS})
        i += 1
    rows = [r for r in rows if any(r.values())]
    return rows + [dict.fromkeys(MEMBER_FIELDS, "") for _ in range(max(spare, 8 - len(rows)))]


def signing_date(v: dict) -> date | None:
    try:
        return date.fromisoformat(v.get("ngay_ky", ""))
    except ValueError:
        return None


def spec_from_form(v: dict) -> dict:
    """The council decision's data file from the form."""
    number = _text(v, "so")
    spec: dict = {
        "kind": "council_decision",
        "action": v.get("hanh_dong") if v.get("hanh_dong") in ("thành lập", "kiện toàn") else "thành lập",
        "issuer": {"name": _text(v, "co_quan"), "abbreviation": _text(v, "viet_tat") or "UBND", "level": _text(v, "cap")},
        "place": _text(v, "dia_danh"),
    }
    if number:  # a decision with its number is signed on that date; without, a draft signed on it
        spec["number"] = int(number) if number.isdigit() else number
        spec["date"] = _text(v, "ngay_ky")
    else:
        spec["number"], spec["date"] = None, None
        spec["expected_date"] = _text(v, "ngay_ky")
    for key, field in (("nam", "year"), ("de_nghi", "proposed_by"), ("thuong_truc", "standing_body")):
        value = _text(v, key)
        if value:
            spec[field] = int(value) if field == "year" and value.isdigit() else value
    bases = _lines(v, "can_cu")
    if bases:
        spec["legal_bases"] = bases
        spec["propose_bases"] = False
    replaced = []
    for i in range(REPLACED_ROWS):
        row = {k: _text(v, f"thay_{k}_{i}") for k in ("so", "ky_hieu", "ngay", "co_quan")}
        if any(row.values()):
            replaced.append({"number": int(row["so"]) if row["so"] and row["so"].isdigit() else row["so"],
                             "symbol": row["ky_hieu"] or "QĐ-UBND", "date": row["ngay"], "issuer": row["co_quan"]})
    if replaced:
        spec["replaces"] = replaced
    spec["members"] = members_from_form(v, "tv")
    if len(spec["members"]) > 12:
        spec["members_layout"] = "attached"
    team = members_from_form(v, "tt")
    if team:
        spec["team"] = {"label": "Tổ tư vấn", "members": team}
    spec["executors"] = _lines(v, "thi_hanh")
    spec["recipients"] = _lines(v, "noi_nhan")
    if _text(v, "luu"):
        spec["archive"] = _text(v, "luu")
    signer = {"title": _text(v, "chuc_vu_ky"), "name": _text(v, "ho_ten_ky") or ""}
    if _text(v, "tham_quyen"):
        signer.update(authority=_text(v, "tham_quyen"), head_title=_text(v, "chuc_vu_dung_dau"))
    spec["signer"] = signer
    return spec


def label_fields(message: str, file_name: str) -> str:
    """A library message about the generated data file, with the form's labels."""
    import re

    message = message.replace(f"Lỗi dữ liệu trong tệp {file_name}", "Dữ liệu chưa đúng")
    message = re.sub(r"trường 'members\[(\d+)\]\.(\w+)'", lambda m: f"Thành viên Hội đồng, dòng {int(m.group(1)) + 1}", message)
    message = re.sub(r"trường 'team\.members\[(\d+)\]\.(\w+)'", lambda m: f"Tổ tư vấn, dòng {int(m.group(1)) + 1}", message)
    for path, label in FIELD_LABELS.items():
        message = message.replace(f"trường '{path}'", f"ô «{label}»")
    # The data file is made by the page: its lines and columns mean nothing to the officer.
    message = without_file_place(message)
    return re.sub(r"(ô «Người, cơ quan thi hành»): không được để trống", r"\1: cần ít nhất một dòng", message)
