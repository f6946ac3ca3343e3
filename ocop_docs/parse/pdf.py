"""A PDF read into lines through pypdf, with the two-column header and signature block untangled.

Plain text extraction interleaves ND30's two-column rows ("ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI…",
"Số: 35/KH-UBND  Vũ Quang, ngày…"). pypdf reports where each piece of text is drawn (its text
matrix) and in which font, so pieces are grouped into visual lines by their baseline, the header
rows (above the type name) and the rows from "Nơi nhận" on are split into a left and a right
column by position, and body lines are joined into paragraphs by their indentation, spacing,
list marks and fonts. Bold and italic come from the font names ("…-Bold", "…-Italic").
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdf

from ..errors import UnreadableFile
from ..nd30.anatomy import is_kinh_gui, is_noi_nhan, is_quoc_hieu, is_upper
from .header import type_name
from .lines import Line, Source, normalise
from .noise import clean_text, convert_lines, is_footnote_text, is_page_number, legacy_encoding
from .ocr import ocr_pages
from ..model.table import Cell, cell_starts
from .tables import pdf_tables
from .txt import text_lines

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 500

def _is_type_row(text: str) -> bool:
    """A row that is a type name in capitals ("KẾ HOẠCH"), where the header's columns end."""
    text = text.strip()
    return is_upper(text) and type_name(text) is not None


_ANNEX_RE = re.compile(r"^(?:PHỤ LỤC|DANH SÁCH|DANH MỤC|BIỂU|BẢNG)\b")
_LIST_RE = re.compile(r"^(?:[-+–•]\s|[IVXLC]+\s*[.)]\s|\d{1,3}(?:\.\d{1,2})*\s*[.)]\s|[a-zđ]\s*[.)]\s|Điều\s+\d+)")


@dataclass
class _Piece:
    text: str
    x: float
    y: float
    size: float
    bold: bool
    italic: bool


@dataclass
class _Row:
    page: int
    y: float
    pieces: list[_Piece] = field(default_factory=list)
    marks: list[tuple["_Piece", str]] = field(default_factory=list)  # footnote marks: (piece before, key)
    note_key: str | None = None  # the row starts a footnote's own text

    @property
    def x0(self) -> float:
        return self.pieces[0].x

    @property
    def text(self) -> str:
        return normalise("".join(p.text for p in self.pieces))

    @property
    def size(self) -> float:
        sizes = [p.size for p in self.pieces if p.text.strip()]
        return max(sizes) if sizes else 12.0


def _font_flags(font: dict | None) -> tuple[bool, bool]:
    name = str((font or {}).get("/BaseFont", "")).lower()
    return ("bold" in name or "black" in name or "heavy" in name), ("italic" in name or "oblique" in name)


def _open(path: Path):
    # pypdf logs repairs of damaged files ("EOF marker not found") on stderr: the message we raise says it.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    p = Path(path)
    if not p.exists():
        raise UnreadableFile(f"Không tìm thấy tệp {path}.")
    if not p.is_file():
        raise UnreadableFile(f"{path} không phải là một tệp.")
    if p.stat().st_size > MAX_PDF_BYTES:
        raise UnreadableFile(f"Tệp {path} lớn hơn {MAX_PDF_BYTES // (1024 * 1024)} MB.")
    with open(p, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise UnreadableFile(f"Tệp {path} không phải là tệp PDF.")
    try:
        reader = pypdf.PdfReader(str(p))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile(f"Tệp {path} được bảo vệ bằng mật khẩu; hãy mở khóa rồi thử lại.")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise UnreadableFile(f"Tệp {path} có {len(pages)} trang, vượt giới hạn {MAX_PDF_PAGES} trang.")
    except UnreadableFile:
        raise
    except pypdf.errors.DependencyError:  # AES without the cryptography package (a broken installation)
        raise UnreadableFile(f"Tệp {path} được mã hóa AES nhưng máy thiếu thư viện 'cryptography' để mở; "
                             "hãy cài lại ocop-docs theo hướng dẫn (pip install .).") from None
    except Exception as exc:  # a broken PDF: pypdf raises many kinds of errors
        raise UnreadableFile(f"Tệp {path} không phải là tệp PDF đọc được (tệp hỏng hoặc cấu trúc lạ; lỗi {type(exc).__name__}).") from None
    return reader


def _rows(reader, name: str) -> tuple[list[_Row], float]:
    rows: list[_Row] = []
    width = 595.0
    for number, page in enumerate(reader.pages, start=1):
        try:
            width = float(page.mediabox.width)
        except Exception:
            pass
        pieces: list[_Piece] = []

        def visit(text, cm, tm, font, size):
            if not text or not text.strip("\n"):
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or 1.0
            bold, italic = _font_flags(font)
            for k, part in enumerate(text.split("\n")):
                if part:
                    pieces.append(_Piece(part, x, y - k * size * scale * 1.2, (size or 12) * scale, bold, italic))  # noqa: B023 (called within this page's loop)

        try:
            page.extract_text(visitor_text=visit)
        except Exception as exc:
            raise UnreadableFile(f"Không đọc được trang {number} của tệp {name} ({type(exc).__name__}).") from None
        sizes = sorted(p.size for p in pieces if len(p.text.strip()) > 3)
        body_size = sizes[len(sizes) // 2] if sizes else 12.0
        marks = [p for p in pieces if p.text.strip().isdigit() and len(p.text.strip()) <= 3 and p.size < body_size * 0.72]
        pieces = [p for p in pieces if p not in marks]
        page_rows: list[_Row] = []
        for piece in sorted(pieces, key=lambda p: (-round(p.y, 0), p.x)):
            if page_rows and abs(page_rows[-1].y - piece.y) <= max(2.0, piece.size * 0.25):
                page_rows[-1].pieces.append(piece)
            else:
                page_rows.append(_Row(number, piece.y, [piece]))
        for row in page_rows:
            row.pieces.sort(key=lambda p: p.x)
        for row in page_rows:
            first = row.pieces[0].text.strip()
            if first.isdigit() and len(first) <= 3 and len(row.pieces) > 1 and row.pieces[1].size < body_size - 0.5:
                # "1 Bao gồm: …" in a smaller font at the foot of the page: a footnote's own text.
                row.note_key = first
                row.pieces = row.pieces[1:]
        for mark in marks:
            # A raised small number: a footnote mark in the row just below it, or the start of a note.
            host = min((r for r in page_rows if 0 <= mark.y - r.y <= r.size * 0.9 or abs(mark.y - r.y) <= 2),
                       key=lambda r: abs(mark.y - r.y), default=None)
            if host is None:
                continue
            if mark.x <= host.x0 + 1:
                host.note_key = mark.text.strip()
            else:
                before = [p for p in host.pieces if p.x < mark.x]
                if before:
                    host.marks.append((before[-1], mark.text.strip()))
        rows.extend(r for r in page_rows if r.text)
    return rows, width


def _split(row: _Row, boundary: float) -> tuple[_Row | None, _Row | None]:
    left = [p for p in row.pieces if p.x < boundary]
    right = [p for p in row.pieces if p.x >= boundary]
    return (_Row(row.page, row.y, left) if left and normalise("".join(p.text for p in left)) else None,
            _Row(row.page, row.y, right) if right and normalise("".join(p.text for p in right)) else None)


def _line(row: _Row, index: int, cell=None) -> Line:
    visible = [p for p in row.pieces if p.text.strip()]
    flags = [p.bold for p in visible]
    bold = True if flags and all(flags) else False if not any(flags) else None
    lead = None
    if bold is None and flags[0]:
        k = 0
        while k < len(visible) and visible[k].bold:
            k += 1
        upto = row.pieces.index(visible[k - 1])
        lead = normalise("".join(p.text for p in row.pieces[: upto + 1]))
    it = [p.italic for p in visible]
    italic = True if it and all(it) else False if not any(it) else None
    text, notes = clean_text(row.text)
    line = Line(text, "pdf", index, page=row.page, cell=cell, bold=bold, italic=italic, lead_bold=lead, size=row.size)
    line.notes.extend(notes)
    for piece, key in row.marks:
        upto = next((k for k, p in enumerate(row.pieces) if p is piece), None)
        if upto is not None:
            line.marks.append((len(normalise("".join(p.text for p in row.pieces[: upto + 1]))), key))
    return line


def _columns(rows: list[_Row], boundary: float, table: int, start_index: int) -> list[Line]:
    """Two-column rows de-interleaved: the whole left column, then the whole right column."""
    left, right = [], []
    for row in rows:
        a, b = _split(row, boundary)
        if a is not None:
            left.append(a)
        if b is not None:
            right.append(b)
    # A recipient wrapped onto a second line ("- Các cơ quan, ban, ngành, hội, đoàn thể" / "huyện;").
    joined: list[_Row] = []
    for row in left:
        prev = joined[-1] if joined else None
        if prev is not None and not re.match(r"^\s*[-–+•]", row.text) and not is_noi_nhan(row.text) \
                and not is_kinh_gui(row.text) \
                and re.match(r"^\s*[-–+•]", prev.text) and not prev.text.rstrip().endswith((";", ".", ":")):
            spacer = _Piece(" ", row.pieces[0].x, row.y, row.size, False, False)
            joined[-1] = _Row(prev.page, prev.y, prev.pieces + [spacer] + row.pieces)
        else:
            joined.append(row)
    left = joined
    out = []
    for col, column in ((1, left), (2, right)):
        for r, row in enumerate(column, start=1):
            out.append(_line(row, start_index + r, (table, r, col)))
    return out


def _paragraphs(rows: list[_Row], left_margin: float, start_index: int) -> list[Line]:
    """Body rows joined into paragraphs: a new one starts at an indent, a gap, a list mark or a font change."""
    out: list[Line] = []
    prev: _Row | None = None
    current: list[_Row] = []

    def flush():
        if current:
            merged = _Row(current[0].page, current[0].y, [p for r in current for p in r.pieces])
            # pieces of successive rows are joined by a space
            pieces = []
            for r_i, r in enumerate(current):
                if r_i and pieces and not re.search(r"\w[-–]$", "".join(p.text for p in pieces).rstrip()):
                    # Lines are joined by a space, except after a hyphen the line was broken at ("NQ-" / "HĐND").
                    pieces.append(_Piece(" ", r.pieces[0].x, r.y, r.size, pieces[-1].bold, pieces[-1].italic))
                pieces.extend(r.pieces)
            merged.pieces = pieces
            merged.marks = [m for r in current for m in r.marks]
            out.append(_line(merged, start_index + len(out) + 1))
            current.clear()

    for row in rows:
        text = row.text
        if prev is None or not current:
            current.append(row)
            prev = row
            continue
        size = row.size
        same_page = row.page == prev.page
        gap = prev.y - row.y if same_page else size * 1.3
        indented = row.x0 > left_margin + size * 0.6
        prev_last = [p for p in prev.pieces if p.text.strip()][-1]
        row_first = [p for p in row.pieces if p.text.strip()][0]
        prev_bold, row_bold = prev_last.bold, row_first.bold
        wrapped_heading = (
            prev_bold and row_bold and all(p.bold for p in row.pieces if p.text.strip())
            and abs(size - prev.size) <= 0.6 and gap <= size * 1.55 and not prev.text.rstrip().endswith((".", ":", ";"))
            and _LIST_RE.match(text) is None and not _is_type_row(prev.text)
        )
        if wrapped_heading:
            current.append(row)
            prev = row
            continue
        new = (
            gap > size * 1.55
            or indented
            or prev_last.italic != row_first.italic
            or _LIST_RE.match(text) is not None
            or _is_type_row(prev.text)
            or prev_bold != row_bold
            or abs(size - prev.size) > 0.6
            or prev.text.endswith("./.")
        )
        if new:
            flush()
        current.append(row)
        prev = row
    flush()
    return out


def _has_image(page) -> bool:
    """Whether a page draws an image (a scanned page has one and no text)."""
    try:
        objects = page["/Resources"].get_object().get("/XObject")
        if objects is None:
            return False
        return any(objects[name].get_object().get("/Subtype") == "/Image" for name in objects.get_object())
    except Exception:  # a damaged resource dictionary: treat as no image
        return False


def _ocr_lines(path: str | Path, reader, rows: list[_Row], progress) -> tuple[list[Line], list[int], list[tuple[str, str]]]:
    """The lines of the pages that are images only, read by OCR; the pages read; notes."""
    with_text = {r.page for r in rows}
    scanned = [n for n, page in enumerate(reader.pages, start=1) if n not in with_text and _has_image(page)]
    if not scanned:
        return [], [], []
    texts, skipped = ocr_pages(path, scanned, progress)
    lines: list[Line] = []
    for page, text in texts.items():
        page_lines, _ = text_lines(text)
        for line in page_lines:
            line.source, line.page = "pdf", page
            line.notes.append("ocr")
            lines.append(line)
    pages = ", ".join(str(p) for p in texts)
    notes = [("", f"trang {pages} là ảnh quét, đã đọc bằng nhận dạng chữ (OCR) — cần đối chiếu bản gốc")]
    if skipped:
        notes.append(("", f"{len(skipped)} trang quét sau trang {max(texts)} không được đọc (giới hạn OCR mỗi tệp)"))
    return lines, list(texts), notes


_FIRST_TABLE = 100  # content tables are numbered after the header (1) and signature (2) layouts
MAX_TABLE_PAGES = 60


def _tables(path, reader, notes: list[tuple[str, str]]) -> list:
    """The ruled tables of the PDF (page, top, bottom, table); none, with a note, when they cannot be read."""
    if len(reader.pages) > MAX_TABLE_PAGES:
        notes.append(("", f"tệp có hơn {MAX_TABLE_PAGES} trang: bảng sau trang {MAX_TABLE_PAGES} được đọc như đoạn văn"))
    try:
        return pdf_tables(path, MAX_TABLE_PAGES)
    except Exception as exc:  # pdfplumber raises many kinds of errors on damaged files
        notes.append(("", f"không nhận ra được các bảng trong tệp PDF ({type(exc).__name__}); bảng được đọc như đoạn văn"))
        return []


def _region(row: _Row, tables: list) -> int | None:
    """The table region ``row`` lies in (its index in ``tables``), or None."""
    return next((k for k, (page, top, bottom, _, _) in enumerate(tables)
                 if row.page == page and bottom - 1 <= row.y <= top + 1), None)


def _with_tables(rows: list[_Row], tables: list, found: dict[int, object], left_margin: float, start: int) -> list[Line]:
    """The lines of ``rows``: paragraphs, and for each ruled table one line per cell where the table
    begins (its rows, as a Word table gives them), the table itself put in ``found`` by number."""
    lines: list[Line] = []
    run: list[_Row] = []
    for row in rows:
        region = _region(row, tables)
        if region is None:
            run.append(row)
            continue
        number = _FIRST_TABLE + tables[region][3]  # the regions of a table that runs over pages share it
        if number not in found:  # the table's first row: the paragraphs before it, then the table once
            lines += _paragraphs(run, left_margin, start + len(lines))
            run = []
            table = found[number] = tables[region][4]
            for r, (cells, starts) in enumerate(_table_grid(table), start=1):
                for cell, column in zip(cells, starts):
                    lines.append(Line(cell.text or "", "pdf", start + len(lines) + 1, page=row.page,
                                      cell=(number, r, column)))
            if not any(line.cell and line.cell[0] == number and line.text for line in lines):
                lines.append(Line(row.text or "…", "pdf", start + len(lines) + 1, page=row.page, cell=(number, 1, 1)))
    return lines + _paragraphs(run, left_margin, start + len(lines))


def _table_grid(table):
    """Each row of a table (header rows first, the stated total last) with the grid column of each cell."""
    rows = list(table.rows)
    if table.total is not None:
        total = [Cell(text=table.total.label)]
        total += [Cell(text=table.total.stated.get(c, "")) for c in range(2, table.n_cols + 1)]
        rows.insert(0 if table.total.at == "top" else len(rows), total)
    rows = list(table.header) + rows
    return list(zip(rows, cell_starts(rows)))


def read_pdf(path: str | Path, progress=None) -> Source:
    """A PDF file as lines: header and signature block de-interleaved, body lines made paragraphs;
    pages that are scanned images read by OCR (``progress(done, total)`` told as they are)."""
    reader = _open(Path(path))
    rows, width = _rows(reader, str(path))
    notes: list[tuple[str, str]] = []
    scanned_lines, scanned, ocr_notes = _ocr_lines(path, reader, rows, progress)
    notes += ocr_notes
    if not rows and scanned:
        return Source(str(path), "pdf", scanned_lines, notes=notes, ocr_pages=scanned)
    if not rows:
        raise UnreadableFile(f"Tệp {path} không có chữ để đọc (không có lớp chữ, không có trang quét).")
    # Running headers/footers: a page number alone on a row at the top or bottom of a page.
    rows = [r for r in rows if not is_page_number(r.text)]
    tables = _tables(path, reader, notes)
    footnotes: dict[str, str] = {}
    kept: list[_Row] = []
    current: tuple[str, _Row] | None = None
    for row in rows:
        if _region(row, tables) is not None:
            kept.append(row)  # a table's row in small type ("1 Cam bù Hương Sơn …") is no footnote
            current = None
            continue
        if row.note_key is not None:
            current = (row.note_key, row)
            footnotes[row.note_key] = row.text
            continue
        if current is not None and row.page == current[1].page and row.size <= current[1].size + 0.1 \
                and current[1].y - row.y < row.size * 2.2:
            footnotes[current[0]] = normalise(footnotes[current[0]] + " " + row.text)
            current = (current[0], row)
            continue
        current = None
        if is_footnote_text(row.text):
            continue
        kept.append(row)
    rows = kept
    xs = Counter(round(r.x0) for r in rows if len(r.text) > 40)
    left_margin = min((x for x, n in xs.most_common(3)), default=min(r.x0 for r in rows))

    # The header: every row above the type name (KẾ HOẠCH, QUYẾT ĐỊNH…) on the first page.
    type_at = next((i for i, r in enumerate(rows[:40]) if _is_type_row(r.text)), None)
    lines: list[Line] = []
    start = 0
    if type_at is not None and type_at > 0:
        header = rows[:type_at]
        quoc_hieu = next((p.x for r in header for p in r.pieces if is_quoc_hieu(p.text, whole=False, at_start=True)), None)
        boundary = (quoc_hieu - 4) if quoc_hieu is not None else width * 0.42
        lines += _columns(header, boundary, 1, 0)
        start = type_at
    # The signature block: from the row that holds "Nơi nhận" (or a signer prefix after the body).
    tail_at = next((i for i in range(len(rows) - 1, start - 1, -1) if is_noi_nhan(rows[i].text)
                    or any(is_noi_nhan(p.text) for p in rows[i].pieces)), None)
    body_rows = rows[start:tail_at] if tail_at is not None else rows[start:]
    found: dict[int, object] = {}
    lines += _with_tables(body_rows, tables, found, left_margin, len(lines))
    if tail_at is not None:
        tail = rows[tail_at:]
        # An attached document after the signature starts again with a type name.
        # So does an annex on a page of its own ("DANH SÁCH …", "PHỤ LỤC …": the list of products).
        again = next((i for i, r in enumerate(tail) if i and (_is_type_row(r.text) or (
            r.page > tail[0].page and is_upper(r.text) and _ANNEX_RE.match(r.text.strip())))), None)
        block = tail[:again] if again is not None else tail
        lines += _columns(block, width * 0.45, 2, len(lines))
        if again is not None:  # an annex's tables (the list of products) are tables too
            lines += _with_tables(tail[again:], tables, found, left_margin, len(lines))
    # Scanned pages among text pages (a signed last page, a scanned annex) follow the text pages.
    lines += scanned_lines
    source = Source(str(path), "pdf", [line for line in lines if line.text], notes=notes, footnotes=footnotes,
                    ocr_pages=scanned, tables=found)
    encoding = legacy_encoding(source.lines)
    if encoding:
        # Text typed in .VnTime/VNI fonts: Latin-1 look-alikes that must be converted to Unicode.
        source.lines = convert_lines(source.lines, encoding)
        source.notes.append(("", f"văn bản gõ bằng bảng mã cũ {encoding}; đã chuyển sang Unicode, cần đọc soát lại"))
    return source
