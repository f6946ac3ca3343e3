"""The QR code printed on a certificate: its payload, a fast encoder, and a PNG writer.

Payload (format ``OCOP-GCN/1``), UTF-8, one ``label: value`` per line, in this order::

    OCOP-GCN/1
    Số: 025/2025/GCN-OCOP
    Sản phẩm: Mắm tôm chua Huế
    Hạng: 4 sao
    Hiệu lực: 15/12/2025 - 15/12/2028
    Cơ quan cấp: Ủy ban nhân dân tỉnh Hà Tĩnh

A phone's camera shows it as it is, so an officer can compare a printed certificate with
what the code says and look the number up in the register (``ocop-docs register show``).
Values are single lines (whitespace squashed); a product name longer than
``MAX_PRODUCT_CHARS`` is cut with "…" to keep the code small enough to scan at 27 mm.
:func:`parse_payload` reads a decoded payload back into its fields.

Encoding: QR Code model 2, byte mode (UTF-8, no ECI, as segno writes it), error correction
level M, the smallest version that fits, and a fixed data mask (``MASK``). segno chooses the
mask by scoring all eight (ISO/IEC 18004 §7.8.3), which costs ~15 ms a code; any of the eight
masks gives a valid symbol that every reader decodes. The matrix is built from segno's own
tables (Reed–Solomon generator polynomials, block structure, function patterns, format and
version information), with the function patterns and the placement order computed once per
version, so one code costs well under a millisecond. ``tests/certificates/test_qr.py`` checks
the matrix equals ``segno.make(data, error='m', mask=MASK, boost_error=False)`` for many
payloads and that a decoder reads the printed certificate back.
"""
from __future__ import annotations

import struct
import sys
import zlib
from datetime import date
from functools import lru_cache
from itertools import zip_longest
from operator import itemgetter
from typing import Literal, cast

from segno import consts
from segno import encoder as _enc

from ..vi.dates import parse_date

FORMAT_ID = "OCOP-GCN/1"
MAX_PRODUCT_CHARS = 80
MASK = 0
ERROR = consts.ERROR_LEVEL_M
# segno's tables by version and error level; their Micro QR rows (keyed None) make the inferred type "object".
_ECC = cast("dict[int, dict[int, tuple]]", consts.ECC)
_CAPACITY = cast("dict[int, dict[int, int]]", consts.SYMBOL_CAPACITY)
LABELS = {
    "number": "Số",
    "product": "Sản phẩm",
    "stars": "Hạng",
    "validity": "Hiệu lực",
    "issuer": "Cơ quan cấp",
}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def qr_payload(number: str, product: str, stars: int, issued: date, valid_until: date, issuer: str) -> str:
    """The text a certificate's QR code carries (format ``OCOP-GCN/1``, see the module doc)."""
    product = _one_line(product)
    if len(product) > MAX_PRODUCT_CHARS:
        product = product[: MAX_PRODUCT_CHARS - 1].rstrip() + "…"
    values = {
        "number": _one_line(number),
        "product": product,
        "stars": f"{stars} sao",
        "validity": f"{_dmy(issued)} - {_dmy(valid_until)}",
        "issuer": _one_line(issuer),
    }
    return "\n".join([FORMAT_ID] + [f"{LABELS[k]}: {v}" for k, v in values.items()])


def parse_payload(text: str) -> dict:
    """The fields of a decoded payload: number, product, stars (int), issued, valid_until, issuer.

    Raises ValueError (Vietnamese message) when the text is not an ``OCOP-GCN/1`` payload.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != FORMAT_ID:
        raise ValueError(f"mã QR không phải giấy chứng nhận OCOP (dòng đầu phải là '{FORMAT_ID}')")
    by_label = {label: key for key, label in LABELS.items()}
    fields: dict = {}
    for line in lines[1:]:
        label, sep, value = line.partition(": ")
        if not sep or label not in by_label:
            raise ValueError(f"dòng không hiểu được trong mã QR: '{line}'")
        fields[by_label[label]] = value
    missing = [LABELS[k] for k in LABELS if k not in fields]
    if missing:
        raise ValueError(f"mã QR thiếu: {', '.join(missing)}")

    start, _, end = fields.pop("validity").partition(" - ")
    fields["issued"], fields["valid_until"] = parse_date(start), parse_date(end)
    fields["stars"] = int(fields["stars"].split()[0])
    return fields


# --------------------------------------------------------------------------- encoder


@lru_cache(maxsize=64)
def _layout(version: int):
    """Per version: data positions in placement order, their mask bits, and a getter that lays a
    masked bit string out row-major with the function modules (finder, timing, alignment,
    format and version information) in their places."""
    width = _enc.calc_matrix_size(version)
    matrix = _enc.make_matrix(width, width)
    _enc.add_finder_patterns(matrix, width, width)
    _enc.add_alignment_patterns(matrix, width, width)
    positions = []
    # ISO/IEC 18004 §7.7.3: two-module columns, right to left, alternately upwards and downwards,
    # skipping the vertical timing pattern (the same walk as segno's add_codewords).
    for right in range(width - 1, 0, -2):
        if right <= 6:
            right -= 1
        for vertical in range(width):
            for z in (0, 1):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (width - 1 - vertical) if upwards else vertical
                if matrix[i][j] == 0x2:
                    positions.append(i * width + j)
    mask_fn = _enc.get_data_mask_functions(False)[MASK]
    mask_bits = 0
    for p in positions:
        mask_bits = (mask_bits << 1) | (1 if mask_fn(p // width, p % width) else 0)
    _enc.add_format_info(matrix, version, ERROR, MASK)
    _enc.add_version_info(matrix, version)
    n = len(positions)
    # Row-major cell → index into (masked bits + "01"): a data bit, or the constant 0 or 1.
    index_of = {p: k for k, p in enumerate(positions)}
    order = []
    for i in range(width):
        for j in range(width):
            k = index_of.get(i * width + j)
            order.append(k if k is not None else n + (1 if matrix[i][j] == 0x1 else 0))
    return n, mask_bits, itemgetter(*order), width


@lru_cache(maxsize=64)
def _interleaving(version: int):
    """Getters that interleave the concatenated data blocks, and error blocks, codeword by
    codeword across blocks (ISO/IEC 18004 §7.6: block 1 word 1, block 2 word 1, …)."""
    lengths, ec_lengths = [], []
    for info in _ECC[version][ERROR]:
        lengths += [info.num_data] * info.num_blocks
        ec_lengths += [info.num_total - info.num_data] * info.num_blocks

    def order(sizes: list[int]):
        starts = [sum(sizes[:i]) for i in range(len(sizes))]
        picked = [start + k for group in zip_longest(*(range(n) for n in sizes)) for start, k in zip(starts, group) if k is not None]
        return itemgetter(*picked)

    return order(lengths), order(ec_lengths)


def _version_for(length: int) -> int:
    for version in range(1, 41):
        count_bits = 8 if version < 10 else 16
        if 4 + count_bits + 8 * length <= _CAPACITY[version][ERROR]:
            return version
    raise ValueError("nội dung quá dài cho một mã QR")


@lru_cache(maxsize=32)
def _rs_table(ec_words: int) -> tuple[int, ...]:
    """coef → coef × generator polynomial (without its leading 1), as an ``ec_words``-byte int.

    The generator polynomials and GF(256) log/antilog tables are segno's (``consts.GEN_POLY``,
    ``GALIOS_LOG``/``GALIOS_EXP``), so the remainders are the ones segno's ``make_blocks`` computes.
    """
    gen = consts.GEN_POLY[ec_words]
    log, exp = consts.GALIOS_LOG, consts.GALIOS_EXP
    table = [0]
    for coef in range(1, 256):
        table.append(int.from_bytes(bytes(exp[log[coef] + g] for g in gen[:ec_words]), "big"))
    return tuple(table)


def _blocks(version: int, codewords: bytes) -> tuple[list[bytes], list[bytes]]:
    """Data blocks and their Reed–Solomon error blocks (ISO/IEC 18004 §7.5.2), as an LFSR."""
    data_blocks, error_blocks = [], []
    pos = 0
    for info in _ECC[version][ERROR]:
        ec_words = info.num_total - info.num_data
        table = _rs_table(ec_words)
        shift = 8 * (ec_words - 1)
        mask = (1 << (8 * ec_words)) - 1
        for _ in range(info.num_blocks):
            block = codewords[pos : pos + info.num_data]
            pos += info.num_data
            reg = 0
            for byte in block:
                reg = ((reg << 8) & mask) ^ table[byte ^ (reg >> shift)]
            data_blocks.append(block)
            error_blocks.append(reg.to_bytes(ec_words, "big"))
    return data_blocks, error_blocks


def encode(data: bytes) -> tuple[int, list[bytes]]:
    """QR Code (level M, byte mode, mask ``MASK``) of ``data``: (version, rows of 0/1 bytes)."""
    version = _version_for(len(data))
    capacity = _CAPACITY[version][ERROR]
    count_bits = 8 if version < 10 else 16
    bits = "0100" + format(len(data), f"0{count_bits}b")
    if data:
        bits += format(int.from_bytes(data, "big"), f"0{8 * len(data)}b")
    bits += "0" * min(4, capacity - len(bits))  # terminator
    # Padding to the codeword boundary as segno writes it: 1–8 zero bits (a whole zero byte when
    # already on the boundary; readers stop at the terminator, so it is never read).
    bits += "0" * (8 - len(bits) % 8)
    codewords = bytearray(int(bits, 2).to_bytes(len(bits) // 8, "big"))[: capacity // 8]
    pad = (0xEC, 0x11)
    i = 0
    while len(codewords) < capacity // 8:
        codewords.append(pad[i % 2])
        i += 1
    data_blocks, error_blocks = _blocks(version, bytes(codewords))
    take_data, take_error = _interleaving(version)
    final = bytes(take_data(b"".join(data_blocks))) + bytes(take_error(b"".join(error_blocks)))
    n, mask_bits, lay_out, width = _layout(version)
    stream = int.from_bytes(final, "big") << (n - 8 * len(final))  # remainder bits are zero
    cells = "".join(lay_out(format(stream ^ mask_bits, f"0{n}b") + "01")).encode("ascii").translate(_TO_MODULES)
    return version, [cells[r * width : (r + 1) * width] for r in range(width)]


_TO_MODULES = bytes.maketrans(b"01", b"\x00\x01")
_TO_BYTE_PIXELS = bytes.maketrans(b"\x00\x01", b"\xff\x00")  # scale 8: a module is one byte
SCALE = 8
BORDER = 4  # the quiet zone, in modules (ISO/IEC 18004 §6.3.8)
MAX_PIXELS = 150  # pixels across a code, quiet zone included (see qr_png)
MIN_SCALE = 2
_CAST: dict[int, Literal["Q", "I", "H"]] = {1: "Q", 2: "I", 4: "H"}  # scale → memoryview format reading 8 // scale modules at once


@lru_cache(maxsize=4)
def _pixel_bytes(scale: int) -> dict[int, int]:
    """For scales 1, 2 and 4: ``8 // scale`` modules (as a native int of 0/1 bytes) → one byte
    of pixels, dark modules as 0 bits, each module ``scale`` bits wide."""
    k = 8 // scale
    table = {}
    for combo in range(1 << k):
        modules = bytes((combo >> (k - 1 - i)) & 1 for i in range(k))
        key = int.from_bytes(modules, sys.byteorder)
        bits = "".join(("0" if m else "1") * scale for m in modules)
        table[key] = int(bits, 2)
    return table


def png(rows: list[bytes], scale: int = SCALE, border: int = BORDER) -> bytes:
    """A 1-bit greyscale PNG of a module matrix (1 = dark), ``scale`` (1, 2, 4 or 8) pixels a module.

    A PNG row is built a whole byte at a time: at scale 8 a module is one byte (translate),
    below it ``8 // scale`` modules are read as one native int and looked up.
    """
    if scale not in (1, 2, 4, 8):
        raise ValueError("scale must be 1, 2, 4 or 8")
    modules = len(rows[0]) + 2 * border
    size = modules * scale
    quiet = b"\x00" * border
    pad = b"\x00" * (-modules % (8 // scale))  # light modules up to a whole byte
    blank = b"\x00" * modules + pad
    framed = [blank] * border + [quiet + r + quiet + pad for r in rows] + [blank] * border
    raw = bytearray()
    if scale == 8:
        for row in framed:
            raw += (b"\x00" + row.translate(_TO_BYTE_PIXELS)) * 8
    else:
        table = _pixel_bytes(scale)
        fmt = _CAST[scale]
        for row in framed:
            raw += (b"\x00" + bytes(map(table.__getitem__, memoryview(row).cast(fmt)))) * scale

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)  # 1 bit a pixel, greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 1)) + chunk(b"IEND", b"")


def qr_png(text: str, max_pixels: int = MAX_PIXELS) -> bytes:
    """The PNG of the QR code of ``text`` (UTF-8): a whole number of pixels a module, at least
    ``MIN_SCALE``, and otherwise no wider than ``max_pixels``.

    Small on purpose: LibreOffice re-encodes every picture when it exports a PDF, and a
    130-pixel code costs ~3 ms a certificate where a 320-pixel one costs ~11 ms (and one above
    300 dpi is also resampled, which blurs the modules). With no interpolation (the PDF
    default) a printer draws each module as an exact square whatever the pixel count.
    """
    rows = encode(text.encode("utf-8"))[1]
    fits = max_pixels // (len(rows) + 2 * BORDER)
    scale = max(MIN_SCALE, max((s for s in (1, 2, 4, 8) if s <= fits), default=1))
    return png(rows, scale=scale)


def read_png_modules(data: bytes, scale: int | None = None, border: int = BORDER) -> list[bytes]:
    """The module matrix of a PNG written by :func:`png` (for tests and for checking a file)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("không phải tệp PNG")
    pos, idat, size = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">I", body[:4])[0]
            if body[8:10] != b"\x01\x00":
                raise ValueError("PNG không phải ảnh đen trắng 1 bit")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + (size + 7) // 8

    def pixels(y: int) -> str:
        line = raw[y * stride + 1 : (y + 1) * stride]
        return format(int.from_bytes(line, "big"), f"0{8 * (stride - 1)}b")[:size]

    if scale is None:  # the top-left finder pattern's first row is 7 dark modules wide
        y = next(y for y in range(size) if "0" in pixels(y))
        row = pixels(y)
        start = row.index("0")
        scale = (row.index("1", start) - start) // 7
    modules = size // scale - 2 * border
    rows = []
    for r in range(modules):
        bits = pixels((border + r) * scale)
        rows.append(bytes(1 if bits[(border + c) * scale] == "0" else 0 for c in range(modules)))
    return rows
