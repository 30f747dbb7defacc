"""Outbox tunables, each overridable in settings (see docs/email.md for what they trade off)."""

from datetime import timedelta

from django.conf import settings


def _seconds(name: str, default: int) -> timedelta:
    return timedelta(seconds=int(getattr(settings, name, default)))


def retry_for() -> timedelta:
    """How long a failing email keeps being retried before it is marked failed (≥ 24 hours)."""
    return _seconds("OUTBOX_RETRY_FOR_SECONDS", 26 * 3600)


def backoff_base() -> timedelta:
    return _seconds("OUTBOX_BACKOFF_BASE_SECONDS", 60)


def backoff_max() -> timedelta:
    return _seconds("OUTBOX_BACKOFF_MAX_SECONDS", 4 * 3600)


def sending_lease() -> timedelta:
    """A row "sending" for longer than this belongs to a worker that died: it is re-queued."""
    return _seconds("OUTBOX_SENDING_LEASE_SECONDS", 45)


def overdue_grace() -> timedelta:
    """A queued row this late has lost its task (or the worker was down): the flush re-enqueues it."""
    return _seconds("OUTBOX_OVERDUE_GRACE_SECONDS", 2 * 60)


def task_running_lease() -> timedelta:
    """A task RUNNING for longer than this is taken to have lost its worker and is re-queued."""
    return _seconds("TASKS_RUNNING_LEASE_SECONDS", 60)


def task_result_retention() -> timedelta:
    return timedelta(days=int(getattr(settings, "TASKS_RESULT_RETENTION_DAYS", 14)))


def maintenance_interval() -> timedelta:
    return _seconds("OUTBOX_MAINTENANCE_INTERVAL_SECONDS", 60)


def outbox_retention() -> timedelta:
    """Finished rows (sent, failed, suppressed) hold names and links: kept this long, then deleted."""
    return timedelta(days=int(getattr(settings, "OUTBOX_RETENTION_DAYS", 180)))


def webhook_event_retention() -> timedelta:
    """Providers replay events for hours or days, not months."""
    return timedelta(days=int(getattr(settings, "OUTBOX_WEBHOOK_EVENT_RETENTION_DAYS", 30)))
