"""Paths the tests share: the repository, its samples, and the reference material kept in it.

A module of its own (not conftest.py), because several folders have a conftest.py and
"from conftest import …" would pick whichever was imported first.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "ocop_docs" / "samples"
CORPUS = ROOT / "tests" / "data" / "corpus"
"""Real documents (plain text, and the government's Word files in docx/); see its INDEX.md."""
DOCS = ROOT / "docs"
"""The ND30 and OCOP specifications (docs/spec) and the legal text the criteria come from (docs/legal)."""
