"""Biểu mẫu và chấm điểm in the browser: blank and filled forms, score sheets to a star."""
from __future__ import annotations

import io

import openpyxl
from testpaths import SAMPLES
from web_helpers import csrf_of, docx_text, text_of, wait_job

SHEETS = sorted((SAMPLES / "forms").glob("phieu-cam-vu-quang-*.yaml"))



def test_blank_score_sheet_as_word_and_excel_with_its_pages(client):
    r = client.post("/bieu-mau/trang", data={"csrf": csrf_of(client, "/bieu-mau"), "loai": "phieu-danh-gia", "bo": "1"},
                    follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    job = r.headers["location"]
    text = text_of(wait_job(client, job))
    assert "Trang 1" in text and "Tải phiếu Excel (.xlsx) để chấm" in text
    assert client.get(f"{job}/trang/1.png").content.startswith(b"\x89PNG")
    body = docx_text(client.get(f"{job}/tai/docx").content)
    assert "Rau, củ, quả, hạt tươi" in body and "☐" in body
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{job}/tai/xlsx").content))
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any("Chọn (x)" in c for c in cells)


def test_filled_form_from_its_data_file(client):
    data = (SAMPLES / "forms" / "mau-01-cam-vu-quang.yaml").read_bytes()
    r = client.post("/bieu-mau/dien", data={"csrf": csrf_of(client, "/bieu-mau"), "loai": "mau-01"},
                    files={"du_lieu": ("phieu-dang-ky.yaml", data)}, follow_redirects=False)
    job = r.headers["location"]
    wait_job(client, job)
    body = docx_text(client.get(f"{job}/tai/docx").content)
    assert "Cam Vũ Quang" in body and "PHIẾU ĐĂNG KÝ" in body.upper()


def test_score_sheets_give_the_star_and_what_held_it_below_the_next(client):
    files = [("phieu", (p.name, p.read_bytes())) for p in SHEETS]
    r = client.post("/bieu-mau/cham-diem", data={"csrf": csrf_of(client, "/bieu-mau"), "quy_tac": "trung-binh"},
                    files=files, follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    job = r.headers["location"]
    text = text_of(wait_job(client, job))
    assert "Chấm điểm 3 phiếu đánh giá" in text
    assert "Cam Vũ Quang — Hợp tác xã Nông nghiệp Cam Vũ Quang" in text
    assert "Hạng 4 sao ★★★★" in text
    assert "Nguyễn Văn An 31 18 27 76 phieu-cam-vu-quang-an.yaml" in text
    assert "Trung bình 30,67 18,67 27,00 76,33" in text
    assert "Chưa đạt hạng 5 sao vì: - điểm trung bình chưa đạt 90 điểm (còn thiếu 13,67 điểm);" in text
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{job}/tai/xlsx").content))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert "Cam Vũ Quang" in values


def test_refusals_name_what_is_missing(client):
    token = csrf_of(client, "/bieu-mau")
    r = client.post("/bieu-mau/cham-diem", data={"csrf": token}, files={"phieu": ("", b"")})
    assert r.status_code == 400
    assert "chọn các phiếu đánh giá của thành viên Hội đồng" in text_of(r.text)
    r = client.post("/bieu-mau/trang", data={"csrf": token, "loai": "phieu-danh-gia", "bo": "27"})
    assert r.status_code == 400 and "cần số bộ tiêu chí (1–26)" in text_of(r.text)
    r = client.post("/bieu-mau/trang", data={"csrf": token, "loai": "bien-ban"})
    assert r.status_code == 400 and "Chọn một biểu mẫu trong danh sách" in text_of(r.text)
    r = client.post("/bieu-mau/cham-diem", data={"csrf": token}, files={"phieu": ("phieu.yaml", b"bo: 1\nticks: [")},
                    follow_redirects=False)
    text = text_of(wait_job(client, r.headers["location"]))
    assert "phieu.yaml" in text and "Traceback" not in text
