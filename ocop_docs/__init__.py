"""ocop-docs: ND30-formatted OCOP documents from structured data, and back.

The Python API (README, "Dùng từ Python")::

    from ocop_docs import render, parse, check, roll_forward, issue_certificates

These names are functions: the subpackages ``render``, ``parse`` and ``check`` that share them are
reached with ``from ocop_docs.render import render_spec`` (not ``import ocop_docs.render``).
"""

__version__ = "0.1.0"

from .api import check, issue_certificates, parse, render, roll_forward  # noqa: E402  (after __version__, which cli reads)

__all__ = ["__version__", "check", "issue_certificates", "parse", "render", "roll_forward"]
