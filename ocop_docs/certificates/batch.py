"""A round's certificates, from the results table to .docx, PDF, manifest and rejects report.

:func:`run_certificates` is the whole job: read the issuer file and the table, check every row
(``rules``), number the good ones in the register (``register``), then hand the jobs to
:func:`produce_certificates` — the pure, idempotent batch function: jobs in, results out. Given
the same jobs it writes the same .docx bytes, and leaves a file alone when it already holds
them; PDFs are made again only for certificates whose .docx changed.

Speed (benchmarks/bench_certificates.py): the template is compiled once per worker
(``compiled.CompiledTemplate``) and each .docx costs ~1.5 ms. PDFs: each worker converts its
slice as combined documents of ``PER_DOCUMENT`` certificates (every certificate a section of its
own), ``DOCUMENTS_PER_CALL`` documents a LibreOffice start (private profile: ``ocop_docs.convert``),
checks each PDF has one page a certificate, and splits it (``pdfsplit``); the printing PDF is
the documents' PDFs merged. ``workers`` processes each take a contiguous slice.
"""
from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
from datetime import date
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pypdf import PdfReader

from ..convert import find_soffice, to_pdf
from ..errors import ConversionError, OcopError, TemplateError, os_reason
from ..lifetime import die_with_parent
from ..vi.text import same_key
from ..render.templates import template_path
from . import layout, reports
from .compiled import CompiledTemplate, ImageSlot
from .context import CertificateJob, certificate_context, qr_text, validity_end
from .files import clean_stale, private_dir, replace_if_changed, sha256_file, write_if_changed
from .model import CertificateIssuer, load_issuer, table_of
from .pdfsplit import merge_documents, split_pages
from .plan import plan_jobs
from .qr import qr_png
from .register import VOID, Request, decide, open_register, register_location
from .trial_mark import mark_trial

DOCX_DIR = "docx"
PDF_DIR = "pdf"
COMBINED_PDF = "giay-chung-nhan-tat-ca.pdf"
QR_EMU = layout.QR_SIZE_MM * 36000  # EMU: 36,000 a millimetre
# Certificates a combined document holds for LibreOffice: its time per page grows with the
# document (measured, 500 certificates: 9.5 s CPU as one document, 6.9 s as five of 100).
PER_DOCUMENT = 100
# Combined documents one LibreOffice process converts before it is restarted (bounds its memory:
# ~210 MB after 5 documents, ~360 MB after 50).
DOCUMENTS_PER_CALL = 15

Progress = Callable[[str, int, int], None]  # (phase, done, total)


def _quiet(phase: str, done: int, total: int) -> None:
    pass


@dataclass
class CertificateResult:
    """What was produced for one job."""

    job: CertificateJob
    docx: Path
    docx_sha256: str
    docx_written: bool
    pdf: Path | None = None
    pdf_sha256: str | None = None
    pdf_written: bool = False
    pdfa: bool | None = None


@dataclass
class BatchReport:
    """The outcome of a run: certificates, rejected rows, files, warnings."""

    outdir: Path
    register: Path
    results: list[CertificateResult]
    rejects: list[reports.RejectLine]
    manifest: Path
    rejects_file: Path | None
    combined_pdf: Path | None = None
    combined_written: bool = False
    warnings: list[str] = field(default_factory=list)
    # rows and columns of the table that were skipped, where the register is, re-issued numbers, look-alike names
    notices: list[str] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        """Some rows got no certificate (exit code 3 of the CLI)."""
        return bool(self.rejects)

    @property
    def written(self) -> int:
        return sum(1 for r in self.results if r.docx_written)

    @property
    def new_pdfs(self) -> int:
        return sum(1 for r in self.results if r.pdf_written)


# --------------------------------------------------------------------------- workers

_STATE: dict = {}


def _init_worker(template: str, issuer_json: str) -> None:
    """Per process: the issuer and the template compiled once (a forked worker inherits them)."""
    if _STATE.get("key") == (template, issuer_json):
        return

    issuer = CertificateIssuer.model_validate_json(issuer_json)
    slots = (ImageSlot("qr", QR_EMU, QR_EMU),) if issuer.qr else ()
    _STATE.clear()
    _STATE.update(template=CompiledTemplate(template, slots), issuer=issuer, key=(template, issuer_json))


def _start_worker(parent: int, template: str, issuer_json: str) -> None:
    """A pool worker: dies with the batch process (``lifetime``), then compiles the template."""
    die_with_parent(parent)
    _init_worker(template, issuer_json)


def _images(job: CertificateJob, issuer: CertificateIssuer) -> dict:
    if not issuer.qr:
        return {}

    return {"qr": qr_png(qr_text(job, issuer))}


def _render_docx(task: tuple[list[CertificateJob], str]) -> list[tuple[int, str, bool]]:
    """Render and write the .docx of each job: (seq, sha256, written)."""
    jobs, folder = task
    template, issuer = _STATE["template"], _STATE["issuer"]
    out = []
    for job in jobs:
        data = template.render(certificate_context(job, issuer), _images(job, issuer))
        sha, written = write_if_changed(Path(folder) / f"{job.stem}.docx", data)
        out.append((job.seq, sha, written))
    return out


def _page_count(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def _convert_slice(task: tuple[list[CertificateJob], str, bool, int]) -> list[tuple[str | None, int, int]]:
    """Convert a worker's slice: combined documents of ``PER_DOCUMENT`` certificates (every
    certificate a section of its own), all in ONE LibreOffice call, each PDF split per page.

    Returns, per combined document in order: (its PDF, its page count, how many certificates it
    holds); the per-certificate PDFs are written in the work folder as ``<stem>.pdf`` when the
    page count is one a certificate, else the PDF is None and the caller converts them one by one.
    """
    jobs, work, pdfa, index = task
    work_dir = Path(work)
    template, issuer = _STATE["template"], _STATE["issuer"]
    groups = _chunks(jobs, PER_DOCUMENT)
    sources = []
    for n, group in enumerate(groups):
        bodies = [
            template.render_body(certificate_context(job, issuer), _images(job, issuer), tag=str(job.seq)) for job in group
        ]
        source = work_dir / f"lo-{index:02d}-{n:04d}.docx"
        source.write_bytes(template.combine(bodies))
        sources.append(source)
    pdfs = []
    for call in _chunks(sources, DOCUMENTS_PER_CALL):  # one LibreOffice start a call; its memory grows per document
        pdfs += to_pdf(call, work_dir, pdfa=pdfa)
    out: list[tuple[str | None, int, int]] = []
    for source, pdf, group in zip(sources, pdfs, groups):
        source.unlink(missing_ok=True)
        pages = _page_count(pdf)
        if pages != len(group):
            out.append((None, pages, len(group)))
            continue
        split_pages(pdf, [work_dir / f"{job.stem}.pdf" for job in group])
        out.append((str(pdf), pages, len(group)))
    return out


class _Pool:
    """``workers`` processes (or this one when 1), each with the template compiled once."""

    def __init__(self, workers: int, template: Path, issuer: CertificateIssuer):
        self.workers = max(1, workers)
        self.args = (str(template), issuer.model_dump_json())
        self.executor = None
        _init_worker(*self.args)  # here too: forked workers start with it
        if self.workers > 1:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self.executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                initargs=(os.getpid(), *self.args),
            )

    def map(self, fn, tasks):
        if self.executor is None:
            return map(fn, tasks)
        return self.executor.map(fn, tasks)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# --------------------------------------------------------------------------- the batch function


def produce_certificates(
    jobs: list[CertificateJob],
    issuer: CertificateIssuer,
    template: Path,
    outdir: Path,
    *,
    pdf: bool = False,
    pdfa: bool = False,
    workers: int = 1,
    progress: Progress = _quiet,
) -> tuple[list[CertificateResult], Path | None, bool, list[str]]:
    """Write the .docx (and PDFs) of ``jobs`` into ``outdir``: the pure, idempotent batch step.

    Returns (results in job order, the combined PDF or None, whether it was written, warnings).
    Files already holding the right content are left alone: a .docx whose bytes are unchanged
    is not rewritten, and its PDF is not made again when the previous manifest shows that PDF
    was made from the same .docx.
    """
    outdir = Path(outdir)
    docx_dir, pdf_dir = outdir / DOCX_DIR, outdir / PDF_DIR
    docx_dir.mkdir(parents=True, exist_ok=True)
    clean_stale(outdir)
    previous = {line.number: line for line in reports.read_manifest(outdir / reports.MANIFEST_NAME)}
    warnings: list[str] = []
    pool = _Pool(min(workers, max(1, len(jobs))), template, issuer)
    try:
        results: dict[int, CertificateResult] = {}
        by_seq = {job.seq: job for job in jobs}
        size = max(10, min(200, -(-len(jobs) // (pool.workers * 4))))
        done = 0
        progress("docx", 0, len(jobs))
        for chunk_result in pool.map(_render_docx, [(chunk, str(docx_dir)) for chunk in _chunks(jobs, size)]):
            for seq, sha, written in chunk_result:
                job = by_seq[seq]
                results[seq] = CertificateResult(job, docx_dir / f"{job.stem}.docx", sha, written)
            done += len(chunk_result)
            progress("docx", done, len(jobs))
        ordered = [results[job.seq] for job in jobs]
        combined, combined_written = None, False
        if pdf and jobs:
            combined, combined_written = _produce_pdfs(ordered, pdf_dir, outdir, pdfa, pool, previous, progress, warnings)
        else:
            _carry_pdfs(ordered, outdir, previous)
    finally:
        pool.close()
    return ordered, combined, combined_written, warnings


def _pdf_is_current(result: CertificateResult, outdir: Path, previous: dict, pdfa: bool) -> bool:
    line = previous.get(result.job.number)
    if not line or result.docx_written or line.docx_sha256 != result.docx_sha256 or not line.pdf:
        return False
    if (line.pdfa == "có") != pdfa:
        return False
    return sha256_file(outdir / line.pdf) == line.pdf_sha256


def _carry_pdfs(results: list[CertificateResult], outdir: Path, previous: dict) -> None:
    """Without --pdf, keep listing a PDF made earlier from the same .docx."""
    for r in results:
        line = previous.get(r.job.number)
        if line and line.pdf and not r.docx_written and line.docx_sha256 == r.docx_sha256:
            if sha256_file(outdir / line.pdf) == line.pdf_sha256:
                r.pdf, r.pdf_sha256, r.pdfa = outdir / line.pdf, line.pdf_sha256, line.pdfa == "có"


def _produce_pdfs(results, pdf_dir: Path, outdir: Path, pdfa: bool, pool: _Pool, previous: dict, progress, warnings):

    pdf_dir.mkdir(parents=True, exist_ok=True)
    combined = outdir / COMBINED_PDF
    stale = [r for r in results if not _pdf_is_current(r, outdir, previous, pdfa)]
    old_combined = previous.get("")
    order_same = [n for n in previous if n] == [r.job.number for r in results]
    if not stale and order_same and old_combined and sha256_file(combined) == old_combined.pdf_sha256 and old_combined.pdf == COMBINED_PDF:
        for r in results:
            line = previous[r.job.number]
            r.pdf, r.pdf_sha256, r.pdfa = outdir / line.pdf, line.pdf_sha256, pdfa
        return combined, False
    # The combined printing PDF needs every certificate: convert them all, in one LibreOffice
    # call per worker, but replace only the per-certificate PDFs whose .docx changed.
    work = private_dir(outdir)
    try:
        jobs = [r.job for r in results]
        slices = _chunks(jobs, -(-len(jobs) // pool.workers))
        progress("pdf", 0, len(jobs))
        slice_pdfs: list[Path] = []
        done = 0
        tasks = [(s, str(work), pdfa, i) for i, s in enumerate(slices)]
        for parts, chunk in zip(pool.map(_convert_slice, tasks), slices):
            for (pdf, pages, count), group in zip(parts, _chunks(chunk, PER_DOCUMENT)):
                if pdf is None:
                    warnings.append(
                        f"Bản ghép {count} giấy chứng nhận ra {pages} trang thay vì {count}: "
                        "chuyển từng giấy chứng nhận riêng để tìm giấy dài hơn một trang."
                    )
                    slice_pdfs.append(_fallback(group, results, work, pdfa, warnings))
                else:
                    slice_pdfs.append(Path(pdf))
            done += len(chunk)
            progress("pdf", done, len(jobs))
        stale_seqs = {r.job.seq for r in stale}
        for r in results:
            fresh = work / f"{r.job.stem}.pdf"
            target = pdf_dir / f"{r.job.stem}.pdf"
            if r.job.seq in stale_seqs or not target.exists():
                r.pdf_sha256, r.pdf_written = replace_if_changed(fresh, target)
            else:
                r.pdf_sha256 = previous[r.job.number].pdf_sha256
                fresh.unlink(missing_ok=True)
            r.pdf, r.pdfa = target, pdfa
        staged = work / COMBINED_PDF
        if len(slice_pdfs) == 1:
            os.replace(slice_pdfs[0], staged)
        else:
            merge_documents(slice_pdfs, staged)
        os.replace(staged, combined)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return combined, True


def _fallback(chunk, results, work: Path, pdfa: bool, warnings: list[str]) -> Path:
    """Convert the certificates of ``chunk`` one document each (one call) and merge them."""
    by_seq = {r.job.seq: r for r in results}
    sources = []
    for job in chunk:
        copy = work / f"{job.stem}.docx"
        shutil.copyfile(by_seq[job.seq].docx, copy)
        sources.append(copy)
    pdfs = to_pdf(sources, work, pdfa=pdfa)
    for job, pdf in zip(chunk, pdfs):
        pages = _page_count(pdf)
        if pages != 1:
            warnings.append(f"Giấy chứng nhận số {job.number} ({job.name[:60]}) dài {pages} trang; hãy rút gọn nội dung hoặc sửa mẫu.")
    for source in sources:
        source.unlink(missing_ok=True)
    merged = work / f"fallback-{chunk[0].seq}.pdf"
    merge_documents(pdfs, merged)
    return merged


# --------------------------------------------------------------------------- the whole run


def auto_workers(jobs: int) -> int:
    """Worker processes when the user does not say: one a CPU (at most 4), one a hundred certificates."""
    return max(1, min(os.cpu_count() or 1, 4, jobs // 100))


def _trial_job(issuer: CertificateIssuer, product, stars: int, key: str, year: int, issued, until,
               seq: int = 0, number: str | None = None) -> CertificateJob:
    return CertificateJob(seq, year, number or issuer.number_text(seq, year), product.row, key, product.name, product.owner,
                          product.address, product.group, product.code, product.score, stars, issued, until)


def _trial_render(template: Path, issuer: CertificateIssuer, job: CertificateJob) -> bytes:
    """Check the template, compile it (kept for this process's workers) and render one certificate
    in memory; a template that cannot be used is a TemplateError at its place in the file."""
    _check_template(template)
    try:
        _init_worker(str(template), issuer.model_dump_json())
        return _STATE["template"].render(certificate_context(job, issuer), _images(job, issuer))
    except TemplateError as exc:
        _check_template(template, exc)
        raise


def _check_template(template: Path, failure: TemplateError | None = None) -> None:
    """Raise the template checker's first error as the TemplateError an officer can act on: at its
    place (đoạn, bảng/ô, đầu trang) with the text near it, naming how many more there are.

    Run before a batch, it also stops what Jinja would accept but print wrong (a tag missing its
    closing braces swallows the text up to the next tag). ``failure``: the batch's own error, whose
    words are kept for a limit (they are about this batch's data, not the checker's samples)."""
    from ..check.template import ERROR, check_template  # lazily: the checker imports this module

    try:
        report = check_template(template, "giay-chung-nhan")
    except OcopError:
        return  # a file the checker cannot read: reading it for the batch says why
    # a limit met with the checker's samples: left to this batch's own data (its render says it)
    errors = [p for p in report.problems if p.severity == ERROR and (p.code != "gioi-han" or failure is not None)]
    if not errors:
        return
    first = errors[0]
    limit = failure is not None and first.code == "gioi-han" and "giới hạn" in failure.reason
    message = failure.reason if limit else first.message.rstrip(".")
    more = (f" (mẫu còn {len(errors) - 1} lỗi khác: chạy 'ocop-docs template check {template} --kind "
            "giay-chung-nhan' để xem tất cả)") if len(errors) > 1 else ""
    raise TemplateError(template, message + more, first.location, first.nearby)


def _check_writable(outdir: Path) -> None:
    """Stop before any number is taken when the output folder cannot be written."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        probe = outdir / f".ocop-ghi-thu.{os.getpid()}.tmp"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(outdir, exc, "chưa lấy số nào trong sổ đăng ký") from None


def _check_converter() -> None:
    """Stop before any number is taken when PDFs are asked for and LibreOffice cannot be found (a
    converter that is there but fails later leaves the numbers reserved, see ``_keep_or_release``)."""
    try:
        find_soffice()
    except ConversionError as exc:
        exc.message = f"{exc.message}\nChưa lấy số nào trong sổ đăng ký, chưa ghi tệp nào."
        raise


class OutputError(OcopError):
    """The output folder cannot be written (Vietnamese message, says what happened to the numbers)."""

    exit_code = 2

    def __init__(self, folder: Path, exc: OSError, numbers: str):
        reason = "không có quyền ghi" if exc.errno in (errno.EACCES, errno.EPERM) else os_reason(exc)
        super().__init__(f"Không ghi được vào thư mục kết quả {folder} ({reason}); {numbers}.")


@dataclass
class TrialReport:
    """What a trial run (``--thu``) would do: numbers, rejects, one sample, nothing written but it."""

    register: Path
    register_exists: bool
    assignments: list  # register.Assignment, in table order (conflicts are also in rejects)
    rejects: list[reports.RejectLine]
    sample: Path | None
    warnings: list[str] = field(default_factory=list)


def _requests(good, keys) -> list[Request]:
    return [
        Request(key, product.name, product.owner, product.address, product.code, stars,
                str(product.score) if product.score is not None else None, product.row)
        for key, (product, stars) in zip(keys, good)
    ]


def _lookalike_warnings(product, a) -> list[str]:
    """A new number for a product the register may already hold under a slightly different name or
    chủ thể (a typo corrected between runs): said, with how to keep one number."""
    out = []
    for other in a.similar:
        if same_key(other.product) == same_key(product.name):
            what = (f"cùng tên sản phẩm, chủ thể khác: '{other.owner}' trong sổ, '{product.owner}' trong bảng — "
                    f"nếu chỉ là sửa lỗi gõ tên chủ thể thì hãy hủy một trong hai số ('ocop-docs register huy')")
        else:
            what = "chỉ khác ở dấu — có phải cùng một sản phẩm?"
        out.append(f"Dòng {product.row}: '{product.name}' là sản phẩm mới (số {a.number}); sổ đã có '{other.product}' "
                   f"(số {other.number}, Quyết định {other.decision}) {what}")
    return out


def _still_valid_warnings(product, a, earlier: dict) -> list[str]:
    """A new number for a product that still holds a valid certificate of another year (re-evaluated,
    upgraded, or last year's table used again): both would be valid until one is voided."""
    return [
        f"Dòng {product.row}: '{product.name}' được số mới {a.number} nhưng vẫn còn giấy chứng nhận số {e.number} "
        f"(Quyết định {e.decision}, còn hiệu lực đến hết ngày {e.valid_until:%d/%m/%Y}); giấy mới không tự hủy giấy cũ — "
        f"nếu giấy mới thay giấy cũ (đánh giá lại, nâng hạng): 'ocop-docs register huy {e.number} --ly-do \"…\"'"
        for e in earlier.get(a.request.product_key, [])
    ] if a.new and a.number else []


def _expiry_warning(until) -> list[str]:
    """Certificates whose validity has already ended on the day they are made (a wrong year in the
    decision date, or an old round typed in again)."""
    if until >= date.today():
        return []
    return [f"Giấy chứng nhận của đợt này chỉ có giá trị đến hết ngày {until:%d/%m/%Y}, đã qua (hôm nay "
            f"{date.today():%d/%m/%Y}): kiểm tra ngày ký quyết định và ngày cấp trong tệp đợt cấp."]


def _conflict_reject(product, stars: int, c) -> reports.RejectLine:
    return reports.RejectLine(
        product.row,
        f"sản phẩm đã có số {c.number} theo Quyết định {c.decision} ngày {c.decision_date:%d/%m/%Y} trong năm {c.year}; "
        "không cấp số thứ hai. Nếu quyết định đã được sửa: 'ocop-docs register cap-lai' (hủy số cũ, cấp số mới)",
        product.name, product.owner, str(product.score or ""), str(stars),
    )


def trial_certificates(table: str | Path | None, issuer_file: str | Path, outdir: str | Path, *,
                       register: str | Path | None = None, template: str | Path | None = None,
                       sample: str | Path | None = None, reissue: bool = False) -> TrialReport:
    """The trial run: the numbers the batch would give and its rejects, read from the register
    without writing it, and ONE sample certificate written to ``sample`` (default: beside the
    output folder, ``<folder>-ban-thu.docx``), marked "BẢN THỬ – KHÔNG CÓ GIÁ TRỊ" (``trial_mark``)
    — the output folder and the register are untouched."""
    issuer = load_issuer(issuer_file)
    table = Path(table) if table else table_of(issuer, issuer_file)
    outdir = Path(outdir)
    template = template_path("certificate", template)
    warnings: list[str] = []
    good, rejects = plan_jobs(table, issuer, warnings)
    issued = issuer.issue_date
    until = validity_end(issued)
    year = issued.year
    keys = [product.key for product, _ in good]
    path, note = register_location(register, outdir, trial=True)
    warnings += [note] if note and not path.exists() else []
    requests = _requests(good, keys)
    plan_args: dict[str, Any] = {"issuer_key": issuer.key, "year": year, "decision": f"{issuer.decision.number}/{issuer.decision_symbol}",
                 "decision_date": issuer.decision.date, "number_text": issuer.number_text,
                 "start": issuer.numbering.start, "requests": requests, "reissue": reissue}
    exists = path.is_file()
    if exists:
        with open_register(path, readonly=True) as reg:
            reg.stop_if_broken(issuer.key, year)  # the real run would stop here: so does its trial
            assignments = reg.plan(**plan_args)
            earlier = reg.valid_in_other_years(issuer.key, year, issued)
    else:
        assignments = decide([], requests, plan_args["decision"], plan_args["decision_date"], issuer.number_text,
                              issuer.numbering.start, year, reissue)
        earlier = {}
    for (product, stars), a in zip(good, assignments):
        if a.conflict is not None:
            rejects.append(_conflict_reject(product, stars, a.conflict))
        elif a.number:
            warnings += _lookalike_warnings(product, a) + _still_valid_warnings(product, a, earlier)
    warnings += _expiry_warning(until) if good else []
    rejects.sort(key=lambda r: r.row or 0)
    written = None
    first = next(((p, s, k, a) for (p, s), k, a in zip(good, keys, assignments) if a.number), None)
    if first is not None:
        product, stars, key, a = first
        data = mark_trial(_trial_render(template, issuer,
                                        _trial_job(issuer, product, stars, key, year, issued, until, a.seq, a.number)))
        written = Path(sample) if sample else outdir.absolute().parent / f"{outdir.absolute().name}-ban-thu.docx"
        try:
            written.parent.mkdir(parents=True, exist_ok=True)
            write_if_changed(written, data)
        except OSError as exc:
            raise OutputError(written.parent, exc, "chạy thử không lấy số nào") from None
    return TrialReport(path, exists, assignments, rejects, written, warnings)


def run_certificates(
    table: str | Path | None,
    issuer_file: str | Path,
    outdir: str | Path,
    *,
    pdf: bool = False,
    pdfa: bool = False,
    register: str | Path | None = None,
    workers: int | None = None,
    template: str | Path | None = None,
    progress: Progress = _quiet,
    reissue_reason: str | None = None,
    renew: frozenset[str] = frozenset(),
    source: str | None = None,
) -> BatchReport:
    """Certificates for every good row of ``table`` into ``outdir`` (see the module doc).

    ``table`` None: the issuer file's ``results_table``. ``workers`` None: :func:`auto_workers`.
    ``register`` None: ``register.register_location`` (the file beside the output folder).
    ``reissue_reason``: products numbered under another decision get a new number and the old
    one is voided with this reason (``register cap-lai``); the products of ``renew`` (their keys)
    get a new number replacing their live one even under the same decision (re-issue of a
    certificate lost, damaged or printed wrong — the register page's "Cấp lại"). ``source``: the
    table as the register names it (default: its full path; the web gives the uploaded file's name).

    Numbers are reserved first and become final only when their files exist. Raises DataError
    when the table or the issuer file cannot be used at all, OutputError when the output folder
    cannot be written (reserved numbers without a file are released), ConversionError when the
    PDFs cannot be made (the numbers stay reserved for the re-run); rows that cannot have a
    certificate are returned as rejects (``BatchReport.partial``).
    """
    issuer = load_issuer(issuer_file)
    table = Path(table) if table else table_of(issuer, issuer_file)
    outdir = Path(outdir)
    template = template_path("certificate", template)
    warnings: list[str] = []
    notices: list[str] = []
    good, rejects = plan_jobs(table, issuer, notices)
    issued = issuer.issue_date
    until = validity_end(issued)
    year = issued.year
    pdf = pdf or pdfa
    keys = [product.key for product, _ in good]
    if good:  # a template that cannot be used fails here, before any number is taken from the register
        product, stars = good[0]
        _trial_render(template, issuer, _trial_job(issuer, product, stars, keys[0], year, issued, until))
    register_path, note = register_location(register, outdir)  # before the output folder is made
    notices += [note] if note else []
    _check_writable(outdir)
    if pdf and good:
        _check_converter()
    with open_register(register_path) as reg:
        assignments = reg.assign(
            issuer_key=issuer.key, issuer_name=issuer.issuer.name, year=year,
            decision=f"{issuer.decision.number}/{issuer.decision_symbol}", decision_date=issuer.decision.date,
            issued_on=issued, valid_until=until, number_text=issuer.number_text, start=issuer.numbering.start,
            requests=_requests(good, keys), source=source or str(table.absolute()), reissue_reason=reissue_reason, renew=renew,
        )
        warnings += reg.notices
        earlier = reg.valid_in_other_years(issuer.key, year, issued)
        jobs = []
        for key, (product, stars), a in zip(keys, good, assignments):
            if a.conflict is not None or a.number is None:
                if a.conflict is not None:
                    rejects.append(_conflict_reject(product, stars, a.conflict))
                continue
            warnings += _lookalike_warnings(product, a) + _still_valid_warnings(product, a, earlier)
            if a.replaces is not None:
                notices.append(f"Số {a.number} cấp lại cho '{product.name}', thay số {a.replaces.number} đã hủy.")
            jobs.append(
                CertificateJob(
                    a.seq, year, a.number, product.row, key, product.name, product.owner, product.address,
                    product.group, product.code, product.score, stars, issued, until,
                )
            )
        rejects.sort(key=lambda r: r.row or 0)
        warnings += _expiry_warning(until) if jobs else []
        jobs.sort(key=lambda j: j.seq)
        new_seqs = [a.seq for a in assignments if a.new and a.number]
        before = reports.read_manifest(outdir / reports.MANIFEST_NAME)
        workers = workers or auto_workers(len(jobs))
        try:
            results, combined, combined_written, more = produce_certificates(
                jobs, issuer, template, outdir, pdf=pdf, pdfa=pdfa, workers=workers, progress=progress
            )
        except BaseException as exc:
            _keep_or_release(reg, issuer.key, year, jobs, outdir, new_seqs, exc)
            raise
        warnings += more
        lines = [
            reports.ManifestLine(
                r.job.number, r.job.name, r.job.owner, str(r.job.stars),
                f"{r.job.score:.2f}" if r.job.score is not None else "",
                r.job.issued.isoformat(), r.job.valid_until.isoformat(), str(r.job.row or ""),
                r.docx.relative_to(outdir).as_posix(), r.docx_sha256,
                r.pdf.relative_to(outdir).as_posix() if r.pdf else "", r.pdf_sha256 or "",
                "" if r.pdfa is None else ("có" if r.pdfa else "không"),
            )
            for r in results
        ]
        if combined is not None:
            lines.append(reports.ManifestLine(product=reports.COMBINED_LABEL, pdf=COMBINED_PDF, pdf_sha256=sha256_file(combined) or "", pdfa="có" if pdfa else "không"))
        reprinted = reg.record_files(
            issuer.key, year,
            [(r.job.seq, r.docx.relative_to(outdir).as_posix(), r.docx_sha256,
              r.pdf.relative_to(outdir).as_posix() if r.pdf else None, r.pdf_sha256,
              r.docx.is_file() and (not pdf or (r.pdf is not None and r.pdf.is_file()))) for r in results],
        )
        voided = {e.number for e in reg.of_body(issuer.key, year) if e.status == VOID}
    if reprinted:
        notices.append(f"{len(reprinted)} giấy đã cấp trước đây được in lại với nội dung khác ({_span(reprinted)}), "
                       "ghi vào lịch sử của sổ; nếu giấy cũ đã phát cho chủ thể, hãy thu lại hoặc dùng 'register cap-lai'.")
    notices += _mark_outdated(outdir, before, [(r.job.number, r.docx_sha256) for r in results], voided, combined is not None)
    # The folder's manifest lists every valid certificate in it: those of earlier runs that this run did
    # not make again stay listed (a run that issues nothing leaves the list as it was).
    made = {r.job.number for r in results}
    lines = [line for line in before if line.number and line.number not in made and line.number not in voided
             and line.docx and (outdir / line.docx).is_file()] + lines
    try:
        manifest = outdir / reports.MANIFEST_NAME
        reports.write_manifest(manifest, lines)
        rejects_file = outdir / reports.REJECTS_NAME
        reports.write_rejects(rejects_file, rejects)
    except OSError as exc:
        raise OutputError(outdir, exc, "các giấy chứng nhận đã được ghi và vào sổ, chỉ thiếu danh sách tệp") from None
    return BatchReport(
        outdir, Path(reg.path), results, rejects, manifest, rejects_file if rejects else None,
        combined, combined_written, warnings, notices,
    )


VOID_MARK = "-DA-HUY"
OUTDATED_COMBINED = "giay-chung-nhan-tat-ca-DA-CU-KHONG-IN.pdf"


def _mark_outdated(outdir: Path, before: list[reports.ManifestLine], made: list[tuple[str, str]], voided: set[str],
                   combined_made: bool) -> list[str]:
    """Files of the previous run in ``outdir`` that must not be printed any more, renamed so nobody does:
    the .docx and PDF of a number voided since (``…-DA-HUY.docx``), and the printing PDF when this run
    changed the certificates (``made``: number and .docx SHA-256 of each) without making it again: it
    still holds the old ones. Nothing is deleted."""
    numbers = {number for number, _ in made}
    notes: list[str] = []
    for line in before:
        if not line.number or line.number in numbers or line.number not in voided:
            continue
        renamed = []
        for rel in (line.docx, line.pdf):
            path = outdir / rel if rel else None
            inside = path is not None and path.resolve().parent.parent == outdir.resolve()  # docx/… or pdf/… only
            if path is not None and inside and path.is_file() and not path.stem.endswith(VOID_MARK):
                target = path.with_name(path.stem + VOID_MARK + path.suffix)
                if _rename(path, target, notes):
                    renamed.append(target.relative_to(outdir).as_posix())
        if renamed:
            notes.append(f"Số {line.number} đã bị hủy: tệp của nó được đổi tên để không in nhầm ({', '.join(renamed)}).")
    combined = outdir / COMBINED_PDF
    if not combined_made and combined.is_file() and [(line.number, line.docx_sha256) for line in before if line.number] != made:
        if _rename(combined, outdir / OUTDATED_COMBINED, notes):
            notes.append(f"Bản gộp để in cũ không còn đúng các giấy của lần chạy này: đổi tên thành {OUTDATED_COMBINED} "
                         "(chạy lại với --pdf để tạo bản gộp mới).")
    return notes


def _rename(path: Path, target: Path, notes: list[str]) -> bool:
    try:
        os.replace(path, target)
        return True
    except OSError:
        notes.append(f"Không đổi tên được {path} (tệp không còn đúng, đừng in): hãy xóa hoặc đổi tên bằng tay.")
        return False


def _keep_or_release(reg, issuer_key: str, year: int, jobs: list[CertificateJob], outdir: Path, new_seqs: list[int],
                     exc: BaseException) -> None:
    """After a failed run: record the .docx that were written (their numbers stay reserved for the
    re-run) and give back the new numbers that have no file; then say so in the error."""
    docx_dir = outdir / DOCX_DIR
    written = [(j.seq, f"{DOCX_DIR}/{j.stem}.docx", sha256_file(docx_dir / f"{j.stem}.docx"), None, None, False)
               for j in jobs if (docx_dir / f"{j.stem}.docx").is_file()]
    try:
        if written:
            reg.record_files(issuer_key, year, written)
        done = reg.release(issuer_key, year, [s for s in new_seqs if s not in {w[0] for w in written}],
                           f"lần chạy bị lỗi: {type(exc).__name__}")
    except OcopError:
        return  # the register itself cannot be written: the original error says enough
    parts = []
    if done.released:
        parts.append(f"đã trả lại {len(done.released)} số chưa dùng ({_span(done.released)})")
    kept = len(done.kept) + len(written)
    if kept:
        parts.append(f"{kept} số được giữ cho lần chạy lại (chưa có giá trị cho đến khi có đủ tệp)")
    if parts and isinstance(exc, OcopError):
        exc.message = f"{exc.message}\nSổ đăng ký: " + "; ".join(parts) + "."
    if isinstance(exc, OSError) and not isinstance(exc, OcopError):
        folder = Path(exc.filename).parent if exc.filename else outdir  # the sub-folder that refused, when known
        raise OutputError(folder, exc, "sổ đăng ký: " + ("; ".join(parts) or "không có số nào bị giữ")) from None


def _span(numbers: list[str]) -> str:
    ordered = sorted(numbers)
    return ordered[0] if len(ordered) == 1 else f"{ordered[0]} … {ordered[-1]}"


__all__ = [
    "BatchReport", "COMBINED_PDF", "CertificateResult", "OutputError", "TrialReport", "demo_certificates", "plan_jobs",
    "produce_certificates", "run_certificates", "trial_certificates",
]


def demo_certificates(folder: Path, outdir: Path, *, pdf: bool = True, progress: Callable[[str], None] = print) -> list[Path]:
    """Every issuer file of ``folder`` (samples/certificates) run into ``outdir``, with a register
    of its own there (a demo never touches the user's register); returns the files written."""
    written: list[Path] = []
    for issuer_file in sorted(folder.glob("*.yaml")):
        target = outdir / issuer_file.stem
        report = run_certificates(None, issuer_file, target, pdf=pdf, register=outdir / "so-dang-ky-demo.sqlite")
        files = [r.docx for r in report.results] + [r.pdf for r in report.results if r.pdf]
        files += [p for p in (report.combined_pdf, report.manifest, report.rejects_file) if p]
        written += files
        progress(f"Giấy chứng nhận: {len(report.results)} giấy trong {target}")
        if report.rejects:
            progress(f"  {len(report.rejects)} dòng cố ý sai trong bảng mẫu bị loại, xem {report.rejects_file}")
        for warning in report.warnings:
            progress(f"  Cảnh báo: {warning}")
    return written
