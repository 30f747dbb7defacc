"""The outbox: every email the site sends is a row first, then a background task's job.

    from core.outbox import queue_email

    with transaction.atomic():
        subscriber = Subscriber.objects.create(...)
        queue_email(to=..., template="actions/emails/newsletter_confirm", language="es",
                    context={...}, idempotency_key=f"newsletter-confirm:{subscriber.pk}")

The row commits or rolls back with the caller's own rows; the send task is enqueued only once the
transaction has committed. docs/email.md explains retries, the reaper and the webhooks.
"""

from core.outbox.api import queue_email

__all__ = ["queue_email"]
