"""A Quyết định công nhận kết quả đánh giá, phân hạng sản phẩm OCOP read into ``recognition_decision``.

The products come from the list attached after the signature (one row per product: "1 | Cam bù
Hương Sơn Mã số: 42-18196-001-2026 | Hợp tác xã … | … | 72,50 | 4 sao | Nâng hạng"), its columns
told by the header row; the round, year, level and certificate from the trích yếu; the standing
body and the communes from the article that gives the tasks; effect and executors from the last
two articles. When something does not fit the model, None is returned with the reason and the
decision stays a general one.
"""
from __future__ import annotations

import re

from ..vi.numbers import parse_number
from .council import _lines
from .decision import _EFFECT_RE, _EXECUTORS_RE, _executors
from .header import Note

_HEADERS = {
    "stt": "stt", "tên sản phẩm": "name", "chủ thể": "owner", "địa chỉ": "address", "nhóm/bộ sản phẩm": "group",
    "nhóm sản phẩm": "group", "bộ sản phẩm": "group", "điểm": "score", "hạng sao": "stars", "xếp hạng": "stars",
    "mã số sản phẩm": "code", "hình thức": "form", "ghi chú": "note",
}


def _products(rows: list[str]) -> tuple[list[dict], list[str], str | None]:
    """Products of the attached list, the columns it has, and why it could not be read (or None)."""
    header_at = next((k for k, row in enumerate(rows) if "Tên sản phẩm" in row and "|" in row), None)
    if header_at is None:
        return [], [], "không thấy bảng danh sách sản phẩm (hàng tiêu đề 'Tên sản phẩm')"
    columns = [_HEADERS.get(cell.strip().lower()) for cell in rows[header_at].split("|")]
    if None in columns or "name" not in columns or "owner" not in columns:
        return [], [], f"cột '{rows[header_at]}' của danh sách không khớp mô hình"
    products: list[dict] = []
    for row in rows[header_at + 1:]:
        cells = [c.strip() for c in row.split("|")]
        if len(cells) == 2 and re.fullmatch(r"[IVX]+", cells[0]):
            continue  # a group row ("I | Sản phẩm đạt hạng 4 sao")
        if len(cells) != len(columns) or not cells[0].isdigit():
            break
        item: dict = {}
        for key, value in zip(columns, cells):
            if key == "stt" or not value:
                continue
            if key == "name" and " Mã số: " in f" {value}":
                value, _, code = f" {value}".partition(" Mã số: ")
                item["code"] = code.strip()
                value = value.strip()
            if key == "score":
                item[key] = parse_number(value)
            elif key == "stars":
                item[key] = int(re.match(r"\d", value).group()) if re.match(r"\d", value) else value
            elif key == "form":
                item[key] = value.lower()
            elif value:
                item[key] = value
        products.append(item)
    shown = [c for c in columns if c != "code"]
    return products, shown, None if products else "danh sách sản phẩm không có hàng nào"


def recognition_decision(general: dict, notes: list[Note]) -> tuple[dict | None, str]:
    """The ``recognition_decision`` spec data of a general decision recognising products, or (None, why)."""
    title = general.get("title") or ""
    articles = general.get("articles") or []
    if len(articles) != 5:
        return None, f"quyết định có {len(articles)} Điều; mô hình công nhận có 5 Điều"
    products, columns, why = _products(general.get("attached", []))
    if why:
        return None, why
    data: dict = {"kind": "recognition_decision"}
    for key in ("issuer", "number", "number_year", "symbol", "place", "date", "draft_year", "signer", "recipients", "archive"):
        if key in general:  # a None kept too: "archive" None is a document without a Lưu line
            data[key] = general[key]
    data["authority"] = "individual" if (general.get("authority") or "").startswith("CHỦ TỊCH") else "collective"
    low = title.lower()
    data["verb"] = "phê duyệt" if "phê duyệt kết quả" in low else "công nhận"
    data["with_certificate"] = "giấy chứng nhận" in low
    data["show_level"] = bool(re.search(r"\bcấp (huyện|tỉnh)\b", low))
    if m := re.search(r"\bđợt (\d{1,2})\b", low):
        data["round"] = int(m.group(1))
    years = re.findall(r"\bnăm (\d{4})\b", low)
    if not years:
        return None, "trích yếu không ghi năm đánh giá"
    data["year"] = int(years[-1])
    data["title"] = title
    data["products"] = products
    data["columns"] = columns
    attached = general.get("attached", [])
    if len(attached) > 1 and attached[0].upper() == "DANH SÁCH":
        data["list_title"] = attached[1]
    third = _lines(articles[2])
    if third and (m := re.match(r"^Giao (?P<body>.+?) chủ trì\b", third[0])):
        data["standing_body"] = m.group("body")
    if len(third) > 1 and (m := re.match(r"^(?P<who>.+?) có sản phẩm được công nhận phối hợp\b", third[1])):
        data["communes"] = m.group("who")
    effect = " ".join(_lines(articles[3])).rstrip("./")
    if not _EFFECT_RE.match(effect):
        return None, "không thấy Điều hiệu lực ('Quyết định này có hiệu lực …')"
    data["effect"] = effect
    executors = _EXECUTORS_RE.match(" ".join(_lines(articles[4])).rstrip("./"))
    if not executors:
        return None, "không tách được Điều thi hành ('… chịu trách nhiệm thi hành Quyết định này')"
    data["executors"] = _executors(executors.group("who"))
    if executors.group("closing").strip() != "chịu trách nhiệm thi hành Quyết định này":
        data["executors_closing"] = executors.group("closing").strip()
    bases = general.get("legal_bases", [])
    data["legal_bases"] = [b for b in bases if b.get("verb") not in ("Theo đề nghị của", "Xét đề nghị của")]
    proposal = [b for b in bases if b.get("verb") in ("Theo đề nghị của", "Xét đề nghị của")]
    if proposal:
        data["proposed_by"] = proposal[-1]["text"]
    data["propose_bases"] = False
    data["recipients"] = [r for r in data.get("recipients", []) if not re.match(r"^Như Điều \d+$", r)]
    if "date" not in data:
        return None, "quyết định chưa có ngày ký"
    return data, ""
