from .bills import FEDERAL, PENDING, Bill, BillStatus, BillStatusChange
from .criteria import ASSESSED, HALF_POINTS, MEETS, AssessmentStatus, Criterion
from .legislators import (
    NON_STATES,
    Chamber,
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    ZipDistrict,
)
from .pages import StateAssessment, StateIndexPage, StatePage

__all__ = [
    "ASSESSED",
    "FEDERAL",
    "HALF_POINTS",
    "MEETS",
    "NON_STATES",
    "PENDING",
    "AssessmentStatus",
    "Bill",
    "BillStatus",
    "BillStatusChange",
    "Chamber",
    "Committee",
    "CommitteeMembership",
    "Criterion",
    "DistrictOffice",
    "Legislator",
    "LegislatorImport",
    "StateAssessment",
    "StateIndexPage",
    "StatePage",
    "ZipDistrict",
]
