"""The register of issued certificate numbers (sổ đăng ký giấy chứng nhận): one SQLite file.

Rules it keeps, whatever happens to the runs that use it:

* a number is unique per issuing body and year — ``UNIQUE(issuer, year, seq)``;
* a product has one number per issuing body and year — ``UNIQUE(issuer, year, product_key)``,
  so re-running the same table gives the same numbers;
* all numbers of a batch are assigned in one ``BEGIN IMMEDIATE`` transaction: two runs at the
  same time against one register take turns (the second waits up to ``BUSY_TIMEOUT_S``) and the
  second sees the first's numbers; a run killed mid-batch has either all its numbers or none;
* WAL journal with ``synchronous=FULL``: a committed number survives a crash or a power cut.

A product already numbered under another recognition decision in the same year is a conflict
(most often the same product put in two tables), reported for its row and not renumbered.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import OcopError
from ..vi.text import fold

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 120.0
ENV_REGISTER = "OCOP_DOCS_REGISTER"
REGISTER_NAME = "so-dang-ky-giay-chung-nhan.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS certificates (
    id INTEGER PRIMARY KEY,
    issuer TEXT NOT NULL,            -- register key of the issuing body (folded name)
    issuer_name TEXT NOT NULL,       -- as printed
    year INTEGER NOT NULL,           -- year of issue
    seq INTEGER NOT NULL,            -- running number within issuer and year
    number TEXT NOT NULL,            -- as printed on the certificate
    product_key TEXT NOT NULL,       -- folded product name | folded chủ thể
    product TEXT NOT NULL,
    owner TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    product_code TEXT,
    stars INTEGER NOT NULL,
    score TEXT,
    decision TEXT NOT NULL,          -- "1234/QĐ-UBND"
    decision_date TEXT NOT NULL,     -- ISO date
    issued_on TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    source TEXT,                     -- results table the row came from
    source_row INTEGER,
    docx_file TEXT, docx_sha256 TEXT,
    pdf_file TEXT, pdf_sha256 TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (issuer, year, seq),
    UNIQUE (issuer, year, product_key)
);
CREATE INDEX IF NOT EXISTS certificates_number ON certificates (number);
"""


class RegisterError(OcopError):
    """The register file cannot be opened or used (Vietnamese message, names the file)."""

    exit_code = 2


@dataclass(frozen=True)
class Request:
    """What a batch asks the register for one product."""

    product_key: str
    product: str
    owner: str
    address: str
    product_code: str | None
    stars: int
    score: str | None
    source_row: int | None


@dataclass(frozen=True)
class Entry:
    """One issued certificate as the register holds it."""

    issuer: str
    issuer_name: str
    year: int
    seq: int
    number: str
    product_key: str
    product: str
    owner: str
    address: str
    product_code: str | None
    stars: int
    score: str | None
    decision: str
    decision_date: date
    issued_on: date
    valid_until: date
    source: str | None
    source_row: int | None
    docx_file: str | None
    docx_sha256: str | None
    pdf_file: str | None
    pdf_sha256: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Assignment:
    """The register's answer for one request: its number, whether it is new, or a conflict."""

    request: Request
    seq: int | None = None
    number: str | None = None
    new: bool = False
    conflict: Entry | None = None  # the entry that holds this product under another decision


def default_register_path() -> Path:
    """``$OCOP_DOCS_REGISTER``, else the user's data folder (one register for every run)."""
    configured = os.environ.get(ENV_REGISTER, "").strip()
    if configured:
        return Path(configured).expanduser()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "ocop-docs" / REGISTER_NAME


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _entry(row: sqlite3.Row) -> Entry:
    values = dict(row)
    values.pop("id", None)
    for key in ("decision_date", "issued_on", "valid_until"):
        values[key] = date.fromisoformat(values[key])
    return Entry(**values)


class Register:
    """An open register file; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise RegisterError(f"Không tìm thấy sổ đăng ký {self.path}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise sqlite3.OperationalError(f"journal_mode {mode}")
            self.db.execute("PRAGMA synchronous = FULL")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                if row is None:
                    self.db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                elif int(row[0]) > SCHEMA_VERSION:
                    raise RegisterError(
                        f"Sổ đăng ký {self.path} do phiên bản ocop-docs mới hơn tạo (lược đồ {row[0]}); hãy cập nhật ocop-docs"
                    )
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"Không mở được sổ đăng ký {self.path}: {exc} (tệp hỏng, không phải SQLite, hoặc không có quyền ghi)") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ numbers

    def assign(
        self,
        *,
        issuer_key: str,
        issuer_name: str,
        year: int,
        decision: str,
        decision_date: date,
        issued_on: date,
        valid_until: date,
        number_text,
        start: int,
        requests: list[Request],
        source: str | None = None,
    ) -> list[Assignment]:
        """Numbers for every request, in one transaction (see the module doc).

        ``number_text(seq, year)`` prints a new number; a product already registered keeps the
        number it has (its details are updated, so a corrected table re-prints the same number).
        """
        now = _now()
        out: list[Assignment] = []
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                # Read inside the write transaction: no other run can take a number until COMMIT.
                existing = {
                    row["product_key"]: _entry(row)
                    for row in self.db.execute("SELECT * FROM certificates WHERE issuer = ? AND year = ?", (issuer_key, year))
                }
                top = max((e.seq for e in existing.values()), default=None)
                next_seq = max(top + 1 if top is not None else start, start)
                inserts, updates = [], []
                for req in requests:
                    old = existing.get(req.product_key)
                    if old is not None:
                        if old.decision != decision or old.decision_date != decision_date:
                            out.append(Assignment(req, conflict=old))
                            continue
                        updates.append((req.product, req.owner, req.address, req.product_code, req.stars, req.score,
                                        issued_on.isoformat(), valid_until.isoformat(), source, req.source_row, now,
                                        issuer_key, year, old.seq))
                        out.append(Assignment(req, old.seq, old.number, new=False))
                        continue
                    seq = next_seq
                    next_seq += 1
                    number = number_text(seq, year)
                    inserts.append((issuer_key, issuer_name, year, seq, number, req.product_key, req.product, req.owner,
                                    req.address, req.product_code, req.stars, req.score, decision,
                                    decision_date.isoformat(), issued_on.isoformat(), valid_until.isoformat(), source,
                                    req.source_row, now, now))
                    out.append(Assignment(req, seq, number, new=True))
                self.db.executemany(
                    "UPDATE certificates SET product = ?, owner = ?, address = ?, product_code = ?, stars = ?,"
                    " score = ?, issued_on = ?, valid_until = ?, source = ?, source_row = ?, updated_at = ?"
                    " WHERE issuer = ? AND year = ? AND seq = ?",
                    updates,
                )
                self.db.executemany(
                    "INSERT INTO certificates (issuer, issuer_name, year, seq, number, product_key, product, owner,"
                    " address, product_code, stars, score, decision, decision_date, issued_on, valid_until, source,"
                    " source_row, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts,
                )
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.IntegrityError as exc:  # pragma: no cover - the constraints are the last guard
            raise RegisterError(f"Sổ đăng ký {self.path} từ chối số trùng: {exc}") from None
        except sqlite3.OperationalError as exc:
            raise RegisterError(f"Không ghi được sổ đăng ký {self.path}: {exc}") from None
        return out

    def record_files(self, issuer_key: str, year: int, files: list[tuple[int, str | None, str | None, str | None, str | None]]) -> None:
        """Remember which files hold each certificate: (seq, docx, docx sha, pdf, pdf sha)."""
        now = _now()
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(
                    "UPDATE certificates SET docx_file = ?, docx_sha256 = ?, pdf_file = COALESCE(?, pdf_file),"
                    " pdf_sha256 = COALESCE(?, pdf_sha256), updated_at = ? WHERE issuer = ? AND year = ? AND seq = ?",
                    [(d, ds, p, ps, now, issuer_key, year, seq) for seq, d, ds, p, ps in files],
                )
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise RegisterError(f"Không ghi được sổ đăng ký {self.path}: {exc}") from None

    # ------------------------------------------------------------------ look-ups

    def entries(self, issuer: str | None = None, year: int | None = None) -> list[Entry]:
        """Every certificate, optionally of one issuing body (any part of its name) and year."""
        sql, args = "SELECT * FROM certificates WHERE 1 = 1", []
        if year is not None:
            sql += " AND year = ?"
            args.append(year)
        rows = [_entry(r) for r in self.db.execute(sql + " ORDER BY issuer, year, seq", args)]
        if issuer:
            wanted = " ".join(fold(issuer, lower=True).split())
            rows = [e for e in rows if wanted in e.issuer]
        return rows

    def find(self, query: str) -> list[Entry]:
        """Certificates whose number is ``query``, or whose product or chủ thể contains it."""
        q = " ".join(query.split())
        exact = [_entry(r) for r in self.db.execute("SELECT * FROM certificates WHERE number = ? ORDER BY issuer, year", (q,))]
        if exact:
            return exact
        if q.isdigit():
            by_seq = [_entry(r) for r in self.db.execute("SELECT * FROM certificates WHERE seq = ? ORDER BY issuer, year", (int(q),))]
            if by_seq:
                return by_seq
        wanted = fold(q, lower=True)
        return [e for e in self.entries() if wanted in e.product_key or wanted in fold(e.number, lower=True)]


def compare_payload(fields: dict, entry: Entry) -> list[str]:
    """Where a decoded QR payload (``qr.parse_payload``) disagrees with the register (Vietnamese)."""
    problems = []
    product = fields.get("product", "")
    if product.endswith("…"):
        same = " ".join(entry.product.split()).startswith(product[:-1])
    else:
        same = " ".join(entry.product.split()) == product
    if not same:
        problems.append(f"tên sản phẩm trong mã QR '{product}' khác sổ đăng ký '{entry.product}'")
    if fields.get("stars") != entry.stars:
        problems.append(f"hạng sao trong mã QR {fields.get('stars')} khác sổ đăng ký {entry.stars}")
    if fields.get("issued") != entry.issued_on or fields.get("valid_until") != entry.valid_until:
        problems.append(
            f"hiệu lực trong mã QR {fields.get('issued'):%d/%m/%Y} - {fields.get('valid_until'):%d/%m/%Y} khác sổ đăng ký "
            f"{entry.issued_on:%d/%m/%Y} - {entry.valid_until:%d/%m/%Y}"
        )
    if " ".join(fields.get("issuer", "").split()) != entry.issuer_name:
        problems.append(f"cơ quan cấp trong mã QR '{fields.get('issuer')}' khác sổ đăng ký '{entry.issuer_name}'")
    return problems


def open_register(path: str | Path | None, *, create: bool = True) -> Register:
    """The register at ``path`` (default: :func:`default_register_path`)."""
    return Register(path or default_register_path(), create=create)


__all__ = [
    "Assignment", "Entry", "Register", "RegisterError", "Request", "compare_payload", "default_register_path",
    "open_register",
]
