"""`ocop-docs check` as an officer uses it: messages, JSON, exit codes 0/1/2."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_docs.check import KINDS, VI_KINDS, checker_kind
from ocop_docs.cli import check, main


def test_kind_choices_are_the_checker_kinds_by_vietnamese_and_old_names():
    option = next(p for p in check.params if p.name == "kind")
    assert set(KINDS) | set(VI_KINDS) <= set(option.type.choices)
    assert {checker_kind(name) for name in option.type.choices} == set(KINDS)
    assert checker_kind("quyet-dinh-cong-nhan") == "decision" and checker_kind("bien-ban") == "minutes"


def test_a_clean_plan_exits_0(rendered_plans):
    result = CliRunner().invoke(main, ["check", str(rendered_plans["ben-cau-2024"])])
    assert result.exit_code == 0, result.output
    assert "không có lỗi thể thức" in result.output


def test_a_wrong_date_line_exits_1_with_rule_id(rendered_plans, tmp_path: Path):
    from docx import Document

    document = Document(str(rendered_plans["vu-quang-2019"]))
    cell = document.tables[0].cell(1, 1).paragraphs[0]
    cell.runs[0].text = "Vũ Quang, ngày 22 tháng 03 năm 2019"  # ND30-DATE-02: warning
    number = document.tables[0].cell(1, 0).paragraphs[0]
    number.runs[0].text = "Số: 5/KH-UBND"  # ND30-SO-02: error
    bad = tmp_path / "sai.docx"
    document.save(str(bad))
    result = CliRunner().invoke(main, ["check", str(bad)])
    assert result.exit_code == 1
    assert "ND30-SO-02" in result.output and "ND30-DATE-02" in result.output
    result = CliRunner().invoke(main, ["check", "--json", str(bad)])
    data = json.loads(result.output)
    rules = {f["rule_id"] for f in data["findings"]}
    assert {"ND30-SO-02", "ND30-DATE-02"} <= rules


def test_unreadable_file_exits_2_without_traceback(tmp_path: Path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["check", str(bad)])
    assert result.exit_code == 2
    assert "không phải là tệp .docx hợp lệ" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content, says", [
    (b"", "không phải tệp nén ZIP (tệp rỗng, 0 byte)"),
    (b"%PDF-1.7\n", "không phải tệp nén ZIP (đây là tệp PDF; mở bằng Word rồi lưu thành .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "đây là tệp Word 97-2003 (.doc)"),
    ("kind: ke-hoach\ntitle: Kế hoạch\n".encode(), "đây là tệp chữ thường (ví dụ tệp dữ liệu .yaml), không phải văn bản Word"),
])
def test_a_file_that_is_not_a_docx_is_named_for_what_it_is(content, says, tmp_path: Path):
    path = tmp_path / "van-ban.docx"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and says in result.output, result.output
