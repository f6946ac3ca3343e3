"""The Jinja environment every template is rendered in: sandboxed, strict, escaping.

docxtpl's default environment silently deletes ``&`` and ``<`` from data, renders a missing
variable as an empty string and runs arbitrary template code. Ours fixes all three.
"""
from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..vi import numbers


def make_environment() -> SandboxedEnvironment:
    """A sandboxed Jinja environment with StrictUndefined and autoescape, and our filters."""
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    env.filters["vnd"] = numbers.format_vnd
    env.filters["so"] = numbers.format_number
    env.filters["bang_chu"] = numbers.tien_bang_chu
    return env
