from .bills import FEDERAL, PENDING, Bill, BillStatus, BillStatusChange, Stance
from .criteria import ASSESSED, HALF_POINTS, MEETS, AssessmentStatus, Confidence, Criterion
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
from .scorecard_imports import ScorecardImport
from .state_legislator_imports import StateLegislatorImport
from .state_legislators import (
    StateChamber,
    StateCommittee,
    StateCommitteeMembership,
    StateDistrict,
    StateLegislator,
    StateVacancy,
    StateZipDistrict,
)

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
    "Confidence",
    "Criterion",
    "DistrictOffice",
    "Legislator",
    "LegislatorImport",
    "ScorecardImport",
    "Stance",
    "StateAssessment",
    "StateChamber",
    "StateCommittee",
    "StateCommitteeMembership",
    "StateDistrict",
    "StateIndexPage",
    "StateLegislator",
    "StateLegislatorImport",
    "StatePage",
    "StateVacancy",
    "StateZipDistrict",
    "ZipDistrict",
]
