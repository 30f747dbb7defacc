"""When the database goes away: a friendly 503 in the visitor's language, nothing half-saved, and
the next request after it comes back succeeds without restarting anything."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from anymail.backends.test import EmailBackend as AnymailTestBackend
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.test import Client, RequestFactory
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.models.outbox import OutboundEmail
from core.outbox import queue_email
from core.outbox.maintenance import outbox_maintenance, run_maintenance
from core.outbox.sending import deliver
from tests.core.fixtures import DATABASE_TASKS
from tests.core.helpers import run_worker_once

# Reads Wagtail's indexes, kept as in production (tests/conftest.py).
pytestmark = pytest.mark.indexes

DATABASE_DOWN = OperationalError("server closed the connection unexpectedly")


def database_down():
    """Every SQL statement fails, as when PostgreSQL restarts under traffic."""
    return mock.patch.multiple(
        CursorWrapper,
        execute=mock.Mock(side_effect=DATABASE_DOWN),
        executemany=mock.Mock(side_effect=DATABASE_DOWN),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/en/search/?q=rights", "We’ll be right back"),
        ("/es/search/?q=derechos", "Volvemos enseguida"),
        ("/es/", "Volvemos enseguida"),
        ("/en/about/", "We’ll be right back"),
    ],
)
def test_a_database_outage_shows_a_friendly_503_in_the_visitors_language(
    client, home_page, spanish_home, path, words, caplog
):
    with database_down():
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert words in html
    assert f'<html lang="{path[1:3]}">' in html
    assert "Database unavailable while serving GET" in caplog.text
    # The page still carries the site's security headers.
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_outage_outside_any_view_also_gets_the_503(home_page):
    # E.g. the session store failing in middleware: Django's handler500 answers, and it too
    # recognises the database's error.
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        side_effect=DATABASE_DOWN,
    ):
        response = client.get("/es/")
    assert response.status_code == 503
    assert "Volvemos enseguida" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_still_get_the_500_page(home_page):
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        side_effect=RuntimeError("a bug"),
    ):
        response = client.get("/en/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls")
def test_a_write_interrupted_by_the_outage_leaves_nothing_half_saved(client, locales):
    response = client.post("/save-then-lose-database/")
    assert response.status_code == 503
    assert not get_user_model().objects.filter(username="half-saved").exists()


def wsgi_get(handler: WSGIHandler, path: str, query: str = "") -> int:
    """A request through the real WSGI handler: unlike the test client, it sends
    request_started/finished to close_old_connections, as a production server does."""
    environ = RequestFactory()._base_environ(
        PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET"
    )
    statuses = []
    response = handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(response)
    response.close()
    return int(statuses[0].split()[0])


def terminate_current_backend() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            # pg_terminate_backend only signals; wait until the backend is really gone.
            for _ in range(100):
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
                if cursor.fetchone()[0] == 0:
                    break
                time.sleep(0.05)
    finally:
        other.close()


@pytest.fixture
def persistent_connection():
    """connect(health_checks) -> reconnect with production's CONN_MAX_AGE and the given
    CONN_HEALTH_CHECKS (Django reads both when it opens a connection)."""
    if connection.vendor != "postgresql":
        pytest.skip("kills a PostgreSQL backend; SQLite has no server to lose")
    saved = {key: connection.settings_dict[key] for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")}

    def connect(health_checks: bool) -> None:
        connection.close()
        connection.settings_dict["CONN_MAX_AGE"] = 60  # as in config/settings/base.py
        connection.settings_dict["CONN_HEALTH_CHECKS"] = health_checks
        connection.ensure_connection()
        assert connection.health_check_enabled is health_checks

    yield connect
    connection.settings_dict.update(saved)
    connection.close()


# serialized_rollback: put back what migrations created (groups, workflow, content types) for
# the transactional tests that follow, as tests/actions/petitions/test_petition_concurrency.py expects.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_health_checks_recover_from_a_killed_connection_without_a_failed_request(
    persistent_connection, locales
):
    persistent_connection(health_checks=True)  # production's setting
    handler = WSGIHandler()
    assert wsgi_get(handler, "/en/search/", "q=rights") == 200
    assert connection.connection is not None  # kept open for the next request
    terminate_current_backend()
    # The pooled connection is dead; the health check notices and reconnects. (New words each
    # time: results found are kept a minute, and a kept answer would not need the database.)
    assert wsgi_get(handler, "/en/search/", "q=courts") == 200
    assert wsgi_get(handler, "/en/search/", "q=judges") == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_health_checks_one_visitor_would_see_the_503(persistent_connection, locales):
    """The control: the health check is what spares that visitor; even without it the site
    recovers by itself on the request after, and the one visitor gets the friendly page."""
    persistent_connection(health_checks=False)
    handler = WSGIHandler()
    assert wsgi_get(handler, "/en/search/", "q=rights") == 200
    terminate_current_backend()
    # New words each time, as above: each search needs the database.
    assert wsgi_get(handler, "/en/search/", "q=courts") == 503
    assert wsgi_get(handler, "/en/search/", "q=judges") == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_task_worker_carries_on_after_its_connection_is_cut(
    persistent_connection, settings, locales
):
    """The worker's connection terminated between tasks (pg_terminate_backend, a database
    restart or failover): it reconnects, as a request would, and runs the next task. Without
    the health check (CONN_HEALTH_CHECKS) the worker would exit with OperationalError."""
    persistent_connection(health_checks=True)  # production's setting, the worker's too
    settings.TASKS = DATABASE_TASKS
    queued = outbox_maintenance.enqueue()
    terminate_current_backend()
    run_worker_once()  # the real loop: close_old_connections, then the health check
    assert DBTaskResult.objects.get(pk=queued.id).status == "SUCCESSFUL"


class CutAfterSendBackend(AnymailTestBackend):
    """The provider accepts the email, then the worker's database connection is cut before the
    send can be recorded: the moment that would have sent the email twice."""

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        terminate_current_backend()
        return sent


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_send_is_recorded_even_when_the_connection_is_cut_right_after_it(
    persistent_connection, settings, locales
):
    persistent_connection(health_checks=True)
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = f"{__name__}.CutAfterSendBackend"
    email = queue_email(
        "ana@example.org", "home/emails/notice", "en", {"heading": "Hi", "lines": ["x"]}, "cut-1"
    )
    assert deliver(email.pk) == "sent"
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1
    # Nothing is left for the reaper to send again.
    assert run_maintenance(timezone.now() + timedelta(hours=1))["requeued_sending"] == 0
    assert len(mail.outbox) == 1
