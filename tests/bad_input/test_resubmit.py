"""Refresh and back-resubmit after a POST. Every form answers a valid POST with a redirect to its
thank-you (POST/redirect/GET), so refreshing the thank-you only reads it again. Sending the same
form again (the back button, then the button again; a double click) saves nothing new and sends
no second confirmation."""

import pytest
from django.core import mail

from actions.models import Signature, Subscriber
from core.models.outbox import OutboundEmail
from testimonials.models import TestimonialPage, VoiceSubmission

pytestmark = pytest.mark.django_db

THANKS = {
    "newsletter": "Check your inbox",
    "footer": "Check your inbox",
    "petition": "Thank you for signing",
    "pledge": "Thank you for signing",
    "embed": "Thank you for signing",
    "voice": "Thank you for adding your voice",
}


def rows(form_name: str) -> int:
    if form_name in ("newsletter", "footer"):
        return Subscriber.objects.count()
    if form_name == "voice":
        return TestimonialPage.objects.count()
    return Signature.objects.count()


@pytest.mark.parametrize("form_name", list(THANKS))
def test_refresh_and_back_resubmit_save_and_send_once(
    client, forms, form_name, django_capture_on_commit_callbacks
):
    form = forms[form_name]
    data = form.data()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(form.url, data, REMOTE_ADDR="203.0.113.30")
    assert first.status_code == 302  # POST/redirect/GET
    thank_you = first["Location"]
    assert rows(form_name) == 1 and len(mail.outbox) == 1
    confirmation = mail.outbox[0].subject

    for _refresh in range(2):  # the thank-you is a GET: reloading it reads it again
        response = client.get(thank_you)
        assert response.status_code == 200
        assert THANKS[form_name] in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(form.url, data, REMOTE_ADDR="203.0.113.30")  # back, then send again
        third = client.post(form.url, data, REMOTE_ADDR="203.0.113.30")
    assert again.status_code == third.status_code == 302
    assert rows(form_name) == 1
    assert [m.subject for m in mail.outbox].count(confirmation) == 1
    if form_name in ("petition", "pledge", "embed"):
        # The address's owner hears once that it had already signed (docs/petitions.md); a
        # stranger's browser is told nothing more than "thank you".
        assert len(mail.outbox) == 2
        html = client.get(again["Location"]).content.decode()
        assert "You have already signed: thank you!" in html
    else:
        assert len(mail.outbox) == 1
        assert THANKS[form_name] in client.get(again["Location"]).content.decode()


def test_the_same_voice_sent_again_later_with_other_words_is_a_second_voice(client, forms):
    form = forms["voice"]
    assert form.post(client).status_code == 302
    assert form.post(client, quote="And another thing: nobody is above the law.").status_code == 302
    assert TestimonialPage.objects.count() == VoiceSubmission.objects.count() == 2
    assert OutboundEmail.objects.filter(template="testimonials/emails/voice_received").count() == 2
