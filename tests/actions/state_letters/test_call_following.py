"""A call page that follows its bill (actions/models/following.py, CallFollowsBillMixin): each
step's cards call the right people with the step's own script, thanks go to the sponsors still
in office, a failed bill closes the ask, the admin shows the live step, and neither the page nor
a card costs more queries with a larger committee. Posted as a browser with JS off posts them.
Legislatures and the bills: conftest.py; the state page's link to a call page:
tests/states/test_live_bills.py."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from actions.models.calls import CallOutcome, CallPage
from actions.packets import state_packet_for
from core.localization import sync_translation
from states.factories import BillFactory
from states.models import BillStatus, StateCommitteeMembership, StateLegislator
from tests.actions.calls.helpers import heading, look_up, press
from tests.actions.letters.helpers import plaintext
from tests.actions.state_letters.conftest import (
    MARCH,
    committee_of,
    html_of,
    in_committee,
    member,
)
from tests.states.helpers import make_bill

pytestmark = pytest.mark.django_db

THANKS = "I am {full_name}. I call to thank {legislator_title} {legislator_last_name} for {bill}."


def follow(page, bill) -> CallPage:
    page.bill = bill
    page.follows_bill = True
    page.committee_intro = "The committee hears it next: call its members."
    page.other_chamber_script = "The other chamber has {bill}: {legislator_last_name}, pass it."
    page.thanks_script = THANKS
    page.closed_text = "It will be back next session: sign up to hear when."
    page.full_clean()
    page.save_revision().publish()
    return CallPage.objects.get(pk=page.pk)


def called() -> list[tuple[str, str, str]]:
    return sorted(CallOutcome.objects.values_list("legislator_name", "district_key", "outcome"))


def test_in_committee_the_caller_calls_each_committee_member_whatever_the_zip(
    client, state_call_page, legislatures
):
    page = follow(state_call_page, in_committee(committee_of("Ona Dorado", "Emma Greenwood")))
    html = html_of(client.get(page.url))
    assert "Call the committee" in html and "The committee hears it next" in html
    assert "You call each of the 2 members of the Judiciary and Public Safety committee" in html
    assert "Senator Ona Dorado" in html and "Representative Emma Greenwood" in html
    assert 'name="zip_code"' in html and 'name="call"' not in html

    first = look_up(client, page, zip_code="55402", city="Minneapolis")  # Lindqvist's district
    assert heading(first) == "Senator Ona Dorado"
    assert "Call 1 of 2" in first.content.decode()
    assert "I ask Senator Dorado to end qualified immunity" in first.content.decode()
    second = press(client, page, first, "talked")
    assert heading(second) == "Representative Emma Greenwood"
    done = press(client, page, second, "voicemail")
    assert heading(done) == "Thank you for calling"
    assert "Lindqvist" not in done.content.decode()
    assert called() == [
        ("Emma Greenwood", "MN 63A", "voicemail"),
        ("Ona Dorado", "MN 63", "talked"),
    ]
    # The committee's list is fixed, whatever the ZIP code: carried through the signed call
    # list, the rows say they are not constituents' calls, and the packets leave them out.
    assert set(CallOutcome.objects.values_list("constituent", flat=True)) == {False}
    assert state_packet_for(StateLegislator.objects.get(name="Ona Dorado")).called.count == 0


def test_in_committee_without_a_named_committee_calls_own_legislators(
    client, state_call_page, legislatures
):
    page = follow(state_call_page, in_committee())
    assert "You call your own state legislators." in html_of(client.get(page.url))
    card = look_up(client, page, zip_code="55402")
    assert heading(card) == "Senator Kari Lindqvist"
    press(client, page, card, "talked")
    # Found from the ZIP code: the caller's own senator, counted in the senator's packet.
    assert list(CallOutcome.objects.values_list("constituent", flat=True)) == [True]
    assert state_packet_for(StateLegislator.objects.get(name="Kari Lindqvist")).called.count == 1


def test_passed_one_chamber_calls_the_other_with_its_own_script(
    client, state_call_page, legislatures
):
    page = follow(
        state_call_page, make_bill("MN", (BillStatus.PASSED_ONE_CHAMBER, MARCH), number="SF 1")
    )
    html = html_of(client.get(page.url))
    assert "Call the other chamber" in html
    assert "You call your own member of the House, which votes next." in html
    card = look_up(client, page, zip_code="55406", district_lower="MN|63A")
    text = card.content.decode()
    assert heading(card) == "Representative Emma Greenwood"
    assert "Call 1 of 1" in text and "Dorado" not in text
    assert "The other chamber has" in text and "Greenwood, pass it." in text


def test_signed_calls_to_thank_the_sponsors_still_in_office(client, state_call_page, legislatures):
    bill = make_bill(
        "MN", (BillStatus.SIGNED, MARCH), number="SF 1", sponsor="Sen. Ona Dorado, Rep. Lee Gone"
    )
    page = follow(state_call_page, bill)
    html = html_of(client.get(page.url))
    assert "Thank the sponsors" in html
    assert "We cannot address thanks to Rep. Lee Gone" in html
    card = look_up(client, page, zip_code="94102")  # anywhere: the sponsors are fixed
    assert heading(card) == "Senator Ona Dorado"
    assert "I call to thank Senator Dorado for" in card.content.decode()
    press(client, page, card, "talked")
    assert called() == [("Ona Dorado", "MN 63", "talked")]
    assert not CallOutcome.objects.get().constituent  # thanks from anywhere


def test_thanks_nobody_can_take_are_said_plainly(client, state_call_page, legislatures):
    bill = make_bill("MN", (BillStatus.SIGNED, MARCH), number="SF 1", sponsor="Sen. Lee Gone")
    html = html_of(client.get(follow(state_call_page, bill).url))
    assert "so there is nobody to call with thanks" in html
    assert 'name="zip_code"' not in html


@pytest.mark.parametrize("status", [BillStatus.FAILED, BillStatus.VETOED])
def test_failed_closes_the_call_with_what_comes_next(client, state_call_page, legislatures, status):
    page = follow(state_call_page, make_bill("MN", (status, MARCH), number="SF 1"))
    html = html_of(client.get(page.url))
    assert "This call is closed" in html and "It will be back next session" in html
    assert 'name="zip_code"' not in html


def test_following_needs_a_state_bill_a_state_call_and_the_step_texts(
    state_call_page, legislatures
):
    page = state_call_page
    page.bill = make_bill("MN", (BillStatus.SIGNED, MARCH))
    page.follows_bill = True
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert set(caught.value.message_dict) == {"thanks_script", "closed_text"}
    page.bill = BillFactory(jurisdiction="US", number="H.R. 1")
    page.thanks_script, page.closed_text = THANKS, "Next session."
    page.chambers = "both"
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "Only a call to state legislators" in str(caught.value.message_dict["follows_bill"])


def test_the_admin_shows_the_live_step_and_why(admin_client, state_call_page, legislatures):
    page = follow(state_call_page, in_committee(committee_of("Ona Dorado", "Emma Greenwood")))
    html = html_of(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    assert "Live step: Call the committee" in html
    assert "the latest status, of March 11, 2026, is In committee" in html
    assert "The committee has 2 members in the data." in html
    assert "passed or signed: thank-you script" in html.lower()


def test_a_large_committee_costs_the_same_queries_as_a_small_one(
    client, state_call_page, legislatures
):
    committee = committee_of("Ona Dorado")
    page = follow(state_call_page, in_committee(committee))
    client.get(page.url)  # warm the site's caches
    with CaptureQueriesContext(connection) as small_page:
        html_of(client.get(page.url))
    with CaptureQueriesContext(connection) as small_card:
        assert heading(look_up(client, page, zip_code="55402")) == "Senator Ona Dorado"
    for n in range(40):
        StateCommitteeMembership.objects.create(
            committee=committee, legislator=member("MN", "upper", "63", f"Extra Member{n}")
        )
    with CaptureQueriesContext(connection) as large_page:
        assert "Senator Extra Member39" in html_of(client.get(page.url))
    with CaptureQueriesContext(connection) as large_card:
        assert "Call 1 of 41" in look_up(client, page, zip_code="55402").content.decode()
    assert len(large_page) == len(small_page)
    assert len(large_card) == len(small_card)


def test_the_thanks_step_in_spanish_reads_the_translated_script(
    client, state_call_page, legislatures, spanish_home
):
    bill = make_bill("MN", (BillStatus.SIGNED, MARCH), number="SF 1", sponsor="Sen. Ona Dorado")
    sync_translation(bill, "es")
    page = follow(state_call_page, bill)
    spanish_thanks = (
        "Soy {full_name}. Llamo para agradecer a {legislator_title} {legislator_last_name}."
    )
    sync_translation(page, "es", {plaintext(THANKS): plaintext(spanish_thanks)})
    spanish = page.get_translation(Locale.objects.get(language_code="es"))
    html = html_of(client.get(spanish.url))
    assert "Agradezca a los patrocinadores" in html
    card = look_up(client, spanish, zip_code="55402", full_name="Ana Rivera")
    assert heading(card) == "Senadora Ona Dorado"
    assert "Soy Ana Rivera. Llamo para agradecer a Senadora Dorado." in card.content.decode()
