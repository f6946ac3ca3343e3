"""Where the templates are (the shipped ``ocop_docs/templates/`` folder, or a user's override folder)
and how one is opened: through the same safe reader as ``template check`` (zip limits, no DTD, a
Word document and not a .docm or a workbook), so a hostile template gives a message, not a traceback."""
from __future__ import annotations

import os
from pathlib import Path

from ..docx.package import load_document, read_bytes, validate_package
from ..errors import TemplateError, UnreadableFile
from ..shipped import TEMPLATES_DIR as SHIPPED

TEMPLATES = {
    "plan": "plans/ke-hoach.docx",
    "plan_decision": "decisions/quyet-dinh-ban-hanh-ke-hoach.docx",
    "council_decision": "decisions/quyet-dinh-hoi-dong.docx",
    "recognition_decision": "decisions/quyet-dinh-cong-nhan.docx",
    "certificate": "certificates/giay-chung-nhan.docx",
    "phieu-danh-gia": "forms/phieu-danh-gia.docx",
    "mau-01": "forms/mau-01-phieu-dang-ky.docx",
    "mau-02": "forms/mau-02-bao-cao-tu-danh-gia.docx",
    "mau-03": "forms/mau-03-bao-cao-xa.docx",
    "cong-van-de-nghi": "forms/cong-van-de-nghi.docx",
    "bien-ban": "forms/bien-ban-hop-hoi-dong.docx",
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
