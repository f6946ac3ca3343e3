"""FINDINGS 29: a Phụ lục after the signature, which the plan draft does not hold, is said plainly."""
from __future__ import annotations

import docx
from click.testing import CliRunner
from testpaths import ROOT

from ocop_docs.cli import main

PLAN = ROOT / "tests" / "data" / "rollforward" / "th36-2025-phuluc.txt"  # plan 36/KH-UBND + a product-list annex
SAID = ("Phụ lục «DANH SÁCH SẢN PHẨM DỰ KIẾN ĐÁNH GIÁ, PHÂN HẠNG NĂM 2025» (7 dòng) của văn bản cũ không có "
        "trong bản dự thảo — hãy chép tay")


def test_the_annex_missing_from_the_draft_is_said_on_screen_and_in_the_report(tmp_path):
    report = tmp_path / "pl.md"
    done = CliRunner().invoke(main, ["rollforward", str(PLAN), "--year", "2026", "-o", str(tmp_path / "pl.yaml"),
                                     "--clean", str(tmp_path / "pl.docx"), "--report", str(report)])
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert f"Cảnh báo: {SAID}" in said
    text = report.read_text(encoding="utf-8")
    assert SAID in " ".join(text.split())
    for jargon in ("mô hình", "(extra)", "giữ riêng"):
        assert jargon not in text and jargon not in done.output
    # What is said is true: the draft has no annex.
    draft = docx.Document(str(tmp_path / "pl.docx"))
    words = "\n".join([p.text for p in draft.paragraphs] + [c.text for t in draft.tables for r in t.rows for c in r.cells])
    assert "Nem chua" not in words and "PHỤ LỤC" not in words
