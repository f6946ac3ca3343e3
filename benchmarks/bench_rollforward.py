"""Rolling a plan to the next year, with the draft an officer reviews in Word.

Compares, on the sample plans: the plain way of making next year's document (render the plan
with plain docxtpl: no review marks at all), ocop-docs' roll-forward with highlights, and with
tracked changes and comments (two renderings compared word by word). The figure that matters is
the time an officer waits for the draft; the ratios show what the review marks cost.
Run: `.venv/bin/python benchmarks/bench_rollforward.py`.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from docxtpl import DocxTemplate  # noqa: E402

from ocop_docs.io import load_spec  # noqa: E402
from ocop_docs.render import context_for, template_path  # noqa: E402
from ocop_docs.rollforward.files import run  # noqa: E402

from bench_render import median_ms as _median_ms  # noqa: E402  (one timing loop for the benchmarks)

RUNS = 7
TARGETS = {"ben-cau-2024": (2025, None), "ha-tinh-2023-2025": (2026, 2026), "vu-quang-2019": (2020, None)}



def main() -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for stem, (year, end) in TARGETS.items():
            sample = ROOT / "ocop_docs" / "samples" / "plans" / f"{stem}.yaml"
            spec = load_spec(sample)

            def plain(spec=spec):
                tpl = DocxTemplate(str(template_path(spec.kind)))
                tpl.render(context_for(spec))
                tpl.save(str(out / "plain.docx"))

            def roll(marks, sample=sample, year=year, end=end):
                return lambda: run(sample, year, out / "kh.yaml", end_year=end, docx=out / "kh.docx", marks=marks)

            plain_ms = _median_ms(plain, RUNS)
            highlight_ms = _median_ms(roll("highlight"), RUNS)
            track_ms = _median_ms(roll("track"), RUNS)
            results[stem] = {
                "plain_docxtpl_render_ms": round(plain_ms, 1),
                "rollforward_highlight_ms": round(highlight_ms, 1),
                "rollforward_tracked_changes_ms": round(track_ms, 1),
                "tracked_vs_plain": round(track_ms / plain_ms, 1),
            }
            print(f"{stem}: plain docxtpl {plain_ms:.0f} ms; roll-forward, highlights {highlight_ms:.0f} ms; "
                  f"tracked changes and comments {track_ms:.0f} ms ({track_ms / plain_ms:.1f}× plain)", flush=True)
    (ROOT / "benchmarks" / "results" / "rollforward.json").write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    main()
