"""The Python API the README shows: its example runs as written and does what it says."""
from __future__ import annotations

import os

from docx import Document as WordDocument

import ocop_docs
from ocop_docs.errors import DataError
from testpaths import ROOT, SAMPLES


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Dùng từ Python", 1)[1]
    return section.split("```python", 1)[1].split("```", 1)[0]


def test_readme_python_example_runs(tmp_path, capsys):
    (tmp_path / "ocop_docs").mkdir()
    (tmp_path / "ocop_docs" / "samples").symlink_to(SAMPLES)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        namespace: dict = {}
        exec(compile(readme_example(), "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out.splitlines()
    report, doc, draft, batch = (namespace[k] for k in ("report", "doc", "draft", "batch"))
    assert report.errors == 0 and out[0].startswith("0 lỗi,")
    assert doc.model is not None and doc.model.title.startswith("Triển khai thực hiện Chương trình")
    assert draft.plan.year == 2025 and draft.changes
    text = "\n".join(p.text for p in WordDocument(str(tmp_path / "ket-qua" / "ben-cau-2025.docx")).paragraphs)
    assert "năm 2025" in text
    final = namespace["final"]
    filled = "\n".join(p.text for p in WordDocument(str(tmp_path / "ket-qua" / "ben-cau-2025-da-dien.docx")).paragraphs)
    assert "20.000.000 đồng" in filled and "14.000.000" not in filled
    # "Số lượng: 01 lớp, khoảng 60 người tham dự" is two targets (chi-tieu-3, chi-tieu-4); the district's
    # tasks due in 2025 run past 30/06/2025, when districts end (thoi-han-*).
    assert [d.key for d in final.open] == ["so", "ngay", "chi-tieu-1", "chi-tieu-2", "chi-tieu-3", "chi-tieu-4",
                                           "thoi-han-1", "thoi-han-2", "thoi-han-3", "thoi-han-4", "chi-tieu-5",
                                           "nguoi-ky-chuc-vu"]
    assert len(batch.results) > 20 and batch.rejects and (tmp_path / batch.manifest).exists()


def test_api_names_are_the_functions_and_errors_are_the_library_s(tmp_path):
    assert all(callable(getattr(ocop_docs, n)) for n in ("render", "parse", "check", "roll_forward", "issue_certificates"))
    bad = tmp_path / "x.yaml"
    bad.write_text("kind: ke-hoach\n", encoding="utf-8")
    try:
        ocop_docs.render(bad, tmp_path / "x.docx")
    except DataError as exc:
        assert exc.exit_code == 2 and "place" in str(exc)
    else:
        raise AssertionError("an incomplete spec must be refused")
    assert not (tmp_path / "x.docx").exists()


def test_roll_forward_takes_a_decision_as_the_command_does():
    """A decision's data file rolls forward through the API as through `ocop-docs rollforward`."""
    result = ocop_docs.roll_forward(SAMPLES / "decisions" / "kien-giang-2020-phe-duyet-de-an.yaml", 2021)
    assert type(result.plan).__name__ == "GeneralDecision"
    assert result.plan.year == 2021
    assert result.plan.number is None  # the number is left for the clerk
