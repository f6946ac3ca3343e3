"""The ``ocop-docs`` command line: a thin layer over the library.

Arguments, progress, Vietnamese messages and exit codes live here; every rule lives in the
library. A user's mistake ends with a message and an exit code (``errors.ExitCode``), never a
traceback (unless ``--debug``). The kinds of document each command accepts, and their help
lines, come from the registry (``ocop_docs.kinds``).

"""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .cli_messages import Context, show_error
from .errors import ExitCode, OcopError, UnreadableFile, os_reason
from .shipped import SAMPLES_DIR
from .vi.dates import parse_date

# The library is imported inside the commands that use it, for a measured reason: loaded here it
# cost every call ~0.5 s before click read the arguments (`--help`, a usage error; README, "Tốc độ").
# Each such import is marked "# start-up".
if TYPE_CHECKING:  # for annotations only: loading it here would cost the start-up above
    from .scoring import MinimumRule


class Command(click.Command):
    """A command whose help and usage errors are in Vietnamese."""

    context_class = Context

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        super().__init__(*args, **kwargs)
        self.kinds_listed = getattr(kwargs.get("callback"), "kinds_listed", None)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The help text, then the registry's kinds when the command takes one (``_with_kinds``)."""
        super().format_help_text(ctx, formatter)
        if self.kinds_listed is not None:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_kind_help(*self.kinds_listed))


class Group(click.Group):
    """A group of commands whose help and usage errors are in Vietnamese."""

    context_class = Context
    command_class = Command

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM SỐ]...")
        super().__init__(*args, **kwargs)


Group.group_class = Group


class Cli(Group):
    """The top group: shows library and click errors as designed Vietnamese messages, not tracebacks."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OcopError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                rules = [exc.rule] if exc.rule else []
                rules += [p.rule for p in getattr(exc, "problems", []) if p.rule]
                if rules:
                    click.echo(f"Mã quy tắc: {', '.join(dict.fromkeys(rules))}", err=True)
                raise
            text = str(exc)
            click.secho(text if text.startswith("Lỗi") else f"Lỗi: {text}", fg="red", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Đã dừng theo yêu cầu; không có tệp dở dang nào được ghi.", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:  # the reader of the output (| head, | less) stopped reading: nothing went wrong
            try:  # stdout pointed at nothing, so the interpreter's final flush cannot fail again
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):  # no real stdout (a test runner's): nothing to flush
                pass
            ctx.exit(ExitCode.OK)
        except OSError as exc:  # a file or folder the system refused (rights, full disk…): not a fault of ours
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.secho(f"Lỗi: không đọc hoặc ghi được {_shown_path(exc.filename)} ({os_reason(exc)}); không có tệp dở "
                        "dang nào được ghi.", fg="red", err=True)
            ctx.exit(ExitCode.DATA)
        except (MemoryError, RecursionError) as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            what = "không đủ bộ nhớ" if isinstance(exc, MemoryError) else "dữ liệu lồng nhau quá sâu"
            click.secho(f"Lỗi: dữ liệu vào quá lớn để xử lý ({what}); không có tệp nào được ghi.", fg="red", err=True)
            ctx.exit(ExitCode.DATA)
        except Exception as exc:  # a fault of ours: a designed message, never a traceback (--debug shows it)
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.secho(f"Lỗi phần mềm (không phải lỗi của dữ liệu): {type(exc).__name__}: {exc}. Không có tệp dở "
                        "dang nào được ghi. Chạy lại lệnh với --debug đặt ngay sau ocop-docs để xem chi tiết và gửi "
                        "cho người phát triển.", fg="red", err=True)
            ctx.exit(ExitCode.INTERNAL)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Click's ``main``, with its errors shown in Vietnamese (``cli_messages.show_error``)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            show_error(exc)
            code = exc.exit_code
        except click.Abort:
            click.echo("Đã hủy.", err=True)
            code = 1
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _shown_path(name) -> str:
    """The file an OSError names, or the folder of the temporary file an atomic write was making."""
    if not name:
        return "tệp"
    path = Path(os.fsdecode(name))
    if path.name.startswith(".") and path.name.endswith(".tmp"):
        return f"thư mục {path.parent}"
    return f"tệp {path}"


class KindType(click.ParamType):
    """A kind of document by its id or an older name (``ocop_docs.kinds``); ``command`` narrows the choice."""

    name = "loại văn bản"

    def __init__(self, command: str | None = None, with_model: bool = False):
        self.command, self.with_model = command, with_model

    def ids(self) -> list[str]:
        from . import kinds  # start-up

        return kinds.ids(self.command, with_model=self.with_model)

    def convert(self, value, param, ctx) -> str:
        from . import kinds  # start-up

        kind = kinds.find(value)
        if kind is None or kind.id not in self.ids():
            self.fail(f"loại '{value}' không có; chọn một trong: "
                      f"{kinds.choices_text(self.command, with_model=self.with_model)}", param, ctx)
        return kind.id

    def get_metavar(self, param, ctx=None) -> str:
        return "LOAI"


class CheckKindType(click.Choice):
    """``check --kind``: a choice among the checker's names of kinds, read when a value is given."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from .check import kind_names  # start-up

        return tuple(kind_names())

    @choices.setter
    def choices(self, value) -> None:  # click.Choice sets the choices it was given: here none, read above
        pass


def _kind_help(command: str | None = None, with_model: bool = False) -> str:
    """The help block listing the kinds a command takes, one per line (click's \\b keeps the lines)."""
    from . import kinds  # start-up

    return "\b\nLOAI là một trong:\n" + "\n".join(f"  {line}" for line in kinds.help_lines(command, with_model=with_model))


def _with_kinds(command: str | None = None, with_model: bool = False):
    """List the registry's kinds at the end of a command's help (when the help is shown: the list loads the models)."""
    def decorate(f):
        f.kinds_listed = (command, with_model)
        return f
    return decorate


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
      ocop-docs new ke-hoach -o kehoach.yaml       # tệp dữ liệu để điền
      ocop-docs schema ke-hoach > ke-hoach.schema.json
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

    Tệp dữ liệu khai báo loại văn bản ở trường 'kind' (ví dụ 'kind: ke-hoach'; tên cũ như
    'plan' vẫn được nhận).

    \b
    Ví dụ:
      ocop-docs render ocop_docs/samples/plans/ben-cau-2024.yaml -o ben-cau-2024.docx --pdf
    """
    from . import api  # start-up

    notices: list[str] = []
    written = api.render(spec, out, template=template, pdf=pdf, pdfa=pdfa, notices=notices)
    for notice in notices:
        click.echo(f"Lưu ý: {notice}", err=True)
    for path in written:
        click.echo(f"Đã ghi {path}")


@main.command()
@click.argument("kind", type=KindType(with_model=True))
@_with_kinds(with_model=True)
def schema(kind: str) -> None:
    """In JSON Schema của một loại tệp dữ liệu, để trình soạn thảo kiểm tra và gợi ý.

    \b
    Ví dụ:
      ocop-docs schema ke-hoach > ke-hoach.schema.json
    """
    from . import kinds  # start-up

    click.echo(json.dumps(kinds.get(kind).model.model_json_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("kind", type=KindType())
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp YAML sẽ tạo (không ghi đè tệp đã có).")
@_with_kinds()
def new(kind: str, out: Path) -> None:
    """Tạo tệp dữ liệu YAML ban đầu của một loại văn bản, mọi trường có chú thích tiếng Việt.

    Mỗi trường ghi rõ bắt buộc hay không, ý nghĩa và ví dụ; điền các trường rồi dùng
    'ocop-docs render' (hoặc 'ocop-docs form' với biểu mẫu). Với giay-chung-nhan: tệp cơ quan
    cấp của một đợt, dùng với 'ocop-docs certificates BẢNG --issuer tệp.yaml'.

    \b
    Ví dụ:
      ocop-docs new ke-hoach -o kehoach-2026.yaml
      ocop-docs new quyet-dinh-cong-nhan -o cong-nhan-dot-1.yaml
      ocop-docs new giay-chung-nhan -o co-quan-cap-dot-2.yaml
    """
    from . import kinds  # start-up
    from .io.starter import write_starter

    data_file = None
    if kinds.get(kind).command == "certificates":  # made from an issuer file and a results table
        from .certificates.model import CertificateIssuer

        data_file = (CertificateIssuer, "certificate-issuer",
                     "Tệp cơ quan cấp của một đợt cấp giấy chứng nhận sản phẩm OCOP (ocop-docs certificates --issuer)")
    write_starter(kind, out, data_file)
    click.echo(f"Đã ghi {out}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho máy đọc).")
@click.option(
    "--kind",
    type=CheckKindType(),
    metavar="LOAI",
    help="Loại văn bản: ke-hoach, quyet-dinh, van-ban-kem-theo, bao-cao, bien-ban, cong-van, bieu-mau, "
         "giay-chung-nhan (hoặc mã một loại văn bản, tên cũ tiếng Anh); mặc định tự nhận biết.",
)
def check(files: tuple[Path, ...], as_json: bool, kind: str | None) -> None:
    """Kiểm tra thể thức Nghị định 30/2020/NĐ-CP của tệp .docx (không sửa tệp).

    Mỗi lỗi nêu mã quy tắc (ví dụ ND30-DATE-02), vị trí, điều thấy được và điều quy định.
    Mã thoát: 0 không có lỗi, 1 có lỗi, 2 tệp không đọc được.

    \b
    Ví dụ:
      ocop-docs check kehoach.docx
      ocop-docs check quyetdinh.docx --kind quyet-dinh --json > ketqua.json
      ocop-docs check ketqua/*.docx
    """
    from .check import check_file, format_json, format_text  # start-up

    worst = 0
    reports = []
    for path in files:
        try:
            report = check_file(path, kind=kind)
        except UnreadableFile as exc:
            worst = max(worst, exc.exit_code)
            if as_json:
                reports.append({"file": str(path), "error": str(exc)})
            else:
                click.secho(f"{path}: {exc}", fg="red", err=True)
            continue
        worst = max(worst, report.exit_code)
        if as_json:
            reports.append(json.loads(format_json(report)))
        else:
            if len(files) > 1:
                click.echo(f"== {path}")
            click.echo(format_text(report))
    if as_json:
        click.echo(json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False, indent=2))
    sys.exit(worst)


@main.group("template")
def template_group() -> None:
    """Làm việc với mẫu văn bản .docx (thẻ docxtpl) đã sửa bằng Word.

    \b
    Ví dụ:
      ocop-docs template check ocop_docs/templates/plans/ke-hoach.docx --kind ke-hoach
    """


@template_group.command("check")
@click.argument("template", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", "kind", required=True, type=KindType(), help="Loại văn bản của mẫu (danh sách LOAI ở trên).")
@click.option("--data", "data", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp dữ liệu YAML/JSON để điền thử vào mẫu (giấy chứng nhận: tệp của đợt cấp).")
@_with_kinds()
def template_check(template: Path, kind: str, data: Path | None) -> None:
    """Kiểm tra mẫu .docx đã sửa: thẻ sai cú pháp, khối chưa đóng, tên trường không có, thẻ bị Word tách.

    Mỗi lỗi nêu vị trí (đoạn, ô bảng, đầu/chân trang), chữ gần đó và cách sửa. Tên trường được
    đối chiếu với các trường khai báo cho loại văn bản; mẫu được điền thử trong bộ nhớ với dữ liệu
    mẫu của loại văn bản, cùng giới hạn an toàn như khi tạo văn bản (vòng lặp, thời gian, độ dài);
    --data điền thử một tệp dữ liệu và liệt kê mọi trường còn thiếu. Mã thoát: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi, 2 tệp không đọc được.

    \b
    Ví dụ:
      ocop-docs template check ocop_docs/templates/plans/ke-hoach.docx --kind ke-hoach
      ocop-docs template check mau-cua-toi/ke-hoach.docx --kind ke-hoach --data kehoach.yaml
      ocop-docs template check giay-chung-nhan.docx --kind giay-chung-nhan --data dot-2.yaml
    """
    from .check.template import check_template, format_template_report  # start-up

    report = check_template(template, kind, data)
    click.echo(format_template_report(report))
    sys.exit(report.exit_code)


@main.command()
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Thư mục ghi kết quả.")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Tạo cả PDF (cần LibreOffice).")
def demo(outdir: Path, pdf: bool) -> None:
    """Tạo tất cả văn bản mẫu trong thư mục ocop_docs/samples/ và in danh sách tệp đã ghi.

    \b
    Ví dụ:
      ocop-docs demo -o ketqua/
      ocop-docs demo -o ketqua/ --no-pdf
    """
    from .demo import run_demo  # start-up

    def progress(message: str) -> None:
        click.echo(message)

    written = run_demo(SAMPLES_DIR, outdir, pdf=pdf, progress=progress)
    click.echo(f"Xong: {len(written)} tệp trong {outdir}")


@main.command()
@click.argument("sheets", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--quy-tac", "rule", type=click.Choice(["trung-binh", "da-so", "tat-ca"]), default="trung-binh", show_default=True,
              help="Cách xét yêu cầu tối thiểu (dấu sao) trên nhiều phiếu: điểm trung bình tiêu chí, quá nửa số phiếu, hoặc mọi phiếu.")
@click.option("--bang", "table", type=click.Path(dir_okay=False, path_type=Path), help="Ghi bảng kết quả (.xlsx hoặc .csv) dùng cho quyết định công nhận và giấy chứng nhận.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Ghi kết quả chi tiết dạng JSON.")
def score(sheets: tuple[Path, ...], rule: MinimumRule, table: Path | None, json_out: Path | None) -> None:
    """Chấm điểm sản phẩm từ các phiếu đánh giá của thành viên Hội đồng.

    Mỗi phiếu (YAML/JSON, hoặc Excel tạo bằng 'ocop-docs form phieu-danh-gia --xlsx') đánh dấu
    đúng một ô cho mỗi tiêu chí. Lệnh tính tổng điểm từng phiếu, điểm trung bình (2 chữ số thập
    phân), hạng sao theo khung điểm và theo yêu cầu tối thiểu (dấu sao), và giải thích vì sao sản
    phẩm chưa đạt hạng sao kế tiếp. Các phiếu của nhiều sản phẩm được gộp theo mã số sản phẩm.

    \b
    Ví dụ:
      ocop-docs score phieu-an.yaml phieu-binh.yaml phieu-cuong.yaml
      ocop-docs score phieu/*.yaml --bang ket-qua.xlsx
    """
    from .io.atomic import write_bytes_atomic  # start-up
    from .io.score_xlsx import write_products  # start-up
    from .scoring import report_lines, result_dict, score_files  # start-up

    notices: list[str] = []
    results = score_files(sheets, rule, notices)
    for notice in notices:
        click.echo(f"Lưu ý: {notice}", err=True)
    for i, result in enumerate(results):
        if i:
            click.echo("")
        for line in report_lines(result):
            click.echo(line)
    if table:
        write_products([r.to_product() for r in results], table)
        click.echo(f"Đã ghi {table}")
    if json_out:
        data = [result_dict(r) for r in results]
        write_bytes_atomic(json_out, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        click.echo(f"Đã ghi {json_out}")


@main.command()
@click.argument("kind", type=KindType("form"))
@click.argument("data", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp sẽ tạo (.docx; phiếu đánh giá có thể ghi .xlsx).")
@click.option("--blank", is_flag=True, help="Mẫu trắng để in (dòng chấm, ô trống ☐).")
@click.option("--bo", type=int, help="Số bộ tiêu chí 1–26 (cho phiếu đánh giá).")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF cùng tên (cần LibreOffice).")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), help="Dùng mẫu .docx khác mẫu có sẵn.")
@_with_kinds("form")
def form(kind: str, data: Path | None, out: Path, blank: bool, bo: int | None, pdf: bool, template: Path | None) -> None:
    """Tạo biểu mẫu OCOP (Quyết định số 26/2026/QĐ-TTg) từ tệp dữ liệu, hoặc mẫu trắng để in.

    \b
    Ví dụ:
      ocop-docs form mau-01 phieu-dang-ky.yaml -o phieu-dang-ky.docx
      ocop-docs form mau-01 --blank -o mau-01-trang.docx
      ocop-docs form phieu-danh-gia --bo 1 -o phieu-bo-01.docx
      ocop-docs form phieu-danh-gia --bo 1 -o phieu-bo-01.xlsx
      ocop-docs form phieu-danh-gia phieu-thanh-vien-a.yaml -o phieu-a.docx --pdf
    """
    from .convert import to_pdf  # start-up
    from .render.forms import render_form  # start-up

    notices: list[str] = []
    written = [render_form(kind, out, data, blank=blank, bo=bo, template=template, notices=notices)]
    for notice in notices:
        click.echo(f"Lưu ý: {notice}", err=True)
    if pdf and out.suffix.lower() == ".docx":
        written += to_pdf([out], out.parent)
    for path in written:
        click.echo(f"Đã ghi {path}")


# --------------------------------------------------------------------------- star certificates (issue 5)

_REGISTER_HELP = (
    "Sổ đăng ký số giấy chứng nhận (tệp SQLite). Mặc định: biến OCOP_DOCS_REGISTER; không có thì khi cấp "
    "là tệp so-dang-ky-giay-chung-nhan.sqlite cạnh thư mục kết quả nếu đã có (chưa có thì dừng và hỏi sổ), khi tra cứu "
    "là tệp đó trong thư mục hiện tại; với serve là tệp đó trong thư mục làm việc."
)


class _Progress:
    """A progress bar per phase of a certificate batch (on stderr; only labels when not a terminal)."""

    LABELS = {"docx": "Tạo tệp .docx", "pdf": "Chuyển sang PDF"}

    def __init__(self) -> None:
        self.bar: Any = None  # click's progress bar of the phase (a context manager entered by hand)
        self.phase: str | None = None
        self.done = 0

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase:
            self.close()
            self.phase, self.done = phase, 0
            self.bar = click.progressbar(length=total, label=self.LABELS.get(phase, phase), file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _batch_options(fn):
    """The options shared by ``certificates`` and ``register cap-lai``."""
    options = [
        click.argument("table", metavar="[BANG_KET_QUA]", required=False, type=click.Path(dir_okay=False, path_type=Path)),
        click.option("--issuer", "issuer_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
                     help="Tệp YAML/JSON của đợt cấp: cơ quan cấp, quyết định công nhận, nơi ký, người ký."),
        click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
                     help="Thư mục ghi giấy chứng nhận."),
        click.option("--pdf", is_flag=True, help="Tạo thêm PDF từng giấy và một PDF gộp để in (cần LibreOffice)."),
        click.option("--pdfa", is_flag=True, help="PDF/A-2b để lưu trữ (kéo theo --pdf)."),
        click.option("--register", "register_file", type=click.Path(dir_okay=False, path_type=Path), help=_REGISTER_HELP),
        click.option("-j", "--jobs", type=click.IntRange(1, 64),
                     help="Số tiến trình chạy song song, mỗi tiến trình một LibreOffice riêng "
                          "(mặc định: mỗi nhân CPU một tiến trình, tối đa 4, mỗi 100 giấy chứng nhận một tiến trình)."),
        click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
                     help="Dùng mẫu giấy chứng nhận .docx khác mẫu có sẵn."),
        click.option("--thu", "--dry-run", "trial", is_flag=True,
                     help="Chạy thử: in các số sẽ cấp và các dòng bị loại, tạo một giấy mẫu cạnh thư mục kết quả; "
                          "không ghi sổ đăng ký, không ghi thư mục kết quả."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _run_batch(ctx: click.Context, table, issuer_file, outdir, pdf, pdfa, register_file, jobs, template, trial,
               reissue_reason: str | None = None) -> None:
    from .certificates import run_certificates, trial_certificates  # start-up

    if trial:
        _print_trial(ctx, trial_certificates(table, issuer_file, outdir, register=register_file, template=template,
                                             reissue=reissue_reason is not None))
        return
    progress = _Progress()
    try:  # a broken template is a TemplateError: shown once by Cli.invoke, exit 3 as for render
        report = run_certificates(table, issuer_file, outdir, pdf=pdf, pdfa=pdfa, register=register_file,
                                  workers=jobs, template=template, progress=progress, reissue_reason=reissue_reason)
    finally:
        progress.close()
    unchanged = len(report.results) - report.written
    click.echo(f"Đã cấp {len(report.results)} giấy chứng nhận vào {report.outdir} "
               f"({report.written} tệp .docx mới hoặc đã sửa, {unchanged} không đổi).")
    if report.combined_pdf:
        state = "đã tạo lại" if report.combined_written else "không đổi"
        click.echo(f"PDF: {report.new_pdfs} tệp mới; bản gộp để in ({state}): {report.combined_pdf}")
    click.echo(f"Danh sách tệp: {report.manifest}")
    click.echo(f"Sổ đăng ký: {report.register}")
    for notice in report.notices:
        click.echo(f"Lưu ý: {notice}", err=True)
    for warning in report.warnings:
        click.secho(f"Cảnh báo: {warning}", fg="yellow", err=True)
    if report.partial:
        click.secho(f"{len(report.rejects)} dòng không được cấp giấy chứng nhận (chi tiết: {report.rejects_file}):",
                    fg="yellow", err=True)
        for reject in report.rejects[:20]:
            click.echo(f"  - dòng {reject.row}: {reject.reason}", err=True)
        if len(report.rejects) > 20:
            click.echo(f"  … và {len(report.rejects) - 20} dòng khác", err=True)
        ctx.exit(ExitCode.PARTIAL)


def _print_trial(ctx: click.Context, trial) -> None:
    where = trial.register if trial.register_exists else f"{trial.register} (chưa có, sẽ được tạo khi chạy thật)"
    click.echo(f"CHẠY THỬ — không ghi sổ đăng ký, không ghi thư mục kết quả. Sổ đăng ký: {where}")
    given = [a for a in trial.assignments if a.number]
    for a in given:
        if not a.new:
            what = "giữ số đã có"
            if a.held is not None and a.held.status == "reserved":
                what = "tiếp tục số đang giữ, chưa có đủ tệp"
        elif a.replaces is not None:
            what = f"số mới, thay số {a.replaces.number}" + (" (sẽ bị hủy)" if a.replaces.status != "void" else " (đã hủy)")
        else:
            what = "số mới"
        click.echo(f"  dòng {a.request.source_row}: {a.number} — {a.request.product} — {a.request.owner} ({what})")
    click.echo(f"Sẽ cấp {len(given)} giấy chứng nhận ({sum(1 for a in given if a.new)} số mới).")
    if trial.sample:
        click.echo(f"Giấy mẫu (bản thử, không vào sổ): {trial.sample}")
    for warning in trial.warnings:
        click.secho(f"Cảnh báo: {warning}", fg="yellow", err=True)
    if trial.rejects:
        click.secho(f"{len(trial.rejects)} dòng sẽ không được cấp giấy chứng nhận:", fg="yellow", err=True)
        for reject in trial.rejects:
            click.echo(f"  - dòng {reject.row}: {reject.reason}", err=True)
        ctx.exit(ExitCode.PARTIAL)


@main.command()
@_batch_options
@click.pass_context
def certificates(ctx: click.Context, table: Path | None, issuer_file: Path, outdir: Path, pdf: bool, pdfa: bool,
                 register_file: Path | None, jobs: int | None, template: Path | None, trial: bool) -> None:
    """Cấp giấy chứng nhận sản phẩm OCOP hàng loạt từ bảng kết quả (.xlsx hoặc .csv).

    Bảng có mỗi dòng một sản phẩm, tiêu đề cột tiếng Việt (Tên sản phẩm, Chủ thể, Địa chỉ,
    Nhóm/Bộ sản phẩm, Điểm, Hạng sao, Ngày đánh giá, Mã số sản phẩm); không nêu bảng thì dùng
    bảng ghi ở trường results_table của tệp --issuer. Số giấy chứng nhận lấy
    từ sổ đăng ký: không trùng, chạy lại cùng bảng được đúng số cũ và không ghi lại tệp không đổi.
    Một số chỉ có giá trị khi đã có đủ tệp; chạy hỏng giữa chừng thì số được giữ cho lần chạy lại.

    \b
    Kết quả trong thư mục -o:
      docx/, pdf/                    mỗi sản phẩm một tệp
      giay-chung-nhan-tat-ca.pdf     bản gộp để in (với --pdf)
      manifest.xlsx                  số, sản phẩm, hạng sao, hiệu lực, tên tệp, SHA-256
      dong-bi-loai.xlsx              các dòng không được cấp, số dòng và lý do

    \b
    Mã thoát:
      0  mọi dòng đều được cấp giấy chứng nhận
      3  chạy một phần: có dòng bị loại (xem dong-bi-loai.xlsx); hoặc mẫu giấy chứng nhận lỗi
         (không cấp giấy nào, không lấy số nào)
      2  không đọc được bảng, tệp cơ quan cấp hoặc sổ đăng ký; không ghi được thư mục kết quả
      4  không chuyển được sang PDF (LibreOffice)

    \b
    Ví dụ:
      ocop-docs certificates ket-qua.xlsx --issuer dot-2.yaml -o gcn/ --register so-dang-ky.sqlite --thu
      ocop-docs certificates ket-qua.xlsx --issuer dot-2.yaml -o gcn/ --register so-dang-ky.sqlite --pdf
    """
    _run_batch(ctx, table, issuer_file, outdir, pdf, pdfa, register_file, jobs, template, trial)


@main.group("register")
def register_group() -> None:
    """Sổ đăng ký số giấy chứng nhận sản phẩm OCOP: tra cứu, hủy số, cấp lại, xuất Excel.

    \b
    Ví dụ:
      ocop-docs register list --register so-dang-ky.sqlite --year 2026
      ocop-docs register show 025/2026/GCN-OCOP --register so-dang-ky.sqlite
      ocop-docs register huy 025/2026/GCN-OCOP --ly-do "Quyết định ghi sai số" --register so-dang-ky.sqlite
      ocop-docs register cap-lai ket-qua.xlsx --issuer dot-2-da-sua.yaml -o gcn/ --ly-do "…" --register so-dang-ky.sqlite
      ocop-docs register xuat -o so-dang-ky.xlsx --register so-dang-ky.sqlite
    """


def _lookup(register_file: Path | None):
    from .certificates.register import open_register, register_location  # start-up

    path, _ = register_location(register_file)
    return open_register(path, readonly=True)


@register_group.command("list")
@click.option("--register", "register_file", type=click.Path(dir_okay=False, path_type=Path), help=_REGISTER_HELP)
@click.option("--issuer", help="Chỉ cơ quan cấp có tên chứa chữ này (không phân biệt dấu).")
@click.option("--year", type=int, help="Chỉ năm cấp này.")
def register_list(register_file: Path | None, issuer: str | None, year: int | None) -> None:
    """Liệt kê các số giấy chứng nhận, theo cơ quan cấp và năm, với trạng thái của từng số.

    Chỉ đọc sổ (không ghi gì). Sổ bị sửa tay có số hay sản phẩm trùng thì được báo và mã thoát là 1.

    \b
    Ví dụ:
      ocop-docs register list --year 2026 --register so-dang-ky.sqlite
      ocop-docs register list --issuer "Hà Tĩnh" --register so-dang-ky.sqlite
    """
    with _lookup(register_file) as reg:
        entries = reg.entries(issuer, year)
        problems = reg.problems(year=year)
    if not entries:
        click.echo("Sổ đăng ký chưa có giấy chứng nhận nào khớp điều kiện.")
    current = None
    for e in entries:
        if (e.issuer_name, e.year) != current:
            current = (e.issuer_name, e.year)
            click.echo(f"\n{e.issuer_name} — năm {e.year}")
            click.echo(f"  {'Số':<22} {'Hạng':<5} {'Ngày cấp':<10} {'Hiệu lực đến':<12} {'Trạng thái':<12} Sản phẩm — Chủ thể")
        status = {"issued": "đã cấp", "reserved": "đang giữ số", "void": "ĐÃ HỦY"}[e.status]
        click.echo(f"  {e.number:<22} {str(e.stars) + '★':<5} {e.issued_on:%d/%m/%Y} {e.valid_until:%d/%m/%Y}   "
                   f"{status:<12} {e.product} — {e.owner}")
    if entries:
        counts = {s: sum(1 for e in entries if e.status == s) for s in ("issued", "reserved", "void")}
        click.echo(f"\nCộng: {len(entries)} số ({counts['issued']} đã cấp, {counts['reserved']} đang giữ chưa có đủ tệp, "
                   f"{counts['void']} đã hủy).")
    if problems:
        click.secho("Sổ đăng ký KHÔNG nhất quán (có thể do sửa tay):", fg="red", err=True)
        for p in problems:
            click.secho(f"  - {p}", fg="red", err=True)
        click.echo("  Cách sửa: giữ một dòng, hủy các dòng kia bằng 'ocop-docs register huy SỐ --id MÃ_DÒNG --ly-do \"…\"'.",
                   err=True)
        sys.exit(ExitCode.FINDINGS)


@register_group.command("show")
@click.argument("query", metavar="SO_HOAC_TEN")
@click.option("--register", "register_file", type=click.Path(dir_okay=False, path_type=Path), help=_REGISTER_HELP)
def register_show(query: str, register_file: Path | None) -> None:
    """Xem một giấy chứng nhận theo số (hoặc một phần tên sản phẩm, chủ thể), kèm lịch sử.

    Cũng nhận nội dung quét được từ mã QR (bắt đầu bằng OCOP-GCN/1) và đối chiếu với sổ.
    Chỉ "còn hiệu lực" khi số đã có đủ tệp, chưa bị hủy và chưa hết hạn.
    Mã thoát: 0 tìm thấy (và mã QR khớp sổ), 1 không tìm thấy hoặc mã QR không khớp.

    \b
    Ví dụ:
      ocop-docs register show 025/2026/GCN-OCOP --register so-dang-ky.sqlite
      ocop-docs register show "mật ong" --register so-dang-ky.sqlite
      ocop-docs register show "$(cat noi-dung-quet-qr.txt)" --register so-dang-ky.sqlite
    """
    from .certificates.qr import FORMAT_ID, parse_payload  # start-up
    from .certificates.register import ACTIONS_VI, ISSUED, VOID, compare_payload, vn_time_text  # start-up

    fields = None
    if FORMAT_ID in query:
        try:
            fields = parse_payload(query[query.index(FORMAT_ID):].replace("\\n", "\n"))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="SO_HOAC_TEN") from None
        query = fields["number"]
    mismatch = False
    with _lookup(register_file) as reg:
        entries = reg.find(query)
        if not entries:
            click.echo(f"Không có giấy chứng nhận nào khớp '{query}' trong sổ đăng ký.")
            sys.exit(ExitCode.FINDINGS)
        for e in entries:
            if e.status == VOID:
                status = f"ĐÃ HỦY lúc {vn_time_text(e.voided_at) or '?'}, lý do: {e.void_reason}"
            elif e.status != ISSUED:
                status = "ĐANG GIỮ SỐ, chưa có đủ tệp giấy chứng nhận — chưa có giá trị"
            else:
                status = "còn hiệu lực" if e.valid_until >= date.today() else "đã hết hiệu lực"
            click.echo(f"Số giấy chứng nhận: {e.number}")
            click.echo(f"  Trạng thái:       {status}")
            click.echo(f"  Cơ quan cấp:      {e.issuer_name}")
            click.echo(f"  Sản phẩm:         {e.product}")
            click.echo(f"  Chủ thể:          {e.owner}")
            if e.address:
                click.echo(f"  Địa chỉ:          {e.address}")
            if e.product_code:
                click.echo(f"  Mã số sản phẩm:   {e.product_code}")
            score = f" (điểm {e.score.replace('.', ',')})" if e.score else ""
            click.echo(f"  Hạng:             {e.stars} sao{score}")
            click.echo(f"  Quyết định:       {e.decision} ngày {e.decision_date:%d/%m/%Y}")
            click.echo(f"  Ngày cấp:         {e.issued_on:%d/%m/%Y}; có giá trị đến hết ngày {e.valid_until:%d/%m/%Y}")
            if e.replaces is not None:
                old = reg.by_id(e.replaces)
                if old is not None:
                    click.echo(f"  Cấp lại thay số:  {old.number} (đã hủy: {old.void_reason})")
            newer = reg.replaced_by(e)
            if newer is not None:
                click.echo(f"  Được thay bằng:   {newer.number}")
            if e.docx_file:
                click.echo(f"  Tệp:              {e.docx_file}" + (f", {e.pdf_file}" if e.pdf_file else ""))
            if e.source:
                click.echo(f"  Nguồn:            {e.source}, dòng {e.source_row}")
            mine = reg.history_of(e)
            if mine:
                click.echo("  Lịch sử (giờ Việt Nam):")
                for h in mine:
                    reason = f" — lý do: {h['reason']}" if h["reason"] else ""
                    detail = f" ({h['detail']})" if h["detail"] else ""
                    click.echo(f"    {vn_time_text(h['at'])}  {ACTIONS_VI.get(h['action'], h['action'])}{reason}{detail}")
            if fields is not None:
                problems = compare_payload(fields, e)
                if problems:
                    click.secho("  Mã QR KHÔNG khớp sổ đăng ký: " + "; ".join(problems), fg="red")
                    mismatch = True
                else:
                    click.secho("  Mã QR khớp với sổ đăng ký.", fg="green")
    if mismatch:
        sys.exit(ExitCode.FINDINGS)


@register_group.command("huy")
@click.argument("number", metavar="SO")
@click.option("--ly-do", "reason", required=True, help="Lý do hủy số (bắt buộc, ghi vào lịch sử của sổ).")
@click.option("--id", "row_id", type=int, help="Mã dòng trong sổ khi cùng một số có ở nhiều dòng (xem 'register list').")
@click.option("--issuer", help="Cơ quan cấp (một phần tên) khi nhiều cơ quan dùng cùng kiểu số.")
@click.option("--year", type=int, help="Năm cấp khi cùng một số có ở nhiều năm.")
@click.option("--register", "register_file", type=click.Path(dir_okay=False, path_type=Path), help=_REGISTER_HELP)
def register_void(number: str, reason: str, row_id: int | None, issuer: str | None, year: int | None,
                  register_file: Path | None) -> None:
    """Hủy một số giấy chứng nhận: số được giữ trong sổ, đánh dấu đã hủy, không bao giờ cấp lại.

    Sản phẩm của số đã hủy được cấp số mới khi chạy lại 'certificates' (hoặc 'register cap-lai');
    số mới ghi rõ là cấp lại thay số đã hủy. Tệp giấy chứng nhận cũ không bị xóa.

    \b
    Ví dụ:
      ocop-docs register huy 025/2026/GCN-OCOP --ly-do "Quyết định ghi sai số" --register so-dang-ky.sqlite
    """
    from .certificates.register import open_register, register_location  # start-up

    path, _ = register_location(register_file)
    with open_register(path, create=False) as reg:
        entry = reg.void(number, reason, row_id=row_id, issuer=issuer, year=year)
    click.echo(f"Đã hủy số {entry.number} ({entry.product} — {entry.owner}) trong sổ {path}; lý do: {entry.void_reason}.")
    click.echo("Số này không được cấp lại. Chạy lại 'ocop-docs certificates' với bảng và tệp đợt cấp đã sửa để cấp số mới.")


@register_group.command("cap-lai")
@_batch_options
@click.option("--ly-do", "reason", required=True,
              help="Lý do cấp lại (bắt buộc), ví dụ \"Quyết định công nhận ghi sai số, đã sửa\".")
@click.pass_context
def register_reissue(ctx: click.Context, table: Path | None, issuer_file: Path, outdir: Path, pdf: bool, pdfa: bool,
                     register_file: Path | None, jobs: int | None, template: Path | None, trial: bool, reason: str) -> None:
    """Cấp lại giấy chứng nhận theo quyết định đã sửa: hủy số cũ, cấp số mới ghi rõ thay số nào.

    Dùng khi một đợt đã cấp theo quyết định sai (số, ngày): sửa tệp đợt cấp rồi chạy lệnh này với
    cùng bảng kết quả. Mỗi sản phẩm đang có số theo quyết định khác trong cùng năm: số cũ bị hủy
    (giữ trong sổ với lý do), sản phẩm nhận số MỚI — một số đã in trên giấy trao cho chủ thể không
    bao giờ mang nghĩa thứ hai. Sản phẩm đã có số theo đúng quyết định này giữ nguyên số.
    Nên chạy thử trước với --thu.

    \b
    Ví dụ:
      ocop-docs register cap-lai ket-qua.xlsx --issuer dot-2-da-sua.yaml -o gcn-sua/ --register so-dang-ky.sqlite --ly-do "Sai số quyết định" --thu
      ocop-docs register cap-lai ket-qua.xlsx --issuer dot-2-da-sua.yaml -o gcn-sua/ --register so-dang-ky.sqlite --ly-do "Sai số quyết định" --pdf
    """
    reason = " ".join(reason.split())
    if not reason:
        raise click.BadParameter("cần ghi lý do", param_hint="--ly-do")
    _run_batch(ctx, table, issuer_file, outdir, pdf, pdfa, register_file, jobs, template, trial, reissue_reason=reason)


@register_group.command("xuat")
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp Excel sẽ ghi (.xlsx).")
@click.option("--register", "register_file", type=click.Path(dir_okay=False, path_type=Path), help=_REGISTER_HELP)
@click.option("--co-quan", "issuer", help="Chỉ xuất các số và lịch sử của một cơ quan cấp (tên đầy đủ, viết cách nào cũng được).")
def register_export(out: Path, register_file: Path | None, issuer: str | None) -> None:
    """Xuất sổ đăng ký ra Excel: trang "Sổ đăng ký" (mọi số, kể cả số đã hủy) và trang "Lịch sử".

    \b
    Ví dụ:
      ocop-docs register xuat -o so-dang-ky.xlsx --register so-dang-ky.sqlite
      ocop-docs register xuat -o so-ha-tinh.xlsx --co-quan "Ủy ban nhân dân tỉnh Hà Tĩnh" --register so-dang-ky.sqlite
    """
    from .certificates.register_xlsx import export_register  # start-up

    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter("tệp xuất phải có đuôi .xlsx", param_hint="-o")
    with _lookup(register_file) as reg:
        count = export_register(reg, out, issuer=_one_body(reg, issuer) if issuer else None)
    click.echo(f"Đã ghi {out} ({count} số).")


def _one_body(reg, issuer: str) -> str:
    """The body ``--co-quan`` means: its full name in any spelling, or a part of one body's name
    ("Hà Tĩnh"), as 'register list --issuer'; none or several: an error listing the bodies, no file."""
    from .certificates.issuers import issuer_key  # start-up
    from .certificates.register import RegisterError  # start-up

    if reg.of_body(issuer_key(issuer)):
        return issuer
    keys = {e.issuer.split("~")[0]: e.issuer_name for e in reg.entries(issuer)}
    if len(keys) == 1:
        return next(iter(keys.values()))
    bodies = "; ".join(sorted({e.issuer_name for e in (reg.entries(issuer) if keys else reg.entries())}))
    raise RegisterError(f"«{issuer}» " + ("khớp nhiều cơ quan" if keys else "không khớp cơ quan nào") +
                        f" trong sổ (các cơ quan: {bodies}); hãy ghi đủ tên cơ quan. Chưa ghi tệp nào.")


@main.command(name="parse")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp dữ liệu sẽ ghi (.yaml, hoặc .json); mặc định in ra màn hình.")
@click.option("--json", "as_json", is_flag=True, help="Ghi dạng JSON, kèm cảnh báo, chú thích và phần không đặt được.")
def parse_command(file: Path, out: Path | None, as_json: bool) -> None:
    """Đọc lại một văn bản (.docx, .pdf, .txt) thành tệp dữ liệu của phần mềm.

    Đọc Kế hoạch, Quyết định (kể cả kế hoạch ban hành kèm theo), Báo cáo: phần đầu, căn cứ,
    các mục, nhiệm vụ, chỉ tiêu, kinh phí, người ký, nơi nhận. Những chỗ phần mềm đọc chưa chắc
    chắn được liệt kê để kiểm tra.

    \b
    Ví dụ:
      ocop-docs parse kehoach-2024.docx -o kehoach-2024.yaml
      ocop-docs parse kehoach.pdf --json -o kehoach.json
    """
    from .io.atomic import write_bytes_atomic  # start-up
    from .parse import dump_json, dump_yaml, parse_file, spec_data  # start-up

    parsed = parse_file(file, _ocr_progress)
    data = spec_data(parsed.model) if parsed.model is not None else spec_data(parsed.data)
    notes = list(parsed.notes)
    if as_json or (out is not None and out.suffix.lower() == ".json"):
        payload = {
            "kind": parsed.kind,
            "spec": data,
            "notes": [{"field": n.field, "message": n.message, "where": n.where} for n in notes],
            "footnotes": parsed.footnotes,
            "extra": parsed.extra,
            "attachments": [
                {"kind": a.kind, "spec": spec_data(a.model) if a.model is not None else spec_data(a.data),
                 "notes": [{"field": n.field, "message": n.message, "where": n.where} for n in a.notes], "extra": a.extra}
                for a in parsed.attachments
            ],
        }
        text = dump_json(payload) + "\n"
    else:
        header = [f"Đọc từ {file.name} (ocop-docs parse)."]
        header += [f"Chú thích cuối trang không gắn được: {f}" for f in parsed.footnotes]
        header += [f"Phần không đặt được: {e}" for e in parsed.extra + [e for a in parsed.attachments for e in a.extra]]
        text = dump_yaml(data, notes + [n for a in parsed.attachments for n in a.notes], header)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_bytes_atomic(out, text.encode("utf-8"))
        click.echo(f"Đã ghi {out}", err=True)
    if notes:
        click.echo(f"Cần kiểm tra {len(notes)} điểm (ghi ở đầu tệp):", err=True)
        for n in notes[:20]:
            click.echo(f"  - {n.describe()}", err=True)
    if parsed.model is None:
        click.secho("Văn bản thiếu phần bắt buộc nên chưa tạo lại được: phần đọc được đã ghi ra, "
                    "cần bổ sung các điểm nêu trên.", fg="yellow", err=True)
        sys.exit(ExitCode.DATA)


def _ocr_progress(done: int, total: int) -> None:
    """Scanned pages take seconds each: say how far the OCR is (on stderr, so the data stays clean)."""
    end = "\n" if done == total else "\r"
    click.echo(f"Nhận dạng chữ (OCR) bản quét: {done}/{total} trang", err=True, nl=False)
    click.echo(end, err=True, nl=False)


def _vn_date(value: str | None):
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--ngay") from None


@main.command()
@click.argument("last", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--year", "year", required=True, type=int, help="Năm của kế hoạch mới (năm đầu nếu là giai đoạn).")
@click.option("--end-year", "end_year", type=int, help="Năm cuối của giai đoạn mới (mặc định: giữ độ dài giai đoạn cũ).")
@click.option("--issuer", help="Cơ quan ban hành mới, ví dụ \"Ủy ban nhân dân tỉnh Tây Ninh\" (bắt buộc khi kế hoạch cũ của cấp huyện và năm mới từ 2026).")
@click.option("--ngay", "on", help="Ngày ký dự kiến (DD/MM/YYYY) để áp dụng căn cứ, tên cơ quan đúng thời điểm; mặc định hôm nay (nếu cùng năm) hoặc 01/01 của năm mới.")
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Tệp YAML của bản dự thảo.")
@click.option("--docx", "docx_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Tạo thêm bản dự thảo .docx để rà soát trong Word: các chỗ đã đổi là thay đổi theo dõi (Review › Accept/Reject), mỗi việc cần quyết định là một ghi chú (comment).")
@click.option("--danh-dau", "marks", type=click.Choice(["sua-doi", "to-mau"]), default="sua-doi", show_default=True,
              help="Cách đánh dấu bản dự thảo .docx: sua-doi = thay đổi theo dõi và ghi chú của Word; to-mau = tô vàng chỗ cần quyết định, tô xanh chỗ đã đổi.")
@click.option("--clean", "clean", type=click.Path(dir_okay=False, path_type=Path),
              help="Tạo thêm bản sạch .docx: mọi thay đổi đã được chấp nhận, không ghi chú, không tô màu.")
@click.option("--report", "report", type=click.Path(dir_okay=False, path_type=Path), help="Báo cáo các thay đổi và việc cần quyết định: .xlsx (mỗi danh sách một trang tính) hoặc .md (Markdown).")
@click.option("--answers", "answers", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp YAML các quyết định của người soạn, mỗi dòng một ô của báo cáo (so, ngay, nguoi-ky-ho-ten, so-tien-1, chi-tieu-2, thoi-han-1…): được điền vào bản dự thảo, là thay đổi theo dõi của người soạn; ô không ghi vẫn là ghi chú cần quyết định.")
@click.option("--nguoi-sua", "author", default="Người soạn thảo", show_default=True,
              help="Tên người soạn, ghi là người sửa của các thay đổi theo --answers trong bản dự thảo .docx.")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False, path_type=Path), help="Tạo thêm bản PDF của bản sạch.")
@click.option("--chi-ke-hoach", "plan_only", is_flag=True,
              help="Văn bản cũ là Quyết định ban hành kèm theo Kế hoạch: chỉ soạn Kế hoạch kèm theo (Quyết định soạn riêng).")
def rollforward(last: Path, year: int, end_year: int | None, issuer: str | None, on: str | None, out: Path,
                docx_out: Path | None, marks: str, clean: Path | None, report: Path | None, answers: Path | None,
                author: str, pdf: Path | None, plan_only: bool) -> None:
    """Soạn kế hoạch năm mới từ kế hoạch năm trước (.docx, .pdf, .txt hoặc .yaml).

    Một quyết định đọc được (kind: decision) cũng chuyển được sang năm mới: để trống số, ngày,
    đổi năm của chính quyết định, liệt kê căn cứ và người ký để xác nhận.

    Đổi năm của kế hoạch ở mọi chỗ (trừ năm trong văn bản được viện dẫn), để trống số và ngày,
    kiểm tra lại căn cứ theo danh mục văn bản, đổi tên cơ quan đã sáp nhập; chỉ tiêu, kinh phí,
    người ký được giữ nguyên và đánh dấu để người soạn quyết định.

    \b
    Ví dụ:
      ocop-docs rollforward kehoach-2024.docx --year 2025 -o kehoach-2025.yaml --docx kehoach-2025.docx --report thay-doi.xlsx
      ocop-docs rollforward kehoach-2024.docx --year 2025 -o kh-2025.yaml --docx du-thao.docx --clean ban-sach.docx
      ocop-docs rollforward kehoach-huyen-2025.yaml --year 2026 --issuer "Ủy ban nhân dân tỉnh Tây Ninh" -o kh-2026.yaml
      ocop-docs rollforward kehoach-2024.docx --year 2025 -o kh-2025.yaml --answers tra-loi.yaml --nguoi-sua "Lê Thị Hoa" --docx du-thao.docx --clean ban-sach.docx --pdf ban-sach.pdf
    """
    from .rollforward.files import run as run_rollforward  # start-up

    files = run_rollforward(last, year, out, issuer=issuer, on=_vn_date(on), end_year=end_year, docx=docx_out,
                            report=report, marks={"sua-doi": "track", "to-mau": "highlight"}[marks], clean=clean,
                            progress=_ocr_progress, answers=answers, author=author, pdf=pdf, plan_only=plan_only)
    result = files.result
    for warning in result.warnings:
        click.secho(f"Cảnh báo: {warning}", fg="yellow", err=True)
    for path in files.written:
        click.echo(f"Đã ghi {path}")
    click.echo(f"{len(result.changes)} thay đổi đã thực hiện; {len(result.reviews)} việc cần người soạn quyết định"
               + (f" (xem {report})" if report else "") + ".")
    if files.decided is not None:
        decided = files.decided
        kept = sum(a.kept for a in decided.answered)
        click.echo(f"Đã điền {len(decided.answered) - kept} ô theo {answers.name}"
                   + (f", xác nhận giữ nguyên {kept} ô" if kept else "") + "; "
                   + (f"còn {len(decided.open)} ô chưa điền: " + ", ".join(d.key for d in decided.open[:15])
                      + ("…" if len(decided.open) > 15 else "") if decided.open else "không còn ô nào chưa điền") + ".")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Địa chỉ lắng nghe; khác 127.0.0.1 (cho cả mạng nội bộ) thì bắt buộc có --users.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="Cổng.")
@click.option("--users", "users_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp tài khoản (mật khẩu băm); có tệp này thì phải đăng nhập, mỗi tài khoản thuộc một cơ quan.")
@click.option("--register", "register_file", type=click.Path(dir_okay=False, path_type=Path), help=_REGISTER_HELP)
@click.option("--thu-muc", "workdir", type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục làm việc của trang web (mặc định: biến OCOP_DOCS_WEB_DIR hoặc ~/.local/share/ocop-docs/web).")
@click.option("--gio-xoa", "ttl_hours", default=4.0, show_default=True, type=click.FloatRange(0.1, 720),
              help="Sau bao nhiêu giờ thì xóa tệp tải lên và kết quả của mỗi việc.")
@click.option("--them-tai-khoan", "new_user", metavar="TEN",
              help="Thêm (hoặc đổi mật khẩu) một tài khoản vào tệp --users rồi thoát; hỏi mật khẩu.")
@click.option("--co-quan", "new_user_issuer", help="Cơ quan của tài khoản mới, ví dụ \"Ủy ban nhân dân tỉnh Hà Tĩnh\".")
def serve(host: str, port: int, users_file: Path | None, register_file: Path | None, workdir: Path | None,
          ttl_hours: float, new_user: str | None, new_user_issuer: str | None) -> None:
    """Mở trang web cho cán bộ OCOP: kiểm tra thể thức, cấp giấy chứng nhận, sổ đăng ký.

    Mặc định chỉ máy này mở được (http://127.0.0.1:8080). Để cả tỉnh dùng chung một máy chủ,
    tạo tệp tài khoản rồi chạy với --host 0.0.0.0 --users.

    \b
    Ví dụ:
      ocop-docs serve
      ocop-docs serve --users tai-khoan.yaml --them-tai-khoan hatinh --co-quan "Ủy ban nhân dân tỉnh Hà Tĩnh"
      ocop-docs serve --host 0.0.0.0 --port 8080 --users tai-khoan.yaml
    """
    from .web.config import default_workdir, is_loopback  # start-up (the web package loads the whole library)

    if new_user:
        from .web.accounts import add_account  # start-up

        if not users_file or not new_user_issuer:
            raise click.UsageError("--them-tai-khoan cần --users (tệp tài khoản) và --co-quan.")
        password = click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")
        add_account(users_file, new_user, new_user_issuer, password)
        click.echo(f"Đã ghi tài khoản {new_user} ({new_user_issuer}) vào {users_file}")
        return
    if not is_loopback(host) and users_file is None:
        raise click.UsageError(f"lắng nghe ở {host} (máy khác mở được) thì phải có tệp tài khoản --users; "
                               "tạo tài khoản bằng --them-tai-khoan.")
    import uvicorn  # start-up

    from .web import WebConfig, create_app  # start-up

    # One construction: a default made first would create the default work folder (and put the
    # register there) even when --thu-muc names another.
    config = WebConfig(workdir=workdir or default_workdir(), users_file=users_file, register=register_file,
                       job_ttl_seconds=int(ttl_hours * 3600), warm_up=True)
    app = create_app(config)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"Trang web ocop-docs: mở trình duyệt tại http://{shown}:{port}  (dừng: Ctrl+C)")
    click.echo(f"Sổ đăng ký số giấy chứng nhận: {config.register}"
               + ("" if register_file else " (chưa chỉ bằng --register: tệp này trong thư mục làm việc)"))
    if not is_loopback(host):
        click.echo(f"Máy khác trong mạng mở bằng địa chỉ IP của máy này, cổng {port}; cần đăng nhập bằng tài khoản "
                   f"trong {users_file}.")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def run() -> None:  # pragma: no cover - console entry
    main(prog_name="ocop-docs")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
