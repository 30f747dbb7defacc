"""The letter form (actions/letters) against the catalogue's cases that play out differently
there: nothing a supporter types is stored; it goes into the letters on the page and, when
asked, into the email copy. A valid POST answers 200 with the letters (private, never stored),
not a redirect, so a refresh sends the same form again.

The other cases run with every form: tests/bad_input/test_text.py, test_markup.py and
test_requests.py; the form's own defences: tests/actions/letters/test_letter_defences.py."""

import pytest
from django.core import mail

from actions.models.letters import LetterSent
from core.models.outbox import OutboundEmail
from tests.bad_input.helpers import fresh_start

pytestmark = pytest.mark.django_db

READY = "Your 3 letters are ready"
HUMAN_TEXT = [
    ("👩🏽‍⚖️ Zoë 🏳️‍🌈", "👩🏽‍⚖️ Zoë 🏳️‍🌈"),
    ("مريم الحسيني", "مريم الحسيني"),
    ("Ana\u202eairotciV", "AnaairotciV"),
    ("\u2067مريم\u2069 Smith", "مريم Smith"),
]


@pytest.mark.parametrize(("typed", "kept"), HUMAN_TEXT)
def test_emoji_and_right_to_left_names_reach_the_letters_without_direction_overrides(
    client, forms, typed, kept, django_capture_on_commit_callbacks
):
    form = forms["letter"]
    with django_capture_on_commit_callbacks(execute=True):
        response = form.post(client, full_name=typed, city=typed, email_copy="on")
    html = response.content.decode()
    assert response.status_code == 200 and READY in html
    assert f"My name is {kept} and I live in {kept}, Colorado." in html
    [email] = mail.outbox
    for text in (email.body, email.alternatives[0][0]):
        assert "\u202e" not in text and "\u2067" not in text
        assert kept in text


def test_markup_in_a_valid_quoted_address_is_escaped_on_the_page(
    client, forms, django_capture_on_commit_callbacks
):
    address = '"<script>alert(1)</script>"@example.org'
    with django_capture_on_commit_callbacks(execute=True):
        response = forms["letter"].post(client, email=address, email_copy="on")
    html = response.content.decode()
    assert READY in html
    assert "<script>alert(1)" not in html
    assert "A copy of your letters is on its way to" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert mail.outbox[0].to == [address]


def test_a_refresh_or_a_second_press_counts_the_letters_once_and_emails_once(
    client, forms, django_capture_on_commit_callbacks
):
    form = forms["letter"]
    data = form.data(email_copy="on")
    with django_capture_on_commit_callbacks(execute=True):
        for _press in range(3):  # sent, then the page refreshed, then back and sent again
            response = client.post(form.url, data, REMOTE_ADDR="203.0.113.31")
            assert response.status_code == 200 and READY in response.content.decode()
    assert LetterSent.objects.count() == 3
    assert OutboundEmail.objects.count() == 1 and len(mail.outbox) == 1

    # Someone else on the same computer, from the same page: their letters count.
    with django_capture_on_commit_callbacks(execute=True):
        other = client.post(
            form.url,
            {**data, "full_name": "Bea Ortiz", "email": "bea@example.org"},
            REMOTE_ADDR="203.0.113.31",
        )
    assert READY in other.content.decode()
    assert LetterSent.objects.count() == 6 and len(mail.outbox) == 2

    # A new visit to the page (a new start time) is a new letter, as on any day.
    again = client.post(
        form.url, {**data, "form_started": fresh_start()}, REMOTE_ADDR="203.0.113.31"
    )
    assert READY in again.content.decode()
    assert LetterSent.objects.count() == 9


def test_back_and_asking_for_the_copy_after_all_sends_it_without_counting_again(
    client, forms, django_capture_on_commit_callbacks
):
    form = forms["letter"]
    data = form.data()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(form.url, data, REMOTE_ADDR="203.0.113.32")
        response = client.post(form.url, {**data, "email_copy": "on"}, REMOTE_ADDR="203.0.113.32")
    assert "A copy of your letters is on its way to ana@example.org." in response.content.decode()
    assert LetterSent.objects.count() == 3 and len(mail.outbox) == 1


def test_letters_never_reach_the_page_cache_and_query_strings_write_none(client, forms, settings):
    from django.core.cache import cache
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    form = forms["letter"]
    assert client.get(form.url)["X-Page-Cache"] == "miss"
    response = form.post(client, full_name="Ana Private")
    assert "My name is Ana Private" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "X-Page-Cache" not in response
    stranger = Client().get(form.url)
    assert stranger["X-Page-Cache"] == "hit" and "Ana Private" not in stranger.content.decode()
    tracked = Client().get(form.url, {"utm_source": "<script>x</script>", "fbclid": "1"})
    assert tracked["X-Page-Cache"] == "hit" and tracked.content == stranger.content
    forged = Client().get(form.url, {"full_name": "<script>x</script>", "zip_code": "80202"})
    html = forged.content.decode()
    assert forged.status_code == 200 and READY not in html and "<script>x" not in html
    cache.clear()
