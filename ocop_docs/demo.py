"""The demo job: every shipped sample rendered into a folder, with PDFs."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import kinds
from .certificates.batch import demo_certificates
from .convert import to_pdf
from .errors import ConversionError
from .io import load_spec
from .render import render_spec
from .render.forms import demo_extras


def run_demo(samples: Path, outdir: Path, pdf: bool = True, progress: Callable[[str], None] = print) -> list[Path]:
    """Render every sample spec under ``samples`` into ``outdir``; returns the files written."""

    # The sample folders of the kinds made from one data file (plans, decisions, forms), in the
    # registry's order; files starting with "_" are documented examples of a spec's shape, not samples.
    folders = dict.fromkeys(k.samples for k in kinds.all_kinds(with_model=True) if k.samples)
    specs = [p for folder in folders for p in sorted(samples.glob(f"{folder}/*.yaml")) if not p.name.startswith("_")]
    written: list[Path] = []
    docx_files: list[Path] = []
    for i, spec_path in enumerate(specs, 1):
        spec = load_spec(spec_path)
        out = outdir / spec_path.parent.name / f"{spec_path.stem}.docx"
        render_spec(spec, out)
        progress(f"[{i}/{len(specs)}] {out}")
        docx_files.append(out)
        written.append(out)
    if (samples / "forms").is_dir():
        extra_docx, extra_files = demo_extras(samples / "forms", outdir / "forms")
        for out in extra_docx + extra_files:
            progress(f"{out}")
        docx_files += extra_docx
        written += extra_docx + extra_files
    if pdf and docx_files:
        try:
            by_folder: dict[Path, list[Path]] = {}
            for f in docx_files:
                by_folder.setdefault(f.parent, []).append(f)
            for folder, files in by_folder.items():
                pdfs = to_pdf(files, folder)
                for p in pdfs:
                    progress(f"PDF {p}")
                written += pdfs
        except ConversionError as exc:
            progress(f"Cảnh báo: không tạo được PDF: {exc}")
    # Star certificates of ocop_docs/samples/certificates (issue 5), with a register of the demo's own.
    if (samples / "certificates").is_dir():
        try:
            written += demo_certificates(samples / "certificates", outdir / "certificates", pdf=pdf, progress=progress)
        except ConversionError as exc:
            progress(f"Cảnh báo: không tạo được PDF giấy chứng nhận: {exc}")
    return written
