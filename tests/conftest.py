"""Fixtures for every test: paths of the repository, rendered sample documents, and the guard
that keeps the tests inside the repository."""
from __future__ import annotations

from pathlib import Path

import pytest

from outside import install_guard
from testpaths import CORPUS, ROOT, SAMPLES  # noqa: F401  (re-exported for fixtures)


install_guard()


@pytest.fixture(scope="session")
def rendered_plans(tmp_path_factory) -> dict[str, Path]:
    """Every sample plan rendered once per test session: stem → .docx path."""
    from ocop_docs.io import load_spec
    from ocop_docs.render import render_spec

    out = tmp_path_factory.mktemp("plans")
    result = {}
    for spec_path in sorted((SAMPLES / "plans").glob("*.yaml")):
        result[spec_path.stem] = render_spec(load_spec(spec_path), out / f"{spec_path.stem}.docx")
    return result
