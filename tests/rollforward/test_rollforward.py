"""Rolling last year's plan into a draft for the next year: the issue's acceptance cases and the rules.

Dates the rules are read at are given explicitly, so the results do not depend on today's date.
"""
from __future__ import annotations

from datetime import date

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from testpaths import CORPUS, SAMPLES
from ocop_docs.cli import main
from ocop_docs.errors import RuleViolation
from ocop_docs.io import load_spec
from ocop_docs.model.plan import Paragraph
from ocop_docs.rollforward import roll_forward
from ocop_docs.rollforward.files import load_plan, run
from ocop_docs.rollforward.report import render_report

BEN_CAU = CORPUS / "000_77207f9c62c10177.txt"
HA_TINH = CORPUS / "003_3ec02ed1584b7994.txt"


@pytest.fixture(scope="module")
def ben_cau_2025(tmp_path_factory):
    """000 (Bến Cầu 2024, a district) rolled to 2025, signed in January 2025, with its .docx and report."""
    out = tmp_path_factory.mktemp("bc")
    files = run(BEN_CAU, 2025, out / "kh-2025.yaml", on=date(2025, 1, 15), docx=out / "kh-2025.docx", report=out / "bao-cao.md")
    return files, out


def _texts(plan) -> list[str]:
    return [b.text for _, b in plan.walk() if isinstance(b, Paragraph)]


def test_ben_cau_2025_is_a_complete_draft(ben_cau_2025):
    files, out = ben_cau_2025
    plan = load_spec(out / "kh-2025.yaml")  # the written spec loads and validates
    assert plan == files.result.plan
    assert plan.title == "Triển khai thực hiện Chương trình Mỗi xã một sản phẩm trên địa bàn huyện Bến Cầu năm 2025"
    assert (plan.year, plan.number, plan.date, plan.draft_year) == (2025, None, None, 2025)
    assert "năm 2025 (gọi tắt là Chương trình OCOP)" in plan.preamble[0]
    assert plan.closing.startswith("Trên đây là Kế hoạch triển khai thực hiện Chương trình quốc gia mỗi xã một sản phẩm trên địa bàn huyện năm 2025")
    assert [t.deadline.text for t in plan.tasks] == ["trong năm 2025", "cuối năm 2025", "Năm 2025", "Năm 2025"]
    assert plan.tasks[0].deadline.year == 2025
    assert plan.budgets[0].lines[0].item == "Nhu cầu ngân sách thực hiện Chương trình OCOP năm 2025"
    assert plan.budget_total == 14_000_000  # carried over, marked for review
    # The plan year changed everywhere; a citation of another document kept its date.
    assert not any("năm 2024" in t for t in _texts(plan))
    assert any("Quyết định số 148/QĐ – TTg ngày 24/2/2023" in t for t in _texts(plan))
    # From 01/03/2025 the agriculture department is Nông nghiệp và Môi trường (ocop.md §12.1).
    assert plan.recipients[0] == "Sở Nông nghiệp và Môi trường tỉnh"
    assert plan.tasks[0].lead == "Phòng Nông nghiệp và Môi trường huyện"


def test_ben_cau_2025_report_names_what_to_confirm(ben_cau_2025):
    files, out = ben_cau_2025
    result = files.result
    categories = {item.category for item in result.reviews}
    assert {"budget", "target", "signer", "basis", "number", "district"} <= categories
    report = (out / "bao-cao.md").read_text(encoding="utf-8")
    assert report.startswith("# Báo cáo chuyển kế hoạch sang năm 2025")
    for words in ("14.000.000 đồng", "Chỉ tiêu", "Trần Thanh Mềm", "Quyết định số 148/QĐ-TTg",
                  "cấp huyện kết thúc hoạt động ngày 30/06/2025", "## Những thay đổi phần mềm đã thực hiện",
                  "## Căn cứ pháp lý"):
        assert words in report, words
    # Each review has a location in the draft.
    assert all(item.where for item in result.reviews)
    # 148 is amended by 1489 during 2025: said, not silently ignored.
    assert any("1489" in item.action for item in result.reviews if item.category == "basis")


def test_ben_cau_2025_highlighted_draft_marks_reviews(tmp_path):
    """--danh-dau to-mau: decisions in yellow, changes in blue; the marks make it a draft (ND30-FINAL-01)."""
    from ocop_docs.check import check_file

    files = run(BEN_CAU, 2025, tmp_path / "kh.yaml", on=date(2025, 1, 15), docx=tmp_path / "kh.docx", marks="highlight",
                clean=tmp_path / "sach.docx")
    report = check_file(tmp_path / "kh.docx")
    assert {f.rule_id for f in report.findings if f.severity == "error"} == {"ND30-FINAL-01"}
    assert check_file(tmp_path / "sach.docx").findings == []
    document = Document(str(tmp_path / "kh.docx"))
    marked = {p.text for p in document.paragraphs if any(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in p.runs)}
    assert any("14.000.000 đồng" in t for t in marked)
    assert any(t.startswith("Phân đầu có ít nhất 01 sản phẩm") for t in marked)
    signature = document.tables[-1].cell(0, 1)
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for p in signature.paragraphs for r in p.runs if r.text.strip())
    changed = [p.text for p in document.paragraphs if any(r.font.highlight_color == WD_COLOR_INDEX.TURQUOISE for r in p.runs)]
    assert any("năm 2025" in t for t in changed)
    assert files.marks["review"] >= 8 and files.marks["change"] >= 5


def test_district_plan_for_2026_is_refused_with_the_reason():
    plan, _ = load_plan(BEN_CAU)
    with pytest.raises(RuleViolation) as err:
        roll_forward(plan, 2026, on=date(2026, 1, 5))
    message = str(err.value)
    assert err.value.rule == "OCOP-LEVEL" and "OCOP-LEVEL" not in message
    assert "01/07/2025" in message and "--issuer" in message and "hai cấp" in message


def test_district_plan_goes_to_the_province_with_issuer():
    plan, _ = load_plan(BEN_CAU)
    result = roll_forward(plan, 2026, issuer="UBND tỉnh Tây Ninh", on=date(2026, 6, 1))
    draft = result.plan
    assert (draft.issuer.name, draft.issuer.level, draft.place) == ("Ủy ban nhân dân tỉnh Tây Ninh", "tinh", "Tây Ninh")
    assert "UBND tỉnh Tây Ninh ban hành" in draft.preamble[0]
    assert any(item.category == "issuer" for item in result.reviews)
    # A commune is accepted too; a district is not.
    assert roll_forward(plan, 2026, issuer="Ủy ban nhân dân xã Long Thuận", on=date(2026, 6, 1)).plan.issuer.level == "xa"
    with pytest.raises(RuleViolation):
        roll_forward(plan, 2026, issuer="Ủy ban nhân dân huyện Châu Thành", on=date(2026, 6, 1))


def test_ha_tinh_2026_moves_to_the_2026_regime():
    """003 (Hà Tĩnh 2023–2025, a province) rolled to 2026, signed after QĐ 26/2026/QĐ-TTg took effect."""
    plan, _ = load_plan(HA_TINH)
    result = roll_forward(plan, 2026, end_year=2026, on=date(2026, 9, 1))
    draft = result.plan
    assert draft.title == "Thực hiện Chương trình Mỗi xã một sản phẩm tỉnh Hà Tĩnh năm 2026"
    assert (draft.year, draft.end_year) == (2026, None)
    refs = [b.ref for b in draft.legal_bases]
    # QĐ 919 (programme 2021–2025) → NQ 257/2025/QH15; QĐ 148 → QĐ 26/2026/QĐ-TTg; QĐ 04 dropped (no successor).
    assert refs == ["NQ257-2025", "QD26-2026", None]
    assert draft.legal_bases[1].text.startswith("Quyết định số 26/2026/QĐ-TTg")
    assert draft.legal_bases[2].text.startswith("Công văn số 8050/BNN-VPĐP")  # kept, flagged
    statuses = [c.status for c in result.bases]
    assert statuses == ["replaced", "lapsed", "replaced", "ended_period"]
    what_changed = [item for item in result.changes if item.category == "basis"]
    assert len(what_changed) == 3
    # The text of the plan cites QĐ 148 in two tasks: flagged with its successor, wording left to a person.
    cited = [item for item in result.reviews if "viện dẫn văn bản hết hiệu lực" in item.what]
    assert len(cited) == 3 and all("26/2026/QĐ-TTg" in item.action for item in cited)
    assert result.warnings == []  # a province: no district rule


def test_period_plan_keeps_its_length_by_default():
    plan, _ = load_plan(HA_TINH)
    result = roll_forward(plan, 2026, on=date(2026, 9, 1))
    assert (result.plan.year, result.plan.end_year) == (2026, 2028)
    assert result.plan.title.endswith("giai đoạn 2026-2028")
    assert any("--end-year 2026" in item.action for item in result.reviews)


def test_year_must_move_forward():
    plan = load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml")
    with pytest.raises(RuleViolation, match="phải sau năm"):
        roll_forward(plan, 2024)


def test_spec_and_document_inputs_roll_the_same():
    """The hand-made sample of 000 and the extracted text of 000 give the same draft."""
    from_spec = roll_forward(load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml"), 2025, on=date(2025, 1, 15)).plan
    from_text = roll_forward(load_plan(BEN_CAU)[0], 2025, on=date(2025, 1, 15)).plan
    from ocop_docs.render.context import plan_context

    assert plan_context(from_spec) == plan_context(from_text)


def test_report_is_markdown_in_vietnamese():
    plan, _ = load_plan(HA_TINH)
    report = render_report(roll_forward(plan, 2026, end_year=2026, on=date(2026, 9, 1)), "003.txt")
    assert "| # | Loại | Vị trí | Vấn đề | Nội dung hiện có | Việc cần làm | Ô để điền (--answers) |" in report
    assert "| `so-tien-1` | Số tiền 1 (Mục IV › 3 › 3.2 › b, đoạn 6) | 500 triệu đồng |" in report
    assert "hết hiệu lực — đã thay" in report and "Nghị quyết số 257/2025/QH15" in report


# ---------------------------------------------------------------- command line
def test_cli_rollforward_and_parse(tmp_path):
    runner = CliRunner()
    out = tmp_path / "kh-2025.yaml"
    result = runner.invoke(main, ["rollforward", str(BEN_CAU), "--year", "2025", "--ngay", "15/01/2025", "-o", str(out),
                                  "--docx", str(tmp_path / "kh.docx"), "--report", str(tmp_path / "bc.md")])
    assert result.exit_code == 0, result.output
    assert "việc cần người soạn quyết định" in result.output
    assert (tmp_path / "kh.docx").is_file() and (tmp_path / "bc.md").is_file()
    head = out.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# Bản dự thảo kế hoạch năm 2025")

    refused = runner.invoke(main, ["rollforward", str(BEN_CAU), "--year", "2026", "-o", str(tmp_path / "x.yaml")])
    assert refused.exit_code == 2 and "hai cấp" in refused.output and "OCOP-LEVEL" not in refused.output and not (tmp_path / "x.yaml").exists()

    spec = tmp_path / "ha-tinh.yaml"
    parsed = runner.invoke(main, ["parse", str(HA_TINH), "-o", str(spec)])
    assert parsed.exit_code == 0, parsed.output
    assert load_spec(spec).title == "Thực hiện Chương trình Mỗi xã một sản phẩm tỉnh Hà Tĩnh giai đoạn 2023-2025"
    as_json = runner.invoke(main, ["parse", str(CORPUS / "004_252fda28387b360a.txt"), "--json"])
    assert as_json.exit_code == 0
    payload = yaml.safe_load(as_json.stdout)
    assert payload["kind"] == "plan_decision" and payload["spec"]["number"] == 794
    assert any("khối chữ ký" in n["message"] for n in payload["notes"])


# ---------------------------------------------------------------- review in Word (issue: tracked roll-forward)
def _revisions(path) -> tuple[list[str], list[str]]:
    from lxml import etree
    import zipfile

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    inserted = ["".join(t.text for t in e.iter(f"{w}t")) for e in body.iter(f"{w}ins")]
    deleted = ["".join(t.text for t in e.iter(f"{w}delText")) for e in body.iter(f"{w}del")]
    return inserted, deleted


def test_ben_cau_to_a_commune_in_2026_names_the_commune_and_flags_each_change(tmp_path):
    """The issue's case: a district plan re-issued by a commune after 01/07/2025."""
    from ocop_docs.check import check_file

    files = run(BEN_CAU, 2026, tmp_path / "kh.yaml", issuer="Ủy ban nhân dân xã Long Thuận", on=date(2026, 3, 2),
                docx=tmp_path / "du-thao.docx", clean=tmp_path / "sach.docx", report=tmp_path / "bao-cao.md")
    plan = files.result.plan
    assert plan.title == "Triển khai thực hiện Chương trình Mỗi xã một sản phẩm trên địa bàn xã Long Thuận năm 2026"
    assert plan.issuer.name == "Ủy ban nhân dân xã Long Thuận" and plan.issuer.level == "xa"
    assert plan.preamble[0].startswith("UBND xã Long Thuận ban hành Kế hoạch")
    assert plan.tasks[0].lead == "Phòng Kinh tế"
    scope = [c for c in files.result.changes if c.category == "issuer"]
    assert any("trên địa bàn huyện Bến Cầu" in c.before and "trên địa bàn xã Long Thuận" in c.after for c in scope)
    # Every "huyện" left in the draft's own words is a decision with its place.
    left = [r for r in files.result.reviews if r.what.endswith("từ 'huyện' còn lại")]
    assert left and all(r.where and "huyện" in r.before for r in left)
    # The district's territory and offices are the commune's now, each a change; a district office
    # given to a commune office is also a comment to confirm.
    for before, after in (("ban, ngành, đoàn thể huyện", "ban, ngành, đoàn thể xã"), ("trong huyện", "trong xã"),
                          ("Phòng Nông nghiệp và Môi trường huyện", "Phòng Kinh tế"),
                          ("Phòng Tài chính - Kế hoạch huyện", "Phòng Kinh tế")):
        assert any(before in c.before and after in c.after for c in scope), before
    offices = [r for r in files.result.reviews if r.what.endswith("cơ quan cấp huyện được chuyển")]
    assert {r.anchor for r in offices} >= {"Phòng Kinh tế", "Phòng Văn hóa - Xã hội"}
    clean = Document(str(tmp_path / "sach.docx"))
    paragraphs = [" ".join(p.text.split()) for p in clean.paragraphs] + \
        [" ".join(c.text.split()) for t in clean.tables for r in t.rows for c in r.cells]
    assert not any("Phòng Nông nghiệp" in p for p in paragraphs)
    import re

    for paragraph in [p for p in paragraphs if re.search(r"\bhuyện\b", p)]:
        assert any(r.anchor in paragraph for r in left), paragraph  # each one left is a comment on its words
    # Each change is a revision on its words, each decision a comment; the clean copy passes check.
    inserted, deleted = _revisions(tmp_path / "du-thao.docx")
    assert "xã Long Thuận" in " ".join(inserted) and "huyện Bến Cầu" in " ".join(deleted)
    comments = list(Document(str(tmp_path / "du-thao.docx")).comments)
    assert files.marks["comments"] == len(comments) == len(files.result.reviews)
    assert check_file(tmp_path / "du-thao.docx").rule_ids() == {"ND30-FINAL-01"}
    assert [f for f in check_file(tmp_path / "sach.docx").findings if f.severity == "error"] == []


WORD_PLAN = {
    "kind": "plan",
    "issuer": {"name": "Ủy ban nhân dân huyện Cần Đước", "abbreviation": "UBND", "level": "huyen",
               "parent": "Ủy ban nhân dân tỉnh Long An"},
    "number": 45, "place": "Cần Đước", "date": "2025-01-10", "year": 2025,
    "title": "Thực hiện Chương trình Mỗi xã một sản phẩm năm 2025",
    "legal_bases": [
        "Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình "
        "đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
        {"verb": "Thực hiện", "text": "Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Long An về thực hiện "
                                      "Chương trình OCOP năm 2025"},
    ],
    "preamble": ["UBND huyện Cần Đước ban hành Kế hoạch như sau:"],
    "body": [
        {"heading": "MỤC TIÊU", "content": [
            "Phấn đấu có ít nhất 05 sản phẩm đạt 3 sao trở lên; nâng hạng 01 sản phẩm lên 4 sao.",
            "Bố trí 85.000.000 đồng từ ngân sách huyện cho công tác xúc tiến thương mại.",
        ]},
        {"heading": "NHIỆM VỤ", "content": [
            "Các xã đăng ký sản phẩm trước ngày 31/3/2025; tổ chức đánh giá trong tháng 10/2025.",
            "Báo cáo kết quả về UBND tỉnh trước ngày 30/9/2025 và tổng kết trong Quý I/2026.",
            "Hoàn thành 6 tháng đầu năm 2025 việc tập huấn; hồ sơ nộp ngày 15 tháng 11 năm 2025.",
            "Thực hiện theo Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ.",
        ]},
    ],
    "closing": "Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2025 trên địa bàn huyện.",
    "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "authority": "KT", "head_title": "CHỦ TỊCH",
               "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn An"},
    "recipients": ["Sở Nông nghiệp và Môi trường tỉnh Long An", "UBND các xã"],
    "archive": "VT, NN",
}


def test_a_word_plan_misses_nothing_when_rolled_to_the_province(tmp_path):
    """Deadlines in five forms move (citations do not), every amount and target is a decision,
    last year's superior plan and the merged province are flagged."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate(WORD_PLAN)
    result = roll_forward(plan, 2026, issuer="Ủy ban nhân dân tỉnh Tây Ninh", on=date(2026, 2, 2))
    texts = " ".join(_texts(result.plan))
    for moved in ("trước ngày 31/3/2026", "trong tháng 10/2026", "trước ngày 30/9/2026", "trong Quý I/2027",
                  "6 tháng đầu năm 2026", "ngày 15 tháng 11 năm 2026"):
        assert moved in texts, moved
    assert "Quyết định số 148/QĐ-TTg ngày 24/02/2023" in texts  # a citation keeps its date
    decided = {(r.category, r.before) for r in result.reviews}
    for figure in [("target", "05 sản phẩm"), ("target", "3 sao"), ("target", "01 sản phẩm"), ("target", "4 sao"),
                   ("budget", "85.000.000 đồng")]:
        assert figure in decided, figure
    superior = [r for r in result.reviews if r.what == "Căn cứ là kế hoạch của năm cũ"]
    assert len(superior) == 1 and "năm 2026" in superior[0].action
    merged = [r for r in result.reviews if r.category == "province"]
    assert merged and all("tỉnh Long An" == r.before and "tỉnh Tây Ninh" in r.action for r in merged)
    # "ngân sách huyện" may mean the old district's budget or a source that still exists: a person decides.
    assert any("ngân sách huyện" in r.before for r in result.reviews if r.what.endswith("từ 'huyện' còn lại"))


def test_report_lists_in_document_order(tmp_path):
    from ocop_docs.model.plan import Plan
    from ocop_docs.rollforward.report import in_document_order

    result = roll_forward(Plan.model_validate(WORD_PLAN), 2026, issuer="Ủy ban nhân dân tỉnh Tây Ninh", on=date(2026, 2, 2))
    order = [r.where for r in in_document_order(result.reviews)]
    first = {name: next(i for i, w in enumerate(order) if w.startswith(name)) for name in ("Phần đầu", "Căn cứ", "Mục", "Chữ ký")}
    assert first["Phần đầu"] < first["Căn cứ"] < first["Mục"] < first["Chữ ký"]


def test_cli_rollforward_tracked_and_clean(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["rollforward", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "--year", "2025",
                                  "--ngay", "15/01/2025", "-o", str(tmp_path / "kh.yaml"), "--docx", str(tmp_path / "dt.docx"),
                                  "--clean", str(tmp_path / "sach.docx")])
    assert result.exit_code == 0, result.output
    inserted, deleted = _revisions(tmp_path / "dt.docx")
    assert "2025" in inserted and "2024" in deleted
    assert list(Document(str(tmp_path / "dt.docx")).comments)
    _, none = _revisions(tmp_path / "sach.docx")
    assert none == [] and not list(Document(str(tmp_path / "sach.docx")).comments)
    bad = runner.invoke(main, ["rollforward", str(SAMPLES / "plans" / "ben-cau-2024.yaml"), "--year", "2025",
                               "-o", str(tmp_path / "x.yaml"), "--danh-dau", "xanh"])
    assert bad.exit_code == 2 and not (tmp_path / "x.yaml").exists()


def test_report_as_a_workbook_lists_the_same_items(ben_cau_2025, tmp_path):
    """``--report thay-doi.xlsx``: the report an officer filters in Excel, one sheet per list, no formulas."""
    from openpyxl import load_workbook

    from ocop_docs.cli import main
    from click.testing import CliRunner

    files, _ = ben_cau_2025
    result = CliRunner().invoke(main, ["rollforward", str(BEN_CAU), "--year", "2025", "--ngay", "15/01/2025",
                                       "-o", str(tmp_path / "kh.yaml"), "--report", str(tmp_path / "thay-doi.xlsx")])
    assert result.exit_code == 0, result.output
    wb = load_workbook(tmp_path / "thay-doi.xlsx")
    assert wb.sheetnames[:4] == ["Việc cần quyết định", "Các ô để điền", "Thay đổi đã làm", "Căn cứ (15-01-2025)"]
    decisions = list(wb["Việc cần quyết định"].iter_rows(values_only=True))
    assert decisions[0] == ("#", "Loại", "Vị trí", "Vấn đề", "Nội dung hiện có", "Việc cần làm", "Ô để điền (--answers)",
                            "Đã xử lý")
    # The cells --answers takes, as the Markdown report lists them (FINDINGS 23).
    fields = list(wb["Các ô để điền"].iter_rows(values_only=True))
    assert fields[0] == ("Ô", "Nội dung", "Hiện ghi", "Cách ghi")
    assert ("so-tien-1", "Số tiền 1 (Mục IV, đoạn 1)", "14.000.000", "số đồng, ví dụ 90.000.000") \
        in fields
    assert len(decisions) - 1 == len(files.result.reviews)
    assert [r[0] for r in decisions[1:]] == list(range(1, len(decisions)))
    assert any(r[1] == "Kinh phí" and "14.000.000" in (r[4] or "") and r[6] == "so-tien-1" for r in decisions[1:])
    changes = list(wb["Thay đổi đã làm"].iter_rows(values_only=True))
    assert len(changes) - 1 == len(files.result.changes)
    assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)


def test_tables_stay_tables_with_their_rows_and_every_figure_is_a_decision(tmp_path):

    data = dict(WORD_PLAN)
    data["body"] = WORD_PLAN["body"] + [{"heading": "KINH PHÍ VÀ PHÂN CÔNG", "content": [
        {"budget": {"lines": [{"item": "Tập huấn năm 2025", "amount": 50_000_000, "source": "Ngân sách tỉnh"},
                              {"item": "Hội chợ", "amount": 35_000_000}], "as_table": True}},
        {"assignments": [{"content": "Đánh giá sản phẩm", "lead": "Hội đồng OCOP", "deadline": "tháng 10/2025"}]},
        {"table": {"title": "Chỉ tiêu năm 2025 theo xã", "header": [["Xã", "Sản phẩm"]],
                   "rows": [["Long Hựu", "2"], ["Tân Lân", "1"]], "number_columns": [2],
                   "total": {"label": "Cộng", "stated": {2: "3"}}}},
        # Targets and amounts written as words in text cells are decisions too.
        {"table": {"header": [["Nội dung", "Chỉ tiêu", "Kinh phí"]],
                   "rows": [["Sản phẩm mới", "05 sản phẩm, 100% có truy xuất", "50 triệu"]]}},
    ]}]
    files = run(_write_spec(tmp_path, data), 2026, tmp_path / "kh.yaml", issuer="Ủy ban nhân dân tỉnh Tây Ninh",
                on=date(2026, 2, 2), docx=tmp_path / "dt.docx", clean=tmp_path / "sach.docx")
    draft = files.result.plan
    assert [t.shape for t in draft.tables] == ["budget", "assignment", "generic", "generic"]
    cells = [(r.before, r.category) for r in files.result.reviews if r.where.endswith(("cột 2", "cột 3"))
             and r.what.startswith("Ô của bảng")]
    assert cells == [("05 sản phẩm", "target"), ("100%", "target"), ("50 triệu", "budget")]
    table = draft.tables[2]
    assert table.title == "Chỉ tiêu năm 2026 theo xã" and [c.text for c in table.rows[0]] == ["Long Hựu", "2"]
    assert draft.tasks[-1].deadline.text == "tháng 10/2026"
    assert draft.tables[0].rows[0][1].text == "Tập huấn năm 2026"
    figures = [r for r in files.result.reviews if r.what == "Số liệu trong bảng"]
    assert [(r.before, r.where.rsplit(", ", 2)[-2:]) for r in figures] == [("2", ["dòng 1", "cột 2"]), ("1", ["dòng 2", "cột 2"])]
    summary = next(r for r in files.result.reviews if r.what.startswith("Số liệu trong bảng «"))
    assert "tổng cộng được tính lại" in summary.action
    comments = [c.text for c in Document(str(tmp_path / "dt.docx")).comments]
    assert any(c.startswith("Số liệu trong bảng «Chỉ tiêu năm 2026 theo xã»") for c in comments)
    assert len([t for t in Document(str(tmp_path / "sach.docx")).tables]) == 2 + 4  # header, signature + 4 tables


def _write_spec(tmp_path, data):
    path = tmp_path / "cu.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_plan_read_back_without_its_lưu_line_leaves_it_to_the_writer():
    # Nothing made up in the draft: no "- Lưu: VT." the old copy did not show; the report says to write it.
    plan = load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml").model_copy(update={"archive": None})
    result = roll_forward(plan, 2025, on=date(2025, 3, 1))
    assert result.plan.archive is None
    review = next(item for item in result.reviews if item.what == "Dòng Lưu")
    assert review.where == "Nơi nhận" and "archive" in review.action
    kept = roll_forward(load_spec(SAMPLES / "plans" / "ben-cau-2024.yaml"), 2025, on=date(2025, 3, 1))
    assert kept.plan.archive == "VT, PNN" and not any(item.what == "Dòng Lưu" for item in kept.reviews)


def test_a_task_s_own_words_move_and_its_figures_are_decisions():
    """The content of a task (a row of the assignment table, a task block) is the plan's words too."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "abbreviation": "UBND", "level": "xa"},
        "place": "Long Thuận", "year": 2026, "title": "Thực hiện Chương trình OCOP năm 2026",
        "body": [{"heading": "NHIỆM VỤ", "content": [
            {"assignments": [{"content": "Tổ chức 02 lớp tập huấn năm 2026 cho 60 học viên", "lead": "Phòng Kinh tế",
                              "deadline": "tháng 10/2026"}]},
            {"task": {"content": "Tham gia hội chợ năm 2026, kinh phí 20 triệu đồng", "deadline": "Quý IV/2026"}}]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    result = roll_forward(plan, 2027, on=date(2027, 1, 5))
    assert [t.content for t in result.plan.tasks] == ["Tổ chức 02 lớp tập huấn năm 2027 cho 60 học viên",
                                                      "Tham gia hội chợ năm 2027, kinh phí 20 triệu đồng"]
    figures = [(r.category, r.before) for r in result.reviews if r.what.startswith("Nội dung nhiệm vụ")]
    assert figures == [("target", "02 lớp"), ("target", "60 học viên"), ("budget", "20 triệu đồng")]


def test_an_issuer_of_a_merged_province_is_flagged_in_the_header():
    """FINDINGS 40: "Ủy ban nhân dân tỉnh Hà Nam" does not exist in a plan signed after 01/07/2025."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân tỉnh Hà Nam", "abbreviation": "UBND", "level": "tinh"},
        "place": "Hà Nam", "year": 2025, "title": "Thực hiện Chương trình OCOP năm 2025",
        "body": [{"heading": "MỤC TIÊU", "content": ["Phấn đấu có ít nhất 05 sản phẩm đạt 3 sao."]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    flagged = [r for r in roll_forward(plan, 2026, on=date(2026, 1, 5)).reviews if r.where == "Phần đầu (cơ quan ban hành)"]
    assert len(flagged) == 1 and "tỉnh Hà Nam là một phần của tỉnh Ninh Bình" in flagged[0].action
    assert not [r for r in roll_forward(plan, 2026, on=date(2026, 1, 5), issuer="Ủy ban nhân dân tỉnh Ninh Bình").reviews
                if r.what == "Cơ quan ban hành thuộc tỉnh đã sắp xếp"]


def test_year_columns_of_a_period_of_another_length_are_left_for_a_person():
    """FINDINGS 43: 2023-2025 → 2026-2030 must not print "Năm 2026 | Năm 2027 | Năm 2030"."""
    from ocop_docs.model.plan import Plan

    plan = Plan.model_validate({
        "kind": "plan", "issuer": {"name": "Ủy ban nhân dân tỉnh Hải Dương", "abbreviation": "UBND", "level": "tinh"},
        "place": "Hải Dương", "year": 2023, "end_year": 2025, "title": "Thực hiện Chương trình OCOP giai đoạn 2023-2025",
        "body": [{"heading": "MỤC TIÊU", "content": [{"table": {
            "header": [["Chỉ tiêu", "Năm 2023", "Năm 2024", "Năm 2025", "Cả giai đoạn"]],
            "rows": [["Sản phẩm OCOP", "45", "50", "55", "150"]], "number_columns": [2, 3, 4, 5]}}]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
    })
    longer = roll_forward(plan, 2026, end_year=2030, on=date(2026, 1, 5))
    assert [c.text for c in longer.plan.tables[0].header[0]] == ["Chỉ tiêu", "Năm 2023", "Năm 2024", "Năm 2025",
                                                                 "Cả giai đoạn"]
    flagged = [r for r in longer.reviews if r.what == "Các cột năm của bảng"]
    assert len(flagged) == 1 and "giai đoạn 2026-2030 có 5 năm" in flagged[0].action
    same = roll_forward(plan, 2026, on=date(2026, 1, 5))  # same length: each column moves by three years
    assert [c.text for c in same.plan.tables[0].header[0]][1:4] == ["Năm 2026", "Năm 2027", "Năm 2028"]
