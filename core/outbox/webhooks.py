"""Anymail tracking events: bounces and complaints suppress the address for every later send.

Each event is handled once: its provider id (or, when the provider gives none, a hash of the
payload) is recorded in the same transaction as its effects, so a replayed webhook is a no-op.
"""

import hashlib
import json
import logging

from anymail.signals import EventType
from django.db import transaction
from django.dispatch import Signal

from core.models.outbox import (
    OutboundEmail,
    ProcessedWebhookEvent,
    Suppression,
    normalize_address,
)

logger = logging.getLogger(__name__)

SUPPRESSING_EVENTS = {
    EventType.BOUNCED: Suppression.Reason.BOUNCED,
    EventType.COMPLAINED: Suppression.Reason.COMPLAINED,
    EventType.REJECTED: Suppression.Reason.REJECTED,
}

#: Sent when the provider reports that a recipient unsubscribed (e.g. their mail client's
#: unsubscribe button handled by the provider). Apps with mailing lists listen; args: email.
address_unsubscribed = Signal()


def event_key(event, esp_name: str) -> str:
    if event.event_id:
        return f"{esp_name}:{event.event_id}"[:255]
    payload = event.esp_event
    if hasattr(payload, "lists"):  # a QueryDict from form-encoded webhooks
        payload = dict(payload.lists())
    try:
        raw = json.dumps(payload, sort_keys=True, default=str)
    except (TypeError, ValueError):
        raw = repr(payload)
    digest = hashlib.sha256(f"{event.event_type}|{event.recipient}|{raw}".encode()).hexdigest()
    return f"{esp_name}:sha256:{digest}"


def handle_tracking_event(sender, event, esp_name, **kwargs) -> bool:
    """Receiver for anymail.signals.tracking. Returns whether the event was new."""
    key = event_key(event, esp_name)
    recipient = normalize_address(event.recipient or "")
    with transaction.atomic():
        _record, created = ProcessedWebhookEvent.objects.get_or_create(
            key=key, defaults={"esp_name": esp_name[:40], "event_type": event.event_type[:40]}
        )
        if not created:
            return False
        if event.message_id:
            OutboundEmail.objects.filter(provider_message_id=str(event.message_id)).update(
                last_event=event.event_type[:40]
            )
        reason = SUPPRESSING_EVENTS.get(event.event_type)
        if reason and recipient:
            detail = event.description or event.mta_response or event.reject_reason or ""
            Suppression.objects.get_or_create(
                email=recipient,
                defaults={"reason": reason, "detail": f"{esp_name}: {detail}"[:1000]},
            )
            logger.info(
                "Suppressed an address after a %s event from %s", event.event_type, esp_name
            )
        if event.event_type == EventType.UNSUBSCRIBED and recipient:
            transaction.on_commit(lambda: address_unsubscribed.send(sender=None, email=recipient))
    return True
