"""Tables rendered in a plan: real Word tables in ND30 practice style, read back from the written file."""
from __future__ import annotations

import shutil
import zipfile

import pytest
from lxml import etree

from ocop_docs.check import check_file
from ocop_docs.model.plan import Plan
from ocop_docs.render import render_spec

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# CT_TblPr children in schema order (ECMA-376 Part 1, 17.4.60): Word repairs any other order.
TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
               "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]


def _plan(rows: int = 3) -> Plan:
    return Plan.model_validate({
        "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "level": "xa"}, "place": "Long Thuận", "year": 2026,
        "title": "Thực hiện Chương trình Mỗi xã một sản phẩm năm 2026",
        "body": [
            {"heading": "NHIỆM VỤ", "content": [
                "Phân công thực hiện như sau:",
                {"assignments": [{"content": f"Nhiệm vụ số {n}", "lead": "Phòng Kinh tế", "coordinating": ["Văn phòng"],
                                  "deadline": "Quý II/2026"} for n in range(1, rows + 1)]},
            ]},
            {"heading": "KINH PHÍ", "content": [
                {"budget": {"lines": [{"item": "Tập huấn", "amount": 50_000_000, "source": "Ngân sách tỉnh"},
                                      {"item": "Hội chợ", "amount": 35_000_000, "source": "Ngân sách xã"}],
                            "as_table": True, "in_words": True}},
                {"table": {"title": "Bảng 3. Sản phẩm theo thôn", "unit": "Đơn vị tính: sản phẩm",
                           "header": [[{"text": "Thôn", "rowspan": 2}, {"text": "Chỉ tiêu", "colspan": 2}],
                                      ["3 sao", "4 sao"]],
                           "rows": [["Long Thành", "1200", "1"], ["Long Hòa", "3", "0"]], "number_columns": [2, 3],
                           "total": {"label": "Cộng"}}},
            ]},
        ],
        "closing": "Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2026.",
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn Bình"},
        "recipients": ["UBND tỉnh Tây Ninh"], "archive": "VT",
    })


def _tables(path):
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(f"{W}body")
    return [t for t in body.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblBorders") is not None
            and t.find(f"{W}tblPr/{W}tblBorders/{W}insideV") is not None
            and t.find(f"{W}tblPr/{W}tblBorders/{W}insideV").get(f"{W}val") == "single"]


def _cells(tr) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.findall(f"{W}tc")]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return render_spec(_plan(), tmp_path_factory.mktemp("tables") / "kh.docx")


def test_each_table_block_is_a_word_table_with_its_rows(rendered):
    tables = _tables(rendered)
    assert len(tables) == 3
    assignment, budget, targets = tables
    rows = [_cells(tr) for tr in assignment.findall(f"{W}tr")]
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    assert rows[1] == ["1", "Nhiệm vụ số 1", "Phòng Kinh tế", "Văn phòng", "Quý II/2026"]
    budget_rows = [_cells(tr) for tr in budget.findall(f"{W}tr")]
    # Vietnamese separators; the total is computed from the lines.
    assert budget_rows[1] == ["1", "Tập huấn", "50.000.000", "Ngân sách tỉnh"]
    assert budget_rows[-1] == ["Tổng kinh phí", "85.000.000", ""]
    target_rows = [_cells(tr) for tr in targets.findall(f"{W}tr")]
    assert target_rows[0] == ["Thôn", "Chỉ tiêu"] and target_rows[1] == ["", "3 sao", "4 sao"]
    assert target_rows[2] == ["Long Thành", "1.200", "1"] and target_rows[-1] == ["Cộng", "1.203", "1"]


def _gap_above(tbl) -> int:
    """The space (twips) the document leaves above a table: its caption's space before, else the
    space after the paragraph that introduces it."""
    before = tbl.getprevious()
    while before is not None and before.find(f"{W}pPr/{W}keepNext") is not None and \
            before.find(f"{W}pPr/{W}jc") is not None and before.find(f"{W}pPr/{W}jc").get(f"{W}val") in ("center", "right"):
        caption = before.find(f"{W}pPr/{W}spacing")
        if caption is not None and int(caption.get(f"{W}before", "0")) >= 120:
            return int(caption.get(f"{W}before"))
        before = before.getprevious()
    spacing = before.find(f"{W}pPr/{W}spacing") if before is not None else None
    return int(spacing.get(f"{W}after", "0")) if spacing is not None else 0


def _gap_below(tbl) -> int:
    """The space (twips) above the paragraph after a table; a table that ends the document needs none."""
    following = tbl.getnext()
    if following is None or following.tag == f"{W}sectPr":
        return 10 ** 6
    spacing = following.find(f"{W}pPr/{W}spacing") if following is not None else None
    return int(spacing.get(f"{W}before", "0")) if spacing is not None else 0


def _padding(tbl) -> dict[str, int]:
    return {etree.QName(m).localname: int(m.get(f"{W}w")) for m in tbl.find(f"{W}tblPr/{W}tblCellMar")}


def test_nd30_practice_style(rendered):
    """ND30-TABLE-01 leaves tables to practice: borders, header repeated, rows whole, padding, space around."""
    for tbl in _tables(rendered):
        assert all(p >= 57 for p in _padding(tbl).values()) and set(_padding(tbl)) == {"top", "left", "bottom", "right"}
        assert _gap_above(tbl) >= 120 and _gap_below(tbl) >= 120, "a table stuck to the text around it"
        tblpr = tbl.find(f"{W}tblPr")
        names = [etree.QName(c).localname for c in tblpr]
        assert names == sorted(names, key=TBLPR_ORDER.index), names
        assert names.count("tblLayout") == 1
        rows = tbl.findall(f"{W}tr")
        assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows)  # rows never split over pages
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # header repeated on every page
        assert tblpr.find(f"{W}tblCellMar/{W}left").get(f"{W}w") == "85"  # cells do not touch their borders
        widths = [int(c.get(f"{W}w")) for c in tbl.find(f"{W}tblGrid")]
        assert abs(sum(widths) - int(tblpr.find(f"{W}tblW").get(f"{W}w"))) <= 1
    # columns sized to their content across the A4 portrait text width (210 mm less 30 + 15 mm margins)
    assignment, budget = _tables(rendered)[:2]
    widths = [int(c.get(f"{W}w")) for c in assignment.find(f"{W}tblGrid")]
    assert abs(sum(widths) - 165 * 1440 / 25.4) <= 1 and widths.index(max(widths)) == 1 and widths[0] == min(widths)  # "Nội dung nhiệm vụ" widest, STT narrowest
    assert widths[0] >= 3 * 190 + 2 * 85  # "STT" on one line: three capitals and the cell's padding
    amount = budget.findall(f"{W}tr")[1].findall(f"{W}tc")[2]
    assert amount.find(f".//{W}jc").get(f"{W}val") == "right"  # numbers right-aligned
    stt = budget.findall(f"{W}tr")[1].findall(f"{W}tc")[0]
    assert stt.find(f".//{W}jc").get(f"{W}val") == "center"


def test_amount_in_words_and_caption_are_around_the_table(rendered):
    from docx import Document

    texts = [p.text for p in Document(str(rendered)).paragraphs]
    assert "(Bằng chữ: Tám mươi lăm triệu đồng)" in texts
    assert "Bảng 3. Sản phẩm theo thôn" in texts and "(Đơn vị tính: sản phẩm)" in texts


def test_the_plan_with_tables_passes_the_checker(rendered):
    report = check_file(rendered)
    assert [f for f in report.findings if f.severity == "error"] == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_long_table_repeats_its_header_on_the_next_page(tmp_path):
    from pypdf import PdfReader

    from ocop_docs.convert import to_pdf_one

    docx = render_spec(_plan(rows=45), tmp_path / "dai.docx")
    pdf = to_pdf_one(docx, tmp_path / "dai.pdf")
    pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
    spanning = [text for text in pages if "Nhiệm vụ số 40" in text or "Nhiệm vụ số 20" in text]
    assert len(pages) >= 2
    continued = next(text for text in pages[1:] if "Nhiệm vụ số" in text)
    assert "Nội dung nhiệm vụ" in continued and "Cơ quan chủ trì" in continued
    # no row is cut: each task's number and its deadline are on the same page
    for n in range(1, 46):
        page = next(text for text in pages if f"Nhiệm vụ số {n}\n" in text or f"Nhiệm vụ số {n} " in text)
        assert "Quý II/2026" in page
    assert spanning


# ---------------------------------------------------------------- the templates' own tables
def _body(path):
    return etree.fromstring(zipfile.ZipFile(path).read("word/document.xml")).find(f"{W}body")


@pytest.mark.parametrize("sample", ["decisions/ha-tinh-2026-cong-nhan-dot-1.yaml", "forms/cong-van-de-nghi-vu-quang.yaml",
                                    "forms/bien-ban-hoi-dong-ha-tinh.yaml"])
def test_template_tables_get_the_same_style(tmp_path, sample):
    """The recognition list, the công văn and the biên bản: rows never split, header repeated, cell
    padding, a gap after the table — whatever the template holds."""
    from ocop_docs.io import load_spec
    from testpaths import SAMPLES

    docx = render_spec(load_spec(SAMPLES / sample), tmp_path / "out.docx")
    bordered = [t for t in _body(docx).iter(f"{W}tbl")
                if t.find(f"{W}tblPr/{W}tblBorders/{W}insideH") is not None]
    assert bordered
    for tbl in bordered:
        rows = tbl.findall(f"{W}tr")
        assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows)
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        names = [etree.QName(c).localname for c in tbl.find(f"{W}tblPr")]
        assert "tblCellMar" in names and names.index("tblCellMar") < names.index("tblLook")
        # cells do not touch their borders: padding on all four sides, in CT_TblCellMar order
        assert list(_padding(tbl)) == ["top", "left", "bottom", "right"] and min(_padding(tbl).values()) >= 57
        assert all(tc.find(f"{W}tcPr/{W}vAlign").get(f"{W}val") == "center" for tc in rows[0].findall(f"{W}tc"))
        # space before and after the table
        assert _gap_above(tbl) >= 120 and _gap_below(tbl) >= 120


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_recognition_list_keeps_each_product_on_one_page(tmp_path):
    """The issue's case: 'Nhung hươu sấy lát Sơn' / 'Tây' was split over two pages."""
    from pypdf import PdfReader

    from ocop_docs.convert import to_pdf_one
    from ocop_docs.io import load_spec
    from testpaths import SAMPLES

    docx = render_spec(load_spec(SAMPLES / "decisions" / "ha-tinh-2026-cong-nhan-dot-1.yaml"), tmp_path / "cn.docx")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(to_pdf_one(docx, tmp_path / "cn.pdf"))).pages]
    holder = [n for n, text in enumerate(pages) if "Nhung hươu sấy lát" in text]
    assert len(holder) == 1 and "Sơn Tây" in pages[holder[0]]
    annex = [text for text in pages if "Tên sản phẩm" in text]
    assert len(annex) >= 2  # the header row is repeated on the list's next page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_wide_table_gets_a_landscape_page_and_the_text_goes_on_in_portrait(tmp_path):
    from pypdf import PdfReader

    from ocop_docs.convert import to_pdf_one

    data = _plan().model_dump(mode="python")
    data["body"][0]["content"] = ["Danh sách như sau:", {"table": {
        "title": "Bảng 1. Sản phẩm dự kiến", "landscape": True,
        "header": [["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm", "Hạng hiện có", "Hạng dự kiến", "Ghi chú"]],
        "rows": [["1", "Mật ong hoa rừng", "HTX Ong mật", "thôn 1", "Thực phẩm", "3 sao", "4 sao", ""]]}},
        "Các thôn phối hợp thực hiện."]
    docx = render_spec(Plan.model_validate(data), tmp_path / "ngang.docx")
    assert [f for f in check_file(docx).findings if f.severity == "error"] == []  # ND30-PAGE-02: landscape with a table
    reader = PdfReader(str(to_pdf_one(docx, tmp_path / "ngang.pdf")))
    shapes = [(float(p.mediabox.width) > float(p.mediabox.height), p.extract_text()) for p in reader.pages]
    landscape = [text for wide, text in shapes if wide]
    assert len(landscape) == 1 and "Sản phẩm dự kiến" in landscape[0] and "Mật ong hoa rừng" in landscape[0]
    assert not shapes[0][0] and not shapes[-1][0] and "Các thôn phối hợp" in shapes[-1][1]


def test_word_opens_the_tables_without_repair(rendered):
    from wordcheck import word_findings

    assert word_findings(rendered) == []


def test_a_decisions_annex_carries_a_table_in_the_same_style(tmp_path):
    """A table block among a decision's attached paragraphs is a Word table in the house style,
    placed between the paragraphs it stands among; a stated total that disagrees is refused naming its row."""
    from pydantic import ValidationError

    from ocop_docs.model.decision import GeneralDecision

    data = {
        "issuer": {"name": "Ủy ban nhân dân tỉnh Gia Lai", "level": "tinh"}, "place": "Gia Lai", "number": 44,
        "date": "2026-03-02", "title": "Phê duyệt danh mục sản phẩm OCOP tiềm năng năm 2026",
        "authority": "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
        "legal_bases": ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"],
        "articles": [{"text": "Phê duyệt danh mục kèm theo."}, {"text": "Quyết định này có hiệu lực kể từ ngày ký."}],
        "attached": ["DANH MỤC SẢN PHẨM", "(Kèm theo Quyết định số 44/QĐ-UBND ngày 02/3/2026 của Chủ tịch UBND tỉnh)",
                     {"table": {"header": [["STT", "Tên sản phẩm", "Kinh phí (đồng)"]],
                                "rows": [["1", "Hồ tiêu", "20000000"], ["2", "Cà phê", "15000000"]], "number_columns": [3],
                                "total": {"label": "Tổng cộng", "stated": {3: "35.000.000"}}}},
                     "Ghi chú: kinh phí từ ngân sách tỉnh."],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn An"},
        "recipients": ["Như Điều 2"], "archive": "VT",
    }
    docx = render_spec(GeneralDecision.model_validate(data), tmp_path / "qd.docx")
    (tbl,) = _tables(docx)
    assert [_cells(tr) for tr in tbl.findall(f"{W}tr")] == [
        ["STT", "Tên sản phẩm", "Kinh phí (đồng)"], ["1", "Hồ tiêu", "20.000.000"], ["2", "Cà phê", "15.000.000"],
        ["Tổng cộng", "35.000.000"]]
    assert "".join(t.text or "" for t in tbl.getprevious().iter(f"{W}t")).startswith("(Kèm theo Quyết định số 44")
    assert "".join(t.text or "" for t in tbl.getnext().getnext().iter(f"{W}t")) == "Ghi chú: kinh phí từ ngân sách tỉnh."
    rows = tbl.findall(f"{W}tr")
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows) and rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert _gap_above(tbl) >= 120 and min(_padding(tbl).values()) >= 57
    assert [f for f in check_file(docx).findings if f.severity == "error"] == []
    data["attached"][2]["table"]["total"]["stated"] = {3: "36.000.000"}
    with pytest.raises(ValidationError, match="dòng 'Tổng cộng', cột 3 ghi 36.000.000 nhưng tổng các dòng là 35.000.000"):
        GeneralDecision.model_validate(data)
