from actions.letters.models import LetterPage, LetterSent

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
    "LetterPage",
    "LetterSent",
    "Organization",
    "PetitionOrganization",
    "PetitionPage",
    "PledgeOrganization",
    "PledgePage",
    "Signature",
    "SignupPage",
    "Subscriber",
]
