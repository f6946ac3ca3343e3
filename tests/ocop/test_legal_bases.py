"""The legal-basis registry (ocop.md §13) and the căn cứ it proposes by kind, level and date."""
from __future__ import annotations

from datetime import date

import pytest

from ocop_docs.errors import RuleViolation
from ocop_docs.model.common import LegalBasis
from ocop_docs.ocop import legal_bases as lb


def keys(bases) -> list[str]:
    return [b.ref for b in bases]


def test_registry_entries_are_consistent():
    reg = lb.registry()
    assert {"LTCCQDP-2015", "QD1048", "QD148", "QD1489", "QD26-2026", "QD919", "NQ257-2025"} <= set(reg)
    for entry in reg.values():
        assert entry.citation and entry.issuer and entry.subject
        if entry.valid_from and entry.valid_to:
            assert entry.valid_from <= entry.valid_to, entry.key
        for ref in (entry.replaced_by, entry.amends):
            assert ref is None or ref in reg, (entry.key, ref)
        # The citation is what follows "Căn cứ": no verb, no end punctuation (ND30-BODY-01 adds it).
        assert not entry.citation.startswith("Căn cứ") and entry.citation[-1] not in ";."


@pytest.mark.parametrize(
    "kind, level, on, expected",
    [
        # R1048, district, 2020 (before 781): law 2015 (+ amending law from 07/2020), programme 490, QĐ 1048.
        ("council_decision", "huyen", date(2020, 3, 2), ["LTCCQDP-2015", "QD490", "QD1048"]),
        # R1048 after QĐ 781/2020 and the 2019 amending law.
        ("recognition_decision", "tinh", date(2021, 9, 1), ["LTCCQDP-2015", "LSD-2019", "QD1048", "QD781"]),
        # R148, district, 2024.
        ("council_decision", "huyen", date(2024, 3, 12), ["LTCCQDP-2015", "LSD-2019", "QD919", "QD148"]),
        # Between the two 2025 laws: Luật 65/2025 only (03–06/2025).
        ("recognition_decision", "huyen", date(2025, 5, 7), ["LTCCQDP-02-2025", "QD919", "QD148"]),
        # R1489: 148 as amended by 1489, Luật 72/2025.
        ("recognition_decision", "tinh", date(2025, 8, 5), ["LTCCQDP-72-2025", "QD919", "QD148", "QD1489"]),
        # R26: programme 2026–2035 (NQ 257/2025/QH15) and QĐ 26/2026/QĐ-TTg.
        ("council_decision", "tinh", date(2026, 6, 8), ["LTCCQDP-72-2025", "NQ257-2025", "QD26-2026"]),
        # A plan decision also cites the central OCOP implementation plan.
        ("plan_decision", "tinh", date(2023, 4, 1), ["LTCCQDP-2015", "LSD-2019", "QD919", "QD04BCD", "QD148"]),
        # A ministry cites the law on the Government, not the one on local government.
        ("council_decision", "trung_uong", date(2026, 6, 1), ["LTCCP-63-2025", "NQ257-2025", "QD26-2026"]),
    ],
)
def test_proposals_follow_the_regime_and_level(kind, level, on, expected):
    proposed = lb.propose(kind, level, on)
    assert keys(proposed) == expected
    assert all(isinstance(b, lb.ProposedBasis) and b.verb == "Căn cứ" for b in proposed)


def test_criteria_citation_names_the_amendment():
    assert lb.criteria_citation(date(2025, 8, 1)) == (
        "Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, được sửa đổi, bổ sung tại "
        "Quyết định số 1489/QĐ-TTg ngày 06/7/2025"
    )
    assert lb.criteria_citation(date(2026, 6, 1)).startswith("Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026")


def test_identify_by_number_and_by_law_name():
    assert lb.identify("Quyết định số 1489/QĐ-TTg ngày 06/7/2025 sửa đổi Quyết định số 148/QĐ-TTg").key == "QD1489"
    assert lb.identify("Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng").key == "QD148"
    assert lb.identify("Luật Tổ chức chính quyền địa phương ngày 19/6/2015").key == "LTCCQDP-2015"
    assert lb.identify("Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025").key == "LTCCQDP-02-2025"
    # A local act is not in the registry and is left alone.
    assert lb.identify("Quyết định số 1599/QĐ-UBND ngày 22/5/2018 của UBND tỉnh Quảng Nam") is None


def test_successor_follows_the_chain():
    assert lb.successor("QD1048", date(2024, 1, 1)).key == "QD148"
    assert lb.successor("QD148", date(2026, 8, 1)).key == "QD26-2026"
    assert lb.successor("LTCCQDP-2015", date(2025, 8, 1)).key == "LTCCQDP-72-2025"
    assert lb.successor("QD26-2026", date(2027, 1, 1)) is None


def test_lapsed_basis_is_refused_with_its_successor():
    bases = [LegalBasis(text="Quyết định số 1048/QĐ-TTg ngày 21/8/2019 của Thủ tướng Chính phủ ban hành Bộ tiêu chí")]
    with pytest.raises(RuleViolation) as info:
        lb.check_bases(bases, date(2024, 3, 1))
    message = str(info.value)
    assert info.value.rule == "OCOP-BASIS"
    assert "Quyết định số 1048/QĐ-TTg ngày 21/8/2019" in message and "hết hiệu lực sau ngày 23/02/2023" in message
    assert "thay bằng Quyết định số 148/QĐ-TTg ngày 24/02/2023" in message


def test_basis_issued_after_the_act_is_refused():
    bases = [LegalBasis(**lb.basis_from_ref("QD26-2026"))]
    with pytest.raises(RuleViolation, match=r"ban hành sau ngày ký văn bản \(01/05/2026\)") as info:
        lb.check_bases(bases, date(2026, 5, 1))
    assert info.value.rule == "OCOP-BASIS"


def test_bases_in_force_pass_and_lapsed_lists_them_for_roll_forward():
    bases = lb.propose("council_decision", "huyen", date(2024, 3, 12))
    lb.check_bases(bases, date(2024, 3, 12))
    lapsed = lb.lapsed(bases, date(2026, 8, 1))
    assert [(e.key, s.key if s else None) for _, e, s in lapsed] == [
        ("LTCCQDP-2015", "LTCCQDP-72-2025"), ("LSD-2019", "LTCCQDP-72-2025"), ("QD919", "NQ257-2025"), ("QD148", "QD26-2026"),
    ]


def test_unknown_ref_is_a_vietnamese_error():
    with pytest.raises(ValueError, match="không có văn bản 'QD999' trong danh mục căn cứ"):
        lb.basis_from_ref("QD999")


def test_a_law_is_proposed_before_the_law_amending_it():
    # QĐ 4497/QĐ-BNN-VPĐP (18/11/2022, a ministry's council): Luật Tổ chức Chính phủ 2015, then the 2019 amending law
    lines = [b.text for b in lb.propose("quyet-dinh-hoi-dong", "trung_uong", date(2022, 11, 18))]
    assert lines[0] == "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"
    assert lines[1].startswith("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền")
