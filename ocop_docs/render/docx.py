"""Rendering a docxtpl template with a context into a .docx, safely and strictly."""
from __future__ import annotations

import io
import re
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, UndefinedError

from ..errors import TemplateError
from ..io.atomic import atomic_path
from .environment import make_environment
from .footnotes import apply_footnotes
from .jinja_messages import render_failure
from .layout import keep_page_numbers, keep_signature_with_text, size_rules
from .oxml import tidy_properties
from .tables import apply_tables, tidy_tables
from .templates import read_template


def _locate(template: Path, needle: str) -> tuple[str, str]:
    """Where in the template a tag mentioning ``needle`` is: ("đoạn 12", its text)."""
    document = read_template(template)[1]
    index = 0
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            index += 1
            text = "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t"))
            if needle in text and "{" in text:
                return f"đoạn {index}", text
        elif tag == "tbl":
            for r, row in enumerate(block.iter("{*}tr"), start=1):
                for c, cell in enumerate(row.iter("{*}tc"), start=1):
                    text = "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                    if needle in text and "{" in text:
                        return f"bảng, hàng {r}, ô {c}", text
    return "", ""


def _missing_name(message: str) -> str:
    for pattern in (r"has no attribute '([^']+)'", r"'([^']+)' is undefined", r"no attribute '([^']+)'"):
        if m := re.search(pattern, message):
            return m.group(1)
    return ""


def render_document(template: str | Path, context: dict):
    """The rendered python-docx Document (in memory); TemplateError on any template problem."""
    template = Path(template)
    data, document = read_template(template)
    tpl = DocxTemplate(io.BytesIO(data))
    tpl.docx = document  # already read (and checked) once
    env = make_environment()
    try:
        tpl.render(context, jinja_env=env)
    except Exception as exc:  # the template's fault (a tag, a limit, its own arithmetic), or ours: re-raised
        reason = render_failure(exc, env)
        if reason is None:
            raise
        where, nearby = "", ""
        if isinstance(exc, TemplateSyntaxError):
            # docxtpl puts each <w:p> on its own line, so the Jinja line is the paragraph's rank
            # (counting paragraphs inside tables); its context starts three lines above it.
            context_lines = list(getattr(exc, "docx_context", None) or [])
            at = (exc.lineno - 1) - max(exc.lineno - 4, 0) if exc.lineno else -1
            nearby = context_lines[at].strip()[:200] if 0 <= at < len(context_lines) else ""
            where = f"đoạn thứ {exc.lineno - 1}, kể cả các đoạn trong bảng" if exc.lineno else ""
        elif isinstance(exc, UndefinedError) and (name := _missing_name(str(exc))):
            where, nearby = _locate(template, name)
            nearby = nearby[:200]
        raise TemplateError(template, reason, where, nearby) from None
    size_rules(tpl.docx)
    keep_signature_with_text(tpl.docx)
    keep_page_numbers(tpl.docx)
    apply_footnotes(tpl.docx, context.get("footnotes") or {})
    apply_tables(tpl.docx, context.get("tables") or {})
    tidy_tables(tpl.docx)
    tidy_properties(tpl.docx)
    return tpl


def render_docx(template: str | Path, context: dict, out: str | Path) -> Path:
    """Render ``template`` with ``context`` into ``out`` (written atomically)."""
    tpl = render_document(template, context)
    with atomic_path(out) as tmp:
        tpl.save(str(tmp))
    return Path(out)
