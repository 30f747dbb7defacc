"""`manage.py task_worker`: django-tasks-db's `db_worker`, outliving its database connection.

db_worker reconnects between tasks (Django's connection health checks), but a connection cut
while a task runs (a database restart or failover, pg_terminate_backend) fails the worker's own
bookkeeping after the task, and the worker exits with OperationalError: every email then waits
for a person or a supervisor. This worker closes the broken connection, waits a second and
carries on. The task that was running stays RUNNING until the maintenance re-runs it after
TASKS_RUNNING_LEASE_SECONDS (its email is requeued after OUTBOX_SENDING_LEASE_SECONDS).
Options are db_worker's.
"""

import logging
import os
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)
RECONNECT_PAUSE_SECONDS = 1.0


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        while True:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    raise
                logger.warning(
                    "The task worker lost its database connection (%s); carrying on in %.0f s.",
                    str(error).splitlines()[0],
                    RECONNECT_PAUSE_SECONDS,
                )
                connections.close_all()
                self.running_task = False
                time.sleep(RECONNECT_PAUSE_SECONDS)


class Command(db_worker.Command):
    help = "Run the background tasks (emails, indexes), outliving a cut database connection."

    def configure_logging(self, verbosity: int) -> None:
        """db_worker logs every task twice at INFO (running, then done), which buries what
        matters in `make run`: at the default verbosity only failures are logged, and the
        outbox logs one line per email (core.outbox.sending); -v 2 shows every task."""
        super().configure_logging(verbosity)
        if verbosity == 1:
            logging.getLogger(db_worker.TASKS_LOGGER).setLevel(logging.WARNING)

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloader's child runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
