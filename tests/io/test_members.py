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
    assert info.value.file == str(tmp_path / "tv.xlsx")
    assert info.value.problems[0].row == 3
    assert "dòng 3: thành viên ở dòng này không dùng được: chức danh 'Tổ phó' là của Tổ giúp việc" in str(info.value)
    # The good file next to the spec is found relative to the spec, wherever the command runs.
    (tmp_path / "tv.xlsx").unlink()
    workbook(tmp_path / "tv.xlsx", {"Hội đồng": [["Họ và tên", "Chức danh trong Hội đồng"], ["Nguyễn Văn A", "Chủ tịch"]]})
    decision = load_spec(spec)
    assert decision.members[0].role == "Chủ tịch Hội đồng"
