"""Tables read back from documents: Word tables and the "a | b | c" rows websites give.

A content table becomes a :class:`~ocop_docs.model.table.Table` (header rows, body rows, merged
cells, number columns, a stated total), so that a plan read from Word keeps its budget table as a
table and a roll-forward can carry it. Layout tables are not content: the two-column header
(Quốc hiệu beside the issuing body) and the signature block (Nơi nhận beside the signer) are read
by the header and signature readers, never here.
"""
from __future__ import annotations

import re

from pydantic import ValidationError

from ..model.table import Cell, Table, TotalRow, is_total_label, parse_amount
from ..vi.numbers import format_number, tien_bang_chu
from ..vi.text import fold

# "Số:" and the signer's prefixes open their cell ("Mã số: 42-18196-001-2026" in a list of products is content).
_LAYOUT_WORDS = re.compile(r"CỘNG\s+HÒA|CỘNG\s+HOÀ|Độc\s+lập\s*-\s*Tự\s+do|Nơi\s+nhận|(?:^|\n)\s*(?:TM\.\s|KT\.\s|Số\s*:)",
                           re.I)
_ORDINAL = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])[.)]?$")
_SEPARATOR = re.compile(r"^[\s|:+\-–—=]+$")


def pipe_cells(line: str) -> list[str] | None:
    """The cells of one "a | b | c |" row as a website prints a table row; None if not such a row.

    Read alone, a leading "|" is taken as an empty first cell; :func:`pipe_rows` reads a run of
    rows consistently (Markdown rows "| a | b |" open and close every row with "|")."""
    if line.count("|") < 1 or _SEPARATOR.match(line):
        return None
    cells = [c.strip() for c in line.strip().split("|")]
    if len(cells) > 1 and not cells[-1]:
        cells = cells[:-1]
    return cells if len(cells) >= 2 else None


def pipe_rows(lines: list[str]) -> list[list[str]]:
    """The cells of consecutive table rows, split the same way for all of them; separator rows
    ("---|---") are dropped."""
    rows = [line.strip() for line in lines if line.strip() and not _SEPARATOR.match(line)]
    markdown = bool(rows) and all(r.startswith("|") for r in rows)
    closed = bool(rows) and all(r.endswith("|") for r in rows)
    out = []
    for r in rows:
        cells = [c.strip() for c in r.split("|")]
        if markdown:
            cells = cells[1:]
        if closed:
            cells = cells[:-1]
        out.append(cells)
    return out


_IN_WORDS_RE = re.compile(r"^\(?\s*(?:Số tiền\s+)?[Bb]ằng chữ\s*:\s*(?P<words>.+?)\s*\)?\s*[.;]?$")


def in_words(table: Table, text: str) -> tuple[bool, str | None]:
    """Whether ``text`` (the line under a table) is its total in words ("(Bằng chữ: Tám mươi lăm
    triệu đồng)"), and when it is but says another amount, what is wrong (the line is then kept)."""
    m = _IN_WORDS_RE.match(text.strip())
    if not m:
        return False, None
    columns = table.total_columns() if table.total is not None else []
    if not columns:
        return False, None
    amount = table.column_sum(columns[0])
    if amount != amount.to_integral_value():
        return False, None
    expected = tien_bang_chu(int(amount))
    if fold(m.group("words"), lower=True).rstrip(". ") == fold(expected, lower=True):
        return True, None
    return False, f"số tiền bằng chữ '{m.group('words')}' không khớp tổng {format_number(amount)} của bảng ({expected})"


def is_layout(rows: list[list[str]]) -> bool:
    """A header or signature layout table, not content."""
    return any(_LAYOUT_WORDS.search(cell) for row in rows[:3] for cell in row)


def header_rows(rows: list[list[str]]) -> int:
    """How many of the first rows are headings: those before the first row that starts with an
    ordinal ("1", "I", "a)") or holds a number outside its first cell; at least one, at most three."""
    for n, row in enumerate(rows[:4]):
        first = row[0].strip() if row else ""
        if n and (_ORDINAL.match(first) or any(parse_amount(c) is not None for c in row[1:] if c.strip())):
            return min(n, 3)
    return 1


def _is_total_row(cells: list[str]) -> bool:
    """A total row labels itself in its first cell ("Tổng cộng"), or in the second under an empty
    STT; a row numbered in its first cell ("3 | Tổng kết Chương trình") is an item."""
    first = cells[0].strip() if cells else ""
    return is_total_label(first) if first else len(cells) > 1 and is_total_label(cells[1])


def table_from_cells(rows: list[list[str]], title: str | None = None) -> Table | None:
    """A content table from rows of cell texts; None when the rows do not make one (a layout table,
    fewer than two rows or columns, or a grid the model refuses)."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2 or max(len(r) for r in rows) < 2 or is_layout(rows):
        return None
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    heads = header_rows(rows)
    body = rows[heads:]
    total, last, at = None, None, "bottom"
    if len(body) > 1 and _is_total_row(body[0]) and not _is_total_row(body[-1]):
        at = "top"  # "TỔNG CỘNG" right under the header, as provincial budget tables print it
    if body and _is_total_row(body[0 if at == "top" else -1]):
        last = body.pop(0 if at == "top" else -1)
        label = next(c for c in last if c.strip()).strip()
        stated = {i + 1: c for i, c in enumerate(last) if c.strip() and c.strip() != label and parse_amount(c) is not None}
        total = TotalRow(label=label, columns=sorted(stated), stated=stated, at=at)
    if not body:
        return None
    numbers = [i + 1 for i in range(1, width)
               if all(parse_amount(r[i]) is not None or not r[i].strip() for r in body)
               and any(parse_amount(r[i]) is not None for r in body)]
    try:
        return Table(title=title, header=rows[:heads], rows=body, number_columns=numbers, total=total)
    except ValidationError:
        if total is None:
            return None
        # a stated total that disagrees with the rows is kept as the row it is, not silently "corrected"
        body.insert(0 if at == "top" else len(body), last)
        return Table(title=title, header=rows[:heads], rows=body, number_columns=numbers)


def total_disagreement(table: Table) -> str | None:
    """Why the last row of ``table``, a total row ("Tổng cộng") read as a plain row, was not taken
    as its total: the figure it states against the sum (or a group's subtotal against its items)."""
    if table.total is not None or len(table.rows) < 2:
        return None
    at = "top" if _is_total_row([c.text for c in table.rows[0]]) else "bottom"
    row = table.rows[0 if at == "top" else -1]
    if not _is_total_row([c.text for c in row]) or any(c.colspan > 1 for c in row):
        return None
    label = next(c.text for c in row if c.text.strip()).strip()
    stated = {i + 1: c.text for i, c in enumerate(row) if c.text.strip() and c.text.strip() != label
              and parse_amount(c.text) is not None}
    try:
        Table(header=table.header, rows=table.rows[1:] if at == "top" else table.rows[:-1],
              number_columns=table.number_columns, total=TotalRow(label=label, columns=sorted(stated), stated=stated, at=at))
    except ValidationError as error:
        return str(error.errors()[0].get("msg", "")).removeprefix("Value error, ")
    return None


def table_from_word(info, blocks) -> Table | None:
    """A content table from a Word table read by ``docx.blocks`` (merged cells kept as spans)."""
    grid: list[list[Cell]] = []
    texts: list[list[str]] = []
    starts: dict[int, tuple[int, int]] = {}  # grid column → (row, index in that row) of a vertical merge start
    for r, row in enumerate(info.rows):
        cells: list[Cell] = []
        plain: list[str] = []
        for cell in row:
            # as printed: a cell numbered by Word ("1." in an STT column) keeps its number
            text = "\n".join(blocks[i].full_text.strip() for i in cell.blocks if blocks[i].full_text.strip())
            span = max(cell.span, 1)
            if cell.vmerge_continue and cell.grid_col in starts:
                sr, si = starts[cell.grid_col]
                grid[sr][si] = grid[sr][si].model_copy(update={"rowspan": grid[sr][si].rowspan + 1})
                plain.extend([""] * span)  # the merged cell's text is counted once, in its first row
                continue
            starts[cell.grid_col] = (r, len(cells))
            cells.append(Cell(text=text, colspan=span))
            plain.extend([text] + [""] * (span - 1))  # one text per grid column, as the eye reads them
        grid.append(cells)
        texts.append(plain)
    return _table_from_grid(grid, texts)


def _table_from_grid(grid: list[list[Cell]], texts: list[list[str]]) -> Table | None:
    """A content table from its cells with their spans (``grid``) and one text per grid column and
    row (``texts``, what the header, number and total readings look at); None for a layout table."""
    if is_layout(texts) or len(grid) < 2:
        return None
    flat = table_from_cells(texts)
    if flat is None:
        return None
    heads = len(flat.header)
    first = heads + (1 if flat.total is not None and flat.total.at == "top" else 0)
    try:
        return Table(header=grid[:heads], rows=grid[first:first + len(flat.rows)],
                     number_columns=flat.number_columns, total=flat.total)
    except ValidationError:
        return flat


def pdf_tables(path, max_pages: int = 60) -> list[tuple[int, float, float, int, Table]]:
    """The ruled tables of a PDF found by their lines (pdfplumber): (page, top, bottom, number,
    table) for each region, the page 1-based and top/bottom in PDF units from the page's foot, as
    pypdf reports text positions. A table that runs on to the next page is one table: its regions
    share the number and the table, and the header row the next page repeats is not a row."""
    import pdfplumber  # start-up: ~80 ms, only for a PDF (this module also reads Word tables)

    parts: list[_PdfPart] = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages[:max_pages], start=1):
            found = page.find_tables()
            for k, ruled in enumerate(found):
                grid, texts = _pdf_grid(ruled)
                x0, top, x1, bottom = ruled.bbox
                part = _PdfPart(number, float(page.height) - top, float(page.height) - bottom, grid, texts,
                                _edges(ruled), first_on_page=k == 0, last_on_page=k == len(found) - 1)
                part.landscape = float(page.width) > float(page.height)
                part.text_above = _text_outside(page, 0, top)
                part.text_below = _text_outside(page, bottom, float(page.height))
                parts.append(part)
    out: list[tuple[int, float, float, int, Table]] = []
    groups: list[list[_PdfPart]] = []
    for part in parts:
        if groups and _continues(groups[-1][-1], part):
            groups[-1].append(part)
        else:
            groups.append([part])
    for number, group in enumerate(groups):
        grid, texts = list(group[0].grid), list(group[0].texts)
        heads = header_rows(texts)
        for part in group[1:]:
            skip = heads if part.texts[:heads] == texts[:heads] else 0  # the header repeated on the new page
            grid += part.grid[skip:]
            texts += part.texts[skip:]
        table = _table_from_grid(grid, texts)
        if table is None:
            continue
        if group[0].landscape:  # a table printed on a landscape page (a wide annex) is printed so again
            table = table.model_copy(update={"landscape": True})
        out += [(part.page, part.top, part.bottom, number, table) for part in group]
    return out


class _PdfPart:
    """One table region of one page, before the regions of a table that runs over pages are joined."""

    def __init__(self, page, top, bottom, grid, texts, edges, *, first_on_page, last_on_page):
        self.page, self.top, self.bottom, self.grid, self.texts, self.edges = page, top, bottom, grid, texts, edges
        self.first_on_page, self.last_on_page = first_on_page, last_on_page
        self.text_above = self.text_below = self.landscape = False


_RUNNING = re.compile(r"^[\d\s\-–—./|]*$")  # a page number or rule left in the margin


def _text_outside(page, top: float, bottom: float) -> bool:
    """Whether the page prints words between ``top`` and ``bottom`` (pdfplumber units, from the page's
    head) other than a page number."""
    if bottom - top < 1:
        return False
    words = page.crop((0, top, float(page.width), bottom), strict=False).extract_words()
    return not _RUNNING.match(" ".join(w["text"] for w in words))


def _edges(found) -> list[float]:
    """The x positions of the table's column lines."""
    return sorted({round(c[x], 0) for row in found.rows for c in row.cells if c is not None for x in (0, 2)})


def _continues(before: _PdfPart, part: _PdfPart) -> bool:
    """``part`` carries on the table of ``before``: it opens the next page, nothing but a page number
    stands between them, and its columns are drawn at the same places."""
    return (part.page == before.page + 1 and before.last_on_page and part.first_on_page
            and not before.text_below and not part.text_above
            and len(before.edges) == len(part.edges)
            and all(abs(a - b) <= 2 for a, b in zip(before.edges, part.edges)))


_BROKEN_AT_HYPHEN = re.compile(r"(?<=\w-)\s*\n\s*(?=\w)")


def _wrapped(text: str) -> str:
    """A cell's text as one line: wrapped lines joined by a space, except a code broken at its hyphen
    ("42-18196-001-" / "2026"), which the eye reads whole."""
    return " ".join(_BROKEN_AT_HYPHEN.sub("", text).split())


def _pdf_grid(found) -> tuple[list[list[Cell]], list[list[str]]]:
    """One pdfplumber table as cells with spans (from the cells' edges) and texts as drawn."""
    rows = found.rows
    xs = sorted({round(c[0], 1) for row in rows for c in row.cells if c is not None})
    ys = sorted({round(c[1], 1) for row in rows for c in row.cells if c is not None})
    extracted = found.extract()
    grid: list[list[Cell]] = []
    texts: list[list[str]] = []
    for row, values in zip(rows, extracted):
        cells, plain = [], []
        for box, value in zip(row.cells, values):
            if box is None:
                plain.append("")  # merged into a cell to the left or above
                continue
            colspan = max(1, sum(1 for x in xs if box[0] - 0.5 <= x < box[2] - 0.5))
            rowspan = max(1, sum(1 for y in ys if box[1] - 0.5 <= y < box[3] - 0.5))
            text = _wrapped(value or "")
            cells.append(Cell(text=text, colspan=colspan, rowspan=rowspan))
            plain.append(text)
        grid.append(cells)
        texts.append(plain)
    return grid, texts
