"""Kiểm tra thể thức in the browser: upload, findings by part next to their page, refusals."""
from __future__ import annotations

import re

import docx
from docx.shared import Mm

from web_helpers import csrf_of, text_of, wait_job


def _upload(client, name: str, data: bytes):
    return client.post("/kiem-tra", data={"csrf": csrf_of(client, "/kiem-tra")}, files={"tep": (name, data)},
                       follow_redirects=False)


def test_home_lists_the_jobs_in_vietnamese(client):
    r = client.get("/")
    assert r.status_code == 200
    text = text_of(r.text)
    assert "Bạn cần làm gì?" in text
    for name in ("Kiểm tra thể thức", "Giấy chứng nhận", "Sổ đăng ký"):
        assert name in text
    assert '<html lang="vi">' in r.text
    assert client.get("/static/htmx-2.0.4.min.js").status_code == 200  # vendored: works offline
    assert "script-src 'self'" in r.headers["content-security-policy"]  # no script from elsewhere
    assert r.headers["x-frame-options"] == "DENY"


def test_findings_are_grouped_by_part_each_with_its_page(client, plan_with_faults):
    r = _upload(client, plan_with_faults.name, plan_with_faults.read_bytes())
    assert r.status_code == 303
    job = r.headers["location"]
    html = wait_job(client, job)
    text = text_of(html)
    assert "Kế hoạch: 4 lỗi, 0 cảnh báo." in text
    # Groups in reading order, each finding under the part of the document it is in.
    head = text.index("Phần đầu: Quốc hiệu")
    body = text.index("Nội dung: căn cứ")
    general = text.index("Trình bày chung: khổ giấy")
    assert head < body < general
    date_finding = text.index("ô 4: địa danh, ngày tháng")
    assert head < date_finding < body
    assert "Thấy: không in nghiêng" in text and "(ND30-DATE-03)" in text
    assert "Thấy: lề trái 20,0 mm" in text and "(ND30-PAGE-03)" in text
    assert "Thấy: phông 'Arial'" in text
    # Each finding next to the picture of its page: the date on page 1, the Arial paragraph on page 2.
    articles = re.findall(r'<article class="finding.*?</article>', html, flags=re.DOTALL)
    pages = {re.search(r"\(ND30-[A-Z]+-\d+\)", text_of(a)).group(0): re.findall(r"/trang/(\d+)\.png", a) for a in articles}
    assert pages["(ND30-DATE-03)"][:1] == ["1"]
    assert pages["(ND30-FONT-01)"][:1] == ["2"]
    assert pages["(ND30-PAGE-03)"] == []  # a section setting: no single page
    # …and its line framed on the picture: the date line in the header block, right half.
    date_article = next(a for a in articles if "(ND30-DATE-03)" in a)
    left, top = (float(x) for x in re.search(r'class="mark" style="left:([\d.]+)%;top:([\d.]+)%', date_article).groups())
    assert 35 < left < 75 and 5 < top < 20
    picture = client.get(f"{job}/trang/2.png")
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    assert client.get(f"{job}/trang/99.png").status_code == 404
    pdf = client.get(f"{job}/tai/pdf")
    assert pdf.content.startswith(b"%PDF")
    assert "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20c%C3%B3%20l%E1%BB%97i.pdf" in pdf.headers["content-disposition"]


def test_a_clean_document_says_so(client, rendered_plans):
    r = _upload(client, "ke-hoach.docx", rendered_plans["ben-cau-2024"].read_bytes())
    text = text_of(wait_job(client, r.headers["location"]))
    assert "Kế hoạch: không có lỗi thể thức nào." in text
    assert "Trang 1" in text


def test_wrong_type_and_fake_docx_are_refused_with_a_message(client):
    r = _upload(client, "ke-hoach.pdf", b"%PDF-1.4 ...")
    assert r.status_code == 400
    assert "loại tệp không nhận ở đây (tệp .docx cần kiểm tra); chỉ nhận: Word .docx" in text_of(r.text)
    r = _upload(client, "ke-hoach.docx", b"Day la van ban thuong, khong phai Word")
    assert r.status_code == 400
    assert "Lỗi dữ liệu trong tệp ke-hoach.docx: - không phải tệp Word .docx" in text_of(r.text)
    assert "Chưa có việc nào" in text_of(client.get("/").text)  # a refused form leaves no job behind


def test_a_broken_docx_ends_the_job_with_a_message_not_a_traceback(client, tmp_path):
    r = _upload(client, "hong.docx", b"PK\x03\x04" + b"\x00" * 200)
    html = wait_job(client, r.headers["location"])
    text = text_of(html)
    assert "hong.docx" in text
    assert "Traceback" not in html and str(tmp_path) not in html


def test_a_post_without_the_csrf_token_is_refused(client, plan_with_faults):
    r = client.post("/kiem-tra", files={"tep": ("a.docx", plan_with_faults.read_bytes())})
    assert r.status_code == 403
    assert "mã chống giả mạo không khớp" in text_of(r.text)
    r = client.post("/kiem-tra", data={"csrf": "gia-mao"}, files={"tep": ("a.docx", plan_with_faults.read_bytes())})
    assert r.status_code == 403


def test_an_upload_over_the_limit_is_refused_before_it_is_stored(make_app, plan_with_faults, tmp_path):
    from starlette.testclient import TestClient

    with TestClient(make_app(max_upload_bytes=20_000)) as client:
        r = client.post("/kiem-tra", data={"csrf": csrf_of(client, "/kiem-tra")},
                        files={"tep": ("lon.docx", plan_with_faults.read_bytes() + b"\x00" * 30_000)})
        assert r.status_code == 413
        assert "Tệp gửi lên vượt giới hạn" in text_of(r.text)
        assert not list((tmp_path / "web" / "viec").rglob("lon.docx"))


def test_unknown_jobs_and_files_are_404(client):
    assert client.get("/viec/khong-co-viec-nay-abcdefgh").status_code == 404
    assert "Không có việc này" in text_of(client.get("/viec/khong-co-viec-nay-abcdefgh").text)
    assert client.get("/viec/..%2F..%2Fetc").status_code == 404


def test_findings_show_before_the_pictures_are_ready(client, plan_with_faults, monkeypatch):
    """LibreOffice takes seconds: the findings are on the page while the pages are being drawn."""
    import threading
    import time

    from ocop_docs.web import library

    release = threading.Event()
    convert = library.document_pdf

    def slow_pdf(docx, pdf):
        release.wait(60)
        return convert(docx, pdf)

    monkeypatch.setattr(library, "document_pdf", slow_pdf)
    job = _upload(client, plan_with_faults.name, plan_with_faults.read_bytes()).headers["location"]
    try:
        for _ in range(100):
            text = text_of(client.get(job).text)
            if "Thấy:" in text:
                break
            time.sleep(0.1)
        assert "Kế hoạch: 4 lỗi, 0 cảnh báo." in text and "Thấy: không in nghiêng" in text
        assert "Đang vẽ trang…" in text and "Tạo bản PDF để xem trang" in text
        assert "Tải bản PDF" not in text
    finally:
        release.set()
    assert "Trang 1" in text_of(wait_job(client, job))


def test_a_file_name_with_folders_stays_in_its_job_folder(client, rendered_plans, tmp_path):
    for name in ("../../ngoai/ke-hoach.docx", "..\\..\\ngoai\\ke-hoach.docx", "/etc/ke-hoach.docx"):
        r = _upload(client, name, rendered_plans["ben-cau-2024"].read_bytes())
        assert "Kiểm tra thể thức: ke-hoach.docx" in text_of(wait_job(client, r.headers["location"]))
    assert not (tmp_path / "ngoai").exists()
    saved = list((tmp_path / "web" / "viec").rglob("ke-hoach.docx"))
    assert len(saved) == 3 and all(p.parent.name == "vao" for p in saved)


def test_the_same_file_checked_again_reuses_its_pdf_and_pictures(client, plan_with_faults, tmp_path):
    first = _upload(client, "a.docx", plan_with_faults.read_bytes()).headers["location"]
    first_text = text_of(wait_job(client, first))
    again = _upload(client, "b.docx", plan_with_faults.read_bytes()).headers["location"]
    again_text = text_of(wait_job(client, again))
    pool = client.app.state.pool
    one, two = (pool.get(url.rsplit("/", 1)[1], "may-nay") for url in (first, again))
    assert "reused" not in one.result and two.result["reused"] is True  # no LibreOffice run the second time
    assert two.result["pages"] == one.result["pages"] and len(two.result["pages"]) >= 2
    assert client.get(f"{again}/trang/2.png").content == client.get(f"{first}/trang/2.png").content
    assert client.get(f"{again}/tai/pdf").content == client.get(f"{first}/tai/pdf").content
    assert first_text.split("Kế hoạch:")[1][:60] == again_text.split("Kế hoạch:")[1][:60]  # same findings
    document = docx.Document(plan_with_faults)  # the officer fixes one thing: another file, checked afresh
    document.sections[0].left_margin = Mm(30)
    document.save(tmp_path / "da-sua.docx")
    third = _upload(client, "c.docx", (tmp_path / "da-sua.docx").read_bytes()).headers["location"]
    assert "Kế hoạch: 3 lỗi" in text_of(wait_job(client, third))
    assert "reused" not in pool.get(third.rsplit("/", 1)[1], "may-nay").result
