"""Child processes that end with the process that started them, even when it is killed with SIGKILL.

A batch's pool workers and the LibreOffice processes they start must not outlive a killed
parent (an orphan worker waits forever holding ~80 MB; an orphan LibreOffice keeps converting).

* ``die_with_parent``: Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` — the kernel kills this process
  when its parent dies; called first thing in a pool worker.
* ``GroupWatch``: LibreOffice's ``soffice`` starts ``soffice.bin`` as a child of its own, which a
  death signal on ``soffice`` would not reach (and ``preexec_fn`` is unsafe in a process with
  threads). A watcher (``sh``) reads a pipe whose only writer is this process; when this process
  ends for any reason the pipe closes and the watcher kills the converter's whole process group.
"""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int | None = None) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux; elsewhere nothing)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the death signal was armed


class GroupWatch:
    """Kill process group ``pgid`` when this process ends; :meth:`close` when the group is done."""

    def __init__(self, pgid: int):
        self.proc = None
        if os.name != "posix":
            return
        try:
            self.proc = subprocess.Popen(
                ["sh", "-c", 'cat >/dev/null; kill -KILL "-$1" 2>/dev/null', "sh", str(pgid)],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.proc = None

    def close(self) -> None:
        """The group has ended normally: let the watcher go (its kill finds nothing)."""
        if self.proc is None:
            return
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
        self.proc = None
