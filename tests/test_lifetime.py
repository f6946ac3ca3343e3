"""Children end with their parent even when it is killed with SIGKILL (ocop_docs.lifetime)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from testpaths import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux")

PARENT = """
import subprocess, sys, time
from ocop_docs.lifetime import GroupWatch, die_with_parent
if sys.argv[1] == "group":
    child = subprocess.Popen(["sleep", "60"], start_new_session=True)  # like soffice: a session of its own
    GroupWatch(child.pid)
else:
    child = subprocess.Popen([sys.executable, "-c", "import os, time; from ocop_docs.lifetime import die_with_parent; "
                              f"die_with_parent({__import__('os').getpid()}); time.sleep(60)"])
print(child.pid, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("how", ["group", "death-signal"])
def test_child_dies_when_the_parent_is_killed(how):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, how], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)))
    child = int(parent.stdout.readline())
    time.sleep(0.5)  # the child has armed its death signal
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert not _alive(child)
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)
