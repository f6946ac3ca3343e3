"""The server under load and failure: a bounded pool, concurrent numbering, no traceback to a user."""
from __future__ import annotations

import csv
import io
import threading
import time

from starlette.testclient import TestClient
from testpaths import SAMPLES
from web_helpers import ROUND_FORM, csrf_of, text_of, wait_job


def test_jobs_beyond_the_pool_wait_their_turn(make_app, rendered_plans, monkeypatch):
    from ocop_docs.web import library

    release = threading.Event()
    check = library.check_document

    def slow_check(path):
        release.wait(60)
        return check(path)

    monkeypatch.setattr(library, "check_document", slow_check)
    with TestClient(make_app(pool_size=1)) as client:
        data = rendered_plans["ben-cau-2024"].read_bytes()
        jobs = [client.post("/kiem-tra", data={"csrf": csrf_of(client)}, files={"tep": ("kh.docx", data)},
                            follow_redirects=False).headers["location"] for _ in range(2)]
        time.sleep(0.3)
        try:
            assert "Đang chờ đến lượt…" in text_of(client.get(jobs[1]).text)  # the second waits…
            started = time.perf_counter()
            assert client.get("/").status_code == 200  # …and pages still answer at once
            assert time.perf_counter() - started < 1
        finally:
            release.set()
        for job in jobs:
            assert "Kế hoạch: không có lỗi thể thức nào." in text_of(wait_job(client, job))


def test_two_real_runs_at_once_never_share_a_number(client):
    """Two officers of one body issue from two tables at the same time: every number is unique."""
    text = (SAMPLES / "certificates" / "ha-tinh-2026-ket-qua-dot-2.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, body = rows[:2], [r for r in rows[2:] if r and r[0].isdigit()][:16]
    tables = []
    for half in (body[:8], body[8:]):
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(header + half)
        tables.append(out.getvalue().encode("utf-8-sig"))
    trials = []
    for n, table in enumerate(tables):
        r = client.post("/giay-chung-nhan/chay-thu", data={"csrf": csrf_of(client, "/giay-chung-nhan"), **ROUND_FORM},
                        files={"bang": (f"bang-{n}.csv", table)}, follow_redirects=False)
        trials.append(r.headers["location"])
        wait_job(client, trials[-1])
    runs = [client.post(f"{t}/cap-that", data={"csrf": csrf_of(client, t)}, follow_redirects=False).headers["location"]
            for t in trials]  # both submitted before either ends: they run side by side in the pool
    numbers = []
    for run in runs:
        page = text_of(wait_job(client, run, timeout=300))
        numbers += [w for w in page.split() if w.endswith("/2026/GCN-OCOP")]
    assert len(numbers) >= 12
    assert len(numbers) == len(set(numbers))


def test_an_unexpected_error_shows_a_vietnamese_page_not_a_traceback(make_app, monkeypatch):
    from ocop_docs.web import library

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(library, "register_entries", broken)
    with TestClient(make_app(), raise_server_exceptions=False) as client:
        r = client.get("/so-dang-ky")
    assert r.status_code == 500
    assert "Lỗi phần mềm" in r.text
    assert "secret internal detail" not in r.text and "Traceback" not in r.text
