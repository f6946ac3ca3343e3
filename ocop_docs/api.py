"""The Python API: the five jobs of ocop-docs as functions (``from ocop_docs import render, …``).

Each takes what a person has — a data file or an existing document — and returns the result the
command line prints; errors are the library's (``ocop_docs.errors``: DataError, TemplateError…,
each with its Vietnamese message and exit code). The command line is a thin layer over these.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel

from .certificates.batch import BatchReport, run_certificates
from .check.api import check_file
from .check.report import Report
from .convert import to_pdf
from .io.spec import load_spec
from .parse import Parsed, parse_file
from .render import render_spec
from .model.decision import GeneralDecision
from .model.plan import Plan
from .rollforward import RollResult
from .rollforward.files import load_plan, roll


def render(spec: str | Path | BaseModel, out: str | Path, *, template: str | Path | None = None,
           pdf: bool = False, pdfa: bool = False, notices: list[str] | None = None) -> list[Path]:
    """Make the document of ``spec`` (a YAML/JSON data file, or a validated model) as ``out`` (.docx).

    ``pdf``/``pdfa`` add a PDF beside it (LibreOffice). Returns the files written; ``notices``
    receives what the readers of the tables the data file names skipped (Vietnamese).
    """
    model = spec if isinstance(spec, BaseModel) else load_spec(spec, notices=notices)
    out = Path(out)
    written = [render_spec(model, out, template)]
    if pdf or pdfa:
        written += to_pdf([out], out.parent, pdfa=pdfa)
    return written


def parse(path: str | Path) -> Parsed:
    """Read a document (.docx, .pdf, .txt) back into data: ``.model`` when it can be made again."""
    return parse_file(path)


def check(path: str | Path, kind: str | None = None) -> Report:
    """The ND30 findings on a .docx (``kind`` as ``ocop-docs check --kind``; detected when None)."""
    return check_file(path, kind=kind)


def roll_forward(plan: str | Path | Plan | GeneralDecision, year: int, *, issuer: str | None = None,
                 on: date | None = None, end_year: int | None = None) -> RollResult:
    """Last year's plan or decision (a data file, a document, or a model) drafted for ``year``.

    ``result.plan`` is the draft; ``result.changes`` what was changed, ``result.reviews`` what a
    person must decide.
    """
    model = plan if isinstance(plan, (Plan, GeneralDecision)) else load_plan(plan)[0]
    return roll(model, year, issuer=issuer, on=on, end_year=end_year)


def issue_certificates(table: str | Path | None, issuer: str | Path, outdir: str | Path, *, pdf: bool = False,
                       register: str | Path | None = None, workers: int | None = None) -> BatchReport:
    """Star certificates for every good row of a results table (see ``ocop-docs certificates``)."""
    return run_certificates(table, issuer, outdir, pdf=pdf, register=register, workers=workers)


__all__ = ["check", "issue_certificates", "parse", "render", "roll_forward"]
