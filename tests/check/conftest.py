"""Fixtures of the checker tests: correct ND30 documents built once, saved per test."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The suite runs with --import-mode=importlib: make builders.py importable by the test modules.
# Appended, not prepended: "import conftest" elsewhere must keep finding tests/conftest.py.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.append(str(Path(__file__).resolve().parent))

import builders  # noqa: E402


@pytest.fixture
def plan():
    return builders.build_plan()


@pytest.fixture
def decision():
    return builders.build_decision()


@pytest.fixture
def check(tmp_path):
    """check(doc, kind=None) → Report, through a real file."""
    from ocop_docs.check import check_file

    counter = {"n": 0}

    def run(doc, kind=None):
        counter["n"] += 1
        path = builders.save(doc, tmp_path / f"doc{counter['n']}.docx")
        return check_file(path, kind=kind)

    return run
