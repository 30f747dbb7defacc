"""The platform's tables moved from home to core (core 0001-0002, home 0005): a database at
today's main schema, with rows in every moved table, migrates forward and keeps every row, its
content types and the permissions groups hold."""

import sqlite3
from contextlib import closing

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.migrated_database import kept, save_copy

BEFORE_THE_MOVE = [
    ("home", "0004_erasure_requests"),
    ("core", None),
    ("django_tasks_database", "0021_conditional_partial_index_ordering"),
]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return models_at(targets)


def models_at(targets):
    """The historical models as of `targets` (an app's None target: before its first)."""
    nodes = [node for node in targets if node[1]]
    return MigrationExecutor(connection).loader.project_state(nodes).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def go_back_before_the_move():
    """The database as it stood before the move. Going back unapplies the 32 migrations that
    follow core's first (about 10 s of CPU here, nearly all of it Django rendering model
    states); on SQLite the database it leaves is kept for this set of migrations
    (tests/migrated_database.py), and the next runs start from that copy. A fresh clone, CI and
    PostgreSQL go back every time."""
    if connection.vendor != "sqlite":
        return migrate(BEFORE_THE_MOVE)
    copy = kept("before-the-move")
    connection.ensure_connection()
    if not copy.exists():
        old = migrate(BEFORE_THE_MOVE)
        partial = copy.with_suffix(".partial")
        partial.parent.mkdir(parents=True, exist_ok=True)
        save_copy(connection.connection, partial)
        partial.replace(copy)
        return old
    with closing(sqlite3.connect(copy)) as saved:
        saved.backup(connection.connection)
    ContentType.objects.clear_cache()
    return models_at(BEFORE_THE_MOVE)


# serialized_rollback: put back what migrations created (groups, workflow, content types).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_the_platform_tables_keeps_every_row():
    old = go_back_before_the_move()
    try:
        now = timezone.now()
        old.get_model("home", "OutboundEmail").objects.create(
            idempotency_key="signature-thanks:1",
            to_email="ana@example.org",
            template="actions/emails/signature_thanks",
            language="es",
            context={"first_name": "Ana"},
            next_attempt_at=now,
        )
        old.get_model("home", "Suppression").objects.create(
            email="bounced@example.org", reason="bounced"
        )
        old.get_model("home", "ProcessedWebhookEvent").objects.create(
            key="postmark:1", esp_name="postmark", event_type="bounced"
        )
        old.get_model("home", "RateLimitCounter").objects.create(
            key="k" * 64, window_start=now, count=3
        )
        old.get_model("home", "ErasureRequest").objects.create(
            email_hash="h" * 64, reference="ticket 12", erased={"Signatures": 2}
        )
        Permission = old.get_model("auth", "Permission")
        erase = Permission.objects.get(
            content_type__app_label="home", codename="erase_personal_data"
        )
        group, _ = old.get_model("auth", "Group").objects.get_or_create(name="Campaign data")
        group.permissions.add(erase)
        old.get_model("django_tasks_database", "DBTaskResult").objects.create(
            task_path="home.outbox.tasks.send_outbound_email",
            args_kwargs={"args": [1], "kwargs": {}},
            priority=0,
            queue_name="default",
            backend_name="default",
            run_after=now,
        )
    finally:
        new = migrate(latest())
        # What this process remembers of the content types is the database's again: after this
        # test Django puts its rows back with Page(), which looks its content type up there.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*django_apps.get_models())

    email = new.get_model("core", "OutboundEmail").objects.get()
    assert (email.idempotency_key, email.language, email.context) == (
        "signature-thanks:1",
        "es",
        {"first_name": "Ana"},
    )
    assert new.get_model("core", "Suppression").objects.get().email == "bounced@example.org"
    assert new.get_model("core", "ProcessedWebhookEvent").objects.get().key == "postmark:1"
    assert new.get_model("core", "RateLimitCounter").objects.get().count == 3
    assert new.get_model("core", "ErasureRequest").objects.get().erased == {"Signatures": 2}
    tables = set(connection.introspection.table_names())
    assert "core_outboundemail" in tables
    assert not {name for name in tables if name.startswith("home_") and "email" in name}

    # The same permission row, now under core: the group still holds it.
    moved = new.get_model("auth", "Permission").objects.get(pk=erase.pk)
    assert moved.content_type.app_label == "core"
    group = new.get_model("auth", "Group").objects.get(name="Campaign data")
    assert group.permissions.filter(pk=erase.pk).exists()
    # A send the worker had not run yet names the task where it lives now.
    task = new.get_model("django_tasks_database", "DBTaskResult").objects.get()
    assert task.task_path == "core.outbox.sending.send_outbound_email"
    content_types = new.get_model("contenttypes", "ContentType").objects
    assert not content_types.filter(app_label="home", model="erasurerequest").exists()
