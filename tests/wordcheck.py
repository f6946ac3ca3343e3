"""What an Office Open XML validator (openxml-audit) finds in a .docx that Word would repair.

A module of its own (like testpaths.py) so every test folder can validate what it renders.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _validator():
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(max_errors=0)


def word_findings(path: str | Path) -> list[str]:
    """Every finding of the validator (errors, Word app-compat rules, warnings): none is allowed."""
    return [str(e) for e in _validator().validate(Path(path)).errors]


def findings_of(paths) -> dict[str, list[str]]:
    """{file name: findings} for the files that have any."""
    found = {str(p): word_findings(p) for p in paths}
    return {name: f for name, f in found.items() if f}
