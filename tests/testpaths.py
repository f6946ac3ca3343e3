"""Paths the tests share: the repository, its samples, and the reference material kept in it.

A module of its own (not conftest.py), because several folders have a conftest.py and
"from conftest import …" would pick whichever was imported first.
"""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "ocop_docs" / "samples"
CORPUS = ROOT / "tests" / "data" / "corpus"
"""Real documents (plain text, and the government's Word files in docx/); see its INDEX.md."""
DOCS = ROOT / "docs"
"""The ND30 and OCOP specifications (docs/spec) and the legal text the criteria come from (docs/legal)."""


def parse_accuracy_tool():
    """tools/parse_accuracy.py as a module: the corpus tests compare fields with its normalisation."""
    spec = importlib.util.spec_from_file_location("parse_accuracy", ROOT / "tools" / "parse_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
