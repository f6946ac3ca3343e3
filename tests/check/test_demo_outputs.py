"""Every .docx the demo writes passes the ND30 checker with the kind detected, as the project's
before-stop hook runs it (``ocop-docs check FILE`` without --kind): plans, decisions (the
Quảng Nam decision with its plan included), forms (blank ones too), the công văn, the biên bản
and the star certificates. The demo runs once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from ocop_docs.check import check_file
from testpaths import SAMPLES


@pytest.fixture(scope="module")
def demo_docx(tmp_path_factory) -> list[Path]:
    from ocop_docs.demo import run_demo

    out = tmp_path_factory.mktemp("demo")
    written = run_demo(SAMPLES, out, pdf=False, progress=lambda _message: None)
    return sorted(p for p in written if p.suffix == ".docx")


@pytest.fixture(scope="module")
def reports(demo_docx):
    return {p: check_file(p) for p in demo_docx}


def test_demo_writes_every_kind(reports):
    kinds = {r.kind for r in reports.values()}
    assert {"plan", "decision", "form", "report", "letter", "minutes", "certificate"} <= kinds, kinds
    names = {p.name for p in reports}
    assert "quang-nam-2020.docx" in names and any(n.endswith("-trang.docx") for n in names)


def test_every_demo_document_has_no_error_as_detected(reports):
    errors = {
        str(p.name): [(f.rule_id, f.location, f.found) for f in r.findings if f.severity == "error"]
        for p, r in reports.items()
    }
    assert {name: e for name, e in errors.items() if e} == {}


def test_demo_decision_with_its_plan_is_checked_as_two_parts(reports):
    report = next(r for p, r in reports.items() if p.name == "quang-nam-2020.docx")
    assert report.kind == "decision" and len(report.parts) == 2 and "kèm theo" in report.parts[1]
