"""Import the members of Congress, their offices and committees, and the ZIP-to-district table.

    read (sources) → check and key (parsing) → compare with the database (changes.plan)
    → print what changed (report.describe) → apply in one transaction (changes.apply)

`manage.py import_legislators` and `manage.py demo` both call `import_legislators()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from states.models import LegislatorImport

from .changes import ImportPlan, apply, confirm_unchanged, plan
from .errors import LegislatorDataError
from .parsing import LegislatorData, parse
from .report import describe
from .sources import FILE_NAMES, PUBLISHER_URLS, Source, digest, published_at, read_all, resolve

__all__ = [
    "FILE_NAMES",
    "PUBLISHER_URLS",
    "ImportOutcome",
    "ImportPlan",
    "LegislatorData",
    "LegislatorDataError",
    "Source",
    "import_legislators",
    "resolve",
]


@dataclass
class ImportOutcome:
    plan: ImportPlan | None
    record: LegislatorImport | None  # the import row written or re-confirmed; None if dry run
    applied: bool = False  # changes were written
    skipped: bool = False  # the files were identical to the last import's (skip_if_unchanged)


def import_legislators(
    source: str | None = None,
    *,
    dry_run: bool = False,
    force: bool = False,
    skip_if_unchanged: bool = False,
    timeout: float = 30.0,
    progress: Callable[[str], None] | None = None,
) -> ImportOutcome:
    """Read, compare, report and (unless dry_run) apply. Raises LegislatorDataError, with
    nothing written, when the data cannot be read or does not look right."""
    say = progress or (lambda _message: None)
    started_at = timezone.now()
    resolved = resolve(source)
    say(f"Reading {len(FILE_NAMES)} files from {resolved.label}")
    dates: dict = {}
    contents = read_all(resolved, timeout=timeout, progress=say, dates=dates)
    data_published_at = published_at(dates)
    fingerprint = digest(contents)
    latest = LegislatorImport.latest_or_none()
    if skip_if_unchanged and latest is not None and latest.source_digest == fingerprint:
        say(
            "The files are identical to those of the last import "
            f"({latest.finished_at:%Y-%m-%d %H:%M}); nothing to do."
        )
        return ImportOutcome(plan=None, record=latest, skipped=True)
    say("Checking the files")
    data = parse(contents, progress=say)
    say("Comparing with the database")
    import_plan = plan(data, resolved, fingerprint, started_at=started_at)
    import_plan.data_published_at = data_published_at
    for line in describe(import_plan):
        say(line)
    for warning in data.warnings:
        say(f"  warning: {warning}")
    import_plan.check_removals(force=force)
    if dry_run:
        say("Dry run: nothing was changed.")
        return ImportOutcome(plan=import_plan, record=None)
    if not import_plan.has_changes and import_plan.previous is not None:
        record = confirm_unchanged(import_plan)
        say("Nothing to apply; the last import is marked as checked now.")
        return ImportOutcome(plan=import_plan, record=record)
    say("Applying the changes in one transaction")
    record = apply(import_plan, progress=say)
    say(f"Applied in {record.seconds:.1f} s.")
    return ImportOutcome(plan=import_plan, record=record, applied=True)
