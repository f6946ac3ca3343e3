"""Sổ đăng ký in the browser: read-only listing with status, each number's history, void and
re-issue (cấp lại) with a confirmation step."""
from __future__ import annotations

import io
import sqlite3
import subprocess
import time
import zipfile

import pytest
from web_helpers import RESULTS_XLSX, ROUND_FORM, ROUND_YAML, csrf_of, text_of, wait_job

from ocop_docs.certificates import run_certificates
from ocop_docs.certificates.files import sha256_file
from ocop_docs.certificates.trial_mark import TRIAL_MARK


@pytest.fixture
def register(tmp_path):
    """The register of the sample round: 34 numbers, 001–034/2026/GCN-OCOP (the app's register)."""
    path = tmp_path / "so-dang-ky.sqlite"
    run_certificates(RESULTS_XLSX, ROUND_YAML, tmp_path / "gcn", register=path)
    return path


def row_of(register, number: str) -> int:
    with sqlite3.connect(register) as db:
        return db.execute("SELECT id FROM certificates WHERE number = ?", (number,)).fetchone()[0]


def test_listing_is_read_only_and_shows_each_status(client, register):
    before = sha256_file(register)
    client.get("/so-dang-ky")
    started = time.perf_counter()
    r = client.get("/so-dang-ky", params={"nam": "2026"})
    assert time.perf_counter() - started < 0.3
    text = text_of(r.text)
    assert "Cộng: 34 giấy chứng nhận." in text
    assert "001/2026/GCN-OCOP đã cấp Cam Vũ Quang Hợp tác xã Cam Vũ Quang 4 sao" in text
    assert sha256_file(register) == before  # looked at, never written
    page = text_of(client.get(f"/so-dang-ky/so/{row_of(register, '001/2026/GCN-OCOP')}").text)
    assert "Tình trạng đã cấp" in page and "Quyết định công nhận 2698/QĐ-UBND ngày 28/10/2026" in page
    assert "giữ số cho sản phẩm" in page and "đã có đủ tệp, số có giá trị" in page  # its history
    assert client.get("/so-dang-ky/so/99999").status_code == 404


def test_a_reserved_number_is_not_reissued(client, register):
    row = row_of(register, "004/2026/GCN-OCOP")
    with sqlite3.connect(register) as db:  # as a run stopped before its files were written leaves it
        db.execute("UPDATE certificates SET status = 'reserved' WHERE id = ?", (row,))
    page = text_of(client.get(f"/so-dang-ky/so/{row}").text)
    assert "đang giữ số, chưa có đủ tệp (chưa có giá trị)" in page and "Hủy số 004/2026/GCN-OCOP" in page
    assert "Cấp lại số mới" not in page
    r = client.get(f"/so-dang-ky/so/{row}/cap-lai")
    assert r.status_code == 400 and "chạy lại bảng kết quả để hoàn tất số này" in text_of(r.text)


def test_void_asks_for_a_reason_and_a_confirmation(client, register):
    row = row_of(register, "003/2026/GCN-OCOP")
    token = csrf_of(client, f"/so-dang-ky/so/{row}")
    assert client.post(f"/so-dang-ky/so/{row}/huy", data={"ly_do": "x", "xac_nhan": "1"}).status_code == 403  # no CSRF
    r = client.post(f"/so-dang-ky/so/{row}/huy", data={"csrf": token, "ly_do": "  "})
    assert r.status_code == 400 and "Cần ghi lý do hủy số." in text_of(r.text)
    before = sha256_file(register)
    r = client.post(f"/so-dang-ky/so/{row}/huy", data={"csrf": token, "ly_do": "Chủ thể trả lại giấy"})
    text = text_of(r.text)
    assert r.status_code == 200 and "Xác nhận hủy số 003/2026/GCN-OCOP" in text
    assert "lý do: «Chủ thể trả lại giấy»" in text and "không bao giờ được cấp cho giấy khác" in text
    assert sha256_file(register) == before  # nothing written before the confirmation
    r = client.post(f"/so-dang-ky/so/{row}/huy", data={"csrf": token, "ly_do": "Chủ thể trả lại giấy", "xac_nhan": "1"},
                    follow_redirects=False)
    assert r.status_code == 303
    text = text_of(client.get(r.headers["location"]).text)
    assert "Đã hủy số này" in text and "Tình trạng đã hủy — lý do: Chủ thể trả lại giấy" in text
    assert "hủy số Chủ thể trả lại giấy" in text  # the history line, with its reason
    assert "Cấp lại số mới" not in text  # a void number has no actions left
    listing = text_of(client.get("/so-dang-ky", params={"tim": "003/2026/GCN-OCOP"}).text)
    assert "003/2026/GCN-OCOP đã hủy Lý do: Chủ thể trả lại giấy" in listing


def test_reissue_with_trial_confirmation_and_history(client, register, make_app):
    old = row_of(register, "002/2026/GCN-OCOP")
    form_page = client.get(f"/so-dang-ky/so/{old}/cap-lai")
    assert form_page.status_code == 200
    assert 'value="Ủy ban nhân dân tỉnh Hà Tĩnh"' in form_page.text and 'value="2698"' in form_page.text
    assert 'value="2026-10-28"' in form_page.text
    token = csrf_of(client, f"/so-dang-ky/so/{old}/cap-lai")
    data = {"csrf": token, **ROUND_FORM, "nhom": "Trái cây tươi", "dia_chi": "xã Phúc Trạch, tỉnh Hà Tĩnh", "ma_so": ""}
    r = client.post(f"/so-dang-ky/so/{old}/cap-lai", data={**data, "ly_do": ""})
    assert r.status_code == 400 and "ô «Lý do cấp lại»" in text_of(r.text)
    r = client.post(f"/so-dang-ky/so/{old}/cap-lai", data={**data, "ly_do": "x", "ngay_qd": "2027-01-05"})
    assert r.status_code == 400 and "Cấp lại phải cùng cơ quan và cùng năm" in text_of(r.text)

    before = sha256_file(register)
    r = client.post(f"/so-dang-ky/so/{old}/cap-lai", data={**data, "ly_do": "Chủ thể báo mất giấy"}, follow_redirects=False)
    assert r.status_code == 303
    trial = r.headers["location"]
    text = text_of(wait_job(client, trial))
    assert ("Cấp lại: số 002/2026/GCN-OCOP sẽ bị hủy (lý do: «Chủ thể báo mất giấy») và sản phẩm nhận số mới "
            "035/2026/GCN-OCOP") in text
    assert "Xác nhận cấp lại: hủy số 002/2026/GCN-OCOP, cấp số 035/2026/GCN-OCOP" in text
    assert sha256_file(register) == before  # the trial is the confirmation step: nothing written yet
    # The sample picture is marked as a trial in its PDF's text, and is a PNG.
    job = client.app.state.pool.get(trial.rsplit("/", 1)[1], "may-nay")
    marked = subprocess.run(["pdftotext", "-raw", str(job.folder / "ra" / "mau.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert TRIAL_MARK in marked and "Bưởi đỏ Phúc Trạch" in marked
    assert client.get(f"{trial}/trang/1.png").content.startswith(b"\x89PNG")

    r = client.post(f"{trial}/cap-that", data={"csrf": token}, follow_redirects=False)
    real = r.headers["location"]
    text = text_of(wait_job(client, real, timeout=300))
    assert "Đã cấp lại: số 002/2026/GCN-OCOP đã hủy (lý do: «Chủ thể báo mất giấy»), thay bằng số 035/2026/GCN-OCOP" in text
    new = row_of(register, "035/2026/GCN-OCOP")
    assert f'href="/so-dang-ky/so/{new}">035/2026/GCN-OCOP' in client.get(real).text
    with zipfile.ZipFile(io.BytesIO(client.get(f"{real}/tai/zip").content)) as archive:
        (name,) = [n for n in archive.namelist() if n.startswith("docx/")]
        xml = zipfile.ZipFile(io.BytesIO(archive.read(name))).read("word/document.xml").decode("utf-8")
    assert "035/2026/GCN-OCOP" in xml and "Bưởi đỏ Phúc Trạch" in xml and "Nhóm sản phẩm: Trái cây tươi" in xml
    assert "BẢN THỬ" not in xml  # the real certificate has no trial mark

    # The register: the old number void with its reason, the new one naming it, both histories.
    old_page = text_of(client.get(f"/so-dang-ky/so/{old}").text)
    assert "Tình trạng đã hủy — lý do: Chủ thể báo mất giấy" in old_page and "Được thay bằng số 035/2026/GCN-OCOP" in old_page
    new_page = text_of(client.get(f"/so-dang-ky/so/{new}").text)
    assert "Cấp lại thay số 002/2026/GCN-OCOP (đã hủy: Chủ thể báo mất giấy)" in new_page
    assert "cấp số mới thay số đã hủy Chủ thể báo mất giấy thay số 002/2026/GCN-OCOP" in new_page
    listing = text_of(client.get("/so-dang-ky", params={"tim": "Bưởi đỏ"}).text)
    assert "002/2026/GCN-OCOP đã hủy Lý do: Chủ thể báo mất giấy Được thay bằng số 035/2026/GCN-OCOP" in listing
    assert "035/2026/GCN-OCOP đã cấp Cấp lại thay số 002/2026/GCN-OCOP" in listing
    # A void number cannot be re-issued again.
    assert client.get(f"/so-dang-ky/so/{old}/cap-lai").status_code == 400


def test_an_empty_register_says_so(client, tmp_path):
    assert "Sổ đăng ký chưa có giấy chứng nhận nào khớp điều kiện." in text_of(client.get("/so-dang-ky").text)
    r = client.get("/so-dang-ky/xuat-excel")
    assert r.status_code == 400 and "Sổ đăng ký chưa có số nào để xuất" in text_of(r.text)
    assert str(tmp_path) not in r.text  # no path of the server
    assert client.get("/so-dang-ky/so/1").status_code == 404


def test_a_register_longer_than_a_page_pages_on(client, tmp_path):
    # 1.500 certificates: every number reachable, 500 a page (FINDINGS 57)
    from datetime import date

    from ocop_docs.certificates.issuers import issuer_key
    from ocop_docs.certificates.register import Request, open_register
    from ocop_docs.model.product import product_key

    day = date(2026, 10, 28)
    with open_register(tmp_path / "so-dang-ky.sqlite") as reg:
        reg.assign(issuer_key=issuer_key("Ủy ban nhân dân tỉnh Hà Tĩnh"), issuer_name="Ủy ban nhân dân tỉnh Hà Tĩnh",
                   year=2026, decision="2698/QĐ-UBND", decision_date=day, issued_on=day, valid_until=date(2029, 10, 28),
                   number_text=lambda s, y: f"{s:04d}/{y}/GCN-OCOP", start=1,
                   requests=[Request(product_key(f"Sản phẩm {k}", "HTX A"), f"Sản phẩm {k}", "HTX A", "", None, 3,
                                     "60.00", k) for k in range(1, 1201)])
    first = text_of(client.get("/so-dang-ky").text)
    assert "Cộng: 1200 giấy chứng nhận; trang 1/3 (dòng 1–500)." in first and "Trang 3" in first
    last = client.get("/so-dang-ky?tim=&nam=&trang=3")
    text = text_of(last.text)
    assert "trang 3/3 (dòng 1001–1200)" in text
    assert "1200/2026/GCN-OCOP" in text and "0500/2026/GCN-OCOP" not in text
