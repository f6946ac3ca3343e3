"""The folders shipped inside the package: the Word templates and the sample data the demo renders.

Both are package data, so an installed wheel renders and runs ``ocop-docs demo`` outside the checkout.
"""
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE / "templates"
SAMPLES_DIR = PACKAGE / "samples"
