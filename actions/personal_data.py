"""What the actions hold about supporters (core/personal_data.py explains the registry):
signatures, kept until their action has been closed for the retention period and then
anonymised, and newsletter subscriptions.

Letters sent to legislators hook in the same way as signatures:

    @register
    class LettersSent(ActionSubmissions):
        model = LetterSent
        page_models = (LetterPage,)
        label = _("Letters to legislators")
        anonymised = {"first_name": "", "last_name": "", "street_address": "", ...}
"""

from datetime import date, datetime

from django.db.models import CharField, Max, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from actions.models import PetitionPage, PledgePage, Signature, Subscriber
from core.personal_data import Holding, register, retention_period

# Anonymised rows keep an address of their own (the one-per-action constraint needs one) in a
# domain that can never receive mail (RFC 2606), which also marks them as done.
ANONYMISED_DOMAIN = "anonymised.invalid"


def closing_dates(page_models, keys=None) -> dict:
    """{translation_key: the date the action closed} for every action whose versions (one per
    language) are all closed; open actions are left out. A version closed by its close date
    closed on that date. One closed with the "closed" box closed no later than its last
    publication (the site does not record when the box was ticked): that date is used, so the
    retention period never starts early."""
    today = timezone.localdate()
    versions: dict = {}
    for model in page_models:
        rows = model.objects.values_list(
            "translation_key", "closed", "close_date", "last_published_at", "first_published_at"
        )
        if keys is not None:
            rows = rows.filter(translation_key__in=keys)
        for key, closed, close_date, last_published, first_published in rows:
            if close_date is not None and close_date < today:
                closed_on = close_date
            elif closed:
                published = last_published or first_published
                closed_on = timezone.localdate(published) if published else today
            else:
                closed_on = None
            versions.setdefault(key, []).append(closed_on)
    return {key: max(dates) for key, dates in versions.items() if all(d is not None for d in dates)}


class ActionSubmissions(Holding):
    """Rows that belong to an action through its translation key and carry the supporter's
    address: found and erased by address; anonymised once the action has been closed for the
    retention period (or, for an action since deleted, once its last row is that old)."""

    model = None
    page_models: tuple = ()
    key_field = "action_key"
    email_field = "email"
    anonymised: dict = {}

    def rows(self, email: str):
        return self.model.objects.filter(**{self.email_field: email})

    def erase(self, email: str) -> int:
        return self.rows(email).delete()[0]

    def not_anonymised(self):
        return self.model.objects.exclude(
            **{f"{self.email_field}__endswith": f"@{ANONYMISED_DOMAIN}"}
        )

    def expired_keys(self, now: datetime) -> list:
        cutoff: date = timezone.localdate(now) - retention_period()
        pending = self.not_anonymised()
        keys = set(pending.values_list(self.key_field, flat=True).distinct())
        if not keys:
            return []
        closed = closing_dates(self.page_models, keys)
        existing = set(
            Page.objects.filter(translation_key__in=keys).values_list("translation_key", flat=True)
        )
        expired = [key for key, closed_on in closed.items() if closed_on <= cutoff]
        deleted = keys - existing
        if deleted:
            last_rows = (
                pending.filter(**{f"{self.key_field}__in": deleted})
                .values(self.key_field)
                .annotate(last=Max("created_at"))
            )
            expired += [
                row[self.key_field]
                for row in last_rows
                if timezone.localdate(row["last"]) <= cutoff
            ]
        return expired

    def expire(self, now: datetime, dry_run: bool = False) -> int:
        due = self.not_anonymised().filter(**{f"{self.key_field}__in": self.expired_keys(now)})
        if dry_run:
            return due.count()
        address = Concat(
            Value("anonymised-"),
            Cast("pk", output_field=CharField()),
            Value(f"@{ANONYMISED_DOMAIN}"),
            output_field=CharField(),
        )
        return due.update(**{self.email_field: address, **self.anonymised})


@register
class Signatures(ActionSubmissions):
    label = _("Petition and pledge signatures")
    model = Signature
    page_models = (PetitionPage, PledgePage)
    # What stays: the action, state, country, language, source, consent wording and date, so
    # counts, maps and reports still add up.
    anonymised = {
        "first_name": "",
        "last_name": "",
        "zip_code": "",
        "public": False,
    }

    def find(self, email: str) -> list[str]:
        rows = self.rows(email).select_related("action").order_by("created_at")
        return [
            f"{row.action.title if row.action else row.action_key} · {row.created_at:%Y-%m-%d}"
            for row in rows
        ]


@register
class Subscribers(Holding):
    label = _("Newsletter subscription")

    def rows(self, email: str):
        return Subscriber.objects.filter(email=email)

    def find(self, email: str) -> list[str]:
        return [
            f"{row.get_status_display()} · {row.created_at:%Y-%m-%d}" for row in self.rows(email)
        ]

    def erase(self, email: str) -> int:
        return self.rows(email).delete()[0]
