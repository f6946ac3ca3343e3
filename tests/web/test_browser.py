"""The pages in a real browser: a uvicorn server started by the test, Debian's headless Chromium.

Screenshots are written to out/web-screenshots/ so a reviewer can look at them.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx  # the client Starlette's TestClient uses (the test extra)
import pytest
from testpaths import ROOT, SAMPLES
from web_helpers import text_of

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "out" / "web-screenshots"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium not installed (make test installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("server")
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen(
        [sys.executable, "-m", "ocop_docs.cli", "serve", "--port", str(port), "--thu-muc", str(tmp / "web"),
         "--register", str(tmp / "so.sqlite")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise AssertionError("the server did not start: " + proc.stdout.read1().decode("utf-8", "replace"))
        yield base, tmp
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def chromium(url: str, tmp: Path, shot: str, size: str = "1366,768", dom: bool = True) -> str:
    """Screenshot ``url`` into out/web-screenshots/<shot>.png; return the DOM after its scripts ran."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              f"--user-data-dir={tmp / 'chromium'}", f"--window-size={size}", "--hide-scrollbars", "--lang=vi-VN"]
    png = SHOTS / f"{shot}.png"
    png.unlink(missing_ok=True)
    subprocess.run(common + [f"--screenshot={png}", url], check=True, capture_output=True, timeout=90)
    assert png.exists() and png.stat().st_size > 5000, f"no screenshot of {url}"
    if not dom:
        return ""
    html = subprocess.run(common + ["--dump-dom", url], check=True, capture_output=True, timeout=90)
    return html.stdout.decode("utf-8")


def test_home_and_check_result_in_chromium(server, plan_with_faults):
    base, tmp = server
    started = time.perf_counter()
    home = httpx.get(base + "/")
    assert time.perf_counter() - started < 1.0
    dom = chromium(base + "/", tmp, "trang-chu-1366x768")
    assert "Bạn cần làm gì?" in text_of(dom)
    dom = chromium(base + "/hoi-dong", tmp, "hoi-dong-bieu-mau-1366x768")
    assert "Thành viên Hội đồng" in text_of(dom)

    # Upload as the page does (same session cookie for the CSRF token), then look at the result.
    with httpx.Client(base_url=base, follow_redirects=True) as client:
        page = client.get("/kiem-tra").text
        token = page.split('name="csrf" value="')[1].split('"')[0]
        r = client.post("/kiem-tra", data={"csrf": token},
                        files={"tep": (plan_with_faults.name, plan_with_faults.read_bytes())})
        job = str(r.url)
        assert "/viec/" in job
        for _ in range(240):
            if client.get(job + "/tien-do").headers.get("hx-refresh"):
                break
            time.sleep(0.5)
    assert home.status_code == 200
    dom = chromium(job, tmp, "kiem-tra-ket-qua-1366x768")
    text = text_of(dom)
    assert "Kế hoạch: 4 lỗi, 0 cảnh báo." in text
    assert "Phần đầu: Quốc hiệu" in text
    dom = chromium(job, tmp, "kiem-tra-ket-qua-dien-thoai", size="390,844")
    assert "ô 4: địa danh, ngày tháng" in text_of(dom)


def test_certificates_trial_in_chromium(server):
    """A page opened while its job runs shows the bar; once done, the trial's result."""
    base, tmp = server
    with httpx.Client(base_url=base, follow_redirects=True) as client:
        page = client.get("/giay-chung-nhan").text
        token = page.split('name="csrf" value="')[1].split('"')[0]
        form = {"csrf": token, "ten_co_quan": "Ủy ban nhân dân tỉnh Hà Tĩnh", "cap": "tinh", "so_qd": "2698",
                "ky_hieu": "QĐ-UBND", "ngay_qd": "2026-10-28", "dia_danh": "Hà Tĩnh", "tham_quyen": "",
                "chuc_vu": "Chủ tịch", "ho_ten": "Võ Trọng Hải", "qr": "1"}
        table = SAMPLES / "certificates" / "ha-tinh-2026-ket-qua-dot-2.xlsx"
        r = client.post("/giay-chung-nhan/chay-thu", data=form, files={"bang": ("kq.xlsx", table.read_bytes())})
        job = str(r.url)
    # While the job runs the page shows its progress bar (htmx polls it)…
    dom = chromium(job, tmp, "giay-chung-nhan-dang-chay-1366x768")
    assert "<progress" in dom or "34 giấy chứng nhận" in text_of(dom)
    for _ in range(240):
        if httpx.get(job + "/tien-do").headers.get("hx-refresh"):
            break
        time.sleep(0.5)
    # …and once done, the numbers, the rejected rows and the sample certificate.
    dom = chromium(job, tmp, "giay-chung-nhan-chay-thu-1366x768")
    text = text_of(dom)
    assert "34 giấy chứng nhận: 7 sản phẩm 4 sao, 27 sản phẩm 3 sao." in text
    assert "Giấy chứng nhận mẫu" in text and "9 dòng không được cấp" in text


def test_every_form_page_in_chromium(server):
    """Each page an officer starts from, as Chromium draws it (screenshots for a reviewer)."""
    base, tmp = server
    pages = {"kiem-tra": "Kiểm tra thể thức văn bản", "giay-chung-nhan": "Cấp giấy chứng nhận sản phẩm OCOP",
             "ke-hoach": "Kế hoạch năm sau từ kế hoạch năm trước", "bieu-mau": "Biểu mẫu OCOP và chấm điểm",
             "so-dang-ky": "Sổ đăng ký giấy chứng nhận"}
    for path, heading in pages.items():
        dom = chromium(f"{base}/{path}", tmp, f"{path}-1366x768", dom=True)
        assert heading in text_of(dom)
    chromium(f"{base}/giay-chung-nhan", tmp, "giay-chung-nhan-dien-thoai", size="390,844", dom=False)


def test_the_vendored_htmx_polls_the_progress_in_chromium(tmp_path, rendered_plans, monkeypatch):
    """The progress bar is live: Chromium runs htmx (served by us, allowed by our CSP) and polls."""
    import threading

    import uvicorn

    from ocop_docs.web import WebConfig, create_app, library

    release = threading.Event()
    check = library.check_document
    monkeypatch.setattr(library, "check_document", lambda path: (release.wait(60), check(path))[1])
    app = create_app(WebConfig(workdir=tmp_path / "web", register=tmp_path / "so.sqlite"))
    polls = []

    async def counting(scope, receive, send):
        if scope["type"] == "http" and scope["path"].endswith("/tien-do"):
            polls.append(scope["path"])
        await app(scope, receive, send)

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(counting, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.1)
        with httpx.Client(base_url=base) as client:
            token = client.get("/kiem-tra").text.split('name="csrf" value="')[1].split('"')[0]
            r = client.post("/kiem-tra", data={"csrf": token},
                            files={"tep": ("kh.docx", rendered_plans["ben-cau-2024"].read_bytes())})
            job = base + r.headers["location"]
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp_path / 'chromium'}", "--virtual-time-budget=5000", "--dump-dom", job],
                       check=True, capture_output=True, timeout=90)
        assert len(polls) >= 2
    finally:
        release.set()
        server.should_exit = True
        thread.join(10)
        app.state.pool.shutdown()


def _token(client: httpx.Client, path: str) -> str:
    return client.get(path).text.split('name="csrf" value="')[1].split('"')[0]


def _wait(client: httpx.Client, job: str) -> None:
    for _ in range(240):
        if client.get(job + "/tien-do").headers.get("hx-refresh"):
            return
        time.sleep(0.5)
    raise AssertionError(f"{job} not done")


def test_score_result_and_council_decision_in_chromium(server):
    base, tmp = server
    sheets = sorted((SAMPLES / "forms").glob("phieu-cam-vu-quang-*.yaml"))
    with httpx.Client(base_url=base, follow_redirects=True) as client:
        r = client.post("/bieu-mau/cham-diem", data={"csrf": _token(client, "/bieu-mau"), "quy_tac": "trung-binh"},
                        files=[("phieu", (p.name, p.read_bytes())) for p in sheets])
        score = str(r.url)
        members = (SAMPLES / "decisions" / "ha-tinh-2026-thanh-vien.xlsx").read_bytes()
        form = {"csrf": _token(client, "/hoi-dong"), "hanh_dong": "thành lập", "co_quan": "Ủy ban nhân dân tỉnh Hà Tĩnh",
                "cap": "tinh", "dia_danh": "Hà Tĩnh", "nam": "2026", "ngay_ky": "2026-06-08", "tham_quyen": "KT",
                "chuc_vu_dung_dau": "Chủ tịch", "chuc_vu_ky": "Phó Chủ tịch", "thi_hanh": "Chánh Văn phòng UBND tỉnh",
                "buoc": "doc-excel-tv"}
        page = client.post("/hoi-dong", data=form, files={"excel_tv": ("tv.xlsx", members)}).text
        dom_read = page
        rows = dict(re.findall(r'name="(tv_(?:ten|chuc_vu|don_vi|chuc_danh)_\d+)" value="([^"]*)"', page))
        r = client.post("/hoi-dong", data={**form, **rows, "buoc": "tao"})
        decision = str(r.url)
        _wait(client, score)
        _wait(client, decision)
    assert "Đã đọc 9 người" in text_of(dom_read)
    assert "Hạng 4 sao" in text_of(chromium(score, tmp, "cham-diem-ket-qua-1366x768"))
    text = text_of(chromium(decision, tmp, "hoi-dong-van-ban-1366x768"))
    assert "Tải tệp .docx" in text and "Trang 2" in text


def test_register_void_and_reissue_in_chromium(server):
    """The register as an officer sees it: statuses, a re-issue's confirmation with its marked sample,
    and a number's history (screenshots for a reviewer)."""
    from web_helpers import RESULTS_XLSX, ROUND_FORM, ROUND_YAML

    from ocop_docs.certificates import run_certificates

    base, tmp = server
    run_certificates(RESULTS_XLSX, ROUND_YAML, tmp / "gcn", register=tmp / "so.sqlite")
    with httpx.Client(base_url=base) as client:
        listing = client.get("/so-dang-ky", params={"tim": "Bưởi đỏ"}).text
        old = re.search(r'href="/so-dang-ky/so/(\d+)">002/2026/GCN-OCOP', listing).group(1)
        voided = re.search(r'href="/so-dang-ky/so/(\d+)">005/2026/GCN-OCOP',
                           client.get("/so-dang-ky", params={"tim": "005/2026/GCN-OCOP"}).text).group(1)
        token = _token(client, f"/so-dang-ky/so/{voided}")
        confirm = client.post(f"/so-dang-ky/so/{voided}/huy", data={"csrf": token, "ly_do": "Ghi sai địa chỉ"}).text
        assert "Xác nhận hủy số 005/2026/GCN-OCOP" in text_of(confirm)
        client.post(f"/so-dang-ky/so/{voided}/huy", data={"csrf": token, "ly_do": "Ghi sai địa chỉ", "xac_nhan": "1"})
        form = text_of(chromium(f"{base}/so-dang-ky/so/{old}/cap-lai", tmp, "so-dang-ky-cap-lai-bieu-mau-1366x768",
                                size="1366,1100"))
        assert "Cấp lại giấy chứng nhận số 002/2026/GCN-OCOP" in form and "Chạy thử cấp lại" in form
        r = client.post(f"/so-dang-ky/so/{old}/cap-lai", data={"csrf": token, **ROUND_FORM, "ly_do": "Chủ thể báo mất giấy",
                                                               "nhom": "Rau, củ, quả, hạt tươi"})
        trial = base + r.headers["location"]
        _wait(client, trial)
        dom = chromium(trial, tmp, "so-dang-ky-cap-lai-xac-nhan-1366x768", size="1366,1100")
        text = text_of(dom)
        assert "Cấp lại: số 002/2026/GCN-OCOP sẽ bị hủy" in text and "số mới 035/2026/GCN-OCOP" in text
        assert "«BẢN THỬ – KHÔNG CÓ GIÁ TRỊ»" in text
        real = base + client.post(trial + "/cap-that", data={"csrf": token}).headers["location"]
        _wait(client, real)
    assert "Đã cấp lại: số 002/2026/GCN-OCOP đã hủy" in text_of(chromium(real, tmp, "so-dang-ky-da-cap-lai-1366x768"))
    text = text_of(chromium(f"{base}/so-dang-ky?tim=GCN-OCOP", tmp, "so-dang-ky-trang-thai-1366x768", size="1366,1100"))
    assert "005/2026/GCN-OCOP đã hủy Lý do: Ghi sai địa chỉ" in text
    assert "002/2026/GCN-OCOP đã hủy Lý do: Chủ thể báo mất giấy Được thay bằng số 035/2026/GCN-OCOP" in text
    new = re.search(r'href="/so-dang-ky/so/(\d+)">035/2026/GCN-OCOP', httpx.get(f"{base}/so-dang-ky?tim=035").text).group(1)
    text = text_of(chromium(f"{base}/so-dang-ky/so/{new}", tmp, "so-dang-ky-so-lich-su-1366x768"))
    assert "Cấp lại thay số 002/2026/GCN-OCOP (đã hủy: Chủ thể báo mất giấy)" in text
    assert "cấp số mới thay số đã hủy" in text and "đã có đủ tệp, số có giá trị" in text
    text = text_of(chromium(f"{base}/so-dang-ky/so/{new}", tmp, "so-dang-ky-so-dien-thoai", size="390,844"))
    assert "Lịch sử của số này" in text


def test_plan_from_word_decided_in_the_page_and_downloaded_in_chromium(server, tmp_path):
    """An officer uploads last year's Word plan, types a new amount and a new target beside their
    items, and downloads the .docx: the values are in it, as the officer's tracked changes."""
    import zipfile

    import docx

    from cdp import Browser
    from wordbuild import commune_plan_2026

    base, _ = server
    plan = tmp_path / "Kế hoạch OCOP 2026.docx"
    commune_plan_2026(plan)
    with Browser(CHROMIUM, tmp_path / "chromium-cdp") as page:
        page.open(base + "/ke-hoach")
        page.choose_file("input[name=tep]", plan)
        page.type("input[name=nam]", "2027")
        page.click("form button")
        page.wait_for("document.body.innerText.includes('Tải bản sạch')")
        text = page.text()
        assert "Kế hoạch năm 2027 từ Kế hoạch OCOP 2026.docx" in text
        assert "Số tiền 1 (Mục III, đoạn 1, bảng, dòng 1, cột 3)" in text and "hiện ghi: «50.000.000»" in text
        page.js("document.querySelector('input[name=\"so-tien-1\"]').scrollIntoView({block: 'center'})")
        page.wait_for("[...document.images].filter(i => { const b = i.getBoundingClientRect(); "
                      "return b.top < innerHeight && b.bottom > 0; }).every(i => i.complete && i.naturalWidth > 0)", 30)
        page.screenshot(SHOTS / "ke-hoach-viec-can-quyet-dinh-1366x768.png")
        # A thousands comma is refused beside its box, with what was typed kept.
        page.type("input[name='so-tien-1']", "60,000,000")
        page.click("form.decisions button")
        page.wait_for("document.querySelector('[aria-invalid=true]')")
        assert "«Số tiền 1 (Mục III, đoạn 1, bảng, dòng 1, cột 3)»: số tiền '60,000,000' không rõ ràng" in page.text()
        page.js("document.querySelector('[aria-invalid=true]').scrollIntoView({block: 'center'})")
        page.screenshot(SHOTS / "ke-hoach-o-sai-1366x768.png")
        page.type("input[name='so-tien-1']", "60.000.000")
        page.type("input[name='chi-tieu-1']", "04")
        page.type("input[name=nguoi_sua]", "Lê Thị Hoa")
        page.click("form.decisions button")
        page.wait_for("document.body.innerText.includes('(đã điền 2 ô)') && "
                      "document.body.innerText.includes('Tải bản sạch')")
        text = page.text()
        assert "Đã quyết định" in text and "đã điền: «60.000.000»" in text
        page.screenshot(SHOTS / "ke-hoach-da-dien-trang-day-du.png", full=True)
        page.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=1, mobile=True)
        page.js("document.querySelector('input[name=\"so-tien-1\"]').scrollIntoView({block: 'center'})")
        page.screenshot(SHOTS / "ke-hoach-da-dien-dien-thoai.png")
        page.call("Emulation.clearDeviceMetricsOverride")
        clean = page.download("a[href$='/tai/docx']")
        draft = page.download("a[href$='/tai/draft']")
    assert clean.name == "Kế hoạch OCOP năm 2027.docx"
    document = docx.Document(str(clean))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    paragraphs = [p.text for p in document.paragraphs]
    assert "60.000.000" in cells and "50.000.000" not in cells
    assert any("Phấn đấu có ít nhất 04 sản phẩm đạt 3 sao trở lên" in p for p in paragraphs)
    xml = zipfile.ZipFile(draft).read("word/document.xml").decode("utf-8")
    assert 'w:author="Lê Thị Hoa"' in xml and "60.000.000" in xml
