"""Hostile files through the real commands (issue 13, cases 6 and 11): a 1 MB .xlsx or .docx that
would inflate to 1 GB is refused from its declared sizes by every command that opens it — tables of
results, score sheets, the tables a decision names, Word templates, documents to check or read —
and JSON nested 100,000 deep is refused by every command that reads a data file. Each answer is a
Vietnamese message with the README's exit code, and nothing is written."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from english import english_leaks
from testpaths import SAMPLES
from zipbombs import bomb
from ocop_docs.cli import main
from ocop_docs.render.templates import template_path

MB = 1 << 20
ISSUER = SAMPLES / "certificates" / "ha-tinh-2026-dot-2.yaml"
RESULTS = SAMPLES / "certificates" / "ha-tinh-2026-ket-qua-dot-2.csv"


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    """A 1 GB sharedStrings in the sample results table, a 1 GB document.xml in the plan template."""
    where = tmp_path_factory.mktemp("bom")
    xlsx = bomb(SAMPLES / "certificates" / "ha-tinh-2026-ket-qua-dot-2.xlsx", where / "ket-qua.xlsx",
                "xl/sharedStrings.xml", b"<si><t>" + b"A" * (MB - 16) + b"</t></si>")
    docx = bomb(template_path("plan"), where / "mau.docx", "word/document.xml",
                b"<w:p><w:r><w:t>" + b"A" * (MB - 32) + b"</w:t></w:r></w:p>")
    for path in (xlsx, docx):
        assert path.stat().st_size < 1.2 * MB
    return {"xlsx": xlsx, "docx": docx}


def _decision_naming(table: Path, tmp_path: Path) -> Path:
    """The sample recognition decision, its products read from ``table``."""
    spec = tmp_path / "cong-nhan.yaml"
    text = (SAMPLES / "decisions" / "ha-tinh-2026-cong-nhan-dot-1.yaml").read_text(encoding="utf-8")
    spec.write_text(text.replace("products_file: ha-tinh-2026-ket-qua-dot-1.xlsx", f"products_file: {table.name}"),
                    encoding="utf-8")
    shutil.copy(table, tmp_path / table.name)
    return spec


# (command line, exit code, what the message says) — {xlsx}/{docx} are the bombs, {out} the output folder
ZIP_CASES = {
    "certificates-table": (["certificates", "{xlsx}", "--issuer", str(ISSUER), "-o", "{out}/gcn",
                            "--register", "{out}/so.sqlite"], 2, "không đọc được tệp Excel"),
    "score-sheet": (["score", "{xlsx}", "--bang", "{out}/kq.xlsx"], 2, "không đọc được tệp Excel"),
    "render-products-file": (["render", "{decision}", "-o", "{out}/qd.docx"], 2, "không đọc được tệp Excel"),
    "render-template": (["render", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "-o", "{out}/kh.docx",
                         "--template", "{docx}"], 3, "Lỗi mẫu văn bản"),
    "certificates-template": (["certificates", str(RESULTS), "--issuer", str(ISSUER), "-o", "{out}/gcn",
                               "--register", "{out}/so.sqlite", "--template", "{docx}"], 3, "Lỗi mẫu văn bản"),
    "template-check": (["template", "check", "{docx}", "--kind", "ke-hoach"], 2, "không phải là tệp .docx hợp lệ"),
    "check": (["check", "{docx}"], 2, "không phải là tệp .docx hợp lệ"),
    "parse": (["parse", "{docx}", "-o", "{out}/kh.yaml"], 2, "không phải là tệp .docx hợp lệ"),
    "rollforward": (["rollforward", "{docx}", "--year", "2027", "-o", "{out}/kh.yaml"], 2,
                    "không phải là tệp .docx hợp lệ"),
}


@pytest.mark.parametrize("case", list(ZIP_CASES))
def test_a_zip_bomb_is_refused_by_every_command_that_opens_a_zip(case, bombs, tmp_path):
    args, code, words = ZIP_CASES[case]
    out = tmp_path / "ra"
    values = {"xlsx": str(bombs["xlsx"]), "docx": str(bombs["docx"]), "out": str(out),
              "decision": str(_decision_naming(bombs["xlsx"], tmp_path)) if case == "render-products-file" else ""}
    result = CliRunner().invoke(main, [a.format(**values) for a in args])
    assert result.exit_code == code, result.output
    part = "xl/sharedStrings.xml" if "{xlsx}" in args or case == "render-products-file" else "word/document.xml"
    assert words in result.output, result.output
    assert re.search(rf"phần tử '{part}' khai báo 1\.02[45] MB khi giải nén, vượt giới hạn 100 MB", result.output)
    assert "Traceback" not in result.output and not english_leaks(result.output), result.output
    assert not out.exists() or not any(out.rglob("*"))


DEEP = '{"kind": "KIND", "body": ' + "[" * 100_000 + "]" * 100_000 + "}"


@pytest.mark.parametrize("command, kind", [("render", "ke-hoach"), ("score", "phieu-danh-gia"),
                                           ("rollforward", "ke-hoach"), ("form", "mau-01"),
                                           ("certificates", "certificate-issuer")])
def test_json_nested_100000_deep_is_refused_by_every_command(command, kind, tmp_path):
    data = tmp_path / "sau.json"
    data.write_text(DEEP.replace("KIND", kind), encoding="utf-8")
    out = tmp_path / "ra"
    args = {"render": ["render", str(data), "-o", str(out / "a.docx")],
            "score": ["score", str(data), "--bang", str(out / "kq.xlsx")],
            "rollforward": ["rollforward", str(data), "--year", "2027", "-o", str(out / "kh.yaml")],
            "form": ["form", "mau-01", str(data), "-o", str(out / "m.docx")],
            "certificates": ["certificates", str(RESULTS), "--issuer", str(data), "-o", str(out / "gcn"),
                             "--register", str(out / "so.sqlite")]}[command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert (f"Lỗi dữ liệu trong tệp {data}:\n  - các nhóm và danh sách lồng nhau quá sâu (tối đa 64 cấp)"
            in result.output), result.output
    assert "Traceback" not in result.output and not (out.exists() and any(out.rglob("*")))
