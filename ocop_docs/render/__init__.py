"""Rendering models into .docx through docxtpl templates, sandboxed and strict."""
from __future__ import annotations

from pathlib import Path

from .context import plan_context
from .docx import render_docx, render_document
from .templates import template_path

from .decision_context import council_context, general_decision_context, plan_decision_context, recognition_context  # noqa: E402

CONTEXTS = {
    "plan": plan_context,
    "plan_decision": plan_decision_context,
    "council_decision": council_context,
    "recognition_decision": recognition_context,
    "decision": general_decision_context,
}

from . import forms_context as _forms  # noqa: E402

CONTEXTS.update({
    "phieu-danh-gia": _forms.score_sheet_spec_context,
    "mau-01": _forms.registration_context,
    "mau-02": _forms.self_assessment_context,
    "mau-03": _forms.commune_report_context,
    "cong-van-de-nghi": _forms.proposal_letter_context,
    "bien-ban": _forms.council_minutes_context,
})


def context_for(spec) -> dict:
    """The template context of a validated spec, by its kind."""
    return CONTEXTS[spec.kind](spec)


def render_spec(spec, out: str | Path, template: str | Path | None = None) -> Path:
    """Render a validated spec into ``out`` with its kind's template (or ``template``)."""
    return render_docx(template_path(spec.kind, template), context_for(spec), out)


__all__ = ["context_for", "render_docx", "render_document", "render_spec", "template_path"]
