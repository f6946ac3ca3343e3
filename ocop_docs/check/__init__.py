"""ND30 checker for any .docx: ``check_file(path, kind=None) -> Report``.

Findings cite the rule IDs of ``docs/spec/nd30.md`` with the severity and Vietnamese text of
``nd30.rules.RULES``. ``format_text``/``format_json`` render a report; the CLI exits with
``report.exit_code`` (0 no error, 1 errors) or ``UnreadableFile.exit_code`` (2).
"""
from .api import KINDS, NOT_CHECKABLE, VI_KINDS, check_file, checker_kind, kind_names
from .report import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, KIND_NAMES, Finding, Report, format_json, format_text

__all__ = [
    "EXIT_ERRORS", "EXIT_OK", "EXIT_UNREADABLE", "Finding", "KINDS", "KIND_NAMES", "NOT_CHECKABLE", "Report",
    "VI_KINDS", "check_file", "checker_kind", "format_json", "format_text", "kind_names",
]
