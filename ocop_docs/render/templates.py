"""Where the templates are: the shipped ``templates/`` folder, or a user's override folder."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import TemplateError

SHIPPED = Path(__file__).resolve().parent.parent.parent / "templates"

TEMPLATES = {
    "plan": "plans/ke-hoach.docx",
}


def templates_dir() -> Path:
    """The folder searched first: ``$OCOP_DOCS_TEMPLATES`` if set, else the shipped one."""
    return Path(os.environ.get("OCOP_DOCS_TEMPLATES", SHIPPED))


def template_path(kind: str, override: str | Path | None = None) -> Path:
    """The template file for a kind of document; a user's folder overrides the shipped one."""
    if override:
        path = Path(override)
        if not path.is_file():
            raise TemplateError(path, "không tìm thấy tệp mẫu")
        return path
    relative = TEMPLATES[kind]
    for base in (templates_dir(), SHIPPED):
        candidate = base / relative
        if candidate.is_file():
            return candidate
    raise TemplateError(relative, f"không tìm thấy mẫu trong {templates_dir()} hoặc {SHIPPED}")
