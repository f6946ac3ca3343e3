"""The register as an office uses it, through the CLI: trial runs, void, re-issue, export, where the register is."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from gcn_helpers import ROOT, product_rows, run_cli, write_csv, write_issuer
from openpyxl import load_workbook

from ocop_docs.certificates.files import sha256_file
from ocop_docs.certificates.register import open_register
from ocop_docs.certificates.reports import MANIFEST_NAME, read_manifest


def batch(tmp_path, table, issuer, out="gcn", *extra):
    return run_cli("certificates", str(table), "--issuer", str(issuer), "-o", str(tmp_path / out),
                   "--register", str(tmp_path / "r.sqlite"), *extra)


def test_trial_run_writes_neither_register_nor_output(tmp_path):
    issuer = write_issuer(tmp_path)
    rows = product_rows(3) + [[4, ".", "HTX Dấu chấm", "", "", 60, 3]]
    table = write_csv(tmp_path / "t.csv", rows)
    assert batch(tmp_path, table, issuer, "gcn", "--thu").returncode == 3
    result = batch(tmp_path, table, issuer, "gcn", "--dry-run")
    assert result.returncode == 3, result.stderr
    assert "CHẠY THỬ" in result.stdout and "chưa có, sẽ được tạo" in result.stdout
    for n in (1, 2, 3):
        assert f"dòng {n + 1}: {n:03d}/2026/GCN-OCOP — Sản phẩm số {n}" in result.stdout
    assert "dòng 5: Tên sản phẩm '.' không có chữ hoặc chữ số nào" in result.stderr
    assert not (tmp_path / "r.sqlite").exists() and not (tmp_path / "gcn").exists()
    sample = tmp_path / "gcn-ban-thu.docx"
    assert f"Giấy mẫu (bản thử, không vào sổ): {sample}" in result.stdout
    from docx import Document

    text = "\n".join(c.text for t in Document(sample).tables for r in t.rows for c in r.cells)
    assert "Số: 001/2026/GCN-OCOP" in text
    # With a register that has numbers: the trial continues from them and leaves the file as it was.
    assert batch(tmp_path, write_csv(tmp_path / "a.csv", product_rows(2, prefix="Cam")), issuer, "a").returncode == 0
    before = sha256_file(tmp_path / "r.sqlite")
    result = batch(tmp_path, table, issuer, "gcn", "--thu")
    assert "dòng 2: 003/2026/GCN-OCOP — Sản phẩm số 1" in result.stdout
    assert sha256_file(tmp_path / "r.sqlite") == before and not (tmp_path / "gcn").exists()


def test_without_register_option_the_register_is_beside_the_output(tmp_path):
    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "OCOP_DOCS_REGISTER"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    args = [sys.executable, "-m", "ocop_docs.cli", "certificates", str(table), "--issuer", str(issuer), "-o",
            str(tmp_path / "dot-2" / "gcn")]
    first = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    register = tmp_path / "dot-2" / "so-dang-ky-giay-chung-nhan.sqlite"
    assert f"tạo sổ mới {register}" in first.stderr and "--register" in first.stderr
    assert list(home.rglob("*")) == []  # nothing hidden under the home folder
    second = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert f"Dùng sổ đăng ký {register}" in second.stderr and "0 tệp .docx mới" in second.stdout
    listing = subprocess.run([sys.executable, "-m", "ocop_docs.cli", "register", "list"], capture_output=True, text=True,
                             cwd=tmp_path, env=dict(env, PYTHONPATH=str(ROOT)), timeout=60)
    assert listing.returncode == 2 and "Cần chỉ sổ đăng ký" in listing.stderr
    listing = subprocess.run([sys.executable, "-m", "ocop_docs.cli", "register", "list"], capture_output=True, text=True,
                             cwd=tmp_path / "dot-2", env=dict(env, PYTHONPATH=str(ROOT)), timeout=60)
    assert listing.returncode == 0 and "Cộng: 2 số (2 đã cấp" in listing.stdout


def test_wrong_decision_number_is_corrected_by_reissue(tmp_path):
    """A batch under decision 2689 (a typo for 2698): the plain re-run explains the path; cap-lai voids and re-issues."""
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    wrong = write_issuer(tmp_path, "sai.json", decision={"number": 2689, "date": "2026-10-28"})
    right = write_issuer(tmp_path, "dung.json")
    assert batch(tmp_path, table, wrong).returncode == 0
    rerun = batch(tmp_path, table, right, "gcn-sua")
    assert rerun.returncode == 3 and "register cap-lai" in rerun.stderr and "001/2026/GCN-OCOP" in rerun.stderr
    reg = str(tmp_path / "r.sqlite")
    trial = run_cli("register", "cap-lai", str(table), "--issuer", str(right), "-o", str(tmp_path / "gcn-sua"),
                    "--ly-do", "Quyết định ghi nhầm số 2689", "--register", reg, "--thu")
    assert trial.returncode == 0, trial.stderr
    assert "003/2026/GCN-OCOP — Sản phẩm số 1 — Hợp tác xã Sản phẩm 1 (số mới, thay số 001/2026/GCN-OCOP (sẽ bị hủy))" in trial.stdout
    done = run_cli("register", "cap-lai", str(table), "--issuer", str(right), "-o", str(tmp_path / "gcn-sua"),
                   "--ly-do", "Quyết định ghi nhầm số 2689", "--register", reg)
    assert done.returncode == 0, done.stderr
    assert "Số 003/2026/GCN-OCOP cấp lại cho 'Sản phẩm số 1', thay số 001/2026/GCN-OCOP đã hủy." in done.stderr
    assert [line.number for line in read_manifest(tmp_path / "gcn-sua" / MANIFEST_NAME)] == ["003/2026/GCN-OCOP", "004/2026/GCN-OCOP"]
    old = run_cli("register", "show", "001/2026/GCN-OCOP", "--register", reg)
    assert "ĐÃ HỦY" in old.stdout and "Quyết định ghi nhầm số 2689" in old.stdout and "Được thay bằng:   003/2026/GCN-OCOP" in old.stdout
    assert "còn hiệu lực" not in old.stdout
    new = run_cli("register", "show", "003/2026/GCN-OCOP", "--register", reg)
    assert "còn hiệu lực" in new.stdout and "Cấp lại thay số:  001/2026/GCN-OCOP" in new.stdout
    assert "2698/QĐ-UBND" in new.stdout
    listing = run_cli("register", "list", "--register", reg)
    assert "Cộng: 4 số (2 đã cấp, 0 đang giữ chưa có đủ tệp, 2 đã hủy)." in listing.stdout


def test_void_then_rerun_gives_a_new_linked_number(tmp_path):
    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    assert batch(tmp_path, table, issuer).returncode == 0
    reg = str(tmp_path / "r.sqlite")
    no_reason = run_cli("register", "huy", "002/2026/GCN-OCOP", "--register", reg)
    assert no_reason.returncode == 2 and "--ly-do" in no_reason.stderr
    voided = run_cli("register", "huy", "002/2026/GCN-OCOP", "--ly-do", "Sai địa chỉ chủ thể", "--register", reg)
    assert voided.returncode == 0 and "Đã hủy số 002/2026/GCN-OCOP" in voided.stdout
    missing = run_cli("register", "huy", "099/2026/GCN-OCOP", "--ly-do", "x", "--register", reg)
    assert missing.returncode == 2 and "Không có số 099/2026/GCN-OCOP" in missing.stderr
    again = batch(tmp_path, table, issuer)
    assert again.returncode == 0
    assert "Số 003/2026/GCN-OCOP cấp lại cho 'Sản phẩm số 2', thay số 002/2026/GCN-OCOP đã hủy." in again.stderr
    shown = run_cli("register", "show", "002/2026/GCN-OCOP", "--register", reg)
    assert "ĐÃ HỦY" in shown.stdout and "hủy số — lý do: Sai địa chỉ chủ thể" in shown.stdout


def test_export_to_excel_with_history_and_no_live_formulas(tmp_path):
    issuer = write_issuer(tmp_path)
    rows = product_rows(2) + [[3, "=HYPERLINK(\"http://x\",\"bấm\")", "@HTX Công thức", "+84 thôn 1", "", 60, 3]]
    table = write_csv(tmp_path / "t.csv", rows)
    assert batch(tmp_path, table, issuer).returncode == 0
    reg = str(tmp_path / "r.sqlite")
    run_cli("register", "huy", "001/2026/GCN-OCOP", "--ly-do", "=1+1", "--register", reg)
    out = tmp_path / "so-dang-ky.xlsx"
    result = run_cli("register", "xuat", "-o", str(out), "--register", reg)
    assert result.returncode == 0 and "(3 số)" in result.stdout
    book = load_workbook(out)
    assert book.sheetnames == ["Sổ đăng ký", "Lịch sử"]
    sheet = book["Sổ đăng ký"]
    assert [c.value for c in sheet[1]][:3] == ["Số giấy chứng nhận", "Trạng thái", "Cơ quan cấp"]
    by_number = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert by_number["001/2026/GCN-OCOP"][1].value == "đã hủy" and by_number["001/2026/GCN-OCOP"][17].value == "=1+1"
    assert by_number["003/2026/GCN-OCOP"][5].value == "=HYPERLINK(\"http://x\",\"bấm\")"
    assert by_number["003/2026/GCN-OCOP"][6].value == "@HTX Công thức" and by_number["003/2026/GCN-OCOP"][7].value == "+84 thôn 1"
    for cell in (by_number["001/2026/GCN-OCOP"][17], *by_number["003/2026/GCN-OCOP"][5:8]):
        assert cell.data_type == "s" and cell.quotePrefix  # text Excel shows as typed, never runs
    assert by_number["003/2026/GCN-OCOP"][14].number_format == "DD/MM/YYYY"
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    history = [r[1] for r in book["Lịch sử"].iter_rows(min_row=2, values_only=True)]
    assert history.count("giữ số cho sản phẩm") == 3 and history.count("đã có đủ tệp, số có giá trị") == 3
    assert history[-1] == "hủy số"


def test_export_of_one_body(tmp_path):
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    assert batch(tmp_path, table, write_issuer(tmp_path), "a").returncode == 0
    other = write_issuer(tmp_path, "qt.json", issuer={"name": "Ủy ban nhân dân tỉnh Quảng Trị", "level": "tinh"},
                         place="Quảng Trị")
    assert batch(tmp_path, write_csv(tmp_path / "q.csv", product_rows(1, prefix="Mè xửng")), other, "q").returncode == 0
    out = tmp_path / "ha-tinh.xlsx"
    result = run_cli("register", "xuat", "-o", str(out), "--co-quan", "UBND tỉnh Hà Tĩnh", "--register",
                     str(tmp_path / "r.sqlite"))
    assert result.returncode == 0 and "(2 số)" in result.stdout
    book = load_workbook(out)
    assert [(r[0], r[2]) for r in book["Sổ đăng ký"].iter_rows(min_row=2, values_only=True)] == [
        ("001/2026/GCN-OCOP", "Ủy ban nhân dân tỉnh Hà Tĩnh"), ("002/2026/GCN-OCOP", "Ủy ban nhân dân tỉnh Hà Tĩnh")]
    cells = [str(c) for sheet in book.worksheets for r in sheet.iter_rows(values_only=True) for c in r if c is not None]
    assert not [c for c in cells if "Quảng Trị" in c or "Mè xửng" in c]


def test_register_without_its_schema_is_refused_not_rewritten(tmp_path):
    path = tmp_path / "r.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE khac (a)")
    db.commit()
    db.close()
    before = path.read_bytes()
    result = run_cli("register", "list", "--register", str(path))
    assert result.returncode == 2 and "không phải sổ đăng ký" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before
    table = write_csv(tmp_path / "t.csv", product_rows(1))
    batch_run = batch(tmp_path, table, write_issuer(tmp_path))  # --register r.sqlite: the other program's file
    assert batch_run.returncode == 2 and "cơ sở dữ liệu khác, không phải sổ đăng ký" in batch_run.stderr
    assert path.read_bytes() == before
    with open_register(tmp_path / "new.sqlite") as reg:  # a new register is made on purpose only
        assert reg.entries() == []


@pytest.mark.parametrize("spelling, warned", [("Uỷ ban nhân dân Tỉnh Hà Tĩnh", True), ("UBND tỉnh Hà Tĩnh", False)])
def test_new_spelling_of_a_known_issuer_continues_its_numbers(tmp_path, spelling, warned):
    """Case 2: another spelling after "Ủy ban nhân dân tỉnh Hà Tĩnh": one numbering (code 42), and a warning.
    "UBND" is written out in the issuer file (ND30-CQ-01): the name is then the same, nothing to warn of."""
    from gcn_helpers import issuer_data

    assert batch(tmp_path, write_csv(tmp_path / "a.csv", product_rows(2)), write_issuer(tmp_path)).returncode == 0
    data = issuer_data()
    data["issuer"]["name"] = spelling
    short = tmp_path / "viet-tat.json"
    import json

    short.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = batch(tmp_path, write_csv(tmp_path / "b.csv", product_rows(1, prefix="Cam")), short, "gcn-b")
    assert result.returncode == 0, result.stderr
    warning = f"Cảnh báo: Cơ quan cấp '{spelling}' được viết khác lần trước ('Ủy ban nhân dân tỉnh Hà Tĩnh')"
    assert (warning in result.stderr) is warned, result.stderr
    assert [line.number for line in read_manifest(tmp_path / "gcn-b" / MANIFEST_NAME)] == ["003/2026/GCN-OCOP"]
