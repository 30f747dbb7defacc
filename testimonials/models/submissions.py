"""What a supporter sent with their voice that must never be public: their email, the name they
typed, and the consent they gave. One row per submitted voice, beside (not inside) the page, so
that page revisions, translations and the search index never contain it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.attribution import Attribution


class VoiceSubmission(Attribution):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        CHANGES_REQUESTED = "changes", _("Changes requested")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        ARCHIVED = "archived", _("Archived")

    # A voice in one of these states is never published again.
    CLOSED_STATUSES = (Status.REJECTED, Status.ARCHIVED)

    page = models.OneToOneField(
        "testimonials.TestimonialPage",
        on_delete=models.CASCADE,
        related_name="submission",
        verbose_name=_("voice"),
    )
    email = models.EmailField(
        _("email"),
        max_length=254,
        blank=True,
        help_text=_("Used only to tell the person about their voice; erased when archived."),
    )
    name_as_typed = models.CharField(
        _("name as typed"),
        max_length=100,
        blank=True,
        help_text=_("The whole name the person typed, whatever they chose to show publicly."),
    )
    zip_code = models.CharField(
        _("ZIP code"),
        max_length=5,
        blank=True,
        help_text=_(
            "Optional, never published: places the voice in its congressional district, for the "
            "packets staff hand to that district's members of Congress, named as the person "
            "chose (full name and city, first name and city, or anonymous)."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language of the form; the person's emails are in it."),
    )
    consent_text = models.TextField(
        _("consent text shown"), help_text=_("The exact wording the person agreed to.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_note = models.TextField(_("moderator's note"), blank=True)
    published_notified_at = models.DateTimeField(
        _("told it was published at"), null=True, blank=True
    )
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        verbose_name = _("voice submission")
        verbose_name_plural = _("voice submissions")
        ordering = ["-created_at"]
        permissions = [("archive_voicesubmission", _("Can archive rejected voice submissions"))]
        indexes = [models.Index(fields=["status", "created_at"], name="voicesub_status_idx")]

    def __str__(self) -> str:
        return self.page.title if self.page_id else str(self.pk)
