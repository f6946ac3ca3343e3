"""Library English (csv, SQLite, the operating system) said in Vietnamese in what an officer reads."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from click.testing import CliRunner

from english import english_leaks
from ocop_docs.cli import main
from ocop_docs.io.messages import library_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "certificates"))
from gcn_helpers import write_issuer  # noqa: E402


def test_a_csv_cell_too_long_names_the_line_in_vietnamese(tmp_path):
    table = tmp_path / "ket-qua.csv"
    cell = "x" * 200_000
    table.write_bytes(("Tên sản phẩm,Chủ thể,Điểm\r\nMật ong,HTX Sơn Kim,78\r\n"
                       f'Cam,"{cell}",80\r\n').encode("utf-8-sig"))
    result = CliRunner().invoke(main, ["certificates", str(table), "--issuer", str(write_issuer(tmp_path)),
                                       "-o", str(tmp_path / "out"), "--register", str(tmp_path / "r.sqlite")])
    assert result.exit_code == 2
    assert "tệp CSV sai cấu trúc ở dòng 3: một ô dài hơn 131072 ký tự" in result.output
    assert english_leaks(result.output) == [] and "field limit" not in result.output


def test_sqlite_and_system_reasons_are_vietnamese():
    integrity = sqlite3.IntegrityError("UNIQUE constraint failed: certificates.issuer, certificates.year, certificates.seq")
    assert library_text(integrity, "?") == "trùng giá trị ở các cột certificates.issuer, certificates.year, certificates.seq"
    assert library_text(PermissionError(13, "Permission denied"), "?") == "không có quyền"
    assert library_text(ValueError("something no one mapped"), "không đọc được") == "không đọc được"
