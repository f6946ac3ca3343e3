"""Helpers of the certificate tests: issuer files, results tables, running the CLI."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "ocop_docs" / "samples" / "certificates"
SAMPLE_TABLE = SAMPLES / "ha-tinh-2026-ket-qua-dot-2.xlsx"
SAMPLE_CSV = SAMPLES / "ha-tinh-2026-ket-qua-dot-2.csv"
SAMPLE_ISSUER = SAMPLES / "ha-tinh-2026-dot-2.yaml"
HEADERS = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm/Bộ sản phẩm", "Điểm", "Hạng sao"]


def issuer_data(level: str = "tinh", date: str = "2026-10-28", **extra) -> dict:
    """The content of an issuer file; ``extra`` overrides top-level fields."""
    names = {"tinh": "Ủy ban nhân dân tỉnh Hà Tĩnh", "huyen": "Ủy ban nhân dân huyện Vũ Quang",
             "trung_uong": "Bộ Nông nghiệp và Môi trường"}
    abbreviation = {"trung_uong": "BNNMT"}.get(level, "UBND")
    data = {
        "issuer": {"name": names.get(level, "Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh"), "abbreviation": abbreviation, "level": level},
        "decision": {"number": 2698, "date": date},
        "place": "Hà Tĩnh",
        "signer": {"authority": "KT", "head_title": "Chủ tịch", "title": "Phó Chủ tịch", "name": "Trần Minh Đức"},
    }
    data.update(extra)
    return data


def write_issuer(folder: Path, name: str = "issuer.json", **kwargs) -> Path:
    path = folder / name
    path.write_text(json.dumps(issuer_data(**kwargs), ensure_ascii=False), encoding="utf-8")
    return path


def product_rows(n: int, prefix: str = "Sản phẩm", start: int = 1) -> list[list]:
    """``n`` good rows (3★ and 4★ scores), distinct products."""
    rows = []
    for i in range(start, start + n):
        score = 50 + (i * 7) % 40
        rows.append([i, f"{prefix} số {i}", f"Hợp tác xã {prefix} {i}", f"thôn {i}, xã Sơn Kim 1, tỉnh Hà Tĩnh",
                     "Rau, củ, quả, hạt tươi", score, 4 if score >= 70 else 3])
    return rows


def write_csv(path: Path, rows: list[list], headers: list[str] = HEADERS, delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """``ocop-docs`` as a user runs it (a separate process)."""
    return subprocess.run([sys.executable, "-m", "ocop_docs.cli", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT)


def template_with(folder: Path, old: str, new: str, name: str = "mau.docx") -> Path:
    """A copy of the shipped certificate template with one text of word/document.xml retyped."""
    import zipfile

    out = folder / name
    with zipfile.ZipFile(ROOT / "ocop_docs" / "templates" / "certificates" / "giay-chung-nhan.docx") as t, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for info in t.infolist():
            data = t.read(info.filename)
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            o.writestr(info, data)
    return out
