"""The Jinja environment every template is rendered in: sandboxed, strict, escaping, bounded.

docxtpl's default environment silently deletes ``&`` and ``<`` from data, renders a missing
variable as an empty string and runs arbitrary template code. Ours fixes all three, and bounds
what a hostile template can make the renderer do (the template is a user's file like any other):

* every ``{% for %}`` loop goes through a guard that counts the steps of the whole render and
  watches its clock (``MAX_LOOP_STEPS``, ``MAX_SECONDS``); ``range`` gives at most ``MAX_RANGE``;
* ``**`` and ``*`` of numbers are refused when the result would be huge (``MAX_INT_BITS``);
  ``*``, ``+`` and ``%`` of strings or lists, string methods, filters and namespace values are
  refused beyond ``MAX_STRING`` characters or items, before the memory is taken when it can be
  known, else right after; deep recursion of macros is refused by Python itself;
* ``include``, ``import`` and ``extends`` have nothing to load: a Vietnamese message says so.

Every refusal is a :class:`TemplateLimit` (a Jinja ``SecurityError``), which the callers turn
into the project's TemplateError naming the template.
"""
from __future__ import annotations

import re
import time

from jinja2 import BaseLoader, StrictUndefined, nodes, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

from ..vi import numbers

MAX_RANGE = 10_000
"""Most items one ``range(…)`` may give."""
MAX_LOOP_STEPS = 1_000_000
"""Most steps of all ``{% for %}`` loops of one render together."""
MAX_SECONDS = 20.0
"""Longest time one render may loop."""
MAX_STRING = 1_000_000
"""Longest string (characters) or list (items) an expression may make."""
MAX_INT_BITS = 100_000
"""Largest integer (bits, ~30,000 digits) a ``*`` or ``**`` may make."""

_LOOP_GUARD = "ocop_vong_lap"
_WIDE_FORMAT = re.compile(r"%[-#0 +]*(\d+|\*)|\{[^{}]*:[^{}]*\d{7,}")


class TemplateLimit(SecurityError):
    """A template asked for more than a document needs (a loop, a number or a text too big)."""


class _RenderContext(Context):
    """One render's context: it carries the render's loop budget and clock."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loop_steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS


class _NoLoader(BaseLoader):
    def get_source(self, environment, template):
        raise TemplateLimit(
            f"thẻ include/import/extends ('{template}') không được dùng trong mẫu văn bản; "
            "hãy chép nội dung cần dùng vào chính mẫu này"
        )


class _Namespace(Namespace):
    """``namespace()`` whose values are held to MAX_STRING (a loop cannot double a text forever)."""

    def __setitem__(self, name, value):
        _check_size(value, "giá trị gán cho namespace")
        super().__setitem__(name, value)


def _n(number: int) -> str:
    """A count as Vietnamese write it: 1.000.000."""
    return f"{number:,}".replace(",", ".")


def _check_size(value, what: str) -> None:
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_STRING:
        raise TemplateLimit(f"{what} dài {_n(len(value))} ký tự/phần tử, vượt giới hạn {_n(MAX_STRING)}")


def _tick(context) -> None:
    context.loop_steps += 1
    if context.loop_steps > MAX_LOOP_STEPS:
        raise TemplateLimit(f"các vòng lặp của mẫu chạy quá {_n(MAX_LOOP_STEPS)} bước")
    if not context.loop_steps & 0x3FF and time.monotonic() > context.deadline:
        raise TemplateLimit(f"điền mẫu chạy quá {MAX_SECONDS:g} giây")


@pass_context
def _loop_guard(context, iterable):
    if not isinstance(context, _RenderContext):  # a context made elsewhere (docxtpl's own): no budget
        yield from iterable
        return
    for item in iterable:
        _tick(context)
        yield item


def _safe_range(*args) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise TemplateLimit(f"range(…) cho {_n(len(rng))} số, vượt giới hạn {_n(MAX_RANGE)}")
    return rng


def _int_bits(value) -> int:
    return abs(value).bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


def _sequence(value) -> bool:
    return isinstance(value, (str, list, tuple))


class OcopEnvironment(SandboxedEnvironment):
    """The sandbox with the limits of the module docstring."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    context_class = _RenderContext

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            bits = _int_bits(left)
            if isinstance(right, int) and right > 0 and bits > 1 and (bits - 1) * right > MAX_INT_BITS:
                raise TemplateLimit(f"lũy thừa {left} ** {right} quá lớn")
            try:
                return left ** right
            except OverflowError:
                raise TemplateLimit(f"lũy thừa {left} ** {right} quá lớn") from None
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if _sequence(seq) and isinstance(times, int) and len(seq) * times > MAX_STRING:
                    raise TemplateLimit(f"phép nhân chuỗi cho {_n(len(seq) * times)} ký tự/phần tử, "
                                        f"vượt giới hạn {_n(MAX_STRING)}")
            if _int_bits(left) + _int_bits(right) > MAX_INT_BITS:
                raise TemplateLimit("phép nhân cho một số quá lớn")
        if operator == "+" and _sequence(left) and _sequence(right) and len(left) + len(right) > MAX_STRING:
            raise TemplateLimit(f"phép cộng chuỗi vượt giới hạn {_n(MAX_STRING)} ký tự/phần tử")
        if operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        # 'x'.center(10**8), '{:>{}}'.format(1, 10**8) (the sandbox wraps str.format: __wrapped__)
        owner = getattr(__obj, "__self__", None) or getattr(getattr(__obj, "__wrapped__", None), "__self__", None)
        if isinstance(owner, str):
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and value > MAX_STRING:
                    raise TemplateLimit(f"đối số {value} của phương thức chuỗi quá lớn")
            _check_format(owner)
        for value in (*args, *kwargs.values()):  # a macro called with ever longer texts
            _check_size(value, "đối số")
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(result, "kết quả")
        return result

    def _generate(self, source, name, filename, defer_init=False):
        # Every loop of the compiled template iterates through the guard (the parsed tree that the
        # template checker reads keeps the user's own expressions).
        for loop in source.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.Name(_LOOP_GUARD, "load"), [loop.iter], [], None, None, lineno=loop.lineno)
        return super()._generate(source, name, filename, defer_init=defer_init)


def _check_format(text: str) -> None:
    for m in re.finditer(r"\d+", text):
        if len(m.group()) > 6 and int(m.group()) > MAX_STRING:
            raise TemplateLimit(f"độ rộng {m.group()} trong chuỗi định dạng quá lớn")


def _bounded(name: str, fn):
    """A built-in filter whose numeric arguments and result are held to MAX_STRING."""

    passed = 1 if hasattr(fn, "jinja_pass_arg") else 0  # a context/eval context comes before the value

    def bounded(*all_args, **kwargs):
        args = all_args[passed:]
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_STRING:
                raise TemplateLimit(f"đối số {value} của bộ lọc '{name}' quá lớn")
        if name == "replace" and len(args) >= 3 and isinstance(args[0], str):
            old, new = str(args[1]), str(args[2])
            grows = (args[0].count(old) if old else len(args[0]) + 1) * max(len(new) - len(old), 0)
            if len(args[0]) + grows > MAX_STRING:
                raise TemplateLimit(f"bộ lọc 'replace' cho chuỗi vượt giới hạn {_n(MAX_STRING)} ký tự")
        if name == "join" and args and isinstance(args[0], (list, tuple)):
            glue = len(str(args[1])) if len(args) > 1 else 0
            if sum(len(str(x)) for x in args[0]) + glue * len(args[0]) > MAX_STRING:
                raise TemplateLimit(f"bộ lọc 'join' cho chuỗi vượt giới hạn {_n(MAX_STRING)} ký tự")
        if name == "format" and args and isinstance(args[0], str):
            _check_format(args[0])
        result = fn(*all_args, **kwargs)
        _check_size(result, f"kết quả bộ lọc '{name}'")
        return result

    for attr in ("jinja_pass_arg",):  # keep pass_context/pass_eval_context/pass_environment
        if hasattr(fn, attr):
            setattr(bounded, attr, getattr(fn, attr))
    bounded.__name__ = getattr(fn, "__name__", name)
    return bounded


def make_environment() -> SandboxedEnvironment:
    """A sandboxed Jinja environment with StrictUndefined, autoescape, limits and our filters."""
    env = OcopEnvironment(undefined=StrictUndefined, autoescape=True, loader=_NoLoader())
    env.filters = {name: _bounded(name, fn) for name, fn in env.filters.items()}
    env.filters["vnd"] = numbers.format_vnd
    env.filters["so"] = numbers.format_number
    env.filters["bang_chu"] = numbers.tien_bang_chu
    env.globals.pop("lipsum", None)  # lorem ipsum of any length: nothing a document needs
    env.globals["range"] = _safe_range
    env.globals["namespace"] = _Namespace
    env.globals[_LOOP_GUARD] = _loop_guard
    return env
