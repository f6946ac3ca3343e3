"""Giấy chứng nhận in the browser: trial run (register untouched), real run, .zip, register search."""
from __future__ import annotations

import io
import re
import sqlite3
import zipfile

import openpyxl
from web_helpers import RESULTS_XLSX, ROUND_FORM, ROUND_YAML, csrf_of, text_of, wait_job, word_findings_of


def _trial(client, form: dict, files: dict):
    data = {"csrf": csrf_of(client, "/giay-chung-nhan"), **form}
    return client.post("/giay-chung-nhan/chay-thu", data=data, files=files, follow_redirects=False)


def _register_count(path) -> int:
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM certificates").fetchone()[0]


def test_trial_then_real_run_from_the_form(client, tmp_path):
    register = tmp_path / "so-dang-ky.sqlite"
    r = _trial(client, ROUND_FORM, {"bang": ("kết quả đợt 2.xlsx", RESULTS_XLSX.read_bytes())})
    assert r.status_code == 303, text_of(r.text)
    trial = r.headers["location"]
    text = text_of(wait_job(client, trial))
    # The numbers the real run will give, the rejected rows with their reasons, one sample picture.
    assert "sổ đăng ký chưa bị ghi" in text
    assert "34 giấy chứng nhận: 7 sản phẩm 4 sao, 27 sản phẩm 3 sao." in text
    assert "001/2026/GCN-OCOP Cam Vũ Quang Hợp tác xã Cam Vũ Quang 4 sao 28/10/2029 5" in text
    assert "9 dòng không được cấp" in text
    assert "16 Mắm tép Thiên Cầm Hộ kinh doanh Võ Thị Hương cột F «Điểm»: điểm 'tám mươi' không phải là số" in text
    assert "sản phẩm 2 sao không được công nhận" in text
    sample = client.get(f"{trial}/trang/1.png")
    assert sample.status_code == 200 and sample.content.startswith(b"\x89PNG")
    assert _register_count(register) == 0  # the trial took no number

    r = client.post(f"{trial}/cap-that", data={"csrf": csrf_of(client)}, follow_redirects=False)
    assert r.status_code == 303
    real = r.headers["location"]
    text = text_of(wait_job(client, real, timeout=300))
    assert "Đã cấp và ghi vào sổ đăng ký" in text
    assert "001/2026/GCN-OCOP Cam Vũ Quang" in text
    assert _register_count(register) == 34
    with sqlite3.connect(register) as db:  # FINDINGS 61: the uploaded file's name, not the server's folder
        assert {r[0] for r in db.execute("SELECT DISTINCT source FROM certificates")} == {"kết quả đợt 2.xlsx (tải lên trang web)"}

    z = client.get(f"{real}/tai/zip")
    assert z.status_code == 200
    disposition = z.headers["content-disposition"]
    assert "filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20nh%E1%BA%ADn%20OCOP" in disposition
    assert "/" not in disposition.split("filename")[1]  # "2698/QĐ-UBND" is not a folder
    with zipfile.ZipFile(io.BytesIO(z.content)) as archive:
        names = archive.namelist()
        assert len([n for n in names if n.startswith("docx/")]) == 34
        assert len([n for n in names if n.startswith("pdf/")]) == 34
        assert "giay-chung-nhan-tat-ca.pdf" in names
        assert word_findings_of(archive.read("docx/2026-001-cam-vu-quang.docx")) == []
        with zipfile.ZipFile(io.BytesIO(archive.read("docx/2026-001-cam-vu-quang.docx"))) as first:
            body = re.sub(r"<[^>]+>", "", first.read("word/document.xml").decode("utf-8"))
        assert "Cam Vũ Quang" in body and "001/2026/GCN-OCOP" in body and "Đạt hạng 4 sao" in body
        manifest = [[c.value for c in row] for row in
                    openpyxl.load_workbook(io.BytesIO(archive.read("manifest.xlsx"))).active.iter_rows()]
        numbered = [row for row in manifest if str(row[0] or "").endswith("/2026/GCN-OCOP")]
        assert len(numbered) == 34
        assert numbered[0][:3] == ["001/2026/GCN-OCOP", "Cam Vũ Quang", "Hợp tác xã Cam Vũ Quang"]
        rejects = [str(c.value) for row in openpyxl.load_workbook(io.BytesIO(archive.read("dong-bi-loai.xlsx"))).active.iter_rows()
                   for c in row if c.value is not None]
        assert any("không phải là số" in c for c in rejects)

    # The register page finds them; a trial run after the real one shows the same numbers.
    text = text_of(client.get("/so-dang-ky", params={"tim": "Cam Vũ Quang"}).text)
    assert "001/2026/GCN-OCOP đã cấp Cam Vũ Quang" in text
    text = text_of(client.get("/so-dang-ky", params={"nam": "2026"}).text)
    assert "Cộng: 34 giấy chứng nhận." in text
    r = _trial(client, ROUND_FORM, {"bang": ("ket-qua.xlsx", RESULTS_XLSX.read_bytes())})
    assert "001/2026/GCN-OCOP Cam Vũ Quang" in text_of(wait_job(client, r.headers["location"]))
    assert _register_count(register) == 34

    # The whole register as Excel; a number voided with its reason, kept in the register.
    book = openpyxl.load_workbook(io.BytesIO(client.get("/so-dang-ky/xuat-excel").content))
    assert sum(1 for row in book.worksheets[0].iter_rows(values_only=True) if str(row[0]).endswith("/2026/GCN-OCOP")) == 34
    with sqlite3.connect(register) as db:
        (row,) = db.execute("SELECT id FROM certificates WHERE number = '002/2026/GCN-OCOP'").fetchone()
    token = csrf_of(client, f"/so-dang-ky/so/{row}")
    r = client.post(f"/so-dang-ky/so/{row}/huy", data={"csrf": token, "ly_do": "", "xac_nhan": "1"})
    assert r.status_code == 400 and "lý do" in text_of(r.text)
    r = client.post(f"/so-dang-ky/so/{row}/huy", data={"csrf": token, "ly_do": "ghi sai tên chủ thể", "xac_nhan": "1"})
    assert "Đã hủy số này" in text_of(r.text)
    text = text_of(client.get("/so-dang-ky", params={"tim": "002/2026/GCN-OCOP"}).text)
    assert "002/2026/GCN-OCOP đã hủy Lý do: ghi sai tên chủ thể" in text
    assert _register_count(register) == 34  # voided, not deleted


def test_round_uploaded_as_yaml(client):
    r = _trial(client, {}, {"bang": ("ket-qua.xlsx", RESULTS_XLSX.read_bytes()),
                            "tep_dot": ("dot-2.yaml", ROUND_YAML.read_bytes())})
    assert r.status_code == 303
    assert "34 giấy chứng nhận" in text_of(wait_job(client, r.headers["location"]))


def test_a_form_mistake_names_the_field_and_keeps_what_was_typed(client):
    form = dict(ROUND_FORM, so_qd="")
    r = _trial(client, form, {"bang": ("ket-qua.xlsx", RESULTS_XLSX.read_bytes())})
    assert r.status_code == 400
    text = text_of(r.text)
    assert "Dữ liệu đợt cấp chưa đúng" in text
    assert "ô «Số quyết định»" in text
    assert 'value="Trần Minh Đức"' in r.text  # nothing typed is lost


def test_a_bad_table_is_refused_with_its_name(client):
    r = _trial(client, ROUND_FORM, {"bang": ("ket-qua.docx", b"PK\x03\x04")})
    assert r.status_code == 400
    assert "chỉ nhận: Excel .xlsx, CSV" in text_of(r.text)
    r = _trial(client, ROUND_FORM, {"bang": ("ket-qua.csv", "Không có cột nào đúng\n1;2;3\n".encode())})
    text = text_of(wait_job(client, r.headers["location"]))
    assert "ket-qua.csv" in text and "Traceback" not in text


def test_real_run_needs_a_finished_trial(client):
    r = _trial(client, ROUND_FORM, {"bang": ("ket-qua.csv", "Tên sản phẩm;Chủ thể\n".encode())})
    trial = r.headers["location"]
    wait_job(client, trial)
    r = client.post(f"{trial}/cap-that", data={"csrf": csrf_of(client)})
    assert r.status_code == 400
    assert "Chỉ cấp thật sau khi chạy thử xong và có ít nhất một dòng được cấp." in text_of(r.text)
