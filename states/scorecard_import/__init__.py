"""`manage.py import_scorecard`: the researched marks for every state, from a CSV file or URL.

parsing reads and checks the file (every problem with its row number, before anything is
written); changes compares it with the state pages and applies it as page revisions; this
module ties them together and says what changed. docs/scorecard.md explains the format.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from core.us_states import state_name
from states.models import Criterion, ScorecardImport

from .changes import ADDED, CHANGED, KEPT, SKIPPED, UNCHANGED, ScorecardPlan, apply, plan
from .parsing import ScorecardDataError, digest, parse, read

__all__ = ["ScorecardDataError", "ScorecardOutcome", "describe", "import_scorecard"]

MAX_DETAIL_LINES = 40


@dataclass
class ScorecardOutcome:
    plan: ScorecardPlan
    record: ScorecardImport | None  # None for a dry run

    @property
    def applied(self) -> bool:
        return self.record is not None


def default_source() -> str:
    source = getattr(settings, "SCORECARD_DATA", "") or ""
    if not source:
        raise ScorecardDataError(
            "Give the research file's path or URL (or set SCORECARD_DATA), e.g. "
            "`manage.py import_scorecard ../shared/data/scorecard/assessments.csv`."
        )
    return source


def import_scorecard(
    source: str | None = None,
    *,
    dry_run: bool = False,
    force: bool = False,
    run_by: str = "",
    timeout: float = 30.0,
    progress=None,
    translation_strings: dict | None = None,
) -> ScorecardOutcome:
    source = str(source or default_source())
    content = read(source, timeout)
    slugs = set(
        Criterion.objects.filter(locale=Locale.get_default()).values_list("slug", flat=True)
    )
    if not slugs:
        raise ScorecardDataError(
            "The rubric has no criteria yet: run `manage.py create_states` (or `make demo`) first."
        )
    marks = parse(content, slugs)
    the_plan = plan(marks, source, digest(content), force=force)
    if progress:
        for line in describe(the_plan):
            progress(line)
    if dry_run:
        return ScorecardOutcome(the_plan, None)
    record = apply(the_plan, run_by=run_by, progress=progress, strings=translation_strings)
    return ScorecardOutcome(the_plan, record)


def _field_list(fields: dict) -> str:
    return ", ".join(sorted(fields))


def describe(the_plan: ScorecardPlan) -> list[str]:
    """What the import does, state by state, then in total: the lines the command prints."""
    lines = []
    for code, counts in sorted(the_plan.by_state().items()):
        if set(counts) == {UNCHANGED}:
            continue
        parts = [
            f"{counts[name]} {name}" for name in (ADDED, CHANGED, KEPT, SKIPPED) if counts[name]
        ]
        parts.append(f"{counts[UNCHANGED]} unchanged")
        lines.append(f"{state_name(code)} ({code}): " + ", ".join(parts))
    details = []
    for item in the_plan.changes:
        where = f"  {item.mark.state} {item.mark.criterion} (row {item.mark.row})"
        if item.change == CHANGED:
            details.append(f"{where}: {_field_list(item.fields)} updated")
        elif item.change == KEPT:
            details.append(
                f"{where}: kept as an editor changed it in the admin ({_field_list(item.fields)} "
                "differ from the file); --force replaces it"
            )
        elif item.change == SKIPPED:
            details.append(
                f"{where}: skipped, the page has an unpublished draft; publish or discard it "
                "and import again"
            )
    if len(details) > MAX_DETAIL_LINES:
        hidden = len(details) - MAX_DETAIL_LINES
        details = [*details[:MAX_DETAIL_LINES], f"  … and {hidden} more (see the import record)"]
    lines.extend(details)
    total = len(the_plan.changes)
    lines.append(
        f"{total} marks for {len(the_plan.by_state())} states: "
        f"{the_plan.count(ADDED)} added, {the_plan.count(CHANGED)} changed, "
        f"{the_plan.count(UNCHANGED)} unchanged, {the_plan.count(KEPT)} kept as editors "
        f"changed them, {the_plan.count(SKIPPED)} skipped (unpublished drafts)."
    )
    return lines
