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
