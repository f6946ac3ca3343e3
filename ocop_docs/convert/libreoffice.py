"""DOCX → PDF conversion through headless LibreOffice, and PDF helpers built on pypdf.

Conversion facts this module is built on (LibreOffice 7.4):

* one ``soffice`` call costs about a second to start, but only ~60–90 ms per extra
  document, so every call converts a whole batch (at most ``MAX_FILES_PER_CALL`` files);
* two ``soffice`` processes sharing one user profile silently lose output (the loser
  exits 1 with nothing on stderr), so a profile is used by one call at a time: each call
  takes one from this process's pool of profiles (made on first need, removed at exit);
  reusing a profile saves LibreOffice about a second of set-up per call. A profile whose
  call failed or timed out is thrown away, not reused;
* the exit code proves nothing: every expected PDF is checked after the call;
* without an explicit import filter LibreOffice happily "converts" a corrupt ``.docx``
  as plain text, so ``.docx`` files are opened with the Word 2007 XML filter only.

PDFs are written under a temporary name next to their final place and moved there
with ``os.replace``, so a killed run never leaves a truncated PDF under a final name.
"""
from __future__ import annotations

import atexit
import glob
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import unicodedata
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ocop_docs.errors import ConversionError, UnreadableFile
from ocop_docs.io.messages import library_text

ENV_SOFFICE = "OCOP_DOCS_SOFFICE"
"""Environment variable naming the soffice executable to use (path or command name)."""

INSTALL_HINT = "sudo apt-get install -y libreoffice-writer-nogui fonts-liberation2"
"""The command that installs what conversion needs on Debian/Ubuntu."""

MAX_FILES_PER_CALL = 200
"""Largest number of documents converted by one soffice process."""

BASE_TIMEOUT = 60.0
"""Seconds every soffice call may take in addition to PER_FILE_TIMEOUT per document."""

PER_FILE_TIMEOUT = 2.0
"""Seconds each document adds to the default timeout of a soffice call."""

PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""The --convert-to argument that exports PDF/A-2b."""

PDF_FILTER = "pdf:writer_pdf_Export"
"""The --convert-to argument that exports plain PDF."""

_IMPORT_FILTERS = {".docx": "MS Word 2007 XML"}
"""Import filter forced per input suffix; other suffixes are left to LibreOffice."""

_FALLBACK_SOFFICE = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice*/program/soffice",
)
"""Places where soffice is looked for when it is not on PATH (globs allowed)."""

_NOISE = ("failed to launch javaldx",)
"""Fragments of harmless soffice stderr lines left out of error messages."""

_MM_PER_PT = 25.4 / 72.0
_PDFA_NS = "http://www.aiim.org/pdfa/ns/id/"


# --------------------------------------------------------------------------- soffice


def _is_executable(path: str | Path) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_soffice() -> str:
    """The soffice executable to run; raises ConversionError when LibreOffice is missing.

    ``OCOP_DOCS_SOFFICE`` wins when set (a path, or a command name looked up on PATH);
    a wrong value is an error rather than silently ignored. Otherwise ``soffice`` and
    ``libreoffice`` on PATH, then the usual install locations.
    """
    configured = os.environ.get(ENV_SOFFICE, "").strip()
    if configured:
        found = configured if os.sep in configured else shutil.which(configured)
        if found and _is_executable(found):
            return str(found)
        raise ConversionError(
            f"Biến môi trường {ENV_SOFFICE} trỏ tới '{configured}', nhưng không có "
            f"chương trình LibreOffice (soffice) chạy được ở đó. Hãy sửa hoặc xoá biến "
            f"này, hoặc cài LibreOffice bằng lệnh:\n  {INSTALL_HINT}"
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for pattern in _FALLBACK_SOFFICE:
        for candidate in sorted(glob.glob(pattern), reverse=True):
            if _is_executable(candidate):
                return candidate
    raise ConversionError(
        "Không tìm thấy LibreOffice (chương trình soffice), cần để chuyển văn bản sang PDF. "
        f"Hãy cài LibreOffice bằng lệnh:\n  {INSTALL_HINT}\n"
        f"hoặc đặt biến môi trường {ENV_SOFFICE} là đường dẫn tới soffice."
    )


def default_timeout(n_files: int) -> float:
    """Default seconds one soffice call converting ``n_files`` documents may take."""
    return BASE_TIMEOUT + PER_FILE_TIMEOUT * n_files


@dataclass
class _Job:
    """One document to convert: its source, its final PDF, and its name while staged."""

    source: Path
    target: Path
    staged_stem: str = ""
    failure: str = ""  # Vietnamese reason, empty while the job has not failed


def _chunks(jobs: list[_Job]) -> list[list[_Job]]:
    """Jobs grouped by import filter, each group cut into calls of MAX_FILES_PER_CALL."""
    groups: dict[str | None, list[_Job]] = {}
    for job in jobs:
        groups.setdefault(_IMPORT_FILTERS.get(job.source.suffix.lower()), []).append(job)
    return [
        group[i : i + MAX_FILES_PER_CALL]
        for group in groups.values()
        for i in range(0, len(group), MAX_FILES_PER_CALL)
    ]


def _precheck(job: _Job) -> str:
    """Why ``job.source`` cannot be a document LibreOffice converts (Vietnamese), or ''."""
    if job.source.suffix.lower() in (".docx", ".docm", ".dotx") and not zipfile.is_zipfile(job.source):
        return "không phải tệp Word .docx hợp lệ (nội dung không phải định dạng ZIP của .docx)"
    return ""


def _pdf_problem(pdf: Path) -> str:
    """Why the staged ``pdf`` is not a complete PDF (Vietnamese), or '' when it is."""
    try:
        size = pdf.stat().st_size
    except FileNotFoundError:
        return "LibreOffice không tạo ra tệp PDF (tệp nguồn có thể bị hỏng hoặc không mở được)"
    if size == 0:
        return "LibreOffice tạo ra tệp PDF rỗng"
    with open(pdf, "rb") as fh:
        head = fh.read(5)
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        return "LibreOffice tạo ra tệp PDF không hoàn chỉnh"
    return ""


def _clean_stderr(text: str) -> str:
    """soffice's stderr without known harmless lines, cut to a readable length."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not any(n in ln for n in _NOISE)]
    out = "\n".join(lines)
    return out if len(out) <= 2000 else out[:2000] + " …"


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill ``proc`` and everything it started (it leads its own session), then reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, ValueError, OSError):
        pass


def _run_soffice(cmd: list[str], timeout: float) -> tuple[int | None, str]:
    """Run one soffice command in its own process group: (exit code or None on timeout, stderr)."""
    from ..lifetime import GroupWatch

    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    watch = GroupWatch(proc.pid)  # if this process is killed, soffice and its soffice.bin are killed with it
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        return None, ""
    except BaseException:  # KeyboardInterrupt and the like: leave no soffice behind
        _kill_group(proc)
        raise
    finally:
        watch.close()
    stderr = err.decode("utf-8", "replace")
    if proc.returncode != 0 and not _clean_stderr(stderr):
        stderr += "\n" + out.decode("utf-8", "replace")
    return proc.returncode, stderr


_POOL: list[Path] = []
_POOL_LOCK = threading.Lock()
_POOL_ROOT: list[Path] = []


@contextmanager
def _profile():
    """A LibreOffice user profile for one call: a free one of the pool, or a new one. Yields a
    list; the caller appends True when the call went well, and only then is the profile kept."""
    with _POOL_LOCK:
        if not _POOL_ROOT:
            _POOL_ROOT.append(Path(tempfile.mkdtemp(prefix="ocop-soffice-profiles-")))
            atexit.register(shutil.rmtree, _POOL_ROOT[0], True)
        path = _POOL.pop() if _POOL else Path(tempfile.mkdtemp(dir=_POOL_ROOT[0]))
    ok: list[bool] = []
    try:
        yield path, ok
    finally:
        if ok and path.exists():
            with _POOL_LOCK:
                _POOL.append(path)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _convert_chunk(soffice: str, chunk: list[_Job], stage_dir: Path, pdfa: bool, timeout: float | None) -> str:
    """Convert one chunk with one soffice call into ``stage_dir``; marks failed jobs.

    Returns soffice's cleaned stderr (for error messages). Each job's source is copied
    under a unique ASCII name into a private temporary directory (the LibreOffice profile
    comes from the pool, ``_profile``), so equal stems never collide and no lock file is
    left next to the user's documents.
    """
    todo = [job for job in chunk if not job.failure]
    if not todo:
        return ""
    limit = timeout if timeout is not None else default_timeout(len(todo))
    with tempfile.TemporaryDirectory(prefix="ocop-soffice-") as private, _profile() as (profile, ok):
        private_dir = Path(private)
        inputs = private_dir / "in"
        inputs.mkdir()
        args = []
        for job in todo:
            src = inputs / f"{job.staged_stem}{job.source.suffix.lower()}"
            shutil.copyfile(job.source, src)
            args.append(str(src))
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
        ]
        import_filter = _IMPORT_FILTERS.get(todo[0].source.suffix.lower())
        if import_filter:
            cmd.append(f"--infilter={import_filter}")
        cmd += ["--convert-to", PDFA_FILTER if pdfa else PDF_FILTER, "--outdir", str(stage_dir), *args]
        try:
            code, stderr = _run_soffice(cmd, limit)
        except OSError as exc:
            raise ConversionError(f"Không chạy được LibreOffice ({soffice}): "
                                  f"{library_text(exc, 'hệ điều hành từ chối chạy chương trình')}") from exc
        if code == 0:
            ok.append(True)
    if code is None:
        for job in todo:
            job.failure = f"LibreOffice không xong sau {limit:g} giây nên đã bị dừng"
        return _clean_stderr(stderr)
    for job in todo:
        job.failure = _pdf_problem(stage_dir / f"{job.staged_stem}.pdf")
    return _clean_stderr(stderr)


def _plan_targets(docx_files: Sequence[Path], outdir: Path) -> list[Path]:
    """Final PDF path of each input: ``<stem>.pdf``, then ``<stem>-2.pdf``… for repeated stems."""
    used: set[str] = set()
    targets = []
    for source in docx_files:
        stem = source.stem
        name, n = f"{stem}.pdf", 1
        while _name_key(name) in used:
            n += 1
            name = f"{stem}-{n}.pdf"
        used.add(_name_key(name))
        targets.append(outdir / name)
    return targets


def _name_key(name: str) -> str:
    """A file name as case-insensitive, normalisation-insensitive file systems compare it."""
    return unicodedata.normalize("NFC", name).casefold()


def _convert(jobs: list[_Job], stage_parent: Path, pdfa: bool, timeout: float | None) -> list[Path]:
    """Convert ``jobs`` (all targets inside ``stage_parent``); raises ConversionError on any failure.

    Documents that converted are moved into place even when others failed; the error
    then carries ``converted`` and ``failed`` lists of paths.
    """
    missing = [job.source for job in jobs if not job.source.is_file()]
    if missing:
        listing = "\n".join(f"  - {p}" for p in missing)
        raise UnreadableFile(f"Không tìm thấy tệp cần chuyển sang PDF:\n{listing}")
    soffice = find_soffice()
    stage_parent.mkdir(parents=True, exist_ok=True)
    for i, job in enumerate(jobs):
        job.staged_stem = f"doc{i:05d}"
        job.failure = _precheck(job)
    messages: list[str] = []
    converted: list[Path] = []
    stage_dir = Path(tempfile.mkdtemp(prefix=".ocop-pdf-", dir=stage_parent))
    try:
        for chunk in _chunks(jobs):
            stderr = _convert_chunk(soffice, chunk, stage_dir, pdfa, timeout)
            if stderr and any(job.failure for job in chunk):
                messages.append(stderr)
            for job in chunk:
                if not job.failure:
                    os.replace(stage_dir / f"{job.staged_stem}.pdf", job.target)
                    converted.append(job.target)
    finally:
        shutil.rmtree(stage_dir, ignore_errors=True)
    failed = [job for job in jobs if job.failure]
    if failed:
        lines = [f"Không chuyển được {len(failed)}/{len(jobs)} tệp sang PDF:"]
        lines += [f"  - {job.source}: {job.failure}" for job in failed]
        if messages:
            lines.append("Thông báo của LibreOffice:")
            lines += ["  " + ln for msg in messages for ln in msg.splitlines()]
        raise ConversionError("\n".join(lines), failed=[job.source for job in failed], converted=converted)
    return [job.target for job in jobs]


def to_pdf(
    docx_files: Sequence[Path],
    outdir: Path,
    *,
    pdfa: bool = False,
    timeout: float | None = None,
) -> list[Path]:
    """Convert documents to PDFs in ``outdir``; returns the PDF paths in input order.

    All documents go through one soffice call (more only beyond MAX_FILES_PER_CALL).
    Each PDF is named after its document's stem; when two inputs share a stem, later
    ones get ``-2``, ``-3``… so none overwrites another. An existing PDF of the same
    name is replaced. ``pdfa`` exports PDF/A-2b. ``timeout`` is seconds per soffice
    call (default: ``default_timeout`` of the call's number of documents); on timeout
    the whole soffice process group is killed.

    Raises ConversionError naming every document that failed (the others are still
    written), UnreadableFile when an input does not exist.
    """
    sources = [Path(p) for p in docx_files]
    if not sources:
        return []
    outdir = Path(outdir)
    jobs = [_Job(src, tgt) for src, tgt in zip(sources, _plan_targets(sources, outdir))]
    return _convert(jobs, outdir, pdfa, timeout)


def to_pdf_one(docx: Path, pdf: Path, *, pdfa: bool = False, timeout: float | None = None) -> Path:
    """Convert one document to exactly the path ``pdf`` (replaced atomically); returns ``pdf``."""
    pdf = Path(pdf)
    return _convert([_Job(Path(docx), pdf)], pdf.parent, pdfa, timeout)[0]


# --------------------------------------------------------------------------- PDF files


def _atomic_write(out: Path, write: Callable[[object], None]) -> Path:
    """Write ``out`` through ``write(binary_file)`` under a temporary name, then os.replace it."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _read_pdf(pdf: Path):
    """A pypdf reader of ``pdf``; raises UnreadableFile when it cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(pdf)
        _ = len(reader.pages)
    except FileNotFoundError as exc:
        raise UnreadableFile(f"Không tìm thấy tệp PDF {pdf}") from exc
    except (PyPdfError, OSError, ValueError, KeyError) as exc:
        raise UnreadableFile(f"Không đọc được tệp PDF {pdf} (tệp hỏng hoặc không phải PDF)") from exc
    return reader


def _xmp_bytes(reader) -> bytes:
    """The raw XMP metadata packet of a PDF, or b'' when it has none."""
    try:
        meta = reader.trailer["/Root"].get("/Metadata")
        return meta.get_object().get_data() if meta is not None else b""
    except Exception:  # a broken metadata stream means "no usable metadata"
        return b""


def _pdfa_id(xmp: bytes) -> str:
    """The PDF/A identification claimed by an XMP packet, such as '2B', or '' when none."""
    text = xmp.decode("utf-8", "replace")
    prefixes = set(re.findall(r'xmlns:([\w.-]+)\s*=\s*["\']' + re.escape(_PDFA_NS) + r'["\']', text)) or {"pdfaid"}
    for prefix in prefixes:
        p = re.escape(prefix)
        part = re.search(rf'{p}:part\s*=\s*["\']\s*(\d+)|<{p}:part>\s*(\d+)\s*<', text)
        if part:
            conf = re.search(rf'{p}:conformance\s*=\s*["\']\s*(\w+)|<{p}:conformance>\s*(\w+)\s*<', text)
            level = (conf.group(1) or conf.group(2)) if conf else ""
            return (part.group(1) or part.group(2)) + level.upper()
    return ""


def _new_writer(first_reader, carry_pdfa: bool):
    """A pypdf writer with the first source's Info (and PDF/A identification when carried)."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    if first_reader.metadata is not None:
        writer.metadata = first_reader.metadata
    if carry_pdfa:
        # cloned as they are: the metadata stream keeps /Type /Metadata /Subtype /XML
        # and stays unfiltered, as PDF/A requires
        root = first_reader.trailer["/Root"]
        for key in ("/Metadata", "/OutputIntents"):
            if key in root:
                writer.root_object[NameObject(key)] = root.raw_get(key).clone(writer)
        writer.pdf_header = first_reader.pdf_header
    writer.generate_file_identifiers()
    return writer


def merge_pdfs(pdfs: Sequence[Path], out: Path) -> Path:
    """Concatenate ``pdfs`` into ``out`` (written atomically); returns ``out``.

    The result keeps the first PDF's document information; when every input claims
    the same PDF/A level, its XMP metadata and output intent are carried over too.
    """
    if not pdfs:
        raise ValueError("merge_pdfs needs at least one PDF")
    readers = [_read_pdf(Path(p)) for p in pdfs]
    ids = {_pdfa_id(_xmp_bytes(r)) for r in readers}
    writer = _new_writer(readers[0], carry_pdfa=len(ids) == 1 and "" not in ids)
    for reader in readers:
        for page in reader.pages:
            writer.add_page(page)
    return _atomic_write(Path(out), writer.write)


def split_pdf(pdf: Path, page_ranges: Sequence[tuple[int, int]], outs: Sequence[Path]) -> list[Path]:
    """Write pages ``[start, stop)`` (0-based) of ``pdf`` to each matching path of ``outs``.

    Every output is written atomically and keeps the source's document information
    and, for a PDF/A source, its XMP metadata and output intent. Raises ConversionError
    when a range does not fit the PDF's pages (nothing is written then).
    """
    if len(page_ranges) != len(outs):
        raise ValueError(f"split_pdf: {len(page_ranges)} page ranges but {len(outs)} output paths")
    pdf = Path(pdf)
    reader = _read_pdf(pdf)
    n = len(reader.pages)
    bad = [(a, b) for a, b in page_ranges if not (0 <= a < b <= n)]
    if bad:
        shown = ", ".join(f"{a + 1}–{b}" for a, b in bad)
        raise ConversionError(
            f"Không tách được tệp PDF {pdf}: tệp có {n} trang nhưng cần các trang {shown} "
            "(số trang của văn bản sau khi chuyển sang PDF khác với dự kiến)."
        )
    carry = bool(_pdfa_id(_xmp_bytes(reader)))
    written = []
    for (start, stop), out in zip(page_ranges, outs):
        writer = _new_writer(reader, carry_pdfa=carry)
        for i in range(start, stop):
            writer.add_page(reader.pages[i])
        written.append(_atomic_write(Path(out), writer.write))
    return written


@dataclass
class PdfInfo:
    """What a PDF holds: page count, text (NFC), page sizes in mm, PDF/A claim."""

    pages: int
    text: str
    page_texts: list[str] = field(default_factory=list)
    page_sizes: list[tuple[float, float]] = field(default_factory=list)  # (width, height) in mm
    is_pdfa: bool = False


def pdf_info(pdf: Path) -> PdfInfo:
    """Read a PDF's pages, text, page sizes (mm, as displayed) and PDF/A identification."""
    reader = _read_pdf(Path(pdf))
    texts, sizes = [], []
    for page in reader.pages:
        texts.append(unicodedata.normalize("NFC", page.extract_text() or ""))
        box = page.mediabox
        w, h = float(box.width) * _MM_PER_PT, float(box.height) * _MM_PER_PT
        if (page.rotation or 0) % 180:
            w, h = h, w
        sizes.append((round(w, 2), round(h, 2)))
    return PdfInfo(
        pages=len(texts),
        text="\n".join(texts),
        page_texts=texts,
        page_sizes=sizes,
        is_pdfa=bool(_pdfa_id(_xmp_bytes(reader))),
    )
