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


VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
# Comment lines that are not prose: a command and its continuation, a field commented out
# ("# level: khac"), a list of field names, a number format.
_NOT_PROSE = re.compile(r"^\s*(ocop-docs\b|--|[A-Za-z_]\w*:(\s|$)|([a-z_]+\??,\s*)+[a-z_]+\??\)?;?$|[\d/A-Z\-\s…]+$)")


def english_comments(text: str) -> list[tuple[int, str]]:
    """(line, comment) of the YAML comments in ``text`` that are prose but not Vietnamese."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = re.search(r"(?:^|\s)#\s?(.*)$", line)
        if not m or len(re.findall(r"[^\W\d_]{2,}", m.group(1))) < 3 or _NOT_PROSE.match(m.group(1)):
            continue
        if english_leaks(m.group(1)) or not VIETNAMESE.search(m.group(1)):
            out.append((n, m.group(1)))
    return out
