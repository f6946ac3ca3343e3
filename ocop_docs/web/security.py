"""Request limits, CSRF tokens and uploaded files.

* :class:`BodyLimit` refuses a request body over the limit before it is read (Content-Length)
  or while it streams (chunked), with a Vietnamese page (413).
* Every form carries the session's CSRF token; :func:`check_csrf` refuses a POST without it.
* :func:`save_upload` keeps an uploaded file under a clean name in the job's folder, after
  checking its type by name and by its first bytes; the library's readers then apply their own
  limits (zip bombs, rows, sizes) as they do for the CLI.
"""
from __future__ import annotations

import hmac
import re
import secrets
import unicodedata
from pathlib import Path

from starlette.datastructures import UploadFile
from starlette.requests import Request

from ..errors import DataError, resave_hint

CSRF_FIELD = "csrf"

UPLOAD_KINDS = {
    ".docx": ("Word .docx", b"PK\x03\x04"),
    ".xlsx": ("Excel .xlsx", b"PK\x03\x04"),
    ".pdf": ("PDF", b"%PDF"),
    ".csv": ("CSV", None),
    ".txt": ("văn bản .txt", None),
    ".yaml": ("tệp dữ liệu .yaml của ocop-docs", None),
    ".yml": ("tệp dữ liệu .yaml của ocop-docs", None),
}
"""Suffixes a page may accept, with a name for messages and the bytes the file must start with."""


class TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: a request body larger than ``limit`` bytes gets 413 and is not stored."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                return await self._refuse(send)
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge()
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send):
        mb = self.limit / (1024 * 1024)
        body = (f"<!doctype html><html lang='vi'><meta charset='utf-8'><title>Tệp quá lớn</title>"
                f"<body><h1>Tệp quá lớn</h1><p>Tệp gửi lên vượt giới hạn {mb:g} MB của máy chủ. "
                f"Hãy chọn tệp nhỏ hơn hoặc nhờ cán bộ công nghệ thông tin tăng giới hạn.</p>"
                f"<p><a href='/'>Về trang chủ</a></p></body></html>").encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return token


def check_csrf(request: Request, form) -> bool:
    expected = request.session.get(CSRF_FIELD)
    given = form.get(CSRF_FIELD)
    return bool(expected) and isinstance(given, str) and hmac.compare_digest(expected, given)


def clean_name(name: str, fallback: str) -> str:
    """A file name without any folder, safe on every system, keeping Vietnamese letters."""
    name = unicodedata.normalize("NFC", Path(name.replace("\\", "/")).name)
    name = re.sub(r"[^\w.\- ]+", "_", name).strip(" ._")
    return name[:120] or fallback


async def save_upload(upload, folder: Path, allowed: tuple[str, ...], field: str) -> Path:
    """Store an uploaded file in ``folder``; DataError (Vietnamese) when it is missing or of a
    type the page does not take."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise DataError(None, f"chưa chọn tệp ({field})")
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in allowed:
        names = ", ".join(dict.fromkeys(UPLOAD_KINDS[s][0] for s in allowed))
        hint = resave_hint(suffix)
        raise DataError(upload.filename, f"loại tệp không nhận ở đây ({field}); chỉ nhận: {names}"
                                         + (f" — {hint}" if hint else ""))
    data = await upload.read()
    if not data:
        raise DataError(upload.filename, "tệp rỗng")
    magic = UPLOAD_KINDS[suffix][1]
    if magic is not None and not data.startswith(magic):
        raise DataError(upload.filename, f"không phải tệp {UPLOAD_KINDS[suffix][0]} (nội dung không đúng loại tệp)")
    if magic is None and b"\x00" in data[:4096]:
        raise DataError(upload.filename, f"không phải tệp {UPLOAD_KINDS[suffix][0]} dạng chữ")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / clean_name(upload.filename, "tep" + suffix)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    path.write_bytes(data)
    return path


SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                 b"script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
"""Headers on every answer: only this server's scripts, no framing by another site, no sniffing."""


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers", [])) + SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, with_headers)
