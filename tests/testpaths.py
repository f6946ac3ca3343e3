"""Paths the tests share: the repository, its samples, and the shared reference material.

A module of its own (not conftest.py), because several folders have a conftest.py and
"from conftest import …" would pick whichever was imported first.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "ocop_docs" / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
