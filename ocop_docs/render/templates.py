"""Where the templates are: the shipped ``templates/`` folder, or a user's override folder."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import TemplateError

SHIPPED = Path(__file__).resolve().parent.parent.parent / "templates"

TEMPLATES = {
    "plan": "plans/ke-hoach.docx",
    "plan_decision": "decisions/quyet-dinh-ban-hanh-ke-hoach.docx",
    "council_decision": "decisions/quyet-dinh-hoi-dong.docx",
    "recognition_decision": "decisions/quyet-dinh-cong-nhan.docx",
    "decision": "decisions/quyet-dinh.docx",
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
