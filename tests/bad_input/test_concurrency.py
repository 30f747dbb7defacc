"""The same email twice at once. Two requests with one address can both get past any check and
both insert: the database's unique constraint lets one win, and the other must answer as if it
had come second (no 500, no second row, no second confirmation). Here the loser's path is forced
deterministically, on SQLite and PostgreSQL alike: the winner's row is already committed when the
loser writes, and the loser's own look-up missed it. With real threads on PostgreSQL: below, and
tests/actions/petitions/test_petition_concurrency.py for signatures."""

import pytest
from django.db import connection
from django.test import Client

from actions.models import Signature, Subscriber
from core.models.outbox import OutboundEmail
from testimonials.models import TestimonialPage
from tests.actions.petitions.test_petition_concurrency import run_together


@pytest.mark.django_db
@pytest.mark.parametrize("form_name", ["petition", "pledge", "embed"])
def test_a_signature_that_loses_the_race_is_answered_as_already_signed(
    client, forms, form_name, request, django_capture_on_commit_callbacks
):
    form = forms[form_name]
    page = request.getfixturevalue("pledge" if form_name == "pledge" else "petition")
    # The winner: same action, same address, committed a moment earlier. Signing never looks
    # first; it inserts and lets the constraint decide, so this is exactly the loser's path.
    Signature.objects.create(
        action=page,
        action_key=page.translation_key,
        first_name="Other tab",
        last_name="Rivera",
        email="ana@example.org",
        language="en",
        consent_text="…",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = form.post(client, email="Ana@Example.org ")
    assert response.status_code == 302
    assert Signature.objects.get().first_name == "Other tab"  # the winner's row, only
    # The loser's owner hears "you had already signed" (the winner queued its own thank-you).
    assert list(OutboundEmail.objects.values_list("template", flat=True)) == [
        "actions/emails/signature_again"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("form_name", ["newsletter", "footer"])
def test_a_subscription_that_loses_the_race_is_one_subscriber_asked_to_confirm(
    client, forms, form_name, monkeypatch, django_capture_on_commit_callbacks
):
    form = forms[form_name]
    Subscriber.objects.create(email="ana@example.org", language="en", consent_text="…")
    manager = Subscriber.objects
    real_select_for_update = manager.select_for_update
    looked = []

    def select_for_update(*args, **kwargs):
        queryset = real_select_for_update(*args, **kwargs)
        if not looked:  # the loser's first look, before the winner committed: nothing there
            looked.append(True)
            return queryset.none()
        return queryset

    monkeypatch.setattr(manager, "select_for_update", select_for_update)
    with django_capture_on_commit_callbacks(execute=True):
        response = form.post(client)
    assert looked and response.status_code == 302
    assert Subscriber.objects.count() == 1
    assert list(OutboundEmail.objects.values_list("template", flat=True)) == [
        "actions/emails/newsletter_confirm"
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need PostgreSQL's own connections"
)
def test_the_same_subscription_and_voice_from_many_tabs_at_once(forms, settings):
    settings.SPAM_RATE_LIMIT_COUNT = 1000
    newsletter, voice = forms["newsletter"], forms["voice"]
    newsletter_data, voice_data = newsletter.data(), voice.data()

    def work(n: int) -> tuple[int, int]:
        client = Client()
        return (
            client.post(newsletter.url, newsletter_data, REMOTE_ADDR=f"10.9.0.{n}").status_code,
            client.post(voice.url, voice_data, REMOTE_ADDR=f"10.9.1.{n}").status_code,
        )

    assert run_together(8, work) == [(302, 302)] * 8
    assert Subscriber.objects.count() == 1
    assert TestimonialPage.objects.count() == 1
    templates = list(OutboundEmail.objects.values_list("template", flat=True))
    assert templates.count("actions/emails/newsletter_confirm") == 1
    assert templates.count("testimonials/emails/voice_received") == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need PostgreSQL's own connections"
)
def test_the_same_letters_from_many_tabs_at_once_count_once_with_one_copy(forms):
    from actions.models.letters import LetterSent

    letter = forms["letter"]
    data = letter.data(email_copy="on")  # one page view (one start time), sent from 8 tabs

    def work(n: int) -> int:
        response = Client().post(letter.url, data, REMOTE_ADDR=f"10.9.2.{n}")
        assert "Your 3 letters are ready" in response.content.decode()
        return response.status_code

    assert run_together(8, work) == [200] * 8
    assert LetterSent.objects.count() == 3
    assert list(OutboundEmail.objects.values_list("template", flat=True)) == [
        "actions/emails/letters_copy"
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need PostgreSQL's own connections"
)
def test_the_same_call_outcome_from_many_tabs_at_once_counts_once(forms):
    import re
    from html import unescape

    from actions.models.calls import CallOutcome

    call = forms["call"]
    card = Client().post(call.url, call.data(), REMOTE_ADDR="10.9.3.1").content.decode()
    token = unescape(re.search(r'name="call" value="([^"]+)"', card)[1])
    legislator = re.search(r'name="legislator" value="([^"]+)"', card)[1]
    pressed = {"call": token, "legislator": legislator, "outcome": "talked"}

    def work(n: int) -> int:
        return Client().post(call.url, pressed, REMOTE_ADDR=f"10.9.3.{n}").status_code

    assert run_together(8, work) == [200] * 8
    assert list(CallOutcome.objects.values_list("legislator_id", "outcome")) == [
        (legislator, "talked")
    ]
