"""One table of exit codes: errors.ExitCode, and the README's table says the same."""
from __future__ import annotations

from ocop_docs.errors import EXIT_MEANINGS, ConversionError, DataError, ExitCode, TemplateError, UnreadableFile
from testpaths import ROOT


def test_readme_exit_code_table_is_the_library_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| mã thoát | ý nghĩa |", 1)[1].split("\n\n", 1)[0]
    rows = [line.strip("|").split("|") for line in table.strip().splitlines()[1:]]
    assert {int(code): text.strip() for code, text in rows} == {int(k): v for k, v in EXIT_MEANINGS.items()}


def test_errors_carry_their_exit_code():
    assert DataError(None, "x").exit_code == ExitCode.DATA == 2
    assert UnreadableFile("x").exit_code == 2
    assert TemplateError("t.docx", "x").exit_code == ExitCode.TEMPLATE == 3
    assert ConversionError("x").exit_code == ExitCode.PDF == 4
