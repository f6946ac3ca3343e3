"""The register of certificate numbers (sổ đăng ký giấy chứng nhận): one SQLite file.

Rules it keeps, whatever happens to the runs that use it:

* a number is unique per issuing body and year — ``UNIQUE(issuer, year, seq)``; the body is its
  canonical identity (``issuers``: official area code + body), so two spellings of one body share
  one numbering;
* a number is never reused: a voided number (``void``) stays in the register with its reason;
* a product (exact name + chủ thể, ``model.product.product_key``) has one live number per body and
  year — a unique index over the rows that are not void — so re-running a table gives the same
  numbers;
* a number is final (``issued``) only when its files exist; until then it is ``reserved`` for its
  product: a re-run resumes it, a run that fails before writing its files releases it when no
  later number was taken (otherwise it stays reserved for the re-run), and nobody is told it is
  valid;
* every change (number reserved, made final, details corrected, voided, re-issued, released,
  register converted) is a row of ``history`` with its time and reason;
* the numbers of a batch are taken in one ``BEGIN IMMEDIATE`` transaction: two runs at the same
  time take turns (up to ``BUSY_TIMEOUT_S``) and the second sees the first's numbers; WAL journal
  with ``synchronous=FULL``: a committed number survives a crash or a power cut;
* before taking numbers the register checks itself (``problems``): a number or product held twice
  by hand edits stops the batch with a message saying which rows;
* look-ups (``readonly=True``) open the file read-only and never write, not even a schema.

A product already numbered under another recognition decision in the same year is a conflict
(most often a wrong decision number): reported for its row, unless the run re-issues
(``reissue_reason``): then the old number is voided and the product gets a NEW number that names
the voided one. A number is never given twice: a certificate already handed out under the old
number must not mean a second document.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

from ..errors import OcopError
from ..io.messages import library_text
from ..model.product import product_key
from ..vi.text import fold
from .issuers import issuer_key

SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 120.0
ENV_REGISTER = "OCOP_DOCS_REGISTER"
REGISTER_NAME = "so-dang-ky-giay-chung-nhan.sqlite"

RESERVED, ISSUED, VOID = "reserved", "issued", "void"
STATUS_VI = {RESERVED: "đang giữ số, chưa có đủ tệp (chưa có giá trị)", ISSUED: "đã cấp", VOID: "đã hủy"}
ACTIONS_VI = {
    "giu-so": "giữ số cho sản phẩm",
    "hoan-tat": "đã có đủ tệp, số có giá trị",
    "sua": "sửa thông tin in trên giấy",
    "huy": "hủy số",
    "cap-lai": "cấp số mới thay số đã hủy",
    "giai-phong": "trả lại số chưa dùng",
    "tiep-tuc": "một lần chạy khác tiếp tục số đang giữ",
    "chuyen-doi": "chuyển sổ sang lược đồ mới",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS certificates (
    id INTEGER PRIMARY KEY,
    issuer TEXT NOT NULL,            -- canonical identity of the issuing body (issuers.issuer_key)
    issuer_name TEXT NOT NULL,       -- as printed
    year INTEGER NOT NULL,           -- year of issue
    seq INTEGER NOT NULL,            -- running number within issuer and year
    number TEXT NOT NULL,            -- as printed on the certificate
    product_key TEXT NOT NULL,       -- exact product name | chủ thể (NFC, single spaces)
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
    status TEXT NOT NULL DEFAULT 'issued',   -- reserved | issued | void
    void_reason TEXT,
    voided_at TEXT,
    replaces INTEGER,                -- id of the voided certificate this one re-issues
    UNIQUE (issuer, year, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS certificates_live_product ON certificates (issuer, year, product_key)
    WHERE status <> 'void';
CREATE INDEX IF NOT EXISTS certificates_number ON certificates (number);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,            -- a key of ACTIONS_VI
    issuer TEXT, year INTEGER, seq INTEGER, number TEXT,
    reason TEXT,
    detail TEXT
);
CREATE TABLE IF NOT EXISTS issuer_names (
    issuer TEXT NOT NULL, name TEXT NOT NULL, first_seen TEXT NOT NULL, PRIMARY KEY (issuer, name)
);
"""
_V1_DEFAULTS = {"status": "'issued'", "void_reason": "NULL", "voided_at": "NULL", "replaces": "NULL"}


@lru_cache(maxsize=1)
def _schema_columns() -> dict[str, frozenset[str]]:
    """The tables of a register of this schema and their columns (read from ``_SCHEMA`` itself)."""
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(_SCHEMA)
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: frozenset(r[1] for r in db.execute(f"PRAGMA table_info({t})")) for t in tables}
    finally:
        db.close()


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
    """One certificate number as the register holds it."""

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
    status: str = ISSUED
    void_reason: str | None = None
    voided_at: str | None = None
    replaces: int | None = None
    id: int | None = None

    @property
    def status_text(self) -> str:
        return STATUS_VI.get(self.status, self.status)

    def of_body(self, key: str) -> bool:
        """Whether this number is of the body whose register key is ``key`` (``issuers.issuer_key``),
        its "key~old-key" numbering kept apart by the schema 1 → 2 conversion included."""
        return self.issuer == key or self.issuer.startswith(key + "~")


@dataclass(frozen=True)
class Assignment:
    """The register's answer for one request: its number, whether it is new, or a conflict."""

    request: Request
    seq: int | None = None
    number: str | None = None
    new: bool = False
    conflict: Entry | None = None  # the entry that holds this product under another decision
    replaces: Entry | None = None  # the voided entry this new number re-issues
    # registered products that may be this one: names that differ only by marks, or the same name of
    # another chủ thể (a corrected typo in the chủ thể makes a new product): "did you mean", never merged
    similar: tuple[Entry, ...] = ()
    held: Entry | None = None  # the entry whose number this product keeps (not new)


@dataclass
class Released:
    """What :meth:`Register.release` did with the reservations of a failed run."""

    released: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def register_location(explicit: str | Path | None, outdir: str | Path | None = None,
                      trial: bool = False) -> tuple[Path, str | None]:
    """The register a command uses, and a note (Vietnamese) when it was not named.

    ``--register``, else ``$OCOP_DOCS_REGISTER``; else, for a batch, the register beside its output
    folder when there is one (the note says so). A batch never creates a register nobody named: one
    folder per round would start every round at 001 again, so without one it asks for ``--register``
    (a ``trial`` run only notes it). A look-up uses that file in the current folder. Never a hidden
    file under the home folder.
    """
    if explicit:
        return Path(explicit), None
    configured = os.environ.get(ENV_REGISTER, "").strip()
    if configured:
        return Path(configured).expanduser(), None
    if outdir is not None:
        path = Path(outdir).absolute().parent / REGISTER_NAME
        if path.exists():
            return path, f"Dùng sổ đăng ký {path} (cạnh thư mục kết quả; chỉ rõ bằng --register)."
        ask = (f"Chưa chỉ sổ đăng ký (--register hoặc biến {ENV_REGISTER}) và cạnh thư mục kết quả chưa có sổ. Mỗi cơ "
               "quan cấp dùng MỘT sổ cho mọi đợt: nếu đã cấp số ở đợt trước, hãy chỉ đúng sổ đó bằng --register; nếu đây "
               f"là lần cấp đầu tiên, tạo sổ mới bằng --register {path}")
        if trial:
            return path, ask + " (chạy thật sẽ dừng ở đây cho đến khi chỉ rõ sổ)."
        raise RegisterError(ask + ". Chưa lấy số nào, chưa ghi tệp nào.")
    path = Path(REGISTER_NAME)
    if path.exists():
        return path.absolute(), None
    raise RegisterError(
        f"Cần chỉ sổ đăng ký: --register TỆP hoặc biến {ENV_REGISTER} "
        f"(thư mục hiện tại không có tệp {REGISTER_NAME})"
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# Times are kept in UTC and shown in Vietnam's time (UTC+7 all year), whatever the zone of the
# computer or server: a void made at 06:30 in the morning in Hà Tĩnh is of that day, not the day before.
VIETNAM_TIME = timezone(timedelta(hours=7))


def vn_time(at: str) -> datetime:
    """A time of the register (ISO, UTC) in Vietnam's time."""
    moment = datetime.fromisoformat(at)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(VIETNAM_TIME)


def vn_time_text(at: str | None) -> str:
    """"06/12/2026 04:36:02": a time of the register as an office reads it (empty when unknown or unreadable)."""
    try:
        return f"{vn_time(at):%d/%m/%Y %H:%M:%S}" if at else ""
    except ValueError:
        return str(at)


class Register:
    """An open register file; use as a context manager or call :meth:`close`.

    ``readonly``: opened with SQLite ``mode=ro`` for look-ups; nothing is written, an old-schema
    file is read as it is, and a read-only user or folder is enough.
    """

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self.notices: list[str] = []
        self._details_changed: set[tuple[str, int, int]] = set()  # (issuer, year, seq) whose printed details this run changed
        if (readonly or not create) and not self.path.is_file():
            raise RegisterError(f"Không tìm thấy sổ đăng ký {self.path}")
        try:
            if readonly:
                self._open_readonly()
            else:
                self._open_writable()
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"Không mở được sổ đăng ký {self.path}: {_sqlite_vi(exc)}") from None

    # ------------------------------------------------------------------ opening

    def _connect(self, target: str, uri: bool = False) -> None:
        self.db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=uri)
        self.db.row_factory = sqlite3.Row
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")

    def _open_readonly(self) -> None:
        if self.path.stat().st_size == 0:
            raise RegisterError(f"Sổ đăng ký {self.path} là tệp rỗng (0 byte), chưa phải sổ đăng ký; không đọc được")
        uri = "file:" + quote(str(self.path.absolute())) + "?mode=ro"
        try:
            self._connect(uri, uri=True)
            self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            # A WAL file in a folder the user cannot write: no -shm can be made; read it as a snapshot,
            # which would not see the changes still in the -wal file (a run killed before it closed the
            # register): numbers taken then would be missing from what is shown, so that is refused.
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                raise RegisterError(
                    f"Sổ đăng ký {self.path} còn thay đổi chưa gộp vào tệp chính (tệp {wal.name}, thường do một lần chạy "
                    "bị ngắt), và người dùng này không có quyền ghi thư mục của sổ nên không đọc được đầy đủ. Hãy nhờ "
                    "người quản lý sổ mở sổ để ghi một lần (ví dụ chạy lại lần cấp bị ngắt), rồi tra cứu lại."
                ) from None
            self._connect(uri + "&immutable=1", uri=True)
        self._check_version(writable=False)

    def _open_writable(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connect(str(self.path))
        # Two runs opening a new register at once both want the exclusive lock that switching to
        # WAL needs; SQLite answers one of them "locked" at once, without its busy handler (it
        # would be a deadlock), so the set-up itself takes turns here.
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        pause = 0.02
        while True:
            try:
                self._set_up()
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def _set_up(self) -> None:
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and not {"meta", "certificates"} <= tables:  # another program's database: leave it as it is
            self.db.close()
            raise RegisterError(f"Tệp {self.path} là cơ sở dữ liệu khác, không phải sổ đăng ký giấy chứng nhận")
        mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise sqlite3.OperationalError(f"journal_mode {mode}")
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "certificates" in tables and "meta" in tables and self._check_version(writable=True) < SCHEMA_VERSION:
                self._migrate_v1()
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            self.db.execute("COMMIT")
        except sqlite3.IntegrityError:
            # The unique index of live products was dropped by hand and rows now break it: say which.
            self.db.execute("ROLLBACK")
            self.stop_if_broken(None, None)
            raise
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.version = SCHEMA_VERSION
        self.columns = {r[1] for r in self.db.execute("PRAGMA table_info(certificates)")}

    def _check_version(self, writable: bool) -> int:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            self.db.execute("SELECT 1 FROM certificates LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            raise RegisterError(f"Tệp {self.path} không phải sổ đăng ký giấy chứng nhận (không có bảng sổ)") from None
        try:
            version = int(row[0]) if row is not None else 1
        except ValueError:
            raise RegisterError(f"Sổ đăng ký {self.path} bị sửa tay: phiên bản lược đồ '{row[0]}' không hợp lệ") from None
        if version > SCHEMA_VERSION:
            raise RegisterError(
                f"Sổ đăng ký {self.path} do phiên bản ocop-docs mới hơn tạo (lược đồ {version}); hãy cập nhật ocop-docs"
            )
        self.version = version
        self.columns = {r[1] for r in self.db.execute("PRAGMA table_info(certificates)")}
        if version == SCHEMA_VERSION:
            self._check_structure(full=writable)
        return version

    def _check_structure(self, full: bool) -> None:
        """A register of this schema with a table or column removed by hand, or with damaged pages,
        is refused (read or write): its numbers cannot be trusted to be unique, nor its history whole."""
        missing = []
        for table, columns in _schema_columns().items():
            found = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if not found:
                missing.append(f"bảng {table}")
            else:
                missing += [f"cột {table}.{c}" for c in sorted(columns - found)]
        if missing:
            raise RegisterError(f"Sổ đăng ký {self.path} bị sửa tay: thiếu {', '.join(missing)}. Không đọc hay ghi sổ này để "
                                f"không cấp trùng số hoặc mất lịch sử; hãy dùng bản sao lưu gần nhất của sổ.")
        self._check_pages(full)

    def _check_pages(self, full: bool) -> None:
        """SQLite's own check of the file: ``quick_check`` when opened for a look-up, the full
        ``integrity_check`` (indexes against their table too: a damaged unique index would let a
        number be given twice) when opened to write and when the register is listed or checked."""
        faults = [r[0] for r in self.db.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}(20)")]
        if faults != ["ok"]:
            raise RegisterError(
                f"Sổ đăng ký {self.path} bị hỏng (kiểm tra toàn vẹn của SQLite thấy {len(faults)} lỗi). Không đọc hay ghi sổ "
                f"này để không cấp trùng số; hãy dùng bản sao lưu gần nhất của sổ, hoặc nhờ cán bộ CNTT khôi phục "
                f"(sqlite3 {self.path.name} \".recover\")."
            )

    def _migrate_v1(self) -> None:
        """Schema 1 → 2: canonical issuer keys, exact product keys, status, void and history.

        The table is rebuilt (its old UNIQUE product constraint cannot be dropped in place). Two
        spellings of one body that both numbered a year would now share numbers: the rows of the
        later spelling keep their own numbering under ``key~old-key`` and the integrity check
        reports each number held twice, to be voided and re-issued by the office.
        """
        rows = [dict(r) for r in self.db.execute("SELECT * FROM certificates ORDER BY id")]
        self.db.execute("ALTER TABLE certificates RENAME TO certificates_v1")
        self.db.execute("DROP INDEX IF EXISTS certificates_number")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)
        taken: dict[tuple[str, int, int], str] = {}
        now = _now()
        for row in rows:
            old_key = row["issuer"]
            folded_name = " ".join(fold(row["issuer_name"], lower=True).split())
            key = issuer_key(row["issuer_name"] if old_key == folded_name else old_key)
            owner_of_seq = taken.setdefault((key, row["year"], row["seq"]), old_key)
            if owner_of_seq != old_key:
                key = f"{key}~{old_key}"
            row.update(issuer=key, product_key=product_key(row["product"], row["owner"]), status=ISSUED)
            columns = [c for c in row]
            self.db.execute(
                f"INSERT INTO certificates ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [row[c] for c in columns],
            )
            self.db.execute("INSERT OR IGNORE INTO issuer_names (issuer, name, first_seen) VALUES (?, ?, ?)",
                            (key.split("~")[0], row["issuer_name"], row["created_at"]))
        self.db.execute("DROP TABLE certificates_v1")
        self.db.execute(
            "INSERT INTO history (at, action, reason, detail) VALUES (?, 'chuyen-doi', ?, ?)",
            (now, "phiên bản ocop-docs mới", f"lược đồ 1 → {SCHEMA_VERSION}; {len(rows)} số giữ nguyên"),
        )
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ reading rows

    def _select(self) -> str:
        """SELECT of every column of ``Entry`` (an old-schema file read-only gets the defaults)."""
        columns = ["id"] + [c for c in Entry.__dataclass_fields__ if c != "id"]
        parts = [c if c in self.columns else f"{_V1_DEFAULTS.get(c, 'NULL')} AS {c}" for c in columns]
        return f"SELECT {', '.join(parts)} FROM certificates"

    def _rows(self, where: str = "1 = 1", args: tuple = ()) -> list[Entry]:
        try:
            rows = self.db.execute(f"{self._select()} WHERE {where} ORDER BY issuer, year, seq, id", args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"Không đọc được sổ đăng ký {self.path}: {_sqlite_vi(exc)} (tệp hỏng hoặc bị sửa tay)") from None
        return [self._entry(r) for r in rows]

    def _entry(self, row: sqlite3.Row) -> Entry:
        values = dict(row)
        for name in ("decision_date", "issued_on", "valid_until"):
            try:
                values[name] = date.fromisoformat(str(values[name]))
            except ValueError:
                raise RegisterError(
                    f"Sổ đăng ký {self.path} bị sửa tay: số {values.get('number')} (mã dòng {values.get('id')}) có "
                    f"cột {name} = '{values[name]}' không phải ngày (YYYY-MM-DD)"
                ) from None
        for name in ("year", "seq", "stars"):
            if not isinstance(values[name], int):
                raise RegisterError(
                    f"Sổ đăng ký {self.path} bị sửa tay: số {values.get('number')} (mã dòng {values.get('id')}) có "
                    f"cột {name} = '{values[name]}' không phải số nguyên"
                )
        if values["status"] not in STATUS_VI:
            raise RegisterError(
                f"Sổ đăng ký {self.path} bị sửa tay: số {values.get('number')} (mã dòng {values.get('id')}) có trạng "
                f"thái '{values['status']}' không hợp lệ (reserved, issued hoặc void)"
            )
        if self.version < SCHEMA_VERSION:  # schema 1 keyed by folded names: the keys it gets when converted
            folded = " ".join(fold(values["issuer_name"], lower=True).split())
            values["issuer"] = issuer_key(values["issuer_name"] if values["issuer"] == folded else values["issuer"])
            values["product_key"] = product_key(values["product"], values["owner"])
        return Entry(**values)

    def _write(self, action):
        """Run ``action()`` in one write transaction; SQLite errors become Vietnamese messages."""
        if self.readonly:
            raise RegisterError(f"Sổ đăng ký {self.path} đang mở chỉ để đọc")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                result = action()
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.IntegrityError as exc:
            raise RegisterError(f"Sổ đăng ký {self.path} từ chối ghi vì trùng số hoặc trùng sản phẩm "
                                f"({library_text(exc, 'ràng buộc của sổ')})") from None
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"Không ghi được sổ đăng ký {self.path}: {_sqlite_vi(exc)}") from None
        return result

    def _log(self, action: str, entry: Entry | None = None, reason: str | None = None, detail: str | None = None,
             *, at: str | None = None, issuer: str | None = None, year: int | None = None, seq: int | None = None,
             number: str | None = None) -> None:
        if entry is not None:
            issuer, year, seq, number = entry.issuer, entry.year, entry.seq, entry.number
        self.db.execute(
            "INSERT INTO history (at, action, issuer, year, seq, number, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (at or _now(), action, issuer, year, seq, number, reason, detail),
        )

    # ------------------------------------------------------------------ integrity

    def problems(self, issuer: str | None = None, year: int | None = None) -> list[str]:
        """What is wrong in the register itself (Vietnamese), e.g. a number held twice by hand edits.

        Only rows that are not void count: voiding one of two rows that hold a number settles it.
        """
        if self.version == SCHEMA_VERSION:
            self._check_pages(full=True)
        entries = self._issuer_rows(issuer, year) if issuer else self._rows(*(("year = ?", (year,)) if year else ()))
        out = []
        for what, key_of in (("số", lambda e: e.number), ("số thứ tự", lambda e: e.seq), ("sản phẩm", lambda e: e.product_key)):
            groups: dict = defaultdict(list)
            for e in entries:
                if e.status != VOID:  # a printed number is one certificate's in every year (its format may omit the year)
                    groups[(e.issuer.split("~")[0], None if what == "số" else e.year, key_of(e))].append(e)
            for (_, _year, value), held in groups.items():
                if len(held) > 1:
                    shown = value.replace("|", " — ") if isinstance(value, str) else value
                    rows = ", ".join(f"mã dòng {e.id} ({e.number}, {e.product})" for e in held)
                    when = " năm " + ", ".join(str(y) for y in sorted({e.year for e in held}))
                    out.append(f"{what} {shown} của {held[0].issuer_name}{when} có {len(held)} lần trong sổ: {rows}")
        return out

    def _issuer_rows(self, issuer: str, year: int | None = None) -> list[Entry]:
        if self.version < SCHEMA_VERSION:  # an old file read as it is: its keys are computed here
            return [e for e in self._rows(*(("year = ?", (year,)) if year is not None else ())) if e.issuer == issuer]
        # "key~old-key": a second numbering of the body kept apart by the schema 1 → 2 conversion
        where, args = "(issuer = ? OR substr(issuer, 1, ?) = ?)", [issuer, len(issuer) + 1, issuer + "~"]
        if year is not None:
            where += " AND year = ?"
            args.append(year)
        return self._rows(where, tuple(args))

    def stop_if_broken(self, issuer: str | None, year: int | None) -> None:
        """Raise the message a batch gives when the register is not consistent (:meth:`problems`)."""
        problems = self.problems(issuer, year)
        if problems:
            raise RegisterError(
                f"Sổ đăng ký {self.path} không nhất quán, không cấp số mới cho đến khi sửa:\n"
                + "\n".join(f"  - {p}" for p in problems)
                + "\n  Cách sửa: giữ một dòng, hủy các dòng kia bằng 'ocop-docs register huy SỐ --id MÃ_DÒNG --ly-do \"…\"'."
            )

    # ------------------------------------------------------------------ numbers

    def plan(self, *, issuer_key: str, year: int, decision: str, decision_date: date, number_text, start: int,
             requests: list[Request], reissue: bool = False, renew: frozenset[str] = frozenset()) -> list[Assignment]:
        """The numbers :meth:`assign` would give, without writing anything (the trial run)."""
        return decide(self._issuer_rows(issuer_key, year), requests, decision, decision_date, number_text,
                      self._series_start(issuer_key, year, number_text, start), year, reissue, renew)

    def _series_start(self, issuer_key: str, year: int, number_text, start: int) -> int:
        """The first running number a year may give: ``start``, or — when the printed number does not
        name the year ("{so:03d}/GCN-OCOP") — after every number the body gave in any year, so that
        "001/GCN-OCOP" is never printed on a certificate of 2025 and another of 2026."""
        if number_text(1, year) != number_text(1, year + 1):
            return start
        others = [e.seq for e in self._issuer_rows(issuer_key) if e.year != year]
        return max([start] + [seq + 1 for seq in others])

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
        reissue_reason: str | None = None,
        renew: frozenset[str] = frozenset(),
    ) -> list[Assignment]:
        """Reserve numbers for every request, in one transaction (see the module doc).

        A product already registered under this decision keeps its number (its printed details
        are updated, each change kept in the history). New numbers are ``reserved`` until
        :meth:`record_files` finds their files. ``renew`` (product keys; needs ``reissue_reason``):
        these products get a new number that replaces their live one even under this same decision
        (a certificate lost, damaged or printed wrong), the old one voided in the same transaction.
        """
        if renew and reissue_reason is None:
            raise RegisterError("Cấp lại số mới cần lý do (số cũ bị hủy với lý do đó)")

        def work() -> list[Assignment]:
            # Read inside the write transaction: no other run can take a number until COMMIT.
            self.stop_if_broken(issuer_key, year)
            self._note_issuer_name(issuer_key, issuer_name)
            rows = self._issuer_rows(issuer_key, year)
            out = decide(rows, requests, decision, decision_date, number_text,
                         self._series_start(issuer_key, year, number_text, start), year, reissue_reason is not None, renew)
            now = _now()
            for a in out:
                req = a.request
                if a.conflict is not None or a.number is None:
                    continue
                if a.replaces is not None and a.replaces.status != VOID:
                    self.db.execute("UPDATE certificates SET status = ?, void_reason = ?, voided_at = ?, updated_at = ?"
                                    " WHERE id = ?", (VOID, reissue_reason, now, now, a.replaces.id))
                    self._log("huy", a.replaces, reissue_reason, f"cấp lại theo Quyết định {decision}", at=now)
                if not a.new:
                    old = a.held
                    if old.status == RESERVED:  # another run's (or a killed run's): it must not be released now
                        self._log("tiep-tuc", old, None, f"{req.product} — {req.owner}", at=now)
                    changes = _changes(old, req, issued_on, valid_until)
                    self.db.execute(
                        "UPDATE certificates SET product = ?, owner = ?, address = ?, product_code = ?, stars = ?,"
                        " score = ?, issued_on = ?, valid_until = ?, source = ?, source_row = ?, updated_at = ?"
                        " WHERE id = ?",
                        (req.product, req.owner, req.address, req.product_code, req.stars, req.score,
                         issued_on.isoformat(), valid_until.isoformat(), source, req.source_row, now, old.id),
                    )
                    if changes:
                        self._log("sua", old, None, "; ".join(changes), at=now)
                        self._details_changed.add((issuer_key, year, old.seq))  # its new file is that change, said once
                    continue
                self.db.execute(
                    "INSERT INTO certificates (issuer, issuer_name, year, seq, number, product_key, product, owner,"
                    " address, product_code, stars, score, decision, decision_date, issued_on, valid_until, source,"
                    " source_row, created_at, updated_at, status, replaces)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (issuer_key, issuer_name, year, a.seq, a.number, req.product_key, req.product, req.owner,
                     req.address, req.product_code, req.stars, req.score, decision, decision_date.isoformat(),
                     issued_on.isoformat(), valid_until.isoformat(), source, req.source_row, now, now, RESERVED,
                     a.replaces.id if a.replaces else None),
                )
                if a.replaces is not None:
                    self._log("cap-lai", None, reissue_reason or a.replaces.void_reason,
                              f"thay số {a.replaces.number} (Quyết định {a.replaces.decision}); theo Quyết định {decision}",
                              at=now, issuer=issuer_key, year=year, seq=a.seq, number=a.number)
                else:
                    self._log("giu-so", None, None, f"{req.product} — {req.owner}; Quyết định {decision}", at=now,
                              issuer=issuer_key, year=year, seq=a.seq, number=a.number)
            return out

        return self._write(work)

    def _note_issuer_name(self, key: str, name: str) -> None:
        """Remember each spelling of a body; a new spelling of a known body is a notice."""
        known = [r[0] for r in self.db.execute("SELECT name FROM issuer_names WHERE issuer = ? ORDER BY first_seen", (key,))]
        if name in known:
            return
        if known:
            self.notices.append(
                f"Cơ quan cấp '{name}' được viết khác lần trước ('{known[0]}'); sổ đăng ký coi là cùng một cơ quan "
                f"({key.split('@')[-1] if '@' in key else key}) và đánh số tiếp. Nếu là cơ quan khác, hãy sửa tên trong tệp đợt cấp."
            )
        self.db.execute("INSERT INTO issuer_names (issuer, name, first_seen) VALUES (?, ?, ?)", (key, name, _now()))

    def record_files(self, issuer_key: str, year: int,
                     files: list[tuple[int, str | None, str | None, str | None, str | None, bool]]) -> list[str]:
        """Remember which files hold each certificate: (seq, docx, docx sha, pdf, pdf sha, complete).

        ``complete``: every file the run was asked for exists; only then is a reserved number final.
        Returns the issued numbers whose certificate was printed again with other content the register
        does not hold (a new signer, a corrected template…): each is kept in the history, since a copy
        handed out before no longer matches the file.
        """
        now = _now()
        reprinted: list[str] = []

        def work() -> None:
            by_seq = {e.seq: e for e in self._rows("issuer = ? AND year = ?", (issuer_key, year)) if e.status != VOID}
            for seq, docx, docx_sha, pdf, pdf_sha, complete in files:
                entry = by_seq.get(seq)
                if entry is None:
                    continue
                if (entry.status == ISSUED and entry.docx_sha256 and docx_sha and docx_sha != entry.docx_sha256
                        and (issuer_key, year, seq) not in self._details_changed):
                    self._log("sua", entry, None, f"giấy in lại với nội dung khác bản đã cấp ({docx}; SHA-256 cũ "
                                                  f"{entry.docx_sha256[:12]}…, mới {docx_sha[:12]}…)", at=now)
                    reprinted.append(entry.number)
                status = ISSUED if complete else entry.status
                self.db.execute(
                    "UPDATE certificates SET docx_file = ?, docx_sha256 = ?, pdf_file = COALESCE(?, pdf_file),"
                    " pdf_sha256 = COALESCE(?, pdf_sha256), status = ?, updated_at = ? WHERE id = ?",
                    (docx, docx_sha, pdf, pdf_sha, status, now, entry.id),
                )
                if status == ISSUED and entry.status == RESERVED:
                    self._log("hoan-tat", entry, None, ", ".join(f for f in (docx, pdf) if f), at=now)

        self._write(work)
        return reprinted

    def release(self, issuer_key: str, year: int, seqs: list[int], reason: str) -> Released:
        """Give back reserved numbers of a failed run that have no file.

        A number is released only from the top of the year's numbering (the next run takes it
        again, so no gap is left); one below a number another run took, or one another run has
        taken up meanwhile (the same products at the same time), stays reserved for its product.
        """
        result = Released()

        def work() -> None:
            wanted = set(seqs)
            rows = self._issuer_rows(issuer_key, year)
            for e in sorted(rows, key=lambda e: e.seq, reverse=True):
                if e.seq not in wanted:
                    break
                if e.status != RESERVED or e.docx_file or self._resumed(e):
                    break
                self.db.execute("DELETE FROM certificates WHERE id = ?", (e.id,))
                self._log("giai-phong", e, reason, f"{e.product} — {e.owner}")
                result.released.append(e.number)
                wanted.discard(e.seq)
            result.kept.extend(e.number for e in rows if e.seq in wanted and e.status == RESERVED)

        self._write(work)
        return result

    def _resumed(self, e: Entry) -> bool:
        """Whether another run took up this reserved number since it was reserved (it is writing its files)."""
        return self.db.execute(
            "SELECT 1 FROM history WHERE action = 'tiep-tuc' AND issuer = ? AND year = ? AND seq = ? AND at >= ? LIMIT 1",
            (e.issuer, e.year, e.seq, e.created_at),
        ).fetchone() is not None

    def void(self, number: str, reason: str, *, row_id: int | None = None, issuer: str | None = None,
             year: int | None = None) -> Entry:
        """Void one number (kept, marked void, never given again); ``reason`` is required."""
        reason = " ".join((reason or "").split())
        if not reason:
            raise RegisterError("Cần ghi lý do hủy số (--ly-do \"…\")")

        def work() -> Entry:
            entry = self._one(number, row_id=row_id, issuer=issuer, year=year)
            if entry.status == VOID:
                raise RegisterError(f"Số {entry.number} đã bị hủy lúc {vn_time_text(entry.voided_at)} (lý do: {entry.void_reason})")
            now = _now()
            self.db.execute("UPDATE certificates SET status = ?, void_reason = ?, voided_at = ?, updated_at = ? WHERE id = ?",
                            (VOID, reason, now, now, entry.id))
            self._log("huy", entry, reason, f"{entry.product} — {entry.owner}; trước khi hủy: {entry.status_text}", at=now)
            return self._rows("id = ?", (entry.id,))[0]

        return self._write(work)

    def _one(self, number: str, *, row_id: int | None, issuer: str | None, year: int | None) -> Entry:
        if row_id is not None:
            found = self._rows("id = ?", (row_id,))
            if found and found[0].number != " ".join(number.split()):
                raise RegisterError(f"Mã dòng {row_id} là số {found[0].number}, không phải {number}")
        else:
            found = [e for e in self.entries(issuer, year) if e.number == " ".join(number.split())]
        if not found:
            raise RegisterError(f"Không có số {number} trong sổ đăng ký {self.path}")
        live = [e for e in found if e.status != VOID] or found
        if len(live) > 1:
            rows = "; ".join(f"mã dòng {e.id}: {e.issuer_name} năm {e.year}, {e.product}" for e in live)
            raise RegisterError(f"Số {number} có ở {len(live)} dòng ({rows}); chỉ rõ bằng --id MÃ_DÒNG")
        return live[0]

    # ------------------------------------------------------------------ look-ups

    def entries(self, issuer: str | None = None, year: int | None = None) -> list[Entry]:
        """Every certificate number, optionally of one issuing body (any part of its name) and year."""
        rows = self._rows("year = ?", (year,)) if year is not None else self._rows()
        if issuer:
            wanted = " ".join(fold(issuer, lower=True).split())
            rows = [e for e in rows if wanted in fold(e.issuer_name, lower=True) or wanted in e.issuer]
        return rows

    def by_id(self, row_id: int) -> Entry | None:
        found = self._rows("id = ?", (row_id,))
        return found[0] if found else None

    def replaced_by(self, entry: Entry) -> Entry | None:
        if "replaces" not in self.columns or entry.id is None:
            return None
        found = self._rows("replaces = ?", (entry.id,))
        return found[0] if found else None

    def find(self, query: str, among: list[Entry] | None = None) -> list[Entry]:
        """Certificates whose number is ``query``, or whose product or chủ thể contains it;
        ``among``: search those entries, already read, instead of the file."""
        q = " ".join(query.split())
        if among is None:
            exact = self._rows("number = ?", (q,))
            if exact:
                return exact
            if q.isdigit():
                by_seq = self._rows("seq = ?", (int(q),))
                if by_seq:
                    return by_seq
            among = self._rows()
        return find_in(among, q)

    def history(self, issuer: str | None = None) -> list[sqlite3.Row]:
        """Every change, oldest first (an old-schema file has none); only those of the body whose
        register key is ``issuer`` when given (its "key~old-key" numbering included)."""
        where = ""
        args: tuple = ()
        if issuer is not None:
            where = " WHERE issuer = ? OR substr(issuer, 1, ?) = ?"
            args = (issuer, len(issuer) + 1, issuer + "~")
        try:
            return self.db.execute(f"SELECT * FROM history{where} ORDER BY id", args).fetchall()
        except sqlite3.OperationalError:
            return []

    def history_of(self, entry: Entry) -> list[sqlite3.Row]:
        """The changes of one number (its body, year and running number), oldest first."""
        try:
            return self.db.execute("SELECT * FROM history WHERE issuer = ? AND year = ? AND seq = ? ORDER BY id",
                                   (entry.issuer, entry.year, entry.seq)).fetchall()
        except sqlite3.OperationalError:
            return []

    def valid_in_other_years(self, issuer: str, year: int, on: date) -> dict[str, list[Entry]]:
        """The numbers of the body ``issuer`` from years other than ``year`` still valid on ``on``
        (not void, not expired), by product key: a new certificate does not void them by itself."""
        out: dict[str, list[Entry]] = defaultdict(list)
        for e in self._issuer_rows(issuer):
            if e.year != year and e.status != VOID and e.valid_until >= on:
                out[e.product_key].append(e)
        return out

    def of_body(self, issuer: str, year: int | None = None) -> list[Entry]:
        """The numbers of the body whose register key is ``issuer`` (``issuers.issuer_key``)."""
        return self._issuer_rows(issuer, year)


def decide(rows: list[Entry], requests: list[Request], decision: str, decision_date: date, number_text, start: int,
            year: int, reissue: bool, renew: frozenset[str] = frozenset()) -> list[Assignment]:
    """The number of each request given the rows of its body and year (no writing); a product of
    ``renew`` (with ``reissue``) gets a new number even when its live one is of this decision."""
    live = {e.product_key: e for e in rows if e.status != VOID}
    replaced = {e.replaces for e in rows if e.replaces is not None}
    voided = {e.product_key: e for e in sorted(rows, key=lambda e: e.id or 0) if e.status == VOID and e.id not in replaced}
    similar: dict[str, list[Entry]] = defaultdict(list)
    for e in live.values():
        similar[fold(e.product_key, lower=True)].append(e)
        similar["tên:" + e.product_key.split("|")[0]].append(e)
    top = max((e.seq for e in rows), default=None)
    next_seq = max(top + 1 if top is not None else start, start)
    out: list[Assignment] = []
    seen: set[str] = set()
    for req in requests:
        old = live.get(req.product_key)
        if req.product_key in seen:  # the table's own duplicate check normally catches this first
            out.append(Assignment(req, conflict=old))
            continue
        seen.add(req.product_key)
        same = old is not None and old.decision == decision and old.decision_date == decision_date
        if same and not (reissue and req.product_key in renew):
            out.append(Assignment(req, old.seq, old.number, new=False, held=old))
            continue
        if old is not None and not reissue:
            out.append(Assignment(req, conflict=old))
            continue
        seq, next_seq = next_seq, next_seq + 1
        candidates = similar.get(fold(req.product_key, lower=True), []) + similar.get("tên:" + req.product_key.split("|")[0], [])
        look_alikes = tuple(dict.fromkeys(e for e in candidates if e.product_key != req.product_key))
        out.append(Assignment(req, seq, number_text(seq, year), new=True, replaces=old or voided.get(req.product_key),
                              similar=look_alikes))
    return out


def find_in(entries: list[Entry], query: str) -> list[Entry]:
    """The entries whose number is ``query`` (or whose running number, when only digits), else
    those whose product, chủ thể or number contains it (marks and case ignored)."""
    q = " ".join(query.split())
    for same in ([e for e in entries if e.number == q], [e for e in entries if q.isdigit() and e.seq == int(q)]):
        if same:
            return same
    wanted = fold(q, lower=True)
    return [e for e in entries if wanted in fold(e.product_key, lower=True) or wanted in fold(e.number, lower=True)]


def _changes(old: Entry, req: Request, issued_on: date, valid_until: date) -> list[str]:
    labels = {"address": "địa chỉ", "product_code": "mã số sản phẩm", "stars": "hạng sao", "score": "điểm"}
    out = [f"{label}: '{getattr(old, name) or ''}' → '{getattr(req, name) or ''}'"
           for name, label in labels.items() if (getattr(old, name) or None) != (getattr(req, name) or None)]
    if old.issued_on != issued_on or old.valid_until != valid_until:
        out.append(f"hiệu lực: {old.issued_on:%d/%m/%Y}–{old.valid_until:%d/%m/%Y} → {issued_on:%d/%m/%Y}–{valid_until:%d/%m/%Y}")
    return out


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds the file (worth another turn)."""
    text = str(exc)
    return "database is locked" in text or "database is busy" in text


def _sqlite_vi(exc: sqlite3.Error) -> str:
    """SQLite's English reason in Vietnamese where it is one the user can act on."""
    text = str(exc)
    known = {
        "readonly database": "không có quyền ghi tệp hoặc thư mục của sổ",
        "file is not a database": "tệp không phải cơ sở dữ liệu SQLite",
        "database disk image is malformed": "tệp bị hỏng",
        "unable to open database file": "không mở được tệp (thư mục không có hoặc không có quyền)",
        "database is locked": "sổ đang bị một lần chạy khác giữ quá lâu",
        "disk I/O error": "lỗi đọc/ghi đĩa",
        "no such table": "thiếu bảng (tệp bị sửa tay)",
        "no such column": "thiếu cột (tệp bị sửa tay)",
    }
    for english, vietnamese in known.items():
        if english in text:
            return vietnamese
    return library_text(exc, "lỗi của tệp SQLite (chạy lại với --debug để xem chi tiết)")


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
    if entry.status != ISSUED:
        problems.append(f"số này {entry.status_text}" + (f" ({entry.void_reason})" if entry.void_reason else ""))
    return problems


def open_register(path: str | Path, *, create: bool = True, readonly: bool = False) -> Register:
    """The register at ``path`` (see :func:`register_location` for choosing it)."""
    return Register(path, create=create, readonly=readonly)


__all__ = [
    "ACTIONS_VI", "Assignment", "Entry", "ISSUED", "RESERVED", "Register", "RegisterError", "Released", "Request",
    "STATUS_VI", "VOID", "compare_payload", "decide", "open_register", "register_location", "vn_time", "vn_time_text",
]
