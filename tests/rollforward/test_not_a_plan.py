"""FINDINGS 65: a Báo cáo picked by mistake is refused, not drafted as a plan with invented results."""
from __future__ import annotations

from click.testing import CliRunner
from testpaths import ROOT

from ocop_docs.cli import main

REPORT = ROOT / "tests" / "data" / "rollforward" / "bao-cao-2025.txt"  # Báo cáo 312/BC-UBND, xã Vạn Ninh


def test_a_report_is_refused_naming_its_type_and_nothing_is_written(tmp_path):
    out = tmp_path / "bc.yaml"
    done = CliRunner().invoke(main, ["rollforward", str(REPORT), "--year", "2026", "-o", str(out),
                                     "--clean", str(tmp_path / "bc.docx"), "--report", str(tmp_path / "bc.md")])
    assert done.exit_code == 2
    said = " ".join(done.output.split())
    assert "bao-cao-2025.txt" in said
    assert "đây là Báo cáo số 312 «Kết quả thực hiện Chương trình OCOP năm 2025" in said
    assert "không phải Kế hoạch" in said and "hãy chọn tệp kế hoạch năm trước" in said
    assert "Traceback" not in done.output
    assert list(tmp_path.iterdir()) == []


def test_the_same_report_as_a_data_file_is_refused(tmp_path):
    parsed = tmp_path / "bc-doc.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["parse", str(REPORT), "-o", str(parsed)]).exit_code == 0
    done = runner.invoke(main, ["rollforward", str(parsed), "--year", "2026", "-o", str(tmp_path / "bc.yaml")])
    assert done.exit_code == 2
    assert "đây là Báo cáo" in done.output
    assert not (tmp_path / "bc.yaml").exists()
