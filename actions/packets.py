"""Constituent packets (issue 23, item 2): for one member of Congress, how many of their own
constituents signed, wrote and called through this site, with dates, on one printable page
staff hand over at a lobby visit. Counts only; the "Campaign data" group only; never public.

Who counts as a constituent:

- signed: a representative's, signatures whose ZIP code lies in their district alone
  (`Signature.district_key`); a senator's, signatures from their state (`Signature.state`);
- wrote and called: the letters written and calls made to this member (`LetterSent`,
  `CallOutcome` by Bioguide id): the lookup sent them to this member because the supporter's
  ZIP code or chosen district is theirs. Calls "skipped" are left out.

Each is read in two queries (the total with its first and last dates, and the count per month),
whatever the number of rows.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import TruncMonth

from actions.letters.lookup import district_label, place_name
from actions.models import CallOutcome, LetterSent, Signature
from actions.models.calls import Outcome
from states.congress import District
from states.models import Chamber, Legislator

# Every permission a packet reads: only the "Campaign data" group holds all three.
PERMISSIONS = (
    "actions.view_signature",
    "actions.view_lettersent",
    "actions.view_calloutcome",
)


def may_see_packets(user) -> bool:
    return user.has_perms(PERMISSIONS)


@dataclass
class Tally:
    """One kind of action: how many, the first and last dates, and the count per month."""

    count: int = 0
    first: date | None = None
    last: date | None = None
    months: list[tuple[date, int]] = field(default_factory=list)


def tally(rows: QuerySet) -> Tally:
    summary = rows.aggregate(count=Count("pk"), first=Min("created_at"), last=Max("created_at"))
    if not summary["count"]:
        return Tally()
    months = (
        rows.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
        .values_list("month", "n")
    )
    return Tally(
        count=summary["count"],
        first=summary["first"].date(),
        last=summary["last"].date(),
        months=[(month.date() if hasattr(month, "date") else month, n) for month, n in months],
    )


def constituents(member: Legislator) -> str:
    """Whom the member speaks for: 'Colorado, district 1' or 'Colorado'."""
    if member.chamber == Chamber.SENATE:
        return place_name(member.state)
    return district_label(District(member.state, member.district or 0))


def signatures_of(member: Legislator) -> QuerySet:
    if member.chamber == Chamber.SENATE:
        return Signature.objects.filter(state=member.state, country=Signature.Country.US)
    return Signature.objects.filter(district_key=District(member.state, member.district or 0).key)


@dataclass
class Packet:
    member: Legislator
    constituents: str
    signed: Tally
    wrote: Tally
    called: Tally

    @property
    def months(self) -> list[tuple[date, int, int, int]]:
        """Every month with any action: signed, wrote, called."""
        by_month: dict[date, list[int]] = {}
        for position, kind in enumerate((self.signed, self.wrote, self.called)):
            for month, n in kind.months:
                by_month.setdefault(month, [0, 0, 0])[position] = n
        return [(month, *counts) for month, counts in sorted(by_month.items())]


def packet_for(member: Legislator) -> Packet:
    """The counts of one member's packet: six queries."""
    return Packet(
        member=member,
        constituents=constituents(member),
        signed=tally(signatures_of(member)),
        wrote=tally(LetterSent.objects.filter(legislator_id=member.pk)),
        called=tally(
            CallOutcome.objects.filter(legislator_id=member.pk).exclude(outcome=Outcome.SKIPPED)
        ),
    )
