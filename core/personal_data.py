"""What the site holds about supporters, declared in one registry, so that two jobs cover all of
it: erasing everything about an email address on request, and anonymising submissions once
their action has been closed for the retention period.

Each app declares its holdings in its own `personal_data.py`, found by autodiscovery:

    from core.personal_data import Holding, register

    @register
    class Subscribers(Holding):
        label = _("Newsletter subscriptions")

        def find(self, email):          # descriptions shown to staff before they confirm
            return [f"{s.status} since {s.created_at:%Y-%m-%d}" for s in self.rows(email)]

        def erase(self, email) -> int:  # inside the erasure's transaction
            return self.rows(email).delete()[0]

A holding with a retention rule also overrides `expire(now, dry_run)`; actions/personal_data.py
has one for rows that belong to an action (signatures, and letters: subclass
`ActionSubmissions`). `manage.py apply_retention` runs every rule; the admin's "Personal data"
view runs `find_everything` and `erase_everything`.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from core.models import ErasureRequest
from core.models.outbox import OutboundEmail, Suppression, normalize_address
from core.privacy import hash_email

logger = logging.getLogger(__name__)

_registry: list["Holding"] = []
_discovered = False


class Holding:
    """One kind of record that holds personal data. Subclasses set `label` and implement `find`
    and `erase`; `kept_because` marks a record that erasure deliberately leaves in place."""

    label = ""
    kept_because = ""

    def find(self, email: str) -> list[str]:
        raise NotImplementedError

    def erase(self, email: str) -> int:
        raise NotImplementedError

    def expire(self, now: datetime, dry_run: bool = False) -> int:
        """Anonymise or delete what the retention rule says is no longer needed; return how many
        records that is (or would be, with dry_run). No rule by default."""
        return 0


def register(holding_class: type[Holding]) -> type[Holding]:
    if not any(type(existing) is holding_class for existing in _registry):
        _registry.append(holding_class())
    return holding_class


def holdings() -> list[Holding]:
    global _discovered
    if not _discovered:
        autodiscover_modules("personal_data")
        _discovered = True
    return list(_registry)


def retention_period() -> timedelta:
    """How long submissions are kept after their action closes (settings.RETENTION_DAYS_AFTER_CLOSE)."""
    return timedelta(days=int(getattr(settings, "RETENTION_DAYS_AFTER_CLOSE", 365)))


@dataclass
class Found:
    holding: Holding
    records: list[str]

    @property
    def label(self) -> str:
        return str(self.holding.label)

    @property
    def kept_because(self) -> str:
        return str(self.holding.kept_because)


def find_everything(email: str) -> list[Found]:
    """Every holding that has something about the address, with a line per record."""
    email = normalize_address(email)
    found = [Found(holding, holding.find(email)) for holding in holdings()]
    return [item for item in found if item.records]


def erase_everything(email: str, user=None, reference: str = ""):
    """Erase what every holding has about the address, in one transaction, and log the request
    with a keyed hash of the address (never the address). Returns the ErasureRequest."""
    email = normalize_address(email)
    with transaction.atomic():
        erased = {}
        for holding in holdings():
            if holding.kept_because:
                continue
            count = holding.erase(email)
            if count:
                erased[str(holding.label)] = count
        request = ErasureRequest.objects.create(
            email_hash=hash_email(email), reference=reference, erased=erased, handled_by=user
        )
    logger.info("Erasure request %s handled: %s", request.pk, erased)
    return request


def earlier_requests(email: str):
    return ErasureRequest.objects.filter(email_hash=hash_email(email)).select_related("handled_by")


def apply_retention(now: datetime | None = None, dry_run: bool = False) -> dict[str, int]:
    """Run every holding's retention rule: {label: records anonymised (or due, with dry_run)}."""
    now = now or timezone.now()
    report = {}
    for holding in holdings():
        with transaction.atomic():
            report[str(holding.label)] = holding.expire(now, dry_run=dry_run)
    return report


# The outbox: home's own holdings -----------------------------------------------------------


@register
class OutboxEmails(Holding):
    label = _("Emails to the address (sent, queued or failed)")

    def rows(self, email: str):
        return OutboundEmail.objects.filter(to_email=email)

    def find(self, email: str) -> list[str]:
        return [
            f"{row.template.rsplit('/', 1)[-1]} · {row.get_status_display()} · "
            f"{row.created_at:%Y-%m-%d}"
            for row in self.rows(email).order_by("created_at")
        ]

    def erase(self, email: str) -> int:
        return self.rows(email).delete()[0]


@register
class Suppressions(Holding):
    label = _("Suppressed address")
    kept_because = _(
        "Kept: the address bounced or asked for no email, and this record is what stops the "
        "site from ever emailing it again."
    )

    def find(self, email: str) -> list[str]:
        return [
            f"{row.get_reason_display()} · {row.created_at:%Y-%m-%d}"
            for row in Suppression.objects.filter(email=email)
        ]

    def erase(self, email: str) -> int:
        return 0
