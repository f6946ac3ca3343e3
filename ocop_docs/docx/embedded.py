"""Content of a .docx that is not the text of its paragraphs, found in one scan for every reader.

Word shows text that lives outside the paragraphs a reader walks: a chunk imported from another
file (``w:altChunk``: HTML, RTF, another .docx), embedded OLE objects (an Excel sheet, a Word
document; the legacy ``o:OLEObject`` form and the ``w:objectEmbed``/``w:objectLink`` form), charts
and SmartArt, sub-documents, ActiveX controls, equations (their text is ``m:t``, not ``w:t``). Neither the checker nor the
parser reads them, so both must say that they are there (Vietnamese, with the nearest
paragraph's first words) — never drop them in silence.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

_O_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"
_M_MATH = ("{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
           "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara")
_A_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
_R_ID = qn("r:id")
GRAPHICS = {"chart": "biểu đồ", "diagram": "sơ đồ SmartArt", "chartex": "biểu đồ"}


@dataclass(frozen=True)
class Embedded:
    """One piece of content outside the paragraphs' text."""

    kind: str  # altChunk, ole, chart, diagram, chartex, subDoc, control, math
    what: str  # Vietnamese: "nội dung chèn từ tệp khác (altChunk: chunk.html)", "đối tượng nhúng (OLE: Excel.Sheet.12)"
    near: str  # first words of the paragraph holding it, or of one before it ("" when none)
    where: str  # "thân văn bản", "đầu trang, header1.xml"…


def _nearby(element) -> str:
    """First words of the paragraph holding ``element``, or of the paragraph before it."""
    p_tag = qn("w:p")
    holder = next((a for a in element.iterancestors() if a.tag == p_tag), None)
    candidates = [holder] if holder is not None else []
    anchor = holder if holder is not None else element
    candidates += [e for e in anchor.itersiblings(preceding=True) if e.tag == p_tag][:3]
    for p in candidates:
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
        if text:
            return text if len(text) <= 40 else text[:40] + "…"
    return ""


def _target(part, rid: str | None) -> str:
    try:
        return str(part.rels[rid].target_ref) if rid else ""
    except KeyError:
        return ""


def _scan(element, part, where: str) -> list[Embedded]:
    found: list[Embedded] = []
    for el in element.iter(qn("w:altChunk")):
        target = _target(part, el.get(_R_ID))
        found.append(Embedded("altChunk", "nội dung chèn từ tệp khác (altChunk" + (f": {target}" if target else "") + ")",
                              _nearby(el), where))
    for el in element.iter(_O_OLE):
        prog = el.get("ProgID") or ""
        found.append(Embedded("ole", "đối tượng nhúng (OLE" + (f": {prog}" if prog else "") + ")", _nearby(el), where))
    for el in element.iter(qn("w:object")):
        # The other form of an embedded or linked object (Word 2010+, LibreOffice): no o:OLEObject
        # in it; one holding an ActiveX control is reported as a control below.
        if el.find(f".//{_O_OLE}") is not None or el.find(f".//{qn('w:control')}") is not None:
            continue
        inner = next(iter(el.iter(qn("w:objectEmbed"), qn("w:objectLink"))), None)
        prog = inner.get(qn("w:progId")) if inner is not None else ""
        linked = inner is not None and inner.tag == qn("w:objectLink")
        found.append(Embedded("ole", ("đối tượng liên kết" if linked else "đối tượng nhúng") + " (OLE"
                              + (f": {prog}" if prog else "") + ")", _nearby(el), where))
    for el in element.iter(_A_GRAPHIC_DATA):
        kind = (el.get("uri") or "").rstrip("/").rsplit("/", 1)[-1]
        if kind in GRAPHICS:
            found.append(Embedded(kind, GRAPHICS[kind], _nearby(el), where))
    for el in element.iter(qn("w:subDoc")):
        found.append(Embedded("subDoc", "văn bản con liên kết (subDoc)", _nearby(el), where))
    for el in element.iter(qn("w:control")):
        found.append(Embedded("control", "điều khiển ActiveX", _nearby(el), where))
    for el in element.iter(*_M_MATH):
        if el.tag == _M_MATH[0] and el.getparent() is not None and el.getparent().tag == _M_MATH[1]:
            continue  # one equation paragraph, reported once
        found.append(Embedded("math", "công thức toán học (Equation)", _nearby(el), where))
    return found


_PART_LABELS = (("header", "đầu trang"), ("footer", "chân trang"), ("footnotes", "chú thích cuối trang"),
                ("endnotes", "chú thích cuối văn bản"))


def embedded_content(document) -> list[Embedded]:
    """Every piece of content outside the paragraphs' text: the body's, then the headers', footers' and notes'."""
    found = _scan(document.element, document.part, "thân văn bản")
    for part in document.part.package.iter_parts():
        name = str(part.partname).rsplit("/", 1)[-1]
        label = next((label for prefix, label in _PART_LABELS if name.startswith(prefix)), None)
        element = getattr(part, "element", None) if label else None
        if element is not None:
            found += _scan(element, part, f"{label}, {name}")
    return found
