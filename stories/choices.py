"""The fixed vocabularies of a case story. Their values appear in shareable filter URLs
(?outcome=qi-granted), so they are stable, readable slugs; only the labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Section 1983, the law qualified immunity narrows, dates from the Civil Rights Act of 1871.
EARLIEST_DECISION_YEAR = 1871
LATEST_DECISION_YEAR = 2100


class Outcome(models.TextChoices):
    QI_GRANTED = "qi-granted", _("Qualified immunity granted")
    QI_DENIED = "qi-denied", _("Qualified immunity denied")
    PENDING = "pending", _("Pending")
    SETTLED = "settled", _("Settled")
    OTHER = "other", _("Other outcome")


class HarmType(models.TextChoices):
    EXCESSIVE_FORCE = "excessive-force", _("Excessive force")
    KILLING = "killing", _("Killing")
    WRONGFUL_ARREST = "wrongful-arrest", _("Wrongful arrest")
    UNLAWFUL_SEARCH = "unlawful-search", _("Unlawful search or seizure")
    SPEECH_RETALIATION = "speech-retaliation", _("Retaliation for speech")
    ABUSE_IN_CUSTODY = "abuse-in-custody", _("Abuse in jail or prison")
    OTHER = "other", _("Other harm")


class Circuit(models.TextChoices):
    """Where the decision was made: the federal circuit whose precedent governed it, the
    Supreme Court, or a state court. 'Clearly established law' differs by circuit."""

    FIRST = "1st", _("First Circuit")
    SECOND = "2nd", _("Second Circuit")
    THIRD = "3rd", _("Third Circuit")
    FOURTH = "4th", _("Fourth Circuit")
    FIFTH = "5th", _("Fifth Circuit")
    SIXTH = "6th", _("Sixth Circuit")
    SEVENTH = "7th", _("Seventh Circuit")
    EIGHTH = "8th", _("Eighth Circuit")
    NINTH = "9th", _("Ninth Circuit")
    TENTH = "10th", _("Tenth Circuit")
    ELEVENTH = "11th", _("Eleventh Circuit")
    DC = "dc", _("D.C. Circuit")
    FEDERAL = "federal", _("Federal Circuit")
    SUPREME_COURT = "supreme-court", _("U.S. Supreme Court")
    STATE_COURT = "state-court", _("State court")


class NewsKind(models.TextChoices):
    UPDATE = "update", _("Campaign update")
    PRESS_RELEASE = "press-release", _("Press release")
    COVERAGE = "coverage", _("In the news")
