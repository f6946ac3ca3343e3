"""Jinja's English error messages, said in Vietnamese for the officer who edits a template in Word.

The template checker, the renderer and the certificates' compiled templates all show a template's
syntax and rendering errors through here, so a message reads the same whichever command met it.
"""
from __future__ import annotations

import difflib
import re

SMART_QUOTES = "“”‘’"
"""Curly quotes Word's AutoCorrect types; docxtpl's patch_xml turns them back into straight ones."""
OTHER_QUOTES = "„‟‚‛«»‹›″′＂＇"
"""Other quote marks (keyboard layouts, AutoCorrect of other languages): docxtpl leaves them, Jinja fails."""
AUTOCORRECT = {
    "–": "Word tự đổi '-' thành '–'", "—": "Word tự đổi '--' thành '—'", "…": "Word tự đổi '...' thành '…'",
    **{q: "dấu nháy kiểu khác, docxtpl không tự đổi lại" for q in OTHER_QUOTES},
}

BLOCKS = {"for": "endfor", "if": "endif", "macro": "endmacro", "call": "endcall", "filter": "endfilter",
          "with": "endwith", "block": "endblock", "autoescape": "endautoescape", "raw": "endraw",
          "set": "endset", "trans": "endtrans"}
MIDDLE = {"elif": ("if",), "else": ("if", "for")}
DOCXTPL_TAGS = {"colspan", "cellbg", "vm", "hm"}  # rewritten by docxtpl's patch_xml before Jinja
KNOWN_TAGS = sorted(set(BLOCKS) | set(BLOCKS.values()) | set(MIDDLE) | DOCXTPL_TAGS
                    | {"include", "import", "from", "extends"})


def undefined_message(message: str) -> str:
    """Jinja's UndefinedError text ("'x' is undefined", "'dict object' has no attribute 'y'") in Vietnamese."""
    m = re.search(r"'([^']+)' is undefined", message)
    if m:
        return f"dữ liệu không có trường '{m.group(1)}'"
    m = re.search(r"'(.+?)' has no attribute '([^']+)'", message)
    if m:
        owner = {"dict object": "nhóm trường", "str object": "chuỗi chữ", "list object": "danh sách"}.get(m.group(1), m.group(1))
        return f"{owner} không có trường '{m.group(2)}'"
    m = re.search(r"'(.+?)' object has no attribute '([^']+)'", message)
    if m:
        return f"giá trị không có trường '{m.group(2)}'"
    return f"thiếu dữ liệu ({message})"


def suggest(word: str, choices, cutoff: float = 0.6) -> str:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else ""


def vi_syntax_message(message: str, env=None) -> str:
    """A Jinja syntax error message in plain Vietnamese."""
    m = re.match(r"unexpected char (['\"])(.+?)\1 at \d+", message)
    if m:
        ch = m.group(2)
        if ch in "'\"":
            return f"dấu nháy {ch} chưa được đóng (chuỗi chữ trong thẻ phải mở và đóng bằng cùng một loại dấu nháy)"
        hint = AUTOCORRECT.get(ch)
        return f"ký tự '{ch}' không dùng được trong thẻ" + (f" ({hint})" if hint else "")
    if message.startswith("Expected an expression, got 'end of print statement'"):
        return "thẻ trống, thiếu tên trường"
    if message.startswith("Expected an expression"):
        return "lệnh thiếu biểu thức (ví dụ '{% if ten_truong %}', '{% for muc in danh_sach %}')"
    m = re.match(r"expected token 'in', got '(.+?)'", message)
    if m:
        return f"vòng lặp phải viết dạng '{{% for muc in danh_sach %}}' (thiếu 'in' trước '{m.group(1)}')"
    m = re.match(r"expected token 'end of (print statement|statement block)', got '(.+?)'", message)
    if m:
        what = "thẻ" if m.group(1) == "print statement" else "lệnh"
        return (f"{what} có chữ thừa '{m.group(2)}' (thiếu dấu chấm, dấu phẩy hoặc phép so sánh? "
                f"tên trường không có dấu cách)")
    m = re.match(r"expected token '(.+?)', got '(.+?)'", message)
    if m:
        return f"cần '{m.group(1)}' nhưng gặp '{m.group(2)}'"
    m = re.match(r"unexpected '(.+?)'(?:, expected '(.+?)')?", message)
    if m:
        return f"dấu '{m.group(1)}' không đúng chỗ" + (f"; cần '{m.group(2)}'" if m.group(2) else "")
    if message.startswith("tag name expected"):
        return "thẻ '{% %}' thiếu tên lệnh (for, if, endif…)"
    m = re.match(r"Encountered unknown tag '(\w+)'", message)
    if m:
        word = m.group(1)
        if word in ("break", "continue", "do"):
            return f"lệnh '{word}' không dùng được trong mẫu"
        if word in KNOWN_TAGS:
            inner = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
            return f"lệnh '{word}' không đúng chỗ" + (f" (khối '{inner.group(1)}' đang mở)" if inner else "")
        s = suggest(word, KNOWN_TAGS)
        return f"lệnh lạ '{word}'" + (f"; có phải '{s}'?" if s else "")
    m = re.match(r"No (filter|test) named '(.+?)'", message)
    if m:
        kind, name = m.groups()
        pool = sorted((env.filters if kind == "filter" else env.tests) if env is not None else [])
        s = suggest(name, pool)
        what = "bộ lọc" if kind == "filter" else "phép thử"
        extra = "; bộ lọc riêng của ocop-docs: vnd, so, bang_chu" if kind == "filter" else ""
        return f"{what} '{name}' không có" + (f"; có phải '{s}'?" if s else "") + extra
    if message.startswith("expected name or number"):
        return "sau dấu chấm phải là tên trường"
    if message.startswith("Unexpected end of template"):
        return "có khối lệnh chưa được đóng (thiếu thẻ end…)"
    return f"thẻ viết sai cú pháp (chi tiết: {message})"


_TYPE_WORDS = {"int": "số", "float": "số", "Decimal": "số", "str": "chữ", "Markup": "chữ", "list": "danh sách",
               "tuple": "danh sách", "dict": "nhóm trường", "NoneType": "giá trị rỗng", "bool": "đúng/sai"}


def _kind(name: str) -> str:
    return _TYPE_WORDS.get(name, name)


def python_error(exc: BaseException) -> str:
    """What a Python error raised by a template's own expression means, in Vietnamese."""
    text = str(exc)
    if isinstance(exc, ZeroDivisionError):
        return "phép chia cho 0"
    m = re.search(r"unsupported operand type\(s\) for ([^:]+): '(\w+)' and '(\w+)'", text)
    if m:
        return f"phép '{m.group(1)}' giữa {_kind(m.group(2))} và {_kind(m.group(3))}"
    m = re.search(r'can only concatenate (\w+) \(not "(\w+)"\)', text)
    if m:
        return f"nối {_kind(m.group(1))} với {_kind(m.group(2))} (đổi sang chữ bằng |string trước)"
    m = re.search(r"'(\w+)' object is not (iterable|subscriptable|callable)", text)
    if m:
        what = {"iterable": "lặp qua", "subscriptable": "lấy phần tử [ ] của", "callable": "gọi như hàm"}[m.group(2)]
        return f"không thể {what} một giá trị là {_kind(m.group(1))}"
    m = re.search(r"invalid literal for \w+\(\) with base \d+: (.+)", text)
    if m:
        return f"không đổi được {m.group(1)} thành số"
    if isinstance(exc, (IndexError, KeyError)):
        return "lấy một phần tử không có trong danh sách hoặc nhóm trường"
    if isinstance(exc, OverflowError):
        return "số quá lớn"
    return f"một phép tính trong thẻ không thực hiện được ({type(exc).__name__})"


def from_template(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while running a template's own code (a frame of the compiled
    template on its traceback), so it is the template's fault, not the software's."""
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_template__" in tb.tb_frame.f_globals or tb.tb_frame.f_code.co_filename == "<template>":
            return True
        tb = tb.tb_next
    return False


def render_failure(exc: BaseException, env=None) -> str | None:
    """What went wrong when a template was compiled or filled, in Vietnamese; None for an exception
    that is not the template's (the caller lets it through: a fault of the software)."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError, TemplateError as JinjaTemplateError

    from .environment import TemplateLimit

    if isinstance(exc, TemplateSyntaxError):
        return f"lỗi cú pháp thẻ mẫu: {vi_syntax_message(exc.message or str(exc), env)}"
    if isinstance(exc, UndefinedError):
        return f"thiếu dữ liệu: {undefined_message(str(exc))}"
    if isinstance(exc, TemplateLimit):
        return f"mẫu vượt giới hạn an toàn: {exc}"
    if isinstance(exc, SecurityError):
        m = re.search(r"attribute '([^']+)' of '([^']+)' object is unsafe", str(exc))
        what = f"truy cập '{m.group(1)}' của một giá trị" if m else str(exc)
        return f"thẻ mẫu gọi thao tác không được phép ({what})"
    if isinstance(exc, RecursionError):
        return "mẫu gọi macro lồng nhau quá sâu"
    if isinstance(exc, JinjaTemplateError):
        return f"lỗi khi điền mẫu: {exc}"
    if isinstance(exc, Exception) and not isinstance(exc, MemoryError) and from_template(exc):
        return f"lỗi khi điền mẫu: {python_error(exc)}"
    return None
