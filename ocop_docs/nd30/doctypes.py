"""Document types of ND30 Điều 7 and their Phụ lục III abbreviations (ND30-ABBR-01/02)."""
from __future__ import annotations

from dataclasses import dataclass

from ..vi.text import fold


@dataclass(frozen=True)
class DocType:
    """A type of administrative document: its name, Phụ lục III abbreviation and Mẫu."""

    name: str  # "Kế hoạch"
    abbreviation: str | None  # "KH"; None for công văn and thư công (ND30-ABBR-01)
    form: str  # the Mẫu of Phụ lục III that lays it out (ND30-ABBR-02)

    @property
    def upper_name(self) -> str:
        return self.name.upper()


DOC_TYPES: tuple[DocType, ...] = (
    DocType("Nghị quyết", "NQ", "1.1"),
    DocType("Quyết định", "QĐ", "1.2"),
    DocType("Chỉ thị", "CT", "1.4"),
    DocType("Quy chế", "QC", "1.4"),
    DocType("Quy định", "QyĐ", "1.4"),
    DocType("Thông cáo", "TC", "1.4"),
    DocType("Thông báo", "TB", "1.4"),
    DocType("Hướng dẫn", "HD", "1.4"),
    DocType("Chương trình", "CTr", "1.4"),
    DocType("Kế hoạch", "KH", "1.4"),
    DocType("Phương án", "PA", "1.4"),
    DocType("Đề án", "ĐA", "1.4"),
    DocType("Dự án", "DA", "1.4"),
    DocType("Báo cáo", "BC", "1.4"),
    DocType("Biên bản", "BB", "1.9"),
    DocType("Tờ trình", "TTr", "1.4"),
    DocType("Hợp đồng", "HĐ", "-"),
    DocType("Công điện", "CĐ", "1.6"),
    DocType("Bản ghi nhớ", "BGN", "-"),
    DocType("Bản thỏa thuận", "BTT", "-"),
    DocType("Giấy ủy quyền", "GUQ", "1.4"),
    DocType("Giấy mời", "GM", "1.7"),
    DocType("Giấy giới thiệu", "GGT", "1.8"),
    DocType("Giấy nghỉ phép", "GNP", "1.10"),
    DocType("Phiếu gửi", "PG", "1.4"),
    DocType("Phiếu chuyển", "PC", "1.4"),
    DocType("Phiếu báo", "PB", "1.4"),
    DocType("Công văn", None, "1.5"),
    DocType("Thư công", None, "-"),
)

# Titles that are not types of ND30 Điều 7 but head documents the checker meets.
# VBQPPL types (ND30 Điều 4.2.a: formatted under the Luật Ban hành VBQPPL).
LEGAL_TYPES: tuple[str, ...] = ("Nghị định", "Luật", "Bộ luật", "Pháp lệnh", "Thông tư", "Thông tư liên tịch", "Lệnh")
# Certificates and awards (ND30-ABBR-03: not ND30 types), matched as the start of the title line.
CERTIFICATE_TITLES: tuple[str, ...] = ("Giấy chứng nhận", "Giấy khen", "Bằng khen")
# The OCOP programme's forms (QĐ 26/2026/QĐ-TTg and its predecessors), matched as the start of the title line.
OCOP_FORM_TITLES: tuple[str, ...] = (
    "Phiếu đăng ký", "Phiếu đánh giá", "Phiếu chấm điểm", "Báo cáo tự đánh giá", "Bộ tiêu chí", "Bảng điểm",
    "Bảng tổng hợp",
)

ABBREVIATIONS = {t.abbreviation for t in DOC_TYPES if t.abbreviation}
COPY_ABBREVIATIONS = {"SY", "TrS", "SL"}
# Wrong abbreviations seen in public code and in practice (ND30-ABBR-01, §8).
WRONG_ABBREVIATIONS = {"QCh": "QC", "DAn": "DA", "CV": None, "QYĐ": "QyĐ", "CTR": "CTr", "TTR": "TTr"}

_BY_KEY = {}
for _t in DOC_TYPES:
    _BY_KEY[fold(_t.name, lower=True)] = _t
    if _t.abbreviation:
        _BY_KEY[fold(_t.abbreviation, lower=True)] = _t
# The decree itself spells "uỷ" in places; "thoả" likewise.
_BY_KEY[fold("Giấy uỷ quyền", lower=True)] = _BY_KEY[fold("Giấy ủy quyền", lower=True)]


def doc_type(name_or_abbreviation: str) -> DocType:
    """The document type named by its name ("Kế hoạch") or abbreviation ("KH").

    Raises ``KeyError`` when it is not a type of ND30 Điều 7.
    """
    key = fold(" ".join(name_or_abbreviation.split()), lower=True)
    return _BY_KEY[key]


def by_abbreviation(abbreviation: str) -> DocType | None:
    """The type whose Phụ lục III abbreviation is exactly ``abbreviation`` (case-sensitive)."""
    for t in DOC_TYPES:
        if t.abbreviation == abbreviation:
            return t
    return None
