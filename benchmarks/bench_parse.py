"""How long reading a document back takes: ``ocop_docs.parse.parse_file`` on text, .docx and PDF.

Inputs: the 60 KB plain text of the Hà Tĩnh 2023–2025 plan (tests/data/corpus/003_…, the largest
real document of the corpus), the same plan rendered by the engine (.docx, ~19 pages) and that
.docx converted to PDF by LibreOffice. Each is parsed ``--runs`` times in this process (the
first run, which imports and warms caches, is reported apart) and the median is printed, with
the roll-forward of the parsed plan to the next year. Target (issue 7): a 60 KB plan in well
under a second. Writes benchmarks/results/parse.json.

    .venv/bin/python benchmarks/bench_parse.py [--runs 7]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT = ROOT / "tests" / "data" / "corpus" / "003_3ec02ed1584b7994.txt"
SAMPLE = ROOT / "ocop_docs" / "samples" / "plans" / "ha-tinh-2023-2025.yaml"


def timed(fn, runs: int) -> tuple[float, float, list[float]]:
    """(first run, median of the next ``runs``, all times) in seconds."""
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return first, statistics.median(times), times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from ocop_docs.io import load_spec
    from ocop_docs.parse import parse_file
    from ocop_docs.render import render_spec
    from ocop_docs.rollforward import roll_forward

    work = Path(tempfile.mkdtemp(prefix="bench-parse-"))
    docx = render_spec(load_spec(SAMPLE), work / "ha-tinh.docx")
    inputs = {"txt (60 KB)": TEXT, "docx (rendered)": docx}
    try:
        from ocop_docs.convert import to_pdf

        inputs["pdf (LibreOffice)"] = to_pdf([docx], work)[0]
    except Exception as exc:  # no LibreOffice: the PDF case is skipped, said so
        print(f"PDF bỏ qua: {exc}")
    results = {}
    print(f"load average: {os.getloadavg()[0]:.2f}; {platform.python_version()}; {args.runs} runs")
    for name, path in inputs.items():
        size = path.stat().st_size
        first, median, times = timed(lambda p=path: parse_file(p), args.runs)
        parsed = parse_file(path)
        ok = parsed.model is not None
        results[name] = {"bytes": size, "first_s": round(first, 4), "median_s": round(median, 4),
                         "min_s": round(min(times), 4), "valid_model": ok}
        print(f"{name:18} {size / 1024:7.1f} KB   first {first * 1000:7.1f} ms   median {median * 1000:7.1f} ms"
              f"   min {min(times) * 1000:7.1f} ms   model: {'ok' if ok else 'NONE'}")
    plan = parse_file(TEXT).model
    _, median, _ = timed(lambda: roll_forward(plan, 2026, end_year=2026, on=date(2026, 9, 1)), args.runs)
    results["rollforward 003 → 2026"] = {"median_s": round(median, 4)}
    print(f"{'rollforward → 2026':18} {'':10}   median {median * 1000:7.1f} ms")
    out = ROOT / "benchmarks" / "results" / "parse.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"load_average": os.getloadavg()[0], "runs": args.runs, "results": results},
                              ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"ghi {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
