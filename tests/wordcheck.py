"""What an Office Open XML validator (openxml-audit) finds in a .docx that Word would repair.

A module of its own (like testpaths.py) so every test folder can validate what it renders.

One validator per file: openxml-audit 0.8 caches cross-part lookups (the ids of comments.xml…)
under ``id(package)``, and Python reuses the id of a freed package for the next one, so a validator
used for several files answers from another file's parts — it reported the comment anchors of a
valid roll-forward draft as dangling, and could as well pass dangling ones.
"""
from __future__ import annotations

from pathlib import Path


def word_findings(path: str | Path) -> list[str]:
    """Every finding of the validator (errors, Word app-compat rules, warnings): none is allowed."""
    from openxml_audit import OpenXmlValidator

    return [str(e) for e in OpenXmlValidator(max_errors=0).validate(Path(path)).errors]


def findings_of(paths) -> dict[str, list[str]]:
    """{file name: findings} for the files that have any."""
    found = {str(p): word_findings(p) for p in paths}
    return {name: f for name, f in found.items() if f}
