"""Producing the OCOP forms: filled from a data file, or blank for printing.

One entry point for the ``form`` command: the kind names the form (``mau-01``, ``mau-02``,
``mau-03``, ``phieu-danh-gia``, ``cong-van-de-nghi``, ``bien-ban``); the output's suffix picks
Word (.docx) or, for the score sheet, the Excel layout of ``io.score_xlsx`` (.xlsx).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import DataError, Problem
from . import forms_context as fc
from .docx import render_docx
from .templates import template_path

FORM_KINDS: dict[str, str] = {
    "mau-01": "Mẫu số 01 - Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP",
    "mau-02": "Mẫu số 02 - Báo cáo tự đánh giá về sản phẩm",
    "mau-03": "Mẫu số 03 - Báo cáo đánh giá một số nội dung của hồ sơ đăng ký (UBND cấp xã)",
    "phieu-danh-gia": "Bộ tiêu chí kiêm phiếu đánh giá sản phẩm OCOP (Phụ lục II, cần --bo)",
    "cong-van-de-nghi": "Công văn của UBND xã đề nghị UBND tỉnh đánh giá, phân hạng (Mẫu 1.5 Nghị định 30)",
    "bien-ban": "Biên bản họp Hội đồng đánh giá, phân hạng (Mẫu 1.9 Nghị định 30)",
}
BLANK_KINDS = {"mau-01", "mau-02", "mau-03", "phieu-danh-gia"}
BLANK_CONTEXTS = {
    "mau-01": fc.registration_context,
    "mau-02": fc.self_assessment_context,
    "mau-03": fc.commune_report_context,
}


def render_form(kind: str, out: str | Path, data: str | Path | None = None, blank: bool = False,
                bo: int | None = None, template: str | Path | None = None, notices: list[str] | None = None) -> Path:
    """Write form ``kind`` to ``out``: from the data file ``data``, or blank; returns ``out``.

    ``notices`` receives what the readers of the tables the data names skipped (``io/datafiles.py``).
    """
    out = Path(out)
    if kind not in FORM_KINDS:
        raise DataError(None, Problem(f"biểu mẫu '{kind}' không có; chọn: {', '.join(FORM_KINDS)}", path="kind"))
    if blank and data is not None:
        raise DataError(data, "không dùng tệp dữ liệu cùng với --blank (mẫu trắng)")
    if blank and kind not in BLANK_KINDS:
        raise DataError(None, f"'{kind}' không có mẫu trắng; hãy ghi tệp dữ liệu")
    if data is None and not blank and kind != "phieu-danh-gia":
        raise DataError(None, f"'{kind}' cần một tệp dữ liệu (hoặc --blank để in mẫu trắng)")
    if kind == "phieu-danh-gia":
        return _score_sheet(out, data, bo, template)
    if out.suffix.lower() != ".docx":
        raise DataError(out, "biểu mẫu được ghi ra tệp Word (.docx)")
    if blank:
        return render_docx(template_path(kind, template), BLANK_CONTEXTS[kind](), out)
    from ..io.spec import load_spec
    from . import render_spec

    return render_spec(load_spec(data, kind, notices), out, template)


def _score_sheet(out: Path, data, bo: int | None, template) -> Path:
    from ..ocop.criteria import criteria_set
    from ..ocop.scoring import check_sheet, read_sheet

    source = read_sheet(data) if data is not None else None
    if source is not None and bo is not None and int(bo) != source.sheet.bo:
        raise DataError(data, Problem(f"tệp ghi bộ {source.sheet.bo} nhưng lệnh ghi --bo {bo}", path="bo"))
    if source is None and bo is None:
        raise DataError(None, Problem("cần --bo (số bộ tiêu chí 1–26) cho phiếu trắng", path="bo"))
    cs = criteria_set(source.sheet.bo if source else bo)
    if out.suffix.lower() in (".xlsx", ".xlsm"):
        from ..io.score_xlsx import write_sheet_xlsx

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
        from ..io.score_xlsx import write_products
        from ..ocop.scoring import score_files

        results = score_files(sheets)
        others.append(write_products([r.to_product() for r in results], outdir / "ket-qua-cham-diem.xlsx"))
    return docx, others
