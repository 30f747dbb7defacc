"""The record of requests to erase what the site holds about an email address: who handled it,
when, and how much was erased, with the address only as a keyed hash (core.privacy.hash_email)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

NO_ADDRESS = RegexValidator(
    r"@",
    _("Describe the request without the email address (it must not be stored)."),
    inverse_match=True,
)


class ErasureRequest(models.Model):
    email_hash = models.CharField(
        _("address (keyed hash)"),
        max_length=64,
        db_index=True,
        help_text=_("A keyed hash of the address: it matches the address, but cannot be read."),
    )
    reference = models.CharField(
        _("reference"),
        max_length=120,
        blank=True,
        validators=[NO_ADDRESS],
        help_text=_(
            "Where the request came from, e.g. 'Email of 3 May, ticket 1234'. Never the address."
        ),
    )
    erased = models.JSONField(
        _("erased"), default=dict, help_text=_("How many records of each kind were erased.")
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    created_at = models.DateTimeField(_("handled at"), auto_now_add=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-created_at"]
        permissions = [
            (
                "erase_personal_data",
                _("Can find and erase everything held about an email address"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} · {self.email_hash[:12]}…"

    @property
    def total(self) -> int:
        return sum(self.erased.values())

    def erased_summary(self) -> str:
        # Sorted: PostgreSQL's jsonb does not keep the order the holdings were erased in.
        return "; ".join(f"{label}: {count}" for label, count in sorted(self.erased.items())) or "—"

    erased_summary.short_description = _("erased")
