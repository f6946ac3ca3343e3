"""Which rows of a results table get a certificate, and what of the table a certificate does not use."""
from __future__ import annotations

from gcn_helpers import issuer_data
from openpyxl import Workbook

from ocop_docs.certificates.model import CertificateIssuer
from ocop_docs.certificates.plan import plan_jobs


def test_columns_a_certificate_does_not_print_are_named_and_not_read(tmp_path):
    """A "Hình thức" or "Ghi chú" column is for the decision: the batch says it is not on the certificate,
    and a value there that the decision would refuse does not cost the product its certificate."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    ws.append(["STT", "Tên sản phẩm", "Chủ thể sản xuất", "Địa chỉ", "Hạng sao", "Hình thức", "Ghi chú"])
    ws.append([1, "Khăn lụa thêu tay cao cấp", "HTX Du lịch sinh thái, dệt lụa Hồng Tiến Nha Xá",
               "xã Mộc Nam, thị xã Duy Tiên", "4 sao", "chuyển hạng", "OCOP cấp tỉnh năm 2022"])
    wb.save(tmp_path / "kq.xlsx")
    issuer = CertificateIssuer.model_validate(issuer_data())
    notices: list[str] = []
    good, rejects = plan_jobs(tmp_path / "kq.xlsx", issuer, notices)
    assert [(p.name, stars) for p, stars in good] == [("Khăn lụa thêu tay cao cấp", 4)] and rejects == []
    assert ("kq.xlsx, trang 'Kết quả': các cột không dùng (dữ liệu trong đó không được đưa vào văn bản): "
            "F «Hình thức», G «Ghi chú»") in notices


def test_a_rejected_row_is_reported_as_the_clerk_typed_it(tmp_path):
    """FINDINGS 32: the rejects sheet showed '69.99' as text and '4' for the clerk's "4 sao"."""
    from openpyxl import load_workbook

    from ocop_docs.certificates.reports import write_rejects

    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Tên sản phẩm", "Chủ thể", "Điểm", "Hạng sao"])
    ws.append([1, "Cam Vũ Quang", "HTX Cam", 69.99, "4 sao"])
    ws.append([2, "Bưởi", "HTX Bưởi", "tám mươi", "4 sao"])
    wb.save(tmp_path / "kq.xlsx")
    _, rejects = plan_jobs(tmp_path / "kq.xlsx", CertificateIssuer.model_validate(issuer_data()))
    write_rejects(tmp_path / "dong-bi-loai.xlsx", rejects)
    rows = list(load_workbook(tmp_path / "dong-bi-loai.xlsx").active.iter_rows(min_row=2))
    assert [(r[0].value, r[4].value, r[4].number_format, r[5].value) for r in rows] == [
        (2, 69.99, "0.00", "4 sao"), (3, "tám mươi", "General", "4 sao")]
    assert "hạng 4 sao không khớp với điểm 69,99" in rows[0][1].value
