"""Where the templates are (the shipped ``ocop_docs/templates/`` folder, or a user's override folder)
and how one is opened: through the same safe reader as ``template check`` (zip limits, no DTD, a
Word document and not a .docm or a workbook), so a hostile template gives a message, not a traceback."""
from __future__ import annotations

import os
from pathlib import Path

from .. import kinds
from ..docx.package import load_document, read_bytes, validate_package
from ..errors import TemplateError, UnreadableFile
from ..shipped import TEMPLATES_DIR as SHIPPED


def templates_dir() -> Path:
    """The folder searched first: ``$OCOP_DOCS_TEMPLATES`` if set, else the shipped one."""
    return Path(os.environ.get("OCOP_DOCS_TEMPLATES", SHIPPED))


def template_path(kind: str, override: str | Path | None = None) -> Path:
    """The template file of a kind of document (its id or an older name, ``ocop_docs.kinds``).

    ``override`` names a file to use instead; otherwise a user's folder (``$OCOP_DOCS_TEMPLATES``)
    is searched before the shipped one.
    """
    if override:
        path = Path(override)
        if not path.is_file():
            raise TemplateError(path, "không tìm thấy tệp mẫu")
        return path
    relative = kinds.get(kind).template
    for base in (templates_dir(), SHIPPED):
        candidate = base / relative
        if candidate.is_file():
            return candidate
    raise TemplateError(relative, f"không tìm thấy mẫu trong {templates_dir()} hoặc {SHIPPED}")


def read_template(path: str | Path):
    """The checked bytes of the template at ``path`` and its python-docx Document.

    Raises :class:`TemplateError` (exit code 3) naming the file for a missing, oversized, non-zip,
    zip-bomb, DTD-carrying or non-Word template.
    """
    name = str(path)
    try:
        data = read_bytes(path)
        validate_package(data, name)
        return data, load_document(data, name)
    except UnreadableFile as exc:
        raise TemplateError(path, f"không mở được tệp mẫu. {exc}") from None
