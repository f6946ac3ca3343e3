"""Running ``ocop-docs`` as an ordinary user: file permissions apply even when the tests run as root."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_cli_as_user(*args: str, timeout: float = 300, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``ocop-docs`` as an ordinary user runs it: file permissions apply (root's override dropped)."""
    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("setpriv is needed to run as root without the permission override")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]
    return subprocess.run([*prefix, sys.executable, "-m", "ocop_docs.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)
