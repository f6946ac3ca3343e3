"""Routes and pages of ``ocop-docs serve`` (Starlette, Jinja2 pages rendered on the server).

Every page is Vietnamese. Long work runs as a job (``jobs``); a job's page polls its progress
(htmx, vendored in static/) and shows the result when it is done. Nothing here decides a rule
of ND30 or of OCOP: that is the library's (called through ``library``).
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote

import yaml
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..errors import DataError, OcopError
from . import council, library, round_form, work
from .accounts import LOCAL, Account, load_accounts, verify_password
from .config import WebConfig
from .jobs import JobPool, scrub
from .security import BodyLimit, SecurityHeaders, check_csrf, csrf_token, save_upload

log = logging.getLogger("ocop_docs.web")
HERE = Path(__file__).resolve().parent

JOBS = (
    ("/kiem-tra", "Kiểm tra thể thức", "Tải lên một tệp .docx bất kỳ: xem các lỗi thể thức theo Nghị định 30 "
                                      "cạnh hình trang văn bản có lỗi."),
    ("/giay-chung-nhan", "Giấy chứng nhận", "Từ bảng kết quả đánh giá (.xlsx, .csv): chạy thử, rồi cấp giấy "
                                            "chứng nhận có số trong sổ đăng ký, tải về tệp .zip."),
    ("/so-dang-ky", "Sổ đăng ký", "Tra cứu các số giấy chứng nhận đã cấp, xem lịch sử từng số, hủy số hoặc cấp lại."),
    ("/ke-hoach", "Kế hoạch năm sau", "Từ kế hoạch năm trước (.docx, .pdf, .txt hoặc dán nội dung): bản dự thảo "
                                      "năm mới, danh sách việc cần quyết định, tải .docx và PDF."),
    ("/hoi-dong", "Quyết định Hội đồng", "Quyết định thành lập hoặc kiện toàn Hội đồng đánh giá, phân hạng sản "
                                         "phẩm OCOP và Tổ tư vấn: điền biểu mẫu hoặc đọc danh sách từ Excel."),
    ("/bieu-mau", "Biểu mẫu và chấm điểm", "Biểu mẫu OCOP trắng hoặc đã điền; chấm điểm từ phiếu của các thành "
                                           "viên: hạng sao và điều còn thiếu để lên hạng."),
)


JOB_PAGES = {"check": "job_check.html", "cert-trial": "job_cert_trial.html", "cert-issue": "job_cert_issue.html",
             "document": "job_document.html", "form": "job_document.html", "plan": "job_plan.html",
             "score": "job_score.html"}
"""The page that shows each kind of job."""


class NotLoggedIn(Exception):
    pass


def create_app(config: WebConfig | None = None) -> Starlette:
    config = config or WebConfig()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["gio"] = lambda t: time.strftime("%H:%M ngày %d/%m/%Y", time.localtime(t))
    templates.env.globals["province_choices"] = lambda: library.issuer_suggestions("")
    pool = JobPool(config.jobs_dir, config.pool_size, config.job_ttl_seconds)
    accounts: dict[str, Account] = load_accounts(config.users_file) if config.users_file else {}

    # ------------------------------------------------------------------ helpers

    def current_user(request: Request) -> Account | None:
        if config.users_file is None:
            return LOCAL
        name = request.session.get("user")
        return accounts.get(name) if isinstance(name, str) else None

    def need_user(request: Request) -> Account:
        user = current_user(request)
        if user is None:
            raise NotLoggedIn()
        return user

    def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        context.update(user=current_user(request), csrf=csrf_token(request), jobs_menu=JOBS,
                       login_needed=config.users_file is not None)
        return templates.TemplateResponse(request, name, context, status_code=status)

    async def posted_form(request: Request):
        form = await request.form(max_files=60, max_fields=2000)
        if not check_csrf(request, form):
            raise HTTPException(403, "Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo không khớp). "
                                     "Hãy tải lại trang rồi gửi lại.")
        return form

    def job_of(request: Request, user: Account):
        job = pool.get(request.path_params["job_id"], user.name)
        if job is None:
            raise HTTPException(404, "Không có việc này (đã quá hạn và được xóa, hoặc không phải của tài khoản này).")
        return job

    # ------------------------------------------------------------------ pages

    async def home(request: Request):
        user = need_user(request)
        return page(request, "home.html", recent=pool.of(user.name)[:20],
                    ttl_hours=config.job_ttl_seconds / 3600)

    async def login(request: Request):
        if config.users_file is None:
            return RedirectResponse("/", 303)
        error = ""
        if request.method == "POST":
            form = await posted_form(request)
            name, password = str(form.get("ten", "")), str(form.get("mat_khau", ""))
            account = accounts.get(name)
            if account is not None and await run_in_threadpool(verify_password, password, account.password_hash):
                request.session.clear()
                request.session["user"] = name
                return RedirectResponse("/", 303)
            await asyncio.sleep(0.5)  # slows down guessing
            error = "Sai tên tài khoản hoặc mật khẩu."
        return page(request, "login.html", status=401 if error else 200, error=error)

    async def logout(request: Request):
        await posted_form(request)
        request.session.clear()
        return RedirectResponse("/dang-nhap" if config.users_file else "/", 303)

    # Kiểm tra thể thức ------------------------------------------------

    async def check_page(request: Request):
        user = need_user(request)
        if request.method == "GET":
            return page(request, "check.html")
        form = await posted_form(request)
        job = pool.create(user.name, "check", "Kiểm tra thể thức")
        try:
            source = await save_upload(form.get("tep"), job.folder / work.IN, (".docx",), "tệp .docx cần kiểm tra")
        except OcopError as exc:
            pool.discard(job)
            return page(request, "check.html", status=400, error=scrub(str(exc), job.folder))
        job.title = f"Kiểm tra thể thức: {source.name}"
        job.result["source"] = str(source)
        job.result["file_name"] = source.name
        job.result["sha256"] = digest = await run_in_threadpool(library.file_sha256, source)
        same = work.same_check(pool.of(user.name), digest)
        pool.submit(job, lambda j: work.check_work(j, same))
        return RedirectResponse(f"/viec/{job.id}", 303)

    # Giấy chứng nhận ---------------------------------------------------

    def round_defaults(user: Account) -> dict:
        return {"ten_co_quan": user.issuer or "", "viet_tat": "UBND", "cap": "tinh", "ky_hieu": "QĐ-UBND",
                "mau_so": "{so:03d}/{nam}/GCN-OCOP", "so_dau": "1", "qr": "1", "tham_quyen": "KT",
                "chuc_vu_dung_dau": "Chủ tịch"}

    async def save_round(form, values: dict, folder: Path, from_form: bool) -> Path:
        """The round's data file: typed in the form, or the uploaded YAML."""
        if not from_form:
            return await save_upload(form.get("tep_dot"), folder, (".yaml", ".yml"), "tệp dữ liệu đợt cấp")
        folder.mkdir(parents=True, exist_ok=True)
        round_file = folder / "du-lieu-dot-cap.yaml"
        round_file.write_text(yaml.safe_dump(round_form.round_from_form(values), allow_unicode=True, sort_keys=False),
                              encoding="utf-8")
        return round_file

    def own_body(user: Account, issuer) -> None:
        """An account issues only in its own body's name (and numbering: another register key is refused too)."""
        if user.issuer is not None and (issuer.issuer.name, issuer.register_key or issuer.issuer.name) != (
                user.issuer, user.issuer):
            raise DataError(None, f"tài khoản này thuộc {user.issuer}; chỉ cấp giấy chứng nhận của cơ quan mình "
                                  f"(dữ liệu đợt cấp ghi {issuer.issuer.name}"
                                  + (f", sổ đăng ký của {issuer.register_key}" if issuer.register_key else "") + ")")

    async def certificates_page(request: Request):
        user = need_user(request)
        return page(request, "certificates.html", values=round_defaults(user), issuers=library.province_issuers())

    async def certificates_trial(request: Request):
        user = need_user(request)
        form = await posted_form(request)
        values = {k: str(v) for k, v in form.items() if isinstance(v, str) and k != "csrf"}
        job = pool.create(user.name, "cert-trial", "Chạy thử cấp giấy chứng nhận")
        folder = job.folder / work.IN
        uploaded_round = form.get("tep_dot")
        from_form = not getattr(uploaded_round, "filename", "")
        try:
            table = await save_upload(form.get("bang"), folder, (".xlsx", ".csv"), "bảng kết quả")
            round_file = await save_round(form, values, folder, from_form)
            issuer = await run_in_threadpool(library.load_round, round_file)
            own_body(user, issuer)
        except OcopError as exc:
            message = scrub(str(exc), job.folder)
            if from_form:
                message = round_form.label_fields(message)
            pool.discard(job)
            return page(request, "certificates.html", status=400, error=message, values=values, issuers=library.province_issuers())
        job.title = f"{issuer.issuer.name}, Quyết định {issuer.decision.number}/{issuer.decision_symbol}"
        job.result["_inputs"] = work.CertificateInputs(table, round_file, config.register)
        pool.submit(job, lambda j: work.trial_work(j, j.result["_inputs"]))
        return RedirectResponse(f"/viec/{job.id}", 303)

    async def certificates_issue(request: Request):
        user = need_user(request)
        await posted_form(request)
        trial = job_of(request, user)
        if trial.kind != "cert-trial" or trial.state != "xong" or not trial.result.get("issued"):
            raise HTTPException(400, "Chỉ cấp thật sau khi chạy thử xong và có ít nhất một dòng được cấp.")
        job = pool.create(user.name, "cert-issue", trial.title)
        inputs = work.copy_inputs(trial, job)
        if "reissue" in trial.result:
            job.result["reissue"] = dict(trial.result["reissue"])
        pool.submit(job, lambda j: work.issue_work(j, inputs))
        return RedirectResponse(f"/viec/{job.id}", 303)

    REGISTER_PAGE = 500  # rows a page of the register shows; the others are on the next pages

    async def register_page(request: Request):
        user = need_user(request)
        query = str(request.query_params.get("tim", "")).strip()[:200]
        year_text = str(request.query_params.get("nam", "")).strip()
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
        try:
            entries = await run_in_threadpool(library.register_entries, config.register, user.issuer, query, year)
        except OcopError as exc:
            return page(request, "register.html", status=400, error=str(exc), entries=[], query=query, year=year_text)
        pages = max(1, -(-len(entries) // REGISTER_PAGE))
        page_text = str(request.query_params.get("trang", "1")).strip()
        current = min(max(int(page_text), 1), pages) if page_text.isdigit() else 1
        first = (current - 1) * REGISTER_PAGE
        return page(request, "register.html", entries=entries[first:first + REGISTER_PAGE], total=len(entries),
                    query=query, year=year_text, page_no=current, pages=pages, first=first)

    async def number_of(request: Request, user: Account):
        try:
            return await run_in_threadpool(library.register_number, config.register, request.path_params["row_id"],
                                           user.issuer)
        except OcopError as exc:
            raise HTTPException(404, str(exc)) from None

    NOTICES = {"huy": "Đã hủy số này; lý do và thời điểm được ghi vào lịch sử."}

    async def register_number(request: Request):
        user = need_user(request)
        number = await number_of(request, user)
        notice = NOTICES.get(str(request.query_params.get("da", "")), "")
        return page(request, "register_number.html", line=number.line, history=number.history, notice=notice)

    async def register_void(request: Request):
        """Hủy số: the reason, then a confirmation page, then the register is written."""
        user = need_user(request)
        form = await posted_form(request)
        number = await number_of(request, user)
        reason = " ".join(str(form.get("ly_do", "")).split())[:300]
        if not reason:
            return page(request, "register_number.html", status=400, line=number.line, history=number.history,
                        error="Cần ghi lý do hủy số.")
        if form.get("xac_nhan") != "1":
            return page(request, "register_confirm.html", line=number.line, reason=reason)
        try:
            await run_in_threadpool(library.void_number, config.register, number.line.entry.id, reason, user.issuer)
        except OcopError as exc:
            return page(request, "register_number.html", status=400, line=number.line, history=number.history,
                        error=str(exc))
        return RedirectResponse(f"/so-dang-ky/so/{number.line.entry.id}?da=huy", 303)

    def reissue_defaults(user: Account, entry) -> dict:
        values = round_defaults(user)
        number, _, symbol = entry.decision.partition("/")
        values.update(ten_co_quan=entry.issuer_name, so_qd=number, ky_hieu=symbol or values["ky_hieu"],
                      ngay_qd=entry.decision_date.isoformat(), dia_chi=entry.address, ma_so=entry.product_code or "",
                      nhom="", ly_do="")
        return values

    async def register_reissue(request: Request):
        """Cấp lại: the reason and the round's data, then a trial run that is the confirmation step."""
        user = need_user(request)
        number = await number_of(request, user)
        entry = number.line.entry
        if entry.status == "void":
            raise HTTPException(400, f"Số {entry.number} đã bị hủy; sản phẩm của nó được cấp số mới khi cấp lại "
                                     "từ số đang có giá trị hoặc chạy lại bảng kết quả.")
        if entry.status == "reserved":  # never printed: nothing to replace
            raise HTTPException(400, f"Số {entry.number} đang được giữ, chưa có đủ tệp nên chưa có giá trị: chạy lại "
                                     "bảng kết quả để hoàn tất số này, hoặc hủy số nếu sản phẩm không còn được cấp.")
        if request.method == "GET":
            return page(request, "register_reissue.html", line=number.line, values=reissue_defaults(user, entry),
                        issuers=library.province_issuers())
        form = await posted_form(request)
        values = {k: str(v) for k, v in form.items() if isinstance(v, str) and k != "csrf"}
        reason = " ".join(values.get("ly_do", "").split())[:300]
        job = pool.create(user.name, "cert-trial", f"Cấp lại số {entry.number}")
        folder = job.folder / work.IN
        uploaded_round = form.get("tep_dot")
        from_form = not getattr(uploaded_round, "filename", "")
        try:
            if not reason:
                raise DataError(None, "cần ghi lý do cấp lại (ô «Lý do cấp lại»)")
            round_file = await save_round(form, values, folder, from_form)
            issuer = await run_in_threadpool(library.load_round, round_file)
            own_body(user, issuer)
            if not entry.of_body(issuer.key) or issuer.issue_date.year != entry.year:
                raise DataError(None, f"số {entry.number} là của {entry.issuer_name} năm {entry.year}; dữ liệu đợt cấp "
                                      f"ghi {issuer.issuer.name}, ngày cấp {issuer.issue_date:%d/%m/%Y}. Cấp lại phải "
                                      "cùng cơ quan và cùng năm để số mới thay được số cũ")
            table = await run_in_threadpool(
                lambda: library.reissue_table(  # a field not sent at all keeps what the register holds
                    entry, folder, address=values.get("dia_chi", entry.address).strip(),
                    group=values.get("nhom", "").strip(), code=values.get("ma_so", entry.product_code or "").strip()))
        except OcopError as exc:
            message = scrub(str(exc), job.folder)
            if from_form:
                message = round_form.label_fields(message)
            pool.discard(job)
            return page(request, "register_reissue.html", status=400, line=number.line, values=values, error=message,
                        issuers=library.province_issuers())
        job.result["_inputs"] = work.CertificateInputs(
            table, round_file, config.register, library.Reissue(entry.id, entry.number, entry.product_key, reason))
        job.result["reissue"] = {"number": entry.number, "reason": reason, "row_id": entry.id}
        pool.submit(job, lambda j: work.trial_work(j, j.result["_inputs"]))
        return RedirectResponse(f"/viec/{job.id}", 303)

    async def register_export(request: Request):
        user = need_user(request)
        with tempfile.NamedTemporaryFile(dir=pool.root, suffix=".xlsx", delete=False) as tmp:
            out = Path(tmp.name)
        try:
            await run_in_threadpool(library.export_register_xlsx, config.register, out, user.issuer)
            data = out.read_bytes()
        except OcopError as exc:
            raise HTTPException(400, str(exc)) from None
        finally:
            out.unlink(missing_ok=True)
        name = "Sổ đăng ký giấy chứng nhận OCOP" + (f" - {user.issuer}" if user.issuer else "") + ".xlsx"
        return Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": content_disposition(name)})

    async def issuer_search(request: Request):
        """Suggestions for an issuing body field (its datalist), provinces and communes, as the
        officer types: the field's own value is the query (htmx sends it under its name)."""
        need_user(request)
        query = next((v for v in request.query_params.values()), "")[:100]
        return page(request, "_issuer_options.html", choices=library.issuer_suggestions(query))

    # Quyết định Hội đồng ------------------------------------------------

    def council_defaults(user: Account) -> dict:
        return {"hanh_dong": "thành lập", "co_quan": user.issuer or "", "viet_tat": "UBND", "cap": "tinh",
                "tham_quyen": "KT", "chuc_vu_dung_dau": "Chủ tịch", "chuc_vu_ky": "Phó Chủ tịch", "luu": "VT"}

    def council_form(request, values, status=200, **extra):
        return page(request, "council.html", status=status, values=values, issuers=library.province_issuers(),
                    council_roles=council.COUNCIL_ROLES, team_roles=council.TEAM_ROLES,
                    groups=[(p, label, council.member_rows(values, p)) for p, _, label in council.GROUPS],
                    replaced_rows=range(council.REPLACED_ROWS), **extra)

    async def council_page(request: Request):
        user = need_user(request)
        source = request.query_params.get("tu")
        values = council_defaults(user)
        if source:
            job = pool.get(source, user.name)
            if job is not None and "form" in job.result:
                values = dict(job.result["form"])
        if request.method == "GET":
            return council_form(request, values)
        form = await posted_form(request)
        values = {k: str(v) for k, v in form.items() if isinstance(v, str) and k != "csrf"}
        step = values.pop("buoc", "tao")
        if step.startswith("doc-excel-"):
            prefix = step.removeprefix("doc-excel-")
            group = {p: g for p, g, _ in council.GROUPS}.get(prefix)
            if group is None:
                raise HTTPException(400, "Bước không hợp lệ.")
            with tempfile.TemporaryDirectory(dir=pool.root) as scratch:  # the sheet is read, then dropped
                try:
                    sheet = await save_upload(form.get(f"excel_{prefix}"), Path(scratch), (".xlsx", ".csv"),
                                              "danh sách thành viên")
                    table = await run_in_threadpool(library.read_member_sheet, sheet, group)
                except OcopError as exc:
                    return council_form(request, values, 400, error=scrub(str(exc), Path(scratch)))
            council.members_to_form(values, prefix, table.members)
            reading = {
                "prefix": prefix, "file": sheet.name, "count": len(table.members),
                "used": library.member_columns_used(table),
                "notices": list(getattr(table, "notices", [])),
                "rejects": [{"row": r.row, "reason": r.reason} for r in table.rejects],
            }
            return council_form(request, values, reading=reading)
        if step == "can-cu":
            on = council.signing_date(values)
            if on is None:
                return council_form(request, values, 400, error="Cần chọn ngày ký để đề xuất căn cứ đúng thời điểm.")
            values["can_cu"] = "\n".join(library.propose_bases("council_decision", values.get("cap") or "tinh", on))
            return council_form(request, values, notice="Đã đề xuất căn cứ theo danh mục văn bản tại ngày ký; "
                                                        "sửa, thêm hoặc bỏ dòng nếu cần.")
        job = pool.create(user.name, "document", "Quyết định Hội đồng")
        spec_file = job.folder / work.IN / "quyet-dinh-hoi-dong.yaml"
        spec_file.parent.mkdir(parents=True, exist_ok=True)
        spec_file.write_text(yaml.safe_dump(council.spec_from_form(values), allow_unicode=True, sort_keys=False),
                             encoding="utf-8")
        try:
            await run_in_threadpool(library.load_document, spec_file)
        except OcopError as exc:
            pool.discard(job)
            return council_form(request, values, 400, error=council.label_fields(scrub(str(exc), job.folder),
                                                                                   spec_file.name))
        action = values.get("hanh_dong") or "thành lập"
        job.title = f"Quyết định {action} Hội đồng — {values.get('co_quan', '')}"
        job.result.update(form=values, edit=f"/hoi-dong?tu={job.id}")
        name = f"Quyết định {action} Hội đồng OCOP"
        pool.submit(job, lambda j: work.document_work(j, spec_file, name))
        return RedirectResponse(f"/viec/{job.id}", 303)

    # Kế hoạch năm sau ---------------------------------------------------

    async def plan_page(request: Request):
        user = need_user(request)
        values = {"nam": "", "co_quan": ""}  # empty: the year after the old plan's, known once it is read
        if request.method == "GET":
            before = pool.get(request.query_params.get("tu", ""), user.name)
            if before is not None and "form" in before.result:  # "Quay lại sửa": the form as sent, its file kept
                values = dict(before.result["form"], tu=before.id, tep_cu=before.result.get("source_name", ""))
            return page(request, "plan.html", values=values, issuers=library.province_issuers())
        form = await posted_form(request)
        values = {k: str(v) for k, v in form.items() if isinstance(v, str) and k != "csrf"}
        job = pool.create(user.name, "plan", "Kế hoạch năm sau")
        before = pool.get(values.pop("tu", ""), user.name)
        values.pop("tep_cu", None)
        try:
            year = _year(values.get("nam"), "Năm của kế hoạch mới") if values.get("nam", "").strip() else None
            end_year = _year(values.get("nam_cuoi"), "Năm cuối của giai đoạn") if values.get("nam_cuoi") else None
            on = _day(values.get("ngay_ky"))
            pasted = values.get("van_ban", "").strip()
            upload = form.get("tep")
            if getattr(upload, "filename", ""):
                source = await save_upload(upload, job.folder / work.IN, (".docx", ".pdf", ".txt", ".yaml", ".yml"),
                                           "kế hoạch năm trước")
            elif pasted:
                source = job.folder / work.IN / "ke-hoach-dan-vao.txt"
                source.parent.mkdir(parents=True, exist_ok=True)
                source.write_text(pasted, encoding="utf-8")
            elif before is not None and Path(before.result.get("source", "")).is_file():
                # the file chosen before "Quay lại sửa", copied: each job keeps its own input
                old = Path(before.result["source"])
                source = job.folder / work.IN / old.name
                source.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(old, source)
            else:
                raise DataError(None, "chọn tệp kế hoạch năm trước hoặc dán nội dung kế hoạch vào ô văn bản")
        except OcopError as exc:
            pool.discard(job)
            return page(request, "plan.html", status=400, error=scrub(str(exc), job.folder), values=values,
                        issuers=library.province_issuers())
        issuer = values.get("co_quan", "").strip() or None
        job.title = f"Kế hoạch năm {year} từ {source.name}" if year else f"Kế hoạch năm sau từ {source.name}"
        job.result.update(form={k: v for k, v in values.items() if k != "van_ban"}, source=str(source),
                          source_name=source.name, edit=f"/ke-hoach?tu={job.id}")
        pool.submit(job, lambda j: work.plan_work(j, source, year, issuer, on, end_year))
        return RedirectResponse(f"/viec/{job.id}", 303)

    async def plan_edit(request: Request):
        """The officer's answers (number, date, signer, amounts, targets, deadlines) into the draft:
        checked at once (each wrong field named beside its box), then the files made in the pool."""
        user = need_user(request)
        form = await posted_form(request)
        draft = job_of(request, user)
        if draft.kind != "plan" or draft.state != "xong" or "_files" not in draft.result:
            raise HTTPException(400, "Chỉ sửa được sau khi bản dự thảo đã tạo xong.")
        files = draft.result["_files"]
        keys = [d.key for d in library.plan_decisions(files)]
        answers = {k: " ".join(str(form.get(k, "")).split()) for k in keys}
        answers = {k: v for k, v in answers.items() if v}
        author = " ".join(str(form.get("nguoi_sua", "")).split())[:100] or (user.name if user.issuer else "")
        try:
            answered = await run_in_threadpool(library.answer_plan, files, answers, author)
        except OcopError as exc:
            problems = getattr(exc, "problems", [])
            field_errors = {p.path: p.message for p in problems if p.path}
            message = "Chưa điền được vào bản dự thảo: " + "; ".join(p.message for p in problems) if problems \
                else str(exc)
            return page(request, "job_plan.html", status=400, job=draft, edit_error=message,
                        field_errors=field_errors, typed=answers, author=author)
        job = pool.create(user.name, "plan", draft.title.split(" (đã điền")[0] + f" (đã điền {len(answers)} ô)")
        pool.submit(job, lambda j: work.plan_answer_work(j, answered, answers))
        return RedirectResponse(f"/viec/{job.id}", 303)

    # Biểu mẫu và chấm điểm ----------------------------------------------

    def forms_page_of(request, status=200, **extra):
        kinds, blanks = library.form_kinds()
        return page(request, "forms.html", status=status, kinds=kinds, blanks=sorted(blanks),
                    rules=library.minimum_rules(), **extra)

    async def forms_page(request: Request):
        need_user(request)
        return forms_page_of(request)

    async def forms_make(request: Request):
        user = need_user(request)
        form = await posted_form(request)
        kinds, blanks = library.form_kinds()
        kind = str(form.get("loai", ""))
        if request.path_params["how"] not in ("trang", "dien"):
            raise HTTPException(404, "Không có trang này.")
        blank = request.path_params["how"] == "trang"
        if kind not in kinds or (blank and kind not in blanks):
            return forms_page_of(request, 400, error=f"Chọn một biểu mẫu trong danh sách (đang là '{kind}').")
        bo_text = str(form.get("bo", "")).strip()
        bo = int(bo_text) if bo_text.isdigit() and 1 <= int(bo_text) <= 26 else None
        if blank and kind == "phieu-danh-gia" and bo is None:
            return forms_page_of(request, 400, error="Phiếu đánh giá trắng cần số bộ tiêu chí (1–26).")
        name = kinds[kind].split(" (")[0] + (" (mẫu trắng)" if blank else "")
        job = pool.create(user.name, "form", name)
        data = None
        if not blank:
            try:
                data = await save_upload(form.get("du_lieu"), job.folder / work.IN, (".yaml", ".yml"),
                                         "tệp dữ liệu của biểu mẫu")
            except OcopError as exc:
                pool.discard(job)
                return forms_page_of(request, 400, error=scrub(str(exc), job.folder))
            bo = None
        if kind == "phieu-danh-gia" and bo:
            name += f" - bộ {bo:02d}"
        pool.submit(job, lambda j: work.form_work(j, kind, name, data, blank, bo))
        return RedirectResponse(f"/viec/{job.id}", 303)

    async def score_page(request: Request):
        user = need_user(request)
        form = await posted_form(request)
        rule = library.minimum_rule(form.get("quy_tac"))
        job = pool.create(user.name, "score", "Chấm điểm")
        uploads = [u for u in form.getlist("phieu") if getattr(u, "filename", "")]
        try:
            if not uploads:
                raise DataError(None, "chọn các phiếu đánh giá của thành viên Hội đồng (.xlsx hoặc .yaml)")
            sheets = []
            for n, upload in enumerate(uploads, start=1):
                sheets.append(await save_upload(upload, job.folder / work.IN / f"{n:02d}", (".xlsx", ".yaml", ".yml"),
                                                "phiếu đánh giá"))
        except OcopError as exc:
            pool.discard(job)
            return forms_page_of(request, 400, error=scrub(str(exc), job.folder))
        job.title = f"Chấm điểm {len(sheets)} phiếu đánh giá"
        pool.submit(job, lambda j: work.score_work(j, sheets, rule))
        return RedirectResponse(f"/viec/{job.id}", 303)

    # Jobs ---------------------------------------------------------------

    async def job_page(request: Request):
        user = need_user(request)
        job = job_of(request, user)
        return page(request, JOB_PAGES[job.kind], job=job)

    async def job_status(request: Request):
        user = need_user(request)
        job = job_of(request, user)
        if job.finished:  # the whole page again, now with its result
            return Response("", headers={"HX-Refresh": "true"})
        return page(request, "_progress.html", job=job)

    async def job_picture(request: Request):
        user = need_user(request)
        job = job_of(request, user)
        n = request.path_params["n"]
        pages = job.result.get("pages") or []
        if not 1 <= n <= len(pages):
            raise HTTPException(404, "Không có trang này.")
        picture = job.folder / work.PAGES / pages[n - 1]
        return FileResponse(picture, media_type="image/jpeg" if picture.suffix == ".jpg" else "image/png")

    async def job_download(request: Request):
        user = need_user(request)
        job = job_of(request, user)
        entry = job.files.get(request.path_params["key"])
        if entry is None or not entry[0].exists():
            raise HTTPException(404, "Không có tệp này.")
        path, name = entry
        return FileResponse(path, headers={"Content-Disposition": content_disposition(name)})

    # ------------------------------------------------------------------ errors

    async def http_error(request: Request, exc: HTTPException):
        return page(request, "error.html", status=exc.status_code, message=exc.detail)

    async def not_logged_in(request: Request, exc: NotLoggedIn):
        if request.headers.get("HX-Request"):
            return Response("", status_code=401, headers={"HX-Redirect": "/dang-nhap"})
        return RedirectResponse("/dang-nhap", 303)

    async def server_error(request: Request, exc: Exception):
        log.exception("error on %s", request.url.path)
        return HTMLResponse("<!doctype html><html lang='vi'><meta charset='utf-8'><h1>Lỗi phần mềm</h1>"
                            "<p>Trang này gặp lỗi; chi tiết đã ghi ở nhật ký máy chủ. <a href='/'>Về trang chủ</a></p>",
                            status_code=500)

    routes = [
        Route("/", home),
        Route("/dang-nhap", login, methods=["GET", "POST"]),
        Route("/dang-xuat", logout, methods=["POST"]),
        Route("/kiem-tra", check_page, methods=["GET", "POST"]),
        Route("/giay-chung-nhan", certificates_page),
        Route("/giay-chung-nhan/chay-thu", certificates_trial, methods=["POST"]),
        Route("/so-dang-ky", register_page),
        Route("/so-dang-ky/so/{row_id:int}", register_number),
        Route("/so-dang-ky/so/{row_id:int}/huy", register_void, methods=["POST"]),
        Route("/so-dang-ky/so/{row_id:int}/cap-lai", register_reissue, methods=["GET", "POST"]),
        Route("/so-dang-ky/xuat-excel", register_export),
        Route("/co-quan/goi-y", issuer_search),
        Route("/hoi-dong", council_page, methods=["GET", "POST"]),
        Route("/ke-hoach", plan_page, methods=["GET", "POST"]),
        Route("/bieu-mau", forms_page),
        Route("/bieu-mau/cham-diem", score_page, methods=["POST"]),
        Route("/bieu-mau/{how:str}", forms_make, methods=["POST"]),
        Route("/viec/{job_id}/sua-ke-hoach", plan_edit, methods=["POST"]),
        Route("/viec/{job_id}", job_page),
        Route("/viec/{job_id}/tien-do", job_status),
        Route("/viec/{job_id}/trang/{n:int}.png", job_picture),
        Route("/viec/{job_id}/trang/{n:int}.jpg", job_picture),
        Route("/viec/{job_id}/tai/{key}", job_download),
        Route("/viec/{job_id}/cap-that", certificates_issue, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(BodyLimit, limit=config.max_upload_bytes),
        Middleware(SessionMiddleware, secret_key=config.secret_key, session_cookie="ocop_phien",
                   max_age=12 * 3600, same_site="strict", https_only=config.https_only),
    ]
    async def sweep():  # old jobs go even when nobody starts a new one
        while True:
            await asyncio.sleep(min(600, config.job_ttl_seconds / 2))
            await run_in_threadpool(pool.expire)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        if config.warm_up:
            asyncio.get_running_loop().run_in_executor(None, library.warm_up, pool.root)
        sweeper = asyncio.create_task(sweep())
        yield
        sweeper.cancel()
        pool.shutdown()

    # Starlette types a handler as taking any Exception; each of these takes the one it is registered for.
    handlers: dict[Any, Callable[..., Any]] = {HTTPException: http_error, NotLoggedIn: not_logged_in, 500: server_error}
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers=handlers)
    app.state.pool = pool
    app.state.config = config
    return app


def _year(text: str | None, label: str) -> int:
    text = (text or "").strip()
    if not (text.isdigit() and 2000 <= int(text) <= 2100):
        raise DataError(None, f"ô «{label}»: cần một năm, ví dụ 2026 (đang là '{text}')")
    return int(text)


def _day(text: str | None):
    from datetime import date

    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DataError(None, f"ô «Ngày ký dự kiến»: ngày '{text}' không hợp lệ") from None


def content_disposition(name: str) -> str:
    """attachment; Vietnamese name for browsers (RFC 5987), an ASCII one for the others."""
    from ..vi.text import fold

    name = re.sub(r'[/\\:*?"<>|\x00-\x1f]+', "-", name)  # "2698/QĐ-UBND" must not read as a folder
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]+", "_", fold(name)) or "tep"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
