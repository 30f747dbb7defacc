"""Test doubles for the outbox (a provider that fails on demand, a clock that moves) and a worker
that runs the queued tasks once."""

from datetime import timedelta

from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailAPIError
from django.utils import timezone
from django_tasks_db.management.commands import db_worker


def connection_refused():
    return ConnectionRefusedError(111, "Connection refused")


def server_error():
    return AnymailAPIError("Provider API response 503: Service Unavailable", status_code=503)


def timeout():
    return TimeoutError("The read operation timed out")


class Provider:
    """What the flaky backend does: `failure` is a callable making the exception to raise."""

    failure = None
    calls = 0

    @classmethod
    def reset(cls):
        cls.failure = None
        cls.calls = 0


class FlakyEmailBackend(AnymailTestBackend):
    def send_messages(self, email_messages):
        Provider.calls += 1
        if Provider.failure is not None:
            raise Provider.failure()
        return super().send_messages(email_messages)


class FakeClock:
    def __init__(self):
        self.current = timezone.now()

    def __call__(self):
        return self.current

    def advance(self, **delta):
        self.current += timedelta(**delta)


def run_worker_once():
    worker = db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    worker.run()
