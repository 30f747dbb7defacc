"""Wagtail's two indexes (the site search's, and the references the admin's "usage" counts read),
built in one pass when waiting for the task worker would leave them empty: after `manage.py demo`,
whose thousands of saves each queued an update for a worker a fresh install has not started."""

import datetime
from io import StringIO

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search.models import IndexEntry
from wagtail.tasks import update_reference_index_task

from core.search import refresh_statistics

# Each kind of queued update, and the command that does all of them at once.
REBUILDS = {
    insert_or_update_object_task.module_path: "update_index",
    update_reference_index_task.module_path: "rebuild_references_index",
}


def queued_index_updates(since: datetime.datetime):
    """Index updates queued for the worker since `since` and not yet started."""
    return DBTaskResult.objects.ready().filter(task_path__in=REBUILDS, enqueued_at__gte=since)


def build_index_now(since: datetime.datetime) -> tuple[int, int]:
    """Rebuild each index that has updates queued since `since`, and drop those updates, which
    the full pass has done (a worker would only repeat them). Returns (queued updates replaced,
    search index entries). With tasks run inline (TASKS_IMMEDIATE, the tests) nothing was
    queued, and the indexes are already current. Either way the database's planner is then
    told how large the index is (core.search.refresh_statistics)."""
    replaced = 0
    for task_path, command in REBUILDS.items():
        queued = queued_index_updates(since).filter(task_path=task_path)
        if queued.exists():
            call_command(command, stdout=StringIO(), stderr=StringIO())
            replaced += queued.delete()[0]
    refresh_statistics()
    return replaced, IndexEntry.objects.count()
