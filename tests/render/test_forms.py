"""The OCOP forms as a reader of the .docx sees them: Mẫu 01–03 (QĐ 26/2026 Phụ lục III), the
criteria sheet (Phụ lục II), the commune's công văn (ND30 Mẫu 1.5) and the council's biên bản
(ND30 Mẫu 1.9) — blank and filled, checked with ``check_file``."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from ocop_docs.check import check_file
from ocop_docs.errors import DataError
from ocop_docs.io import load_spec
from ocop_docs.ocop.criteria import criteria_set
from ocop_docs.render import render_spec
from ocop_docs.render.forms import render_form

from testpaths import SAMPLES

FORMS = SAMPLES / "forms"


def all_text(path: Path) -> str:
    """Every paragraph of the body, tables included, in order."""
    doc = Document(str(path))
    out = []
    for block in doc.element.body.iter():
        if block.tag.endswith("}p"):
            out.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
    return "\n".join(out)


def errors(path: Path, kind: str | None = None) -> list[str]:
    report = check_file(path, kind=kind)
    return [f"{f.rule}: {f.message}" for f in report.findings if f.severity == "error"]


def render_sample(name: str, tmp_path: Path) -> Path:
    return render_spec(load_spec(FORMS / f"{name}.yaml"), tmp_path / f"{name}.docx")


# --- Mẫu số 01 ------------------------------------------------------------------------------


def test_blank_registration_form(tmp_path):
    out = render_form("mau-01", tmp_path / "mau-01.docx", blank=True)
    text = all_text(out)
    for line in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHIẾU ĐĂNG KÝ", "Tham gia đánh giá, phân hạng sản phẩm OCOP",
        "của tỉnh ……………. năm ……….", "1. Thông tin về đơn vị đăng ký:", "4. Lần đăng ký đánh giá: Lần đầu ☐   Nâng hạng: ☐   Đánh giá lại: ☐",
        "- Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).", "ĐẠI DIỆN", "(Ký, đóng dấu, ghi rõ họ tên)",
        "PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ", "DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ", "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH",
    ):
        assert line in text, line
    assert text.count("Phiếu số: ……-……. /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)") == 2
    assert "☒" not in text
    with zipfile.ZipFile(out) as z:  # item 3's footnote is a real Word footnote
        assert "Theo Phụ lục I về Danh mục phân loại sản phẩm" in z.read("word/footnotes.xml").decode()
    assert errors(out, "form") == []


def test_filled_registration_form(tmp_path):
    out = render_sample("mau-01-cam-vu-quang", tmp_path)
    text = all_text(out)
    assert "của tỉnh Hà Tĩnh năm 2026" in text
    assert "- Tên đơn vị: Hợp tác xã Nông nghiệp Cam Vũ Quang" in text
    assert "3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm): Ngành: Sản phẩm thực phẩm; Nhóm: Thực phẩm tươi sống; Phân nhóm: Rau, củ, quả, hạt tươi" in text
    assert "Lần đầu ☒   Nâng hạng: ☐   Đánh giá lại: ☐" in text
    assert "Phiếu số: 01/PĐK-42-18313-2026" in text and "Ngày nhận: 10/4/2026" in text
    assert "Phiếu số: ……-……. /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)" in text  # the province has not received it yet
    assert "Vũ Quang, ngày 10 tháng 4 năm 2026" in text
    assert errors(out) == [] and check_file(out).kind == "form"


def test_registration_needs_a_product_class():
    from ocop_docs.model.forms import Registration

    with pytest.raises(ValueError, match="ghi 'bo'"):
        Registration(province="Hà Tĩnh", year=2026, applicant={"name": "A", "representative": "B"}, product_name="C")
    form = Registration(province="Hà Tĩnh", year=2026, applicant={"name": "A", "representative": "B"}, product_name="C", bo=2,
                        registration="Nâng hạng")
    assert form.registration == "nâng hạng"


# --- Mẫu số 02 ------------------------------------------------------------------------------


def test_blank_self_assessment(tmp_path):
    out = render_form("mau-02", tmp_path / "mau-02.docx", blank=True)
    text = all_text(out)
    for line in ("BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM", "(Dành cho chủ thể có sản phẩm đăng ký)", "Phần I", "THÔNG TIN CHUNG",
                 "Phần II", "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH", "Phần III",
                 "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP", "Phần IV", "KẾ HOẠCH SẢN XUẤT, KINH DOANH",
                 "a) Giấy đăng ký kinh doanh: ☐", "+ Khác (ghi rõ): ☐", "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ"):
        assert line in text, line
    doc = Document(str(out))
    evidence = doc.tables[-2]
    assert len(evidence.rows) == 16  # header + the 15 rows of the decree's guide
    assert evidence.cell(15, 1).text.startswith("Giải thưởng của sản phẩm")
    assert "Tổng điểm tự đánh giá" not in text  # no self-scoring table on the blank form
    assert errors(out, "form") == []


def test_filled_self_assessment_scores_the_owner_ticks(tmp_path):
    out = render_sample("mau-02-cam-vu-quang", tmp_path)
    text = all_text(out)
    assert "a) Giấy đăng ký kinh doanh: ☒" in text and "+ Bằng sáng chế ☐" in text
    assert "d) Đã có đăng ký sở hữu trí tuệ: ☒" in text
    assert "Bộ tiêu chí áp dụng: 1. Bộ sản phẩm: Rau, củ, quả, hạt tươi. Tổng điểm tự đánh giá: 80/100 điểm." in text
    doc = Document(str(out))
    table = next(t for t in doc.tables if t.cell(0, 0).text == "Mã")
    assert len(table.rows) == 1 + 32 + 1 and table.rows[-1].cells[3].text == "80"
    assert errors(out) == []


def test_self_assessment_with_two_ticks_is_refused(tmp_path):
    import yaml

    data = yaml.safe_load((FORMS / "mau-02-cam-vu-quang.yaml").read_text(encoding="utf-8"))
    data["self_ticks"]["1.1"] = [2, 3]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"tiêu chí 1.1 \(Nguồn gốc sản phẩm\) có 2 ô được đánh dấu"):
        render_form("mau-02", tmp_path / "out.docx", path)
    assert not (tmp_path / "out.docx").exists()  # no half-written output


# --- Mẫu số 03 ------------------------------------------------------------------------------


def test_commune_report_is_an_nd30_report(tmp_path):
    out = render_sample("mau-03-cam-vu-quang", tmp_path)
    text = all_text(out)
    for line in ("ỦY BAN NHÂN DÂN", "XÃ VŨ QUANG", "Số: 12/BC-UBND", "Vũ Quang, ngày 20 tháng 4 năm 2026", "BÁO CÁO",
                 "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
                 "I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM", "II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM",
                 "1. Về sử dụng nguyên liệu địa phương:", "4. Bản sắc/trí tuệ địa phương:",
                 "- Giới tính: Nữ (Nam/nữ); Dân tộc: Kinh",
                 "Ủy ban nhân dân xã Vũ Quang đề nghị Ủy ban nhân dân tỉnh Hà Tĩnh đánh giá, phân hạng sản phẩm OCOP cho sản phẩm Cam Vũ Quang của Hợp tác xã Nông nghiệp Cam Vũ Quang./.",
                 "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Quốc Việt", "- Lưu: VT, KT."):
        assert line in text, line
    report = check_file(out)
    assert report.kind == "report" and errors(out) == []  # ND30 rules of a Báo cáo, auto-detected


def test_blank_commune_report_has_the_decree_guidance(tmp_path):
    out = render_form("mau-03", tmp_path / "mau-03.docx", blank=True)
    text = all_text(out)
    assert "XÃ/PHƯỜNG…" in text and "Số:      /BC-UBND" in text
    assert "(Nhận xét về nguồn gốc sản phẩm (truyền thống, sản phẩm mới) của chủ thể dựa trên thực tế của địa phương)." in text
    assert "Ủy ban nhân dân xã.... đề nghị Ủy ban nhân dân tỉnh.... đánh giá, phân hạng sản phẩm OCOP cho sản phẩm.... của …….\u002f." in text
    assert "TM. ỦY BAN NHÂN DÂN XÃ…" in text and "(Ký tên và đóng dấu)" in text


def test_blank_commune_report_passes_the_checker(tmp_path):
    out = render_form("mau-03", tmp_path / "mau-03.docx", blank=True)
    assert errors(out, "form") == []


# --- the criteria sheet ---------------------------------------------------------------------


@pytest.mark.parametrize("number", [1, 11, 19, 26])
def test_blank_sheet_has_every_option_unticked(tmp_path, number):
    cs = criteria_set(number)
    out = render_form("phieu-danh-gia", tmp_path / f"bo-{number}.docx", bo=number)
    text = all_text(out)
    options = sum(len(c.options) for c in cs.criteria())
    assert text.count("☐") == options and "☒" not in text
    assert f"{cs.number}. Bộ sản phẩm: {cs.name}" in text
    assert "Mã số sản phẩm: (T)-(X)-(STT)-20……" in text
    doc = Document(str(out))
    table = doc.tables[0]
    first_cells = [row.cells[0].text for row in table.rows]
    for c in cs.criteria():
        label = f"{c.code}. {c.title}"
        assert any(cell.startswith(label) for cell in first_cells), label
    assert table.rows[-1].cells[0].text == "TỔNG CỘNG" and table.rows[-1].cells[1].text == "100"
    assert errors(out, "form") == []


def test_filled_sheet_ticks_one_box_per_criterion_and_adds_up(tmp_path):
    out = render_sample("phieu-cam-vu-quang-an", tmp_path)
    text = all_text(out)
    assert text.count("☒") == len(criteria_set(1).criteria()) == 32
    assert "☒ Ứng dụng máy móc trong sơ chế, đóng gói sản phẩm" in text
    assert "☐ Ứng dụng công nghệ tiên tiến trong sơ chế, bảo quản" in text and "ổn định trong quá trình bảo quản...)*****" in text
    doc = Document(str(out))
    table = doc.tables[0]
    totals = {row.cells[0].text: row.cells[2].text for row in table.rows}
    assert totals["TỔNG CỘNG"] == "76"
    assert totals["Phần A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40 Điểm)"] == "31"
    assert "Tên sản phẩm: Cam Vũ Quang" in text and "Mã số sản phẩm: 42-18313-01-2026" in text
    assert "Nguyễn Văn An" in text and "Hà Tĩnh, ngày 18 tháng 6 năm 2026" in text
    assert errors(out) == [] and check_file(out).kind == "form"


# --- the commune's công văn (ND30 Mẫu 1.5) ---------------------------------------------------


def test_proposal_letter_follows_mau_1_5(tmp_path):
    out = render_sample("cong-van-de-nghi-vu-quang", tmp_path)
    doc = Document(str(out))
    header = doc.tables[0]
    left = [p for p in header.cell(1, 0).paragraphs if p.text.strip()]
    assert [p.text for p in left] == ["Số: 45/UBND-KT", "V/v đề nghị đánh giá, phân hạng sản phẩm OCOP"]
    vv = left[1]
    assert vv.style.font.size.pt == 13 and not vv.style.font.bold  # ND30-TITLE-03
    text = all_text(out)
    assert "Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh." in text  # ND30-RECIP-02, one addressee on the line
    assert "tổ chức đánh giá, phân hạng 02 sản phẩm OCOP đợt 1 năm 2026, cụ thể như sau:" in text
    assert "05 sản phẩm mẫu của mỗi sản phẩm" in text
    assert "xem xét, tổ chức đánh giá, phân hạng các sản phẩm nêu trên./." in text
    noi_nhan = [p.text for p in doc.paragraphs if p.style.name == "ND30 - Nơi nhận (các dòng)"]
    cells = [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs if p.style.name == "ND30 - Nơi nhận (các dòng)"]
    items = noi_nhan or cells
    assert items[0] == "- Như trên;" and items[-1] == "- Lưu: VT, KT."  # ND30-RECIP-01/03
    products = doc.tables[1]
    assert [r.cells[1].text for r in products.rows[1:]] == ["Cam Vũ Quang", "Mật ong rừng Vũ Quang"]
    assert products.rows[2].cells[3].text == "4. Mật ong, mật khác và nông sản thực phẩm khác"
    assert errors(out) == []


def test_proposal_letter_to_several_addressees_and_tourism(tmp_path):
    import yaml

    data = yaml.safe_load((FORMS / "cong-van-de-nghi-vu-quang.yaml").read_text(encoding="utf-8"))
    data["addressees"] = ["Ủy ban nhân dân tỉnh Hà Tĩnh", "Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh"]
    data["recipients"] = ["Sở Tài chính"]
    data["products"].append({"name": "Du lịch cộng đồng Vũ Quang", "owner": "HTX Du lịch Vũ Quang", "bo": 26, "registration": "lan-dau"})
    path = tmp_path / "cv.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = render_spec(load_spec(path), tmp_path / "cv.docx")
    text = all_text(out)
    assert "Kính gửi:\n- Ủy ban nhân dân tỉnh Hà Tĩnh;\n- Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh." in text
    assert "(trừ sản phẩm thuộc nhóm dịch vụ du lịch)" in text  # Điều 6.2.d
    assert "- Như trên;\n- Sở Tài chính;" in text  # "- Như trên;" added first
    assert errors(out) == []


# --- the council's biên bản (ND30 Mẫu 1.9) ---------------------------------------------------


def test_minutes_list_members_and_each_product_score_and_star(tmp_path):
    out = render_sample("bien-ban-hoi-dong-ha-tinh", tmp_path)
    text = all_text(out)
    for line in ("UBND TỈNH HÀ TĨNH", "Số: 01/BB-HĐ", "BIÊN BẢN", "Họp đánh giá, phân hạng sản phẩm OCOP cấp tỉnh năm 2026 (đợt 1)",
                 "Thời gian bắt đầu: 08 giờ 00 phút, ngày 18 tháng 6 năm 2026.",
                 "Thành phần tham dự: thành viên Hội đồng có mặt 03 người, gồm:",
                 "1. Ông Nguyễn Văn An, Phó Giám đốc Sở Nông nghiệp và Môi trường - Chủ tịch Hội đồng;",
                 "Chủ trì (chủ tọa): Ông Nguyễn Văn An", "Thư ký (người ghi biên bản): Ông Lê Văn Cường",
                 "Tổng hợp: 01 sản phẩm đạt 4 sao, 01 sản phẩm đạt 3 sao.",
                 "Cuộc họp kết thúc vào 11 giờ 30 phút, ngày 18 tháng 6 năm 2026./.", "THƯ KÝ", "CHỦ TỌA", "- Lưu: VT, Hồ sơ."):
        assert line in text, line
    doc = Document(str(out))
    table = next(t for t in doc.tables if t.cell(0, 0).text == "STT")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows[0] == ["1", "Cam Vũ Quang", "Hợp tác xã Nông nghiệp Cam Vũ Quang", "1. Rau, củ, quả, hạt tươi", "3", "76,33", "4 sao"]
    assert rows[1][1] == "Mật ong rừng Vũ Quang" and rows[1][5:] == ["67,67", "3 sao"]
    assert errors(out, "form") == []


def test_minutes_pass_the_checker_as_detected(tmp_path):
    assert errors(render_sample("bien-ban-hoi-dong-ha-tinh", tmp_path)) == []


def test_minutes_explain_a_star_below_the_band(tmp_path):
    import yaml

    from ocop_docs.render.forms_context import council_minutes_context

    data = yaml.safe_load((FORMS / "bien-ban-hoi-dong-ha-tinh.yaml").read_text(encoding="utf-8"))
    sheet = yaml.safe_load((FORMS / "phieu-cam-vu-quang-an.yaml").read_text(encoding="utf-8"))
    sheet["ticks"]["2.2"] = 2  # under the *** of 2.2 "Đóng gói sáng tạo, bao bì đẹp"
    (tmp_path / "an.yaml").write_text(yaml.safe_dump(sheet, allow_unicode=True), encoding="utf-8")
    data["sheets"] = ["an.yaml"]
    path = tmp_path / "bb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    context = council_minutes_context(load_spec(path))
    assert context["rows"][0]["stars"] == "2 sao" and context["rows"][0]["score"] == "75,00"
    assert context["notes"] == [
        "Sản phẩm Cam Vũ Quang có điểm trung bình 75,00 điểm (khung hạng 4 sao) nhưng chưa đáp ứng yêu cầu tối thiểu "
        "hạng 3 sao ở tiêu chí 2.2 Đóng gói, bao bì sản phẩm, nên Hội đồng đề xuất hạng 2 sao."
    ]


def test_minutes_refuse_a_star_above_the_band(tmp_path):
    from ocop_docs.model.forms import MinutesProduct

    with pytest.raises(ValueError, match=r"hạng 4 sao cao hơn khung điểm 69.99 \(hạng 3 sao, từ 50 đến dưới 70 điểm\)") as info:
        MinutesProduct(name="A", owner="B", bo=1, score="69.99", stars=4)
    assert info.value.errors()[0]["ctx"]["error"].rule == "OCOP-BAND"


# --- the PDFs ---------------------------------------------------------------------------------


def test_forms_convert_to_pdf(tmp_path):
    """One LibreOffice call: the longest form (the filled sheet) and the one-page công văn."""
    from ocop_docs.convert import pdf_info, to_pdf

    files = [render_sample("phieu-cam-vu-quang-an", tmp_path), render_sample("cong-van-de-nghi-vu-quang", tmp_path)]
    info = {p.stem: pdf_info(p) for p in to_pdf(files, tmp_path)}
    assert info["cong-van-de-nghi-vu-quang"].pages == 1
    assert "V/v đề nghị đánh giá, phân hạng sản phẩm OCOP" in " ".join(info["cong-van-de-nghi-vu-quang"].text.split())
    sheet = info["phieu-cam-vu-quang-an"]
    assert 5 <= sheet.pages <= 8 and "TỔNG CỘNG" in sheet.text and sheet.text.count("☒") == 32
    assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in sheet.page_sizes)  # ND30-PAGE-01
