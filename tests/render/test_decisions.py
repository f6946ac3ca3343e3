"""The decision samples rendered: ND30 Mẫu 1.2/1.3 element order and formatting, computed
cross-references, attached documents and lists in their own sections, check_file, PDF."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from ocop_docs.check import check_file
from ocop_docs.convert import pdf_info, to_pdf
from ocop_docs.io import load_spec
from ocop_docs.render import render_spec

SAMPLES = Path(__file__).resolve().parents[2] / "ocop_docs" / "samples" / "decisions"
STEMS = ("ben-cau-2024-hoi-dong", "ha-tinh-2026-hoi-dong", "ha-tinh-2026-cong-nhan-dot-1", "quang-nam-2020")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("decisions")
    return {stem: render_spec(load_spec(SAMPLES / f"{stem}.yaml"), out / f"{stem}.docx") for stem in STEMS}


@pytest.fixture(scope="module")
def docs(rendered):
    return {stem: Document(str(path)) for stem, path in rendered.items()}


def texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


def style_ids(doc) -> list[tuple[str, str]]:
    out = []
    for p in doc.paragraphs:
        if p.text.strip():
            ppr = p._p.pPr
            style = ppr.find(qn("w:pStyle")).get(qn("w:val")) if ppr is not None and ppr.find(qn("w:pStyle")) is not None else ""
            out.append((style, p.text))
    return out


def recipients(doc) -> list[str]:
    for table in doc.tables:
        cell = table.cell(0, 0)
        if cell.paragraphs and cell.paragraphs[0].text == "Nơi nhận:":
            return [p.text for p in cell.paragraphs[1:] if p.text]
    raise AssertionError("no Nơi nhận")


def signer_lines(doc) -> list[str]:
    for table in doc.tables:
        if table.cell(0, 0).paragraphs[0].text == "Nơi nhận:":
            return [p.text for p in table.cell(0, 1).paragraphs if p.text]
    raise AssertionError("no signature")


@pytest.mark.parametrize("stem", STEMS)
def test_element_order_of_mau_1_2(docs, stem):  # ND30-TPL-QD-01
    items = style_ids(docs[stem])
    styles = [s for s, _ in items]
    i = styles.index("ND30TenLoai")
    assert items[i][1] == "QUYẾT ĐỊNH"
    assert styles[i + 1] == "ND30TrichYeu"
    assert styles[i + 2] == "ND30ThamQuyen" and items[i + 2][1] == items[i + 2][1].upper()
    bases = [t for s, t in items if s == "ND30CanCu"]
    k = styles.index("ND30QuyetDinhKeyword")
    assert items[k][1] == "QUYẾT ĐỊNH:"
    assert styles[i + 3:k] == ["ND30CanCu"] * len(bases)
    # ND30-BODY-01: ";" after each căn cứ, "." after the last, "Theo đề nghị của …" last.
    assert all(t.endswith(";") for t in bases[:-1]) and bases[-1].endswith(".")
    assert bases[-1].startswith("Theo đề nghị của ")
    assert items[k + 1][1].startswith("Điều 1. ")


@pytest.mark.parametrize("stem", STEMS)
def test_articles_bold_labels_and_end_mark(docs, stem):  # ND30-BODY-05, BODY-07
    doc = docs[stem]
    articles = [p for p in doc.paragraphs if re.match(r"Điều \d+\.", p.text)]
    numbers = [int(re.match(r"Điều (\d+)\.", p.text).group(1)) for p in articles]
    assert numbers == list(range(1, len(numbers) + 1))
    for p in articles:
        assert p.runs[0].bold and p.runs[0].text.startswith(f"Điều {p.text.split()[1]}")
    first = articles[0]
    assert first.runs[0].text == "Điều 1." and first.runs[0].bold and not first.runs[1].bold
    # The content of the decision ends with "./." just before the signature block.
    body = list(doc.element.body.iterchildren())
    signature = next(t for t in doc.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")._tbl
    before = [el for el in body[: body.index(signature)] if el.tag == qn("w:p") and "".join(el.itertext()).strip()]
    assert "".join(before[-1].itertext()).endswith("./.")


@pytest.mark.parametrize("stem, n", [("ben-cau-2024-hoi-dong", 4), ("ha-tinh-2026-hoi-dong", 4),
                                     ("ha-tinh-2026-cong-nhan-dot-1", 5), ("quang-nam-2020", 3)])
def test_nhu_dieu_points_at_the_executors_article(docs, stem, n):  # ND30-TPL-QD-03, RECIP-03
    lines = recipients(docs[stem])
    assert lines[0] == f"- Như Điều {n};"
    executors = [p.text for p in docs[stem].paragraphs if p.text.startswith(f"Điều {n}. ")]
    assert executors and ("thi hành" in executors[0])
    assert re.fullmatch(r"- Lưu: VT(, [^;]+)?\.", lines[-1]) and all(line.endswith(";") for line in lines[:-1])


def test_authority_line_agrees_with_the_signature(docs):  # ND30-TPL-QD-02, SIGN-02
    individual = docs["ha-tinh-2026-cong-nhan-dot-1"]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" in texts(individual)
    assert signer_lines(individual)[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    collective = docs["quang-nam-2020"]
    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" in texts(collective)
    assert signer_lines(collective)[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def sections(doc):
    return doc.sections


def test_recognition_list_is_a_landscape_section_numbered_from_1(docs):  # ND30-PAGE-02/05
    doc = docs["ha-tinh-2026-cong-nhan-dot-1"]
    first, listed = sections(doc)
    assert first.page_width < first.page_height and listed.page_width > listed.page_height
    assert listed._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert listed.different_first_page_header_footer
    paragraphs = texts(doc)
    at = paragraphs.index("DANH SÁCH")
    assert paragraphs[at + 1] == "SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CẤP TỈNH ĐỢT 1 NĂM 2026"
    assert paragraphs[at + 2] == "(Kèm theo Quyết định số 1402/QĐ-UBND ngày 25 tháng 6 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh)"
    table = doc.tables[-1]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm/Bộ sản phẩm", "Điểm", "Hạng sao", "Hình thức"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 2 + 12  # two star groups, twelve products read from the .xlsx
    assert rows[0][:2] == ["I", "Sản phẩm đạt hạng 4 sao"]
    assert rows[1] == ["1", "Cam bù Hương Sơn\nMã số: 42-18196-001-2026", "Hợp tác xã Nông nghiệp và Dịch vụ Sơn Kim",
                       "thôn Khe Máng, xã Sơn Kim 1, tỉnh Hà Tĩnh", "Rau, củ, quả, hạt tươi", "72,50", "4 sao", "Nâng hạng"]
    assert rows[5][:2] == ["II", "Sản phẩm đạt hạng 3 sao"]
    assert [r[6] for r in rows if r[0].isdigit()] == ["4 sao"] * 4 + ["3 sao"] * 8
    assert "Công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận cho 12 sản phẩm" in "\n".join(paragraphs)


def test_members_inline_or_attached(docs):
    inline = docs["ben-cau-2024-hoi-dong"]
    assert len(sections(inline)) == 1 and "DANH SÁCH" not in texts(inline)
    assert "- Chủ tịch Hội đồng: Ông Nguyễn Văn Hùng, Phó Chủ tịch Ủy ban nhân dân huyện;" in texts(inline)
    assert "2. Tổ giúp việc Hội đồng (sau đây gọi tắt là Tổ giúp việc), gồm:" in texts(inline)
    attached = docs["ha-tinh-2026-hoi-dong"]
    assert len(sections(attached)) == 2
    table = attached.tables[-1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Chức danh trong Hội đồng, Tổ"]
    assert len(rows) == 1 + 2 + 9 + 6
    assert rows[1][:2] == ["I", "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Hà Tĩnh năm 2026"]
    assert rows[2] == ["1", "Ông Phan Đình Khánh", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch Hội đồng"]
    # A draft: blanks for the number and the day and month, in the Số line and in the Kèm theo line.
    assert "(Kèm theo Quyết định số       /QĐ-UBND ngày      tháng      năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh)" in texts(attached)
    assert attached.tables[0].cell(1, 0).text == "Số:       /QĐ-UBND"


def test_attached_plan_has_no_number_and_a_kem_theo_line(docs):  # ND30-TPL-ATT-01
    doc = docs["quang-nam-2020"]
    assert len(sections(doc)) == 2
    header = doc.tables[2]  # decision header, signature, then the attached plan's header
    assert header.cell(0, 0).text.startswith("ỦY BAN NHÂN DÂN")
    assert len(header.rows) == 1 and "Số:" not in "".join(c.text for c in header._cells)
    paragraphs = texts(doc)
    k = paragraphs.index("KẾ HOẠCH")
    assert paragraphs[k + 1] == "Triển khai Chương trình Mỗi xã một sản phẩm tỉnh Quảng Nam năm 2020"
    assert paragraphs[k + 2] == "(Ban hành kèm theo Quyết định số 794/QĐ-UBND ngày 24/3/2020 của UBND tỉnh Quảng Nam)"
    kem_theo = next(p for p in doc.paragraphs if p.text == paragraphs[k + 2])
    assert kem_theo.style.font.italic  # ND30-APPX-03
    assert paragraphs[k + 3] == "I. MỤC ĐÍCH, YÊU CẦU"
    assert paragraphs[-1].endswith("triển khai thực hiện./.")
    assert "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Chương trình Mỗi xã một sản phẩm tỉnh Quảng Nam năm 2020." in paragraphs


@pytest.mark.parametrize("stem", STEMS)
def test_check_finds_no_error(rendered, stem):
    report = check_file(rendered[stem])
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors == []


@pytest.fixture(scope="module")
def pdfs(rendered, tmp_path_factory):
    out = tmp_path_factory.mktemp("decision-pdf")
    return dict(zip(STEMS, to_pdf([rendered[s] for s in STEMS], out)))


def test_pdfs(pdfs):
    pages = {stem: pdf_info(pdf) for stem, pdf in pdfs.items()}
    assert {s: i.pages for s, i in pages.items()} == {
        "ben-cau-2024-hoi-dong": 3, "ha-tinh-2026-hoi-dong": 4, "ha-tinh-2026-cong-nhan-dot-1": 4, "quang-nam-2020": 10}
    # Hà Tĩnh's member list (its cells padded) runs onto a fourth page, under its repeated header row.
    council = pages["ha-tinh-2026-hoi-dong"]
    assert "Họ và tên" in council.page_texts[3] and "Bà Hồ Thị Mai" in re.sub(r"\s+", " ", council.page_texts[3])
    recognition = pages["ha-tinh-2026-cong-nhan-dot-1"]
    assert [w > h for w, h in recognition.page_sizes] == [False, False, True, True]
    squash = lambda t: re.sub(r"\s+", " ", t)  # noqa: E731
    assert "Như Điều 5;" in squash(recognition.text)
    assert "Bánh đa vừng Tùng Lộc" in squash(recognition.page_texts[-1])
    plan = pages["quang-nam-2020"]
    assert "KẾ HOẠCH" in plan.page_texts[2] and "Như Điều 3;" in squash(plan.text)
    # Each attached part restarts its numbering and hides it on its first page (ND30-PAGE-04/05).
    assert not re.match(r"\s*\d+\s*\n", plan.page_texts[2]) and re.match(r"\s*2\s*\n", plan.page_texts[3])


def test_a_general_decisions_preamble_is_italic_and_its_attached_part_has_an_appendix_head(tmp_path):
    # ND30-BODY-01: what stands between the trích yếu and "QUYẾT ĐỊNH:" is the căn cứ block, in italics;
    # ND30-APPX-02/03: an attached part's label and title bold and centred, its "(Kèm theo …)" line italic.
    from ocop_docs.model.decision import GeneralDecision

    decision = GeneralDecision.model_validate({
        "issuer": {"name": "Ủy ban nhân dân tỉnh Gia Lai", "level": "tinh"}, "place": "Gia Lai", "number": 44,
        "title": "Ban hành Quy chế", "authority": "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
        "legal_bases": ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"],
        "preamble": ["Ủy ban nhân dân tỉnh ban hành Quyết định quy định quy chế."],
        "articles": [{"text": "Ban hành kèm theo Quyết định này Quy chế."}],
        "signer": {"title": "Chủ tịch", "name": "Nguyễn Văn A"},
        "attached": ["PHỤ LỤC", "QUY CHẾ QUẢN LÝ", "(Kèm theo Quyết định số 44/QĐ-UBND)", "I. QUY ĐỊNH CHUNG",
                     "Quy chế này quy định việc quản lý."],
    })
    doc = Document(str(render_spec(decision, tmp_path / "qd.docx")))
    by_text = {p.text: p for p in doc.paragraphs}
    preamble = by_text["Ủy ban nhân dân tỉnh ban hành Quyết định quy định quy chế."]
    assert all(run.font.italic for run in preamble.runs)
    styles = {t: by_text[t].style.name for t in decision.attached}
    assert styles == {"PHỤ LỤC": "ND30 - Phụ lục", "QUY CHẾ QUẢN LÝ": "ND30 - Tên phụ lục",
                      "(Kèm theo Quyết định số 44/QĐ-UBND)": "ND30 - Dòng kèm theo",
                      "I. QUY ĐỊNH CHUNG": "ND30 - Nội dung", "Quy chế này quy định việc quản lý.": "ND30 - Nội dung"}
