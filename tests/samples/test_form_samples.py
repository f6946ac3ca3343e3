"""Every sample of samples/forms renders and passes the ND30 checker (as an OCOP form, and as the
ND30 type it is detected as, for the commune's report and letter)."""
from __future__ import annotations

import pytest

from ocop_docs.check import check_file
from ocop_docs.io import load_spec
from ocop_docs.render import render_spec

from testpaths import SAMPLES

SAMPLE_FILES = sorted((SAMPLES / "forms").glob("*.yaml"))


def test_the_samples_cover_the_issue():
    kinds = {}
    for path in SAMPLE_FILES:
        spec = load_spec(path)
        kinds.setdefault(spec.kind, []).append(spec)
    # a dossier for two products of different sets, three members' sheets for one product, the minutes
    assert {s.bo for s in kinds["mau-01"]} == {1, 4} and len(kinds["mau-02"]) == len(kinds["mau-03"]) == 2
    assert len(kinds["phieu-danh-gia"]) == 3 and len({s.member for s in kinds["phieu-danh-gia"]}) == 3
    assert len(kinds["cong-van-de-nghi"]) == 1 and len(kinds["bien-ban"]) == 1


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_renders_and_passes_the_checker(path, tmp_path):
    out = render_spec(load_spec(path), tmp_path / f"{path.stem}.docx")
    report = check_file(out, kind="form")
    assert [f for f in report.findings if f.severity == "error"] == []
    if path.stem.startswith(("mau-03", "cong-van")):
        detected = check_file(out)
        assert [f.rule_id for f in detected.findings if f.severity == "error"] == [], detected.kind
