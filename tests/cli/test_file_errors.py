"""A folder the system refuses, and a reader that stops reading: Vietnamese messages and the documented
exit codes, never "Lỗi phần mềm" with the system's English text."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from as_user import run_cli_as_user

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PLAN = ROOT / "ocop_docs" / "samples" / "plans" / "ben-cau-2024.yaml"


def test_output_into_a_folder_the_user_cannot_write(tmp_path):
    """`render -o` and `register xuat -o` into a read-only folder: the folder named, exit 2 (README: "tệp không
    đọc được"), nothing left behind."""
    from ocop_docs.certificates.register import Request, open_register

    register = tmp_path / "so.sqlite"
    with open_register(register) as reg:
        from datetime import date

        reg.assign(issuer_key="uy ban nhan dan@T42", issuer_name="Ủy ban nhân dân tỉnh Hà Tĩnh", year=2026,
                   decision="1/QĐ-UBND", decision_date=date(2026, 10, 28), issued_on=date(2026, 10, 28),
                   valid_until=date(2029, 10, 28), number_text=lambda s, y: f"{s:03d}/{y}/GCN-OCOP", start=1,
                   requests=[Request("a|b", "A", "B", "", None, 3, "60", 2)])
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        results = [run_cli_as_user("render", str(SAMPLE_PLAN), "-o", str(folder / "kh.docx")),
                   run_cli_as_user("register", "xuat", "-o", str(folder / "so.xlsx"), "--register", str(register))]
    finally:
        folder.chmod(0o755)
    for result in results:
        assert result.returncode == 2, result.stderr
        assert f"Lỗi: không đọc hoặc ghi được thư mục {folder} (không có quyền); không có tệp dở dang nào được ghi." \
            in result.stderr
        assert "Lỗi phần mềm" not in result.stderr and "Permission" not in result.stderr
    assert list(folder.iterdir()) == []


def test_a_reader_that_stops_reading_is_not_an_error(tmp_path):
    """`ocop-docs register list | head -1`: the listing is longer than the pipe holds; when the reader stops,
    the command ends quietly (no "Lỗi phần mềm … BrokenPipeError")."""
    from datetime import date

    from ocop_docs.certificates.register import Request, open_register

    register = tmp_path / "so.sqlite"
    with open_register(register) as reg:
        reg.assign(issuer_key="uy ban nhan dan@T42", issuer_name="Ủy ban nhân dân tỉnh Hà Tĩnh", year=2026,
                   decision="1/QĐ-UBND", decision_date=date(2026, 10, 28), issued_on=date(2026, 10, 28),
                   valid_until=date(2029, 10, 28), number_text=lambda s, y: f"{s:03d}/{y}/GCN-OCOP", start=1,
                   requests=[Request(f"sản phẩm {i}|chủ thể {i}", f"Sản phẩm {i}", f"Chủ thể {i}", "", None, 3, "60", i)
                             for i in range(2000)])  # about 200 KB of listing: more than a pipe holds
    proc = subprocess.Popen([sys.executable, "-m", "ocop_docs.cli", "register", "list", "--register", str(register)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    error = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=300) == 0, error
    assert error == ""
