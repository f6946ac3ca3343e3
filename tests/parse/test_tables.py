"""Tables read back: Word tables (merged cells kept) and website rows "a | b | c" become table blocks."""
from __future__ import annotations

from decimal import Decimal

import docx

from ocop_docs.docx.blocks import read_document
from ocop_docs.docx.package import open_docx
from ocop_docs.model.plan import Plan
from ocop_docs.parse.tables import pipe_cells, pipe_rows, table_from_cells, table_from_word
from ocop_docs.render import render_spec

BUDGET_LINES = """STT | Nội dung | Kinh phí (đồng) | Nguồn vốn |
1 | Tập huấn cho chủ thể OCOP | 50.000.000 | Ngân sách tỉnh |
2 | Tham gia hội chợ | 35.000.000 | Ngân sách huyện |
| Tổng cộng | 85.000.000 | |""".splitlines()


def test_website_rows_become_a_table_with_its_total():
    assert all(pipe_cells(line) for line in BUDGET_LINES)
    rows = pipe_rows(BUDGET_LINES)
    table = table_from_cells(rows)
    assert [c.text for c in table.header[0]] == ["STT", "Nội dung", "Kinh phí (đồng)", "Nguồn vốn"]
    assert [[c.text for c in r] for r in table.rows][1] == ["2", "Tham gia hội chợ", "35.000.000", "Ngân sách huyện"]
    assert table.number_columns == [3] and table.total.stated == {3: "85.000.000"}
    assert table.column_sum(3) == Decimal(85_000_000)


def test_markdown_rows_read_the_same():
    markdown = ["| " + line.rstrip("|").strip() + " |" if not line.startswith("|") else "|   " + line.rstrip("|").strip() + " |"
                for line in BUDGET_LINES]
    markdown.insert(1, "|---|---|---|---|")
    assert pipe_rows(markdown) == pipe_rows(BUDGET_LINES)


def test_a_total_that_disagrees_is_kept_as_a_row_not_corrected():
    rows = pipe_rows(BUDGET_LINES)
    rows[-1][2] = "95.000.000"
    table = table_from_cells(rows)
    assert table.total is None and [c.text for c in table.rows[-1]] == ["", "Tổng cộng", "95.000.000", ""]
    assert len(table.rows) == 3  # nothing dropped


def test_header_and_signature_layouts_are_not_content_tables():
    assert table_from_cells([pipe_cells("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"),
                             pipe_cells("Số: 2891/QĐ-UBND | Kiên Giang, ngày 15 tháng 12 năm 2020 |")]) is None
    assert table_from_cells([["Nơi nhận:", "KT. CHỦ TỊCH"], ["- Như Điều 3;", "PHÓ CHỦ TỊCH"]]) is None
    assert pipe_cells("---------|---------") is None and pipe_cells("không có ô") is None


def test_word_table_with_merged_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Xã"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Chỉ tiêu"
    table.cell(1, 1).text, table.cell(1, 2).text = "3 sao", "4 sao"
    for r, values in ((2, ("Long Hựu", "2", "1")), (3, ("Tân Lân", "1", "0"))):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    path = tmp_path / "bang.docx"
    document.save(str(path))
    view = read_document(open_docx(path))
    parsed = table_from_word(view.tables[0], view.blocks)
    assert parsed.n_cols == 3 and len(parsed.header) == 2
    assert (parsed.header[0][0].text, parsed.header[0][0].rowspan) == ("Xã", 2)
    assert (parsed.header[0][1].text, parsed.header[0][1].colspan) == ("Chỉ tiêu", 2)
    assert [[c.text for c in r] for r in parsed.rows] == [["Long Hựu", "2", "1"], ["Tân Lân", "1", "0"]]
    assert parsed.number_columns == [2, 3]


def test_rendered_tables_read_back_the_same(tmp_path):
    """Round trip: a plan's tables rendered by the engine are read back with the same cells."""
    plan = Plan.model_validate({
        "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "level": "xa"}, "place": "Long Thuận", "year": 2026,
        "title": "Thực hiện Chương trình OCOP năm 2026",
        "body": [{"heading": "KINH PHÍ", "content": [
            {"table": {"header": [["STT", "Nội dung", "Kinh phí (đồng)"]],
                       "rows": [["1", "Tập huấn", "50000000"], ["2", "Hội chợ", "35000000"]], "number_columns": [3],
                       "total": {"label": "Tổng cộng", "columns": [3]}}}]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn Bình"},
    })
    path = render_spec(plan, tmp_path / "kh.docx")
    view = read_document(open_docx(path))
    content = [t for t in (table_from_word(info, view.blocks) for info in view.tables) if t is not None]
    assert len(content) == 1
    back = content[0]
    assert [[c.text for c in r] for r in back.rows] == [["1", "Tập huấn", "50.000.000"], ["2", "Hội chợ", "35.000.000"]]
    assert back.total.stated == {3: "85.000.000"} and back.column_sum(3) == plan.tables[0].column_sum(3)


WEB_PLAN = """ỦY BAN NHÂN DÂN HUYỆN CẦN ĐƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 45/KH-UBND | Cần Đước, ngày 10 tháng 01 năm 2025 |
KẾ HOẠCH
Thực hiện Chương trình Mỗi xã một sản phẩm năm 2025
Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ;
UBND huyện Cần Đước ban hành Kế hoạch như sau:
I. MỤC TIÊU
Phấn đấu có ít nhất 05 sản phẩm đạt 3 sao trở lên.
II. KINH PHÍ
Kinh phí thực hiện như bảng sau:
Bảng 1. Kinh phí thực hiện
STT | Nội dung | Kinh phí (đồng) | Nguồn vốn |
1 | Tập huấn cho chủ thể OCOP | 50.000.000 | Ngân sách tỉnh |
2 | Tham gia hội chợ | 35.000.000 | Ngân sách huyện |
| Tổng cộng | 85.000.000 | |
Trên đây là Kế hoạch thực hiện Chương trình OCOP năm 2025./.
"""


def test_a_web_copy_table_is_a_table_block_with_caption_and_total(tmp_path):
    import importlib

    path = tmp_path / "web.txt"
    path.write_text(WEB_PLAN, encoding="utf-8")
    plan = importlib.import_module("ocop_docs.parse").parse_file(path).primary().model
    assert len(plan.tables) == 1
    table = plan.tables[0]
    assert table.title == "Bảng 1. Kinh phí thực hiện"
    assert [[c.text for c in r] for r in table.rows][1] == ["2", "Tham gia hội chợ", "35.000.000", "Ngân sách huyện"]
    assert table.total.stated == {3: "85.000.000"}  # the row opening with a bar keeps its empty STT cell


def test_a_plan_with_tables_round_trips(tmp_path):
    import importlib

    from ocop_docs.render import render_spec as render

    plan = Plan.model_validate({
        "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "level": "xa"}, "place": "Long Thuận", "year": 2026,
        "title": "Thực hiện Chương trình OCOP năm 2026",
        "body": [{"heading": "KINH PHÍ", "content": [
            "Kinh phí như sau:",
            {"table": {"title": "Bảng 1. Chỉ tiêu theo thôn", "unit": "Đơn vị tính: sản phẩm",
                       "header": [[{"text": "Thôn", "rowspan": 2}, {"text": "Chỉ tiêu", "colspan": 2}], ["3 sao", "4 sao"]],
                       "rows": [["Long Thành", "2", "1"], ["Long Hòa", "1", "0"]], "number_columns": [2, 3],
                       "total": {"label": "Cộng", "columns": [2, 3]}}},
            "Các thôn thực hiện."]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn Bình"},
        "recipients": ["UBND tỉnh"], "archive": "VT",
    })
    first = importlib.import_module("ocop_docs.parse").parse_file(render(plan, tmp_path / "a.docx")).primary().model
    again = importlib.import_module("ocop_docs.parse").parse_file(render(first, tmp_path / "b.docx")).primary().model
    for table in (first.tables[0], again.tables[0]):
        assert (table.title, table.unit) == ("Bảng 1. Chỉ tiêu theo thôn", "Đơn vị tính: sản phẩm")
        assert (table.header[0][0].rowspan, table.header[0][1].colspan) == (2, 2)
        assert [[c.text for c in r] for r in table.rows] == [["Long Thành", "2", "1"], ["Long Hòa", "1", "0"]]
        assert table.total.stated == {2: "3", 3: "1"}
    assert first.tables == again.tables


def test_pdf_tables_are_read_from_their_ruling_lines(tmp_path):
    """A PDF made from a plan with tables gives the same tables back: merged header cells, rows
    whose text wraps inside a cell, the stated total (issue: PDF tables by coordinates)."""
    import importlib
    import shutil

    import pytest

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    from ocop_docs.convert import to_pdf_one
    from ocop_docs.io import load_spec
    from ocop_docs.render import render_spec as render
    from testpaths import SAMPLES

    sample = load_spec(SAMPLES / "plans" / "vi-du-xa-2026-bang-bieu.yaml")
    pdf = to_pdf_one(render(sample, tmp_path / "kh.docx"), tmp_path / "kh.pdf")
    read = importlib.import_module("ocop_docs.parse").parse_file(pdf).primary().model
    assert read.tables == sample.tables
    targets = read.tables[0]
    assert (targets.header[0][0].text, targets.header[0][0].rowspan, targets.header[0][1].colspan) == ("Thôn", 2, 2)
    assert [c.text for c in read.tables[1].rows[0]][1] == "Tuyên truyền về Chương trình OCOP trên hệ thống truyền thanh xã"


def test_libreoffice_saved_tables_keep_every_cell(office_copies):
    """A plan with tables saved again by LibreOffice (.docx) reads back with every cell, span and total."""
    import importlib

    from ocop_docs.io import load_spec
    from testpaths import SAMPLES

    sample = load_spec(SAMPLES / "plans" / "vi-du-xa-2026-bang-bieu.yaml")
    read = importlib.import_module("ocop_docs.parse").parse_file(
        office_copies["vi-du-xa-2026-bang-bieu"]["docx"]).primary().model
    assert len(read.tables) == 3 and read.tables == sample.tables


def _long_plan(tasks: int) -> Plan:
    return Plan.model_validate({
        "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "level": "xa"}, "place": "Long Thuận", "year": 2026,
        "title": "Thực hiện Chương trình OCOP năm 2026",
        "body": [{"heading": "NHIỆM VỤ", "content": [
            "Phân công thực hiện như sau:",
            {"table": {"header": [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"]],
                       "rows": [[str(n), f"Nhiệm vụ số {n}", "Phòng Kinh tế", "Quý II/2026"] for n in range(1, tasks + 1)]}}]},
            {"heading": "KINH PHÍ", "content": [
                {"table": {"header": [["STT", "Nội dung", "Kinh phí (đồng)", "Nguồn vốn"]],
                           "rows": [["1", "Tập huấn", "50.000.000", "Ngân sách tỉnh"]], "number_columns": [3]}}]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn Bình"},
        "recipients": ["UBND tỉnh"], "archive": "VT",
    })


def test_a_pdf_table_over_several_pages_is_one_table(tmp_path):
    """The header row Word repeats on each page is not a row; the table is not cut in two; the next
    table (after a heading) stays its own."""
    import importlib
    import shutil

    import pytest
    from pypdf import PdfReader

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    from ocop_docs.convert import to_pdf_one

    plan = _long_plan(60)
    pdf = to_pdf_one(render_spec(plan, tmp_path / "dai.docx"), tmp_path / "dai.pdf")
    pages = [p.extract_text() for p in PdfReader(str(pdf)).pages]
    assert sum("Nội dung nhiệm vụ" in text for text in pages) >= 2  # the header is printed on two pages at least
    read = importlib.import_module("ocop_docs.parse").parse_file(pdf).primary().model
    assert len(read.tables) == 2
    tasks, budget = read.tables
    assert [[c.text for c in r] for r in tasks.header] == [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"]]
    assert [[c.text for c in r] for r in tasks.rows] == [[c.text for c in r] for r in plan.tables[0].rows]
    assert [[c.text for c in r] for r in budget.rows] == [["1", "Tập huấn", "50.000.000", "Ngân sách tỉnh"]]


def test_the_recognition_list_reads_back_from_pdf_and_libreoffice(tmp_path):
    """The decision's annex (a landscape list over two pages, merged group rows, codes wrapped in
    their cells) gives back the products of the sample from the PDF and from a LibreOffice copy."""
    import importlib
    import shutil
    import subprocess

    import pytest

    from ocop_docs.convert import find_soffice, to_pdf_one
    from ocop_docs.io import load_spec
    from testpaths import SAMPLES

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    sample = load_spec(SAMPLES / "decisions" / "ha-tinh-2026-cong-nhan-dot-1.yaml")
    docx_path = render_spec(sample, tmp_path / "cn.docx")
    pdf = to_pdf_one(docx_path, tmp_path / "cn.pdf")
    (tmp_path / "lo").mkdir()
    subprocess.run([find_soffice(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    expected = [p.model_dump(exclude={"row", "stt", "evaluated_on"}) for p in sample.products]
    for path in (pdf, tmp_path / "lo" / "cn.docx"):
        read = importlib.import_module("ocop_docs.parse").parse_file(path).primary()
        assert read.kind == "recognition_decision", [n.describe() for n in read.notes]
        assert [p.model_dump(exclude={"row", "stt", "evaluated_on"}) for p in read.model.products] == expected


def _tabbed(text: str) -> str:
    """The web copy as a browser copies it: the table's cells separated by tabs, the header's too."""
    out = []
    for line in text.splitlines():
        if line.startswith(("STT |", "1 |", "2 |", "| Tổng")):
            line = "\t".join(c.strip() for c in line.rstrip().rstrip("|").split("|"))
        out.append(line)
    return "\n".join(out).replace("I. MỤC TIÊU", "I.\tMỤC TIÊU").replace("II. KINH PHÍ", "II.\tKINH PHÍ")


def test_tab_separated_rows_copied_from_a_browser_are_a_table(tmp_path):
    import importlib

    path = tmp_path / "web.txt"
    path.write_text(_tabbed(WEB_PLAN), encoding="utf-8")
    assert "\nSTT\tNội dung\t" in path.read_text(encoding="utf-8") and "\n\tTổng cộng\t85.000.000" in path.read_text(encoding="utf-8")
    plan = importlib.import_module("ocop_docs.parse").parse_file(path).primary().model
    assert [b.heading for b in plan.body] == ["MỤC TIÊU", "KINH PHÍ"]  # "I.<tab>MỤC TIÊU" is a heading, not a row
    (table,) = plan.tables
    assert table.title == "Bảng 1. Kinh phí thực hiện"
    assert [[c.text for c in r] for r in table.header] == [["STT", "Nội dung", "Kinh phí (đồng)", "Nguồn vốn"]]
    assert [[c.text for c in r] for r in table.rows] == [["1", "Tập huấn cho chủ thể OCOP", "50.000.000", "Ngân sách tỉnh"],
                                                      ["2", "Tham gia hội chợ", "35.000.000", "Ngân sách huyện"]]
    assert table.total.stated == {3: "85.000.000"}  # the leading tab keeps the empty STT cell


def test_tabs_that_make_no_table():
    from ocop_docs.parse.txt import tab_rows

    assert tab_rows(["1.\tMục tiêu", "a)\tĐối tượng", "\tCăn cứ Luật Tổ chức chính quyền địa phương;", "-\tTuyên truyền"]) == {}
    assert tab_rows(["Thôn\tSố sản phẩm", "Long Thành\t2"]) == {0: ["Thôn", "Số sản phẩm"], 1: ["Long Thành", "2"]}
    assert tab_rows(["Thôn\tSố sản phẩm"]) == {}  # one line alone is not a table


def test_a_web_table_round_trips_through_word_cell_for_cell(tmp_path):
    """Text rows parsed, rendered to Word, parsed again: every cell the same, the total too."""
    import importlib

    parse_file = importlib.import_module("ocop_docs.parse").parse_file
    for name, text in (("bar.txt", WEB_PLAN), ("tab.txt", _tabbed(WEB_PLAN))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        first = parse_file(path).primary().model
        again = parse_file(render_spec(first, tmp_path / f"{name}.docx")).primary().model
        assert len(again.tables) == 1
        assert [[c.text for c in r] for r in again.tables[0].header] == [[c.text for c in r] for r in first.tables[0].header]
        assert [[c.text for c in r] for r in again.tables[0].rows] == [[c.text for c in r] for r in first.tables[0].rows]
        assert again.tables == first.tables


def _decision_with_annex_table():
    from ocop_docs.model.decision import GeneralDecision

    return GeneralDecision.model_validate({
        "issuer": {"name": "Ủy ban nhân dân tỉnh Gia Lai", "level": "tinh"}, "place": "Gia Lai", "number": 44,
        "date": "2026-03-02", "title": "Phê duyệt danh mục sản phẩm OCOP tiềm năng năm 2026",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI",
        "legal_bases": ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"],
        "articles": [{"text": "Phê duyệt danh mục sản phẩm OCOP tiềm năng năm 2026 (chi tiết tại Phụ lục kèm theo)."},
                     {"text": "Quyết định này có hiệu lực kể từ ngày ký."}],
        "attached": ["PHỤ LỤC", "DANH MỤC SẢN PHẨM OCOP TIỀM NĂNG NĂM 2026",
                     "(Kèm theo Quyết định số 44/QĐ-UBND ngày 02/3/2026 của Chủ tịch UBND tỉnh)",
                     {"table": {"header": [["STT", "Tên sản phẩm", "Chủ thể", "Kinh phí hỗ trợ (đồng)"]],
                                "rows": [["I", {"text": "Huyện Chư Sê", "colspan": 3}],
                                         ["1", "Hồ tiêu Chư Sê", "HTX Ia Blang", "20.000.000"],
                                         ["2", "Cà phê Chư Sê", "HTX Ia Pal", "15.000.000"]],
                                "number_columns": [4], "total": {"label": "Tổng cộng", "stated": {4: "35.000.000"}}}},
                     "Ghi chú: kinh phí từ ngân sách tỉnh."],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn An"},
        "recipients": ["Như Điều 2"], "archive": "VT",
    })


def test_a_decisions_annex_table_reads_back_as_a_table(tmp_path):
    """A table attached after the signature (a decision's annex) comes back as a table block, merged
    group row and stated total kept, from Word and from PDF; the paragraphs around it stay paragraphs."""
    import importlib
    import shutil

    from ocop_docs.model.table import TableBlock

    parse_file = importlib.import_module("ocop_docs.parse").parse_file
    decision = _decision_with_annex_table()
    docx_path = render_spec(decision, tmp_path / "qd.docx")
    parsed = parse_file(docx_path).primary()
    read = parsed.model
    assert read.attached == decision.attached
    assert any(n.message.startswith("4 đoạn và 1 bảng sau chữ ký") for n in parsed.notes)  # the reader is told what was kept
    if shutil.which("soffice") is None:
        return
    from ocop_docs.convert import to_pdf_one

    read = parse_file(to_pdf_one(docx_path, tmp_path / "qd.pdf")).primary().model
    tables = [block for block in read.attached if isinstance(block, TableBlock)]
    assert [t.table for t in tables] == [decision.attached[3].table]
    assert read.attached[-1] == "Ghi chú: kinh phí từ ngân sách tỉnh."


def test_the_total_in_words_under_a_table_is_read_and_checked(tmp_path):
    """"(Bằng chữ: …)" under a table is its total in words: read back as in_words when it says the
    sum, kept as the paragraph it is, with a note naming the line, when it says another amount."""
    import importlib

    parse = importlib.import_module("ocop_docs.parse").parse_file
    plan = Plan.model_validate({
        "issuer": {"name": "Ủy ban nhân dân xã Long Thuận", "level": "xa"}, "place": "Long Thuận", "year": 2026,
        "title": "Thực hiện Chương trình OCOP năm 2026",
        "body": [{"heading": "KINH PHÍ", "content": [
            {"table": {"header": [["STT", "Nội dung", "Kinh phí (đồng)"]],
                       "rows": [["1", "Tập huấn", "50.000.000"], ["2", "Hội chợ", "35.000.000"]], "number_columns": [3],
                       "total": {"label": "Tổng cộng", "stated": {3: "85.000.000"}}, "in_words": True}},
            "Nguồn kinh phí: ngân sách xã."]}],
        "signer": {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn Bình"},
        "recipients": ["UBND tỉnh"], "archive": "VT",
    })
    read = parse(render_spec(plan, tmp_path / "kh.docx")).primary().model
    assert read.tables == plan.tables and read.tables[0].in_words
    texts = [b.text for b in read.body[0].content if hasattr(b, "text")]
    assert texts == ["Nguồn kinh phí: ngân sách xã."]  # the words are not also a paragraph

    wrong = WEB_PLAN.replace("| Tổng cộng | 85.000.000 | |", "| Tổng cộng | 85.000.000 | |\n(Bằng chữ: Tám mươi triệu đồng)")
    path = tmp_path / "web.txt"
    path.write_text(wrong, encoding="utf-8")
    parsed = parse(path).primary()
    assert not parsed.model.tables[0].in_words
    assert any("Tám mươi triệu đồng" in n.message and "85.000.000" in n.message for n in parsed.notes)
    assert "(Bằng chữ: Tám mươi triệu đồng)" in [b.text for b in parsed.model.body[1].content if hasattr(b, "text")]


def test_a_real_budget_annex_with_group_subtotals_reads_whole(tmp_path):
    """The annex of a real decision (tests/data/tables/README.md): group rows I–V with subtotals, items
    under group I, empty cells, two total columns — every row kept, the total checked against the groups,
    and a subtotal that disagrees with its items told to the reader, the row kept as printed."""
    import importlib

    from testpaths import ROOT

    parse = importlib.import_module("ocop_docs.parse").parse_file
    rows = (ROOT / "tests" / "data" / "tables" / "du-toan-427-qd-tnvn-2026.md").read_text(encoding="utf-8")
    plan_text = WEB_PLAN.split("Bảng 1.")[0] + "Bảng 1. Dự toán kinh phí\n" + rows + "Trên đây là Kế hoạch./.\n"
    path = tmp_path / "du-toan.txt"
    path.write_text(plan_text, encoding="utf-8")
    (table,) = parse(path).primary().model.tables
    source = [r for r in pipe_rows(rows.splitlines())]
    assert [[c.text for c in r] for r in table.header] == source[:1]
    assert [[c.text for c in r] for r in table.rows] == source[1:-1]  # every row, empty cells included
    assert table.total.stated == {5: "500.000.000", 6: "500.000.000"} and table.column_sum(6) == Decimal(500_000_000)
    again = parse(render_spec(parse(path).primary().model, tmp_path / "kh.docx")).primary().model
    assert again.tables == [table]

    path.write_text(plan_text.replace("| I | Phần mềm | | | 84.600.000", "| I | Phần mềm | | | 84.000.000"), encoding="utf-8")
    parsed = parse(path).primary()
    (table,) = parsed.model.tables
    assert table.total is None and [c.text for c in table.rows[-1]][1] == "TỔNG CỘNG"  # kept, not corrected
    assert any("ghi 84.000.000 nhưng tổng các dòng của nhóm là 84.600.000" in n.message for n in parsed.notes)


def test_a_table_on_a_landscape_page_stays_landscape(tmp_path):
    """A wide annex printed on a landscape page (ND30-PAGE-02) is read back as landscape, from Word and PDF."""
    import importlib
    import shutil

    parse = importlib.import_module("ocop_docs.parse").parse_file
    plan = _long_plan(2).model_dump(mode="python")
    plan["body"][0]["content"].append({"table": {
        "title": "Bảng 2. Sản phẩm dự kiến", "landscape": True,
        "header": [["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm", "Hạng hiện có", "Hạng dự kiến", "Ghi chú"]],
        "rows": [["1", "Mật ong hoa rừng", "HTX Ong mật", "thôn 1", "Thực phẩm", "3 sao", "4 sao", ""]]}})
    plan["body"][0]["content"].append("Các thôn phối hợp thực hiện.")
    plan = Plan.model_validate(plan)
    docx_path = render_spec(plan, tmp_path / "ngang.docx")
    read = parse(docx_path).primary().model
    assert [t.landscape for t in read.tables] == [False, True, False] and read.tables == plan.tables
    if shutil.which("soffice") is None:
        return
    from ocop_docs.convert import to_pdf_one

    read = parse(to_pdf_one(docx_path, tmp_path / "ngang.pdf")).primary().model
    assert [t.landscape for t in read.tables] == [False, True, False]
    assert read.tables[1].rows == plan.tables[1].rows


def test_the_governments_own_word_tables_keep_every_cell_and_their_numbering():
    """Real Word tables (Phụ lục I and III of Nghị định 30/2020, tests/data/corpus/docx): every
    paragraph of every cell is in the table block, and an STT column numbered by Word's automatic
    numbering keeps its numbers as printed ("1." … "27.", then "1." … "3." for the copies)."""
    from testpaths import CORPUS

    for name, number, rows, columns in (("Phuluc1.docx", 1, 16, 3), ("Phuluc1.docx", 3, 59, 9), ("Phuluc3.docx", 1, 31, 3)):
        view = read_document(open_docx(CORPUS / "docx" / name))
        info = next(t for t in view.tables if t.area == "body" and t.depth == 1 and t.number == number)
        table = table_from_word(info, view.blocks)
        printed = [view.blocks[i].full_text.strip() for row in info.rows for cell in row for i in cell.blocks
                   if view.blocks[i].full_text.strip()]
        read = [line for row in table.header + table.rows for cell in row for line in cell.text.split("\n") if line]
        assert (len(table.rows), table.n_cols) == (rows, columns)
        assert sorted(read) == sorted(printed), name  # nothing lost, nothing added
    assert [row[0].text for row in table.rows] == [f"{n}." for n in range(1, 28)] + ["", "1.", "2.", "3."]
    assert [c.text for c in table.rows[0]] == ["1.", "Nghị quyết (cá biệt)", "NQ"]


BUDGET_TOTAL_FIRST = """| TT | Nội dung | Kinh phí (triệu đồng) | Đơn vị thực hiện |
|  | TỔNG CỘNG | 6.450 |  |
| 1 | Tổ chức đánh giá, phân hạng sản phẩm cấp tỉnh | 850 | Văn phòng Điều phối NTM tỉnh |
| 2 | Hỗ trợ chủ thể hoàn thiện sản phẩm | 4.200 | UBND các huyện |
|  | Trong đó: - Hỗ trợ thiết kế bao bì, nhãn mác | 1.200 |  |
|  | - Hỗ trợ kiểm nghiệm, công bố chất lượng | 3.000 |  |
| 3 | Hội chợ OCOP năm 2025 | 1.400 | Sở Công Thương |
"""


def test_a_total_printed_first_and_breakdown_rows_read_and_print_as_the_document_has_them(tmp_path):
    """Provincial budget tables print "TỔNG CỘNG" under the header and break items down with "Trong
    đó:" rows: the total is the total where it stands, the breakdown is not added again, and Word and
    PDF copies read back the same (FINDINGS 22)."""
    import importlib
    import shutil

    parse = importlib.import_module("ocop_docs.parse").parse_file
    for text, at in ((BUDGET_TOTAL_FIRST, "top"),
                     (BUDGET_TOTAL_FIRST.replace("|  | TỔNG CỘNG | 6.450 |  |\n", "") + "|  | Tổng cộng | 6.450 |  |\n", "bottom")):
        path = tmp_path / f"{at}.txt"
        path.write_text(WEB_PLAN.split("Bảng 1.")[0] + "Bảng 1. Kinh phí\n" + text + "Trên đây là Kế hoạch./.\n", encoding="utf-8")
        (table,) = parse(path).primary().model.tables
        assert table.total.at == at and table.total.stated == {3: "6.450"} and table.column_sum(3) == Decimal(6450)
        assert len(table.rows) == 5 and table.details() == {2, 3}
        docx_path = render_spec(parse(path).primary().model, tmp_path / f"{at}.docx")
        rows = [[c.text for c in r.cells] for r in docx.Document(str(docx_path)).tables[1].rows]
        assert rows[1 if at == "top" else -1][2] == "6.450"
        assert parse(docx_path).primary().model.tables == [table]
        if shutil.which("soffice"):
            from ocop_docs.convert import to_pdf_one

            assert parse(to_pdf_one(docx_path, tmp_path / f"{at}.pdf")).primary().model.tables == [table]


def test_a_numbered_row_that_begins_with_tong_is_an_item_not_the_total():
    """FINDINGS R1: "3 | Tổng kết Chương trình | … " ends an assignment table; it is a task, kept as a row."""
    rows = [["STT", "Nội dung", "Chủ trì", "Thời gian"], ["1", "Tuyên truyền", "Phòng Kinh tế", "Quý I/2027"],
            ["2", "Đánh giá sản phẩm", "Phòng Kinh tế", "Quý III/2027"], ["3", "Tổng kết Chương trình", "Văn phòng", "Quý IV/2027"]]
    table = table_from_cells(rows)
    assert table.total is None and [c.text for c in table.rows[-1]] == rows[-1]


def test_a_table_in_a_plan_attached_to_its_decision_round_trips(tmp_path):
    """Quảng Nam's decision issuing its plan (Mẫu 1.3), the attached plan given a budget table: the
    table is a Word table after the decision's signature and reads back, cell for cell, in the plan."""
    import importlib

    from ocop_docs.io import load_spec
    from testpaths import SAMPLES

    decision = load_spec(SAMPLES / "decisions" / "quang-nam-2020.yaml")
    data = decision.model_dump(mode="python", exclude_defaults=True)
    data["plan"]["body"][0]["content"].append({"table": {
        "title": "Bảng 1. Kinh phí thực hiện", "unit": "Đơn vị tính: triệu đồng",
        "header": [["STT", "Nội dung", "Kinh phí"]], "rows": [["1", "Hội chợ OCOP", "300"], ["2", "Tập huấn", "150"]],
        "number_columns": [3], "total": {"label": "Tổng cộng", "stated": {3: "450"}}}})
    decision = type(decision).model_validate(data)
    read = importlib.import_module("ocop_docs.parse").parse_file(render_spec(decision, tmp_path / "qd.docx")).primary().model
    assert read.tables == decision.plan.tables and len(read.tables) == 1
