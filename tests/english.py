"""English leaking into what an officer reads: the words of library error messages (YAML, JSON,
pydantic, Python), looked for outside quoted values, paths and file names."""
from __future__ import annotations

import re

ENGLISH = re.compile(
    r"\b(found|expected|should|valid|allowed|mapping|input|character|could|while|exceeds?|error|"
    r"the|or|not|is|are|must|field required|traceback|exception|none|unexpected|invalid|missing)\b",
    re.IGNORECASE)


def english_leaks(text: str) -> list[str]:
    """English words in ``text`` outside quoted values, paths and field names."""
    bare = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"|«[^»\n]*»|\S*/\S*|\S+\.(yaml|json|docx|xlsx|csv|pdf)\b", " ", text)
    return ENGLISH.findall(bare)
