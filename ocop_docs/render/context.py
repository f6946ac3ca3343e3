"""From a model to the flat context a template reads: every string already in ND30 form.

Templates only place text; the wording rules (numbers, dates, punctuation, labels, upper
case) are applied here, from ``nd30.formats``, so every template gets them right.
"""
from __future__ import annotations

from ..model.common import Document
from ..model.plan import AssignmentBlock, BudgetBlock, Paragraph, Plan, Section, TableBlock, TargetBlock, TaskBlock
from ..nd30 import formats
from .footnotes import marker
from .tables import marker as table_marker
from ..vi.numbers import diem_letter, format_number, roman, tien_bang_chu


def document_context(doc: Document) -> dict:
    """The header, bases, signer and recipients of any document."""
    issued_year = doc.date.year if doc.date else doc.draft_year
    return {
        "issuer_parent": doc.issuer.parent.upper() if doc.issuer.parent else "",
        "issuer_lines": doc.issuer.header_lines(),
        "so_ky_hieu": formats.so_ky_hieu(doc.number, doc.effective_symbol, doc.number_year),
        "date_line": formats.date_line(doc.place, doc.date, issued_year),
        "type_name": doc.type_info.upper_name,
        "title": doc.title,
        "bases": formats.basis_lines([(b.verb, b.text) for b in doc.legal_bases]),
        "signer_lines": doc.signer.authority_lines() if doc.signer else [],
        "signer_name": doc.signer.name if doc.signer else "",
        "recipients": formats.recipient_lines(doc.recipients, doc.archive),
    }


def automatic_label(depth: int, index: int) -> str:
    """Automatic heading numbers by depth (ND30-BODY-06): I. / 1. / a) / deeper: none."""
    if depth == 0:
        return f"{roman(index + 1)}."
    if depth == 1:
        return f"{index + 1}."
    if depth == 2:
        return f"{diem_letter(index)})"
    return ""


def _budget_lines(budget) -> list[tuple[str, str]]:
    lines = []
    single = len(budget.lines) == 1
    for line in budget.lines:
        text = f"{line.item}: {format_number(line.amount)} đồng"
        if line.source:
            text += f" ({line.source})"
        lines.append(("p" if single else "dash", text + ("." if single else ";")))
    if not single:
        lines[-1] = (lines[-1][0], lines[-1][1][:-1] + ".")
        total = f"{budget.total_label}: {format_number(budget.total)} đồng"
        if budget.in_words:
            total += f" (Bằng chữ: {tien_bang_chu(budget.total)})"
        lines.append(("p", total + "."))
    elif budget.in_words:
        text = lines[0][1][:-1] + f" (Bằng chữ: {tien_bang_chu(budget.total)})."
        lines[0] = ("p", text)
    return lines


def _with_marks(paragraph: Paragraph, notes: dict[int, str] | None) -> str:
    """The paragraph's text with the markers of its footnotes (numbered in reading order)."""
    text = paragraph.text
    if notes is None:
        return text
    for note in paragraph.footnotes:
        number = len(notes) + 1
        notes[number] = note.text
        if note.after:
            at = text.index(note.after) + len(note.after)
            text = text[:at] + marker(number) + text[at:]
        else:
            text += marker(number)
    return text


def body_items(blocks, depth: int = 0, notes: dict[int, str] | None = None, tables: dict | None = None) -> list[dict]:
    """The section tree flattened into paragraphs with a kind: h1/h2/h3/h4/runin or p.

    Footnotes met on the way are numbered into ``notes`` (when given) and marked in the text;
    tables into ``tables``, each leaving a placeholder paragraph.
    """
    items: list[dict] = []
    section_index = 0
    for block in blocks:
        if isinstance(block, Section):
            label = block.label if block.label is not None else automatic_label(depth, section_index)
            section_index += 1
            heading = block.heading.upper() if depth == 0 else block.heading
            lead = f"{label} {heading}".strip()
            content = block.content
            if block.run_in and content and isinstance(content[0], Paragraph) and content[0].style == "body":
                # The heading opens its first paragraph, in bold: "5. Phòng Tài chính: chịu trách nhiệm…".
                items.append({"kind": "runin", "lead": lead, "text": " " + _with_marks(content[0], notes)})
                content = content[1:]
            else:
                items.append({"kind": f"h{min(depth + 1, 4)}", "text": lead})
            items.extend(body_items(content, depth + 1, notes, tables))
        elif isinstance(block, Paragraph):
            text = _styled(_with_marks(block, notes), block.style)
            if block.numbered:
                # A khoản without a title (ND30-BODY-06): numbered with the sibling sections, roman.
                text = f"{automatic_label(depth, section_index)} {text}".strip()
                section_index += 1
            items.append({"kind": "p", "text": text})
        elif isinstance(block, TargetBlock):
            items.append({"kind": "p", "text": _styled(block.target.text, block.target.style)})
        elif isinstance(block, TaskBlock):
            items.extend({"kind": "p", "text": line} for line in block.task.lines())
        elif isinstance(block, BudgetBlock) and block.budget.as_table and tables is not None:
            items.append(_table_item(block.budget.table(), tables))
        elif isinstance(block, BudgetBlock):
            items.extend({"kind": "p", "text": _styled(text, style)} for style, text in _budget_lines(block.budget))
        elif isinstance(block, (TableBlock, AssignmentBlock)) and tables is not None:
            items.append(_table_item(block.table if isinstance(block, TableBlock) else block.table(), tables))
    return items


def _table_item(table, tables: dict) -> dict:
    """A placeholder paragraph for ``table``, numbered into ``tables`` (render/tables.py fills it)."""
    number = len(tables) + 1
    tables[number] = table
    return {"kind": "p", "text": table_marker(number)}


def _styled(text: str, style: str) -> str:
    return {"dash": "- ", "plus": "+ "}.get(style, "") + text


def plan_body(plan: Plan, tables: dict | None = None) -> tuple[list[dict], dict[int, str]]:
    """A plan's content as printed — sections, closing, "./." — and its numbered footnotes."""
    notes: dict[int, str] = {}
    body = body_items(plan.body, notes=notes, tables=tables if tables is not None else {})
    if plan.closing:
        body.append({"kind": "p", "text": plan.closing})
    # ND30-BODY-07: the content ends with "./.".
    last = body[-1]
    body[-1] = dict(last, text=formats.with_end_mark(last["text"]))
    return body, notes


def plan_context(plan: Plan) -> dict:
    """Everything the plan template prints (ND30-TPL-KH-01)."""
    context = document_context(plan)
    tables: dict = {}
    body, notes = plan_body(plan, tables)
    context.update({"preamble": list(plan.preamble), "body": body, "footnotes": notes, "tables": tables})
    return context
