"""Content of a .docx the checker does not read, named so a clean report never overstates.

Word shows text that lives outside the paragraphs the checker walks: a chunk imported from another
file (``w:altChunk``: HTML, RTF, another .docx), embedded OLE objects (an Excel sheet, a Word
document), charts and SmartArt, sub-documents, ActiveX controls. Their formatting is not checked,
so the report must say that they are there (Vietnamese, with the nearest paragraph's first words).
"""
from __future__ import annotations

from docx.oxml.ns import qn

_O_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"
_A_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
_R_ID = qn("r:id")
_GRAPHICS = {"chart": "biểu đồ", "diagram": "sơ đồ SmartArt", "chartex": "biểu đồ"}


def _nearby(element) -> str:
    """First words of the paragraph holding ``element``, or of the paragraph before it."""
    p_tag = qn("w:p")
    holder = next((a for a in element.iterancestors() if a.tag == p_tag), None)
    candidates = [holder] if holder is not None else []
    candidates += [e for e in element.itersiblings(preceding=True) if e.tag == p_tag][:3]
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


def _scan(element, part, where: str) -> list[str]:
    found: list[str] = []

    def note(what: str, el) -> None:
        near = _nearby(el)
        found.append(f"{what} ({where}" + (f", gần «{near}»" if near else "") + ")")

    for el in element.iter(qn("w:altChunk")):
        target = _target(part, el.get(_R_ID))
        note("nội dung chèn từ tệp khác (altChunk" + (f": {target}" if target else "") + ")", el)
    for el in element.iter(_O_OLE):
        prog = el.get("ProgID") or ""
        note("đối tượng nhúng (OLE" + (f": {prog}" if prog else "") + ")", el)
    for el in element.iter(_A_GRAPHIC_DATA):
        kind = (el.get("uri") or "").rstrip("/").rsplit("/", 1)[-1]
        if kind in _GRAPHICS:
            note(f"{_GRAPHICS[kind]} (chữ trong {_GRAPHICS[kind]} không được kiểm tra)", el)
    for el in element.iter(qn("w:subDoc")):
        note("văn bản con liên kết (subDoc)", el)
    for el in element.iter(qn("w:control")):
        note("điều khiển ActiveX", el)
    return found


_PART_LABELS = (("header", "đầu trang"), ("footer", "chân trang"), ("footnotes", "chú thích cuối trang"),
                ("endnotes", "chú thích cuối văn bản"))


def unchecked_content(document) -> list[str]:
    """Descriptions (Vietnamese) of every piece of content the checker does not read."""
    found = _scan(document.element, document.part, "thân văn bản")
    for part in document.part.package.iter_parts():
        name = str(part.partname).rsplit("/", 1)[-1]
        label = next((label for prefix, label in _PART_LABELS if name.startswith(prefix)), None)
        element = getattr(part, "element", None) if label else None
        if element is not None:
            found += _scan(element, part, f"{label}, {name}")
    return found
