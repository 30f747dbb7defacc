"""Signatures on petitions and pledges: one row per person per action, saved before any email."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models.attribution import Attribution
from core.us_states import US_STATES


class Signature(Attribution):
    """One person's signature on one action, whichever translation of the page they used.

    `action_key` is the page's translation_key, shared by every language version: the unique
    constraint on it and the normalized email is what makes "one signature per person per
    action" hold under concurrent signing, and the count is a COUNT(*) over it.
    """

    class Country(models.TextChoices):
        US = "US", _("United States")
        OTHER = "other", _("Outside the United States")

    action = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signed on"),
        help_text=_("The page (in the language) the person signed."),
    )
    action_key = models.UUIDField(
        _("action"), help_text=_("The translation key shared by every language of the action.")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(
        _("email"), max_length=254, help_text=_("Stored trimmed and case-folded.")
    )
    zip_code = models.CharField(_("ZIP code"), max_length=5, blank=True)
    state = models.CharField(
        _("state"),
        max_length=2,
        blank=True,
        choices=US_STATES,
        help_text=_("Derived from the ZIP code where possible."),
    )
    district_key = models.CharField(
        _("congressional district"),
        max_length=8,
        blank=True,
        help_text=_(
            "e.g. CO-1, WY-0: derived from the ZIP code when it lies in one district only, "
            "blank otherwise; what the thank-you page's district counts read."
        ),
    )
    country = models.CharField(
        _("country"), max_length=5, choices=Country.choices, default=Country.US
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    consent_text = models.TextField(
        _("consent text shown"), help_text=_("The exact wording the signer agreed to.")
    )
    public = models.BooleanField(
        _("shown publicly"),
        default=False,
        help_text=_("The signer agreed to show their first name and state among recent signers."),
    )
    newsletter = models.BooleanField(
        _("newsletter opt-in"),
        default=False,
        help_text=_("The signer asked for campaign news (confirmed separately by email)."),
    )
    created_at = models.DateTimeField(_("signed at"), default=timezone.now)

    # Wagtail's reference index ("where is this page used?") would get a row per signature,
    # written while people sign; a signature is not content that uses the page.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at"]
        permissions = [("export_signature", _("Can export signatures"))]
        constraints = [
            models.UniqueConstraint(
                fields=["action_key", "email"], name="signature_once_per_action"
            )
        ]
        indexes = [
            # The count and the recent signers of an action: both read this index alone.
            models.Index(fields=["action_key", "created_at"], name="signature_action_idx"),
            models.Index(fields=["created_at"], name="signature_created_idx"),
            models.Index(fields=["source"], name="signature_source_idx"),
            # "From your district" on a thank-you page (actions/district_counts.py).
            models.Index(fields=["district_key"], name="signature_district_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} <{self.email}>"
