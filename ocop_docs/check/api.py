"""``check_file``: the ND30 findings on any .docx."""
from __future__ import annotations

import os

from .. import kinds
from ..docx.blocks import read_document
from ..docx.package import open_docx
from .checks import Checker
from .report import KIND_NAMES, Report
from .structure import identify
from .unread import unchecked_content

KINDS = ("plan", "decision", "attached", "report", "minutes", "letter", "form", "certificate")
"""Kinds a caller may ask for (``kind=``); "legal" and "other" are only ever detected."""

VI_KINDS = {
    "ke-hoach": "plan", "quyet-dinh": "decision", "van-ban-kem-theo": "attached", "bao-cao": "report",
    "bien-ban": "minutes", "cong-van": "letter", "bieu-mau": "form", "giay-chung-nhan": "certificate",
}
"""The same kinds by their Vietnamese names (the naming rule of ``ocop_docs.kinds``), as ``--kind`` takes them."""


def kind_names() -> list[str]:
    """Every name ``kind=`` accepts: the Vietnamese names, the checker's own, and each document kind's id."""
    return list(dict.fromkeys([*VI_KINDS, *KINDS, *(name for k in kinds.all_kinds() for name in k.names)]))


def checker_kind(name: str) -> str:
    """The checker's kind for ``name`` (a Vietnamese name, the checker's own, or a document kind's id)."""
    if name in KINDS:
        return name
    if name in VI_KINDS:
        return VI_KINDS[name]
    entry = kinds.find(name)
    if entry is None or entry.check not in (*KINDS, "other"):  # "other": a kind checked by the common rules only
        raise ValueError(f"Loại văn bản '{name}' không hợp lệ; chọn một trong: {', '.join(VI_KINDS)}")
    return entry.check

NOT_CHECKABLE: dict[str, str] = {
    "ND30-SO-01": "Số thứ tự đăng ký trong năm, không trùng lặp: cần sổ đăng ký văn bản của văn thư, không có trong tệp.",
    "ND30-CQ-04": "Thông lệ (không phải quy định): UBND không ghi cơ quan chủ quản.",
    "ND30-BODY-02": "Nội dung trích dẫn (số, ngày, trích yếu của văn bản được dẫn) phải đối chiếu với văn bản được dẫn.",
    "ND30-SIGN-03": "Chức danh người ký là chức danh lãnh đạo chính thức: cần danh mục chức danh của cơ quan.",
    "ND30-SIGN-05": "Chữ ký trên giấy bằng mực màu xanh: thuộc bản giấy đã ký, không có trong tệp .docx.",
    "ND30-SIGN-06": "Hình ảnh chữ ký số (màu xanh, PNG nền trong suốt) do phần mềm ký số chèn vào bản PDF khi ký.",
    "ND30-SEAL-01": "Hình ảnh con dấu của chữ ký số cơ quan (màu đỏ, đúng kích thước, trùm 1/3 chữ ký) chỉ có trên bản đã ký số.",
    "ND30-SEAL-02": "Dấu trên bản giấy (mực đỏ, trùm 1/3 chữ ký, dấu giáp lai): làm trên giấy sau khi ký.",
    "ND30-SEAL-03": "Chữ ký số cơ quan trên văn bản kèm theo, phụ lục ở tệp riêng: có trên bản đã ký số, không có trong .docx.",
    "ND30-APPX-04": "Chữ ký số cơ quan trên phụ lục điện tử ở tệp riêng: có trên bản đã ký số.",
    "ND30-COPY-01": "Bản sao (sao y, sao lục, trích sao): bản quét PDF và khối sao làm sau khi văn bản đã ban hành.",
    "ND30-MARK-02": "Màu mực đỏ tươi của dấu mức độ khẩn: đóng trên bản giấy.",
    "ND30-MARK-01": "Dấu độ mật (TUYỆT MẬT, TỐI MẬT, MẬT) và dấu tài liệu thu hồi là con dấu theo mẫu của pháp luật về "
                    "bảo vệ bí mật nhà nước, đóng trên văn bản mật; không có trong tệp .docx thông thường.",
}
"""Rules of nd30.md that cannot be checked from a .docx file, with the reason (Vietnamese)."""


def check_file(path: str | os.PathLike, kind: str | None = None) -> Report:
    """The ND30 findings on the .docx at ``path``.

    ``kind`` (one of :func:`kind_names`) says what the document is; when None it is detected from the
    tên loại line ("KẾ HOẠCH", "QUYẾT ĐỊNH", "BIÊN BẢN", "GIẤY CHỨNG NHẬN"…), the "(Kèm theo …)"
    line and, for a công văn ("letter"), the "V/v …" line under the Số. Raises
    :class:`ocop_docs.errors.UnreadableFile` for a file that is not a readable .docx. The file is
    opened read-only and never modified.
    """
    if kind is not None:
        kind = checker_kind(kind)
    document = open_docx(path)
    view = read_document(document)
    parts = identify(view)
    kinds = [p.kind or _fallback_kind(p) for p in parts]
    if kind is not None and kinds:
        kinds[0] = kind
        parts[0].kind = kind
    checker = Checker(view, parts)
    findings = checker.run(kinds)
    first = kinds[0] if kinds else (kind or "other")
    report = Report(path=str(path), kind=first, kind_detected=kind is None, findings=findings)
    report.notes.extend(dict.fromkeys(checker.notes))
    report.unchecked.extend(unchecked_content(document))
    if first == "legal":
        report.notes.append(
            "Văn bản quy phạm pháp luật: thể thức do Luật Ban hành văn bản quy phạm pháp luật quy định "
            "(ND30 Điều 4.2.a); chỉ áp dụng các quy tắc trình bày chung của ND30.")
    if len(parts) > 1:
        for n, (p, k) in enumerate(zip(parts, kinds), start=1):
            where = p.ten_loai.first.location if p.ten_loai else (p.header_blocks[0].location if p.header_blocks else "")
            report.parts.append(f"Phần {n}: {KIND_NAMES.get(k, k)}" + (f" ({p.type_name})" if p.type_name else "")
                                + (f", tại {where}" if where else ""))
    return report


def _fallback_kind(part) -> str:
    if part.appendix_first:
        return "attached"
    if part.vv is not None:
        return "letter"  # công văn (Mẫu 1.5): no tên loại, a "V/v …" trích yếu under the Số
    return "other"
