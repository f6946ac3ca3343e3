"""Who numbers certificates: the canonical identity of an issuing body in the register.

Two spellings of one body must share one numbering ("UBND tỉnh Hà Tĩnh" and "Ủy ban nhân dân
tỉnh Hà Tĩnh" both number from the same 001), and two bodies must never share one. The key is
the body (abbreviations expanded, diacritics folded) and the official code of its area —
province or commune code of Quyết định số 19/2025/QĐ-TTg, from the ``vietnam-provinces`` data —
e.g. ``uy ban nhan dan@T42``. An area the official list does not hold (a province or district
before 01/07/2025) is keyed by its folded name, e.g. ``uy ban nhan dan@tinh quang binh``; a body
without an area (a ministry) by its folded name alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vi.text import fold, same_key

# Abbreviations clerks write in the name of a body (folded, lower case) → full folded words.
_ABBREVIATIONS = (
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bnn\s*(?:&|va)\s*mt\b", "nong nghiep va moi truong"),
    (r"\bnn\s*(?:&|va)\s*ptnt\b", "nong nghiep va phat trien nong thon"),
    (r"\btp\.?(?=\s)", "thanh pho"),
)
# Words that open the area part of a name, longest first ("thi xa" before "xa").
_AREA_WORDS = ("thanh pho", "thi xa", "thi tran", "dac khu", "tinh", "huyen", "quan", "phuong", "xa")
_AREA_RE = re.compile(r"\b(" + "|".join(_AREA_WORDS) + r")\s+(.+)$")
# Area words that are also words of a body's name: "Sở Lao động - Thương binh và Xã hội", "Ban Quản lý".
_NOT_AREA = re.compile(r"\b(?:xa hoi|quan ly|quan tri|quan su|quan he)\b")


@dataclass(frozen=True)
class IssuerIdentity:
    """The register key of a body and what it was made of (for messages)."""

    key: str
    body: str  # folded, lower case
    area: str  # folded "tinh ha tinh", or ""
    code: str | None  # "T42" (province) or "X18313" (commune) when the official list has the area


def _clean(name: str) -> str:
    text = " ".join(fold(name, lower=True).replace(",", " , ").split())
    for pattern, full in _ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    return " ".join(text.split())


def _bare(name: str) -> str:
    name = fold(name, lower=True)
    return re.sub(r"^(thanh pho|tinh|xa|phuong|dac khu|thi tran)\s+", "", name)


@lru_cache(maxsize=1)
def _provinces() -> dict[str, int]:
    """Province codes by folded name ("ha tinh" → 42)."""
    from vietnam_provinces import Province  # start-up: ~50 ms, only when an issuer's province is looked up

    return {_bare(p.name): int(p.code) for p in Province.iter_all()}


@lru_cache(maxsize=1)
def _communes() -> dict[tuple[int | None, str], list[int]]:
    """Commune codes by (province, name) and (None, name), each name both as written ("xã cẩm giàng",
    ``_exact``) and folded ("xa cam giang"): folded names of two communes may be one (Cẩm Giang and
    Cẩm Giàng of one province), so a folded name is used only when it is one commune's (loaded only when asked)."""
    from vietnam_provinces import Ward  # start-up: ~40 ms and the communes' table, only when a commune is looked up

    codes: dict[tuple[int | None, str], list[int]] = {}
    for w in Ward.iter_all():
        kind = _exact(str(w.division_type.value))
        name = _exact(re.sub(r"^(xã|phường|đặc khu|thị trấn)\s+", "", _exact(w.name)))
        for label in {f"{kind} {name}", fold(f"{kind} {name}", lower=True)}:
            for province in (int(w.province_code), None):
                codes.setdefault((province, label), []).append(int(w.code))
    return codes


def _commune_code(province: int | None, area: str, written: str) -> int | None:
    """The code of the commune named ``written`` (folded: ``area``), in ``province`` when known."""
    codes = _communes()
    for label in (written, area):
        found = codes.get((province, label), [])
        if len(found) == 1:
            return found[0]
        if found:
            return None  # several communes have this name: it does not say which
    return None


# Tone marks on "oa", "oe", "uy" at a syllable's end are written two ways ("Hoà"/"Hòa", "Thuỷ"/"Thủy"):
# one form for comparing names whose other marks must all count ("Cẩm Giàng" is not "Cẩm Giang").
_TONE_PLACES = {f"{v}{t}": f"{tv}{c}" for v, c, marks, tv_marks in (
    ("o", "a", "àáảãạ", "òóỏõọ"), ("o", "e", "èéẻẽẹ", "òóỏõọ"), ("u", "y", "ỳýỷỹỵ", "ùúủũụ"))
    for t, tv in zip(marks, tv_marks)}
_TONE_RE = re.compile("(" + "|".join(_TONE_PLACES) + r")(?!\w)")


def _exact(label: str) -> str:
    """``label`` as written (NFC, lower case, single spaces), its tone marks in one place."""
    return _TONE_RE.sub(lambda m: _TONE_PLACES[m.group(1)], same_key(label))


def _as_written(name: str, area: str) -> str:
    """The words of ``name`` that fold to ``area`` ("xa cam giang" in "UBND xã Cẩm Giàng, …"), as written."""
    words = _exact(name.replace(",", " ")).split()
    size = len(area.split())
    for i in range(len(words) - size, -1, -1):
        if fold(" ".join(words[i:i + size]), lower=True) == area:
            return " ".join(words[i:i + size])
    return ""


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\b\w", text)]


def identify(name: str) -> IssuerIdentity:
    """The canonical identity of the body called ``name`` (see the module doc)."""
    text = _clean(name)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    head = parts[0] if parts else ""
    candidates = [m for m in (_AREA_RE.match(head, i) for i in _word_starts(head)) if m and not _NOT_AREA.match(head, m.start())]
    # "thị xã Kỳ Anh" is one area, not "xã Kỳ Anh" inside it.
    candidates = [m for m in candidates if not any(o.start() < m.start() < o.end(1) for o in candidates)]
    if not candidates:
        return IssuerIdentity(head, head, "", None)
    provinces = _provinces()
    province_code = None
    for extra in parts[1:]:  # "UBND xã Vũ Quang, tỉnh Hà Tĩnh"
        pm = re.match(r"(?:tinh|thanh pho)\s+(.+)$", extra)
        if pm and pm.group(1) in provinces:
            province_code = provinces[pm.group(1)]
    # The first area whose place the official list holds; else the last one named.
    for m in candidates + [None]:
        chosen = m or candidates[-1]
        kind, place = chosen.group(1), chosen.group(2).strip()
        area = f"{kind} {place}"
        code = None
        if kind in ("tinh", "thanh pho") and place in provinces:
            code = f"T{provinces[place]:02d}"
        elif kind in ("xa", "phuong", "dac khu", "thi tran"):
            found = _commune_code(province_code, area, _as_written(name, area))
            code = f"X{found}" if found is not None else None
        if code or m is None:
            break
    body = head[: chosen.start()].strip()
    key = f"{body}@{code}" if code else f"{body}@{area}"
    return IssuerIdentity(key, body, area, code)


def issuer_key(name: str) -> str:
    """The register key of the body called ``name``."""
    return identify(name).key


__all__ = ["IssuerIdentity", "identify", "issuer_key"]
