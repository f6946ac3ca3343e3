"""The registry of checks: each rule declared once with the kinds it applies to, and the
applicability table derived from those declarations."""
from __future__ import annotations

import inspect
import re

from ocop_docs.check import NOT_CHECKABLE
from ocop_docs.check.checks import APPLICABLE, Checker
from ocop_docs.check.registry import DOCUMENT_PARTS, KINDS, PARTS, REGISTRY, applicable, checks
from ocop_docs.nd30.rules import RULES

GENERIC = {
    "ND30-PAGE-01", "ND30-PAGE-02", "ND30-PAGE-03", "ND30-PAGE-04", "ND30-PAGE-05", "ND30-FONT-01", "ND30-FONT-03",
    "ND30-FONT-04", "ND30-LAYOUT-02", "ND30-QH-01", "ND30-QH-02", "ND30-QH-03", "ND30-QH-04", "ND30-CQ-01", "ND30-CQ-02",
    "ND30-CQ-03", "ND30-SO-02", "ND30-SO-03", "ND30-SO-04", "ND30-DATE-01", "ND30-DATE-02", "ND30-DATE-03", "ND30-FINAL-01",
}
TYPED = GENERIC | {
    "ND30-TITLE-01", "ND30-TITLE-02", "ND30-TITLE-03", "ND30-BODY-01", "ND30-BODY-03", "ND30-BODY-05", "ND30-BODY-06",
    "ND30-BODY-07", "ND30-SIGN-01", "ND30-SIGN-04", "ND30-RECIP-01", "ND30-RECIP-03", "ND30-APPX-01", "ND30-APPX-02",
    "ND30-APPX-03", "ND30-DRAFTER-01", "ND30-ADDR-01", "ND30-MARK-03",
}
CONTRACT = {
    # nd30.md Mẫu 1.x per document type; what the checker promised before rules were registered.
    "plan": TYPED | {"ND30-TITLE-04", "ND30-SIGN-02"},
    "report": TYPED | {"ND30-SIGN-02", "ND30-RECIP-02"},
    "minutes": TYPED - {"ND30-BODY-01"},
    "letter": (TYPED - {"ND30-TITLE-01", "ND30-TITLE-02", "ND30-BODY-01"}) | {"ND30-SIGN-02", "ND30-RECIP-02"},
    "other": TYPED | {"ND30-RECIP-02"},
    "decision": TYPED | {"ND30-TITLE-04", "ND30-TPL-QD-01", "ND30-TPL-QD-02", "ND30-TPL-QD-03", "ND30-STR-01"},
    "attached": TYPED | {"ND30-TPL-ATT-01"},
    "legal": TYPED - {"ND30-SO-03"},
    "form": GENERIC,
    "certificate": {"ND30-PAGE-01", "ND30-FINAL-01", "ND30-FONT-01", "ND30-LAYOUT-02", "ND30-QH-01", "ND30-QH-02",
                    "ND30-QH-03", "ND30-QH-04", "ND30-CQ-01"},
}


def test_applicability_is_derived_from_the_registrations_and_keeps_its_contract():
    assert {kind: set(rules) for kind, rules in APPLICABLE.items()} == CONTRACT
    assert applicable("unknown") == applicable("other")


def test_every_checkable_rule_is_registered_once():
    registered = [rule for reg in REGISTRY for rule in reg.rules]
    assert len(registered) == len(set(registered)), "a rule is registered by two checks"
    assert set(registered) == set(RULES) - set(NOT_CHECKABLE)


def _source_with_callees(name: str, seen: set[str]) -> str:
    source = inspect.getsource(getattr(Checker, name))
    for callee in set(re.findall(r"self\.(check_\w+|_\w+)\(", source)) - seen:
        if hasattr(Checker, callee) and callee not in ("add", "style"):
            seen.add(callee)
            source += _source_with_callees(callee, seen)
    return source


def test_each_registered_check_reports_the_rules_it_declares():
    """A declaration that its code never reports would hide an unchecked rule."""
    for reg in REGISTRY:
        source = _source_with_callees(reg.name, {reg.name})
        for rule in reg.rules:
            assert f'"{rule}"' in source, f"{reg.name} declares {rule} but never reports it"


def test_parts_are_known_and_ordered():
    assert {reg.part for reg in REGISTRY} <= set(DOCUMENT_PARTS + PARTS)
    assert [reg.name for reg in REGISTRY if reg.part == "header"] == ["check_header"]
    try:
        checks(part="nowhere", rules={})
    except ValueError as exc:
        assert "nowhere" in str(exc)
    else:
        raise AssertionError("an unknown part must be refused")
    assert set(KINDS) == set(CONTRACT)
