"""The issuer file of a certificate batch: who issues, under which decision, where, who signs.

One YAML/JSON file per round (``samples/certificates/*.yaml``). It says everything that is the
same on every certificate of the batch; the results table says what changes per product.
"""
from __future__ import annotations

import re
import datetime
from datetime import date
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from ..errors import DataError, Problem, RuleViolation
from ..io.messages import choices_text, library_text
from ..io.spec import read_spec_data, validate_spec
from ..model.common import Issuer, Model, NonEmptyText, OptionalDate, Signer, Text
from ..nd30.formats import symbol_for
from ..ocop import provinces, regimes
from .issuers import issuer_key

DEFAULT_NUMBER_FORMAT = "{so:03d}/{nam}/GCN-OCOP"
NUMBER_FIELDS = {"so", "nam"}
CERTIFYING_LEVELS = ("tinh", "huyen", "trung_uong")


class Decision(Model):
    """The recognition decision the certificates carry out (number, symbol, date)."""

    number: int = Field(ge=1, description="Số của quyết định công nhận, ví dụ 1234")
    symbol: Text | None = Field(None, description="Ký hiệu, ví dụ 'QĐ-UBND'; mặc định 'QĐ-' + chữ viết tắt cơ quan")
    date: OptionalDate = Field(description="Ngày ký quyết định (chọn quy định áp dụng theo ngày này)")
    signed_by: Text | None = Field(
        None, description="Ai ký quyết định, ghi sau chữ 'của', ví dụ 'Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh'"
    )

    @field_validator("date")
    @classmethod
    def _required(cls, value: datetime.date | None) -> datetime.date:
        if value is None:
            raise ValueError("cần ngày ký quyết định (YYYY-MM-DD hoặc DD/MM/YYYY)")
        return value


class Numbering(Model):
    """How certificate numbers are printed and where a year's numbering starts."""

    format: NonEmptyText = Field(
        DEFAULT_NUMBER_FORMAT,
        description="Mẫu số giấy chứng nhận: {so} là số thứ tự (có thể '{so:03d}'), {nam} là năm cấp",
    )
    start: int = Field(1, ge=1, description="Số thứ tự đầu tiên của năm khi sổ đăng ký chưa có số nào")

    @field_validator("format")
    @classmethod
    def _format(cls, value: str) -> str:
        names = set(re.findall(r"{(\w+)(?::[^}]*)?}", value))
        if "so" not in names:
            raise ValueError("mẫu số phải có {so} (số thứ tự)")
        if names - NUMBER_FIELDS:
            raise ValueError(f"mẫu số chỉ dùng {{so}} và {{nam}}, không dùng {', '.join(sorted(names - NUMBER_FIELDS))}")
        if any(len(w) > 2 for w in re.findall(r"\d+", "".join(re.findall(r"{\w*(?::([^{}]*))?}", value)))):
            raise ValueError("mẫu số có độ rộng hoặc số chữ số quá lớn (tối đa 2 chữ số, ví dụ {so:03d})")
        try:
            value.format(so=1, nam=2025)
        except (ValueError, IndexError, KeyError) as exc:
            raise ValueError(f"mẫu số không hợp lệ: {library_text(exc, 'không dùng được để đánh số')}") from None
        return value


class CertificateIssuer(Model):
    """Everything a batch of certificates shares: issuing body, decision, place, date, signer."""

    kind: Literal["certificate-issuer"] | None = Field(None, description="Loại tệp (không bắt buộc)")
    issuer: Issuer = Field(description="Cơ quan cấp giấy chứng nhận (cấp: tinh, huyen hoặc trung_uong)")
    decision: Decision = Field(description="Quyết định công nhận kết quả đánh giá, phân hạng")
    place: NonEmptyText = Field(description="Địa danh ghi ở dòng ngày tháng, ví dụ 'Hà Tĩnh'")
    issued_on: OptionalDate = Field(None, description="Ngày cấp giấy chứng nhận; mặc định là ngày ký quyết định")
    signer: Signer = Field(description="Người ký giấy chứng nhận (TM., KT., chức vụ, họ và tên)")
    programme: NonEmptyText = Field(
        "Chương trình Mỗi xã một sản phẩm (OCOP)", description="Dòng chương trình dưới tiêu đề (năm được thêm vào)"
    )
    round: Text | None = Field(None, description="Đợt đánh giá in sau dòng chương trình, ví dụ 'đợt 2'")
    numbering: Numbering = Field(default_factory=Numbering)
    qr: bool = Field(True, description="In mã QR để kiểm tra giấy chứng nhận")
    register_key: Text | None = Field(
        None, description="Tên dùng trong sổ đăng ký số (mặc định: tên cơ quan); đổi tên cơ quan thì giữ khóa cũ ở đây"
    )
    # The issuer's level has a default ("khac") that cannot certify: the starter asks for it.
    starter_fill: ClassVar[dict[str, str]] = {"issuer.level": "với giấy chứng nhận: tinh, huyen hoặc trung_uong"}
    results_table: Text | None = Field(
        None, description="Bảng kết quả của đợt (.xlsx/.csv), đường dẫn tính từ thư mục của tệp này; dùng khi lệnh không nêu bảng"
    )

    @model_validator(mode="after")
    def _dates(self) -> "CertificateIssuer":
        if self.issued_on and self.issued_on < self.decision.date:
            raise ValueError(
                f"ngày cấp {self.issued_on:%d/%m/%Y} trước ngày ký quyết định {self.decision.date:%d/%m/%Y}"
            )
        return self

    @property
    def issue_date(self) -> date:
        """The date printed on the certificates and from which validity runs (ocop.md §8)."""
        return self.issued_on or self.decision.date

    @property
    def decision_symbol(self) -> str:
        return self.decision.symbol or symbol_for("QĐ", self.issuer.abbreviation)

    @property
    def key(self) -> str:
        """The issuing body as the register knows it: its canonical identity (``issuers``)."""
        return issuer_key(self.register_key or self.issuer.name)

    def number_text(self, seq: int, year: int) -> str:
        """The certificate number as printed: ``025/2025/GCN-OCOP`` by default."""
        return self.numbering.format.format(so=seq, nam=year)


def check_issuer(issuer: CertificateIssuer, file: str | Path | None = None) -> regimes.Regime:
    """The regime of the decision's date, after checking the issuer may recognise stars then.

    A district after 30/06/2025, a level that recognises no star under the regime in force,
    or a ministry under its old name is a mistake of the whole file (DataError), not of a row.
    """
    on = issuer.decision.date
    level = issuer.issuer.level
    problems = []
    try:
        regimes.check_level_exists(level, on)
        regime = regimes.regime_on(on)
    except RuleViolation as exc:
        raise DataError(file, Problem(str(exc), path="issuer.level", rule=exc.rule)) from None
    try:
        provinces.check_issuer_exists(issuer.issuer.name, on)
    except RuleViolation as exc:
        problems.append(Problem(str(exc), path="issuer.name", rule=exc.rule))
    if not regime.recognises.get(level):
        who = "; ".join(
            f"{regimes.LEVEL_NAMES[lv]}: {'/'.join(str(s) for s in sorted(st))} sao" for lv, st in regime.recognises.items()
        )
        problems.append(
            Problem(
                f"cấp '{level}' không có thẩm quyền công nhận sản phẩm OCOP theo {regime.name}; "
                f"chọn {choices_text(list(CERTIFYING_LEVELS))} ({who})",
                path="issuer.level", rule="OCOP-RECOGNISE",
            )
        )
    if level == "trung_uong" and hasattr(regimes, "check_ministry_name"):
        try:
            regimes.check_ministry_name(issuer.issuer.name, on)
        except RuleViolation as exc:
            problems.append(Problem(str(exc), path="issuer.name", rule=exc.rule))
    if problems:
        raise DataError(file, problems)
    return regime


def load_issuer(path: str | Path) -> CertificateIssuer:
    """The issuer file (YAML or JSON) validated, with errors naming field and line."""
    data, lines = read_spec_data(path)
    if not isinstance(data, dict):
        raise DataError(path, "nội dung tệp phải là các trường dạng 'tên: giá trị' (issuer, decision, place, signer)")
    issuer = validate_spec(data, CertificateIssuer, path, lines)
    check_issuer(issuer, path)
    return issuer


def table_of(issuer: CertificateIssuer, issuer_file: str | Path) -> Path:
    """The results table the issuer file names (``results_table``), relative to that file."""
    if not issuer.results_table:
        raise DataError(issuer_file, Problem("cần nêu bảng kết quả: trong lệnh hoặc ở trường 'results_table'", path="results_table"))
    return Path(issuer_file).parent / issuer.results_table
