"""From a ZIP code to the state legislators a supporter writes to, without ever guessing.

    outcome = look_up_state(page, "55406", chosen={"lower": "MN|63A"})
    outcome.kind  # "letters": every chamber's district is known; "choose": the ZIP touches
                  # several districts of a chamber (candidates listed with their members);
                  # "unknown": no ZIP rows for the place (the state's districts listed);
                  # "nowhere": not even the state is known from the ZIP code

The same rules as for Congress (lookup.py): a ZIP area is listed under every district it
touches, so half of them need the supporter's choice. Beyond that:

- A single chamber (Nebraska's legislature, the DC Council) is written to whichever chamber the
  page chose.
- At-large seats beside districts (DC's Chairman and at-large members, Puerto Rico's at-large
  senators and representatives) represent everyone: they are added to the chosen district.
- Multi-member districts (New Hampshire, Vermont…) get a letter to each member; seats with
  fewer members than seats are said to be vacant.
- New Hampshire's floterial house districts have no ZIP rows: once the ordinary district is
  known, the county's floterial districts are listed as "may also represent you".
- DC and Puerto Rico have no ZIP rows at all: the district is chosen from the list.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from actions.letters.lookup import joined_names, place_name
from states.congress import state_for_zip
from states.models import StateDistrict, StateLegislator, StateZipDistrict

# Seats that represent the whole place, added to whichever district is chosen.
WHOLE_PLACE = frozenset({"at-large", "chairman"})
# The Postal Service's prefixes for Puerto Rico (states.zip_codes names states only).
PUERTO_RICO_PREFIXES = ("006", "007", "009")
# No network at run time: Open States' finder covers every state, DC and Puerto Rico.
FIND_YOUR_LEGISLATOR_URL = "https://openstates.org/find_your_legislator/"
# The chamber names districts.csv uses, said in the visitor's language.
CHAMBER_NAMES = {
    "Senate": pgettext_lazy("a state's upper chamber", "Senate"),
    "House": pgettext_lazy("a state's lower chamber", "House"),
    "Assembly": pgettext_lazy("a state's lower chamber", "Assembly"),
    "Nebraska Legislature": pgettext_lazy("Nebraska's single chamber", "Legislature"),
    "Council of the District of Columbia": pgettext_lazy("DC's legislature", "Council"),
}


def chamber_name(name: str) -> str:
    return str(CHAMBER_NAMES.get(name, name))


def state_of(zip_code: str) -> str:
    if zip_code[:3] in PUERTO_RICO_PREFIXES:
        return "PR"
    return state_for_zip(zip_code)


def is_whole_place(name: str) -> bool:
    return name.casefold() in WHOLE_PLACE


@dataclass
class Seat:
    """One district of one chamber, with its current members."""

    district: StateDistrict
    members: list[StateLegislator] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.district.state}|{self.district.name}"

    @property
    def chamber(self) -> str:
        return self.district.chamber

    @property
    def vacant(self) -> int:
        return max(self.district.seats - len(self.members), 0)

    @property
    def label(self) -> str:
        """'Minnesota House, district 63A'; 'District of Columbia Council…, At-Large'."""
        district = self.district
        if is_whole_place(district.name) or not district.name[:1].isdigit():
            return _("%(place)s %(chamber)s, %(district)s") % {
                "place": place_name(district.state),
                "chamber": chamber_name(district.chamber_name),
                "district": district.name,
            }
        return _("%(place)s %(chamber)s, district %(district)s") % {
            "place": place_name(district.state),
            "chamber": chamber_name(district.chamber_name),
            "district": district.name,
        }

    @property
    def counted_name(self) -> str:
        """The district as the counted key names it; at-large seats go without saying."""
        return "" if is_whole_place(self.district.name) else self.district.name

    @property
    def members_text(self) -> str:
        names = [f"{member.title} {member.name}" for member in self.members]
        if self.vacant and names:
            names.append(_("a vacant seat"))
        return joined_names(names) or _("seat vacant")

    @property
    def vacancy_notice(self) -> str:
        if not self.vacant:
            return ""
        if self.district.seats == 1:
            return _(
                "The seat for %(seat)s is vacant: nobody to write to there until it is filled."
            ) % {"seat": self.label}
        return ngettext(
            "%(count)s of the %(seats)s seats for %(seat)s is vacant.",
            "%(count)s of the %(seats)s seats for %(seat)s are vacant.",
            self.vacant,
        ) % {"count": self.vacant, "seats": self.district.seats, "seat": self.label}


@dataclass
class Group:
    """A fixed group written to whatever the ZIP code: the committee holding a bill, or the
    sponsors who can be thanked (actions/models/following.py)."""

    label: str
    counted_name: str
    members: list[StateLegislator] = field(default_factory=list)
    vacant = 0
    vacancy_notice = ""


def group_outcome(state: str, label: str, counted_name: str, members) -> "StateOutcome":
    return StateOutcome(
        "letters",
        state=state,
        seats=[Group(label, counted_name, list(members))],
        constituent=False,
    )


@dataclass
class Question:
    """A chamber whose district the supporter must choose."""

    chamber: str
    chamber_name: str
    candidates: list[Seat]
    from_zip: bool  # the ZIP touches these districts; else every district of the state

    @property
    def field_name(self) -> str:
        return f"district_{self.chamber}"


@dataclass
class StateOutcome:
    kind: str  # "letters", "choose", "unknown" or "nowhere"
    state: str = ""
    seats: list[Seat] = field(default_factory=list)  # known: written to
    questions: list[Question] = field(default_factory=list)
    also: list[Seat] = field(default_factory=list)  # NH floterial: "may also represent you"
    chose_outside: bool = False
    lookup_url: str = FIND_YOUR_LEGISLATOR_URL
    # Whether the seats are the supporter's own (found from the ZIP code or chosen district);
    # False for a fixed group (a bill's committee or sponsors) written to wherever they live.
    constituent: bool = True

    @property
    def place(self) -> str:
        return place_name(self.state) if self.state else ""

    @property
    def district_key(self) -> str:
        """What the counted key and email copy key on: every district written to."""
        names = [seat.counted_name for seat in self.seats if seat.counted_name]
        return f"{self.state} {'/'.join(names)}"[:80]

    @property
    def where(self) -> str:
        return joined_names([seat.label for seat in self.seats if seat.counted_name])

    @property
    def notices(self) -> list[str]:
        return [seat.vacancy_notice for seat in self.seats if seat.vacant]


def _chambers(districts: list[StateDistrict], written_to: tuple[str, ...]) -> list[str]:
    present = {district.chamber for district in districts}
    if "legislature" in present:
        return ["legislature"]
    return [chamber for chamber in written_to if chamber in present]


def _floterials(state: str, seats: list[Seat], by_name: dict, zipped: set[str]) -> list[str]:
    """New Hampshire: the county's house districts with no ZIP areas (floterials)."""
    if state != "NH":
        return []
    counties = {seat.district.name.rsplit(" ", 1)[0] for seat in seats if seat.chamber == "lower"}
    chosen = {seat.district.name for seat in seats}
    return sorted(
        name
        for (chamber, name) in by_name
        if chamber == "lower"
        and name.rsplit(" ", 1)[0] in counties
        and name not in zipped
        and name not in chosen
    )


def look_up_state(page, zip_code: str, chosen: dict[str, str]) -> StateOutcome:
    """At most four queries: the ZIP's rows, the state's districts, its members, and for New
    Hampshire the districts that have ZIP rows."""
    rows = list(
        StateZipDistrict.objects.filter(zcta=zip_code).values_list("state", "chamber", "district")
    )
    states = sorted({state for state, _chamber, _district in rows})
    state = states[0] if len(states) == 1 else (state_of(zip_code) or (states or [""])[0])
    if not state:
        return StateOutcome("nowhere")
    rows = [row for row in rows if row[0] == state]
    districts = list(StateDistrict.objects.filter(state=state))
    if not districts:
        return StateOutcome("nowhere", state=state)
    by_name = {(district.chamber, district.name): district for district in districts}
    members: dict[tuple[str, str], list[StateLegislator]] = {}
    for member in StateLegislator.objects.filter(state=state).order_by("family_name", "name"):
        members.setdefault((member.chamber, member.district), []).append(member)

    def seat(district: StateDistrict) -> Seat:
        return Seat(district, members.get((district.chamber, district.name), []))

    seats, questions, chose_outside = [], [], False
    for chamber in _chambers(districts, page.chambers_written_to):
        of_chamber = [d for d in districts if d.chamber == chamber]
        whole = [d for d in of_chamber if is_whole_place(d.name)]
        local = [d for d in of_chamber if not is_whole_place(d.name)]
        touched = {district for _s, c, district in rows if c == chamber}
        candidates = [d for d in local if d.name in touched]
        from_zip = bool(candidates)
        if not from_zip:
            candidates = local
        picked = [d for d in candidates if chosen.get(chamber) == f"{state}|{d.name}"]
        if picked:
            seats.append(seat(picked[0]))
        elif from_zip and len(candidates) == 1:
            seats.append(seat(candidates[0]))
        elif candidates:
            chose_outside = chose_outside or bool(chosen.get(chamber))
            questions.append(
                Question(
                    chamber,
                    chamber_name(of_chamber[0].chamber_name),
                    [seat(d) for d in candidates],
                    from_zip,
                )
            )
        seats.extend(seat(d) for d in whole)
    outcome = StateOutcome("letters", state=state, seats=seats, chose_outside=chose_outside)
    if questions:
        outcome.questions = questions
        outcome.kind = "choose" if all(q.from_zip for q in questions) else "unknown"
        return outcome
    if state == "NH":
        zipped = set(
            StateZipDistrict.objects.filter(state="NH", chamber="lower")
            .values_list("district", flat=True)
            .distinct()
        )
        outcome.also = [
            seat(by_name[("lower", name)]) for name in _floterials(state, seats, by_name, zipped)
        ]
    return outcome
