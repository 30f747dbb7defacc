"""The outbox's tables: one row per email to send, the addresses we must never email again, and
the provider events already handled.

They live in the `home` app (imported by home/models) because every app sends email through them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


def normalize_address(address: str) -> str:
    """The form an address is compared in: surrounding space removed, case folded."""
    return (address or "").strip().casefold()


class OutboundEmail(models.Model):
    """One email to one recipient, written in the same transaction as whatever caused it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SUPPRESSED = "suppressed", _("Suppressed")

    idempotency_key = models.CharField(
        _("idempotency key"),
        max_length=200,
        unique=True,
        help_text=_("The same key is never sent twice, however often it is queued."),
    )
    to_email = models.EmailField(_("recipient"), max_length=254)
    template = models.CharField(
        _("template"),
        max_length=150,
        help_text=_("Template path without extension, e.g. actions/emails/newsletter_confirm."),
    )
    language = models.CharField(_("language"), max_length=10)
    context = models.JSONField(_("context"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"))
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    provider_message_id = models.CharField(_("provider message id"), max_length=255, blank=True)
    last_event = models.CharField(
        _("last provider event"),
        max_length=40,
        blank=True,
        help_text=_("The latest tracking event the provider reported (delivered, bounced...)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbound email")
        verbose_name_plural = _("outbound emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
            models.Index(fields=["provider_message_id"], name="outbox_message_id_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.template} → {self.to_email} ({self.status})"


class Suppression(models.Model):
    """An address that bounced or complained: nothing is ever sent to it again."""

    class Reason(models.TextChoices):
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Complained (marked as spam)")
        REJECTED = "rejected", _("Rejected by the provider")
        MANUAL = "manual", _("Added by staff")

    email = models.EmailField(
        _("email"),
        max_length=254,
        unique=True,
        help_text=_("Stored in lower case; every send to this address is skipped."),
    )
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    detail = models.TextField(_("detail"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_address(self.email)
        super().save(*args, **kwargs)

    @classmethod
    def is_suppressed(cls, address: str) -> bool:
        return cls.objects.filter(email=normalize_address(address)).exists()


class ProcessedWebhookEvent(models.Model):
    """A provider event already acted on, so a replayed webhook changes nothing."""

    key = models.CharField(_("event key"), max_length=255, unique=True)
    esp_name = models.CharField(_("provider"), max_length=40)
    event_type = models.CharField(_("event type"), max_length=40)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("processed webhook event")
        verbose_name_plural = _("processed webhook events")

    def __str__(self) -> str:
        return self.key
