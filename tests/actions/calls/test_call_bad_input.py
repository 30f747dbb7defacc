"""Bad input on the call page: clear answers, nothing counted twice, never a 5xx."""

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client, override_settings

from actions.calls import calling
from actions.factories import CallPageFactory
from actions.models.calls import CallOutcome
from states.models import Legislator
from tests.actions.calls.helpers import card_fields, heading, look_up, lookup_data, press

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
    """A second press is the same row (record's get_or_create), and should two requests both
    miss the row and insert at once, the database's unique constraint refuses the second."""
    session = calling.Session(nonce="n", district_key="CO-1", legislator_ids=[congress["co-1"].pk])
    [card] = calling.call_cards(call_page, session)
    assert calling.record(call_page, session, card, "talked", "en") == "counted"
    assert calling.record(call_page, session, card, "talked", "en") == "same"
    row = CallOutcome.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        CallOutcome.objects.create(
            action_key=row.action_key, legislator_id=row.legislator_id,
            call_digest=row.call_digest, outcome="busy", language="en",
        )  # fmt: skip
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


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("👩🏽‍⚖️ Zoë 🏳️‍🌈", "👩🏽‍⚖️ Zoë 🏳️‍🌈"),
        ("مريم الحسيني", "مريم الحسيني"),
        ("Ana\u202eairotciV", "AnaairotciV"),
    ],
)
def test_emoji_and_right_to_left_names_reach_the_script_without_overrides(
    client, call_page, congress, typed, kept
):
    html = look_up(client, call_page, full_name=typed, city=typed).content.decode()
    assert f"Hello, my name is {kept} and I live in {kept}, 80202." in html
    assert "\u202e" not in html


def test_posting_without_a_csrf_token_is_accepted_here(call_page, congress):
    strict = Client(enforce_csrf_checks=True)
    first = look_up(strict, call_page)
    assert heading(first) == "Senator Sam Coloradan"
    assert heading(press(strict, call_page, first, "talked")) == "Senator Sam Rockies"
    assert CallOutcome.objects.count() == 1


def test_call_cards_never_reach_the_page_cache_and_query_strings_write_none(
    client, call_page, congress, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    assert client.get(call_page.url)["X-Page-Cache"] == "miss"
    card = look_up(client, call_page, full_name="Ana Private")
    assert "Ana Private" in card.content.decode()
    assert "no-store" in card["Cache-Control"] and "X-Page-Cache" not in card
    stranger = Client().get(call_page.url)
    assert stranger["X-Page-Cache"] == "hit" and "Ana Private" not in stranger.content.decode()
    tracked = Client().get(call_page.url, {"utm_source": "<script>x</script>", "fbclid": "1"})
    assert tracked["X-Page-Cache"] == "hit" and tracked.content == stranger.content
    forged = Client().get(
        call_page.url, {**card_fields(card), "outcome": "talked", "full_name": "<script>x"}
    )
    assert forged.status_code == 200 and 'name="call"' not in forged.content.decode()
    assert "<script>x" not in forged.content.decode()
    assert not CallOutcome.objects.exists()
    cache.clear()


def test_calls_reported_past_the_hourly_limit_are_not_counted(
    client, call_page, congress, settings
):
    settings.CALL_RATE_LIMIT_COUNT = 1
    first = look_up(client, call_page)
    second = press(client, call_page, first, "talked")
    assert CallOutcome.objects.count() == 1
    response = press(client, call_page, second, "voicemail")
    assert response.status_code == 429
    assert "Many calls were reported from your internet connection in the last hour" in (
        response.content.decode()
    )
    assert heading(response) == heading(second)  # the same card, to report later
    assert CallOutcome.objects.count() == 1


def test_a_legislator_who_left_office_since_the_list_was_made_is_not_counted(
    client, call_page, congress
):
    first = look_up(client, call_page)
    Legislator.objects.filter(pk=card_fields(first)["legislator"]).delete()
    response = press(client, call_page, first, "talked")
    assert response.status_code == 200
    assert "has left office since your list was made: nothing to count." in (
        response.content.decode()
    )
    assert not CallOutcome.objects.exists()


def test_an_unreadable_content_length_shows_the_form_again_not_an_error(
    client, call_page, congress
):
    response = client.post(call_page.url, lookup_data(), CONTENT_LENGTH="many")
    assert response.status_code == 200
    assert 'name="zip_code"' in response.content.decode()
    assert not CallOutcome.objects.exists()
