"""Members of a council or of its team from an Excel/CSV sheet with Vietnamese headers."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from ocop_docs.errors import DataError
from ocop_docs.io.members import read_members
from ocop_docs.io.spec import load_spec

SAMPLES = Path(__file__).resolve().parents[2] / "ocop_docs" / "samples" / "decisions"


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_sample_sheets_are_read_by_name():
    council = read_members(SAMPLES / "ha-tinh-2026-thanh-vien.xlsx", "council", "Hội đồng")
    assert not council.rejects and len(council.members) == 9
    chair = council.members[0]
    assert (chair.honorific, chair.name, chair.position, chair.unit, chair.role, chair.row) == (
        "Ông", "Phan Đình Khánh", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh", "Chủ tịch Hội đồng", 4)
    team = read_members(SAMPLES / "ha-tinh-2026-thanh-vien.xlsx", "team", "tổ tư vấn")  # case and accents folded
    assert [m.role for m in team.members][:2] == ["Tổ trưởng", "Tổ phó"]
    # One column "Chức vụ, đơn vị công tác" goes to the post as written.
    assert team.members[2].post() == "Chuyên viên Phòng Quản lý thương mại, Sở Công Thương"


def test_bad_rows_are_rejected_with_their_row_numbers(tmp_path):
    path = workbook(tmp_path / "hd.xlsx", {"Sheet": [
        ["DANH SÁCH THÀNH VIÊN"],
        [],
        ["STT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị công tác", "Chức danh trong Hội đồng"],
        [1, "Nguyễn Văn A", "Nam", "Phó Chủ tịch", "UBND huyện", "Chủ tịch"],
        [2, None, "Nữ", "Trưởng phòng", "Phòng Y tế", "Ủy viên"],
        [3, "Lê Văn B", "Nam", "Chuyên viên", "Phòng Kinh tế", "Tổ trưởng"],
        [4, "Trần Thị C", "Nữ", "Chuyên viên", "Phòng Kinh tế", "Cố vấn"],
        [5, "nguyễn  văn a", "Nam", "Chuyên viên", "Phòng Kinh tế", "Ủy viên"],
        [6, "Phạm Văn D", "Ông", "Chuyên viên", "Phòng Nội vụ", "Thư ký"],
    ]})
    table = read_members(path, "council")
    assert [m.name for m in table.members] == ["Nguyễn Văn A", "Phạm Văn D"]
    assert table.members[0].honorific == "Ông" and table.members[1].role == "Ủy viên kiêm Thư ký"
    reasons = {r.row: r.reason for r in table.rejects}
    assert reasons[5] == "thiếu Họ và tên"
    assert reasons[6] == "chức danh 'Tổ trưởng' là của Tổ giúp việc, không phải của Hội đồng"
    assert reasons[7].startswith("chức danh trong Hội đồng 'Cố vấn' không hiểu được; dùng: Chủ tịch Hội đồng")
    assert reasons[8] == "trùng người ở dòng 4 (cùng họ và tên)"


def test_csv_and_missing_headers(tmp_path):
    csv = tmp_path / "to.csv"
    csv.write_text("STT;Họ tên;Chức vụ, đơn vị;Chức danh\n1;Lê B;Phó phòng Kinh tế;Tổ trưởng\n2;Lê C;Chuyên viên;Tổ viên\n", encoding="utf-8")
    team = read_members(csv, "team")
    assert [(m.name, m.role, m.post()) for m in team.members] == [
        ("Lê B", "Tổ trưởng", "Phó phòng Kinh tế"), ("Lê C", "Thành viên", "Chuyên viên")]
    bad = tmp_path / "bad.csv"
    bad.write_text("A,B\n1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match="không tìm thấy dòng tiêu đề có các cột Họ và tên, Chức danh trong Hội đồng/Tổ"):
        read_members(bad)


def test_missing_sheet_names_the_sheets(tmp_path):
    path = workbook(tmp_path / "x.xlsx", {"Hội đồng": [["Họ và tên", "Chức danh"]]})
    with pytest.raises(DataError, match="không có trang tính 'Tổ tư vấn'; các trang có: Hội đồng"):
        read_members(path, "team", "Tổ tư vấn")


def test_spec_with_a_bad_members_row_fails_naming_file_and_row(tmp_path):
    workbook(tmp_path / "tv.xlsx", {"Hội đồng": [
        ["Họ và tên", "Chức vụ", "Chức danh trong Hội đồng"],
        ["Nguyễn Văn A", "Phó Chủ tịch UBND huyện", "Chủ tịch Hội đồng"],
        ["Lê Văn B", "Chuyên viên", "Tổ phó"],
    ]})
    spec = tmp_path / "qd.yaml"
    spec.write_text(
        "kind: council_decision\nissuer: {name: Ủy ban nhân dân huyện Bến Cầu, level: huyen}\nplace: Bến Cầu\n"
        "date: 2024-03-12\nsigner: {title: Chủ tịch}\nexecutors: [Chánh Văn phòng]\nmembers_file: tv.xlsx\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_spec(spec)
    assert info.value.file == f"{tmp_path / 'tv.xlsx'} (trang 'Hội đồng')"
    assert info.value.problems[0].row == 3
    assert "dòng 3: thành viên ở dòng này không dùng được: chức danh 'Tổ phó' là của Tổ giúp việc" in str(info.value)
    # The good file next to the spec is found relative to the spec, wherever the command runs.
    (tmp_path / "tv.xlsx").unlink()
    workbook(tmp_path / "tv.xlsx", {"Hội đồng": [["Họ và tên", "Chức vụ", "Chức danh trong Hội đồng"],
                                                 ["Nguyễn Văn A", "Phó Chủ tịch UBND huyện", "Chủ tịch"]]})
    decision = load_spec(spec)
    assert decision.members[0].role == "Chủ tịch Hội đồng"


def clerk_members_sheet(path: Path) -> Path:
    """Council and team in one sheet, as an office types it: group rows, merged units, a hidden
    member, abbreviated roles, a total and a signature at the bottom."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH THÀNH VIÊN HỘI ĐỒNG VÀ TỔ TƯ VẤN"])
    ws.append(["(Kèm theo Quyết định số      /QĐ-UBND ngày     /6/2026 của UBND tỉnh)"])
    ws.append(["TT", "Họ tên", "Chức vụ", "Cơ quan, đơn vị", "Số điện thoại", "Nhiệm vụ trong Hội đồng"])
    ws.append(["I", "HỘI ĐỒNG"])
    ws.append([1, "Phan Đình Khánh", "Phó Chủ tịch", "UBND tỉnh", "0912000001", "Chủ tịch HĐ"])
    ws.append([2, "Lê Văn Tuấn", "Giám đốc", "Sở Nông nghiệp và Môi trường", None, "Phó Chủ tịch HĐ"])
    ws.append([3, "Nguyễn Thị Hà", "Phó Giám đốc", "Sở Nông nghiệp và Môi trường", None, "UV"])
    ws.append([4, "Trần Văn Bình", "Chi cục trưởng", "Sở Nông nghiệp và Môi trường", None, "Thư ký HĐ"])
    ws.merge_cells("D6:D8")  # one agency for three members, typed once
    ws.append([5, "Người Đã Nghỉ", "Phó Giám đốc", "Sở Y tế", None, "TV"])
    ws.row_dimensions[9].hidden = True
    ws.append(["II", "TỔ TƯ VẤN"])
    ws.append([1, "Nguyễn Đức Thịnh", "Phó Chánh Văn phòng", "VP Điều phối NTM tỉnh", None, "Tổ trưởng tổ giúp việc"])
    ws.append([2, "Lê Thị Nhung", "Chuyên viên", "Sở Công Thương", None, "TV"])
    ws.append(["Tổng cộng: 06 người"])
    ws.append([None, "Người lập biểu"])
    ws.append([None, "Hoàng Văn Lập"])
    wb.save(path)
    return path


def test_clerk_sheet_council_and_team_read_from_one_sheet(tmp_path):
    path = clerk_members_sheet(tmp_path / "tv.xlsx")
    council = read_members(path, "council")
    assert not council.rejects
    assert [(m.name, m.unit, m.role) for m in council.members] == [
        ("Phan Đình Khánh", "UBND tỉnh", "Chủ tịch Hội đồng"),
        ("Lê Văn Tuấn", "Sở Nông nghiệp và Môi trường", "Phó Chủ tịch Hội đồng"),
        ("Nguyễn Thị Hà", "Sở Nông nghiệp và Môi trường", "Ủy viên"),
        ("Trần Văn Bình", "Sở Nông nghiệp và Môi trường", "Ủy viên kiêm Thư ký"),
    ]
    notices = "\n".join(council.notices)
    assert "tv.xlsx, trang 'Danh sách': bỏ qua 1 dòng bị ẩn: dòng 9 «5 | Người Đã Nghỉ | Phó Giám đốc | Sở Y tế | TV»" in notices
    assert "các cột không dùng (dữ liệu trong đó không được đưa vào văn bản): E «Số điện thoại»" in notices
    assert "2 dòng thuộc mục «II. TỔ TƯ VẤN» (dòng 11–12) không phải thành viên Hội đồng, không đọc ở đây" in notices
    assert "bỏ qua 3 dòng cuối bảng (tổng cộng, chữ ký): dòng 13 «Tổng cộng: 06 người»" in notices
    team = read_members(path, "team")
    assert [(m.name, m.role) for m in team.members] == [("Nguyễn Đức Thịnh", "Tổ trưởng"), ("Lê Thị Nhung", "Thành viên")]
    assert "4 dòng thuộc mục «I. HỘI ĐỒNG» (dòng 5–8) không phải thành viên Tổ giúp việc" in "\n".join(team.notices)


def test_unit_column_headed_co_quan_don_vi_reaches_the_decision(tmp_path):
    """The issue's case: "Cơ quan, đơn vị" was dropped in silence and every member printed without their Sở."""
    from click.testing import CliRunner
    from docx import Document

    from ocop_docs.cli import main

    clerk_members_sheet(tmp_path / "tv.xlsx")
    spec = tmp_path / "qd.yaml"
    spec.write_text(
        "kind: council_decision\nissuer: {name: Ủy ban nhân dân tỉnh Hà Tĩnh, level: tinh}\nplace: Hà Tĩnh\n"
        "date: 2026-06-08\nsigner: {title: Chủ tịch}\nexecutors: [Chánh Văn phòng]\nmembers_file: tv.xlsx\n"
        "team: {label: Tổ tư vấn, members_file: tv.xlsx}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path / "qd.docx")])
    assert result.exit_code == 0, result.output
    assert "Lưu ý: tv.xlsx, trang 'Danh sách': bỏ qua 1 dòng bị ẩn: dòng 9 «5 | Người Đã Nghỉ | Phó Giám đốc | Sở Y tế | TV»" in result.output
    assert "Lưu ý: tv.xlsx, trang 'Danh sách': các cột không dùng" in result.output
    text = "\n".join(p.text for p in Document(tmp_path / "qd.docx").paragraphs)
    text += "\n".join(c.text for t in Document(tmp_path / "qd.docx").tables for r in t.rows for c in r.cells)
    assert "Lê Văn Tuấn, Giám đốc Sở Nông nghiệp và Môi trường" in text
    assert "Trần Văn Bình, Chi cục trưởng Sở Nông nghiệp và Môi trường" in text  # merged cell, third row
    assert "Nguyễn Đức Thịnh" in text
    assert "Người Đã Nghỉ" not in text  # hidden row: not printed
    assert "Hoàng Văn Lập" not in text  # signature under the table: not a member


def test_a_list_without_post_or_unit_is_an_error_naming_file_and_sheet(tmp_path):
    workbook(tmp_path / "tv.xlsx", {"Hội đồng": [["TT", "Họ tên", "Năm sinh", "Chức danh HĐ"], [1, "Nguyễn Văn A", 1970, "CT"]]})
    with pytest.raises(DataError) as info:
        read_members(tmp_path / "tv.xlsx")
    text = str(info.value)
    assert f"{tmp_path / 'tv.xlsx'} (trang 'Hội đồng')" in text
    assert "dòng 1: bảng thiếu cột Chức vụ hoặc Đơn vị công tác" in text


def test_hidden_column_is_read_and_said(tmp_path):
    path = workbook(tmp_path / "tv.xlsx", {"Hội đồng": [
        ["Họ và tên", "Chức vụ", "Đơn vị công tác", "Chức danh"], ["Nguyễn Văn A", "Giám đốc", "Sở Y tế", "Chủ tịch"]]})
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active.column_dimensions["C"].hidden = True
    wb.save(path)
    table = read_members(path)
    assert table.members[0].unit == "Sở Y tế"
    assert "tv.xlsx, trang 'Hội đồng': cột đang bị ẩn nhưng vẫn được đọc: C «Đơn vị công tác»" in table.notices


def test_names_differing_by_one_mark_are_two_people(tmp_path):
    """Issue 13 case 1: "Hùng" and "Hưng" are two members; only the same name (any case, spacing) is a duplicate."""
    path = workbook(tmp_path / "hd.xlsx", {"Sheet": [
        ["STT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị công tác", "Chức danh trong Hội đồng"],
        [1, "Nguyễn Văn Hùng", "Nam", "Phó Chủ tịch", "UBND tỉnh", "Chủ tịch"],
        [2, "Nguyễn Văn Hưng", "Nam", "Giám đốc", "Sở Công Thương", "Ủy viên"],
        [3, "NGUYỄN  VĂN HÙNG", "Nam", "Chuyên viên", "Sở Công Thương", "Ủy viên"],
    ]})
    table = read_members(path, "council")
    assert [m.name for m in table.members] == ["Nguyễn Văn Hùng", "Nguyễn Văn Hưng"]
    assert [(r.row, r.reason) for r in table.rejects] == [(4, "trùng người ở dòng 2 (cùng họ và tên)")]


def test_group_and_count_rows_merged_across_the_table_are_not_members(tmp_path):
    """FINDINGS 10: the printed annex typed into Excel — group titles merged B:D, a role merged down,
    the count line merged A:D, the signature below. Excel shows a horizontal merge once: the group
    title is not a name, a post and a role."""
    wb = Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH THÀNH VIÊN HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH"])
    ws.append([None])
    ws.append(["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Nhiệm vụ"])
    ws.append(["I", "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH"])
    ws.merge_cells("B4:D4")
    ws.append([1, "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng"])
    ws.append([2, "Trần Văn Bình", "Giám đốc Sở Nông nghiệp và Môi trường", "Phó Chủ tịch Hội đồng"])
    ws.append([3, "Lê Thị Cúc", "Phó Giám đốc Sở Công Thương", "Ủy viên"])
    ws.append([4, "Phạm Văn Dũng", "Phó Giám đốc Sở Y tế", None])
    ws.append([5, "Hoàng Thị Em", "Phó Giám đốc Sở Khoa học và Công nghệ", None])
    ws.merge_cells("D7:D9")
    ws.append(["II", "TỔ TƯ VẤN GIÚP VIỆC HỘI ĐỒNG"])
    ws.merge_cells("B10:D10")
    ws.append([1, "Vũ Văn Giang", "Chi cục trưởng Chi cục Phát triển nông thôn", "Tổ trưởng"])
    ws.append([2, "Đỗ Thị Hoa", "Chuyên viên Sở Nông nghiệp và Môi trường", "Tổ phó"])
    ws.append(["Danh sách gồm 07 người./."])
    ws.merge_cells("A13:D13")
    ws.append([None, None, "KT. CHỦ TỊCH"])
    ws.append([None, None, "PHÓ CHỦ TỊCH"])
    wb.save(tmp_path / "tv.xlsx")
    council = read_members(tmp_path / "tv.xlsx", "council")
    assert not council.rejects
    assert [(m.name, m.role) for m in council.members] == [
        ("Nguyễn Văn An", "Chủ tịch Hội đồng"), ("Trần Văn Bình", "Phó Chủ tịch Hội đồng"), ("Lê Thị Cúc", "Ủy viên"),
        ("Phạm Văn Dũng", "Ủy viên"), ("Hoàng Thị Em", "Ủy viên")]
    notices = "\n".join(council.notices)
    assert "dòng 4 «I. HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH»" in notices
    assert "bỏ qua 3 dòng cuối bảng (tổng cộng, chữ ký): dòng 13 «Danh sách gồm 07 người./.»" in notices
    team = read_members(tmp_path / "tv.xlsx", "team")
    assert [(m.name, m.role) for m in team.members] == [("Vũ Văn Giang", "Tổ trưởng"), ("Đỗ Thị Hoa", "Tổ phó")]
    assert not team.rejects


def test_a_role_written_otherwise_than_printed_is_said(tmp_path):
    """FINDINGS 31: "Thư ký" printed as "Ủy viên kiêm Thư ký" and "Thành viên" as "Ủy viên" without a word;
    "Ủy viên thường trực" lost "thường trực". Abbreviations of the same words ("Phó CT HĐ") need no notice."""
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Chức danh"])
    for i, (name, role) in enumerate([("Nguyễn Văn An", "Chủ tịch HĐ"), ("Lê Văn Bình", "Phó CT HĐ"),
                                      ("Trần Văn Cường", "Ủy viên thường trực"), ("Vũ Văn Phúc", "Thành viên"),
                                      ("Hoàng Văn Em", "Thư ký")], 1):
        ws.append([i, name, "Sở Nông nghiệp và Môi trường", role])
    wb.save(tmp_path / "tv.xlsx")
    table = read_members(tmp_path / "tv.xlsx")
    assert [m.role for m in table.members] == ["Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên Thường trực",
                                               "Ủy viên", "Ủy viên kiêm Thư ký"]
    assert table.notices[-1] == (
        "tv.xlsx, trang 'Sheet': chức danh được ghi theo tên chức danh của Hội đồng (hãy xem lại nếu không đúng ý): "
        "dòng 5 «Thành viên» → «Ủy viên»; dòng 6 «Thư ký» → «Ủy viên kiêm Thư ký»")


def test_a_row_that_only_continues_a_post_says_so(tmp_path):
    """FINDINGS 64: Enter pressed inside a post leaves a row with only "và Môi trường": the refusal says what it looks like."""
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Chức danh"])
    ws.append([1, "Nguyễn Văn An", "Giám đốc Sở Nông nghiệp", "Chủ tịch Hội đồng"])
    ws.append([None, None, "và Môi trường", None])
    wb.save(tmp_path / "tv.xlsx")
    table = read_members(tmp_path / "tv.xlsx")
    assert [(r.row, r.reason) for r in table.rejects] == [(3, (
        "thiếu Họ và tên; dòng này chỉ có «và Môi trường» ở cột C «Chức vụ, đơn vị công tác» — nếu là phần tiếp "
        "của dòng 2, hãy ghi vào ô C2 rồi xóa dòng này"))]
