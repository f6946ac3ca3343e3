"""Temporaries of killed runs: the next run removes them, and never those of a process still writing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ocop_docs.certificates.files import clean_stale

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process states are read from /proc")


def _state(pid: int) -> str:
    with open(f"/proc/{pid}/stat", "rb") as fh:
        return fh.read().rsplit(b")", 1)[1].split()[0].decode()


def _sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])


def _temp(folder: Path, pid: int, name: str = "2026-001-cam.docx") -> Path:
    path = folder / f".{name}.{pid}.tmp"
    path.write_bytes(b"PK\x03\x04 half a certificate")
    return path


def test_a_killed_worker_not_yet_reaped_is_not_alive(tmp_path):
    """A worker killed mid-write is a zombie until init reaps it (1-2 s, longer under load); a run
    started at once must still remove its half-written file, and keep the file of a live writer."""
    killed, live = _sleeper(), _sleeper()
    try:
        stale, kept = _temp(tmp_path, killed.pid), _temp(tmp_path, live.pid, "2026-002-buoi.docx")
        os.kill(killed.pid, signal.SIGKILL)  # not waited for: it stays a zombie, as after kill -9 of the batch
        deadline = time.monotonic() + 30
        while _state(killed.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _state(killed.pid) == "Z"
        assert clean_stale(tmp_path) == 1
        assert not stale.exists() and kept.exists()
    finally:
        for proc in (killed, live):
            proc.kill()
            proc.wait()


def test_a_process_id_reused_by_a_later_process_does_not_keep_a_file(tmp_path):
    """The id in the name belongs now to a process started after the file was written: not its writer."""
    later = _sleeper()
    try:
        old = _temp(tmp_path, later.pid)
        hour_ago = time.time() - 3600
        os.utime(old, (hour_ago, hour_ago))
        (tmp_path / "docx").mkdir()
        fresh = _temp(tmp_path / "docx", later.pid)  # written while it runs: its own, kept
        assert clean_stale(tmp_path) == 1
        assert not old.exists() and fresh.exists()
    finally:
        later.kill()
        later.wait()
