"""A template given with --template goes through the same safe reader as ``template check``
(render/templates.read_template): a .docm, a workbook, a file that is not a zip or a zip bomb is
refused with a Vietnamese message naming the file and exit code 3, never a traceback, no output."""
from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from click.testing import CliRunner
from testpaths import SAMPLES

from ocop_docs.certificates.compiled import CompiledTemplate
from ocop_docs.cli import main
from ocop_docs.errors import TemplateError
from ocop_docs.render.templates import read_template, template_path

PLAN = SAMPLES / "plans" / "ben-cau-2024.yaml"


def macro_enabled(tmp_path):
    """The plan template saved as a .docm: the main part's content type says macroEnabled."""
    out = tmp_path / "mau.docm"
    with zipfile.ZipFile(template_path("plan")) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml").replace(
                    b"wordprocessingml.document.macroEnabled", b"ms-word.document.macroEnabled")
            dst.writestr(info, data)
    return out


def workbook(tmp_path):
    from openpyxl import Workbook

    out = tmp_path / "mau.xlsx"
    Workbook().save(out)
    return out


def not_a_zip(tmp_path):
    out = tmp_path / "mau.docx"
    out.write_text("Đây không phải tệp Word", encoding="utf-8")
    return out


def zip_bomb(tmp_path):
    """A valid template with one extra part of 8 MB of zeros (deflated to a few KB)."""
    out = tmp_path / "bom.docx"
    shutil.copy(template_path("plan"), out)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/zeros.bin", b"\0" * (8 * 1024 * 1024))
    return out


BAD = {"docm": macro_enabled, "xlsx": workbook, "not-zip": not_a_zip, "zip-bomb": zip_bomb}
REASON = {"docm": "không phải văn bản Word", "xlsx": "không phải văn bản Word",
          "not-zip": "không phải tệp nén ZIP", "zip-bomb": "bom nén"}


@pytest.mark.parametrize("case", list(BAD))
def test_render_refuses_a_bad_template_with_a_message(case, tmp_path):
    template = BAD[case](tmp_path)
    out = tmp_path / "ra.docx"
    result = CliRunner().invoke(main, ["render", str(PLAN), "-o", str(out), "--template", str(template)])
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"Lỗi mẫu văn bản {template}" in result.output and REASON[case] in result.output
    assert not out.exists()


@pytest.mark.parametrize("case", ["docm", "zip-bomb"])
def test_form_refuses_a_bad_template(case, tmp_path):
    template = BAD[case](tmp_path)
    result = CliRunner().invoke(main, ["form", "mau-01", "--blank", "-o", str(tmp_path / "ra.docx"), "--template", str(template)])
    assert result.exit_code == 3 and REASON[case] in result.output, result.output


@pytest.mark.parametrize("case", list(BAD))
def test_certificate_template_goes_through_the_same_reader(case, tmp_path):
    with pytest.raises(TemplateError, match=REASON[case]):
        CompiledTemplate(BAD[case](tmp_path))


def test_the_reader_gives_the_checked_bytes_and_document():
    data, document = read_template(template_path("plan"))
    assert zipfile.is_zipfile(io.BytesIO(data))
    assert any(p.style.name == "ND30 - Trích yếu" for p in document.paragraphs)


def test_a_zip_bomb_template_is_refused_without_being_inflated(tmp_path):
    """Case 12, memory: a part of 256 MB of zeros (a quarter of a megabyte in the file) is refused
    from its declared size; nothing of it is inflated and the template file is not read into a
    buffer sized by the limit (Python's allocations stay under 16 MB; they were 107 MB)."""
    import tracemalloc
    import zlib

    bomb = tmp_path / "bom.docx"
    shutil.copy(template_path("plan"), bomb)
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"\0" * (1024 * 1024)
    deflated = b"".join(raw.compress(block) for _ in range(256)) + raw.flush()
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_STORED) as z:
        z.writestr("word/media/zeros.bin", deflated)  # stored as is: the header is fixed below
    data = bytearray(bomb.read_bytes())
    # Declare the entry as deflated, 256 MB once inflated (local header and central directory).
    for signature, method_at, size_at in ((b"PK\x03\x04", 8, 22), (b"PK\x01\x02", 10, 24)):
        at = data.rfind(signature)
        data[at + method_at:at + method_at + 2] = (8).to_bytes(2, "little")
        data[at + size_at:at + size_at + 4] = (256 * 1024 * 1024).to_bytes(4, "little")  # CRC left wrong: never read
    bomb.write_bytes(bytes(data))

    out = tmp_path / "ra.docx"
    tracemalloc.start()
    try:
        result = CliRunner().invoke(main, ["render", str(PLAN), "-o", str(out), "--template", str(bomb)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.exit_code == 3 and "vượt giới hạn 100 MB" in result.output, result.output
    assert peak < 16 * 1024 * 1024, peak
    assert not out.exists()
