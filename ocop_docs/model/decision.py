"""Quyết định (ND30 Mẫu 1.2/1.3) of an OCOP round: council, recognition, and a decision issuing a plan.

A decision is a Document with a THẨM QUYỀN BAN HÀNH line (collective "ỦY BAN NHÂN DÂN …" or
individual "CHỦ TỊCH ỦY BAN NHÂN DÂN …", ND30-TPL-QD-02) and numbered articles (Điều). Each
kind builds its own first articles from structured data; the user may add articles after
them; the effect article and the executors' article close the decision, and "- Như Điều n;"
in Nơi nhận is computed to point at the executors' article (ND30-TPL-QD-03).

The rules that depend on the signing date (regime in force, who may recognise which stars,
the end of the district level, the agency names) are checked when a model is validated and
refused with a RuleViolation that cites the rule (ocop.md §1–3, §12).
"""
from __future__ import annotations

import re
import datetime
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, Literal, Self

from pydantic import Field, field_validator, model_validator

from ..errors import InvalidField, RuleViolation
from ..ocop import regimes
from ..ocop.legal_bases import basis_from_ref, check_bases, criteria_citation, propose
from ..ocop.regimes import LEVEL_NAMES, VALIDITY_MONTHS, star_for_score
from ..vi.dates import DRAFT_BLANK, ngay_thang_nam, short_date
from ..vi.fields import to_date
from ..vi.numbers import parse_number
from ..vi.text import fold, same_key
from .common import DocTypeName, Document, LegalBasis, Model, NonEmptyText, OptionalDate, Text
from .plan import Plan
from .product import Product
from .table import TableBlock

Authority = Literal["collective", "individual"]
DateStyle = Literal["long", "short"]

_NHU_DIEU = re.compile(r"^\s*-?\s*Như\s+Điều\s+(\d+)\s*[;.]?\s*$", re.I)


def lower_first(text: str) -> str:
    """The text with its first letter in lower case ("Triển khai …" → "triển khai …")."""
    return text[:1].lower() + text[1:] if text else text


def date_words(on: date | None, style: DateStyle = "long", year: int | None = None) -> str:
    """A date inside a sentence: "ngày 24 tháng 3 năm 2020" / "ngày 24/3/2020"; a draft keeps blanks."""
    if on is None:
        y = f"{year:04d}" if year else "20..."
        return f"ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm {y}"
    return ngay_thang_nam(on) if style == "long" else f"ngày {short_date(on)}"


def _must_be_decision(value: str) -> str:
    """The doc_type check every decision model shares: its type name is "Quyết định"."""
    if value != "Quyết định":
        raise ValueError(f"văn bản loại '{value}' không phải Quyết định")
    return value


class DecisionRef(Model):
    """An earlier decision named by number and date (the one a kiện toàn decision replaces)."""

    number: int = Field(ge=1, description="Số quyết định")
    symbol: NonEmptyText = Field("QĐ-UBND", description="Ký hiệu, ví dụ 'QĐ-UBND'")
    date: OptionalDate = Field(description="Ngày ký (YYYY-MM-DD hoặc DD/MM/YYYY)")
    issuer: NonEmptyText = Field(description="Người/cơ quan ban hành, ví dụ 'Chủ tịch UBND huyện Bến Cầu'")
    title: Text | None = Field(None, description="Trích yếu, ví dụ 'về việc kiện toàn Hội đồng …'")

    @field_validator("date")
    @classmethod
    def _required(cls, value: datetime.date | None) -> datetime.date:
        if value is None:
            raise ValueError("cần ngày ký của quyết định được viện dẫn")
        return value

    def citation(self, style: DateStyle = "short") -> str:
        """"Quyết định số 245/QĐ-UBND ngày 15/3/2023 của Chủ tịch UBND huyện Bến Cầu về việc …"."""
        text = f"Quyết định số {self.number:02d}/{self.symbol} {date_words(self.date, style)} của {self.issuer}"
        if self.title:
            text += f" {lower_first(self.title)}" if self.title.split()[0].lower() in ("về", "ban", "phê") else f" {self.title}"
        return text


class _TextOrFields(Model):
    """A part of a decision written either as fields or, when it is only text, as one string."""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value


class _ArticleBase(_TextOrFields):
    """What every Điều has: an optional bold title and the text after "Điều n.", then the field
    named by ``_rest`` (paragraphs, or khoản); one of the three must be there."""

    _rest: ClassVar[str]

    title: Text | None = Field(None, description="Tên điều (in đậm cùng dòng 'Điều n.'), ví dụ 'Nhiệm vụ của Hội đồng'")
    text: Text | None = Field(None, description="Nội dung ngay sau 'Điều n.' (cùng đoạn)")

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not (self.title or self.text or getattr(self, self._rest)):
            raise ValueError(f"điều khoản trống: cần 'title', 'text' hoặc '{self._rest}'")
        return self


class Article(_ArticleBase):
    """One Điều of a decision the engine composes: its further paragraphs printed as written
    ("1. …", "a) …", "- …"), so an officer's wording stays."""

    _rest: ClassVar[str] = "content"

    content: list[NonEmptyText] = Field(default_factory=list, description="Các đoạn tiếp theo (khoản, điểm)")


class NumberedArticle(Model):
    """An article with its number and role, as the decision prints it."""

    number: int
    article: Article
    role: Literal["own", "extra", "effect", "executors"]


class Decision(Document):
    """A Quyết định cá biệt (Mẫu 1.2) of a UBND or a Bộ: thẩm quyền, căn cứ, articles, executors."""

    form: ClassVar[str] = "1.2"
    kind: str
    doc_type: DocTypeName = Field("Quyết định", description="Luôn là 'Quyết định'")
    title: Text | None = Field(None, description="Trích yếu; để trống: phần mềm ghi theo loại quyết định")
    authority: Authority | None = Field(
        None,
        description="Thẩm quyền ban hành: 'collective' (ỦY BAN NHÂN DÂN …, ký TM.) hoặc 'individual' "
        "(CHỦ TỊCH ỦY BAN NHÂN DÂN …, không có TM.); mặc định suy ra từ phần chữ ký",
    )
    expected_date: OptionalDate = Field(
        None, description="Ngày dự kiến ký (bản dự thảo chưa có ngày): dùng để áp dụng quy định đúng thời điểm"
    )
    proposed_by: Text | None = Field(
        None, description="Dòng 'Theo đề nghị của …' (không ghi chữ 'Theo đề nghị của'), ví dụ 'Giám đốc Sở … tại Tờ trình số …'"
    )
    propose_bases: bool = Field(True, description="Khi không ghi 'legal_bases', tự đề xuất căn cứ từ danh mục văn bản")
    local_bases: list[LegalBasis] = Field(
        default_factory=list,
        description="Căn cứ của địa phương (kế hoạch, đề án của tỉnh…), ghi sau các căn cứ đề xuất hoặc sau 'legal_bases'",
    )
    extra_articles: list[Article] = Field(
        default_factory=list, description="Các điều thêm sau các điều chính, trước điều hiệu lực và điều thi hành"
    )
    effect: NonEmptyText = Field("Quyết định này có hiệu lực kể từ ngày ký", description="Câu hiệu lực")
    effect_article: bool = Field(
        True, description="true: hiệu lực là một Điều riêng; false: câu hiệu lực là đoạn cuối của Điều thi hành"
    )
    replaces: list[DecisionRef] = Field(default_factory=list, description="Các quyết định được thay thế")
    executors: list[NonEmptyText] = Field(min_length=1, description="Người, cơ quan chịu trách nhiệm thi hành")
    executors_closing: NonEmptyText = Field("chịu trách nhiệm thi hành Quyết định này", description="Cụm từ kết của Điều thi hành")
    reference_date_style: DateStyle = Field("short", description="Cách ghi ngày khi viện dẫn quyết định khác: short (15/3/2023) hoặc long")

    # ---- input shaping -------------------------------------------------------------------
    @model_validator(mode="before")
    @classmethod
    def _prepare(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)

        for key in ("legal_bases", "local_bases"):
            bases = data.get(key)
            if not isinstance(bases, list):
                continue
            data[key] = [
                basis_from_ref(b["ref"], b.get("verb", "Căn cứ"))
                if isinstance(b, dict) and b.get("ref") and not b.get("text")
                else b
                for b in bases
            ]
        if data.get("draft_year") is None and not data.get("date") and data.get("expected_date"):
            try:
                expected = to_date(data["expected_date"])
                if isinstance(expected, date):
                    data["draft_year"] = expected.year
            except ValueError:
                pass  # reported by the field validator
        return data

    _decision = field_validator("doc_type")(_must_be_decision)

    # ---- the date the rules are read at --------------------------------------------------
    @property
    def rules_date(self) -> datetime.date:
        """The signing date, or the expected one for a draft (ocop.md §1: rules by signing date)."""
        return self.date or self.expected_date  # validated: one of them exists

    @property
    def level(self) -> str:
        return self.issuer.level

    @property
    def effective_authority(self) -> Authority:
        if self.authority:
            return self.authority
        if self.signer is None:
            return "collective"
        return "collective" if self.signer.on_behalf_of else "individual"

    @property
    def head_title(self) -> str:
        """The head's title: "Chủ tịch" for a UBND, "Bộ trưởng" for a ministry (from the signer)."""
        if self.signer is None:
            raise ValueError("cần người ký ('signer') để ghi chức vụ người đứng đầu trong quyết định")
        title = self.signer.head_title if self.signer.authority in ("KT", "TL", "TUQ") else self.signer.title
        if not title:
            raise ValueError("cần chức vụ người ký ('signer.title') để ghi thẩm quyền ban hành")
        return title.strip()

    def authority_line(self) -> str:
        """The THẨM QUYỀN BAN HÀNH line, upper case (ND30-TPL-QD-01/02)."""
        name = self.issuer.name.upper()
        if self.effective_authority == "collective":
            return name
        return f"{self.head_title.upper()} {name}"

    def issued_by(self) -> str:
        """Who issued it, as cited after "của": "Ủy ban nhân dân tỉnh X" / "Chủ tịch Ủy ban nhân dân tỉnh X"."""
        if self.effective_authority == "collective":
            return self.issuer.name
        return f"{self.head_title[:1].upper()}{self.head_title[1:].lower()} {self.issuer.name}"

    # ---- validation ----------------------------------------------------------------------
    @model_validator(mode="after")
    def _decision_rules(self) -> "Decision":
        if self.date is None and self.expected_date is None:
            raise InvalidField(
                "bản dự thảo chưa có ngày ký: ghi 'expected_date' (ngày dự kiến ký) để áp dụng đúng quy định "
                "đang có hiệu lực", rule="OCOP-REGIME")
        self._check_authority()
        self._check_bases_order()
        self._check_recipients()
        self._apply_date_rules()
        return self

    def _check_authority(self) -> None:
        """ND30-TPL-QD-02 / SIGN-02: a collective thẩm quyền signs TM.; an individual one does not."""
        signer = self.signer
        if signer is None:
            if self.authority == "individual":
                raise ValueError("thẩm quyền ban hành là cá nhân: cần người ký ('signer') [ND30-TPL-QD-02]")
            return
        if self.authority == "collective" and not signer.on_behalf_of:
            raise InvalidField(
                f"thẩm quyền ban hành là tập thể ('{self.issuer.name.upper()}') nên chữ ký phải có "
                f"'TM. {_collective_name(self.issuer.name)}' (ghi signer.on_behalf_of)", ("signer",), "ND30-TPL-QD-02")
        if self.authority == "individual" and signer.on_behalf_of:
            raise InvalidField(
                f"thẩm quyền ban hành là cá nhân ('{self.head_title.upper()} {self.issuer.name.upper()}') nên chữ ký "
                f"không có 'TM. {signer.on_behalf_of.upper()}'", ("signer", "on_behalf_of"), "ND30-TPL-QD-02")
        if signer.on_behalf_of:
            collective = signer.on_behalf_of.upper()
            if not self.issuer.name.upper().startswith(collective):
                raise InvalidField(
                    f"chữ ký 'TM. {collective}' không khớp với cơ quan ban hành '{self.issuer.name}'",
                    ("signer", "on_behalf_of"), "ND30-SIGN-02")

    def effective_bases(self) -> list[LegalBasis]:
        """The căn cứ block as printed: ``legal_bases`` (or, when empty, the registry's proposal for
        the kind, level and date), then ``local_bases``, then "Theo đề nghị của …" (ND30-BODY-01)."""
        bases = list(self.legal_bases)
        if not bases and self.propose_bases:
            bases = [LegalBasis(verb=b.verb, text=b.text, ref=b.ref) for b in propose(self.kind, self.level, self.rules_date)]
        bases += list(self.local_bases)
        if self.proposed_by:
            bases.append(LegalBasis(verb="Theo đề nghị của", text=self.proposed_by))
        return bases

    def trich_yeu(self) -> str:
        """The trích yếu as printed: ``title``, or the kind's default wording."""
        return self.title or self.default_title()

    def default_title(self) -> str:
        raise ValueError("cần trích yếu ('title')")

    def _check_bases_order(self) -> None:
        """ND30-BODY-01: "Theo đề nghị của …" is the last line of the căn cứ block."""
        typed = list(self.legal_bases) + list(self.local_bases)
        if self.proposed_by and any(b.verb in ("Theo đề nghị của", "Xét đề nghị của") for b in typed):
            raise InvalidField("đã có dòng 'Theo đề nghị của …' trong căn cứ; bỏ 'proposed_by' hoặc bỏ dòng đó",
                               ("proposed_by",), "ND30-BODY-01")
        for i, basis in enumerate(self.effective_bases()[:-1]):
            if basis.verb in ("Theo đề nghị của", "Xét đề nghị của"):
                raise InvalidField(f"dòng '{basis.verb} …' phải là dòng cuối của phần căn cứ (đang ở dòng {i + 1})",
                                   rule="ND30-BODY-01")

    def _check_recipients(self) -> None:
        """ND30-TPL-QD-03: "Như Điều n" is computed; a typed one must point at the executors' article."""
        n = self.executors_article_number
        for i, item in enumerate(self.recipients):
            if m := _NHU_DIEU.match(item):
                if int(m.group(1)) != n:
                    raise InvalidField(
                        f"Nơi nhận ghi 'Như Điều {m.group(1)}' nhưng điều quy định trách nhiệm thi hành là Điều {n}; "
                        "bỏ dòng này, phần mềm tự ghi đúng số Điều", ("recipients", i), "ND30-TPL-QD-03")

    def _apply_date_rules(self) -> None:
        """The rules that depend on the signing date (ocop.md §1, §12): level, agency names, bases."""

        on = self.rules_date
        regimes.regime_on(on)
        regimes.check_level_exists(self.level, on)
        if self.level == "trung_uong":
            regimes.check_ministry_name(self.issuer.name, on)
        regimes.check_agency_names(self.current_texts(), on)
        check_bases(self.effective_bases(), on)

    def current_texts(self) -> list[tuple[str, str]]:
        """(where, text) of every text written in the present tense of the act (not citations)."""
        texts = [("issuer.name", self.issuer.name)] + ([("signer.title", self.signer.title)] if self.signer and self.signer.title else [])
        if self.proposed_by:
            texts.append(("proposed_by", self.proposed_by))
        texts += [(f"executors[{i}]", t) for i, t in enumerate(self.executors)]
        texts += [(f"recipients[{i}]", t) for i, t in enumerate(self.recipients)]
        for i, article in enumerate(self.extra_articles):
            for t in [article.title, article.text, *article.content]:
                if t:
                    texts.append((f"extra_articles[{i}]", t))
        return texts

    # ---- articles ------------------------------------------------------------------------
    def own_articles(self) -> list[Article]:
        """The articles that make this kind of decision (before extra, effect and executors)."""
        return []

    def effect_sentence(self) -> str:
        text = self.effect.rstrip(" .;")
        if self.replaces:
            cited = "; ".join(ref.citation(self.reference_date_style) for ref in self.replaces)
            text += f" và thay thế {cited}"
        return text + "."

    def executors_sentence(self) -> str:
        return f"{'; '.join(e.rstrip(' ;.') for e in self.executors)} {self.executors_closing.rstrip(' .')}."

    def articles(self) -> list[NumberedArticle]:
        """Every article, numbered, in order: own, extra, effect, executors (ND30-BODY-05)."""
        out: list[tuple[Article, str]] = [(a, "own") for a in self.own_articles()]
        out += [(a, "extra") for a in self.extra_articles]
        if self.effect_article:
            out.append((Article(text=self.effect_sentence()), "effect"))
            out.append((Article(text=self.executors_sentence()), "executors"))
        else:
            out.append((Article(text=self.executors_sentence(), content=[self.effect_sentence()]), "executors"))
        return [NumberedArticle(number=i, article=a, role=r) for i, (a, r) in enumerate(out, 1)]

    @property
    def executors_article_number(self) -> int:
        """The number n of "- Như Điều n;" (ND30-TPL-QD-03)."""
        count = len(self.own_articles()) + len(self.extra_articles)
        return count + (2 if self.effect_article else 1)

    def recipient_items(self) -> list[str]:
        """Nơi nhận without the Lưu line: "Như Điều n" first, then the user's list (ND30-RECIP-03)."""
        rest = [r for r in self.recipients if not _NHU_DIEU.match(r)]
        return [f"Như Điều {self.executors_article_number}"] + rest

    def reference(self, style: DateStyle = "long") -> str:
        """"Quyết định số 794/QĐ-UBND ngày 24 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Quảng Nam";
        a draft keeps blanks for the number and date (ND30-APPX-03)."""
        number = f"{self.number:02d}" if self.number else DRAFT_BLANK
        year = self.date.year if self.date else (self.draft_year or (self.expected_date.year if self.expected_date else None))
        return f"Quyết định số {number}/{self.effective_symbol} {date_words(self.date, style, year)} của {self.issued_by()}"

    def attachment_line(self, phrase: str = "Kèm theo", style: DateStyle = "long") -> str:
        """"(Kèm theo Quyết định số …/QĐ-UBND ngày … của …)" of an attached list or document (ND30-APPX-03)."""
        return f"({phrase} {self.reference(style)})"


def _collective_name(issuer_name: str) -> str:
    upper = issuer_name.upper()
    for head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN"):
        if upper.startswith(head):
            return head
    return upper


# ------------------------------------------------------------------------------------------
# Decision issuing a plan (Mẫu 1.3) with the plan attached in the same file (ND30-TPL-ATT-01)
# ------------------------------------------------------------------------------------------

AttachPhrase = Literal["Kèm theo", "Ban hành kèm theo"]


class PlanDecision(Decision):
    """A Quyết định ban hành (phê duyệt) Kế hoạch (Mẫu 1.3) with the Kế hoạch attached after it.

    ``plan`` is the existing Plan model; its issuer, place, date and signer are the decision's
    (an attached document has no Số and date of its own, ND30-TPL-ATT-01).
    """

    form: ClassVar[str] = "1.3"
    kind: Literal["quyet-dinh-ban-hanh-ke-hoach", "plan_decision"] = "quyet-dinh-ban-hanh-ke-hoach"
    verb: Literal["Ban hành", "Phê duyệt"] = Field("Ban hành", description="'Ban hành' hoặc 'Phê duyệt' (ND30-TITLE-04)")
    title: Text | None = Field(None, description="Trích yếu; mặc định '<verb> <Kế hoạch> <tên kế hoạch>'")
    issue_text: Text | None = Field(None, description="Nội dung Điều 1; mặc định '<verb> kèm theo Quyết định này Kế hoạch …'")
    plan: Plan = Field(description="Kế hoạch kèm theo (cùng cấu trúc với tệp kế hoạch: title, year, body, closing…)")
    attachment_phrase: AttachPhrase = Field("Kèm theo", description="'Kèm theo' (ND30) hoặc 'Ban hành kèm theo' (cách ghi cũ)")
    attachment_date_style: DateStyle = Field("long", description="Ngày trong dòng kèm theo: long (ngày 24 tháng 3 năm 2020) hoặc short (24/3/2020)")
    attachment_issuer: Text | None = Field(None, description="Phần 'của …' trong dòng kèm theo; mặc định theo thẩm quyền ban hành")

    @model_validator(mode="before")
    @classmethod
    def _plan_from_decision(cls, data: Any) -> Any:
        """The attached plan takes the decision's issuer, place, date and signer; default title."""
        if not isinstance(data, dict) or not isinstance(data.get("plan"), dict):
            return data
        data = dict(data)
        plan = dict(data["plan"])
        for key in ("issuer", "place", "signer", "date", "draft_year"):
            if key in data and key not in plan:
                plan[key] = data[key]
        plan.setdefault("number", None)
        plan.setdefault("legal_bases", [])
        plan.setdefault("recipients", [])
        data["plan"] = plan
        return data

    @field_validator("title")
    @classmethod
    def _title_13(cls, value: str | None) -> str | None:
        if value and not (value.startswith("Ban hành") or value.startswith("Phê duyệt")):
            raise InvalidField(
                "trích yếu quyết định ban hành văn bản khác phải bắt đầu bằng 'Ban hành' hoặc 'Phê duyệt'", rule="ND30-TITLE-04")
        return value

    def default_title(self) -> str:
        """"Ban hành Kế hoạch triển khai …" (ND30-TITLE-04, Mẫu 1.3)."""
        return f"{self.verb} {self.plan.doc_type} {lower_first(self.plan.title)}"

    def own_articles(self) -> list[Article]:
        text = self.issue_text or (
            f"{self.verb} kèm theo Quyết định này {self.plan.doc_type} {lower_first(self.plan.title)}."
        )
        return [Article(text=text)]

    def attachment_line(self, phrase: str | None = None, style: DateStyle | None = None) -> str:
        """"(Kèm theo Quyết định số …/QĐ-UBND ngày … của …)" (ND30-TPL-ATT-01, APPX-03)."""
        phrase = phrase or self.attachment_phrase
        ref = self.reference(style or self.attachment_date_style)
        if self.attachment_issuer:
            ref = ref.rsplit(" của ", 1)[0] + f" của {self.attachment_issuer}"
        return f"({phrase} {ref})"

    def current_texts(self) -> list[tuple[str, str]]:
        texts = super().current_texts()
        texts.append(("plan.title", self.plan.title))
        for i, task in enumerate(self.plan.tasks):
            texts += [(f"plan.tasks[{i}]", t) for t in [task.lead, *task.coordinating] if t]
        texts += [("plan.responsible_body", s.responsible_body) for s in self.plan.responsibilities]
        return texts


# ------------------------------------------------------------------------------------------
# Members of a council and of its advisory team (ocop.md §4, §10)
# ------------------------------------------------------------------------------------------

COUNCIL_ROLES = (
    "Chủ tịch Hội đồng", "Phó Chủ tịch Thường trực Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên Thường trực", "Ủy viên",
    "Ủy viên kiêm Thư ký",
)
TEAM_ROLES = ("Tổ trưởng", "Tổ phó", "Thành viên", "Thành viên kiêm Thư ký")
_COUNCIL_WORDS = {
    "chu tich": "Chủ tịch Hội đồng", "chu tich hoi dong": "Chủ tịch Hội đồng",
    "pho chu tich": "Phó Chủ tịch Hội đồng", "pho chu tich hoi dong": "Phó Chủ tịch Hội đồng",
    "pho chu tich thuong truc": "Phó Chủ tịch Thường trực Hội đồng",
    "pho chu tich thuong truc hoi dong": "Phó Chủ tịch Thường trực Hội đồng",
    "uy vien": "Ủy viên", "uy vien hoi dong": "Ủy viên", "thanh vien": "Ủy viên", "thanh vien hoi dong": "Ủy viên",
    "uy vien kiem thu ky": "Ủy viên kiêm Thư ký", "uy vien thu ky": "Ủy viên kiêm Thư ký",
    "uy vien thuong truc": "Ủy viên Thường trực",  # never folded into "Ủy viên": the decision says who is standing
    "thanh vien kiem thu ky": "Ủy viên kiêm Thư ký", "thanh vien thu ky": "Ủy viên kiêm Thư ký",
    "thu ky": "Ủy viên kiêm Thư ký", "thu ky hoi dong": "Ủy viên kiêm Thư ký", "uy vien kiem thu ky hoi dong": "Ủy viên kiêm Thư ký",
}
_TEAM_WORDS = {
    "to truong": "Tổ trưởng", "to pho": "Tổ phó", "thanh vien": "Thành viên", "to vien": "Thành viên", "uy vien": "Thành viên",
    "thanh vien kiem thu ky": "Thành viên kiêm Thư ký", "thu ky": "Thành viên kiêm Thư ký", "thu ky to": "Thành viên kiêm Thư ký",
    "to vien kiem thu ky": "Thành viên kiêm Thư ký", "pho to truong": "Tổ phó",
}


# Abbreviations clerks write in the role column ("Phó CT HĐ", "UV", "TV", "Thư ký HĐ").
_ROLE_ABBREVIATIONS = {"hd": "hoi dong", "hđ": "hoi dong", "ct": "chu tich", "pct": "pho chu tich", "uv": "uy vien",
                       "tv": "thanh vien", "tk": "thu ky", "tt": "thuong truc", "ttr": "to truong",
                       "cthd": "chu tich hoi dong", "pcthd": "pho chu tich hoi dong", "uvtt": "uy vien thuong truc"}


def _role_key(text: str) -> str:
    words = re.sub(r"[,;.:()\-–]", " ", fold(text, lower=True)).split()
    return " ".join(" ".join(_ROLE_ABBREVIATIONS.get(w, w) for w in words).split())


def _without_body(key: str, bodies: tuple[str, ...]) -> str:
    """"uy vien kiem thu ky hoi dong" → "uy vien kiem thu ky": the body named after the role adds nothing."""
    for body in bodies:
        if key.endswith(" " + body):
            return key[: -len(body) - 1]
    return key


_TEAM_BODIES = ("to tu van giup viec", "to giup viec", "to tu van", "to thu ky", "to cong tac", "to")


def council_role(text: str) -> str:
    """The canonical council role of what an officer wrote ("Uỷ viên, thư ký" → "Ủy viên kiêm Thư ký")."""
    key = _role_key(text)
    if key.startswith("to ") or key in ("to truong", "to pho") or any(key.endswith(" " + b) for b in _TEAM_BODIES[:-1]):
        raise ValueError(f"chức danh '{text}' là của Tổ giúp việc, không phải của Hội đồng")
    key = _without_body(key, ("hoi dong",))
    if key in _COUNCIL_WORDS:
        return _COUNCIL_WORDS[key]
    raise ValueError(f"chức danh trong Hội đồng '{text}' không hiểu được; dùng: {', '.join(COUNCIL_ROLES)}")


def team_role(text: str) -> str:
    """The canonical team role of what an officer wrote ("Tổ trưởng Tổ tư vấn" → "Tổ trưởng")."""
    key = _role_key(text)
    if "hoi dong" in key or key.startswith("chu tich") or key.startswith("pho chu tich"):
        raise ValueError(f"chức danh '{text}' là của Hội đồng, không phải của Tổ")
    for prefix in ("to truong", "to pho"):
        if key == prefix or key.startswith(prefix + " "):
            rest = _without_body(key, _TEAM_BODIES[:-1])[len(prefix):].strip()
            if rest and rest != "to":  # "Tổ phó thường trực": a word the team's roles cannot hold is not dropped
                raise ValueError(f"chức danh trong Tổ '{text}' không hiểu được; dùng: {', '.join(TEAM_ROLES)}")
            return _TEAM_WORDS[prefix]
    key = _without_body(key, _TEAM_BODIES)
    if key in _TEAM_WORDS:
        return _TEAM_WORDS[key]
    if key.startswith("thanh vien ") and "thu ky" not in key:
        return "Thành viên"
    raise ValueError(f"chức danh trong Tổ '{text}' không hiểu được; dùng: {', '.join(TEAM_ROLES)}")


def role_renamed(text: str, role: str) -> bool:
    """Whether the canonical ``role`` says more or other than what was written ("Thư ký" → "Ủy viên
    kiêm Thư ký", "Thành viên" → "Ủy viên"), not just the same words unabbreviated ("Phó CT HĐ")."""
    bodies = ("hoi dong",) + _TEAM_BODIES[:-1]
    return _without_body(_role_key(text), bodies) != _without_body(_role_key(role), bodies)


def _any_role(text: str) -> str:
    if text in COUNCIL_ROLES or text in TEAM_ROLES:
        return text
    for reader in (council_role, team_role):
        try:
            return reader(text)
        except ValueError:
            continue
    raise ValueError(f"chức danh '{text}' không hiểu được; Hội đồng: {', '.join(COUNCIL_ROLES)}; Tổ: {', '.join(TEAM_ROLES)}")


class Member(Model):
    """A member of a council or of its team: name, post, unit and role in the body."""

    row: int | None = Field(None, description="Số dòng trong bảng nguồn (để báo lỗi)")
    honorific: Literal["Ông", "Bà"] | None = Field(None, description="Ông hoặc Bà")
    name: NonEmptyText = Field(description="Họ và tên")
    position: Text = Field("", description="Chức vụ, ví dụ 'Phó Chủ tịch UBND huyện'")
    unit: Text = Field("", description="Đơn vị công tác (có thể để trống nếu chức vụ đã ghi đơn vị)")
    role: NonEmptyText = Field(description="Chức danh trong Hội đồng/Tổ: Chủ tịch Hội đồng, Phó Chủ tịch (Thường trực) Hội đồng, Ủy viên Thường trực, Ủy viên, Ủy viên kiêm Thư ký; Tổ trưởng, Tổ phó, Thành viên, Thành viên kiêm Thư ký")

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        return _any_role(value)

    @field_validator("honorific", mode="before")
    @classmethod
    def _honorific(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"ong": "Ông", "ông": "Ông", "ba": "Bà", "bà": "Bà"}.get(value.strip().lower(), value.strip())
        return value

    def person(self) -> str:
        """"Ông Nguyễn Văn A, Phó Chủ tịch UBND huyện" — who, and where they work."""
        who = f"{self.honorific} {self.name}" if self.honorific else self.name
        post = " ".join(p for p in (self.position.rstrip(" ,"), self.unit) if p)
        return f"{who}, {post}" if post else who

    def post(self) -> str:
        """The post and unit as one table cell: "Phó Chủ tịch UBND huyện"."""
        return " ".join(p for p in (self.position.rstrip(" ,"), self.unit) if p)


def _rank(role: str, order: tuple[str, ...]) -> int:
    return order.index(role) if role in order else len(order)


class Team(Model):
    """The advisory team of a council (Tổ tư vấn / Tổ giúp việc / Tổ thư ký — one label)."""

    label: NonEmptyText = Field("Tổ tư vấn", description="Tên gọi: 'Tổ tư vấn', 'Tổ giúp việc', 'Tổ tư vấn giúp việc', 'Tổ thư ký'")
    members: list[Member] = Field(default_factory=list, description="Thành viên của Tổ")
    members_file: Text | None = Field(None, description="Tệp Excel/CSV danh sách thành viên Tổ (đường dẫn tính từ tệp dữ liệu)")
    members_sheet: Text | None = Field(None, description="Tên trang tính trong tệp Excel")
    duties: list[NonEmptyText] | None = Field(None, description="Nhiệm vụ của Tổ; mặc định theo quy định hiện hành")

    @model_validator(mode="after")
    def _roles(self) -> "Team":
        if not self.members:
            raise ValueError(f"{self.label} chưa có thành viên (ghi 'members' hoặc 'members_file')")
        wrong = [(i, m) for i, m in enumerate(self.members) if m.role not in TEAM_ROLES]
        if wrong:
            i, m = wrong[0]
            raise InvalidField(f"{m.name}: chức danh '{m.role}' là của Hội đồng, không phải của {self.label}",
                               ("members", i, "role"))
        leads = [m for m in self.members if m.role == "Tổ trưởng"]
        if len(leads) != 1:
            raise InvalidField(f"{self.label} cần đúng một Tổ trưởng (đang có {len(leads)})", ("members",))
        _no_duplicates(self.members, self.label)
        self.__dict__["members"] = sorted(self.members, key=lambda m: _rank(m.role, TEAM_ROLES))
        return self

    @property
    def full_name(self) -> str:
        """"Tổ tư vấn Hội đồng" (the label with the body it serves)."""
        return self.label if "hội đồng" in self.label.lower() else f"{self.label} Hội đồng"


def _no_duplicates(members: list[Member], body: str) -> None:
    seen: dict[str, Member] = {}
    for m in members:
        key = same_key(m.name)  # exact: "Hùng" and "Hưng" are two people
        if key in seen:
            where = f" (dòng {seen[key].row} và {m.row})" if m.row else ""
            raise ValueError(f"{body}: '{m.name}' có tên hai lần{where}")
        seen[key] = m


_LOCAL_HEADS = {"huyen": "huyện", "tinh": "tỉnh"}


def _area_of(issuer_name: str) -> str:
    """"Ủy ban nhân dân huyện Bến Cầu" → "huyện Bến Cầu"."""
    for head in ("Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "):
        if issuer_name.startswith(head):
            return issuer_name[len(head):]
    return ""


def _n(count: int) -> str:
    """A count as decisions write it: two digits below 10 ("05 sản phẩm")."""
    return f"{count:02d}"


class CouncilDecision(Decision):
    """Quyết định thành lập / kiện toàn Hội đồng đánh giá, phân hạng sản phẩm OCOP (+ its team).

    Levels: huyện (until 30/06/2025), tỉnh, trung ương (ocop.md §4.2). Members inline or in an
    attached list; from YAML or from an Excel sheet (``members_file``).
    """

    kind: Literal["quyet-dinh-hoi-dong", "council_decision"] = "quyet-dinh-hoi-dong"
    action: Literal["thành lập", "kiện toàn"] = Field("thành lập", description="'thành lập' hoặc 'kiện toàn' (kiện toàn ghi 'replaces')")
    title: Text | None = Field(None, description="Trích yếu; mặc định 'Về việc <action> Hội đồng … [và Tổ …]'")
    area: Text | None = Field(None, description="Địa bàn, ví dụ 'huyện Bến Cầu'; mặc định lấy từ tên cơ quan ban hành")
    year: int | None = Field(None, ge=2018, le=2100, description="Năm ghi trong tên Hội đồng (nếu Hội đồng lập cho một năm)")
    council_name: Text | None = Field(None, description="Tên Hội đồng; mặc định 'Hội đồng đánh giá, phân hạng sản phẩm OCOP <địa bàn>'")
    members: list[Member] = Field(default_factory=list, description="Thành viên Hội đồng")
    members_file: Text | None = Field(None, description="Tệp Excel/CSV danh sách thành viên Hội đồng (đường dẫn tính từ tệp dữ liệu)")
    members_sheet: Text | None = Field(None, description="Tên trang tính trong tệp Excel")
    members_layout: Literal["inline", "attached"] = Field("inline", description="inline: ghi trong Điều 1; attached: Danh sách kèm theo")
    team: Team | None = Field(None, description="Tổ tư vấn/Tổ giúp việc của Hội đồng")
    duties: list[NonEmptyText] | None = Field(None, description="Nhiệm vụ của Hội đồng; mặc định theo quy định đang có hiệu lực")
    standing_body: Text | None = Field(None, description="Cơ quan thường trực của Hội đồng, ví dụ 'Phòng Nông nghiệp và Phát triển nông thôn huyện'")
    standing_body_duties: Text = Field(
        "tham mưu, giúp Hội đồng tổ chức các phiên họp; chuẩn bị hồ sơ, tài liệu và các điều kiện phục vụ hoạt động của Hội đồng",
        description="Nhiệm vụ của cơ quan thường trực",
    )
    working_mode: Text | None = Field(None, description="Chế độ làm việc; mặc định 'làm việc theo chế độ kiêm nhiệm'")
    funding: Text | None = Field(None, description="Kinh phí hoạt động; mặc định từ kinh phí thực hiện Chương trình OCOP")

    @model_validator(mode="after")
    def _council(self) -> "CouncilDecision":
        if self.level not in ("huyen", "tinh", "trung_uong"):
            raise RuleViolation(
                "OCOP-COUNCIL",
                f"Hội đồng đánh giá, phân hạng sản phẩm OCOP chỉ có ở cấp huyện (đến 30/06/2025), cấp tỉnh và cấp trung ương; "
                f"cơ quan ban hành cấp '{LEVEL_NAMES.get(self.level, self.level)}' không thành lập Hội đồng",
            )
        if not self.members:
            raise ValueError("Hội đồng chưa có thành viên (ghi 'members' hoặc 'members_file')")
        wrong = [(i, m) for i, m in enumerate(self.members) if m.role not in COUNCIL_ROLES]
        if wrong:
            i, m = wrong[0]
            raise InvalidField(f"{m.name}: chức danh '{m.role}' là của Tổ, không phải của Hội đồng", ("members", i, "role"))
        chairs = [m for m in self.members if m.role == "Chủ tịch Hội đồng"]
        if len(chairs) != 1:
            raise InvalidField(f"Hội đồng cần đúng một Chủ tịch Hội đồng (đang có {len(chairs)})", ("members",))
        _no_duplicates(self.members, "Hội đồng")
        self.__dict__["members"] = sorted(self.members, key=lambda m: _rank(m.role, COUNCIL_ROLES))
        if self.action == "kiện toàn" and not self.replaces:
            raise ValueError("quyết định kiện toàn phải ghi quyết định được thay thế ('replaces': số, ngày, người ban hành)")
        for i, ref in enumerate(self.replaces):
            if ref.date and ref.date >= self.rules_date:
                raise InvalidField(
                    f"quyết định được thay thế số {ref.number}/{ref.symbol} ngày {short_date(ref.date)} không trước ngày ký "
                    f"({short_date(self.rules_date)})", ("replaces", i, "date"))
        return self

    @property
    def area_name(self) -> str:
        return self.area if self.area is not None else _area_of(self.issuer.name)

    @property
    def name(self) -> str:
        """The council's name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Bến Cầu [năm 2024]"."""
        if self.council_name:
            return self.council_name
        where = self.area_name or LEVEL_NAMES.get(self.level, "")
        text = f"Hội đồng đánh giá, phân hạng sản phẩm OCOP {where}".strip()
        return f"{text} năm {self.year}" if self.year else text

    def default_title(self) -> str:
        title = f"Về việc {self.action} {self.name}"
        if self.team:
            title += f" và {self.team.full_name}"
        return title

    def current_texts(self) -> list[tuple[str, str]]:
        texts = super().current_texts()
        groups = [("members", self.members)] + ([("team.members", self.team.members)] if self.team else [])
        for where, members in groups:
            texts += [(f"{where}[{i}]", m.person()) for i, m in enumerate(members)]
        for where, value in (("standing_body", self.standing_body), ("funding", self.funding), ("working_mode", self.working_mode)):
            if value:
                texts.append((where, value))
        for i, duty in enumerate(self.duties or []):
            texts.append((f"duties[{i}]", duty))
        return texts

    # ---- wording by regime -----------------------------------------------------------------
    def default_duties(self) -> list[str]:
        """The council's duties under the regime in force (ocop.md §3, §4.4; QĐ 26/2026 Điều 7.3)."""

        on = self.rules_date
        regime = regimes.regime_on(on)
        area = self.area_name or "cả nước"
        criteria = criteria_citation(on)
        head = self.head_title.lower() if self.effective_authority == "individual" else "Chủ tịch"
        approver = f"{head[:1].upper()}{head[1:]} {self.issuer.name}"
        duties = [
            f"Xây dựng Quy chế hoạt động của Hội đồng, trình {approver} ban hành.",
            f"Tổ chức đánh giá, phân hạng các sản phẩm tham gia Chương trình OCOP trên địa bàn {area} theo Bộ tiêu chí "
            f"và quy trình ban hành kèm theo {criteria}.",
        ]
        stars = sorted(regime.recognises.get(self.level, ()))
        report = "Báo cáo kết quả đánh giá, phân hạng"
        if stars:
            report += f"; đề nghị {approver} công nhận sản phẩm đạt hạng {', '.join(f'{s} sao' for s in stars)}"
        threshold = regimes.forward_threshold(self.level, on)
        if threshold is not None:
            to = "Hội đồng cấp tỉnh" if self.level == "huyen" else f"{regimes.ministry_name(on)}"
            report += f"; lựa chọn sản phẩm đạt từ {threshold} điểm trở lên đề nghị {to} đánh giá, phân hạng"
            if self.level == "tinh":
                report += " sản phẩm 5 sao"
        duties.append(report + ".")
        duties.append("Chịu trách nhiệm về kết quả đánh giá, phân hạng sản phẩm.")
        return duties

    def default_team_duties(self) -> list[str]:
        """The team's duties (QĐ 26/2026 Điều 7.3.c; ocop.md §4.4)."""
        return [
            "Tiếp nhận, kiểm tra, đánh giá hồ sơ sản phẩm theo Quy chế hoạt động của Hội đồng; đề xuất bổ sung hồ sơ (nếu cần).",
            "Tổ chức khảo sát thực tế tại cơ sở sản xuất, kinh doanh về việc thực hiện các quy định theo Bộ tiêu chí; "
            "đề nghị bổ sung kết quả kiểm nghiệm chất lượng sản phẩm (nếu cần).",
            "Xây dựng báo cáo đánh giá gửi Chủ tịch Hội đồng; giúp Hội đồng tổng hợp kết quả đánh giá, phân hạng sản phẩm.",
        ]

    def default_funding(self) -> str:
        who = f"Hội đồng và {self.team.label}" if self.team else "Hội đồng"
        where = f" của {self.area_name}" if self.area_name else ""
        return f"Kinh phí hoạt động của {who} được bố trí từ nguồn kinh phí thực hiện Chương trình OCOP{where} theo quy định hiện hành."

    # ---- articles --------------------------------------------------------------------------
    @staticmethod
    def member_line(member: Member) -> str:
        """"Chủ tịch Hội đồng: Ông Nguyễn Văn A, Phó Chủ tịch UBND huyện"."""
        return f"{member.role}: {member.person()}"

    def own_articles(self) -> list[Article]:
        team = self.team
        attached = self.members_layout == "attached"
        action = self.action[:1].upper() + self.action[1:]
        first: Article
        if team is None:
            if attached:
                first = Article(text=f"{action} {self.name} (sau đây gọi tắt là Hội đồng), gồm các thành viên có tên tại "
                                     "Danh sách kèm theo Quyết định này.")
            else:
                first = Article(text=f"{action} {self.name} (sau đây gọi tắt là Hội đồng), gồm các thành viên sau:",
                                content=_numbered_lines([self.member_line(m) for m in self.members]))
        else:
            label_short = team.label
            if attached:
                first = Article(
                    text=f"{action} {self.name} (sau đây gọi tắt là Hội đồng) và {team.full_name} (sau đây gọi tắt là "
                         f"{label_short}), gồm các thành viên có tên tại Danh sách kèm theo Quyết định này."
                )
            else:
                content = [f"1. {self.name} (sau đây gọi tắt là Hội đồng), gồm:"]
                content += _dash_lines([self.member_line(m) for m in self.members])
                content += [f"2. {team.full_name} (sau đây gọi tắt là {label_short}), gồm:"]
                content += _dash_lines([f"{m.role}: {m.person()}" for m in team.members])
                first = Article(text=f"{action} {self.name} và {team.full_name}, cụ thể như sau:", content=content)
        duties = self.duties or self.default_duties()
        content = ["1. Nhiệm vụ của Hội đồng:"] + _dash_lines(duties)
        k = 2
        if team:
            content += [f"{k}. Nhiệm vụ của {team.label}:"] + _dash_lines(team.duties or self.default_team_duties())
            k += 1
        if self.standing_body:
            content.append(f"{k}. {self.standing_body} là cơ quan thường trực của Hội đồng, có trách nhiệm {self.standing_body_duties.rstrip('.')}.")
            k += 1
        who = f"Hội đồng và {team.label}" if team else "Hội đồng"
        mode = self.working_mode or f"Các thành viên {who} làm việc theo chế độ kiêm nhiệm."
        content.append(f"{k}. {mode.rstrip('.')}.")
        k += 1
        content.append(f"{k}. {(self.funding or self.default_funding()).rstrip('.')}.")
        second = Article(title="Nhiệm vụ, quyền hạn", content=content)
        return [first, second]


def _dash_lines(items: list[str]) -> list[str]:
    """"- A;" … "- Z." (a list inside a khoản)."""
    out = []
    for i, item in enumerate(items):
        end = "." if i == len(items) - 1 else ";"
        out.append(f"- {item.rstrip(' .;')}{end}")
    return out


def _numbered_lines(items: list[str]) -> list[str]:
    """"1. A;" … "n. Z."."""
    out = []
    for i, item in enumerate(items):
        end = "." if i == len(items) - 1 else ";"
        out.append(f"{i + 1}. {item.rstrip(' .;')}{end}")
    return out


# ------------------------------------------------------------------------------------------
# Recognition of the results of a round (ocop.md §9)
# ------------------------------------------------------------------------------------------

ListColumn = Literal["stt", "name", "owner", "address", "group", "score", "stars", "code", "form", "note"]
COLUMN_HEADERS = {
    "stt": "STT", "name": "Tên sản phẩm", "owner": "Chủ thể", "address": "Địa chỉ", "group": "Nhóm/Bộ sản phẩm",
    "score": "Điểm", "stars": "Hạng sao", "code": "Mã số sản phẩm", "form": "Hình thức", "note": "Ghi chú",
}


class RecognitionDecision(Decision):
    """Quyết định công nhận (phê duyệt) kết quả đánh giá, phân hạng sản phẩm OCOP, with the list attached.

    Title: "Về việc {công nhận | phê duyệt} kết quả đánh giá, phân hạng [và cấp Giấy chứng nhận]
    sản phẩm OCOP [cấp huyện/tỉnh] [đợt n] năm N" (ocop.md §9.1). The products come from YAML
    or from the products table (``products_file``, read by ``io.tables.read_products``).
    """

    kind: Literal["quyet-dinh-cong-nhan", "recognition_decision"] = "quyet-dinh-cong-nhan"
    verb: Literal["công nhận", "phê duyệt"] = Field("công nhận", description="'công nhận' hoặc 'phê duyệt'")
    with_certificate: bool = Field(True, description="Có 'và cấp Giấy chứng nhận'")
    show_level: bool = Field(True, description="Ghi 'cấp huyện'/'cấp tỉnh' trong trích yếu")
    round: int | None = Field(None, ge=1, le=12, description="Đợt đánh giá (đợt 1, đợt 2…)")
    year: int = Field(ge=2018, le=2100, description="Năm đánh giá")
    title: Text | None = Field(None, description="Trích yếu; mặc định theo các trường trên")
    products: list[Product] = Field(default_factory=list, description="Danh sách sản phẩm được công nhận")
    products_file: Text | None = Field(None, description="Bảng sản phẩm (.xlsx/.csv, tiêu đề tiếng Việt), đường dẫn tính từ tệp dữ liệu")
    standing_body: Text | None = Field(None, description="Cơ quan được giao thông báo, trao Giấy chứng nhận, theo dõi; mặc định theo cấp và ngày")
    communes: Text | None = Field(None, description="Các địa phương có sản phẩm (Điều giao nhiệm vụ); mặc định theo cấp và ngày")
    list_title: Text | None = Field(None, description="Tên danh sách kèm theo (in hoa)")
    columns: list[ListColumn] | None = Field(None, description="Các cột của danh sách; mặc định các cột có dữ liệu")

    @model_validator(mode="before")
    @classmethod
    def _shape(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        # The rows of products_file are put in 'products' by io/datafiles.py before validation.
        if isinstance(data.get("products"), list):
            # Scores typed as officers write them ("72,5") read like the products table does.
            def score(item: Any) -> Any:
                if isinstance(item, dict) and isinstance(item.get("score"), str) and item["score"].strip():
                    try:
                        return dict(item, score=parse_number(item["score"]))
                    except ValueError:
                        return item  # reported by the Product model
                return item

            data["products"] = [score(p) for p in data["products"]]
        return data

    @model_validator(mode="after")
    def _recognition(self) -> "RecognitionDecision":
        if not self.products:
            raise ValueError("danh sách sản phẩm trống (ghi 'products' hoặc 'products_file')")
        on = self.rules_date
        source = f" của tệp {Path(self.products_file).name}" if self.products_file else ""
        violations: list[tuple[str, str]] = []
        products = []
        seen: dict[str, int] = {}
        for i, product in enumerate(self.products):
            where = f"dòng {product.row}{source}" if product.row else f"products[{i}]"
            label = f"{where}: '{product.name}' ({product.owner})"
            if product.key in seen:
                raise InvalidField(f"{where}: sản phẩm '{product.name}' của '{product.owner}' có hai lần trong danh sách",
                                   ("products", i) if not product.row else ("products_file",))
            seen[product.key] = i
            try:
                stars = regimes.recognise(self.level, on, score=product.score, stars=product.stars,
                                          evaluated_on=product.evaluated_on)
            except RuleViolation as exc:
                shown = product.stars
                if shown is None and product.score is not None and 0 <= product.score <= 100:
                    shown = regimes.star_for_score(product.score)
                violations.append((exc.rule, f"{label}{f', {shown} sao' if shown else ''}: {exc.message}"))
                continue
            product = product.model_copy(update={"stars": stars})
            products.append(product)
        if violations:
            rule = violations[0][0]
            raise RuleViolation(rule, "không thể công nhận:\n  " + "\n  ".join(text for _, text in violations))
        # The list goes from the highest star down; order within a star is the table's (ocop.md §9.4).
        products = sorted(products, key=lambda p: -p.stars)
        self.__dict__["products"] = products
        return self

    def current_texts(self) -> list[tuple[str, str]]:
        texts = super().current_texts()
        for where, value in (("standing_body", self.standing_body), ("communes", self.communes)):
            if value:
                texts.append((where, value))
        return texts

    # ---- wording ---------------------------------------------------------------------------
    def _scope(self) -> str:
        """"sản phẩm OCOP cấp tỉnh đợt 1 năm 2026"."""
        text = "sản phẩm OCOP"
        if self.show_level and self.level in LEVEL_NAMES:
            text += f" {LEVEL_NAMES[self.level]}"
        if self.round:
            text += f" đợt {self.round}"
        return f"{text} năm {self.year}"

    def default_title(self) -> str:
        cert = " và cấp Giấy chứng nhận" if self.with_certificate else ""
        return f"Về việc {self.verb} kết quả đánh giá, phân hạng{cert} {self._scope()}"

    def star_counts(self) -> list[tuple[int, int]]:
        """(stars, count) from the highest star down."""

        counts: dict[int, int] = {}
        for p in self.products:
            # Stars are derived from the score after the base validators have run.
            stars = p.stars if p.stars is not None else (star_for_score(p.score) if p.score is not None else 0)
            counts[stars] = counts.get(stars, 0) + 1
        return sorted(counts.items(), reverse=True)

    def default_standing_body(self) -> str:
        return regimes.standing_body(self.level, self.rules_date)

    def default_communes(self) -> str:
        if self.level == "huyen":
            return "Ủy ban nhân dân các xã, thị trấn"
        if self.level == "trung_uong":
            return "Ủy ban nhân dân các tỉnh, thành phố có sản phẩm được công nhận"
        if self.rules_date > regimes.LAST_DISTRICT_DAY:
            return "Ủy ban nhân dân các xã, phường, đặc khu"
        return "Ủy ban nhân dân các huyện, thị xã, thành phố"

    def columns_used(self) -> list[str]:
        """The columns of the attached list: the chosen ones, or every column that has data."""
        if self.columns:
            return list(self.columns)
        cols = ["stt", "name", "owner", "address"]
        for col in ("group", "score"):
            if any(getattr(p, col) not in (None, "") for p in self.products):
                cols.append(col)
        cols.append("stars")
        for col in ("code", "form"):
            if any(getattr(p, col) not in (None, "") for p in self.products):
                cols.append(col)
        return cols

    def default_list_title(self) -> str:
        return self._scope().upper().replace("SẢN PHẨM OCOP", "SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN", 1)

    def own_articles(self) -> list[Article]:
        total = len(self.products)
        counts = "; ".join(f"{_n(c)} sản phẩm đạt hạng {s} sao" for s, c in self.star_counts())
        cert = " và cấp Giấy chứng nhận" if self.with_certificate else ""
        verb = self.verb[:1].upper() + self.verb[1:]
        first = Article(
            text=f"{verb} kết quả đánh giá, phân hạng{cert} cho {_n(total)} sản phẩm đạt tiêu chuẩn {self._scope()}, "
                 f"gồm: {counts} (có Danh sách kèm theo)."
        )
        validity = (
            f"Giấy chứng nhận sản phẩm OCOP có giá trị trong thời hạn {VALIDITY_MONTHS} tháng kể từ ngày ký Quyết định này."
            if self.with_certificate
            else f"Kết quả công nhận có giá trị trong thời hạn {VALIDITY_MONTHS} tháng kể từ ngày ký Quyết định này."
        )
        second = Article(
            text="Các chủ thể có sản phẩm được công nhận tại Điều 1 được sử dụng biểu trưng OCOP và thể hiện hạng sao "
                 "được công nhận trên bao bì, nhãn sản phẩm theo quy định; có trách nhiệm duy trì, nâng cao chất lượng "
                 "sản phẩm và bảo đảm các tiêu chí đã được đánh giá.",
            content=[validity],
        )
        body = self.standing_body or self.default_standing_body()
        give = "trao Giấy chứng nhận cho các chủ thể; " if self.with_certificate else ""
        third = Article(
            text=f"Giao {body} chủ trì, phối hợp với các cơ quan, đơn vị liên quan thông báo kết quả, {give}hướng dẫn "
                 "các chủ thể sử dụng biểu trưng OCOP và hạng sao trên bao bì, nhãn sản phẩm; theo dõi, kiểm tra, giám sát "
                 "việc duy trì chất lượng sản phẩm sau khi được công nhận; đề xuất thu hồi kết quả công nhận đối với sản "
                 "phẩm vi phạm theo quy định.",
            content=[
                f"{self.communes or self.default_communes()} có sản phẩm được công nhận phối hợp hướng dẫn, hỗ trợ các "
                "chủ thể duy trì, nâng cao chất lượng sản phẩm; tuyên truyền, quảng bá, xúc tiến thương mại sản phẩm OCOP "
                "trên địa bàn."
            ],
        )
        return [first, second, third]


# ------------------------------------------------------------------------------------------
# Any other decision, as printed: thẩm quyền, căn cứ, articles with khoản and điểm (Mẫu 1.2)
# ------------------------------------------------------------------------------------------


class Point(Model):
    """An điểm of a khoản: "a) …", with its own list lines ("- …")."""

    label: NonEmptyText = Field(description="Nhãn điểm như in, ví dụ 'a)'")
    text: Text = Field("", description="Nội dung điểm")
    content: list[NonEmptyText] = Field(default_factory=list, description="Các dòng tiếp theo của điểm ('- …')")


class Clause(_TextOrFields):
    """A khoản of an article ("1. …"), or a paragraph of it without a number (``label`` empty)."""

    label: Text | None = Field(None, description="Nhãn khoản như in, ví dụ '1.'; trống với đoạn không đánh số")
    text: Text = Field("", description="Nội dung khoản")
    content: list[NonEmptyText] = Field(default_factory=list, description="Các dòng tiếp theo ('- …', '+ …')")
    points: list[Point] = Field(default_factory=list, description="Các điểm a), b)…")


class DecisionArticle(_ArticleBase):
    """One Điều of a general decision (kept as printed): its khoản after the title or opening text."""

    _rest: ClassVar[str] = "clauses"

    clauses: list[Clause] = Field(default_factory=list, description="Các khoản và đoạn của điều")


DecisionSubject = Literal["phê duyệt", "ban hành quy chế", "ban hành kế hoạch", "hội đồng", "công nhận", "khác"]


def decision_subject(title: str | None, first_article: str | None) -> DecisionSubject:
    """What a decision does, from its trích yếu, or from its Điều 1 when a copy lost the trích yếu."""
    from ..vi.text import fold

    text = fold(title or first_article or "", lower=True)
    # What a document cited in the trích yếu does is not what this one does: "Điều chỉnh … tại Quyết
    # định số 1633/QĐ-UBND … về việc phê duyệt Đề án" amends, it approves nothing.
    text = re.split(r"\b(?:quyet dinh|ke hoach|nghi quyet|thong tu|nghi dinh|van ban)\s+so\b", text)[0]
    text = re.sub(r"^\s*(?:ve viec|v/v)\s+", "", text)
    if re.match(r"(?:dieu chinh|sua doi|bo sung|bai bo|thu hoi|huy bo|gia han|dinh chinh)\b", text):
        return "khác"
    if re.search(r"\b(thanh lap|kien toan|cung co)\b.{0,40}\b(hoi dong|to tu van|to giup viec|ban chi dao)\b", text):
        return "hội đồng"
    # "Phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP" and "Phân hạng và cấp giấy chứng nhận sản
    # phẩm OCOP" are the recognition decision under other verbs.
    if re.search(r"\bcong nhan\b|\bket qua danh gia,?\s+(?:va\s+)?phan hang\b"
                 r"|^(?:quyet dinh\s+)?phan hang\b|\bcap giay chung nhan\b.{0,40}\bocop\b", text):
        return "công nhận"
    if re.search(r"\bban hanh\b.{0,40}\b(quy che|quy dinh|quy trinh)\b", text):
        return "ban hành quy chế"
    if re.search(r"\bban hanh\b.{0,40}\b(ke hoach|chuong trinh)\b", text):
        return "ban hành kế hoạch"
    if re.search(r"\bphe duyet\b", text):
        return "phê duyệt"
    return "khác"


class GeneralDecision(Document):
    """Any Quyết định cá biệt (Mẫu 1.2) kept as printed: the parser's model for a decision that is
    none of the OCOP kinds above (phê duyệt đề án, quy chế, giao chỉ tiêu…).

    Nothing is composed from data: the thẩm quyền line, the căn cứ, "Theo đề nghị …", every
    article with its khoản and điểm, and the parts attached after the signature are printed as
    written. ``render`` lays them out in ND30 form; ``rollforward`` carries them to a new date.
    """

    form: ClassVar[str] = "1.2"
    kind: Literal["quyet-dinh", "decision"] = "quyet-dinh"
    doc_type: DocTypeName = Field("Quyết định", description="Luôn là 'Quyết định'")
    title: Text | None = Field(None, description="Trích yếu; trống khi bản sao không giữ trích yếu (cần bổ sung trước khi ban hành)")
    authority: Text | None = Field(
        None, description="Dòng thẩm quyền ban hành như in, ví dụ 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN BẾN CẦU'; "
        "trống khi bản sao không giữ dòng này (không in; cần bổ sung trước khi ban hành)"
    )
    subject: DecisionSubject | None = Field(
        None, description="Quyết định này làm gì (đọc từ trích yếu và Điều 1): phê duyệt, ban hành quy chế, "
        "ban hành kế hoạch, hội đồng, công nhận, khác"
    )
    proposed_by: Text | None = Field(None, description="Dòng 'Theo đề nghị của …' (không ghi chữ 'Theo đề nghị của')")
    preamble: list[NonEmptyText] = Field(default_factory=list, description="Các đoạn khác trước 'QUYẾT ĐỊNH:'")
    articles: list[DecisionArticle] = Field(
        default_factory=list, description="Các điều, theo thứ tự (trống khi bản sao bị cắt trước Điều 1)"
    )
    attached: list[NonEmptyText | TableBlock] = Field(
        default_factory=list, description="Phần ban hành kèm theo (quy chế, danh sách…), in sau chữ ký, trên trang mới: "
        "các đoạn văn, và các bảng (khối 'table')"
    )

    _decision = field_validator("doc_type")(_must_be_decision)

    @property
    def year(self) -> int | None:
        """The year of its date line (the signing year, or the draft's year)."""
        return self.date.year if self.date else self.draft_year

    end_year: ClassVar[None] = None

    def authority_line(self) -> str:
        """The THẨM QUYỀN BAN HÀNH line (ND30-TPL-QD-01/02) as printed; empty when the copy lost it
        (guessing it from the issuer would be wrong for a Chủ tịch's decision)."""
        return (self.authority or "").upper()

    def effective_bases(self) -> list[LegalBasis]:
        bases = list(self.legal_bases)
        if self.proposed_by:
            bases.append(LegalBasis(verb="Theo đề nghị của", text=self.proposed_by))
        return bases

    def texts(self) -> list[tuple[str, str]]:
        """(where, text) of every text of the decision a reader may need to revise, in order."""
        out = [("Trích yếu", self.title)] if self.title else []
        out += [(f"Đoạn mở đầu {i + 1}", t) for i, t in enumerate(self.preamble)]
        for n, article in enumerate(self.articles, 1):
            where = f"Điều {n}"
            out += [(where, t) for t in (article.title, article.text) if t]
            for clause in article.clauses:
                here = f"{where}, khoản {clause.label.rstrip('.')}" if clause.label else where
                out += [(here, clause.text)] if clause.text else []
                out += [(here, t) for t in clause.content]
                for point in clause.points:
                    out += [(f"{here}, điểm {point.label.rstrip(').')}", t) for t in [point.text, *point.content] if t]
        return out
