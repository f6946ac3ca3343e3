"""The one error hierarchy of ocop-docs.

Every error a user can cause carries a Vietnamese message that names the file and,
where it applies, the field, row or template paragraph. The CLI shows ``str(error)``
and exits with ``error.exit_code``; a traceback is shown only with ``--debug``.
"""
from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """The one table of exit codes of the ``ocop-docs`` commands (README, "mã thoát")."""

    OK = 0
    FINDINGS = 1  # check: the document breaks ND30 rules; register show: nothing found
    DATA = 2  # bad input, or a file that cannot be read
    TEMPLATE = 3  # a template that cannot be rendered
    PARTIAL = 3  # certificates: some rows were rejected, the others issued
    PDF = 4  # no PDF could be made (LibreOffice)
    INTERNAL = 70  # a fault of the software itself, not of the user's data (EX_SOFTWARE)
    INTERRUPTED = 130  # stopped with Ctrl+C


EXIT_MEANINGS: dict[int, str] = {
    ExitCode.OK: "thành công",
    ExitCode.FINDINGS: "`check`: văn bản có lỗi thể thức",
    ExitCode.DATA: "dữ liệu vào sai hoặc tệp không đọc được",
    ExitCode.TEMPLATE: "lỗi mẫu văn bản (`render`, `form`, `certificates`: thông báo nêu tệp mẫu và vị trí trong mẫu); "
                       "chạy được một phần, có dòng bị loại (`certificates`)",
    ExitCode.PDF: "không tạo được PDF (thiếu LibreOffice…)",
    ExitCode.INTERNAL: "lỗi của chính phần mềm (không phải của dữ liệu): không ghi tệp dở dang; chạy lại với `--debug` "
                       "để xem chi tiết và gửi cho người phát triển",
}
"""What each exit code means for a user, as the README's table prints it (a test holds them equal)."""

_OS_REASONS = {
    errno.EACCES: "không có quyền", errno.EPERM: "không có quyền", errno.EROFS: "ổ đĩa chỉ đọc",
    errno.ENOSPC: "ổ đĩa đầy", errno.EDQUOT: "hết hạn mức dung lượng", errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EISDIR: "đây là một thư mục", errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài", errno.EIO: "lỗi đọc/ghi đĩa", errno.EBUSY: "tệp đang bị chương trình khác dùng",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in Vietnamese (from its error number; the English text is never shown)."""
    return _OS_REASONS.get(exc.errno or 0, f"lỗi hệ thống số {exc.errno}" if exc.errno else "lỗi hệ thống")


class OcopError(Exception):
    """Base of every error the user is meant to read (message in Vietnamese)."""

    exit_code: int = ExitCode.FINDINGS
    rule: str | None = None  # the rule's code when one was broken (RuleViolation), for --debug

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass
class Problem:
    """One thing wrong with an input: where it is and what is wrong (Vietnamese)."""

    message: str
    path: str = ""  # field path such as "body[2].content[0].task.deadline"
    line: int | None = None  # 1-based line in the source file, when known
    row: int | None = None  # 1-based row of a table, when the input is a table
    column: int | None = None  # 1-based column (character) of ``line``, when known
    rule: str | None = None  # the ND30/OCOP rule applied, for --debug and tools (never in the message)

    def describe(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.path:
            where.append(f"trường '{self.path}'")
        if self.line is not None:
            where.append(f"dòng {self.line}" + (f", cột {self.column}" if self.column else "") + " của tệp")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class DataError(OcopError):
    """Input data (a spec, a table) that cannot be used as it is."""

    exit_code = ExitCode.DATA

    def __init__(self, file: str | Path | None, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.file = str(file) if file is not None else None
        self.problems = problems
        head = f"Lỗi dữ liệu trong tệp {self.file}" if self.file else "Lỗi dữ liệu"
        lines = [f"{head}:"] + [f"  - {p.describe()}" for p in problems]
        super().__init__("\n".join(lines))


class TemplateError(OcopError):
    """A template that cannot be rendered: names the template, where, and nearby text."""

    exit_code = ExitCode.TEMPLATE

    def __init__(self, template: str | Path, message: str, where: str = "", nearby: str = ""):
        self.template = str(template)
        self.reason = message
        self.where = where
        self.nearby = nearby
        text = f"Lỗi mẫu văn bản {self.template}"
        if where:
            text += f" ({where})"
        text += f": {message}"
        if nearby:
            text += f"\n  Đoạn văn bản gần đó: «{nearby}»"
        super().__init__(text)


class ConversionError(OcopError):
    """PDF conversion failed, or LibreOffice is missing."""

    exit_code = ExitCode.PDF

    def __init__(self, message: str, failed: Sequence[Path] = (), converted: Sequence[Path] = ()):
        super().__init__(message)
        self.failed = list(failed)  # the sources that were not converted
        self.converted = list(converted)  # the PDFs written all the same


class RuleViolation(OcopError):
    """A request that breaks a rule of the OCOP programme or of ND30.

    The message is what an officer reads; the rule's code (``rule``, e.g. "OCOP-BAND") is kept for
    ``--debug`` and for tests, not printed.
    """

    exit_code = ExitCode.DATA

    def __init__(self, rule: str, message: str):
        self.rule = rule
        super().__init__(message)


class InvalidField(ValueError):
    """A model validator's finding about one field, raised inside pydantic validation.

    ``loc`` is the field's path relative to the model that raises it (e.g. ``("recipients", 2)``),
    so the error is reported at that field's line in the YAML, not at the model's first line;
    ``rule`` is the ND30/OCOP rule code, kept out of the message.
    """

    def __init__(self, message: str, loc: tuple = (), rule: str | None = None):
        super().__init__(message)
        self.loc = tuple(loc)
        self.rule = rule


class UnreadableFile(OcopError):
    """A file that cannot be opened or is not what it claims to be (corrupt, too large)."""

    exit_code = ExitCode.DATA
