"""Results tables as clerks make them: titles, two header rows, group rows, footers, unused columns."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from ocop_docs.errors import DataError
from ocop_docs.io.tables import read_products


def clerk_table(path: Path) -> Path:
    """A results table laid out as a province office sends it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả đợt 2"
    ws.append(["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"])
    ws.append(["DANH SÁCH SẢN PHẨM OCOP ĐẠT 3 SAO, 4 SAO NĂM 2026"])
    ws.append(["(Kèm theo Quyết định số 2698/QĐ-UBND ngày 28/10/2026)"])
    ws.append(["STT", "Tên sản phẩm", "Chủ thể sản xuất", "Địa chỉ chủ thể", "Số điện thoại", "Kết quả đánh giá", None])
    ws.append([None, None, None, None, None, "Tổng điểm", "Phân hạng"])
    for col in "ABCDE":
        ws.merge_cells(f"{col}4:{col}5")
    ws.merge_cells("F4:G4")
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    ws.append(["I", "HUYỆN CẨM XUYÊN"])
    ws.append([1, "Mật ong bạc hà", "HTX Ong mật Sơn Kim", "xã Sơn Kim 1", "0912345678", 78.5, "4 sao"])
    ws.append([2, "Nước mắm Vạn Phần", "Cơ sở Vạn Phần", "xã Diễn Vạn", None, 66, "3 sao"])
    ws.append(["II", "HUYỆN HƯƠNG SƠN"])
    ws.append([3, "Cam bù Hương Sơn", "HTX Cam Sơn Trường", "xã Sơn Trường", None, 71.25, "Hạng 4 sao"])
    ws.append(["Ghi chú: sản phẩm số 2 đánh giá lại"])
    ws.append(["Tổng cộng: 03 sản phẩm"])
    ws.append([None, "Người lập biểu", None, None, "KT. CHỦ TỊCH"])
    ws.append([None, "Nguyễn Thị Lan", None, None, "Trần Văn Hùng"])
    wb.save(path)
    return path


def test_clerk_table_reads_every_product_and_says_what_it_skipped(tmp_path):
    table = read_products(clerk_table(tmp_path / "kq.xlsx"))
    assert not table.rejects
    assert [(p.row, p.name, p.owner, p.address, str(p.score), p.stars) for p in table.products] == [
        (8, "Mật ong bạc hà", "HTX Ong mật Sơn Kim", "xã Sơn Kim 1", "78.50", 4),
        (9, "Nước mắm Vạn Phần", "Cơ sở Vạn Phần", "xã Diễn Vạn", "66.00", 3),
        (11, "Cam bù Hương Sơn", "HTX Cam Sơn Trường", "xã Sơn Trường", "71.25", 4),
    ]
    notices = "\n".join(table.notices)
    assert "kq.xlsx, trang 'Kết quả đợt 2': các cột không dùng (dữ liệu trong đó không được đưa vào văn bản): E «Số điện thoại»" in notices
    assert "dòng tên mục (không phải sản phẩm): dòng 7 «I. HUYỆN CẨM XUYÊN»; dòng 10 «II. HUYỆN HƯƠNG SƠN»" in notices
    assert "bỏ qua dòng đánh số cột: dòng 6" in notices
    assert "bỏ qua dòng ghi chú: dòng 12 «Ghi chú: sản phẩm số 2 đánh giá lại»" in notices
    assert "bỏ qua 3 dòng cuối bảng (tổng cộng, chữ ký): dòng 13 «Tổng cộng: 03 sản phẩm»; dòng 14 «Người lập biểu | KT. CHỦ TỊCH»; dòng 15 «Nguyễn Thị Lan | Trần Văn Hùng»" in notices
    assert "ghi tổng cộng" not in notices  # 3 products, as the total row says


def test_total_that_disagrees_with_the_rows_is_reported(tmp_path):
    path = clerk_table(tmp_path / "kq.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["A13"] = "Tổng cộng: 04 sản phẩm"
    wb.save(path)
    notices = "\n".join(read_products(path).notices)
    assert "dòng 13 ghi tổng cộng 4 nhưng bảng có 3 sản phẩm; hãy kiểm tra lại" in notices


def test_a_product_below_the_footer_is_still_read(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sản phẩm", "Chủ thể", "Điểm"])
    ws.append([1, "Trà xanh", "HTX Trà", 60])
    ws.append(["Tổng cộng"])
    ws.append([2, "Chè khô", "HTX Chè", 61])
    wb.save(tmp_path / "t.xlsx")
    assert [p.name for p in read_products(tmp_path / "t.xlsx").products] == ["Trà xanh", "Chè khô"]


def test_rejects_name_the_column_letter_and_header(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sản phẩm", "Tên chủ thể", "Tổng điểm", "Số sao"])
    ws.append([1, "Trà xanh", "HTX Trà", "bảy mươi", 4])
    ws.append([2, "Chè khô", None, 70, 4])
    ws.append([3, "Chè búp", "HTX Chè", 1e26, 4])
    ws.append([4, "Chè hạt", "HTX Chè", 10 ** 30, 4])
    ws.append([5, "Chè xanh", "HTX Chè", 70, "sáu sao"])
    wb.save(tmp_path / "t.xlsx")
    reasons = {r.row: r.reason for r in read_products(tmp_path / "t.xlsx").rejects}
    assert reasons == {
        2: "cột D «Tổng điểm»: điểm 'bảy mươi' không phải là số",
        3: "cột C «Tên chủ thể»: thiếu trường bắt buộc",
        4: "cột D «Tổng điểm»: điểm phải từ 0 đến 100 (đang là số quá lớn)",
        5: "cột D «Tổng điểm»: điểm quá lớn (số có hơn 30 chữ số)",
        6: "cột E «Số sao»: hạng sao 'sáu sao' không hiểu được (ghi 3, 4, 5 hoặc '3 sao')",
    }


def test_huge_numbers_in_a_csv_are_rejects_not_tracebacks(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("STT;Tên sản phẩm;Chủ thể;Điểm\n" + f"{'9' * 5000};Trà;HTX;{'7' * 5000}\n2;Chè;HTX;1e26\n3;Cam;HTX;70\n",
                    encoding="utf-8-sig")
    table = read_products(path)
    assert [p.name for p in table.products] == ["Cam"]
    reasons = {r.row: r.reason for r in table.rejects}
    assert reasons[2] == "cột D «Điểm»: điểm quá lớn (số có hơn 30 chữ số)"
    assert reasons[3] == "cột D «Điểm»: điểm '1e26' không phải là số"


def test_missing_needed_column_names_file_sheet_and_columns(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Đợt 1"
    ws.append(["STT", "Tên sản phẩm", "Địa chỉ", "Điểm"])
    ws.append([1, "Trà", "xã A", 60])
    wb.save(tmp_path / "t.xlsx")
    with pytest.raises(DataError) as info:
        read_products(tmp_path / "t.xlsx")
    text = str(info.value)
    assert f"{tmp_path / 't.xlsx'} (trang 'Đợt 1')" in text
    assert "dòng 1: dòng tiêu đề thiếu cột Chủ thể (cần các cột Tên sản phẩm, Chủ thể); các cột nhận ra: A «STT», B «Tên sản phẩm», C «Địa chỉ», D «Điểm»" in text
    ws["C1"] = "Chủ thể"
    ws["D1"] = "Ghi chú"
    wb.save(tmp_path / "t.xlsx")
    with pytest.raises(DataError, match=r"trang 'Đợt 1'.*\n.*dòng 1: bảng không có cột Điểm hoặc Hạng sao"):
        read_products(tmp_path / "t.xlsx")


def test_uncomputed_formula_is_a_reject_naming_the_cell(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sản phẩm", "Chủ thể", "Điểm"])
    ws.append([1, "Trà", "HTX Trà", "=AVERAGE(F2:H2)"])  # openpyxl stores no computed value
    ws.append([2, "Chè", "HTX Chè", 70])
    wb.save(tmp_path / "t.xlsx")
    table = read_products(tmp_path / "t.xlsx")
    assert [p.name for p in table.products] == ["Chè"]
    [reject] = table.rejects
    assert reject.row == 2
    assert reject.reason.startswith("cột D «Điểm»: ô D2 có công thức =AVERAGE(F2:H2) nhưng chưa có giá trị đã tính; "
                                    "hãy mở tệp bằng Excel")


def test_names_without_a_letter_are_rejects_for_the_decision_too(tmp_path):
    """Case 15: ".", ".." and a lone zero-width space are no product, in a recognition decision as on a certificate."""
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sản phẩm", "Chủ thể", "Hạng sao"])
    for i, name in enumerate([".", "..", "\u200b", "Cam Vũ Quang"], 1):
        ws.append([i, name, "HTX Cam" if i != 4 else "\u2060", 4])
    wb.save(tmp_path / "kq.xlsx")
    table = read_products(tmp_path / "kq.xlsx")
    assert table.products == []
    assert [(r.row, r.reason) for r in table.rejects] == [
        (2, "cột B «Tên sản phẩm»: '.' không có chữ hoặc chữ số nào (chỉ dấu chấm, khoảng trắng hoặc ký tự ẩn)"),
        (3, "cột B «Tên sản phẩm»: '..' không có chữ hoặc chữ số nào (chỉ dấu chấm, khoảng trắng hoặc ký tự ẩn)"),
        (4, "cột B «Tên sản phẩm»: '‹U+200B›' không có chữ hoặc chữ số nào (chỉ dấu chấm, khoảng trắng hoặc ký tự ẩn)"),
        (5, "cột C «Chủ thể»: '‹U+2060›' không có chữ hoặc chữ số nào (chỉ dấu chấm, khoảng trắng hoặc ký tự ẩn)"),
    ]


def test_group_and_total_rows_merged_across_the_table_are_skipped_not_rejected(tmp_path):
    """FINDINGS 13: group rows merged B:F and the total merged B:F were copied into the score column
    and rejected ("điểm 'SẢN PHẨM ĐẠT HẠNG 4 SAO' không phải là số"), making a clean batch exit 3."""
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT SẢN PHẨM OCOP CẤP TỈNH ĐỢT 2 NĂM 2020"])
    ws.merge_cells("A1:F1")
    ws.append([None])
    ws.append(["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Kết quả đánh giá", None])
    ws.append([None, None, None, None, "Số điểm", "Hạng sao"])
    for col in "ABCD":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("E3:F3")
    ws.append(["I", "SẢN PHẨM ĐẠT HẠNG 4 SAO"])
    ws.merge_cells("B5:F5")
    ws.append([1, "Gạo hữu cơ An Lỗ", "Hợp tác xã sản xuất, kinh doanh, dịch vụ nông nghiệp An Lỗ",
               "thôn An Lỗ, xã Phong Hiền, huyện Phong Điền", 72.5, "4 sao"])
    ws.append(["II", "SẢN PHẨM ĐẠT HẠNG 3 SAO"])
    ws.merge_cells("B7:F7")
    ws.append([1, "Rượu Ô Lâu", "Hợp tác xã nông nghiệp Phong Chương", "xã Phong Chương, huyện Phong Điền", 60, "3 sao"])
    ws.append([None, "Tổng cộng: 03 sản phẩm (01 sản phẩm 4 sao, 02 sản phẩm 3 sao)"])
    ws.merge_cells("B9:F9")
    wb.save(tmp_path / "kq.xlsx")
    table = read_products(tmp_path / "kq.xlsx")
    assert not table.rejects
    assert [(p.name, p.score, p.stars) for p in table.products] == [
        ("Gạo hữu cơ An Lỗ", Decimal("72.50"), 4), ("Rượu Ô Lâu", Decimal("60.00"), 3)]
    notices = "\n".join(table.notices)
    assert "dòng 5 «I. SẢN PHẨM ĐẠT HẠNG 4 SAO»; dòng 7 «II. SẢN PHẨM ĐẠT HẠNG 3 SAO»" in notices
    assert "dòng 9 «Tổng cộng: 03 sản phẩm" in notices
    assert "dòng 9 ghi tổng cộng 3 nhưng bảng có 2 sản phẩm; hãy kiểm tra lại" in notices


@pytest.mark.parametrize(("typed", "stars"), [("3*", 3), ("4 ★", 4), ("★★★★", 4), ("***", 3), ("04 sao", 4),
                                              ("Hạng 04 sao", 4), ("3,0 sao", 3), ("ba sao", 3)])
def test_stars_as_clerks_type_them(typed, stars, tmp_path):
    """FINDINGS 18: "3*" was read as 1 star (the asterisk counted, the digit ignored), "04 sao" refused."""
    wb = Workbook()
    wb.active.append(["STT", "Tên sản phẩm", "Chủ thể", "Điểm", "Hạng sao"])
    wb.active.append([1, "Mật ong", "HTX Ong", "55 điểm", typed])
    wb.save(tmp_path / "kq.xlsx")
    table = read_products(tmp_path / "kq.xlsx")
    assert not table.rejects and [(p.score, p.stars) for p in table.products] == [(Decimal("55.00"), stars)]


def test_data_in_a_column_without_a_header_is_named_not_dropped(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sản phẩm", "Chủ thể", "Hạng sao"])
    ws.append([1, "Cam Vũ Quang", "HTX Cam", 4, "đã nộp hồ sơ bổ sung"])
    ws.append([2, "Bưởi Phúc Trạch", "HTX Bưởi", 3, None, "chưa có mã"])
    wb.save(tmp_path / "kq.xlsx")
    table = read_products(tmp_path / "kq.xlsx")
    assert [p.name for p in table.products] == ["Cam Vũ Quang", "Bưởi Phúc Trạch"]
    assert table.notices == ["kq.xlsx, trang 'Sheet': có dữ liệu ở cột không có tiêu đề, không được đọc: "
                             "cột E (dòng 2); cột F (dòng 3)"]


def test_a_csv_saved_in_the_windows_code_page_is_refused_with_the_way_out(tmp_path):
    """Excel's "CSV (Comma delimited)" on Vietnamese Windows writes code page 1258 and puts '?' for letters it
    cannot hold ("phẩm" → "pha?m"): reading it would print wrong names, so it is refused, saying what to choose."""
    path = tmp_path / "kq.csv"
    path.write_bytes("STT,Tên sản phẩm,Chủ thể,Hạng sao\n1,Gạo hữu cơ,HTX An Lỗ,4\n".encode("cp1258", errors="replace"))
    with pytest.raises(DataError) as info:
        read_products(path)
    assert "không phải mã UTF-8" in str(info.value) and "'CSV UTF-8 (Comma delimited)'" in str(info.value)
