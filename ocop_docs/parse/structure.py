"""From the lines of a source to the engine's spec: zones first, then each zone's parts.

A document is read in zones, as a reader's eye goes down the page:

header      everything above the type name: issuing body, Quốc hiệu, Số, place and date;
type/title  "KẾ HOẠCH" (or QUYẾT ĐỊNH, BÁO CÁO…), the trích yếu, a "(Kèm theo …)" line, and for
            a Quyết định the authority line (ỦY BAN NHÂN DÂN TỈNH …);
content     căn cứ lines, the preamble, then the numbered sections (for a Quyết định: the căn
            cứ, "QUYẾT ĐỊNH:", then the articles); the closing "Trên đây là …";
tail        Nơi nhận and the signer's lines and name (in a table, side by side, or one after the
            other in extracted text);
after       a document issued with a Quyết định ("Ban hành kèm theo …"), annexes.

Nothing is dropped: what no zone can place is kept as prose, or returned as ``extra`` with a
note. Fields the parser had to guess carry a :class:`Note`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import kinds
from ..errors import RuleViolation, UnreadableFile
from ..model.common import Issuer
from ..model.decision import decision_subject
from ..nd30 import doctypes
from ..nd30.formats import strip_end_punctuation, symbol_for
from ..nd30.anatomy import (
    BASIS_VERBS,
    DATE_RE,
    SO_RE,
    garbled_authority,
    is_authority_line,
    is_body_head,
    is_enacting,
    is_issuing_authority,
    is_kem_theo,
    is_kinh_gui,
    is_luu,
    is_noi_nhan,
    is_quoc_hieu,
    is_rule,
    is_signer_title,
    is_tieu_ngu,
)
from ..nd30.rules import END_MARK
from ..render.decision_context import article_items
from ..vi.dates import parse_date
from ..vi.text import fold, title_words
from .body import ENGINE_HEADING_DEPTH, build_tree, clean_blocks, match_label, to_blocks
from .council import _lines, council_decision
from .decision import general_decision, plan_decision
from .header import (
    Note,
    is_name,
    is_signature_mark,
    issuer_from_text,
    level_of,
    place_of,
    read_header,
    read_kem_theo,
    read_so,
    read_tail,
    restore_case,
    type_name,
)
from .lines import Line, Source, normalise
from .news import NewsReport, news_report
from .prose import refuse_prose
from .noise import join_broken
from .recognition import recognition_decision
from .runon import split_runs
from .site import SiteMeta, strip_site
from .spec import public
from .tables import in_words, table_from_cells, total_disagreement

_CITATION_START_RE = re.compile(
    r"^(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|Công văn|Văn bản|Kế hoạch|Hướng dẫn|"
    r"Thông báo|Tờ trình|Đề án|Chương trình|Kết luận|Báo cáo|Hiến pháp)\b",
    re.I,
)
_CLOSING_RE = re.compile(r"^Trên đây\b")
_ANNEX_RE = re.compile(r"^(?:PHỤ LỤC|DANH SÁCH|DANH MỤC|BIỂU|MẪU SỐ|Phụ lục\s+[IVX\d]+)\b")


@dataclass
class Parsed:
    """One document read from a file: its kind, the spec data, and what the reader must check."""

    kind: str  # plan, decision
    doc_type: str
    data: dict
    notes: list[Note] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    extra_tables: list[tuple[int, int, Any]] = field(default_factory=list)  # (start, end, table) of rows of ``extra``
    attachments: list["Parsed"] = field(default_factory=list)
    parent: dict | None = None  # the decision an attached document was issued with
    model: Any = None

    def primary(self) -> "Parsed":
        """The document a plan-drafting user wants: an attached plan of a decision, or this one."""
        if self.kind != "plan":
            for attached in self.attachments:
                if attached.kind == "plan":
                    return attached
        return self


# ---------------------------------------------------------------- segmentation
def _is_type_line(line: Line) -> str | None:
    if line.cell is not None and line.cell[2] >= 2:
        return None
    name = type_name(line.text)
    if name is None:
        return None
    if line.style and line.style.startswith("ND30 - ") and line.style != "ND30 - Tên loại văn bản":
        return None
    return name


def _is_tail_start(line: Line) -> bool:
    text = line.text
    return is_noi_nhan(text) or is_authority_line(text) or garbled_authority(text) is not None


def segments(lines: list[Line]) -> list[tuple[int, int, int, str]]:
    """(start, type line, end, type) of each document in the lines: the main one, then attached ones."""
    found: list[tuple[int, int, str]] = []
    tail_seen = True  # the first type line always opens a document
    last_start = 0
    for i, line in enumerate(lines):
        if _is_tail_start(line) or line.text.rstrip().endswith(END_MARK):
            tail_seen = True
        name = _is_type_line(line)
        if name is None or not tail_seen:
            continue
        if not found and name in ("Quyết định", "Nghị quyết") and any(x.text.startswith(BASIS_VERBS) for x in lines[:i]):
            continue  # "QUYẾT ĐỊNH" after the căn cứ is the enacting line that lost its colon
        if found and i - found[-1][1] < 3:
            continue
        start = i
        # An attached document's own header (issuer, Quốc hiệu) precedes its type line.
        while start > last_start and _header_like(lines[start - 1]):
            start -= 1
        found.append((start, i, name))
        tail_seen = False
        last_start = i + 1
    if not found:
        return [(0, -1, len(lines), "")]
    out = []
    for k, (start, at, name) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(lines)
        out.append((0 if k == 0 else start, at, end, name))
    return out


def _header_like(line: Line) -> bool:
    text = line.text
    if is_rule(text) or is_quoc_hieu(text) or is_tieu_ngu(text):
        return True
    if is_authority_line(text) or is_signer_title(text) or is_name(text) or text.startswith(("-", "+")):
        return False
    return text.isupper() and len(text) < 90 and is_body_head(text) or (line.cell is not None and line.cell[0] >= 1 and text.isupper())


# ---------------------------------------------------------------- the whole document
def recognise(source: Source) -> Parsed:
    """The main document of a source (with any attached documents) as spec data and notes."""
    lines = [line for line in source.lines if line.text]
    meta = None
    if not source.engine_styles:
        lines, meta = strip_site(split_runs(lines))
        if not lines:
            raise UnreadableFile(f"Tệp {source.path} chỉ có phần của trang web (điều hướng, danh sách văn bản liên quan…), "
                                 "không có nội dung của văn bản để đọc.")
        lines = _join(_merge_type_lines(lines))
        news = news_report(lines)
        if news is not None and news.doc_type != "Quyết định" and not news.number_text:
            refuse_prose(lines, str(source.path))  # "đã ban hành công văn …" in a news item names no document
        if news is None and meta.values.get("number") and not _document_like(lines):
            main = _recorded(meta, lines)
            main.notes[:0] = [Note("", message, where) for where, message in source.notes]
            return main
        if news is not None:
            main = _reported(news)
            _use_site_meta(main, meta)
            main.notes[:0] = [Note("", message, where) for where, message in source.notes]
            return main
        if news is None and not meta.values:
            refuse_prose(lines, str(source.path))
    parts = segments(lines)
    docs: list[Parsed] = []
    for start, at, end, name in parts:
        hint = meta.values.get("number") if meta is not None and not docs else None
        docs.append(_document(lines[start:end], at - start if at >= 0 else -1, name, source, hint))
    main = docs[0]
    for doc in docs[1:]:
        if main.kind == "decision" and doc.parent and doc.parent.get("number") and "number" not in main.data:
            # The decision's own header was lost; its attachment names it ("kèm theo Quyết định số 794/QĐ-UBND …").
            main.data["number"] = doc.parent["number"]
            if doc.parent.get("date"):
                main.data["date"] = doc.parent["date"]
                main.data.pop("draft_year", None)
            main.notes = [n for n in main.notes if n.field not in ("number", "date")]
            main.notes.append(Note("number", f"số và ngày của quyết định lấy từ dòng '{doc.parent.get('text')}' của văn bản kèm theo"))
        doc.parent = doc.parent or _decision_ref(main)
        _inherit(doc, main)
        main.attachments.append(doc)
    plan = next((d for d in main.attachments if d.kind == "plan"), None)
    if main.kind == "decision" and plan is not None:
        data = plan_decision(main.data, plan.data, plan.parent, main.notes)
        if data is not None:
            main.kind = "plan_decision"
            main.data = data
    if main.kind == "decision":
        main.data = general_decision(main.data, main.extra, main.notes)
        if main.data.get("subject") == "hội đồng":
            _as_ocop_kind(main, "council_decision")  # members in Điều 1, or in the list attached after the signature
        elif main.data.get("subject") == "công nhận":
            _as_ocop_kind(main, "recognition_decision")
        if main.kind == "decision" and main.extra_tables and main.data.get("attached") == main.extra:
            main.data["attached"] = _with_table_blocks(main.extra, main.extra_tables)
        if main.extra:
            main.notes = [n for n in main.notes if "không thuộc mô hình" not in n.message]
            if main.kind == "decision":
                attached = main.data.get("attached") or main.extra
                tables = sum(1 for a in attached if isinstance(a, dict))
                kept = f"{len(attached) - tables} đoạn" + (f" và {tables} bảng" if tables else "")
                main.notes.append(Note("attached", f"{kept} sau chữ ký (phần ban hành kèm theo) được giữ ở 'attached'"))
            main.extra = []  # kept in 'attached', or read into the list of products
    if meta is not None:
        _use_site_meta(main, meta)
    main.notes[:0] = [Note("", message, where) for where, message in source.notes]  # in the order read
    used = _used_footnote_texts(main)
    unused = {k: v for k, v in source.footnotes.items() if v not in used}
    main.footnotes = list(unused.values())
    if unused:
        main.notes.append(Note("", f"{len(unused)} chú thích cuối trang không gắn được vào đoạn nào; được giữ riêng (footnotes)"))
    return main


def _reported(news: NewsReport) -> Parsed:
    """A news page's report of a document: its type, number and subject, every other field left empty."""
    kind = "decision" if news.doc_type == "Quyết định" else "plan"
    data: dict = {"kind": kind, "doc_type": news.doc_type}
    if not news.number_text:
        data["_doc_type_inferred"] = True  # the page's running words, not a printed type or ký hiệu
    where = news.sentence.where()
    named = f"{news.doc_type.lower()} số {news.number_text}" if news.number_text else f"một {news.doc_type.lower()}"
    notes = [Note("", f"trang web đưa tin về {named}, không phải bản văn bản: không có phần đầu, căn cứ, chữ ký; "
                      "chỉ đọc loại văn bản, số (nếu trang ghi) và nội dung chính theo lời trang tin — cần lấy bản gốc", where)]
    so = read_so("Số: " + news.number_text) if news.number_text else None
    if so and so[0]:
        data["number"], data["symbol"], data["_number_text"] = so[0], so[2], news.number_text
        if so[1]:
            data["number_year"] = so[1]
    else:
        notes.append(Note("number", "trang tin không ghi số, ký hiệu của văn bản; để trống — cần bổ sung", where))
    if kind == "decision":
        data["subject"] = decision_subject(news.subject, None)
    for field_, what in (("issuer", "cơ quan ban hành"), ("place", "địa danh"), ("date", "ngày ban hành"),
                         ("title", "trích yếu"), ("signer", "người ký")):
        notes.append(Note(field_, f"trang tin không in {what} của văn bản; để trống — cần bổ sung từ bản gốc"))
    notes.append(Note("title", f"trang tin tóm tắt nội dung văn bản: '{news.subject[:160]}' (lời của trang tin, không phải trích yếu)", where))
    extra = [line.text for line in news.paragraphs]
    notes.append(Note("", f"{len(extra)} đoạn của trang tin được giữ riêng (extra), không ghi vào văn bản"))
    return Parsed(kind, news.doc_type, data, notes, extra=extra)


def _document_like(lines: list[Line]) -> bool:
    """Whether the lines hold any of a document's own text: header parts, căn cứ, articles, sections, paragraphs."""
    return any(len(line.text) >= 250 or line.text.startswith(BASIS_VERBS) or _is_type_line(line) or is_quoc_hieu(line.text)
               or SO_RE.match(line.text) or is_enacting(line.text) or re.match(r"^Điều\s+\d", line.text)
               or (match_label(line.text) is not None and match_label(line.text)[0].kind in ("roman",))
               for line in lines)


_BODY_NAME_RE = re.compile(r"^(?:Bộ|Ủy ban|Uỷ ban|UBND|Sở|Hội đồng|Ban|Văn phòng|Chính phủ|Thủ tướng|Tổng cục|Cục)\b")


def _recorded(meta: SiteMeta, lines: list[Line]) -> Parsed:
    """A site's record of a document whose text the page does not show: the metadata table's number,
    type, date and issuing body (evidence, said so); the subject from the page's title or description."""
    values = meta.values
    number_text = values["number"]
    so = read_so_text(number_text)
    doc_type = _type_of_symbol(so[2] if so else None) or values.get("doc_type") or ""
    kind = "decision" if doc_type == "Quyết định" else "plan"
    source = "lấy từ bảng thông tin của trang web; trang không có văn bản"
    data: dict = {"kind": kind, "doc_type": doc_type or "Kế hoạch"}
    notes = [Note("", "trang web chỉ có thông tin về văn bản (số hiệu, loại, ngày, cơ quan), không có nội dung văn bản: "
                      "các phần khác để trống — cần lấy bản gốc", meta.where.get("number", ""))]
    if not doc_type:
        data["_doc_type_inferred"] = True
    if so and so[0]:
        data["number"], data["symbol"], data["_number_text"] = so[0], so[2], number_text
        if so[1]:
            data["number_year"] = so[1]
        notes.append(Note("number", f"số, ký hiệu '{number_text}' {source}", meta.where.get("number", "")))
    try:
        when = parse_date(values["date"]) if values.get("date") else None
    except ValueError:
        when = None
    if when is not None:
        data["date"] = when
        notes.append(Note("date", f"ngày ban hành {when:%d/%m/%Y} {source}", meta.where.get("date", "")))
    issuer = values.get("issuer") or ""
    if _BODY_NAME_RE.match(issuer):
        data["issuer"] = {"name": issuer, "level": level_of(issuer)}
        notes.append(Note("issuer", f"cơ quan ban hành '{issuer}' {source}", meta.where.get("issuer", "")))
    else:
        notes.append(Note("issuer", "trang không ghi tên cơ quan ban hành; để trống — cần bổ sung"))
    if kind == "decision":
        said = [values.get("page_title") or ""] + [line.text for line in lines if number_text in line.text]
        data["subject"] = next((x for x in (decision_subject(t, None) for t in said if t) if x != "khác"), "khác")
    for field_, what in (("place", "địa danh"), ("title", "trích yếu"), ("signer", "người ký")):
        notes.append(Note(field_, f"trang không in {what} của văn bản; để trống — cần bổ sung từ bản gốc"))
    if values.get("signer"):
        notes.append(Note("signer.name", f"trang web ghi người ký '{values['signer']}'; văn bản không có khối chữ ký"))
    extra = [line.text for line in lines]
    notes.append(Note("", f"{len(extra)} dòng của trang web được giữ riêng (extra), không ghi vào văn bản"))
    return Parsed(kind, doc_type or "Kế hoạch", data, notes, extra=extra)


def _row_texts(lines: list[Line], tables: dict | None = None,
               spans: list[tuple[int, int, Any]] | None = None) -> list[str]:
    """Texts of lines, a table row's cells joined as "a | b | c" (a cell's paragraphs by a space).
    Each content table among them (a Word or PDF table in ``tables``, or the "a | b" rows of a web
    copy) is recorded in ``spans`` as (first row, end, table), positions in the returned list."""
    out: list[str] = []
    origin: list[tuple[int | None, int]] = []  # (top table, index of its first line) of each text
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.cell is None:
            out.append(line.text)
            origin.append((None, k))
            k += 1
            continue
        top = line.table_path[0][0] if line.table_path else line.cell[0]
        cells: dict[int, list[str]] = {}
        key = line.cell[:2]
        first = k
        while k < len(lines) and lines[k].cell is not None and lines[k].cell[:2] == key:
            cells.setdefault(lines[k].cell[2], []).append(lines[k].text)
            k += 1
        out.append(" | ".join(" ".join(parts) for _, parts in sorted(cells.items())))
        origin.append((top, first))
    if spans is not None:
        n = 0
        while n < len(out):
            top, first = origin[n]
            end = n
            while end < len(out) and origin[end][0] == top:
                end += 1
            if top is not None:
                nested = any(len(line.table_path) > 1 for line in lines[first:origin[end - 1][1] + 1])
                table = (tables or {}).get(top) if not nested else None
                if table is None and not nested and not lines[first].table_path:
                    last = origin[end][1] if end < len(out) else len(lines)
                    table = table_from_cells(_cell_rows(lines[first:last]))  # rows "a | b | c" of a web copy
                if table is not None:
                    spans.append((n, end, table))
            n = max(end, n + 1)
    return out


def _with_table_blocks(texts: list[str], spans: list[tuple[int, int, Any]]) -> list:
    """The attached part with each content table's rows replaced by its table block."""
    out: list = []
    k = 0
    for start, end, table in sorted(spans, key=lambda span: span[0]):
        out += texts[k:start]
        out.append({"table": table.model_dump(mode="json", exclude_defaults=True)})
        k = end
    return out + texts[k:]


def _same_wording(doc: Parsed, model) -> str | None:
    """Where the model would print the articles otherwise than the document does (None when it prints them the same)."""
    printed = [" ".join(x for x in (item.get("label", ""), item["text"].strip()) if x) for item in article_items(model)]
    read: list[str] = []
    for n, article in enumerate(doc.data.get("articles", []), 1):
        lines = _lines(article)
        read.append(f"Điều {n}. {lines[0]}" if lines else f"Điều {n}.")
        read += lines[1:]
    key = lambda t: fold(re.sub(r"[\s./;:,]+", " ", t), lower=True).strip()  # noqa: E731
    for a, b in zip(printed + [""] * len(read), read + [""] * len(printed)):
        if key(a) != key(b):
            return f"mô hình in '{a[:70]}' thay cho '{b[:70]}'"
    return None


def _as_ocop_kind(doc: Parsed, kind: str) -> None:
    """A council or recognition decision read into its own model when it fits and the model prints
    its articles word for word as the document does; else it stays general, with the reason."""
    reader = {"council_decision": council_decision, "recognition_decision": recognition_decision}[kind]
    what = {"council_decision": "về Hội đồng OCOP", "recognition_decision": "công nhận kết quả đánh giá, phân hạng"}[kind]
    notes: list[Note] = []
    data, why = reader(doc.data, notes)
    if data is not None:
        try:
            model = kinds.get(kind).model.model_validate(public(data))
            why = _same_wording(doc, model) or ""
        except (ValueError, RuleViolation) as exc:  # pydantic's ValidationError, a field rule, an OCOP rule (dates of căn cứ)
            why = str(exc).strip().splitlines()[-1].strip() if str(exc).strip() else type(exc).__name__
        if why:
            data = None
    if data is None:
        doc.notes.append(Note("kind", f"quyết định {what} chưa đọc được theo mô hình {kind} ({why}); "
                                      "giữ nguyên dạng quyết định chung (kind: decision)"))
        return
    doc.kind, doc.data = kind, data
    doc.notes = [n for n in doc.notes if n.field != "attached"] + notes


def _merge_type_lines(lines: list[Line]) -> list[Line]:
    """A type name a web copy wrapped ("KẾ" / "HOẠCH", "QUYẾT" / "ĐỊNH") made one line again."""
    out: list[Line] = []
    typed = False
    for k, line in enumerate(lines):
        if out and out[-1].text.isupper() and line.text.isupper() and len(out[-1].text) < 12 \
                and type_name(out[-1].text) is None and type_name(f"{out[-1].text} {line.text}"):
            out[-1] = out[-1].with_text(f"{out[-1].text} {line.text}")
            typed = True
            continue
        typed = typed or type_name(line.text) is not None
        # "QUY CHẾ LÀM" / "VIỆC …": the type name and the start of the trích yếu on one line of the header.
        m = _TYPE_HEAD_RE.match(line.text)
        # (The Quốc hiệu above may still be wrapped: "CỘNG HOÀ XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM".)
        # "QUYẾT ĐỊNH VỀ VIỆC …": a page heading of type and trích yếu, with or without a header above.
        if m and not typed and k < 40 and line.text.isupper() and (
                is_quoc_hieu(" ".join(x.text for x in lines[:k])) or re.match(r"(?:VỀ VIỆC|V/V)\s", line.text[m.end():])):
            out.append(line.with_text(m.group(1)))
            out.append(line.with_text(line.text[m.end():].strip()))
            typed = True
            continue
        out.append(line)
    return out


_TYPE_HEAD_RE = re.compile(r"^(" + "|".join(re.escape(t.upper_name) for t in doctypes.DOC_TYPES if len(t.upper_name) > 4)
                           + r")\s+(?=\S)")


def _use_site_meta(doc: Parsed, meta: SiteMeta) -> None:
    """A field the document lacks taken from the website's metadata table, with a note saying so."""
    if meta.dropped:
        doc.notes.append(Note("", f"đã bỏ {meta.dropped} dòng của trang web (điều hướng, thông tin văn bản, văn bản liên quan…)"))
    data, values = doc.data, meta.values
    source = "lấy từ bảng thông tin của trang web, văn bản sao chép không ghi"
    if "number" not in data and values.get("number") and doc.kind in ("plan", "decision"):
        so = read_so("Số: " + values["number"])
        if so and so[0]:
            data["number"] = so[0]
            data["_number_text"] = values["number"]
            if so[1]:
                data["number_year"] = so[1]  # "29/2019/QĐ-UBND", printed again as read
            if so[2] and so[2] != data.get("symbol"):
                data["symbol"] = so[2]
            doc.notes = [n for n in doc.notes if n.field != "number"]
            doc.notes.append(Note("number", f"số, ký hiệu '{values['number']}' {source}", meta.where.get("number", "")))
    if doc.kind == "decision" and not data.get("title") and values.get("page_title") and data.get("subject") in (None, "khác"):
        subject = decision_subject(values["page_title"], None)
        if subject != "khác":
            data["subject"] = subject
            doc.notes.append(Note("subject", f"bản sao không có trích yếu; quyết định này '{subject}' theo tiêu đề của trang web "
                                             f"('{values['page_title'][:80]}')", meta.where.get("page_title", "")))
    if data.get("date") is None and values.get("date"):
        try:
            when = parse_date(values["date"])
        except ValueError:
            when = None
        if when is not None:
            data["date"] = when
            data.pop("draft_year", None)
            doc.notes = [n for n in doc.notes if n.field != "date"]
            doc.notes.append(Note("date", f"ngày ban hành {when:%d/%m/%Y} {source}", meta.where.get("date", "")))
    if not data.get("issuer") and values.get("issuer") and doc.kind in ("plan", "decision"):
        # "Nơi ban hành: Tỉnh Lai Châu" names a UBND only when the text says a UBND issues it.
        m = re.match(r"^(Tỉnh|Huyện|Xã|Thị xã|Thành phố|Quận|Phường|Thị trấn)\s+(\S.*)$", values["issuer"], re.I)
        texts = " ".join([data.get("title") or "", *(p for p in data.get("preamble", []) if isinstance(p, str))])
        if m and re.search(rf"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+{m.group(1).lower()}\b", texts):
            name = f"Ủy ban nhân dân {m.group(1).lower()} {m.group(2)}"
            data["issuer"] = {"name": name, "level": level_of(name), "abbreviation": "UBND"}
            doc.notes = [n for n in doc.notes if n.field != "issuer"]
            doc.notes.append(Note("issuer", f"cơ quan ban hành '{name}' {source}", meta.where.get("issuer", "")))
    issuer = data.get("issuer") or {}
    if issuer.get("level") == "khac" and values.get("issuer") and level_of(values["issuer"]) != "khac" \
            and re.match(r"^(Ủy ban nhân dân|Hội đồng nhân dân|Chủ tịch Ủy ban nhân dân)$", issuer.get("name", ""), re.I):
        issuer["level"] = level_of(values["issuer"])
        doc.notes.append(Note("issuer.level", f"cấp đọc từ bảng thông tin của trang web ('{values['issuer']}'); "
                                              "phần đầu văn bản chỉ ghi tên cơ quan, không ghi cấp", meta.where.get("issuer", "")))
    if values.get("signer") and not (data.get("signer") or {}).get("name"):
        doc.notes.append(Note("signer.name", f"trang web ghi người ký '{values['signer']}'; văn bản sao chép không có khối chữ ký",
                              meta.where.get("signer", "")))


def _used_footnote_texts(doc: Parsed) -> set[str]:
    """The footnote texts a paragraph of the document (or of its attachments) carries."""
    texts: set[str] = set()

    def walk(blocks):
        for block in blocks:
            if isinstance(block, dict):
                for note in block.get("footnotes", []):
                    texts.add(note["text"])
                walk(block.get("content", []))

    for d in [doc, *doc.attachments]:
        walk(d.data.get("body", []))
        walk(d.data.get("plan", {}).get("body", []))
    return texts


def _join(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    run: list[Line] = []
    for line in lines:
        if line.cell is not None:
            out.extend(join_broken(run))
            run = []
            out.append(line)
        else:
            run.append(line)
    out.extend(join_broken(run))
    return out


def _decision_ref(doc: Parsed) -> dict | None:
    if doc.kind != "decision":
        return None
    data = doc.data
    return {k: data.get(k) for k in ("number", "symbol", "date", "title") if data.get(k) is not None} | {
        "issuer": (data.get("issuer") or {}).get("name")
    }


def _inherit(doc: Parsed, main: Parsed) -> None:
    """An attached document takes the issuer, place and signer of the decision that issues it."""
    data, parent = doc.data, main.data
    if not data.get("issuer") and parent.get("issuer"):
        data["issuer"] = dict(parent["issuer"])
    if "place" not in data and parent.get("place"):
        data["place"] = parent["place"]
        doc.notes = [n for n in doc.notes if n.field != "place"]
    if not data.get("signer") and parent.get("signer"):
        data["signer"] = dict(parent["signer"])
        doc.notes = [n for n in doc.notes if not n.field.startswith("signer")]
        doc.notes.append(Note("signer", "văn bản kèm theo không có chữ ký riêng; lấy người ký của quyết định ban hành"))
    if data.get("date") is None and data.get("draft_year") is None and parent.get("date"):
        data["draft_year"] = parent["date"].year


def _document(lines: list[Line], at: int, type_: str, source: Source, site_number: str | None = None) -> Parsed:
    """One document of the lines (its type line at ``at``, -1 when the copy lost it); ``site_number`` is
    the Số the website's metadata or page title gives, evidence of the type when nothing else shows it."""
    notes: list[Note] = []
    if at >= 0:
        header = read_header(lines[:at]) if at > 0 else read_header([])
        i = at + 1
    else:
        # No type line ("QUYẾT ĐỊNH" lost in the copy): the header zone ends at its last header line.
        i = header_end(lines)
        header = read_header(lines[:i])
        at = i - 1 if i > 0 else -1
    notes.extend(header.notes)
    site_symbol = (read_so_text(site_number) or (None, None, None))[2] if site_number and not header.symbol else None
    printed = _type_of_symbol(header.symbol or site_symbol)  # a ký hiệu names its type as surely as a type line
    doc_type = type_ or printed or ("Công văn" if header.vv else "") or _type_from_evidence(header.symbol or site_symbol, lines[i:])
    inferred = not (type_ or printed)  # the document prints no type: what the parser takes it for is its guess
    if doc_type and inferred and not header.vv:
        notes.append(Note("doc_type", f"không có dòng tên loại văn bản; nhận là {doc_type} theo nội dung"))
    elif doc_type and not type_ and not header.vv:
        notes.append(Note("doc_type", f"không có dòng tên loại văn bản; nhận là {doc_type} theo ký hiệu"))
    if not doc_type:
        notes.append(Note("doc_type", "không tìm thấy tên loại văn bản (KẾ HOẠCH, QUYẾT ĐỊNH…); coi là Kế hoạch"))
        doc_type = "Kế hoạch"
    # Trích yếu: the line after the type name, and its continuation lines.
    title_lines: list[Line] = []
    if header.vv:
        title = header.vv
    else:
        while i < len(lines) and len(title_lines) < 4:
            line = lines[i]
            text = line.text
            if is_rule(text):
                i += 1
                if title_lines:
                    break
                continue
            if title_lines and not _continues_title(title_lines, line, source.engine_styles):
                break
            if not title_lines and (_not_a_title(text) or text.startswith("(") or (not type_ and _starts_content(text))
                                    or (doc_type in ("Quyết định", "Nghị quyết") and _is_authority_text(text))):
                break  # the copy lost its trích yếu: the thẩm quyền line follows the header
            title_lines.append(line)
            i += 1
        title = normalise(" ".join(line.text for line in title_lines))
    if title and title.isupper():
        fixed = sentence_case(title)
        notes.append(Note("title", f"trích yếu viết hoa toàn bộ; đã chuyển thành '{fixed}' — cần kiểm tra chữ hoa", title_lines[0].where() if title_lines else ""))
        title = fixed
    if not title:
        notes.append(Note("title", "không đọc được trích yếu"))
        # A decision's model keeps it empty; a plan's needs one, so a visible placeholder stands in.
        title = None if doc_type == "Quyết định" else "…"
    # "(Kèm theo Quyết định số …)" — possibly over two lines.
    parent = None
    while i < len(lines) and (is_rule(lines[i].text)):
        i += 1
    if i < len(lines) and is_kem_theo(lines[i].text, bracketed=False):
        text = lines[i].text
        j = i + 1
        while ")" not in text and j < len(lines) and j - i < 3:
            text = normalise(text + " " + lines[j].text)
            j += 1
        parent = read_kem_theo(text)
        i = j
    while i < len(lines) and is_rule(lines[i].text):
        i += 1
    # Authority line of a Quyết định ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "CHỦ TỊCH ỦY BAN NHÂN DÂN …").
    authority = None
    if doc_type in ("Quyết định", "Nghị quyết", "Nghị định") and i < len(lines):
        text = lines[i].text
        # Only a body or its head: a capitalised site brand ("… | VNC") is no thẩm quyền.
        if _is_authority_text(text) and not is_enacting(text) and not match_label(text) and not is_rule(text):
            authority = text
            i += 1
            # "HỘI ĐỒNG NHÂN DÂN TỈNH …" / "KHÓA XVIII – KỲ HỌP THỨ 13": the session line is part of it.
            while i < len(lines) and lines[i].text.isupper() and re.match(r"^(KHÓA|KHOÁ|KỲ HỌP)\b", lines[i].text):
                authority = f"{authority} {lines[i].text}"
                i += 1
    # Tail: from "Nơi nhận" or the first signer line after the content.
    tail_at = next((k for k in range(i, len(lines)) if _is_tail_start(lines[k]) or
                    (lines[k].cell is not None and _row_has_tail(lines, k))), len(lines))
    content = lines[i:tail_at]
    tail_lines = lines[tail_at:]
    # Annexes and other trailing material after the closing paragraph.
    extra: list[str] = []
    annex_tables: list[tuple[int, int, Any]] = []  # the content tables among ``extra`` (rows start, end)
    content, closing, after = _closing(content)
    annex_at = next((k for k, line in enumerate(tail_lines) if _ANNEX_RE.match(line.text) and line.text.isupper()), None)
    if annex_at is not None:
        annex = tail_lines[annex_at:]
        tail_lines = tail_lines[:annex_at]
    else:
        annex = []
    if after or annex:
        # Lines after the closing that belong to the tail (a signer block typed before Nơi nhận); an
        # annex after the signature is never the tail ("Bưởi Phúc Trạch" in a product list is no signer).
        kept = [line for line in after if _tail_like(line)]
        tail_lines = kept + tail_lines
        extra = _row_texts([line for line in after if not _tail_like(line)] + annex, source.tables, annex_tables)
        after = after + annex
        if extra:
            notes.append(Note("", f"{len(extra)} đoạn sau phần nội dung (phụ lục, danh sách…) không thuộc mô hình; được giữ riêng (extra)", after[0].where()))

    engine = source.engine_styles
    if doc_type == "Quyết định":
        data, more = _decision(content, engine, notes)
        kind = "decision"
    elif doc_type == "Nghị quyết":
        # Căn cứ, "QUYẾT NGHỊ:", then articles: a decision's frame. The engine has no model of a
        # resolution yet: what is read is kept as data, said so by the validation.
        data, more = _decision(content, engine, notes)
        kind = "resolution"
    else:
        data, more = _plan_content(content, engine, notes, doc_type, source.footnotes, source.tables)
        kind = "plan"
    annex_tables = [(start + len(more), end + len(more), table) for start, end, table in annex_tables]
    extra = more + extra
    # ---- header fields
    issuer = dict(header.issuer) if header.issuer else None
    issuer_lines = header.issuer_lines
    if issuer is None and authority:
        # The thẩm quyền line names the body ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "… KHÓA XVIII – KỲ HỌP THỨ 13").
        body = re.sub(r"\s+(KHÓA|KHOÁ|KỲ HỌP)\b.*$", "", re.sub(r"^CHỦ TỊCH\s+", "", authority))
        issuer = {"name": restore_case(body)}
        notes.append(Note("issuer", f"phần đầu văn bản không có tên cơ quan ban hành; lấy từ dòng thẩm quyền '{authority}'"))
    if issuer is None and parent and parent.get("issuer"):
        guess = issuer_from_text(parent["issuer"])
        if guess:
            issuer = {"name": guess}
    if issuer is None:
        text = " ".join([*(b["text"] if isinstance(b, dict) else b for b in data.get("preamble", [])), title or "", closing or ""])
        # The body that issues ("UBND huyện Bến Cầu ban hành Kế hoạch …", "… của UBND huyện Bến Cầu" closing
        # "Trên đây là …"), never a body a citation names ("Thực hiện Kế hoạch số 5 của UBND tỉnh …").
        issuing = [m.group(0) for m in _ISSUING_RE.finditer(text)] + ([closing] if closing else [])
        guess = next((g for g in map(issuer_from_text, issuing) if g), None)
        if guess is None and header.place:
            m = re.search(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|huyện|xã|thị xã|thành phố|quận|phường|thị trấn)\b", text)
            if m:
                guess = f"Ủy ban nhân dân {m.group(1)} {header.place}"
        if guess:
            issuer = {"name": guess}
            notes.append(Note("issuer", f"phần đầu văn bản không có tên cơ quan ban hành; suy ra từ nội dung: '{guess}'"))
        elif at >= 0 or parent is None:
            notes.append(Note("issuer", "không đọc được cơ quan ban hành"))
    if issuer is not None:
        issuer.setdefault("level", level_of(issuer["name"]))
        if issuer["level"] == "khac":
            found = _level_from_text(authority, title, data, issuer["name"], header.place)
            if found:
                issuer["level"], said = found
                notes.append(Note("issuer.level", f"tên cơ quan '{issuer['name']}' không ghi cấp; cấp đọc từ {said}"))
        abbreviation = None
        if header.symbol and "-" in header.symbol:
            abbreviation = header.symbol.split("-", 1)[1]
            if "-" in abbreviation:
                abbreviation = abbreviation.split("-")[0]
        if not abbreviation:
            abbreviation = "UBND" if fold(issuer["name"], lower=True).startswith("uy ban nhan dan") else _abbreviate(issuer["name"])
        issuer["abbreviation"] = abbreviation
        default_lines = _default_name_lines(issuer["name"])
        # A web copy wraps the name where its page was narrow, not where the document did.
        if issuer_lines and source.kind != "txt" and [normalise(x).upper() for x in issuer_lines] != default_lines:
            issuer["name_lines"] = [normalise(x) for x in issuer_lines]
    tail = read_tail(tail_lines, (issuer or {}).get("name"))
    notes.extend(tail.notes)
    if tail.extra:
        extra.extend(tail.extra)
        notes.append(Note("", f"{len(tail.extra)} dòng ở khối nơi nhận/chữ ký không đặt được; được giữ riêng (extra)"))
    data = {"kind": kind, "issuer": issuer, "doc_type": doc_type, **data}
    if inferred:
        data["_doc_type_inferred"] = True  # not printed: the checker and the accuracy report know it is a guess
    if header.number is not None:
        data["number"] = header.number
    if header.number_text:
        data["_number_text"] = header.number_text  # as printed (leading zeros, the year of a normative act)
    if header.year_in_number:
        data["number_year"] = header.year_in_number  # printed again as read: "25/2022/QĐ-UBND"
        notes.append(Note("number", f"số văn bản có năm ({header.number}/{header.year_in_number}/{header.symbol}): "
                          "đây là văn bản quy phạm pháp luật"))
    if header.symbol:
        # Kept as printed; left out only when the model's default prints exactly the same.
        type_abbr = doctypes.doc_type(doc_type).abbreviation if _known_type(doc_type) else None
        default = symbol_for(type_abbr, issuer["abbreviation"]) if issuer else None
        if header.symbol != default:
            data["symbol"] = header.symbol
    # The place is what the place-and-date line prints; never made up from the body's name (ô 4 may name
    # another place: "Vinh" for a body of tỉnh Nghệ An), only proposed to the reader.
    place = header.place
    if place:
        data["place"] = place
    else:
        guess = place_of(issuer["name"]) if issuer else None
        why = "không có dòng địa danh, ngày tháng" if not header.date_seen else "dòng ngày tháng không ghi địa danh"
        notes.append(Note("place", f"{why}; để trống — cần bổ sung" + (f" (theo tên cơ quan có thể là '{guess}')" if guess else "")))
        data["place"] = "…"
    if header.date:
        data["date"] = header.date
    if kind == "plan":
        year, end_year = plan_years(title, data, header)
        if year is None:
            years = Counter(int(y) for y in re.findall(r"\bnăm\s+((?:19|20)\d{2})\b", " ".join(_texts(data))))
            if years:
                year = years.most_common(1)[0][0]
                notes.append(Note("year", f"trích yếu không ghi năm của kế hoạch; lấy năm {year} (năm xuất hiện nhiều nhất trong nội dung)"))
            elif header.date_year:
                year = header.date_year
                notes.append(Note("year", f"trích yếu không ghi năm của kế hoạch; lấy năm {year} của ngày ban hành"))
            else:
                # No year anywhere: left empty for the reader, never a made-up one.
                notes.append(Note("year", "văn bản không ghi năm của kế hoạch (trích yếu, nội dung, ngày ban hành); để trống — cần bổ sung"))
        if year is not None:
            data["year"] = year
        if end_year and end_year != year:
            data["end_year"] = end_year
    if not header.date:
        draft_year = header.date_year or (data.get("year") if kind == "plan" else None)
        if draft_year:
            data["draft_year"] = draft_year
        if not header.date_seen and at > 0 and parent is None:
            notes.append(Note("date", "không có dòng ngày tháng; để trống như bản dự thảo"))
        elif at <= 0 and parent is None:
            notes.append(Note("number", "không có phần đầu văn bản (số, ngày); để trống như bản dự thảo"))
    data["title"] = title
    if closing:
        data["closing"] = closing
    if tail.signer is None:
        # Never a default signer: the field stays empty and is listed as missing.
        notes.append(Note("signer", "văn bản không có khối chữ ký (quyền hạn, chức vụ, họ tên người ký); để trống — cần bổ sung"))
    else:
        data["signer"] = tail.signer
    if tail.recipients:
        data["recipients"] = tail.recipients
    # None when the document shows no "Lưu:" line: the model's default "VT" would be made up.
    data["archive"] = tail.archive or None
    if tail.kinh_gui:
        data.setdefault("preamble", []).insert(0, "Kính gửi: " + "; ".join(tail.kinh_gui))
        notes.append(Note("preamble", "dòng 'Kính gửi' không có trong mô hình; ghi vào đoạn mở đầu"))
    if authority and kind == "decision":
        data["authority"] = authority
    elif authority:
        data["_authority"] = authority  # a Nghị quyết's "HỘI ĐỒNG NHÂN DÂN TỈNH … KHÓA …": read, not modelled
    if not closing and not tail_lines and content and not content[-1].text.rstrip().endswith((".", "./.", ":", ";")):
        notes.append(Note("", "văn bản có vẻ bị cắt cụt: không có đoạn kết, nơi nhận và chữ ký; đoạn cuối dừng giữa câu",
                          content[-1].where()))
    parsed = Parsed(kind, doc_type, data, notes, extra=extra, parent=parent, extra_tables=annex_tables)
    if parent:
        notes.append(Note("", "văn bản ban hành kèm theo " + parent.get("text", "quyết định") + "; không có số, ngày riêng"))
    return parsed


_ISSUING_RE = re.compile(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|huyện|xã|thị xã|thành phố|quận|phường|thị trấn)\s+"
                         r"[^.;,]{1,60}?\s(?:ban hành|xây dựng|triển khai|báo cáo|quyết định)\b")


def read_so_text(number: str):
    """(number, year, symbol) of a Số and ký hiệu given without "Số:" ("29/2019/QĐ-UBND")."""
    return read_so("Số: " + number)


def _level_from_text(authority: str | None, title: str | None, data: dict, name: str,
                     place: str | None = None) -> tuple[str, str] | None:
    """The level of a body printed without its unit ("ỦY BAN NHÂN DÂN"), from what the document says
    of it: the thẩm quyền line, "Ủy ban nhân dân tỉnh ban hành …", or the area its trích yếu names."""
    if not re.match(r"^(Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)$", name, re.I):
        return None
    if authority and level_of(authority) != "khac":
        return level_of(authority), f"dòng thẩm quyền '{authority}'"
    preamble = " ".join(p for p in data.get("preamble", []) if isinstance(p, str))
    m = re.search(r"\b(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+(tỉnh|huyện|xã|thành phố|thị xã|quận|phường)\b",
                  preamble, re.I)
    if m:
        # "thành phố" alone is a centrally-run city (a province) or a city of a province: the
        # place-and-date line names which ("Đà Nẵng, ngày …" for Hội đồng nhân dân thành phố Đà Nẵng).
        city = place if m.group(1).lower() == "thành phố" else None
        return level_of(f"Ủy ban nhân dân {m.group(1)} {city or 'X'}"), f"câu '{m.group(0)}' của đoạn mở đầu"
    # A unit before a capitalised name ("huyện Bến Cầu"); never "Mỗi xã một sản phẩm".
    m = re.search(r"(?<!mỗi )(?<!Mỗi )(?<!MỖI )\b(?i:tỉnh|thành phố|huyện|thị xã|xã|phường)\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]", title or "")
    if m:
        return level_of(f"Ủy ban nhân dân {m.group(0)}"), f"địa bàn ghi trong trích yếu ('{m.group(0)}…')"
    return None


def header_end(lines: list[Line]) -> int:
    """The index after the header zone of a document without a type line (0 when it has no header)."""
    end = 0
    numbered = False  # the Số or the date line was met: a body's name after them is the thẩm quyền line
    for k, line in enumerate(lines[:40]):
        text = line.text.strip(" |")
        if numbered and text.isupper() and (is_body_head(text) or text.startswith("CHỦ TỊCH")):
            break
        if SO_RE.match(text) or DATE_RE.search(text) and ", ngày" in text:
            numbered = True
            end = k + 1
        elif re.match(r"^V/[vV]\b", text):
            end = k + 1  # the trích yếu of a công văn sits in its header, under the Số
        elif (is_rule(text) or is_quoc_hieu(text) or is_tieu_ngu(text)
                or (text.isupper() and is_body_head(text) and len(text) < 90)):
            end = k + 1
        elif text.startswith(BASIS_VERBS) or match_label(text) or is_enacting(text):
            break
    return end


def _type_of_symbol(symbol: str | None) -> str:
    """The document type a ký hiệu names ("QĐ-UBND" → Quyết định), or ""."""
    if symbol:
        abbreviation = symbol.split("-", 1)[0]
        for t in doctypes.DOC_TYPES:
            if t.abbreviation and t.abbreviation == abbreviation:
                return t.name
    return ""


# The sentence a document without its type line says what it is in: "… ban hành “Hướng dẫn …”", "Sở … thông báo …".
_SAYS_TYPE_RE = re.compile(r"\b(?:ban hành|xây dựng)\s+[“\"]?(?P<issued>Kế hoạch|Hướng dẫn|Quy chế|Quy định|Chương trình|Phương án|Đề án)\b"
                           r"|\b(?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Phòng|Hội đồng|Văn phòng|Chi cục)\b[^.;:]{0,120}?\s(?P<verb>thông báo|báo cáo)\s")


def _type_from_evidence(symbol: str | None, lines: list[Line]) -> str:
    """The document type a copy without its type line and type symbol shows: a công văn's ký hiệu,
    articles, or the sentence saying what the document is."""
    if symbol and "-" in symbol and not _type_of_symbol(symbol):
        return "Công văn"  # ND30-SO-04: a công văn's ký hiệu names the body, not a type ("73/UBND-TH")
    if any(re.match(r"^Điều\s+1\s*[.:]", line.text) for line in lines[:400]) \
            or any(is_enacting(line.text) for line in lines[:200]):
        return "Quyết định"
    for line in lines[:30]:
        text = line.text
        if text.startswith(BASIS_VERBS):
            # A căn cứ names other documents; only an enacting clause glued to its end speaks of this one.
            text = split_citations(text)[1] or ""
        m = _SAYS_TYPE_RE.search(text)
        if m:
            return m.group("issued") or {"thông báo": "Thông báo", "báo cáo": "Báo cáo"}[m.group("verb")]
    return ""


def _known_type(name: str) -> bool:
    try:
        doctypes.doc_type(name)
        return True
    except KeyError:
        return False


def _abbreviate(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", fold(name)) if w and w.lower() not in ("va", "cua")]
    return "".join(w[0].upper() for w in words[:6]) or "UBND"


def _default_name_lines(name: str) -> list[str]:
    try:
        return Issuer(name=name).header_lines()
    except Exception:
        return [name.upper()]


def _texts(data: dict) -> list[str]:
    out = []

    def walk(blocks):
        for b in blocks:
            if isinstance(b, str):
                out.append(b)
            elif isinstance(b, dict):
                if "heading" in b:
                    out.append(b["heading"])
                    walk(b.get("content", []))
                elif "target" in b:
                    out.append(b["target"]["text"])

    walk(data.get("body", []))
    out.extend(data.get("preamble", []))
    return out


def _continues_title(title_lines: list[Line], line: Line, engine: bool) -> bool:
    text = line.text
    if _starts_content(text) or text.startswith("(") or is_enacting(text):
        return False
    first = title_lines[0]
    if engine:
        return line.style == first.style == "ND30 - Trích yếu"
    if first.text.isupper() and text.isupper():
        # "BAN HÀNH KẾ HOẠCH …" over two lines; an authority line ("ỦY BAN NHÂN DÂN TỈNH …") is not.
        return not is_body_head(text) and not text.startswith("CHỦ TỊCH")
    if first.bold is True and line.bold is True and (first.align or "") == (line.align or "") and first.align == "center":
        return True
    return False


def _is_authority_text(text: str) -> bool:
    """A THẨM QUYỀN BAN HÀNH line: "ỦY BAN NHÂN DÂN TỈNH …", "CHỦ TỊCH ỦY BAN NHÂN DÂN …", "BỘ TRƯỞNG …"."""
    return text.isupper() and is_issuing_authority(text)


def _not_a_title(text: str) -> bool:
    """The first line after the type name is the trích yếu unless it is plainly content."""
    return (text.startswith("Căn cứ ") or is_kinh_gui(text) or match_label(text) is not None or len(text) > 350
            or (";" in text and re.search(r"\bsố\s*\d", text) is not None))


def _starts_content(text: str) -> bool:
    return (text.startswith(BASIS_VERBS) or match_label(text) is not None or is_kinh_gui(text)
            or bool(re.match(r"^(Căn cứ|Thực hiện|Theo|Xét)\b", text)))


def _row_has_tail(lines: list[Line], k: int) -> bool:
    cell = lines[k].cell
    if cell is None:
        return False
    table, row, _ = cell
    return any(line.cell is not None and line.cell[0] == table and line.cell[1] == row and _is_tail_start(line)
               for line in lines[max(0, k - 40): k + 40])


def _tail_like(line: Line) -> bool:
    t = line.text
    return bool(is_noi_nhan(t) or is_authority_line(t) or garbled_authority(t) is not None
                or is_signer_title(t) or is_name(t) or is_signature_mark(t) or (t.startswith(("-", "–")) and is_luu(t)))


def _closing(content: list[Line]) -> tuple[list[Line], str | None, list[Line]]:
    """The content without its closing paragraph, the closing text, and the lines after it."""
    for k in range(len(content) - 1, -1, -1):
        if _CLOSING_RE.match(content[k].text) and match_label(content[k].text) is None:
            closing = strip_end_punctuation(content[k].text)
            return content[:k], closing, content[k + 1:]
    # No "Trên đây": the paragraph carrying the end mark ends the content.
    for k in range(len(content) - 1, -1, -1):
        if content[k].text.rstrip().endswith(END_MARK):
            line = content[k]
            text = strip_end_punctuation(line.text)
            if text and text[-1].isalnum():
                text += "."
            return content[:k] + [line.with_text(text)], None, content[k + 1:]
    return content, None, []


_PHRASES = {
    "mỗi xã một sản phẩm": "Mỗi xã một sản phẩm", "kế hoạch": "Kế hoạch", "chương trình": "Chương trình",
    "quyết định": "Quyết định", "đề án": "Đề án", "ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng": "Hội đồng",
}
_ACRONYMS = {"OCOP", "UBND", "HĐND", "MTQG", "NTM", "PTNT", "NN&PTNT", "NN&MT", "TW", "CTMTQG"}
_AFTER_PLACE_STOP = {"năm", "giai", "đến", "trên", "và", "với", "một", "mỗi", "các", "của", "tại", "theo"}


_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?$"
)


def is_syllable(word: str) -> bool:
    """Whether a lower-case word can be one Vietnamese syllable ("huyện" yes; "htx", "ocop" no)."""
    return bool(_SYLLABLE_RE.match(word))


def sentence_case(text: str) -> str:
    """A title printed in capitals written in sentence case: place names, acronyms and a few
    names of acts kept capitalised ("… CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM TỈNH QUẢNG NAM NĂM 2020" →
    "… Chương trình Mỗi xã một sản phẩm tỉnh Quảng Nam năm 2020")."""
    words = text.split()
    out: list[str] = []
    place = 0
    for i, word in enumerate(words):
        low = word.lower()
        bare = low.strip("()“”\"',.;:")
        if word in _ACRONYMS or re.search(r"\d", word) or (bare and not is_syllable(bare)):
            out.append(word)  # an acronym ("HTX", "NN&PTNT"): no Vietnamese syllable is written so
            place = 0
            continue
        if place and low not in _AFTER_PLACE_STOP:
            out.append(title_words(low))
            place = 0 if word.endswith((",", ";", ")")) else place - 1  # "xã Tân Hòa, huyện …"
            continue
        place = 0
        out.append("Sở" if low == "sở" else low)
        prev = words[i - 1].lower() if i else ""
        if low in ("tỉnh", "huyện", "phường", "quận") or (low == "phố" and prev == "thành") or (low == "xã" and prev == "thị") \
                or (low == "xã" and prev not in ("mỗi",)):
            place = 3
    result = " ".join(out)
    for phrase, fixed in _PHRASES.items():
        result = re.sub(rf"\b{phrase}\b", fixed, result)
    return result[:1].upper() + result[1:]


def plan_years(title: str, data: dict, header) -> tuple[int | None, int | None]:
    """The plan's year (and last year of a period) from its trích yếu."""
    m = re.search(r"giai đoạn\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", title, re.I)
    if m:
        return int(m.group(1)), int(m.group(2))
    years = re.findall(r"\bnăm\s+((?:19|20)\d{2})\b", title, re.I)
    if years:
        return int(years[-1]), None
    m = re.search(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b", title)
    if m:
        return int(m.group(1)), int(m.group(2))
    return None, None


# ---------------------------------------------------------------- content of a plan
def split_citations(text: str) -> tuple[list[dict], str | None]:
    """A căn cứ paragraph that cites several acts ("Thực hiện A; B; C; UBND tỉnh ban hành …") split
    into one basis per act, and the enacting clause left at its end (a preamble), if any."""
    verb = next((v for v in BASIS_VERBS if text.startswith(v + " ")), "")
    body = text[len(verb):].strip() if verb else text
    pieces = _split_top(body, ";")
    # "… của Thủ tướng Chính phủ. Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" — the enacting
    # sentence glued to the last citation is the preamble, not part of the căn cứ.
    glued = _ENACTING_RE.search(pieces[-1]) or _INTRO_TAIL_RE.search(pieces[-1])
    if glued is None and (len(pieces) > 1 or text.startswith(("Theo đề nghị", "Xét đề nghị"))):
        # "…; Quyết định số 888/QĐ-UBND … năm 2030, Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" —
        # the enacting clause after the comma that closes the last citation.
        glued = _PROPOSAL_TAIL_RE.search(pieces[-1])
    if glued:
        pieces[-1:] = [pieces[-1][: glued.start() + 1], pieces[-1][glued.end():]]
    bases: list[dict] = []
    rest: list[str] = []
    for k, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            continue
        if rest:
            rest.append(piece)
            continue
        if k > 0 and _PROPOSAL_RE.match(piece):
            bases.append({"verb": "", "text": strip_end_punctuation(piece)})  # "trên cơ sở … Tờ trình số …"
        elif k == 0 or _CITATION_START_RE.match(piece):
            bases.append({"verb": verb if k == 0 else "", "text": strip_end_punctuation(piece)})
        else:
            sub_verb = next((v for v in BASIS_VERBS if piece.startswith(v + " ")), None)
            if sub_verb:
                bases.append({"verb": sub_verb, "text": strip_end_punctuation(piece[len(sub_verb):].strip())})
            elif bases and not _ENACTING_START_RE.match(piece) and not re.search(r"\bnhư sau\s*:?\s*$", piece):
                # "…; số: 1760/QĐ-TTg ngày …": the same citation goes on after the ";" — never lost.
                bases[-1]["text"] = f"{bases[-1]['text']}; {strip_end_punctuation(piece)}"
            else:
                rest.append(piece)
    preamble = "; ".join(rest) if rest else None
    return bases, preamble


_ENACTING_RE = re.compile(
    r"\.\s+(?=(?:Ủy ban|Uỷ ban|UBND|Chủ tịch|Giám đốc|Sở|Ban|Phòng|Hội đồng|Văn phòng)\b[^.;]*?"
    r"\b(?:ban hành|xây dựng|triển khai|như sau|quyết định|báo cáo|thông báo|hướng dẫn)\b)"
)


# "… của Ban Thường vụ Tỉnh ủy. Mục tiêu kế hoạch cụ thể như sau:" — a last sentence that opens what follows.
_INTRO_TAIL_RE = re.compile(r"(?<=[^\s.]{3})\.\s+(?=[A-ZĐÀ-Ỹ][^.;]{0,200}:\s*$)")
# A proposal printed without "Theo/Xét đề nghị của": "Xét Tờ trình số …", "trên cơ sở báo cáo và đề xuất tại Tờ trình …",
# "sau khi xem xét đề nghị của … tại Tờ trình …".
_PROPOSAL_RE = re.compile(r"^(?:Xét(?! đề nghị của\b)|[Tt]rên cơ sở|[Ss]au khi xem xét)\s+(?:[^;]{0,80}?\s)?(?:Tờ trình|đề nghị|đề xuất)\b")


def proposal_of(bases: list[dict]) -> str | None:
    """The text of a proposal printed among the căn cứ without a verb of its own ("Xét Tờ trình số …")."""
    for basis in bases:
        if not basis.get("verb") and _PROPOSAL_RE.match(basis["text"]):
            return basis["text"]
    return None


# The comma where a citation ends and its purpose or the enacting clause begins.
_PURPOSE_RE = re.compile(r",\s+(?=(?:nhằm|để)\s|(?:Ủy ban|Uỷ ban|UBND|Chủ tịch|Hội đồng)\b[^.;]*?\b(?:ban hành|xây dựng|triển khai|báo cáo)\b)")
_ENACTING_START_RE = re.compile(r"^(?:Ủy ban|Uỷ ban|UBND|Chủ tịch|Hội đồng|HĐND|Giám đốc|Sở|Ban|Phòng|Văn phòng)\b")
_PROPOSAL_TAIL_RE = re.compile(
    r",\s+(?=(?:Ủy ban|Uỷ ban|UBND|Chủ tịch|Hội đồng nhân dân|HĐND|Giám đốc|Sở)\b[^.;]*?"
    r"\b(?:ban hành|quyết nghị|quyết định|xây dựng|triển khai)\b)"
)


def _split_top(text: str, sep: str) -> list[str]:
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    quote = False
    for ch in text:
        if ch in "(“":
            depth += 1
        elif ch in ")”" and depth:
            depth -= 1
        elif ch == '"':
            quote = not quote
        if ch == sep and depth == 0 and not quote:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


def _bases_and_preamble(lines: list[Line], engine: bool, notes: list[Note]) -> tuple[list[dict], list[str]]:
    """The căn cứ lines (one per cited act) and the preamble paragraphs before the first section."""
    bases: list[dict] = []
    preamble: list[str] = []
    started = False  # a preamble paragraph was met: what follows is preamble too
    # ND30 sets căn cứ lines in italic: when the source shows it, italic is what tells them.
    italic_mode = not engine and any(line.italic is True and line.text.startswith(BASIS_VERBS) for line in lines)
    lost = _lost_verbs(lines) if not engine else set()
    for k, line in enumerate(lines):
        text = line.text
        if k in lost:
            bases.append({"verb": "", "text": strip_end_punctuation(text)})
            notes.append(Note("legal_bases", f"dòng '{text[:40]}…' đứng giữa các dòng căn cứ nhưng mất chữ mở đầu (bản sao "
                                             "lỗi); giữ nguyên văn như một dòng căn cứ — cần kiểm tra", line.where()))
            continue
        if engine:
            if line.style == "ND30 - Căn cứ":
                verb = next((v for v in BASIS_VERBS if text.startswith(v + " ")), "")
                bases.append({"verb": verb, "text": strip_end_punctuation(text[len(verb):].strip() if verb else text)})
            else:
                preamble.append(text)
            continue
        if is_kinh_gui(text):
            preamble.append(text)  # a report's addressee (ND30-RECIP-01), not a căn cứ
            continue
        if not started and _PROPOSAL_RE.match(text):
            bases.append({"verb": "", "text": strip_end_punctuation(text)})  # "Xét Tờ trình số …; Báo cáo thẩm tra …"
            continue
        starts = text.startswith(BASIS_VERBS) or bool(bases and not started and _CITATION_START_RE.match(text))
        if italic_mode:
            starts = line.italic is True and (text.startswith(BASIS_VERBS) or bool(bases and _CITATION_START_RE.match(text)))
        if starts and not started:
            found, rest = split_citations(text)
            whole = (
                # One upright paragraph holding the citation and the enacting clause: the writer's
                # preamble ("Thực hiện …; Ủy ban nhân dân huyện ban hành Kế hoạch … như sau:").
                (line.italic is False and not italic_mode and rest and re.search(r"\b(ban hành|xây dựng|triển khai)\b", rest))
                # "Thực hiện Công văn số …, UBND xã báo cáo như sau:" — one sentence, not a list of căn cứ.
                or (";" not in text and text.rstrip().endswith(":") and not _ENACTING_RE.search(text)
                    and not _INTRO_TAIL_RE.search(text)
                    and not (text.startswith(("Theo đề nghị", "Xét đề nghị")) and _PROPOSAL_TAIL_RE.search(text)))
            )
            if whole and ";" not in text and (cut := _PURPOSE_RE.search(text)) and _CITATION_START_RE.match(
                    text[len(next((v for v in BASIS_VERBS if text.startswith(v + " ")), "")):].strip()):
                # "Thực hiện Quyết định số 919/QĐ-TTg …, nhằm …, Ủy ban nhân dân thành phố ban hành … như sau:":
                # the cited act is the căn cứ, the purpose and the enacting clause the preamble.
                verb = next(v for v in BASIS_VERBS if text.startswith(v + " "))
                bases.append({"verb": verb, "text": strip_end_punctuation(text[len(verb):cut.start()].strip())})
                preamble.append(text[cut.end():].strip()[:1].upper() + text[cut.end():].strip()[1:])
                notes.append(Note("legal_bases", "câu căn cứ có cả mục đích và câu ban hành; phần sau dấu phẩy ghi vào đoạn mở đầu",
                                  line.where()))
                started = True
                continue
            if whole:
                preamble.append(text)
                started = True
                continue
            if len(found) > 1:
                notes.append(Note("legal_bases", f"một đoạn căn cứ nêu {len(found)} văn bản; tách thành từng dòng căn cứ", line.where()))
            bases.extend(found)
            if rest:
                preamble.append(rest)
                started = True
        else:
            preamble.append(text)
            started = True
    return bases, preamble


def _lost_verbs(lines: list[Line]) -> set[int]:
    """The căn cứ a copy printed without their verb ("n cứ Luật …;"): a paragraph ending with ";" among
    the first ones, followed by a căn cứ, with nothing but căn cứ before it."""
    out: set[int] = set()
    for k, line in enumerate(lines[:-1]):
        text = line.text
        if text.startswith(BASIS_VERBS):
            continue
        if not (text.rstrip().endswith(";") and lines[k + 1].text.startswith(BASIS_VERBS)):
            break
        out.add(k)
    return out


_HEAD_ONLY_RE = re.compile(r"^(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\s+(?:[IVXLC]+|\d{1,2}|thứ\s+\w+)\s*[.:]?$")


def _merge_split_heads(lines: list[Line]) -> list[Line]:
    """"Chương I" / "QUY ĐỊNH CHUNG" on two lines made one heading line."""
    out: list[Line] = []
    for line in lines:
        if out and _HEAD_ONLY_RE.match(out[-1].text) and line.text.isupper() and match_label(line.text) is None:
            out[-1] = out[-1].with_text(f"{out[-1].text.rstrip('.:')}. {line.text}")
            continue
        out.append(line)
    return out


def table_mark(n: int) -> str:
    """The text of the line that stands for content table ``n`` until the blocks are built: private-use
    characters only, so no reader of prose (targets, deadlines, labels) takes it for words or numbers."""
    return f"\ue010{chr(0xE100 + n)}\ue011"


_TABLE_MARK_RE = re.compile("^\ue010([\ue100-\uefff])\ue011$")


def _table_rows(lines: list[Line], notes: list[Note], tables: dict | None = None,
                found: list | None = None) -> list[Line]:
    """Tables inside the content: a content table (a Word table in ``tables``, or the "a | b | c" rows
    of a web copy) becomes one line marking it, its table appended to ``found``; any other table is
    kept as text, one paragraph per row, cells joined by " | " (and said so)."""
    tables = tables or {}
    found = found if found is not None else []
    out: list[Line] = []
    flattened: set[int] = set()
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.cell is None:
            out.append(line)
            k += 1
            continue
        top = line.table_path[0][0] if line.table_path else line.cell[0]
        end = k
        while end < len(lines) and lines[end].cell is not None and (
                lines[end].table_path[0][0] if lines[end].table_path else lines[end].cell[0]) == top:
            end += 1
        table = tables.get(top) if len(line.table_path) <= 1 else None
        if table is None and not line.table_path:
            table = table_from_cells(_cell_rows(lines[k:end]))  # rows "a | b | c" of a web copy
        if table is not None:
            table = _with_caption(table, out)
            wrong_total = total_disagreement(table)
            if wrong_total:  # kept as the row the document prints, never corrected; the reader is told
                notes.append(Note("body", f"{wrong_total}; dòng tổng được giữ như văn bản ghi — cần kiểm tra lại", line.where()))
            if end < len(lines) and lines[end].cell is None:
                words, wrong = in_words(table, lines[end].text)
                if words:  # "(Bằng chữ: …)" under the table: the total in words, printed again from the sum
                    table = table.model_copy(update={"in_words": True})
                    end += 1
                elif wrong:
                    notes.append(Note("body", wrong, lines[end].where()))
            found.append(table)
            out.append(line.with_text(table_mark(len(found) - 1), cell=None, table_path=(), bold=None,
                                      lead_bold=None))
            k = end
            continue
        table, row, _ = line.cell
        cells: dict[int, list[str]] = {}
        while k < len(lines) and lines[k].cell is not None and lines[k].cell[:2] == (table, row):
            cells.setdefault(lines[k].cell[2], []).append(lines[k].text)
            k += 1
        text = " | ".join(" ".join(parts) for _, parts in sorted(cells.items()))
        out.append(line.with_text(text, cell=None, bold=None, lead_bold=None))
        if table not in flattened:
            flattened.add(table)
            notes.append(Note("body", "bảng trong nội dung được giữ dưới dạng đoạn văn, mỗi hàng một đoạn (ô cách nhau bằng ' | ')",
                              line.where()))
    return out


_CAPTION_RE = re.compile(r"^(?:Bảng|Biểu)\s+(?:số\s+)?[\dIVX]+[a-z]?\s*[.:]?\s*\S", re.I)
_UNIT_RE = re.compile(r"^\(?\s*Đơn vị(?: tính)?\s*:[^()]*\)?$", re.I)


def _with_caption(table, out: list[Line]):
    """The table with the caption ("Bảng 2. …") and unit line ("(Đơn vị tính: đồng)") printed just
    above it, taken from ``out``, where they were read as paragraphs."""
    update = {}
    if out and _UNIT_RE.match(out[-1].text.strip()):
        update["unit"] = out.pop().text.strip().strip("()").strip()
    if out and _CAPTION_RE.match(out[-1].text.strip()) and len(out[-1].text) < 200:
        update["title"] = out.pop().text.strip()
    return table.model_copy(update=update) if update else table


def _cell_rows(lines: list[Line]) -> list[list[str]]:
    """The cell texts of one table's lines, row by row (a cell's paragraphs joined by a space)."""
    rows: dict[int, dict[int, list[str]]] = {}
    for line in lines:
        _, row, column = line.cell
        rows.setdefault(row, {}).setdefault(column, []).append(line.text)
    width = max((max(cells) for cells in rows.values()), default=0)
    return [[" ".join(cells.get(c, [])) for c in range(1, width + 1)] for _, cells in sorted(rows.items())]


def _put_tables(blocks, found: list) -> list:
    """The content blocks with each table mark replaced by its table block."""
    out = []
    for block in blocks:
        text = block if isinstance(block, str) else block.get("text") if isinstance(block, dict) else None
        m = _TABLE_MARK_RE.match(text.strip()) if isinstance(text, str) else None
        if m:
            out.append({"table": found[ord(m.group(1)) - 0xE100].model_dump(mode="json", exclude_defaults=True)})
            continue
        if isinstance(block, dict) and isinstance(block.get("content"), list):
            block = dict(block, content=_put_tables(block["content"], found))
        out.append(block)
    return out


def _plan_content(content: list[Line], engine: bool, notes: list[Note], doc_type: str,
                  footnotes: dict[str, str] | None = None, tables: dict | None = None) -> tuple[dict, list[str]]:
    found: list = []
    content = _merge_split_heads(_table_rows(content, notes, tables, found))
    first = next((k for k, line in enumerate(content) if _is_section_start(line, engine)), len(content))
    bases, preamble = _bases_and_preamble(content[:first], engine, notes)
    tree = build_tree(content[first:], engine)
    blocks = to_blocks(tree, notes, footnotes=footnotes)
    body = _put_tables(clean_blocks(blocks), found)
    if not body:
        if preamble:
            body = [preamble.pop()]
            notes.append(Note("body", "văn bản không có mục đánh số; nội dung ghi thành đoạn văn"))
        else:
            body = ["…"]
            notes.append(Note("body", "không đọc được nội dung văn bản"))
    data: dict = {}
    if bases:
        data["legal_bases"] = bases
        if proposal_of(bases):
            data["_proposal"] = proposal_of(bases)
    if preamble:
        data["preamble"] = preamble
    data["body"] = body
    return data, []


def _is_section_start(line: Line, engine: bool) -> bool:
    if engine:
        if line.style in ENGINE_HEADING_DEPTH:
            return True
        if line.style in ("ND30 - Căn cứ",):
            return False
    found = match_label(line.text)
    return found is not None and bool(found[1]) and found[0].kind not in ("paren",)


# ---------------------------------------------------------------- content of a decision
def _decision(content: list[Line], engine: bool, notes: list[Note]) -> tuple[dict, list[str]]:
    content = _merge_split_heads(_table_rows(content, notes))
    enact = next((k for k, line in enumerate(content) if is_enacting(line.text)), None)
    if enact is None:
        enact = next((k for k, line in enumerate(content) if re.match(r"^Điều\s+1\b", line.text)), len(content))
        if enact < len(content):
            notes.append(Note("", "không thấy dòng 'QUYẾT ĐỊNH:'; phần điều khoản bắt đầu từ 'Điều 1'"))
        before, articles_lines = content[:enact], content[enact:]
    else:
        before, articles_lines = content[:enact], content[enact + 1:]
    bases, preamble = _bases_and_preamble(before, engine, notes)
    articles: list[dict[str, Any]] = []
    for line in articles_lines:
        m = re.match(r"^Điều\s+(\d+)\s*[.:]\s*(.*)$", line.text)
        if m:
            articles.append({"label": f"Điều {m.group(1)}.", "text": [normalise(m.group(2))] if m.group(2) else []})
        elif articles:
            articles[-1]["text"].append(line.text)
        else:
            preamble.append(line.text)
    data: dict = {}
    if bases:
        data["legal_bases"] = bases
        if proposal_of(bases):
            data["_proposal"] = proposal_of(bases)
    if preamble:
        data["preamble"] = preamble
    data["articles"] = articles
    return data, []
