"""What each job does in the pool: call the library, then put what the page shows in ``job.result``."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..scoring import MinimumRule
from . import library
from .jobs import DONE, Job
from .previews import page_of, page_pictures, page_texts

IN, OUT, PAGES = "vao", "ra", "trang"

# The parts of a document (ND30 Phụ lục I boxes) a finding is shown under, in reading order.
PARTS = (
    ("dau", "Phần đầu: Quốc hiệu, cơ quan ban hành, số, ngày tháng, tên loại và trích yếu"),
    ("noi-dung", "Nội dung: căn cứ, các điều, mục, đoạn văn"),
    ("ky", "Chữ ký: quyền hạn, chức vụ, họ tên người ký"),
    ("nhan", "Kính gửi và Nơi nhận"),
    ("phu-luc", "Phụ lục và văn bản kèm theo"),
    ("khac", "Các thành phần khác (người soạn thảo, địa chỉ liên hệ, phạm vi lưu hành)"),
    ("chung", "Trình bày chung: khổ giấy, lề, phông chữ, số trang"),
)
_BOX_PART = {"1": "dau", "2": "dau", "3": "dau", "4": "dau", "5a": "dau", "5b": "dau", "6": "noi-dung",
             "7": "ky", "7a": "ky", "7b": "ky", "8": "ky", "9a": "nhan", "9b": "nhan",
             "10a": "khac", "10b": "khac", "11": "khac", "12": "khac", "13": "khac"}
_NAMED_PART = {"dòng kèm theo": "phu-luc", "phụ lục": "phu-luc", "thẩm quyền ban hành": "noi-dung",
               "QUYẾT ĐỊNH:": "noi-dung"}


def part_of(element: str) -> str:
    """The part of the document a finding's element belongs to ("ô 4: địa danh…" → "dau")."""
    head = element.split(":")[0].strip()
    if head.startswith("ô "):
        return _BOX_PART.get(head[2:].strip(), "khac")
    return _NAMED_PART.get(element, _NAMED_PART.get(head, "chung"))


def _pictures(job: Job, pdf: Path, jpeg: bool = False, **limits) -> list[str]:
    pages = page_pictures(pdf, job.folder / PAGES, jpeg=jpeg, **limits)
    return [p.name for p in pages]


def check_work(job: Job, same: Job | None = None) -> None:
    """Kiểm tra thể thức: findings grouped by part, each with the page it is on.

    The findings are shown as soon as they are known (well under a second); the pictures of the
    pages follow when LibreOffice has made the PDF. ``same``: an earlier check of the very same
    file by this user, whose PDF and pictures are reused (no LibreOffice run)."""
    source = Path(job.result["source"])
    job.progress("Kiểm tra thể thức", 0, 3)
    report = library.check_document(source)
    groups: dict[str, list[dict]] = {key: [] for key, _ in PARTS}
    for f in report.findings:
        where = ", ".join(p for p in (f.element, f.location) if p)
        more = ""
        if f.count > 1:
            more = f"cùng lỗi ở {f.count - 1} chỗ khác: " + ", ".join(f.other_locations[:5]) + (
                "…" if len(f.other_locations) > 5 else "")
        groups[part_of(f.element)].append({
            "severity": f.severity, "severity_name": library.severity_name(f.severity),
            "rule_id": f.rule_id, "where": where, "excerpt": f.excerpt, "found": f.found,
            "expected": f.expected, "more": more, "page": None, "box": None, "part": part_of(f.element),
        })
    job.result.update(
        kind_name=library.kind_name(report.kind),
        errors=report.errors, warnings=report.warnings, notes=list(report.notes), parts=list(report.parts),
        groups=[{"key": key, "name": name, "findings": groups[key]} for key, name in PARTS if groups[key]],
    )
    job.progress("Tạo bản PDF để xem trang", 1, 3)
    pdf = job.folder / OUT / (source.stem + ".pdf")
    if same is not None:  # this very file was checked before: its PDF and pictures are reused
        try:
            pdf.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(same.files["pdf"][0], pdf)
            shutil.copytree(same.folder / PAGES, job.folder / PAGES)
            job.result["reused"] = True
        except OSError:  # the earlier job expired meanwhile
            shutil.rmtree(job.folder / PAGES, ignore_errors=True)
            same = None
    if same is None:
        library.document_pdf(source, pdf)
    job.progress("Vẽ các trang", 2, 3)
    texts = page_texts(pdf)
    for group in job.result["groups"]:
        for f in group["findings"]:
            f["page"], f["box"] = page_of(f["excerpt"], texts) if f["excerpt"] else (None, None)
            if f["page"] is None and f["part"] == "dau" and texts:
                f["page"] = 1  # the header block is on the first page whatever its text
    job.result["pages"] = list(same.result["pages"]) if same is not None else _pictures(job, pdf)
    job.add_file("pdf", pdf, f"{source.stem}.pdf")
    job.progress("Xong", 3, 3)


def same_check(jobs: list[Job], digest: str) -> Job | None:
    """A finished check of the same file (SHA-256) among a user's jobs, with its PDF and pictures."""
    for job in jobs:
        if (job.kind == "check" and job.state == DONE and job.result.get("sha256") == digest
                and "pdf" in job.files and job.files["pdf"][0].is_file() and (job.folder / PAGES).is_dir()):
            return job
    return None


# --------------------------------------------------------------------------- certificates

PHASES = {"docx": "Tạo tệp .docx", "pdf": "Chuyển sang PDF"}


@dataclass
class CertificateInputs:
    table: Path
    round_file: Path
    register: Path
    reissue: library.Reissue | None = None  # a re-issue from the register page


def _report_dict(report) -> dict:
    stars: dict[int, int] = {}
    for r in report.results:
        stars[r.job.stars] = stars.get(r.job.stars, 0) + 1
    return {
        "count": len(report.results),
        "by_stars": sorted(stars.items(), reverse=True),
        "issued": [{"number": r.job.number, "product": r.job.name, "owner": r.job.owner, "stars": r.job.stars,
                    "row": r.job.row, "until": f"{r.job.valid_until:%d/%m/%Y}"} for r in report.results],
        "rejects": [{"row": x.row, "product": x.product, "owner": x.owner, "reason": x.reason} for x in report.rejects],
        "warnings": list(report.warnings),
    }


def trial_work(job: Job, inputs: CertificateInputs) -> None:
    """Chạy thử: numbers from a copy of the register, rejects, one sample certificate as a picture."""
    job.progress("Chạy thử", 0, 1)
    report = library.trial_certificates(inputs.table, inputs.round_file, job.folder / OUT, inputs.register,
                                        lambda phase, done, total: job.progress(PHASES.get(phase, phase), done, total),
                                        inputs.reissue)
    job.result.update(_report_dict(report))
    _note_reissue(job, inputs, report)
    if report.results:
        job.progress("Vẽ giấy chứng nhận mẫu", 0, 1)
        sample = job.folder / OUT / "mau.docx"
        sample.write_bytes(library.mark_trial(report.results[0].docx.read_bytes()))
        pdf = library.document_pdf(sample, job.folder / OUT / "mau.pdf")
        job.result["pages"] = _pictures(job, pdf, max_pages=1)
    job.progress("Xong", 1, 1)


def _note_reissue(job: Job, inputs: CertificateInputs, report) -> None:
    """For a re-issue: the new number and the one it replaces, as the register (or its trial
    copy) now holds them; a run that gave no new number in its place says so."""
    if inputs.reissue is None:
        return
    replaced = library.replacement_of(report.register, inputs.reissue.row_id)
    if replaced is None:
        job.result["issued"] = []
        job.result["reissue"]["failed"] = True
        return
    job.result["reissue"].update(new=replaced.number, new_id=replaced.id)


def issue_work(job: Job, inputs: CertificateInputs) -> None:
    """Cấp thật: the register's numbers, .docx and PDF of each certificate, packed in one .zip."""
    outdir = job.folder / OUT / "giay-chung-nhan"
    report = library.issue_certificates(
        inputs.table, inputs.round_file, outdir, inputs.register,
        lambda phase, done, total: job.progress(PHASES.get(phase, phase), done, total), reissue=inputs.reissue)
    job.result.update(_report_dict(report))
    _note_reissue(job, inputs, report)
    job.progress("Đóng gói tệp .zip", 0, 1)
    archive = library.zip_folder(outdir, job.folder / OUT / "giay-chung-nhan.zip")
    job.add_file("zip", archive, f"Giấy chứng nhận OCOP - {job.title}.zip")
    job.progress("Xong", 1, 1)


def copy_inputs(source: Job, target: Job) -> CertificateInputs:
    """The trial's uploaded table and round file, copied into the real run's own folder."""
    inputs: CertificateInputs = source.result["_inputs"]
    folder = target.folder / IN
    folder.mkdir(parents=True, exist_ok=True)
    table = Path(shutil.copy2(inputs.table, folder / inputs.table.name))
    round_file = Path(shutil.copy2(inputs.round_file, folder / inputs.round_file.name))
    return CertificateInputs(table, round_file, inputs.register, inputs.reissue)


# --------------------------------------------------------------------------- documents

def document_work(job: Job, spec_file: Path, name: str) -> None:
    """A document from its data file: .docx, PDF and the picture of every page."""
    job.progress("Tạo tệp .docx", 0, 3)
    out = job.folder / OUT
    out.mkdir(parents=True, exist_ok=True)
    docx = library.render_spec_file(spec_file, out / "van-ban.docx")
    job.progress("Tạo bản PDF", 1, 3)
    pdf = library.document_pdf(docx, out / "van-ban.pdf")
    job.progress("Vẽ các trang", 2, 3)
    job.result["pages"] = _pictures(job, pdf)
    job.add_file("docx", docx, f"{name}.docx")
    job.add_file("pdf", pdf, f"{name}.pdf")
    job.progress("Xong", 3, 3)


# --------------------------------------------------------------------------- next year's plan

def _probe(texts, *candidates) -> tuple:
    """The page (and box) of the first candidate found: words, or one long figure ("50.000.000")."""
    for text in candidates:
        if text and (len(text.split()) >= 2 or len(text.strip()) >= 6):
            page, box = page_of(text, texts, min_words=1)
            if page is not None:
                return page, box
    return None, None


def plan_work(job: Job, source: Path, year: int, issuer: str | None, on, end_year: int | None) -> None:
    """Kế hoạch năm sau: the draft, what changed, what a person must decide, and the pages."""
    job.progress("Đọc kế hoạch cũ và chuyển sang năm mới", 0, 4)
    files = library.roll_plan(source, year, job.folder / OUT, issuer=issuer, on=on, end_year=end_year)
    _plan_result(job, files, {})


def plan_answer_work(job: Job, files, answers: dict[str, str]) -> None:
    """The draft with the officer's answers: the officer's tracked changes, the clean copy, the pages."""
    job.progress("Điền các quyết định vào bản dự thảo", 1, 4)
    library.write_plan(files, job.folder / OUT)
    _plan_result(job, files, answers)


def _plan_result(job: Job, files, answers: dict[str, str]) -> None:
    """What the plan page shows: every decision of the roll-forward (with its fields, answered or
    not, and the page it is on), the changes, the downloads."""
    out = job.folder / OUT
    job.progress("Tạo bản PDF", 2, 4)
    pdf = library.document_pdf(out / "ban-sach.docx", out / "ban-sach.pdf")
    job.progress("Vẽ các trang", 3, 4)
    job.result["pages"] = _pictures(job, pdf, jpeg=True)
    texts = page_texts(pdf)
    result = files.result
    decided = files.decided
    rolled = decided.rolled if decided else result
    after = {a.decision.key: a.after for a in decided.answered} if decided else {}
    now = {id(i.slots): i for i in result.reviews}  # the open items, with the words of the final draft
    fields: dict[int, list[dict]] = {}
    for d in library.plan_decisions(files):
        fields.setdefault(id(d.item), []).append({"key": d.key, "label": d.label, "current": d.current, "hint": d.hint,
                                                  "answer": answers.get(d.key, ""), "after": after.get(d.key)})
    reviews = []
    for item in rolled.reviews:
        mine = fields.get(id(item), [])
        current = now.get(id(item.slots))
        shown = current or item
        page, box = _probe(texts, *(f["after"] for f in mine), *shown.printed, shown.before,
                           *(f["current"] for f in mine))
        if page is None and item.category in ("number", "issuer") and item.where.startswith("Phần đầu") and texts:
            page = 1  # the header is on the first page, whatever its words
        reviews.append({"category": item.category, "where": item.where, "what": item.what, "before": shown.before,
                        "action": shown.action, "page": page, "box": box, "fields": mine,
                        "decided": current is None})
    changes = []
    for item in result.changes:
        page, box = _probe(texts, *item.printed, item.after, item.before)
        changes.append({"where": item.where, "what": item.what, "before": item.before, "after": item.after,
                        "page": page, "officer": item.category == "officer"})
    job.result.update(
        year=result.year, reviews=reviews, changes=changes, open=len(result.reviews),
        warnings=list(result.warnings), notes=[n.describe() for n in files.notes], answers=dict(answers),
        author=decided.author if decided else "", _files=files,
    )
    name = f"Kế hoạch OCOP năm {result.year}"
    job.add_file("draft", out / "du-thao-danh-dau.docx", f"{name} - dự thảo (theo dõi thay đổi).docx")
    job.add_file("docx", out / "ban-sach.docx", f"{name}.docx")
    job.add_file("pdf", pdf, f"{name}.pdf")
    job.add_file("report", out / "bao-cao-thay-doi.md", f"{name} - báo cáo thay đổi.md")
    job.progress("Xong", 4, 4)


# --------------------------------------------------------------------------- forms and scoring

def form_work(job: Job, kind: str, name: str, data: Path | None, blank: bool, bo: int | None) -> None:
    """A form (blank or filled) as .docx with its pages; a score sheet also as .xlsx."""
    out = job.folder / OUT
    out.mkdir(parents=True, exist_ok=True)
    job.progress("Tạo tệp .docx", 0, 3)
    docx = library.render_form_file(kind, out / "bieu-mau.docx", data, blank=blank, bo=bo)
    job.add_file("docx", docx, f"{name}.docx")
    if kind == "phieu-danh-gia":
        xlsx = library.render_form_file(kind, out / "bieu-mau.xlsx", data, blank=blank, bo=bo)
        job.add_file("xlsx", xlsx, f"{name}.xlsx")
    job.progress("Tạo bản PDF", 1, 3)
    pdf = library.document_pdf(docx, out / "bieu-mau.pdf")
    job.add_file("pdf", pdf, f"{name}.pdf")
    job.progress("Vẽ các trang", 2, 3)
    job.result["pages"] = _pictures(job, pdf)
    job.progress("Xong", 3, 3)


def score_work(job: Job, sheets: list[Path], rule: MinimumRule) -> None:
    """Chấm điểm: each product's members, averages, star and what held it below the next star."""
    job.progress("Chấm điểm", 0, 1)
    notices: list[str] = []
    results = library.score_sheets(sheets, rule, notices)
    job.result["notices"] = notices
    products = []
    for r in results:
        products.append({
            "name": r.product.name, "owner": r.product.owner, "code": r.product.code or "",
            "bo": f"{r.criteria_set.number}. {r.criteria_set.name}", "stars": r.stars,
            "members": [{"name": m.member, "file": Path(m.source.file).name, "parts": [m.parts[c] for c in "ABC"],
                         "total": m.total} for m in r.members],
            "averages": [library.points_text(r.part_averages[c]) for c in "ABC"] + [library.points_text(r.average)],
            "explanation": r.explanation(),
        })
    job.result["products"] = products
    table = library.write_results_table(results, job.folder / OUT / "ket-qua.xlsx")
    job.add_file("xlsx", table, "Bảng kết quả đánh giá, phân hạng.xlsx")
    job.progress("Xong", 1, 1)
