"""The safety net that runs every minute in the worker (and from `manage.py outbox_flush`).

1. Outbox rows stuck in "sending" past the lease belong to a worker that died between claiming
   and recording the send: they go back to "queued".
2. Task results stuck RUNNING past the lease (django-tasks-db leaves them so forever when a
   worker dies) go back to READY, so the worker runs them again. Every task here is idempotent.
3. Queued rows that are due but have no task any more (a lost enqueue, the immediate backend,
   a worker that was down) get a send task.
4. Finished task results older than the retention period, expired rate-limit counters, old
   finished outbox rows (they hold names and links) and old webhook event ids are deleted.
"""

import logging
from datetime import datetime, timedelta

from django_tasks import task, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from core.models.outbox import OutboundEmail, ProcessedWebhookEvent
from core.outbox import clock, conf
from core.outbox.sending import backend_supports_defer, enqueue_send
from core.spam import prune_rate_limits

logger = logging.getLogger(__name__)

FLUSH_BATCH = 500


def requeue_stale_sending(now: datetime) -> int:
    """Rows whose worker died mid-send go back to the queue, each with a send task of its own at
    once: the dead worker's task is re-run only after the longer task lease, and finds the row
    sent by then (a task sends only a row it can claim)."""
    stale = list(
        OutboundEmail.objects.filter(
            status=OutboundEmail.Status.SENDING, claimed_at__lt=now - conf.sending_lease()
        ).values_list("pk", flat=True)[:FLUSH_BATCH]
    )
    requeued = OutboundEmail.objects.filter(
        pk__in=stale, status=OutboundEmail.Status.SENDING
    ).update(status=OutboundEmail.Status.QUEUED, next_attempt_at=now)
    for email_id in stale:
        enqueue_send(email_id)
    return requeued


def _database_backend_in_use() -> bool:
    return any(isinstance(backend, DatabaseBackend) for backend in task_backends.all())


def requeue_stale_tasks(now: datetime) -> int:
    if not _database_backend_in_use():
        return 0
    return (
        DBTaskResult.objects.running()
        .filter(started_at__lt=now - conf.task_running_lease())
        .update(status="READY")
    )


def flush_due(now: datetime) -> int:
    overdue = (
        OutboundEmail.objects.filter(
            status=OutboundEmail.Status.QUEUED,
            next_attempt_at__lte=now - conf.overdue_grace(),
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:FLUSH_BATCH]
    )
    count = 0
    for email_id in list(overdue):
        enqueue_send(email_id)
        count += 1
    return count


def prune_task_results(now: datetime) -> int:
    if not _database_backend_in_use():
        return 0
    finished = DBTaskResult.objects.finished()
    deleted, _ = finished.filter(finished_at__lt=now - conf.task_result_retention()).delete()
    # The maintenance itself runs every minute: an hour of its results is plenty to look at.
    heartbeats, _ = finished.filter(
        task_path=outbox_maintenance.module_path, finished_at__lt=now - timedelta(hours=1)
    ).delete()
    return deleted + heartbeats


def prune_outbox(now: datetime) -> int:
    finished = [
        OutboundEmail.Status.SENT,
        OutboundEmail.Status.FAILED,
        OutboundEmail.Status.SUPPRESSED,
    ]
    emails, _ = OutboundEmail.objects.filter(
        status__in=finished, created_at__lt=now - conf.outbox_retention()
    ).delete()
    events, _ = ProcessedWebhookEvent.objects.filter(
        received_at__lt=now - conf.webhook_event_retention()
    ).delete()
    return emails + events


def run_maintenance(now: datetime | None = None) -> dict[str, int]:
    now = now or clock.now()
    report = {
        "requeued_sending": requeue_stale_sending(now),
        "requeued_tasks": requeue_stale_tasks(now),
        "flushed": flush_due(now),
        "pruned_task_results": prune_task_results(now),
        "pruned_rate_limits": prune_rate_limits(now),
        "pruned_outbox": prune_outbox(now),
    }
    if any(report.values()):
        logger.info("Outbox maintenance: %s", report)
    return report


@task()
def outbox_maintenance() -> dict:
    """Reap, flush and prune, then book the next run: the worker runs this every minute or so
    without a cron, because each run schedules the next (see docs/email.md)."""
    try:
        return run_maintenance()
    finally:
        schedule_maintenance()


def schedule_maintenance() -> bool:
    """Queue the next maintenance run unless one is already waiting. Needs the database backend
    (the only one here that can run a task later)."""
    if not backend_supports_defer(outbox_maintenance):
        return False
    try:
        waiting = DBTaskResult.objects.filter(
            task_path=outbox_maintenance.module_path, status="READY"
        ).exists()
        if waiting:
            return False
        outbox_maintenance.using(run_after=clock.now() + conf.maintenance_interval()).enqueue()
    except Exception:
        logger.exception("Could not schedule the outbox maintenance")
        return False
    return True
