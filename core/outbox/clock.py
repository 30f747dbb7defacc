"""The outbox's only source of the current time, so tests can move it forward (monkeypatch
`core.outbox.clock.now`) without touching Django's clock or the task library's."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
