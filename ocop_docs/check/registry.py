"""The registry of ND30 checks: each entry point of a rule module, the rule IDs it checks, the kinds
of document each of those rules applies to, and the part of the document it reads.

The table of which rules apply to which kind of document is derived from these registrations
(:data:`APPLICABLE`), so a rule and its scope are declared once, next to the code that checks it.
"Form" and "certificate" are not ND30 document types: only the generic rules apply to a form, and
page size, font, Quốc hiệu and a final text to a certificate.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

KINDS = ("plan", "report", "minutes", "letter", "other", "decision", "attached", "legal", "form", "certificate")
ALL = frozenset(KINDS)
NOT_CERT = ALL - {"certificate"}
DOCS = ALL - {"form", "certificate"}  # the ND30 document types
DECISION = frozenset({"decision"})

DOCUMENT_PARTS = ("page", "marks")
"""Parts read once per file, with the kind of its first document."""
PARTS = ("header", "title", "can_cu", "body", "headings", "signature", "recipients", "appendices", "decision", "attached")
"""Parts read for each document of a file (a decision and the plan it issues are two), in this order."""


@dataclass(frozen=True)
class Registration:
    """One entry point: what it reads, and for each rule ID it checks, the kinds it applies to."""

    name: str
    part: str
    rules: dict[str, frozenset[str]]

    def applies_to(self, kind: str) -> bool:
        return any(kind in kinds for kinds in self.rules.values())


REGISTRY: list[Registration] = []


def checks(*, part: str, rules: dict[str, frozenset[str]]) -> Callable:
    """Register a checker method for ``part`` with the rule IDs it checks and their kinds."""
    if part not in DOCUMENT_PARTS + PARTS:
        raise ValueError(f"unknown part {part!r}")

    def register(func: Callable) -> Callable:
        REGISTRY.append(Registration(func.__name__, part, {rule: frozenset(kinds) for rule, kinds in rules.items()}))
        return func

    return register


def applicable(kind: str) -> frozenset[str]:
    """The rule IDs that apply to a document of ``kind`` (an unknown kind is checked as "other")."""
    kind = kind if kind in KINDS else "other"
    return frozenset(rule for reg in REGISTRY for rule, kinds in reg.rules.items() if kind in kinds)


def ordered(parts: tuple[str, ...]) -> list[Registration]:
    """The registrations of ``parts``, part by part in that order."""
    return [reg for part in parts for reg in REGISTRY if reg.part == part]
