"""Output files of a batch: written whole or not at all, and not rewritten when unchanged.

Every file is written under a temporary name that carries the writing process's id
(``.<name>.<pid>.tmp``, or inside a ``.ocop-tmp-<pid>`` folder) and renamed into place, so a
run killed at any moment leaves complete files and temporaries; the next run removes the
temporaries of processes that no longer exist (never those of a run still going on).

Files are not fsync'ed one by one (that would cost ~0.5 ms a file, a third of the time of a
certificate): a kill cannot truncate a renamed file; after a power cut, the register (SQLite,
synchronous=FULL) still holds every number, and the next run compares every file with what it
should contain and rewrites the ones that differ.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

_TEMP_FILE = re.compile(r"^\..+\.(\d+)\.tmp$")
_TEMP_DIR = re.compile(r"^\.ocop-tmp-(\d+)$")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path) -> str | None:
    """SHA-256 of a file, or None when it does not exist."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except FileNotFoundError:
        return None
    return h.hexdigest()


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def write_if_changed(target: str | Path, data: bytes, sha: str | None = None) -> tuple[str, bool]:
    """Write ``data`` to ``target`` atomically unless the file already holds exactly it.

    Returns (SHA-256 of data, whether the file was written).
    """
    target = Path(target)
    sha = sha or sha256_bytes(data)
    try:
        if target.stat().st_size == len(data) and sha256_file(target) == sha:
            return sha, False
    except FileNotFoundError:
        pass
    tmp = temp_name(target)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return sha, True


def replace_if_changed(source: Path, target: Path) -> tuple[str, bool]:
    """Move ``source`` onto ``target`` unless ``target`` already has the same bytes."""
    sha = sha256_file(source)
    if sha256_file(target) == sha:
        source.unlink(missing_ok=True)
        return sha, False
    os.replace(source, target)
    return sha, True


def private_dir(parent: Path) -> Path:
    """A scratch folder of this process inside ``parent`` (same file system: renames are atomic)."""
    path = parent / f".ocop-tmp-{os.getpid()}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _writer_alive(pid: int, path: Path) -> bool:
    """Whether process ``pid``, named in the temporary ``path``, may still be writing it.

    Not when it is gone, nor when it is a zombie: a killed worker stays one until init reaps it
    (1–2 s in a container, longer under load), and it will never write again. Nor when the process
    started after the file was last written: its id was reused by another process.
    """
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    except OSError:
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        with open("/proc/stat", "rb") as fh:
            boot = next(int(line.split()[1]) for line in fh if line.startswith(b"btime "))
    except (OSError, IndexError, StopIteration, ValueError):
        return True  # no /proc (not Linux): the id is all there is
    if fields[0] in (b"Z", b"X"):
        return False
    started = boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    try:
        written = path.stat().st_mtime
    except OSError:
        return False
    return started <= written + 1  # btime has whole seconds


def clean_stale(folder: Path) -> int:
    """Remove temporaries left by killed runs in ``folder`` and its sub-folders; returns how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in [folder] + [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")]:
        for item in path.iterdir():
            m = _TEMP_FILE.match(item.name) if item.is_file() else _TEMP_DIR.match(item.name)
            if m and not _writer_alive(int(m.group(1)), item):
                if item.is_dir():
                    shutil.rmtree(item, ignore_errors=True)
                else:
                    item.unlink(missing_ok=True)
                removed += 1
    return removed
