"""Star certificates in batch: `ocop-docs certificates` versus plain docxtpl and plain LibreOffice.

On the same template (ocop_docs/templates/certificates/giay-chung-nhan.docx) and the same 1,000 rows:

* .docx — plain docxtpl, one ``DocxTemplate`` per certificate (the way its documentation does
  it: the same context, the QR code made with segno and placed with ``InlineImage``, saved to a
  file), run as a script; versus ``ocop-docs certificates`` (register, manifest and all) with
  its default (a worker per CPU: 2 here) and ``--jobs 1``. Both are timed as whole processes,
  interpreter start included.
  A second baseline gives docxtpl our QR pictures, to show the renderer's share alone.
* PDF — ``soffice --convert-to pdf`` over the 1,000 .docx files (calls of 200 files: one call
  over all 1,000 silently stops after ~250; a private profile, start-up included); versus
  ``ocop-docs certificates --pdf --jobs 2`` from scratch, which makes the .docx, the 1,000
  per-certificate PDFs and the combined printing PDF.
* memory — peak resident memory of ``ocop-docs certificates`` (its workers included) for
  10,000 rows.

Targets (issue 5, 2-core machine): .docx ≥ 20× the docxtpl loop; 1,000 PDFs + the combined one
< 20 s; < 300 MB for 10,000 rows. The machine is shared: run it when it is quiet (the load
average is printed and saved with the figures). Writes benchmarks/results/certificates.json.

Run: ``.venv/bin/python benchmarks/bench_certificates.py`` (``--rows N``, ``--memory-rows N``,
``--skip-baselines`` to time only ocop-docs).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ISSUER = ROOT / "ocop_docs" / "samples" / "certificates" / "ha-tinh-2026-dot-2.yaml"
PYTHON = sys.executable
NAMES = [
    "Mật ong hoa rừng", "Nước mắm cá cơm", "Chè xanh", "Bưởi Phúc Trạch", "Cam bù", "Gạo hữu cơ", "Kẹo cu đơ",
    "Rượu nếp", "Tinh dầu bưởi", "Bánh đa vừng", "Nhung hươu sấy lát", "Ruốc tôm", "Nấm linh chi", "Mực khô",
]
COMMUNES = ["Sơn Kim 1", "Phúc Trạch", "Thiên Cầm", "Kỳ Xuân", "Vũ Quang", "Sơn Tây", "Đức Thọ", "Nghi Xuân"]


def make_table(path: Path, rows: int) -> Path:
    """A results table of ``rows`` distinct, valid products (.xlsx, headers as officers write them)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Kết quả")
    ws.append(["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm/Bộ sản phẩm", "Điểm", "Hạng sao"])
    for i in range(1, rows + 1):
        score = 50 + (i * 37 % 3999) / 100  # 50.00 … 89.98
        commune = COMMUNES[i % len(COMMUNES)]
        ws.append([i, f"{NAMES[i % len(NAMES)]} {commune} loại {i}", f"Hợp tác xã Nông nghiệp {commune} số {i}",
                   f"thôn {i % 17 + 1}, xã {commune}, tỉnh Hà Tĩnh", "Rau, củ, quả, hạt tươi", score,
                   4 if score >= 70 else 3])
    wb.save(path)
    return path


BASELINE = textwrap.dedent('''
    """Plain docxtpl: one DocxTemplate per certificate, the QR code with segno (or ours), saved."""
    import io, sys
    from pathlib import Path
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    from ocop_docs.certificates.batch import plan_jobs
    from ocop_docs.certificates.context import CertificateJob, certificate_context, qr_text, validity_end
    from ocop_docs.certificates.model import load_issuer
    from ocop_docs.render.environment import make_environment
    from ocop_docs.render.templates import template_path

    table, issuer_file, out, qr_kind = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), sys.argv[4]
    issuer = load_issuer(issuer_file)
    template = str(template_path("certificate"))
    good, _ = plan_jobs(table, issuer)
    issued = issuer.issue_date
    out.mkdir(parents=True, exist_ok=True)
    if qr_kind == "segno":
        import segno
        def picture(text):
            buffer = io.BytesIO()
            segno.make(text, error="m").save(buffer, kind="png", scale=4)
            return buffer.getvalue()
    else:
        from ocop_docs.certificates.qr import qr_png as picture
    for seq, (product, stars) in enumerate(good, 1):
        job = CertificateJob(seq, issued.year, issuer.number_text(seq, issued.year), product.row, product.key,
                             product.name, product.owner, product.address, product.group, product.code,
                             product.score, stars, issued, validity_end(issued))
        tpl = DocxTemplate(template)
        context = certificate_context(job, issuer)
        context["qr"] = InlineImage(tpl, io.BytesIO(picture(qr_text(job, issuer))), width=Mm(27))
        tpl.render(context, jinja_env=make_environment())
        tpl.save(str(out / f"{job.stem}.docx"))
''')


def timed(cmd: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, **kwargs)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return elapsed, result


def peak_mb(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB of the command and its descendants), measured in a fresh helper."""
    helper = textwrap.dedent(f"""
        import resource, subprocess, sys, time
        start = time.perf_counter()
        code = subprocess.run({cmd!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd={str(ROOT)!r}).returncode
        print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, code)
    """)
    out = subprocess.run([PYTHON, "-c", helper], capture_output=True, text=True, check=True).stdout.split()
    if out[2] not in ("0", "3"):
        raise SystemExit(f"memory run failed with code {out[2]}")
    return float(out[0]), float(out[1])


def cli(*args: str) -> list[str]:
    return [PYTHON, "-m", "ocop_docs.cli", "certificates", *args]


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--memory-rows", type=int, default=10000)
    parser.add_argument("--skip-baselines", action="store_true")
    args = parser.parse_args()
    results: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_before": os.getloadavg()},
        "rows": args.rows,
    }
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    # Byte-compile the package once (an installed wheel ships .pyc files; with PYTHONDONTWRITEBYTECODE
    # set, an editable install would otherwise compile it in every process, on both sides).
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "ocop_docs")], check=True)
    # Outputs go under out/ (as a clerk's output folder would), not the system's /tmp: on this
    # machine /tmp is crowded by other runs and creating a file there costs 5× more.
    (ROOT / "out").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-gcn-", dir=ROOT / "out") as tmp:
        tmp = Path(tmp)
        table = make_table(tmp / "ket-qua.xlsx", args.rows)
        (tmp / "baseline.py").write_text(BASELINE, encoding="utf-8")
        n = args.rows

        def ours(name: str, *extra: str) -> float:
            seconds, _ = timed(cli(str(table), "--issuer", str(ISSUER), "-o", str(tmp / name),
                                   "--register", str(tmp / f"{name}.sqlite"), *extra))
            return seconds

        docx_j1 = ours("ours-j1", "--jobs", "1")
        docx_j2 = ours("ours-j2")  # the default: a worker per CPU (2 here)
        rerun = ours("ours-j2")  # same table, same register: nothing to rewrite
        results["ocop_docs_docx"] = {
            "jobs1_s": round(docx_j1, 2), "jobs2_s": round(docx_j2, 2), "rerun_unchanged_s": round(rerun, 2),
            "jobs1_docx_per_s": round(n / docx_j1, 1), "jobs2_docx_per_s": round(n / docx_j2, 1),
        }
        print(f"ocop-docs certificates, {n} .docx: default (--jobs 2 here) {docx_j2:.2f} s ({n / docx_j2:.0f}/s), "
              f"--jobs 1 {docx_j1:.2f} s ({n / docx_j1:.0f}/s); re-run, nothing changed: {rerun:.2f} s")
        if not args.skip_baselines:
            plain, _ = timed([PYTHON, str(tmp / "baseline.py"), str(table), str(ISSUER), str(tmp / "plain"), "segno"])
            plain_ourqr, _ = timed([PYTHON, str(tmp / "baseline.py"), str(table), str(ISSUER), str(tmp / "plain2"), "ours"])
            results["plain_docxtpl_docx"] = {
                "segno_qr_s": round(plain, 2), "ms_per_docx": round(plain / n * 1000, 1),
                "with_our_qr_s": round(plain_ourqr, 2),
            }
            results["ratio_docx"] = {
                "plain_over_jobs1": round(plain / docx_j1, 1), "plain_over_jobs2": round(plain / docx_j2, 1),
                "plain_with_our_qr_over_jobs1": round(plain_ourqr / docx_j1, 1),
            }
            print(f"plain docxtpl loop, {n} .docx: {plain:.2f} s ({plain / n * 1000:.1f} ms each); "
                  f"with our QR pictures: {plain_ourqr:.2f} s")
            print(f"  ratio plain/ours: default (--jobs 2) {plain / docx_j2:.1f}×, --jobs 1 {plain / docx_j1:.1f}× "
                  f"(renderer alone, same QR pictures, --jobs 1: {plain_ourqr / docx_j1:.1f}×)")
        if soffice:
            pdf_j2 = ours("ours-pdf", "--pdf", "--jobs", "2")
            pages = len(list((tmp / "ours-pdf" / "pdf").glob("*.pdf")))
            results["ocop_docs_pdf"] = {"jobs2_total_s": round(pdf_j2, 2), "per_certificate_pdfs": pages,
                                        "combined_pdf": (tmp / "ours-pdf" / "giay-chung-nhan-tat-ca.pdf").is_file()}
            print(f"ocop-docs certificates --pdf --jobs 2: {pdf_j2:.2f} s for {pages} .docx + PDFs + the combined PDF")
            if not args.skip_baselines:
                docx_files = sorted(str(p) for p in (tmp / "ours-j1" / "docx").glob("*.docx"))
                profile = tmp / "lo-profile"
                # One soffice call stops after ~250 documents without a word (measured: 247 of 1,000
                # PDFs, exit code 0), so the files go 200 a call, as ocop_docs.convert does.
                plain_pdf = 0.0
                for i in range(0, len(docx_files), 200):
                    seconds, _ = timed([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                        "--convert-to", "pdf", "--outdir", str(tmp / "soffice-pdf"),
                                        *docx_files[i:i + 200]], timeout=3600)
                    plain_pdf += seconds
                made = len(list((tmp / "soffice-pdf").glob("*.pdf")))
                results["soffice_pdf"] = {"calls_of_200_s": round(plain_pdf, 2), "pdfs": made}
                results["ratio_pdf"] = round(plain_pdf / pdf_j2, 1)
                print(f"soffice --convert-to pdf over the {len(docx_files)} .docx (calls of 200): {plain_pdf:.2f} s "
                      f"for {made} PDFs, no combined PDF → ours {plain_pdf / pdf_j2:.1f}× faster, .docx included")
        if args.memory_rows:
            big = make_table(tmp / "ket-qua-lon.xlsx", args.memory_rows)
            memory = {}
            for jobs in ("1", "2"):
                seconds, mb = peak_mb(cli(str(big), "--issuer", str(ISSUER), "-o", str(tmp / f"mem-{jobs}"),
                                          "--register", str(tmp / f"mem-{jobs}.sqlite"), "--jobs", jobs))
                memory[f"jobs{jobs}"] = {"seconds": round(seconds, 2), "peak_mb": round(mb, 1)}
                print(f"{args.memory_rows} .docx, --jobs {jobs}: {seconds:.1f} s, peak {mb:.0f} MB")
            results["memory"] = {"rows": args.memory_rows, **memory}
    results["machine"]["load_after"] = os.getloadavg()
    out = ROOT / "benchmarks" / "results" / "certificates.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"load average before {results['machine']['load_before']}, after {results['machine']['load_after']}")
    return results


if __name__ == "__main__":
    main()
