"""The guard that keeps the tests inside the repository (installed by conftest.py).

A module of its own (like testpaths.py) so that tests/test_self_contained.py can test it.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from testpaths import ROOT

WORK_AREAS = tuple(area for area in {Path(p).resolve() for p in (tempfile.gettempdir(), sys.prefix, sys.base_prefix,
                                                                     sys.exec_prefix)} if area.parent != area)
"""Where tests write and run (the temp folder, pytest's tmp_path under it) and the Python
installation: never "beside the checkout", even when the checkout itself lies in /tmp."""


def beside_the_checkout(path: Path, root: Path | None = None, work_areas: tuple[Path, ...] | None = None) -> bool:
    """Whether ``path`` (absolute, resolved) lies beside the checkout ``root``: in its parent
    folder, outside ``root`` and outside the temp folder and the Python installation."""
    root = ROOT if root is None else root
    work_areas = WORK_AREAS if work_areas is None else work_areas
    return (path.is_relative_to(root.parent) and not path.is_relative_to(root)
            and not any(path.is_relative_to(area) for area in work_areas))


def _paths_in(event: str, args: tuple) -> list:
    """The file paths an audited event names: the file opened or listed, a subprocess's arguments
    that name a path ("../x", "--template=../x") and its working folder."""
    if event in ("open", "os.listdir", "os.scandir", "glob.glob"):
        return [args[0]] if args else []
    if event == "subprocess.Popen":
        _executable, argv, cwd, _env = args
        words = [argv] if isinstance(argv, (str, bytes, os.PathLike)) else list(argv or [])
        # Each word of each argument (a shell command line is one argument), "--x=PATH" as PATH.
        tokens = [t.split("=", 1)[-1] if t.startswith("-") else t
                  for w in words if isinstance(w, (str, bytes, os.PathLike)) for t in os.fsdecode(w).split()]
        base = Path(os.fsdecode(cwd)) if cwd else Path.cwd()
        return [base] + [base / t for t in tokens if os.sep in t]
    return []


def _stay_inside_the_repository(event: str, args: tuple) -> None:
    """Audit hook: a file opened or listed beside the checkout, or named to a subprocess (a tool,
    the CLI), fails the test that did it.

    A clone alone must pass its tests; a path that reaches out of the repository into its parent
    folder would pass here and fail there. Paths elsewhere (/tmp, /usr, the venv) are fine."""
    for raw in _paths_in(event, args):
        if not isinstance(raw, (str, bytes, os.PathLike)):
            continue
        try:
            path = Path(os.fsdecode(raw)).resolve()
        except (OSError, ValueError):
            continue
        if beside_the_checkout(path):
            raise PermissionError(f"tests must not read outside the repository: {path}")



_installed = False


def install_guard() -> None:
    """Install the audit hook once per process (audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_stay_inside_the_repository)
        _installed = True
