"""The register as an office uses it, through the CLI: trial runs, void, re-issue, export, where the register is."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime

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
    assert "dòng 5: cột B «Tên sản phẩm»: '.' không có chữ hoặc chữ số nào" in result.stderr
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


def test_without_register_option_a_batch_asks_for_one_and_never_starts_a_second_numbering(tmp_path):
    """Item 3 and FINDINGS 47: no hidden register, and no register nobody named. Without --register (and no
    OCOP_DOCS_REGISTER) a batch whose output folder has no register beside it stops and says which file to name;
    once named, later runs into that folder use it (and say so); a round in another folder asks again instead of
    numbering from 001 a second time. Nothing is written under the home folder."""
    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "OCOP_DOCS_REGISTER"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))

    def run(*args, cwd=ROOT):
        return subprocess.run([sys.executable, "-m", "ocop_docs.cli", *args], capture_output=True, text=True, cwd=cwd,
                              env=dict(env, PYTHONPATH=str(ROOT)), timeout=300)

    batch_args = ["certificates", str(table), "--issuer", str(issuer), "-o", str(tmp_path / "dot-2" / "gcn")]
    register = tmp_path / "dot-2" / "so-dang-ky-giay-chung-nhan.sqlite"
    trial = run(*batch_args, "--thu")
    assert trial.returncode == 0 and f"tạo sổ mới bằng --register {register} (chạy thật sẽ dừng ở đây" in trial.stderr
    first = run(*batch_args)
    assert first.returncode == 2, first.stderr
    assert f"nếu đây là lần cấp đầu tiên, tạo sổ mới bằng --register {register}. Chưa lấy số nào" in first.stderr
    assert not register.exists() and not (tmp_path / "dot-2" / "gcn").exists()  # (the trial left its sample beside it)
    assert run(*batch_args, "--register", str(register)).returncode == 0
    again = run(*batch_args)
    assert again.returncode == 0 and f"Dùng sổ đăng ký {register}" in again.stderr and "0 tệp .docx mới" in again.stdout
    other_round = run("certificates", str(write_csv(tmp_path / "m.csv", product_rows(1, prefix="Cam"))), "--issuer",
                      str(issuer), "-o", str(tmp_path / "dot-3" / "gcn"))
    assert other_round.returncode == 2 and "nếu đã cấp số ở đợt trước, hãy chỉ đúng sổ đó bằng --register" in other_round.stderr
    assert list(home.rglob("*")) == []  # nothing hidden under the home folder
    listing = run("register", "list", cwd=tmp_path)
    assert listing.returncode == 2 and "Cần chỉ sổ đăng ký" in listing.stderr
    listing = run("register", "list", cwd=tmp_path / "dot-2")
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


def _damage(path, how: str) -> None:
    """Edit a register as a person with a database tool (or a broken disk) would."""
    if how == "rác":
        path.write_bytes(os.urandom(8192))
        return
    if how == "cắt cụt":
        path.write_bytes(path.read_bytes()[:20000])
        return
    db = sqlite3.connect(path)
    if how == "bỏ cột":
        db.execute("ALTER TABLE certificates DROP COLUMN address")
    elif how == "bỏ lịch sử":
        db.execute("DROP TABLE history")
    elif how == "phiên bản chữ":
        db.execute("UPDATE meta SET value = 'hai' WHERE key = 'schema'")
    elif how == "số thứ tự chữ":
        db.execute("UPDATE certificates SET seq = 'x' WHERE seq = 2")
    elif how == "chỉ mục hỏng":  # the index of numbers no longer agrees with the table
        db.execute("PRAGMA writable_schema = ON")
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'certificates_number'").fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
        db.commit()
        db.close()
        data = bytearray(path.read_bytes())
        at = data.index(b"001/2026/GCN-OCOP", (root - 1) * size)
        data[at:at + 3] = b"999"
        path.write_bytes(bytes(data))
        return
    db.commit()
    db.close()


@pytest.mark.parametrize("how, words", [
    ("rác", "tệp không phải cơ sở dữ liệu SQLite"),
    ("cắt cụt", "tệp bị hỏng"),
    ("bỏ cột", "bị sửa tay: thiếu cột certificates.address"),
    ("bỏ lịch sử", "bị sửa tay: thiếu bảng history"),
    ("phiên bản chữ", "bị sửa tay: phiên bản lược đồ 'hai' không hợp lệ"),
    ("số thứ tự chữ", "có cột seq = 'x' không phải số nguyên"),
    ("chỉ mục hỏng", "bị hỏng (kiểm tra toàn vẹn của SQLite thấy"),
])
def test_hand_edited_or_damaged_register_is_refused_with_a_message(tmp_path, how, words):
    """Case 11: every command on a damaged register: a Vietnamese message naming the file, exit 2 (the README's
    "không đọc được sổ đăng ký"), no traceback, no number given, and the file left as it was."""
    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    assert batch(tmp_path, table, issuer).returncode == 0
    path = tmp_path / "r.sqlite"
    _damage(path, how)
    before = path.read_bytes()
    more = write_csv(tmp_path / "m.csv", product_rows(1, prefix="Cam"))
    commands = [["register", "list"], ["register", "huy", "002/2026/GCN-OCOP", "--ly-do", "thử"],
                ["certificates", str(more), "--issuer", str(issuer), "-o", str(tmp_path / "gcn-2")]]
    if how != "chỉ mục hỏng":  # the export reads the table itself, not the index: it still saves what the file holds
        commands.append(["register", "xuat", "-o", str(tmp_path / "x.xlsx")])
    for args in commands:
        result = run_cli(*args, "--register", str(path))
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert words in result.stderr and str(path) in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert path.read_bytes() == before
    assert not (tmp_path / "x.xlsx").exists() and not list((tmp_path / "gcn-2").rglob("*.docx"))


def test_every_change_is_in_the_history_with_its_time_in_vietnam_and_reason(tmp_path):
    """Item 3: reserve, final, a corrected address (what changed), void (reason), re-issue (link): each a
    row of the history; `show` and the export give the time in Vietnam's time, the void's day as a date."""
    issuer = write_issuer(tmp_path)
    assert batch(tmp_path, write_csv(tmp_path / "t.csv", product_rows(1)), issuer).returncode == 0
    moved = product_rows(1)
    moved[0][3] = "thôn 9, xã Sơn Kim 1, tỉnh Hà Tĩnh"
    assert batch(tmp_path, write_csv(tmp_path / "t2.csv", moved), issuer).returncode == 0
    reg = str(tmp_path / "r.sqlite")
    assert run_cli("register", "huy", "001/2026/GCN-OCOP", "--ly-do", "Chủ thể trả lại giấy", "--register", reg).returncode == 0
    assert batch(tmp_path, write_csv(tmp_path / "t2.csv", moved), issuer).returncode == 0
    db = sqlite3.connect(reg)  # pin the times: 23:30 UTC is 06:30 of the next day in Vietnam
    db.execute("UPDATE history SET at = '2026-10-28T23:30:00+00:00'")
    db.execute("UPDATE certificates SET voided_at = '2026-10-28T23:30:00+00:00' WHERE voided_at IS NOT NULL")
    db.commit()
    db.close()
    old = run_cli("register", "show", "001/2026/GCN-OCOP", "--register", reg).stdout
    assert "ĐÃ HỦY lúc 29/10/2026 06:30:00, lý do: Chủ thể trả lại giấy" in old
    assert "Lịch sử (giờ Việt Nam):" in old
    assert "29/10/2026 06:30:00  giữ số cho sản phẩm" in old
    assert "29/10/2026 06:30:00  đã có đủ tệp, số có giá trị" in old
    assert ("29/10/2026 06:30:00  sửa thông tin in trên giấy (địa chỉ: 'thôn 1, xã Sơn Kim 1, tỉnh Hà Tĩnh' → "
            "'thôn 9, xã Sơn Kim 1, tỉnh Hà Tĩnh')") in old
    assert "29/10/2026 06:30:00  hủy số — lý do: Chủ thể trả lại giấy" in old
    new = run_cli("register", "show", "002/2026/GCN-OCOP", "--register", reg).stdout
    assert "cấp số mới thay số đã hủy — lý do: Chủ thể trả lại giấy (thay số 001/2026/GCN-OCOP" in new
    again = run_cli("register", "huy", "001/2026/GCN-OCOP", "--ly-do", "x", "--register", reg)
    assert again.returncode == 2 and "đã bị hủy lúc 29/10/2026 06:30:00" in again.stderr
    out = tmp_path / "so.xlsx"
    assert run_cli("register", "xuat", "-o", str(out), "--register", reg).returncode == 0
    book = load_workbook(out)
    void_day = {r[0].value: r[18] for r in book["Sổ đăng ký"].iter_rows(min_row=2)}["001/2026/GCN-OCOP"]
    assert void_day.value.date().isoformat() == "2026-10-29" and void_day.number_format == "DD/MM/YYYY"
    history = list(book["Lịch sử"].iter_rows(values_only=True))
    assert history[0][0] == "Thời điểm (giờ Việt Nam)"
    assert [h[1] for h in history[1:]] == ["giữ số cho sản phẩm", "đã có đủ tệp, số có giá trị", "sửa thông tin in trên giấy",
                                           "hủy số", "cấp số mới thay số đã hủy", "đã có đủ tệp, số có giá trị"]
    assert {h[0] for h in history[1:]} == {datetime(2026, 10, 29, 6, 30)}
    assert book["Lịch sử"]["A2"].number_format == "DD/MM/YYYY HH:MM:SS"


def _qr_of(docx) -> str:
    """The text of the QR code printed on a certificate .docx (its picture decoded)."""
    import io
    import zipfile

    import pytest

    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    with zipfile.ZipFile(docx) as z:
        [picture] = [n for n in z.namelist() if n.startswith("word/media/")]
        image = Image.open(io.BytesIO(z.read(picture))).convert("L")
    [found] = zxingcpp.read_barcodes(image)
    return found.text


def test_names_differing_by_one_mark_in_two_batches_keep_two_numbers_and_the_first_qr(tmp_path):
    """Case 1 as found: "Gạo tám thơm" in one batch, "Gạo tấm thơm" of the same chủ thể in a later batch under
    the same decision: two numbers, the first row untouched, its QR still matching the register. The same
    name typed in decomposed Unicode (NFD) with extra spaces is the same product and keeps its number."""
    import unicodedata

    issuer = write_issuer(tmp_path)
    first = write_csv(tmp_path / "a.csv", [[1, "Gạo tám thơm", "HTX Sơn Kim", "thôn 1", "", 60, 3]])
    assert batch(tmp_path, first, issuer, "dot-a").returncode == 0
    typed_again = unicodedata.normalize("NFD", "Gạo  tám thơm ")
    assert typed_again != "Gạo tám thơm"
    second = write_csv(tmp_path / "b.csv", [[1, "Gạo tấm thơm", "HTX Sơn Kim", "thôn 1", "", 60, 3],
                                            [2, typed_again, unicodedata.normalize("NFD", "HTX  Sơn Kim"), "thôn 1", "", 60, 3]])
    result = batch(tmp_path, second, issuer, "dot-b")
    assert result.returncode == 0, result.stderr
    assert ("Dòng 2: 'Gạo tấm thơm' là sản phẩm mới (số 002/2026/GCN-OCOP); sổ đã có 'Gạo tám thơm' (số 001/2026/GCN-OCOP, "
            "Quyết định 2698/QĐ-UBND) chỉ khác ở dấu — có phải cùng một sản phẩm?") in result.stderr
    assert [(m.number, " ".join(m.product.split())) for m in read_manifest(tmp_path / "dot-b" / MANIFEST_NAME)] == [
        ("001/2026/GCN-OCOP", "Gạo tám thơm"), ("002/2026/GCN-OCOP", "Gạo tấm thơm")]
    with open_register(tmp_path / "r.sqlite", readonly=True) as reg:
        assert [(e.number, " ".join(e.product.split()), e.status) for e in reg.entries()] == [
            ("001/2026/GCN-OCOP", "Gạo tám thơm", "issued"), ("002/2026/GCN-OCOP", "Gạo tấm thơm", "issued")]
        assert [h["action"] for h in reg.history()].count("sua") == 0  # nothing changed for the first product
    payload = _qr_of(tmp_path / "dot-a" / "docx" / "2026-001-gao-tam-thom.docx")
    assert "Gạo tám thơm" in payload
    shown = run_cli("register", "show", payload, "--register", str(tmp_path / "r.sqlite"))
    assert shown.returncode == 0 and "Mã QR khớp với sổ đăng ký." in shown.stdout, shown.stdout


def test_a_corrected_chu_the_is_a_new_product_said_before_and_when_it_is_numbered(tmp_path):
    """FINDINGS 12: the same product name of another chủ thể (a typo corrected between two runs) gets a new
    number — it may be another producer — but the trial and the run both say which number it may duplicate."""
    issuer = write_issuer(tmp_path)
    rows = [[1, "Nước mắm cá cơm Xuân Anh", "Cơ sở nước mắm Xuân Anh", "thôn 1", "", 60, 3]]
    assert batch(tmp_path, write_csv(tmp_path / "a.csv", rows), issuer).returncode == 0
    rows[0][2] = "Cơ sở sản xuất nước mắm Xuân Anh"
    table = write_csv(tmp_path / "b.csv", rows)
    said = ("Dòng 2: 'Nước mắm cá cơm Xuân Anh' là sản phẩm mới (số 002/2026/GCN-OCOP); sổ đã có 'Nước mắm cá cơm Xuân Anh' "
            "(số 001/2026/GCN-OCOP, Quyết định 2698/QĐ-UBND) cùng tên sản phẩm, chủ thể khác: 'Cơ sở nước mắm Xuân Anh' "
            "trong sổ, 'Cơ sở sản xuất nước mắm Xuân Anh' trong bảng")
    trial = batch(tmp_path, table, issuer, "gcn", "--thu")
    assert trial.returncode == 0 and said in trial.stderr and "register huy" in trial.stderr
    run = batch(tmp_path, table, issuer)
    assert run.returncode == 0 and said in run.stderr


def test_certificates_already_expired_when_made_are_warned(tmp_path):
    """FINDINGS 19: a decision dated 2020 (36 months: valid to 2023) — the trial and the run say the
    certificates have already expired."""
    issuer = write_issuer(tmp_path, date="2020-11-27")
    table = write_csv(tmp_path / "t.csv", product_rows(1))
    for extra in (("--thu",), ()):
        result = batch(tmp_path, table, issuer, "gcn", *extra)
        assert result.returncode == 0, result.stderr
        assert "chỉ có giá trị đến hết ngày 27/11/2023, đã qua" in result.stderr


def test_files_of_a_voided_number_and_an_outdated_print_bundle_are_renamed_not_left_to_print(tmp_path):
    """FINDINGS 11: after `register huy` and a re-run without --pdf, the voided certificate's .docx and PDF and the
    printing PDF that still holds it are renamed (…-DA-HUY, …-DA-CU-KHONG-IN.pdf), said, and nothing is deleted."""
    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    assert batch(tmp_path, table, issuer, "gcn", "--pdf").returncode == 0
    reg = str(tmp_path / "r.sqlite")
    assert run_cli("register", "huy", "002/2026/GCN-OCOP", "--ly-do", "In sai tên chủ thể", "--register", reg).returncode == 0
    out = tmp_path / "gcn"
    before = {p.name for p in out.rglob("*") if p.is_file()}
    result = batch(tmp_path, table, issuer)
    assert result.returncode == 0, result.stderr
    assert ("Số 002/2026/GCN-OCOP đã bị hủy: tệp của nó được đổi tên để không in nhầm "
            "(docx/2026-002-san-pham-so-2-DA-HUY.docx, pdf/2026-002-san-pham-so-2-DA-HUY.pdf)") in result.stderr
    assert "đổi tên thành giay-chung-nhan-tat-ca-DA-CU-KHONG-IN.pdf" in result.stderr
    after = {p.name for p in out.rglob("*") if p.is_file()}
    assert {"2026-002-san-pham-so-2.docx", "2026-002-san-pham-so-2.pdf", "giay-chung-nhan-tat-ca.pdf"} <= before - after
    assert {"2026-002-san-pham-so-2-DA-HUY.docx", "2026-002-san-pham-so-2-DA-HUY.pdf", "giay-chung-nhan-tat-ca-DA-CU-KHONG-IN.pdf",
            "2026-003-san-pham-so-2.docx"} <= after
    again = batch(tmp_path, table, issuer)  # nothing changed since: nothing more is renamed
    assert again.returncode == 0 and "đổi tên" not in again.stderr


def test_a_product_still_valid_from_another_year_is_said_when_it_gets_a_new_number(tmp_path):
    """FINDINGS 36: last year's products numbered again under this year's decision (re-evaluated, upgraded, or the
    old table used again): the trial and the run name the certificate still valid and how to void it."""
    table = write_csv(tmp_path / "t.csv", product_rows(1))
    assert batch(tmp_path, table, write_issuer(tmp_path, "2025.json", date="2025-10-28")).returncode == 0
    this_year = write_issuer(tmp_path, "2026.json", decision={"number": 3001, "date": "2026-10-28"})
    said = ("Dòng 2: 'Sản phẩm số 1' được số mới 001/2026/GCN-OCOP nhưng vẫn còn giấy chứng nhận số 001/2025/GCN-OCOP "
            "(Quyết định 2698/QĐ-UBND, còn hiệu lực đến hết ngày 28/10/2028); giấy mới không tự hủy giấy cũ")
    trial = batch(tmp_path, table, this_year, "gcn-2026", "--thu")
    assert trial.returncode == 0 and said in trial.stderr, trial.stderr
    run = batch(tmp_path, table, this_year, "gcn-2026")
    assert run.returncode == 0 and said in run.stderr and "register huy 001/2025/GCN-OCOP" in run.stderr


def test_a_number_format_without_the_year_is_one_series_over_the_years(tmp_path):
    """FINDINGS 79: "{so:03d}/GCN-OCOP" prints no year, so 2026 continues after 2025's numbers instead of printing
    "001/GCN-OCOP" a second time; a printed number held twice in two years is flagged by `register list`."""
    numbering = {"format": "{so:03d}/GCN-OCOP", "start": 1}
    first = write_issuer(tmp_path, "2025.json", date="2025-10-20", numbering=numbering)
    second = write_issuer(tmp_path, "2026.json", date="2026-06-20", numbering=numbering)
    assert batch(tmp_path, write_csv(tmp_path / "a.csv", product_rows(2)), first, "g25").returncode == 0
    trial = batch(tmp_path, write_csv(tmp_path / "b.csv", product_rows(1, prefix="Cam")), second, "g26", "--thu")
    assert "003/GCN-OCOP — Cam số 1" in trial.stdout
    assert batch(tmp_path, write_csv(tmp_path / "b.csv", product_rows(1, prefix="Cam")), second, "g26").returncode == 0
    reg = str(tmp_path / "r.sqlite")
    with open_register(reg, readonly=True) as r:
        assert [(e.year, e.number) for e in r.entries()] == [(2025, "001/GCN-OCOP"), (2025, "002/GCN-OCOP"),
                                                              (2026, "003/GCN-OCOP")]
    assert run_cli("register", "list", "--register", reg).returncode == 0
    db = sqlite3.connect(reg)  # as an older version numbered it: 2026 from 001 again
    db.execute("UPDATE certificates SET seq = 1, number = '001/GCN-OCOP' WHERE year = 2026")
    db.commit()
    db.close()
    listing = run_cli("register", "list", "--register", reg)
    assert listing.returncode == 1
    assert "số 001/GCN-OCOP của Ủy ban nhân dân tỉnh Hà Tĩnh năm 2025, 2026 có 2 lần trong sổ" in listing.stderr


def test_export_of_one_body_by_a_part_of_its_name_or_refused(tmp_path):
    """FINDINGS 71: `--co-quan "Hà Tĩnh"` (a part of the name, as `register list --issuer`) exports that body; a name
    that matches no body is an error listing the bodies (exit 2), never an empty workbook."""
    assert batch(tmp_path, write_csv(tmp_path / "t.csv", product_rows(2)), write_issuer(tmp_path)).returncode == 0
    reg = str(tmp_path / "r.sqlite")
    short = run_cli("register", "xuat", "-o", str(tmp_path / "a.xlsx"), "--co-quan", "Hà Tĩnh", "--register", reg)
    assert short.returncode == 0 and "(2 số)" in short.stdout
    none = run_cli("register", "xuat", "-o", str(tmp_path / "b.xlsx"), "--co-quan", "Huế", "--register", reg)
    assert none.returncode == 2 and "«Huế» không khớp cơ quan nào trong sổ (các cơ quan: Ủy ban nhân dân tỉnh Hà Tĩnh)" \
        in none.stderr
    assert not (tmp_path / "b.xlsx").exists()
