"""Constituent packets (issue 23, item 2): for one member of Congress, how many of their own
constituents signed, wrote and called through this site, with dates, on one printable page
staff hand over at a lobby visit. Counts only; the "Campaign data" group only; never public.

Who counts as a constituent:

- signed: a representative's, signatures whose ZIP code lies in their district alone
  (`Signature.district_key`); a senator's, signatures from their state (`Signature.state`);
- wrote and called: the letters written and calls made to this member (`LetterSent`,
  `CallOutcome` by Bioguide id): the lookup sent them to this member because the supporter's
  ZIP code or chosen district is theirs. Calls "skipped" are left out, and so are letters and
  calls to a bill's committee members or sponsors (`constituent` false: sent wherever the
  supporter lives).

Each is read in two queries (the total with its first and last dates, and the count per month),
whatever the number of rows.

And the approved voices (testimonials/) of people who gave a ZIP code in the district (for a
senator, the state), named as each chose for the wall: full name and city, first name and city,
or anonymous (state and profession only). A ZIP code that crosses the district's line (or the
state's) is left out: that person may live next door. Two queries: the voices (at most
MAX_VOICES, newest first) and how many there are. The one import from testimonials (its models)
is named in pyproject.toml's contracts.

Signatures from a ZIP code that crosses a representative's district line are not the district's
(the signer may live next door) but are not dropped either: they are counted, with dates, on a
line of their own, "signers whose ZIP code crosses into this district" (item 2 of issue 23's
follow-up). Voices from such ZIP codes stay out: a voice is a person's words, not a count.

State legislators (Open States people, keyed on their `ocd-person/…` id) get the same packet:
letters and calls by that id (state letters and calls record it), and signatures and voices by
the ZIP areas of the member's district (`StateZipDistrict`): a ZIP code whose rows in that
chamber name this district alone is the district's; one that touches other districts of the
chamber too is counted on the crossing line. Idaho's house districts elect seats A and B over one
Census district (every ZIP row is doubled), so those two seats are one area here. Seats elected
by the whole place (DC's and Puerto Rico's at-large members, the DC Council's chairman) count the
whole state, as a U.S. senator's do. A district with no ZIP rows (New Hampshire's floterial
districts, DC's wards, Puerto Rico) cannot be placed: its packet says so and counts only letters
and calls.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import TruncMonth

from actions.letters.lookup import district_label, place_name
from actions.letters.state_lookup import Seat, is_whole_place
from actions.models import CallOutcome, LetterSent, Signature
from actions.models.calls import Outcome
from states.congress import District
from states.models import (
    Chamber,
    Legislator,
    StateDistrict,
    StateLegislator,
    StateZipDistrict,
    ZipDistrict,
)
from testimonials.models import VoiceSubmission

MAX_VOICES = 40
# A state legislator's id, as Open States spells it and as state letters and calls record it.
STATE_ID_PREFIX = "ocd-person/"
# Chambers whose districts elect lettered seats over one Census district (every ZIP row is
# doubled: Idaho's house 1A and 1B): the seats are one area when telling a ZIP's districts apart.
SEATS_OF_ONE_AREA = {("ID", "lower")}

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


def tally(rows: QuerySet, per_month: bool = True) -> Tally:
    """Two queries (one without the months)."""
    summary = rows.aggregate(count=Count("pk"), first=Min("created_at"), last=Max("created_at"))
    if not summary["count"]:
        return Tally()
    found = Tally(
        count=summary["count"], first=summary["first"].date(), last=summary["last"].date()
    )
    if per_month:
        months = (
            rows.annotate(month=TruncMonth("created_at"))
            .values("month")
            .annotate(n=Count("pk"))
            .order_by("month")
            .values_list("month", "n")
        )
        found.months = [(m.date() if hasattr(m, "date") else m, n) for m, n in months]
    return found


def constituents(member: Legislator) -> str:
    """Whom the member speaks for: 'Colorado, district 1' or 'Colorado'."""
    if member.chamber == Chamber.SENATE:
        return place_name(member.state)
    return district_label(District(member.state, member.district or 0))


def signatures_of(member: Legislator) -> QuerySet:
    if member.chamber == Chamber.SENATE:
        return Signature.objects.filter(state=member.state, country=Signature.Country.US)
    return Signature.objects.filter(district_key=District(member.state, member.district or 0).key)


def crossing_signatures_of(member: Legislator) -> QuerySet:
    """A representative's: signatures left without a district because their ZIP code touches
    this district and another (the signer may live on either side)."""
    number = member.district or 0
    zips = ZipDistrict.objects.filter(state=member.state, district=number).values("zcta")
    crossing = (
        ZipDistrict.objects.filter(zcta__in=zips)
        .exclude(state=member.state, district=number)
        .values("zcta")
    )
    return Signature.objects.filter(
        district_key="", country=Signature.Country.US, zip_code__in=crossing
    )


def approved_voices(zips) -> QuerySet:
    return VoiceSubmission.objects.filter(
        status=VoiceSubmission.Status.PUBLISHED, page__live=True, zip_code__in=zips
    ).select_related("page")


def newest(voices: QuerySet) -> tuple[list[VoiceSubmission], int]:
    """At most MAX_VOICES, newest first, and how many there are: two queries."""
    return list(voices.order_by("-created_at")[:MAX_VOICES]), voices.count()


def state_voices(state: str) -> QuerySet:
    """Voices whose ZIP code lies in the state alone (the Census congressional table, which
    also covers DC)."""
    zips = ZipDistrict.objects.filter(state=state).values("zcta")
    outside = ZipDistrict.objects.exclude(state=state).filter(zcta__in=zips).values("zcta")
    return approved_voices(zips).exclude(zip_code__in=outside)


def voices_of(member: Legislator) -> tuple[list[VoiceSubmission], int]:
    """The approved voices from the member's district (a senator's state), newest first, at most
    MAX_VOICES, and how many there are."""
    if member.chamber == Chamber.SENATE:
        return newest(state_voices(member.state))
    number = member.district or 0
    zips = ZipDistrict.objects.filter(state=member.state, district=number).values("zcta")
    outside = ZipDistrict.objects.exclude(state=member.state, district=number)
    voices = approved_voices(zips).exclude(
        zip_code__in=outside.filter(zcta__in=zips).values("zcta")
    )
    return newest(voices)


@dataclass
class Packet:
    member: Legislator | StateLegislator
    name: str
    title: str
    seat: str
    constituents: str
    # "senate", "house", "state" (a district), "state-wide" (a seat of the whole place) or
    # "unplaced" (a state district with no ZIP areas): which note explains the counts.
    kind: str
    signed: Tally
    wrote: Tally
    called: Tally
    # Signers whose ZIP code crosses into the district (None where there is no line to cross).
    crossing: Tally | None = None
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


def letters_and_calls(member_id: str) -> dict:
    """Four queries. Only the rows that reached the member as the supporter's own legislator:
    letters and calls to a bill's committee or sponsors come from wherever the supporter lives
    (the reports count them; a constituent packet does not)."""
    return {
        "wrote": tally(LetterSent.objects.filter(legislator_id=member_id, constituent=True)),
        "called": tally(
            CallOutcome.objects.filter(legislator_id=member_id, constituent=True).exclude(
                outcome=Outcome.SKIPPED
            )
        ),
    }


def packet_for(member: Legislator) -> Packet:
    """One member of Congress's packet: nine queries (eight for a senator)."""
    voices, voice_count = voices_of(member)
    senator = member.chamber == Chamber.SENATE
    return Packet(
        member=member,
        name=member.full_name,
        title=member.title,
        seat=member.seat,
        constituents=constituents(member),
        kind="senate" if senator else "house",
        signed=tally(signatures_of(member)),
        crossing=None if senator else tally(crossing_signatures_of(member), per_month=False),
        voices=voices,
        voice_count=voice_count,
        **letters_and_calls(member.pk),
    )


def area(state: str, chamber: str, district: str) -> str:
    """The area a district's ZIP rows stand for: Idaho's house seats 1A and 1B are one."""
    if (state, chamber) in SEATS_OF_ONE_AREA:
        return district.rstrip("ABab")
    return district


def district_zips(member: StateLegislator) -> tuple[list[str], list[str]]:
    """The ZIP codes in the member's district alone (within its chamber), and those that touch
    it and another district of the chamber. One query."""
    own = area(member.state, member.chamber, member.district)
    zips = StateZipDistrict.objects.filter(
        state=member.state, chamber=member.chamber, district=member.district
    ).values("zcta")
    areas: dict[str, set[str]] = {}
    for zcta, district in StateZipDistrict.objects.filter(
        state=member.state, chamber=member.chamber, zcta__in=zips
    ).values_list("zcta", "district"):
        areas.setdefault(zcta, set()).add(area(member.state, member.chamber, district))
    alone = sorted(zcta for zcta, found in areas.items() if found == {own})
    crossing = sorted(zcta for zcta, found in areas.items() if found != {own})
    return alone, crossing


def state_packet_for(member: StateLegislator) -> Packet:
    """One state legislator's packet: at most eleven queries."""
    district = StateDistrict.objects.filter(
        state=member.state, chamber=member.chamber, name=member.district
    ).first()
    label = Seat(district).label if district else f"{place_name(member.state)}, {member.district}"
    common = {
        "member": member,
        "name": member.name,
        "title": member.title,
        "seat": f"{member.state} {member.district}",  # as the letters and calls record it
        **letters_and_calls(member.pk),
    }
    if is_whole_place(member.district):
        voices, voice_count = newest(state_voices(member.state))
        return Packet(
            constituents=place_name(member.state),
            kind="state-wide",
            signed=tally(
                Signature.objects.filter(state=member.state, country=Signature.Country.US)
            ),
            voices=voices,
            voice_count=voice_count,
            **common,
        )
    alone, crossing = district_zips(member)
    if not (alone or crossing):
        return Packet(constituents=label, kind="unplaced", signed=Tally(), **common)
    us = Signature.objects.filter(country=Signature.Country.US)
    voices, voice_count = newest(approved_voices(alone))
    return Packet(
        constituents=label,
        kind="state",
        signed=tally(us.filter(zip_code__in=alone)),
        crossing=tally(us.filter(zip_code__in=crossing), per_month=False),
        voices=voices,
        voice_count=voice_count,
        **common,
    )
