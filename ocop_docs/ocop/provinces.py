"""Provinces before and after the 2025 reorganisation (Nghị quyết số 202/2025/QH15, in force 01/07/2025).

63 provincial units became 34: a plan, decision or certificate dated from 01/07/2025 that still
names a merged province ("tỉnh Long An", "tỉnh Bến Tre") names a unit that no longer exists. The
table lives in ``data/provinces_2025.yaml``; :func:`merged_names_in` finds such names in a text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import RuleViolation

REORGANISED = date(2025, 7, 1)
ACT = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội"


@dataclass(frozen=True)
class Province:
    """A provincial unit from 01/07/2025 and the units merged into it."""

    name: str
    kind: str  # "tỉnh" or "thành phố"
    merged: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.kind} {self.name}"


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 34 provincial units in force from 01/07/2025."""
    data = yaml.safe_load(resources.files("ocop_docs.data").joinpath("provinces_2025.yaml").read_text(encoding="utf-8"))
    return tuple(Province(p["name"], p["kind"], tuple(p["merged"])) for p in data)


@lru_cache(maxsize=1)
def _successors() -> dict[str, Province]:
    """Old unit name → the new unit it is part of, for the units that disappeared as names."""
    return {old: p for p in provinces() for old in p.merged if old != p.name}


@dataclass(frozen=True)
class MergedName:
    """A province name in a text that no longer exists from 01/07/2025."""

    words: str  # as written ("tỉnh Long An")
    old: str
    new: Province


@lru_cache(maxsize=1)
def _merged_name_re() -> re.Pattern:
    names = "|".join(re.escape(old) for old in sorted(_successors(), key=len, reverse=True))
    return re.compile(rf"\b(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|TP\.?)\s+(?P<old>{names})\b")


def merged_names_in(text: str) -> list[MergedName]:
    """Each 'tỉnh X' / 'thành phố X' in ``text`` where X was merged into another unit, in order."""
    return [MergedName(m.group(0), m.group("old"), _successors()[m.group("old")])
            for m in _merged_name_re().finditer(text)]


def check_issuer_exists(name: str, on: date) -> None:
    """An issuer named after a province merged on 01/07/2025 issues nothing dated from then
    (OCOP-LEVEL, ocop.md §12.2, like a district): "Ủy ban nhân dân tỉnh Hà Nam" in 2026."""
    if on < REORGANISED:
        return
    found = merged_names_in(name)
    if found:
        gone = found[0]
        raise RuleViolation(
            "OCOP-LEVEL",
            f"cơ quan ban hành '{name}': từ ngày 01/07/2025 {gone.words} là một phần của {gone.new.title} ({ACT}); "
            f"văn bản ngày {on:%d/%m/%Y} phải ghi cơ quan của {gone.new.title}, ví dụ "
            f"'{name.replace(gone.words, gone.new.title)}'",
        )


@dataclass(frozen=True)
class Commune:
    """A commune-level unit from 01/07/2025 (xã, phường, đặc khu) and its province."""

    kind: str  # "xã", "phường" or "đặc khu"
    name: str  # without its kind: "Vũ Quang"
    province: str  # "tỉnh Hà Tĩnh"
    code: int  # official code (Quyết định số 19/2025/QĐ-TTg)

    @property
    def title(self) -> str:
        return f"{self.kind} {self.name}"


@lru_cache(maxsize=1)
def communes() -> tuple[Commune, ...]:
    """The 3,321 commune-level units in force from 01/07/2025 (``vietnam-provinces`` data), by province."""
    from vietnam_provinces import Province as Official
    from vietnam_provinces import Ward

    ours = {p.name: p.title for p in provinces()}
    province_titles = {}
    for p in Official.iter_all():  # "Thành phố Hà Nội", "Hà Tĩnh" → our "thành phố Hà Nội", "tỉnh Hà Tĩnh"
        bare = re.sub(r"^(Thành phố|Tỉnh)\s+", "", p.name)
        province_titles[int(p.code)] = ours[bare]
    out = []
    for w in Ward.iter_all():
        kind = str(w.division_type.value)
        name = w.name[len(kind):].strip() if w.name.lower().startswith(kind) else w.name
        out.append(Commune(kind, name, province_titles[int(w.province_code)], int(w.code)))
    return tuple(sorted(out, key=lambda c: (c.province, c.code)))
