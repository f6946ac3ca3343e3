"""Findings of the ND30 checker and their text/JSON forms (messages in Vietnamese)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from ..errors import ExitCode

EXIT_OK = ExitCode.OK
"""Exit code when the file has no error (warnings allowed)."""
EXIT_ERRORS = ExitCode.FINDINGS
"""Exit code when the file has at least one error."""
EXIT_UNREADABLE = ExitCode.DATA
"""Exit code when the file cannot be read (``UnreadableFile.exit_code``)."""

KIND_NAMES = {
    "plan": "Kế hoạch",
    "decision": "Quyết định",
    "attached": "Văn bản ban hành kèm theo quyết định / phụ lục",
    "report": "Báo cáo / Tờ trình",
    "minutes": "Biên bản",
    "letter": "Công văn",
    "form": "Biểu mẫu OCOP",
    "certificate": "Giấy chứng nhận",
    "legal": "Văn bản quy phạm pháp luật (ngoài phạm vi ND30)",
    "other": "Văn bản hành chính khác",
}
"""Kinds of document the checker knows; "legal" and "other" are only detected, never asked for."""

SEVERITY_NAMES = {"error": "LỖI", "warning": "CẢNH BÁO"}


@dataclass
class Finding:
    """One rule broken at one place (or, with ``count`` > 1, the same problem at several places).

    ``expected`` is the rule's Vietnamese text from ``nd30.rules.RULES``; ``found`` says what the
    document has. ``element`` names the ND30 element ("ô 4: địa danh, ngày tháng") when known,
    ``excerpt`` gives the first words of the paragraph.
    """

    rule_id: str
    severity: str
    location: str
    found: str
    expected: str
    excerpt: str = ""
    element: str = ""
    count: int = 1
    other_locations: list[str] = field(default_factory=list)


@dataclass
class Report:
    """The findings on one file."""

    path: str
    kind: str
    kind_detected: bool = True
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def exit_code(self) -> int:
        """0 when there is no error, 1 otherwise (2 is for an unreadable file)."""
        return EXIT_ERRORS if self.errors else EXIT_OK

    def rule_ids(self) -> set[str]:
        return {f.rule_id for f in self.findings}

    def by_rule(self, rule_id: str) -> list[Finding]:
        return [f for f in self.findings if f.rule_id == rule_id]


def _where(f: Finding) -> str:
    parts = [p for p in (f.element.split(":")[0] if f.element else "", f.location) if p]
    return ", ".join(parts)


def format_finding(f: Finding) -> str:
    """``LỖI ND30-DATE-02 [ô 4, bảng 1, ô (1,2)] «Hà Nội, ngày 5…»: thấy '…'; yêu cầu: …``"""
    head = f"{SEVERITY_NAMES.get(f.severity, f.severity.upper())} {f.rule_id}"
    where = _where(f)
    if where:
        head += f" [{where}]"
    if f.excerpt:
        head += f" «{f.excerpt}»"
    found = f.found
    if f.count > 1:
        more = ", ".join(f.other_locations[:5]) + ("…" if len(f.other_locations) > 5 else "")
        found += f" (và {f.count - 1} chỗ khác: {more})"
    return f"{head}: thấy {found}; yêu cầu: {f.expected}"


def format_text(report: Report) -> str:
    """The report as lines a clerk can read, then a summary line."""
    lines = [format_finding(f) for f in report.findings]
    lines.extend(f"Ghi chú: {note}" for note in report.notes)
    kind = KIND_NAMES.get(report.kind, report.kind)
    how = "tự nhận diện" if report.kind_detected else "theo yêu cầu"
    if report.errors or report.warnings:
        summary = f"{report.errors} lỗi, {report.warnings} cảnh báo"
    else:
        summary = "không có lỗi thể thức nào"
    lines.append(f"Tệp {report.path} ({kind}, {how}): {summary}.")
    return "\n".join(lines)


def format_json(report: Report) -> str:
    """The report as JSON: keys in English, messages in Vietnamese (``ensure_ascii=False``)."""
    data = {
        "file": report.path,
        "kind": report.kind,
        "kind_name": KIND_NAMES.get(report.kind, report.kind),
        "kind_detected": report.kind_detected,
        "errors": report.errors,
        "warnings": report.warnings,
        "exit_code": report.exit_code,
        "findings": [asdict(f) for f in report.findings],
        "notes": report.notes,
        "parts": report.parts,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
