"""A letter page that follows its bill (actions/models/following.py): each step writes to the
right people with its own words, the fallbacks say why, the admin shows the live step, and the
page's queries do not grow with the committee. Legislatures: conftest.py."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from actions.models.letters import LetterPage, LetterSent
from actions.packets import state_packet_for
from core.localization import sync_translation
from states.models import (
    BillStatus,
    StateCommitteeMembership,
    StateLegislator,
)
from tests.actions.letters.helpers import plaintext, write
from tests.actions.state_letters.conftest import (
    MARCH,
    committee_of,
    html_of,
    in_committee,
    member,
)
from tests.states.helpers import make_bill

pytestmark = pytest.mark.django_db


def follow(page, bill) -> LetterPage:
    page.bill = bill
    page.follows_bill = True
    page.committee_intro = "The committee hears it next."
    page.other_chamber_subject = "The other chamber has {bill} now"
    page.thanks_subject = "Thank you for {bill_number}"
    page.thanks_letter = (
        "Dear {legislator_title} {legislator_last_name},\n\nThank you.\n\n{full_name}"
    )
    page.closed_text = "It will be back next session: sign up to hear when."
    page.full_clean()
    page.save_revision().publish()
    return LetterPage.objects.get(pk=page.pk)


def sent() -> list[tuple[str, str]]:
    return sorted(LetterSent.objects.values_list("legislator_name", "district_key"))


def test_in_committee_writes_to_the_committee_whatever_the_zip(
    client, state_letter_page, legislatures
):
    page = follow(state_letter_page, in_committee(committee_of("Ona Dorado", "Emma Greenwood")))
    html = html_of(client.get(page.url))
    assert "Write to the committee" in html and "The committee hears it next." in html
    assert "Senator Ona Dorado" in html and "Representative Emma Greenwood" in html
    assert "Judiciary and Public Safety committee, Minnesota Senate" in html
    html = html_of(write(client, page, zip_code="55402"))  # Kari Lindqvist's district
    assert "Your 2 letters are ready" in html
    assert "Dear Senator Dorado," in html and "Dear Representative Greenwood," in html
    assert "Lindqvist" not in html
    assert sent() == [("Emma Greenwood", "MN 63A"), ("Ona Dorado", "MN 63")]
    # Written from another district: not the members' constituents (their packets leave these
    # letters out; the letters report counts them).
    assert set(LetterSent.objects.values_list("constituent", flat=True)) == {False}
    assert state_packet_for(StateLegislator.objects.get(name="Ona Dorado")).wrote.count == 0


def test_in_committee_without_a_named_committee_writes_to_own_legislators(
    client, state_letter_page, legislatures
):
    page = follow(state_letter_page, in_committee())
    assert "Your letter goes to your own state legislators." in html_of(client.get(page.url))
    html = html_of(write(client, page, zip_code="55402"))
    assert "Dear Senator Lindqvist," in html
    assert "The seat for Minnesota House, district 60A is vacant" in html
    # Found from the ZIP code: the writer's own senator, counted in the senator's packet.
    assert list(LetterSent.objects.values_list("constituent", flat=True)) == [True]
    assert state_packet_for(StateLegislator.objects.get(name="Kari Lindqvist")).wrote.count == 1


def test_passed_one_chamber_writes_to_the_other_with_its_own_subject(
    client, state_letter_page, legislatures
):
    bill = make_bill("MN", (BillStatus.PASSED_ONE_CHAMBER, MARCH), number="SF 1")
    page = follow(state_letter_page, bill)
    assert "your own member of the House, which votes next" in html_of(client.get(page.url))
    html = html_of(write(client, page, zip_code="55406", district_lower="MN|63A"))
    assert "Your letter is ready" in html
    assert "Dear Representative Greenwood," in html and "Dorado" not in html
    assert "The other chamber has" in html and "(SF 1) now" in html


def test_signed_thanks_the_sponsors_still_in_office_and_names_the_others(
    client, state_letter_page, legislatures
):
    bill = make_bill(
        "MN", (BillStatus.SIGNED, MARCH), number="SF 1", sponsor="Sen. Ona Dorado, Rep. Lee Gone"
    )
    page = follow(state_letter_page, bill)
    html = html_of(client.get(page.url))
    assert "Thank the sponsors" in html
    assert "We cannot address thanks to Rep. Lee Gone" in html
    html = html_of(write(client, page, zip_code="94102"))  # anywhere: the sponsors are fixed
    assert "Your letter is ready" in html and "Thank you for SF 1" in html
    assert sent() == [("Ona Dorado", "MN 63")]
    assert not LetterSent.objects.get().constituent  # thanks from anywhere: not a constituent's


def test_thanks_that_cannot_be_addressed_are_said_plainly(client, state_letter_page, legislatures):
    bill = make_bill("MN", (BillStatus.SIGNED, MARCH), number="SF 1", sponsor="Sen. Lee Gone")
    page = follow(state_letter_page, bill)
    html = html_of(client.get(page.url))
    assert "None of the sponsors is on our list of current legislators" in html
    assert 'name="zip_code"' not in html


@pytest.mark.parametrize("status", [BillStatus.FAILED, BillStatus.VETOED])
def test_failed_closes_the_ask_with_what_comes_next(
    client, state_letter_page, legislatures, status
):
    page = follow(state_letter_page, make_bill("MN", (status, MARCH), number="SF 1"))
    html = html_of(client.get(page.url))
    assert "This letter is closed" in html
    assert "It will be back next session" in html
    assert 'name="zip_code"' not in html


def test_following_needs_a_state_bill_and_the_step_texts(state_letter_page, legislatures):
    page = state_letter_page
    page.bill = make_bill("MN", (BillStatus.SIGNED, MARCH))
    page.follows_bill = True
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert set(caught.value.message_dict) == {"thanks_subject", "thanks_letter", "closed_text"}
    page.follows_bill = False
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert "no longer before the legislature" in str(caught.value.message_dict["bill"])


def test_the_admin_shows_the_live_step_and_why(admin_client, state_letter_page, legislatures):
    page = follow(state_letter_page, in_committee(committee_of("Ona Dorado", "Emma Greenwood")))
    html = html_of(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    assert "Live step: Write to the committee" in html
    assert "the latest status, of March 11, 2026, is In committee" in html
    assert "The committee has 2 members in the data." in html


def test_a_large_committee_costs_the_same_queries_as_a_small_one(
    client, state_letter_page, legislatures
):
    committee = committee_of("Ona Dorado")
    page = follow(state_letter_page, in_committee(committee))
    client.get(page.url)  # warm the site's caches
    with CaptureQueriesContext(connection) as small:
        html_of(client.get(page.url))
    for n in range(40):
        StateCommitteeMembership.objects.create(
            committee=committee, legislator=member("MN", "upper", "63", f"Extra Member{n}")
        )
    with CaptureQueriesContext(connection) as large:
        assert "Senator Extra Member39" in html_of(client.get(page.url))
    assert len(large) == len(small)


def test_the_committee_step_in_spanish(client, state_letter_page, legislatures, spanish_home):
    bill = in_committee(committee_of("Ona Dorado", "Emma Greenwood"))
    sync_translation(bill, "es")
    page = follow(state_letter_page, bill)
    sync_translation(page, "es", {plaintext(page.subject): plaintext("Vote por la {bill}")})
    spanish = page.get_translation(Locale.objects.get(language_code="es"))
    html = html_of(client.get(spanish.url))
    assert "Escriba a la comisión" in html
    assert "Comisión Judiciary and Public Safety, Senado de Minnesota" in html
    assert "Senadora Ona Dorado" in html
    html = html_of(write(client, spanish, zip_code="55402"))
    assert "Sus 2 cartas están listas" in html and "Vote por la" in html
