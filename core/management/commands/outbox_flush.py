"""`manage.py outbox_flush`: run the outbox maintenance once and make sure the worker keeps
running it every minute. `make run` and `make worker` call it before starting db_worker; a cron
job may call it too (it is idempotent)."""

from django.core.management.base import BaseCommand

from core.outbox.maintenance import run_maintenance, schedule_maintenance


class Command(BaseCommand):
    help = "Re-queue stuck emails and tasks, send overdue emails, prune old task results."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Do not queue the periodic maintenance task for the worker.",
        )

    def handle(self, *args, no_schedule: bool = False, **options):
        report = run_maintenance()
        scheduled = False if no_schedule else schedule_maintenance()
        summary = ", ".join(f"{name.replace('_', ' ')}: {count}" for name, count in report.items())
        self.stdout.write(f"Outbox maintenance done ({summary}).")
        if scheduled:
            self.stdout.write("Queued the periodic maintenance task for the worker.")
