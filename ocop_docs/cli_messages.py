"""Click's own messages (usage errors, help headings) in Vietnamese.

Click marks its strings for gettext but offers no catalogue hook, so instead of rebinding its
modules' ``_`` we translate what it produces, through its own extension points: a help formatter
(usage line, headings, option help) set as ``Context.formatter_class``, and :func:`show_error`,
which the CLI calls for every ``click.ClickException`` in place of ``exception.show()``. The
catalogue below maps click's English source strings to Vietnamese; a string with placeholders is
matched as a pattern ("{value!r} is not one of {choices}."). Unknown strings stay in English.
"""
from __future__ import annotations

import re

import click

CATALOGUE = {
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Aborted!": "Đã hủy.",
    "Commands": "Các lệnh",
    "Options": "Tùy chọn",
    "Positional arguments": "Tham số",
    "Usage:": "Cách dùng:",
    "Show this message and exit.": "Hiện hướng dẫn này và thoát.",
    "Show the version and exit.": "Hiện phiên bản và thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing command.": "Thiếu tên lệnh.",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "File": "Tệp",  # click title-cases the name of a path parameter in its messages
    "Directory": "Thư mục",
    "Path": "Đường dẫn",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} không phải giá trị đúng/sai. Nhận: {states}",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng một trong các dạng {formats}.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "unknown error": "lỗi không rõ",
    "env var: {var}": "biến môi trường: {var}",
    "deprecated": "không còn dùng",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
}
PLURALS = {
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa tham số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc: {choices}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "{len_type} values are required, but {len_value} was given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là: {possibilities}?)",
}


def _pattern(source: str) -> re.Pattern:
    """A regex matching ``source`` with its ``{name}``/``{name!r}`` placeholders filled in."""
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)(?:![rs])?\}", source):
        out.append(re.escape(source[pos:m.start()]))
        out.append(f"(?P<{m.group(1)}>.+?)")
        pos = m.end()
    out.append(re.escape(source[pos:]))
    return re.compile("".join(out), re.S)


_TABLE = {**CATALOGUE, **PLURALS}
# Wrappers of another message first ("Invalid value for {param_hint}: {message}" holds "… is not in
# the range …"), then the most specific pattern: "{value!r} is not one of {choices}." before
# "{value!r} is not {choice}.".
_PATTERNS = [(_pattern(k), v) for k, v in sorted(_TABLE.items(), key=lambda kv: (
    "{message}" not in kv[0], -len(re.sub(r"\{[^}]*\}", "", kv[0])))) if "{" in k]


def translate(text: str) -> str:
    """``text`` from click in Vietnamese when the catalogue knows it (nested messages too)."""
    if text in _TABLE:
        return _TABLE[text]
    for pattern, target in _PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return _fill(target, {k: translate(v) if k in ("message", "name") else v for k, v in m.groupdict().items()})
    sentences = re.split(r"(?<=[.?])\s+(?=[A-Z(])", text)  # "No such command 'x'. Did you mean 'y'?"
    if len(sentences) > 1:
        return " ".join(translate(sentence) for sentence in sentences)
    return text


def _fill(target: str, values: dict[str, str]) -> str:
    """``target`` with its placeholders replaced by the texts matched in click's message."""
    return re.sub(r"\{(\w+)(?:![rs])?\}", lambda t: values.get(t.group(1), t.group(0)), target)


_MISSING = {"argument": "Thiếu tham số", "option": "Thiếu tùy chọn", "parameter": "Thiếu tham số"}


def error_message(exc: click.ClickException) -> str:
    """The Vietnamese text of a click error (without the "Lỗi:" prefix)."""
    if isinstance(exc, click.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
        hint = exc.param_hint or (exc.param.get_error_hint(exc.ctx) if exc.param is not None else "")
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        return f"{_MISSING.get(kind, 'Thiếu tham số')} {hint}.".replace(" .", ".")
    if isinstance(exc, click.NoSuchOption):
        text = translate(exc.message)
        if exc.possibilities:
            quoted = [repr(p) for p in exc.possibilities]
            text += " " + (translate(f"Did you mean {quoted[0]}?") if len(quoted) == 1
                           else translate(f"(Did you mean one of: {', '.join(quoted)}?)"))
        return text
    return translate(exc.format_message())


def show_error(exc: click.ClickException) -> None:
    """Show a click error the way ``ClickException.show`` does, in Vietnamese."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            option = max(ctx.command.get_help_option_names(ctx), key=len)
            hint = f"Xem hướng dẫn: '{ctx.command_path} {option}'.\n"
        click.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=ctx.color)
    click.echo(f"Lỗi: {error_message(exc)}", err=True, color=ctx.color if ctx is not None else None)


class Formatter(click.HelpFormatter):
    """Click's help formatter with Vietnamese usage line, headings and option help."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Cách dùng: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(translate(heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _option_help(text)) for term, text in rows], col_max, col_spacing)


def _option_help(text: str) -> str:
    """An option's help with click's own parts translated: the help option, "[default: …; required]"."""
    text = translate(text)
    m = re.search(r"\[([^\[\]]*)\]$", text)
    if m and re.search(r"default: |required", m.group(1)):
        extras = "; ".join(translate(part) if part == "required" else
                           part.replace("default: ", "mặc định: ", 1) for part in m.group(1).split("; "))
        text = text[:m.start()] + f"[{extras}]"
    return text


class Context(click.Context):
    """A click context whose help is formatted in Vietnamese."""

    formatter_class = Formatter
