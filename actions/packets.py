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

And the approved voices (testimonials/) of people who gave a ZIP code in the district (for a
senator, the state), named as each chose for the wall: full name and city, first name and city,
or anonymous (state and profession only). A ZIP code that crosses the district's line (or the
state's) is left out: that person may live next door. Two queries: the voices (at most
MAX_VOICES, newest first) and how many there are. The one import from testimonials (its models)
is named in pyproject.toml's contracts.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import TruncMonth

from actions.letters.lookup import district_label, place_name
from actions.models import CallOutcome, LetterSent, Signature
from actions.models.calls import Outcome
from states.congress import District
from states.models import Chamber, Legislator, ZipDistrict
from testimonials.models import VoiceSubmission

MAX_VOICES = 40

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


def voices_of(member: Legislator) -> tuple[list[VoiceSubmission], int]:
    """The approved voices from the member's district (a senator's state), newest first, at most
    MAX_VOICES, and how many there are."""
    if member.chamber == Chamber.SENATE:
        area = ZipDistrict.objects.filter(state=member.state)
        outside = ZipDistrict.objects.exclude(state=member.state)
    else:
        number = member.district or 0
        area = ZipDistrict.objects.filter(state=member.state, district=number)
        outside = ZipDistrict.objects.exclude(state=member.state, district=number)
    zips = area.values("zcta")
    voices = (
        VoiceSubmission.objects.filter(
            status=VoiceSubmission.Status.PUBLISHED, page__live=True, zip_code__in=zips
        )
        .exclude(zip_code__in=outside.filter(zcta__in=zips).values("zcta"))
        .select_related("page")
    )
    return list(voices.order_by("-created_at")[:MAX_VOICES]), voices.count()


@dataclass
class Packet:
    member: Legislator
    constituents: str
    signed: Tally
    wrote: Tally
    called: Tally
    voices: list[VoiceSubmission] = field(default_factory=list)
    voice_count: int = 0

    @property
    def months(self) -> list[tuple[date, int, int, int]]:
        """Every month with any action: signed, wrote, called."""
        by_month: dict[date, list[int]] = {}
        for position, kind in enumerate((self.signed, self.wrote, self.called)):
            for month, n in kind.months:
                by_month.setdefault(month, [0, 0, 0])[position] = n
        return [(month, *counts) for month, counts in sorted(by_month.items())]


def packet_for(member: Legislator) -> Packet:
    """One member's packet: eight queries."""
    voices, voice_count = voices_of(member)
    return Packet(
        member=member,
        constituents=constituents(member),
        signed=tally(signatures_of(member)),
        wrote=tally(LetterSent.objects.filter(legislator_id=member.pk)),
        called=tally(
            CallOutcome.objects.filter(legislator_id=member.pk).exclude(outcome=Outcome.SKIPPED)
        ),
        voices=voices,
        voice_count=voice_count,
    )
