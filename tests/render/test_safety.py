"""Rendering never loses data and never runs template code: sandboxed, strict, escaping."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from ocop_docs.errors import TemplateError
from ocop_docs.render import render_docx


def make_template(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_ampersand_and_angle_brackets_survive(tmp_path: Path):
    template = make_template(tmp_path / "t.docx", "Tên: {{ name }}")
    out = render_docx(template, {"name": "A & B <C> \"D\" 'E'"}, tmp_path / "out.docx")
    assert texts(out) == ["Tên: A & B <C> \"D\" 'E'"]


def test_missing_data_is_an_error_naming_template_paragraph_and_text(tmp_path: Path):
    template = make_template(tmp_path / "t.docx", "Dòng đầu", "Chủ thể: {{ product.owner }}")
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as info:
        render_docx(template, {"product": {"name": "Mật ong"}}, out)
    message = str(info.value)
    assert "t.docx" in message and "owner" in message
    assert "đoạn 2" in message and "Chủ thể:" in message
    assert not out.exists()


def test_template_code_cannot_escape_the_sandbox(tmp_path: Path):
    template = make_template(tmp_path / "t.docx", "{{ ().__class__.__base__.__subclasses__() }}")
    with pytest.raises(TemplateError, match="không được phép"):
        render_docx(template, {}, tmp_path / "out.docx")


def test_syntax_error_names_the_template(tmp_path: Path):
    template = make_template(tmp_path / "t.docx", "Trước", "{{ name ", "Sau")
    with pytest.raises(TemplateError) as info:
        render_docx(template, {"name": "x"}, tmp_path / "out.docx")
    message = str(info.value)
    assert "t.docx" in message and "cú pháp" in message
    assert "đoạn thứ 2" in message and "{{ name" in message


def test_failed_render_keeps_the_previous_file(tmp_path: Path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous")
    template = make_template(tmp_path / "t.docx", "{{ missing }}")
    with pytest.raises(TemplateError):
        render_docx(template, {}, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == sorted(["out.docx", "t.docx"]) or set(p.name for p in tmp_path.iterdir()) == {"out.docx", "t.docx"}


def test_outputs_are_ordinary_files_others_can_read(tmp_path: Path):
    import os
    import stat

    template = make_template(tmp_path / "t.docx", "{{ name }}")
    out = render_docx(template, {"name": "x"}, tmp_path / "out.docx")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_a_template_failing_in_its_own_arithmetic_is_a_template_error(tmp_path: Path):
    """{{ 1 // 0 }}: the template's fault (exit 3, Vietnamese), not a fault of the software (exit 70)."""
    from click.testing import CliRunner

    from english import english_leaks
    from ocop_docs.cli import main
    from testpaths import SAMPLES

    template = make_template(tmp_path / "mau.docx", "{{ title }}", "{{ 1 // (bases|length - bases|length) }}",
                             "{{ title + bases|length }}")
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "-o",
                                       str(tmp_path / "out.docx"), "--template", str(template)])
    assert result.exit_code == 3, result.output
    assert (f"Lỗi mẫu văn bản {template} (đoạn thứ 2, kể cả các đoạn trong bảng): lỗi khi điền mẫu: phép chia cho 0\n"
            "  Đoạn văn bản gần đó: «{{ 1 // (bases|length - bases|length) }}»") in result.output
    assert english_leaks(result.output) == [] and not (tmp_path / "out.docx").exists()
    broken = make_template(tmp_path / "hong.docx", "{{ title }", "{% for x in %}")
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "-o",
                                       str(tmp_path / "out.docx"), "--template", str(broken)])
    assert result.exit_code == 3 and "lỗi cú pháp thẻ mẫu" in result.output
    assert "unexpected" not in result.output and english_leaks(result.output) == []


def test_a_failing_tag_in_a_table_cell_is_found_by_its_paragraph(tmp_path: Path):
    """A runtime failure names the paragraph (counted with the table's) and shows its text."""
    document = Document()
    document.add_paragraph("{{ name }}")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "Tổng: {{ name + 1 }}"
    document.add_paragraph("Cuối")
    document.save(str(tmp_path / "t.docx"))
    with pytest.raises(TemplateError) as info:
        render_docx(tmp_path / "t.docx", {"name": "x"}, tmp_path / "out.docx")
    message = str(info.value)
    assert "(đoạn thứ 3, kể cả các đoạn trong bảng): lỗi khi điền mẫu: nối chữ với số" in message, message
    assert "«Tổng: {{ name + 1 }}»" in message
