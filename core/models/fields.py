"""Model fields that more than one app declares the same way. Functions, not Field subclasses:
each call returns a plain CharField, so the apps' migrations stay as they are."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def name_language_field() -> models.CharField:
    """The language a name is written in (an organization's, the campaign's), which pages in
    other languages mark with lang (core.templatetags.language_tags), as a name is not
    translated."""
    return models.CharField(
        _("language of the name"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language the name is in. Pages in other languages mark it as such, so that "
            "screen readers pronounce it right."
        ),
    )
