"""The certificate's QR code: payload format, the fast encoder against segno, decoding it back."""
from __future__ import annotations

import random
from datetime import date

import pytest
import segno

from ocop_docs.certificates import qr

zxingcpp = pytest.importorskip("zxingcpp")  # declared in the [test] extra


def decode_rows(rows: list[bytes], scale: int = 3, border: int = 4) -> list[str]:
    """Decode a module matrix with zxing-cpp from a greyscale bitmap."""
    width = (len(rows[0]) + 2 * border) * scale
    blank = b"\x00" * len(rows[0])
    pixels = bytearray()
    for row in [blank] * border + rows + [blank] * border:
        line = b"".join((b"\x00" if m else b"\xff") * scale for m in b"\x00" * border + row + b"\x00" * border)
        pixels += line * scale
    image = memoryview(bytes(pixels)).cast("B", (width, width))
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_payload_round_trip():
    text = qr.qr_payload("025/2026/GCN-OCOP", "Mắm tôm  chua\nHuế", 4, date(2026, 10, 28), date(2029, 10, 28),
                         "Ủy ban nhân dân tỉnh Hà Tĩnh")
    assert text.splitlines() == [
        "OCOP-GCN/1",
        "Số: 025/2026/GCN-OCOP",
        "Sản phẩm: Mắm tôm chua Huế",
        "Hạng: 4 sao",
        "Hiệu lực: 28/10/2026 - 28/10/2029",
        "Cơ quan cấp: Ủy ban nhân dân tỉnh Hà Tĩnh",
    ]
    assert qr.parse_payload(text) == {
        "number": "025/2026/GCN-OCOP", "product": "Mắm tôm chua Huế", "stars": 4,
        "issued": date(2026, 10, 28), "valid_until": date(2029, 10, 28), "issuer": "Ủy ban nhân dân tỉnh Hà Tĩnh",
    }


def test_long_product_name_is_cut_in_the_payload():
    name = "Bộ quà tặng " + "đặc sản " * 40
    fields = qr.parse_payload(qr.qr_payload("1/2026/GCN-OCOP", name, 3, date(2026, 1, 5), date(2029, 1, 5), "UBND"))
    assert len(fields["product"]) == qr.MAX_PRODUCT_CHARS and fields["product"].endswith("…")


def test_not_a_certificate_payload():
    with pytest.raises(ValueError, match="không phải giấy chứng nhận OCOP"):
        qr.parse_payload("https://example.org")
    with pytest.raises(ValueError, match="thiếu"):
        qr.parse_payload("OCOP-GCN/1\nSố: 1/2026/GCN-OCOP")


def _capacity(version: int) -> int:
    """Bytes that fill a version at level M exactly (mode indicator and count included)."""
    from segno import consts

    count_bits = 8 if version < 10 else 16
    return (consts.SYMBOL_CAPACITY[version][consts.ERROR_LEVEL_M] - 4 - count_bits) // 8


def test_encoder_matrix_equals_segno_for_every_version():
    """The fast encoder builds exactly the symbol segno builds with the same mask and level M:
    versions filled to capacity (no room for a whole terminator), and lengths in between."""
    rng = random.Random(5)
    versions = list(range(1, 27)) + [33, 40]  # a certificate payload stays below version 16
    lengths = [_capacity(v) for v in versions] + [0, 1, 17, 57, 100, 189, 260, 333]
    seen = set()
    for length in lengths:
        data = bytes(rng.randrange(256) for _ in range(length))
        version, rows = qr.encode(data)
        reference = segno.make(data, error="m", mask=qr.MASK, boost_error=False, micro=False, mode="byte")
        assert version == reference.version
        assert rows == [bytes(r) for r in reference.matrix], f"{length} bytes"
        seen.add(version)
    assert seen == set(versions)


def test_png_holds_the_matrix_at_every_scale():
    rows = qr.encode("OCOP-GCN/1 kiểm tra".encode())[1]
    for scale in (1, 2, 4, 8):
        assert qr.read_png_modules(qr.png(rows, scale=scale)) == rows


def test_certificate_code_decodes_back():
    text = qr.qr_payload("031/2026/GCN-OCOP", "Hộp quà đặc sản Hà Tĩnh gồm kẹo cu đơ, bánh đa vừng, chè xanh sấy khô",
                         3, date(2026, 10, 28), date(2029, 10, 28), "Ủy ban nhân dân tỉnh Hà Tĩnh")
    png = qr.qr_png(text)
    rows = qr.read_png_modules(png)
    assert decode_rows(rows) == [text]
    assert qr.parse_payload(decode_rows(rows)[0])["number"] == "031/2026/GCN-OCOP"
