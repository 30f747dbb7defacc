"""queue_email(): the one way any app sends an email."""

import json
import logging

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import translation

from core.models.outbox import OutboundEmail, Suppression, normalize_address
from core.outbox import clock
from core.outbox.sending import enqueue_send

logger = logging.getLogger(__name__)

MAX_ADDRESS_LENGTH = 254


class InvalidRecipient(ValueError):
    """The address cannot be emailed (empty, malformed, too long or trying to inject a header)."""


def clean_recipient(address: str) -> str:
    address = (address or "").strip()
    if not address or len(address) > MAX_ADDRESS_LENGTH or any(c in address for c in "\r\n\0"):
        raise InvalidRecipient(address[:80])
    try:
        validate_email(address)
    except ValidationError as error:
        raise InvalidRecipient(address[:80]) from error
    # The domain part is case-insensitive and so, in practice, is every provider's local part.
    return normalize_address(address)


def queue_email(
    to: str,
    template: str,
    language: str,
    context: dict,
    idempotency_key: str,
) -> OutboundEmail:
    """Record one email to send and send it from a background task once the caller commits.

    Call it inside the transaction that saves whatever causes the email: the row then exists if
    and only if that transaction committed. Queuing the same `idempotency_key` again returns the
    existing row and sends nothing more. `context` must be JSON-serialisable (lazy translations
    are resolved in `language`); it is rendered with the templates `<template>.subject.txt`,
    `.txt` and `.html` in `language`.
    """
    address = clean_recipient(to)
    with translation.override(language):
        # Store plain data: what is saved is exactly what the worker will render.
        context = json.loads(json.dumps(context, cls=DjangoJSONEncoder))
    existing = OutboundEmail.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing
    suppressed = Suppression.is_suppressed(address)
    try:
        # A savepoint, so that losing a race on the key leaves the caller's transaction usable.
        with transaction.atomic():
            email = OutboundEmail.objects.create(
                idempotency_key=idempotency_key,
                to_email=address,
                template=template,
                language=language,
                context=context,
                next_attempt_at=clock.now(),
                status=(
                    OutboundEmail.Status.SUPPRESSED if suppressed else OutboundEmail.Status.QUEUED
                ),
            )
    except IntegrityError:
        return OutboundEmail.objects.get(idempotency_key=idempotency_key)
    if not suppressed:
        transaction.on_commit(lambda: _enqueue_after_commit(email.pk))
    return email


def _enqueue_after_commit(email_id: int) -> None:
    # Never raises: the supporter's submission is already saved, and the periodic flush sends
    # any row whose task could not be enqueued.
    enqueue_send(email_id)
