"""How long ``ocop_docs.check.check_file`` takes on a ~30-page ND30 plan.

The document is built with the same python-docx helpers as the checker's tests
(``tests/check/builders.py``): header table, rules under lines, căn cứ, Roman/Arabic/letter
headings, justified body, signature table, page numbers. The check is timed over several runs
and the median printed; the page count comes from LibreOffice (docx → PDF → pypdf) when
``soffice`` is installed, otherwise from the checker's own estimate.

    .venv/bin/python benchmarks/bench_check.py [--runs 7] [--repeat 14]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "tests" / "check"))
sys.path.insert(0, str(ROOT))

import builders  # noqa: E402

from ocop_docs.check import check_file  # noqa: E402
from ocop_docs.check.checks import estimate_pages  # noqa: E402
from ocop_docs.docx import open_docx, read_document  # noqa: E402


def pdf_pages(docx_path: Path, workdir: Path) -> int | None:
    """Pages of the document as LibreOffice lays it out (None without LibreOffice)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    out = workdir / "pdf"
    out.mkdir(exist_ok=True)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{workdir}/lo-profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(docx_path)],
        capture_output=True, timeout=180, check=False,
    )
    pdf = out / (docx_path.stem + ".pdf")
    return len(PdfReader(str(pdf)).pages) if pdf.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs (median reported)")
    parser.add_argument("--repeat", type=int, default=14, help="body repetitions (~2.2 pages each)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = builders.save(builders.build_plan(repeat=args.repeat), work / "ke-hoach-30-trang.docx")
        view = read_document(open_docx(path))
        pages = pdf_pages(path, work)
        source = "LibreOffice"
        if pages is None:
            pages = round(estimate_pages(view))
            source = "ước tính"
        check_file(path)  # warm-up (imports, font metrics)
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            report = check_file(path)
            times.append((time.perf_counter() - t0) * 1000)
        median = statistics.median(times)
        print(f"document: {len(view.blocks)} paragraphs, {len(view.tables)} tables, {pages} pages ({source}), "
              f"{path.stat().st_size // 1024} KB")
        print(f"check_file: median {median:.1f} ms over {args.runs} runs "
              f"(min {min(times):.1f}, max {max(times):.1f}); {median / max(pages, 1):.2f} ms/page; "
              f"{len(report.findings)} findings")


if __name__ == "__main__":
    main()
