"""The docx-layer tests use the raw-XML helpers here and the document builders of tests/check
(the suite runs with --import-mode=importlib, so their folders are put on sys.path here)."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent / "check"):
    if str(folder) not in sys.path:
        sys.path.append(str(folder))  # appended: "import conftest" must keep finding tests/conftest.py
