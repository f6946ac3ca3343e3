"""The parts of an ND30 document recognised in text: one vocabulary for the checker and the parser.

Phụ lục I of ND30 lays a document out in boxes: Quốc hiệu and Tiêu ngữ (ô 1), the issuing body
(ô 2), Số and ký hiệu (ô 3, ND30-SO-03/04), place and date (ô 4, ND30-DATE-01/02), tên loại and
trích yếu (ô 5), the căn cứ and the content (ô 6), the signer's authority and title (ô 7,
ND30-SIGN-01), Nơi nhận and "Lưu" (ô 9, ND30-RECIP-03). The checker (``check/structure.py``, over
the paragraphs of a .docx) and the parser (``parse/``, over the lines of any source) both find
these parts with the functions here, so a spelling one of them learns the other knows too.

Two kinds of recognisers:

* predicates on one line (``is_noi_nhan``, ``basis_verb``, ``authority_of`` …) and ``classify``,
  which names the part a line is. They compare folded keys (``key``), so they tolerate what copies
  do to the printed text: capitals or lower case, missing diacritics, "Hoà"/"Hòa", extra spaces;
* regular expressions that find a part inside running text (``SO_RE``, ``DATE_RE``,
  ``QUOC_HIEU_RE`` …), for readers that cut a line or a web page's header cell into its parts.
  They tolerate line breaks and extra spaces anywhere (``\\s`` matches a newline), title or lower
  case, dashes of any kind, a missing colon after "Số".
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal, get_args

from ..vi.text import fold
from .doctypes import CERTIFICATE_TITLES, DOC_TYPES, LEGAL_TYPES, OCOP_FORM_TITLES


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Folded, upper-case, single-spaced text for matching ("Quyết định:" → "QUYET DINH:")."""
    return fold(" ".join(text.split())).upper()


def is_upper(text: str) -> bool:
    """Whether the letters of ``text`` are all capitals (and there is at least one letter)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


# ----------------------------------------------------------------------------- ô 1
QUOC_HIEU_RE = re.compile(
    r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.I
)
TIEU_NGU_RE = re.compile(r"Độc\s+lập\s*[-–—]+\s*Tự\s+do\s*[-–—]+\s*Hạnh\s+phúc", re.I)
# The first words of each, as a copy that splits them over two lines prints them.
_QUOC_HIEU_OPENING = "CONG HOA XA HOI"
_TIEU_NGU_WORDS = ("DOC LAP", "HANH PHUC")


def is_quoc_hieu(text: str, whole: bool = True, at_start: bool = False) -> bool:
    """A line holding the Quốc hiệu; with ``whole=False`` its first words are enough, as when a
    copy splits it ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM") or a layout types both columns of
    the header on one line; ``at_start`` asks for them at the start of the line (a sentence or a
    cell that quotes the Quốc hiệu is no header)."""
    if whole:
        return bool(QUOC_HIEU_RE.search(text))
    k = key(text)
    return k.startswith(_QUOC_HIEU_OPENING) if at_start else _QUOC_HIEU_OPENING in k


def is_tieu_ngu(text: str, whole: bool = True) -> bool:
    """A line holding the Tiêu ngữ; with ``whole=False`` "Độc lập" or "Hạnh phúc" is enough (a line
    already known to sit under the Quốc hiệu, perhaps split)."""
    if whole:
        return bool(TIEU_NGU_RE.search(text))
    k = key(text)
    return any(w in k for w in _TIEU_NGU_WORDS)


# ----------------------------------------------------------------------------- ô 2
# Words that open the name of a body (the issuing body, its governing body, a thẩm quyền line).
BODY_HEADS = (
    "ỦY BAN", "UỶ BAN", "UBND", "HỘI ĐỒNG", "SỞ", "PHÒNG", "BAN", "VĂN PHÒNG", "TRUNG TÂM", "CHI CỤC", "CỤC",
    "BỘ", "TỔNG CỤC", "ĐÀI", "TRƯỜNG", "BỆNH VIỆN", "CÔNG AN", "TỔ", "VIỆN", "BÁO", "LIÊN MINH", "HỘI",
    "CHÍNH PHỦ", "THỦ TƯỚNG", "ĐOÀN", "QUỸ", "NGÂN HÀNG", "KHO BẠC",
)
# The abbreviations ND30 allows only in the governing-body line (ND30-CQ-01: "UBND TỈNH X" above a
# Sở); the issuing body's own name is written in full.
BODY_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}
_ABBREVIATED_RE = re.compile(r"^(?P<abbr>UBND|HĐND)\b", re.I)


def abbreviated_body(text: str) -> str | None:
    """The abbreviation a body's name opens with ("UBND tỉnh Thừa Thiên Huế" → "UBND"), if any."""
    m = _ABBREVIATED_RE.match(" ".join(text.split()))
    return m.group("abbr").upper() if m else None


def full_body_name(name: str) -> str:
    """A body's name with its opening abbreviation written out: "UBND tỉnh X" → "Ủy ban nhân dân tỉnh X"."""
    abbr = abbreviated_body(name)
    if abbr is None:
        return name
    text = " ".join(name.split())
    return BODY_ABBREVIATIONS[abbr] + text[len(abbr):]


# Capitalised phrases that open like a body's name and are none: a verb, a common noun.
_NOT_BODY_RE = re.compile(r"^(BAN HÀNH|HỘI NGHỊ|TỔ CHỨC THỰC HIỆN|BỘ TIÊU CHÍ)\b")


def is_body_head(text: str) -> bool:
    """A line opening with the name of a body ("ỦY BAN NHÂN DÂN …", "SỞ NÔNG NGHIỆP …")."""
    up = text.upper()
    if _NOT_BODY_RE.match(up):
        return False
    # A one-word head alone ("BAN", "SỞ") names no body: a copy wrapped "BAN" / "HÀNH QUY ĐỊNH …".
    return any((up == h and " " in h) or up.startswith(h + " ") for h in BODY_HEADS)


# ----------------------------------------------------------------------------- ô 3
# "Số: 35/KH-UBND", "Số 2891/QĐ-UBND", "Số: /KH-UBND" (draft), "Số: 05/2020/QĐ-UBND" (normative act).
SO_RE = re.compile(
    r"Số\s*:?\s*(?P<number>\d{1,5}|[.…_\s]*)\s*/\s*(?:(?P<year>\d{4})\s*/\s*)?"
    r"(?P<symbol>[A-ZĐa-zđ][A-Za-zĐđ0-9&]*(?:\s*-\s*[A-Za-zĐđ0-9&]+)*)"
)
# A line that opens as the Số line, its number perhaps blank: "Số:", "Số 12/…", "Số …/KH-UBND".
_SO_LINE_RE = re.compile(r"^SO\s*(:|[0-9/…]|\.\.)")
# The trích yếu of a công văn (ô 5b), under the Số.
VV_RE = re.compile(r"^V/v\b\s*:?\s*", re.I)


def is_so_line(text: str) -> bool:
    """A line that is the Số line (ô 3), "Số:" alone included."""
    return bool(_SO_LINE_RE.match(key(text)))


def is_vv(text: str) -> bool:
    """The "V/v …" trích yếu of a công văn."""
    return bool(VV_RE.match(text.strip()))


# ----------------------------------------------------------------------------- ô 4
# The date of ô 4 without its place: "ngày 15 tháng 12 năm 2020", blanks allowed in a draft.
DATE_RE = re.compile(
    r"ngày\s*(?P<day>\d{1,2})?\s*(?:[.…_]\s*)*\s*tháng\s*(?P<month>\d{1,2})?\s*(?:[.…_]\s*)*\s*năm\s*(?P<year>\d{4}|20[.…_]*)?",
    re.I,
)
# One word of a place name in ô 4: a capitalised word ("Thừa", "Thiên", "Huế", "Rịa-Vũng"), or "TP.".
PLACE_WORD_RE = re.compile(r"^(?:TP\.|Tp\.|[A-ZĐÀ-Ỹ][\wÀ-ỹ'’]*(?:-[A-ZĐÀ-Ỹ][\wÀ-ỹ'’]*)*|-)$")
_DATE_WORDS_RE = re.compile(r"\bNGAY\b.*\bTHANG\b.*\bNAM\b")


def has_date(text: str) -> bool:
    """A line carrying a date written out ("…, ngày 05 tháng 3 năm 2024", blanks allowed)."""
    return bool(_DATE_WORDS_RE.search(key(text)))


# ----------------------------------------------------------------------------- ô 5
# tên loại: the types of ND30 Điều 7, the VBQPPL types (Điều 4.2.a), and, matched as the start of
# a title line in capitals, certificates (ND30-ABBR-03) and the OCOP programme's forms.
_TYPE_BY_KEY: dict[str, tuple[str, str]] = {key(t.name): (t.name, "nd30") for t in DOC_TYPES}
_TYPE_BY_KEY.update({key(name): (name, "legal") for name in LEGAL_TYPES})
_TYPE_PREFIXES: tuple[tuple[str, str, str], ...] = tuple(
    [(key(t), t, "certificate") for t in CERTIFICATE_TITLES] + [(key(t), t, "form") for t in OCOP_FORM_TITLES]
)
# A draft's mark beside the type name or in the header: "(DỰ THẢO)", "Dự thảo lần 2".
DRAFT_MARK_RE = re.compile(r"\(?\s*DỰ\s+THẢO\b[^)\n]*\)?", re.I)


def doc_type_of(text: str) -> tuple[str, str] | None:
    """(type name, group) when ``text`` is a tên loại line, else None.

    The group says where the name comes from: "nd30" (Điều 7), "legal" (a VBQPPL type),
    "certificate", "form". A draft's mark ("(DỰ THẢO)") or a dot after the name is allowed.
    """
    k = key(DRAFT_MARK_RE.sub("", text)).rstrip(" .")
    if not k:
        return None
    if k in _TYPE_BY_KEY:
        return _TYPE_BY_KEY[k]
    if is_upper(text):
        for prefix, name, group in _TYPE_PREFIXES:
            if k.startswith(prefix):
                return name, group
    return None


# "(Ban hành kèm theo Quyết định số …)": the line under the title of a document issued with another.
_KEM_THEO_RE = re.compile(r"^(?P<bracket>\(?)\s*(BAN HANH\s+)?KEM THEO\b")


def is_kem_theo(text: str, bracketed: bool = True) -> bool:
    """The "(Kèm theo …)" / "(Ban hành kèm theo …)" line of an attached document or appendix.

    ``bracketed=False`` accepts the line without its opening bracket, as web copies lose it; in a
    Word file a sentence of the content may open with "Kèm theo"."""
    m = _KEM_THEO_RE.match(key(text))
    return bool(m) and (bool(m.group("bracket")) or not bracketed)


# ----------------------------------------------------------------------------- ô 6
# How a căn cứ line opens (ND30-BODY-01), as printed: the legal bases, what the document carries
# out, the proposal of the drafting body.
BasisVerb = Literal["Căn cứ", "Thực hiện", "Theo đề nghị của", "Xét đề nghị của"]  # the model's type of a verb
BASIS_VERBS: tuple[str, ...] = get_args(BasisVerb)
PROPOSAL_VERBS = ("Theo đề nghị", "Xét đề nghị")
# Their folded openings; "Xét" alone also opens a basis ("Xét Tờ trình số …").
_BASIS_OPENINGS = tuple(key(v).removesuffix(" CUA") for v in BASIS_VERBS) + ("XET ",)
_PROPOSAL_OPENINGS = tuple(key(v) for v in PROPOSAL_VERBS)
# The enacting word of a decision, a resolution, a directive ("QUYẾT ĐỊNH:"), alone on its line.
ENACTING_WORDS = ("QUYẾT ĐỊNH", "QUYẾT NGHỊ", "CHỈ THỊ")
_ENACTING_KEYS = tuple(key(w) for w in ENACTING_WORDS)


def is_basis(text: str) -> bool:
    """A line that opens like a căn cứ: "Căn cứ …", "Thực hiện …", "Theo/Xét đề nghị …", "Xét …"."""
    return key(text).startswith(_BASIS_OPENINGS)


def is_proposal(text: str) -> bool:
    """A căn cứ line that is the proposal of the drafting body ("Theo đề nghị của …")."""
    return key(text).startswith(_PROPOSAL_OPENINGS)


def is_enacting(text: str) -> bool:
    """The enacting word on its own line: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" (the colon may be missing)."""
    return key(text).rstrip(" :") in _ENACTING_KEYS


# The numbered lines of a body: "Phần I", "Chương II", "Mục 1", "Điều 1.", mục "I.", khoản "1.", điểm "a)".
HEADING_RE = re.compile(
    r"^(?:(?P<phan>Phần|PHẦN)\s+(?P<phan_n>[IVXLC]+|\d+)\s*(?:$|[.:\-–]\s*)"
    r"|(?P<chuong>Chương|CHƯƠNG)\s+(?P<chuong_n>[IVXLC]+|\d+)\s*(?:$|[.:\-–]\s*)"
    r"|(?P<muc_label>Mục|Tiểu mục)\s+(?P<muc_label_n>\d+|[IVXLC]+)\s*$"
    r"|(?P<dieu>Điều|ĐIỀU)\s+(?P<dieu_n>\d+)(?P<dieu_dot>\.?)"
    r"|(?P<muc>[IVXLC]+)\.\s+"
    r"|(?P<khoan>\d+)\.\s+"
    r"|(?P<diem>[a-zđ])\)\s+)"
)
HEADING_KINDS = ("phan", "chuong", "muc_label", "dieu", "muc", "khoan", "diem")


def heading_of(text: str) -> tuple[str, str, int] | None:
    """(kind, number, length of the label) of a numbered line of the body, else None.

    Kinds: phan, chuong, muc_label ("Mục 1"), dieu, muc (Roman "I."), khoan ("1."), diem ("a)").
    """
    m = HEADING_RE.match(text)
    if not m:
        return None
    for kind in HEADING_KINDS:
        if m.group(kind):
            if kind in ("phan", "chuong") and any(c.islower() for c in text[m.end():]):
                return None  # "Phần 2 năm …" opens a sentence; a part's or chapter's title is in capitals
            number = m.group(f"{kind}_n") if kind in ("phan", "chuong", "muc_label", "dieu") else m.group(kind)
            return kind, number, m.end()
    return None  # pragma: no cover - every alternative names a kind


# "Phụ lục", "PHỤ LỤC II", "Phụ lục số 3", "Phụ lục 2a": the label line of an appendix.
_APPENDIX_RE = re.compile(r"^PHU LUC(\s+SO)?(\s+[IVXLC]+|\s+\d+[A-Z]?|\s+[A-Z])?\s*\.?\s*$")


def is_appendix_label(text: str) -> bool:
    return bool(_APPENDIX_RE.match(key(text)))


# ----------------------------------------------------------------------------- ô 7
# The signer's authority prefixes (ô 7a, ND30-SIGN-01) and the spellings seen in practice.
AUTHORITY_PREFIXES = ("TM", "KT", "Q", "TL", "TUQ")
SIGNER_PREFIX_RE = re.compile(rf"^({'|'.join(AUTHORITY_PREFIXES)})\.\s*")
SIGNER_PREFIX_LOOSE_RE = re.compile(r"^(T/M|K/T|T\.M|K\.T|T/L|T\.L|Q/|TM|KT|TL|TUQ|Q)\b(\.?)(\s*)", re.IGNORECASE)
# Spellings of the prefixes (lower-cased) → the prefix they stand for.
SIGNER_PREFIX_VARIANTS: dict[str, str] = {
    "t/m": "TM.", "t.m": "TM.", "tm": "TM.", "k/t": "KT.", "k.t": "KT.", "kt": "KT.", "t/l": "TL.", "t.l": "TL.",
    "tl": "TL.", "tuq": "TUQ.", "q": "Q.", "q/": "Q.",
}
_AUTHORITY_RE = re.compile(rf"^(?P<prefix>{'|'.join(AUTHORITY_PREFIXES)})\s*\.\s*(?P<rest>.+)$")
# The titles a signer holds (ô 7a's second line, or the only one).
SIGNER_TITLES = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG",
    "CHI CỤC TRƯỞNG", "CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "TỔ TRƯỞNG", "THƯ KÝ", "HIỆU TRƯỞNG", "VIỆN TRƯỞNG",
)
# The heads of a body, for whom a deputy signs "KT." (what is left when an extractor garbles the prefix).
HEAD_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "BỘ TRƯỞNG", "THỦ TƯỚNG", "TRƯỞNG PHÒNG",
               "CỤC TRƯỞNG", "CHI CỤC TRƯỞNG")
# A title followed by the body it heads ("CHỦ TỊCH ỦY BAN NHÂN DÂN …") is a thẩm quyền line too.
_TITLES_WITH_BODY = ("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TRƯỞNG BAN")
_AUTHORITY_OPENINGS = tuple(t + " " for t in ("CHỦ TỊCH", "BỘ TRƯỞNG", "GIÁM ĐỐC", "THỦ TƯỚNG", "TRƯỞNG BAN", "CỤC TRƯỞNG"))


def authority_of(text: str) -> tuple[str, str] | None:
    """(prefix, rest) of a signer's authority line (ô 7a): "KT. CHỦ TỊCH" → ("KT", "CHỦ TỊCH").

    The printed prefixes of ND30 Điều 13 with a dot; in a line in capitals also their spellings
    seen in practice ("T/M", "K.T", "KT" without its dot), mapped to the prefix they stand for.
    """
    text = text.strip()
    m = _AUTHORITY_RE.match(text)
    if m:
        return m.group("prefix"), m.group("rest").strip()
    m = SIGNER_PREFIX_RE.match(text)
    if m:
        return m.group(1), ""
    m = SIGNER_PREFIX_LOOSE_RE.match(text)
    if m and is_upper(text):
        return SIGNER_PREFIX_VARIANTS[m.group(1).lower()].rstrip("."), text[m.end():].strip()
    return None


def is_authority_line(text: str) -> bool:
    """A line opening with an authority prefix: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M UBND"."""
    return authority_of(text) is not None


def is_signer_title(text: str) -> bool:
    """A line that is a signer's title ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC SỞ …")."""
    t = " ".join(text.split()).upper().rstrip(".")
    return t in SIGNER_TITLES or any(t.startswith(x + " ") for x in _TITLES_WITH_BODY)


def is_issuing_authority(text: str) -> bool:
    """A thẩm quyền ban hành line: a body ("ỦY BAN NHÂN DÂN TỈNH …") or its head ("CHỦ TỊCH ỦY
    BAN NHÂN DÂN …", "BỘ TRƯỞNG …"), in any case. Compared with its diacritics: folded, "Bổ sung"
    and "Đại hội" would read as "Bộ …" and "Đài …"."""
    text = " ".join(text.split())
    return len(text) < 160 and (is_body_head(text) or text.upper().startswith(_AUTHORITY_OPENINGS))


# "… Chủ tịch UBND tỉnh ban hành Kế hoạch …", "Chủ tịch Ủy ban nhân dân xã … ban hành …": the head
# issues the document by individual authority, so it is signed without "TM." (ND30-SIGN-02). A
# căn cứ citing another act ("Quyết định số … của Chủ tịch UBND tỉnh ban hành Quy chế …") is not it.
_HEAD_ISSUES_RE = re.compile(r"(?<!CUA )(?<!DO )\bCHU TICH (?:UBND|UY BAN NHAN DAN)\b[^.;:]{0,80}?\bBAN HANH\b")


def issued_by_head(text: str) -> bool:
    """Whether running text says the Chủ tịch of the UBND (not the UBND) issues the document."""
    return _HEAD_ISSUES_RE.search(key(text)) is not None


_GARBLED_AUTHORITY_RE = re.compile(r"^(?P<prefix>[^\W\d_]{1,2})\s*\.\s*(?P<rest>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s]+)$")


def garbled_authority(text: str) -> str | None:
    """The head title of a signer line whose "TM."/"KT." prefix was garbled ("Ư. CHỦ TỊCH" → "CHỦ TỊCH").

    Extractors merge the lost "TM. ỦY BAN NHÂN DÂN" line into the "KT." prefix; what is left is a
    one- or two-letter prefix that is no authority. Returns None for a sound line.
    """
    m = _GARBLED_AUTHORITY_RE.match(text.strip())
    if not m:
        return None
    prefix = m.group("prefix").upper()
    rest = " ".join(m.group("rest").split())
    if prefix in AUTHORITY_PREFIXES or re.fullmatch(r"[IVXLC]+", prefix):
        return None
    if rest not in HEAD_TITLES:
        return None
    return rest


# ----------------------------------------------------------------------------- ô 9
_NOI_NHAN_RE = re.compile(r"^NOI NHAN\b")
_LABEL_RE = re.compile(r"^\s*\S+\s+[^\s:]+\s*:?\s*")
_KINH_GUI_RE = re.compile(r"^KINH GUI\b")
# "- Lưu: VT, KT.", "Lưu VT" : the last item of Nơi nhận (ND30-RECIP-03); the archive after it.
LUU_ITEM_RE = re.compile(r"^[-–+•]?\s*Lưu\s*:?\s*(?P<archive>.*?)\s*[.;]?$", re.I)
_LUU_KEY_RE = re.compile(r"^[-–+•]?\s*LUU\b\s*(:|VT\b)")


def is_noi_nhan(text: str) -> bool:
    """The "Nơi nhận:" label (ô 9b), whatever its case, with or without its colon."""
    return bool(_NOI_NHAN_RE.match(key(text)))


def is_kinh_gui(text: str) -> bool:
    """The "Kính gửi:" line of a công văn (ô 9a)."""
    return bool(_KINH_GUI_RE.match(key(text)))


def after_label(text: str) -> str:
    """What follows a two-word label and its colon ("Nơi nhận: - Như trên;" → "- Như trên;")."""
    return _LABEL_RE.sub("", text, count=1)


def is_luu(text: str) -> bool:
    """The "- Lưu: VT, …" item that closes Nơi nhận (ô 9b)."""
    return bool(_LUU_KEY_RE.match(key(text)))


# ----------------------------------------------------------------------------- rules
_RULE_RE = re.compile(r"^[\s_\-–—=.…*~]+$")
_TYPED_RULE_RE = re.compile(r"^\s*_{3,}\s*$")


def is_rule(text: str, typed: bool = False) -> bool:
    """A line that only draws a rule ("______", "-------"), as extractors render ND30's short lines.

    ``typed=True``: a rule typed in a Word file, underscores alone, as the decree's own Word copy
    draws it (a line of dashes there is text the checker does not take for a rule).
    """
    if typed:
        return bool(_TYPED_RULE_RE.match(text))
    return bool(text) and bool(_RULE_RE.match(text)) and sum(c in "_-–—=" for c in text) >= 3


# ----------------------------------------------------------------------------- one line
ZONES = ("header", "body", "tail")
# The parts a line's text names alone, in the order they are tried (a "Nơi nhận" line is never
# read as content; a tên loại is tried before the enacting word, a căn cứ before a date).
_PARTS_BY_TEXT: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("duong_ke", is_rule),
    ("quoc_hieu", is_quoc_hieu),
    ("tieu_ngu", is_tieu_ngu),
    ("so_ky_hieu", is_so_line),
    ("trich_yeu_cong_van", is_vv),
    ("noi_nhan_label", is_noi_nhan),
    ("luu", is_luu),
    ("kinh_gui", is_kinh_gui),
    ("chuc_vu_ky", lambda t: is_authority_line(t) or garbled_authority(t) is not None),
    ("ten_loai", lambda t: doc_type_of(t) is not None),
    ("quyet_dinh_keyword", is_enacting),
    ("kem_theo", is_kem_theo),
    ("de_nghi", is_proposal),
    ("can_cu", is_basis),
)


def classify(text: str, zone: str | None = None) -> str | None:
    """The part of an ND30 document a line is, by its text and, when known, where it sits.

    Returns one of: "duong_ke" (a rule), "quoc_hieu", "tieu_ngu", "so_ky_hieu",
    "trich_yeu_cong_van" (V/v), "noi_nhan_label", "luu", "kinh_gui", "chuc_vu_ky" (an authority
    line, or a garbled one), "ten_loai", "quyet_dinh_keyword", "kem_theo", "de_nghi" (Theo đề
    nghị), "can_cu", "dia_danh_ngay", "phu_luc_label", a heading kind of ``heading_of`` ("dieu",
    "muc", "khoan", "diem", "phan", "chuong", "muc_label"), "chuc_vu" (a signer's title),
    "co_quan" (a body's name in the header), or None for a line that is none of them (the
    content, a name).

    ``zone`` ("header", "body", "tail") settles lines whose text alone is ambiguous: a date in a
    sentence of the body is content; a signer's title in capitals is a title in the tail, a body's
    name in capitals is the issuing body in the header; without a zone neither is named.
    """
    if zone is not None and zone not in ZONES:
        raise ValueError(f"zone must be one of {ZONES}: {zone!r}")
    text = " ".join(text.split())
    if not text:
        return None
    for part, found in _PARTS_BY_TEXT:
        if found(text):
            return part
    if has_date(text) and "," in text and zone != "body" and len(text) < 90:
        return "dia_danh_ngay"
    if is_appendix_label(text):
        return "phu_luc_label"
    heading = heading_of(text)
    if heading is not None:
        return heading[0]
    if zone == "tail" and is_upper(text) and is_signer_title(text):
        return "chuc_vu"
    if zone == "header" and is_upper(text) and is_body_head(text):
        return "co_quan"
    return None
