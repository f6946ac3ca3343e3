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
from .model import CertificateIssuer


def stars_for(product: Product, issuer: CertificateIssuer) -> int:
    """The stars the certificate of ``product`` carries; RuleViolation (Vietnamese) when none."""
    return regimes.recognise(issuer.issuer.level, issuer.decision.date, score=product.score, stars=product.stars,
                             evaluated_on=product.evaluated_on)
