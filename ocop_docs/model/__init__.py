"""The data model: what every document is made of, independent of files, Word and the CLI."""
from .common import Document, Issuer, LegalBasis, Signer
from .deadline import Deadline
from .plan import Budget, BudgetBlock, BudgetLine, Footnote, Paragraph, Plan, Section, Target, TargetBlock, Task, TaskBlock

KINDS = {"plan": Plan}

__all__ = [
    "Budget", "BudgetBlock", "BudgetLine", "Deadline", "Footnote", "Document", "Issuer", "KINDS", "LegalBasis",
    "Paragraph", "Plan", "Section", "Signer", "Target", "TargetBlock", "Task", "TaskBlock",
]
