"""Re-apply the ND30 styles of ``ocop_docs/nd30/rules.py`` to every shipped template (``make templates``).

The Word files under ``ocop_docs/templates`` are the source of the templates: edit them in Word or
LibreOffice. Run this after changing a size or weight in ``nd30/rules.py``; it touches only the
"ND30 - …" paragraph styles (found by name) and rewrites only the files whose styles changed.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocop_docs.render.styles import restyle_template  # noqa: E402
from ocop_docs.shipped import TEMPLATES_DIR  # noqa: E402


def main() -> None:
    changed = [path for path in sorted(TEMPLATES_DIR.rglob("*.docx")) if restyle_template(path)]
    for path in changed:
        print(f"đã cập nhật kiểu ND30: {path.relative_to(TEMPLATES_DIR)}")
    print(f"{len(changed)} mẫu thay đổi")


if __name__ == "__main__":
    main()
