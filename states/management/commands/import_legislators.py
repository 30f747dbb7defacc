"""`manage.py import_legislators`: refresh the members of Congress and the ZIP-to-district table.

The work is in states/importer; this command only parses options and prints.
"""

from django.core.management.base import BaseCommand, CommandError

from states.importer import PUBLISHER_URLS, LegislatorDataError, import_legislators


class Command(BaseCommand):
    help = (
        "Import the current members of Congress (unitedstates/congress-legislators), their "
        "district offices and committees, and the Census ZIP-to-district table. Prints what "
        "changed since the last import before applying it, in one transaction. Re-running with "
        "the same data changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            help=(
                "A folder holding the five files, or a base URL they can be downloaded from. "
                "Default: the LEGISLATOR_DATA_DIR setting, or else the publishers' URLs ("
                + ", ".join(PUBLISHER_URLS.values())
                + ")."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would change, and change nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Apply even when more than half the stored legislators or ZIP rows would go.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=30.0,
            help="Seconds to wait for each download (default 30).",
        )

    def handle(self, *args, **options):
        try:
            outcome = import_legislators(
                options["source"],
                dry_run=options["dry_run"],
                force=options["force"],
                timeout=options["timeout"],
                progress=self.stdout.write,
            )
        except LegislatorDataError as error:
            raise CommandError(str(error)) from None
        record = outcome.record
        if outcome.applied:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {record.legislator_count} legislators and "
                    f"{record.zip_area_count} ZIP code rows."
                )
            )
        elif record is not None:
            self.stdout.write(self.style.SUCCESS("Legislator data is up to date."))
