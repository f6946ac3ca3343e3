"""Faults an office meets, tried on purpose: read-only folders, no LibreOffice, kills, odd names."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from as_user import run_cli_as_user
from gcn_helpers import ROOT, issuer_data, product_rows, run_cli, write_csv, write_issuer

from ocop_docs.certificates import reports
from ocop_docs.certificates.register import open_register


def args_for(tmp_path: Path, table: Path, issuer: Path, out: Path, *extra: str) -> list[str]:
    return ["certificates", str(table), "--issuer", str(issuer), "-o", str(out), "--register", str(tmp_path / "r.sqlite"),
            *extra]


def test_read_only_output_folder_takes_no_number(tmp_path):
    """Case 11: a folder the user cannot write: a Vietnamese message, exit 2, no number taken."""
    out = tmp_path / "gcn"
    out.mkdir()
    out.chmod(0o555)
    table = write_csv(tmp_path / "t.csv", product_rows(3))
    result = run_cli_as_user(*args_for(tmp_path, table, write_issuer(tmp_path), out))
    out.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert f"Không ghi được vào thư mục kết quả {out} (không có quyền ghi); chưa lấy số nào" in result.stderr
    assert "Traceback" not in result.stderr and list(out.iterdir()) == []
    assert not (tmp_path / "r.sqlite").exists()  # checked before the register is even opened


def test_write_failure_after_numbers_are_taken_releases_them(tmp_path):
    """Case 4/11: the numbers are reserved, then the .docx cannot be written: given back, nothing phantom."""
    out = tmp_path / "gcn"
    (out / "docx").mkdir(parents=True)
    (out / "docx").chmod(0o555)
    table = write_csv(tmp_path / "t.csv", product_rows(3))
    issuer = write_issuer(tmp_path)
    result = run_cli_as_user(*args_for(tmp_path, table, issuer, out))
    (out / "docx").chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert f"Không ghi được vào thư mục kết quả {out / 'docx'} (không có quyền ghi)" in result.stderr
    assert "đã trả lại 3 số chưa dùng" in result.stderr
    assert "Traceback" not in result.stderr
    with open_register(tmp_path / "r.sqlite", readonly=True) as reg:
        assert reg.entries() == []
        assert [h["action"] for h in reg.history()] == ["giu-so"] * 3 + ["giai-phong"] * 3
    again = run_cli(*args_for(tmp_path, table, issuer, out))
    assert again.returncode == 0 and "Đã cấp 3 giấy chứng nhận" in again.stdout
    with open_register(tmp_path / "r.sqlite", readonly=True) as reg:
        assert [(e.number, e.status) for e in reg.entries()] == [(f"00{i}/2026/GCN-OCOP", "issued") for i in (1, 2, 3)]


def test_missing_libreoffice_takes_no_number(tmp_path):
    """Case 4: --pdf and no LibreOffice (not on PATH, none where it is usually installed, or a wrong
    OCOP_DOCS_SOFFICE): exit 4 before any number is taken or any file written."""
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    out = tmp_path / "gcn"
    env = dict(os.environ, OCOP_DOCS_SOFFICE=str(tmp_path / "khong-co" / "soffice"), PATH="/usr/bin:/bin")
    result = subprocess.run([sys.executable, "-m", "ocop_docs.cli",
                             *args_for(tmp_path, table, write_issuer(tmp_path), out, "--pdf")],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 4, result.stderr
    assert "soffice" in result.stderr and "Chưa lấy số nào trong sổ đăng ký, chưa ghi tệp nào." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.sqlite").exists() and list(out.rglob("*.docx")) == []


def test_failing_libreoffice_leaves_numbers_reserved_not_valid(tmp_path):
    """Case 4: a LibreOffice that is there but makes no PDF: exit 4; the numbers stay reserved with their
    .docx, `register show` never says "còn hiệu lực"; the re-run resumes the same numbers."""
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    issuer = write_issuer(tmp_path)
    out = tmp_path / "gcn"
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\necho 'LibreOffice hỏng' >&2\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    env = dict(os.environ, OCOP_DOCS_SOFFICE=str(broken))
    result = subprocess.run([sys.executable, "-m", "ocop_docs.cli", *args_for(tmp_path, table, issuer, out, "--pdf")],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 4, result.stderr
    assert "LibreOffice hỏng" in result.stderr and "2 số được giữ cho lần chạy lại" in result.stderr
    assert "Traceback" not in result.stderr
    reg = str(tmp_path / "r.sqlite")
    shown = run_cli("register", "show", "001/2026/GCN-OCOP", "--register", reg)
    assert "ĐANG GIỮ SỐ, chưa có đủ tệp giấy chứng nhận — chưa có giá trị" in shown.stdout
    assert "còn hiệu lực" not in shown.stdout
    assert "Cộng: 2 số (0 đã cấp, 2 đang giữ chưa có đủ tệp, 0 đã hủy)." in run_cli("register", "list", "--register", reg).stdout
    again = run_cli(*args_for(tmp_path, table, issuer, out))  # the office decides the .docx are enough
    assert again.returncode == 0 and "0 tệp .docx mới hoặc đã sửa, 2 không đổi" in again.stdout
    assert "còn hiệu lực" in run_cli("register", "show", "001/2026/GCN-OCOP", "--register", reg).stdout
    with open_register(tmp_path / "r.sqlite", readonly=True) as reg_:
        assert [e.number for e in reg_.entries()] == ["001/2026/GCN-OCOP", "002/2026/GCN-OCOP"]


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state is [0], ppid [1], start time [19])."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _descendants(pid: int) -> set[tuple[int, str]]:
    """Every process under ``pid``, as (pid, start time): a pid reused later is not the same process."""
    children: dict[int, list[tuple[int, str]]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields:
                children.setdefault(int(fields[1]), []).append((int(entry), fields[19]))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child[0])
    return found


def _alive(process: tuple[int, str]) -> bool:
    fields = _stat(process[0])
    return bool(fields) and fields[19] == process[1] and fields[0] not in ("Z", "X")


def _name(process: tuple[int, str]) -> str:
    try:
        return Path(f"/proc/{process[0]}/comm").read_text().strip()
    except OSError:
        return ""


def test_workers_and_libreoffice_die_with_a_killed_parent(tmp_path):
    """Case 9: SIGKILL the batch process while its workers convert: no worker, no soffice left after a few seconds."""
    table = write_csv(tmp_path / "t.csv", product_rows(200))
    proc = subprocess.Popen([sys.executable, "-m", "ocop_docs.cli",
                             *args_for(tmp_path, table, write_issuer(tmp_path), tmp_path / "gcn", "--pdf", "--jobs", "2")],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[int] = set()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        seen |= _descendants(proc.pid)
        if sum(1 for p in seen if _name(p).startswith("soffice") and _alive(p)) >= 2:
            break
        time.sleep(0.05)
    try:
        assert any(_name(p).startswith("soffice") for p in seen), "the batch must be killed while LibreOffice converts"
        time.sleep(0.5)
        seen |= _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 30  # ends as soon as every process is gone (about 1 s measured)
        while time.monotonic() < deadline and any(_alive(p) for p in seen):
            time.sleep(0.1)
        left = {p: _name(p) for p in seen if _alive(p)}
        assert left == {}, f"orphans left: {left}"
    finally:
        for p in seen:
            if _alive(p):
                os.kill(p[0], signal.SIGKILL)


def test_names_without_letters_or_too_long_are_refused_by_row(tmp_path):
    """Case 15: ".", "..", a lone zero-width space, a 100,000-character name: refused naming the row; others issued."""
    rows = product_rows(1) + [
        [2, ".", "HTX Một", "", "", 60, 3],
        [3, "..", "HTX Hai", "", "", 60, 3],
        [4, "\u200b", "HTX Ba", "", "", 60, 3],
        [5, "Mật ong " * 12_499 + "Mật ong!", "HTX Bốn", "thôn 1", "", 60, 3],
        [6, "Trà xanh", "\u200b", "", "", 60, 3],
    ]
    table = write_csv(tmp_path / "t.csv", rows)
    result = run_cli(*args_for(tmp_path, table, write_issuer(tmp_path), tmp_path / "gcn"))
    assert result.returncode == 3, result.stderr
    assert "Đã cấp 1 giấy chứng nhận" in result.stdout
    assert "dòng 3: cột B «Tên sản phẩm»: '.' không có chữ hoặc chữ số nào" in result.stderr
    assert "dòng 4: cột B «Tên sản phẩm»: '..' không có chữ hoặc chữ số nào" in result.stderr
    assert "dòng 5: cột B «Tên sản phẩm»: '‹U+200B›' không có chữ hoặc chữ số nào" in result.stderr
    assert "dòng 6: Tên sản phẩm dài 100.000 ký tự, không in vừa giấy chứng nhận một trang" in result.stderr
    assert "dòng 7: cột C «Chủ thể»: '‹U+200B›' không có chữ" in result.stderr
    with open_register(tmp_path / "r.sqlite", readonly=True) as reg:
        assert [e.product for e in reg.entries()] == ["Sản phẩm số 1"]


def test_names_differing_by_one_mark_in_one_table_are_both_issued(tmp_path):
    """Case 1: one table, "Gạo tám thơm" and "Gạo tấm thơm" of one chủ thể: two certificates, and a warning."""
    rows = [[1, "Gạo tám thơm", "HTX Sơn Kim", "", "", 60, 3], [2, "Gạo tấm thơm", "HTX Sơn Kim", "", "", 60, 3]]
    result = run_cli(*args_for(tmp_path, write_csv(tmp_path / "t.csv", rows), write_issuer(tmp_path), tmp_path / "gcn"))
    assert result.returncode == 0, result.stderr
    assert "Đã cấp 2 giấy chứng nhận" in result.stdout
    assert "Tên chỉ khác nhau ở dấu (dòng 2 'Gạo tám thơm', dòng 3 'Gạo tấm thơm')" in result.stderr
    with open_register(tmp_path / "r.sqlite", readonly=True) as reg:
        assert {e.product: e.number for e in reg.entries()} == {"Gạo tám thơm": "001/2026/GCN-OCOP",
                                                               "Gạo tấm thơm": "002/2026/GCN-OCOP"}


def test_read_only_user_can_list_and_show(tmp_path):
    """Case 14: a register the user may only read (file 0444 in a folder 0555): list and show work, nothing written."""
    folder = tmp_path / "so"
    folder.mkdir()
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "gcn"),
                     "--register", str(folder / "r.sqlite"))
    assert result.returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["r.sqlite"]  # WAL files are gone after a clean close
    (folder / "r.sqlite").chmod(0o444)
    folder.chmod(0o555)
    empty = tmp_path / "rong.sqlite"
    empty.write_bytes(b"")
    try:
        listing = run_cli_as_user("register", "list", "--register", str(folder / "r.sqlite"))
        shown = run_cli_as_user("register", "show", "002/2026/GCN-OCOP", "--register", str(folder / "r.sqlite"))
        blank = run_cli_as_user("register", "list", "--register", str(empty))
        void = run_cli_as_user("register", "huy", "001/2026/GCN-OCOP", "--ly-do", "x", "--register", str(folder / "r.sqlite"))
    finally:
        folder.chmod(0o755)
    assert listing.returncode == 0, listing.stderr
    assert "Cộng: 2 số (2 đã cấp" in listing.stdout
    assert shown.returncode == 0 and "Sản phẩm số 2" in shown.stdout and "còn hiệu lực" in shown.stdout
    assert blank.returncode == 2 and "tệp rỗng (0 byte)" in blank.stderr and empty.stat().st_size == 0
    assert void.returncode == 2 and "Không mở được sổ đăng ký" in void.stderr and "Traceback" not in void.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["r.sqlite"]


def test_hand_edits_are_reported_by_list_and_stop_batches(tmp_path):
    """Case 17 and 11: a number duplicated by hand, a date typed by hand: messages, exit codes, no new number."""
    import sqlite3

    issuer = write_issuer(tmp_path)
    assert run_cli(*args_for(tmp_path, write_csv(tmp_path / "t.csv", product_rows(2)), issuer, tmp_path / "gcn")).returncode == 0
    db = sqlite3.connect(tmp_path / "r.sqlite")
    db.execute("UPDATE certificates SET number = '001/2026/GCN-OCOP' WHERE seq = 2")
    db.commit()
    listing = run_cli("register", "list", "--register", str(tmp_path / "r.sqlite"))
    assert listing.returncode == 1 and "Sổ đăng ký KHÔNG nhất quán" in listing.stderr
    assert "số 001/2026/GCN-OCOP của Ủy ban nhân dân tỉnh Hà Tĩnh năm 2026 có 2 lần trong sổ" in listing.stderr
    more = write_csv(tmp_path / "m.csv", product_rows(1, prefix="Cam"))
    stopped = run_cli(*args_for(tmp_path, more, issuer, tmp_path / "gcn-2"))
    assert stopped.returncode == 2 and "không nhất quán, không cấp số mới" in stopped.stderr
    assert "Traceback" not in stopped.stderr
    trial = run_cli(*args_for(tmp_path, more, issuer, tmp_path / "gcn-2", "--thu"))  # the trial says what the run would do
    assert trial.returncode == 2 and "không nhất quán, không cấp số mới" in trial.stderr and "mã dòng 2" in trial.stderr
    assert not (tmp_path / "gcn-2-ban-thu.docx").exists()
    db.execute("UPDATE certificates SET number = '002/2026/GCN-OCOP', issued_on = 'hôm qua' WHERE seq = 2")
    db.commit()
    db.close()
    broken = run_cli("register", "list", "--register", str(tmp_path / "r.sqlite"))
    assert broken.returncode == 2 and "bị sửa tay" in broken.stderr and "issued_on = 'hôm qua'" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_read_only_user_is_not_shown_a_register_without_its_last_changes(tmp_path):
    """Case 14: a run killed before it closed the register leaves its last changes in the -wal file; a user who
    may not write the folder (and no -shm file) cannot read them: refused with a message, not shown stale."""
    folder = tmp_path / "so"
    folder.mkdir()
    path = folder / "r.sqlite"
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    assert run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "gcn"),
                   "--register", str(path)).returncode == 0
    crash = ("import os, sqlite3, sys\n"
             "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "db.execute('PRAGMA wal_autocheckpoint = 0')\n"
             "db.execute(\"UPDATE certificates SET status = 'void', void_reason = 'hủy trước khi bị ngắt' WHERE seq = 2\")\n"
             "os._exit(0)\n")  # killed before closing: the committed change is only in the -wal file
    subprocess.run([sys.executable, "-c", crash, str(path)], check=True)
    path.with_name("r.sqlite-shm").unlink()
    assert path.with_name("r.sqlite-wal").stat().st_size > 0
    folder.chmod(0o555)
    try:
        shown = run_cli_as_user("register", "show", "002/2026/GCN-OCOP", "--register", str(path))
    finally:
        folder.chmod(0o755)
    assert shown.returncode == 2 and "còn thay đổi chưa gộp vào tệp chính (tệp r.sqlite-wal" in shown.stderr
    assert "còn hiệu lực" not in shown.stdout and "Traceback" not in shown.stderr
    with open_register(path):  # the register's keeper opens it to write once: the change is merged
        pass
    folder.chmod(0o555)
    try:
        shown = run_cli_as_user("register", "show", "002/2026/GCN-OCOP", "--register", str(path))
    finally:
        folder.chmod(0o755)
    assert shown.returncode == 0 and "ĐÃ HỦY" in shown.stdout and "hủy trước khi bị ngắt" in shown.stdout


def test_a_certificate_printed_again_with_another_signer_is_kept_in_the_history(tmp_path):
    """FINDINGS 72: the same batch re-run with another signer rewrites issued certificates: the run
    says so and the register's history keeps each reprint (a copy handed out no longer matches)."""
    table = write_csv(tmp_path / "t.csv", product_rows(3))
    first = run_cli(*args_for(tmp_path, table, write_issuer(tmp_path), tmp_path / "gcn"))
    assert first.returncode == 0, first.stderr
    same = run_cli(*args_for(tmp_path, table, write_issuer(tmp_path), tmp_path / "gcn"))
    assert same.returncode == 0 and "in lại với nội dung khác" not in same.stdout + same.stderr  # same content: nothing to say
    other = issuer_data(signer={"authority": "KT", "head_title": "Chủ tịch", "title": "Phó Chủ tịch", "name": "Lê Văn Hòa"})
    (tmp_path / "moi.json").write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    again = run_cli(*args_for(tmp_path, table, tmp_path / "moi.json", tmp_path / "gcn"))
    assert again.returncode == 0, again.stderr
    assert ("3 giấy đã cấp trước đây được in lại với nội dung khác (001/2026/GCN-OCOP … 003/2026/GCN-OCOP)"
            in again.stdout + again.stderr)
    shown = run_cli("register", "show", "002/2026/GCN-OCOP", "--register", str(tmp_path / "r.sqlite"))
    assert shown.returncode == 0 and "giấy in lại với nội dung khác bản đã cấp" in shown.stdout, shown.stdout


def test_a_run_that_issues_nothing_leaves_the_folder_manifest_listing_its_certificates(tmp_path):
    """FINDINGS 73: a re-run whose rows are all refused does not empty the folder's manifest; a later
    table issued into the same folder adds its certificates to those listed."""
    table = write_csv(tmp_path / "t.csv", product_rows(3))
    assert run_cli(*args_for(tmp_path, table, write_issuer(tmp_path), tmp_path / "gcn")).returncode == 0
    other_decision = write_issuer(tmp_path, "sai.json", decision={"number": 2698, "date": "2026-10-27"})
    refused = run_cli(*args_for(tmp_path, table, other_decision, tmp_path / "gcn"))
    assert "Đã cấp 0 giấy chứng nhận" in refused.stdout, refused.stdout + refused.stderr
    listed = [line.number for line in reports.read_manifest(tmp_path / "gcn" / reports.MANIFEST_NAME)]
    assert listed == ["001/2026/GCN-OCOP", "002/2026/GCN-OCOP", "003/2026/GCN-OCOP"]
    more = write_csv(tmp_path / "t2.csv", product_rows(2, prefix="Mật ong"))
    assert run_cli(*args_for(tmp_path, more, write_issuer(tmp_path), tmp_path / "gcn")).returncode == 0
    listed = [line.number for line in reports.read_manifest(tmp_path / "gcn" / reports.MANIFEST_NAME)]
    assert listed == [f"00{i}/2026/GCN-OCOP" for i in range(1, 6)]
