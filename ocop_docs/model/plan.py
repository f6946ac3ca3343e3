"""The yearly OCOP plan (Kế hoạch): a section tree of prose with structured parts inside.

Real plans are mostly prose, so the body is a tree of sections whose content is an
ordered list of blocks: paragraphs (carried word for word), and the structured parts the
engine understands — numeric targets, tasks (lead body, coordinating bodies, deadline,
expected result) and budgets. A section can name the body whose responsibilities it
lists. Render order is the order of the blocks, so nothing is moved or lost.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from ..errors import InvalidField
from ..nd30.doctypes import doc_type
from ..vi.numbers import format_number, parse_number
from .common import DocTypeName, Document, Model, NonEmptyText, Text
from .deadline import Deadline
from .table import Table, TableBlock, TotalRow

ParagraphStyle = Literal["body", "dash", "plus"]


class Footnote(Model):
    """A footnote of a paragraph: its text, and the words after which its mark stands."""

    text: NonEmptyText = Field(description="Nội dung chú thích cuối trang")
    after: Text | None = Field(None, description="Những chữ ngay trước dấu chú thích; để trống: cuối đoạn")


class Paragraph(Model):
    """A paragraph of prose. ``dash`` and ``plus`` are the "- " and "+ " list levels."""

    text: NonEmptyText = Field(description="Nội dung đoạn văn")
    style: ParagraphStyle = Field("body", description="body (đoạn thường), dash (gạch đầu dòng -), plus (dấu +)")
    numbered: bool = Field(
        False, description="Đoạn văn có số thứ tự (khoản không có tiêu đề, in thường), đánh số cùng các mục cùng cấp"
    )
    footnotes: list[Footnote] = Field(default_factory=list, description="Chú thích cuối trang của đoạn")

    @model_validator(mode="after")
    def _anchors_exist(self) -> "Paragraph":
        for note in self.footnotes:
            if note.after and note.after not in self.text:
                raise ValueError(f"không tìm thấy '{note.after}' trong đoạn để đặt chú thích")
        return self


class Target(Model):
    """A numeric target (mục tiêu cụ thể): the sentence as written and its number."""

    text: NonEmptyText = Field(description="Câu chỉ tiêu như in trong văn bản")
    value: Decimal | None = Field(None, ge=0, description="Con số của chỉ tiêu, ví dụ 1 cho '01 sản phẩm'")
    unit: Text | None = Field(None, description="Đơn vị của chỉ tiêu, ví dụ 'sản phẩm'")
    style: ParagraphStyle = Field("body", description="body (đoạn thường), dash (gạch đầu dòng -), plus (dấu +)")

    @model_validator(mode="after")
    def _value_is_in_text(self) -> "Target":
        if self.value is not None:
            numbers = {Decimal(n.replace(".", "").replace(",", ".")) for n in re.findall(r"\d[\d.,]*\d|\d", self.text)}
            if self.value not in numbers:
                raise ValueError(f"chỉ tiêu {self.value} không xuất hiện trong câu '{self.text}'")
        return self


class TaskLabels(Model):
    """The words a plan uses in front of each task field (they vary between plans)."""

    lead: Text = Field("Đơn vị chủ trì", description="Nhãn dòng đơn vị chủ trì")
    coordinating: Text = Field("Đơn vị phối hợp", description="Nhãn dòng đơn vị phối hợp")
    deadline: Text = Field("Thời gian thực hiện", description="Nhãn dòng thời hạn")
    result: Text = Field("Kết quả", description="Nhãn dòng kết quả")


class Task(Model):
    """A task (nhiệm vụ): what, who leads, who helps, by when, with what result."""

    content: Text | None = Field(None, description="Nội dung nhiệm vụ; mặc định là tiêu đề mục chứa nó")
    lead: Text | None = Field(None, description="Cơ quan chủ trì")
    coordinating: list[NonEmptyText] = Field(default_factory=list, description="Các cơ quan phối hợp")
    deadline: Deadline | None = Field(None, description="Thời hạn: ngày, hoặc 'Quý II/2025', 'tháng 10/2025', 'trong năm 2025'")
    result: Text | None = Field(None, description="Kết quả, sản phẩm dự kiến")
    labels: TaskLabels = Field(default_factory=TaskLabels, description="Nhãn các dòng của nhiệm vụ, khi văn bản dùng chữ khác")

    def lines(self) -> list[str]:
        """The task's labelled lines as printed."""
        out = []
        if self.lead:
            out.append(f"{self.labels.lead}: {self.lead}.")
        if self.coordinating:
            out.append(f"{self.labels.coordinating}: {'; '.join(self.coordinating)}.")
        if self.deadline:
            out.append(f"{self.labels.deadline}: {self.deadline.text}.")
        if self.result:
            out.append(f"{self.labels.result}: {self.result}.")
        return out


MAX_AMOUNT = 10**18 - 1
"""Largest amount of one budget line (under a billion billion đồng): far above any real budget, and
small enough that totals stay exact in every number formatter."""


class BudgetLine(Model):
    """One line of the budget: item, amount in đồng, and funding source."""

    item: NonEmptyText = Field(description="Khoản kinh phí, ví dụ 'Nhu cầu ngân sách năm 2024'")
    amount: int = Field(ge=0, le=MAX_AMOUNT, description="Số tiền (đồng), số nguyên không âm")
    source: Text | None = Field(None, description="Nguồn kinh phí")

    @field_validator("amount", mode="before")
    @classmethod
    def _amount(cls, value: Any) -> Any:
        if isinstance(value, str):
            if re.fullmatch(r"\s*\d{1,3}(,\d{3})+\s*(đồng|đ)?\s*", value):
                # "1,000" is a thousands separator in English but a decimal comma in Vietnamese.
                raise ValueError(f"số tiền '{value.strip()}' không rõ ràng; viết 1000 hoặc 1.000 (dấu chấm ngăn cách hàng nghìn)")
            number = parse_number(value)
            if number != number.to_integral_value():
                raise ValueError("số tiền phải là số nguyên đồng")
            return int(number)
        return value


class Budget(Model):
    """The budget (kinh phí): lines, their total, and how to print it."""

    lines: list[BudgetLine] = Field(min_length=1, description="Các dòng kinh phí")
    total_label: Text = Field("Tổng kinh phí", description="Nhãn dòng tổng")
    in_words: bool = Field(False, description="In thêm số tiền bằng chữ")
    as_table: bool = Field(False, description="In kinh phí thành bảng (STT, Nội dung, Kinh phí, Nguồn kinh phí)")
    stated_total: int | None = Field(None, ge=0, description="Tổng kinh phí văn bản ghi; phải bằng tổng các dòng")

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @model_validator(mode="after")
    def _total_matches(self) -> "Budget":
        if self.stated_total is not None and self.stated_total != self.total:
            raise ValueError(f"dòng '{self.total_label}' ghi {format_number(self.stated_total)} đồng nhưng tổng các dòng là "
                             f"{format_number(self.total)} đồng")
        return self

    def table(self) -> Table:
        """The budget as the built-in budget table (shape "budget")."""
        sources = any(line.source for line in self.lines)
        header = ["STT", "Nội dung", "Kinh phí (đồng)"] + (["Nguồn kinh phí"] if sources else [])
        rows = [[str(n), line.item, str(line.amount)] + ([line.source or ""] if sources else [])
                for n, line in enumerate(self.lines, start=1)]
        return Table(header=[header], rows=rows, number_columns=[3], shape="budget", in_words=self.in_words,
                     total=TotalRow(label=self.total_label, columns=[3]),
                     widths=[1, 6, 3, 3] if sources else [1, 7, 3])


class Section(Model):
    """A heading (I. / 1. / a) …) with its content; ``label`` overrides the automatic number."""

    heading: NonEmptyText = Field(description="Tiêu đề mục (số I./1./a) được đánh tự động)")
    label: Text | None = Field(None, description="Số thứ tự in trước tiêu đề; mặc định đánh tự động (I., 1., a))")
    role: Text | None = Field(
        None,
        description="Vai trò của mục: purposes, requirements, objectives, tasks, budget, organisation…",
    )
    responsible_body: Text | None = Field(None, description="Cơ quan mà mục này giao trách nhiệm")
    run_in: bool = Field(
        False,
        description="Tiêu đề in đậm ở đầu đoạn văn đầu tiên của mục (ví dụ '5. Phòng Tài chính: chịu trách nhiệm…'); ghi cả dấu ':' trong tiêu đề",
    )
    content: list["Block"] = Field(default_factory=list, description="Nội dung của mục: đoạn văn, mục con, nhiệm vụ, chỉ tiêu, kinh phí")


def _block_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for key in ("heading", "task", "target", "budget", "table", "assignments"):
            if key in value:
                return {"heading": "section"}.get(key, key)
        return "paragraph"
    tags: dict[type, str] = {Paragraph: "paragraph", Section: "section", TaskBlock: "task", TargetBlock: "target",
                             BudgetBlock: "budget", TableBlock: "table", AssignmentBlock: "assignments"}
    return tags.get(type(value))


class TaskBlock(Model):
    task: Task = Field(description="Nhiệm vụ: chủ trì, phối hợp, thời hạn, kết quả")


class AssignmentLabels(Model):
    """The column headings of an assignment matrix (they vary between plans)."""

    content: Text = "Nội dung nhiệm vụ"
    lead: Text = "Cơ quan chủ trì"
    coordinating: Text = "Cơ quan phối hợp"
    deadline: Text = "Thời gian thực hiện"
    result: Text = "Kết quả, sản phẩm"


class AssignmentBlock(Model):
    """The assignment matrix (bảng phân công nhiệm vụ): one row per task, printed as a table."""

    assignments: list[Task] = Field(min_length=1)
    labels: AssignmentLabels = Field(default_factory=AssignmentLabels)
    title: Text | None = Field(None, description="Tên bảng, nếu văn bản có")

    @model_validator(mode="after")
    def _contents(self) -> "AssignmentBlock":
        for n, task in enumerate(self.assignments, start=1):
            if not task.content:
                raise ValueError(f"dòng {n} của bảng phân công thiếu nội dung nhiệm vụ (content)")
        return self

    def table(self) -> Table:
        """The built-in assignment table (shape "assignment")."""
        results = any(task.result for task in self.assignments)
        labels = self.labels
        header = ["STT", labels.content, labels.lead, labels.coordinating, labels.deadline] + ([labels.result] if results else [])
        rows = []
        for n, task in enumerate(self.assignments, start=1):
            row = [str(n), task.content or "", task.lead or "", "; ".join(task.coordinating),
                   task.deadline.text if task.deadline else ""]
            rows.append(row + ([task.result or ""] if results else []))
        return Table(title=self.title, header=[header], rows=rows, shape="assignment",
                     widths=[1, 6, 3, 3, 2.5] + ([3] if results else []))


class TargetBlock(Model):
    target: Target = Field(description="Chỉ tiêu có số")


class BudgetBlock(Model):
    budget: Budget = Field(description="Kinh phí: các dòng và tổng")


def _paragraph_from_string(value: Any) -> Any:
    """"- text" and "+ text" are list items; any other string is a body paragraph."""
    if isinstance(value, str):
        stripped = value.strip()
        for mark, style in (("- ", "dash"), ("+ ", "plus")):
            if stripped.startswith(mark):
                return {"text": stripped[2:], "style": style}
        return {"text": stripped}
    return value


Block = Annotated[
    Union[
        Annotated[Paragraph, Tag("paragraph")],
        Annotated[Section, Tag("section")],
        Annotated[TaskBlock, Tag("task")],
        Annotated[TargetBlock, Tag("target")],
        Annotated[BudgetBlock, Tag("budget")],
        Annotated[TableBlock, Tag("table")],
        Annotated[AssignmentBlock, Tag("assignments")],
    ],
    Discriminator(_block_tag),
]


class Plan(Document):
    """A Kế hoạch (Mẫu 1.4 of ND30): header, bases, preamble, section tree, closing, signer."""

    kind: Literal["ke-hoach", "plan"] = "ke-hoach"
    doc_type: DocTypeName = Field("Kế hoạch", description="Kế hoạch (mặc định), hoặc Chương trình, Phương án, Đề án…")
    year: int = Field(ge=2000, le=2100, description="Năm của kế hoạch (năm đầu nếu là giai đoạn)")
    end_year: int | None = Field(None, ge=2000, le=2100, description="Năm cuối nếu kế hoạch cho một giai đoạn")
    preamble: list[NonEmptyText] = Field(default_factory=list, description="Các đoạn mở đầu sau phần căn cứ")
    body: list[Block] = Field(min_length=1, description="Nội dung: cây đề mục, đoạn văn, nhiệm vụ, chỉ tiêu, kinh phí")
    closing: Text | None = Field(None, description="Đoạn kết ('Trên đây là Kế hoạch…'); được thêm './.'")

    @model_validator(mode="before")
    @classmethod
    def _strings_to_paragraphs(cls, data: Any) -> Any:
        def walk(blocks: Any) -> Any:
            if not isinstance(blocks, list):
                return blocks
            out = []
            for block in blocks:
                block = _paragraph_from_string(block)
                if isinstance(block, dict) and "heading" in block and "content" in block:
                    block = dict(block, content=walk(block["content"]))
                out.append(block)
            return out

        if isinstance(data, dict) and "body" in data:
            data = dict(data, body=walk(data["body"]))
        return data

    @field_validator("doc_type")
    @classmethod
    def _plan_like(cls, value: str) -> str:
        if doc_type(value).form != "1.4":
            raise ValueError(f"'{value}' không trình bày theo Mẫu 1.4 như một kế hoạch; dùng Kế hoạch, Chương trình, Phương án…")
        return value

    @model_validator(mode="after")
    def _diem_letters(self) -> "Plan":
        """ND30-BODY-06 numbers điểm a) to y): a khoản with more unlabelled điểm than letters cannot be printed."""
        from ..vi.numbers import DIEM_LETTERS

        def visit(blocks, depth: int, where: str) -> None:
            numbered = [b for b in blocks if (isinstance(b, Section) and b.label is None)
                        or (isinstance(b, Paragraph) and b.numbered)]
            if depth == 2 and len(numbered) > len(DIEM_LETTERS):
                raise ValueError(f"mục '{where}' có {len(numbered)} điểm nhưng chỉ có {len(DIEM_LETTERS)} chữ cái đánh điểm "
                                 f"(a đến y); ghi label cho các điểm sau điểm y), hoặc chia thành nhiều khoản")
            for b in blocks:
                if isinstance(b, Section):
                    visit(b.content, depth + 1, b.heading[:40])

        visit(self.body, 0, "")
        return self

    @model_validator(mode="after")
    def _years(self) -> "Plan":
        if self.end_year is not None and self.end_year < self.year:
            raise InvalidField(f"năm cuối ({self.end_year}) nhỏ hơn năm đầu ({self.year})", ("end_year",))
        return self

    # Views over the tree: the structured parts, wherever the writer put them.
    def walk(self):
        """Every (section path, block) in reading order; the path is the list of sections."""

        def visit(blocks, path):
            for block in blocks:
                yield path, block
                if isinstance(block, Section):
                    yield from visit(block.content, path + [block])

        yield from visit(self.body, [])

    @property
    def tasks(self) -> list[Task]:
        out = []
        for path, block in self.walk():
            if isinstance(block, TaskBlock):
                task = block.task
                if task.content is None and path:
                    task = task.model_copy(update={"content": path[-1].heading})
                out.append(task)
            elif isinstance(block, AssignmentBlock):
                out.extend(block.assignments)
        return out

    @property
    def tables(self) -> list[Table]:
        """Every table the plan prints, in reading order (built-in shapes included)."""
        out = []
        for _, block in self.walk():
            if isinstance(block, TableBlock):
                out.append(block.table)
            elif isinstance(block, AssignmentBlock) or (isinstance(block, BudgetBlock) and block.budget.as_table):
                out.append(block.table() if isinstance(block, AssignmentBlock) else block.budget.table())
        return out

    @property
    def targets(self) -> list[Target]:
        return [b.target for _, b in self.walk() if isinstance(b, TargetBlock)]

    @property
    def budgets(self) -> list[Budget]:
        return [b.budget for _, b in self.walk() if isinstance(b, BudgetBlock)]

    @property
    def budget_total(self) -> int:
        return sum(b.total for b in self.budgets)

    @property
    def responsibilities(self) -> list[Section]:
        return [b for _, b in self.walk() if isinstance(b, Section) and b.responsible_body]


Section.model_rebuild()
