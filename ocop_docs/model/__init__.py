"""The data model: what every document is made of, independent of files, Word and the CLI."""
from .common import Document, Issuer, LegalBasis, Signer
from .deadline import Deadline
from .plan import Budget, BudgetBlock, BudgetLine, Footnote, Paragraph, Plan, Section, Target, TargetBlock, Task, TaskBlock

from .decision import CouncilDecision, GeneralDecision, PlanDecision, RecognitionDecision  # noqa: E402

KINDS = {
    "plan": Plan,
    "plan_decision": PlanDecision,
    "council_decision": CouncilDecision,
    "recognition_decision": RecognitionDecision,
    "decision": GeneralDecision,
}

from .forms import CommuneReport, CouncilMinutes, ProposalLetter, Registration, ScoreSheet, SelfAssessment  # noqa: E402

KINDS.update({
    "phieu-danh-gia": ScoreSheet,
    "mau-01": Registration,
    "mau-02": SelfAssessment,
    "mau-03": CommuneReport,
    "cong-van-de-nghi": ProposalLetter,
    "bien-ban": CouncilMinutes,
})

__all__ = [
    "Budget", "BudgetBlock", "BudgetLine", "Deadline", "Footnote", "Document", "Issuer", "KINDS", "LegalBasis",
    "Paragraph", "Plan", "Section", "Signer", "Target", "TargetBlock", "Task", "TaskBlock",
]
