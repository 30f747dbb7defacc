"""Bills in a state legislature or in Congress, with a dated history of their status."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.us_states import US_STATES
from states.sponsors import Sponsors, read_sponsors

FEDERAL = "US"
JURISDICTIONS = [(FEDERAL, _("Federal (Congress)")), *US_STATES]


class BillStatus(models.TextChoices):
    INTRODUCED = "introduced", _("Introduced")
    IN_COMMITTEE = "in_committee", _("In committee")
    PASSED_ONE_CHAMBER = "passed_one_chamber", _("Passed one chamber")
    PASSED = "passed", _("Passed the legislature")
    SIGNED = "signed", _("Signed into law")
    FAILED = "failed", _("Failed")
    VETOED = "vetoed", _("Vetoed")


# Still moving through the legislature ("legislation pending" on the map).
PENDING = frozenset(
    {
        BillStatus.INTRODUCED,
        BillStatus.IN_COMMITTEE,
        BillStatus.PASSED_ONE_CHAMBER,
        BillStatus.PASSED,
    }
)


class Stance(models.TextChoices):
    ENDS = "ends", _("Would end qualified immunity")
    LIMITS = "limits", _("Would limit qualified immunity")
    CODIFIES = "codifies", _("Would write qualified immunity into law (we oppose it)")


class Bill(TranslatableMixin, index.Indexed, ClusterableModel):
    jurisdiction = models.CharField(
        _("jurisdiction"),
        max_length=2,
        choices=JURISDICTIONS,
        help_text=_("The state whose legislature it is in, or 'Federal' for Congress."),
    )
    number = models.CharField(
        _("bill number"),
        max_length=40,
        help_text=_("As the legislature writes it, e.g. 'SB20-217' or 'H.R. 1470'."),
    )
    session = models.CharField(
        _("session"),
        max_length=80,
        blank=True,
        help_text=_("e.g. '2021 regular session' or '117th Congress'. Optional."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("The bill's short title, e.g. 'Ending Qualified Immunity Act'."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=1000,
        blank=True,
        help_text=_("What the bill would do about qualified immunity, in a sentence or two."),
    )
    sponsor = models.CharField(
        _("sponsor"),
        max_length=255,
        blank=True,
        help_text=_(
            "Lead sponsor(s), e.g. 'Rep. Ayanna Pressley', 'Sen. A, Sen. B', 'Rep. A (with Rep. "
            "B and Rep. C)' or 'Rep. A (15 original cosponsors)'. Written this way, the site "
            "words it in each language."
        ),
    )
    url = models.URLField(
        _("link"),
        max_length=500,
        help_text=_("The bill's page on the legislature's or Congress's website."),
    )
    stance = models.CharField(
        _("what it would do"),
        max_length=10,
        choices=Stance.choices,
        blank=True,
        help_text=_(
            "Whether the bill would end or limit qualified immunity, or write it into law. "
            "Shown beside the bill so nobody mistakes a bill we oppose for one we support."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("jurisdiction"), FieldPanel("number"), FieldPanel("session")],
            heading=_("Which bill"),
        ),
        FieldPanel("title"),
        FieldPanel("stance"),
        FieldPanel("summary"),
        FieldPanel("sponsor"),
        FieldPanel("url"),
        InlinePanel(
            "status_changes",
            heading=_("Status history"),
            label=_("Status change"),
            min_num=1,
            help_text=_("Each step with its date; the latest one is the bill's current status."),
        ),
    ]
    translatable_fields = [
        SynchronizedField("jurisdiction", overridable=False),
        SynchronizedField("number", overridable=False),
        TranslatableField("session"),
        TranslatableField("title"),
        TranslatableField("summary"),
        # Names and titles only: the site words them in each language (states/sponsors.py).
        SynchronizedField("sponsor", overridable=False),
        SynchronizedField("url", overridable=False),
        SynchronizedField("stance", overridable=False),
        TranslatableField("status_changes"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("number"),
        index.AutocompleteField("title"),
        index.AutocompleteField("number"),
        index.FilterField("jurisdiction"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("bill")
        verbose_name_plural = _("bills")
        indexes = [models.Index(fields=["jurisdiction"])]

    def __str__(self) -> str:
        return f"{self.number}: {self.title}"

    @property
    def sponsors(self) -> Sponsors | None:
        """The sponsor line read into names, worded in the active language; None when it says
        more than the site can word (the template then shows it as written)."""
        return read_sponsors(self.sponsor)

    @property
    def history(self) -> list["BillStatusChange"]:
        """Oldest first. Sorted in Python so that prefetched changes cost no extra query."""
        return sorted(
            self.status_changes.all(), key=lambda change: (change.date, change.sort_order or 0)
        )

    @property
    def latest_change(self) -> "BillStatusChange | None":
        history = self.history
        return history[-1] if history else None

    @property
    def status(self) -> str | None:
        latest = self.latest_change
        return latest.status if latest else None

    @property
    def status_label(self) -> str:
        latest = self.latest_change
        return latest.get_status_display() if latest else ""

    @property
    def status_date(self) -> datetime.date | None:
        latest = self.latest_change
        return latest.date if latest else None

    @property
    def is_federal(self) -> bool:
        return self.jurisdiction == FEDERAL

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING

    @property
    def is_alive(self) -> bool:
        """Still before the legislature: the only bills a supporter may be asked to back. A
        bill with no recorded status yet (the admin requires one) is taken at its word."""
        status = self.status  # one read of the history
        return status is None or status in PENDING

    @property
    def is_opposed(self) -> bool:
        return self.stance == Stance.CODIFIES

    @property
    def is_enacted(self) -> bool:
        return self.status == BillStatus.SIGNED

    def passed_within(self, years: int, today: datetime.date | None = None) -> bool:
        """Signed into law within the last `years` years ("recently passed")."""
        if not self.is_enacted:
            return False
        today = today or timezone.localdate()
        try:
            since = today.replace(year=today.year - years)
        except ValueError:  # 29 February
            since = today.replace(year=today.year - years, day=28)
        return self.status_date >= since


class BillStatusChange(TranslatableMixin, Orderable):
    bill = ParentalKey(Bill, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=BillStatus.choices,
        help_text=_("What happened to the bill."),
    )
    date = models.DateField(_("date"), help_text=_("When it happened."))
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Optional detail, e.g. the vote count or the committee's name."),
    )
    # What a letter that follows the bill needs to know (states/bill_steps.py): which committee
    # holds it, and which chamber acted. The data cannot say either, so editors do.
    committee = models.ForeignKey(
        "states.StateCommittee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("committee"),
        help_text=_(
            "For 'Introduced' or 'In committee': the committee that holds the bill. A letter "
            "that follows the bill is then written to its members; empty, supporters write to "
            "their own legislators."
        ),
    )
    chamber = models.CharField(
        _("chamber"),
        max_length=11,
        choices=[("upper", _("Senate")), ("lower", _("House or Assembly"))],
        blank=True,
        help_text=_(
            "For 'Passed one chamber': the chamber that passed it, so that supporters write to "
            "the other one. Empty: read from the bill number (SB, HB…) where it can be."
        ),
    )

    panels = [
        FieldPanel("status"),
        FieldPanel("date"),
        FieldPanel("note"),
        FieldPanel("committee"),
        FieldPanel("chamber"),
    ]
    translatable_fields = [
        SynchronizedField("status", overridable=False),
        SynchronizedField("date", overridable=False),
        TranslatableField("note"),
        SynchronizedField("committee", overridable=False),
        SynchronizedField("chamber", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status history")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.date})"
