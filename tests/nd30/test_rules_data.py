"""The ND30 facts of ocop_docs.nd30 that rendering and checking share: consistent with each
other and with the spec (docs/spec/nd30.md)."""
from __future__ import annotations

import re

import pytest

from ocop_docs.model.common import Signer
from ocop_docs.nd30 import anatomy, doctypes, formats, rules
from testpaths import DOCS

SPEC = DOCS / "spec" / "nd30.md"


def test_size_profiles_pair_allowed_sizes():  # ND30-FONT-03
    assert rules.SIZE_PROFILES == {13: (14, 14), 12: (13, 13)}
    for qh, (tn, date) in rules.SIZE_PROFILES.items():
        assert qh in rules.ELEMENTS["quoc_hieu"].sizes
        assert tn in rules.ELEMENTS["tieu_ngu"].sizes and date in rules.ELEMENTS["dia_danh_ngay"].sizes
    render = rules.ELEMENTS
    assert rules.SIZE_PROFILES[render["quoc_hieu"].render] == (render["tieu_ngu"].render, render["dia_danh_ngay"].render)


def test_soft_cases_are_warnings_inside_error_rules():
    assert set(rules.SOFT_CASES) == {("ND30-DATE-02", "month_zero"), ("ND30-SO-03", "third_group"),
                                     ("ND30-SO-04", "upper_cased_abbreviation")}
    for rule_id, case in rules.SOFT_CASES:
        assert rules.RULES[rule_id].severity == "error"
        assert rules.severity(rule_id, case) == "warning"
        assert rules.severity(rule_id) == "error"
    assert rules.severity("ND30-DATE-02", "unknown case") == "error"
    with pytest.raises(KeyError):
        rules.severity("ND30-NOPE-01")


def test_upper_cased_abbreviations_of_the_soft_case_are_known():
    for wrong in ("QYĐ", "CTR", "TTR"):
        assert doctypes.WRONG_ABBREVIATIONS[wrong].upper() == wrong


def test_every_rule_id_is_in_the_spec():
    text = SPEC.read_text(encoding="utf-8")
    ids = set(re.findall(r"ND30-[A-Z]+(?:-[A-Z]+)?-\d+", text))
    assert set(rules.RULES) <= ids, set(rules.RULES) - ids
    for rule_id in ("ND30-RECIP-02", "ND30-APPX-01", "ND30-DRAFTER-01", "ND30-ADDR-01", "ND30-MARK-01", "ND30-MARK-03"):
        assert rule_id in rules.RULES and rules.RULES[rule_id].asks


def test_page_constants():
    assert rules.PAGE_SIZE_TOLERANCE_MM == 1.0  # ND30-PAGE-01
    assert rules.A4_TWIPS == (11906, 16838)
    assert rules.SINGLE_LINE_FACTOR == 1.15  # ND30-BODY-03: 14 pt single ≈ 16.1 pt
    assert round(14 * rules.SINGLE_LINE_FACTOR, 1) == 16.1


def test_new_elements_do_not_change_the_rendered_styles():
    from ocop_docs.render.styles import STYLES

    used = {element for _, element, _ in STYLES.values() if element}
    assert used <= set(rules.ELEMENTS)
    assert rules.ELEMENTS["noi_nhan_item"].sizes == rules.ELEMENTS["nguoi_soan_thao"].sizes == (11,)
    assert rules.ELEMENTS["dia_chi_lien_he"].sizes == (11, 12)


@pytest.mark.parametrize("text, ok", [("PL.(300)", True), ("VP.(05)", True), ("pl.(300)", False),
                                      ("PL. (300)", False), ("PL(300)", False), ("PL.(ba)", False)])
def test_drafter_regex(text, ok):  # ND30-DRAFTER-01
    assert bool(formats.DRAFTER_RE.match(text)) is ok


@pytest.mark.parametrize("name, degree", [("ThS. Nguyễn Văn An", "ThS."), ("PGS.TS. Nguyễn Văn An", "PGS.TS."),
                                          ("Tiến sĩ Lê Văn Bình", "Tiến sĩ"), ("TSKH Trần An", "TSKH"),
                                          ("Nguyễn Văn An", None), ("Lê Thị Sen", None), ("Thái Văn Ba", None)])
def test_degrees(name, degree):  # ND30-SIGN-04
    m = formats.DEGREE_RE.match(name)
    assert (m.group(0).strip() if m else None) == degree


def test_signer_prefixes_match_the_model():  # ND30-SIGN-01
    assert formats.SIGNER_PREFIXES == ("TM.", "KT.", "Q.", "TL.", "TUQ.")
    for authority in ("KT", "Q", "TL", "TUQ"):
        signer = Signer(authority=authority, head_title="CHỦ TỊCH", title="PHÓ CHỦ TỊCH", name="Nguyễn Văn An")
        line = next(x for x in signer.authority_lines() if anatomy.SIGNER_PREFIX_RE.match(x))
        assert line.split()[0] in formats.SIGNER_PREFIXES
    for variant, prefix in anatomy.SIGNER_PREFIX_VARIANTS.items():
        assert prefix in formats.SIGNER_PREFIXES and anatomy.SIGNER_PREFIX_LOOSE_RE.match(variant.upper() + " X")


def test_non_nd30_titles_are_not_nd30_types():  # ND30 Điều 4.2.a, ND30-ABBR-03
    names = {t.name for t in doctypes.DOC_TYPES}
    for title in doctypes.LEGAL_TYPES + doctypes.CERTIFICATE_TITLES + doctypes.OCOP_FORM_TITLES:
        assert title not in names
        with pytest.raises(KeyError):
            doctypes.doc_type(title)
    assert "Giấy chứng nhận" in doctypes.CERTIFICATE_TITLES and "Nghị định" in doctypes.LEGAL_TYPES


def test_circulation_notes_and_kinh_gui():
    assert "LƯU HÀNH NỘI BỘ" in formats.CIRCULATION_NOTES and "XEM XONG TRẢ LẠI" in formats.CIRCULATION_NOTES
    m = formats.KINH_GUI_RE.match("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh.")
    assert m.group("colon") == ":" and m.group("rest") == "Ủy ban nhân dân tỉnh Hà Tĩnh."
