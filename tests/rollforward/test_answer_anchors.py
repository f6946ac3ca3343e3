"""FINDINGS 76: an answers file is checked against the values its answers were written for.

Cell keys are positions (so-tien-1, so-tien-2…): a sentence with an amount added to the old plan
moves every later key by one. The report's answers template writes "# hiện ghi …" after each key;
a run whose cell no longer holds that value is refused before anything is written.
"""
from __future__ import annotations

import docx
from click.testing import CliRunner
from testpaths import ROOT

from ocop_docs.cli import main

DATA = ROOT / "tests" / "data" / "rollforward"
PLAN = DATA / "th36-2025.txt"  # Thanh Hóa plan 36/KH-UBND (tester's copy)
EDITED = DATA / "th36-2025-edited.txt"  # the same with "…, dự kiến 1.400 triệu đồng." added in III.3


def _template(report: str) -> str:
    """The answers template the report gives (the ```yaml block)."""
    return report.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_template_answers_land_in_their_cells_and_a_shifted_plan_is_refused(tmp_path):
    runner = CliRunner()
    first = runner.invoke(main, ["rollforward", str(PLAN), "--year", "2026", "-o", str(tmp_path / "a.yaml"),
                                 "--report", str(tmp_path / "a.md")])
    assert first.exit_code == 0, first.output
    template = _template((tmp_path / "a.md").read_text(encoding="utf-8"))
    assert "so-tien-2:   # hiện ghi 850\n" in template
    assert "so-tien-3:   # hiện ghi 4.200\n" in template
    # The officer fills two lines of the template, keeping the comments.
    answers = tmp_path / "tra-loi.yaml"
    answers.write_text(template.replace("so-tien-2:   #", "so-tien-2: 900   #")
                       .replace("so-tien-3:   #", "so-tien-3: 4.500   #"), encoding="utf-8")

    same = runner.invoke(main, ["rollforward", str(PLAN), "--year", "2026", "-o", str(tmp_path / "b.yaml"),
                                "--answers", str(answers), "--clean", str(tmp_path / "b.docx")])
    assert same.exit_code == 0, same.output
    assert "Đã điền 2 ô" in same.output
    budget = docx.Document(str(tmp_path / "b.docx")).tables[-2]
    amounts = [row.cells[2].text for row in budget.rows]
    assert "900" in amounts and "4.500" in amounts and "850" not in amounts

    shifted = runner.invoke(main, ["rollforward", str(EDITED), "--year", "2026", "-o", str(tmp_path / "c.yaml"),
                                   "--answers", str(answers), "--clean", str(tmp_path / "c.docx")])
    assert shifted.exit_code == 2
    said = " ".join(shifted.output.split())
    assert "tra-loi.yaml" in said
    assert ("so-tien-2': câu trả lời được viết cho ô ghi «850» nhưng ô này nay ghi «6.450 triệu đồng»" in said)
    assert "ô ghi «850» nay là so-tien-3" in said
    assert "so-tien-3': câu trả lời được viết cho ô ghi «4.200» nhưng ô này nay ghi «850»" in said
    assert "Traceback" not in shifted.output
    assert not (tmp_path / "c.yaml").exists() and not (tmp_path / "c.docx").exists()


def test_an_answer_without_the_comment_is_read_as_before(tmp_path):
    answers = tmp_path / "tra-loi.yaml"
    answers.write_text("so-tien-3: 4.500\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["rollforward", str(PLAN), "--year", "2026", "-o", str(tmp_path / "b.yaml"),
                                     "--answers", str(answers)])
    assert done.exit_code == 0, done.output
    assert "Đã điền 1 ô" in done.output
