"""Content of a .docx the checker does not read, named so a clean report never overstates.

The content itself is found by ``ocop_docs.docx.embedded`` (altChunk, OLE objects, charts and
SmartArt, sub-documents, ActiveX controls, equations, in the body, headers, footers and notes): its
formatting is not checked, so the report must say that it is there.
"""
from __future__ import annotations

from ..docx.embedded import GRAPHICS, embedded_content


def unchecked_content(document) -> list[str]:
    """Descriptions (Vietnamese) of every piece of content the checker does not read."""
    out = []
    for item in embedded_content(document):
        what = f"{item.what} (chữ trong {item.what} không được kiểm tra)" if item.kind in GRAPHICS else item.what
        out.append(f"{what} ({item.where}" + (f", gần «{item.near}»" if item.near else "") + ")")
    return out
