"""The register of certificate numbers: unique per issuer and year, stable on re-runs, safe under concurrency."""
from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import date

import pytest

from ocop_docs.certificates.register import Register, RegisterError, Request, compare_payload, open_register
from ocop_docs.vi.text import fold

D = date(2026, 10, 28)


def requests(names: list[str]) -> list[Request]:
    return [Request(f"{fold(n, lower=True)}|htx {fold(n, lower=True)}", n, f"HTX {n}", "", None, 3, "60.00", i)
            for i, n in enumerate(names, 1)]


def assign(reg: Register, names: list[str], *, issuer: str = "uy ban nhan dan tinh ha tinh", year: int = 2026,
           decision: str = "2698/QĐ-UBND", start: int = 1):
    return reg.assign(
        issuer_key=issuer, issuer_name="Ủy ban nhân dân tỉnh Hà Tĩnh", year=year, decision=decision, decision_date=D,
        issued_on=D, valid_until=date(2029, 10, 28), number_text=lambda s, y: f"{s:03d}/{y}/GCN-OCOP", start=start,
        requests=requests(names),
    )


def test_numbers_follow_on_and_rerun_keeps_them(tmp_path):
    with open_register(tmp_path / "r.sqlite") as reg:
        first = assign(reg, ["A", "B", "C"])
        assert [a.number for a in first] == ["001/2026/GCN-OCOP", "002/2026/GCN-OCOP", "003/2026/GCN-OCOP"]
        assert all(a.new for a in first)
        again = assign(reg, ["C", "D", "A"])
        assert [(a.seq, a.new) for a in again] == [(3, False), (4, True), (1, False)]


def test_numbering_is_per_issuer_and_year_and_may_start_later(tmp_path):
    with open_register(tmp_path / "r.sqlite") as reg:
        assert [a.seq for a in assign(reg, ["A"], start=120)] == [120]
        assert [a.seq for a in assign(reg, ["B"], start=1)] == [121]  # never below what was issued
        assert [a.seq for a in assign(reg, ["A"], year=2027)] == [1]
        assert [a.seq for a in assign(reg, ["A"], issuer="uy ban nhan dan tinh lam dong")] == [1]


def test_same_product_under_another_decision_is_a_conflict(tmp_path):
    with open_register(tmp_path / "r.sqlite") as reg:
        assign(reg, ["A"])
        [a] = assign(reg, ["A"], decision="3001/QĐ-UBND")
        assert a.number is None and a.conflict is not None and a.conflict.number == "001/2026/GCN-OCOP"


def test_constraints_are_in_the_database(tmp_path):
    """UNIQUE(issuer, year, seq) and UNIQUE(issuer, year, product_key) hold even for a writer bypassing assign()."""
    path = tmp_path / "r.sqlite"
    with open_register(path) as reg:
        assign(reg, ["A", "B"])
    db = sqlite3.connect(path)
    row = db.execute("SELECT * FROM certificates WHERE seq = 1").fetchone()
    columns = [d[0] for d in db.execute("SELECT * FROM certificates").description]
    values = dict(zip(columns, row))
    values.pop("id")
    for change in ({"product_key": "other"}, {"seq": 9}):
        duplicate = dict(values, **change)
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(f"INSERT INTO certificates ({', '.join(duplicate)}) VALUES ({', '.join('?' * len(duplicate))})",
                       list(duplicate.values()))
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _worker(path: str, prefix: str, rounds: int, queue, barrier) -> None:
    reg = Register(path)
    barrier.wait()  # all start together, so their transactions really contend
    got = []
    for r in range(rounds):
        got += [(a.seq, a.request.product) for a in assign(reg, [f"{prefix}{r}-{i}" for i in range(5)])]
    reg.close()
    queue.put(got)


def test_concurrent_processes_never_share_a_number(tmp_path):
    path = str(tmp_path / "r.sqlite")
    Register(path).close()
    ctx = multiprocessing.get_context("fork")
    queue, barrier = ctx.Queue(), ctx.Barrier(3)
    procs = [ctx.Process(target=_worker, args=(path, p, 30, queue, barrier)) for p in "XYZ"]
    for p in procs:
        p.start()
    results = [queue.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    seqs = [seq for got in results for seq, _ in got]
    assert len(seqs) == 3 * 30 * 5
    assert sorted(seqs) == list(range(1, len(seqs) + 1))  # unique and without gaps


def test_not_a_register_file(tmp_path):
    bad = tmp_path / "r.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RegisterError, match="Không mở được sổ đăng ký"):
        Register(bad)
    with pytest.raises(RegisterError, match="Không tìm thấy sổ đăng ký"):
        open_register(tmp_path / "missing.sqlite", create=False)


def test_find_by_number_text_or_name(tmp_path):
    with open_register(tmp_path / "r.sqlite") as reg:
        assign(reg, ["Mật ong", "Bưởi"])
        assert [e.product for e in reg.find("002/2026/GCN-OCOP")] == ["Bưởi"]
        assert [e.product for e in reg.find("mat ong")] == ["Mật ong"]
        assert [e.seq for e in reg.find("2")] == [2]
        reg.record_files("uy ban nhan dan tinh ha tinh", 2026, [(2, "docx/b.docx", "x", None, None, True)])
        [entry] = reg.find("Bưởi")
    fields = {"product": "Bưởi", "stars": 3, "issued": D, "valid_until": date(2029, 10, 28),
              "issuer": "Ủy ban nhân dân tỉnh Hà Tĩnh"}
    assert compare_payload(fields, entry) == []
    assert "hạng sao" in compare_payload(dict(fields, stars=4), entry)[0]
