"""The ND30 checker of one identified document: the rule modules (``check/rules/``) mixed into one
class, the findings they report, and the driver that runs the registered checks part by part.

Every rule cites its ID of ``docs/spec/nd30.md``; which rules apply to which kind of document is
declared where each rule is checked and collected in ``check/registry.py``.
"""
from __future__ import annotations

from ..docx.blocks import Block, DocumentView, Span
from ..nd30.rules import ELEMENTS, RULES, severity
from .common import BOX, style_problems
from .registry import DOCUMENT_PARTS, KINDS, PARTS, REGISTRY, applicable, ordered
from .report import Finding
from .rules.body import BodyRules
from .rules.header import HeaderRules
from .rules.marks import MarkRules
from .rules.page import PageRules
from .rules.recipients import RecipientRules
from .rules.signature import SignatureRules
from .structure import Element, Part

APPLICABLE: dict[str, frozenset[str]] = {kind: applicable(kind) for kind in KINDS}
"""Which rules apply to which kind of document, derived from the registrations."""


class Checker(PageRules, HeaderRules, BodyRules, SignatureRules, RecipientRules, MarkRules):
    """Runs the registered rules over the parts of one document and collects findings."""

    def __init__(self, view: DocumentView, parts: list[Part]):
        self.view = view
        self.parts = parts
        self.findings: list[Finding] = []
        self._aggregate: dict[tuple, Finding] = {}
        self.notes: list[str] = []
        self.applicable: frozenset[str] = frozenset()

    def add(self, rule_id: str, where, found: str, *, element: str = "", case: str | None = None,
            aggregate: bool = False) -> None:
        if rule_id not in self.applicable:
            return
        rule = RULES[rule_id]
        severity_ = severity(rule_id, case)
        location, excerpt = self._where(where)
        element_name = BOX.get(element, element)
        if aggregate:
            k = (rule_id, found, severity_)
            existing = self._aggregate.get(k)
            if existing is not None:
                if location not in existing.other_locations and location != existing.location:
                    existing.count += 1
                    existing.other_locations.append(location)
                return
        finding = Finding(rule_id, severity_, location, found, rule.asks, excerpt, element_name)
        self.findings.append(finding)
        if aggregate:
            self._aggregate[(rule_id, found, severity_)] = finding

    @staticmethod
    def _where(where) -> tuple[str, str]:
        if where is None:
            return "", ""
        if isinstance(where, str):
            return where, ""
        if isinstance(where, Element):
            where = where.first
        if isinstance(where, Span):
            return str(where.location), where.first_words() if where.text.strip() else where.block.first_words()
        if isinstance(where, Block):
            return str(where.location), where.first_words()
        return str(where), ""

    def style(self, rule_id: str, element: str, spans: list[Span] | Element | None, **kw) -> None:
        """Compare an element with its ELEMENTS style; one finding listing the differences."""
        if spans is None:
            return
        if isinstance(spans, Element):
            spans = spans.spans
        if not spans:
            return
        problems = style_problems(ELEMENTS[element], spans, **kw)
        if problems:
            self.add(rule_id, spans[0], "; ".join(problems), element=element)

    # ------------------------------------------------------------------ driver
    def run(self, kinds: list[str]) -> list[Finding]:
        first_kind = kinds[0] if kinds else "other"
        self.applicable = APPLICABLE.get(first_kind, applicable(first_kind))
        for reg in ordered(DOCUMENT_PARTS):
            if reg.applies_to(first_kind if first_kind in KINDS else "other"):
                getattr(self, reg.name)(first_kind)
        for part, kind in zip(self.parts, kinds):
            self.applicable = APPLICABLE.get(kind, applicable(kind))
            for reg in ordered(PARTS):
                if reg.applies_to(kind if kind in KINDS else "other"):
                    getattr(self, reg.name)(part, kind)
        return self.findings


assert {reg.name for reg in REGISTRY} <= set(dir(Checker)), "a registered check is not a Checker method"
