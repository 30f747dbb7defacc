from .after_acting import AfterActing, ShareKit
from .calls import CallOutcome, CallPage
from .letters import LetterPage, LetterSent
from .newsletter import SignupPage, Subscriber
from .organizations import Organization
from .petitions import (
    ActionPage,
    PetitionOrganization,
    PetitionPage,
    PledgeOrganization,
    PledgePage,
)
from .signatures import Signature

__all__ = [
    "ActionPage",
    "AfterActing",
    "CallOutcome",
    "CallPage",
    "LetterPage",
    "LetterSent",
    "Organization",
    "PetitionOrganization",
    "PetitionPage",
    "PledgeOrganization",
    "PledgePage",
    "ShareKit",
    "Signature",
    "SignupPage",
    "Subscriber",
]
