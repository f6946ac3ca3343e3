"""FINDINGS 33: a Quyết định ban hành Kế hoạch is not drafted as a bare plan in silence."""
from __future__ import annotations

import yaml
from click.testing import CliRunner
from testpaths import ROOT

from ocop_docs.cli import main

DECISION = ROOT / "tests" / "data" / "rollforward" / "kh-qd-2025.txt"  # QĐ 1102/QĐ-UBND + the plan attached


def test_a_decision_issuing_a_plan_is_refused_and_names_what_would_be_lost(tmp_path):
    out = tmp_path / "kh.yaml"
    done = CliRunner().invoke(main, ["rollforward", str(DECISION), "--year", "2026", "-o", str(out),
                                     "--clean", str(tmp_path / "kh.docx")])
    assert done.exit_code == 2
    said = " ".join(done.output.split())
    assert "kh-qd-2025.txt" in said
    assert "Văn bản cũ là Quyết định số 1102 «Về việc ban hành Kế hoạch thực hiện Chương trình" in said
    assert "Quyết định ban hành (căn cứ, các Điều, nơi nhận, chữ ký) không có trong bản dự thảo" in said
    assert "--chi-ke-hoach" in said and "Traceback" not in done.output
    assert list(tmp_path.iterdir()) == []


def test_asked_for_the_plan_only_it_is_drafted_with_the_warning(tmp_path):
    out, report = tmp_path / "kh.yaml", tmp_path / "kh.md"
    done = CliRunner().invoke(main, ["rollforward", str(DECISION), "--year", "2026", "-o", str(out),
                                     "--report", str(report), "--chi-ke-hoach"])
    assert done.exit_code == 0, done.output
    warning = "Cảnh báo: Văn bản cũ là Quyết định số 1102"
    assert warning in " ".join(done.output.split())
    assert "Quyết định ban hành (căn cứ, các Điều, nơi nhận, chữ ký) không có trong bản dự thảo" in report.read_text(encoding="utf-8")
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["kind"] == "ke-hoach"
