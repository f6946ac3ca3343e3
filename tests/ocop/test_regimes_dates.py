"""Date-dependent rules added for decisions: agency names (ocop.md §12.1), forwarding thresholds (§3)."""
from __future__ import annotations

from datetime import date

import pytest

from ocop_docs.errors import RuleViolation
from ocop_docs.ocop import regimes


def test_old_agency_name_after_the_merger_is_refused():
    texts = [("standing_body", "Phòng Nông nghiệp và Phát triển nông thôn huyện"), ("executors[1]", "Sở Tài chính")]
    with pytest.raises(RuleViolation) as info:
        regimes.check_agency_names(texts, date(2025, 3, 1))
    assert info.value.rule == "OCOP-AGENCY"
    assert "standing_body: 'Nông nghiệp và Phát triển nông thôn' không còn từ ngày 01/03/2025" in str(info.value)
    assert "executors" not in str(info.value)


@pytest.mark.parametrize("text", ["Sở NN&PTNT", "Sở Nông nghiệp và PTNT", "Sở Tài nguyên và Môi trường"])
def test_abbreviated_and_merged_names_are_caught(text):
    with pytest.raises(RuleViolation) as info:
        regimes.check_agency_names([("recipients[0]", text)], date(2026, 1, 5))
    assert info.value.rule == "OCOP-AGENCY"


def test_new_name_before_the_merger_is_refused():
    with pytest.raises(RuleViolation, match=r"chỉ có từ ngày 01/03/2025; văn bản ngày 28/02/2025"):
        regimes.check_agency_names([("proposed_by", "Giám đốc Sở Nông nghiệp và Môi trường")], date(2025, 2, 28))


def test_names_in_force_pass():
    regimes.check_agency_names([("a", "Sở Nông nghiệp và Phát triển nông thôn")], date(2024, 5, 1))
    regimes.check_agency_names([("a", "Sở Nông nghiệp và Môi trường")], date(2025, 3, 1))


def test_ministry_issuer_name_by_date():
    regimes.check_ministry_name("Bộ Nông nghiệp và Phát triển nông thôn", date(2022, 11, 18))
    with pytest.raises(RuleViolation, match="phải là 'Bộ Nông nghiệp và Môi trường'") as info:
        regimes.check_ministry_name("Bộ Nông nghiệp và Phát triển nông thôn", date(2026, 6, 1))
    assert info.value.rule == "OCOP-AGENCY"


@pytest.mark.parametrize(
    "level, on, expected",
    [("huyen", date(2021, 5, 1), 50), ("huyen", date(2024, 5, 1), 70), ("tinh", date(2026, 6, 1), 90), ("trung_uong", date(2026, 6, 1), None)],
)
def test_forward_threshold(level, on, expected):
    assert regimes.forward_threshold(level, on) == expected
