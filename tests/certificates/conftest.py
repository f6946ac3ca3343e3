"""Fixtures of the certificate tests: one batch of the sample round with PDFs."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # gcn_helpers, shared by this folder's tests

from gcn_helpers import SAMPLE_ISSUER, SAMPLE_TABLE, run_cli  # noqa: E402


@pytest.fixture(scope="session")
def sample_batch(tmp_path_factory):
    """The sample round (34 good rows, 9 bad) produced once with PDFs, through the CLI."""
    out = tmp_path_factory.mktemp("sample-batch")
    result = run_cli("certificates", str(SAMPLE_TABLE), "--issuer", str(SAMPLE_ISSUER), "-o", str(out / "gcn"),
                     "--register", str(out / "register.sqlite"), "--pdf", "--jobs", "2")
    return out, result
