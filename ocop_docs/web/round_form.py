"""The certificate round's form (Dữ liệu đợt cấp) → the issuer file ``ocop-docs certificates --issuer`` reads.

Nothing is added that was not typed: an empty field stays out of the file, and the library's
default (or its message naming the field) applies.
"""
from __future__ import annotations

import re

ROUND_FIELDS = {
    "issuer.name": "Cơ quan cấp", "issuer.abbreviation": "Chữ viết tắt", "issuer.level": "Cấp",
    "decision.number": "Số quyết định", "decision.symbol": "Ký hiệu quyết định", "decision.date": "Ngày ký quyết định",
    "decision.signed_by": "Người ký quyết định", "place": "Địa danh", "round": "Đợt",
    "signer.authority": "Thẩm quyền ký", "signer.head_title": "Chức vụ người đứng đầu", "signer.title": "Chức vụ người ký",
    "signer.name": "Họ tên người ký", "numbering.format": "Mẫu số giấy chứng nhận", "numbering.start": "Số đầu tiên",
}


def round_from_form(v: dict[str, str]) -> dict:
    """The round's data (the issuer file's fields) from the form, nothing added that was not typed."""
    def text(key: str) -> str | None:
        value = v.get(key, "").strip()
        return value or None

    def number(key: str):
        value = text(key)
        return int(value) if value and value.isdigit() else value

    signer = {"authority": text("tham_quyen"), "head_title": text("chuc_vu_dung_dau"),
              "title": text("chuc_vu"), "name": text("ho_ten") or ""}
    if not signer["authority"]:
        del signer["authority"], signer["head_title"]
    data = {
        "kind": "certificate-issuer",
        "issuer": {"name": text("ten_co_quan"), "abbreviation": text("viet_tat") or "UBND", "level": text("cap")},
        "decision": {"number": number("so_qd"), "symbol": text("ky_hieu"), "date": text("ngay_qd"),
                     "signed_by": text("nguoi_ky_qd")},
        "place": text("dia_danh"),
        "round": text("dot"),
        "signer": signer,
        "numbering": {"format": text("mau_so") or "{so:03d}/{nam}/GCN-OCOP", "start": number("so_dau") or 1},
        "qr": v.get("qr") == "1",
    }
    return data


def label_fields(message: str) -> str:
    """A library message about the round's file, with the form's labels instead of field paths."""
    message = message.replace("Lỗi dữ liệu trong tệp du-lieu-dot-cap.yaml", "Dữ liệu đợt cấp chưa đúng")
    for path, label in ROUND_FIELDS.items():
        message = message.replace(f"trường '{path}'", f"ô «{label}»")
    return without_file_place(message)


def without_file_place(message: str) -> str:
    """A message about a data file the page made itself, without its line and column (the officer
    never saw that file: the form's label names the place)."""
    return re.sub(r",? dòng \d+(, cột \d+)? của tệp", "", message)
