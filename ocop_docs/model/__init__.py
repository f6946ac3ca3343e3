"""The data model: what every document is made of, independent of files, Word and the CLI.

The kinds of document and their models are listed once, in :mod:`ocop_docs.kinds`.
"""
from .common import Document, Issuer, LegalBasis, Signer
from .deadline import Deadline
from .plan import Budget, BudgetBlock, BudgetLine, Footnote, Paragraph, Plan, Section, Target, TargetBlock, Task, TaskBlock

__all__ = [
    "Budget", "BudgetBlock", "BudgetLine", "Deadline", "Footnote", "Document", "Issuer", "LegalBasis",
    "Paragraph", "Plan", "Section", "Signer", "Target", "TargetBlock", "Task", "TaskBlock",
]
