"""Fixtures for every test: paths of the repository, rendered sample documents, and the guard
that keeps the tests inside the repository."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from testpaths import CORPUS, ROOT, SAMPLES  # noqa: F401  (re-exported for fixtures)


def _stay_inside_the_repository(event: str, args: tuple) -> None:
    """Audit hook: a file opened beside the checkout fails the test that opened it.

    A clone alone must pass its tests; a path that reaches out of the repository into its parent
    folder would pass here and fail there. Paths elsewhere (/tmp, /usr, the venv) are fine."""
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    try:
        path = Path(os.fsdecode(args[0])).resolve()
    except (OSError, ValueError):
        return
    if path.is_relative_to(ROOT.parent) and not path.is_relative_to(ROOT):
        raise PermissionError(f"tests must not read outside the repository: {path}")


sys.addaudithook(_stay_inside_the_repository)


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
