"""Which rows of a results table may have a certificate: the products with their stars, and the
rejects with their Vietnamese reasons (the first step of a batch, and the template checker's
sample certificates)."""
from __future__ import annotations

from pathlib import Path

from ..errors import RuleViolation
from ..io.tables import FIELD_NAMES_VI, read_products
from ..model.product import Product
from . import reports
from .model import CertificateIssuer
from .rules import check_texts, stars_for


def _reject(row: int | None, reason: str, values: dict) -> reports.RejectLine:
    def value(field_name: str) -> str:
        v = values.get(FIELD_NAMES_VI[field_name], values.get(field_name))
        return "" if v is None else str(v)

    return reports.RejectLine(row, reason, value("name"), value("owner"), value("score"), value("stars"))


CERTIFICATE_FIELDS = ("stt", "name", "owner", "address", "group", "score", "stars", "evaluated_on", "code")
"""The columns of a results table a certificate prints or checks; any other (Hình thức, Ghi chú) is named as not used."""


def plan_jobs(table_path: Path, issuer: CertificateIssuer,
              notices: list[str] | None = None) -> tuple[list[tuple[Product, int]], list[reports.RejectLine]]:
    """The products of the table that may have a certificate, with their stars, and the rejects.

    What the table reader skipped (group, total and signature rows, hidden rows, unused columns)
    is added to ``notices``, and a line for names that differ only by diacritics (two products,
    as written; the clerk is asked whether they are one).
    """
    table = read_products(table_path, used=CERTIFICATE_FIELDS)
    if notices is not None:
        notices.extend(table.notices)
    rejects = [_reject(r.row, r.reason, r.values) for r in table.rejects]
    good = []
    for product in table.products:
        try:
            check_texts(product)
            good.append((product, stars_for(product, issuer)))
        except (RuleViolation, ValueError) as exc:
            # The clerk finds the row by what was typed ("4 sao", 69,99), not by the values read from it.
            as_typed = table.typed.get(product.row or 0) or {"name": product.name, "owner": product.owner,
                                                              "score": product.score, "stars": product.stars}
            rejects.append(_reject(product.row, str(exc), as_typed))
    rejects.sort(key=lambda r: r.row or 0)
    if notices is not None:
        alike: dict[str, list] = {}
        for product, _ in good:
            alike.setdefault(product.similar_key, []).append(product)
        for group in alike.values():
            if len(group) > 1:
                shown = ", ".join(f"dòng {p.row} '{p.name}'" for p in group)
                notices.append(f"Tên chỉ khác nhau ở dấu ({shown}), cùng chủ thể '{group[0].owner}': "
                                "được coi là các sản phẩm khác nhau, mỗi sản phẩm một số; nếu là một sản phẩm, hãy sửa bảng.")
    return good, rejects
