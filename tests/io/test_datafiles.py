"""Tables named by a spec are read in io/ before the model validates: rows, notices, missing columns."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from ocop_docs.errors import DataError
from ocop_docs.io.spec import load_spec

SAMPLE = Path(__file__).resolve().parents[2] / "ocop_docs" / "samples" / "decisions" / "ha-tinh-2026-cong-nhan-dot-1.yaml"


def spec_with_table(tmp_path: Path, **changes) -> Path:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data.update(products_file="kq.xlsx", **changes)
    path = tmp_path / "qd.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    ws.title = "Đợt 1"
    ws.append(["TT", "Tên sản phẩm", "Tên chủ thể", "Địa chỉ chủ thể", "Tổng điểm", "Phân hạng", "Số điện thoại"])
    ws.append(["I", "HUYỆN HƯƠNG SƠN"])
    ws.append([1, "Cam bù Hương Sơn", "HTX Cam Sơn Trường", "xã Sơn Trường", 71.25, "4 sao", "0912"])
    ws.append([2, "Chè xanh", "HTX Chè", "xã Sơn Kim 1", 66, "3 sao", None])
    ws.append(["Tổng cộng: 02 sản phẩm"])
    wb.save(tmp_path / "kq.xlsx")
    return path


def test_products_file_rows_and_notices(tmp_path):
    notices: list[str] = []
    decision = load_spec(spec_with_table(tmp_path), notices=notices)
    assert [(p.name, p.owner, p.stars) for p in decision.products] == [
        ("Cam bù Hương Sơn", "HTX Cam Sơn Trường", 4), ("Chè xanh", "HTX Chè", 3)]
    assert notices == [
        "kq.xlsx, trang 'Đợt 1': các cột không dùng (dữ liệu trong đó không được đưa vào văn bản): G «Số điện thoại»",
        "kq.xlsx, trang 'Đợt 1': dòng tên mục (không phải sản phẩm): dòng 2 «I. HUYỆN HƯƠNG SƠN»",
        "kq.xlsx, trang 'Đợt 1': bỏ qua 1 dòng cuối bảng (tổng cộng, chữ ký): dòng 5 «Tổng cộng: 02 sản phẩm»",
    ]


def test_a_column_the_decision_asks_for_but_the_table_lacks_is_an_error(tmp_path):
    with pytest.raises(DataError) as info:
        load_spec(spec_with_table(tmp_path, columns=["stt", "name", "owner", "code", "stars"]))
    assert info.value.file == f"{tmp_path / 'kq.xlsx'} (trang 'Đợt 1')"
    assert "tệp dữ liệu yêu cầu in cột 'Mã số sản phẩm' ('columns') nhưng bảng không có cột này" in str(info.value)


def test_products_and_products_file_together_is_an_error(tmp_path):
    with pytest.raises(DataError, match="ghi sản phẩm ở 'products' hoặc ở tệp 'products_file', không ghi cả hai"):
        load_spec(spec_with_table(tmp_path, products=[{"name": "Cam", "owner": "HTX", "stars": 3}]))
