"""Helpers of the web tests: post forms as the pages do, wait for jobs, read a page's text."""
from __future__ import annotations

import re
import time

from starlette.testclient import TestClient
from testpaths import SAMPLES


def csrf_of(client: TestClient, path: str = "/kiem-tra") -> str:
    """The CSRF token the page at ``path`` puts in its forms."""
    html = client.get(path).text
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, f"no CSRF token in {path}"
    return match.group(1)


def wait_job(client: TestClient, location: str, timeout: float = 180) -> str:
    """Poll a job's progress like the page does; return the job page's HTML once it is done."""
    end = time.time() + timeout
    while time.time() < end:
        r = client.get(location + "/tien-do")
        assert r.status_code == 200
        if r.headers.get("hx-refresh") == "true":
            return client.get(location).text
        assert "<progress" in r.text
        time.sleep(0.3)
    raise AssertionError(f"job {location} not done in {timeout} s")


def word_findings_of(content: bytes) -> list[str]:
    """What the OOXML validator finds in a downloaded .docx that Word would repair (none allowed)."""
    import tempfile
    from pathlib import Path

    from wordcheck import word_findings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tai-ve.docx"
        path.write_bytes(content)
        return word_findings(path)


def docx_text(content: bytes) -> str:
    """The text of a downloaded .docx (its paragraphs, then its tables' cells), as a reader of the
    file sees it; the file must first open in Word without repair."""
    import io

    import docx

    assert word_findings_of(content) == [], "Word would repair the downloaded .docx"
    document = docx.Document(io.BytesIO(content))
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for row in t.rows for c in row.cells])


def text_of(html: str) -> str:
    """The page's visible text, one space between words (entities of quotes undone)."""
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", text).replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")
    return " ".join(text.split())


ROUND_FORM = {
    "ten_co_quan": "Ủy ban nhân dân tỉnh Hà Tĩnh", "viet_tat": "UBND", "cap": "tinh", "so_qd": "2698",
    "ky_hieu": "QĐ-UBND", "ngay_qd": "2026-10-28", "nguoi_ky_qd": "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
    "dia_danh": "Hà Tĩnh", "dot": "đợt 2", "tham_quyen": "KT", "chuc_vu_dung_dau": "Chủ tịch",
    "chuc_vu": "Phó Chủ tịch", "ho_ten": "Trần Minh Đức", "mau_so": "{so:03d}/{nam}/GCN-OCOP", "so_dau": "1", "qr": "1",
}
"""The round of samples/certificates/ha-tinh-2026-dot-2.yaml, as an officer types it in the form."""

RESULTS_XLSX = SAMPLES / "certificates" / "ha-tinh-2026-ket-qua-dot-2.xlsx"
ROUND_YAML = SAMPLES / "certificates" / "ha-tinh-2026-dot-2.yaml"
