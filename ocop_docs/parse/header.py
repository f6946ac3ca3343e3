"""The parts of a document around its content: header, type and trích yếu, signer, recipients.

Each function reads lines the zone finder (``structure.py``) gave it and returns plain data for
the model (``Issuer``, ``Signer``…) plus notes on what was uncertain. Formats come from ND30
(``nd30/formats.py``, ``nd30/doctypes.py``): ND30-SO-03/04 for Số/ký hiệu, ND30-DATE-01/02 for
the place and date line, ND30-SIGN-01/02 for the signer, ND30-RECIP-03 for Nơi nhận.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..nd30.formats import strip_end_punctuation
from ..nd30.anatomy import (
    AUTHORITY_PREFIXES,
    DATE_RE,
    DRAFT_MARK_RE,
    LUU_ITEM_RE,
    PLACE_WORD_RE,
    QUOC_HIEU_RE,
    SIGNER_TITLES,
    SO_RE,
    TIEU_NGU_RE,
    VV_RE,
    after_label,
    authority_of,
    doc_type_of,
    garbled_authority,
    is_authority_line,
    is_body_head,
    is_kem_theo,
    is_kinh_gui,
    is_noi_nhan,
    is_rule,
    is_signer_title,
)
from ..vi.dates import parse_date
from ..vi.text import fold, title_words
from .lines import Line, normalise


@dataclass
class Note:
    """Something the parser is unsure of or changed: the field, a Vietnamese message, where."""

    field: str
    message: str
    where: str = ""

    def describe(self) -> str:
        place = f" ({self.where})" if self.where else ""
        return f"{self.field}: {self.message}{place}" if self.field else f"{self.message}{place}"


# ---------------------------------------------------------------- recognisers
_REF_RE = re.compile(
    r"(?P<type>Quyết định|Nghị quyết|Kế hoạch|Nghị định|Thông tư|Công văn|Tờ trình)\s+(?:số\s*)?(?P<number>\d{1,5})\s*/\s*(?:(?P<year>\d{4})/)?(?P<symbol>[A-ZĐ][\wĐđ&-]*)"
    r"(?:\s*,?\s*ngày\s*(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>[^)]+?))?\s*\)?\s*$",
    re.I,
)
_ADMIN_UNITS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
_KEEP_UPPER = {"UBND", "HĐND", "PTNT", "NN&PTNT", "NN&MT", "MTTQ", "MTTQVN", "OCOP", "TW", "TP", "TX", "KT", "VH", "TT", "NTM", "CP", "VPĐP", "BCĐ", "KHCN"}
def type_name(text: str) -> str | None:
    """The document type a line names when it is a type line ("KẾ HOẠCH" → "Kế hoạch"), else None:
    a type of ND30 Điều 7 or a VBQPPL type (certificates and OCOP forms are no documents the parser reads)."""
    found = doc_type_of(text)
    return found[0] if found is not None and found[1] in ("nd30", "legal") else None


# ---------------------------------------------------------------- issuer names
def restore_case(upper: str) -> str:
    """A name printed in capitals written as in running text ("ỦY BAN NHÂN DÂN HUYỆN BẾN CẦU" →
    "Ủy ban nhân dân huyện Bến Cầu", "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ")."""
    text = normalise(upper)
    if not text:
        return text
    if not text.isupper():
        return text
    words = text.split()
    low = text.lower()
    for unit in sorted(_ADMIN_UNITS, key=len, reverse=True):
        m = re.search(rf"(?:^|\s)({unit})\s+(\S.*)$", low)
        if m and m.start(1) > 0:
            head = text[: m.start(1)].strip()
            place = title_words(text[m.end(1):].strip())
            return f"{restore_case(head)} {unit} {place}".strip()
    if words[0] in _KEEP_UPPER:
        return " ".join([words[0]] + [_restore_part(" ".join(words[1:]))]) if len(words) > 1 else words[0]
    for head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"):
        if text.startswith(head):
            rest = text[len(head):].strip()
            fixed = {"ỦY BAN NHÂN DÂN": "Ủy ban nhân dân", "UỶ BAN NHÂN DÂN": "Ủy ban nhân dân",
                     "HỘI ĐỒNG NHÂN DÂN": "Hội đồng nhân dân",
                     "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM": "Ủy ban Mặt trận Tổ quốc Việt Nam"}[head]
            return f"{fixed} {_restore_part(rest)}".strip()
    # Ministries and departments name their fields, each capitalised ("Sở Văn hóa, Thể thao và Du
    # lịch"); other bodies capitalise the first word of their name only ("Hội đồng Đánh giá, phân hạng …").
    for head in ("CHI CỤC", "TỔNG CỤC", "CỤC", "SỞ", "PHÒNG", "BỘ"):
        if text.startswith(head + " "):
            return f"{head.capitalize()} {_restore_part(text[len(head) + 1:])}"
    for head in ("VĂN PHÒNG", "TRUNG TÂM", "BAN", "HỘI ĐỒNG", "VIỆN", "TRƯỜNG", "TỔ"):
        if text.startswith(head + " "):
            rest = _restore_part(text[len(head) + 1:].replace(", ", " , ").replace(" VÀ ", " và "), first=True)
            rest = " ".join(w if w in _KEEP_UPPER else (w.lower() if i else w) for i, w in enumerate(rest.split()))
            return f"{head.capitalize()} {rest.replace(' , ', ', ')}"
    return _restore_part(text, first=True)


def _restore_part(text: str, first: bool = False) -> str:
    """Field names joined by "và" and ",": each part capitalised ("KHOA HỌC VÀ CÔNG NGHỆ")."""
    if not text:
        return text
    out = []
    for chunk in re.split(r"(\s+VÀ\s+|,\s*)", text):
        if re.fullmatch(r"\s+VÀ\s+", chunk):
            out.append(" và ")
        elif re.fullmatch(r",\s*", chunk):
            out.append(", ")
        elif chunk:
            words = chunk.split()
            fixed = [w if w in _KEEP_UPPER or re.search(r"\d|&", w) else w.lower() for w in words]
            if fixed and fixed[0] not in _KEEP_UPPER:
                fixed[0] = fixed[0][:1].upper() + fixed[0][1:]
            out.append(" ".join(fixed))
    return "".join(out)


def level_of(name: str) -> str:
    """The level of a body by its name: tinh, huyen, xa, so, trung_uong or khac."""
    # "Xã hội" (Bộ Lao động - Thương binh và Xã hội, the Quốc hiệu) is no commune.
    low = re.sub(r"\bxa hoi\b", "", fold(name, lower=True))
    if re.search(r"\b(bo|chinh phu|thu tuong|quoc hoi)\b", low) and not re.search(r"\b(tinh|huyen|xa)\b", low):
        return "trung_uong"
    if low.startswith("so "):
        return "so"
    if re.search(r"\b(xa|phuong|thi tran|dac khu)\b", low) and not re.search(r"\bthi xa\b", low):
        return "xa"
    if re.search(r"\b(huyen|quan|thi xa)\b", low):
        return "huyen"
    if re.search(r"\bthanh pho\b", low):
        # A centrally-run city is a province; a city of a province is a district-level unit.
        central = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue")
        return "tinh" if any(c in low for c in central) else "huyen"
    if re.search(r"\btinh\b", low):
        return "tinh"
    return "khac"


def place_of(name: str) -> str | None:
    """The place name (ND30-DATE-01) of a local body: "Ủy ban nhân dân huyện Bến Cầu" → "Bến Cầu"."""
    m = re.search(r"\b(?:tỉnh|huyện|xã|thị xã|thành phố|quận|phường|thị trấn)\s+(.+)$", name, re.I)
    if not m:
        return None
    place = m.group(1).strip()
    if re.match(r"(?i)^(thành phố|thị xã)\s", m.group(0)) and re.search(r"hồ chí minh", place, re.I):
        return "Thành phố Hồ Chí Minh"
    return place


_BARE_HEADS = {"ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"}
_UNIT_RE = re.compile(r"^(TỈNH|HUYỆN|XÃ|THỊ XÃ|THÀNH PHỐ|QUẬN|PHƯỜNG|THỊ TRẤN)\s+\S")


def issuer_from_lines(lines: list[Line]) -> tuple[dict | None, list[str]]:
    """The issuer (and its governing body) from the header's left-column lines.

    Bold tells them apart when the source knows it (ND30-CQ-01: the governing body is not bold);
    otherwise a line that starts a new body's name ("SỞ …" under "UBND TỈNH …") ends the parent.
    Returns the issuer data and the printed lines of its name.
    """
    kept = [line for line in lines if line.text and not is_rule(line.text)]
    # Rows a copy shuffled: "TỈNH LAI CHÂU" above "ỦY BAN NHÂN DÂN" belongs after it.
    heads = [k for k, line in enumerate(kept) if normalise(line.text).upper() in _BARE_HEADS]
    if heads and heads[0] > 0 and all(_UNIT_RE.match(normalise(line.text)) for line in kept[:heads[0]]):
        kept = kept[heads[0]:heads[0] + 1] + kept[:heads[0]] + kept[heads[0] + 1:]
    texts = [normalise(line.text) for line in kept]
    if not texts:
        return None, []
    bolds = [line.bold for line in kept]
    split = 0
    if any(b is False for b in bolds) and any(b is True for b in bolds):
        # Leading non-bold lines are the governing body.
        while split < len(texts) and bolds[split] is False:
            split += 1
        if 0 < split < len(texts) and texts[split - 1].upper() in _BARE_HEADS and _UNIT_RE.match(texts[split]):
            # "ỦY BAN NHÂN DÂN" (typed regular) over "HUYỆN VẠN NINH" (bold): one name, whatever the bold.
            split -= 1
    else:
        for i in range(1, len(texts)):
            if is_body_head(texts[i]):
                split = i
    parent_lines, name_lines = texts[:split], texts[split:]
    if not name_lines:
        name_lines, parent_lines = parent_lines, []
    name = restore_case(" ".join(name_lines))
    data: dict = {"name": name}
    if parent_lines:
        data["parent"] = restore_case(" ".join(parent_lines))
    return data, name_lines


def issuer_from_text(text: str) -> str | None:
    """An issuer named in running text: "UBND huyện Bến Cầu ban hành …" → "Ủy ban nhân dân huyện Bến Cầu"."""
    m = re.search(
        r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN)\s+(tỉnh|huyện|xã|thị xã|thành phố|quận|phường|thị trấn|TỈNH|HUYỆN|XÃ|THỊ XÃ|THÀNH PHỐ)\s+"
        r"((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ'-]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ'-]*){0,4})",
        text,
    )
    if not m:
        return None
    unit = m.group(1).lower()
    place = m.group(2)
    if place.isupper():
        place = title_words(place)
    return f"Ủy ban nhân dân {unit} {place}"


# ---------------------------------------------------------------- Số, date
@dataclass
class HeaderData:
    """What the header zone holds, as read."""

    issuer: dict | None = None
    issuer_lines: list[str] = field(default_factory=list)
    number: int | None = None
    year_in_number: int | None = None
    symbol: str | None = None
    number_text: str | None = None  # the Số and ký hiệu exactly as printed ("09/KH-UBND", "25/2022/QĐ-UBND")
    so_seen: bool = False
    place: str | None = None
    date: date | None = None
    date_year: int | None = None
    date_seen: bool = False
    draft_mark: bool = False
    vv: str | None = None  # trích yếu of a công văn ("V/v …")
    notes: list[Note] = field(default_factory=list)


def read_so(text: str) -> tuple[int | None, int | None, str | None] | None:
    """(number, year, symbol) of a Số line (ND30-SO-03/04); number None in a draft."""
    m = SO_RE.search(text)
    if not m:
        return None
    return _so_fields(m)


def _so_fields(m: re.Match) -> tuple[int | None, int | None, str]:
    raw = m.group("number").strip(" .…_")
    number = int(raw) if raw.isdigit() else None
    symbol = re.sub(r"\s*-\s*", "-", m.group("symbol"))
    year = int(m.group("year")) if m.group("year") else None
    return number, year, symbol


def _date_fields(m: re.Match) -> tuple[date | None, int | None]:
    year_text = m.group("year") or ""
    year = int(year_text) if year_text.isdigit() else None
    day, month = m.group("day"), m.group("month")
    when = None
    if day and month and year:
        try:
            when = date(year, int(month), int(day))
        except ValueError:
            when = None
    return when, year


# "Số: 293/-UBND": a Số whose type abbreviation the copy lost.
_SO_LOST_TYPE_RE = re.compile(r"(?:^|[\s(])Số\s*:?\s*(?P<number>\d{1,5})\s*/\s*(?P<symbol>-\s*[A-ZĐ][A-Za-zĐđ0-9&]*(?:\s*-\s*[A-Za-zĐđ0-9&]+)*)")


def read_header(lines: list[Line]) -> HeaderData:
    """The header zone, whatever its layout: issuer (and parent), Số/ký hiệu, place and date.

    Word tables, PDF columns put side by side on one line, web copies with one row or one cell
    per line ("|" and rule lines between cells), a date wrapped over lines, "Số:" alone on its
    line: the zone's pieces are read as one text, Quốc hiệu, Tiêu ngữ, Số and date are found in
    it across line breaks, and what is left in capitals is the issuing body's name.
    """
    data = HeaderData()
    pieces: list[tuple[str, Line]] = []
    for line in lines:
        for part in re.split(r"\s*\|\s*", line.text):
            part = normalise(part)
            if part and not is_rule(part):
                pieces.append((part, line))
    blob = ""
    starts: list[int] = []
    for text, _ in pieces:
        starts.append(len(blob))
        blob += text + "\n"
    spans: list[tuple[int, int]] = []
    for pattern in (QUOC_HIEU_RE, TIEU_NGU_RE):
        spans += [(m.start(), m.end()) for m in pattern.finditer(blob)]
    for m in DRAFT_MARK_RE.finditer(blob):
        data.draft_mark = True
        spans.append((m.start(), m.end()))
    for m in SO_RE.finditer(blob):
        if m.start() and blob[m.start() - 1] not in " \n(":
            continue  # "Hồ sơ" is no Số
        if not data.so_seen:
            data.number, data.year_in_number, data.symbol = _so_fields(m)
            if re.sub(r"[\s.…_]", "", m.group("number")):  # a draft's blank ("Số:     /QĐ-UBND") prints no number
                data.number_text = normalise(re.sub(r"^Số\s*:?\s*", "", m.group(0)))
            data.so_seen = True
        spans.append((m.start(), m.end()))
    if not data.so_seen and (m := _SO_LOST_TYPE_RE.search(blob)):
        # "Số: 293/-UBND": the copy lost the type's abbreviation; the number is read, the Số kept as printed.
        data.number, data.so_seen = int(m.group("number")), True
        data.symbol = re.sub(r"\s+", "", m.group("symbol"))  # kept as printed, never rebuilt
        data.number_text = normalise(f"{m.group('number')}/{m.group('symbol')}")
        data.notes.append(Note("number", f"ký hiệu in thiếu chữ viết tắt tên loại văn bản ('{data.number_text}'); giữ như in — cần kiểm tra"))
        spans.append((m.start(), m.end()))
    for m in DATE_RE.finditer(blob):
        if data.date_seen:
            break
        place, place_start = _place_before(blob, m.start(), spans)
        if place is None:
            continue
        data.place = place
        data.date, data.date_year = _date_fields(m)
        data.date_seen = True
        if data.date is None and data.date_year is not None and m.group("day"):
            k = max(i for i, s in enumerate(starts) if s <= m.start())
            data.notes.append(Note("date", f"ngày ban hành không hợp lệ: '{normalise(m.group(0))}'", pieces[k][1].where()))
        spans.append((place_start, m.end()))
    # What is left of each piece, outside the parts found: the issuing body's name, a V/v line.
    left: list[Line] = []
    vv: list[str] = []
    for (text, line), start in zip(pieces, starts):
        rest = _outside(text, start, spans)
        for fragment in rest:
            if VV_RE.match(fragment) or (vv and not fragment.isupper()):
                vv.append(VV_RE.sub("", fragment))
                continue
            if re.search(r"\d", fragment) and "/" in fragment:
                continue  # a number and symbol ("99/KH-UBND") is never the name of a body
            if fragment.isupper() or (line.cell is not None and line.cell[2] == 1 and line.bold is not False
                                      and not fragment[:1].islower()):
                left.append(line.with_text(fragment))
    if vv:
        data.vv = normalise(" ".join(vv)).strip(" :")
    if not spans and not any(is_body_head(normalise(line.text)) for line in left):
        # No Quốc hiệu, Số or date and no body's name: what stands above the type line is the
        # page's own title and brand ("Bộ tiêu chí … | VNC"), not an issuing body.
        for line in left:
            data.notes.append(Note("", f"'{normalise(line.text)}' đứng trên tên loại văn bản nhưng không phải tên cơ quan "
                                       "(không có Quốc hiệu, số, ngày): coi là tiêu đề của trang web, không ghi vào văn bản",
                                   line.where()))
        left = []
    data.issuer, data.issuer_lines = issuer_from_lines(left)
    return data


def _outside(text: str, start: int, spans: list[tuple[int, int]]) -> list[str]:
    """The fragments of a piece (at ``start`` in the zone's text) not covered by ``spans``."""
    end = start + len(text)
    keep = [True] * len(text)
    for a, b in spans:
        for k in range(max(a, start), min(b, end)):
            keep[k - start] = False
    out, buf = [], []
    for ch, kept in zip(text, keep):
        if kept:
            buf.append(ch)
        elif buf:
            out.append("".join(buf))
            buf = []
    if buf:
        out.append("".join(buf))
    return [f for f in (normalise(x.strip(" ,;:-–—_")) for x in out) if f]


def _place_before(blob: str, at: int, spans: list[tuple[int, int]]) -> tuple[str | None, int]:
    """The place name written before ", ngày …" (ND30-DATE-02), over a line break if it wrapped.

    Only capitalised words count ("Thừa Thiên Huế", "TP. Hồ Chí Minh"), at most six, and never
    inside a part already read (the Số, the Tiêu ngữ): "KIÊN GIANG Căn cứ" cannot be a place.
    """
    floor = max([b for a, b in spans if b <= at], default=0)
    before = blob[floor:at]
    if not re.search(r",\s*$", before):
        return None, at
    before = before.rstrip()[:-1]
    words: list[str] = []
    start = at
    lines = before.split("\n")
    upper_place = None
    for k in range(len(lines) - 1, -1, -1):
        tokens = lines[k].split()
        taken = 0
        for token in reversed(tokens):
            if len(words) >= 6 or not PLACE_WORD_RE.match(token):
                break
            if upper_place is None and token != "-":
                upper_place = token.isupper() and len(token) > 1
            if token != "-" and upper_place is not None and (token.isupper() and len(token) > 1) != upper_place \
                    and token not in ("TP.",):
                break
            words.insert(0, token)
            taken += 1
        if taken < len(tokens) or not tokens:
            break  # the place began on this line
    if not words:
        return None, at
    place = " ".join(words).strip(" -")
    start = blob.rfind(words[0], floor, at)
    return place, start


# ---------------------------------------------------------------- attached documents
def read_kem_theo(text: str) -> dict | None:
    """The parent decision of an attached document: "(Ban hành kèm theo Quyết định số 794/QĐ-UBND
    ngày 24/3/2020 của UBND tỉnh Quảng Nam)" → type, number, symbol, date, issuer."""
    if not is_kem_theo(text, bracketed=False):
        return None
    inner = text.strip().strip("()")
    m = _REF_RE.search(inner)
    if not m:
        return {"text": normalise(inner)}
    out: dict = {"text": normalise(inner), "type": m.group("type").capitalize(), "number": int(m.group("number")),
                 "symbol": re.sub(r"\s*-\s*", "-", m.group("symbol")).rstrip(".,")}
    if m.group("date"):
        try:
            out["date"] = parse_date(re.sub(r"\s+", " ", m.group("date")).replace(" / ", "/").replace(" ", " "))
        except ValueError:
            pass
    if m.group("issuer"):
        out["issuer"] = normalise(m.group("issuer"))
    return out


# ---------------------------------------------------------------- signer, recipients
_NAME_RE = re.compile(r"^(?:(?:TS|ThS|PGS\.TS|GS\.TS|KS|BS|Ths)\.\s*)?[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]*){1,5}$")
_SIGNED_RE = re.compile(r"^\(?\s*(?:Đã ký|đã ký|Ký|Chữ ký.*|Ký tên.*|ký, ghi rõ.*|Ký và đóng dấu.*)\s*\)?\.?$")


def is_signature_mark(text: str) -> bool:
    """"(Đã ký)", "(Ký, ghi rõ họ tên)": where the signature stands in a copy, part of the signer block."""
    return bool(_SIGNED_RE.match(text))


_RECIPIENT_RE = re.compile(r"^[-–+•]\s*(?P<item>.+)$")


def is_name(text: str) -> bool:
    t = normalise(text)
    return bool(_NAME_RE.match(t)) and len(t) <= 60


def split_tail_line(text: str) -> list[str]:
    """A tail line holding both columns ("Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Như trên; KT. CHỦ TỊCH"),
    a whole Nơi nhận cell on one line ("Nơi nhận: - Như Điều 4; - Bộ KH&CN; - Lưu VT."), or a whole
    signature cell ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Quốc Doanh")."""
    if is_noi_nhan(text) and after_label(text).startswith(("-", "–")) and re.search(r";\s*[-–]\s", text):
        head, _, rest = text.partition(":")
        return [head + ":"] + ["- " + item.strip() for item in re.split(r"(?:^|;)\s*[-–]\s+", rest.strip()) if item.strip()]
    if is_authority_line(text):
        return _split_signature(text)
    if garbled_authority(text) is not None:
        return [text]
    m = re.search(r"(?:(?<=:)|(?<=;)|(?<=\.))\s+((?:" + "|".join(AUTHORITY_PREFIXES) + r")\s*\.\s*[A-ZĐÀ-Ỹ].*|"
                  + "|".join(SIGNER_TITLES) + r")\s*$", text)
    if m and m.start(1) > 0:
        return [normalise(text[: m.start(1)]), normalise(m.group(1))]
    return [text]


def _split_signature(text: str) -> list[str]:
    """"KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Quốc Doanh" → ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Quốc Doanh"]."""
    words = text.split()
    name_at = next((k for k in range(len(words)) if not words[k].isupper() and is_name(" ".join(words[k:]))), len(words))
    upper, name = " ".join(words[:name_at]), " ".join(words[name_at:])
    found = authority_of(upper)
    lines = [upper]
    if found and found[0] in ("KT", "TL", "TUQ"):
        prefix, rest = found
        for title in sorted(SIGNER_TITLES, key=len, reverse=True):
            if rest.startswith(title + " ") and rest[len(title):].strip() in SIGNER_TITLES:
                lines = [f"{prefix}. {title}", rest[len(title):].strip()]
                break
    return lines + ([name] if name else [])


@dataclass
class TailData:
    recipients: list[str] = field(default_factory=list)
    archive: str | None = None
    kinh_gui: list[str] = field(default_factory=list)
    signer: dict | None = None
    signer_lines: list[str] = field(default_factory=list)
    name: str | None = None
    extra: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def read_tail(lines: list[Line], issuer_name: str | None) -> TailData:
    """Nơi nhận (recipients and the Lưu line), the signer's authority lines and name."""
    tail = TailData()
    mode = None
    authority: list[tuple[str, Line]] = []
    signed_in: tuple | None = None  # the table of the signer's name, once read
    for line in lines:
        if signed_in is not None and (line.cell[0] if line.cell else None) != signed_in[0]:
            # after the name in a signature table, another table or paragraph is an annex
            # ("Bảng chi tiết kinh phí …"), never the signer's title or name
            tail.extra.append(line.text)
            continue
        for part in split_tail_line(line.text):
            text = normalise(part)
            if not text or is_rule(text) or _SIGNED_RE.match(text):
                continue
            if is_noi_nhan(text):
                mode = "recipients"
                rest = after_label(text)
                if rest:
                    tail.recipients.append(strip_end_punctuation(rest.lstrip("-– ")))
                continue
            if is_kinh_gui(text):
                mode = "kinh_gui"
                rest = after_label(text)
                if rest:
                    tail.kinh_gui.append(strip_end_punctuation(rest.lstrip("-– ")))
                continue
            in_right = line.cell is not None and line.cell[2] >= 2
            if (m := LUU_ITEM_RE.match(text)) and (mode == "recipients" or text.startswith(("-", "–"))) and not in_right:
                archive = m.group("archive").strip()
                archive = strip_end_punctuation(archive)
                tail.archive = archive or "VT"
                continue
            if is_authority_line(text) or garbled_authority(text) is not None or is_signer_title(text):
                authority.append((text, line))
                mode = "signer"
                continue
            if (m := _RECIPIENT_RE.match(text)) and not in_right:
                item = strip_end_punctuation(m.group("item"))
                if mode == "kinh_gui":
                    tail.kinh_gui.append(item)
                else:
                    tail.recipients.append(item)
                continue
            if is_name(text):
                tail.name = text
                if line.cell is not None and mode == "signer":
                    signed_in = (line.cell[0],)
                continue
            if text.isupper() and len(text) < 60 and mode == "signer" and not re.match(r"^[IVXLC]+\.\s", text):
                authority.append((text, line))
                continue
            tail.extra.append(text)
    tail.signer_lines = [t for t, _ in authority]
    tail.signer = signer_from_lines(authority, tail.name, issuer_name, tail.notes)
    return tail


def signer_from_lines(authority: list[tuple[str, Line]], name: str | None, issuer_name: str | None, notes: list[Note]) -> dict | None:
    """The Signer data from the quyền hạn/chức vụ lines (ND30-SIGN-01/02), repairing garbled ones."""
    lines = [(normalise(t).upper(), line) for t, line in authority]
    if not lines and not name:
        return None
    data: dict = {}
    rest: list[tuple[str, Line]] = []
    for text, line in lines:
        head = garbled_authority(text)
        if head is not None:
            # "Ư. CHỦ TỊCH": the extractor lost "TM. ỦY BAN NHÂN DÂN" and the "KT." prefix.
            notes.append(Note("signer", f"dòng ký '{text}' bị lỗi trích xuất; đọc là 'KT. {head}'", line.where()))
            text = f"KT. {head}"
            if "on_behalf_of" not in data and issuer_name and fold(issuer_name, lower=True).startswith("uy ban nhan dan"):
                data["on_behalf_of"] = "ỦY BAN NHÂN DÂN"
                notes.append(Note("signer", "thêm dòng 'TM. ỦY BAN NHÂN DÂN' bị mất khi trích xuất (ND30-SIGN-02)", line.where()))
        found = authority_of(text)
        if found and found[1] and found[0] == "TM":
            data["on_behalf_of"] = normalise(found[1])
            continue
        rest.append((text, line))
    if rest:
        first, line = rest[0]
        found = authority_of(first)
        if found and found[1] and found[0] in ("KT", "TL", "TUQ"):
            data["authority"] = found[0]
            data["head_title"] = normalise(found[1])
            if len(rest) > 1:
                data["title"] = normalise(rest[1][0])
            else:
                # Never a default title: the line under "KT. CHỦ TỊCH" stays empty until someone writes it.
                notes.append(Note("signer.title", f"thiếu dòng chức vụ người ký dưới '{first}'; để trống — cần bổ sung", line.where()))
        elif found and found[1] and found[0] == "Q":
            data["authority"] = "Q"
            data["title"] = normalise(found[1])
        else:
            data["title"] = normalise(first)
        extra = rest[2:] if data.get("authority") in ("KT", "TL", "TUQ") else rest[1:]
        for text, line in extra:
            notes.append(Note("signer", f"dòng '{text}' ở khối chữ ký không đặt được vào mô hình", line.where()))
    if "title" not in data and not data.get("head_title"):
        # A name without its title: the title stays empty; never a default.
        notes.append(Note("signer.title", "không đọc được quyền hạn, chức vụ người ký; để trống — cần bổ sung",
                          lines[-1][1].where() if lines else ""))
        if not name:
            return None
    data["name"] = name or ""
    if not name:
        notes.append(Note("signer.name", "không đọc được họ tên người ký"))
    return data
