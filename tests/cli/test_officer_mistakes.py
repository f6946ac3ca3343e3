"""The mistakes an OCOP officer makes in the data files of every kind, through the real commands.

Each case breaks a sample the way a person editing it in Notepad or Word does (an unquoted
"Giám đốc các sở: …", a Tab, a value not in the list, a field left out or misspelt, 31/02/2026,
a list where one line is expected, "Như Điều 3" pointing at the wrong article, 14,000,000 inside
{…}, a BOM, a file saved as Windows-1258 or UTF-16, CRLF line ends, an empty file, JSON…) and
asserts what the officer reads: the whole message in Vietnamese only (no words of the YAML, JSON
or validation libraries, no rule codes), the exact line and column of the file (row and column
letter of a sheet), the allowed values joined with "hoặc", the README's exit code and no file
written. Cases that must work (BOM, CRLF, UTF-16, JSON) render.
"""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml
from click.testing import CliRunner

from english import english_leaks
from specs import PLAN
from testpaths import SAMPLES
from ocop_docs.cli import main


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Mistake:
    id: str
    command: str  # render | score | form KIND | certificates | table | rollforward
    base: str  # a sample path under ocop_docs/samples/, or "PLAN" (tests/specs.py)
    edit: Callable[[str], str | bytes]
    message: str  # the problem as printed, "dòng L, cột C" included; "" when the file must work
    code: int = 2
    name: str = "du-lieu.yaml"

    def data(self) -> str | bytes:
        text = PLAN if self.base == "PLAN" else sample(self.base)
        return self.edit(text)


def sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"the sample no longer holds {old!r}"
        return text.replace(old, new, count)
    return edit


def drop_line(start: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        lines = text.splitlines(keepends=True)
        kept = [line for line in lines if not line.startswith(start)]
        assert len(kept) == len(lines) - 1, start
        return "".join(kept)
    return edit


COUNCIL = "decisions/ben-cau-2024-hoi-dong.yaml"
RECOGNITION = "decisions/ha-tinh-2026-cong-nhan-dot-1.yaml"
PLAN_DECISION = "decisions/quang-nam-2020.yaml"
DECISION = "decisions/kien-giang-2020-phe-duyet-de-an.yaml"
SHEET = "forms/phieu-cam-vu-quang-an.yaml"
ISSUER = "certificates/ha-tinh-2026-dot-2.yaml"
RESULTS = "certificates/ha-tinh-2026-ket-qua-dot-2.csv"

MISTAKES = [
    # ---- ke-hoach (render)
    Mistake("tab-indent", "render", "PLAN", sub("place: Vũ Quang", "place: Vũ Quang\n\tyear: 2026"), ""),
    Mistake("colon-in-title", "render", "PLAN", sub('title: "Triển khai Chương trình OCOP năm 2026"',
                                                  "title: Kế hoạch: triển khai OCOP năm 2026"), ""),
    Mistake("giam-doc-cac-so", "render", "PLAN", sub('  - "UBND tỉnh"', "  - Giám đốc các sở: Nông nghiệp, Tài chính"), ""),
    Mistake("level-not-in-list", "render", "PLAN", sub("level: xa", "level: phuong"), ""),
    Mistake("title-left-out", "render", "PLAN", drop_line("title:"), ""),
    Mistake("date-31-02", "render", "PLAN", sub("date: 2026-03-05", "date: 31/02/2026"), ""),
    Mistake("date-month-13", "render", "PLAN", sub("date: 2026-03-05", "date: 2026-13-05"), ""),
    Mistake("list-for-title", "render", "PLAN", sub('title: "Triển khai Chương trình OCOP năm 2026"',
                                                  "title:\n  - Triển khai\n  - OCOP"), ""),
    Mistake("group-for-place", "render", "PLAN", sub("place: Vũ Quang", "place:\n  xa: Vũ Quang"), ""),
    Mistake("amount-commas-in-braces", "render", "PLAN", sub("amount: 14000000", "amount: 14,000,000"), ""),
    Mistake("amount-in-words", "render", "PLAN", sub("amount: 14000000", "amount: 14 triệu"), ""),
    Mistake("amount-negative", "render", "PLAN", sub("amount: 14000000", "amount: -5"), ""),
    Mistake("amount-true", "render", "PLAN", sub("amount: 14000000", "amount: true"), ""),
    Mistake("year-in-words", "render", "PLAN", sub("year: 2026", "year: hai nghìn"), ""),
    Mistake("year-decimal", "render", "PLAN", sub("year: 2026", "year: 2026.5"), ""),
    Mistake("field-name-typo", "render", "PLAN", sub('title: "', 'titel: "'), ""),
    Mistake("nested-field-typo", "render", "PLAN", sub("level: xa", "levl: xa"), ""),
    Mistake("key-written-twice", "render", "PLAN", sub("year: 2026\n", "year: 2026\nyear: 2027\n"), ""),
    Mistake("unclosed-quote", "render", "PLAN", sub('title: "Triển khai Chương trình OCOP năm 2026"',
                                                  'title: "Triển khai Chương trình'), ""),
    Mistake("unclosed-list", "render", "PLAN", sub('recipients:\n  - "UBND tỉnh"', 'recipients: ["UBND tỉnh"'), ""),
    Mistake("kind-misspelt", "render", "PLAN", sub("kind: plan", "kind: ke-hoac"), ""),
    Mistake("kind-left-out", "render", "PLAN", drop_line("kind:"), ""),
    Mistake("windows-1258", "render", "PLAN", lambda t: t.encode("cp1258", errors="replace"), ""),
    Mistake("empty-file", "render", "PLAN", lambda t: "", ""),
    Mistake("only-comments", "render", "PLAN", lambda t: "# kế hoạch năm 2026\n", ""),
    Mistake("bad-json", "render", "PLAN", lambda t: '{"kind": "plan",\n "year": 2026,\n}', "", name="du-lieu.json"),
    Mistake("control-character", "render", "PLAN", sub("place: Vũ Quang", "place: Vũ\x07Quang"), ""),
    # files that must work as they are
    Mistake("bom", "render", "PLAN", lambda t: "\ufeff" + t, "", code=0),
    Mistake("crlf", "render", "PLAN", lambda t: t.replace("\n", "\r\n"), "", code=0),
    Mistake("utf-16-notepad", "render", "PLAN", lambda t: t.encode("utf-16"), "", code=0),
    Mistake("json", "render", "PLAN", lambda t: json.dumps(yaml.safe_load(t), ensure_ascii=False, default=str), "",
            code=0, name="du-lieu.json"),
    # ---- decisions (render)
    Mistake("nhu-dieu-wrong", "render", RECOGNITION, sub('  - "Bộ Nông nghiệp và Môi trường (để b/c)"', '  - "Như Điều 3"'), ""),
    Mistake("executor-colon", "render", RECOGNITION, sub('  - "Chánh Văn phòng Điều phối nông thôn mới tỉnh"',
                                                        "  - Giám đốc các sở: Tài chính, Y tế"), ""),
    Mistake("recognition-date-31-02", "render", RECOGNITION, sub("date: 2026-06-25", "date: 31/02/2026"), ""),
    Mistake("products-file-missing", "render", RECOGNITION,
            sub("products_file: ha-tinh-2026-ket-qua-dot-1.xlsx", "products_file: ket-qua.xlsx"), ""),
    Mistake("authority-in-words", "render", RECOGNITION, sub("authority: KT", "authority: ký thay"), ""),
    Mistake("verb-not-in-list", "render", RECOGNITION, sub('verb: "công nhận"', 'verb: "cấp"'), ""),
    Mistake("council-tab", "render", COUNCIL, lambda t: t.replace("\n  ", "\n\t", 1), ""),
    Mistake("council-unknown-field", "render", COUNCIL, sub("\nnumber:", "\nthanh_vien: []\nnumber:"), ""),
    Mistake("plan-decision-authority", "render", PLAN_DECISION, sub("authority: collective", "authority: tap the"), ""),
    Mistake("decision-nhu-dieu-2", "render", DECISION, sub("- Như Điều 3", "- Như Điều 2"), ""),
    # ---- forms (form)
    Mistake("form-field-left-out", "form mau-01", "forms/mau-01-cam-vu-quang.yaml", drop_line("product_name:"), ""),
    Mistake("form-list-for-text", "form mau-01", "forms/mau-01-cam-vu-quang.yaml",
            sub("province: Hà Tĩnh", "province: [Hà Tĩnh]"), ""),
    Mistake("form-crlf-and-tab", "form mau-01", "forms/mau-01-cam-vu-quang.yaml",
            lambda t: t.replace("\nprovince", "\n\tprovince").replace("\n", "\r\n"), ""),
    Mistake("mau-02-colon", "form mau-02", "forms/mau-02-cam-vu-quang.yaml",
            sub("product_name: Cam Vũ Quang", "product_name: Sản phẩm: Cam Vũ Quang"), ""),
    Mistake("mau-03-date", "form mau-03", "forms/mau-03-cam-vu-quang.yaml", sub("date: 2026-04-20", "date: 20/04/26"), ""),
    Mistake("cong-van-wrong-kind", "form cong-van-de-nghi", "forms/cong-van-de-nghi-vu-quang.yaml",
            sub("kind: cong-van-de-nghi", "kind: mau-01"), ""),
    Mistake("bien-ban-sheet-missing", "form bien-ban", "forms/bien-ban-hoi-dong-ha-tinh.yaml",
            sub("  - phieu-cam-vu-quang-an.yaml", "  - phieu-an.yaml"), ""),
    # ---- score sheets (score)
    Mistake("sheet-bo-27", "score", SHEET, sub("bo: 1", "bo: 27"), ""),
    Mistake("sheet-unknown-criterion", "score", SHEET, sub('  "1.1": 3', '  "9.9": 3'), ""),
    Mistake("sheet-box-9", "score", SHEET, sub('  "1.1": 3', '  "1.1": 9'), ""),
    Mistake("sheet-two-boxes", "score", SHEET, sub('  "1.1": 3', '  "1.1": [1, 3]'), ""),
    Mistake("sheet-empty", "score", SHEET, lambda t: "", ""),
    # ---- certificates: the issuer file, and the results table
    Mistake("issuer-level", "certificates", ISSUER, sub("level: tinh", "level: phuong"), ""),
    Mistake("issuer-date-31-02", "certificates", ISSUER, sub("date: 2026-10-28", "date: 31/02/2026"), ""),
    Mistake("issuer-number-format", "certificates", ISSUER,
            sub('format: "{so:03d}/{nam}/GCN-OCOP"', 'format: "{so:03d/{nam}/GCN-OCOP"'), ""),
    Mistake("issuer-round-colon", "certificates", ISSUER, sub('round: "đợt 2"', "round: Đợt: 2"), ""),
    Mistake("issuer-number-dots", "certificates", ISSUER, sub("number: 2698", "number: 2.698"), ""),
    Mistake("table-windows-1258", "table", RESULTS, lambda t: t.encode("cp1258", errors="replace"),
            "", name="ket-qua.csv"),
    Mistake("table-score-in-words", "table", RESULTS, sub(";78,25;", ";bảy tám;"), "", code=3, name="ket-qua.csv"),
    # ---- rollforward
    Mistake("rollforward-tab", "rollforward", "plans/ha-tinh-2023-2025.yaml", lambda t: t.replace("\n  ", "\n\t", 1), ""),
    Mistake("rollforward-level", "rollforward", "plans/ha-tinh-2023-2025.yaml",
            lambda t: re.sub(r"level: \w+", "level: phuong", t, count=1), ""),
]


def run(mistake: Mistake, tmp_path: Path):
    data = tmp_path / mistake.name
    content = mistake.data()
    if isinstance(content, str):
        data.write_text(content, encoding="utf-8", newline="")
    else:
        data.write_bytes(content)
    if mistake.base != "PLAN":
        for table in (SAMPLES / Path(mistake.base).parent).iterdir():
            if table.suffix in (".xlsx", ".csv") or table.name.startswith("phieu-"):
                shutil.copy(table, tmp_path / table.name)
    out = tmp_path / "ra"
    command = mistake.command.split()
    args = {
        "render": ["render", str(data), "-o", str(out / "van-ban.docx")],
        "form": ["form", *command[1:], str(data), "-o", str(out / "bieu-mau.docx")],
        "score": ["score", str(data), "--bang", str(out / "ket-qua.xlsx")],
        "certificates": ["certificates", str(SAMPLES / RESULTS), "--issuer", str(data), "-o", str(out / "gcn"),
                         "--register", str(out / "so.sqlite")],
        "table": ["certificates", str(data), "--issuer", str(SAMPLES / ISSUER), "-o", str(out / "gcn"),
                  "--register", str(out / "so.sqlite")],
        "rollforward": ["rollforward", str(data), "--year", "2026", "-o", str(out / "ke-hoach.yaml")],
    }[command[0]]
    return data, out, CliRunner().invoke(main, args)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_what_the_officer_reads(mistake: Mistake, tmp_path):
    data, out, result = run(mistake, tmp_path)
    assert result.exit_code == mistake.code, result.output
    assert "Traceback" not in result.output and not english_leaks(result.output), result.output
    assert not re.search(r"\b(ND30|OCOP)-[A-Z]", result.output), "no rule code without --debug"
    if mistake.code == 0:
        assert list(out.iterdir()) == [out / "van-ban.docx"]
        return
    assert mistake.message in result.output, result.output
    if mistake.code == 2:
        assert f"Lỗi dữ liệu trong tệp {data}" in result.output or str(data) in result.output
        assert not out.exists() or not any(out.rglob("*")), "no file written, not even a partial one"


def test_the_list_covers_every_kind_and_command():
    assert len(MISTAKES) >= 40
    assert {m.command.split()[0] for m in MISTAKES} == {"render", "form", "score", "certificates", "table", "rollforward"}
    kinds = {yaml.safe_load(PLAN if m.base == "PLAN" else sample(m.base)).get("kind") for m in MISTAKES
             if not m.base.endswith(".csv")}
    assert kinds >= {"plan", "quyet-dinh-cong-nhan", "quyet-dinh-hoi-dong", "quyet-dinh-ban-hanh-ke-hoach", "decision",
                     "mau-01", "mau-02", "mau-03", "cong-van-de-nghi", "bien-ban", "phieu-danh-gia",
                     "certificate-issuer", "ke-hoach"}
