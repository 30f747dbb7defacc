"""`manage.py import_scorecard [PATH_OR_URL] [--dry-run] [--force]`: load the researched marks.

The work is in states/scorecard_import; this command only parses options and prints.
"""

import getpass

from django.core.management.base import BaseCommand, CommandError

from states.scorecard_import import ScorecardDataError, import_scorecard


class Command(BaseCommand):
    help = (
        "Import the scorecard research (one CSV row per state and criterion: status, summary, "
        "citation, quote, source, checked-on date, confidence, note) into the state pages. "
        "Prints what would change, state by state, before changing anything; never overwrites "
        "a mark an editor changed since the last import unless --force; records each run for "
        "staff to read in the admin (Scorecard > Scorecard imports)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            nargs="?",
            help="The CSV's path or http(s) URL. Default: the SCORECARD_DATA setting.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change, and change nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also replace marks that editors changed in the admin since the last import.",
        )
        parser.add_argument(
            "--by",
            default="",
            help="Who is running the import, for the record (default: this login's name).",
        )
        parser.add_argument(
            "--timeout", type=float, default=30.0, help="Seconds to wait for a download."
        )

    def handle(self, *args, **options):
        try:
            outcome = import_scorecard(
                options["source"],
                dry_run=options["dry_run"],
                force=options["force"],
                run_by=options["by"] or _login_name(),
                timeout=options["timeout"],
                progress=self.stdout.write,
            )
        except ScorecardDataError as error:
            raise CommandError(str(error)) from None
        if outcome.applied:
            record = outcome.record
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported: {record.added} added, {record.changed} changed, "
                    f"{record.unchanged} unchanged, {record.kept} kept "
                    f"(record #{record.pk}, {record.seconds:.1f} s)."
                )
            )
        else:
            self.stdout.write("Dry run: nothing was changed.")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return ""
