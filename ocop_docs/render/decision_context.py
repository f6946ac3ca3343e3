"""From a decision model to the flat context its template reads (ND30 Mẫu 1.2/1.3).

Every string is already in ND30 form here: the THẨM QUYỀN line, the căn cứ punctuation, the
"Điều n." labels, "./." at the end of the content, "- Như Điều n;" first in Nơi nhận, and the
"(Kèm theo Quyết định số … ngày … của …)" line of attached documents and lists. Templates
only place the text.
"""
from __future__ import annotations

import re

from ..model.decision import CouncilDecision, Decision, GeneralDecision, PlanDecision, RecognitionDecision
from ..nd30 import formats
from ..model.table import TableBlock
from ..vi.numbers import format_number, roman
from .context import document_context, plan_body
from .tables import marker as table_marker


def article_items(decision: Decision) -> list[dict]:
    """The articles as paragraphs: "article" (bold "Điều n." + text), "article_title" (whole line
    bold, "Điều 2. Nhiệm vụ, quyền hạn") and "p" (khoản, điểm, list lines) — ND30-BODY-05."""
    items: list[dict] = []
    for numbered in decision.articles():
        article = numbered.article
        items += article_head(f"Điều {numbered.number}.", article.title, article.text)
        items.extend({"kind": "p", "text": text} for text in article.content)
    return with_end_mark(items)


def article_head(label: str, title: str | None, text: str | None) -> list[dict]:
    """"Điều n." with its bold title (and its text after it), or with its text on the same line."""
    if title:
        return [{"kind": "article_title", "label": label, "text": f" {title}"}] + ([{"kind": "p", "text": text}] if text else [])
    return [{"kind": "article", "label": label, "text": f" {text}" if text else ""}]


def with_end_mark(items: list[dict]) -> list[dict]:
    """ND30-BODY-07: the content ends with "./."."""
    if items:
        items[-1] = dict(items[-1], text=formats.with_end_mark(items[-1]["text"]))
    return items


def decision_context(decision: Decision) -> dict:
    """What every decision template prints: header, thẩm quyền, căn cứ, articles, signer, Nơi nhận."""
    context = document_context(decision)
    context.update(
        {
            "title": decision.trich_yeu(),
            "bases": formats.basis_lines([(b.verb, b.text) for b in decision.effective_bases()]),
            "authority_line": decision.authority_line(),
            "articles": article_items(decision),
            # ND30-TPL-QD-03: "- Như Điều n;" computed from the executors' article.
            "recipients": formats.recipient_lines(decision.recipient_items(), decision.archive),
            "footnotes": {},
        }
    )
    return context


def _member_rows(groups: list[tuple[str | None, list]]) -> list[dict]:
    rows: list[dict] = []
    for g, (heading, members) in enumerate(groups):
        if heading:
            rows.append({"kind": "group", "stt": roman(g + 1), "text": heading})
        for i, member in enumerate(members, 1):
            who = f"{member.honorific} {member.name}" if member.honorific else member.name
            rows.append({"kind": "row", "stt": str(i), "name": who, "post": member.post(), "role": member.role})
    return rows


def council_context(decision: CouncilDecision) -> dict:
    """The council decision: articles with the members inline, or the attached members list."""
    context = decision_context(decision)
    team = decision.team
    groups: list[tuple[str | None, list]] = [(decision.name if team else None, decision.members)]
    if team:
        groups.append((team.full_name, team.members))
    subtitle = f"THÀNH VIÊN {decision.name.upper()}"
    if team:
        subtitle += f" VÀ {team.full_name.upper()}"
    context.update(
        {
            "members_attached": decision.members_layout == "attached",
            "list_title": subtitle,
            "attach_line": decision.attachment_line(),
            "role_header": "Chức danh trong Hội đồng, Tổ" if team else "Chức danh trong Hội đồng",
            "member_rows": _member_rows(groups),
        }
    )
    return context


def recognition_context(decision: RecognitionDecision) -> dict:
    """The recognition decision and its attached list of products (ocop.md §9.4)."""
    context = decision_context(decision)
    counts = decision.star_counts()
    grouped = len(counts) > 1
    rows: list[dict] = []
    number = 0
    current = None
    group_index = 0
    any_form = any(p.form for p in decision.products)
    for product in decision.products:
        if grouped and product.stars != current:
            current = product.stars
            group_index += 1
            rows.append({"kind": "group", "stt": roman(group_index), "text": f"Sản phẩm đạt hạng {current} sao"})
        number += 1
        last = " ".join(x for x in ((product.form or "").capitalize(), product.note or "") if x)
        rows.append(
            {
                "kind": "row",
                "stt": str(number),
                "name": product.name,
                "code": f"Mã số: {product.code}" if product.code else "",
                "owner": product.owner,
                "address": product.address,
                "group": product.group or "",
                "score": format_number(product.score, 2) if product.score is not None else "",
                "stars": f"{product.stars} sao",
                "last": last,
            }
        )
    context.update(
        {
            "list_title": decision.list_title or decision.default_list_title(),
            "attach_line": decision.attachment_line(),
            "last_header": "Hình thức" if any_form else "Ghi chú",
            "product_rows": rows,
        }
    )
    return context


def plan_decision_context(decision: PlanDecision) -> dict:
    """The decision (Mẫu 1.3) and, after it, the attached plan without Số and date (ND30-TPL-ATT-01)."""
    context = decision_context(decision)
    plan = decision.plan
    tables: dict = {}
    body, notes = plan_body(plan, tables)
    context.update(
        {
            "plan_type_name": plan.type_info.upper_name,
            "plan_title": plan.title,
            "attach_line": decision.attachment_line(),
            "plan_bases": formats.basis_lines([(b.verb, b.text) for b in plan.legal_bases]),
            "plan_preamble": list(plan.preamble),
            "plan_body": body,
            "footnotes": notes,
            "tables": tables,
        }
    )
    return context


_ATTACHED_LABEL_RE = re.compile(r"^(PHỤ LỤC|Phụ lục)\b")
_ATTACHED_LINE_RE = re.compile(r"^\((Ban hành )?[Kk]èm theo\b")
_NUMBERED_RE = re.compile(r"^([IVXLC]+|\d+)[.)]\s")  # "I. THỰC TRẠNG": a section of the part, not its title


def attached_items(texts: list, tables: dict) -> list[dict]:
    """An attached part as printed read back: its head laid out as ND30 lays out an appendix
    (ND30-APPX-02/03) — the "Phụ lục" label, the title lines in capitals, the "(Kèm theo …)" line —
    and the rest as body paragraphs. The head ends with the "(Kèm theo …)" line, or at the first
    line that is none of those. A table block leaves a placeholder paragraph, its table numbered
    into ``tables`` (render/tables.py puts the Word table there)."""
    items: list[dict] = []
    head = True
    for text in texts:
        if isinstance(text, TableBlock):
            number = len(tables) + 1
            tables[number] = text.table
            items.append({"style": "p", "text": table_marker(number)})
            head = False
            continue
        style = "p"
        if head:
            if _ATTACHED_LABEL_RE.match(text):
                style = "label"
            elif _ATTACHED_LINE_RE.match(text):
                style = "kem_theo"
            elif text == text.upper() and any(ch.isalpha() for ch in text) and not _NUMBERED_RE.match(text):
                style = "title"
            head = style not in ("p", "kem_theo")
        items.append({"style": style, "text": text})
    return items


def general_decision_context(decision: GeneralDecision) -> dict:
    """Any other decision as printed: "Điều n." with its title or text, then its khoản, điểm and
    list lines each a paragraph (ND30-BODY-05); the parts attached after the signature."""
    items: list[dict] = []
    for n, article in enumerate(decision.articles, 1):
        items += article_head(f"Điều {n}.", article.title, article.text)
        for clause in article.clauses:
            if clause.label or clause.text:
                items.append({"kind": "p", "text": " ".join(x for x in (clause.label, clause.text) if x)})
            items.extend({"kind": "p", "text": t} for t in clause.content)
            for point in clause.points:
                items.append({"kind": "p", "text": " ".join(x for x in (point.label, point.text) if x)})
                items.extend({"kind": "p", "text": t} for t in point.content)
    items = with_end_mark(items)
    context = document_context(decision)
    tables: dict = {}
    context.update(
        {
            "title": decision.title or "",
            "bases": formats.basis_lines([(b.verb, b.text) for b in decision.effective_bases()]),
            "preamble": list(decision.preamble),
            "authority_line": decision.authority_line(),
            "articles": items,
            "attached": attached_items(decision.attached, tables),
            "tables": tables,
            "footnotes": {},
        }
    )
    return context
