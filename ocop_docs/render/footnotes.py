"""Real Word footnotes for paragraphs that carry them (docxtpl cannot make them).

The context places a marker ``\\ue000n\\ue001`` in the text where footnote n is cited; after
rendering, each marker becomes a superscript footnote reference and the note goes into
``word/footnotes.xml``, so Word and LibreOffice number and place it at the foot of the page.
"""
from __future__ import annotations

import copy
import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from lxml import etree

MARK = re.compile("\ue000(\\d+)\ue001")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
NOTE_SIZE_HALF_POINTS = 24  # 12 pt: ND30 sets no size for notes; one step under the body


def marker(number: int) -> str:
    """The text marker of footnote ``number`` in a rendered paragraph."""
    return f"\ue000{number}\ue001"


def _w(tag: str, **attrs) -> etree._Element:
    el = etree.Element(qn(f"w:{tag}"))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _footnotes_xml(notes: dict[int, str]) -> bytes:
    root = etree.fromstring(f"<w:footnotes {nsdecls('w')}/>".encode())
    for note_id, kind, tag in ((-1, "separator", "separator"), (0, "continuationSeparator", "continuationSeparator")):
        footnote = _w("footnote", type=kind, id=note_id)
        p = etree.SubElement(footnote, qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        ppr.append(_w("spacing", after=0, line=240, lineRule="auto"))
        r = etree.SubElement(p, qn("w:r"))
        r.append(_w(tag))
        root.append(footnote)
    for number, text in sorted(notes.items()):
        footnote = _w("footnote", id=number)
        p = etree.SubElement(footnote, qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        ppr.append(_w("jc", val="both"))
        ref = etree.SubElement(p, qn("w:r"))
        rpr = etree.SubElement(ref, qn("w:rPr"))
        rpr.append(_w("sz", val=NOTE_SIZE_HALF_POINTS))  # CT_RPr order: sz before vertAlign
        rpr.append(_w("vertAlign", val="superscript"))
        ref.append(_w("footnoteRef"))
        run = etree.SubElement(p, qn("w:r"))
        rpr = etree.SubElement(run, qn("w:rPr"))
        rpr.append(_w("sz", val=NOTE_SIZE_HALF_POINTS))
        t = etree.SubElement(run, qn("w:t"))
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = " " + text
        root.append(footnote)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def apply_footnotes(document, notes: dict[int, str]) -> int:
    """Turn markers into footnote references and write the notes; returns how many were placed."""
    placed = 0
    for t in list(document.element.body.iter(qn("w:t"))):
        if not t.text or "\ue000" not in t.text:
            continue
        run = t.getparent()
        pieces = MARK.split(t.text)
        t.text = pieces[0]
        anchor = run
        for i in range(1, len(pieces), 2):
            number, rest = int(pieces[i]), pieces[i + 1]
            ref = copy.deepcopy(run)
            for child in list(ref):
                if child.tag != qn("w:rPr"):
                    ref.remove(child)
            # python-docx's CT_RPr puts vertAlign in schema order (before w:lang and the like)
            ref.get_or_add_rPr().superscript = True
            ref.append(_w("footnoteReference", id=number))
            anchor.addnext(ref)
            anchor = ref
            placed += 1
            if rest:
                tail = copy.deepcopy(run)
                tail.find(qn("w:t")).text = rest
                anchor.addnext(tail)
                anchor = tail
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if notes:
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE, _footnotes_xml(notes), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    return placed
