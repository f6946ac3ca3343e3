"""Roll-forward from files to files: last year's plan in any format → draft spec, .docx and report.

Every output is written atomically (a failed run leaves no half-written file). The draft .docx is
rendered by the engine and then marked for review: by default as Word tracked changes against last
year's plan rendered with the same template, with a comment on the words of each decision left to a
person (``render/revisions.py``); or, on request, with highlights (``highlight.py``). A clean copy
(every change accepted, no comment) is what ``check`` must pass and what goes to signature.

With the officer's answers (``answers``, see ``decisions.py``) the draft is the final one: what
the officer decided is marked as the officer's tracked changes, what is left undecided stays a
comment.
"""
from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from ..convert import to_pdf_one
from ..errors import DataError, Problem
from ..io import load_spec
from ..io.spec import read_spec_data
from ..io.atomic import write_bytes_atomic
from ..io.output_tables import workbook_bytes
from ..model.decision import GeneralDecision
from ..model.plan import Plan
from ..parse import Note, parse_file
from ..parse.spec import dump_yaml, spec_data
from ..render import render_spec
from ..render.revisions import track_changes
from . import RollResult, roll_forward
from .decision import roll_decision
from .decisions import OFFICER, Decided, apply_decisions
from .highlight import highlight_docx
from .report import render_report, report_sheets

MARKS = ("track", "highlight")
"""How the draft shows its changes: Word revisions and comments, or coloured highlights."""


@dataclass
class RollFiles:
    """What a roll-forward run produced."""

    result: RollResult
    written: list[Path] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # what reading the old document was unsure of
    marks: dict[str, int] = field(default_factory=dict)
    decided: Decided | None = None  # the officer's answers applied (``answers``)
    source_name: str = ""  # the file the old plan came from


def load_plan(path: str | Path, progress=None) -> tuple[Plan | GeneralDecision, list[Note]]:
    """The plan in ``path``: a spec (.yaml/.json), or a document read back (.docx/.pdf/.txt).

    A Quyết định ban hành Kế hoạch gives its attached plan; any other decision is returned as
    itself (GeneralDecision). DataError when neither can be read.
    """
    path = Path(path)
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        spec = load_spec(path)
        plan = getattr(spec, "plan", spec)
        if not isinstance(plan, (Plan, GeneralDecision)):
            raise DataError(path, f"tệp là '{spec.kind}', không phải kế hoạch; không chuyển sang năm mới được")
        notes = [] if plan is spec else [Note(DECISION_LEFT, _decision_left(getattr(spec, "number", None), getattr(spec, "title", None)))]
        return _a_plan(plan, path), notes
    parsed = parse_file(path, progress)  # progress: pages of a scanned PDF read by OCR
    doc = parsed.primary()
    notes = list(parsed.notes) + (list(doc.notes) if doc is not parsed else [])
    model = doc.model
    plan = model if isinstance(model, Plan) else getattr(model, "plan", None) if model is not None else None
    if isinstance(plan, Plan):
        if doc.extra:  # the plan model holds no annex: say what the draft will lack, in plain words
            notes = [n for n in notes if "không thuộc mô hình" not in n.message] + [Note(LEFT_OUT, _left_out(doc.extra))]
        if doc is not parsed:  # the plan attached to a decision: the decision is not in the draft
            notes.append(Note(DECISION_LEFT, _decision_left(parsed.data.get("number"), parsed.data.get("title"))))
        return _a_plan(plan, path), notes
    if isinstance(parsed.model, GeneralDecision):
        return parsed.model, list(parsed.notes)
    problems = [Problem(n.message, path=n.field) for n in notes] or [Problem("không đọc được kế hoạch trong tệp")]
    raise DataError(path, problems)


DECISION_LEFT = "quyet-dinh-ban-hanh"
"""The field of the note saying the old file is a decision issuing the plan, and only the plan is drafted."""


def _decision_left(number: object, title: object) -> str:
    sign = f" số {number}" if number else ""
    about = f" «{' '.join(str(title).split())[:120]}»" if title else ""
    return (f"văn bản cũ là Quyết định{sign}{about} ban hành kèm theo Kế hoạch; bản dự thảo chỉ gồm Kế hoạch kèm "
            f"theo — Quyết định ban hành (căn cứ, các Điều, nơi nhận, chữ ký) không có trong bản dự thảo, hãy soạn "
            f"Quyết định ban hành mới")


LEFT_OUT = "phu-luc"
"""The field of the note saying what of the old document is not in the draft (a warning of the run)."""


def _left_out(extra: list[str]) -> str:
    """'Phụ lục «…» (N dòng) không có trong bản dự thảo — hãy chép tay' for the lines read after the content."""
    lines = [" ".join(e.split()) for e in extra if e.strip()]
    heads = [k for k, line in enumerate(lines) if line.upper().startswith("PHỤ LỤC")]
    if heads:
        k = heads[0]
        name = lines[k] if len(lines[k]) > len("PHỤ LỤC") + 3 or k + 1 >= len(lines) else lines[k + 1]
        what = f"Phụ lục «{name[:100]}»" + (f" và {len(heads) - 1} phụ lục khác" if len(heads) > 1 else "")
    else:
        what = f"Phần sau nội dung «{lines[0][:100]}»"
    return (f"{what} ({len(lines)} dòng) của văn bản cũ không có trong bản dự thảo — hãy chép tay vào bản dự "
            f"thảo từ văn bản cũ (và đổi năm, số liệu nếu cần)")


_ROLLABLE = ("Kế hoạch", "Chương trình", "Phương án", "Đề án")
"""Types that set out what is to be done in a year: a Báo cáo (what was done), a Thông báo, a Tờ
trình… rolled forward would state results for a year that has not happened."""


def _a_plan(model: Plan | GeneralDecision, path: Path) -> Plan | GeneralDecision:
    """``model`` when it is a plan-like document; DataError naming its type otherwise (FINDINGS 65)."""
    if isinstance(model, Plan) and model.doc_type not in _ROLLABLE:
        sign = f" số {model.number}" if model.number else ""
        raise DataError(path, f"đây là {model.doc_type}{sign} «{' '.join((model.title or '').split())[:120]}», không phải "
                              f"Kế hoạch; rollforward soạn kế hoạch năm mới từ kế hoạch năm trước: hãy chọn tệp "
                              f"kế hoạch năm trước. Không ghi tệp nào.")
    return model


def roll(plan: Plan | GeneralDecision, year: int, *, issuer: str | None = None, on: date | None = None,
         end_year: int | None = None) -> RollResult:
    """A plan or a decision (``load_plan``) drafted for ``year``."""
    if isinstance(plan, GeneralDecision):
        result = roll_decision(plan, year, on=on)
        if issuer:
            result.warnings.append("--issuer chỉ dùng cho kế hoạch; quyết định giữ cơ quan ban hành cũ — sửa trong tệp dữ liệu nếu cần")
        return result
    return roll_forward(plan, year, issuer=issuer, on=on, end_year=end_year)


def load_answers(path: str | Path) -> dict:
    """The officer's answers in a YAML or JSON file: one line per decision, ``key: value``."""
    data, _ = read_spec_data(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError(path, "tệp trả lời phải là các dòng 'ô: giá trị', ví dụ 'so-tien-1: 90.000.000'")
    wrong = [Problem("cần một giá trị (số, ngày hoặc chữ), không phải danh sách hay nhóm", path=str(k))
             for k, v in data.items() if isinstance(v, (list, dict))]
    if wrong:
        raise DataError(path, wrong)
    if Path(path).suffix.lower() != ".json":
        # Each answer as the officer typed it: YAML would read "1.000" (one thousand, the Vietnamese
        # way) as the number 1.0 and "10/02/2026"-like values in its own ways. The file was checked
        # (size, depth, syntax) by read_spec_data above.
        typed = yaml.load(Path(path).read_bytes().decode("utf-8-sig"), Loader=yaml.BaseLoader)
        return {str(k): (None if v in _EMPTY else v) for k, v in typed.items()}
    return {str(k): v for k, v in data.items()}


_EMPTY = ("", "~", "null", "Null", "NULL")
# "so-tien-2: 900  # hiện ghi 850": the value the cell held when the answer was written (the
# report's answers template writes it); YAML drops comments, so the lines are read as text.
_WRITTEN_FOR = re.compile(r"^\s*[\"']?([\w-]+)[\"']?\s*:.*?\s#\s*hiện ghi\s*:?\s*(.*?)\s*$", re.IGNORECASE)


def answers_written_for(path: str | Path) -> dict[str, str]:
    """Per key, the value the answer in the file at ``path`` was written for ("# hiện ghi …")."""
    if Path(path).suffix.lower() == ".json":
        return {}
    out: dict[str, str] = {}
    for line in Path(path).read_bytes().decode("utf-8-sig", errors="replace").splitlines():
        found = _WRITTEN_FOR.match(unicodedata.normalize("NFC", line))
        if found:
            out[found.group(1)] = found.group(2)
    return out


def run(source: str | Path, year: int, out: str | Path, *, issuer: str | None = None, on: date | None = None,
        end_year: int | None = None, docx: str | Path | None = None, report: str | Path | None = None,
        marks: str = "track", clean: str | Path | None = None, progress=None, answers: str | Path | dict | None = None,
        author: str = OFFICER, pdf: str | Path | None = None, plan_only: bool = False) -> RollFiles:
    """Roll the plan in ``source`` forward to ``year``; write the spec, and the .docx and report if asked.

    ``docx`` is the draft for review, marked as ``marks`` says (see MARKS); ``clean`` the same
    draft with every change accepted and no marks; ``pdf`` the clean draft as PDF. ``answers``
    (a file, or a mapping) are the officer's decisions, applied as ``apply_decisions`` says and
    credited to ``author``. A decision issuing a plan is refused (DataError) unless ``plan_only``:
    only its attached plan can be drafted, and that is said as a warning.
    """
    if marks not in MARKS:
        raise ValueError(f"marks must be one of {MARKS}")
    plan, notes = load_plan(source, progress)
    whole = [n.message for n in notes if n.field == DECISION_LEFT]
    if whole and not plan_only:
        raise DataError(Path(source).name, f"{whole[0][0].upper()}{whole[0][1:]}. Muốn soạn riêng Kế hoạch kèm theo, "
                                           f"chạy lại lệnh với --chi-ke-hoach. Chưa ghi tệp nào.")
    result = roll(plan, year, issuer=issuer, on=on, end_year=end_year)
    notes = warn_left_out(result, notes)
    decided = None
    if answers is not None:
        given = answers if isinstance(answers, dict) else load_answers(answers)
        decided = apply_decisions(result, given, author=author,
                                  source=None if isinstance(answers, dict) else Path(answers).name,
                                  written_for=None if isinstance(answers, dict) else answers_written_for(answers))
        result = decided.result
    files = RollFiles(result, notes=notes, decided=decided, source_name=Path(source).name)
    return write(files, out, docx=docx, report=report, marks=marks, clean=clean, pdf=pdf)


def warn_left_out(result: RollResult, notes: list[Note]) -> list[Note]:
    """What the draft lacks (an annex, the decision issuing the plan) moved from ``notes`` to the
    run's warnings, where the officer sees it on screen and in the report; the other notes returned."""
    result.warnings.extend(n.message[0].upper() + n.message[1:] for n in notes if n.field in (LEFT_OUT, DECISION_LEFT))
    return [n for n in notes if n.field not in (LEFT_OUT, DECISION_LEFT)]


def answer(files: RollFiles, answers: dict, author: str = OFFICER) -> RollFiles:
    """The roll-forward ``files`` with the officer's ``answers`` (all of them: they replace any
    given before), nothing written yet; DataError as ``apply_decisions`` says."""
    rolled = files.decided.rolled if files.decided else files.result
    decided = apply_decisions(rolled, answers, author=author)
    return RollFiles(decided.result, notes=files.notes, decided=decided, source_name=files.source_name)


def write(files: RollFiles, out: str | Path, *, docx: str | Path | None = None, report: str | Path | None = None,
          marks: str = "track", clean: str | Path | None = None, pdf: str | Path | None = None) -> RollFiles:
    """Write the files of a roll-forward (as ``run`` says); each is added to ``files.written``."""
    result, notes, decided, plan = files.result, files.notes, files.decided, files.result.source
    what = "quyết định" if isinstance(plan, GeneralDecision) else "kế hoạch"
    header = [
        f"Bản dự thảo {what} năm {result.year} chuyển từ {files.source_name} (ocop-docs rollforward).",
        f"{len(result.reviews)} việc cần người soạn quyết định, {len(result.changes)} thay đổi đã thực hiện"
        + (f": xem {Path(report).name}" if report else "") + ".",
    ]
    header += [f"CẢNH BÁO: {w}" for w in result.warnings]
    review_notes = [Note(item.where, f"{item.what} — {item.action}") for item in result.reviews]
    text = dump_yaml(spec_data(result.plan), review_notes, header)
    files.written.append(write_bytes_atomic(out, text.encode("utf-8")))
    if docx:
        files.marks = _draft_docx(plan, result, Path(docx), marks, decided)
        files.written.append(Path(docx))
    if clean or pdf:
        with tempfile.TemporaryDirectory(prefix="ocop-docs-rf-") as tmp:
            clean_path = Path(clean) if clean else Path(tmp) / "ban-sach.docx"
            render_spec(result.plan, clean_path)
            if clean:
                files.written.append(clean_path)
            if pdf:
                files.written.append(to_pdf_one(clean_path, Path(pdf)))
    if report and Path(report).suffix.lower() == ".xlsx":
        sheets = report_sheets(result, [n.describe() for n in notes])
        files.written.append(write_bytes_atomic(report, workbook_bytes(sheets)))
    elif report:
        outputs = [str(p) for p in files.written]
        markdown = render_report(result, files.source_name, [n.describe() for n in notes], outputs)
        files.written.append(write_bytes_atomic(report, markdown.encode("utf-8")))
    return files


def _draft_docx(plan: Plan | GeneralDecision, result: RollResult, path: Path, marks: str,
                decided: Decided | None = None) -> dict[str, int]:
    """Render the draft to ``path`` and mark it for review; how many marks of each kind it got.

    With ``decided``, what the officer answered is credited to the officer (tracked changes) or,
    with highlights, marked as a change like the software's."""
    if marks == "highlight":
        render_spec(result.plan, path)
        return highlight_docx(path, result)

    with tempfile.TemporaryDirectory(prefix="ocop-docs-rf-") as tmp:
        old = render_spec(plan, Path(tmp) / "nam-truoc.docx")
        new = render_spec(result.plan, Path(tmp) / "du-thao.docx")
        rolled = render_spec(decided.rolled.plan, Path(tmp) / "du-thao-phan-mem.docx") if decided else None
        comments = [(item.comment_words(), item.comment_text(), item.within) for item in result.reviews if item.comment]
        counts = track_changes(old, new, path, comments=comments, before_edits=rolled,
                               editor=decided.author if decided else "")
    return {"insertions": counts.insertions, "deletions": counts.deletions, "comments": counts.comments,
            "reviews_without_place": len(counts.unanchored)}
