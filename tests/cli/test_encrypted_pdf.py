"""Case 13: encrypted PDFs. One that any viewer opens (AES, empty user password) is read; one that
needs a password is refused with a Vietnamese message saying so (exit 2, nothing written)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from ocop_docs.cli import main

LINES = ["KE HOACH", "Trien khai Chuong trinh OCOP nam 2026", "Noi dung thu nghiem ma hoa AES"]


def _pdf(path: Path, user_password: str, algorithm: str) -> Path:
    """A one-page PDF with a text layer, encrypted with ``algorithm``."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    content = DecodedStreamObject()
    content.set_data("".join(f"BT /F1 12 Tf 72 {760 - 20 * i} Td ({t}) Tj ET\n" for i, t in enumerate(LINES)).encode())
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm=algorithm)
    writer.write(path)
    return path


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_pdf_that_any_viewer_opens_is_read(tmp_path, algorithm):
    pdf = _pdf(tmp_path / "ke-hoach.pdf", "", algorithm)
    assert b"/AESV" in pdf.read_bytes()  # really AES-encrypted
    out = tmp_path / "ke-hoach.yaml"
    result = CliRunner().invoke(main, ["parse", str(pdf), "-o", str(out)])
    # The text is read (and written out); it is no whole plan, so parse may still ask for the missing parts.
    assert f"Đã ghi {out}" in result.output, result.output
    assert "mật khẩu" not in result.output and "không phải là tệp PDF đọc được" not in result.output
    assert "DependencyError" not in result.output and "Traceback" not in result.output
    assert "Noi dung thu nghiem ma hoa AES" in out.read_text(encoding="utf-8")


def test_password_protected_pdf_is_reported_as_such(tmp_path):
    pdf = _pdf(tmp_path / "bao-mat.pdf", "mat-khau", "AES-128")
    out = tmp_path / "bao-mat.yaml"
    result = CliRunner().invoke(main, ["parse", str(pdf), "-o", str(out)])
    assert result.exit_code == 2
    assert "được bảo vệ bằng mật khẩu; hãy mở khóa rồi thử lại" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_an_aes_256_copy_of_a_rendered_plan_reads_exactly_as_the_plan(tmp_path):
    """A real plan (Vietnamese text, ruled tables with merged cells, footnotes) exported to PDF and
    encrypted with AES-256 and an empty user password reads to the same plan, tables included:
    the table reader (pdfplumber) decrypts as the text reader (pypdf) does, nothing falls back."""
    from pypdf import PdfReader

    from ocop_docs.convert import to_pdf_one
    from ocop_docs.io import load_spec
    from ocop_docs.parse import parse_file
    from ocop_docs.render import render_spec
    from testpaths import SAMPLES

    sample = load_spec(SAMPLES / "plans" / "vi-du-xa-2026-bang-bieu.yaml")
    plain = to_pdf_one(render_spec(sample, tmp_path / "kh.docx"), tmp_path / "kh.pdf")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="AES-256")
    locked = tmp_path / "kh-aes.pdf"
    writer.write(locked)
    assert b"/AESV3" in locked.read_bytes()

    read_plain, read_locked = parse_file(plain), parse_file(locked)
    assert read_locked.primary().model == read_plain.primary().model
    assert read_locked.primary().model.tables == sample.tables
    assert [n for n in read_locked.notes if "bảng" in str(n)] == [n for n in read_plain.notes if "bảng" in str(n)]
