"""`manage.py import_state_legislators`: refresh the state legislators (Open States) and the
ZIP-to-state-district relation. The work is in states/state_importer; this command only parses
options and prints."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from states.state_importer import LegislatorDataError, import_state_legislators


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = (
        "Import the current state legislators, districts, committees and vacancies (Open States) "
        "and the Census ZIP-to-state-district relation. Prints what changed per state since the "
        "last import before applying it, in one transaction. Re-running with the same data "
        "changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            nargs="?",
            help=(
                "Open States data: a folder (README.md, people/, derived/districts.csv), an "
                "archive of one, or its URL. Default: the STATE_LEGISLATOR_DATA setting."
            ),
        )
        parser.add_argument(
            "--zip-source",
            help=(
                "The ZIP-to-district relation: a folder (state-leg-zips/, derived/), an archive, "
                "or its URL. Default: the STATE_ZIP_DISTRICT_DATA setting."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change, and change nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Apply even when more than half the stored legislators (overall or of one "
            "state), districts or ZIP rows would go.",
        )
        parser.add_argument(
            "--as-of",
            type=iso_date,
            help="Leave out roles that ended before this date (YYYY-MM-DD; default today).",
        )
        parser.add_argument(
            "--published",
            type=iso_date,
            help="The publisher's date of the data, when its README does not give it.",
        )
        parser.add_argument(
            "--timeout", type=float, default=60.0, help="Seconds to wait for a download (60)."
        )

    def handle(self, *args, **options):
        try:
            outcome = import_state_legislators(
                options["source"],
                options["zip_source"],
                dry_run=options["dry_run"],
                force=options["force"],
                as_of=options["as_of"],
                published=options["published"],
                timeout=options["timeout"],
                progress=self.stdout.write,
            )
        except LegislatorDataError as error:
            raise CommandError(str(error)) from None
        record = outcome.record
        if outcome.applied:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {record.legislator_count} state legislators and "
                    f"{record.zip_area_count} ZIP-district rows."
                )
            )
        elif record is not None:
            self.stdout.write(self.style.SUCCESS("State legislator data is up to date."))
