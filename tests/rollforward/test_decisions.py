"""The officer's answers to a rolled-forward plan: keyed decisions, checked answers, the final draft
(.docx with the officer's tracked changes, clean .docx), unanswered decisions still flagged."""
from __future__ import annotations

import zipfile
from datetime import date

import docx
import pytest
from lxml import etree
from testpaths import SAMPLES

from ocop_docs.errors import DataError
from ocop_docs.rollforward import roll_forward, value_at
from ocop_docs.rollforward.decisions import apply_decisions, decisions
from ocop_docs.rollforward.files import load_plan, run
from wordbuild import accept_all, commune_plan_2026
from wordcheck import word_findings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICER = "Lê Thị Hoa"
ANSWERS = {"so": 15, "ngay": date(2027, 1, 8), "chi-tieu-1": "04", "chi-tieu-4": "5", "so-tien-1": "60.000.000",
           "nguoi-ky-ho-ten": "Nguyễn Thị Lan"}


@pytest.fixture(scope="module")
def word_plan(tmp_path_factory):
    out = tmp_path_factory.mktemp("answers")
    commune_plan_2026(out / "ke-hoach-2026.docx")
    return out / "ke-hoach-2026.docx"


@pytest.fixture(scope="module")
def decided(word_plan):
    out = word_plan.parent
    files = run(word_plan, 2027, out / "kh-2027.yaml", on=date(2027, 1, 5), docx=out / "du-thao.docx",
                clean=out / "sach.docx", report=out / "bao-cao.md", answers=ANSWERS, author=OFFICER)
    return files, out


def _revisions(path, tag: str) -> list[tuple[str, str]]:
    """(author, text) of each w:ins or w:del of the document's body."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    text_tag = f"{W}delText" if tag == "del" else f"{W}t"
    return [(e.get(f"{W}author"), "".join(t.text or "" for t in e.iter(text_tag))) for e in body.iter(f"{W}{tag}")]


def test_each_decision_has_a_key_a_label_and_the_value_the_draft_holds(word_plan):
    plan, _ = load_plan(word_plan)
    found = {d.key: (d.label, d.current) for d in decisions(roll_forward(plan, 2027, on=date(2027, 1, 5)))}
    assert list(found) == ["so", "ngay", "chi-tieu-1", "chi-tieu-2", "chi-tieu-3", "chi-tieu-4", "so-tien-1",
                           "so-tien-2", "nguoi-ky-chuc-vu", "nguoi-ky-ho-ten"]
    assert found["chi-tieu-1"] == ("Chỉ tiêu 1 (Mục I, đoạn 1)", "02 sản phẩm")
    assert found["chi-tieu-4"][1] == "4 sao"
    assert found["so-tien-1"] == ("Số tiền 1 (Mục III, đoạn 1, bảng, dòng 1, cột 3)", "50.000.000")
    assert found["nguoi-ky-ho-ten"] == ("Họ tên người ký", "Lê Văn Bình")


def test_the_answers_are_in_the_clean_docx(decided):
    files, out = decided
    document = docx.Document(str(out / "sach.docx"))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "Số: 15/KH-UBND" in text and "ngày 08 tháng 01 năm 2027" in text
    assert "Phấn đấu có ít nhất 04 sản phẩm đạt 3 sao trở lên; nâng hạng 01 sản phẩm lên 5 sao." in text
    assert "60.000.000" in cells and "35.000.000" in cells and "95.000.000" in cells  # the total is the new sum
    assert "85.000.000" not in cells
    assert "Nguyễn Thị Lan" in text and "Lê Văn Bình" not in text
    assert word_findings(out / "sach.docx") == []


def test_the_officers_edits_are_the_officers_tracked_changes(decided):
    _, out = decided
    inserted, deleted = _revisions(out / "du-thao.docx", "ins"), _revisions(out / "du-thao.docx", "del")
    mine = {t.strip() for a, t in inserted if a == OFFICER}
    assert {"15", "08", "04", "5", "60.000.000", "95.000.000", "Nguyễn Thị Lan"} <= mine, mine
    assert {"12", "10", "02", "4", "50.000.000", "85.000.000", "Lê Văn Bình"} <= {t.strip() for a, t in deleted if a == OFFICER}
    # The software's own changes (the plan's years) stay the software's.
    assert ("ocop-docs", "2027") in inserted and not any(a == OFFICER and t == "2027" for a, t in inserted)
    assert word_findings(out / "du-thao.docx") == []


def test_unanswered_decisions_stay_comments_and_answered_ones_do_not(decided, tmp_path):
    files, out = decided
    assert [d.key for d in files.decided.open] == ["chi-tieu-2", "chi-tieu-3", "so-tien-2", "nguoi-ky-chuc-vu"]
    comments = [c.text for c in docx.Document(str(out / "du-thao.docx")).comments]
    assert any("«01 sản phẩm»" in c for c in comments)  # chi-tieu-3, not answered
    assert not any("«02 sản phẩm»" in c for c in comments)  # chi-tieu-1, answered
    assert any(c.startswith("Người ký") for c in comments)  # the signer's title is still to confirm
    report = (out / "bao-cao.md").read_text(encoding="utf-8")
    assert "| `so-tien-2` | Số tiền 2 (Mục III, đoạn 1, bảng, dòng 2, cột 3) | 35.000.000 |" in report
    assert "`so-tien-1`" not in report.split("## Các ô để điền")[1].split("##")[0]
    assert "| Người soạn sửa | Mục III, đoạn 1, bảng, dòng 1, cột 3 | 50.000.000 | 60.000.000 |" in report
    assert "| Người soạn sửa | Mục III, đoạn 1 | 85.000.000 | (tính lại khi in) |" in report
    # Accepting every change gives the clean text.
    accept_all(out / "du-thao.docx", tmp_path / "chap-nhan.docx")
    accepted = [p.text for p in docx.Document(str(tmp_path / "chap-nhan.docx")).paragraphs]
    assert accepted == [p.text for p in docx.Document(str(out / "sach.docx")).paragraphs]


def test_an_answer_equal_to_the_draft_confirms_it(word_plan):
    plan, _ = load_plan(word_plan)
    rolled = roll_forward(plan, 2027, on=date(2027, 1, 5))
    done = apply_decisions(rolled, {"so-tien-2": "35.000.000", "nguoi-ky-chuc-vu": "CHỦ TỊCH"})
    assert [(a.decision.key, a.kept) for a in done.answered] == [("so-tien-2", True), ("nguoi-ky-chuc-vu", True)]
    assert not [c for c in done.result.changes if c.category == "officer"]
    assert "so-tien-2" not in [d.key for d in done.open]


def test_wrong_answers_are_all_refused_naming_the_field_and_nothing_is_written(word_plan, tmp_path):
    bad = tmp_path / "tra-loi.yaml"
    bad.write_text("so-tien-1: 60,000,000\nngay: 05/01/2029\nchi-tieu-2: 9\nchi-tieu-1: hai\n"
                   "nguoi-ky-ho-ten: Lan 2\nso: 0\nso-tien-9: 1\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        run(word_plan, 2027, tmp_path / "kh.yaml", on=date(2027, 1, 5), docx=tmp_path / "du-thao.docx", answers=bad)
    message = str(caught.value)
    assert message.startswith("Lỗi dữ liệu trong tệp tra-loi.yaml:")
    for expected in (
        "trường 'so-tien-1': «Số tiền 1 (Mục III, đoạn 1, bảng, dòng 1, cột 3)»: số tiền '60,000,000' không rõ ràng",
        "trường 'ngay': «Ngày ký»: ngày 05/01/2029 nằm ngoài thời gian ký kế hoạch năm 2027 (từ 01/01/2026 đến 31/12/2027)",
        "trường 'chi-tieu-2': «Chỉ tiêu 2 (Mục I, đoạn 1)»: hạng sao '9' phải từ 1 đến 5",
        "trường 'chi-tieu-1': «Chỉ tiêu 1 (Mục I, đoạn 1)»: 'hai' không phải một số",
        "trường 'nguoi-ky-ho-ten': «Họ tên người ký»: 'Lan 2' không phải họ tên",
        "trường 'so': «Số văn bản»: '0' không phải số văn bản",
        "trường 'so-tien-9': không có ô này trong bản dự thảo",
    ):
        assert expected in message, expected
    assert not (tmp_path / "kh.yaml").exists() and not (tmp_path / "du-thao.docx").exists()


def test_amounts_percentages_and_dates_in_sentences():
    plan, _ = load_plan(SAMPLES / "plans" / "ha-tinh-2023-2025.yaml")
    rolled = roll_forward(plan, 2026, end_year=2026, on=date(2026, 9, 1))
    found = {d.key: d.current for d in decisions(rolled)}
    assert found["so-tien-1"] == "500 triệu đồng" and found["chi-tieu-3"] == "20%" and found["thoi-han-1"] == "2021-2025"
    done = apply_decisions(rolled, {"so-tien-1": "650 triệu", "chi-tieu-3": "25", "thoi-han-1": "2026-2027"},
                           author=OFFICER)
    where = {d.key: d.slot for d in decisions(rolled)}
    for key, words in (("so-tien-1", "tối thiểu 650 triệu đồng, có"), ("chi-tieu-3", "25%"),
                       ("thoi-han-1", "giai đoạn 2026-2027.")):
        assert words in value_at(done.result.plan, where[key].path), key
    with pytest.raises(DataError, match=r"«Thời hạn 1 \(.*\)»: năm 2021 nằm ngoài thời gian của kế hoạch năm 2026 "
                                        r"\(thời hạn từ năm 2026 đến năm 2027\)"):
        apply_decisions(rolled, {"thoi-han-1": "2021-2030"})
    # The keys of what is left are the keys of the first round: one answers file serves every round.
    assert {d.key: d.current for d in done.open}["so-tien-2"] == found["so-tien-2"]


def test_a_task_deadline_left_in_its_old_year_is_answered_in_the_task(tmp_path):
    spec = (SAMPLES / "plans" / "ben-cau-2024.yaml").read_text(encoding="utf-8")
    assert spec.count('deadline: "cuối năm 2024"') == 1
    (tmp_path / "kh.yaml").write_text(spec.replace('deadline: "cuối năm 2024"', 'deadline: "Quý IV/2023"'), encoding="utf-8")
    plan, _ = load_plan(tmp_path / "kh.yaml")
    rolled = roll_forward(plan, 2025, on=date(2025, 1, 6))
    deadline = next(d for d in decisions(rolled) if d.kind == "deadline" and d.current == "Quý IV/2023")
    assert deadline.key == "thoi-han-1" and deadline.slot.path[-1] == "deadline"
    with pytest.raises(DataError, match="năm 2023 nằm ngoài thời gian của kế hoạch năm 2025"):
        apply_decisions(rolled, {"thoi-han-1": "Quý II/2023"})
    done = apply_decisions(rolled, {"thoi-han-1": "Quý II/2025"})
    task = value_at(done.result.plan, deadline.slot.path[:-1])
    assert (task.deadline.text, task.deadline.quarter, task.deadline.year) == ("Quý II/2025", 2, 2025)
    assert "thoi-han-1" not in [d.key for d in done.open]


def test_an_amount_typed_the_vietnamese_way_in_yaml_is_read_as_typed(word_plan, tmp_path):
    """FINDINGS 1: "so-tien-2: 1.000" is one thousand đồng, never the number 1 YAML would make of it."""
    answers = tmp_path / "tra-loi.yaml"
    answers.write_text("so-tien-1: 4.500\nso-tien-2: 1.000\nngay:\nso: 045\nchi-tieu-1: 010\n", encoding="utf-8")
    files = run(word_plan, 2027, tmp_path / "kh.yaml", on=date(2027, 1, 5), answers=answers)
    budget = files.result.plan.tables[1]
    assert [r[2].text for r in budget.rows] == ["4.500", "1.000"]
    # FINDINGS 24: "045" and "010" are not octal numbers to an officer.
    assert files.result.plan.number == 45 and files.result.plan.date is None  # an empty answer is no answer
    assert "ít nhất 10 sản phẩm" in files.result.plan.body[0].content[0].target.text


def test_a_budget_table_in_millions_is_answered_in_millions(tmp_path):
    """FINDINGS 3: a column «Kinh phí (triệu đồng)» asks for millions and prints them as the column does."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân tỉnh Thanh Hóa", "abbreviation": "UBND", "level": "tinh"},
        "place": "Thanh Hóa", "year": 2025, "title": "Thực hiện Chương trình OCOP năm 2025",
        "body": [{"heading": "KINH PHÍ", "content": [{"table": {
            "header": [["STT", "Nội dung", "Kinh phí (triệu đồng)"]],
            "rows": [["1", "Tập huấn", "850"], ["2", "Xúc tiến thương mại", "5.600"]],
            "number_columns": [3]}}]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    rolled = roll_forward(plan, 2026, on=date(2026, 1, 5))
    hints = {d.key: d.hint for d in decisions(rolled)}
    assert hints["so-tien-1"] == "số triệu đồng, ví dụ 15 hoặc 1.500"
    done = apply_decisions(rolled, {"so-tien-1": "900", "so-tien-2": "1,5 tỷ đồng"})
    assert [r[2].text for r in done.result.plan.tables[0].rows] == ["900", "1.500"]
    with pytest.raises(DataError) as caught:
        apply_decisions(rolled, {"so-tien-1": "900,000"})
    assert "không rõ ràng" in str(caught.value)


def test_a_stated_total_the_budget_table_no_longer_adds_up_to_is_left_to_a_person():
    """FINDINGS 2: after the answers the sentence and the table must not disagree in silence."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân tỉnh Thanh Hóa", "abbreviation": "UBND", "level": "tinh"},
        "place": "Thanh Hóa", "year": 2025, "title": "Thực hiện Chương trình OCOP năm 2025",
        "body": [{"heading": "KINH PHÍ", "content": [
            "Tổng kinh phí thực hiện: 6.450 triệu đồng.",
            {"table": {"header": [["STT", "Nội dung", "Kinh phí (triệu đồng)"]],
                       "rows": [["1", "Tập huấn", "850"], ["2", "Xúc tiến thương mại", "5.600"]],
                       "number_columns": [3]}}]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    rolled = roll_forward(plan, 2026, on=date(2026, 1, 5))
    agreed = apply_decisions(rolled, {"so-tien-2": "850"})  # nothing changed: the two still agree
    assert not [r for r in agreed.result.reviews if r.what.startswith("Tổng kinh phí ghi trong câu")]
    done = apply_decisions(rolled, {"so-tien-2": "1.000"})
    flagged = [r for r in done.result.reviews if r.what.startswith("Tổng kinh phí ghi trong câu")]
    assert len(flagged) == 1 and flagged[0].before == "6.450 triệu đồng"
    assert "6.600.000.000 đồng" in flagged[0].action
    # Found after the answers, it is still listed at its place in the document: before the table.
    from ocop_docs.rollforward import in_document_order

    order = in_document_order(done.result.reviews, done.result.plan)
    assert order.index(flagged[0]) < min(k for k, r in enumerate(order) if ", bảng" in r.where)


def test_an_answered_amount_is_read_again_in_words():
    """"85.000.000 đồng (Tám mươi lăm triệu đồng)" answered 90.000.000 must not keep the old words."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "abbreviation": "UBND", "level": "xa"},
        "place": "Long Thuận", "year": 2026, "title": "Thực hiện Chương trình OCOP năm 2026",
        "body": [{"heading": "KINH PHÍ", "content": [
            "Tổng kinh phí thực hiện: 85.000.000 đồng (Tám mươi lăm triệu đồng)."]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    done = apply_decisions(roll_forward(plan, 2027, on=date(2027, 1, 5)), {"so-tien-1": "90 triệu"})
    assert done.result.plan.body[0].content[0].text == "Tổng kinh phí thực hiện: 90.000.000 đồng (Chín mươi triệu đồng)."
    assert any(c.before == "Tám mươi lăm triệu đồng" and c.after == "Chín mươi triệu đồng" for c in done.result.changes)


def test_a_signer_name_typed_in_lower_case_is_printed_with_its_capitals(word_plan):
    """FINDINGS 58: the signer's name is printed as names are written, whatever case it was typed in."""
    plan, _ = load_plan(word_plan)
    done = apply_decisions(roll_forward(plan, 2027, on=date(2027, 1, 5)), {"nguoi-ky-ho-ten": "nguyễn văn hải"})
    assert done.result.plan.signer.name == "Nguyễn Văn Hải"


def test_a_bare_number_for_an_amount_in_millions_is_in_millions():
    """FINDINGS 77: "7000" answering "6.450 triệu đồng" is 7.000 triệu, not 7.000 đồng."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân tỉnh Thanh Hóa", "abbreviation": "UBND", "level": "tinh"},
        "place": "Thanh Hóa", "year": 2025, "title": "Thực hiện Chương trình OCOP năm 2025",
        "body": [{"heading": "KINH PHÍ", "content": ["Tổng kinh phí thực hiện: 6.450 triệu đồng; in ấn: 12 500 000 đồng."]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    done = apply_decisions(roll_forward(plan, 2026, on=date(2026, 1, 5)), {"so-tien-1": "7000", "so-tien-2": "13 000 000"})
    assert done.result.plan.body[0].content[0].text == "Tổng kinh phí thực hiện: 7.000 triệu đồng; in ấn: 13.000.000 đồng."


def test_the_unit_printed_above_a_table_is_the_unit_of_its_answers():
    """FINDINGS 70: «Đơn vị tính: triệu đồng» above the table, not in the column heading."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân tỉnh Thanh Hóa", "abbreviation": "UBND", "level": "tinh"},
        "place": "Thanh Hóa", "year": 2025, "title": "Thực hiện Chương trình OCOP năm 2025",
        "body": [{"heading": "KINH PHÍ", "content": [{"table": {
            "unit": "Đơn vị tính: triệu đồng", "header": [["STT", "Nội dung", "Ngân sách tỉnh", "Ngân sách xã"]],
            "rows": [["1", "Tập huấn", "850", "100"]], "number_columns": [3, 4]}}]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    rolled = roll_forward(plan, 2026, on=date(2026, 1, 5))
    assert {d.key: d.hint for d in decisions(rolled)}["so-tien-1"] == "số triệu đồng, ví dụ 15 hoặc 1.500"
    done = apply_decisions(rolled, {"so-tien-1": "900", "so-tien-2": "1,5 tỷ"})
    assert [c.text for c in done.result.plan.tables[0].rows[0]][2:] == ["900", "1.500"]


def test_the_head_signing_in_person_drops_the_kt_line():
    """FINDINGS 78: «Chủ tịch» answered under "KT. CHỦ TỊCH" must not print "KT. CHỦ TỊCH / CHỦ TỊCH"."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân tỉnh Thanh Hóa", "abbreviation": "UBND", "level": "tinh"},
        "place": "Thanh Hóa", "year": 2025, "title": "Thực hiện Chương trình OCOP năm 2025",
        "body": [{"heading": "MỤC TIÊU", "content": ["Phấn đấu có ít nhất 05 sản phẩm đạt 3 sao."]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "authority": "KT", "head_title": "CHỦ TỊCH",
                   "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    done = apply_decisions(roll_forward(plan, 2026, on=date(2026, 1, 5)), {"nguoi-ky-chuc-vu": "Chủ tịch"})
    signer = done.result.plan.signer
    assert signer.authority is None and signer.authority_lines() == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
