"""Finding the ND30 elements of an arbitrary .docx: header, tên loại, trích yếu, căn cứ, body,
signature, Nơi nhận, phụ lục.

Real documents lay these out in many ways, so identification works on *lines* (a paragraph
split at manual line breaks) and, where a two-column layout is typed with tab stops, on the
tab-separated pieces of a line:

* header: the first top-level table holding the Quốc hiệu or a "Số:" line (left column: issuing
  body, governing body, Số; right column: Quốc hiệu, Tiêu ngữ, date), or, without a table, the
  paragraphs before the tên loại (tab-separated pieces sorted into left and right);
* tên loại: the first short line after the header that is a type name of ND30 Điều 7 (or a
  VBQPPL type, a certificate or an OCOP form title); the trích yếu lines follow it;
* thẩm quyền (decisions), căn cứ lines, "QUYẾT ĐỊNH:", the body paragraphs;
* signature: the first table after the body with "Nơi nhận" or an authority prefix (TM., KT.…),
  or signature paragraphs;
* the rules drawn under the Tiêu ngữ, the issuing body and the trích yếu: a paragraph border
  (its width is the container width minus the paragraph's indents), a drawn line shape (width
  from ``wp:extent`` or the VML coordinates), or a line of underscores (as in the decree's own
  Word copy, measured as text).

A file may hold several documents (a decision and the plan it issues; the samples of Phụ lục
III): each top-level header table holding the Quốc hiệu starts a new *part*.

What a line is (Quốc hiệu, Số, date, tên loại, căn cứ, authority prefix, Nơi nhận …) is decided by
``nd30/anatomy.py``, the recogniser the parser uses too; this module decides where the parts sit
in a Word file's tables and paragraphs, and measures their rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..docx.blocks import Block, DocumentView, Span, TableInfo
from ..nd30 import metrics
from ..nd30.anatomy import (
    doc_type_of,
    has_date,
    heading_of,
    is_appendix_label,
    is_authority_line,
    is_basis,
    is_enacting,
    is_issuing_authority,
    is_kem_theo,
    is_kinh_gui,
    is_noi_nhan,
    is_quoc_hieu,
    is_rule,
    is_so_line,
    is_tieu_ngu,
    is_upper,
    is_vv,
    key,
)
from ..nd30.formats import DRAFTER_LOOSE_RE
from ..vi.text import squash_spaces

# tên loại → the checker's kind of document. ND30 Điều 7 types by name; VBQPPL types ("legal",
# ND30 Điều 4.2.a), certificates and OCOP forms (ND30-ABBR-03) by their group.
_KIND_OF_TYPE = {"Kế hoạch": "plan", "Quyết định": "decision", "Báo cáo": "report", "Tờ trình": "report",
                 "Biên bản": "minutes"}


def type_of_line(text: str) -> tuple[str, str] | None:
    """(type name in capitals, kind) when ``text`` is a tên loại line, else None."""
    found = doc_type_of(text)
    if found is None:
        return None
    name, group = found
    kind = _KIND_OF_TYPE.get(name, "other") if group == "nd30" else group
    return name.upper(), kind


def is_rule_block(block: Block) -> bool:
    """A paragraph that only draws a rule: underscores, a border on an empty paragraph, a line shape."""
    text = block.text.strip()
    if text and not is_rule(text, typed=True):
        return False
    if text:
        return True
    if block.para.border("bottom") or block.para.border("top"):
        return True
    return any(s.is_line for s in block.shapes)


def has_bases_block(part: "Part") -> bool:
    """Whether the part may have căn cứ lines between its title and its body (ND30-BODY-01): a
    typed document (decision, plan, report, …) does; a công văn (Mẫu 1.5), a biên bản (Mẫu 1.9),
    an OCOP form or a certificate does not, so a body paragraph of theirs starting "Thực hiện …"
    or "Căn cứ …" is content."""
    if part.ten_loai is None or part.vv is not None:
        return False
    return part.kind not in ("minutes", "letter", "form", "certificate")


# ----------------------------------------------------------------------------- measurement


def span_width_twips(span: Span) -> int:
    """Printed width of a span in Times New Roman (metrics), with character spacing and scale."""
    total = 0.0
    for run, piece in span.pieces():
        fmt = run.fmt
        shown = piece.upper() if fmt.caps else piece
        w = metrics.text_width_pt(shown, fmt.rendered_size, fmt.bold, fmt.italic) * 20
        w += fmt.spacing * len(shown)
        total += w * (fmt.scale / 100)
    return round(total)


@dataclass
class RuleLine:
    """A line drawn under an element: how it is made and how long it is (twips)."""

    how: str  # "border", "shape", "underscores"
    width: int
    block: Block

    def describe(self) -> str:
        how = {"border": "đường viền dưới đoạn", "shape": "đường kẻ vẽ", "underscores": "dòng gạch dưới '___'"}[self.how]
        return f"{how} dài {self.width / 567:.2f} cm".replace(".", ",")


def _rule_of_block(block: Block, side: str = "bottom") -> RuleLine | None:
    if block.para.border(side):
        return RuleLine("border", max(block.width, 0), block)
    text = block.text.strip()
    if text and is_rule(text, typed=True):
        return RuleLine("underscores", span_width_twips(block.span().strip()), block)
    lines = [s for s in block.shapes if s.is_line]
    if lines and not text:
        return RuleLine("shape", max(s.width for s in lines), block)
    return None


def find_rule(blocks: list[Block], after: int, own: list[Block], limit: int = 3) -> RuleLine | None:
    """The rule under an element whose paragraphs are ``own``; ``blocks`` is the element's
    container (a cell's paragraphs or the top-level paragraphs) and ``after`` the position in it
    of the element's last paragraph."""
    last = own[-1]
    if last.para.border("bottom"):
        return RuleLine("border", max(last.width, 0), last)
    for block in own:
        lines = [s for s in block.shapes if s.is_line]
        if lines:
            return RuleLine("shape", max(s.width for s in lines), block)
    seen = 0
    for block in blocks[after + 1:]:
        if seen >= limit:
            break
        seen += 1
        if block.para.border("top") and block.text.strip():
            return RuleLine("border", max(block.width, 0), block)
        rule = _rule_of_block(block)
        if rule is not None:
            return rule
        if block.text.strip():
            break
    return None


# ----------------------------------------------------------------------------- elements


@dataclass
class Element:
    """An identified element: its lines (spans) in reading order."""

    name: str
    spans: list[Span]

    @property
    def text(self) -> str:
        return " ".join(s.clean for s in self.spans)

    @property
    def shown(self) -> str:
        return " ".join(s.shown for s in self.spans)

    @property
    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for s in self.spans:
            if s.block not in out:
                out.append(s.block)
        return out

    @property
    def first(self) -> Span:
        return self.spans[0]


@dataclass
class Heading:
    """A numbered line of the body: mục "I.", khoản "1.", điểm "a)", "Điều 1.", "Chương I"…"""

    kind: str  # phan, chuong, muc_label, muc (Roman), dieu, khoan, diem
    number: str
    title: str
    block: Block
    label_len: int  # characters of the label ("Điều 1." → 7) in the full text
    auto: bool  # the label comes from Word auto-numbering


@dataclass
class Part:
    """One document of the file and its elements."""

    start: int  # index into items
    end: int
    kind: str | None = None
    type_name: str | None = None
    header_table: TableInfo | None = None
    header_blocks: list[Block] = field(default_factory=list)
    left: list[Span] = field(default_factory=list)
    right: list[Span] = field(default_factory=list)
    chu_quan: Element | None = None
    ban_hanh: Element | None = None
    issuer_rule: RuleLine | None = None
    issuer_dashes: Span | None = None  # a line of dashes typed under the issuer in place of its rule
    so: Element | None = None
    vv: Element | None = None
    quoc_hieu: Element | None = None
    quoc_hieu_split: bool = False
    tieu_ngu: Element | None = None
    tieu_ngu_rule: RuleLine | None = None
    date: Element | None = None
    ten_loai: Element | None = None
    trich_yeu: Element | None = None
    trich_yeu_rule: RuleLine | None = None
    kem_theo: Element | None = None
    tham_quyen: Element | None = None
    can_cu: list[Block] = field(default_factory=list)
    can_cu_intro: Block | None = None  # the sentence ending ":" that follows the bases of a plan
    kinh_gui: list[Block] = field(default_factory=list)
    qd_keyword: Block | None = None
    body: list[Block] = field(default_factory=list)
    body_tables: list[TableInfo] = field(default_factory=list)
    content_end: Block | None = None
    headings: list[Heading] = field(default_factory=list)
    signature_table: TableInfo | None = None
    signature_blocks: list[Block] = field(default_factory=list)
    noi_nhan_label: Span | None = None
    noi_nhan_items: list[list[Span]] = field(default_factory=list)
    authority: list[Span] = field(default_factory=list)
    signer: Span | None = None
    # every signature of the part, left to right: (quyền hạn/chức vụ lines, name); a biên bản
    # (Mẫu 1.9) is signed by the secretary and the chair side by side
    signers: list[tuple[list[Span], Span | None]] = field(default_factory=list)
    appendix_first: bool = False
    appendices: list[tuple[Block, list[Block], Element | None]] = field(default_factory=list)
    top_blocks: list[Block] = field(default_factory=list)  # the blocks before the content


@dataclass
class Item:
    block: Block | None = None
    table: TableInfo | None = None

    @property
    def is_table(self) -> bool:
        return self.table is not None


def top_items(view: DocumentView) -> list[Item]:
    """Top-level paragraphs and tables of the body, in reading order."""
    items: list[Item] = []
    emitted: set[int] = set()
    outer: dict[int, int] = {}
    for t in view.tables:
        if t.area != "body":
            continue
        top = t
        while top.parent is not None:
            top = view.tables[top.parent[0]]
        outer[t.index] = top.index
    for block in view.blocks:
        if block.depth == 0:
            items.append(Item(block=block))
            continue
        root = outer.get(block.table)
        if root is not None and root not in emitted:
            emitted.add(root)
            items.append(Item(table=view.tables[root]))
    return items


def _table_text_key(view: DocumentView, table: TableInfo) -> str:
    return key(" ".join(view.blocks[i].text for i in table.all_blocks()))


def _is_header_table(view: DocumentView, table: TableInfo, so_line: bool = True) -> bool:
    """A small table (≤ 4 rows, ≤ 3 columns) with a line that is the Quốc hiệu, or a "Số:" line
    in its first column (a table that merely quotes the Quốc hiệu is not a header)."""
    if len(table.rows) > 4 or table.n_cols > 3:
        return False
    for i in table.all_blocks():
        for line in view.blocks[i].lines():
            if is_quoc_hieu(line.text, whole=False, at_start=True):
                return True
    if so_line:
        for i in table.column_blocks(0):
            for line in view.blocks[i].lines():
                if is_so_line(line.clean):
                    return True
    return False


def _lines(blocks: list[Block]) -> list[Span]:
    out = []
    for b in blocks:
        for line in b.lines():
            s = line.strip()
            if s.text:
                out.append(s)
    return out


class _Identifier:
    def __init__(self, view: DocumentView):
        self.view = view
        self.items = top_items(view)
        self.top_blocks = [it.block for it in self.items if it.block is not None]
        self._pos = {id(b): i for i, b in enumerate(self.top_blocks)}

    # ------------------------------------------------------------------ parts
    def parts(self) -> list[Part]:
        starts = [0]
        for i, it in enumerate(self.items):
            if i and it.is_table and _is_header_table(self.view, it.table, so_line=False) and \
                    not self._only_marks(starts[-1], i):
                # a new document starts at its header table
                starts.append(i)
            elif i > starts[-1] + 3 and it.block is not None and not it.block.is_empty and \
                    type_of_line(it.block.lines()[0].clean) and self._kem_theo_follows(i):
                # a document issued with a decision, in the same file without its own header table
                starts.append(i)
        parts = []
        for n, s in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(self.items)
            parts.append(self.identify(Part(start=s, end=end)))
        return parts

    def _only_marks(self, start: int, end: int) -> bool:
        """Whether items[start:end] hold nothing but marks printed above ô 1 (a circulation note
        "LƯU HÀNH NỘI BỘ", ô 11): short upper-case lines, so the header table after them is
        still the first document's."""
        lines = []
        for it in self.items[start:end]:
            if it.is_table:
                return False
            if not it.block.is_empty:
                lines.append(it.block.text.strip())
        return len(lines) <= 3 and all(len(t) <= 40 and is_upper(t) for t in lines)

    def _kem_theo_follows(self, i: int) -> bool:
        for it in self.items[i + 1:i + 5]:
            if it.block is not None and is_kem_theo(it.block.text.strip()):
                return True
        return False

    # ------------------------------------------------------------------ one part
    def identify(self, part: Part) -> Part:
        items = self.items[part.start:part.end]
        i = 0
        # header table: among the first items, before any long paragraph
        for j, it in enumerate(items[:12]):
            if it.is_table and _is_header_table(self.view, it.table):
                part.header_table = it.table
                i = j + 1
                break
            if it.block is not None and type_of_line(it.block.lines()[0].clean) and j > 0:
                break
        if part.header_table is not None:
            self._header_from_table(part)
        # tên loại / phụ lục label
        type_at = None
        appendix_at = None
        non_empty = 0
        for j in range(i, len(items)):
            it = items[j]
            if it.is_table:
                if part.header_table is None and non_empty == 0:
                    continue
                break
            b = it.block
            if b.is_empty:
                continue
            non_empty += 1
            first_line = b.lines()[0].clean
            if type_of_line(first_line):
                type_at = j
                break
            if is_appendix_label(first_line) and appendix_at is None:
                appendix_at = j
                break
            if non_empty > 12:
                break
        if part.header_table is None:
            stop = type_at if type_at is not None else (appendix_at if appendix_at is not None else None)
            header_items = items[i:stop] if stop is not None else items[i:i + 8]
            self._header_from_paragraphs(part, [it.block for it in header_items if it.block is not None])
        pos = (type_at if type_at is not None else appendix_at if appendix_at is not None else i - 1)
        if appendix_at is not None:
            part.appendix_first = True
            label_block = items[appendix_at].block
            title, kem, pos = self._appendix_head(items, appendix_at)
            part.appendices.append((label_block, title, kem))
            part.kem_theo = kem
            part.kind = "attached"
        if type_at is not None:
            pos = self._title_block(part, items, type_at)
        pos = self._after_title(part, items, pos)
        self._body_and_signature(part, items, pos)
        return part

    # ------------------------------------------------------------------ header
    def _header_from_table(self, part: Part) -> None:
        table = part.header_table
        n = table.n_cols
        left_blocks: list[Block] = []
        right_blocks: list[Block] = []
        for row in table.rows:
            for cell in row:
                target = left_blocks if (cell.col == 0 and n > 1) else right_blocks
                target.extend(self.view.blocks[i] for i in cell.blocks)
        part.header_blocks = left_blocks + right_blocks
        self._classify_header(part, _lines(left_blocks), _lines(right_blocks), left_blocks, right_blocks)

    def _header_from_paragraphs(self, part: Part, blocks: list[Block]) -> None:
        left: list[Span] = []
        right: list[Span] = []
        left_blocks: list[Block] = []
        right_blocks: list[Block] = []
        found_qh = any(is_quoc_hieu(b.text, whole=False) for b in blocks)
        if not found_qh and not any(is_so_line(line.clean) for b in blocks for line in b.lines()):
            return
        for b in blocks:
            for line in b.lines():
                segments = line.split_tabs()
                if len(segments) >= 2:
                    left.append(segments[0].strip())
                    right.append(segments[-1].strip())
                    for target in (left_blocks, right_blocks):
                        if b not in target:
                            target.append(b)
                elif segments:
                    seg = segments[0].strip()
                    if (is_quoc_hieu(seg.text, whole=False) or is_tieu_ngu(seg.text, whole=False) or has_date(seg.text)
                            or b.para.alignment == "right" or b.para.left > 3000):
                        right.append(seg)
                        if b not in right_blocks:
                            right_blocks.append(b)
                    else:
                        left.append(seg)
                        if b not in left_blocks:
                            left_blocks.append(b)
        part.header_blocks = list(blocks)
        # rules under lines are separate (empty) paragraphs: search them in the paragraph sequence
        self._classify_header(part, left, right, blocks, blocks)

    def _classify_header(self, part, left, right, left_blocks, right_blocks) -> None:
        part.left, part.right = left, right
        # right column: Quốc hiệu, Tiêu ngữ, date
        for n, span in enumerate(right):
            k = key(span.text)
            if part.quoc_hieu is None and is_quoc_hieu(span.text, whole=False):
                spans = [span]
                if "VIET NAM" not in k and n + 1 < len(right) and "VIET NAM" in key(right[n + 1].text):
                    spans.append(right[n + 1])
                    part.quoc_hieu_split = True
                part.quoc_hieu = Element("quoc_hieu", spans)
            elif part.quoc_hieu is not None and part.tieu_ngu is None and is_tieu_ngu(span.text, whole=False):
                part.tieu_ngu = Element("tieu_ngu", [span])
            elif part.date is None and has_date(span.text):
                part.date = Element("dia_danh_ngay", [span])
        if part.date is None:
            for span in left:
                if has_date(span.text) and "," in span.text:
                    part.date = Element("dia_danh_ngay", [span])
        if part.tieu_ngu is not None:
            container = right_blocks
            own = [part.tieu_ngu.first.block]
            idx = container.index(own[0]) if own[0] in container else -1
            if idx >= 0:
                part.tieu_ngu_rule = find_rule(container, idx, own, limit=2)
        # left column: issuer(s), Số, V/v
        issuer: list[Span] = []
        for span in left:
            text = span.clean
            if is_so_line(text):
                if part.so is None:
                    part.so = Element("so_ky_hieu", [span])
                continue
            if is_vv(text):
                part.vv = Element("trich_yeu_cong_van", [span])
                continue
            if part.so is not None or is_rule(text, typed=True) or part.vv is not None:
                if part.vv is not None and part.vv.spans[-1].block is span.block:
                    continue
                if part.vv is not None and not is_rule(text, typed=True):
                    part.vv.spans.append(span)
                continue
            if has_date(text) and part.date is not None and span in part.date.spans:
                continue
            if issuer and is_rule(text):
                # "-------" typed under the name, as copies from legal-database pages carry it: not
                # the name, and no rule either (ND30-CQ-03 says what to do with it)
                part.issuer_dashes = span
                continue
            issuer.append(span)
        if issuer:
            bold = [s.summary.all_bold for s in issuer]
            split = len(issuer)
            # the issuing body is the trailing bold lines; a governing body sits above, not bold
            if any(bold):
                split = len(issuer)
                while split > 0 and bold[split - 1]:
                    split -= 1
                if split == len(issuer):
                    split = len(issuer) - 1
            elif len(issuer) > 1:
                split = 1
            else:
                split = 0
            if split == 0 and len(issuer) > 1 and key(issuer[0].text).startswith("UBND "):
                split = 1  # "UBND TỈNH X" abbreviated: a governing-body line (ND30-CQ-01)
            if split > 0:
                part.chu_quan = Element("co_quan_chu_quan", issuer[:split])
            part.ban_hanh = Element("co_quan_ban_hanh", issuer[split:])
            own = part.ban_hanh.blocks
            container = left_blocks
            if own[-1] in container:
                part.issuer_rule = find_rule(container, container.index(own[-1]), own, limit=2)

    # ------------------------------------------------------------------ title block
    def _title_block(self, part: Part, items: list[Item], at: int) -> int:
        block = items[at].block
        lines = [s.strip() for s in block.lines() if s.text.strip()]
        name, kind = type_of_line(lines[0].clean)
        part.type_name = name
        part.kind = kind
        part.ten_loai = Element("ten_loai", [lines[0]])
        ty: list[Span] = list(lines[1:])
        pos = at
        skipped_empty = 0
        for j in range(at + 1, min(at + 6, len(items))):
            it = items[j]
            if it.is_table:
                break
            b = it.block
            if b.is_empty and not is_rule_block(b):
                if ty or skipped_empty:
                    break
                skipped_empty += 1
                continue
            text = b.text.strip()
            if (is_rule_block(b) or is_kem_theo(text) or (is_basis(text) and b.para.alignment != "center")
                    or is_kinh_gui(text) or is_enacting(text) or self._heading_like(b)):
                break
            if ty and (is_upper(text) and not is_upper(ty[0].text)):
                break  # the thẩm quyền line of a decision
            if ty and b.para.alignment != "center" and ty[-1].block.para.alignment == "center":
                break
            if not ty and is_upper(text) and kind == "decision" and len(text) > 10 and is_issuing_authority(text):
                break
            ty.extend(s.strip() for s in b.lines() if s.text.strip())
            pos = j
            if len(ty) >= 4:
                break
        if ty:
            part.trich_yeu = Element("trich_yeu", ty)
            own = part.trich_yeu.blocks
            last = own[-1]
            p = self._pos.get(id(last))
            if p is not None:
                part.trich_yeu_rule = find_rule(self.top_blocks, p, own, limit=3)
        return pos

    @staticmethod
    def _heading_like(b: Block) -> bool:
        return heading_of(b.full_text.strip()) is not None

    def _appendix_head(self, items: list[Item], at: int) -> tuple[list[Block], Element | None, int]:
        title: list[Block] = []
        kem: list[Span] = []
        pos = at
        for j in range(at + 1, min(at + 8, len(items))):
            it = items[j]
            if it.is_table:
                break
            b = it.block
            text = b.text.strip()
            if b.is_empty:
                if title or kem:
                    pos = j
                    break
                continue
            if is_kem_theo(text) or (kem and not kem[-1].text.rstrip().endswith(")")):
                kem.extend(s.strip() for s in b.lines() if s.text.strip())
                pos = j
                continue
            if kem or is_rule_block(b):
                pos = j if is_rule_block(b) else pos
                break
            if self._heading_like(b) or len(title) >= 3:
                break
            title.append(b)
            pos = j
        return title, (Element("kem_theo", kem) if kem else None), pos

    def _after_title(self, part: Part, items: list[Item], pos: int) -> int:
        decision = part.kind == "decision"
        j = pos + 1
        # kèm theo line (attached documents), rule under it
        while j < len(items) and j < pos + 8:
            it = items[j]
            if it.is_table:
                break
            b = it.block
            text = b.text.strip()
            if b.is_empty or is_rule_block(b):
                j += 1
                continue
            if part.kem_theo is None and is_kem_theo(text):
                spans = [s.strip() for s in b.lines() if s.text.strip()]
                j += 1
                while not spans[-1].text.rstrip().endswith(")") and j < len(items) and items[j].block is not None \
                        and not items[j].block.is_empty and len(spans) < 4:
                    spans.extend(s.strip() for s in items[j].block.lines() if s.text.strip())
                    j += 1
                part.kem_theo = Element("kem_theo", spans)
                if part.kind not in ("legal",):
                    part.kind = "attached"
                if part.trich_yeu_rule is None and part.trich_yeu is not None:
                    p = self._pos.get(id(spans[-1].block))
                    if p is not None:
                        part.trich_yeu_rule = find_rule(self.top_blocks, p, [spans[-1].block], limit=3)
                continue
            break
        # Kính gửi
        k = j
        while k < len(items) and k < j + 6:
            it = items[k]
            if it.block is not None and is_kinh_gui(it.block.text):
                part.kinh_gui.append(it.block)
                k += 1
                # the recipients, one a line: "- …;" (a missing dash is a finding, not the body)
                while k < len(items) and items[k].block is not None:
                    text = items[k].block.text.strip()
                    prev = part.kinh_gui[-1].text.rstrip()
                    listed = text.startswith(("-", "–", "+")) or (
                        (prev.endswith(";") or prev.endswith(":")) and text.endswith((";", ".")) and len(text) < 200
                        and heading_of(items[k].block.full_text.strip()) is None)
                    if not listed or (prev.endswith(":") and not text.startswith(("-", "–", "+")) and
                                      not text.endswith(";")):
                        break
                    part.kinh_gui.append(items[k].block)
                    k += 1
                j = k
                break
            if it.block is not None and not it.block.is_empty and not is_rule_block(it.block):
                if not is_kinh_gui(it.block.text):
                    break
            k += 1
        # thẩm quyền (decisions)
        while j < len(items) and items[j].block is not None and (items[j].block.is_empty or is_rule_block(items[j].block)):
            j += 1
        if decision and j < len(items) and items[j].block is not None:
            b = items[j].block
            text = b.text.strip()
            if not is_basis(text) and not is_enacting(text) and (is_upper(text) or is_issuing_authority(text)):
                part.tham_quyen = Element("tham_quyen", [s.strip() for s in b.lines() if s.text.strip()])
                j += 1
        # căn cứ
        if decision:
            kw = None
            for m in range(j, min(len(items), j + 40)):
                it = items[m]
                if it.block is not None and is_enacting(it.block.text):
                    kw = m
                    break
                if it.block is not None and (heading_of(it.block.full_text.strip()) or ("",))[0] == "dieu":
                    break
            if kw is not None:
                part.can_cu = [it.block for it in items[j:kw] if it.block is not None and not it.block.is_empty]
                part.qd_keyword = items[kw].block
                j = kw + 1
            else:
                while j < len(items) and items[j].block is not None and (
                        items[j].block.is_empty or is_basis(items[j].block.text)):
                    if not items[j].block.is_empty:
                        part.can_cu.append(items[j].block)
                    j += 1
        elif has_bases_block(part):
            # "Căn cứ …;", "Theo đề nghị …", "Thực hiện … ." before the body; an introductory
            # "Thực hiện …, UBND … ban hành Kế hoạch như sau:" is the first sentence of the body.
            while j < len(items) and items[j].block is not None:
                b = items[j].block
                text = b.text.strip()
                continues = bool(part.can_cu) and part.can_cu[-1].text.rstrip().endswith(";") and \
                    heading_of(b.full_text.strip()) is None and b.para.alignment != "center"
                if not (b.is_empty or is_basis(text) or continues):
                    break
                if not b.is_empty:
                    if text.endswith(":") and not key(text).startswith("CAN CU"):
                        part.can_cu_intro = b  # "… ban hành Kế hoạch … như sau:" closes the bases
                        break
                    part.can_cu.append(b)
                j += 1
            # a VBQPPL closes its căn cứ with the enacting sentence ("Chính phủ ban hành Nghị định …")
            if part.kind == "legal" and part.can_cu and j < len(items) and items[j].block is not None:
                b = items[j].block
                if "ban hanh" in key(b.text).lower() and b.text.rstrip().endswith("."):
                    part.can_cu.append(b)
                    j += 1
        part.top_blocks = [it.block for it in items[:j] if it.block is not None]
        return j

    # ------------------------------------------------------------------ body, signature
    def _is_signature_table(self, table: TableInfo) -> bool:
        if table.n_cols < 2:
            return False
        for row in table.rows:
            for cell in row:
                for i in cell.blocks:
                    for line in self.view.blocks[i].lines():
                        text = line.clean
                        if is_noi_nhan(text):
                            return True
                        if cell.col == len(row) - 1 and is_authority_line(text):
                            return True
        return self._is_signer_columns_table(table)

    def _cell_spans(self, blocks: list[Block]) -> list[Span]:
        spans: list[Span] = []
        for b in blocks:
            for line in b.lines():
                spans.append(line.strip() if line.text.strip() else line)
            if any(s.kind == "image" for s in b.shapes):
                spans.append(Span(b, 0, 0))
        return spans

    def _is_signer_columns_table(self, table: TableInfo) -> bool:
        """A small table of signatures side by side (THƯ KÝ | CHỦ TỌA of a biên bản): every cell
        with text is a signature (upper-case quyền hạn/chức vụ lines, room to sign, a name) or a
        Nơi nhận, and at least one is a signature."""
        if len(table.rows) > 3 or table.n_cols > 4:
            return False
        signatures = 0
        for row in table.rows:
            for cell in row:
                blocks = [self.view.blocks[i] for i in cell.blocks]
                if not any(b.text.strip() for b in blocks):
                    continue
                if any(is_noi_nhan(b.text) for b in blocks):
                    continue
                if not is_signature_column(self._cell_spans(blocks)):
                    return False
                signatures += 1
        return signatures > 0

    def _is_signature_paragraph(self, b: Block) -> bool:
        for line in b.lines():
            segs = line.split_tabs()
            if not segs:
                continue
            if is_noi_nhan(segs[0].text):
                return True
            if any(is_authority_line(s.clean) for s in segs) and b.para.alignment in ("center", "right"):
                return True
        return False

    def _body_and_signature(self, part: Part, items: list[Item], j: int) -> None:
        sig_at = None
        for m in range(j, len(items) if not part.appendix_first else j):
            it = items[m]
            if it.is_table and self._is_signature_table(it.table):
                sig_at = m
                part.signature_table = it.table
                break
            if it.block is not None and self._is_signature_paragraph(it.block):
                sig_at = m
                break
        end = sig_at if sig_at is not None else len(items)
        body_items = items[j:end]
        for it in body_items:
            if it.is_table:
                part.body_tables.append(it.table)
            elif not it.block.is_empty and not is_rule_block(it.block):
                part.body.append(it.block)
        # last content paragraph (the "./." carrier)
        for it in reversed(body_items):
            if it.is_table:
                blocks = [self.view.blocks[i] for i in it.table.all_blocks() if not self.view.blocks[i].is_empty]
                if blocks:
                    part.content_end = blocks[-1]
                    break
                continue
            if not it.block.is_empty and not is_rule_block(it.block):
                part.content_end = it.block
                break
        if not part.kinh_gui:
            part.kinh_gui = [b for b in part.body[:4] if is_kinh_gui(b.text)][:1]
        part.headings = classify_headings(part.body)
        if sig_at is None:
            return
        if part.signature_table is not None:
            self._signature_from_table(part, part.signature_table)
            after = self._noi_nhan_after(part, items, sig_at + 1)
        else:
            after = self._signature_from_paragraphs(part, items, sig_at)
        # appendices after the signature
        for m in range(after, len(items)):
            it = items[m]
            if it.block is not None and is_appendix_label(it.block.text.strip()):
                title, kem, _ = self._appendix_head(items, m)
                part.appendices.append((it.block, title, kem))

    def _signature_from_table(self, part: Part, table: TableInfo) -> None:
        """Nơi nhận from the column that has it (else the first column, as ô 9b sits on the
        left); a signature from the last column and from any other column that reads as one."""
        columns: dict[int, list[Block]] = {}
        for row in table.rows:
            for cell in row:
                columns.setdefault(cell.col, []).extend(self.view.blocks[i] for i in cell.blocks)
        order = sorted(columns)
        part.signature_blocks = [b for c in order for b in columns[c]]
        noi_nhan = next((c for c in order if any(is_noi_nhan(line.clean)
                                                 for b in columns[c] for line in b.lines())), None)
        if noi_nhan is None and len(order) > 1 and not is_signature_column(self._cell_spans(columns[order[0]])):
            noi_nhan = order[0]
        if noi_nhan is not None:
            self._parse_left(part, _lines(columns[noi_nhan]))
        for c in order:
            spans = self._cell_spans(columns[c])
            if c == noi_nhan:
                # Mẫu 1.9 stacks the secretary's signature above the Nơi nhận in the left column
                at = next((n for n, sp in enumerate(spans) if is_noi_nhan(sp.clean)), 0)
                if at and is_signature_column(spans[:at]):
                    self._add_signer(part, spans[:at])
                continue
            if c == order[-1] or is_signature_column(spans):
                self._add_signer(part, spans)

    def _noi_nhan_after(self, part: Part, items: list[Item], at: int) -> int:
        """A Nơi nhận typed as paragraphs under a signature table (Mẫu 1.9); returns the
        position after it."""
        if part.noi_nhan_label is not None:
            return at
        for m in range(at, min(at + 4, len(items))):
            it = items[m]
            if it.is_table:
                return at
            b = it.block
            if b.is_empty:
                continue
            if not is_noi_nhan(b.text):
                return at
            blocks: list[Block] = []
            n = m
            while n < len(items) and items[n].block is not None:
                b = items[n].block
                text = b.text.strip()
                if blocks and (is_appendix_label(text) or type_of_line(text)):
                    break
                if blocks and text and not text.startswith(("-", "+", "–", "—", "•")) and \
                        blocks[-1].text.rstrip().endswith(".") and not DRAFTER_LOOSE_RE.fullmatch(text):
                    break  # the list ended with "- Lưu: … ." (a drafter code "PL.(300)" may follow)
                blocks.append(b)
                n += 1
            part.signature_blocks.extend(blocks)
            self._parse_left(part, _lines(blocks))
            return n
        return at

    def _signature_from_paragraphs(self, part: Part, items: list[Item], at: int) -> int:
        left: list[Span] = []
        right_spans: list[Span] = []
        m = at
        while m < len(items):
            it = items[m]
            if it.is_table:
                break
            b = it.block
            if is_appendix_label(b.text.strip()) or (m > at and type_of_line(b.text.strip())):
                break
            part.signature_blocks.append(b)
            for line in b.lines():
                segs = line.split_tabs()
                if len(segs) >= 2:
                    left.append(segs[0].strip())
                    right_spans.append(segs[-1].strip())
                elif segs:
                    seg = segs[0].strip()
                    if is_noi_nhan(seg.text) or seg.text.startswith(("-", "+", "–")) or \
                            (b.para.alignment in ("left", "justify") and b.para.left < 2000 and left and not right_spans):
                        left.append(seg)
                    else:
                        right_spans.append(seg)
                else:
                    right_spans.append(line)  # keeps the gap before the name
            m += 1
        self._parse_left(part, left)
        self._parse_right_spans(part, right_spans)
        return m

    def _parse_left(self, part: Part, spans: list[Span]) -> None:
        items: list[list[Span]] = []
        for span in spans:
            text = span.clean
            if part.noi_nhan_label is None and is_noi_nhan(text):
                colon = span.text.find(":")
                if colon >= 0 and span.text[colon + 1:].strip():
                    part.noi_nhan_label = Span(span.block, span.start, span.start + colon + 1)
                    rest = Span(span.block, span.start + colon + 1, span.end).strip()
                    items.append([rest])
                else:
                    part.noi_nhan_label = span
                continue
            if part.noi_nhan_label is None:
                continue
            if text.startswith(("-", "+", "–", "—", "•")) or not items:
                items.append([span])
            else:
                items[-1].append(span)
        part.noi_nhan_items = items

    def _parse_right_spans(self, part: Part, spans: list[Span]) -> None:
        self._add_signer(part, spans)

    @staticmethod
    def _add_signer(part: Part, spans: list[Span]) -> None:
        authority, signer = signature_of(spans)
        if not authority and signer is None:
            return
        part.signers.append((authority, signer))
        part.authority = authority
        part.signer = signer


def _signature_groups(spans: list[Span]) -> list[list[Span]]:
    """The lines of a signature split where there is room to sign: blank lines, "(Ký tên …)"
    lines, rules, an image."""
    groups: list[list[Span]] = [[]]
    for s in spans:
        text = s.clean
        if not text or text.startswith("(") or is_rule(text, typed=True):
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(s)
    return [g for g in groups if g]


def signature_of(spans: list[Span]) -> tuple[list[Span], Span | None]:
    """(quyền hạn/chức vụ lines, name line) of one signature's lines (ô 7a, 7b)."""
    groups = _signature_groups(spans)
    if not groups:
        return [], None
    authority: list[Span] = []
    signer: Span | None = None
    first = groups[0]
    for s in first:
        if is_upper(s.text) or is_authority_line(s.text):
            authority.append(s)
        elif signer is None and authority:
            signer = s
    if len(groups) > 1:
        signer = groups[-1][-1]
    elif signer is None and len(first) > len(authority):
        signer = first[-1]
    return authority, signer


def is_signature_column(spans: list[Span]) -> bool:
    """Whether the lines of a table cell read as one signature: upper-case quyền hạn/chức vụ
    lines, then room to sign, then a short name line (no end punctuation)."""
    groups = _signature_groups(spans)
    if len(groups) < 2:
        return False
    first, last = groups[0], groups[-1][-1]
    if not all(is_upper(s.text) and len(s.clean) <= 80 for s in first):
        return False
    name = last.clean
    words = name.split()
    return 1 < len(words) <= 8 and not name.endswith((";", ":", ",")) and not any(c.isdigit() for c in name)


def classify_headings(body: list[Block]) -> list[Heading]:
    """The numbered lines of the body (labels typed or produced by Word auto-numbering)."""
    out = []
    for b in body:
        text = b.full_text.lstrip()
        found = heading_of(text)
        if found is None:
            continue
        kind, number, label_len = found
        out.append(Heading(kind, number, squash_spaces(text[label_len:]), b, label_len, bool(b.label.strip())))
    return out


def identify(view: DocumentView) -> list[Part]:
    """The parts (documents) of a file with their identified elements."""
    return _Identifier(view).parts()
