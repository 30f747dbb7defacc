from .bills import FEDERAL, PENDING, Bill, BillStatus, BillStatusChange
from .criteria import ASSESSED, HALF_POINTS, MEETS, AssessmentStatus, Criterion
from .pages import StateAssessment, StateIndexPage, StatePage

__all__ = [
    "ASSESSED",
    "FEDERAL",
    "HALF_POINTS",
    "MEETS",
    "PENDING",
    "AssessmentStatus",
    "Bill",
    "BillStatus",
    "BillStatusChange",
    "Criterion",
    "StateAssessment",
    "StateIndexPage",
    "StatePage",
]
