"""ocop-docs: ND30-formatted OCOP documents from structured data, and back.

The Python API (README, "Dùng từ Python")::

    from ocop_docs import render, parse, check, roll_forward, issue_certificates

These names are functions: the subpackages ``render``, ``parse`` and ``check`` that share them are
reached with ``from ocop_docs.render import render_spec`` (not ``import ocop_docs.render``).
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "issue_certificates", "parse", "render", "roll_forward"]

_API = frozenset(__all__) - {"__version__"}

if TYPE_CHECKING:
    from .api import check, issue_certificates, parse, render, roll_forward


def __getattr__(name: str) -> Any:
    # Lazy (PEP 562), for a measured reason: the API loads the whole library (~0.5 s), which
    # `ocop-docs --help`, a usage error or `from ocop_docs.errors import …` do not need.
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    api = importlib.import_module(".api", __name__)
    for api_name in _API:
        globals()[api_name] = getattr(api, api_name)
    return globals()[name]


class _Package(types.ModuleType):
    """The package, whose API names stay the functions when their subpackages are imported.

    Importing ``ocop_docs.check`` sets the package's attribute ``check`` to the subpackage; loaded
    lazily, the function of that name would lose to it. The import's assignment is dropped, and
    the name resolves through ``__getattr__`` above.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
