"""The repository stands alone: no test, tool or benchmark reaches outside the checkout.

The runtime half of this guard is the audit hook in conftest.py (a file opened beside the
checkout fails the test that opened it); this half reads the sources, so that paths built but not
opened during a run (a tool's default, a benchmark's input) are caught too."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from testpaths import ROOT

GUARDS = {ROOT / "tests" / "conftest.py", Path(__file__).resolve()}
"""The two files of this guard name the outside of the checkout in order to refuse it."""
SOURCES = sorted(
    p
    for folder in ("tests", "tools", "benchmarks", "ocop_docs")
    for p in (ROOT / folder).rglob("*.py")
    if p.resolve() not in GUARDS
)
# Path(__file__).resolve().parents[N] / .parent.parent… — where does it land?
PARENTS_INDEX = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?\.parents\[(\d+)\]")
PARENT_CHAIN = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?((?:\.parent)+)")


def _landing(source: Path, match: re.Match) -> Path:
    if match.re is PARENTS_INDEX:
        return source.resolve().parents[int(match.group(1))]
    hops = match.group(1).count(".parent")
    return source.resolve().parents[hops - 1]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_paths_stay_inside_the_repository(source: Path):
    text = source.read_text(encoding="utf-8")
    for pattern in (PARENTS_INDEX, PARENT_CHAIN):
        for match in pattern.finditer(text):
            landing = _landing(source, match)
            assert landing.is_relative_to(ROOT), f"{source.name}: {match.group(0)} → {landing}"
    assert not re.search(r"\bROOT\.parent\b", text), f"{source.name} builds a path beside the repository"


def test_the_guard_sees_a_path_that_climbs_out(tmp_path):
    """The scan above is not vacuous: it finds a path three levels up from tests/x/y.py."""
    fake = ROOT / "tests" / "x" / "y.py"
    match = PARENTS_INDEX.search('Path(__file__).resolve().parents[3] / "reference"')
    assert not _landing(fake, match).is_relative_to(ROOT)


def test_opening_a_file_beside_the_checkout_fails():
    """The audit hook refuses, whether or not the file exists."""
    with pytest.raises(PermissionError, match="outside the repository"):
        open(ROOT.parent / "reference" / "INDEX.md", encoding="utf-8")
