"""The README documents every command of the CLI, with an example (sqlite-utils style)."""
from __future__ import annotations

import click

from testpaths import ROOT
from ocop_docs.cli import main


def commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            names += commands(command, full + " ")
        else:
            names.append(full)
    return names


def test_readme_documents_every_command_with_an_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in commands(main) if f"### `ocop-docs {c}`" not in readme or f"ocop-docs {c} " not in readme]
    assert missing == []


def test_every_command_has_vietnamese_help_with_an_example():
    for name in commands(main):
        command = main
        for part in name.split():
            command = command.commands[part]
        assert "Ví dụ" in (command.help or ""), name


def test_readme_has_exactly_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Cài đặt và chạy", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert lines == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci


def test_readme_lists_every_rule_the_checker_cannot_check():
    from ocop_docs.check import NOT_CHECKABLE

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quy tắc không kiểm tra được", 1)[1]
    assert [rule for rule in NOT_CHECKABLE if f"| {rule} |" not in section] == []


def test_the_readme_answers_example_fills_the_sample_plan(tmp_path, monkeypatch):
    """The answers file and the command the README shows for `rollforward --answers` work as written."""
    import re
    import shlex

    import docx
    from click.testing import CliRunner

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    answers = re.search(r"```yaml\n(# tra-loi\.yaml.*?)```", readme, re.S).group(1)
    command = re.search(r"(ocop-docs rollforward \S+ --year 2025 -o kh-2025\.yaml --answers tra-loi\.yaml.*?)\n```",
                        readme, re.S).group(1)
    args = shlex.split(command.replace("\\\n", " "))[1:]
    args[1] = str(ROOT / args[1])  # the sample plan, from the checkout
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tra-loi.yaml").write_text(answers, encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Đã điền 5 ô theo tra-loi.yaml" in result.output
    clean = docx.Document(str(tmp_path / "ban-sach.docx"))
    text = "\n".join(p.text for p in clean.paragraphs)
    cells = "\n".join(c.text for t in clean.tables for r in t.rows for c in r.cells)
    assert "Số: 45/KH-UBND" in cells and "ngày 10 tháng 02 năm 2025" in cells and "Nguyễn Văn Hải" in cells + text
    assert "20.000.000 đồng" in text and "ít nhất 03 sản phẩm" in text
    assert (tmp_path / "ban-sach.pdf").read_bytes().startswith(b"%PDF")
