"""Scanned PDFs: pages without a text layer read by OCR (Tesseract, Vietnamese), values marked uncertain.

The scan is made here: a sample plan rendered to PDF, its first page rasterised (pdftoppm) and
wrapped as an image-only PDF, so nothing but pixels carries the text.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
from datetime import date

import pytest

from testpaths import SAMPLES

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                                reason="tesseract-ocr / poppler-utils not installed (make system-deps)")


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's start-of-frame marker."""
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise ValueError("no SOF marker")


def image_pdf(jpeg: bytes, path) -> None:
    """A one-page PDF that only draws ``jpeg`` over an A4 page (a scan: no text layer)."""
    width, height = jpeg_size(jpeg)
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        b"/Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, len(jpeg)) + jpeg + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


@pytest.fixture(scope="module")
def scanned_plan(tmp_path_factory):
    """Page 1 of the Vũ Quang sample plan as a scan (200 dpi JPEG in an image-only PDF)."""
    from ocop_docs.convert import to_pdf
    from ocop_docs.io import load_spec
    from ocop_docs.render import render_spec

    out = tmp_path_factory.mktemp("scan")
    docx = render_spec(load_spec(SAMPLES / "plans" / "vu-quang-2019.yaml"), out / "vq.docx")
    pdf = to_pdf([docx], out)[0]
    subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-jpeg", "-singlefile", str(pdf), str(out / "page")],
                   check=True, timeout=120)
    scan = out / "scan.pdf"
    image_pdf((out / "page.jpg").read_bytes(), scan)
    return scan


def test_scanned_pdf_is_read_by_ocr_with_progress(scanned_plan):
    from ocop_docs.parse import parse_file, read_source
    from ocop_docs.parse.pdf import _rows, _open

    assert _rows(_open(scanned_plan), "scan")[0] == []  # truly image-only: no text layer at all
    seen = []
    parsed = parse_file(scanned_plan, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)
    data = parsed.data
    assert data["issuer"]["name"] == "Ủy ban nhân dân huyện Vũ Quang" and data["issuer"]["level"] == "huyen"
    assert data["number"] == 35 and data.get("symbol") in (None, "KH-UBND")
    assert data["place"] == "Vũ Quang" and data["date"] == date(2019, 3, 22)
    assert parsed.doc_type == "Kế hoạch" and "Mỗi xã một sản phẩm" in data["title"]
    notes = [n.describe() for n in parsed.notes]
    # Every number, date and symbol read by OCR is marked uncertain, with its reason and place.
    assert any(n.startswith("number: số văn bản '35' đọc bằng nhận dạng chữ (OCR) từ bản quét (trang 1)") for n in notes)
    assert any(n.startswith("date: ngày ban hành '2019-03-22' đọc bằng nhận dạng chữ (OCR)") for n in notes)
    assert any("trang 1 là ảnh quét, đã đọc bằng nhận dạng chữ (OCR)" in n for n in notes)
    assert read_source(scanned_plan).ocr_pages == [1]


def test_ocr_checks_flag_a_misread_year_range():
    from ocop_docs.parse.ocr import ocr_notes

    notes = ocr_notes({"date": date(2023, 5, 2)}, ["giai đoạn 2033- 2025", "đến năm 2099"], "trang 1")
    messages = [m for _, m in notes]
    assert any("khoảng năm '2033- 2025' có năm đầu sau năm cuối" in m for m in messages)
    assert any("năm '2099' quá xa ngày ban hành 02/05/2023" in m for m in messages)


def test_rollforward_report_lists_what_ocr_read(scanned_plan, tmp_path):
    """The roll-forward of a scanned plan names the OCR'd number and date among the uncertain points."""
    from ocop_docs.rollforward.files import run

    report = tmp_path / "bao-cao.md"
    run(scanned_plan, 2020, tmp_path / "kh-2020.yaml", report=report)
    text = report.read_text(encoding="utf-8")
    assert "Điểm chưa chắc chắn khi đọc văn bản gốc" in text
    assert "số văn bản '35' đọc bằng nhận dạng chữ (OCR)" in text


@pytest.mark.parametrize("read, heading", [("H. MỤC TIÊU", "II. MỤC TIÊU"), ("HI. NHIỆM VỤ VÀ GIẢI PHÁP", "III. NHIỆM VỤ VÀ GIẢI PHÁP"),
                                          ("Il. MỤC TIÊU", "II. MỤC TIÊU"), ("lll. KINH PHÍ", "III. KINH PHÍ")])
def test_a_roman_heading_misread_by_ocr_is_read_as_its_number(read, heading):
    from ocop_docs.parse.ocr import roman_misread

    fixed, note = roman_misread(read)
    assert fixed == heading
    assert note == f"đề mục OCR đọc là '{read}' được hiểu là '{heading}' — cần đối chiếu bản gốc"


@pytest.mark.parametrize("line", ["H. Nguyễn Văn A", "Hà Nội, ngày 5 tháng 3", "HIV. PHÒNG CHỐNG", "H.264 MÃ HÓA"])
def test_other_lines_are_not_taken_for_misread_headings(line):
    from ocop_docs.parse.ocr import roman_misread

    assert roman_misread(line) is None
