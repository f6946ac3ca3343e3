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

from ..vi.text import fold

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
def _communes() -> tuple[dict[tuple[int, str], int], dict[str, list[int]]]:
    """Commune codes by (province, "xa vu quang") and by "xa vu quang" alone (loaded only when asked)."""
    from vietnam_provinces import Ward  # start-up: ~40 ms and the communes' table, only when a commune is looked up

    communes: dict[tuple[int, str], int] = {}
    by_name: dict[str, list[int]] = {}
    for w in Ward.iter_all():
        label = f"{fold(str(w.division_type.value), lower=True)} {_bare(w.name)}"
        communes[(int(w.province_code), label)] = int(w.code)
        by_name.setdefault(label, []).append(int(w.code))
    return communes, by_name


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
            communes, by_name = _communes()
            if province_code is not None and (province_code, area) in communes:
                code = f"X{communes[(province_code, area)]}"
            elif len(by_name.get(area, [])) == 1:
                code = f"X{by_name[area][0]}"
        if code or m is None:
            break
    body = head[: chosen.start()].strip()
    key = f"{body}@{code}" if code else f"{body}@{area}"
    return IssuerIdentity(key, body, area, code)


def issuer_key(name: str) -> str:
    """The register key of the body called ``name``."""
    return identify(name).key


__all__ = ["IssuerIdentity", "identify", "issuer_key"]
