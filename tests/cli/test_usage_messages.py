"""click's own messages (a missing argument, an unknown option, a value out of range) reach the
officer in Vietnamese for every command, as the catalogue of cli_messages.py promises."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from english import english_leaks
from ocop_docs.cli import main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            out += _commands(command, prefix + (name,))
        else:
            out.append(prefix + (name,))
    return out


COMMANDS = _commands(main)


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_usage_errors_of_every_command_are_vietnamese(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # "a", "b"… name files that do not exist; nothing outside tmp_path is read
    runner = CliRunner(env={"OCOP_DOCS_REGISTER": str(tmp_path / "so.sqlite")})
    for args in ([], ["--khong-co"], ["a", "b", "c", "d", "e", "f", "g"]):
        if command == ("serve",) and not args:
            continue  # without arguments "serve" is right: it starts the web server and waits (tests/web does that)
        result = runner.invoke(main, [*command, *args])
        assert "Traceback" not in result.output
        assert not english_leaks(result.output), (command, args, result.output)
    assert "Cách dùng:" in runner.invoke(main, [*command, "--khong-co"]).output


def test_value_errors_are_vietnamese():
    for args, words in ((["rollforward", "a.yaml", "--year", "hai", "-o", "b.yaml"], "không phải là số hợp lệ"),
                        (["certificates", "--issuer", "a", "-o", "b", "-j", "100"], "nằm ngoài khoảng"),
                        (["check", "--kind", "xyz", "a.docx"], "không thuộc")):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and words in result.output, result.output
        assert not english_leaks(result.output), result.output
