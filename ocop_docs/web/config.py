"""Settings of one web server: where its work lives, its limits, who may log in."""
from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

ENV_WEB_DIR = "OCOP_DOCS_WEB_DIR"
ENV_REGISTER = "OCOP_DOCS_REGISTER"  # the CLI's variable: the web pages and the CLI share a register
MB = 1024 * 1024


def default_workdir() -> Path:
    """``$OCOP_DOCS_WEB_DIR``, else ~/.local/share/ocop-docs/web (beside the default register)."""
    env = os.environ.get(ENV_WEB_DIR)
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "ocop-docs" / "web"


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class WebConfig:
    """What a server needs; every limit has a default an office laptop can carry.

    ``users_file`` None means one local user with no login (allowed on loopback only: the
    ``serve`` command refuses another host without a users file). ``register`` None:
    ``$OCOP_DOCS_REGISTER``, else the register in the work folder — always one named file, so
    every user of the server numbers certificates in the same register.
    """

    workdir: Path = field(default_factory=default_workdir)
    users_file: Path | None = None
    register: Path | None = None
    max_upload_bytes: int = 20 * MB
    job_ttl_seconds: int = 4 * 3600
    pool_size: int = 2
    https_only: bool = False
    secret_key: str = ""
    warm_up: bool = False  # start LibreOffice once when the server starts: the first preview is then quick

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir)
        self.workdir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.register is None:
            env = os.environ.get(ENV_REGISTER, "").strip()
            self.register = Path(env) if env else self.workdir / "so-dang-ky-giay-chung-nhan.sqlite"
        if not self.secret_key:
            self.secret_key = _secret_key(self.workdir / "khoa-phien.txt")

    @property
    def jobs_dir(self) -> Path:
        return self.workdir / "viec"


def _secret_key(path: Path) -> str:
    """The key signing session cookies, kept across restarts so logged-in users stay logged in."""
    try:
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    return key
