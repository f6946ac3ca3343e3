"""The mark of a trial run's sample certificate: "BẢN THỬ – KHÔNG CÓ GIÁ TRỊ" across the page.

A trial run shows the number the real run would give; a sample printed or forwarded without a
mark could pass for a real certificate. The mark is a framed red text box in front of the text,
across the page below the product's name (left readable: the sample shows how it fits), and a
second one over the QR code, so a phone cannot read a trial's code as a register entry. Text,
not a picture: it is in the PDF's text and any reader of the file finds it. Both are anchored to
the page, so the certificate's own layout — one page — does not move.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

TRIAL_MARK = "BẢN THỬ – KHÔNG CÓ GIÁ TRỊ"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {
    "w": _W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
_MM = 36000  # EMU per millimetre
_RED = "C00000"


def _box(n: int, text: str, x_mm: float | None, y_mm: float, w_mm: float, h_mm: float, half_points: int,
         opacity: int) -> str:
    """A framed red text box anchored to the page (centred across it when ``x_mm`` is None), its
    white ground ``opacity`` per cent opaque."""
    w, h = int(w_mm * _MM), int(h_mm * _MM)
    across = ("<wp:align>center</wp:align>" if x_mm is None else f"<wp:posOffset>{int(x_mm * _MM)}</wp:posOffset>")
    return f"""<w:r xmlns:w="{_NS['w']}" xmlns:wp="{_NS['wp']}" xmlns:a="{_NS['a']}" xmlns:wps="{_NS['wps']}"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{251699200 + n}" behindDoc="0" locked="1"
 layoutInCell="0" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="page">{across}</wp:positionH>
<wp:positionV relativeFrom="page"><wp:posOffset>{int(y_mm * _MM)}</wp:posOffset></wp:positionV>
<wp:extent cx="{w}" cy="{h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{90000 + n}" name="Ban thu {n}" descr="{TRIAL_MARK}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="{opacity * 1000}"/></a:srgbClr></a:solidFill>
<a:ln w="57150"><a:solidFill><a:srgbClr val="{_RED}"/></a:solidFill></a:ln></wps:spPr>
<wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>
<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:b/>
<w:color w:val="{_RED}"/><w:sz w:val="{half_points}"/></w:rPr><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="ctr">
<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>""".replace("\n", "")


# Landscape A4 certificate (ocop_docs/templates/certificates/giay-chung-nhan.docx): the band
# over the stars, the small box over the QR code in the bottom-left corner.
# The QR box is nearly opaque: a phone must not read the trial's code.
_BOXES = (_box(1, TRIAL_MARK, None, 122, 230, 30, 80, 60), _box(2, "BẢN THỬ", 18, 163, 34, 34, 32, 88))


def mark_trial(docx: bytes) -> bytes:
    """The certificate ``docx`` with the trial mark in front of its first page."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(source.read("word/document.xml"), parser)
    body = root.find(f"{{{_W}}}body")
    first = body.find(f"{{{_W}}}p") if body is not None else None
    if first is None:
        raise ValueError("the certificate has no paragraph to anchor the trial mark to")
    after = first.find(f"{{{_W}}}pPr")
    at = 0 if after is None else first.index(after) + 1
    for n, box in enumerate(_BOXES):
        first.insert(at + n, etree.fromstring(box, parser))
    document = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, document if item.filename == "word/document.xml" else source.read(item.filename))
    return out.getvalue()


__all__ = ["TRIAL_MARK", "mark_trial"]
