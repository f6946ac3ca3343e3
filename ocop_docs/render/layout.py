"""Post-render layout fixes that a template cannot express: lengths of the ND30 rules.

The rule under the Tiêu ngữ is as long as its line (ND30-QH-03); the rules under the issuing
body and the trích yếu are 1/3 to 1/2 of theirs (ND30-CQ-03, TITLE-02). The rule paragraphs
carry a bottom border and one of the styles of ``styles.RULE_STYLES``; here their indents are
set so the border spans the right length, centred under the text above. Styles are recognised by
name, so a template re-saved by LibreOffice (which renames style IDs) still gets its rules sized.
"""
from __future__ import annotations

from docx.enum.section import WD_HEADER_FOOTER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..nd30.metrics import text_width_twips
from .styles import ISSUER, RULE_STYLES, RULE_UNDER_ISSUER, style_names

_CELL_MARGIN_TWIPS = 108 * 2  # Word's default left + right cell margins


def _style_chain(document, style_id: str | None):
    styles = document.styles.element
    seen = 0
    while style_id and seen < 10:
        el = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        if el is None:
            return
        yield el
        based = el.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
        seen += 1


def _run_look(document, paragraph) -> tuple[float, bool]:
    """Size (pt) and boldness of a paragraph's first run, through its style chain."""
    size = bold = None
    runs = paragraph._p.findall(qn("w:r"))
    rpr = runs[0].find(qn("w:rPr")) if runs else None
    if rpr is not None:
        sz = rpr.find(qn("w:sz"))
        b = rpr.find(qn("w:b"))
        size = int(sz.get(qn("w:val"))) / 2 if sz is not None else None
        bold = (b.get(qn("w:val"), "true") not in ("0", "false")) if b is not None else None
    ppr = paragraph._p.pPr
    style_id = ppr.find(qn("w:pStyle")).get(qn("w:val")) if ppr is not None and ppr.find(qn("w:pStyle")) is not None else "Normal"
    for style in _style_chain(document, style_id):
        srpr = style.find(qn("w:rPr"))
        if srpr is None:
            continue
        if size is None and srpr.find(qn("w:sz")) is not None:
            size = int(srpr.find(qn("w:sz")).get(qn("w:val"))) / 2
        if bold is None and srpr.find(qn("w:b")) is not None:
            bold = srpr.find(qn("w:b")).get(qn("w:val"), "true") not in ("0", "false")
    return size or 14.0, bool(bold)


def _container_width(document, paragraph) -> int:
    parent = paragraph._p.getparent()
    if parent.tag == qn("w:tc"):
        tcw = parent.find(qn("w:tcPr") + "/" + qn("w:tcW"))
        if tcw is not None and tcw.get(qn("w:type")) == "dxa":
            return int(tcw.get(qn("w:w"))) - _CELL_MARGIN_TWIPS
    section = _section_of(document, paragraph._p)
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def _section_of(document, element):
    """The section a body element belongs to: the next section break at or after its block."""
    from docx.section import Section

    body = document.element.body
    node = element
    while node.getparent() is not None and node.getparent() is not body:
        node = node.getparent()
    while node is not None:
        if node.tag == qn("w:p"):
            sect_pr = node.find(qn("w:pPr") + "/" + qn("w:sectPr"))
            if sect_pr is not None:
                return Section(sect_pr, document.part)
        elif node.tag == qn("w:sectPr"):
            return Section(node, document.part)
        node = node.getnext()
    return document.sections[-1]


def _style_id(p) -> str | None:
    ppr = p.pPr
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return style.get(qn("w:val")) if style is not None else None


def _lines_above(rule_p, rule_style: str, names: dict[str, str]):
    """The paragraphs whose text the rule sits under (several for a wrapped issuer name)."""
    from docx.text.paragraph import Paragraph

    lines: list[Paragraph] = []
    prev = rule_p.getprevious()
    while prev is not None and prev.tag == qn("w:p"):
        paragraph = Paragraph(prev, None)
        if paragraph.text.strip():
            if rule_style != RULE_UNDER_ISSUER:
                return [paragraph]
            if names.get(_style_id(prev)) != ISSUER:
                return lines or [paragraph]
            lines.append(paragraph)
        prev = prev.getprevious()
    return lines


def size_rules(document) -> int:
    """Set the indents of every rule paragraph; returns how many were sized."""
    from docx.shared import Twips
    from docx.text.paragraph import Paragraph

    sized = 0
    names = style_names(document)
    for p in document.element.body.iter(qn("w:p")):
        rule_style = names.get(_style_id(p))
        ratio = RULE_STYLES.get(rule_style) if rule_style else None
        if ratio is None:
            continue
        lines = _lines_above(p, rule_style, names)
        rule = Paragraph(p, None)
        container = _container_width(document, rule)
        widest = 0
        for paragraph in lines:
            size, bold = _run_look(document, paragraph)
            widest = max(widest, min(text_width_twips(paragraph.text.strip(), size, bold), container))
        if not widest:
            continue
        side = max(0, (container - int(widest * ratio)) // 2)
        rule.paragraph_format.left_indent = Twips(side)
        rule.paragraph_format.right_indent = Twips(side)
        sized += 1
    return sized


def keep_signature_with_text(document) -> None:
    """Keep the closing paragraph on the signature block's page, and the block in one piece.

    A signature block alone on the last page is a known fault of hand-made documents: the
    paragraphs just before the last table are kept with it, and its row may not split.
    """
    from docx.text.paragraph import Paragraph

    body = document.element.body
    tables = body.findall(qn("w:tbl"))
    if not tables:
        return
    # The signature table is the last one holding "Nơi nhận" (a decision may end with an attached
    # document or list whose tables come after it); without one, the last table.
    signature = next(
        (t for t in reversed(tables) if "Nơi nhận" in "".join(x.text or "" for x in t.iter(qn("w:t")))),
        tables[-1],
    )
    for tr in signature.findall(qn("w:tr")):
        tr_pr = tr.get_or_add_trPr()  # after a w:tblPrEx, in schema order
        if tr_pr.find(qn("w:cantSplit")) is None:
            # CT_TrPr: a choice of row properties, then the revision marks (ins, del, trPrChange)
            tr_pr.insert_element_before(OxmlElement("w:cantSplit"), "w:ins", "w:del", "w:trPrChange")
    previous = signature.getprevious()
    kept = 0
    while previous is not None and previous.tag == qn("w:p") and kept < 2:
        paragraph = Paragraph(previous, None)
        paragraph.paragraph_format.keep_with_next = True
        if paragraph.text.strip():
            kept += 1
        previous = previous.getprevious()


def _numbered_header(document, sect_pr) -> str | None:
    """The rId of the section's own default header when it shows the page number (a PAGE field)."""
    ref = sect_pr.get_headerReference(WD_HEADER_FOOTER.PRIMARY)
    if ref is None:
        return None
    part = document.part.related_parts.get(ref.rId)
    element = getattr(part, "element", None)
    if element is None:
        return None
    fields = [t.text or "" for t in element.iter(qn("w:instrText"))]
    fields += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    return ref.rId if any(f.split() and f.split()[0].upper() == "PAGE" for f in fields) else None


def keep_page_numbers(document) -> int:
    """Give back the page number to a section that lost it while another section has one.

    A LibreOffice re-save of a two-section template (a decision and the list or plan it issues) keeps
    only the first page's empty header in the first section, so the decision's later pages come out
    without numbers (ND30-PAGE-04). Such a section gets the document's page-number header again, shown
    from its second page. Returns how many sections were repaired; a document whose template never
    numbered its pages is left as it is.
    """
    sections = list(document.sections)
    numbered, inherited = [], None
    for section in sections:
        own = section._sectPr.get_headerReference(WD_HEADER_FOOTER.PRIMARY)
        # a section without its own default header shows the previous section's one
        inherited = _numbered_header(document, section._sectPr) if own is not None else inherited
        numbered.append(inherited)
    source = next((rid for rid in numbered if rid), None)
    if source is None or all(numbered):
        return 0
    repaired = 0
    for section, rid in zip(sections, numbered):
        if rid:
            continue
        sect_pr = section._sectPr
        own = sect_pr.get_headerReference(WD_HEADER_FOOTER.PRIMARY)
        if own is not None:
            own_rid = sect_pr.remove_headerReference(WD_HEADER_FOOTER.PRIMARY)
            if not section.different_first_page_header_footer:
                # the first page's header, written as the section's only one: it stays the first page's
                if sect_pr.get_headerReference(WD_HEADER_FOOTER.FIRST_PAGE) is not None:
                    sect_pr.remove_headerReference(WD_HEADER_FOOTER.FIRST_PAGE)
                sect_pr.add_headerReference(WD_HEADER_FOOTER.FIRST_PAGE, own_rid)
        sect_pr.add_headerReference(WD_HEADER_FOOTER.PRIMARY, source)
        if sect_pr.get_headerReference(WD_HEADER_FOOTER.FIRST_PAGE) is None:
            section.first_page_header.is_linked_to_previous = False  # an empty one: no number on page one
        section.different_first_page_header_footer = True
        repaired += 1
    return repaired
