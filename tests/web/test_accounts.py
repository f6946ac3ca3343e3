"""Safety of a province's server: accounts, login, each body sees only its own work, job expiry."""
from __future__ import annotations

import io
import sqlite3
import time

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from starlette.testclient import TestClient
from web_helpers import RESULTS_XLSX, ROUND_FORM, ROUND_YAML, csrf_of, text_of, wait_job

from ocop_docs.certificates import run_certificates
from ocop_docs.cli import main
from ocop_docs.errors import DataError
from ocop_docs.web.accounts import add_account, load_accounts, verify_password

HA_TINH = "Ủy ban nhân dân tỉnh Hà Tĩnh"
QUANG_TRI = "Ủy ban nhân dân tỉnh Quảng Trị"


@pytest.fixture
def users(tmp_path):
    path = tmp_path / "tai-khoan.yaml"
    add_account(path, "hatinh", HA_TINH, "mat-khau-ha-tinh")
    add_account(path, "quangtri", QUANG_TRI, "mat-khau-quang-tri")
    return path


def login(client, name, password):
    return client.post("/dang-nhap", data={"csrf": csrf_of(client, "/dang-nhap"), "ten": name, "mat_khau": password},
                       follow_redirects=False)


def test_users_file_keeps_only_scrypt_hashes(users):
    text = users.read_text(encoding="utf-8")
    assert "mat-khau-ha-tinh" not in text
    assert users.stat().st_mode & 0o077 == 0
    accounts = load_accounts(users)
    assert accounts["hatinh"].issuer == HA_TINH
    assert accounts["hatinh"].password_hash.startswith("scrypt$")
    assert verify_password("mat-khau-ha-tinh", accounts["hatinh"].password_hash)
    assert not verify_password("mat-khau-quang-tri", accounts["hatinh"].password_hash)


def test_bad_accounts_are_refused_with_a_message(tmp_path, users):
    with pytest.raises(DataError, match="mật khẩu cần ít nhất 8 ký tự"):
        add_account(tmp_path / "a.yaml", "hatinh", HA_TINH, "ngan")
    with pytest.raises(DataError, match="tên tài khoản chỉ gồm"):
        add_account(tmp_path / "a.yaml", "Hà Tĩnh", HA_TINH, "mat-khau-dai")
    users.write_text(yaml.safe_dump({"users": [{"name": "x", "issuer": HA_TINH}]}), encoding="utf-8")
    with pytest.raises(DataError, match=r"users\[0\].*cần name, issuer"):
        load_accounts(users)


def test_pages_need_a_login_and_a_wrong_password_is_refused(make_app, users):
    with TestClient(make_app(users_file=users)) as client:
        r = client.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/dang-nhap"
        assert client.get("/kiem-tra", follow_redirects=False).status_code == 303
        assert client.get("/so-dang-ky", follow_redirects=False).status_code == 303
        r = login(client, "hatinh", "sai-mat-khau")
        assert r.status_code == 401
        assert "Sai tên tài khoản hoặc mật khẩu." in text_of(r.text)
        r = login(client, "hatinh", "mat-khau-ha-tinh")
        assert r.status_code == 303
        assert f"hatinh — {HA_TINH}" in text_of(client.get("/").text)
        r = client.post("/dang-xuat", data={"csrf": csrf_of(client)}, follow_redirects=False)
        assert r.headers["location"] == "/dang-nhap"
        assert client.get("/", follow_redirects=False).status_code == 303


def test_each_body_sees_only_its_own_work_and_register(make_app, users, tmp_path):
    app = make_app(users_file=users)
    with TestClient(app) as ha_tinh, TestClient(app) as quang_tri:
        login(ha_tinh, "hatinh", "mat-khau-ha-tinh")
        login(quang_tri, "quangtri", "mat-khau-quang-tri")
        data = {"csrf": csrf_of(ha_tinh, "/giay-chung-nhan"), **ROUND_FORM}
        r = ha_tinh.post("/giay-chung-nhan/chay-thu", data=data, files={"bang": ("kq.xlsx", RESULTS_XLSX.read_bytes())},
                         follow_redirects=False)
        trial = r.headers["location"]
        wait_job(ha_tinh, trial)
        r = ha_tinh.post(f"{trial}/cap-that", data={"csrf": csrf_of(ha_tinh)}, follow_redirects=False)
        real = r.headers["location"]
        wait_job(ha_tinh, real, timeout=300)
        # Quảng Trị cannot open Hà Tĩnh's jobs, pictures or files, nor see its register entries.
        for path in (trial, real, f"{real}/tai/zip", f"{trial}/trang/1.png", f"{trial}/tien-do"):
            assert quang_tri.get(path).status_code == 404, path
        assert quang_tri.post(f"{trial}/cap-that", data={"csrf": csrf_of(quang_tri)}).status_code == 404
        text = text_of(quang_tri.get("/so-dang-ky", params={"tim": "Cam"}).text)
        assert "GCN-OCOP" not in text and "chưa có giấy chứng nhận nào" in text
        assert "001/2026/GCN-OCOP" in text_of(ha_tinh.get("/so-dang-ky", params={"tim": "Cam"}).text)
        assert "Chạy thử" not in text_of(quang_tri.get("/").text)
        # Hà Tĩnh's number 001 is as absent for Quảng Trị as a missing one: no page, no void, no re-issue.
        with sqlite3.connect(tmp_path / "so-dang-ky.sqlite") as db:
            (row_id,) = db.execute("SELECT id FROM certificates WHERE number = '001/2026/GCN-OCOP'").fetchone()
        assert "Lịch sử của số này" in text_of(ha_tinh.get(f"/so-dang-ky/so/{row_id}").text)
        token = csrf_of(quang_tri, "/so-dang-ky")
        for r in (quang_tri.get(f"/so-dang-ky/so/{row_id}"), quang_tri.get(f"/so-dang-ky/so/{row_id}/cap-lai"),
                  quang_tri.post(f"/so-dang-ky/so/{row_id}/huy", data={"csrf": token, "ly_do": "thử hủy số của tỉnh khác",
                                                                      "xac_nhan": "1"}),
                  quang_tri.post(f"/so-dang-ky/so/{row_id}/cap-lai", data={"csrf": token, "ly_do": "thử", **ROUND_FORM})):
            assert r.status_code == 404 and f"Không có mã dòng {row_id} của cơ quan này" in text_of(r.text)
        # Quảng Trị issues its own numbers; each body's Excel export holds its own rows and history only.
        quang_tri_round = tmp_path / "quang-tri.yaml"
        quang_tri_round.write_text(ROUND_YAML.read_text(encoding="utf-8").replace(HA_TINH, QUANG_TRI), encoding="utf-8")
        run_certificates(RESULTS_XLSX, quang_tri_round, tmp_path / "qt", register=tmp_path / "so-dang-ky.sqlite")
        for client, mine, other in ((ha_tinh, HA_TINH, QUANG_TRI), (quang_tri, QUANG_TRI, HA_TINH)):
            r = client.get("/so-dang-ky/xuat-excel")
            assert r.status_code == 200
            book = openpyxl.load_workbook(io.BytesIO(r.content))
            rows = [row for row in book["Sổ đăng ký"].iter_rows(min_row=2, values_only=True) if row[0]]
            assert len(rows) == 34 and {row[2] for row in rows} == {mine}
            cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
            assert not [c for c in cells if other in c]
            history = list(book["Lịch sử"].iter_rows(min_row=2, values_only=True))
            assert len([h for h in history if h[1] == "giữ số cho sản phẩm"]) == 34
        # …nor issue certificates in Hà Tĩnh's name.
        data = {"csrf": csrf_of(quang_tri, "/giay-chung-nhan"), **ROUND_FORM}
        r = quang_tri.post("/giay-chung-nhan/chay-thu", data=data, files={"bang": ("kq.xlsx", RESULTS_XLSX.read_bytes())})
        assert r.status_code == 400
        assert f"tài khoản này thuộc {QUANG_TRI}; chỉ cấp giấy chứng nhận của cơ quan mình" in text_of(r.text)
        # Nor under its own name with Hà Tĩnh's register key (numbers are kept per key).
        round_yaml = ROUND_YAML.read_text(encoding="utf-8").replace(HA_TINH, QUANG_TRI).replace(
            "kind: certificate-issuer", f"kind: certificate-issuer\nregister_key: \"{HA_TINH}\"")
        r = quang_tri.post("/giay-chung-nhan/chay-thu", data={"csrf": csrf_of(quang_tri, "/giay-chung-nhan")},
                           files={"bang": ("kq.xlsx", RESULTS_XLSX.read_bytes()), "tep_dot": ("dot.yaml", round_yaml.encode())})
        assert r.status_code == 400
        assert f"sổ đăng ký của {HA_TINH}" in text_of(r.text)


def test_serve_refuses_another_host_without_accounts():
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "phải có tệp tài khoản --users" in result.output


def test_serve_adds_an_account(tmp_path):
    users = tmp_path / "tk.yaml"
    result = CliRunner().invoke(main, ["serve", "--users", str(users), "--them-tai-khoan", "hatinh", "--co-quan", HA_TINH],
                                input="mat-khau-ha-tinh\nmat-khau-ha-tinh\n")
    assert result.exit_code == 0, result.output
    assert f"Đã ghi tài khoản hatinh ({HA_TINH})" in result.output
    assert verify_password("mat-khau-ha-tinh", load_accounts(users)["hatinh"].password_hash)


def test_finished_jobs_and_their_folders_are_removed_after_the_time_limit(make_app, rendered_plans):
    app = make_app(job_ttl_seconds=1)
    with TestClient(app) as client:
        r = client.post("/kiem-tra", data={"csrf": csrf_of(client)},
                        files={"tep": ("kh.docx", rendered_plans["ben-cau-2024"].read_bytes())}, follow_redirects=False)
        job = r.headers["location"]
        folder = app.state.pool.get(job.rsplit("/", 1)[1], "may-nay").folder
        assert folder.exists()
        for _ in range(300):  # the server's own sweep removes it once done and old: no new job is needed
            if not folder.exists():
                break
            time.sleep(0.1)
        assert not folder.exists()
        assert client.get(job).status_code == 404


def test_serve_keeps_its_register_in_the_work_folder_named_and_says_where(tmp_path, monkeypatch):
    """Issue 13 item 3: no hidden register. With --thu-muc the register is there (not in a default folder
    under the home folder, which is not even created), and the start-up lines say which file it is."""
    import uvicorn

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("OCOP_DOCS_REGISTER", raising=False)
    monkeypatch.delenv("OCOP_DOCS_WEB_DIR", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)  # start-up only, no server
    result = CliRunner().invoke(main, ["serve", "--thu-muc", str(tmp_path / "web")])
    assert result.exit_code == 0, result.output
    register = tmp_path / "web" / "so-dang-ky-giay-chung-nhan.sqlite"
    assert f"Sổ đăng ký số giấy chứng nhận: {register} (chưa chỉ bằng --register" in result.output
    assert list(home.rglob("*")) == []
