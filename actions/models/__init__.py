from actions.letters.models import LetterPage, LetterSent

from .newsletter import SignupPage, Subscriber
from .organizations import Organization
from .petitions import (
    ActionPage,
    PetitionOrganisation,
    PetitionPage,
    PledgeOrganisation,
    PledgePage,
)
from .signatures import Signature

__all__ = [
    "ActionPage",
    "LetterPage",
    "LetterSent",
    "Organization",
    "PetitionOrganisation",
    "PetitionPage",
    "PledgeOrganisation",
    "PledgePage",
    "Signature",
    "SignupPage",
    "Subscriber",
]
