"""What a legal-documents website wraps around a document, told apart from the document.

Copies pasted from websites and provincial portals carry the site's navigation and page title
before the document, a metadata table ("Số hiệu: … Loại văn bản: … Người ký: …"), lists of
related documents ("- 1Luật tổ chức chính quyền địa phương 2015"), "Đang tải văn bản…", view
counters and the site's footer. None of it is the document: lines before the document's first
header line and after its last part are set aside, and the noise lines a site inserts anywhere
are removed. The metadata table is kept as evidence (:class:`SiteMeta`) for a field the body
lacks — never as body text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..nd30.anatomy import QUOC_HIEU_RE, SO_RE, TIEU_NGU_RE, is_body_head
from .header import type_name
from .lines import Line, normalise

# Lines a site inserts anywhere in a copy (never wording of an administrative document).
_ANYWHERE_RE = re.compile(
    r"^(?:Đang tải văn bản|Đang tải dữ liệu|Đang tải\s*\.{2,}|Loading\.{0,3}$|Lượt xem|Số lượt xem|Lượt tải|Lượt truy cập|"
    r"Lượt đọc|Đã xem\s*:|Tải văn bản|Tải về|Tải xuống|Download|In văn bản|In trang|Chia sẻ|Gửi email|Gửi bài|"
    r"Báo lỗi|Theo dõi hiệu lực|Theo dõi văn bản|Xem thêm|Bản in|Đánh giá bài viết|Bình luận|Facebook|Zalo|"
    r"Twitter|Mục lục văn bản|Văn bản này chưa cập nhật nội dung Tiếng Anh)\b",
    re.I,
)
# The site's "Lưu văn bản" button, in its own case only: "Lưu Văn Bản" is a signer (Hải Dương 1366/KH-UBND).
_SAVE_BUTTON_RE = re.compile(r"^(?:Lưu văn bản|LƯU VĂN BẢN)\b")
# A site's list of related documents: an index glued to a title ("- 1Luật tổ chức …", "2Nghị định …").
_RELATED_RE = re.compile(
    r"^(?:[-•*]?\s*\d{1,3}|[-•*]\s*\d{1,3}\s)(?=(?:Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Công văn|Kế hoạch|"
    r"Văn bản|Pháp lệnh|Hiến pháp|Thông báo|Hướng dẫn|Báo cáo)\b)"
)
# Headings that open a site's own section after the document: what follows is the site's.
_SITE_SECTION_RE = re.compile(
    r"^(?:Văn bản liên quan|Các văn bản liên quan|Văn bản cùng lĩnh vực|Văn bản mới|Bài viết liên quan|Tin liên quan|"
    r"Văn bản được hướng dẫn|Văn bản hướng dẫn|Văn bản được hợp nhất|Văn bản bị sửa đổi|Văn bản sửa đổi|"
    r"Văn bản gốc|Văn bản tiếng Anh|Lược đồ|Hỏi đáp pháp luật|Từ khóa|Tags?\s*:|Bản quyền|Copyright|©)",
    re.I,
)
# Footer and navigation lines, recognised only outside the document.
_OUTSIDE_RE = re.compile(
    r"^(?:Trang chủ|Trang nhất|Giới thiệu|Đăng nhập|Đăng ký|Đăng xuất|Quên mật khẩu|Tìm kiếm|Tra cứu|Liên hệ|"
    r"Sơ đồ trang|Hỗ trợ|Hướng dẫn sử dụng|Điện thoại|Hotline|Fax|E-?mail|Website|Địa chỉ\s*:|Cơ quan chủ quản|"
    r"Giấy phép|Chịu trách nhiệm|Ghi rõ nguồn|Thuộc tính|Tóm tắt|Văn bản pháp luật|Cơ sở dữ liệu|"
    r"Cổng thông tin|Trang thông tin|Home\b|Menu\b|>|»|›)",
    re.I,
)
META_KEYS = {
    "số hiệu": "number", "số/ký hiệu": "number", "ký hiệu": "number", "số ký hiệu": "number",
    "loại văn bản": "doc_type", "nơi ban hành": "issuer", "cơ quan ban hành": "issuer",
    "người ký": "signer", "ngày ban hành": "date", "ngày ký": "date", "ngày hiệu lực": "effective",
    "ngày công báo": "gazette", "số công báo": "gazette_number", "tình trạng": "status",
    "tình trạng hiệu lực": "status", "lĩnh vực": "field", "trích yếu": "title", "chức vụ": "signer_title",
    "ngày hết hiệu lực": "expiry", "ngày có hiệu lực": "effective", "ngày đăng": "posted", "ngày cập nhật": "posted",
    "nguồn": "origin", "cơ quan": "issuer", "người ban hành": "signer", "thể loại": "doc_type",
    "ngày đăng công báo": "gazette",
}
# "Số hiệu: 115/KH-UBND", or the key alone in its cell ("| Số hiệu | 44/2025/QĐ-CTUBND |").
_META_RE = re.compile(r"^(?P<key>" + "|".join(re.escape(k) for k in sorted(META_KEYS, key=len, reverse=True))
                      + r")\s*(?::\s*(?P<value>.*)|$)", re.I)

_NEXT_KEY_RE = re.compile(r"(?:^|\s|\||(?<=[^\s|])(?=(?-i:[A-ZĐÀ-Ỹ])))(?P<key>" + "|".join(re.escape(k) for k in sorted(META_KEYS, key=len, reverse=True))
                          + r")\s*:\s*", re.I)


@dataclass
class SiteMeta:
    """A website's metadata of the document (evidence only) and what was set aside as site noise."""

    values: dict[str, str] = field(default_factory=dict)  # number, doc_type, issuer, signer, date…
    where: dict[str, str] = field(default_factory=dict)  # key → where it was read
    dropped: int = 0  # lines set aside as the site's


# The page's own title naming the document: "Quyết định 612/QĐ-UBND năm 2020 về phê duyệt …", "Kế hoạch số
# 10877/KH-UBND, ngày 23/9/2019 về thực hiện …", "Quyết định 29/2019/QĐ-UBND Tỉnh Hà Tĩnh ban hành".
_PAGE_TITLE_RE = re.compile(
    r"^(?P<type>Quyết định|Kế hoạch|Nghị quyết|Chỉ thị|Thông báo|Hướng dẫn|Công văn|Báo cáo|Quy chế|Quy định)\s+(?:số\s*)?"
    r"(?P<number>\d{1,6}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9&]*(?:-[A-Za-zĐđ0-9&]+)*)\b(?P<rest>.*)$"
)


# A page title opening with a type name in running case ("Thông báo thời gian nhận hồ sơ …"): a document's
# own type line is printed in capitals, on its own.
_TYPED_TITLE_RE = re.compile(r"^(?:Quyết định|Kế hoạch|Nghị quyết|Thông báo|Hướng dẫn|Báo cáo|Quy chế|Quy định)\s+[^\d\W]\S*\s+\S.{10,}$")


# What only a document (not a site's record of it) prints: Quốc hiệu, Tiêu ngữ, "Số:", căn cứ, articles.
_FRAME_RE = re.compile(QUOC_HIEU_RE.pattern + "|" + TIEU_NGU_RE.pattern + r"|^\s*Số\s*:\s*\d|^(?:Căn cứ|Thực hiện)\s|^Điều\s+\d+\s*[.:]",
                       re.I)


def page_title(text: str) -> tuple[str, str, str] | None:
    """(type, Số and ký hiệu, what the title says the document does) of a page title naming a document."""
    m = _PAGE_TITLE_RE.match(text.strip())
    if not m:
        return None
    rest = re.sub(r"^\s*(?:,?\s*(?:(?:năm\s+)?\d{4}\b|ngày\s+[\d/]+))+", "", m.group("rest"))
    rest = re.sub(r"^[\s,:-]*(?:về việc|v/v|về)?\s*", "", rest, flags=re.I).strip()
    return m.group("type"), m.group("number"), rest


def _page_title(lines: list[Line], meta: SiteMeta) -> None:
    """A page title naming the document, kept as evidence (its number; what it says the document does)."""
    for line in lines:
        found = page_title(line.text)
        if not found and _TYPED_TITLE_RE.match(line.text):
            meta.values.setdefault("page_title", line.text)
            meta.where.setdefault("page_title", line.where())
        if found:
            meta.values.setdefault("number", found[1])
            meta.where.setdefault("number", line.where())
            meta.values.setdefault("doc_type", found[0])
            if found[2]:
                meta.values.setdefault("page_title", found[2])
                meta.where.setdefault("page_title", line.where())
            return


def is_site_noise(text: str) -> bool:
    """A line a website inserts inside a copied document (loading notes, counters, related lists)."""
    t = text.strip()
    return bool(_ANYWHERE_RE.match(t) or _SAVE_BUTTON_RE.match(t) or _RELATED_RE.match(t))


def _meta(lines: list[Line], meta: SiteMeta) -> set[int]:
    """Metadata "key: value" pairs (the value may be the next cell or line); the indexes used."""
    used: set[int] = set()
    for i, line in enumerate(lines):
        m = _META_RE.match(line.text.strip(" |"))
        if not m:
            continue
        key = META_KEYS[m.group("key").lower()]
        value = (m.group("value") or "").strip(" |")
        used.add(i)
        # The value on the next line; a site may print the label's explanation first ("Ngày ban hành là ngày…").
        for j in range(i + 1, min(i + 4, len(lines))):
            if value or _META_RE.match(lines[j].text):
                break
            text = lines[j].text.strip(" |")
            if re.match(r"^\S+(?:\s\S+){0,4}\s+là\s", text):
                used.add(j)  # the site's explanation of the label ("Ngày ban hành là ngày, tháng, năm …")
            elif len(text) < 60 or j == i + 1 and len(text) < 120:
                value = text
                used.add(j)
        # "Số hiệu: 878/QĐ-UBND Loại văn bản: Quyết định": two pairs on one line of the site's table.
        pairs = [(key, value)]
        while (nxt := _NEXT_KEY_RE.search(pairs[-1][1])) is not None:
            last_key, last_value = pairs.pop()
            pairs += [(last_key, last_value[:nxt.start()].strip(" |")),
                      (META_KEYS[nxt.group("key").lower()], last_value[nxt.end():].strip(" |"))]
        for key, value in pairs:
            if value and key not in meta.values and value.lower() not in ("đang cập nhật", "đang cập nhập", "không có", "..."):
                meta.values[key] = normalise(value)
                meta.where[key] = line.where()
    return used


def _start(lines: list[Line]) -> int:
    """The index of the document's first line: its issuing body above the Quốc hiệu, else its first header line."""
    limit = min(len(lines), 400)
    found = None
    for i in range(limit):
        if QUOC_HIEU_RE.search(lines[i].text):
            found = i
            break
    if found is None:
        for i in range(limit):
            text = lines[i].text.strip(" |")
            # A type name is printed in capitals ("Kế hoạch" in a metadata table is the site's).
            if (text.isupper() and (is_body_head(text) or type_name(text)) and len(text) < 90) or SO_RE.match(text) \
                    or TIEU_NGU_RE.search(text):
                found = i
                break
    if found is not None:
        i = found
        start = i
        # The issuing body's lines just above (one cell per line in web copies), or the whole header table.
        table = lines[i].cell[0] if lines[i].cell else None
        while start > 0 and (i - start < 8 or table is not None):
            prev_line = lines[start - 1]
            prev = prev_line.text.strip(" |")
            row = [x.text for x in lines[max(0, start - 8):start] if prev_line.cell and x.cell
                   and x.cell[:2] == prev_line.cell[:2]] or [prev]
            if any(_META_RE.match(t.strip(" |")) or is_site_noise(t) for t in row):
                break  # the site's metadata table, not the document's header
            if table is not None and prev_line.cell and prev_line.cell[0] == table:
                start -= 1
            elif (prev.isupper() and len(prev) < 90) or not prev or set(prev) <= set("-_–—=|. "):
                start -= 1
            else:
                break
        return start
    return 0


def _end(lines: list[Line], start: int) -> int:
    """The index after the document's last line: a site section ("Văn bản liên quan") ends it."""
    for i in range(start + 1, len(lines)):
        text = lines[i].text.strip()
        if _SITE_SECTION_RE.match(text) and len(text) < 80:
            return i
    return len(lines)


def strip_site(lines: list[Line]) -> tuple[list[Line], SiteMeta]:
    """The document's own lines, and the site's metadata kept as evidence."""
    meta = SiteMeta()
    if not lines:
        return lines, meta
    start = _start(lines)
    # A copy without the document's header opens with the page's title ("Kế hoạch số 10877/KH-UBND, ngày …
    # về …"): a document's first line is never its own number and trích yếu run together.
    while start < min(len(lines), 3) and lines[start].cell is None and (
            page_title(lines[start].text) or _TYPED_TITLE_RE.match(lines[start].text) or _META_RE.match(lines[start].text)):
        start += 1
    end = _end(lines, start)
    before, body, after = lines[:start], lines[start:end], lines[end:]
    used = _meta(before, meta)
    used_after = _meta(after, meta)
    _page_title(before, meta)
    inside: set[int] = set()
    if not any(_FRAME_RE.search(line.text) for line in body):
        # No part of a document's frame: the page holds the site's record of it, its metadata among the lines.
        inside = _meta(body, meta)
        meta.dropped += len(inside)
    kept: list[Line] = []
    for k, line in enumerate(body):
        if k in inside:
            continue
        if is_site_noise(line.text):
            meta.dropped += 1
            continue
        kept.append(line)
    # Footer lines right after the document's end (before a site section, or at the end of the copy).
    while kept and _OUTSIDE_RE.match(kept[-1].text.strip()) and len(kept[-1].text) < 120:
        kept.pop()
        meta.dropped += 1
    meta.dropped += len(before) + len(after) - len(used) - len(used_after)
    return kept, meta
