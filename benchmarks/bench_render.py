"""Rendering a plan: ocop-docs versus plain docxtpl on the same template and context.

Plain docxtpl is `DocxTemplate(t).render(context); save()` with its default (unsafe) Jinja
environment; ocop-docs adds the sandboxed strict environment, rule-line sizing, footnotes and an
atomic write. The figure that matters to an officer is the time per document; the ratio shows
what the safety costs. Run: `.venv/bin/python benchmarks/bench_render.py`.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from ocop_docs.io import load_spec  # noqa: E402
from ocop_docs.render import context_for, render_spec, template_path  # noqa: E402

RUNS = 15


def median_ms(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for sample in sorted((ROOT / "ocop_docs" / "samples" / "plans").glob("*.yaml")):
            spec = load_spec(sample)
            context = context_for(spec)
            template = template_path(spec.kind)

            def plain(template=template, context=context):
                tpl = DocxTemplate(str(template))
                tpl.render(context)
                tpl.save(str(Path(tmp) / "plain.docx"))

            def ours(spec=spec):
                render_spec(spec, Path(tmp) / "ours.docx")

            def parse_and_ours(sample=sample):
                render_spec(load_spec(sample), Path(tmp) / "ours.docx")

            plain_ms, ours_ms, full_ms = median_ms(plain), median_ms(ours), median_ms(parse_and_ours)
            results[sample.stem] = {
                "plain_docxtpl_ms": round(plain_ms, 1),
                "ocop_docs_ms": round(ours_ms, 1),
                "ocop_docs_with_spec_loading_ms": round(full_ms, 1),
                "ratio_plain_over_ours": round(plain_ms / ours_ms, 2),
            }
            print(f"{sample.stem:22s} plain docxtpl {plain_ms:7.1f} ms | ocop-docs {ours_ms:7.1f} ms "
                  f"(+ spec loading {full_ms:7.1f} ms) | ratio {plain_ms / ours_ms:.2f}")
    (ROOT / "benchmarks" / "results" / "render.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
