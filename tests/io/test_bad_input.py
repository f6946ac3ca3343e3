"""Bad input ends with a Vietnamese message naming file, field and line; no output is written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from english import english_leaks
from specs import PLAN
from ocop_docs.cli import main
from ocop_docs.errors import DataError
from ocop_docs.io import load_spec

GOOD = PLAN

CASES = {
    "malformed YAML": (GOOD.replace("title: \"Triển", "title: [\"Triển"), None, "phần bắt đầu từ dòng 6", 7),
    "missing field": (GOOD.replace('place: Vũ Quang\n', ""), "place", "thiếu trường bắt buộc", None),
    "wrong type": (GOOD.replace("year: 2026", "year: hai nghìn"), "year", "phải là số nguyên", 5),
    "impossible date": (GOOD.replace("2026-03-05", "30/02/2026"), "date", "Ngày không hợp lệ", 4),
    "negative amount": (GOOD.replace("amount: 14000000", "amount: -5"), "body[0].content[1].content[0].budget.lines[0].amount", "lớn hơn hoặc bằng 0", 13),
    "unknown document type": (GOOD.replace("kind: plan\n", "kind: plan\ndoc_type: Giấy khen\n"), "doc_type", "không có trong Điều 7", 2),
    "unknown kind": (GOOD.replace("kind: plan", "kind: bienban"), "kind", "không được hỗ trợ", 1),
    "typo in a field name": (GOOD.replace("place:", "plcae:"), "plcae", "không có trường này; có phải định viết 'place'?", 3),
    "KT without head title": (GOOD.replace('title: "CHỦ TỊCH"', 'authority: KT, title: "PHÓ CHỦ TỊCH"'), "signer", "head_title", 14),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_spec_names_file_field_and_line(case, tmp_path: Path):
    text, field, words, line = CASES[case]
    spec = tmp_path / "kehoach.yaml"
    spec.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_spec(spec)
    message = str(info.value)
    assert str(spec) in message
    assert words in message
    if field:
        assert any(p.path == field for p in info.value.problems), [p.path for p in info.value.problems]
    if line:
        assert any(p.line == line for p in info.value.problems), [(p.path, p.line) for p in info.value.problems]


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_exits_non_zero_without_traceback_or_output(case, tmp_path: Path):
    spec = tmp_path / "kehoach.yaml"
    spec.write_text(CASES[case][0], encoding="utf-8")
    out = tmp_path / "out" / "kehoach.docx"
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Lỗi dữ liệu trong tệp" in result.output
    assert not english_leaks(result.output), result.output
    assert not out.exists()
    assert not list(tmp_path.glob("out/*")), "no temporary or partial file may be left"


def test_debug_shows_the_traceback(tmp_path: Path):
    spec = tmp_path / "kehoach.yaml"
    spec.write_text(CASES["missing field"][0], encoding="utf-8")
    result = CliRunner().invoke(main, ["--debug", "render", str(spec), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code != 0
    assert isinstance(result.exception, DataError)


def test_json_spec_and_its_errors(tmp_path: Path):
    import yaml

    data = yaml.safe_load(GOOD.replace("2026-03-05", "2026-03-06"))
    spec = tmp_path / "kehoach.json"
    spec.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    assert load_spec(spec).date.isoformat() == "2026-03-06"
    spec.write_text('{"kind": "plan", "year": }', encoding="utf-8")
    with pytest.raises(DataError, match="JSON sai cú pháp") as info:
        load_spec(spec)
    assert info.value.problems[0].line == 1


def test_non_utf8_and_missing_files(tmp_path: Path):
    spec = tmp_path / "kehoach.yaml"
    spec.write_bytes(GOOD.encode("cp1258", errors="replace"))
    with pytest.raises(DataError, match="UTF-8"):
        load_spec(spec)
    with pytest.raises(DataError, match="không tìm thấy tệp"):
        load_spec(tmp_path / "khong-co.yaml")


def test_utf8_bom_is_accepted(tmp_path: Path):
    spec = tmp_path / "kehoach.yaml"
    spec.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert load_spec(spec).place == "Vũ Quang"


def test_ambiguous_thousands_comma_in_an_amount_is_refused(tmp_path: Path):
    """"1,000" would be one đồng with a Vietnamese decimal comma: never guess with money."""
    spec = tmp_path / "kehoach.yaml"
    spec.write_text(GOOD.replace("amount: 14000000", 'amount: "14,000,000"'), encoding="utf-8")
    with pytest.raises(DataError, match="không rõ ràng"):
        load_spec(spec)
    spec.write_text(GOOD.replace("amount: 14000000", 'amount: "14.000.000 đồng"'), encoding="utf-8")
    assert load_spec(spec).budget_total == 14_000_000


def test_utf16_with_bom_is_read_and_the_line_map_never_walks_expanded_aliases(tmp_path: Path):
    """Notepad's "Unicode" (UTF-16 with BOM) reads like UTF-8. Aliases under the limit expand to
    6,561 values, but the line map holds each written node once: a few dozen paths, not thousands."""
    from ocop_docs.io.spec import read_spec_data

    spec = tmp_path / "kehoach.yaml"
    spec.write_bytes(GOOD.encode("utf-16"))
    assert load_spec(spec).place == "Vũ Quang"
    aliases = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abc", "bcd"))
    spec.write_text(GOOD + aliases, encoding="utf-8")
    data, lines = read_spec_data(spec)
    assert len(data["d"]) == 9 and len(data["d"][0][0][0]) == 9  # 9**4 values once expanded
    assert len(lines) < 100  # walked expanded, it would hold over 7,000 paths


def test_a_spec_over_20_mb_is_refused_with_sizes_the_vietnamese_way(tmp_path: Path):
    spec = tmp_path / "kehoach.yaml"
    spec.write_bytes(GOOD.encode("utf-8") + b"#" * (20 * 1024 * 1024))
    with pytest.raises(DataError) as info:
        load_spec(spec)
    assert f"tệp quá lớn ({spec.stat().st_size:,} byte; tối đa 20 MB)".replace(",", ".") in str(info.value)
