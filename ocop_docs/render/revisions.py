"""Tracked changes and comments: a new document as Word's Review pane shows it against an old one.

:func:`track_changes` compares two renderings made from the same template (last year's plan and
this year's draft), paragraph by paragraph and then word by word, and writes into the new one
what differs as real revisions — ``w:del`` for the old words, ``w:ins`` for the new ones, author
"ocop-docs", the date of the run — so the officer reviews with Review › Accept/Reject as in any
office. :func:`add_comments` anchors a Word comment on the words of each decision left to a person.
Accepting every change gives exactly the new document; rejecting every change gives the old text.

Only the main story is compared (body paragraphs and table cells): headers, footers and footnotes
come from the same template. A paragraph holding structures this module does not rewrite
(hyperlinks, fields, content controls) is replaced whole: the old one deleted, the new one inserted.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from difflib import SequenceMatcher
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ..io.atomic import atomic_path
from .oxml import PPR_ORDER, get_or_add

AUTHOR = "ocop-docs"
ATOM = "\ufffc"  # stands for a run without text (a footnote reference, a drawing) in compared texts
_TEXT_CHILDREN = {qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:rPr")}
_SKIPPED = {qn("w:proofErr"), qn("w:bookmarkStart"), qn("w:bookmarkEnd")}
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_PAIR_RATIO = 0.5  # paragraphs this similar are one paragraph edited, not one deleted and one added


@dataclass
class RevisionCounts:
    """How much of the document the revisions touch."""

    paragraphs_changed: int = 0
    paragraphs_inserted: int = 0
    paragraphs_deleted: int = 0
    insertions: int = 0  # w:ins elements
    deletions: int = 0  # w:del elements
    comments: int = 0
    unanchored: list[str] = field(default_factory=list)  # comments whose words were not found


class _Ids:
    """Revision ids, unique in the document (Word repairs a file with two revisions of one id)."""

    def __init__(self, body):
        used = [int(v) for v in body.xpath("//w:ins/@w:id | //w:del/@w:id") if str(v).isdigit()]
        self.next = max(used, default=0) + 1

    def __call__(self) -> str:
        value, self.next = self.next, self.next + 1
        return str(value)


class _Marker:
    """Makes w:ins / w:del elements with the run's author and date."""

    def __init__(self, body, when: datetime, counts: RevisionCounts):
        self.ids = _Ids(body)
        self.date = when.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.counts = counts

    def make(self, tag: str, author: str = AUTHOR):
        element = _element(tag)
        element.set(qn("w:id"), self.ids())
        element.set(qn("w:author"), author)
        element.set(qn("w:date"), self.date)
        if tag == "w:ins":
            self.counts.insertions += 1
        elif tag == "w:del":
            self.counts.deletions += 1
        return element


def _element(tag: str):
    return OxmlElement(tag)


# ---------------------------------------------------------------- reading paragraphs
def _story_paragraphs(document) -> list:
    """Every w:p of the main story in document order (body and table cells)."""
    return list(document.element.body.iter(qn("w:p")))


def _runs(p) -> tuple[list, bool]:
    """The paragraph's direct runs, and whether it holds only runs (and harmless markers)."""
    runs, simple = [], True
    for child in p:
        if child.tag == qn("w:r"):
            runs.append(child)
        elif child.tag != qn("w:pPr") and child.tag not in _SKIPPED:
            simple = False
    return runs, simple


def _run_text(r) -> str:
    """A run's text as compared: its characters, or one ATOM for a run that carries no text."""
    if any(c.tag not in _TEXT_CHILDREN for c in r):
        return ATOM
    out = []
    for c in r:
        if c.tag == qn("w:t"):
            out.append(c.text or "")
        elif c.tag == qn("w:tab"):
            out.append("\t")
        elif c.tag == qn("w:br"):
            out.append("\n")
    return "".join(out)


def accepted_text(p) -> str:
    """The paragraph's text once every revision is accepted (inserted runs in, deleted runs out)."""
    out = []
    for r in p.iter(qn("w:r")):
        if _inside(r, p, "w:del"):
            continue
        out.append("".join(c.text or "" for c in r if c.tag == qn("w:t")))
    return "".join(out)


def _inside(element, stop, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == qn(tag):
            return True
        parent = parent.getparent()
    return False


def _text(p) -> str:
    return "".join(_run_text(r) for r in _runs(p)[0])


# ---------------------------------------------------------------- writing runs
def _run_with(rpr, text: str, deleted: bool = False):
    """A w:r with a copy of ``rpr`` holding ``text`` (tabs and line breaks as Word writes them)."""
    r = _element("w:r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    for n, piece in enumerate(re.split(r"([\t\n])", text)):
        if n % 2:
            r.append(_element("w:tab" if piece == "\t" else "w:br"))
        elif piece:
            t = _element("w:delText" if deleted else "w:t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    return r


def _mark_paragraph(p, tag: str, marker: _Marker, author: str = AUTHOR) -> None:
    """Mark the paragraph mark itself inserted or deleted (w:pPr/w:rPr/w:ins|w:del)."""
    get_or_add(p.get_or_add_pPr(), "w:rPr", PPR_ORDER).insert(0, marker.make(tag, author))


def _insert_whole(p, marker: _Marker, author: str = AUTHOR) -> None:
    """The new paragraph is all new: its runs inside one w:ins, its mark inserted."""
    runs, _ = _runs(p)
    if runs:
        wrapper = marker.make("w:ins", author)
        runs[0].addprevious(wrapper)
        for r in runs:
            wrapper.append(r)
    _mark_paragraph(p, "w:ins", marker, author)


def _deleted_copy(old_p, marker: _Marker, author: str = AUTHOR):
    """A copy of an old paragraph, all deleted: what the officer sees struck through."""
    p = copy.deepcopy(old_p)
    for child in list(p):
        if child.tag in _SKIPPED:
            p.remove(child)
    runs = [r for r in p if r.tag == qn("w:r")]
    for child in list(p):
        if child.tag not in (qn("w:pPr"), qn("w:r")):
            p.remove(child)  # hyperlinks, fields: their text is in the inserted copy's place
    if runs:
        wrapper = marker.make("w:del", author)
        runs[0].addprevious(wrapper)
        for r in runs:
            if _run_text(r) == ATOM:
                p.remove(r) if r.getparent() is p else None
                continue
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
            wrapper.append(r)
        if len(wrapper) == 0:
            p.remove(wrapper)
            marker.counts.deletions -= 1
    _mark_paragraph(p, "w:del", marker, author)
    return p


def _rewrite(old: str, new_p, marker: _Marker, edits: tuple = ()) -> bool:
    """Rewrite ``new_p`` so that its runs show, word by word, the change from ``old``.

    ``edits`` is (spans, editor): the spans (start, end) of the new text a person edited; a
    revision touching one is credited to the editor, the others to AUTHOR."""
    spans, editor = edits or ((), AUTHOR)
    runs, _ = _runs(new_p)
    segments = []  # (start, end, run element, text or None for an atom)
    pos = 0
    for r in runs:
        text = _run_text(r)
        segments.append((pos, pos + len(text), r, None if text == ATOM else text))
        pos += len(text)
    new = "".join(s[3] if s[3] is not None else ATOM for s in segments)
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    offsets_a = _offsets(a)
    offsets_b = _offsets(b)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if all(op == "equal" for op, *_ in opcodes):
        return False
    out = []

    def rpr_at(j: int):
        for start, end, r, _ in segments:
            if start <= j < end or (j == end and r is segments[-1][2]):
                return r.find(qn("w:rPr"))
        return segments[0][2].find(qn("w:rPr")) if segments else None

    def new_range(j1: int, j2: int) -> list:
        made = []
        for start, end, r, text in segments:
            lo, hi = max(start, j1), min(end, j2)
            if lo >= hi:
                continue
            if text is None:
                made.append(copy.deepcopy(r))
            else:
                made.append(_run_with(r.find(qn("w:rPr")), text[lo - start:hi - start]))
        return made

    for op, i1, i2, j1, j2 in opcodes:
        c1, c2 = offsets_a[i1], offsets_a[i2]
        d1, d2 = offsets_b[j1], offsets_b[j2]
        if op == "equal":
            out.extend(new_range(d1, d2))
            continue
        author = editor if any(d1 <= b and a <= d2 for a, b in spans) else AUTHOR
        gone = old[c1:c2].replace(ATOM, "")
        if gone:
            wrapper = marker.make("w:del", author)
            wrapper.append(_run_with(rpr_at(d1), gone, deleted=True))
            out.append(wrapper)
        if d2 > d1:
            wrapper = marker.make("w:ins", author)
            wrapper.extend(new_range(d1, d2))
            out.append(wrapper)
    for r in runs:
        new_p.remove(r)
    ppr = new_p.find(qn("w:pPr"))
    position = 1 if ppr is not None and new_p.index(ppr) == 0 else 0
    for element in out:
        new_p.insert(position, element)
        position += 1
    return True


def _offsets(tokens: list[str]) -> list[int]:
    out, pos = [0], 0
    for t in tokens:
        pos += len(t)
        out.append(pos)
    return out


# ---------------------------------------------------------------- comparing documents
def _pairs(old: list[str], new: list[str]) -> list[tuple[int | None, int | None]]:
    """Old and new paragraphs of a replaced block paired in order when similar enough."""
    out: list[tuple[int | None, int | None]] = []
    i = 0
    old_words = [o.split() for o in old]
    for j, text in enumerate(new):
        best = None
        words = text.split()
        for k in range(i, len(old)):
            # compared word by word: as good a measure as characters, and far cheaper on long paragraphs
            if SequenceMatcher(None, old_words[k], words, autojunk=False).ratio() >= _PAIR_RATIO:
                best = k
                break
        if best is None:
            out.append((None, j))
            continue
        out.extend((k, None) for k in range(i, best))
        out.append((best, j))
        i = best + 1
    out.extend((k, None) for k in range(i, len(old)))
    return out


def track_changes(old_docx: str | Path, new_docx: str | Path, out: str | Path | None = None, *,
                  when: datetime | None = None,
                  comments: Sequence[tuple] = (), before_edits: str | Path | None = None,
                  editor: str = "") -> RevisionCounts:
    """Mark in ``new_docx`` what changed from ``old_docx`` as tracked changes; add ``comments``.

    ``comments`` are (words, text) or (words, text, within) tuples: each comment is anchored on the
    first place the words occur in the new text (in a paragraph containing ``within``, when given);
    ``words`` may be a tuple of candidates, tried in order. ``before_edits`` is the new document as
    it was before a person edited it (the software's draft): the revisions of what the person
    changed are credited to ``editor``, the others to AUTHOR. The result is written to ``out``
    (default: ``new_docx``) atomically.
    """

    when = when or datetime.now(timezone.utc)
    counts = RevisionCounts()
    old_doc, new_doc = Document(str(old_docx)), Document(str(new_docx))
    marker = _Marker(new_doc.element.body, when, counts)
    old_ps, new_ps = _story_paragraphs(old_doc), _story_paragraphs(new_doc)
    old_texts, new_texts = [_text(p) for p in old_ps], [_text(p) for p in new_ps]
    edited, drafted = _edited_spans(before_edits, new_texts) if before_edits is not None else ({}, None)
    editor = editor or AUTHOR

    def remover(old_text: str) -> str:  # a paragraph the software's draft still had was removed by the person
        return editor if drafted is not None and old_text in drafted else AUTHOR
    matcher = SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    pending_deletes: list[tuple[etree._Element | None, etree._Element]] = []  # (anchor new paragraph or None, deleted copy)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = _pairs(old_texts[i1:i2], new_texts[j1:j2])
        next_new = new_ps[j1] if j1 < len(new_ps) else None
        for oi, nj in pairs:
            if oi is not None and nj is not None:
                o, n = old_ps[i1 + oi], new_ps[j1 + nj]
                spans = edited.get(j1 + nj)
                if _runs(o)[1] and _runs(n)[1]:
                    counts.paragraphs_changed += _rewrite(old_texts[i1 + oi], n, marker, (spans, editor) if spans else ())
                else:
                    pending_deletes.append((n, _deleted_copy(o, marker, remover(old_texts[i1 + oi]))))
                    _insert_whole(n, marker, editor if spans else AUTHOR)
                    counts.paragraphs_changed += 1
                next_new = new_ps[j1 + nj + 1] if j1 + nj + 1 < len(new_ps) else None
            elif nj is not None:
                _insert_whole(new_ps[j1 + nj], marker, editor if edited.get(j1 + nj) else AUTHOR)
                counts.paragraphs_inserted += 1
                next_new = new_ps[j1 + nj + 1] if j1 + nj + 1 < len(new_ps) else None
            else:
                pending_deletes.append((next_new, _deleted_copy(old_ps[i1 + oi], marker, remover(old_texts[i1 + oi]))))
                counts.paragraphs_deleted += 1
    for anchor, deleted in pending_deletes:
        if anchor is not None:
            anchor.addprevious(deleted)
        else:
            _last_body_position(new_doc).addprevious(deleted)
    for words, text, *within in comments:
        candidates = (words,) if isinstance(words, str) else words
        if any(_comment(new_doc, w, text, within[0] if within else "") for w in candidates) or any(
                _comment_on_deleted(new_doc, w, text) for w in candidates):
            counts.comments += 1
        else:
            counts.unanchored.append(candidates[0] if candidates else "")
    target = Path(out or new_docx)
    with atomic_path(target) as tmp:
        new_doc.save(str(tmp))
    return counts


def _edited_spans(before: str | Path, new_texts: list[str]) -> tuple[dict[int, list[tuple[int, int]]], set[str]]:
    """For each paragraph of the new document that a person edited, the spans of its text that
    differ from the document ``before`` the edits (a paragraph the person added: all of it); and
    the texts of the paragraphs ``before`` had."""
    before_texts = [_text(p) for p in _story_paragraphs(Document(str(before)))]
    out: dict[int, list[tuple[int, int]]] = {}
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before_texts, new_texts, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for k, j in enumerate(range(j1, j2)):
            if op == "replace" and i1 + k < i2:
                a, b = _TOKEN.findall(before_texts[i1 + k]), _TOKEN.findall(new_texts[j])
                offsets = _offsets(b)
                spans = [(offsets[c1], offsets[c2]) for tag, _, _, c1, c2 in
                         SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]
                if spans:
                    out[j] = spans
            else:
                out[j] = [(0, len(new_texts[j]))]
    return out, set(before_texts)


def _last_body_position(document):
    """Where a paragraph deleted at the very end goes: before the body's section properties."""
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        return sect
    sentinel = _element("w:p")
    body.append(sentinel)
    return sentinel


# ---------------------------------------------------------------- comments
def _comment(document, words: str, text: str, within: str = "") -> bool:
    """Anchor a comment on the first occurrence of ``words`` in the accepted text (of a paragraph
    that contains ``within``, when given); False if absent."""
    if words.startswith("#"):
        return _comment_on_bookmark(document, words[1:], text)
    words = " ".join(words.split())
    within = " ".join(within.split())
    if not words:
        return False
    for p in _story_paragraphs(document):
        flat = accepted_text(p)
        collapsed = " ".join(flat.split())
        if collapsed.find(words) < 0 or (within and within not in collapsed):
            continue
        first, last = _anchor_runs(p, flat, words)
        if first is None:
            continue
        _place_comment(document, _top(first, p), _top(last, p), text)
        return True
    return False


def _comment_on_bookmark(document, name: str, text: str) -> bool:
    """Anchor a comment on the range of the bookmark ``name`` ("#name" as the words of a comment)."""
    body = document.element.body
    start = next((b for b in body.iter(qn("w:bookmarkStart")) if b.get(qn("w:name")) == name), None)
    if start is None:
        return False
    end = next((b for b in body.iter(qn("w:bookmarkEnd")) if b.get(qn("w:id")) == start.get(qn("w:id"))), None)
    if end is None or end.getparent() is not start.getparent():
        return False
    _place_comment(document, start, end, text)
    return True


def _comment_on_deleted(document, words: str, text: str) -> bool:
    """Anchor a comment on a deleted passage that holds ``words`` (what was removed, and why)."""
    words = " ".join(words.split())
    if not words:
        return False
    for wrapper in document.element.body.iter(qn("w:del")):
        if wrapper.getparent().tag != qn("w:p"):
            continue
        deleted = " ".join("".join(t.text or "" for t in wrapper.iter(qn("w:delText"))).split())
        if words not in deleted:
            continue
        _place_comment(document, wrapper, wrapper, text)
        return True
    return False


def _place_comment(document, first, last, text: str) -> None:
    """Comment range around paragraph-level elements ``first`` … ``last``, and its reference run."""
    comment = document.comments.add_comment(text=text, author=AUTHOR, initials="OD")
    cid = str(comment.comment_id)
    begin = _element("w:commentRangeStart")
    begin.set(qn("w:id"), cid)
    end = _element("w:commentRangeEnd")
    end.set(qn("w:id"), cid)
    first.addprevious(begin)
    last.addnext(end)
    # No "CommentReference" character style: the templates do not define it, and a style
    # referenced but not defined is a repair in Word.
    ref_run = _element("w:r")
    ref = _element("w:commentReference")
    ref.set(qn("w:id"), cid)
    ref_run.append(ref)
    end.addnext(ref_run)


def _top(element, p):
    """The paragraph-level ancestor of a run (the run itself, or its w:ins wrapper)."""
    while element.getparent() is not p:
        element = element.getparent()
    return element


def _anchor_runs(p, flat: str, words: str):
    """The first and last accepted runs that cover ``words`` in the paragraph (split to fit)."""
    # Map collapsed-space positions back to the paragraph's characters.
    index, collapsed = [], []
    previous_space = True
    for i, ch in enumerate(flat):
        if ch.isspace():
            if previous_space:
                continue
            collapsed.append(" ")
            index.append(i)
            previous_space = True
        else:
            collapsed.append(ch)
            index.append(i)
            previous_space = False
    start_c = "".join(collapsed).find(words)
    if start_c < 0:
        return None, None
    start, end = index[start_c], index[start_c + len(words) - 1] + 1
    _boundary(p, end)
    _boundary(p, start)
    first = last = None
    for r, lo, hi in _accepted_runs(p):
        if first is None and lo >= start and hi > lo:
            first = r
        if first is not None and hi <= end and hi > lo:
            last = r
        if hi >= end:
            break
    return first, (last if last is not None else first)


def _accepted_runs(p):
    """(run, start, end) of the paragraph's accepted text runs, in order."""
    pos = 0
    for r in p.iter(qn("w:r")):
        if _inside(r, p, "w:del"):
            continue
        length = sum(len(c.text or "") for c in r if c.tag == qn("w:t"))
        yield r, pos, pos + length
        pos += length


def _boundary(p, offset: int) -> None:
    """Split the run that ``offset`` falls inside, when it is a plain one-text run."""
    for r, lo, hi in _accepted_runs(p):
        if lo < offset < hi:
            if [c.tag for c in r if c.tag != qn("w:rPr")] == [qn("w:t")]:
                _split(r, offset - lo)
            return


def _split(r, at: int):
    """Split a one-text run at ``at`` characters; returns the right-hand run (placed after ``r``)."""
    t = r.find(qn("w:t"))
    text = t.text or ""
    right = copy.deepcopy(r)
    t.text = text[:at]
    right.find(qn("w:t")).text = text[at:]
    r.addnext(right)
    return right
