"""From a ZIP code to the members a supporter writes to, without ever guessing.

    outcome = look_up(page, "10027", chosen=None)
    outcome.kind  # "letters": one delegation; "choose": the ZIP spans districts (candidates
                  # listed); "unknown": the ZIP is in no district we know (every district listed)

A ZIP code is a postal route, not a district: about one in five ZIP areas crosses a district
line. When it does, the supporter picks their district from the candidates, each shown with the
member it would mean, or looks it up on the House's site with their street address.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.us_states import state_name
from states.congress import Delegation, District, delegations, districts_for_zip
from states.models import (
    NON_STATES,
    Chamber,
    Legislator,
    LegislatorImport,
    StateLegislator,
    StateLegislatorImport,
    ZipDistrict,
)


def data_status(states: bool = False) -> tuple[bool, object, bool]:
    """(letters can be written, the date of the legislator data or None, whether that date is
    the publisher's rather than the import's); of the state legislators when `states`."""
    if states:
        latest = StateLegislatorImport.latest_or_none()
        if latest is not None:
            published = latest.data_published_at
            return True, published or latest.finished_at, published is not None
        return StateLegislator.objects.exists(), None, False
    latest = LegislatorImport.latest_or_none()
    if latest is not None:
        return (True, *latest.data_date)
    # Rows loaded without a recorded import (tests, a hand-made sample): usable, undated.
    return Legislator.objects.exists(), None, False


def place_name(state: str) -> str:
    """'Colorado', 'Puerto Rico' in the active language; the code itself when unknown."""
    return str(state_name(state) or NON_STATES.get(state) or state)


def district_label(district: District) -> str:
    if district.is_at_large:
        return _("%(place)s, at large") % {"place": place_name(district.state)}
    return _("%(place)s, district %(number)s") % {
        "place": place_name(district.state),
        "number": district.number,
    }


def member_name(member: Legislator) -> str:
    return f"{member.title} {member.full_name}"


def joined_names(names: list[str]) -> str:
    """Names joined as "A, B and C", in the active language."""
    if len(names) < 2:
        return "".join(names)
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


@dataclass
class Choice:
    """One district offered to the supporter, with the members it would mean."""

    key: str
    label: str
    members: str
    state: str
    place: str


def describe(delegation: Delegation, senate_only: bool) -> Choice:
    district = delegation.district
    if senate_only:
        senators = [member_name(member) for member in delegation.senators]
        return Choice(
            key=district.key,
            label=place_name(district.state),
            members=joined_names(senators) or _("no senators"),
            state=district.state,
            place=place_name(district.state),
        )
    if delegation.representative is not None:
        members = member_name(delegation.representative)
    else:
        members = _("seat vacant")
    return Choice(
        key=district.key,
        label=district_label(district),
        members=members,
        state=district.state,
        place=place_name(district.state),
    )


@dataclass
class Outcome:
    kind: str  # "letters", "choose" or "unknown"
    delegation: Delegation | None = None
    choices: list[Choice] = field(default_factory=list)
    # The supporter picked a district that is not among the candidates (the ZIP changed since).
    chose_outside: bool = False
    senate_only: bool = False
    # Members of Congress are always the supporter's own, found from the ZIP code (a state
    # lookup's StateOutcome says False for a bill's committee or sponsors).
    constituent = True

    @property
    def place(self) -> str:
        return place_name(self.delegation.district.state) if self.delegation else ""

    @property
    def district_key(self) -> str:
        """What a LetterSent row keeps: the district, or the state alone when only senators are
        written to (the district was then never asked for)."""
        if self.delegation is None:
            return ""
        district = self.delegation.district
        return district.state if self.senate_only else district.key


def _relevant(districts: list[District], senate_only: bool) -> list[District]:
    """The candidates that lead to different letters: for letters to senators alone, one per
    state (every district of a state has the same two senators)."""
    if not senate_only:
        return districts
    seen, result = set(), []
    for district in districts:
        if district.state not in seen:
            seen.add(district.state)
            result.append(district)
    return result


def _matches(candidate: District, chosen: District, senate_only: bool) -> bool:
    return candidate.state == chosen.state if senate_only else candidate == chosen


def every_district() -> list[District]:
    """Every district we know of: from the ZIP table, plus seats with no ZIP areas in it (the
    smaller territories). Two queries; only asked for when a ZIP code is unknown."""
    known = {
        District(state, number)
        for state, number in ZipDistrict.objects.values_list("state", "district").distinct()
    }
    known |= {
        District(state, number or 0)
        for state, number in Legislator.objects.filter(chamber=Chamber.HOUSE).values_list(
            "state", "district"
        )
    }
    return sorted(known)


def look_up(page, zip_code: str, chosen: District | None) -> Outcome:
    senate_only = page.chambers_written_to == (Chamber.SENATE,)
    candidates = _relevant(districts_for_zip(zip_code), senate_only)
    if not candidates:
        known = _relevant(every_district(), senate_only)
        picked = [d for d in known if chosen is not None and _matches(d, chosen, senate_only)]
        if picked:
            return Outcome("letters", delegations(picked)[0], senate_only=senate_only)
        choices = [describe(d, senate_only) for d in delegations(known)]
        # By the place's name in the visitor's language, then by district number.
        choices.sort(key=lambda choice: (choice.place, District.from_key(choice.key)))
        return Outcome(
            "unknown",
            choices=choices,
            chose_outside=chosen is not None,
            senate_only=senate_only,
        )
    if len(candidates) == 1:
        return Outcome("letters", delegations(candidates)[0], senate_only=senate_only)
    picked = [d for d in candidates if chosen is not None and _matches(d, chosen, senate_only)]
    if picked:
        return Outcome("letters", delegations(picked)[0], senate_only=senate_only)
    return Outcome(
        "choose",
        choices=[describe(d, senate_only) for d in delegations(candidates)],
        chose_outside=chosen is not None,
        senate_only=senate_only,
    )
