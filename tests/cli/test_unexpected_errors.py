"""A defect of ocop-docs, or input too big for memory, still ends with a Vietnamese message and no
traceback; --debug shows the traceback (for a bug report) and the rule codes of data errors."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

import ocop_docs.api
from english import english_leaks
from ocop_docs.cli import main


@pytest.mark.parametrize("error, code, words", [
    (TypeError("unsupported operand"), 70, "Lỗi phần mềm (không phải lỗi của dữ liệu): TypeError"),
    (MemoryError(), 2, "dữ liệu vào quá lớn để xử lý (không đủ bộ nhớ); không có tệp nào được ghi"),
    (RecursionError(), 2, "dữ liệu vào quá lớn để xử lý (dữ liệu lồng nhau quá sâu)"),
])
def test_unexpected_errors_are_messages(tmp_path, monkeypatch, error, code, words):
    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(ocop_docs.api, "load_spec", broken)
    spec = tmp_path / "a.yaml"
    spec.write_text("kind: plan\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == code
    assert words in result.output and "Traceback" not in result.output
    assert not english_leaks(result.output.replace(f"{type(error).__name__}: {error}", ""))
    debug = CliRunner().invoke(main, ["--debug", "render", str(spec), "-o", str(tmp_path / "a.docx")])
    assert debug.exception is error


def test_a_reader_that_leaves_early_is_not_a_fault(tmp_path, monkeypatch):
    """`ocop-docs register list … | head`: the closed pipe ends the command quietly (exit 0: nothing
    went wrong), never as "Lỗi phần mềm … BrokenPipeError" (exit 70)."""
    def closed(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(ocop_docs.api, "load_spec", closed)
    spec = tmp_path / "a.yaml"
    spec.write_text("kind: plan\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 0 and result.output == ""
