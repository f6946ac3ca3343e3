"""Inserting OOXML elements in the order the schema requires, where python-docx does not model the
parent element (table and row properties, a paragraph mark's run properties).

Word treats a property element out of its schema order as damage and offers to repair the file;
each tuple below is the sequence of one complex type of ECMA-376 Part 1.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

# CT_TblPr (17.4.60) and CT_TrPr (17.4.82).
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
               "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
               "tblCaption", "tblDescription", "tblPrChange")
TRPR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
               "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
# CT_TblCellMar (17.4.43) and CT_TcPr (17.4.70).
TBLCELLMAR_ORDER = ("top", "start", "left", "bottom", "end", "right")
TCPR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
              "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange")

# CT_PPr (17.3.1.26).
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
               "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
               "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
               "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
               "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def insert_in_order(parent, child, order: tuple[str, ...]) -> None:
    """Insert ``child`` into ``parent`` before the first sibling that the schema puts after it."""
    name = etree.QName(child).localname
    later = set(order[order.index(name) + 1:])
    for existing in parent:
        if etree.QName(existing).localname in later:
            existing.addprevious(child)
            return
    parent.append(child)


def paragraph_properties(p):
    """The w:pPr of paragraph ``p``, added as its first child (CT_P) when missing; ``p`` may be an
    element python-docx did not make (no ``get_or_add_pPr``)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    return ppr


def get_or_add(parent, tag: str, order: tuple[str, ...]):
    """The child ``tag`` ("w:rPr") of ``parent``, added in schema order when missing."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        insert_in_order(parent, child, order)
    return child


# Row properties that take only "on"/"off" (ST_OnOffOnly in Word's schema): LibreOffice writes
# w:val="true", which a validator, and Word, may take as damage.
_ON_OFF_ONLY = {qn("w:cantSplit"), qn("w:tblHeader"), qn("w:hidden")}
_PPR_RANK = {qn(f"w:{name}"): rank for rank, name in enumerate(PPR_ORDER)}


def tidy_properties(document) -> int:
    """What a template saved by another program (LibreOffice) brings out of schema into the output:
    a section break's w:sectPr first in its paragraph's w:pPr (put back in schema order), and row
    properties with w:val="true"/"false" (written as Word does: no value for on, "off" for off).
    Covers the body, headers and footers; returns how many elements were corrected."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    roots = [document.element]
    roots += [rel.target_part.element for rel in document.part.rels.values()
              if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external]
    fixed = 0
    for root in roots:
        for ppr in root.iter(qn("w:pPr")):
            children = list(ppr)
            if any(child.tag not in _PPR_RANK for child in children):
                continue  # an element this table does not know: leave the order as it is
            ranks = [_PPR_RANK[child.tag] for child in children]
            if ranks != sorted(ranks):
                for child in sorted(children, key=lambda c: _PPR_RANK[c.tag]):
                    ppr.append(child)  # moves it: the children end up in schema order
                fixed += 1
        for trpr in root.iter(qn("w:trPr")):
            for child in trpr:
                value = child.get(qn("w:val"))
                if child.tag in _ON_OFF_ONLY and value not in (None, "on", "off"):
                    if value.lower() in ("true", "1"):
                        del child.attrib[qn("w:val")]
                    else:
                        child.set(qn("w:val"), "off")
                    fixed += 1
    return fixed
