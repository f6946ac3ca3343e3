"""Decision models: thẩm quyền ↔ signature, computed "Như Điều n", titles, and every refusal of the
rules that depend on the signing date (ocop.md §1–3, §12; ND30-TPL-QD-02/03)."""
from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from ocop_docs.errors import DataError, RuleViolation
from ocop_docs.io.spec import validate_spec
from ocop_docs import kinds
from ocop_docs.model.common import Signer
from ocop_docs.model.decision import (CouncilDecision, GeneralDecision, PlanDecision, RecognitionDecision, council_role,
                                       team_role)

PROVINCE = {"name": "Ủy ban nhân dân tỉnh Hà Tĩnh", "abbreviation": "UBND", "level": "tinh"}
DISTRICT = {"name": "Ủy ban nhân dân huyện Bến Cầu", "abbreviation": "UBND", "level": "huyen"}
KT = {"authority": "KT", "head_title": "Chủ tịch", "title": "Phó Chủ tịch", "name": "Nguyễn Văn A"}
TM_KT = dict(KT, on_behalf_of="Ủy ban nhân dân")


def rule_of(info) -> str | None:
    """The ND30/OCOP rule a model refused with: kept on the error, never printed in its message."""
    cause = info.value.errors()[0].get("ctx", {}).get("error")
    assert "[ND30-" not in str(cause) and "[OCOP-" not in str(cause)
    return getattr(cause, "rule", None)


def product(name, stars=None, score=None, **extra):
    return {"name": name, "owner": f"HTX {name}", "address": "xã Vũ Quang, tỉnh Hà Tĩnh", "stars": stars, "score": score, **extra}


def recognition(**overrides) -> dict:
    data = {
        "kind": "recognition_decision", "issuer": PROVINCE, "number": 1402, "place": "Hà Tĩnh", "date": "2026-06-25",
        "year": 2026, "round": 1, "signer": KT, "executors": ["Chánh Văn phòng Ủy ban nhân dân tỉnh"],
        "products": [product("Cam bù Hương Sơn", 4, "72,5"), product("Kẹo cu đơ", 3, 64.25)],
    }
    data.update(overrides)
    return data


def council(**overrides) -> dict:
    data = {
        "kind": "council_decision", "action": "thành lập", "issuer": DISTRICT, "number": 418, "place": "Bến Cầu",
        "date": "2024-03-12", "signer": KT, "executors": ["Chánh Văn phòng HĐND và UBND huyện"],
        "members": [
            {"name": "Nguyễn Văn Hùng", "position": "Phó Chủ tịch UBND huyện", "role": "Chủ tịch"},
            {"name": "Lê Thanh Phong", "position": "Trưởng phòng Nông nghiệp và Phát triển nông thôn huyện", "role": "Phó Chủ tịch Hội đồng"},
            {"name": "Trần Thị Linh", "position": "Chuyên viên", "role": "Uỷ viên, thư ký"},
        ],
    }
    data.update(overrides)
    return data


def plan_decision(**overrides) -> dict:
    data = {
        "kind": "plan_decision", "issuer": PROVINCE, "number": None, "expected_date": "2026-06-15", "place": "Hà Tĩnh",
        "signer": TM_KT, "executors": ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc các sở"],
        "recipients": ["Bộ Nông nghiệp và Môi trường"],
        "plan": {"title": "Thực hiện Chương trình OCOP năm 2026", "year": 2026, "body": [{"heading": "Mục đích", "content": ["Một đoạn."]}]},
    }
    data.update(overrides)
    return data


def build(data):
    return kinds.get(data["kind"]).model.model_validate(data)


# ---- kinds and the thẩm quyền line (ND30-TPL-QD-01/02) -------------------------------------------

def test_kinds_are_registered_and_old_names_stay_accepted():
    assert kinds.get("quyet-dinh-hoi-dong").model is kinds.get("council_decision").model is CouncilDecision
    assert kinds.get("quyet-dinh-cong-nhan").model is kinds.get("recognition_decision").model is RecognitionDecision
    assert kinds.get("quyet-dinh-ban-hanh-ke-hoach").model is kinds.get("plan_decision").model is PlanDecision
    assert build(recognition()).kind == "quyet-dinh-cong-nhan"  # an old name is stored as the id


def test_authority_follows_the_signature():
    individual = build(recognition())
    assert individual.authority_line() == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"
    assert individual.issued_by() == "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"
    collective = build(recognition(signer=TM_KT))
    assert collective.authority_line() == "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"
    assert collective.issued_by() == "Ủy ban nhân dân tỉnh Hà Tĩnh"


def test_collective_authority_without_tm_is_refused():
    with pytest.raises(ValidationError, match=r"chữ ký phải có 'TM\. ỦY BAN NHÂN DÂN'") as info:
        build(recognition(authority="collective", signer=KT))
    assert rule_of(info) == "ND30-TPL-QD-02"


def test_individual_authority_with_tm_is_refused():
    with pytest.raises(ValidationError, match=r"không có 'TM\. ỦY BAN NHÂN DÂN'") as info:
        build(recognition(authority="individual", signer=TM_KT))
    assert rule_of(info) == "ND30-TPL-QD-02"


def test_tm_of_another_body_is_refused():
    signer = dict(KT, on_behalf_of="Hội đồng nhân dân")
    with pytest.raises(ValidationError, match=r"không khớp với cơ quan ban hành") as info:
        build(recognition(signer=signer))
    assert rule_of(info) == "ND30-SIGN-02"


# ---- articles and "Như Điều n" (ND30-TPL-QD-03) -----------------------------------------------

def test_nhu_dieu_points_at_the_executors_article_whatever_the_count():
    d = build(recognition(recipients=["Bộ Nông nghiệp và Môi trường"]))
    arts = d.articles()
    assert [a.role for a in arts] == ["own", "own", "own", "effect", "executors"]
    assert d.executors_article_number == 5 and d.recipient_items()[0] == "Như Điều 5"
    more = build(recognition(extra_articles=["Một điều thêm.", {"title": "Điều có tên", "content": ["1. Khoản."]}]))
    assert more.executors_article_number == 7 and more.recipient_items()[0] == "Như Điều 7"
    merged = build(recognition(effect_article=False))
    assert merged.executors_article_number == 4
    assert merged.articles()[-1].article.content == ["Quyết định này có hiệu lực kể từ ngày ký."]


def test_typed_nhu_dieu_with_the_wrong_number_is_refused():
    with pytest.raises(ValidationError, match=r"ghi 'Như Điều 4' nhưng điều quy định trách nhiệm thi hành là Điều 5") as info:
        build(recognition(recipients=["Như Điều 4;", "Sở Tài chính"]))
    assert rule_of(info) == "ND30-TPL-QD-03"
    ok = build(recognition(recipients=["- Như Điều 5;", "Sở Tài chính"]))
    assert ok.recipient_items() == ["Như Điều 5", "Sở Tài chính"]


def test_executors_sentence_and_replaced_decision():
    d = build(council(action="kiện toàn", replaces=[{
        "number": 1526, "date": "05/4/2023", "issuer": "Chủ tịch Ủy ban nhân dân huyện Bến Cầu",
        "title": "Về việc kiện toàn Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Bến Cầu"}]))
    effect = d.articles()[-2].article.text
    assert effect == ("Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1526/QĐ-UBND ngày 05/4/2023 của "
                      "Chủ tịch Ủy ban nhân dân huyện Bến Cầu về việc kiện toàn Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Bến Cầu.")
    assert d.articles()[-1].article.text == "Chánh Văn phòng HĐND và UBND huyện chịu trách nhiệm thi hành Quyết định này."


def test_kien_toan_needs_the_replaced_decision():
    with pytest.raises(ValidationError, match="quyết định kiện toàn phải ghi quyết định được thay thế"):
        build(council(action="kiện toàn"))
    with pytest.raises(ValidationError, match="không trước ngày ký"):
        build(council(action="kiện toàn", replaces=[{"number": 9, "date": "2024-03-12", "issuer": "Chủ tịch UBND huyện"}]))


# ---- council ---------------------------------------------------------------------------------

def test_council_title_roles_and_inline_members():
    d = build(council(team={"label": "Tổ giúp việc", "members": [
        {"name": "B", "role": "Thành viên"}, {"name": "A", "position": "Phó Trưởng phòng", "role": "Tổ trưởng Tổ giúp việc"}]}))
    assert d.trich_yeu() == "Về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Bến Cầu và Tổ giúp việc Hội đồng"
    assert [m.role for m in d.members] == ["Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên kiêm Thư ký"]
    assert [m.name for m in d.team.members] == ["A", "B"]  # Tổ trưởng first
    first = d.articles()[0].article
    assert first.text.startswith("Thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Bến Cầu và Tổ giúp việc Hội đồng")
    assert first.content[1] == "- Chủ tịch Hội đồng: Nguyễn Văn Hùng, Phó Chủ tịch UBND huyện;"
    assert first.content[-1] == "- Thành viên: B."
    duties = " ".join(d.articles()[1].article.content)
    # R148 district: recognises 3★, forwards ≥ 70 points to the province (ocop.md §3).
    assert "đề nghị Chủ tịch Ủy ban nhân dân huyện Bến Cầu công nhận sản phẩm đạt hạng 3 sao" in duties
    assert "lựa chọn sản phẩm đạt từ 70 điểm trở lên đề nghị Hội đồng cấp tỉnh" in duties
    assert "Quyết định số 148/QĐ-TTg ngày 24/02/2023" in duties


def test_council_needs_one_chair_and_one_team_lead():
    members = council()["members"][1:]
    with pytest.raises(ValidationError, match=r"cần đúng một Chủ tịch Hội đồng \(đang có 0\)"):
        build(council(members=members))
    with pytest.raises(ValidationError, match=r"Tổ tư vấn cần đúng một Tổ trưởng"):
        build(council(team={"members": [{"name": "X", "role": "Thành viên"}]}))
    with pytest.raises(ValidationError, match="là của Tổ, không phải của Hội đồng"):
        build(council(members=council()["members"] + [{"name": "Y", "role": "Tổ phó"}]))


def test_role_words():
    assert council_role("Uỷ viên - Thư ký") == "Ủy viên kiêm Thư ký"
    assert council_role("PHÓ CHỦ TỊCH THƯỜNG TRỰC") == "Phó Chủ tịch Thường trực Hội đồng"
    assert team_role("Tổ trưởng Tổ tư vấn") == "Tổ trưởng"
    with pytest.raises(ValueError, match="là của Tổ giúp việc, không phải của Hội đồng"):
        council_role("Tổ trưởng")
    with pytest.raises(ValueError, match="là của Hội đồng, không phải của Tổ"):
        team_role("Chủ tịch Hội đồng")


def test_commune_has_no_council():
    commune = {"name": "Ủy ban nhân dân xã Vũ Quang", "abbreviation": "UBND", "level": "xa"}
    with pytest.raises(RuleViolation) as info:
        build(council(issuer=commune, date="2024-06-01", executors=["Văn phòng"]))
    assert info.value.rule == "OCOP-COUNCIL"
    assert "cấp xã" in str(info.value)


# ---- refusals of issue point 4 (each with its message) ----------------------------------------

def test_refused_district_recognising_4_stars_under_148():
    data = recognition(issuer=DISTRICT, place="Bến Cầu", date="2024-11-12", year=2024,
                       products=[product("Mãng cầu Bà Đen", 3, 60), product("Bánh tráng phơi sương", 4, 75)])
    with pytest.raises(RuleViolation) as info:
        build(data)
    assert info.value.rule == "OCOP-RECOGNISE"
    assert str(info.value) == (
        "không thể công nhận:\n  products[1]: 'Bánh tráng phơi sương' (HTX Bánh tráng phơi sương), 4 sao: theo Quyết định "
        "số 148/QĐ-TTg ngày 24/02/2023 (áp dụng cho văn bản ký ngày 12/11/2024), cấp huyện chỉ được công nhận sản phẩm "
        "3 sao; cấp huyện công nhận 3 sao, cấp tỉnh công nhận 4 sao, cấp trung ương công nhận 5 sao"
    )


def test_refused_district_recognising_any_star_under_1048():
    data = recognition(issuer=DISTRICT, place="Bến Cầu", date="2021-07-21", year=2021, signer=KT,
                       products=[product("Mãng cầu Bà Đen", 3, 60)])
    with pytest.raises(RuleViolation) as info:
        build(data)
    assert info.value.rule == "OCOP-RECOGNISE"
    assert "theo Quyết định số 1048/QĐ-TTg ngày 21/8/2019 (áp dụng cho văn bản ký ngày 21/07/2021), cấp huyện không có thẩm quyền công nhận hạng sao" in str(info.value)


@pytest.mark.parametrize("builder", [recognition, council])
def test_refused_district_act_after_30_06_2025(builder):
    data = builder(issuer=DISTRICT, place="Bến Cầu", date="2025-07-01", year=2025)
    if builder is council:
        data.pop("year")
    with pytest.raises(RuleViolation) as info:
        build(data)
    assert info.value.rule == "OCOP-LEVEL"
    assert str(info.value) == (
        "cấp huyện không còn từ ngày 01/07/2025 (chính quyền địa phương hai cấp); văn bản ngày 01/07/2025 phải do UBND "
        "tỉnh hoặc UBND xã ban hành"
    )


def test_refused_2_star_product_on_a_recognition_list():
    data = recognition(products=[product("Cam bù Hương Sơn", 4, 72.5), product("Chè vằng", 2, 45)])
    with pytest.raises(RuleViolation) as info:
        build(data)
    assert info.value.rule == "OCOP-RECOGNISE"
    assert "products[1]: 'Chè vằng' (HTX Chè vằng), 2 sao: sản phẩm 2 sao không được công nhận và không được cấp giấy chứng nhận (chỉ công nhận từ 3 sao)" in str(info.value)


def test_refused_5_star_at_province_and_star_score_mismatch():
    with pytest.raises(RuleViolation, match="cấp tỉnh chỉ được công nhận sản phẩm 3/4 sao"):
        build(recognition(products=[product("Nước mắm", 5, 92)]))
    with pytest.raises(RuleViolation) as info:
        build(recognition(products=[product("Nước mắm", 4, 65)]))
    assert info.value.rule == "OCOP-BAND" and "điểm này thuộc hạng 3 sao (từ 50 đến dưới 70 điểm)" in str(info.value)


def test_refused_old_agency_name_in_a_2026_decision():
    with pytest.raises(RuleViolation) as info:
        build(recognition(standing_body="Sở Nông nghiệp và Phát triển nông thôn"))
    assert info.value.rule == "OCOP-AGENCY"
    assert "standing_body: 'Nông nghiệp và Phát triển nông thôn' không còn từ ngày 01/03/2025" in str(info.value)


def test_refused_lapsed_basis():
    data = recognition(legal_bases=[{"ref": "QD148"}])  # QĐ 148 lapses after 20/07/2026
    build(data)
    with pytest.raises(RuleViolation, match="thay bằng Quyết định số 26/2026/QĐ-TTg"):
        build(recognition(legal_bases=[{"ref": "QD148"}], date="2026-08-03"))


def test_refused_ministry_with_the_old_name():
    ministry = {"name": "Bộ Nông nghiệp và Phát triển nông thôn", "abbreviation": "BNN-VPĐP", "level": "trung_uong"}
    signer = {"title": "Bộ trưởng", "name": ""}
    members = [{"name": "Trần Văn X", "position": "Thứ trưởng", "role": "Chủ tịch Hội đồng"},
               {"name": "Lê Thị Y", "position": "Vụ trưởng", "unit": "Bộ Công Thương", "role": "Ủy viên"}]
    data = council(issuer=ministry, place="Hà Nội", date="2026-06-01", signer=signer, executors=["Chánh Văn phòng Bộ"],
                   members=members)
    with pytest.raises(RuleViolation, match="phải là 'Bộ Nông nghiệp và Môi trường'"):
        build(data)
    ok = build(dict(data, issuer=dict(ministry, name="Bộ Nông nghiệp và Môi trường")))
    assert ok.authority_line() == "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    assert "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương" == ok.name


# ---- recognition -----------------------------------------------------------------------------

def test_recognition_title_counts_and_stars_from_score():
    d = build(recognition(products=[product("A", None, 58), product("B", 4, 71), product("C", 3, None)]))
    assert d.trich_yeu() == "Về việc công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận sản phẩm OCOP cấp tỉnh đợt 1 năm 2026"
    assert [p.name for p in d.products] == ["B", "A", "C"] and d.products[1].stars == 3
    text = d.articles()[0].article.text
    assert text == ("Công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận cho 03 sản phẩm đạt tiêu chuẩn sản phẩm OCOP "
                    "cấp tỉnh đợt 1 năm 2026, gồm: 01 sản phẩm đạt hạng 4 sao; 02 sản phẩm đạt hạng 3 sao (có Danh sách kèm theo).")
    assert "36 tháng kể từ ngày ký Quyết định này" in d.articles()[1].article.content[0]
    variant = build(recognition(verb="phê duyệt", with_certificate=False, show_level=False, round=None))
    assert variant.trich_yeu() == "Về việc phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP năm 2026"


def test_recognition_refuses_duplicates_and_empty_lists():
    with pytest.raises(ValidationError, match="có hai lần trong danh sách"):
        build(recognition(products=[product("A", 3, 60), product("A", 3, 61)]))
    with pytest.raises(ValidationError, match="danh sách sản phẩm trống"):
        build(recognition(products=[]))


def test_products_file_with_a_bad_row_names_file_and_row(tmp_path):
    table = tmp_path / "ket-qua.csv"
    table.write_text("STT,Tên sản phẩm,Chủ thể,Điểm,Hạng sao\n1,Cam,HTX Cam,72,4\n2,Bưởi,,76,4\n", encoding="utf-8")
    data = recognition(products=None, products_file="ket-qua.csv")
    del data["products"]
    with pytest.raises(DataError) as info:
        validate_spec(data, RecognitionDecision, tmp_path / "qd.yaml")
    assert info.value.file == str(table)
    assert info.value.problems[0].row == 3
    assert "sản phẩm ở dòng này không dùng được" in str(info.value)


def test_products_file_2_star_row_cites_file_and_row(tmp_path):
    (tmp_path / "kq.csv").write_text("Tên sản phẩm,Chủ thể,Điểm\nCam,HTX Cam,72\nChè,HTX Chè,40\n", encoding="utf-8")
    data = recognition(products_file="kq.csv")
    del data["products"]
    with pytest.raises(DataError, match=r"dòng 3 của tệp kq\.csv: 'Chè' \(HTX Chè\), 2 sao") as info:
        validate_spec(data, RecognitionDecision, tmp_path / "qd.yaml")
    assert str(tmp_path / "qd.yaml") in str(info.value)
    assert info.value.problems[0].rule == "OCOP-RECOGNISE" and "[OCOP-" not in str(info.value)


# ---- plan decision (Mẫu 1.3, ND30-TPL-ATT-01) -------------------------------------------------

def test_plan_decision_defaults_and_attached_plan():
    d = build(plan_decision())
    assert d.trich_yeu() == "Ban hành Kế hoạch thực hiện Chương trình OCOP năm 2026"
    assert d.articles()[0].article.text == "Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình OCOP năm 2026."
    assert d.plan.issuer.name == "Ủy ban nhân dân tỉnh Hà Tĩnh" and d.plan.number is None
    # A draft keeps blanks for the number and the day and month (ND30-APPX-03).
    assert d.attachment_line() == (
        "(Kèm theo Quyết định số       /QĐ-UBND ngày      tháng      năm 2026 của Ủy ban nhân dân tỉnh Hà Tĩnh)"
    )
    final = build(plan_decision(number=794, date="24/3/2020", expected_date=None, attachment_phrase="Ban hành kèm theo",
                                attachment_date_style="short", recipients=[], plan={"title": "Triển khai X năm 2020", "year": 2020,
                                                                                      "body": [{"heading": "A", "content": ["b"]}]}))
    assert final.attachment_line() == "(Ban hành kèm theo Quyết định số 794/QĐ-UBND ngày 24/3/2020 của Ủy ban nhân dân tỉnh Hà Tĩnh)"


def test_plan_decision_title_must_issue_or_approve():
    with pytest.raises(ValidationError, match=r"phải bắt đầu bằng 'Ban hành' hoặc 'Phê duyệt'") as info:
        build(plan_decision(title="Về việc kế hoạch OCOP"))
    assert rule_of(info) == "ND30-TITLE-04"


def test_draft_without_expected_date_is_refused():
    with pytest.raises(ValidationError, match=r"ghi 'expected_date'") as info:
        build(plan_decision(expected_date=None))
    assert rule_of(info) == "OCOP-REGIME"


def test_bases_are_proposed_then_local_then_proposal_line():
    d = build(plan_decision(local_bases=["Căn cứ Kế hoạch số 96/KH-UBND ngày 02/6/2023 của UBND tỉnh"],
                            proposed_by="Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 1/TTr-SNNMT"))
    bases = d.effective_bases()
    assert [b.ref for b in bases] == ["LTCCQDP-72-2025", "NQ257-2025", "QD26-2026", None, None]
    assert bases[-1].verb == "Theo đề nghị của"
    with pytest.raises(ValidationError, match=r"đã có dòng 'Theo đề nghị của …' trong căn cứ; bỏ 'proposed_by'"):
        build(plan_decision(local_bases=["Theo đề nghị của Sở"], proposed_by="Sở Tài chính"))
    with pytest.raises(ValidationError, match=r"phải là dòng cuối của phần căn cứ") as info:
        build(plan_decision(legal_bases=["Theo đề nghị của Sở", "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15"]))
    assert rule_of(info) == "ND30-BODY-01"


def test_revalidation_is_idempotent():
    d = build(recognition(proposed_by="Giám đốc Sở Nông nghiệp và Môi trường", local_bases=["Căn cứ X"]))
    before = [b.text for b in d.effective_bases()]
    d.number = 1500  # validate_assignment runs the validators again
    assert [b.text for b in d.effective_bases()] == before
    copy.deepcopy(d).year = 2026


# ---- read back ------------------------------------------------------------------------------

def test_a_signature_cut_after_its_authority_lines_is_kept_with_title_and_name_empty():
    cut = Signer(on_behalf_of="ỦY BAN NHÂN DÂN", authority="KT", head_title="CHỦ TỊCH")
    assert cut.authority_lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"] and cut.title is None and cut.name == ""
    with pytest.raises(ValidationError, match="người ký cần chức vụ"):
        Signer()  # nothing of a signer at all is still refused


def test_a_general_decision_without_its_thẩm_quyền_line_prints_none():
    data = {"issuer": PROVINCE, "place": "Hà Tĩnh", "title": "Về việc phê duyệt Đề án"}
    assert GeneralDecision.model_validate(data).authority_line() == ""  # not guessed from the issuer
    assert GeneralDecision.model_validate(dict(data, authority="Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh")).authority_line() \
        == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"


@pytest.mark.parametrize("title,subject", [
    ("Quyết định phân hạng và cấp giấy chứng nhận sản phẩm OCOP", "công nhận"),
    ("Về việc phân hạng và cấp giấy chứng nhận sản phẩm OCOP tỉnh Trà Vinh năm 2024", "công nhận"),
    ("Phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP năm 2023", "công nhận"),
    # The council that does the phân hạng is a council decision; the criteria are issued, not recognised.
    ("Thành lập Hội đồng đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP", "hội đồng"),
    ("Ban hành Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP", "khác"),
])
def test_decision_subject_reads_the_recognition_decision_under_its_other_wordings(title, subject):
    from ocop_docs.model.decision import decision_subject

    assert decision_subject(title, None) == subject


def test_members_whose_names_differ_by_one_mark_are_two_people():
    """Issue 13 case 1: "Hùng" and "Hưng" are both listed; the same name with other case or spacing is one person
    written twice; the recognition list keeps "Gạo tám thơm" and "Gạo tấm thơm" apart the same way."""
    members = council()["members"] + [{"name": "Nguyễn Văn Hưng", "position": "Chuyên viên", "role": "Ủy viên"}]
    d = build(council(members=members))
    names = [m.name for m in d.members]
    assert "Nguyễn Văn Hùng" in names and "Nguyễn Văn Hưng" in names
    content = d.articles()[0].article.content
    assert any("Nguyễn Văn Hùng" in line for line in content) and any("Nguyễn Văn Hưng" in line for line in content)
    twice = council()["members"] + [{"name": "nguyễn  văn HÙNG", "position": "Chuyên viên", "role": "Ủy viên"}]
    with pytest.raises(ValidationError, match="'nguyễn  văn HÙNG' có tên hai lần"):
        build(council(members=twice))
    both = build(recognition(products=[product("Gạo tám thơm", 3, 60), product("Gạo tấm thơm", 3, 61)]))
    assert [p.name for p in both.products] == ["Gạo tám thơm", "Gạo tấm thơm"]
