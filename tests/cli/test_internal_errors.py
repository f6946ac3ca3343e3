"""A fault of the software itself reaches the user as a designed Vietnamese message and exit code 70,
never as a Python traceback; --debug shows the traceback to the developer."""
from __future__ import annotations

from click.testing import CliRunner

from ocop_docs import api
from ocop_docs.cli import main
from ocop_docs.errors import ExitCode
from testpaths import SAMPLES


def _boom(*args, **kwargs):
    raise RuntimeError("hỏng giả lập")


def test_an_unexpected_fault_is_a_message_not_a_traceback(monkeypatch, tmp_path):
    monkeypatch.setattr(api, "render", _boom)
    result = CliRunner().invoke(main, ["render", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == ExitCode.INTERNAL == 70
    assert "Lỗi phần mềm (không phải lỗi của dữ liệu): RuntimeError: hỏng giả lập" in result.output
    assert "--debug" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()


def test_debug_shows_the_fault(monkeypatch, tmp_path):
    monkeypatch.setattr(api, "render", _boom)
    result = CliRunner().invoke(main, ["--debug", "render", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "-o",
                                       str(tmp_path / "x.docx")])
    assert isinstance(result.exception, RuntimeError)
