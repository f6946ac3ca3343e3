"""Tables of a document's content written into the rendered .docx (docxtpl cannot build them).

The context puts a placeholder paragraph ``\\ue002n\\ue003`` where table n stands in the body; after
rendering, each placeholder becomes a real Word table in the house style of ND30 practice (the
decree sets only PAGE-02; docs/spec/nd30.md §5.5): single borders, the header rows repeated on
every page, rows that never split across pages, cell padding, 13 pt text (12 pt for wide tables),
numbers right-aligned with Vietnamese separators, columns sized to their content across the text
width, a little space before and after, and a landscape section for a table marked ``landscape``.

Every element is written in the order the OOXML schema requires (CT_TblPr, CT_TrPr, CT_TcPr):
Word repairs a file whose properties come in another order.
"""
from __future__ import annotations

import copy
import re

from docx.oxml.ns import qn
from lxml import etree

from ..model.table import Cell, Table, cell_starts, parse_amount
from ..nd30.rules import A4_TWIPS, MM, RENDER_MARGINS_MM
from ..vi.numbers import format_number, tien_bang_chu
from .oxml import (PPR_ORDER, TBLCELLMAR_ORDER, TBLPR_ORDER, TCPR_ORDER, TRPR_ORDER, get_or_add, insert_in_order,
                   paragraph_properties)

MARK = re.compile("\ue002(\\d+)\ue003")
TEXT_WIDTH = round(A4_TWIPS[0] - (RENDER_MARGINS_MM["left"] + RENDER_MARGINS_MM["right"]) * MM)
LANDSCAPE_WIDTH = round(A4_TWIPS[1] - (RENDER_MARGINS_MM["left"] + RENDER_MARGINS_MM["right"]) * MM)
SIZE_HALF_POINTS = 26  # 13 pt
WIDE_SIZE_HALF_POINTS = 24  # 12 pt when the table has six columns or more
CELL_MARGIN = {"top": 57, "left": 85, "bottom": 57, "right": 85}  # 1 mm, 1.5 mm (twips)
SPACE_AROUND = 120  # 6 pt before the table's title and after the table


def marker(number: int) -> str:
    """The placeholder text of table ``number`` in a rendered paragraph."""
    return f"\ue002{number}\ue003"


def bookmark(number: int) -> str:
    """The hidden bookmark around the first line of table ``number`` (its title or first header cell):
    where a remark on the whole table (a Word comment) is anchored."""
    return f"_OcopBang{number}"


def _w(tag: str, parent=None, **attrs):
    el = etree.Element(qn(f"w:{tag}")) if parent is None else etree.SubElement(parent, qn(f"w:{tag}"))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _paragraph(text: str, *, size: int, bold: bool = False, italic: bool = False, align: str = "left",
               before: int = 0, after: int = 0, keep_next: bool = False):
    p = _w("p")
    ppr = _w("pPr", p)
    if keep_next:
        _w("keepNext", ppr)
    _w("spacing", ppr, before=before, after=after, line=240, lineRule="auto")
    _w("ind", ppr, firstLine=0)
    _w("jc", ppr, val={"left": "left", "center": "center", "right": "right", "justify": "both"}[align])
    for n, line in enumerate(text.split("\n")):
        r = _w("r", p)
        rpr = _w("rPr", r)
        if bold:
            _w("b", rpr)
        if italic:
            _w("i", rpr)
        _w("sz", rpr, val=size)
        _w("szCs", rpr, val=size)
        if n:
            _w("br", r)
        t = _w("t", r)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = line
    return p


def _widths(table: Table, total: int) -> list[int]:
    """Column widths in twips: the given proportions, else proportional to the longest word and the
    text length of each column (a number column as wide as its widest figure)."""
    n = table.n_cols
    if table.widths:
        weights = list(table.widths)
    else:
        weights = [1.0] * n
        for column, cell in _placed(table):
            if cell.colspan == 1 and column < n:
                weights[column] = max(weights[column], min(len(cell.text.strip()), 60) ** 0.8)
        weights = [max(w, _longest_word(table, c) * 0.9, 2.0) for c, w in enumerate(weights)]
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    # No column narrower than its longest word (about 190 twips a bold capital at 13 pt, plus padding):
    # "STT" must not break into "ST / T". Take the difference from the widest columns.
    floors = [min(_longest_word(table, c) * 190 + CELL_MARGIN["left"] + CELL_MARGIN["right"], total // n) for c in range(n)]
    for c in range(n):
        short = floors[c] - widths[c]
        if short > 0:
            widths[c] += short
            donor = max(range(n), key=lambda k: widths[k] - floors[k])
            widths[donor] -= short
    widths[-1] += total - sum(widths)
    return widths


def _placed(table: Table):
    """(0-based grid column, cell) of every cell, cells spanning down from a row above taken into account."""
    for rows in (table.header, table.rows):
        for row, starts in zip(rows, cell_starts(rows)):
            for cell, start in zip(row, starts):
                yield start - 1, cell


def _longest_word(table: Table, column: int) -> int:
    return max((max((len(w) for w in cell.text.split()), default=1)
                for at, cell in _placed(table) if at == column and cell.colspan == 1), default=1)


def _cell(tr, cell: Cell, width: int, *, size: int, header: bool, number: bool, vmerge: str | None = None,
          centred: bool = False):
    tc = _w("tc", tr)
    tcpr = _w("tcPr", tc)
    _w("tcW", tcpr, w=width, type="dxa")
    if cell.colspan > 1:
        _w("gridSpan", tcpr, val=cell.colspan)
    if vmerge:
        _w("vMerge", tcpr, val=vmerge) if vmerge == "restart" else _w("vMerge", tcpr)
    _w("vAlign", tcpr, val="center")
    text = cell.text
    if number and not header:
        value = parse_amount(text)
        if value is not None:
            text = format_number(value) if value == value.to_integral_value() else str(value).replace(".", ",")
    align = "center" if header or centred else "right" if number else "left"
    tc.append(_paragraph("" if vmerge == "continue" else text, size=size, bold=header, align=align))
    return tc


def _mark(paragraph, name: str, bookmark_id: int) -> None:
    """Wrap the paragraph's runs in a bookmark."""
    start = _w("bookmarkStart", id=bookmark_id, name=name)
    end = _w("bookmarkEnd", id=bookmark_id)
    runs = paragraph.findall(qn("w:r"))
    if runs:
        runs[0].addprevious(start)
        runs[-1].addnext(end)
    else:
        paragraph.append(start)
        paragraph.append(end)


def build_table(table: Table, width: int = TEXT_WIDTH) -> list:
    """The elements that stand for ``table`` in the body: its title, unit line, the w:tbl, the
    total in words — in order."""
    n = table.n_cols
    size = WIDE_SIZE_HALF_POINTS if n >= 6 else SIZE_HALF_POINTS
    out = []
    if table.title:
        out.append(_paragraph(table.title, size=SIZE_HALF_POINTS + 2, bold=True, align="center", before=SPACE_AROUND,
                              keep_next=True))
    if table.unit:
        out.append(_paragraph(f"({table.unit})" if not table.unit.startswith("(") else table.unit, size=size,
                              italic=True, align="right", keep_next=True, before=0 if table.title else SPACE_AROUND))
    tbl = _w("tbl")
    # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize, tblStyleColBandSize,
    # tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    tblpr = _w("tblPr", tbl)
    _w("tblW", tblpr, w=width, type="dxa")
    _w("jc", tblpr, val="center")
    borders = _w("tblBorders", tblpr)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _w(side, borders, val="single", sz=4, space=0, color="000000")
    _w("tblLayout", tblpr, type="fixed")
    margins = _w("tblCellMar", tblpr)
    for side in ("top", "left", "bottom", "right"):
        _w(side, margins, w=CELL_MARGIN[side], type="dxa")
    _w("tblLook", tblpr, val="04A0", firstRow=1, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1)
    widths = _widths(table, width)
    grid = _w("tblGrid", tbl)
    for w in widths:
        _w("gridCol", grid, w=w)
    numbers = set(table.number_columns)
    # A first column "STT"/"TT" holds ordinals: centred, as in every Vietnamese table.
    ordinal_first = bool(table.header) and table.header[0][0].text.strip().upper() in ("STT", "TT", "SỐ TT")

    def add_rows(rows, header: bool):
        spans: dict[int, int] = {}  # 0-based column → rows still to cover below
        for row in rows:
            tr = _w("tr", tbl)
            trpr = _w("trPr", tr)  # CT_TrPr: cantSplit before tblHeader
            _w("cantSplit", trpr)
            if header:
                _w("tblHeader", trpr)
            column, cells = 0, iter(row)
            pending = next(cells, None)
            while column < n:
                if spans.get(column, 0) > 0:
                    # a cell from above spans into this row: a continuation cell of the same width
                    width_here = sum(widths[column:column + spans_width[column]])
                    _cell(tr, Cell(), width_here, size=size, header=header, number=False, vmerge="continue")
                    tcpr = tr[-1].find(qn("w:tcPr"))
                    if spans_width[column] > 1:
                        tcpr.insert(1, _w("gridSpan", val=spans_width[column]))
                    spans[column] -= 1
                    column += spans_width[column]
                    continue
                if pending is None:
                    break
                cell = pending
                pending = next(cells, None)
                width_here = sum(widths[column:column + cell.colspan])
                merge = "restart" if cell.rowspan > 1 else None
                _cell(tr, cell, width_here, size=size, header=header, number=(column + 1) in numbers and cell.colspan == 1,
                      vmerge=merge, centred=column == 0 and ordinal_first)
                if cell.rowspan > 1:
                    spans[column] = cell.rowspan - 1
                    spans_width[column] = cell.colspan
                column += cell.colspan

    spans_width: dict[int, int] = {}
    add_rows(table.header, header=True)
    spans_width.clear()
    body_rows = list(table.rows)
    if table.total is not None:
        sums = {c: table.column_sum(c) for c in table.total_columns()}
        total_cells: list[Cell] = []
        column = 1
        label_span = min(sums) - 1 if sums else n
        total_cells.append(Cell(text=table.total.label, colspan=max(label_span, 1)))
        column += max(label_span, 1)
        while column <= n:
            total_cells.append(Cell(text=format_number(sums[column]) if column in sums else ""))
            column += 1
        body_rows.insert(0 if table.total.at == "top" else len(body_rows), total_cells)
    add_rows(body_rows, header=False)
    trs = tbl.findall(qn("w:tr"))
    top = table.total is not None and table.total.at == "top"
    bold = [trs[len(table.header) + top + g] for g, _ in table.groups()]  # group rows (I, II …) over their items
    if table.total is not None:
        bold.append(trs[len(table.header)] if top else trs[-1])  # the total row is bold, like the header
    for tr in bold:
        for rpr in tr.iter(qn("w:rPr")):
            if rpr.find(qn("w:b")) is None:
                rpr.insert(0, _w("b"))
    out.append(tbl)
    after = []
    if table.in_words and table.total is not None and table.total_columns():
        amount = table.column_sum(table.total_columns()[0])
        after.append(_paragraph(f"(Bằng chữ: {tien_bang_chu(int(amount))})", size=size + 2, italic=True, align="left",
                                before=60))
    # ND30 gives no spacing rule for tables; practice leaves a 6 pt gap before the next paragraph.
    after.append(_paragraph("", size=8, after=0, before=0))
    out.extend(after)
    return out


def _bordered(tbl) -> bool:
    """A table of content (bordered grid), not a layout table (header, signature: no borders)."""
    inside = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:insideH')}")
    return inside is not None and inside.get(qn("w:val")) not in ("nil", "none")


def _caption(p) -> bool:
    """A table's own caption or unit line as :func:`build_table` writes it (kept with the table,
    centred or right-aligned, no style of the template's): no gap under it."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None or ppr.find(qn("w:keepNext")) is None or ppr.find(qn("w:pStyle")) is not None:
        return False
    jc = ppr.find(qn("w:jc"))
    return jc is not None and jc.get(qn("w:val")) in ("center", "right")


def _header_like(tr) -> bool:
    texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))).strip() for tc in tr.findall(qn("w:tc"))]
    if texts and texts[0].upper() in ("STT", "TT", "SỐ TT"):
        return True
    runs = [r for r in tr.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    return bool(runs) and all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs)


def tidy_tables(document) -> int:
    """The content tables a template brings, in the same style as the built ones: rows that never
    split across pages, the header row repeated, cell padding, a gap after the table. Returns how
    many tables were tidied."""
    count = 0
    for tbl in document.element.body.iter(qn("w:tbl")):
        if not _bordered(tbl):
            continue
        count += 1
        tblpr = tbl.find(qn("w:tblPr"))
        margins = tblpr.find(qn("w:tblCellMar"))
        if margins is None:
            margins = _w("tblCellMar")
            insert_in_order(tblpr, margins, TBLPR_ORDER)
        for side in ("top", "left", "bottom", "right"):  # CT_TblCellMar order; text never touches a border
            if margins.find(qn(f"w:{side}")) is None:
                insert_in_order(margins, _w(side, w=CELL_MARGIN[side], type="dxa"), TBLCELLMAR_ORDER)
        before = tbl.getprevious()
        if before is not None and before.tag == qn("w:p") and not _caption(before):
            # the paragraph that introduces the table ("… như sau:") keeps a gap above it
            spacing = get_or_add(paragraph_properties(before), "w:spacing", PPR_ORDER)
            if int(spacing.get(qn("w:after"), "0") or 0) < SPACE_AROUND:
                spacing.set(qn("w:after"), str(SPACE_AROUND))
        for n, tr in enumerate(tbl.findall(qn("w:tr"))):
            trpr = tr.find(qn("w:trPr"))
            if trpr is None:
                trpr = _w("trPr")
                anchor = tr.find(qn("w:tblPrEx"))
                if anchor is not None:
                    anchor.addnext(trpr)
                else:
                    tr.insert(0, trpr)
            if trpr.find(qn("w:cantSplit")) is None:
                insert_in_order(trpr, _w("cantSplit"), TRPR_ORDER)
            if n == 0 and _header_like(tr) and trpr.find(qn("w:tblHeader")) is None:
                insert_in_order(trpr, _w("tblHeader"), TRPR_ORDER)
            if trpr.find(qn("w:tblHeader")) is not None:
                for tcpr in tr.iterfind(f"{qn('w:tc')}/{qn('w:tcPr')}"):
                    if tcpr.find(qn("w:vAlign")) is None:  # a one-line heading centred beside a two-line one
                        insert_in_order(tcpr, _w("vAlign", val="center"), TCPR_ORDER)
        following = tbl.getnext()
        if following is not None and following.tag == qn("w:p"):
            spacing = get_or_add(paragraph_properties(following), "w:spacing", PPR_ORDER)
            if int(spacing.get(qn("w:before"), "0") or 0) < SPACE_AROUND:
                spacing.set(qn("w:before"), str(SPACE_AROUND))
    return count


def apply_tables(document, tables: dict[int, Table]) -> int:
    """Replace each table placeholder paragraph of ``document`` by its table; how many were placed.

    A placeholder whose table is missing, or a table without its placeholder, is an error: a
    table is never dropped in silence."""
    if not tables:
        return 0
    body = document.element.body
    placed = set()
    for p in list(body.iter(qn("w:p"))):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        m = MARK.search(text)
        if not m:
            continue
        number = int(m.group(1))
        table = tables[number]
        width = LANDSCAPE_WIDTH if table.landscape else TEXT_WIDTH
        elements = build_table(table, width)
        first = elements[0] if elements[0].tag == qn("w:p") else elements[0].find(".//" + qn("w:p"))
        _mark(first, bookmark(number), 0x4F43 + number)  # ids above any a template would use
        for element in elements:
            p.addprevious(element)
        if table.landscape:
            _landscape_section(body, elements[0], p)
        p.getparent().remove(p)
        placed.add(number)
    missing = set(tables) - placed
    if missing:
        raise ValueError(f"bảng {sorted(missing)} không có chỗ trong mẫu văn bản")
    return len(placed)


def _landscape_section(body, first, placeholder) -> None:
    """Put the table in a landscape section: a portrait section break before it, landscape after."""
    final = body.find(qn("w:sectPr"))
    if final is None:
        return
    before = _w("p")
    _w("pPr", before).append(copy.deepcopy(final))  # the text before the table stays portrait
    first.addprevious(before)
    landscape = copy.deepcopy(final)
    size = landscape.find(qn("w:pgSz"))
    if size is not None:
        w, h = size.get(qn("w:w")), size.get(qn("w:h"))
        size.set(qn("w:w"), h)
        size.set(qn("w:h"), w)
        size.set(qn("w:orient"), "landscape")
    title_pg = landscape.find(qn("w:titlePg"))
    if title_pg is not None:
        landscape.remove(title_pg)
    after = _w("p")
    ppr = _w("pPr", after)
    ppr.append(landscape)
    placeholder.addprevious(after)
