"""Quyết định thành lập / kiện toàn Hội đồng in the browser: form, members from Excel, căn cứ, files."""
from __future__ import annotations

import io
import re

import openpyxl
from testpaths import SAMPLES
from web_helpers import csrf_of, docx_text, text_of, wait_job

MEMBERS_XLSX = SAMPLES / "decisions" / "ha-tinh-2026-thanh-vien.xlsx"
BASE = {
    "hanh_dong": "thành lập", "co_quan": "Ủy ban nhân dân tỉnh Hà Tĩnh", "cap": "tinh", "viet_tat": "UBND",
    "dia_danh": "Hà Tĩnh", "nam": "2026", "so": "", "ngay_ky": "2026-06-08", "tham_quyen": "KT",
    "chuc_vu_dung_dau": "Chủ tịch", "chuc_vu_ky": "Phó Chủ tịch", "luu": "VT, NL",
    "thi_hanh": "Chánh Văn phòng Ủy ban nhân dân tỉnh\nGiám đốc Sở Nông nghiệp và Môi trường",
    "noi_nhan": "Bộ Nông nghiệp và Môi trường (để b/c)",
}


def _post(client, data, files=None, **kw):
    return client.post("/hoi-dong", data={"csrf": csrf_of(client, "/hoi-dong"), **data}, files=files, **kw)


def _form_values(html: str) -> dict:
    """What the browser would send back: every input's value and every select's chosen option."""
    values = {}
    for attrs in re.findall(r"<input ([^>]*)>", html):
        name, value = re.search(r'name="([^"]+)"', attrs), re.search(r'value="([^"]*)"', attrs)
        if name and value and 'type="file"' not in attrs:
            values[name.group(1)] = value.group(1).replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
    for name, options in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, flags=re.DOTALL):
        chosen = re.search(r"<option(?: value=\"([^\"]*)\")? selected>([^<]*)</option>", options)
        values[name] = (chosen.group(1) if chosen.group(1) is not None else chosen.group(2)) if chosen else ""
    for name, text in re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', html, flags=re.DOTALL):
        values[name] = text.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
    values.pop("csrf", None)
    return values



def test_members_from_excel_then_bases_then_the_document(client):
    r = _post(client, dict(BASE, buoc="doc-excel-tv"), files={"excel_tv": ("thành viên.xlsx", MEMBERS_XLSX.read_bytes())})
    assert r.status_code == 200
    text = text_of(r.text)
    assert "Đã đọc 9 người từ thành viên.xlsx." in text
    assert "Cột đã dùng: cột A: STT; cột B: Ông/Bà; cột C: Họ và tên;" in text
    values = _form_values(r.text)
    assert values["tv_ten_0"] == "Phan Đình Khánh" and values["tv_chuc_danh_0"] == "Chủ tịch Hội đồng"
    assert values["tv_ong_ba_0"] == "Ông"
    assert values["co_quan"] == "Ủy ban nhân dân tỉnh Hà Tĩnh"  # the rest of the form is kept

    r = _post(client, dict(values, buoc="can-cu"))
    values = _form_values(r.text)
    assert "Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ" in values["can_cu"]
    assert "Đã đề xuất căn cứ theo danh mục văn bản tại ngày ký" in text_of(r.text)
    # The officer edits the proposal: one line of the province added.
    values["can_cu"] += "\nCăn cứ Quyết định số 1234/QĐ-UBND ngày 05/3/2026 của UBND tỉnh Hà Tĩnh về việc ban hành Kế hoạch OCOP năm 2026;"

    r = _post(client, dict(values, buoc="tao"), follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    job = r.headers["location"]
    text = text_of(wait_job(client, job))
    assert "Tải tệp .docx" in text and "Trang 1" in text
    assert client.get(f"{job}/trang/1.png").content.startswith(b"\x89PNG")
    d = client.get(f"{job}/tai/docx")
    assert "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20th%C3%A0nh%20l%E1%BA%ADp" in d.headers["content-disposition"]
    body = docx_text(d.content)
    assert "Về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP" in body
    assert "Phan Đình Khánh" in body and "Chủ tịch Hội đồng" in body
    assert "Quyết định số 1234/QĐ-UBND ngày 05/3/2026" in body
    assert "Chánh Văn phòng Ủy ban nhân dân tỉnh" in body
    assert client.get(f"{job}/tai/pdf").content.startswith(b"%PDF")
    # "Sửa tiếp" brings the form back with everything typed.
    again = _form_values(client.get(f"/hoi-dong?tu={job.rsplit('/', 1)[1]}").text)
    assert again["tv_ten_0"] == "Phan Đình Khánh" and "1234/QĐ-UBND" in again["can_cu"]


def test_rows_the_reader_cannot_use_are_listed(client, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Chức vụ", "Chức danh trong Hội đồng", "Số điện thoại"])
    sheet.append(["Nguyễn Văn An", "Giám đốc Sở", "Chủ tịch Hội đồng", "0912345678"])
    sheet.append(["Trần Thị Bình", "Phó Giám đốc", "", "0987654321"])
    buffer = io.BytesIO()
    book.save(buffer)
    r = _post(client, dict(BASE, buoc="doc-excel-tv"), files={"excel_tv": ("ds.xlsx", buffer.getvalue())})
    text = text_of(r.text)
    assert "Đã đọc 1 người từ ds.xlsx." in text
    assert "1 dòng không đọc được: dòng 3:" in text and "Chức danh" in text
    assert "«Số điện thoại»" in text  # the column the reader did not use is named
    assert _form_values(r.text)["tv_ten_0"] == "Nguyễn Văn An"


def test_a_missing_field_is_named_with_the_form_label_and_nothing_typed_is_lost(client):
    values = dict(BASE, thi_hanh="", tv_ten_0="Nguyễn Văn An", tv_chuc_danh_0="Chủ tịch Hội đồng", buoc="tao")
    r = _post(client, values)
    assert r.status_code == 400
    text = text_of(r.text)
    assert "Dữ liệu chưa đúng" in text and "ô «Người, cơ quan thi hành»: cần ít nhất một dòng" in text
    assert "của tệp" not in text and "dòng 58" not in text  # the page's own data file is never shown
    assert _form_values(r.text)["tv_ten_0"] == "Nguyễn Văn An"


def test_kien_toan_names_the_decision_it_replaces(client):
    values = dict(BASE, hanh_dong="kiện toàn", tv_ten_0="Nguyễn Văn An", tv_chuc_vu_0="Phó Chủ tịch UBND tỉnh",
                  tv_chuc_danh_0="Chủ tịch Hội đồng", tv_ten_1="Lê Thị Hoa", tv_chuc_danh_1="Ủy viên kiêm Thư ký",
                  thay_so_0="512", thay_ky_hieu_0="QĐ-UBND", thay_ngay_0="2024-03-15",
                  thay_co_quan_0="Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh", buoc="tao",
                  tt_ten_0="Phạm Minh Đức", tt_chuc_vu_0="Trưởng phòng", tt_don_vi_0="Sở Công Thương",
                  tt_chuc_danh_0="Tổ trưởng")
    r = _post(client, values, follow_redirects=False)
    assert r.status_code == 303, text_of(r.text)
    job = r.headers["location"]
    wait_job(client, job)
    body = docx_text(client.get(f"{job}/tai/docx").content)
    assert "Về việc kiện toàn Hội đồng" in body and "Tổ tư vấn" in body
    assert "512/QĐ-UBND" in body
    assert "Phạm Minh Đức" in body and "Tổ trưởng" in body


def test_a_date_is_needed_to_propose_bases(client):
    r = _post(client, dict(BASE, ngay_ky="", buoc="can-cu"))
    assert r.status_code == 400
    assert "Cần chọn ngày ký để đề xuất căn cứ đúng thời điểm." in text_of(r.text)


def test_the_team_section_of_a_typed_annex_never_enters_the_council_table(client):
    # the annex as typed: group rows "I | HỘI ĐỒNG …" / "II | TỔ TƯ VẤN …" merged across the columns (FINDINGS 15)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Nhiệm vụ"])
    rows = [["I", "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH", None, None],
            [1, "Ông Trần Song Tùng", "Phó Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng"],
            [2, "Ông Hoàng Minh Đức", "Chánh Văn phòng Điều phối nông thôn mới tỉnh", "Ủy viên kiêm Thư ký"],
            ["II", "TỔ TƯ VẤN GIÚP VIỆC HỘI ĐỒNG", None, None],
            [1, "Ông Nguyễn Văn Khải", "Phó Chánh Văn phòng Điều phối", "Tổ trưởng"],
            [2, "Ông Bùi Đức Thắng", "Chuyên viên Sở Công Thương", "Thành viên"]]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("B2:D2")
    sheet.merge_cells("B5:D5")
    buffer = io.BytesIO()
    book.save(buffer)
    r = _post(client, dict(BASE, buoc="doc-excel-tv"), files={"excel_tv": ("ds.xlsx", buffer.getvalue())})
    values = _form_values(r.text)
    council = [values.get(f"tv_ten_{i}") for i in range(6) if values.get(f"tv_ten_{i}")]
    assert [n.removeprefix("Ông ") for n in council] == ["Trần Song Tùng", "Hoàng Minh Đức"]
    assert "không đọc ở đây" in text_of(r.text)  # the team's rows are named, not read into the council
