"""Fixtures for the letter tests: a letter page (and its Spanish translation), a bill, and a
small Congress: Colorado (one single-district ZIP, one split ZIP), Wyoming at large, Puerto Rico,
the District of Columbia, a ZIP across a state line and a vacant seat."""

import datetime

import pytest
from django.utils import timezone

from actions.factories import LetterPageFactory
from actions.models import LetterPage
from core.localization import translate
from states.factories import BillFactory, LegislatorFactory, ZipDistrictFactory
from states.models import Bill, Chamber, Legislator, LegislatorImport
from tests.actions.letters.helpers import spanish_strings
from tests.module_data import built, shared


@shared("bill")
def build_bill(site, need) -> int:
    return BillFactory(
        jurisdiction="US", number="H.R. 1470", title="Ending Qualified Immunity Act"
    ).pk


@pytest.fixture
def bill(locales):
    """Built once for the module's tests, as the pages below are (tests/module_data.py)."""
    return Bill.objects.get(pk=built("bill"))


@pytest.fixture
def spanish_bill(bill, spanish_home):
    return translate(
        bill,
        "es",
        {
            bill.title: "Ley para Acabar con la Inmunidad Calificada",
            bill.number: bill.number,
            bill.sponsor: bill.sponsor,
        },
    )


@shared("letter_page")
def build_letter_page(site, need) -> int:
    page = LetterPageFactory(
        parent=site.home, slug="write-to-congress", bill=Bill.objects.get(pk=need("bill"))
    )
    page.save_revision().publish()
    return page.pk


@pytest.fixture
def letter_page(home_page, bill):
    return LetterPage.objects.get(pk=built("letter_page"))


@pytest.fixture
def spanish_letter_page(letter_page, spanish_bill):
    return translate(letter_page, "es", spanish_strings(letter_page))


def senator(state, last_name, **extra):
    return LegislatorFactory(
        chamber=Chamber.SENATE, state=state, last_name=last_name, first_name="Sam", **extra
    )


def representative(state, district, last_name, **extra):
    return LegislatorFactory(
        chamber=Chamber.HOUSE,
        state=state,
        district=district,
        last_name=last_name,
        first_name="Robin",
        **extra,
    )


@shared("congress")
def build_congress(site, need) -> dict[str, int | list[int]]:
    """Invented members (named after their seats, so tests read easily) and ZIP areas."""
    members = {
        "co-senators": [senator("CO", "Coloradan"), senator("CO", "Rockies")],
        "co-1": representative("CO", 1, "Denverson"),
        "co-7": representative("CO", 7, "Golden", contact_form_url="", phone=""),
        "co-8": representative("CO", 8, "Thornton", contact_form_url="", website=""),
        "wy-senators": [senator("WY", "Cheyenne"), senator("WY", "Laramie")],
        "wy-0": representative("WY", 0, "Atlarge"),
        "pr-0": representative("PR", 0, "Borinquen"),
        "dc-0": representative("DC", 0, "Capitol"),
        "ga-senators": [senator("GA", "Peach"), senator("GA", "Savannah")],
        "al-senators": [senator("AL", "Mobile"), senator("AL", "Montgomery")],
        "al-3": representative("AL", 3, "Anniston"),
        "ga-14": representative("GA", 14, "Rome"),
        "ca-senators": [senator("CA", "Pacific"), senator("CA", "Sierra")],
    }
    for zcta, state, district in [
        ("80202", "CO", 1),
        ("80002", "CO", 7),
        ("80002", "CO", 8),
        ("82001", "WY", 0),
        ("00901", "PR", 0),
        ("20001", "DC", 0),
        ("30165", "AL", 3),
        ("30165", "GA", 14),
        ("94103", "CA", 14),  # a vacant seat: no representative until a special election
    ]:
        ZipDistrictFactory(zcta=zcta, state=state, district=district)
    LegislatorImport.objects.create(
        started_at=timezone.now(),
        source="tests",
        legislator_count=20,
        zip_area_count=9,
        # The publisher's date of the files, which the page shows; imported much later.
        data_published_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 12, 0)),
    )
    LegislatorImport.objects.update(
        finished_at=timezone.make_aware(datetime.datetime(2026, 11, 20, 12, 0))
    )
    return {
        seat: [member.pk for member in found] if isinstance(found, list) else found.pk
        for seat, found in members.items()
    }


@pytest.fixture
def congress(db) -> dict:
    """The members by seat (a list for a state's two senators), read again for each test."""
    pks = built("congress")
    members = Legislator.objects.in_bulk(
        [pk for found in pks.values() for pk in (found if isinstance(found, list) else [found])]
    )
    return {
        seat: [members[pk] for pk in found] if isinstance(found, list) else members[found]
        for seat, found in pks.items()
    }
