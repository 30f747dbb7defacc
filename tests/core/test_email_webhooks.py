"""Anymail tracking webhooks: protected by ANYMAIL_WEBHOOK_SECRET, bounces and complaints
suppress the address, a replayed event is processed once."""

import base64
import json

import pytest
from django.core import mail
from django.db import transaction

from core.models.outbox import OutboundEmail, ProcessedWebhookEvent, Suppression
from core.outbox import queue_email
from core.outbox.webhooks import address_unsubscribed

URL = "/anymail/postmark/tracking/"
SECRET = "webhook:test-only-secret"  # config/settings/test.py

pytestmark = pytest.mark.django_db


def auth(secret: str = SECRET) -> dict:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def bounce(email="gone@example.org", event_id=4323372036, record_type="Bounce", kind="HardBounce"):
    return {
        "RecordType": record_type,
        "ID": event_id,
        "Type": kind,
        "MessageID": "00000000-0000-0000-0000-000000000001",
        "Email": email,
        "BouncedAt": "2026-11-21T16:33:54.9070259Z",
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    }


def post(client, payload, **headers):
    return client.post(URL, data=json.dumps(payload), content_type="application/json", **headers)


def test_a_bounce_suppresses_the_address_for_every_later_send(
    client, django_capture_on_commit_callbacks
):
    assert post(client, bounce(email="Gone@Example.org"), **auth()).status_code == 200
    suppression = Suppression.objects.get()
    assert suppression.email == "gone@example.org"
    assert suppression.reason == Suppression.Reason.BOUNCED
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email = queue_email(
            "gone@example.org", "home/emails/notice", "en", {"heading": "Hi"}, "later-send"
        )
    assert email.status == OutboundEmail.Status.SUPPRESSED
    assert mail.outbox == []


def test_a_spam_complaint_suppresses_the_address(client):
    complaint = {
        "RecordType": "SpamComplaint",
        "ID": 42,
        "Type": "SpamComplaint",
        "Email": "angry@example.org",
        "BouncedAt": "2026-11-21T16:33:54Z",
    }
    assert post(client, complaint, **auth()).status_code == 200
    assert Suppression.objects.get().reason == Suppression.Reason.COMPLAINED


def test_a_replayed_event_is_processed_once(client):
    assert post(client, bounce(), **auth()).status_code == 200
    # Staff lift the suppression (say the mailbox was restored); the old event arriving again
    # must not bring it back.
    Suppression.objects.all().delete()
    assert post(client, bounce(), **auth()).status_code == 200
    assert ProcessedWebhookEvent.objects.count() == 1
    assert Suppression.objects.count() == 0


def test_events_without_an_id_are_deduplicated_by_their_content(client):
    opened = {
        "RecordType": "Open",
        "Recipient": "reader@example.org",
        "MessageID": "abc",
        "ReceivedAt": "2026-11-21T16:33:54Z",
    }
    post(client, opened, **auth())
    post(client, opened, **auth())
    post(client, {**opened, "ReceivedAt": "2026-11-22T10:00:00Z"}, **auth())
    assert ProcessedWebhookEvent.objects.count() == 2
    assert Suppression.objects.count() == 0


def test_a_delivery_is_recorded_on_the_outbox_row(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email = queue_email("ana@example.org", "home/emails/notice", "en", {"heading": "Hi"}, "d")
    email.refresh_from_db()
    delivered = {
        "RecordType": "Delivery",
        "MessageID": email.provider_message_id,
        "Recipient": "ana@example.org",
        "DeliveredAt": "2026-11-21T16:33:54Z",
    }
    assert post(client, delivered, **auth()).status_code == 200
    email.refresh_from_db()
    assert email.last_event == "delivered"


def test_an_unsubscribe_reported_by_the_provider_is_announced(
    client, django_capture_on_commit_callbacks
):
    heard = []

    def receiver(sender, email, **kwargs):
        heard.append(email)

    address_unsubscribed.connect(receiver)
    try:
        change = {
            "RecordType": "SubscriptionChange",
            "Recipient": "Leaver@example.org",
            "SuppressSending": True,
            "SuppressionReason": "ManualSuppression",
            "ChangedAt": "2026-11-21T16:33:54Z",
        }
        with django_capture_on_commit_callbacks(execute=True):
            assert post(client, change, **auth()).status_code == 200
    finally:
        address_unsubscribed.disconnect(receiver)
    assert heard == ["leaver@example.org"]
    assert Suppression.objects.count() == 0


@pytest.mark.parametrize("headers", [{}, auth("webhook:wrong"), auth("someone:else")])
def test_a_request_without_the_secret_gets_400_and_changes_nothing(client, headers):
    response = post(client, bounce(), **headers)
    assert response.status_code == 400
    assert Suppression.objects.count() == 0
    assert ProcessedWebhookEvent.objects.count() == 0


def test_webhooks_are_refused_until_a_secret_is_configured(client, settings):
    settings.ANYMAIL = {}
    response = post(client, bounce(), **auth())
    assert response.status_code == 400
    assert Suppression.objects.count() == 0


def test_the_deploy_check_warns_without_a_webhook_secret(settings):
    from core.outbox.checks import webhook_secret_check

    assert webhook_secret_check(None) == []
    settings.ANYMAIL = {}
    assert [m.id for m in webhook_secret_check(None)] == ["core.W001"]
