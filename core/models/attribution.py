"""Where a submission came from (core/attribution.py): the source code and tags of the address
the supporter landed on, on every model that keeps a supporter's submission."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.attribution import SOURCE_MAX_LENGTH, UTM_MAX_LENGTH


class Attribution(models.Model):
    """The landing address's `source` code and its utm_source, utm_medium and utm_campaign
    tags, as the campaign's emails, posts and partners set them; blank when it had none."""

    source = models.CharField(
        _("source"),
        max_length=SOURCE_MAX_LENGTH,
        blank=True,
        help_text=_("Where the supporter came from (?source=...): an email, a partner's embed..."),
    )
    utm_source = models.CharField(
        _("utm_source"),
        max_length=UTM_MAX_LENGTH,
        blank=True,
        help_text=_("The utm_source tag of the address the supporter landed on, e.g. newsletter."),
    )
    utm_medium = models.CharField(
        _("utm_medium"),
        max_length=UTM_MAX_LENGTH,
        blank=True,
        help_text=_("The utm_medium tag of the address the supporter landed on, e.g. email."),
    )
    utm_campaign = models.CharField(
        _("utm_campaign"),
        max_length=UTM_MAX_LENGTH,
        blank=True,
        help_text=_(
            "The utm_campaign tag of the address the supporter landed on, e.g. spring-push."
        ),
    )

    class Meta:
        abstract = True
