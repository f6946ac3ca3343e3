"""Kế hoạch năm sau in the browser: upload or paste last year's plan, review list, edit, files."""
from __future__ import annotations

import io
import zipfile

import openpyxl

from web_helpers import csrf_of, docx_text, text_of, wait_job, word_findings_of


def test_word_plan_rolled_forward_reviewed_edited_and_downloaded(client, rendered_plans):
    r = client.post("/ke-hoach", data={"csrf": csrf_of(client, "/ke-hoach"), "nam": "2025"},
                    files={"tep": ("kế hoạch 2024.docx", rendered_plans["ben-cau-2024"].read_bytes())},
                    follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    job = r.headers["location"]
    html = wait_job(client, job)
    text = text_of(html)
    assert "Kế hoạch năm 2025 từ kế hoạch 2024.docx" in text
    assert "Cảnh báo: Ủy ban nhân dân huyện Bến Cầu là cơ quan cấp huyện" in text
    # Each decision left to the officer, with the page of the draft it is on.
    assert "Mục IV, đoạn 1 — Kinh phí «14.000.000 đồng» Việc cần làm: Kinh phí của kế hoạch năm 2024 được giữ nguyên" in text
    assert "Phần đầu (số, ngày) — Số, ngày ban hành" in text
    assert f'{job}/trang/5.jpg' in html
    picture = client.get(f"{job}/trang/5.jpg")  # JPEG: made 15 times quicker than PNG for pages of text
    assert picture.headers["content-type"] == "image/jpeg" and picture.content.startswith(b"\xff\xd8")
    clean = docx_text(client.get(f"{job}/tai/docx").content)
    assert "năm 2025" in clean and "Chương trình OCOP năm 2024" not in clean
    draft = client.get(f"{job}/tai/draft")
    assert "d%E1%BB%B1%20th%E1%BA%A3o" in draft.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(draft.content)) as package:  # Word's tracked changes and comments
        assert b"<w:ins " in package.read("word/document.xml") and "word/comments.xml" in package.namelist()
    assert word_findings_of(draft.content) == []
    assert client.get(f"{job}/tai/pdf").content.startswith(b"%PDF")
    report = client.get(f"{job}/tai/report")  # an Excel workbook officers open, not Markdown
    assert "xlsx" in report.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(report.content))
    assert book.sheetnames[0] == "Việc cần quyết định" and {"Các ô để điền", "Thay đổi đã làm"} <= set(book.sheetnames)
    assert any("14.000.000" in str(c.value) for row in book["Việc cần quyết định"].iter_rows() for c in row)

    # Each value to decide has its box beside its item: the amount, the target, the number…
    assert 'name="so-tien-1"' in html and 'name="chi-tieu-1"' in html and 'name="nguoi-ky-ho-ten"' in html
    assert 'href="#trang-5"' in html and 'id="trang-5"' in html  # each item is linked to its page of the preview

    # A wrong amount and a date outside the year: refused, each named beside its box, nothing made.
    token = csrf_of(client, job)
    r = client.post(f"{job}/sua-ke-hoach", data={"csrf": token, "so-tien-1": "20,000,000", "ngay": "2027-01-05",
                                                 "chi-tieu-1": "03"}, follow_redirects=False)
    assert r.status_code == 400
    text = text_of(r.text)
    assert "«Số tiền 1 (Mục IV, đoạn 1)»: số tiền '20,000,000' không rõ ràng" in text
    assert "«Ngày ký»: ngày 05/01/2027 nằm ngoài thời gian ký kế hoạch năm 2025" in text
    assert 'value="20,000,000"' in r.text and 'aria-invalid="true"' in r.text  # what was typed stays, marked

    # The officer decides the number, date, signer, an amount and a target; the draft is made again.
    r = client.post(f"{job}/sua-ke-hoach", data={"csrf": token, "so": "45", "ngay": "2025-02-10",
                                                 "nguoi-ky-ho-ten": "Nguyễn Văn Hải", "so-tien-1": "20.000.000",
                                                 "chi-tieu-1": "03", "nguoi_sua": "Lê Thị Hoa"},
                    follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    edited = r.headers["location"]
    html = wait_job(client, edited)
    text = text_of(html)
    assert "(đã điền 5 ô)" in text and "Đã quyết định" in text and 'value="20.000.000"' in html
    body = docx_text(client.get(f"{edited}/tai/docx").content)
    assert "Số: 45/KH-UBND" in body and "ngày 10 tháng 02 năm 2025" in body and "Nguyễn Văn Hải" in body
    assert "20.000.000 đồng" in body and "14.000.000" not in body and "ít nhất 03 sản phẩm" in body
    edited_draft = client.get(f"{edited}/tai/draft").content
    assert word_findings_of(edited_draft) == []  # the officer's answers as tracked changes: valid too
    with zipfile.ZipFile(io.BytesIO(edited_draft)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert 'w:author="Lê Thị Hoa"' in xml and 'w:author="ocop-docs"' in xml


def test_pasted_text_and_a_bad_year(client):
    token = csrf_of(client, "/ke-hoach")
    r = client.post("/ke-hoach", data={"csrf": token, "nam": "hai nghìn"}, files={"tep": ("", b"")})
    assert r.status_code == 400
    assert "ô «Năm của kế hoạch mới»: cần một năm, ví dụ 2026" in text_of(r.text)
    r = client.post("/ke-hoach", data={"csrf": token, "nam": "2026"}, files={"tep": ("", b"")})
    assert r.status_code == 400
    assert "chọn tệp kế hoạch năm trước hoặc dán nội dung" in text_of(r.text)
    r = client.post("/ke-hoach", data={"csrf": token, "nam": "2026", "van_ban": "Một dòng chữ không phải kế hoạch."},
                    files={"tep": ("", b"")}, follow_redirects=False)
    text = text_of(wait_job(client, r.headers["location"]))
    assert "ke-hoach-dan-vao.txt" in text and "Traceback" not in text


def test_answers_are_refused_before_the_draft_exists_without_the_form_token_and_for_another_job(client, plan_with_faults):
    r = client.post("/kiem-tra", data={"csrf": csrf_of(client)}, files={"tep": ("kh.docx", plan_with_faults.read_bytes())},
                    follow_redirects=False)
    check = r.headers["location"]
    wait_job(client, check)
    r = client.post(f"{check}/sua-ke-hoach", data={"csrf": csrf_of(client, "/ke-hoach"), "so": "5"})
    assert r.status_code == 400 and "Chỉ sửa được sau khi bản dự thảo đã tạo xong." in text_of(r.text)
    r = client.post(f"{check}/sua-ke-hoach", data={"so": "5"})
    assert r.status_code == 403 and "mã chống giả mạo không khớp" in text_of(r.text)
    r = client.post("/viec/khong-co-viec-nay-0123456789/sua-ke-hoach", data={"csrf": csrf_of(client, "/ke-hoach")})
    assert r.status_code == 404


def test_the_new_year_defaults_to_the_year_after_the_old_plan_and_a_skipped_year_is_warned(client, rendered_plans):
    page = client.get("/ke-hoach").text
    assert 'name="nam" value=""' in page  # no year of the clock: the old plan's year decides
    old = rendered_plans["vi-du-xa-2026-bang-bieu"].read_bytes()  # a commune's plan for 2026
    token = csrf_of(client, "/ke-hoach")
    r = client.post("/ke-hoach", data={"csrf": token, "nam": ""}, files={"tep": ("kh 2026.docx", old)},
                    follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    job = r.headers["location"]
    text = text_of(wait_job(client, job))
    assert "Kế hoạch năm 2027 từ kh 2026.docx" in text and "bỏ qua năm" not in text
    assert "Thực hiện Chương trình Mỗi xã một sản phẩm trên địa bàn xã Long Thuận năm 2027" in docx_text(
        client.get(f"{job}/tai/docx").content)

    r = client.post("/ke-hoach", data={"csrf": token, "nam": "2028"}, files={"tep": ("kh 2026.docx", old)},
                    follow_redirects=False)
    text = text_of(wait_job(client, r.headers["location"]))
    assert "Kế hoạch năm 2028 từ kh 2026.docx" in text
    assert "Cảnh báo: kế hoạch cũ là năm 2026, kế hoạch mới là năm 2028 (bỏ qua năm 2027)" in text


def test_an_old_word_doc_is_refused_with_what_to_do(client):
    # Word 97 files: most archived commune plans; the page says how to make a .docx of it
    old = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    r = client.post("/ke-hoach", data={"csrf": csrf_of(client, "/ke-hoach"), "nam": "2026"},
                    files={"tep": ("van-ninh-2025.doc", old)})
    assert r.status_code == 400
    text = text_of(r.text)
    assert "tệp .doc là định dạng cũ: hãy mở bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) dạng .docx" in text
    assert "YAML" not in text and "tệp dữ liệu .yaml của ocop-docs" in text


def test_a_district_plan_for_2026_asks_for_the_new_issuer_in_the_form_and_keeps_the_file(client, rendered_plans):
    token = csrf_of(client, "/ke-hoach")
    r = client.post("/ke-hoach", data={"csrf": token, "nam": "2026"},
                    files={"tep": ("kế hoạch 2024.docx", rendered_plans["ben-cau-2024"].read_bytes())},
                    follow_redirects=False)
    job = r.headers["location"]
    html = wait_job(client, job)
    text = text_of(html)
    assert "điền ô «Cơ quan ban hành mới (nếu đổi)»" in text and "--issuer" not in text
    again = client.get(f"/ke-hoach?tu={job.rsplit('/', 1)[1]}").text  # "Quay lại sửa"
    assert f'href="/ke-hoach?tu={job.rsplit("/", 1)[1]}"' in html
    assert "Đang dùng tệp đã chọn lần trước: kế hoạch 2024.docx" in text_of(again) and 'name="nam" value="2026"' in again
    r = client.post("/ke-hoach", data={"csrf": csrf_of(client, "/ke-hoach"), "nam": "2026", "tu": job.rsplit("/", 1)[1],
                                       "co_quan": "Ủy ban nhân dân tỉnh Tây Ninh"}, follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    text = text_of(wait_job(client, r.headers["location"]))
    assert "Kế hoạch năm 2026 từ kế hoạch 2024.docx" in text and "Tải bản sạch" in text
