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


def _open_new(path: str, barrier, queue) -> None:
    barrier.wait()  # both open the same new file at the same instant
    try:
        open_register(path).close()
        queue.put("ok")
    except RegisterError as exc:
        queue.put(str(exc))


def test_two_runs_creating_one_register_at_once_both_open_it(tmp_path):
    # Switching a new file to WAL needs an exclusive lock; SQLite refuses the loser at once
    # ("database is locked") without waiting, which once failed a batch in CI.
    ctx = multiprocessing.get_context("fork")
    answers = []
    for i in range(40):
        path = str(tmp_path / f"r{i}.sqlite")
        queue, barrier = ctx.Queue(), ctx.Barrier(2)
        procs = [ctx.Process(target=_open_new, args=(path, barrier, queue)) for _ in range(2)]
        for p in procs:
            p.start()
        answers += [queue.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
    assert answers == ["ok"] * 80


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


# --------------------------------------------------------------------------- issue 13: a register an office can trust

HT = "uy ban nhan dan@T42"


def request(name: str, owner: str = "HTX Sơn Kim", row: int = 1) -> Request:
    from ocop_docs.model.product import product_key

    return Request(product_key(name, owner), name, owner, "", None, 3, "60.00", row)


def take(reg: Register, reqs: list[Request], *, name: str = "Ủy ban nhân dân tỉnh Hà Tĩnh", decision: str = "2698/QĐ-UBND",
         reissue: str | None = None):
    from ocop_docs.certificates.issuers import issuer_key

    return reg.assign(
        issuer_key=issuer_key(name), issuer_name=name, year=2026, decision=decision, decision_date=D, issued_on=D,
        valid_until=date(2029, 10, 28), number_text=lambda s, y: f"{s:03d}/{y}/GCN-OCOP", start=1, requests=reqs,
        reissue_reason=reissue,
    )


def test_names_differing_by_one_mark_are_two_products(tmp_path):
    """Case 1: "Gạo tám thơm" and "Gạo tấm thơm" of one chủ thể, two batches, one decision: two numbers, both kept."""
    with open_register(tmp_path / "r.sqlite") as reg:
        [first] = take(reg, [request("Gạo tám thơm")])
        [second] = take(reg, [request("Gạo tấm thơm")])
        assert (first.number, second.number) == ("001/2026/GCN-OCOP", "002/2026/GCN-OCOP")
        assert [e.product for e in second.similar] == ["Gạo tám thơm"]  # "did you mean" only
        assert sorted(e.product for e in reg.entries()) == ["Gạo tám thơm", "Gạo tấm thơm"]
        [again] = take(reg, [request("Gạo  tám thơm")])  # whitespace is not identity
        assert again.number == "001/2026/GCN-OCOP" and not again.new


def test_two_spellings_of_one_body_share_one_numbering(tmp_path):
    """Case 2: "UBND tỉnh Hà Tĩnh" continues the numbers of "Ủy ban nhân dân tỉnh Hà Tĩnh", with a notice."""
    with open_register(tmp_path / "r.sqlite") as reg:
        take(reg, [request("A"), request("B")])
        assert reg.notices == []
        [c] = take(reg, [request("C")], name="UBND tỉnh Hà Tĩnh")
        assert c.number == "003/2026/GCN-OCOP"
        [notice] = reg.notices
        assert "UBND tỉnh Hà Tĩnh" in notice and "cùng một cơ quan" in notice
        [other] = take(reg, [request("A")], name="Ủy ban nhân dân tỉnh Lâm Đồng")
        assert other.number == "001/2026/GCN-OCOP"  # another province numbers on its own


V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY, issuer TEXT NOT NULL, issuer_name TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL,
    number TEXT NOT NULL, product_key TEXT NOT NULL, product TEXT NOT NULL, owner TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '', product_code TEXT, stars INTEGER NOT NULL, score TEXT, decision TEXT NOT NULL,
    decision_date TEXT NOT NULL, issued_on TEXT NOT NULL, valid_until TEXT NOT NULL, source TEXT, source_row INTEGER,
    docx_file TEXT, docx_sha256 TEXT, pdf_file TEXT, pdf_sha256 TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (issuer, year, seq), UNIQUE (issuer, year, product_key));
INSERT INTO meta VALUES ('schema', '1');
"""


def v1_register(path, rows: list[tuple[str, int, str]]):
    """A register as ocop-docs schema 1 wrote it: (issuer name, seq, product) rows, folded keys."""
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    for name, seq, product in rows:
        db.execute(
            "INSERT INTO certificates (issuer, issuer_name, year, seq, number, product_key, product, owner, stars,"
            " decision, decision_date, issued_on, valid_until, created_at, updated_at)"
            " VALUES (?, ?, 2026, ?, ?, ?, ?, 'HTX Sơn Kim', 3, '2698/QĐ-UBND', '2026-10-28', '2026-10-28', '2029-10-28',"
            " '2026-10-28T00:00:00+00:00', '2026-10-28T00:00:00+00:00')",
            (" ".join(fold(name, lower=True).split()), name, seq, f"{seq:03d}/2026/GCN-OCOP",
             f"{fold(product, lower=True)}|htx son kim", product))
    db.commit()
    db.close()


def test_schema_1_register_is_converted_and_keeps_every_number(tmp_path):
    path = tmp_path / "r.sqlite"
    v1_register(path, [("Ủy ban nhân dân tỉnh Hà Tĩnh", 1, "Mật ong"), ("Ủy ban nhân dân tỉnh Hà Tĩnh", 2, "Bưởi")])
    before = path.read_bytes()
    with open_register(path, readonly=True) as reg:  # a look-up (or a trial run) reads the old file as it is
        assert [(e.number, e.status) for e in reg.entries()] == [("001/2026/GCN-OCOP", "issued"), ("002/2026/GCN-OCOP", "issued")]
        [plan] = reg.plan(issuer_key=HT, year=2026, decision="2698/QĐ-UBND", decision_date=D, start=1,
                          number_text=lambda s, y: f"{s:03d}/{y}/GCN-OCOP", requests=[request("Cam"), request("Bưởi")])[:1]
        assert plan.number == "003/2026/GCN-OCOP"
    assert path.read_bytes() == before
    with open_register(path) as reg:
        assert [(e.issuer, e.product_key) for e in reg.entries()] == [(HT, "mật ong|htx sơn kim"), (HT, "bưởi|htx sơn kim")]
        assert [h["action"] for h in reg.history()] == ["chuyen-doi"]
        [c] = take(reg, [request("Cam")], name="UBND tỉnh Hà Tĩnh")
        assert c.number == "003/2026/GCN-OCOP"
        assert reg.problems() == []


def test_schema_1_register_with_two_spellings_that_both_numbered_is_flagged(tmp_path):
    """The bug of case 2 already happened: both spellings gave 001. Converted, kept, and reported."""
    path = tmp_path / "r.sqlite"
    v1_register(path, [("Ủy ban nhân dân tỉnh Hà Tĩnh", 1, "Mật ong"), ("UBND tỉnh Hà Tĩnh", 1, "Bưởi")])
    with open_register(path) as reg:
        assert len(reg.entries()) == 2
        problems = reg.problems()
        assert any("số 001/2026/GCN-OCOP" in p and "2 lần" in p for p in problems), problems
        with pytest.raises(RegisterError, match="không nhất quán"):
            take(reg, [request("Cam")])
        [dup] = [e for e in reg.entries() if e.product == "Bưởi"]
        reg.void(dup.number, "trùng số do hai cách viết tên cơ quan", row_id=dup.id)
        assert reg.problems() == []
        [again] = take(reg, [request("Bưởi")], name="UBND tỉnh Hà Tĩnh")
        assert again.number == "002/2026/GCN-OCOP" and again.replaces.id == dup.id


def test_void_keeps_the_number_and_never_reuses_it(tmp_path):
    with open_register(tmp_path / "r.sqlite") as reg:
        take(reg, [request("A"), request("B")])
        with pytest.raises(RegisterError, match="lý do"):
            reg.void("002/2026/GCN-OCOP", "  ")
        voided = reg.void("002/2026/GCN-OCOP", "chủ thể xin thôi")
        assert voided.status == "void" and voided.void_reason == "chủ thể xin thôi"
        with pytest.raises(RegisterError, match="đã bị hủy"):
            reg.void("002/2026/GCN-OCOP", "lần nữa")
        [c] = take(reg, [request("C")])
        assert c.number == "003/2026/GCN-OCOP"  # 002 is never given again
        [b] = take(reg, [request("B")])
        assert b.number == "004/2026/GCN-OCOP" and b.replaces.number == "002/2026/GCN-OCOP"
        actions = [h["action"] for h in reg.history()]
        assert actions == ["giu-so", "giu-so", "huy", "giu-so", "cap-lai"]


def test_reissue_under_a_corrected_decision_voids_and_links(tmp_path):
    with open_register(tmp_path / "r.sqlite") as reg:
        take(reg, [request("A"), request("B")], decision="2689/QĐ-UBND")
        conflicts = take(reg, [request("A"), request("B")])
        assert all(a.conflict is not None and a.number is None for a in conflicts)
        again = take(reg, [request("A"), request("B")], reissue="số quyết định ghi nhầm 2689")
        assert [(a.number, a.replaces.number) for a in again] == [("003/2026/GCN-OCOP", "001/2026/GCN-OCOP"),
                                                                  ("004/2026/GCN-OCOP", "002/2026/GCN-OCOP")]
        by_number = {e.number: e for e in reg.entries()}
        assert by_number["001/2026/GCN-OCOP"].status == "void"
        assert by_number["001/2026/GCN-OCOP"].void_reason == "số quyết định ghi nhầm 2689"
        assert by_number["003/2026/GCN-OCOP"].decision == "2698/QĐ-UBND"
        assert reg.replaced_by(by_number["001/2026/GCN-OCOP"]).number == "003/2026/GCN-OCOP"


def test_renew_replaces_a_number_under_the_same_decision_in_one_transaction(tmp_path):
    """A certificate lost or damaged: the product gets a new number naming the old one, the old one is void."""
    from ocop_docs.certificates.issuers import issuer_key

    with open_register(tmp_path / "r.sqlite") as reg:
        take(reg, [request("A"), request("B")])
        kept = take(reg, [request("A")], reissue="mất giấy")  # without renew: same decision keeps its number
        assert kept[0].number == "001/2026/GCN-OCOP" and not kept[0].new
        key = request("A").product_key
        with pytest.raises(RegisterError, match="cần lý do"):
            reg.assign(issuer_key=issuer_key("Ủy ban nhân dân tỉnh Hà Tĩnh"), issuer_name="Ủy ban nhân dân tỉnh Hà Tĩnh",
                       year=2026, decision="2698/QĐ-UBND", decision_date=D, issued_on=D, valid_until=date(2029, 10, 28),
                       number_text=lambda s, y: f"{s:03d}/{y}/GCN-OCOP", start=1, requests=[request("A")],
                       renew=frozenset({key}))
        [a] = reg.assign(issuer_key=issuer_key("UBND tỉnh Hà Tĩnh"), issuer_name="Ủy ban nhân dân tỉnh Hà Tĩnh", year=2026,
                         decision="2698/QĐ-UBND", decision_date=D, issued_on=D, valid_until=date(2029, 10, 28),
                         number_text=lambda s, y: f"{s:03d}/{y}/GCN-OCOP", start=1, requests=[request("A")],
                         reissue_reason="Chủ thể báo mất giấy", renew=frozenset({key}))
        assert a.new and a.number == "003/2026/GCN-OCOP" and a.replaces.number == "001/2026/GCN-OCOP"
        old = next(e for e in reg.entries() if e.number == "001/2026/GCN-OCOP")
        assert old.status == "void" and old.void_reason == "Chủ thể báo mất giấy"
        assert reg.replaced_by(old).number == "003/2026/GCN-OCOP"
        # reserved by the first run, taken up by the second (still reserved: "tiep-tuc"), then voided
        assert [h["action"] for h in reg.history_of(old)] == ["giu-so", "tiep-tuc", "huy"]
        new = next(e for e in reg.entries() if e.number == "003/2026/GCN-OCOP")
        assert [(h["action"], h["reason"]) for h in reg.history_of(new)] == [("cap-lai", "Chủ thể báo mất giấy")]


def test_export_of_one_body_holds_none_of_another(tmp_path):
    from openpyxl import load_workbook

    from ocop_docs.certificates.register_xlsx import export_register

    with open_register(tmp_path / "r.sqlite") as reg:
        take(reg, [request("A"), request("B")])
        take(reg, [request("C")], name="Ủy ban nhân dân tỉnh Quảng Trị")
        reg.void("001/2026/GCN-OCOP", "thử", issuer=None, row_id=next(e.id for e in reg.entries()
                                                                      if e.issuer_name.endswith("Quảng Trị")))
        count = export_register(reg, tmp_path / "ht.xlsx", issuer="UBND tỉnh Hà Tĩnh")  # any spelling of the body
        assert count == 2
        assert export_register(reg, tmp_path / "tat-ca.xlsx") == 3
    book = load_workbook(tmp_path / "ht.xlsx")
    rows = [r for r in book["Sổ đăng ký"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert [(r[0], r[2], r[5]) for r in rows] == [("001/2026/GCN-OCOP", "Ủy ban nhân dân tỉnh Hà Tĩnh", "A"),
                                                  ("002/2026/GCN-OCOP", "Ủy ban nhân dân tỉnh Hà Tĩnh", "B")]
    cells = [str(c) for sheet in book.worksheets for r in sheet.iter_rows(values_only=True) for c in r if c is not None]
    assert not [c for c in cells if "Quảng Trị" in c or c == "C" or c == "thử"]
    assert len(list(book["Lịch sử"].iter_rows(min_row=2))) == 2  # Hà Tĩnh's two reservations, not Quảng Trị's void


def test_reserved_numbers_are_released_from_the_top_only(tmp_path):
    """Case 4: a failed run gives back the numbers it reserved without files, unless a later number was taken."""
    with open_register(tmp_path / "r.sqlite") as reg:
        take(reg, [request("A"), request("B")])
        assert {e.status for e in reg.entries()} == {"reserved"}
        done = reg.release(HT, 2026, [1, 2], "thử")
        assert done.released == ["002/2026/GCN-OCOP", "001/2026/GCN-OCOP"] and reg.entries() == []
        take(reg, [request("A")])
        take(reg, [request("B")])  # another run took 002 after A's 001
        done = reg.release(HT, 2026, [1], "thử")
        assert done.released == [] and done.kept == ["001/2026/GCN-OCOP"]
        reg.record_files(HT, 2026, [(1, "docx/a.docx", "x", None, None, True)])
        assert [e.status for e in reg.entries()] == ["issued", "reserved"]


def test_a_failed_run_does_not_give_back_numbers_another_run_has_taken_up(tmp_path):
    """Two runs of one table at once: B finds A's reservations and writes their files; A then fails.
    A's numbers must stay B's: given back, they would be given to other products while B prints them."""
    with open_register(tmp_path / "r.sqlite") as run_a, open_register(tmp_path / "r.sqlite") as run_b:
        first = take(run_a, [request("A"), request("B")])
        assert [a.number for a in first] == ["001/2026/GCN-OCOP", "002/2026/GCN-OCOP"]
        second = take(run_b, [request("A"), request("B")])
        assert [(a.number, a.new) for a in second] == [("001/2026/GCN-OCOP", False), ("002/2026/GCN-OCOP", False)]
        done = run_a.release(HT, 2026, [1, 2], "lần chạy bị lỗi")
        assert done.released == [] and done.kept == ["001/2026/GCN-OCOP", "002/2026/GCN-OCOP"]
        assert [a.number for a in take(run_a, [request("C")])] == ["003/2026/GCN-OCOP"]  # never 001 again
        run_b.record_files(HT, 2026, [(1, "docx/a.docx", "x", None, None, True), (2, "docx/b.docx", "y", None, None, True)])
        assert [(e.number, e.product, e.status) for e in run_b.entries()][:2] == [
            ("001/2026/GCN-OCOP", "A", "issued"), ("002/2026/GCN-OCOP", "B", "issued")]
        assert [h["action"] for h in run_b.history()].count("tiep-tuc") == 2


def test_number_duplicated_by_hand_stops_batches(tmp_path):
    """Case 17: an UPDATE by hand makes two rows print one number: flagged, and no new number is given."""
    path = tmp_path / "r.sqlite"
    with open_register(path) as reg:
        take(reg, [request("A"), request("B")])
    db = sqlite3.connect(path)
    db.execute("UPDATE certificates SET number = '001/2026/GCN-OCOP' WHERE seq = 2")
    db.commit()
    db.close()
    with open_register(path) as reg:
        [problem] = reg.problems()
        assert "001/2026/GCN-OCOP" in problem and "2 lần" in problem
        with pytest.raises(RegisterError, match="không nhất quán") as info:
            take(reg, [request("C")])
        assert "register huy" in str(info.value)
        assert len(reg.entries()) == 2


def test_lookups_never_write(tmp_path):
    """Case 14: a 0-byte file stays 0 bytes; an old file is not converted by a look-up."""
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(RegisterError, match="tệp rỗng"):
        open_register(empty, readonly=True)
    assert empty.stat().st_size == 0
    path = tmp_path / "r.sqlite"
    with open_register(path) as reg:
        take(reg, [request("A")])
    before = path.read_bytes()
    with open_register(path, readonly=True) as reg:
        assert len(reg.entries()) == 1
        with pytest.raises(RegisterError, match="chỉ để đọc"):
            reg.void("001/2026/GCN-OCOP", "x")
    assert path.read_bytes() == before


def test_hand_edited_values_get_a_message(tmp_path):
    """Case 11: a date typed by hand in the register names the number and the column."""
    path = tmp_path / "r.sqlite"
    with open_register(path) as reg:
        take(reg, [request("A")])
    db = sqlite3.connect(path)
    db.execute("UPDATE certificates SET valid_until = '28/10/2029'")
    db.commit()
    db.close()
    with open_register(path, readonly=True) as reg, pytest.raises(RegisterError) as info:
        reg.entries()
    assert "bị sửa tay" in str(info.value) and "valid_until" in str(info.value) and "001/2026/GCN-OCOP" in str(info.value)


def test_register_location_is_never_hidden(tmp_path, monkeypatch):
    """--register, else OCOP_DOCS_REGISTER, else the one beside the output folder (batch; never created unnamed) or in the
    current folder (look-up)."""
    from ocop_docs.certificates.register import REGISTER_NAME, register_location

    monkeypatch.delenv("OCOP_DOCS_REGISTER", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RegisterError, match="tạo sổ mới bằng --register"):
        register_location(None, tmp_path / "dot-2" / "gcn")
    path, note = register_location(None, tmp_path / "dot-2" / "gcn", trial=True)
    assert path == tmp_path / "dot-2" / REGISTER_NAME and "chạy thật sẽ dừng" in note
    (tmp_path / "dot-2").mkdir()
    (tmp_path / "dot-2" / REGISTER_NAME).write_bytes(b"")
    path, note = register_location(None, tmp_path / "dot-2" / "gcn")
    assert path == tmp_path / "dot-2" / REGISTER_NAME and "Dùng sổ đăng ký" in note
    with pytest.raises(RegisterError, match="Cần chỉ sổ đăng ký"):
        register_location(None)
    monkeypatch.setenv("OCOP_DOCS_REGISTER", str(tmp_path / "chung.sqlite"))
    assert register_location(None, tmp_path / "gcn") == (tmp_path / "chung.sqlite", None)
    assert register_location(tmp_path / "rieng.sqlite", tmp_path / "gcn") == (tmp_path / "rieng.sqlite", None)


def test_unique_index_dropped_by_hand_and_broken_stops_with_the_rows(tmp_path):
    """Case 17: the index that keeps one live number per product dropped by hand, then two rows made one
    product: the next write names the rows (not SQLite's words) and gives no number."""
    path = tmp_path / "r.sqlite"
    with open_register(path) as reg:
        take(reg, [request("A"), request("B")])
    db = sqlite3.connect(path)
    db.execute("DROP INDEX certificates_live_product")
    db.execute("UPDATE certificates SET product_key = (SELECT product_key FROM certificates WHERE seq = 1),"
               " product = 'A' WHERE seq = 2")
    db.commit()
    db.close()
    with pytest.raises(RegisterError, match="không nhất quán, không cấp số mới") as info:
        open_register(path)
    assert "mã dòng 1 (001/2026/GCN-OCOP, A), mã dòng 2 (002/2026/GCN-OCOP, A)" in str(info.value)
    with open_register(path, readonly=True) as reg:
        assert len(reg.entries()) == 2
