"""The one place the web pages call the engine: the same library functions the CLI calls.

The public API (``ocop_docs.api``) where it fits; where a page needs more than it gives (a
progress callback for the certificates, the files of a roll-forward, a register copy for the
trial run), the library function the CLI calls.
"""
from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import get_args

from .. import api
from ..certificates import run_certificates
from ..certificates.model import load_issuer
from ..certificates.issuers import issuer_key
from ..certificates.register import ACTIONS_VI, STATUS_VI, VOID, Entry, RegisterError, open_register, vn_time_text
from ..check.report import KIND_NAMES, SEVERITY_NAMES, Report
from ..convert import to_pdf_one
from ..errors import DataError, RuleViolation
from ..io.members import Group
from ..scoring import MinimumRule


def check_document(path: Path) -> Report:
    """ND30 findings of an uploaded .docx (``ocop-docs check``)."""
    return api.check(path)


def kind_name(kind: str) -> str:
    """The checker's Vietnamese name of a kind of document ("plan" → "Kế hoạch")."""
    return KIND_NAMES.get(kind, kind)


def severity_name(severity: str) -> str:
    """The checker's word for a finding's severity, as a page shows it ("Lỗi", "Cảnh báo")."""
    return SEVERITY_NAMES.get(severity, severity).capitalize()


def file_sha256(path: Path) -> str:
    from ..certificates.files import sha256_file

    return sha256_file(path)


def document_pdf(docx: Path, pdf: Path) -> Path:
    """The PDF of a .docx through the project's LibreOffice converter."""
    return to_pdf_one(docx, pdf)


def warm_up(folder: Path) -> None:
    """One small conversion, so that LibreOffice's profile is ready before the first preview
    (``convert`` reuses it: about a second less for each user's first picture of a page)."""
    import tempfile

    import docx

    try:
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            document = docx.Document()
            document.add_paragraph("ocop-docs")
            document.save(str(Path(tmp) / "khoi-dong.docx"))
            to_pdf_one(Path(tmp) / "khoi-dong.docx", Path(tmp) / "khoi-dong.pdf")
    except Exception:  # no LibreOffice yet: the pages say so when a preview is asked for
        import logging

        logging.getLogger("ocop_docs.web").warning("LibreOffice warm-up failed", exc_info=True)


def load_round(path: Path):
    """The round's data (issuer file of ``ocop-docs certificates --issuer``), validated."""
    return load_issuer(path)


def issue_certificates(table: Path, round_file: Path, outdir: Path, register: Path, progress, *,
                       pdf: bool = True, workers: int | None = None, reissue: "Reissue | None" = None):
    """The real run (``ocop-docs certificates … --pdf``): numbers taken in the register;
    ``reissue``: the product's number is voided and replaced by a new one, in one transaction."""
    return run_certificates(table, round_file, outdir, pdf=pdf, register=register, workers=workers, progress=progress,
                            source=f"{table.name} (tải lên trang web)",  # not the server's folder, gone in hours
                            **(reissue.arguments() if reissue else {}))


@dataclass(frozen=True)
class Reissue:
    """A re-issue from the register page: the number replaced, its product, and the reason."""

    row_id: int
    number: str
    product_key: str
    reason: str

    def arguments(self) -> dict:
        return {"reissue_reason": self.reason, "renew": frozenset({self.product_key})}


def trial_certificates(table: Path, round_file: Path, outdir: Path, register: Path, progress,
                       reissue: Reissue | None = None):
    """A run against a copy of the register: the numbers the real run would give, the rejected
    rows and the files, without writing to the register itself."""
    outdir.mkdir(parents=True, exist_ok=True)
    copy = outdir / "so-dang-ky-thu.sqlite"
    source = Path(register)
    if source.exists():
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    return run_certificates(table, round_file, outdir / "ket-qua", pdf=False, register=copy, workers=1,
                            progress=progress, **(reissue.arguments() if reissue else {}))


@dataclass(frozen=True)
class RegisterLine:
    """A number as the register page shows it: the entry and what it replaced or was replaced by."""

    entry: Entry
    replaces: Entry | None = None
    replaced_by: Entry | None = None

    @property
    def status_text(self) -> str:
        return STATUS_VI[self.entry.status]


def _body_key(issuer: str | None) -> str | None:
    return issuer_key(issuer) if issuer is not None else None


def _is_of(entry: Entry, key: str | None) -> bool:
    """Whether ``entry`` belongs to the body of register key ``key`` (None: any body)."""
    return key is None or entry.of_body(key)


def _lines(entries: list[Entry], every: list[Entry]) -> list[RegisterLine]:
    by_id = {e.id: e for e in every}
    newer = {e.replaces: e for e in every if e.replaces is not None}
    return [RegisterLine(e, by_id.get(e.replaces), newer.get(e.id)) for e in entries]


def register_entries(register: Path, issuer: str | None, query: str = "", year: int | None = None) -> list[RegisterLine]:
    """Numbers of the register, read-only (nothing is written, not even a schema), only those of
    the issuing body ``issuer`` (its register identity) when given."""
    path = Path(register)
    if not path.exists():
        return []
    key = _body_key(issuer)
    with open_register(path, readonly=True) as reg:
        every = reg.of_body(key) if key is not None else reg.entries()
        entries = reg.find(query, among=every) if query else every
    if year is not None:
        entries = [e for e in entries if e.year == year]
    return _lines(entries, every)


@dataclass(frozen=True)
class NumberPage:
    """One number, what it replaced and what replaced it, and its history (Vietnamese lines)."""

    line: RegisterLine
    history: list[dict]


def register_number(register: Path, row_id: int, issuer: str | None) -> NumberPage:
    """The number of row ``row_id`` with its history, read-only; RegisterError (Vietnamese) when the
    register has no such row of this body (another body's row is as absent as a missing one)."""
    path = Path(register)
    key = _body_key(issuer)
    if not path.exists():
        raise RegisterError("Sổ đăng ký chưa có số nào")
    with open_register(path, readonly=True) as reg:
        entry = reg.by_id(row_id)
        if entry is None or not _is_of(entry, key):
            raise RegisterError(f"Không có mã dòng {row_id} của cơ quan này trong sổ đăng ký")
        related = [e for e in (reg.by_id(entry.replaces) if entry.replaces else None, reg.replaced_by(entry)) if e]
        history = [{"at": vn_time_text(h["at"]) + " (giờ Việt Nam)", "action": ACTIONS_VI.get(h["action"], h["action"]),
                    "reason": h["reason"] or "", "detail": h["detail"] or ""} for h in reg.history_of(entry)]
    return NumberPage(_lines([entry], [entry, *related])[0], history)


def void_number(register: Path, row_id: int, reason: str, issuer: str | None) -> Entry:
    """Void the number of row ``row_id`` with its reason (kept in the register's history); only a
    number of the body ``issuer`` when given. RegisterError (Vietnamese) for no such number or no reason."""
    key = _body_key(issuer)
    with open_register(register, create=False) as reg:
        entry = reg.by_id(row_id)
        if entry is None or not _is_of(entry, key):
            raise RegisterError(f"Không có mã dòng {row_id} của cơ quan này trong sổ đăng ký")
        return reg.void(entry.number, reason, row_id=row_id)


def replacement_of(register: Path, row_id: int) -> Entry | None:
    """The number that replaced row ``row_id`` (void), or None when it has none."""
    with open_register(register, readonly=True) as reg:
        entry = reg.by_id(row_id)
        newer = reg.replaced_by(entry) if entry is not None else None
    return newer if entry is not None and entry.status == VOID else None


def mark_trial(docx: bytes) -> bytes:
    """A sample certificate marked "BẢN THỬ – KHÔNG CÓ GIÁ TRỊ" (the CLI's trial sample has it too)."""
    from ..certificates.trial_mark import mark_trial as mark

    return mark(docx)


REISSUE_TABLE = "san-pham-cap-lai.xlsx"


def reissue_table(entry: Entry, folder: Path, *, address: str, group: str, code: str) -> Path:
    """The one-row results table of a re-issue: the product as the register holds it (name, chủ
    thể, stars, score) with the address, group and code the officer confirmed."""
    from ..io.output_tables import Column, workbook_bytes
    from ..io.atomic import write_bytes_atomic

    columns = (Column("Tên sản phẩm", 40), Column("Chủ thể", 34), Column("Địa chỉ", 40), Column("Nhóm sản phẩm", 30),
               Column("Điểm", 8, "score"), Column("Hạng sao", 9, "int"), Column("Mã số sản phẩm", 18))
    score = Decimal(entry.score) if entry.score else None
    row = [entry.product, entry.owner, address, group, score, entry.stars, code]
    out = Path(folder) / REISSUE_TABLE
    out.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(out, workbook_bytes([("Sản phẩm", columns, [row])]))
    return out


def export_register_xlsx(register: Path, out: Path, issuer: str | None = None) -> Path:
    """The register as an .xlsx workbook (``ocop-docs register xuat``): only the numbers and the
    history of the body ``issuer`` when given."""
    from ..certificates.register_xlsx import export_register

    if not Path(register).is_file():  # said without the server's path
        raise RegisterError("Sổ đăng ký chưa có số nào để xuất")
    with open_register(register, create=False, readonly=True) as reg:
        export_register(reg, out, issuer=issuer)
    return out


def load_document(spec_file: Path):
    """A data file validated as ``ocop-docs render`` reads it (DataError naming every field)."""
    from ..io import load_spec

    return load_spec(spec_file)


def render_spec_file(spec_file: Path, out: Path) -> Path:
    """A data file (YAML, ``kind:`` inside) rendered to .docx (``ocop-docs render``)."""
    return api.render(spec_file, out)[0]


def province_issuers() -> list[str]:
    """The People's Committees of the 34 provincial units from 01/07/2025, offered as issuing
    bodies (any other, a commune's, can be typed)."""
    from ..ocop.provinces import provinces

    return [f"Ủy ban nhân dân {p.title}" for p in provinces()]


@dataclass(frozen=True)
class IssuerChoice:
    """A People's Committee offered as an issuing body: its name, where it is, its level."""

    name: str  # "Ủy ban nhân dân xã Vũ Quang"
    where: str  # "tỉnh Hà Tĩnh" (a commune's province), "" for a province
    level: str  # "tinh" or "xa" (the forms' level values)
    words: tuple[str, ...]  # folded words of its area and province, for searching


@lru_cache(maxsize=1)
def _issuer_choices() -> tuple[IssuerChoice, ...]:
    from ..ocop.provinces import communes, provinces
    from ..vi.text import fold

    def choice(area: str, where: str, level: str) -> IssuerChoice:
        return IssuerChoice(f"Ủy ban nhân dân {area}", where, level, tuple(fold(f"{area} {where}", lower=True).split()))

    return (tuple(choice(p.title, "", "tinh") for p in provinces())
            + tuple(choice(c.title, c.province, "xa") for c in communes()))


def issuer_suggestions(query: str, limit: int = 30) -> list[IssuerChoice]:
    """People's Committees of the 34 provinces and 3,321 communes (official list from 01/07/2025)
    where each word typed begins a word of the area or its province (marks and case ignored):
    provinces first."""
    from ..vi.text import fold

    words = fold(query, lower=True).replace("uy ban nhan dan", " ").replace("ubnd", " ").split()
    if not words:  # nothing typed yet: the 34 provinces
        return [c for c in _issuer_choices() if c.level == "tinh"]
    found = []
    for c in _issuer_choices():
        if all(any(word.startswith(w) for word in c.words) for w in words):
            found.append(c)
            if len(found) == limit:
                break
    return found


def propose_bases(kind: str, level: str, on) -> list[str]:
    """The căn cứ lines the legal-basis registry proposes for a document signed on ``on``."""
    from ..ocop.legal_bases import propose

    return [f"{b.verb} {b.text};".strip() for b in propose(kind, level, on)]


def read_member_sheet(path: Path, group: Group = "council"):
    """Members of a council (or its team) from an Excel/CSV sheet, with the rows not used."""
    from ..io.members import read_members

    return read_members(path, group)


def member_columns_used(table) -> list[str]:
    """The columns a members sheet was read from, as a clerk names them: "cột C: Họ và tên"."""
    from ..io.members import FIELD_NAMES_VI
    from ..io.workbook import column_letter

    return [f"cột {column_letter(i)}: {FIELD_NAMES_VI.get(f, f)}" for i, f in sorted(table.columns.items())]


def roll_plan(source: Path, year: int | None, outdir: Path, *, issuer: str | None = None, on=None,
              end_year: int | None = None):
    """Last year's plan (any format) rolled to ``year`` (``ocop-docs rollforward``): the draft's
    data file, the draft .docx with tracked changes and comments, the clean .docx, the report.

    ``year`` None is the year after the old plan's; a year that is not the next one (a year
    skipped, or not after the old plan's) is drafted as asked, with a warning on the page."""
    from ..rollforward.files import RollFiles, load_plan, roll, warn_left_out, write

    plan, notes = load_plan(source)
    old = getattr(plan, "year", None) or (plan.date.year if getattr(plan, "date", None) else None)
    period = getattr(plan, "end_year", None)
    if year is None:
        if old is None or period:
            what = f"giai đoạn {old}–{period}" if period else "không ghi năm"
            raise DataError(None, f"kế hoạch cũ {what}: ghi năm của kế hoạch mới vào ô «Năm của kế hoạch mới»")
        year = old + 1
    try:
        result = roll(plan, year, issuer=issuer, on=on, end_year=end_year)
    except RuleViolation as exc:
        if exc.rule != "OCOP-LEVEL" or issuer or getattr(plan.issuer, "level", None) != "huyen":
            raise
        # the roll-forward's hint names the CLI's --issuer; on the page it is a box of the form
        raise DataError(None, f"{plan.issuer.name} là cơ quan cấp huyện; cấp huyện kết thúc hoạt động ngày 30/06/2025 "
                              f"nên kế hoạch năm {year} phải do Ủy ban nhân dân tỉnh hoặc Ủy ban nhân dân xã ban hành: "
                              "điền ô «Cơ quan ban hành mới (nếu đổi)», ví dụ «Ủy ban nhân dân tỉnh …» hoặc «Ủy ban nhân "
                              "dân xã …», rồi tạo lại") from None
    if old is not None and not period and year != old + 1:
        skipped = f"bỏ qua năm {old + 1}" if year > old + 1 else f"không phải năm sau năm {old}"
        result.warnings.insert(0, f"kế hoạch cũ là năm {old}, kế hoạch mới là năm {year} ({skipped}); nếu không đúng, "
                                  f"sửa ô «Năm của kế hoạch mới» rồi tạo lại")
    notes = warn_left_out(result, notes)  # the page drafts the plan of a decision issuing it, and says so
    outdir.mkdir(parents=True, exist_ok=True)
    return write(RollFiles(result, notes=notes, source_name=source.name), outdir / "ke-hoach.yaml",
                 docx=outdir / "du-thao-danh-dau.docx", clean=outdir / "ban-sach.docx",
                 report=outdir / "bao-cao-thay-doi.xlsx")


def answer_plan(files, answers: dict[str, str], author: str):
    """The roll-forward ``files`` with the officer's answers (``rollforward.decisions``); DataError
    naming each wrong field, nothing written."""
    from ..rollforward.files import answer

    return answer(files, answers, author)


def write_plan(files, outdir: Path):
    """The files of a roll-forward the plan page offers (as ``roll_plan`` writes them)."""
    from ..rollforward.files import write

    outdir.mkdir(parents=True, exist_ok=True)
    return write(files, outdir / "ke-hoach.yaml", docx=outdir / "du-thao-danh-dau.docx", clean=outdir / "ban-sach.docx",
                 report=outdir / "bao-cao-thay-doi.xlsx")


def plan_decisions(files) -> list:
    """Every value the officer decides in a roll-forward (answered or not), keyed, in document order."""
    from ..rollforward.decisions import decisions

    return decisions(files.decided.rolled if files.decided else files.result)


def form_kinds() -> tuple[dict[str, str], set[str]]:
    """The OCOP forms (``ocop-docs form``): kind → Vietnamese name, and those that have a blank."""
    from .. import kinds

    forms = kinds.all_kinds("form")
    return {k.id: k.name for k in forms}, {k.id for k in forms if k.blank is not None or k.id == "phieu-danh-gia"}


def render_form_file(kind: str, out: Path, data: Path | None = None, *, blank: bool = False, bo: int | None = None) -> Path:
    """A form filled from a data file, or blank (``ocop-docs form``); .docx, or .xlsx for a score sheet."""
    from ..render.forms import render_form

    return render_form(kind, out, data, blank=blank, bo=bo)


def minimum_rules() -> dict[str, str]:
    from ..scoring import MINIMUM_RULES

    return MINIMUM_RULES


def minimum_rule(value: object) -> MinimumRule:
    """The rule chosen on the form; the command's default (the average) when it is none of them."""
    return next((rule for rule in get_args(MinimumRule) if rule == value), "trung-binh")


def score_sheets(paths: list[Path], rule: MinimumRule, notices: list[str] | None = None):
    """Members' filled score sheets → one result per product (``ocop-docs score``); what the sheets
    hold but was not read goes to ``notices``."""
    from ..scoring import score_files

    return score_files(paths, rule, notices)


def points_text(value) -> str:
    """Points as the secretary writes them: two decimals, decimal comma (76,33)."""
    from ..scoring import diem

    return diem(value)


def write_results_table(results, out: Path) -> Path:
    """The results table (.xlsx) the recognition decision and the certificates read."""
    from ..io.score_xlsx import write_products

    write_products([r.to_product() for r in results], out)
    return out


def zip_folder(folder: Path, out: Path) -> Path:
    """Every file under ``folder`` into the .zip ``out`` (paths relative to ``folder``)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    if not files:
        raise DataError(None, "không có tệp nào để đóng gói")
    tmp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            zf.write(p, p.relative_to(folder).as_posix())
    tmp.replace(out)
    return out
