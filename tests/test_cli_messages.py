"""Click's own messages reach the user in Vietnamese through click's hooks, click left unpatched."""
from __future__ import annotations

import click
import click.exceptions
from click.testing import CliRunner

from ocop_docs.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_usage_errors_are_vietnamese_with_usage_and_hint():
    result = run("render")
    assert result.exit_code == 2
    assert "Cách dùng: main render [TÙY CHỌN] SPEC" in result.output and "Xem hướng dẫn: 'main render --help'." in result.output
    assert "Lỗi: Thiếu tham số 'SPEC'." in result.output
    assert "Usage" not in result.output and "Missing" not in result.output


def test_unknown_option_command_and_bad_choice():
    result = run("check", "x.docx", "--kiind", "plan")
    assert result.exit_code == 2 and "Không có tùy chọn '--kiind'." in result.output and "--kind" in result.output
    result = run("rendr")
    assert result.exit_code == 2 and "Không có lệnh 'rendr'." in result.output
    result = run("score", "a.yaml", "--quy-tac", "x")
    assert result.exit_code == 2 and "Giá trị không hợp lệ cho '--quy-tac'" in result.output
    assert "is not one of" not in result.output and "không thuộc" in result.output


def test_help_is_vietnamese():
    text = run("--help").output
    assert text.startswith("Cách dùng: main [TÙY CHỌN] LỆNH [THAM SỐ]...") and "Tùy chọn:" in text and "Các lệnh:" in text
    text = run("demo", "--help").output
    assert "[mặc định: pdf]" in text and "Hiện hướng dẫn này và thoát." in text and "default" not in text


def test_click_is_not_patched():
    assert click.exceptions._("Missing argument") == "Missing argument"


def test_a_folder_given_for_a_file_names_it_in_vietnamese(tmp_path):
    """Click title-cases its parameter's name ("File '…' is a directory."): the name is translated too."""
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert f"Lỗi: Giá trị không hợp lệ cho 'FILES...': Tệp '{tmp_path}' là một thư mục." in result.output
    assert "File" not in result.output
