"""``ocop-docs serve``: the web pages for OCOP officers (Vietnamese), a thin layer over the library.

Modules: ``config`` (settings of a server), ``accounts`` (users file, hashed passwords),
``security`` (sessions, CSRF, upload limits), ``jobs`` (the bounded pool and per-job folders),
``library`` (the one place that calls the engine), ``previews`` (page pictures),
``app`` (routes and pages).
"""
from .app import create_app
from .config import WebConfig

__all__ = ["WebConfig", "create_app"]
