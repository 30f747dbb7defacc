"""Bad input on the call page: clear answers, nothing counted twice, never a 5xx."""

import pytest
from django.core import signing
from django.test import override_settings

from actions.calls import calling
from actions.models.calls import CallOutcome
from tests.actions.calls.helpers import card_fields, heading, look_up, press

pytestmark = pytest.mark.django_db


def test_a_zip_that_fits_nobody_lists_every_district(client, call_page, congress):
    response = look_up(client, call_page, zip_code="99999")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not place ZIP code 99999" in html
    assert 'id="id_district_select"' in html and "Wyoming, at large" in html
    assert "the House&#x27;s official lookup" in html or "the House's official lookup" in html


def test_a_malformed_zip_is_explained_beside_the_field(client, call_page, congress):
    response = look_up(client, call_page, zip_code="8020")
    assert response.status_code == 200
    assert "Enter a ZIP code of five digits, like 20515." in response.content.decode()


def test_an_outcome_for_a_legislator_not_on_the_list_is_refused(client, call_page, congress):
    first = look_up(client, call_page)
    response = press(client, call_page, first, "talked", legislator=congress["wy-0"].pk)
    assert response.status_code == 400
    assert "That legislator is not on your call list, so nothing was counted." in (
        response.content.decode()
    )
    assert heading(response) == "Senator Sam Coloradan"
    assert not CallOutcome.objects.exists()


def test_an_unknown_outcome_asks_again(client, call_page, congress):
    response = press(client, call_page, look_up(client, call_page), "hung-up-on")
    assert response.status_code == 400
    assert "Choose one of the buttons below" in response.content.decode()
    assert not CallOutcome.objects.exists()


@pytest.mark.parametrize("token", ["", "nonsense", "a" * 5000])
def test_a_missing_or_altered_call_list_starts_again(client, call_page, congress, token):
    response = client.post(call_page.url, {"call": token, "legislator": "X", "outcome": "talked"})
    assert response.status_code == 400
    assert "We could not read your call list, so nothing was counted." in (
        response.content.decode()
    )
    assert 'name="zip_code"' in response.content.decode()
    assert not CallOutcome.objects.exists()


def test_another_pages_call_list_is_refused(client, call_page, congress, home_page):
    from actions.factories import CallPageFactory

    other = CallPageFactory(parent=home_page, bill=call_page.bill)
    first = look_up(client, other)
    response = client.post(call_page.url, {**card_fields(first), "outcome": "talked"})
    assert response.status_code == 400
    assert not CallOutcome.objects.exists()


def test_an_expired_call_list_says_so(client, call_page, congress):
    first = look_up(client, call_page)
    with override_settings(CALL_SESSION_SECONDS=-1):
        response = press(client, call_page, first, "talked")
    assert response.status_code == 200
    assert "Your call list is more than a few hours old" in response.content.decode()
    assert not CallOutcome.objects.exists()


def test_two_presses_at_once_make_one_row(call_page, congress):
    """The unique constraint holds even when the second press reaches the database first."""
    session = calling.Session(nonce="n", district_key="CO-1", legislator_ids=["X"])
    member = congress["co-1"]
    session.legislator_ids = [member.pk]
    assert calling.record(call_page, session, member, "talked", "en") == "counted"
    assert calling.record(call_page, session, member, "talked", "en") == "same"
    assert CallOutcome.objects.count() == 1


def test_a_token_is_signed_and_names_its_page(call_page):
    session = calling.Session(nonce="n", district_key="CO-1", legislator_ids=["A"])
    token = calling.sign(call_page, session)
    assert calling.unsign(call_page, token).legislator_ids == ["A"]
    assert calling.unsign(call_page, token[:-2] + "xx") is None
    assert signing.loads(token, salt=calling.SALT)["m"] == ["A"]


def test_a_huge_post_is_refused_without_an_error_page(client, call_page, congress):
    response = client.post(call_page.url, {"zip_code": "80202", "padding": "x" * 20000})
    assert response.status_code == 413


def test_script_typed_as_a_name_is_escaped_on_the_card_and_in_the_next(client, call_page, congress):
    typed = '<script>alert("x")</script>'
    first = look_up(client, call_page, full_name=typed, city="<b>Denver</b>")
    html = first.content.decode()
    assert typed not in html and "<b>Denver</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    second = press(client, call_page, first, "talked")
    assert typed not in second.content.decode()
    assert "&lt;script&gt;" in second.content.decode()


def test_a_name_too_long_is_explained_beside_the_field(client, call_page, congress):
    response = look_up(client, call_page, full_name="A" * 10_000)
    assert response.status_code == 200
    assert "Use at most 100 characters." in response.content.decode()
    assert 'name="call"' not in response.content.decode()
