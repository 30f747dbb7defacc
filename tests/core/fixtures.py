"""Fixtures other folders use: background tasks queued in the database, as in production."""

import pytest
from django_tasks_db.management.commands import db_worker

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    # The worker closes "obsolete" connections between tasks; inside a test's transaction that
    # would be the test's own connection.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
