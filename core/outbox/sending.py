"""Deliver one outbox row through Django's mail API (django-anymail), exactly once.

The row is claimed with a conditional UPDATE (queued → sending) that only one caller can win, so
a task that runs twice, two workers, or the flush and a retry racing each other send it once.
A failed send goes back to "queued" with an exponential back-off until conf.retry_for() has
passed since the row was created; then it stops as "failed", visible to staff in the admin.
"""

import hashlib
import logging
import random
import time
from datetime import datetime, timedelta
from email.utils import parseaddr

from anymail.exceptions import AnymailInvalidAddress, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.db.models import F
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django_tasks import task

from core.models.outbox import OutboundEmail, Suppression
from core.outbox import clock, conf
from core.outbox.rendering import header_safe, render_email

logger = logging.getLogger(__name__)

Status = OutboundEmail.Status

# Errors that another attempt cannot fix: the address itself, or a broken template (a code bug
# that staff see in the admin; they can re-queue the row once it is fixed).
PERMANENT_ERRORS = (
    AnymailInvalidAddress,
    AnymailRecipientsRefused,
    TemplateDoesNotExist,
    TemplateSyntaxError,
)


def backoff_delay(attempts: int, jitter: float | None = None) -> timedelta:
    """1, 2, 4, 8... minutes after each failed attempt, capped, with ±10 % jitter so that many
    emails that failed together do not all hit a recovering provider in the same second."""
    base = conf.backoff_base().total_seconds()
    delay = min(base * (2 ** max(attempts - 1, 0)), conf.backoff_max().total_seconds())
    if jitter is None:
        jitter = random.uniform(-0.1, 0.1)  # noqa: S311 - spreading load, not security
    return timedelta(seconds=delay * (1 + jitter))


def claim(email_id: int, now: datetime) -> OutboundEmail | None:
    won = OutboundEmail.objects.filter(
        pk=email_id, status=Status.QUEUED, next_attempt_at__lte=now
    ).update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not won:
        return None
    return OutboundEmail.objects.get(pk=email_id)


def deliver(email_id: int) -> str:
    """Send the row if it is due and nobody else holds it. Returns what happened, for the task
    result and the tests: "sent", "retry", "failed", "suppressed" or "skipped"."""
    now = clock.now()
    email = claim(email_id, now)
    if email is None:
        return "skipped"
    if Suppression.is_suppressed(email.to_email):
        _finish(email, status=Status.SUPPRESSED, last_error="The address is suppressed.")
        return "suppressed"
    try:
        message_id = _send(email)
    except PERMANENT_ERRORS as error:
        logger.warning("Outbound email %s failed for good: %r", email.pk, error)
        if isinstance(error, AnymailRecipientsRefused):
            Suppression.objects.get_or_create(
                email=email.to_email,
                defaults={"reason": Suppression.Reason.REJECTED, "detail": str(error)[:500]},
            )
        _finish(email, status=Status.FAILED, last_error=_describe(error))
        return "failed"
    except Exception as error:
        return _schedule_retry(email, error)
    _record_sent(email, message_id)
    # One line per email (never the address: logs are kept longer than personal data may be).
    logger.info("Email %s sent: %s, in %s.", email.pk, email.template, email.language)
    return "sent"


def build_message(email: OutboundEmail) -> EmailMultiAlternatives:
    rendered = render_email(email.template, email.language, email.context or {})
    headers = {"Message-ID": _message_id(email)}
    unsubscribe_url = (email.context or {}).get("unsubscribe_url")
    if unsubscribe_url:
        # RFC 8058 one-click unsubscribe: mail clients show an "Unsubscribe" button that POSTs.
        headers["List-Unsubscribe"] = f"<{header_safe(unsubscribe_url, 2000)}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to_email],
        headers=headers,
    )
    message.attach_alternative(rendered.html, "text/html")
    # Anymail passes these to the provider, which echoes them back in tracking webhooks.
    message.metadata = {"outbox_id": str(email.pk)}
    message.tags = [email.template.rsplit("/", 1)[-1][:50]]
    return message


def _send(email: OutboundEmail) -> str:
    message = build_message(email)
    message.send(fail_silently=False)
    status = getattr(message, "anymail_status", None)
    message_id = getattr(status, "message_id", None) if status is not None else None
    if isinstance(message_id, set):
        message_id = ",".join(sorted(str(m) for m in message_id))
    return "" if message_id is None else str(message_id)[:255]


def _message_id(email: OutboundEmail) -> str:
    """The same Message-ID on every attempt: if a send is ever repeated (a worker dying between
    the provider's answer and our record of it), mail clients show one message, not two."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    digest = hashlib.sha256(email.idempotency_key.encode()).hexdigest()[:20]
    return f"<outbox.{email.pk}.{digest}@{domain}>"


def _record_sent(email: OutboundEmail, message_id: str) -> None:
    # The provider has the email: recording that must not be lost to a brief database error,
    # or the reaper would send it again after the lease.
    for attempt in range(5):
        try:
            OutboundEmail.objects.filter(pk=email.pk, status=Status.SENDING).update(
                status=Status.SENT,
                sent_at=clock.now(),
                provider_message_id=message_id,
                last_error="",
            )
            return
        except Exception:
            if attempt == 4:
                raise
            # A connection cut mid-send (a database restart, pg_terminate_backend) stays broken:
            # close it so that the next attempt opens a new one. Not inside a transaction,
            # which must roll back as a whole.
            if not connection.in_atomic_block:
                connection.close()
            time.sleep(0.5 * (attempt + 1))


def _schedule_retry(email: OutboundEmail, error: BaseException) -> str:
    now = clock.now()
    description = _describe(error)
    if now >= email.created_at + conf.retry_for():
        logger.error(
            "Outbound email %s failed after %s attempts: %s", email.pk, email.attempts, description
        )
        _finish(email, status=Status.FAILED, last_error=description)
        return "failed"
    next_attempt_at = now + backoff_delay(email.attempts)
    logger.warning(
        "Outbound email %s attempt %s failed (%s); retrying at %s",
        email.pk,
        email.attempts,
        description,
        next_attempt_at.isoformat(),
    )
    OutboundEmail.objects.filter(pk=email.pk, status=Status.SENDING).update(
        status=Status.QUEUED, next_attempt_at=next_attempt_at, last_error=description
    )
    enqueue_send(email.pk, run_after=next_attempt_at)
    return "retry"


def _finish(email: OutboundEmail, *, status: str, last_error: str) -> None:
    OutboundEmail.objects.filter(pk=email.pk, status=Status.SENDING).update(
        status=status, last_error=last_error
    )


def _describe(error: BaseException) -> str:
    try:
        text = str(error)
    except Exception:  # some exception classes fail to describe themselves
        text = " ".join(str(arg) for arg in error.args)
    return f"{type(error).__name__}: {text}"[:2000]


@task()
def send_outbound_email(email_id: int) -> str:
    return deliver(email_id)


def backend_supports_defer(task_object=None) -> bool:
    task_object = task_object or send_outbound_email
    return bool(task_object.get_backend().supports_defer)


def enqueue_send(email_id: int, run_after: datetime | None = None):
    """Enqueue the send task, never raising (a lost task is recovered by the flush)."""
    task_object = send_outbound_email
    if run_after is not None:
        if not backend_supports_defer():
            # The immediate backend cannot wait: the flush sends the row once it is due.
            return None
        task_object = task_object.using(run_after=run_after)
    try:
        return task_object.enqueue(email_id)
    except Exception:
        logger.exception("Could not enqueue the send of outbound email %s", email_id)
        return None
