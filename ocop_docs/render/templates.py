"""Where the templates are: the shipped ``templates/`` folder, or a user's override folder."""
from __future__ import annotations

import os
from pathlib import Path

from .. import kinds
from ..errors import TemplateError

SHIPPED = Path(__file__).resolve().parent.parent.parent / "templates"


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
