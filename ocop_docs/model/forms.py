"""The OCOP forms: the product dossier (QĐ 26/2026 Phụ lục III), the council member's score sheet
(Phụ lục II, "kiêm phiếu đánh giá"), and the council's documents built from them.

* ``ScoreSheet`` — one council member's filled criteria sheet for one product;
* ``Registration`` — Mẫu số 01, Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (chủ thể);
* ``SelfAssessment`` — Mẫu số 02, Báo cáo tự đánh giá về sản phẩm (chủ thể);
* ``CommuneReport`` — Mẫu số 03, Báo cáo đánh giá một số nội dung của hồ sơ đăng ký (UBND xã);
* ``ProposalLetter`` — công văn of UBND xã to UBND tỉnh (ND30 Mẫu 1.5);
* ``CouncilMinutes`` — biên bản họp Hội đồng đánh giá, phân hạng (ND30 Mẫu 1.9).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from ..errors import InvalidField
from ..nd30.formats import symbol_for
from ..ocop.regimes import band_text, star_for_score
from ..vi.text import fold
from .common import Document, Model, NonEmptyText, OptionalDate, Signer, Text
from .decision import COUNCIL_ROLES, Member

# QĐ 26/2026 Phụ lục II: "Mã số sản phẩm (T)-(X)-(STT)-(Năm)", T = mã tỉnh, X = mã xã
# (QĐ 19/2025/QĐ-TTg: 2 and 5 digits), STT = số thứ tự do xã lập, Năm = năm đánh giá.
PRODUCT_CODE_RE = re.compile(r"^(?P<t>\d{2})-(?P<x>\d{5})-(?P<stt>\d{1,4})-(?P<year>\d{4})$")


def check_product_code(value: str | None) -> str | None:
    """A product code in the form (T)-(X)-(STT)-(Năm), e.g. "42-18313-05-2026"; ValueError otherwise."""
    if value is None or not value.strip():
        return None
    value = "".join(value.split())
    if not PRODUCT_CODE_RE.match(value):
        raise ValueError(
            f"mã số sản phẩm '{value}' phải có dạng (Mã tỉnh)-(Mã xã)-(STT)-(Năm), ví dụ '42-18313-05-2026' "
            "(mã tỉnh 2 chữ số, mã xã 5 chữ số theo Quyết định số 19/2025/QĐ-TTg)"
        )
    return value


class ProductInfo(Model):
    """The product and its owner (chủ thể), as in the header of a criteria sheet."""

    name: NonEmptyText = Field(description="Tên sản phẩm")
    code: Text | None = Field(None, description="Mã số sản phẩm (T)-(X)-(STT)-(Năm), ví dụ '42-18313-05-2026'")
    owner: NonEmptyText = Field(description="Tên chủ thể sản xuất")
    phone: Text = Field("", description="Số điện thoại")
    address: Text = Field("", description="Địa chỉ")

    @field_validator("code")
    @classmethod
    def _code(cls, value: str | None) -> str | None:
        return check_product_code(value)


TickValue = int | dict[str, Any] | list[Any] | None


class ScoreSheet(Model):
    """One council member's filled criteria sheet (Phụ lục II, "kiêm phiếu đánh giá") for one product.

    ``ticks`` maps each criterion code ("1.1", "7", "6.1.1") to the option ticked: its number as
    printed on the sheet (1 = first box), or ``{points: N}`` when one option has those points.
    The scorer checks the ticks against the criteria set (exactly one per criterion).
    """

    kind: Literal["phieu-danh-gia"] = "phieu-danh-gia"
    bo: int = Field(ge=1, le=26, description="Số thứ tự bộ tiêu chí (1–26) theo Phụ lục II Quyết định số 26/2026/QĐ-TTg")
    product: ProductInfo = Field(description="Sản phẩm và chủ thể")
    member: Text = Field("", description="Họ và tên người đánh giá (thành viên Hội đồng)")
    place: Text = Field("", description="Địa danh ghi ở dòng ngày tháng")
    date: OptionalDate = Field(None, description="Ngày đánh giá")
    ticks: dict[str, TickValue] = Field(default_factory=dict, description="Mã tiêu chí → số thứ tự ô được đánh dấu")
    comments: Text = Field("", description="Ý kiến của người đánh giá")

    @field_validator("ticks", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        # YAML reads an unquoted 7 or 1.1 as a number: the code is its text ("7", "1.1").
        if isinstance(value, dict):
            return {(_code_text(k)): v for k, v in value.items()}
        return value


def _code_text(key: Any) -> str:
    if isinstance(key, float):
        text = repr(key)
        return text
    return str(key).strip()


# --------------------------------------------------------------------------- the dossier (Phụ lục III)

RegistrationKind = Literal["lần đầu", "nâng hạng", "đánh giá lại"]
_REGISTRATION_WORDS = {
    "lan dau": "lần đầu", "moi": "lần đầu", "dang ky moi": "lần đầu", "lan-dau": "lần đầu",
    "nang hang": "nâng hạng", "nang-hang": "nâng hạng",
    "danh gia lai": "đánh giá lại", "danh-gia-lai": "đánh giá lại", "cong nhan lai": "đánh giá lại",
}


def _registration_kind(value: Any) -> Any:
    """"Lần đầu", "lan-dau", "mới" → "lần đầu" (Mẫu 01 item 4)."""
    if isinstance(value, str):
        key = " ".join(fold(value, lower=True).replace("_", " ").split())
        return _REGISTRATION_WORDS.get(key, _REGISTRATION_WORDS.get(key.replace(" ", "-"), value.strip()))
    return value


class Applicant(Model):
    """Mẫu 01 item 1: the registering unit (chủ thể) and its legal representative."""

    name: NonEmptyText = Field(description="Tên đơn vị")
    representative: NonEmptyText = Field(description="Họ tên người đại diện pháp lý")
    position: Text = Field("", description="Chức vụ")
    address: Text = Field("", description="Địa chỉ liên hệ")
    phone: Text = Field("", description="Điện thoại")
    email: Text = Field("", description="Email")


class Receipt(Model):
    """Mẫu 01, part for the authorities: receipt by UBND cấp xã or by the provincial OCOP body.

    The receipt number reads "Phiếu số: <number>/PĐK-(Mã tỉnh)-(Mã xã)-(Năm)".
    """

    number: Text = Field("", description="Số phiếu (phần trước '/PĐK-'), ví dụ '05'")
    province_code: Text = Field("", description="Mã tỉnh (Quyết định số 19/2025/QĐ-TTg), ví dụ '42'")
    commune_code: Text = Field("", description="Mã xã, ví dụ '18313'")
    year: int | None = Field(None, ge=2000, le=2100, description="Năm")
    received_on: OptionalDate = Field(None, description="Ngày nhận")
    receiver: Text = Field("", description="Người tiếp nhận")
    agency: Text = Field("", description="Cơ quan tiếp nhận (ghi dưới dòng ký, đóng dấu)")

    @field_validator("province_code", "commune_code")
    @classmethod
    def _digits(cls, value: str) -> str:
        if value and not value.isdigit():
            raise ValueError(f"mã '{value}' chỉ gồm chữ số (Quyết định số 19/2025/QĐ-TTg)")
        return value


class Registration(Model):
    """Mẫu số 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026 Phụ lục III)."""

    kind: Literal["mau-01"] = "mau-01"
    province: NonEmptyText = Field(description="Tỉnh tổ chức đánh giá ('của tỉnh … năm …')")
    year: int = Field(ge=2000, le=2100, description="Năm đánh giá")
    applicant: Applicant = Field(description="Đơn vị đăng ký (chủ thể) và người đại diện pháp lý")
    product_name: NonEmptyText = Field(description="Tên sản phẩm")
    bo: int | None = Field(None, ge=1, le=26, description="Số bộ sản phẩm (1–26): Ngành, Nhóm, Phân nhóm lấy theo Phụ lục I")
    category: Text | None = Field(None, description="Ghi tay Ngành, Nhóm, Phân nhóm (khi không ghi 'bo')")
    starter_fill: ClassVar[dict[str, str]] = {"bo": "nếu không ghi 'category'"}  # the rule below, for io/starter.py
    registration: RegistrationKind = Field("lần đầu", description="Lần đăng ký: lần đầu, nâng hạng, đánh giá lại")
    samples: Text = Field("05 sản phẩm", description="Sản phẩm mẫu (số lượng)")
    place: Text = Field("", description="Địa danh ở dòng ngày tháng")
    date: OptionalDate = Field(None, description="Ngày lập phiếu")
    signer: Text = Field("", description="Họ tên người đại diện ký phiếu")
    commune_receipt: Receipt | None = Field(None, description="Phần dành cho Ủy ban nhân dân cấp xã")
    province_receipt: Receipt | None = Field(None, description="Phần dành cho cơ quan quản lý OCOP cấp tỉnh")

    @field_validator("registration", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        return _registration_kind(value)

    @model_validator(mode="after")
    def _category(self) -> "Registration":
        if self.bo is None and not self.category:
            raise ValueError("ghi 'bo' (số bộ sản phẩm 1–26) hoặc 'category' (Ngành, Nhóm, Phân nhóm)")
        return self


class Person(Model):
    """The legal representative as Mẫu 02/03 ask for him or her."""

    name: NonEmptyText = Field(description="Họ tên")
    gender: Literal["Nam", "Nữ"] | None = Field(None, description="Giới tính: Nam hoặc Nữ")
    ethnicity: Text = Field("", description="Dân tộc")
    residence: Text = Field("", description="Địa chỉ thường trú")

    @field_validator("gender", mode="before")
    @classmethod
    def _gender(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"nam": "Nam", "nu": "Nữ", "nữ": "Nữ"}.get(value.strip().lower(), value.strip())
        return value


class IntellectualProperty(Model):
    """Mẫu 02 Phần I item 7.d: the registered intellectual property (tick boxes)."""

    trademark: bool = Field(False, description="Giấy chứng nhận đăng ký nhãn hiệu")
    collective_rights: bool = Field(False, description="Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận")
    patent: bool = Field(False, description="Bằng sáng chế")
    industrial_design: bool = Field(False, description="Bằng độc quyền kiểu dáng công nghiệp")
    copyright: bool = Field(False, description="Giấy chứng nhận bản quyền tác giả")
    other: Text = Field("", description="Khác (ghi rõ)")

    @property
    def any(self) -> bool:
        return any((self.trademark, self.collective_rights, self.patent, self.industrial_design, self.copyright, bool(self.other)))


class SelfAssessment(Model):
    """Mẫu số 02: Báo cáo tự đánh giá về sản phẩm (chủ thể), Phần I–IV."""

    kind: Literal["mau-02"] = "mau-02"
    owner: NonEmptyText = Field(description="1. Tên chủ thể")
    organisation_type: Text = Field("", description="2. Loại hình tổ chức")
    address: Text = Field("", description="3. Địa chỉ")
    phone: Text = Field("", description="4. Điện thoại")
    email: Text = Field("", description="4. Email")
    representative: Person = Field(description="5. Người đại diện pháp luật")
    founded: Text = Field("", description="6. Ngày thành lập/đăng ký kinh doanh")
    registration_number: Text = Field("", description="6. Số giấy đăng ký (nếu có)")
    product: NonEmptyText = Field(description="7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn")
    business_registration: bool = Field(False, description="a) Giấy đăng ký kinh doanh")
    quality_declared: bool = Field(False, description="b) Đã công bố chất lượng sản phẩm theo quy định")
    food_safety_certificate: bool = Field(False, description="c) Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm")
    production_certificate: bool = Field(False, description="c) Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc")
    ip: IntellectualProperty = Field(default_factory=IntellectualProperty, description="d) Đăng ký sở hữu trí tuệ")
    history: list[NonEmptyText] = Field(default_factory=list, description="8. Lịch sử hình thành của chủ thể")
    organisation: list[NonEmptyText] = Field(default_factory=list, description="9. Cơ cấu tổ chức của chủ thể")
    results: list[NonEmptyText] = Field(default_factory=list, description="Phần II: kết quả thực hiện phương án sản xuất kinh doanh")
    bo: int = Field(ge=1, le=26, description="Số bộ tiêu chí tự đánh giá (1–26)")
    product_name: NonEmptyText = Field(description="Tên sản phẩm đăng ký (ghi trên phiếu tự đánh giá)")
    self_ticks: dict[str, TickValue] = Field(default_factory=dict, description="Phần III: mã tiêu chí → ô tự đánh giá")
    evidence: dict[str, NonEmptyText] = Field(default_factory=dict, description="Phần III: mã tiêu chí → mô tả, tài liệu minh chứng")
    documents: list[int] = Field(default_factory=list, description="Phần III: số thứ tự các dòng của bảng tài liệu minh chứng đã kèm theo (1–15)")
    changes: list[NonEmptyText] = Field(default_factory=list, description="Sản phẩm đánh giá lại: những thay đổi sau 3 năm được công nhận")
    plan: list[NonEmptyText] = Field(default_factory=list, description="Phần IV: kế hoạch sản xuất, kinh doanh")
    place: Text = Field("", description="Địa danh ghi ở dòng ngày tháng")
    date: OptionalDate = Field(None, description="Ngày lập báo cáo")
    signer: Text = Field("", description="Họ tên người đại diện theo pháp luật")

    @field_validator("self_ticks", "evidence", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {_code_text(k): v for k, v in value.items()}
        return value

    @field_validator("documents")
    @classmethod
    def _rows(cls, value: list[int]) -> list[int]:
        wrong = [v for v in value if not 1 <= v <= 15]
        if wrong:
            raise ValueError(f"bảng tài liệu minh chứng có 15 dòng (1–15); không có dòng {wrong[0]}")
        return value


class CommuneReport(Document):
    """Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ đăng ký (UBND cấp xã)."""

    kind: Literal["mau-03"] = "mau-03"
    doc_type: Text = Field("Báo cáo", description="Luôn là 'Báo cáo'")
    title: NonEmptyText = Field(
        "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP", description="Trích yếu"
    )
    owner: NonEmptyText = Field(description="1. Tên chủ thể")
    organisation_type: Text = Field("", description="2. Loại hình tổ chức")
    address: Text = Field("", description="3. Địa chỉ")
    representative: Person = Field(description="4. Người đại diện pháp luật")
    product_name: NonEmptyText = Field(description="5. Sản phẩm đăng ký đánh giá")
    raw_materials: list[NonEmptyText] = Field(min_length=1, description="II.1 Về sử dụng nguyên liệu địa phương")
    labour: list[NonEmptyText] = Field(min_length=1, description="II.2 Về sử dụng lao động địa phương")
    idea_origin: list[NonEmptyText] = Field(min_length=1, description="II.3 Nguồn gốc ý tưởng sản phẩm")
    local_identity: list[NonEmptyText] = Field(min_length=1, description="II.4 Bản sắc/trí tuệ địa phương")
    commune: NonEmptyText = Field(description="Tên xã/phường như trong câu đề nghị, ví dụ 'Phúc Trạch'")
    province: NonEmptyText = Field(description="Tên tỉnh, ví dụ 'Hà Tĩnh'")
    commune_word: Literal["xã", "phường", "đặc khu"] = Field("xã", description="xã, phường hoặc đặc khu")

    @field_validator("doc_type")
    @classmethod
    def _report(cls, value: str) -> str:
        if value != "Báo cáo":
            raise ValueError("Mẫu số 03 là một Báo cáo")
        return value


# --------------------------------------------------------------------------- the commune's letter, the council's minutes


class ProposedProduct(Model):
    """A product the commune proposes for evaluation (one row of the công văn's table)."""

    name: NonEmptyText = Field(description="Tên sản phẩm")
    owner: NonEmptyText = Field(description="Chủ thể")
    bo: int = Field(ge=1, le=26, description="Số bộ sản phẩm (1–26)")
    registration: RegistrationKind = Field("lần đầu", description="Lần đầu, nâng hạng hoặc đánh giá lại")
    note: Text = Field("", description="Ghi chú")

    @field_validator("registration", mode="before")
    @classmethod
    def _kind(cls, value: Any) -> Any:
        return _registration_kind(value)


class ProposalLetter(Document):
    """The commune's công văn to UBND tỉnh proposing products for evaluation (ND30 Mẫu 1.5,
    QĐ 26/2026 Điều 7.2.b "văn bản đề nghị")."""

    kind: Literal["cong-van-de-nghi"] = "cong-van-de-nghi"
    doc_type: Text = Field("Công văn", description="Luôn là 'Công văn'")
    title: NonEmptyText = Field("đề nghị đánh giá, phân hạng sản phẩm OCOP", description="Trích yếu, in sau 'V/v '")
    unit: Text | None = Field(None, description="Chữ viết tắt đơn vị soạn thảo trong ký hiệu, ví dụ 'KT' → 'UBND-KT' (ND30-SO-03)")
    addressees: list[NonEmptyText] = Field(min_length=1, description="Kính gửi: cơ quan nhận, ví dụ 'Ủy ban nhân dân tỉnh Hà Tĩnh'")
    round: Text = Field("", description="Đợt đánh giá, ví dụ 'đợt 1 năm 2026'")
    reports: list[NonEmptyText] = Field(default_factory=list, description="Các báo cáo của UBND xã (Mẫu số 03) kèm theo, ví dụ 'Báo cáo số 12/BC-UBND ngày 10/4/2026'")
    products: list[ProposedProduct] = Field(min_length=1, description="Các sản phẩm đề nghị đánh giá, phân hạng")
    body: list[NonEmptyText] = Field(default_factory=list, description="Các đoạn mở đầu (mặc định: căn cứ Quyết định số 26/2026/QĐ-TTg)")
    closing: NonEmptyText = Field(
        "Ủy ban nhân dân {xa} kính đề nghị Ủy ban nhân dân {tinh} xem xét, tổ chức đánh giá, phân hạng các sản phẩm nêu trên",
        description="Đoạn kết ({xa}, {tinh} được thay bằng tên)",
    )
    commune: NonEmptyText = Field(description="Tên xã, ví dụ 'xã Phúc Trạch'")
    province: NonEmptyText = Field(description="Tên tỉnh, ví dụ 'tỉnh Hà Tĩnh'")

    @field_validator("doc_type")
    @classmethod
    def _letter(cls, value: str) -> str:
        if value != "Công văn":
            raise ValueError("văn bản đề nghị là một Công văn (Mẫu 1.5)")
        return value

    @property
    def effective_symbol(self) -> str:
        return self.symbol or symbol_for(None, self.issuer.abbreviation, self.unit)


class MinutesProduct(Model):
    """A product on the minutes: its average score and the proposed star (from the sheets or typed)."""

    name: NonEmptyText = Field(description="Tên sản phẩm")
    owner: NonEmptyText = Field(description="Tên chủ thể")
    bo: int = Field(ge=1, le=26, description="Số bộ tiêu chí (1–26)")
    code: Text | None = Field(None, description="Mã số sản phẩm")
    score: Decimal = Field(ge=0, le=100, description="Điểm trung bình")
    stars: int = Field(ge=1, le=5, description="Hạng sao đề xuất")
    note: Text = Field("", description="Ghi chú")

    @field_validator("score")
    @classmethod
    def _two_decimals(cls, value: Decimal) -> Decimal:
        return value.quantize(Decimal("0.01"))

    @model_validator(mode="after")
    def _star_within_band(self) -> "MinutesProduct":
        band = star_for_score(self.score)
        if self.stars > band:
            raise InvalidField(
                f"{self.name}: hạng {self.stars} sao cao hơn khung điểm {self.score} (hạng {band} sao, {band_text(band)})",
                ("stars",), "OCOP-BAND")
        return self


class CouncilMinutes(Document):
    """The council's minutes of an evaluation meeting (Biên bản, ND30 Mẫu 1.9)."""

    kind: Literal["bien-ban", "minutes"] = "bien-ban"
    doc_type: Text = Field("Biên bản", description="Luôn là 'Biên bản'")
    title: NonEmptyText = Field(description="Tên cuộc họp, ví dụ 'Họp đánh giá, phân hạng sản phẩm OCOP cấp tỉnh năm 2026 (đợt 1)'")
    signer: Signer | None = Field(None, description="Không dùng: biên bản do Thư ký và Chủ tọa ký")
    start: NonEmptyText = Field(description="Thời gian bắt đầu, ví dụ '08 giờ 00 phút, ngày 15 tháng 6 năm 2026'")
    end: NonEmptyText = Field(description="Thời gian kết thúc, ví dụ '11 giờ 30 phút, ngày 15 tháng 6 năm 2026'")
    location: NonEmptyText = Field(description="Địa điểm")
    members: list[Member] = Field(min_length=1, description="Thành viên Hội đồng có mặt (họ tên, chức vụ, đơn vị, chức danh trong Hội đồng)")
    members_file: Text | None = Field(None, description="Tệp Excel/CSV danh sách thành viên có mặt (đường dẫn tính từ tệp dữ liệu)")
    members_sheet: Text | None = Field(None, description="Tên trang tính trong tệp Excel")
    absent: list[NonEmptyText] = Field(default_factory=list, description="Thành viên vắng mặt (ghi cả lý do)")
    guests: list[NonEmptyText] = Field(default_factory=list, description="Khách mời, đại diện Tổ tư vấn…")
    chair: Text = Field("", description="Chủ trì: mặc định Chủ tịch Hội đồng trong danh sách")
    secretary: Text = Field("", description="Thư ký: mặc định Ủy viên kiêm Thư ký trong danh sách")
    content: list[NonEmptyText] = Field(default_factory=list, description="Diễn biến cuộc họp, trước bảng kết quả")
    sheets: list[NonEmptyText] = Field(default_factory=list, description="Các phiếu đánh giá (tệp YAML/JSON/Excel, đường dẫn tính từ tệp này): điểm được tính từ phiếu")
    products: list[MinutesProduct] = Field(default_factory=list, description="Sản phẩm ghi tay (khi không tính từ phiếu)")
    starter_fill: ClassVar[dict[str, str]] = {"sheets": "nếu không ghi 'products'"}  # the rule below, for io/starter.py
    conclusions: list[NonEmptyText] = Field(default_factory=list, description="Kết luận, kiến nghị của Hội đồng")

    @model_validator(mode="after")
    def _council_roles(self) -> "CouncilMinutes":
        wrong = [m for m in self.members if m.role not in COUNCIL_ROLES]
        if wrong:
            raise ValueError(f"{wrong[0].name}: chức danh '{wrong[0].role}' không phải chức danh trong Hội đồng")
        return self

    @field_validator("doc_type")
    @classmethod
    def _minutes(cls, value: str) -> str:
        if value != "Biên bản":
            raise ValueError("biên bản họp Hội đồng là một Biên bản (Mẫu 1.9)")
        return value

    @model_validator(mode="after")
    def _has_products(self) -> "CouncilMinutes":
        if not self.sheets and not self.products:
            raise ValueError("ghi các phiếu đánh giá ('sheets') hoặc kết quả từng sản phẩm ('products')")
        return self

    def role_holder(self, role: str) -> str:
        for m in self.members:
            if m.role == role:
                return m.name
        return ""
