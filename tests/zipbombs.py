"""Zip bombs for the tests of every reader that opens a zip (.xlsx, .docx, templates): a small file
whose part declares a huge size, built without compressing (or holding) the huge part."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path


def deflate_repeated(block: bytes, times: int) -> tuple[bytes, int]:
    """The raw deflate stream and CRC of ``block`` repeated ``times`` times, without compressing it all:
    after a full flush the compressor's state is reset, so every block compresses to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(block) + c.flush(zlib.Z_FULL_FLUSH) == first
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    return first * times + c.flush(), crc


def with_raw_entry(base: bytes, name: str, raw: bytes, size: int, crc: int) -> bytes:
    """Zip ``base`` with one more entry whose deflated bytes are ``raw`` (declared size ``size``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info))
        entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.CRC, entry.compress_size, entry.file_size = crc, len(raw), size
        entry.header_offset = dst.fp.tell()
        dst.fp.write(entry.FileHeader(False))
        dst.fp.write(raw)
        dst.filelist.append(entry)
        dst.NameToInfo[name] = entry
        dst.start_dir = dst.fp.tell()
    return out.getvalue()


def bomb(base: Path, out: Path, part: str, block: bytes, times: int = 1024) -> Path:
    """``base`` (a .xlsx or .docx) with ``part`` replaced by ``block`` repeated ``times`` times
    (1 MB blocks × 1024: a file of about 1 MB that would inflate to 1 GB)."""
    raw, crc = deflate_repeated(block, times)
    out.write_bytes(with_raw_entry(base.read_bytes(), part, raw, len(block) * times, crc))
    return out
