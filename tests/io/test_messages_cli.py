"""What an officer reads when a spec is wrong, through the real CLI: Vietnamese only, the exact line
and column, the fix when the cause is known (a colon in an unquoted value), no rule code unless
--debug, exit 2, no output file; hostile specs (alias bomb, huge numbers, deep nesting) the same."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from english import english_leaks
from specs import PLAN
from testpaths import ROOT, SAMPLES
from ocop_docs.cli import main

TEMPLATES = ROOT / "ocop_docs" / "templates"


BOMB = "kind: plan\na: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
    f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))

def render(tmp_path: Path, text: str, name: str = "ke-hoach.yaml", *extra: str):
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "ra" / "ke-hoach.docx"
    result = CliRunner().invoke(main, [*extra, "render", str(spec), "-o", str(out)])
    assert not out.exists() and not list(tmp_path.glob("ra/*")), "no output, not even a partial one"
    return result


# (name, broken spec, words that must be in the message, "dòng L, cột C" expected)
CASES = [
    ("tab", PLAN.replace("place: Vũ Quang", "place: Vũ Quang\n\tyear: 2026"),
     "có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để thụt lề", "dòng 4, cột 1"),
    ("unclosed quote", PLAN.replace('title: "Triển khai Chương trình OCOP năm 2026"', 'title: "Triển khai Chương trình'),
     'dấu ngoặc kép " mở ở đây chưa được đóng', "dòng 6, cột 8"),
    ("colon in a value", PLAN.replace('title: "Triển khai Chương trình OCOP năm 2026"',
                                      "title: Kế hoạch: triển khai OCOP năm 2026"),
     'hãy đặt giá trị trong dấu ngoặc kép, ví dụ: title: "Kế hoạch: triển khai OCOP năm 2026"', "dòng 6, cột 16"),
    ("colon in a list item", PLAN.replace('  - "Lưu: VT"', "  - Giám đốc các sở: Nông nghiệp, Tài chính"),
     'hãy đặt giá trị trong dấu ngoặc kép, ví dụ: - "Giám đốc các sở: Nông nghiệp, Tài chính"', "dòng 17, cột 20"),
    ("colon in a paragraph", PLAN.replace('      - "Triển khai đồng bộ các giải pháp."',
                                          "      - Giám đốc các sở: chủ trì thực hiện"),
     'ví dụ: - "Giám đốc các sở: chủ trì thực hiện"', "dòng 10, cột 24"),
    ("words after a closing quote", PLAN.replace('title: "Triển khai Chương trình OCOP năm 2026"',
                                                 'title: "Kế hoạch" triển khai OCOP năm 2026'),
     "còn chữ sau dấu ngoặc kép đóng; hãy đặt cả giá trị trong dấu ngoặc đơn, ví dụ: "
     "title: '\"Kế hoạch\" triển khai OCOP năm 2026'", "dòng 6, cột 19"),
    ("bad indentation", PLAN.replace("place: Vũ Quang", " place: Vũ Quang"),
     "thẳng cột với các trường cùng cấp", "dòng 3, cột 2"),
    ("allowed values", PLAN.replace("level: xa", "level: phuong"),
     "chấp nhận: 'trung_uong' (trung ương), 'tinh' (tỉnh), 'huyen' (huyện), 'xa' (xã), 'so' (sở, ngành) hoặc 'khac' (khác)",
     "dòng 2, cột 47"),
    ("boolean amount", PLAN.replace("amount: 14000000", "amount: true"),
     "phải là một số, không phải giá trị đúng/sai (true)", "dòng 13, cột 49"),
    ("key written twice", PLAN.replace("year: 2026\n", "year: 2026\nyear: 2027\n"),
     "trường 'year', dòng 6, cột 1 của tệp: được ghi hai lần (dòng 5 và dòng 6); xóa một trong hai dòng", "dòng 6, cột 1"),
    ("number as text", PLAN.replace("place: Vũ Quang", "place: 2026"),
     "phải là chữ, nhưng YAML đọc giá trị này là số (2.026); hãy đặt giá trị trong dấu ngoặc kép", "dòng 3, cột 1"),
    ("amount of 10^28", PLAN.replace("amount: 14000000", "amount: 10000000000000000000000000000"),
     "phải nhỏ hơn hoặc bằng 999.999.999.999.999.999", "dòng 13, cột 49"),
    ("5,000-digit integer", PLAN.replace("year: 2026", "year: " + "9" * 5000),
     "số quá lớn (5000 chữ số; tối đa 40)", "dòng 5, cột 7"),
    ("control character", PLAN.replace("place: Vũ Quang", "place: Vũ\x07Quang"),
     "ký tự điều khiển không in được (mã 0x0007)", "dòng 3, cột 10"),
    ("two documents", PLAN + "---\nkind: plan\n", "tệp chỉ được có một tài liệu", "dòng 18"),
]


@pytest.mark.parametrize("name, text, words, where", CASES, ids=[c[0] for c in CASES])
def test_bad_spec_message_is_vietnamese_and_points_at_the_place(tmp_path, name, text, words, where):
    result = render(tmp_path, text)
    assert result.exit_code == 2, result.output
    assert f"Lỗi dữ liệu trong tệp {tmp_path / 'ke-hoach.yaml'}" in result.output
    assert words in result.output, result.output
    assert f"{where} của tệp" in result.output or f"{where}," in result.output, result.output
    assert not english_leaks(result.output), (english_leaks(result.output), result.output)


def test_json_hostile_inputs(tmp_path):
    deep = '{"kind": "plan", "body": ' + "[" * 100_000 + "]" * 100_000 + "}"
    result = render(tmp_path, deep, "sau.json")
    assert result.exit_code == 2 and "các nhóm và danh sách lồng nhau quá sâu (tối đa 64 cấp)" in result.output
    big = '{"kind": "plan",\n "year": ' + "9" * 5000 + "}"
    result = render(tmp_path, big, "so-lon.json")
    assert result.exit_code == 2 and "dòng 2, cột 10 của tệp: số quá lớn (5000 chữ số" in result.output
    twice = '{"kind": "plan",\n "year": 2026,\n "year": 2027}'
    result = render(tmp_path, twice, "hai-lan.json")
    assert result.exit_code == 2
    assert "trường 'year', dòng 3, cột 2 của tệp: được ghi hai lần (dòng 2 và dòng 3)" in result.output
    result = render(tmp_path, '{"kind": "plan", "year": }', "sai.json")
    assert result.exit_code == 2 and "dòng 1, cột 26 của tệp: JSON sai cú pháp: thiếu giá trị" in result.output
    for output in (result.output,):
        assert not english_leaks(output) and "Traceback" not in output


def test_wrong_nhu_dieu_is_reported_at_its_line_without_the_rule_code(tmp_path):
    sample = (SAMPLES / "decisions" / "ha-tinh-2026-cong-nhan-dot-1.yaml").read_text(encoding="utf-8")
    lines = sample.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("recipients:"))
    lines.insert(at + 1, '  - "Như Điều 9"')
    text = "\n".join(lines) + "\n"
    for name in ("ha-tinh-2026-ket-qua-dot-1.xlsx",):  # the spec names its table beside it
        (tmp_path / name).write_bytes((SAMPLES / "decisions" / name).read_bytes())
    result = render(tmp_path, text, "quyet-dinh.yaml")
    assert result.exit_code == 2, result.output
    assert (f"trường 'recipients[0]', dòng {at + 2}, cột 5 của tệp: Nơi nhận ghi 'Như Điều 9' nhưng điều quy định "
            "trách nhiệm thi hành là Điều 5") in result.output
    assert "ND30-" not in result.output and "[" not in result.output.split("của tệp:", 1)[1]
    debug = render(tmp_path, text, "quyet-dinh.yaml", "--debug")
    assert "Mã quy tắc: ND30-TPL-QD-03" in debug.output


def test_document_rule_names_the_file_without_its_code(tmp_path):
    """A rule of the whole document (a commune has no council) is an error of the file, no code."""
    text = (SAMPLES / "decisions" / "ben-cau-2024-hoi-dong.yaml").read_text(encoding="utf-8")
    text = re.sub(r"level: \w+", "level: xa", text, count=1)
    for name in ("ha-tinh-2026-thanh-vien.xlsx",):
        (tmp_path / name).write_bytes((SAMPLES / "decisions" / name).read_bytes())
    result = render(tmp_path, text, "hoi-dong.yaml")
    assert result.exit_code == 2, result.output
    assert f"Lỗi dữ liệu trong tệp {tmp_path / 'hoi-dong.yaml'}" in result.output
    assert "không thành lập Hội đồng" in result.output and "OCOP-" not in result.output


@pytest.mark.parametrize("command", ["render", "score", "rollforward", "certificates", "template check"])
def test_alias_bomb_is_refused_at_once_by_every_command(tmp_path, command):
    """Case 5: a 353-byte file whose aliases expand to ~490 million values."""
    bomb = tmp_path / "bom.yaml"
    bomb.write_text(BOMB, encoding="utf-8")
    assert bomb.stat().st_size < 400
    started = time.monotonic()
    result = CliRunner().invoke(main, _command(tmp_path, command, bomb))
    assert time.monotonic() - started < 10
    assert result.exit_code == 2, result.output
    assert "bí danh YAML (&tên … *tên) được mở rộng thành quá nhiều giá trị" in result.output
    assert "tối đa 10.000" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "ra").exists() or not any((tmp_path / "ra").rglob("*"))


def test_a_few_aliases_are_still_fine(tmp_path):
    text = PLAN.replace('signer: {on_behalf_of: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn A"}',
                        'signer: &ky {on_behalf_of: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn A"}')
    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "ke-hoach.docx"
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output and out.is_file()


def test_self_referencing_alias_is_refused(tmp_path):
    result = render(tmp_path, PLAN + "x: &vong [*vong]\n")
    assert result.exit_code == 2
    assert "dòng 18, cột 4 của tệp: bí danh YAML (*…) trỏ vào chính nhóm chứa nó" in result.output


def test_json_check_report_is_vietnamese_for_bad_and_unreadable_files(tmp_path):
    bad = tmp_path / "khong-phai-docx.docx"
    bad.write_bytes(b"%PDF-1.4 nothing")
    result = CliRunner().invoke(main, ["check", "--json", str(bad)])
    assert result.exit_code == 2
    assert not english_leaks(json.loads(result.output)["error"])


def _sample(path: str) -> str:
    return (SAMPLES / path).read_text(encoding="utf-8")


# (command, sample to break, how to break it, the Vietnamese words expected)
OTHER_COMMANDS = [
    ("score", "forms/phieu-cam-vu-quang-an.yaml", lambda t: t.replace("bo: 1", "bo: true"),
     "phải là một số, không phải giá trị đúng/sai (true)"),
    ("score", "forms/phieu-cam-vu-quang-an.yaml", lambda t: t.replace('  "1.1": 3', '  "1.1": true'),
     "trường 'ticks[\"1.1\"]', dòng 16, cột 3 của tệp: phải là một số, không phải giá trị đúng/sai (true)"),
    ("score", "forms/phieu-cam-vu-quang-an.yaml", lambda t: t.replace("member: Nguyễn Văn An", "member: Thành viên: An"),
     'ví dụ: member: "Thành viên: An"'),
    ("score", "forms/phieu-cam-vu-quang-an.yaml", lambda t: t.replace('  "1.1": 3', '  "1.1": 3\n  "1.1": 2'),
     "được ghi hai lần"),
    ("certificates", "certificates/ha-tinh-2026-dot-2.yaml", lambda t: t.replace("level: tinh", "level: phuong"),
     "hoặc 'khac' (khác)"),
    ("certificates", "certificates/ha-tinh-2026-dot-2.yaml", lambda t: t.replace('place: "Hà Tĩnh"', "\tplace: Hà Tĩnh"),
     "có ký tự Tab ở đầu dòng"),
    ("form", "forms/mau-01-cam-vu-quang.yaml", lambda t: t.replace("province: Hà Tĩnh", "province: Hà Tĩnh\nprovince: Nghệ An"),
     "được ghi hai lần (dòng 3 và dòng 4)"),
    ("template check", "plans/vu-quang-2019.yaml", lambda t: t.replace("kind: ke-hoach", "kind: ke-hoach\nyear: [2019"),
     "danh sách mở bằng '[' chưa được đóng"),
    ("rollforward", "plans/vu-quang-2019.yaml", lambda t: t.replace("kind: ke-hoach", "kind: ke-hoach\nend_year: false"),
     "phải là một số, không phải giá trị đúng/sai (false)"),
]


def _command(tmp_path: Path, command: str, data: Path) -> list[str]:
    out = tmp_path / "ra"
    return {
        "render": ["render", str(data), "-o", str(out / "a.docx")],
        "score": ["score", str(data), "--bang", str(out / "kq.xlsx")],
        "certificates": ["certificates", str(SAMPLES / "certificates" / "ha-tinh-2026-ket-qua-dot-2.csv"), "--issuer",
                         str(data), "-o", str(out / "gcn"), "--register", str(out / "so.sqlite")],
        "form": ["form", "mau-01", str(data), "-o", str(out / "mau-01.docx")],
        "template check": ["template", "check", str(TEMPLATES / "plans" / "ke-hoach.docx"), "--kind", "plan",
                           "--data", str(data)],
        "rollforward": ["rollforward", str(data), "--year", "2027", "-o", str(out / "kh.yaml")],
    }[command]


@pytest.mark.parametrize("command, sample, breaking, words", OTHER_COMMANDS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(OTHER_COMMANDS)])
def test_every_command_reads_specs_with_the_same_vietnamese_messages(tmp_path, command, sample, breaking, words):
    data = tmp_path / Path(sample).name
    data.write_text(breaking(_sample(sample)), encoding="utf-8")
    result = CliRunner().invoke(main, _command(tmp_path, command, data))
    assert result.exit_code == 2, result.output
    assert words in result.output, result.output
    assert str(data) in result.output
    assert not english_leaks(result.output), (english_leaks(result.output), result.output)
    assert "Traceback" not in result.output
    assert not (tmp_path / "ra").exists() or not any((tmp_path / "ra").rglob("*"))


def test_union_of_types_is_one_message_and_keys_that_are_codes_are_quoted(tmp_path):
    """A tick that is neither a number, a group nor a list: one line, not one per type tried."""
    data = tmp_path / "phieu.yaml"
    data.write_text(_sample("forms/phieu-cam-vu-quang-an.yaml").replace('  "1.1": 3', '  "1.1": ba'), encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(data)])
    assert result.exit_code == 2
    problems = [line for line in result.output.splitlines() if line.startswith("  - ")]
    assert problems == ["  - trường 'ticks[\"1.1\"]', dòng 16, cột 3 của tệp: phải là số nguyên, một nhóm trường dạng "
                        "'tên: giá trị' hoặc một danh sách (đang là 'ba')"]


def test_a_quoted_value_over_two_lines_is_not_blamed_for_a_later_mistake(tmp_path):
    text = PLAN.replace('title: "Triển khai Chương trình OCOP năm 2026"',
                        'title: "Triển khai Chương trình OCOP\n  năm 2026"').replace("body:", "\tbody:")
    result = render(tmp_path, text)
    assert result.exit_code == 2
    assert "dòng 8, cột 1 của tệp: lỗi cú pháp YAML: có ký tự Tab ở đầu dòng" in result.output, result.output
    assert "ngoặc kép" not in result.output


def test_a_table_row_with_a_cell_missing_is_reported_at_its_line(tmp_path):
    text = PLAN.replace('      - "Triển khai đồng bộ các giải pháp."',
                        '      - table:\n          rows:\n            - ["1", "Tập huấn", "10"]\n            - ["2", "Hội chợ"]')
    result = render(tmp_path, text)
    assert result.exit_code == 2
    assert ("trường 'body[0].content[0].table.rows[1]', dòng 13, cột 15 của tệp: bảng: dòng 2 có 2 cột, "
            "các dòng khác có 3 cột") in result.output, result.output


def test_a_huge_number_in_a_summed_table_column_is_refused_at_its_cell(tmp_path):
    """Case 11: an amount of 10^32 in a table with a total used to end in a traceback (Decimal's 28 digits)."""
    text = PLAN.replace('      - "Triển khai đồng bộ các giải pháp."',
                        '      - table:\n          number_columns: [3]\n          total: {label: "Tổng cộng"}\n'
                        '          rows:\n            - ["1", "Tập huấn", "' + "1" + "0" * 32 + '"]\n'
                        '            - ["2", "Hội chợ", "5"]')
    result = render(tmp_path, text)
    assert result.exit_code == 2, result.output
    assert "table.rows[0][2]', dòng 14, cột 33 của tệp: bảng: dòng 1, cột 3: số '1" in result.output
    assert "quá lớn (tối đa 18 chữ số)" in result.output


HOSTILE_VALUES = [None, True, [], {}, "x" * 5000, -1, 10**30, "2026-13-45", "Giám đốc: A", float("nan")]
PLAN_FIELDS = [("year",), ("date",), ("title",), ("issuer", "level"), ("number",), ("signer", "title"), ("recipients",),
               ("body", 0, "content", 1, "content", 0, "budget", "lines", 0, "amount")]


@pytest.mark.parametrize("field", PLAN_FIELDS, ids=[".".join(map(str, f)) for f in PLAN_FIELDS])
def test_hostile_values_in_any_field_end_in_a_vietnamese_message(tmp_path, field):
    """Every field of a plan given each hostile value: a rendered file or a data error (exit 2) in
    Vietnamese — never a defect message, a traceback or English."""
    import copy

    import yaml

    base = yaml.safe_load(PLAN)
    for value in HOSTILE_VALUES:
        data = copy.deepcopy(base)
        node = data
        for key in field[:-1]:
            node = node[key]
        node[field[-1]] = value
        spec = tmp_path / "ke-hoach.yaml"
        spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path / "ke-hoach.docx")])
        assert result.exit_code in (0, 2), (value, result.output)
        assert "Lỗi phần mềm" not in result.output and "Traceback" not in result.output, (value, result.output)
        assert not english_leaks(result.output), (value, result.output)
