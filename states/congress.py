"""Who represents a ZIP code in Congress: the lookup the letter page and state pages share.

A ZIP alone is often ambiguous (a ZIP tabulation area may cross district or even state lines),
so `districts_for_zip` returns every candidate and callers ask the supporter to choose; nothing
here guesses. Queries are bounded: one for the districts, one for all the members they need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Subquery

from states.zip_codes import normalize_zip, state_for_prefix

from .models.legislators import NON_STATES, Chamber, CommitteeMembership, Legislator, ZipDistrict

# The House's own "find your representative" tool, for anyone the data cannot place.
HOUSE_LOOKUP_URL = "https://www.house.gov/representatives/find-your-representative"


@dataclass(frozen=True, order=True)
class District:
    state: str
    number: int  # 0 for an at-large seat

    @property
    def key(self) -> str:
        """A stable form value: 'CO-7', 'WY-0'."""
        return f"{self.state}-{self.number}"

    @classmethod
    def from_key(cls, key: str) -> District | None:
        state, _, number = (key or "").strip().upper().partition("-")
        if len(state) != 2 or not state.isalpha() or not number.isdigit() or len(number) > 2:
            return None
        return cls(state, int(number))

    @property
    def is_at_large(self) -> bool:
        return self.number == 0

    @property
    def has_senators(self) -> bool:
        return self.state not in NON_STATES


@dataclass
class Delegation:
    """The members who speak for one district: its two senators and its representative."""

    district: District
    senators: list[Legislator] = field(default_factory=list)
    representative: Legislator | None = None

    @property
    def members(self) -> list[Legislator]:
        return [*self.senators, *([self.representative] if self.representative else [])]

    def for_chambers(self, chambers: Iterable[str]) -> list[Legislator]:
        wanted = set(chambers)
        return [member for member in self.members if member.chamber in wanted]


def state_for_zip(raw_zip: str) -> str:
    """The state a ZIP code (5 digits or ZIP+4) is in, one answer for every form: where the
    Census relation (ZipDistrict) places the ZIP in one state, that state; where it straddles a
    state line, or the relation lacks it or is not imported yet, the USPS prefix (as the Postal
    Service assigns it). "" when neither knows. One query."""
    zip5 = normalize_zip(raw_zip)
    if not zip5:
        return ""
    states = set(ZipDistrict.objects.filter(zcta=zip5).values_list("state", flat=True))
    if len(states) == 1:
        return states.pop()
    return state_for_prefix(zip5)


def districts_for_zip(raw_zip: str) -> list[District]:
    """Every district the ZIP (5 digits or ZIP+4) lies in; [] for an unknown or invalid ZIP."""
    zip5 = normalize_zip(raw_zip)
    if not zip5:
        return []
    rows = ZipDistrict.objects.filter(zcta=zip5).values_list("state", "district")
    return sorted(District(state, number) for state, number in rows)


def delegations(districts: Iterable[District]) -> list[Delegation]:
    """The delegation of each district, in the given order, from one query."""
    districts = list(districts)
    if not districts:
        return []
    states = {district.state for district in districts}
    members = list(Legislator.objects.filter(state__in=states).order_by("last_name"))
    result = []
    for district in districts:
        delegation = Delegation(district)
        for member in members:
            if member.state != district.state:
                continue
            if member.chamber == Chamber.SENATE:
                delegation.senators.append(member)
            elif member.district == district.number:
                delegation.representative = member
        result.append(delegation)
    return result


def delegation_for(district: District) -> Delegation:
    return delegations([district])[0]


def members_for_state(state: str) -> list[Legislator]:
    """A state's senators, then its representatives by district, for the state page, in one
    query. Each carries `on_judiciary` (a seat on the House or Senate Judiciary Committee, which
    hears qualified immunity bills) and `judiciary_role` ('Chairman', 'Ranking Member' or '')."""
    judiciary = CommitteeMembership.objects.filter(
        legislator=OuterRef("pk"), committee__name__icontains="judiciary"
    )
    return list(
        Legislator.objects.filter(state=state)
        .annotate(
            on_judiciary=Exists(judiciary),
            judiciary_role=Subquery(judiciary.order_by("-role").values("role")[:1]),
        )
        .order_by("-chamber", "district", "last_name")
    )
