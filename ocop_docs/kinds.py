"""The registry of document kinds: one entry per kind of document the engine makes.

Every list of kinds — the models a data file may name in ``kind:``, the CLI's choices and help,
the template of each kind, the blank forms, the demo, the names a template may use — is derived
from :data:`REGISTRY`. Adding a kind is one model, one context builder, one template and one
:func:`register` call (README, "Thêm một loại văn bản").

Naming rule for ids: Vietnamese without diacritics, words joined by "-", for the names of ND30 and
OCOP documents (``ke-hoach``, ``quyet-dinh-hoi-dong``, ``mau-01``); English only for mechanics
(``spec``, ``check``). Names used before this rule (``plan``, ``council_decision``…) stay accepted
as aliases: in a data file's ``kind:``, on the command line and in this module's :func:`get`.

The registry sits just above the model layer so that readers (``io``, ``parse``) can use it; the
context builders live in the renderer above, so an entry names them as "module:function" and
:meth:`Kind.build_context` imports them when a document is rendered.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from .model.decision import CouncilDecision, GeneralDecision, PlanDecision, RecognitionDecision
from .model.forms import CommuneReport, CouncilMinutes, ProposalLetter, Registration, ScoreSheet, SelfAssessment
from .model.common import model_kind_names
from .model.plan import Plan

_FIELD_RE = re.compile(r"^[A-Za-z_]\w*(\[\]|\{\}|\.[A-Za-z_]\w*)*(:(str|number|bool|rich|image)(\|(str|number|bool|rich|image))*)?$")


@dataclass(frozen=True)
class Kind:
    """One kind of document.

    ``fields`` declares every name the kind's template may use, one path per leaf: ``title``,
    ``bases[]`` (a list of texts), ``body[].text`` (a field of each item of a list),
    ``commune_receipt.agency`` (a field of a group), ``footnotes{}`` (a mapping read with
    ``.items()``); a leaf is text unless it ends in ``:number``, ``:bool``, ``:rich`` or ``:image``
    (alternatives joined by ``|``). The template checker validates templates against this
    declaration, and a test holds it equal to what the context builder gives the samples.
    """

    id: str
    name: str  # Vietnamese name, as in help texts and messages
    model: type[BaseModel] | None  # None: not made from one data file (star certificates, in batch)
    context: str | Callable | None  # "module:function" (or the function) turning a validated model into the context
    template: str  # file name under the templates folder
    fields: tuple[str, ...]
    check: str  # the ND30 checker's profile (``check.api.KINDS``)
    command: str = "render"  # the CLI command that makes it: "render", "form" or "certificates"
    blank: str | Callable | None = None  # "module:function" (or the function) giving the blank form's context
    aliases: tuple[str, ...] = ()  # older names; for a kind with a model, the extra values of its ``kind`` Literal
    samples: str = ""  # folder of samples/ holding its sample data files (the demo renders them)

    def __post_init__(self) -> None:
        if self.model is not None and not self.aliases:
            object.__setattr__(self, "aliases", model_kind_names(self.model)[1:])

    def build_context(self, spec: Any) -> dict:
        """The template context of a validated model of this kind."""
        if self.context is None:
            raise ValueError(f"'{self.id}' không tạo từ một tệp dữ liệu")
        return _resolve(self.context)(spec)

    def blank_context(self) -> dict:
        """The context of this kind's blank form (dotted lines, empty boxes)."""
        if self.blank is None:
            raise ValueError(f"'{self.id}' không có mẫu trắng")
        return _resolve(self.blank)()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this kind answers to: its id first, then its aliases."""
        return (self.id, *self.aliases)


REGISTRY: dict[str, Kind] = {}
_BY_NAME: dict[str, Kind] = {}


def _resolve(dotted: str | Callable) -> Callable:
    if callable(dotted):
        return dotted
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def register(kind: Kind) -> Kind:
    """Add ``kind`` to the registry (ValueError when a name is taken or the entry is inconsistent)."""
    for name in kind.names:
        if name in _BY_NAME:
            raise ValueError(f"document kind name {name!r} is already registered for {_BY_NAME[name].id!r}")
    bad = [f for f in kind.fields if not _FIELD_RE.match(f)]
    if bad:
        raise ValueError(f"kind {kind.id!r}: malformed field declarations {bad}")
    if kind.model is not None and model_kind_names(kind.model) != kind.names:
        raise ValueError(f"kind {kind.id!r}: the model {kind.model.__name__} must declare "
                         f"kind: Literal{list(kind.names)!r} = {kind.id!r}")
    REGISTRY[kind.id] = kind
    for name in kind.names:
        _BY_NAME[name] = kind
    return kind


def unregister(kind_id: str) -> None:
    """Remove a kind (for tests that register one at runtime)."""
    kind = REGISTRY.pop(kind_id)
    for name in kind.names:
        _BY_NAME.pop(name, None)


def get(name: str) -> Kind:
    """The kind called ``name`` (its id or an alias); KeyError with the Vietnamese choices otherwise."""
    try:
        return _BY_NAME[name]
    except (KeyError, TypeError):
        raise KeyError(f"loại văn bản '{name}' không có; chọn một trong: {choices_text()}") from None


def find(name: Any) -> Kind | None:
    """The kind called ``name``, or None."""
    return _BY_NAME.get(name) if isinstance(name, str) else None


def all_kinds(command: str | None = None, *, with_model: bool = False) -> list[Kind]:
    """The registered kinds in registration order; only those made by ``command`` when given."""
    return [k for k in REGISTRY.values()
            if (command is None or k.command == command) and (not with_model or k.model is not None)]


def ids(command: str | None = None, *, with_model: bool = False) -> list[str]:
    return [k.id for k in all_kinds(command, with_model=with_model)]


def choices_text(command: str | None = None, *, with_model: bool = False) -> str:
    """The ids joined as a Vietnamese list: "a, b hoặc c"."""
    names = ids(command, with_model=with_model)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} hoặc {names[-1]}"


def help_lines(command: str | None = None, *, with_model: bool = False) -> list[str]:
    """One line per kind, "id   Vietnamese name", for the CLI's help."""
    kinds = all_kinds(command, with_model=with_model)
    width = max(len(k.id) for k in kinds) + 2
    return [f"{k.id:<{width}}{k.name}" for k in kinds]


# --------------------------------------------------------------------------- the shipped kinds

DOCUMENT_FIELDS = (
    "issuer_parent", "issuer_lines[]", "so_ky_hieu", "date_line", "type_name", "title", "bases[]",
    "signer_lines[]", "signer_name", "recipients[]",
)
"""What ``render.context.document_context`` gives every ND30 document: header, bases, signature, Nơi nhận."""

_DECISION_FIELDS = DOCUMENT_FIELDS + (
    "authority_line", "articles[].kind", "articles[].label", "articles[].text", "attach_line", "footnotes{}",
)

register(Kind(
    "ke-hoach", "Kế hoạch (Mẫu 1.4 Nghị định 30)", Plan, "ocop_docs.render.context:plan_context",
    "plans/ke-hoach.docx",
    DOCUMENT_FIELDS + ("preamble[]", "body[].kind", "body[].lead", "body[].text", "footnotes{}", "tables{}"),
    check="plan", samples="plans",
))
register(Kind(
    "quyet-dinh-ban-hanh-ke-hoach", "Quyết định ban hành kế hoạch (kèm theo kế hoạch)", PlanDecision,
    "ocop_docs.render.decision_context:plan_decision_context", "decisions/quyet-dinh-ban-hanh-ke-hoach.docx",
    _DECISION_FIELDS + ("plan_type_name", "plan_title", "plan_bases[]", "plan_preamble[]", "plan_body[].kind",
                        "plan_body[].lead", "plan_body[].text", "tables{}"),
    check="decision", samples="decisions",
))
register(Kind(
    "quyet-dinh-hoi-dong", "Quyết định thành lập, kiện toàn Hội đồng đánh giá, phân hạng sản phẩm OCOP",
    CouncilDecision, "ocop_docs.render.decision_context:council_context", "decisions/quyet-dinh-hoi-dong.docx",
    _DECISION_FIELDS + ("list_title", "role_header", "members_attached:bool", "member_rows[].kind",
                        "member_rows[].stt", "member_rows[].text", "member_rows[].name", "member_rows[].post",
                        "member_rows[].role"),
    check="decision", samples="decisions",
))
register(Kind(
    "quyet-dinh-cong-nhan", "Quyết định công nhận sản phẩm OCOP", RecognitionDecision,
    "ocop_docs.render.decision_context:recognition_context", "decisions/quyet-dinh-cong-nhan.docx",
    _DECISION_FIELDS + ("list_title", "last_header", *(f"product_rows[].{k}" for k in (
        "kind", "stt", "text", "name", "owner", "address", "group", "code", "score", "stars", "last"))),
    check="decision", samples="decisions",
))
register(Kind(
    "quyet-dinh", "Quyết định (chung): mọi quyết định khác, in như văn bản đã ban hành", GeneralDecision,
    "ocop_docs.render.decision_context:general_decision_context", "decisions/quyet-dinh.docx",
    DOCUMENT_FIELDS + ("authority_line", "articles[].kind", "articles[].label", "articles[].text", "preamble[]",
                       "attached[].style", "attached[].text", "footnotes{}", "tables{}"),
    check="decision", samples="decisions",
))
register(Kind(
    "giay-chung-nhan", "Giấy chứng nhận sản phẩm OCOP (cấp hàng loạt)", None, None,
    "certificates/giay-chung-nhan.docx",
    ("issuer_parent", "issuer_lines[]", "programme_line", "number", "product_name", "name_fit", "owner",
     "owner_fit", "address", "address_fit", "details_line", "score", "stars:number", "stars_symbols",
     "decision_line", "validity_line", "date_line", "signer_lines[]", "signer_name", "qr", "qr_note"),
    check="certificate", command="certificates", aliases=("certificate",), samples="certificates",
))
register(Kind(
    "mau-01", "Mẫu số 01 - Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP", Registration,
    "ocop_docs.render.forms_context:registration_context", "forms/mau-01-phieu-dang-ky.docx",
    ("subtitle", "unit_name", "representative", "position", "address", "phone", "email", "product_name",
     "category", "category_label", "registration", "samples", "pledge", "date_line", "signer", "footnotes{}",
     *(f"{who}_receipt.{k}" for who in ("commune", "province")
       for k in ("agency", "number", "received", "receiver", "signature"))),
    check="form", command="form", blank="ocop_docs.render.forms_context:registration_context", samples="forms",
))
register(Kind(
    "mau-02", "Mẫu số 02 - Báo cáo tự đánh giá về sản phẩm", SelfAssessment,
    "ocop_docs.render.forms_context:self_assessment_context", "forms/mau-02-bao-cao-tu-danh-gia.docx",
    ("owner", "address", "phone", "email", "founded", "registration_number", "organisation_type", "rep_name",
     "rep_gender", "rep_ethnicity", "rep_residence", "organisation[]", "history[]", "product[]", "conditions[]",
     "ip_head", "ip_lines[]", "results[]", "plan[]", "changes[]", "re_evaluation_note", "set_line", "ticks[]",
     "self_total", "part2_guide[]", "part3_guide[]", "part4_guide[]", "evaluation[].code", "evaluation[].title",
     "evaluation[].max:number", "evaluation[].points:number", "evaluation[].evidence", "evidence_rows[].tt",
     "evidence_rows[].requirement[]", "evidence_rows[].content", "evidence_rows[].attached", "date_line", "signer"),
    check="form", command="form", blank="ocop_docs.render.forms_context:self_assessment_context", samples="forms",
))
register(Kind(
    "mau-03", "Mẫu số 03 - Báo cáo đánh giá một số nội dung của hồ sơ đăng ký (UBND cấp xã)", CommuneReport,
    "ocop_docs.render.forms_context:commune_report_context", "forms/mau-03-bao-cao-xa.docx",
    DOCUMENT_FIELDS + ("body[].kind", "body[].text"),
    check="report", command="form", blank="ocop_docs.render.forms_context:commune_report_context", samples="forms",
))
register(Kind(
    "phieu-danh-gia", "Bộ tiêu chí kiêm phiếu đánh giá sản phẩm OCOP (Phụ lục II, cần --bo khi in trắng)",
    ScoreSheet, "ocop_docs.render.forms_context:score_sheet_spec_context", "forms/phieu-danh-gia.docx",
    ("set_heading", "set_note", "basis_line", "product_name", "product_code", "code_note", "owner", "phone",
     "address", "member", "rows[].kind", "rows[].text", "rows[].rich:rich", "rows[].max:number|str",
     "rows[].score", "total", "star_note", "disqualification", "comments[]", "date_line"),
    check="form", command="form", blank="ocop_docs.render.forms_context:blank_score_sheet_context", samples="forms",
))
register(Kind(
    "cong-van-de-nghi", "Công văn của UBND xã đề nghị UBND tỉnh đánh giá, phân hạng (Mẫu 1.5 Nghị định 30)",
    ProposalLetter, "ocop_docs.render.forms_context:proposal_letter_context", "forms/cong-van-de-nghi.docx",
    DOCUMENT_FIELDS + ("vv", "kinh_gui[].kind", "kinh_gui[].text", "body[]", "product_count", "rows[].kind",
                       "rows[].stt", "rows[].name", "rows[].owner", "rows[].group", "rows[].note", "after[]"),
    check="letter", command="form", samples="forms",
))
register(Kind(
    "bien-ban", "Biên bản họp Hội đồng đánh giá, phân hạng (Mẫu 1.9 Nghị định 30)", CouncilMinutes,
    "ocop_docs.render.forms_context:council_minutes_context", "forms/bien-ban-hop-hoi-dong.docx",
    ("issuer_parent", "issuer_lines[]", "so_ky_hieu", "type_name", "title", "start", "location", "chair",
     "secretary", "attendance_head", "attendance[]", "absent[]", "guests[]", "content[]", "result_head",
     "rows[].stt", "rows[].name", "rows[].owner", "rows[].group", "rows[].sheets", "rows[].score",
     "rows[].stars", "rows[]._score:number", "rows[]._stars:number", "summary", "conclusions[]", "proposals[]",
     "notes[]", "end", "chair_name", "secretary_name", "recipients[]"),
    check="minutes", command="form", samples="forms",
))
