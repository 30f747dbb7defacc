"""The email provider hanging. Refusing, failing and timing out are in tests/core/test_outbox.py
(test_a_failed_send_is_retried_later_with_the_error_recorded, per failure) and
tests/actions/newsletter/test_newsletter.py (100 signups through an outage, each sent once); a worker killed
mid-task in tests/core/test_outbox.py (test_a_worker_killed_between_claim_and_send_is_reaped_and_sends_once).

Here: with the database task backend, as in production, a supporter's request never calls the
provider at all, so a provider that hangs cannot hold it up; the worker sends later, once. And a
hung call to a real provider ends (Anymail's timeout) well before the outbox would decide the
worker had died and send again."""

import time

import pytest
from anymail.backends.postmark import EmailBackend as PostmarkBackend
from django.core import mail
from django_tasks_db.models import DBTaskResult

from core.models.outbox import OutboundEmail
from core.outbox import conf
from tests.bad_input.helpers import Forms
from tests.core import helpers as fakes
from tests.core.helpers import run_worker_once

pytestmark = pytest.mark.django_db


class Hang(Exception):
    """Stands for a call that never returns: if the request made one, the test fails here."""


def hang():
    return Hang("the provider did not answer")


@pytest.fixture
def forms(request, home_page):
    return Forms(request)


@pytest.mark.parametrize(
    ("form_name", "template"),
    [
        ("petition", "actions/emails/signature_thanks"),
        ("newsletter", "actions/emails/newsletter_confirm"),
        ("voice", "testimonials/emails/voice_received"),
    ],
)
def test_a_hanging_provider_never_holds_up_a_supporter(
    client,
    forms,
    form_name,
    template,
    database_tasks,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.EMAIL_BACKEND = "tests.core.helpers.FlakyEmailBackend"
    fakes.Provider.reset()
    fakes.Provider.failure = hang
    form = forms[form_name]
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = form.post(client)
    assert response.status_code == 302
    assert time.monotonic() - started < 5
    assert fakes.Provider.calls == 0  # the request only queued the email
    [email] = OutboundEmail.objects.filter(template=template)
    assert email.status == OutboundEmail.Status.QUEUED
    assert DBTaskResult.objects.filter(status="READY").exists()

    # The provider answers again; the worker sends the email, once, however often it runs.
    fakes.Provider.failure = None
    run_worker_once()
    run_worker_once()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert [message.to for message in mail.outbox] == [[email.to_email]]
    fakes.Provider.reset()


def test_a_hung_call_to_the_provider_ends_long_before_the_outbox_would_send_again(settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "POSTMARK_SERVER_TOKEN": "test-token"}
    timeout = PostmarkBackend().timeout
    seconds = max(timeout) if isinstance(timeout, tuple) else timeout
    assert seconds is not None and 0 < seconds <= 60
    # The reaper re-queues a row "sending" for longer than the lease: a send still waiting on
    # the provider must have given up by then, or the email could go twice.
    assert seconds * 3 < conf.sending_lease().total_seconds()
    assert conf.sending_lease() < conf.task_running_lease()
