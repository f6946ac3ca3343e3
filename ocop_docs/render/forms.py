"""Producing the OCOP forms: filled from a data file, or blank for printing.

One entry point for the ``form`` command: the kind names the form (the kinds of ``ocop_docs.kinds``
made by the ``form`` command: ``mau-01``, ``phieu-danh-gia``, ``bien-ban``…); the output's suffix picks
Word (.docx) or, for the score sheet, the Excel layout of ``io.score_xlsx`` (.xlsx).
"""
from __future__ import annotations

from pathlib import Path

from .. import kinds
from ..errors import DataError, Problem
from ..io.score_xlsx import write_products, write_sheet_xlsx
from ..io.spec import load_spec
from ..ocop.criteria import criteria_set
from ..scoring import check_sheet, read_sheet, score_files
from . import forms_context as fc
from . import render_spec
from .docx import render_docx
from .templates import template_path


def render_form(kind: str, out: str | Path, data: str | Path | None = None, blank: bool = False,
                bo: int | None = None, template: str | Path | None = None, notices: list[str] | None = None) -> Path:
    """Write form ``kind`` to ``out``: from the data file ``data``, or blank; returns ``out``.

    ``notices`` receives what the readers of the tables the data names skipped (``io/datafiles.py``).
    """
    out = Path(out)
    entry = kinds.find(kind)
    if entry is None or entry.command != "form":
        raise DataError(None, Problem(f"biểu mẫu '{kind}' không có; chọn: {kinds.choices_text('form')}", path="kind"))
    kind = entry.id
    if blank and data is not None:
        raise DataError(data, "không dùng tệp dữ liệu cùng với --blank (mẫu trắng)")
    if blank and entry.blank is None:
        raise DataError(None, f"'{kind}' không có mẫu trắng; hãy ghi tệp dữ liệu")
    if data is None and not blank and kind != "phieu-danh-gia":
        raise DataError(None, f"'{kind}' cần một tệp dữ liệu (hoặc --blank để in mẫu trắng)")
    if kind == "phieu-danh-gia":
        return _score_sheet(out, data, bo, template, notices)
    if out.suffix.lower() != ".docx":
        raise DataError(out, "biểu mẫu được ghi ra tệp Word (.docx)")
    if blank:
        return render_docx(template_path(kind, template), entry.blank_context(), out)

    return render_spec(load_spec(data, kind, notices), out, template)


def _score_sheet(out: Path, data, bo: int | None, template, notices: list[str] | None = None) -> Path:
    source = read_sheet(data, notices) if data is not None else None
    if source is not None and bo is not None and int(bo) != source.sheet.bo:
        raise DataError(data, Problem(f"tệp ghi bộ {source.sheet.bo} nhưng lệnh ghi --bo {bo}", path="bo"))
    if source is None and bo is None:
        raise DataError(None, Problem("cần --bo (số bộ tiêu chí 1–26) cho phiếu trắng", path="bo"))
    cs = criteria_set(source.sheet.bo if source else bo)
    if out.suffix.lower() in (".xlsx", ".xlsm"):
        sheet = source.sheet if source else None
        if sheet is not None and sheet.ticks:
            check_sheet(source, cs)
        return write_sheet_xlsx(cs, out, sheet)
    if out.suffix.lower() != ".docx":
        raise DataError(out, "phiếu đánh giá được ghi ra tệp Word (.docx) hoặc Excel (.xlsx)")
    if source is None:
        context = fc.score_sheet_context(cs)
    elif not source.sheet.ticks:
        context = fc.score_sheet_context(cs, sheet=source.sheet)
    else:
        context = fc.score_sheet_context(cs, check_sheet(source, cs))
    return render_docx(template_path("phieu-danh-gia", template), context, out)


def demo_extras(samples: Path, outdir: Path) -> tuple[list[Path], list[Path]]:
    """For the demo: blank forms to print, and the results table of the sample score sheets.

    Returns (the .docx files, the other files written).
    """
    outdir = Path(outdir)
    docx = [
        render_form("mau-01", outdir / "mau-01-trang.docx", blank=True),
        render_form("mau-02", outdir / "mau-02-trang.docx", blank=True),
        render_form("mau-03", outdir / "mau-03-trang.docx", blank=True),
        render_form("phieu-danh-gia", outdir / "phieu-danh-gia-bo-01-trang.docx", bo=1),
    ]
    others: list[Path] = []
    sheets = sorted(Path(samples).glob("phieu-*.yaml"))
    if sheets:
        results = score_files(sheets)
        others.append(write_products([r.to_product() for r in results], outdir / "ket-qua-cham-diem.xlsx"))
    return docx, others
