"""Import the state legislators (Open States), their districts, committees and vacancies, and
the ZIP-to-state-district relation.

    read (sources) → check and key (parsing) → compare with the database (changes.plan)
    → print what changed, per state (report.describe) → apply in one transaction (changes.apply)

The same stages as the Congress import (states/importer), whose reading of URLs, comparison and
bulk writing this reuses. `manage.py import_state_legislators` calls `import_state_legislators()`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from states.importer.errors import LegislatorDataError
from states.models import StateLegislatorImport

from . import sources
from .changes import StatePlan, apply, confirm_unchanged, plan
from .parsing import StateData, parse
from .report import describe, summary

__all__ = [
    "LegislatorDataError",
    "StateData",
    "StateImportOutcome",
    "StatePlan",
    "import_state_legislators",
]


@dataclass
class StateImportOutcome:
    plan: StatePlan
    record: StateLegislatorImport | None  # written or re-confirmed; None on a dry run
    applied: bool = False


def import_state_legislators(
    source: str | None = None,
    zip_source: str | None = None,
    *,
    dry_run: bool = False,
    force: bool = False,
    as_of: datetime.date | None = None,
    published: datetime.date | None = None,
    timeout: float = 60.0,
    progress: Callable[[str], None] | None = None,
) -> StateImportOutcome:
    """Read, compare, report and (unless dry_run) apply. Raises LegislatorDataError, with
    nothing written, when the data cannot be read or does not look right.

    `as_of` (default today): roles that ended before it are left out. `published` overrides the
    publisher's date read from the staged copy's README."""
    say = progress or (lambda _message: None)
    started_at = timezone.now()
    as_of = as_of or timezone.localdate()
    default_people, default_zips = sources.default_locations()
    say(f"Reading Open States data from {source or default_people}")
    people = sources.read_tree(source or default_people, sources.wanted_people, timeout)
    say(f"  {len(people.files)} files")
    say(f"Reading the ZIP-district relation from {zip_source or default_zips}")
    zips = sources.read_tree(zip_source or default_zips, sources.wanted_zip, timeout)
    say("Checking the files")
    data = parse(people, zips, as_of, progress=say)
    say("Comparing with the database")
    label = f"{people.label} + {zips.label}"
    import_plan = plan(data, label, sources.digest(people, zips), as_of, started_at=started_at)
    import_plan.data_published_at = published or sources.people_published(people)
    import_plan.zip_data_published_at = sources.zip_published(zips)
    say(
        "Data published "
        + (
            f"{import_plan.data_published_at:%Y-%m-%d}"
            if import_plan.data_published_at
            else "(date unknown)"
        )
        + f"; current roles as of {as_of:%Y-%m-%d}"
    )
    recorded = summary(import_plan)
    for line in describe(import_plan, recorded):
        say(line)
    for warning in data.warnings[:50]:
        say(f"  warning: {warning}")
    import_plan.check_removals(force=force)
    if dry_run:
        say("Dry run: nothing was changed.")
        return StateImportOutcome(plan=import_plan, record=None)
    if not import_plan.has_changes and import_plan.previous is not None:
        record = confirm_unchanged(import_plan)
        say("Nothing to apply; the last import is marked as checked now.")
        return StateImportOutcome(plan=import_plan, record=record)
    say("Applying the changes in one transaction")
    record = apply(import_plan, recorded, progress=say)
    say(f"Applied in {record.seconds:.1f} s.")
    return StateImportOutcome(plan=import_plan, record=record, applied=True)
