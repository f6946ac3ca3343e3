"""Build the shipped docxtpl templates (templates/**.docx) from code.

The templates are ordinary Word files that clerks may edit; this script is how the project
makes them reproducibly. Layout follows ND30 Mẫu 1.4 (Kế hoạch); styles come from
``ocop_docs.render.styles`` (one place for ND30 sizes). Run: ``python tools/build_templates.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocop_docs.nd30.rules import QUOC_HIEU, TIEU_NGU  # noqa: E402
from ocop_docs.render.styles import add_page_number_header, borderless_table, prepare_document  # noqa: E402

HEADER_WIDTHS = [3600, 5754]  # ND30-LAYOUT-02: ~6.35 cm | ~10.15 cm (Quốc hiệu fits one line)
SIGNATURE_WIDTHS = [4000, 5354]  # ND30-LAYOUT-03


def para(container, text: str = "", style: str | None = None):
    """Append a paragraph; cells start with one empty paragraph, which is reused first."""
    paragraphs = getattr(container, "paragraphs", [])
    if hasattr(container, "_tc") and len(paragraphs) == 1 and not paragraphs[0].text and not getattr(container, "_used", False):
        p = paragraphs[0]
        container._used = True
        if text:
            p.add_run(text)
    else:
        p = container.add_paragraph()
        if text:
            p.add_run(text)
    if style:
        p.style = container.part.document.styles[style] if hasattr(container, "part") else style
    return p


def header_block(doc, with_number: bool = True) -> None:
    """ô 1–4: issuing body | Quốc hiệu and Tiêu ngữ; Số | place and date (ND30-LAYOUT-02)."""
    table = borderless_table(doc, 2 if with_number else 1, HEADER_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "{%p if issuer_parent %}")
    para(left, "{{ issuer_parent }}", "ND30 - Cơ quan chủ quản")
    para(left, "{%p endif %}")
    para(left, "{%p for line in issuer_lines %}")
    para(left, "{{ line }}", "ND30 - Cơ quan ban hành")
    para(left, "{%p endfor %}")
    para(left, "", "ND30 - Kẻ dưới tên cơ quan")
    para(right, QUOC_HIEU, "ND30 - Quốc hiệu")
    para(right, TIEU_NGU, "ND30 - Tiêu ngữ")
    para(right, "", "ND30 - Kẻ dưới Tiêu ngữ")
    if with_number:
        para(table.cell(1, 0), "{{ so_ky_hieu }}", "ND30 - Số, ký hiệu")
        para(table.cell(1, 1), "{{ date_line }}", "ND30 - Địa danh, ngày tháng")


def signature_block(doc) -> None:
    """ô 9b Nơi nhận | ô 7a–7c quyền hạn, chức vụ, họ tên (ND30-LAYOUT-03, RECIP-03, SIGN-01/04)."""
    spacer = doc.add_paragraph()
    spacer.paragraph_format.keep_with_next = True
    table = borderless_table(doc, 1, SIGNATURE_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "Nơi nhận:", "ND30 - Nơi nhận:")
    para(left, "{%p for line in recipients %}")
    para(left, "{{ line }}", "ND30 - Nơi nhận (các dòng)")
    para(left, "{%p endfor %}")
    para(right, "{%p for line in signer_lines %}")
    para(right, "{{ line }}", "ND30 - Quyền hạn, chức vụ người ký")
    para(right, "{%p endfor %}")
    for _ in range(4):
        para(right, "", "ND30 - Họ tên người ký")
    para(right, "{{ signer_name }}", "ND30 - Họ tên người ký")


def body_loop(doc, variable: str = "body") -> None:
    """The content: one paragraph per item, its style chosen by the item's kind (ND30-BODY-03/06)."""
    para(doc, f"{{%p for b in {variable} %}}")
    para(doc, "{%p if b.kind == 'h1' %}")
    para(doc, "{{ b.text }}", "ND30 - Mục (I.)")
    para(doc, "{%p elif b.kind == 'h2' %}")
    para(doc, "{{ b.text }}", "ND30 - Khoản có tiêu đề (1.)")
    para(doc, "{%p elif b.kind == 'runin' %}")
    run_in = para(doc, "", "ND30 - Nội dung")
    run_in.add_run("{{ b.lead }}").bold = True
    run_in.add_run("{{ b.text }}")
    para(doc, "{%p elif b.kind == 'h3' %}")
    para(doc, "{{ b.text }}", "ND30 - Điểm có tiêu đề (a)")
    para(doc, "{%p else %}")
    para(doc, "{{ b.text }}", "ND30 - Nội dung")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def new_document():
    doc = Document()
    # python-docx's default document starts with no paragraphs in the body but a sectPr.
    prepare_document(doc)
    add_page_number_header(doc)
    return doc


def build_plan(path: Path) -> None:
    """templates/plans/ke-hoach.docx — Kế hoạch of a UBND (ND30 Mẫu 1.4, ND30-TPL-KH-01)."""
    doc = new_document()
    header_block(doc)
    para(doc, "{{ type_name }}", "ND30 - Tên loại văn bản")
    para(doc, "{{ title }}", "ND30 - Trích yếu")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    para(doc, "{%p for line in bases %}")
    para(doc, "{{ line }}", "ND30 - Căn cứ")
    para(doc, "{%p endfor %}")
    para(doc, "{%p for text in preamble %}")
    para(doc, "{{ text }}", "ND30 - Nội dung")
    para(doc, "{%p endfor %}")
    body_loop(doc)
    signature_block(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


# ---- Decisions (ND30 Mẫu 1.2 / 1.3) and the documents and lists attached to them ----------

LIST_WIDTHS_LANDSCAPE = [850, 2900, 2600, 2700, 2000, 950, 950, 1337]  # 252 mm of landscape text width
MEMBER_WIDTHS = [850, 2800, 3404, 2300]  # 165 mm of portrait text width


def decision_head(doc) -> None:
    """Header, QUYẾT ĐỊNH, trích yếu and its line, THẨM QUYỀN, căn cứ, "QUYẾT ĐỊNH:" (ND30-TPL-QD-01)."""
    header_block(doc)
    para(doc, "{{ type_name }}", "ND30 - Tên loại văn bản")
    para(doc, "{{ title }}", "ND30 - Trích yếu")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    para(doc, "{{ authority_line }}", "ND30 - Thẩm quyền ban hành")
    para(doc, "{%p for line in bases %}")
    para(doc, "{{ line }}", "ND30 - Căn cứ")
    para(doc, "{%p endfor %}")
    para(doc, "QUYẾT ĐỊNH:", "ND30 - QUYẾT ĐỊNH:")


def articles_loop(doc) -> None:
    """The articles: "Điều n." in bold then its text; titled articles bold; khoản/điểm plain (ND30-BODY-05)."""
    para(doc, "{%p for a in articles %}")
    para(doc, "{%p if a.kind == 'article' %}")
    article = para(doc, "", "ND30 - Điều")
    article.add_run("{{ a.label }}").bold = True
    article.add_run("{{ a.text }}")
    para(doc, "{%p elif a.kind == 'article_title' %}")
    titled = para(doc, "", "ND30 - Điều")
    titled.add_run("{{ a.label }}{{ a.text }}").bold = True
    para(doc, "{%p else %}")
    para(doc, "{{ a.text }}", "ND30 - Nội dung")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def attached_section(doc, landscape: bool = False):
    """A new section (new page) for an attached document or list, numbered from 1 (ND30-PAGE-05);
    landscape when it holds a wide table (ND30-PAGE-02)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    # The paragraph that now ends the previous section is made 1 pt high, so it never spills
    # onto a page of its own after a full signature block.
    breaker = doc.element.body.findall(qn("w:p"))[-1]
    ppr = breaker.get_or_add_pPr()
    spacing = OxmlElement("w:spacing")
    for attr, val in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
        spacing.set(qn(attr), val)
    ppr.find(qn("w:sectPr")).addprevious(spacing)
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    ppr.find(qn("w:sectPr")).addprevious(mark)
    if landscape:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)
    add_page_number_header(doc, section)
    sect_pr = section._sectPr
    pg_num = sect_pr.find(qn("w:pgNumType"))
    if pg_num is None:
        pg_num = OxmlElement("w:pgNumType")
        anchor = sect_pr.find(qn("w:cols"))
        if anchor is not None:
            anchor.addprevious(pg_num)
        else:
            sect_pr.find(qn("w:pgMar")).addnext(pg_num)
    pg_num.set(qn("w:start"), "1")
    return section


def grid_table(doc, rows: int, widths: list[int]):
    """A table with single borders and fixed column widths; its first row repeats on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = borderless_table(doc, rows, widths)
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for attr, val in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            el.set(qn(attr), val)
        borders.append(el)
    layout = tbl_pr.find(qn("w:tblLayout"))
    (layout if layout is not None else tbl_pr[-1]).addprevious(borders)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)
    return table



def loop_table(doc, widths: list[int], headers, variable: str, keys, left=()):
    """A bordered table: a bold header row, then one row per item of ``variable`` ({%tr for %}).

    Column ``keys`` are the item's fields; those in ``left`` are left-aligned, the rest centred.
    """
    table = grid_table(doc, 4, widths)
    for col, text in enumerate(headers):
        form_cell(table.cell(0, col), text, "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
    form_cell(table.cell(1, 0), f"{{%tr for r in {variable} %}}")
    for col, key in enumerate(keys):
        style = "OCOP - Chữ trong bảng biểu mẫu" if key in left else "OCOP - Chữ trong bảng biểu mẫu (giữa)"
        form_cell(table.cell(2, col), f"{{{{ r.{key} }}}}", style)
    form_cell(table.cell(3, 0), "{%tr endfor %}")
    return table

def _cell(table, row: int, col: int, text: str, bold: bool = False, left: bool = False):
    cell = table.cell(row, col)
    p = para(cell, "", "ND30 - Chữ trong bảng (trái)" if left else "ND30 - Chữ trong bảng")
    run = p.add_run(text)
    if bold:
        run.bold = True
    return cell


def list_heading(doc) -> None:
    """"DANH SÁCH", the list's title, the "(Kèm theo Quyết định số …)" line and a short line (ND30-APPX-02/03)."""
    para(doc, "DANH SÁCH", "ND30 - Tên loại văn bản")
    para(doc, "{{ list_title }}", "ND30 - Tên phụ lục")
    para(doc, "{{ attach_line }}", "ND30 - Dòng kèm theo")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    para(doc, "")


def loop_rows(table, first: int, variable: str, group_cells: int) -> None:
    """Rows ``first``..``first+6`` of ``table``: a docxtpl row loop with a group row and a data row."""
    controls = {
        first: f"{{%tr for r in {variable} %}}",
        first + 1: "{%tr if r.kind == 'group' %}",
        first + 3: "{%tr else %}",
        first + 5: "{%tr endif %}",
        first + 6: "{%tr endfor %}",
    }
    for row, tag in controls.items():
        para(table.cell(row, 0), tag)
    group = first + 2
    _cell(table, group, 0, "{{ r.stt }}", bold=True)
    merged = table.cell(group, 1).merge(table.cell(group, group_cells - 1))
    _cell(table, group, 1, "{{ r.text }}", bold=True, left=True)
    return merged


def build_council_decision(path: Path) -> None:
    """templates/decisions/quyet-dinh-hoi-dong.docx — thành lập / kiện toàn Hội đồng OCOP (Mẫu 1.2),
    members inline or in an attached list with its own page numbers."""
    doc = new_document()
    decision_head(doc)
    articles_loop(doc)
    signature_block(doc)
    para(doc, "{%p if members_attached %}")
    attached_section(doc)
    list_heading(doc)
    table = grid_table(doc, 8, MEMBER_WIDTHS)
    for col, text in enumerate(("STT", "Họ và tên", "Chức vụ, đơn vị công tác", "{{ role_header }}")):
        _cell(table, 0, col, text, bold=True)
    loop_rows(table, 1, "member_rows", 4)
    data = 5
    _cell(table, data, 0, "{{ r.stt }}")
    _cell(table, data, 1, "{{ r.name }}", left=True)
    _cell(table, data, 2, "{{ r.post }}", left=True)
    _cell(table, data, 3, "{{ r.role }}", left=True)
    para(doc, "{%p endif %}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_recognition_decision(path: Path) -> None:
    """templates/decisions/quyet-dinh-cong-nhan.docx — công nhận kết quả đánh giá, phân hạng (Mẫu 1.2)
    with the attached list of products on landscape pages numbered from 1 (ND30-PAGE-02/05)."""
    doc = new_document()
    decision_head(doc)
    articles_loop(doc)
    signature_block(doc)
    attached_section(doc, landscape=True)
    list_heading(doc)
    headers = ("STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm/Bộ sản phẩm", "Điểm", "Hạng sao", "{{ last_header }}")
    table = grid_table(doc, 8, LIST_WIDTHS_LANDSCAPE)
    for col, text in enumerate(headers):
        _cell(table, 0, col, text, bold=True)
    loop_rows(table, 1, "product_rows", len(headers))
    data = 5
    _cell(table, data, 0, "{{ r.stt }}")
    name = table.cell(data, 1)
    para(name, "{{ r.name }}", "ND30 - Chữ trong bảng (trái)")
    para(name, "{%p if r.code %}")
    para(name, "{{ r.code }}", "ND30 - Chữ trong bảng (trái)")
    para(name, "{%p endif %}")
    for col, key in ((2, "owner"), (3, "address"), (4, "group")):
        _cell(table, data, col, f"{{{{ r.{key} }}}}", left=True)
    for col, key in ((5, "score"), (6, "stars"), (7, "last")):
        _cell(table, data, col, f"{{{{ r.{key} }}}}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_general_decision(path: Path) -> None:
    """templates/decisions/quyet-dinh.docx — any other decision as printed (Mẫu 1.2): căn cứ, other
    opening paragraphs, articles with khoản and điểm, and what it issues after the signature."""
    doc = new_document()
    header_block(doc)
    para(doc, "{{ type_name }}", "ND30 - Tên loại văn bản")
    para(doc, "{{ title }}", "ND30 - Trích yếu")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    para(doc, "{{ authority_line }}", "ND30 - Thẩm quyền ban hành")
    para(doc, "{%p for line in bases %}")
    para(doc, "{{ line }}", "ND30 - Căn cứ")
    para(doc, "{%p endfor %}")
    para(doc, "{%p for text in preamble %}")
    para(doc, "{{ text }}", "ND30 - Nội dung")
    para(doc, "{%p endfor %}")
    para(doc, "QUYẾT ĐỊNH:", "ND30 - QUYẾT ĐỊNH:")
    articles_loop(doc)
    signature_block(doc)
    para(doc, "{%p if attached %}")
    attached_section(doc)
    para(doc, "{%p for text in attached %}")
    para(doc, "{{ text }}", "ND30 - Nội dung")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_plan_decision(path: Path) -> None:
    """templates/decisions/quyet-dinh-ban-hanh-ke-hoach.docx — a decision issuing a plan (Mẫu 1.3) and
    the plan attached after it: names-only header, no Số and date, "(Kèm theo …)" line (ND30-TPL-ATT-01)."""
    doc = new_document()
    decision_head(doc)
    articles_loop(doc)
    signature_block(doc)
    attached_section(doc)
    header_block(doc, with_number=False)
    para(doc, "{{ plan_type_name }}", "ND30 - Tên loại văn bản")
    para(doc, "{{ plan_title }}", "ND30 - Trích yếu")
    para(doc, "{{ attach_line }}", "ND30 - Dòng kèm theo")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    para(doc, "{%p for line in plan_bases %}")
    para(doc, "{{ line }}", "ND30 - Căn cứ")
    para(doc, "{%p endfor %}")
    para(doc, "{%p for text in plan_preamble %}")
    para(doc, "{{ text }}", "ND30 - Nội dung")
    para(doc, "{%p endfor %}")
    body_loop(doc, "plan_body")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


# ---- OCOP forms (QĐ 26/2026 Phụ lục II and III) ---------------------------------------------

from docx.shared import Pt  # noqa: E402

FORM_TEXT_WIDTH = 9354  # 165 mm: A4 portrait minus the 30 + 15 mm margins
SHEET_WIDTHS = [6754, 1300, 1300]  # Các tiêu chí | Thang điểm | Điểm đánh giá


def form_styles(doc) -> None:
    """Paragraph styles of the OCOP forms (not ND30 elements: the forms are not ND30 types,
    ND30-ABBR-03); all Times New Roman from Normal (ND30-FONT-01)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from ocop_docs.render.styles import add_paragraph_style

    specs = {
        # style id: (name, size, bold, italic, align, before, after)
        "OCOPTieuDe": ("OCOP - Tiêu đề biểu mẫu", 14, True, False, "center", 6, 0),
        "OCOPTieuDePhu": ("OCOP - Tiêu đề phụ", 14, True, False, "center", 0, 0),
        "OCOPDongPhu": ("OCOP - Dòng phụ (nghiêng)", 13, False, True, "center", 0, 0),
        "OCOPTruong": ("OCOP - Trường thông tin", 13, False, False, "left", 3, 0),
        "OCOPMuc": ("OCOP - Mục (đậm)", 13, True, False, "left", 6, 0),
        "OCOPGhiChu": ("OCOP - Ghi chú", 11, False, True, "justify", 0, 0),
        "OCOPBang": ("OCOP - Chữ trong bảng biểu mẫu", 12, False, False, "left", 1, 1),
        "OCOPBangGiua": ("OCOP - Chữ trong bảng biểu mẫu (giữa)", 12, False, False, "center", 1, 1),
        "OCOPKyTen": ("OCOP - Chức danh người ký", 13, True, False, "center", 0, 0),
        "OCOPKyGhiChu": ("OCOP - Ghi chú chữ ký", 13, False, True, "center", 0, 0),
        "OCOPNgayThang": ("OCOP - Địa danh, ngày tháng", 13, False, True, "center", 6, 0),
    }
    aligns = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
    for style_id, (name, size, bold, italic, align, before, after) in specs.items():
        if name in [s.name for s in doc.styles]:
            continue
        style = add_paragraph_style(doc, style_id, name, None, {"size": size, "before": before, "after": after})
        style.font.bold = bold
        style.font.italic = italic
        style.paragraph_format.alignment = aligns[align]
        style.font.size = Pt(size)


def new_form_document():
    """A form: ND30 page setup and styles (A4, margins, TNR, page numbers from page 2) + form styles."""
    doc = new_document()
    form_styles(doc)
    return doc


def shade(cell, fill: str = "E7E6E6") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    for attr, val in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shd.set(qn(attr), val)
    tc_pr.append(shd)


def form_cell(cell, text: str, style: str = "OCOP - Chữ trong bảng biểu mẫu", bold: bool = False, italic: bool = False):
    """Text in a table cell as a new paragraph; a fresh cell's own empty paragraph (no runs, no
    properties yet: every paragraph written here gets a style) is used first."""
    first = cell.paragraphs[0]
    fresh = len(cell.paragraphs) == 1 and not first.runs and first._p.pPr is None
    p = first if fresh else cell.add_paragraph()
    p.style = cell.part.document.styles[style]
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
    return p


def form_signature(doc, lines: list[tuple[str, str]]) -> None:
    """A signature block in the right half of a borderless table: (text, style) lines."""
    table = borderless_table(doc, 1, [FORM_TEXT_WIDTH - 5354, 5354])
    right = table.cell(0, 1)
    for text, style in lines:
        form_cell(right, text, style)


def build_score_sheet(path: Path) -> None:
    """templates/forms/phieu-danh-gia.docx — the criteria sheet of one set ("Bộ tiêu chí … kiêm phiếu
    đánh giá", QĐ 26/2026 Phụ lục II): product header, the criteria table, comments, signature."""
    doc = new_form_document()
    para(doc, "BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP", "OCOP - Tiêu đề biểu mẫu")
    para(doc, "(Kiêm phiếu đánh giá sản phẩm OCOP)", "OCOP - Dòng phụ (nghiêng)")
    para(doc, "{{ basis_line }}", "OCOP - Dòng phụ (nghiêng)")
    para(doc, "{{ set_heading }}", "OCOP - Tiêu đề biểu mẫu")
    para(doc, "{%p if set_note %}")
    para(doc, "{{ set_note }}", "OCOP - Dòng phụ (nghiêng)")
    para(doc, "{%p endif %}")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    for label, var in (("Tên sản phẩm", "product_name"), ("Mã số sản phẩm", "product_code")):
        p = para(doc, "", "OCOP - Trường thông tin")
        p.add_run(f"{label}: ")
        p.add_run(f"{{{{ {var} }}}}")
    para(doc, "{{ code_note }}", "OCOP - Ghi chú")
    for label, var in (("Tên chủ thể sản xuất", "owner"), ("Số điện thoại", "phone"), ("Địa chỉ", "address")):
        p = para(doc, "", "OCOP - Trường thông tin")
        p.add_run(f"{label}: ")
        p.add_run(f"{{{{ {var} }}}}")
    para(doc, "{%p if disqualification %}")
    p = para(doc, "", "OCOP - Trường thông tin")
    p.add_run("{{ disqualification }}").italic = True
    para(doc, "{%p endif %}")
    para(doc, "")

    kinds = [
        ("part", True, False, True), ("section", True, False, False), ("group", True, True, False),
        ("criterion", None, None, False), ("option_ticked", True, False, False), ("option", False, False, False),
        ("note", False, True, False), ("total", True, False, True),
    ]
    rows = 1 + 1 + 2 * len(kinds) + 2
    table = grid_table(doc, rows, SHEET_WIDTHS)
    for col, text in enumerate(("Các tiêu chí", "Thang điểm", "Điểm đánh giá")):
        form_cell(table.cell(0, col), text, "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
    form_cell(table.cell(1, 0), "{%tr for r in rows %}")
    row = 2
    for i, (kind, bold, italic, shaded) in enumerate(kinds):
        if kind == "total":
            tag = "{%tr else %}"
        elif kind == "note":
            tag = "{%tr elif r.kind in ('note', 'case') %}"
        else:
            tag = f"{{%tr {'if' if i == 0 else 'elif'} r.kind == '{kind}' %}}"
        form_cell(table.cell(row, 0), tag)
        cells = [table.cell(row + 1, c) for c in range(3)]
        if kind == "criterion":
            form_cell(cells[0], "{{r r.rich }}")
        else:
            form_cell(cells[0], "{{ r.text }}", bold=bool(bold), italic=bool(italic))
        form_cell(cells[1], "{{ r.max }}", "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=bool(bold) and kind != "option_ticked")
        form_cell(cells[2], "{{ r.score }}", "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=kind in ("part", "section", "group", "criterion", "total"))
        if shaded:
            for cell in cells:
                shade(cell)
        row += 2
    form_cell(table.cell(row, 0), "{%tr endif %}")
    form_cell(table.cell(row + 1, 0), "{%tr endfor %}")

    para(doc, "{%p if star_note %}")
    para(doc, "{{ star_note }}", "OCOP - Ghi chú")
    para(doc, "{%p endif %}")
    para(doc, "Ý kiến của người đánh giá:", "OCOP - Trường thông tin")
    para(doc, "{%p for line in comments %}")
    para(doc, "{{ line }}", "OCOP - Trường thông tin")
    para(doc, "{%p endfor %}")
    form_signature(doc, [
        ("{{ date_line }}", "OCOP - Địa danh, ngày tháng"),
        ("Người đánh giá", "OCOP - Chức danh người ký"),
        ("(Ký và ghi rõ họ tên)", "OCOP - Ghi chú chữ ký"),
        ("", "OCOP - Chức danh người ký"),
        ("", "OCOP - Chức danh người ký"),
        ("", "OCOP - Chức danh người ký"),
        ("{{ member }}", "OCOP - Chức danh người ký"),
    ])
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def quoc_hieu_block(doc) -> None:
    """Quốc hiệu, Tiêu ngữ and its line, centred across the page (forms filed by a chủ thể have no issuer)."""
    para(doc, QUOC_HIEU, "ND30 - Quốc hiệu")
    para(doc, TIEU_NGU, "ND30 - Tiêu ngữ")
    para(doc, "", "ND30 - Kẻ dưới Tiêu ngữ")


def field_line(doc, label: str, variable: str, style: str = "OCOP - Trường thông tin", bold_label: bool = False):
    """"Label: {{ value }}" on one paragraph."""
    p = para(doc, "", style)
    run = p.add_run(label)
    if bold_label:
        run.bold = True
    p.add_run(f"{{{{ {variable} }}}}")
    return p


def lines_loop(doc, variable: str, style: str = "OCOP - Trường thông tin", italic: bool = False) -> None:
    para(doc, f"{{%p for line in {variable} %}}")
    p = para(doc, "", style)
    p.add_run("{{ line }}").italic = italic or None
    para(doc, "{%p endfor %}")


def build_registration(path: Path) -> None:
    """templates/forms/mau-01-phieu-dang-ky.docx — Mẫu số 01 Phiếu đăng ký (QĐ 26/2026 Phụ lục III)."""
    doc = new_form_document()
    quoc_hieu_block(doc)
    para(doc, "PHIẾU ĐĂNG KÝ", "OCOP - Tiêu đề biểu mẫu").paragraph_format.space_before = Pt(12)
    para(doc, "Tham gia đánh giá, phân hạng sản phẩm OCOP", "OCOP - Tiêu đề phụ")
    para(doc, "{{ subtitle }}", "OCOP - Tiêu đề phụ")
    para(doc, "")
    para(doc, "1. Thông tin về đơn vị đăng ký:", "OCOP - Mục (đậm)")
    field_line(doc, "- Tên đơn vị: ", "unit_name")
    field_line(doc, "- Họ tên người đại diện pháp lý: ", "representative")
    field_line(doc, "- Chức vụ: ", "position")
    field_line(doc, "- Địa chỉ liên hệ: ", "address")
    p = field_line(doc, "- Điện thoại: ", "phone")
    p.add_run("    Email: ")
    p.add_run("{{ email }}")
    field_line(doc, "2. Tên sản phẩm: ", "product_name", "OCOP - Mục (đậm)").runs[-1].bold = False
    p = para(doc, "", "OCOP - Mục (đậm)")
    p.add_run("{{ category_label }}")
    p.add_run("{{ category }}").bold = False
    p = para(doc, "{{ registration }}", "OCOP - Mục (đậm)")
    para(doc, "5. Tài liệu kèm theo:", "OCOP - Mục (đậm)")
    para(doc, "- Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).", "OCOP - Trường thông tin")
    field_line(doc, "- Sản phẩm mẫu (số lượng): ", "samples")
    para(doc, "{{ pledge }}", "ND30 - Nội dung")
    form_signature(doc, [
        ("{{ date_line }}", "OCOP - Địa danh, ngày tháng"),
        ("ĐẠI DIỆN", "OCOP - Chức danh người ký"),
        ("(Ký, đóng dấu, ghi rõ họ tên)", "OCOP - Ghi chú chữ ký"),
        ("", "OCOP - Chức danh người ký"),
        ("", "OCOP - Chức danh người ký"),
        ("", "OCOP - Chức danh người ký"),
        ("{{ signer }}", "OCOP - Chức danh người ký"),
    ])
    para(doc, "")
    para(doc, "PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ", "OCOP - Tiêu đề phụ")
    table = grid_table(doc, 1, [FORM_TEXT_WIDTH // 2, FORM_TEXT_WIDTH - FORM_TEXT_WIDTH // 2])
    heads = ("DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ", "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH")
    for col, (head, var) in enumerate(zip(heads, ("commune_receipt", "province_receipt"))):
        cell = table.cell(0, col)
        form_cell(cell, head, "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
        for key in ("number", "received", "receiver", "signature"):
            form_cell(cell, f"{{{{ {var}.{key} }}}}")
        form_cell(cell, "Cơ quan tiếp nhận", "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
        form_cell(cell, "(Ký, đóng dấu và ghi rõ họ tên)", "OCOP - Chữ trong bảng biểu mẫu (giữa)", italic=True)
        for _ in range(3):
            form_cell(cell, "", "OCOP - Chữ trong bảng biểu mẫu (giữa)")
        form_cell(cell, f"{{{{ {var}.agency }}}}", "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
    # the header row of a one-row table need not repeat
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def part_heading(doc, label: str, title: str) -> None:
    para(doc, label, "OCOP - Tiêu đề phụ").paragraph_format.space_before = Pt(12)
    para(doc, title, "OCOP - Tiêu đề phụ")


def build_self_assessment(path: Path) -> None:
    """templates/forms/mau-02-bao-cao-tu-danh-gia.docx — Mẫu số 02 (Phần I–IV, tick boxes, evidence table)."""
    doc = new_form_document()
    para(doc, "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM", "OCOP - Tiêu đề biểu mẫu")
    para(doc, "(Dành cho chủ thể có sản phẩm đăng ký)", "OCOP - Dòng phụ (nghiêng)")
    part_heading(doc, "Phần I", "THÔNG TIN CHUNG")
    field_line(doc, "1. Tên chủ thể: ", "owner")
    field_line(doc, "2. Loại hình tổ chức: ", "organisation_type")
    field_line(doc, "3. Địa chỉ: ", "address")
    p = field_line(doc, "4. Điện thoại: ", "phone")
    p.add_run("    Email: ")
    p.add_run("{{ email }}")
    para(doc, "5. Tên người đại diện pháp luật:", "OCOP - Trường thông tin")
    field_line(doc, "- Họ tên: ", "rep_name")
    p = field_line(doc, "- Giới tính: ", "rep_gender")
    p.add_run(" (Nam/nữ); Dân tộc: ")
    p.add_run("{{ rep_ethnicity }}")
    field_line(doc, "- Địa chỉ thường trú: ", "rep_residence")
    p = field_line(doc, "6. Ngày thành lập/đăng ký kinh doanh: ", "founded")
    p.add_run("    Số giấy đăng ký (nếu có): ")
    p.add_run("{{ registration_number }}")
    para(doc, "7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn:", "OCOP - Trường thông tin")
    lines_loop(doc, "product")
    para(doc, "Đánh dấu (√) vào mục tương ứng:", "OCOP - Trường thông tin")
    lines_loop(doc, "ticks")
    para(doc, "c) Đã có các điều kiện sản xuất theo quy định:", "OCOP - Trường thông tin")
    lines_loop(doc, "conditions")
    para(doc, "{{ ip_head }}", "OCOP - Trường thông tin")
    lines_loop(doc, "ip_lines")
    para(doc, "8. Lịch sử hình thành của chủ thể (nêu các giai đoạn hình thành và phát triển):", "OCOP - Trường thông tin")
    lines_loop(doc, "history")
    para(doc, "9. Cơ cấu tổ chức của chủ thể:", "OCOP - Trường thông tin")
    lines_loop(doc, "organisation")

    part_heading(doc, "Phần II", "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH")
    lines_loop(doc, "part2_guide", italic=True)
    lines_loop(doc, "results", "ND30 - Nội dung")

    part_heading(doc, "Phần III", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP")
    lines_loop(doc, "part3_guide")
    para(doc, "{%p if evaluation %}")
    para(doc, "{{ set_line }}", "OCOP - Mục (đậm)")
    table = loop_table(
        doc, [800, 3454, 900, 1000, 3200], ("Mã", "Tiêu chí", "Điểm tối đa", "Tự đánh giá", "Mô tả, tài liệu minh chứng"),
        "evaluation", ("code", "title", "max", "points", "evidence"), left=("title", "evidence"),
    )
    total = table.add_row()
    form_cell(total.cells[1], "Tổng điểm tự đánh giá", bold=True)
    form_cell(total.cells[2], "100", "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
    form_cell(total.cells[3], "{{ self_total }}", "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
    para(doc, "{%p endif %}")
    para(doc, "")
    evidence = grid_table(doc, 4, [700, 3300, 4354, 1000])
    for col, text in enumerate(("TT", "Nội dung", "Yêu cầu", "Kèm theo")):
        form_cell(evidence.cell(0, col), text, "OCOP - Chữ trong bảng biểu mẫu (giữa)", bold=True)
    form_cell(evidence.cell(1, 0), "{%tr for r in evidence_rows %}")
    form_cell(evidence.cell(2, 0), "{{ r.tt }}", "OCOP - Chữ trong bảng biểu mẫu (giữa)")
    form_cell(evidence.cell(2, 1), "{{ r.content }}")
    cell = evidence.cell(2, 2)
    form_cell(cell, "{%p for line in r.requirement %}")
    form_cell(cell, "{{ line }}")
    form_cell(cell, "{%p endfor %}")
    form_cell(evidence.cell(2, 3), "{{ r.attached }}", "OCOP - Chữ trong bảng biểu mẫu (giữa)")
    form_cell(evidence.cell(3, 0), "{%tr endfor %}")
    para(doc, "{{ re_evaluation_note }}", "ND30 - Nội dung")
    lines_loop(doc, "changes", "ND30 - Nội dung")

    part_heading(doc, "Phần IV", "KẾ HOẠCH SẢN XUẤT, KINH DOANH")
    lines_loop(doc, "part4_guide", italic=True)
    lines_loop(doc, "plan", "ND30 - Nội dung")
    form_signature(doc, [
        ("{{ date_line }}", "OCOP - Địa danh, ngày tháng"),
        ("ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ", "OCOP - Chức danh người ký"),
        ("(Ký, họ tên, đóng dấu)", "OCOP - Ghi chú chữ ký"),
        ("", "OCOP - Chức danh người ký"),
        ("", "OCOP - Chức danh người ký"),
        ("", "OCOP - Chức danh người ký"),
        ("{{ signer }}", "OCOP - Chức danh người ký"),
    ])
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def nd30_form_styles(doc) -> None:
    """ND30 styles the forms' administrative documents need beyond render.styles: the công văn's
    trích yếu (ô 5b, ND30-TITLE-03) and the Kính gửi lines (ô 9a, ND30-RECIP-02, Mẫu 1.5 indents)."""
    from docx.shared import Twips

    from ocop_docs.render.styles import add_paragraph_style

    add_paragraph_style(doc, "ND30TrichYeuCongVan", "ND30 - Trích yếu công văn", "trich_yeu_cong_van", {"before": 6})
    label = add_paragraph_style(doc, "ND30KinhGui", "ND30 - Kính gửi", None, {"size": 14, "align": "left", "before": 12, "after": 6})
    label.paragraph_format.first_line_indent = Twips(1982)
    items = add_paragraph_style(doc, "ND30KinhGuiMuc", "ND30 - Kính gửi (các dòng)", None, {"size": 14, "align": "left"})
    items.paragraph_format.left_indent = Twips(2552)


def body_kinds_loop(doc, variable: str = "body") -> None:
    """Body items of kind h1 (mục, bold upper), h2 (khoản, bold), note (italic) or p (ND30-BODY-03/06)."""
    para(doc, f"{{%p for b in {variable} %}}")
    para(doc, "{%p if b.kind == 'h1' %}")
    para(doc, "{{ b.text }}", "ND30 - Mục (I.)")
    para(doc, "{%p elif b.kind == 'h2' %}")
    para(doc, "{{ b.text }}", "ND30 - Khoản có tiêu đề (1.)")
    para(doc, "{%p elif b.kind == 'note' %}")
    para(doc, "", "ND30 - Nội dung").add_run("{{ b.text }}").italic = True
    para(doc, "{%p elif b.kind == 'field' %}")
    para(doc, "{{ b.text }}", "OCOP - Trường thông tin")
    para(doc, "{%p else %}")
    para(doc, "{{ b.text }}", "ND30 - Nội dung")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def build_commune_report(path: Path) -> None:
    """templates/forms/mau-03-bao-cao-xa.docx — Mẫu số 03, a Báo cáo of UBND cấp xã (ND30 Mẫu 1.4 header)."""
    doc = new_form_document()
    header_block(doc)
    para(doc, "{{ type_name }}", "ND30 - Tên loại văn bản")
    para(doc, "{{ title }}", "ND30 - Trích yếu")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    body_kinds_loop(doc)
    signature_block(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_proposal_letter(path: Path) -> None:
    """templates/forms/cong-van-de-nghi.docx — the commune's công văn to UBND tỉnh (ND30 Mẫu 1.5):
    "V/v …" under the Số (ND30-TITLE-03), "Kính gửi:" (ND30-RECIP-02), Nơi nhận from "- Như trên;"."""
    doc = new_form_document()
    nd30_form_styles(doc)
    header_block(doc)
    table = doc.tables[-1]
    para(table.cell(1, 0), "{{ vv }}", "ND30 - Trích yếu công văn")
    para(doc, "{%p for k in kinh_gui %}")
    para(doc, "{%p if k.kind == 'item' %}")
    para(doc, "{{ k.text }}", "ND30 - Kính gửi (các dòng)")
    para(doc, "{%p else %}")
    para(doc, "{{ k.text }}", "ND30 - Kính gửi")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    lines_loop(doc, "body", "ND30 - Nội dung")
    loop_table(
        doc, [700, 2500, 2554, 2200, 1400], ("STT", "Tên sản phẩm", "Chủ thể", "Bộ sản phẩm", "Hình thức"),
        "rows", ("stt", "name", "owner", "group", "kind"), left=("name", "owner", "group"),
    )
    lines_loop(doc, "after", "ND30 - Nội dung")
    signature_block(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_council_minutes(path: Path) -> None:
    """templates/forms/bien-ban-hop-hoi-dong.docx — biên bản họp Hội đồng đánh giá, phân hạng (ND30 Mẫu 1.9):
    time, place, members present, chair, secretary, content, the products' average scores and proposed
    stars, end time; THƯ KÝ and CHỦ TỌA sign; Nơi nhận under them."""
    doc = new_form_document()
    table = borderless_table(doc, 2, HEADER_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "{%p if issuer_parent %}")
    para(left, "{{ issuer_parent }}", "ND30 - Cơ quan chủ quản")
    para(left, "{%p endif %}")
    para(left, "{%p for line in issuer_lines %}")
    para(left, "{{ line }}", "ND30 - Cơ quan ban hành")
    para(left, "{%p endfor %}")
    para(left, "", "ND30 - Kẻ dưới tên cơ quan")
    para(right, QUOC_HIEU, "ND30 - Quốc hiệu")
    para(right, TIEU_NGU, "ND30 - Tiêu ngữ")
    para(right, "", "ND30 - Kẻ dưới Tiêu ngữ")
    para(table.cell(1, 0), "{{ so_ky_hieu }}", "ND30 - Số, ký hiệu")
    para(doc, "{{ type_name }}", "ND30 - Tên loại văn bản")
    para(doc, "{{ title }}", "ND30 - Trích yếu")
    para(doc, "", "ND30 - Kẻ dưới trích yếu")
    for var in ("start", "location", "attendance_head"):
        para(doc, f"{{{{ {var} }}}}", "ND30 - Nội dung")
    lines_loop(doc, "attendance", "ND30 - Nội dung")
    lines_loop(doc, "absent", "ND30 - Nội dung")
    lines_loop(doc, "guests", "ND30 - Nội dung")
    para(doc, "{{ chair }}", "ND30 - Nội dung")
    para(doc, "{{ secretary }}", "ND30 - Nội dung")
    para(doc, "Nội dung (theo diễn biến cuộc họp):", "ND30 - Nội dung")
    lines_loop(doc, "content", "ND30 - Nội dung")
    para(doc, "{{ result_head }}", "ND30 - Nội dung")
    loop_table(
        doc, [700, 2100, 1950, 1904, 900, 900, 900],
        ("STT", "Tên sản phẩm", "Chủ thể", "Bộ sản phẩm", "Số phiếu", "Điểm trung bình", "Hạng sao đề xuất"),
        "rows", ("stt", "name", "owner", "group", "sheets", "score", "stars"), left=("name", "owner", "group"),
    )
    para(doc, "{%p if summary %}")
    para(doc, "{{ summary }}", "ND30 - Nội dung")
    para(doc, "{%p endif %}")
    lines_loop(doc, "notes", "ND30 - Nội dung")
    lines_loop(doc, "proposals", "ND30 - Nội dung")
    lines_loop(doc, "conclusions", "ND30 - Nội dung")
    para(doc, "{{ end }}", "ND30 - Nội dung")
    spacer = doc.add_paragraph()
    spacer.paragraph_format.keep_with_next = True
    signs = borderless_table(doc, 1, [FORM_TEXT_WIDTH // 2, FORM_TEXT_WIDTH - FORM_TEXT_WIDTH // 2])
    for col, (title, note, var) in enumerate((("THƯ KÝ", "(Chữ ký)", "secretary_name"), ("CHỦ TỌA", "(Chữ ký, dấu (nếu có))", "chair_name"))):
        cell = signs.cell(0, col)
        form_cell(cell, title, "ND30 - Quyền hạn, chức vụ người ký")
        form_cell(cell, note, "OCOP - Ghi chú chữ ký")
        for _ in range(3):
            form_cell(cell, "", "ND30 - Họ tên người ký")
        form_cell(cell, f"{{{{ {var} }}}}", "ND30 - Họ tên người ký")
    para(doc, "")
    para(doc, "Nơi nhận:", "ND30 - Nơi nhận:")
    para(doc, "{%p for line in recipients %}")
    para(doc, "{{ line }}", "ND30 - Nơi nhận (các dòng)")
    para(doc, "{%p endfor %}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_forms(folder: Path) -> None:
    """Every OCOP form template into ``folder`` (templates/forms)."""
    build_score_sheet(folder / "phieu-danh-gia.docx")
    build_registration(folder / "mau-01-phieu-dang-ky.docx")
    build_self_assessment(folder / "mau-02-bao-cao-tu-danh-gia.docx")
    build_commune_report(folder / "mau-03-bao-cao-xa.docx")
    build_proposal_letter(folder / "cong-van-de-nghi.docx")
    build_council_minutes(folder / "bien-ban-hop-hoi-dong.docx")


def build_certificate(path: Path) -> None:
    """templates/certificates/giay-chung-nhan.docx — Giấy chứng nhận sản phẩm OCOP (ocop.md §8).

    Landscape A4 with a page border (w:pgBorders); issuing body and number | Quốc hiệu and
    Tiêu ngữ; the title; product, chủ thể, address and group in a fixed-height block whose
    type size the context chooses (``certificates.layout``: one style per size class); the
    stars as ★ characters; QR | recognition decision and validity | place, date and signer.
    """
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, RGBColor, Twips

    from ocop_docs.certificates import layout
    from ocop_docs.nd30.metrics import text_width_twips
    from ocop_docs.render.styles import add_paragraph_style
    from ocop_docs.vi.text import fold

    doc = Document()
    prepare_document(doc, landscape=True)
    section = doc.sections[0]
    for side, mm in layout.MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    # The decorative border: w:pgBorders goes right after w:pgMar in CT_SectPr.
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    b = layout.BORDER
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        style = b["style"] if side in ("top", "left") else b["style"].replace("thinThick", "thickThin")
        for attr, val in (("w:val", style), ("w:sz", str(b["size_eighth_pt"])), ("w:space", str(b["space_pt"])), ("w:color", b["color"])):
            el.set(qn(attr), val)
        borders.append(el)
    section._sectPr.find(qn("w:pgMar")).addnext(borders)

    def style(name, size, bold=False, italic=False, color=None, align="center", before=0, after=0):
        style_id = "".join(ch for ch in fold(name).title() if ch.isalnum())  # ASCII id, Vietnamese name
        st = add_paragraph_style(doc, style_id, name, None, {"size": size, "align": align, "before": before, "after": after})
        st.font.bold, st.font.italic = bold, italic
        if color:
            st.font.color.rgb = RGBColor.from_string(color)
        return st

    style("GCN - Số", 13, before=4)
    style("GCN - Tiêu đề", 30, bold=True, color=layout.COLORS["title"], before=8)
    style("GCN - Tiêu đề phụ", 22, bold=True, color=layout.COLORS["title"])
    style("GCN - Chương trình", 14, italic=True, before=2)
    style("GCN - Dẫn", 14, before=6)
    for cls in layout.NAME_CLASSES:
        style(cls.style, cls.size, bold=True, color=layout.COLORS["product"], after=2)
    for cls in layout.INFO_CLASSES:
        style(cls.style, cls.size, before=2)
    style("GCN - Hạng sao", 34, color=layout.COLORS["stars"], before=2)
    style("GCN - Hạng sao (chữ)", 16, bold=True, color=layout.COLORS["title"])
    style("GCN - Mã QR", 10)
    style("GCN - Ghi chú", 12, italic=True, align="left", after=3)
    style("GCN - Cuối trang", 1)

    # Header: issuing body and certificate number | Quốc hiệu, Tiêu ngữ (ND30-LAYOUT-02, QH-01/02/03).
    table = borderless_table(doc, 1, layout.HEADER_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "{%p if issuer_parent %}")
    para(left, "{{ issuer_parent }}", "ND30 - Cơ quan chủ quản")
    para(left, "{%p endif %}")
    para(left, "{%p for line in issuer_lines %}")
    para(left, "{{ line }}", "ND30 - Cơ quan ban hành")
    para(left, "{%p endfor %}")
    rule = para(left, "", "ND30 - Kẻ dưới tên cơ quan")
    side = (layout.HEADER_WIDTHS[0] - layout.CELL_MARGINS - 1800) // 2  # a fixed third of the cell
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Twips(side)
    para(left, "Số: {{ number }}", "GCN - Số")
    para(right, QUOC_HIEU, "ND30 - Quốc hiệu")
    para(right, TIEU_NGU, "ND30 - Tiêu ngữ")
    rule = para(right, "", "ND30 - Kẻ dưới Tiêu ngữ")
    side = (layout.HEADER_WIDTHS[1] - layout.CELL_MARGINS - text_width_twips(TIEU_NGU, 14, True)) // 2
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Twips(side)

    para(doc, "GIẤY CHỨNG NHẬN", "GCN - Tiêu đề")
    para(doc, "SẢN PHẨM OCOP", "GCN - Tiêu đề phụ")
    para(doc, "{{ programme_line }}", "GCN - Chương trình")
    para(doc, "Chứng nhận sản phẩm", "GCN - Dẫn")

    # The fixed-height block: a long text gets a smaller class, never a second page.
    block = borderless_table(doc, 1, [layout.TEXT_WIDTH])
    row = block.rows[0]
    row.height = Twips(layout.MIDDLE_HEIGHT)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    cell = block.cell(0, 0)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    def classed(variable: str, fit: str, classes, text: str) -> None:
        for i, cls in enumerate(classes):
            keyword = "if" if i == 0 else "elif"
            para(cell, f"{{%p {keyword} {fit} == '{cls.key}' %}}")
            para(cell, text, cls.style)
        para(cell, "{%p endif %}")

    classed("product_name", "name_fit", layout.NAME_CLASSES, "{{ product_name }}")
    classed("owner", "owner_fit", layout.INFO_CLASSES, "Chủ thể: {{ owner }}")
    classed("address", "address_fit", layout.INFO_CLASSES, "Địa chỉ: {{ address }}")
    para(cell, "{%p if details_line %}")
    para(cell, "{{ details_line }}", layout.INFO_CLASSES[1].style)
    para(cell, "{%p endif %}")

    para(doc, "{{ stars_symbols }}", "GCN - Hạng sao")
    para(doc, "Đạt hạng {{ stars }} sao", "GCN - Hạng sao (chữ)")

    # Footer: QR | decision, validity | place, date and signer (ND30-SIGN-01/04).
    footer = borderless_table(doc, 1, layout.FOOTER_WIDTHS)
    qr_cell, note_cell, sign_cell = footer.cell(0, 0), footer.cell(0, 1), footer.cell(0, 2)
    qr_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    note_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    para(qr_cell, "{{ qr }}", "GCN - Mã QR")
    para(note_cell, "{{ decision_line }}", "GCN - Ghi chú")
    para(note_cell, "{{ validity_line }}", "GCN - Ghi chú")
    para(note_cell, "{%p if qr_note %}")
    para(note_cell, "{{ qr_note }}", "GCN - Ghi chú")
    para(note_cell, "{%p endif %}")
    para(sign_cell, "{{ date_line }}", "ND30 - Địa danh, ngày tháng")
    para(sign_cell, "{%p for line in signer_lines %}")
    para(sign_cell, "{{ line }}", "ND30 - Quyền hạn, chức vụ người ký")
    para(sign_cell, "{%p endfor %}")
    for _ in range(3):
        para(sign_cell, "", "ND30 - Họ tên người ký")
    para(sign_cell, "{{ signer_name }}", "ND30 - Họ tên người ký")

    # A last, tiny paragraph: Word needs a paragraph after a table, and a batch's combined
    # document puts each certificate's section break in it.
    para(doc, "", "GCN - Cuối trang")
    doc.core_properties.title = "Giấy chứng nhận sản phẩm OCOP"
    doc.core_properties.author = doc.core_properties.last_modified_by = "ocop-docs"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def build_all(root: Path) -> None:
    """Every shipped template, into ``root`` (the repository's templates/ folder by default)."""
    build_plan(root / "plans" / "ke-hoach.docx")
    decisions = root / "decisions"
    build_council_decision(decisions / "quyet-dinh-hoi-dong.docx")
    build_recognition_decision(decisions / "quyet-dinh-cong-nhan.docx")
    build_plan_decision(decisions / "quyet-dinh-ban-hanh-ke-hoach.docx")
    build_general_decision(decisions / "quyet-dinh.docx")
    build_forms(root / "forms")
    build_certificate(root / "certificates" / "giay-chung-nhan.docx")


def main() -> None:
    build_all(ROOT / "templates")
    print("templates built")


if __name__ == "__main__":
    main()
