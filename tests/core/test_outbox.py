"""The outbox: written with the caller's transaction, sent once by a task, retried with back-off
for at least a day, reaped when a worker dies, never sent to a suppressed address."""

import itertools
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models.outbox import OutboundEmail, Suppression
from core.outbox import conf, queue_email
from core.outbox.api import InvalidRecipient
from core.outbox.checks import sending_outlasts_the_provider_timeout
from core.outbox.maintenance import outbox_maintenance, run_maintenance, schedule_maintenance
from core.outbox.sending import backoff_delay, deliver, send_outbound_email
from tests.core import helpers as fakes
from tests.core.helpers import run_worker_once

FLAKY = "tests.core.helpers.FlakyEmailBackend"

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    fake = fakes.FakeClock()
    monkeypatch.setattr("core.outbox.clock.now", fake)
    return fake


@pytest.fixture
def provider(settings):
    settings.EMAIL_BACKEND = FLAKY
    fakes.Provider.reset()
    yield fakes.Provider
    fakes.Provider.reset()


def notice(to="ana@example.org", key="notice-1", language="en", **context):
    context = {"heading": "Thanks for signing", "lines": ["One line."], **context}
    return queue_email(to, "home/emails/notice", language, context, key)


def committed_notice(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        return notice(**kwargs)


def test_a_rolled_back_transaction_leaves_no_email(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notice()
        raise RuntimeError("the submission failed")
    assert callbacks == []
    assert OutboundEmail.objects.count() == 0
    assert mail.outbox == []


def test_a_committed_email_is_sent_once_with_html_and_plain_text(
    django_capture_on_commit_callbacks,
):
    email = committed_notice(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.attempts == 1
    assert email.provider_message_id != ""
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert message.subject.startswith("Thanks for signing")
    assert "One line." in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<h1" in html and 'lang="en"' in html
    assert message.extra_headers["Message-ID"].startswith(f"<outbox.{email.pk}.")
    assert message.anymail_test_params["metadata"] == {"outbox_id": str(email.pk)}


def test_each_email_sent_is_one_log_line_without_the_address(
    django_capture_on_commit_callbacks, caplog
):
    """What `make run` shows of the worker (issue 24): a line per email, no personal data."""
    with caplog.at_level("INFO", logger="core.outbox.sending"):
        email = committed_notice(django_capture_on_commit_callbacks, language="es")
    lines = [r.getMessage() for r in caplog.records if r.name == "core.outbox.sending"]
    assert lines == [f"Email {email.pk} sent: home/emails/notice, in es."]
    assert "ana@example.org" not in caplog.text


def test_the_same_idempotency_key_never_sends_twice(django_capture_on_commit_callbacks):
    first = committed_notice(django_capture_on_commit_callbacks, key="welcome:7")
    second = committed_notice(django_capture_on_commit_callbacks, key="welcome:7")
    assert first.pk == second.pk
    # The task itself running again (a duplicate enqueue, a retry racing the flush) is a no-op.
    assert send_outbound_email.call(first.pk) == "skipped"
    assert deliver(first.pk) == "skipped"
    assert OutboundEmail.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("failure", [fakes.connection_refused, fakes.server_error, fakes.timeout])
def test_a_failed_send_is_retried_later_with_the_error_recorded(
    failure, provider, clock, django_capture_on_commit_callbacks
):
    provider.failure = failure
    email = committed_notice(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.QUEUED
    assert email.attempts == 1
    assert type(failure()).__name__ in email.last_error
    delay = email.next_attempt_at - clock()
    assert timedelta(seconds=50) <= delay <= timedelta(seconds=70)
    # Not due yet: a task that runs early sends nothing.
    assert deliver(email.pk) == "skipped"

    provider.failure = None
    clock.advance(minutes=5)
    run_maintenance(clock())
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.last_error == ""
    assert len(mail.outbox) == 1


def test_back_off_doubles_and_is_capped():
    delays = [backoff_delay(n, jitter=0).total_seconds() for n in range(1, 12)]
    assert delays[:4] == [60, 120, 240, 480]
    assert max(delays) == 4 * 3600
    assert all(b >= a for a, b in itertools.pairwise(delays))


def test_retries_last_at_least_a_day_then_stop_as_failed(
    provider, clock, django_capture_on_commit_callbacks
):
    provider.failure = fakes.server_error
    email = committed_notice(django_capture_on_commit_callbacks)
    first_failure = clock()
    attempts_at = [first_failure]
    while True:
        email.refresh_from_db()
        if email.status != OutboundEmail.Status.QUEUED:
            break
        clock.current = email.next_attempt_at + timedelta(minutes=3)
        attempts_at.append(clock())
        run_maintenance(clock())
    assert email.status == OutboundEmail.Status.FAILED
    assert attempts_at[-1] - first_failure >= timedelta(hours=24)
    assert email.attempts == len(attempts_at) == provider.calls
    assert 8 <= email.attempts <= 20
    assert "503" in email.last_error
    # A failed email stays failed: the flush does not pick it up again.
    clock.advance(days=3)
    run_maintenance(clock())
    assert provider.calls == email.attempts
    assert mail.outbox == []


def test_a_suppressed_address_is_never_emailed(django_capture_on_commit_callbacks):
    Suppression.objects.create(email="Bounced@Example.org", reason=Suppression.Reason.BOUNCED)
    email = committed_notice(django_capture_on_commit_callbacks, to=" bounced@example.ORG ")
    assert email.status == OutboundEmail.Status.SUPPRESSED
    assert mail.outbox == []


def test_an_address_suppressed_while_queued_is_not_emailed(
    provider, clock, django_capture_on_commit_callbacks
):
    provider.failure = fakes.timeout
    email = committed_notice(django_capture_on_commit_callbacks)
    Suppression.objects.create(email=email.to_email, reason=Suppression.Reason.COMPLAINED)
    provider.failure = None
    clock.advance(hours=1)
    run_maintenance(clock())
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SUPPRESSED
    assert mail.outbox == []


@pytest.mark.parametrize(
    "address",
    [
        "",
        "   ",
        "not-an-email",
        "ana@example.org\nBcc: everyone@example.org",
        "ana@example.org\r\nSubject: hi",
        "a" * 290 + "@example.org",
    ],
)
def test_bad_recipients_are_refused_before_anything_is_saved(address):
    with pytest.raises(InvalidRecipient):
        notice(to=address)
    assert OutboundEmail.objects.count() == 0


def test_user_data_cannot_inject_headers_and_is_escaped_in_html(
    django_capture_on_commit_callbacks,
):
    committed_notice(
        django_capture_on_commit_callbacks,
        heading="Hi <script>alert(1)</script>\r\nBcc: victim@example.org",
        lines=["<b>bold</b> & more"],
    )
    message = mail.outbox[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.to == ["ana@example.org"] and not message.bcc
    html = message.alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    # Plain text is not HTML: it shows what was typed.
    assert "<b>bold</b> & more" in message.body


def test_emails_are_rendered_in_the_recipients_language(django_capture_on_commit_callbacks):
    committed_notice(django_capture_on_commit_callbacks, language="es")
    message = mail.outbox[0]
    assert "Recibe este correo de" in message.body
    assert 'lang="es"' in message.alternatives[0][0]


def test_an_unsubscribe_link_becomes_a_one_click_header(django_capture_on_commit_callbacks):
    url = "http://testserver/en/newsletter/unsubscribe/abc/"
    committed_notice(django_capture_on_commit_callbacks, unsubscribe_url=url)
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body and url in message.alternatives[0][0]


def test_a_worker_killed_between_claim_and_send_is_reaped_and_sends_once(
    database_tasks, django_capture_on_commit_callbacks
):
    email = committed_notice(django_capture_on_commit_callbacks)
    task = DBTaskResult.objects.get()
    assert task.status == "READY" and mail.outbox == []

    # The worker claimed the task and the row, then died: both stay "running"/"sending".
    long_ago = timezone.now() - timedelta(hours=1)
    DBTaskResult.objects.filter(pk=task.pk).update(
        status="RUNNING", started_at=long_ago, worker_ids=["dead-worker"]
    )
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENDING, claimed_at=long_ago, attempts=1
    )
    run_worker_once()  # a live worker does not touch the stuck task by itself
    assert mail.outbox == []

    report = run_maintenance()
    assert report["requeued_sending"] == 1 and report["requeued_tasks"] == 1
    run_worker_once()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1

    # Everything running again (the flush, the worker, the maintenance) sends nothing more.
    run_maintenance(timezone.now() + timedelta(days=1))
    run_worker_once()
    assert len(mail.outbox) == 1


def test_an_email_a_killed_worker_held_goes_out_once_its_short_lease_ends(
    database_tasks, django_capture_on_commit_callbacks
):
    """Killed mid-send and restarted at once: the email goes out at the first maintenance after
    the sending lease (45 s), before the task lease (60 s) lets the dead task run again; within
    two minutes of the claim, as the worker runs maintenance every minute."""
    assert conf.sending_lease() < conf.task_running_lease()
    assert conf.sending_lease() + conf.maintenance_interval() <= timedelta(minutes=2)
    email = committed_notice(django_capture_on_commit_callbacks)
    task = DBTaskResult.objects.get()
    claimed = timezone.now() - conf.sending_lease() - timedelta(seconds=1)
    DBTaskResult.objects.filter(pk=task.pk).update(
        status="RUNNING", started_at=claimed, worker_ids=["dead-worker"]
    )
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENDING, claimed_at=claimed, attempts=1
    )

    report = run_maintenance()
    assert (report["requeued_sending"], report["requeued_tasks"]) == (1, 0)
    run_worker_once()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1
    # The dead worker's task, re-run once its own lease ends, finds the email sent.
    report = run_maintenance(timezone.now() + conf.task_running_lease())
    assert report["requeued_tasks"] == 1
    run_worker_once()
    assert len(mail.outbox) == 1


def test_leases_shorter_than_a_send_are_refused(settings):
    settings.OUTBOX_SENDING_LEASE_SECONDS = 30
    settings.ANYMAIL = {**settings.ANYMAIL, "REQUESTS_TIMEOUT": 12}
    errors = sending_outlasts_the_provider_timeout(None)
    assert [error.id for error in errors] == ["core.E003"]
    assert "OUTBOX_SENDING_LEASE_SECONDS (30 s)" in errors[0].msg
    settings.OUTBOX_SENDING_LEASE_SECONDS = 45
    assert sending_outlasts_the_provider_timeout(None) == []


def test_a_task_still_within_its_lease_is_left_alone(database_tasks):
    DBTaskResult.objects.create(
        task_path=send_outbound_email.module_path,
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        status="RUNNING",
        started_at=timezone.now() - timedelta(seconds=30),
    )
    assert run_maintenance()["requeued_tasks"] == 0


def test_retries_are_queued_for_the_worker_with_run_after(
    database_tasks, provider, django_capture_on_commit_callbacks
):
    provider.failure = fakes.connection_refused
    email = committed_notice(django_capture_on_commit_callbacks)
    run_worker_once()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.QUEUED
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.args_kwargs["args"] == [email.pk]
    assert retry.run_after == email.next_attempt_at


def test_old_task_results_are_pruned(database_tasks):
    old = timezone.now() - timedelta(days=30)
    for status, finished_at in [
        ("SUCCESSFUL", old),
        ("FAILED", old),
        ("SUCCESSFUL", timezone.now()),
    ]:
        DBTaskResult.objects.create(
            task_path=send_outbound_email.module_path,
            args_kwargs={"args": [1], "kwargs": {}},
            backend_name="default",
            status=status,
            finished_at=finished_at,
        )
    for hours_ago in (2, 0):  # the every-minute maintenance keeps only its last hour
        DBTaskResult.objects.create(
            task_path=outbox_maintenance.module_path,
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            status="SUCCESSFUL",
            finished_at=timezone.now() - timedelta(hours=hours_ago),
        )
    assert run_maintenance()["pruned_task_results"] == 3
    assert DBTaskResult.objects.count() == 2


def test_the_maintenance_task_books_its_next_run_once(database_tasks):
    assert schedule_maintenance() is True
    assert schedule_maintenance() is False
    waiting = DBTaskResult.objects.get(task_path=outbox_maintenance.module_path)
    assert waiting.run_after > timezone.now()


def test_the_immediate_backend_never_loops_the_maintenance():
    assert schedule_maintenance() is False
    assert outbox_maintenance.call() == run_maintenance()


def test_outbox_flush_command_reports_and_schedules(database_tasks):
    from io import StringIO

    out = StringIO()
    call_command("outbox_flush", stdout=out)
    assert "Outbox maintenance done" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path=outbox_maintenance.module_path).count() == 1


@override_settings(OUTBOX_RETRY_FOR_SECONDS=60)
def test_a_short_retry_window_setting_is_respected(
    provider, clock, django_capture_on_commit_callbacks
):
    provider.failure = fakes.server_error
    email = committed_notice(django_capture_on_commit_callbacks)
    clock.advance(minutes=10)
    run_maintenance(clock())
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED


def test_old_finished_rows_and_webhook_events_are_pruned(django_capture_on_commit_callbacks):
    from core.models.outbox import ProcessedWebhookEvent

    sent = committed_notice(django_capture_on_commit_callbacks, key="old")
    queued = OutboundEmail.objects.create(
        idempotency_key="still-queued",
        to_email="b@example.org",
        template="home/emails/notice",
        language="en",
        next_attempt_at=timezone.now() + timedelta(days=365),
    )
    ProcessedWebhookEvent.objects.create(key="Postmark:1", esp_name="Postmark", event_type="x")
    report = run_maintenance(timezone.now() + timedelta(days=200))
    assert report["pruned_outbox"] == 2
    assert list(OutboundEmail.objects.values_list("pk", flat=True)) == [queued.pk]
    assert not OutboundEmail.objects.filter(pk=sent.pk).exists()
