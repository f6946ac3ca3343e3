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
