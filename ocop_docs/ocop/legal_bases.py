"""The registry of legal bases (căn cứ) of OCOP documents, and the căn cứ lines it proposes.

One entry per act (``data/legal_bases.yaml``, from ocop.md §13): its citation as printed after
"Căn cứ", number, date, issuer, subject, the period in which it is cited, and what replaced it.
``propose`` gives the căn cứ lines of a document from its kind, issuer level and signing date
(the criteria decision follows the regime in force, ``regimes.regime_on``); ``check_bases``
refuses a căn cứ line that cites an act issued after the signing date or no longer in force,
naming its successor (OCOP-BASIS). Roll-forward uses ``lapsed`` and ``successor``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
import datetime
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import RuleViolation
from ..vi.dates import short_date
from ..vi.text import fold
from .regimes import regime_on

REGISTRY_FILE = Path(__file__).resolve().parent.parent / "data" / "legal_bases.yaml"

Role = str  # org_law, gov_law, programme, programme_plan, criteria, other

# The order of căn cứ lines by role (ocop.md §10: law, programme, criteria, then local acts).
ROLE_ORDER = ("org_law", "gov_law", "programme", "programme_plan", "criteria")
# Which roles each kind of document cites.
KIND_ROLES = {
    "quyet-dinh-hoi-dong": ("org_law", "gov_law", "programme", "criteria"),
    "quyet-dinh-cong-nhan": ("org_law", "gov_law", "programme", "criteria"),
    "quyet-dinh-ban-hanh-ke-hoach": ("org_law", "gov_law", "programme", "programme_plan", "criteria"),
    "ke-hoach": ("programme", "programme_plan", "criteria"),
}
# The kinds' names before the naming rule of ocop_docs/kinds.py, still accepted.
_OLD_KIND_NAMES = {"council_decision": "quyet-dinh-hoi-dong", "recognition_decision": "quyet-dinh-cong-nhan",
                   "plan_decision": "quyet-dinh-ban-hanh-ke-hoach", "plan": "ke-hoach"}


@dataclass(frozen=True)
class LegalAct:
    """One entry of the registry: an act that căn cứ lines cite, and when it may be cited."""

    key: str
    citation: str
    type: str
    number: str | None
    date: datetime.date | None
    issuer: str
    subject: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    replaced_by: str | None = None
    amends: str | None = None
    role: Role = "other"
    levels: tuple[str, ...] = ()
    name: str | None = None
    verified: bool = True

    def valid_on(self, on: datetime.date) -> bool:
        """In force (citable) on ``on``: from ``valid_from`` to ``valid_to`` inclusive."""
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)

    def lapsed(self, on: datetime.date) -> bool:
        return self.valid_to is not None and on > self.valid_to

    def issued_after(self, on: datetime.date) -> bool:
        return self.date is not None and self.date > on

    def short(self) -> str:
        """"Quyết định số 148/QĐ-TTg ngày 24/02/2023" — the type, number and date (ND30-BODY-02)."""
        if self.number and self.type != "Luật":
            text = f"{self.type} số {self.number}"
        else:
            text = self.name or self.citation
        if self.date and not (self.type == "Luật" and self.number and self.number in self.citation):
            text += f" ngày {short_date(self.date)}"
        return text


@lru_cache(maxsize=1)
def registry() -> dict[str, LegalAct]:
    """Every act of the registry, by key, in file order."""
    entries = yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))
    out: dict[str, LegalAct] = {}
    for raw in entries:
        raw = dict(raw)
        raw["levels"] = tuple(raw.get("levels") or ())
        out[raw["key"]] = LegalAct(**raw)
    return out


def act(key: str) -> LegalAct:
    """The registry entry ``key``; KeyError with the known keys in Vietnamese when it is unknown."""
    try:
        return registry()[key]
    except KeyError:
        raise KeyError(f"không có văn bản '{key}' trong danh mục căn cứ; các mã có: {', '.join(registry())}") from None


def basis_from_ref(key: str, verb: str = "Căn cứ") -> dict:
    """The LegalBasis data ({verb, text, ref}) of a registry entry, for a spec that names it by key."""
    try:
        entry = act(key)
    except KeyError as exc:
        raise ValueError(str(exc.args[0])) from None
    return {"verb": verb, "text": entry.citation, "ref": key}


def successor(key: str, on: date) -> LegalAct | None:
    """The act that takes ``key``'s place on ``on``, following ``replaced_by`` (None if none is in force)."""
    seen = set()
    entry = act(key)
    while entry.replaced_by and entry.key not in seen:
        seen.add(entry.key)
        entry = act(entry.replaced_by)
        if entry.valid_on(on):
            return entry
    return None


def _criteria(on: date) -> list[LegalAct]:
    """The criteria decisions of the regime in force on ``on``, amended act first (ocop.md §1)."""

    base = act(regime_on(on).criteria_ref)
    chain = [act(base.amends), base] if base.amends else [base]
    amending = [e for e in registry().values() if e.amends == base.key and e.valid_on(on) and e not in chain]
    return chain + amending


@dataclass(frozen=True)
class ProposedBasis:
    """A căn cứ line the registry proposes: verb, citation and the act's key (the model makes a LegalBasis of it)."""

    verb: str
    text: str
    ref: str


def propose(kind: str, level: str, on: date) -> list[ProposedBasis]:
    """The căn cứ lines proposed for a document of ``kind`` issued at ``level`` on ``on``.

    Returns the lines ("Căn cứ …" with ``ref`` set) in the usual order: the law on
    the organisation of the issuer, the programme, the central implementation plan (plans
    only), the criteria decision(s) of the regime in force.
    """
    roles = KIND_ROLES.get(_OLD_KIND_NAMES.get(kind, kind), ROLE_ORDER)
    chosen: list[LegalAct] = []
    laws: list[LegalAct] = []
    for role in ROLE_ORDER:
        if role not in roles:
            continue
        if role == "criteria":
            chosen += _criteria(on)
            continue
        found = [e for e in registry().values() if e.role == role and e.valid_on(on) and (not e.levels or level in e.levels)]
        if role in ("org_law", "gov_law"):
            laws += found
            if role == "gov_law" or "gov_law" not in roles:
                # the laws by date: a law before the law amending it (Luật Tổ chức Chính phủ 2015, then the
                # 2019 law amending it and the local-government law)
                chosen += sorted(laws, key=lambda e: e.date or on)
            continue
        chosen += found
    return [ProposedBasis("Căn cứ", e.citation, e.key) for e in chosen]


_NUMBER = re.compile(r"(?<![\w/])(\d{1,5}(?:/\d{4})?/[A-ZĐ][\w&Đđ.-]*)")


def identify(text: str) -> LegalAct | None:
    """The registry act a căn cứ line cites: by the first document number in it, or for a law cited
    without number by its name at the start and its date."""
    m = _NUMBER.search(text)
    if m and m.start() < 40:
        number = m.group(1).rstrip(".,;")
        for entry in registry().values():
            if entry.number and entry.number == number:
                return entry
        return None
    folded = fold(" ".join(text.split()), lower=True)
    for entry in registry().values():
        if entry.name and entry.date and folded.startswith(fold(entry.name, lower=True)):
            d = entry.date
            forms = (f"{d.day}/{d.month}/{d.year}", short_date(d), f"ngay {d.day} thang {d.month} nam {d.year}",
                     f"ngay {d.day:02d} thang {d.month:02d} nam {d.year}", f"ngay {d.day:02d} thang {d.month} nam {d.year}")
            if any(form in folded for form in forms):
                return entry
    return None


def check_bases(bases, on: date) -> None:
    """Refuse căn cứ lines that cite an act issued after ``on`` or no longer in force (OCOP-BASIS).

    ``bases`` are LegalBasis models; the act is found by ``ref`` or from the citation text.
    Acts not in the registry (local plans, Tờ trình) are not checked.
    """
    problems = []
    for i, basis in enumerate(bases):
        if basis.verb not in ("Căn cứ", "Thực hiện"):
            continue
        entry = act(basis.ref) if basis.ref and basis.ref in registry() else identify(basis.text)
        if entry is None:
            continue
        if entry.issued_after(on):
            problems.append(
                f"căn cứ {i + 1} ({entry.short()}) ban hành sau ngày ký văn bản ({on:%d/%m/%Y})"
            )
        elif entry.lapsed(on):
            nxt = successor(entry.key, on)
            hint = f"; thay bằng {nxt.short()}" if nxt else ""
            problems.append(
                f"căn cứ {i + 1} ({entry.short()}) hết hiệu lực sau ngày {entry.valid_to:%d/%m/%Y}, "
                f"không dùng cho văn bản ký ngày {on:%d/%m/%Y}{hint}"
            )
    if problems:
        raise RuleViolation("OCOP-BASIS", "căn cứ không đúng thời điểm ban hành:\n  " + "\n  ".join(problems))


def lapsed(bases, on: date) -> list[tuple[int, LegalAct, LegalAct | None]]:
    """(index, act, successor) of each căn cứ line citing an act lapsed on ``on`` (for roll-forward)."""
    out = []
    for i, basis in enumerate(bases):
        entry = act(basis.ref) if getattr(basis, "ref", None) in registry() else identify(basis.text)
        if entry is not None and entry.lapsed(on):
            out.append((i, entry, successor(entry.key, on)))
    return out


def criteria_citation(on: date) -> str:
    """The criteria decision(s) in force on ``on`` as named inside a sentence (ND30-BODY-02 short form):
    "Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, được sửa đổi, bổ sung tại
    Quyết định số 1489/QĐ-TTg ngày 06/7/2025"."""
    chain = _criteria(on)
    text = f"{chain[0].short()} của {chain[0].issuer}"
    if len(chain) > 1:
        text += ", được sửa đổi, bổ sung tại " + ", ".join(e.short() for e in chain[1:])
    return text
