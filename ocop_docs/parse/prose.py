"""A page that carries no administrative document: prose about something, refused instead of read.

A news item about a council meeting, an article explaining the QĐ 1048 procedure, a page in
English: none shows a part of a document of its own — Quốc hiệu, Tiêu ngữ, Số line, place-and-date
line, type line, căn cứ, articles, a heading of the body in capitals, signature, Nơi nhận. Read as a
plan, its headline would become the trích yếu and its numbering the sections: invented data. A copy
cut by a website keeps at least one of those parts (a plan body from "I. MỤC ĐÍCH, YÊU CẦU", its
căn cứ), so it is still read. Reports of a named decision are news.py's, not refused here.
"""
from __future__ import annotations

import re

from ..errors import UnreadableFile
from ..nd30.anatomy import (
    QUOC_HIEU_RE, TIEU_NGU_RE, has_date, heading_of, is_authority_line, is_basis, is_enacting, is_kinh_gui,
    is_noi_nhan, is_proposal, is_signer_title, is_so_line, is_upper, is_vv,
)
from .body import role_of
from .header import type_name
from .lines import Line

# A sentence of running text: words, then a full stop (at its end or before the next sentence).
_SENTENCE_RE = re.compile(r"[^\W\d_]{2,}.*[a-zà-ỹđ0-9)”\"]\s*[.!?](?:\s|$)")
_VIET_RE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def _is_part(text: str) -> bool:
    """Whether a line is one of a document's own parts (ND30 ô 1–9, the body's frame)."""
    text = text.strip(" |")
    if QUOC_HIEU_RE.search(text) or TIEU_NGU_RE.search(text):
        return True
    if len(text) < 80 and (is_so_line(text) or has_date(text) and not text.endswith(".") or is_vv(text)):
        return True
    if is_upper(text) and (type_name(text) or is_signer_title(text)):
        return True
    # "Căn cứ …;" and "Theo đề nghị …"; a news sentence may open "Thực hiện …," — that is no căn cứ.
    if is_basis(text) and (text.startswith("Căn cứ") or is_proposal(text) or text.rstrip().endswith(";")):
        return True
    if is_enacting(text) or is_authority_line(text) or is_noi_nhan(text) or is_kinh_gui(text):
        return True
    heading = heading_of(text)
    if heading and heading[0] == "dieu":
        return True
    if not heading:
        return False
    # A heading of the body in capitals ("I. MỤC ĐÍCH, YÊU CẦU", "PHẦN I", "CHƯƠNG II"), or a plan's
    # own section in any case ("I. Mục đích, yêu cầu", "4. Tổ chức thực hiện").
    title = text[heading[2]:]
    if heading[0] in ("muc", "phan", "chuong") and is_upper(title or text):
        return True
    return heading[0] in ("muc", "khoan") and role_of(title, 0, None) in ("purposes_requirements", "organisation")


def _is_prose(lines: list[Line]) -> bool:
    """Whether the text reads as running prose: at least two sentences."""
    return sum(1 for line in lines if _SENTENCE_RE.search(line.text)) >= 2


def refuse_prose(lines: list[Line], path: str) -> None:
    """Raise UnreadableFile when ``lines`` show no part of a document and read as prose about something."""
    if any(_is_part(line.text) for line in lines) or not _is_prose(lines):
        return
    words = " ".join(line.text for line in lines)
    foreign = len(_VIET_RE.findall(words)) < len(words) / 100  # Vietnamese shows a marked letter every few words
    raise UnreadableFile(
        f"Tệp {path} không chứa văn bản hành chính nào để đọc: không thấy phần nào của một văn bản "
        "(Quốc hiệu, Tiêu ngữ, dòng Số, dòng địa danh và ngày tháng, tên loại văn bản, căn cứ, điều, "
        "chữ ký, Nơi nhận)"
        + (", và trang không viết bằng tiếng Việt" if foreign else "")
        + "; nội dung là các đoạn văn kể về một việc — có thể là một bài tin tức hoặc bài viết. "
        "Hãy dán (hoặc mở) chính văn bản: bản sao từ trang văn bản pháp luật, hoặc tệp .docx/.pdf của văn bản."
    )
