"""Jobs of the web pages: a folder per user and per job, run in a bounded pool, cleaned after a time.

Every piece of work a page starts (a check, a trial run, a batch of certificates, a document with
its previews) is a :class:`Job`: it gets its own folder ``<jobs>/<user>/<id>/``, runs in a thread
pool of ``pool_size`` workers (one big batch cannot block the server: pages are answered by the
event loop, and at most ``pool_size`` jobs convert at once), and reports progress the page polls.
Jobs older than the time limit are forgotten and their folders removed.
"""
from __future__ import annotations

import logging
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OcopError

log = logging.getLogger("ocop_docs.web")

WAITING, RUNNING, DONE, FAILED = "cho", "dang-chay", "xong", "loi"
_ID_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass
class Job:
    """One piece of work of one user. ``result`` is what the result page shows; ``files`` maps a
    download key to (path, Vietnamese file name) — the only files a user can download."""

    id: str
    owner: str
    kind: str
    title: str
    folder: Path
    created: float = field(default_factory=time.time)
    state: str = WAITING
    phase: str = ""
    done: int = 0
    total: int = 0
    result: dict[str, Any] = field(default_factory=dict)
    files: dict[str, tuple[Path, str]] = field(default_factory=dict)
    error: str = ""

    def progress(self, phase: str, done: int, total: int) -> None:
        self.phase, self.done, self.total = phase, done, total

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.state in (DONE, FAILED)

    def add_file(self, key: str, path: Path, name: str) -> None:
        self.files[key] = (Path(path), name)


class JobPool:
    """The jobs of a server: created per user, run at most ``size`` at a time, expired after ``ttl``."""

    def __init__(self, root: Path, size: int, ttl: float):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.ttl = ttl
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=max(1, size), thread_name_prefix="ocop-web")
        self._clean_leftovers()

    def create(self, owner: str, kind: str, title: str) -> Job:
        self.expire()
        job_id = secrets.token_urlsafe(18)
        folder = self.root / owner / job_id
        folder.mkdir(parents=True, mode=0o700)
        job = Job(job_id, owner, kind, title, folder)
        with self._lock:
            self._jobs[job_id] = job
        return job

    def discard(self, job: Job) -> None:
        """A job that never started (its form was refused): forgotten, its folder removed."""
        with self._lock:
            self._jobs.pop(job.id, None)
        shutil.rmtree(job.folder, ignore_errors=True)

    def get(self, job_id: str, owner: str) -> Job | None:
        """The job, only for its owner (another user's job is as absent as an unknown one)."""
        if not _ID_RE.match(job_id):
            return None
        with self._lock:
            job = self._jobs.get(job_id)
        return job if job is not None and job.owner == owner else None

    def of(self, owner: str) -> list[Job]:
        with self._lock:
            jobs = [j for j in self._jobs.values() if j.owner == owner]
        return sorted(jobs, key=lambda j: j.created, reverse=True)

    def submit(self, job: Job, work: Callable[[Job], None]) -> None:
        """Run ``work(job)`` in the pool; a library error becomes the job's Vietnamese message."""

        def run() -> None:
            job.state = RUNNING
            try:
                work(job)
            except OcopError as exc:
                job.error = scrub(str(exc), job.folder)
                job.state = FAILED
                return
            except Exception:  # a bug must not take the server down nor show a traceback
                log.exception("job %s (%s) failed", job.id, job.kind)
                job.error = ("Lỗi phần mềm khi xử lý: việc này không hoàn thành. Vui lòng báo cho cán bộ "
                             "công nghệ thông tin (chi tiết đã ghi ở nhật ký của máy chủ).")
                job.state = FAILED
                return
            job.state = DONE

        self._pool.submit(run)

    def expire(self) -> None:
        limit = time.time() - self.ttl
        with self._lock:
            old = [j for j in self._jobs.values() if j.created < limit and j.finished]
            for j in old:
                del self._jobs[j.id]
        for j in old:
            shutil.rmtree(j.folder, ignore_errors=True)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _clean_leftovers(self) -> None:
        """Folders of a previous run of the server: their jobs are gone with it."""
        for child in self.root.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)


def scrub(message: str, folder: Path) -> str:
    """A message without the server's paths: a file is named by its name only."""
    for prefix in {str(folder) + "/", str(folder.resolve()) + "/"}:
        message = message.replace(prefix + "vao/", "").replace(prefix + "ra/", "").replace(prefix, "")
    return message
