"""`manage.py apply_retention [--dry-run]`: anonymise what the retention rules say is no longer
needed (core/personal_data.py), e.g. signatures on actions closed for longer than
RETENTION_DAYS_AFTER_CLOSE days. Idempotent: run it daily from cron or a scheduler."""

from django.core.management.base import BaseCommand

from core.personal_data import apply_retention, retention_period


class Command(BaseCommand):
    help = (
        "Anonymise supporters' submissions kept past the retention period after an action closed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be anonymised; change nothing.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        report = apply_retention(dry_run=dry_run)
        verb = "would be anonymised" if dry_run else "anonymised"
        days = retention_period().days
        self.stdout.write(f"Retention: {days} days after an action closes.")
        for label, count in report.items():
            self.stdout.write(f"  {label}: {count} {verb}")
        self.stdout.write(f"Total: {sum(report.values())} {verb}.")
