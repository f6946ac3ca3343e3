"""Figures in a plan's prose that a person must set again for the new year.

A plan carries its money and its targets not only in budget and target blocks but in sentences:
"bố trí 85.000.000 đồng từ ngân sách huyện", "Phấn đấu có ít nhất 05 sản phẩm đạt 3 sao",
"Nâng hạng 01 sản phẩm … lên 4 sao", "tỷ lệ 30% số xã". A roll-forward that moved the years and
left these numbers in silence would present last year's figures as this year's decisions.
:func:`figures_in` finds them (outside citations of other documents) so each becomes a decision.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import citation_spans

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# Thousands grouped by spaces, as Word and Excel write them for some locales ("12 500 000 đồng").
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?"
_MONEY_RE = re.compile(rf"(?<![\d.,])(?:{_SPACED}|{_NUMBER})\s*(?:tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|VNĐ|VND|đ)(?![\wđ])", re.I)
# Counted things an OCOP plan sets targets for, and star ratings.
_UNITS = (r"sản phẩm|chủ thể|hợp tác xã|HTX|doanh nghiệp|cơ sở|điểm bán|làng nghề|xã|lớp|lượt|hội chợ|"
          r"cán bộ|học viên|người|mô hình|chuỗi|vùng nguyên liệu|tổ hợp tác|hộ")
_COUNT_RE = re.compile(rf"(?<![\d./,])(?:{_NUMBER})\s+(?:{_UNITS})\b", re.I)
# The lower end of a range of counts ("từ 05 đến 07 sản phẩm", "3-5 sản phẩm"): a figure of its own.
_RANGE_LOW_RE = re.compile(rf"(?<![\d./,])(?:{_NUMBER})(?=\s*(?:-|–|đến)\s*(?:{_NUMBER})\s+(?:{_UNITS})\b)", re.I)
# An amount written without its currency ("Kinh phí: 120 triệu") in a sentence about money.
_BARE_MONEY_RE = re.compile(rf"(?<![\d.,])(?:{_NUMBER})\s*(?:tỷ|tỉ|triệu)(?![\wđ])(?!\s*(?:đồng|VNĐ|VND|đ)(?![\wđ]))", re.I)
_MONEY_CUE = re.compile(r"\b(?:kinh phí|ngân sách|nguồn vốn|vốn|dự toán|hỗ trợ|chi phí|tổng mức)\b", re.I)
_STARS_RE = re.compile(r"(?<![\d–-])(?<![–-]\s)\b0?[1-5]\s*sao\b", re.I)  # not the end of a range "1 - 2 sao"
# A star rating is a target when the sentence counts products or raises a rating ("05 sản phẩm đạt
# 3 sao", "nâng hạng … lên 4 sao"); alone it restates a rule ("đạt từ 50 đến 70 điểm (3 sao)").
_RAISE_RE = re.compile(r"\b(?:nâng hạng|nâng sao|nâng cấp)\b|\blên\s+0?[1-5]\s*sao\b", re.I)
_PERCENT_RE = re.compile(rf"(?<![\d.,])(?:{_NUMBER})\s*%")
# A count or a percentage is a target only in a sentence that sets one.
_TARGET_CUE = re.compile(
    r"\b(?:phấn đấu|chỉ tiêu|mục tiêu|ít nhất|tối thiểu|tối đa|nâng hạng|nâng cấp|nâng sao|đạt|"
    r"công nhận|thêm|mới|tăng|hỗ trợ|tổ chức|xây dựng|phát triển|hoàn thành|có|phân hạng|đánh giá|trở lên|"
    r"duy trì|củng cố|truy xuất|tham gia|đăng ký|khoảng|được|tập huấn|đào tạo)\b", re.I)


@dataclass(frozen=True)
class Figure:
    """One figure found in a text: money or a target, its words, and the sentence around it."""

    kind: str  # "money" | "target"
    words: str
    sentence: str
    start: int = -1  # where ``words`` begin in the text given to figures_in
    measure: str = ""  # "money", "count" (05 sản phẩm), "stars" (4 sao), "percent" (30%)


def _sentences(text: str):
    start = 0
    for m in re.finditer(r"[.;:](?=\s|$)", text):
        yield start, text[start:m.end()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def figures_in(text: str, *, cell: bool = False, money_column: bool = False) -> list[Figure]:
    """Money amounts and targets in ``text``, in order, none inside a citation.

    ``cell``: a table cell ("05 sản phẩm" under «Chỉ tiêu»), where the table sets the target, so no
    word of the cell need say so; ``money_column``: its column is money, so "50 triệu" is an amount."""
    spans = citation_spans(text)
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x <= a < y for x, y in spans) and not any(a < y and x < b for x, y in taken)

    money_words = money_column or bool(_MONEY_CUE.search(text))
    for offset, sentence in _sentences(text):
        found: list[tuple[int, int, str, str]] = []
        for m in _MONEY_RE.finditer(sentence):
            found.append((m.start(), m.end(), "money", "money"))
        if money_words:  # "Kinh phí: 120 triệu" — the cue may sit before the colon
            found.extend((m.start(), m.end(), "money", "money") for m in _BARE_MONEY_RE.finditer(sentence))
        if cell or _TARGET_CUE.search(sentence):
            counts = list(_COUNT_RE.finditer(sentence))
            stars = list(_STARS_RE.finditer(sentence)) if counts or _RAISE_RE.search(sentence) else []
            counts += list(_RANGE_LOW_RE.finditer(sentence))
            for measure, matches in (("count", counts), ("stars", stars), ("percent", _PERCENT_RE.finditer(sentence))):
                found.extend((m.start(), m.end(), "target", measure) for m in matches)
        for a, b, kind, measure in sorted(found):
            if not free(offset + a, offset + b):
                continue
            taken.append((offset + a, offset + b))
            out.append(Figure(kind, sentence[a:b], " ".join(sentence.split()), offset + a, measure))
    return out
