"""YAML syntax errors in Vietnamese, at the line and column where the officer must look.

libyaml (and PyYAML's pure-Python parser) report in English ("found a tab character that violates
indentation"); each known problem gets its Vietnamese explanation and, where the usual cause is
known, the fix. The most common one in Vietnamese text is a colon inside an unquoted value
("Giám đốc các sở: …"), which YAML reads as a new field: the message shows the line quoted.
"""
from __future__ import annotations

import re

import yaml

from ..errors import Problem

TAB = "có ký tự Tab ở đầu dòng; YAML chỉ dùng dấu cách để thụt lề: hãy thay Tab bằng dấu cách"

# libyaml's and PyYAML's problem texts (prefixes) → the Vietnamese explanation.
PROBLEMS = {
    "found a tab character": TAB,
    "found character '\\t' that cannot start any token": TAB,
    "did not find expected key": (
        "dòng này không thẳng cột với các trường cùng cấp (thụt lề sai), hoặc còn chữ sau dấu ngoặc kép đóng; "
        "các trường cùng cấp phải bắt đầu ở cùng một cột"
    ),
    "did not find expected '-' indicator": "các mục của danh sách phải bắt đầu bằng dấu '-' ở cùng một cột",
    "block sequence entries are not allowed": "dấu '-' (mục danh sách) không được đặt ở đây; kiểm tra thụt lề",
    "mapping keys are not allowed": "tên trường không được đặt ở đây; kiểm tra thụt lề",
    "could not find expected ':'": "thiếu dấu hai chấm sau tên trường (viết 'tên: giá trị')",
    "did not find expected ',' or ']'": "danh sách mở bằng '[' chưa được đóng bằng ']' (hoặc thiếu dấu phẩy giữa các mục)",
    "did not find expected ',' or '}'": "nhóm mở bằng '{' chưa được đóng bằng '}' (hoặc thiếu dấu phẩy giữa các trường)",
    "found undefined alias": "bí danh '*…' chưa được khai báo bằng '&…' ở phía trước",
    "found duplicate anchor": "tên neo '&…' được khai báo hai lần",
    "second occurrence": "tên neo '&…' được khai báo hai lần",
    "but found another document": "tệp chỉ được có một tài liệu: bỏ dòng '---' ở giữa tệp",
    "found unknown escape character": (
        "sau dấu '\\' trong chuỗi đặt trong dấu ngoặc kép là một ký tự thoát không hợp lệ; "
        "viết '\\\\' hoặc dùng dấu ngoặc đơn ' '"
    ),
    "found unknown directive name": "dòng bắt đầu bằng '%' không hợp lệ; hãy đặt giá trị trong dấu ngoặc kép",
    "exceeded maximum nesting depth": "các nhóm và danh sách lồng nhau quá sâu",
    "could not determine a constructor for the tag": (
        "thẻ kiểu dữ liệu (bắt đầu bằng '!') không được hỗ trợ; bỏ thẻ hoặc đặt giá trị trong dấu ngoặc kép"
    ),
    "found unhashable key": "tên trường phải là một chữ, không phải danh sách hay nhóm",
    "did not find expected node content": "thiếu giá trị ở đây",
    "did not find expected comment or line break": "còn chữ thừa sau giá trị; đặt cả giá trị trong dấu ngoặc kép",
    "found unexpected end of stream": "tệp kết thúc khi một giá trị chưa viết xong",
    "found unexpected ':'": "dấu hai chấm không được đứng ở đây; đặt giá trị trong dấu ngoặc kép",
    "found unexpected document indicator": "dòng '---' hoặc '...' nằm giữa một giá trị; đặt giá trị trong dấu ngoặc kép",
}

_VALUE_START = re.compile(r"^(\s*(?:-\s+)*[^\s:#'\"][^:#]*?:\s+)(\S.*?)\s*$")


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def colon_fix(line_text: str) -> str | None:
    """The line with its value in double quotes (``title: "Kế hoạch: triển khai"``), or None."""
    m = _VALUE_START.match(line_text)
    if not m or m.group(2).startswith(("'", '"', "[", "{", "|", ">")):
        return None
    return m.group(1) + quoted(m.group(2))


def colon_message(fix: str | None) -> str:
    core = ("dấu hai chấm ở đây nằm trong một giá trị không đặt trong dấu ngoặc kép, nên YAML hiểu nhầm phần "
            "trước nó là tên trường; hãy đặt giá trị trong dấu ngoặc kép")
    return core + (f", ví dụ: {fix.strip()}" if fix else "")


def _char(lines: list[str], line: int, column: int) -> str:
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


def _mapping_value_problem(lines: list[str], line: int, column: int) -> str:
    """"mapping values are not allowed here": a colon in an unquoted value, or a line indented too deep."""
    text = lines[line] if 0 <= line < len(lines) else ""
    before = text[:column]
    body = before.lstrip(" -")
    if ": " in body or body.endswith(":"):
        return colon_message(colon_fix(text))
    return ("dòng này thụt lề sâu hơn dòng trên nên YAML hiểu là phần tiếp theo của giá trị ở dòng trên; "
            "các trường cùng cấp phải bắt đầu ở cùng một cột (nếu đây là giá trị có dấu hai chấm, "
            "hãy đặt giá trị trong dấu ngoặc kép)")


def _text_after_quote(lines: list[str], line: int | None, column: int | None) -> str | None:
    """``title: "Kế hoạch" OCOP năm 2026``: words after the closing quote. The fix: the whole value
    in single quotes, which keep double quotes inside as they are."""
    if line is None or not 0 <= line < len(lines):
        return None
    text = lines[line]
    if text[:column].rstrip()[-1:] not in ('"', "'"):
        return None
    m = _VALUE_START.match(text)
    fix = f"{m.group(1)}'{m.group(2).replace(chr(39), chr(39) * 2)}'" if m else None
    return ("còn chữ sau dấu ngoặc kép đóng; hãy đặt cả giá trị trong dấu ngoặc đơn"
            + (f", ví dụ: {fix.strip()}" if fix else ""))


def _closing(lines: list[str], line: int, start: int, quote: str) -> int | None:
    """The line (0-based) where the quoted value opened at ``lines[line][start]`` closes, or None."""
    for i in range(line, len(lines)):
        text = lines[i][start + 1:] if i == line else lines[i]
        if quote == '"':
            if re.search(r'(?<!\\)(?:\\\\)*"', text):
                return i
        elif "'" in text.replace("''", ""):
            return i
    return None


def _unclosed_quote(lines: list[str], upto: int) -> tuple[tuple[int, int], str] | None:
    """The value up to line ``upto`` (0-based) whose opening quote its own line does not close and
    that is still open at line ``upto``.

    YAML lets a quoted value run over several lines, so a forgotten closing quote is reported by
    the parser lines later, where the next quote happens to be; officers never mean that. A value
    that runs over lines but closes before the error is not the cause and is skipped.
    """
    i = 0
    while i <= min(upto, len(lines) - 1):
        m = _QUOTED_VALUE.match(lines[i])
        if m:
            start = m.end() - 1
            closes = _closing(lines, i, start, m.group(2))
            if closes != i:
                if closes is None or closes >= upto:
                    return (i, start), m.group(2)
                i = closes
        i += 1
    return None


_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)*(?:[^\s:#'"][^:#]*?:\s+)?)(["'])""")


def syntax_problem(exc: yaml.YAMLError, text: str) -> Problem:
    """The Vietnamese :class:`Problem` for a YAML error raised while reading ``text``."""
    lines = text.splitlines()
    if isinstance(exc, yaml.reader.ReaderError):
        position = exc.position if isinstance(exc.position, int) else 0
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        if not (position < len(text) and ord(text[position]) == code):  # libyaml counts UTF-8 bytes
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        before = text[:position]
        line = before.count("\n")
        column = len(before) - (before.rfind("\n") + 1)
        return Problem(f"lỗi cú pháp YAML: tệp chứa ký tự điều khiển không in được (mã {code:#06x}); hãy xóa ký tự này",
                       line=line + 1, column=column + 1)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Problem("lỗi cú pháp YAML")
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark else (None, None)
    unclosed = _unclosed_quote(lines, line) if line is not None else None
    if unclosed is not None and not problem.startswith("found unknown escape"):
        (line, column), quote = unclosed
        what = f"dấu ngoặc {'kép' if quote == chr(34) else 'đơn'} {quote} mở ở đây chưa được đóng trên cùng dòng"
    elif problem.startswith("mapping values are not allowed"):
        what = _mapping_value_problem(lines, line, column)
    elif _text_after_quote(lines, line, column):
        what = _text_after_quote(lines, line, column)
    elif problem.startswith("found character that cannot start any token") or "cannot start any token" in problem:
        char = _char(lines, line, column)
        if char == "\t":
            what = TAB
        elif char in "@`":
            what = f"giá trị không được bắt đầu bằng ký tự '{char}'; hãy đặt giá trị trong dấu ngoặc kép"
        else:
            what = f"ký tự '{char}' không được đứng ở đây; hãy đặt giá trị trong dấu ngoặc kép"
    elif "quoted scalar" in context and "end of stream" in problem:
        quote = _char(lines, exc.context_mark.line, exc.context_mark.column) or '"'
        what = f"dấu ngoặc {'kép' if quote == chr(34) else 'đơn'} {quote} mở ở đây chưa được đóng"
        line, column = exc.context_mark.line, exc.context_mark.column
    else:
        what = next((vi for en, vi in PROBLEMS.items() if problem.startswith(en) or en in problem), None)
        if what is None:
            what = "cú pháp không hợp lệ"
    ctx = exc.context_mark
    if ctx is not None and line is not None and ctx.line != line and ("flow" in context or "quoted" in context):
        what += f" (phần bắt đầu từ dòng {ctx.line + 1})"
    return Problem(f"lỗi cú pháp YAML: {what}", line=None if line is None else line + 1,
                   column=None if column is None else column + 1)
