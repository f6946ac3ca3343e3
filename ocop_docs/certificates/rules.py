"""Whether a row of the results table may have a certificate, by the rules in force that day.

The regime is the one of the recognition decision's signing date (``ocop.regimes``, ocop.md §1):

* OCOP-BAND — the stars are the band of the average score (5★ 90–100, 4★ 70 to under 90,
  3★ 50 to under 70; ocop.md §2.1); a stated star that contradicts the score is an error;
* OCOP-RECOGNISE — 1★ and 2★ get no certificate, and the issuing level must be allowed to
  recognise that star on that date (QĐ 1048: tỉnh 3–4★; QĐ 148: huyện 3★, tỉnh 4★; from
  06/07/2025: tỉnh 3–4★; 5★ the ministry; ocop.md §3);
* OCOP-DATES — a product is evaluated before it is recognised.
"""
from __future__ import annotations

from ..model.product import Product
from ..ocop import regimes
from ..vi.numbers import format_number
from ..vi.text import has_words, shown
from . import layout
from .model import CertificateIssuer


def stars_for(product: Product, issuer: CertificateIssuer) -> int:
    """The stars the certificate of ``product`` carries; RuleViolation (Vietnamese) when none."""
    return regimes.recognise(issuer.issuer.level, issuer.decision.date, score=product.score, stars=product.stars,
                             evaluated_on=product.evaluated_on)


def check_texts(product: Product) -> None:
    """The texts printed in the middle block must be real words and fit the page (ValueError, Vietnamese).

    A name of only dots or invisible characters is not a product; a text too long for the
    smallest type size would be cut off the page by the block's fixed height (the next lines —
    Chủ thể, Địa chỉ — lost without a word), so it is refused with the limit.
    """
    texts = (("Tên sản phẩm", product.name, "", layout.NAME_CLASSES, True),
             ("Chủ thể", product.owner, "Chủ thể: ", layout.INFO_CLASSES, False),
             ("Địa chỉ", product.address or "", "Địa chỉ: ", layout.INFO_CLASSES, False))
    for label, text, prefix, classes, bold in texts:
        if not text and label == "Địa chỉ":
            continue
        if not has_words(text):
            raise ValueError(f"{label} '{shown(text)}' không có chữ hoặc chữ số nào (chỉ dấu chấm, khoảng trắng hoặc ký tự ẩn)")
        if not layout.fits(prefix + text, classes, bold):
            raise ValueError(
                f"{label} dài {format_number(len(text))} ký tự, không in vừa giấy chứng nhận một trang (tối đa khoảng "
                f"{format_number(layout.capacity(classes, bold) - len(prefix))} ký tự ở cỡ chữ nhỏ nhất); hãy rút gọn"
            )
    details = " – ".join(t for t in (product.group and f"Nhóm sản phẩm: {product.group}",
                                     product.code and f"Mã số sản phẩm: {product.code}") if t)
    address = f"Địa chỉ: {product.address}" if product.address else ""
    if layout.fit_block(product.name, f"Chủ thể: {product.owner}", address, details) is None:
        raise ValueError(
            "tên sản phẩm, chủ thể, địa chỉ" + (" và nhóm/mã số sản phẩm" if details else "")
            + " cộng lại quá dài, không in vừa ô nội dung của giấy chứng nhận (dòng cuối sẽ bị mất); hãy rút gọn"
        )
