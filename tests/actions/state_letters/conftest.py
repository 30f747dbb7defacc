"""A small hand-made set of state legislatures for the state letter tests, written straight to
the tables (the import itself is tested in tests/states/state_legislators/):

- Minnesota: ZIP 55406 touches senate 63 and house 63A and 63B (the supporter chooses); ZIP
  55402: senate 60 and house 60A, whose seat is vacant; 55999 has no rows (the state's list).
- New Hampshire: ZIP 03246 is in senate 2 and house Belknap 2 (two members); Belknap 8 is a
  floterial district with no ZIP rows.
- Nebraska: one chamber (ZIP 68102, district 5). California: an Assemblymember (ZIP 94102).
- DC: no ZIP rows; Wards 1 and 2, the Chairman and At-Large (4 seats, 3 members).
- Puerto Rico: no ZIP rows; senate district I (two) and at-large, house 1 and at-large.
"""

import datetime
import uuid

import pytest

from actions.factories import CallPageFactory, LetterPageFactory
from actions.models.letters import Chambers
from core.localization import translate
from states.models import (
    Bill,
    BillStatus,
    BillStatusChange,
    StateCommittee,
    StateCommitteeMembership,
    StateDistrict,
    StateLegislator,
    StateZipDistrict,
)
from tests.actions.letters.helpers import plaintext, spanish_strings
from tests.states.helpers import make_bill

CHAMBER_NAMES = {"upper": "Senate", "lower": "House", "legislature": "Legislature"}
TITLES = {"upper": "Senator", "lower": "Representative", "legislature": "Senator"}


def district(state, chamber, name, seats=1, title=None, chamber_name=None):
    return StateDistrict.objects.create(
        state=state,
        chamber=chamber,
        name=name,
        division_id=f"ocd-division/country:us/state:{state.lower()}/{chamber}:{name}",
        chamber_name=chamber_name or CHAMBER_NAMES[chamber],
        member_title=title or TITLES[chamber],
        seats=seats,
    )


def member(state, chamber, name, full_name, gender="", title=None, **extra):
    given, family = full_name.rsplit(" ", 1)
    extra.setdefault("email", f"{family.lower()}@{state.lower()}.example.gov")
    extra.setdefault(
        "offices",
        [{"classification": "capitol", "address": "1 Capitol Ave", "phone": "651-555-0100"}],
    )
    return StateLegislator.objects.create(
        person_id=f"ocd-person/{uuid.uuid5(uuid.NAMESPACE_URL, full_name)}",
        name=full_name,
        given_name=given,
        family_name=family,
        state=state,
        chamber=chamber,
        district=name,
        member_title=title or TITLES[chamber],
        gender=gender,
        **extra,
    )


def zip_rows(zcta, state, chamber, *names):
    for name in names:
        StateZipDistrict.objects.create(
            zcta=zcta, state=state, chamber=chamber, district=name, division_id=name
        )


@pytest.fixture
def legislatures(db):
    district("MN", "upper", "63")
    district("MN", "upper", "60")
    for name in ("63A", "63B", "60A"):
        district("MN", "lower", name)
    member("MN", "upper", "63", "Ona Dorado", gender="F")
    member("MN", "lower", "63A", "Emma Greenwood", gender="F")
    member("MN", "lower", "63B", "Jamie Ostrow", gender="M")
    member("MN", "upper", "60", "Kari Lindqvist", gender="F", offices=[])
    zip_rows("55406", "MN", "upper", "63")
    zip_rows("55406", "MN", "lower", "63A", "63B")
    zip_rows("55402", "MN", "upper", "60")
    zip_rows("55402", "MN", "lower", "60A")

    district("NH", "upper", "2")
    district("NH", "lower", "Belknap 2", seats=2)
    district("NH", "lower", "Belknap 8")
    member("NH", "upper", "2", "Tim Laconia")
    member("NH", "lower", "Belknap 2", "Ann Gilford")
    member("NH", "lower", "Belknap 2", "Bob Meredith")
    member("NH", "lower", "Belknap 8", "Cal Floater")
    zip_rows("03246", "NH", "upper", "2")
    zip_rows("03246", "NH", "lower", "Belknap 2")

    district("NE", "legislature", "5", chamber_name="Legislature")
    member("NE", "legislature", "5", "Nell Omaha", gender="F")
    zip_rows("68102", "NE", "legislature", "5")

    district("CA", "upper", "11")
    district("CA", "lower", "17", title="Assemblymember", chamber_name="Assembly")
    member("CA", "upper", "11", "Sam Mission")
    member("CA", "lower", "17", "Marta Castro", gender="F", title="Assemblymember")
    zip_rows("94102", "CA", "upper", "11")
    zip_rows("94102", "CA", "lower", "17")

    council = "Council of the District of Columbia"
    for name, seats in (("Ward 1", 1), ("Ward 2", 1), ("Chairman", 1), ("At-Large", 4)):
        district(
            "DC", "legislature", name, seats=seats, title="Councilmember", chamber_name=council
        )
    dc = {"title": "Councilmember"}
    member("DC", "legislature", "Ward 1", "Wendy Ward", gender="F", **dc)
    member("DC", "legislature", "Ward 2", "Walt Second", **dc)
    member("DC", "legislature", "Chairman", "Carl Chair", **dc)
    for name in ("Ava Large", "Ben Large", "Cy Large"):
        member("DC", "legislature", "At-Large", name, **dc)

    district("PR", "upper", "I", seats=2)
    district("PR", "upper", "At-Large")
    district("PR", "lower", "1")
    district("PR", "lower", "At-Large")
    member("PR", "upper", "I", "Luz Sanjuan", gender="F")
    member("PR", "upper", "I", "Raul Condado", gender="M")
    member("PR", "upper", "At-Large", "Isla Entera", gender="F")
    member("PR", "lower", "1", "Pedro Viejo", gender="M")
    member("PR", "lower", "At-Large", "Rosa Todos", gender="F")


STATE_LETTER = """Dear {legislator_title} {legislator_last_name},

I am {full_name} of {city}, {state}. Please end qualified immunity in our state courts.

{full_name}"""


@pytest.fixture
def state_letter_page(home_page):
    page = LetterPageFactory(
        parent=home_page,
        slug="write-to-your-state",
        title="Write to your state legislators",
        chambers=Chambers.STATE_BOTH,
        subject="End qualified immunity in {state}",
        letter_template=STATE_LETTER,
        bill=None,
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def spanish_state_letter_page(state_letter_page, spanish_home):
    letter = (
        "Estimado/a {legislator_title} {legislator_last_name}:\n\nSoy {full_name}.\n\n{full_name}"
    )
    strings = spanish_strings(state_letter_page, letter=letter)
    strings[plaintext(state_letter_page.subject)] = plaintext("Inmunidad calificada en {state}")
    strings[plaintext(state_letter_page.title)] = plaintext("Escriba a su legislatura estatal")
    return translate(state_letter_page, "es", strings)


STATE_SCRIPT = (
    "Hello, I am {full_name} from {city}, {state}. I ask {legislator_title} "
    "{legislator_last_name} to end qualified immunity in our courts."
)


@pytest.fixture
def state_call_page(home_page):
    page = CallPageFactory(
        parent=home_page, slug="call-your-state", chambers=Chambers.STATE_BOTH, bill=None,
        script=STATE_SCRIPT,
    )  # fmt: skip
    page.save_revision().publish()
    return page


# Pages that follow their bill (test_following.py, test_call_following.py).
MARCH = datetime.date(2026, 3, 11)


def committee_of(*names) -> StateCommittee:
    committee = StateCommittee.objects.create(
        committee_id="ocd-organization/mn-judiciary",
        state="MN",
        chamber="upper",
        name="Judiciary and Public Safety",
    )
    for name in names:
        StateCommitteeMembership.objects.create(
            committee=committee, legislator=StateLegislator.objects.get(name=name)
        )
    return committee


def in_committee(committee=None):
    bill = make_bill("MN", (BillStatus.INTRODUCED, datetime.date(2026, 2, 1)), number="SF 1")
    BillStatusChange.objects.create(
        bill=bill, status=BillStatus.IN_COMMITTEE, date=MARCH, committee=committee, sort_order=1
    )
    return Bill.objects.get(pk=bill.pk)


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()
