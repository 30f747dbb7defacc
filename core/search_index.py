"""The site search's index, built in one pass when waiting for the task worker would leave search
empty: after `manage.py demo`, whose thousands of saves each queued an index update for a worker
that a fresh install has not started yet."""

import datetime
from io import StringIO

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search.models import IndexEntry


def queued_index_updates(since: datetime.datetime):
    """Index updates queued for the worker since `since` and not yet started."""
    return DBTaskResult.objects.ready().filter(
        task_path=insert_or_update_object_task.module_path, enqueued_at__gte=since
    )


def build_index_now(since: datetime.datetime) -> tuple[int, int]:
    """Index everything now if updates were queued since `since`, and drop those updates, which
    the full pass has done (a worker would only repeat them). Returns (queued updates replaced,
    index entries). With tasks run inline (TASKS_IMMEDIATE, the tests) nothing was queued, and
    the index is already current."""
    queued = queued_index_updates(since)
    if not queued.exists():
        return 0, IndexEntry.objects.count()
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    replaced, _ = queued.delete()
    return replaced, IndexEntry.objects.count()
