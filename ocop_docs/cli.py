"""The ``ocop-docs`` command line: a thin layer over the library.

Arguments, progress, Vietnamese messages and exit codes live here; every rule lives in the
library. A user's mistake ends with a message and an exit code, never a traceback (unless
``--debug``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .cli_messages import install as _vietnamese_click_messages
from .errors import OcopError

_vietnamese_click_messages()

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

EXIT_OK, EXIT_FINDINGS, EXIT_DATA = 0, 1, 2


class Cli(click.Group):
    """A click group that shows library errors as designed messages, not tracebacks."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OcopError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            text = str(exc)
            click.secho(text if text.startswith("Lỗi") else f"Lỗi: {text}", fg="red", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Đã dừng theo yêu cầu; không có tệp dở dang nào được ghi.", err=True)
            ctx.exit(130)


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", message="ocop-docs %(version)s", help="Hiện phiên bản và thoát.")
@click.option("--debug", is_flag=True, help="Hiện toàn bộ thông tin lỗi (traceback) để báo lỗi phần mềm.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Soạn văn bản Chương trình OCOP đúng thể thức Nghị định 30/2020/NĐ-CP.

    \b
    Ví dụ:
      ocop-docs demo -o ketqua/                 # tạo các văn bản mẫu
      ocop-docs render kehoach.yaml -o kehoach.docx --pdf
      ocop-docs schema plan > plan.schema.json
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Tệp .docx sẽ tạo.")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF cùng tên (cần LibreOffice).")
@click.option("--pdfa", is_flag=True, help="Tạo PDF/A-2b để lưu trữ (kéo theo --pdf).")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), help="Dùng mẫu .docx khác mẫu có sẵn.")
def render(spec: Path, out: Path, pdf: bool, pdfa: bool, template: Path | None) -> None:
    """Tạo văn bản .docx (và PDF) từ tệp dữ liệu YAML/JSON.

    Tệp dữ liệu khai báo loại văn bản ở trường 'kind' (ví dụ 'kind: plan').

    \b
    Ví dụ:
      ocop-docs render samples/plans/ben-cau-2024.yaml -o ben-cau-2024.docx --pdf
    """
    from .io import load_spec
    from .render import render_spec

    model = load_spec(spec)
    written = [render_spec(model, out, template)]
    if pdf or pdfa:
        from .convert import to_pdf

        written += to_pdf([out], out.parent, pdfa=pdfa)
    for path in written:
        click.echo(f"Đã ghi {path}")


@main.command()
@click.argument("kind")
def schema(kind: str) -> None:
    """In JSON Schema của một loại tệp dữ liệu, để trình soạn thảo kiểm tra và gợi ý.

    \b
    Ví dụ:
      ocop-docs schema plan > plan.schema.json
    """
    from .model import KINDS

    if kind not in KINDS:
        raise click.BadParameter(f"loại '{kind}' không có; chọn một trong: {', '.join(KINDS)}", param_hint="KIND")
    click.echo(json.dumps(KINDS[kind].model_json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Thư mục ghi kết quả.")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Tạo cả PDF (cần LibreOffice).")
def demo(outdir: Path, pdf: bool) -> None:
    """Tạo tất cả văn bản mẫu trong thư mục samples/ và in danh sách tệp đã ghi.

    \b
    Ví dụ:
      ocop-docs demo -o ketqua/
      ocop-docs demo -o ketqua/ --no-pdf
    """
    from .demo import run_demo

    def progress(message: str) -> None:
        click.echo(message)

    written = run_demo(SAMPLES, outdir, pdf=pdf, progress=progress)
    click.echo(f"Xong: {len(written)} tệp trong {outdir}")


def run() -> None:  # pragma: no cover - console entry
    main(prog_name="ocop-docs")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
