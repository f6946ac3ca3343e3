"""One certificate: the checked job, and the flat context its template reads.

A job is everything that changes from one certificate to the next (number, product, stars,
dates); the issuer file holds the rest. Wording rules are applied here, once, so the template
only places text: ND30 date line and signer lines (ND30-DATE-02, SIGN-01), the decision's
number/symbol (ND30-SO-03), the stars drawn as ★, the validity sentence (ocop.md §8), and the
size class of each long text (``layout``) so the certificate stays on one page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..nd30 import formats
from ..ocop import regimes
from ..vi.dates import short_date
from ..vi.numbers import format_number
from ..vi.text import fold
from . import layout
from .model import CertificateIssuer
from .qr import qr_payload

STAR = "★"


@dataclass(frozen=True)
class CertificateJob:
    """One certificate to produce: its register number and what is printed on it."""

    seq: int  # running number in the register (issuer, year)
    year: int
    number: str  # as printed, e.g. "025/2025/GCN-OCOP"
    row: int | None  # row of the results table (for reports)
    product_key: str
    name: str
    owner: str
    address: str
    group: str | None
    code: str | None
    score: Decimal | None
    stars: int
    issued: date
    valid_until: date

    @property
    def stem(self) -> str:
        """The file name (without extension): year, number, product, e.g. ``2025-025-mam-tom-chua``."""
        return f"{self.year}-{self.seq:03d}-{slug(self.name)}"


def slug(text: str, limit: int = 48) -> str:
    """ASCII file-name form of a Vietnamese text: "Mắm tôm chua Huế" → "mam-tom-chua-hue"."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(text, lower=True)).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0] or s[:limit]
    return s or "san-pham"


def validity_end(issued: date) -> date:
    """The last day a certificate is valid: 36 months from issue (ocop.md §8, regimes.validity_end).

    Bộ luật Dân sự 2015 Điều 147–148: the day of issue is not counted and a period in months
    ends at the end of the same-numbered day of its last month, so 15/12/2025 → 15/12/2028
    inclusive ("đến hết ngày").
    """
    return regimes.validity_end(issued)


def qr_text(job: CertificateJob, issuer: CertificateIssuer) -> str:
    """The QR payload of a certificate (format documented in ``qr``)."""
    return qr_payload(job.number, job.name, job.stars, job.issued, job.valid_until, issuer.issuer.name)


def certificate_context(job: CertificateJob, issuer: CertificateIssuer) -> dict:
    """The context of the certificate template for one job (``qr`` is set by the renderer)."""
    iss = issuer.issuer
    decision = issuer.decision
    decision_line = (
        f"Quyết định công nhận số {formats.so_number(decision.number)}/{issuer.decision_symbol} "
        f"ngày {short_date(decision.date)}"
    )
    if decision.signed_by:
        decision_line += f" của {decision.signed_by}"
    programme = f"{issuer.programme} năm {job.issued.year}"
    if issuer.round:
        programme += f" ({issuer.round})"
    details = []
    if job.group:
        details.append(f"Nhóm sản phẩm: {job.group}")
    if job.code:
        details.append(f"Mã số sản phẩm: {job.code}")
    address = f"Địa chỉ: {job.address}" if job.address else ""
    fitted = layout.fit_block(job.name, f"Chủ thể: {job.owner}", address, " – ".join(details))
    if fitted is None:  # refused when the table is read (rules.check_texts); the smallest sizes, never cut
        fitted = (layout.NAME_CLASSES[-1], layout.INFO_CLASSES[-1], layout.INFO_CLASSES[-1])
    name_fit, owner_fit = fitted[:2]
    address_fit = fitted[2] if address else None
    return {
        "issuer_parent": iss.parent.upper() if iss.parent else "",
        "issuer_lines": iss.header_lines(),
        "number": job.number,
        "programme_line": programme,
        "product_name": job.name,
        "name_fit": name_fit.key,
        "owner": job.owner,
        "owner_fit": owner_fit.key,
        "address": job.address,
        "address_fit": address_fit.key if address_fit else "",
        "details_line": " – ".join(details),
        "stars": job.stars,
        "stars_symbols": " ".join(STAR * job.stars),
        "score": format_number(job.score, 2) if job.score is not None else "",
        "decision_line": decision_line,
        "validity_line": (
            f"Giấy chứng nhận có giá trị 36 tháng kể từ ngày cấp, đến hết ngày {short_date(job.valid_until)}."
        ),
        "qr_note": "Quét mã QR để đối chiếu với sổ đăng ký giấy chứng nhận." if issuer.qr else "",
        "date_line": formats.date_line(issuer.place, job.issued),
        "signer_lines": issuer.signer.authority_lines(),
        "signer_name": issuer.signer.name,
        "qr": "",  # the picture, when the batch prints QR codes, is set by the renderer
    }
