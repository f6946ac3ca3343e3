"""Rendering models into .docx through docxtpl templates, sandboxed and strict."""
from __future__ import annotations

from pathlib import Path

from .. import kinds
from .docx import render_docx, render_document
from .templates import template_path


def context_for(spec) -> dict:
    """The template context of a validated spec, by its kind (``ocop_docs.kinds``)."""
    return kinds.get(spec.kind).build_context(spec)


def render_spec(spec, out: str | Path, template: str | Path | None = None) -> Path:
    """Render a validated spec into ``out`` with its kind's template (or ``template``)."""
    return render_docx(template_path(spec.kind, template), context_for(spec), out)


__all__ = ["context_for", "render_docx", "render_document", "render_spec", "template_path"]
