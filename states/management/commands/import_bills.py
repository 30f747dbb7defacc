"""`manage.py import_bills [PATH_OR_URL] [--dry-run]`: the federal bills from the bill list."""

from django.core.management.base import BaseCommand, CommandError

from states.bill_import import BillDataError, import_bills


class Command(BaseCommand):
    help = (
        "Import the federal bills (federal-bills.csv: congress, bill, title, stance, introduced, "
        "sponsor, status, status_date, status_note, source_url). Adds new bills, updates those "
        "whose status moved, and prints what changed. Letter pages stop asking for a bill once "
        "it is no longer alive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", nargs="?", help="The CSV's path or URL. Default: FEDERAL_BILLS_DATA."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change, and change nothing."
        )

    def handle(self, *args, **options):
        try:
            the_plan = import_bills(options["source"], dry_run=options["dry_run"])
        except BillDataError as error:
            raise CommandError(str(error)) from None
        for line in the_plan.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was changed.")
