"""The fixed vocabularies of a voice: who the person is and how they want their name shown."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    VETERAN = "veteran", _("Veteran")
    FAITH_LEADER = "faith_leader", _("Faith leader")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    LAWYER = "lawyer", _("Lawyer")
    FAMILY = "family", _("Family of a victim")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Other")


class NameShown(models.TextChoices):
    """How much of their identity the person chose to show on the wall."""

    FULL = "full", _("My full name and city")
    FIRST = "first", _("My first name and city")
    ANONYMOUS = "anonymous", _("Anonymous (only my state and profession)")


QUOTE_MAX_LENGTH = 1500
NAME_MAX_LENGTH = 100
CITY_MAX_LENGTH = 100
PROFESSION_MAX_LENGTH = 100


# Language names as they read inside a sentence: "Translated from Spanish", "Traducido del
# inglés" (Spanish writes them in lower case; Django's own names are capitalised).
LANGUAGE_NAMES_IN_SENTENCE = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "es": pgettext_lazy("language name inside a sentence", "Spanish"),
}


def language_name_in_sentence(code: str) -> str:
    if code in LANGUAGE_NAMES_IN_SENTENCE:
        return str(LANGUAGE_NAMES_IN_SENTENCE[code])
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code


# The moderation task migration 0002 creates, named in the staffer's language while it keeps
# that name (an admin may rename it; a new name shows as typed).
TASK_NAMES = {"Approve voice": _("Approve voice")}


def task_name(task) -> str:
    return str(TASK_NAMES.get(task.name, task.name))
