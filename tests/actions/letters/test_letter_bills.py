"""A letter asks each chamber for its own bill, and never for a bill that is no longer alive."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from actions.factories import LetterPageFactory
from actions.letters.bill_warnings import pages_asking_for
from states.factories import BillFactory, BillStatusChangeFactory
from states.models import BillStatus
from tests.actions.letters.helpers import write
from tests.helpers import staff_user

pytestmark = pytest.mark.django_db


def federal_bill(number: str, *statuses: str):
    bill = BillFactory(jurisdiction="US", number=number, title="Ending Qualified Immunity Act")
    for position, status in enumerate(statuses or [BillStatus.IN_COMMITTEE]):
        BillStatusChangeFactory(
            bill=bill,
            status=status,
            date=datetime.date(2025, 5, 22 + position),
            sort_order=position,
        )
    return bill


@pytest.fixture
def two_bills(locales):
    return federal_bill("H.R. 3602"), federal_bill("S. 1913")


@pytest.fixture
def chamber_page(home_page, two_bills):
    house, senate = two_bills
    page = LetterPageFactory(
        parent=home_page, slug="write-to-congress", bill=house, senate_bill=senate
    )
    page.save_revision().publish()
    return page


def letters(html: str) -> list[str]:
    return re.findall(r"Please vote for the (Ending Qualified Immunity Act \([^)]+\))\.", html)


def test_senators_are_asked_for_the_senate_bill_and_the_representative_for_the_house_bill(
    client, chamber_page, congress
):
    html = write(client, chamber_page).content.decode()
    assert "Your 3 letters are ready" in html
    assert letters(html) == [
        "Ending Qualified Immunity Act (S. 1913)",
        "Ending Qualified Immunity Act (S. 1913)",
        "Ending Qualified Immunity Act (H.R. 3602)",
    ]
    page = client.get(chamber_page.url).content.decode()
    assert "(S. 1913 in the Senate, H.R. 3602 in the House)" in page  # the copy-it-yourself text


def test_a_chamber_whose_bill_died_gets_no_letter(client, chamber_page, two_bills, congress):
    _house, senate = two_bills
    BillStatusChangeFactory(
        bill=senate, status=BillStatus.FAILED, date=datetime.date(2027, 1, 3), sort_order=5
    )
    html = write(client, chamber_page).content.decode()
    assert letters(html) == ["Ending Qualified Immunity Act (H.R. 3602)"]
    assert "S. 1913" not in html


def test_a_page_whose_every_bill_died_is_closed_and_asks_nothing(
    client, chamber_page, two_bills, congress
):
    for bill in two_bills:
        BillStatusChangeFactory(
            bill=bill, status=BillStatus.FAILED, date=datetime.date(2027, 1, 3), sort_order=5
        )
    html = client.get(chamber_page.url).content.decode()
    assert "This letter is closed" in html
    assert "no longer before Congress: failed on Jan. 3, 2027." in html
    assert 'name="zip_code"' not in html and "Please support the" not in html
    html = write(client, chamber_page).content.decode()
    assert "Please vote for" not in html and 'name="zip_code"' not in html


def test_editors_cannot_choose_a_dead_bill(home_page, locales):
    dead = federal_bill("H.R. 1470", BillStatus.IN_COMMITTEE, BillStatus.FAILED)
    page = LetterPageFactory.build(bill=dead, senate_bill=federal_bill("H.R. 9"))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "H.R. 1470 is no longer before the legislature (failed, 2025-05-23)" in str(
        error.value.message_dict["bill"]
    )
    state_bill = BillFactory(jurisdiction="CO", number="SB20-217")
    page = LetterPageFactory.build(bill=federal_bill("H.R. 3602"), senate_bill=state_bill)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "senate_bill" in error.value.message_dict


def test_editors_are_warned_on_the_dashboard_and_when_they_save_the_dead_bill(
    client, chamber_page, two_bills
):
    editor = staff_user("ed", groups=("Editors",))
    client.force_login(editor)
    assert "no longer alive" not in client.get("/admin/").content.decode()
    house, _senate = two_bills
    BillStatusChangeFactory(
        bill=house, status=BillStatus.FAILED, date=datetime.date(2027, 1, 3), sort_order=5
    )
    assert pages_asking_for() == [chamber_page]
    html = client.get("/admin/").content.decode()
    assert "Letters asking for a bill that is no longer alive" in html
    assert "H.R. 3602 (failed, Jan. 3, 2027)" in html


def test_saving_a_bill_as_dead_warns_about_the_pages_that_ask_for_it(rf, chamber_page, two_bills):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage

    from actions.letters.bill_warnings import warn_after_bill_saved

    house, _senate = two_bills
    request = rf.post("/admin/snippets/states/bill/edit/1/")
    request.session = {}
    request._messages = FallbackStorage(request)
    warn_after_bill_saved(request, house)
    assert not list(get_messages(request))
    BillStatusChangeFactory(
        bill=house, status=BillStatus.FAILED, date=datetime.date(2027, 1, 3), sort_order=5
    )
    warn_after_bill_saved(request, house)
    [message] = [str(m) for m in get_messages(request)]
    assert f"“{chamber_page.title}” asks supporters to back H.R. 3602" in message
