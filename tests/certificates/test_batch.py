"""A round's certificates through the CLI, as a clerk runs it: files, reports, exit codes, re-runs, kills."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from gcn_helpers import (ROOT, SAMPLE_CSV, SAMPLE_ISSUER, SAMPLE_TABLE, product_rows, run_cli, template_with, write_csv,
                         write_issuer)

from ocop_docs.certificates.files import sha256_file
from ocop_docs.certificates.qr import parse_payload
from ocop_docs.certificates.register import compare_payload, open_register
from ocop_docs.certificates.reports import COMBINED_LABEL, read_manifest
from ocop_docs.convert import pdf_info

REJECTED = {  # row in the sample .xlsx → words of the Vietnamese reason
    10: "cột B «Tên sản phẩm»: thiếu",
    16: "không phải là số",
    21: "cột F «Điểm»: điểm phải từ 0 đến 100 (đang là 105)",
    26: "Hạng sao",
    30: "«Chủ thể»: thiếu",
    35: "trùng sản phẩm ở dòng 5",
    39: "hạng 4 sao không khớp với điểm 65,50",
    43: "cấp tỉnh chỉ được công nhận sản phẩm 3/4 sao",
    46: "2 sao không được công nhận",
}


def read_xlsx(path: Path) -> list[dict]:
    """The rows of a report workbook as {header: cell value}."""
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder``: (mtime_ns, sha256)."""
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, sha256_file(p)) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sample_round_exit_code_and_reports(sample_batch):
    out, result = sample_batch
    assert result.returncode == 3, result.stderr  # partial: some rows rejected
    assert "Đã cấp 34 giấy chứng nhận" in result.stdout
    assert "9 dòng không được cấp giấy chứng nhận" in result.stderr
    assert "bỏ qua 3 dòng cuối bảng (tổng cộng, chữ ký): dòng 48 «Tổng cộng: 43 sản phẩm»" in result.stderr
    rejects = read_xlsx(out / "gcn" / "dong-bi-loai.xlsx")
    assert list(rejects[0]) == ["Dòng", "Lý do", "Tên sản phẩm", "Chủ thể", "Điểm", "Hạng sao"]
    assert {int(r["Dòng"]): r["Lý do"] for r in rejects}.keys() == REJECTED.keys()
    for r in rejects:
        assert REJECTED[int(r["Dòng"])] in r["Lý do"], r


def test_sample_round_files_match_the_manifest(sample_batch):
    out, _ = sample_batch
    gcn = out / "gcn"
    lines = read_manifest(gcn / "manifest.xlsx")
    certificates = [line for line in lines if line.number]
    assert len(certificates) == 34
    assert [c.number for c in certificates] == [f"{i:03d}/2026/GCN-OCOP" for i in range(1, 35)]
    for c in certificates:
        assert sha256_file(gcn / c.docx) == c.docx_sha256
        assert sha256_file(gcn / c.pdf) == c.pdf_sha256
        assert c.valid_until == "2029-10-28" and c.issued == "2026-10-28"
    [combined] = [line for line in lines if not line.number]
    assert combined.product == COMBINED_LABEL and sha256_file(gcn / combined.pdf) == combined.pdf_sha256
    info = pdf_info(gcn / combined.pdf)
    assert info.pages == 34
    assert all(abs(w - 297) < 1 and abs(h - 210) < 1 for w, h in info.page_sizes)  # A4 landscape
    for c, page_text in zip(certificates, info.page_texts):
        assert c.number in page_text and "GIẤY CHỨNG NHẬN" in page_text


def test_each_certificate_pdf_is_one_page_with_its_own_qr(sample_batch):
    out, _ = sample_batch
    gcn = out / "gcn"
    sizes = []
    for c in [line for line in read_manifest(gcn / "manifest.xlsx") if line.number]:
        info = pdf_info(gcn / c.pdf)
        assert info.pages == 1 and c.product.split()[0] in info.text
        sizes.append((gcn / c.pdf).stat().st_size)
    assert max(sizes) < 200_000  # a page carries its own picture, not the whole batch's


def test_certificate_content(sample_batch):
    out, _ = sample_batch
    docx = out / "gcn" / "docx" / "2026-003-mat-ong-bac-ha-rung-son-kim.docx"
    document = Document(docx)
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "GIẤY CHỨNG NHẬN" in body and "SẢN PHẨM OCOP" in body
    assert "★ ★ ★ ★" in body and "Đạt hạng 4 sao" in body
    assert "Chương trình Mỗi xã một sản phẩm (OCOP) năm 2026 (đợt 2)" in body
    for text in ("ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "Số: 003/2026/GCN-OCOP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Mật ong bạc hà rừng Sơn Kim", "Chủ thể: Hợp tác xã Ong mật Sơn Kim",
                 "Quyết định công nhận số 2698/QĐ-UBND ngày 28/10/2026 của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
                 "đến hết ngày 28/10/2029", "Hà Tĩnh, ngày 28 tháng 10 năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                 "Trần Minh Đức"):
        assert text in cells + body, text
    section = document.sections[0]
    assert section.orientation == 1 and section.page_width > section.page_height
    assert section._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgBorders") is not None


def _decode_page(pdf: Path, tmp_path: Path) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    data = (tmp_path / "page.pgm").read_bytes()
    magic, dims, maxval, pixels = data.split(b"\n", 3)
    width, height = map(int, dims.split())
    return [r.text for r in zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))]


def test_qr_on_the_printed_page_decodes_to_the_register(sample_batch, tmp_path):
    out, _ = sample_batch
    pdf = out / "gcn" / "pdf" / "2026-031-hop-qua-dac-san-ha-tinh-gom-keo-cu-do-banh-da.pdf"
    [text] = _decode_page(pdf, tmp_path)
    fields = parse_payload(text)
    assert fields["number"] == "031/2026/GCN-OCOP" and fields["stars"] == 3
    with open_register(out / "register.sqlite", create=False) as reg:
        [entry] = reg.find(fields["number"])
    assert compare_payload(fields, entry) == []


def test_certificates_pass_ocop_docs_check(sample_batch):
    """`ocop-docs check --kind certificate`: A4 (landscape allowed), Times New Roman, Quốc hiệu and
    Tiêu ngữ (ND30-PAGE-01, FONT-01, LAYOUT-02, QH-01..04; a certificate is not an ND30 type, ND30-ABBR-03)."""
    out, _ = sample_batch
    files = sorted((out / "gcn" / "docx").glob("*.docx"))
    chosen = [files[0], files[2], next(f for f in files if "hop-qua" in f.name)]  # 4★, 3★, the longest name
    result = run_cli("check", "--kind", "certificate", *map(str, chosen))
    assert result.returncode == 0, result.stdout + result.stderr


def test_rerun_is_idempotent(sample_batch):
    """Same table again: same numbers, no file rewritten, no LibreOffice run."""
    out, _ = sample_batch
    gcn = out / "gcn"
    before = snapshot(gcn)
    started = time.perf_counter()
    result = run_cli("certificates", str(SAMPLE_TABLE), "--issuer", str(SAMPLE_ISSUER), "-o", str(gcn),
                     "--register", str(out / "register.sqlite"), "--pdf", "--jobs", "2")
    assert result.returncode == 3
    assert "0 tệp .docx mới hoặc đã sửa, 34 không đổi" in result.stdout
    assert "PDF: 0 tệp mới; bản gộp để in (không đổi)" in result.stdout
    assert snapshot(gcn) == before
    assert time.perf_counter() - started < 15


def test_csv_as_excel_saves_it_gives_the_same_numbers(sample_batch, tmp_path):
    """The semicolon, decimal-comma, BOM CSV variant of the same round: the register gives the same numbers."""
    out, _ = sample_batch
    result = run_cli("certificates", str(SAMPLE_CSV), "--issuer", str(SAMPLE_ISSUER), "-o", str(tmp_path / "csv"),
                     "--register", str(out / "register.sqlite"))
    assert result.returncode == 3, result.stderr
    xlsx = {m.product: m.number for m in read_manifest(out / "gcn" / "manifest.xlsx") if m.number}
    csv_numbers = {m.product: m.number for m in read_manifest(tmp_path / "csv" / "manifest.xlsx") if m.number}
    assert csv_numbers == xlsx


def test_changed_row_rewrites_only_its_files(tmp_path):
    issuer = write_issuer(tmp_path)
    rows = product_rows(5)
    table = write_csv(tmp_path / "t.csv", rows)
    args = ["certificates", str(table), "--issuer", str(issuer), "-o", str(tmp_path / "out"), "--register", str(tmp_path / "r.sqlite")]
    assert run_cli(*args).returncode == 0
    before = snapshot(tmp_path / "out" / "docx")
    rows[2][3] = "thôn Mới, xã Sơn Kim 1, tỉnh Hà Tĩnh"  # a corrected address
    write_csv(table, rows)
    result = run_cli(*args)
    assert result.returncode == 0 and "1 tệp .docx mới hoặc đã sửa, 4 không đổi" in result.stdout
    after = snapshot(tmp_path / "out" / "docx")
    changed = [name for name in after if after[name] != before.get(name)]
    assert changed == ["2026-003-san-pham-so-3.docx"]
    assert not (tmp_path / "out" / "dong-bi-loai.xlsx").exists()


def test_two_runs_at_once_on_one_register_never_share_a_number(tmp_path):
    issuer = write_issuer(tmp_path)
    tables = [write_csv(tmp_path / f"{k}.csv", product_rows(150, prefix=k)) for k in ("Bưởi", "Cam")]
    procs = [
        subprocess.Popen([sys.executable, "-m", "ocop_docs.cli", "certificates", str(t), "--issuer", str(issuer),
                          "-o", str(tmp_path / t.stem), "--register", str(tmp_path / "r.sqlite")],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for t in tables
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read().decode()
    numbers = [line.number for t in tables for line in read_manifest(tmp_path / t.stem / "manifest.xlsx")]
    assert len(numbers) == 300 and len(set(numbers)) == 300
    assert sorted(numbers) == [f"{i:03d}/2026/GCN-OCOP" for i in range(1, 301)]


# The batch as `ocop-docs` runs it, with certificate 200's writer stopping half-way through its
# temporary file: the kill then lands in the middle of the batch and during a write whatever the
# machine's load (polling the folder alone let a starved test see the batch finish first).
_STALL_AT_200 = """
import sys, time
from pathlib import Path
from ocop_docs.certificates import batch, files
from ocop_docs.cli import main

write = batch.write_if_changed

def stalling(target, data, sha=None):
    if Path(target).name.startswith("2026-200-"):
        files.temp_name(Path(target)).write_bytes(data[: len(data) // 2])
        time.sleep(3600)
    return write(target, data, sha)

batch.write_if_changed = stalling
sys.argv[0] = "ocop-docs"
main()
"""


def _group_live(pgid: int) -> list[int]:
    """The processes of group ``pgid`` that can still run (a killed one not yet reaped is a zombie)."""
    live = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_bytes().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
            live.append(int(stat.parent.name))
    return live


def test_killed_run_resumes_without_duplicates_or_truncated_files(tmp_path):
    issuer = write_issuer(tmp_path)
    table = write_csv(tmp_path / "t.csv", product_rows(1500))
    out = tmp_path / "out"
    args = [sys.executable, "-m", "ocop_docs.cli", "certificates", str(table), "--issuer", str(issuer), "-o", str(out),
            "--register", str(tmp_path / "r.sqlite")]
    proc = subprocess.Popen([sys.executable, "-c", _STALL_AT_200, *args[3:]], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    docx_dir = out / "docx"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(1 for _ in docx_dir.glob(".2026-200-*.tmp")) and sum(1 for _ in docx_dir.glob("*.docx")) >= 100:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    while _group_live(proc.pid):  # a syscall under way when the kill came finishes first
        time.sleep(0.01)
    [half] = docx_dir.glob(".2026-200-*.tmp")  # killed during a write
    done = sorted((out / "docx").glob("*.docx"))
    assert 100 <= len(done) < 1500, "the run must be killed in the middle of the batch"
    for path in done:  # every file under a final name is complete
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None
    with open_register(tmp_path / "r.sqlite", create=False) as reg:
        numbers_before = {e.product: e.number for e in reg.entries()}
        statuses = {e.status for e in reg.entries()}
    assert len(numbers_before) == 1500  # numbers are assigned in one transaction, before any file
    assert statuses == {"reserved"}  # none is final: the run never confirmed its files
    shown = run_cli("register", "show", "001/2026/GCN-OCOP", "--register", str(tmp_path / "r.sqlite"))
    assert "chưa có giá trị" in shown.stdout and "còn hiệu lực" not in shown.stdout
    result = run_cli(*args[3:])
    assert result.returncode == 0, result.stderr
    with open_register(tmp_path / "r.sqlite", readonly=True) as reg:
        assert {e.status for e in reg.entries()} == {"issued"}
    assert f"{len(done)} không đổi" in result.stdout
    lines = read_manifest(out / "manifest.xlsx")
    assert {m.product: m.number for m in lines} == numbers_before
    assert len({m.number for m in lines}) == 1500
    assert [p.name for p in out.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".ocop-tmp")] == []
    assert not half.exists()


def test_long_texts_stay_on_one_page(tmp_path):
    name = ("Hộp quà đặc sản Hà Tĩnh gồm kẹo cu đơ, bánh đa vừng, chè xanh sấy khô, mật ong hoa rừng, nước mắm "
            "cá cơm, ruốc tôm, nhung hươu, tinh dầu bưởi và gạo hữu cơ đóng trong hộp giấy kraft thân thiện môi trường")
    assert len(name) >= 200
    owner = "Hợp tác xã Dịch vụ thương mại, Du lịch cộng đồng và Xúc tiến tiêu thụ sản phẩm đặc sản " * 2
    address = "Tổ dân phố số 12, đường Trần Phú kéo dài, khu đô thị mới Bắc Thành phố, " * 3 + "tỉnh Hà Tĩnh"
    table = write_csv(tmp_path / "t.csv", [[1, name, owner, address, "Chế biến từ gạo, ngũ cốc", 67, 3]])
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "out"),
                     "--register", str(tmp_path / "r.sqlite"), "--pdf")
    assert result.returncode == 0, result.stderr
    [pdf] = (tmp_path / "out" / "pdf").glob("*.pdf")
    info = pdf_info(pdf)
    assert info.pages == 1
    flat = "".join(info.text.split())
    assert "".join(name.split()) in flat and "".join(owner.split())[:120] in flat
    assert "".join(address.split()) in flat and "Nhómsảnphẩm:Chếbiếntừgạo,ngũcốc" in flat  # no line cut off


def test_a_150_character_name_and_200_character_address_shrink_onto_one_page(tmp_path):
    """Capitals (the widest letters) in all three texts: each fits alone, together only with the name
    a size smaller; every certificate is one page, every word printed (none cut by the fixed block)."""
    import unicodedata

    name = ("NƯỚC MẮM CÁ CƠM NGUYÊN CHẤT THƯỢNG HẠNG ĐẶC BIỆT ĐÓNG CHAI THỦY TINH MŨ ĐỎ LÀNG CHÀI VŨNG ÁNG "
            "KỲ ANH HÀ TĨNH LOẠI MỘT LÍT HAI MƯƠI BA ĐỘ ĐẠM CỦA HỢP TÁC XÃ NGƯ NGHIỆP")[:150]
    owner = ("CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN THƯƠNG MẠI DỊCH VỤ ĐẶC SẢN MIỀN TRUNG " * 3)[:200].strip()
    address = ("THÔN MỸ HÒA, XÃ KỲ HOA, THỊ XÃ KỲ ANH CŨ, NAY LÀ PHƯỜNG HOÀNH SƠN, TỈNH HÀ TĨNH, VIỆT NAM; " * 3)[:200]
    assert (len(name), len(address)) == (150, 200)
    table = write_csv(tmp_path / "t.csv", [[1, name, owner, address, "Nước mắm", 78, 4]] + product_rows(1, start=2))
    out = tmp_path / "out"
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(out),
                     "--register", str(tmp_path / "r.sqlite"), "--pdf")
    assert result.returncode == 0, result.stderr
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    assert len(pdfs) == 2 and [pdf_info(p).pages for p in pdfs] == [1, 1]
    assert pdf_info(out / "giay-chung-nhan-tat-ca.pdf").pages == 2
    flat = "".join(unicodedata.normalize("NFC", pdf_info(pdfs[0]).text).split())
    for text in (name, f"Chủ thể: {owner}", f"Địa chỉ: {address}", "Nhóm sản phẩm: Nước mắm"):
        assert "".join(text.split()) in flat


def test_texts_too_long_together_are_refused_not_cut(tmp_path):
    """Each text fits on its own, all together they would push the Nhóm sản phẩm line out of the block."""
    name = ("Mật ong hoa rừng " * 40)[:520]
    owner = ("Hợp tác xã Dịch vụ nông nghiệp " * 30)[:540]
    address = ("Tổ dân phố số 12, đường Trần Phú, " * 30)[:540]
    table = write_csv(tmp_path / "t.csv", [[1, name, owner, address, "Rau, củ, quả, hạt tươi", 60, 3]] + product_rows(1, start=2))
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "out"),
                     "--register", str(tmp_path / "r.sqlite"))
    assert result.returncode == 3
    assert ("dòng 2: tên sản phẩm, chủ thể, địa chỉ và nhóm/mã số sản phẩm cộng lại quá dài, không in vừa ô nội dung"
            in result.stderr)
    assert "Đã cấp 1 giấy chứng nhận" in result.stdout


@pytest.mark.parametrize("content, words", [
    (b"PK\x03\x04 not really a zip", "không đọc được tệp Excel"),
    (None, "không tìm thấy tệp"),
])
def test_unreadable_table_fails_clearly(tmp_path, content, words):
    table = tmp_path / "ket-qua.xlsx"
    if content is not None:
        table.write_bytes(content)
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "out"),
                     "--register", str(tmp_path / "r.sqlite"))
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_table_without_headers_fails_clearly(tmp_path):
    table = write_csv(tmp_path / "t.csv", [[1, "Cam", "HTX", "", "", 70, 4]], headers=["a", "b", "c", "d", "e", "f", "g"])
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "out"),
                     "--register", str(tmp_path / "r.sqlite"))
    assert result.returncode == 2 and "không tìm thấy dòng tiêu đề" in result.stderr


def test_bad_issuer_file_fails_before_any_number(tmp_path):
    table = write_csv(tmp_path / "t.csv", product_rows(3))
    issuer = write_issuer(tmp_path, level="huyen", date="2026-10-28")
    result = run_cli("certificates", str(table), "--issuer", str(issuer), "-o", str(tmp_path / "out"),
                     "--register", str(tmp_path / "r.sqlite"))
    assert result.returncode == 2 and "cấp huyện không còn" in result.stderr
    assert not (tmp_path / "r.sqlite").exists()


def test_register_list_and_show(sample_batch):
    out, _ = sample_batch
    reg = str(out / "register.sqlite")
    listing = run_cli("register", "list", "--register", reg, "--year", "2026")
    assert listing.returncode == 0 and "Cộng: 34 số (34 đã cấp, 0 đang giữ chưa có đủ tệp, 0 đã hủy)." in listing.stdout
    assert "001/2026/GCN-OCOP" in listing.stdout and "Cam Vũ Quang" in listing.stdout
    shown = run_cli("register", "show", "003/2026/GCN-OCOP", "--register", reg)
    assert shown.returncode == 0
    assert "Mật ong bạc hà rừng Sơn Kim" in shown.stdout and "2698/QĐ-UBND ngày 28/10/2026" in shown.stdout
    forged = ("OCOP-GCN/1\nSố: 003/2026/GCN-OCOP\nSản phẩm: Mật ong bạc hà rừng Sơn Kim\nHạng: 5 sao\n"
              "Hiệu lực: 28/10/2026 - 28/10/2029\nCơ quan cấp: Ủy ban nhân dân tỉnh Hà Tĩnh")
    checked = run_cli("register", "show", forged, "--register", reg)
    assert checked.returncode == 1 and "KHÔNG khớp" in checked.stdout and "hạng sao" in checked.stdout
    missing = run_cli("register", "show", "999/2026/GCN-OCOP", "--register", reg)
    assert missing.returncode == 1 and "Không có giấy chứng nhận nào" in missing.stdout


def test_help_documents_exit_codes():
    result = run_cli("certificates", "--help")
    assert result.returncode == 0
    for line in ("0  mọi dòng đều được cấp", "3  chạy một phần", "2  không đọc được bảng"):
        assert line in result.stdout


def test_a_template_that_is_not_a_docx_is_a_template_error(tmp_path):
    """A --template that is not a .docx stops the run with exit code 3 (README: lỗi mẫu), one message."""
    template = tmp_path / "mau.docx"
    template.write_bytes(b"not a docx")
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "out"),
                     "--register", str(tmp_path / "r.sqlite"), "--template", str(template))
    assert result.returncode == 3
    assert result.stderr.startswith(f"Lỗi mẫu văn bản {template}: không mở được tệp mẫu")
    assert result.stderr.count("Lỗi") == 1
    with open_register(tmp_path / "r.sqlite") as reg:
        assert reg.entries() == []  # no number was taken for a run that could not print


@pytest.mark.parametrize("old, new, words", [
    ("{{ owner }}", "{{ owner }", "thẻ '{{ owner }' mở bằng '{{' nhưng không có '}}' đóng"),
    ("{{ owner }}", "{{ chu_the }}", "dùng trường 'chu_the' không có trong dữ liệu của loại 'giay-chung-nhan'"),
    ("{{ owner }}", "{% for i in range(10**9) %}{% endfor %}", "mẫu vượt giới hạn an toàn: range(…) cho 1.000.000.000"),
])
def test_a_broken_template_is_one_message_with_its_place_and_exit_3(tmp_path, old, new, words):
    template = template_with(tmp_path, old, new, "mau-sua.docx")
    table = write_csv(tmp_path / "t.csv", product_rows(2))
    for trial in ([], ["--thu"]):
        result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "out"),
                         "--register", str(tmp_path / "r.sqlite"), "--template", str(template), *trial)
        assert result.returncode == 3, result.stderr
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"Lỗi mẫu văn bản {template} (bảng 2, ô (1,1), đoạn 11): ") and words in first, result.stderr
        assert f"Đoạn văn bản gần đó: «Chủ thể: {new}»" in result.stderr
        assert result.stderr.count("Lỗi") == 1 and "Traceback" not in result.stderr
        assert "unexpected" not in result.stderr and "undefined" not in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "r.sqlite").exists()


def test_default_workers_follow_the_batch_size():
    from ocop_docs.certificates.batch import auto_workers

    assert auto_workers(34) == 1  # a small round is not worth a second process
    assert auto_workers(1000) == min(os.cpu_count() or 1, 4)
