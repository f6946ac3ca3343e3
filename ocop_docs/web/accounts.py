"""The users file: accounts of a province's server, each belonging to one issuing body.

A YAML file the IT officer keeps (``ocop-docs serve --them-tai-khoan`` adds an account)::

    users:
      - name: hatinh
        issuer: "Ủy ban nhân dân tỉnh Hà Tĩnh"
        password: "scrypt$16384$8$1$<salt hex>$<key hex>"

Passwords are stored only as scrypt hashes (standard library ``hashlib.scrypt``).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import DataError, Problem

_N, _R, _P = 2**14, 8, 1
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


@dataclass(frozen=True)
class Account:
    """Who is logged in. ``issuer`` None: the local user of a loopback server, who sees all."""

    name: str
    issuer: str | None
    password_hash: str = ""


LOCAL = Account("may-nay", None)
"""The one user of a server without a users file (loopback only)."""


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${key.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(bytes.fromhex(key)), maxmem=128 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, bytes.fromhex(key))


def load_accounts(path: Path) -> dict[str, Account]:
    """The accounts of the users file; DataError naming the entry for anything malformed."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if Path(path).exists() else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(path, f"không đọc được tệp tài khoản ({exc.__class__.__name__})") from None
    users = (data or {}).get("users") or []
    if not isinstance(users, list):
        raise DataError(path, Problem("phải là danh sách tài khoản", path="users"))
    accounts: dict[str, Account] = {}
    problems = []
    for i, entry in enumerate(users):
        where = f"users[{i}]"
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("name", "issuer", "password")):
            problems.append(Problem("mỗi tài khoản cần name, issuer (cơ quan) và password (mã băm)", path=where))
            continue
        if entry["name"] in accounts:
            problems.append(Problem(f"tên tài khoản '{entry['name']}' bị trùng", path=where))
            continue
        accounts[entry["name"]] = Account(entry["name"], entry["issuer"].strip(), entry["password"])
    if problems:
        raise DataError(path, problems)
    return accounts


def add_account(path: Path, name: str, issuer: str, password: str) -> None:
    """Add (or replace the password of) an account; the file is rewritten whole, mode 0600."""
    if not _NAME_RE.match(name):
        raise DataError(path, Problem("tên tài khoản chỉ gồm chữ thường không dấu, số, '.', '_', '-' (2–32 ký tự)",
                                      path="name"))
    if len(password) < 8:
        raise DataError(path, Problem("mật khẩu cần ít nhất 8 ký tự", path="password"))
    if not issuer.strip():
        raise DataError(path, Problem("cần tên cơ quan của tài khoản", path="issuer"))
    accounts = load_accounts(path)
    accounts[name] = Account(name, issuer.strip(), hash_password(password))
    data = {"users": [{"name": a.name, "issuer": a.issuer, "password": a.password_hash} for a in accounts.values()]}
    text = "# Tài khoản trang web ocop-docs (mật khẩu chỉ lưu dạng băm scrypt)\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)
