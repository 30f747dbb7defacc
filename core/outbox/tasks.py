"""Background tasks: send one outbox row; the periodic maintenance (reaper, flush, pruning)."""

import logging
from datetime import datetime

from django_tasks import task

from core.outbox import clock, conf

logger = logging.getLogger(__name__)


@task()
def send_outbound_email(email_id: int) -> str:
    from core.outbox.sending import deliver

    return deliver(email_id)


@task()
def outbox_maintenance() -> dict:
    """Reap, flush and prune, then book the next run: the worker runs this every minute or so
    without a cron, because each run schedules the next (see docs/email.md)."""
    from core.outbox.maintenance import run_maintenance

    try:
        return run_maintenance()
    finally:
        schedule_maintenance()


def backend_supports_defer(task_object=send_outbound_email) -> bool:
    return bool(task_object.get_backend().supports_defer)


def enqueue_send(email_id: int, run_after: datetime | None = None):
    """Enqueue the send task, never raising (a lost task is recovered by the flush)."""
    task_object = send_outbound_email
    if run_after is not None:
        if not backend_supports_defer():
            # The immediate backend cannot wait: the flush sends the row once it is due.
            return None
        task_object = task_object.using(run_after=run_after)
    try:
        return task_object.enqueue(email_id)
    except Exception:
        logger.exception("Could not enqueue the send of outbound email %s", email_id)
        return None


def schedule_maintenance() -> bool:
    """Queue the next maintenance run unless one is already waiting. Needs the database backend
    (the only one here that can run a task later)."""
    if not backend_supports_defer(outbox_maintenance):
        return False
    try:
        from django_tasks_db.models import DBTaskResult

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
