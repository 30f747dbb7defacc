"""What an import would change, mark by mark, and applying it through page revisions.

Marks live on the state pages (StateAssessment rows), so an import edits each page as an editor
would: a new revision, published, with its translations synced through wagtail-localize. A mark
an editor changed since the last import is kept unless the import is forced, and a page with an
unpublished draft is left alone, so that nobody's work in the admin is overwritten unseen.
"""

from __future__ import annotations

import datetime
import time
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Locale

from core.localization import sync_translation
from states.models import Criterion, ScorecardImport, StateAssessment, StatePage

from .parsing import IMPORTED_FIELDS, Mark, ScorecardDataError, fingerprint, values_of

ADDED, CHANGED, UNCHANGED, KEPT, SKIPPED = "added", "changed", "unchanged", "kept", "skipped"


@dataclass
class MarkChange:
    mark: Mark
    change: str  # ADDED, CHANGED, UNCHANGED, KEPT (an editor's change) or SKIPPED (a draft)
    assessment: StateAssessment | None = None
    fields: dict = field(default_factory=dict)  # name → (stored, imported), when they differ

    def entry(self) -> dict:
        return {
            "state": self.mark.state,
            "criterion": self.mark.criterion,
            "change": self.change,
            "fields": {
                name: [_plain(old), _plain(new)] for name, (old, new) in self.fields.items()
            },
        }


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


@dataclass
class ScorecardPlan:
    source: str
    digest: str
    force: bool
    started_at: datetime.datetime
    pages: dict[str, StatePage]
    criteria: dict[str, Criterion]
    changes: list[MarkChange]

    def count(self, change: str) -> int:
        return sum(1 for item in self.changes if item.change == change)

    def by_state(self) -> dict[str, Counter]:
        counts: dict[str, Counter] = {}
        for item in self.changes:
            counts.setdefault(item.mark.state, Counter())[item.change] += 1
        return counts

    def pages_to_write(self) -> list[str]:
        return sorted({item.mark.state for item in self.changes if item.change in (ADDED, CHANGED)})


def _differences(stored: dict, imported: dict) -> dict:
    return {
        name: (stored[name], imported[name])
        for name in IMPORTED_FIELDS
        if (stored[name] or None) != (imported[name] or None)
    }


def plan(marks: list[Mark], source: str, digest: str, force: bool = False) -> ScorecardPlan:
    """Compare every mark with the English (source-language) state pages; nothing is written."""
    started_at = timezone.now()
    default = Locale.get_default()
    criteria = {c.slug: c for c in Criterion.objects.filter(locale=default)}
    pages = {
        page.postal_code: page
        for page in StatePage.objects.filter(locale=default).prefetch_related(
            Prefetch(
                "assessments",
                queryset=StateAssessment.objects.select_related("criterion").order_by(
                    "sort_order", "pk"
                ),
            )
        )
    }
    missing = sorted({mark.state for mark in marks} - set(pages))
    if missing:
        raise ScorecardDataError(
            "Nothing was imported: there is no state page for "
            + ", ".join(missing)
            + ". Run `manage.py create_states` (or `make demo`) first."
        )
    changes = []
    for mark in marks:
        page = pages[mark.state]
        stored = next(
            (a for a in page.assessments.all() if a.criterion.slug == mark.criterion), None
        )
        if stored is None:
            change = MarkChange(mark, ADDED, fields={"status": (None, mark.values["status"])})
        else:
            current = values_of(stored)
            differences = _differences(current, mark.values)
            if not differences:
                change = MarkChange(mark, UNCHANGED, stored)
            elif stored.imported_fingerprint != fingerprint(current) and not force:
                change = MarkChange(mark, KEPT, stored, differences)
            else:
                change = MarkChange(mark, CHANGED, stored, differences)
        if change.change in (ADDED, CHANGED) and page.has_unpublished_changes:
            change.change = SKIPPED
        changes.append(change)
    return ScorecardPlan(source, digest, force, started_at, pages, criteria, changes)


def _other_languages() -> list[str]:
    default = Locale.get_default().language_code
    return [code for code, _name in settings.LANGUAGES if code != default]


def _write_page(
    page: StatePage, items: list[MarkChange], criteria: dict[str, Criterion], strings=None
):
    assessments = list(page.assessments.all())
    positions = {c.slug: c.sort_order for c in criteria.values()}
    for item in items:
        values = dict(item.mark.values)
        if item.change == ADDED:
            assessment = StateAssessment(
                criterion=criteria[item.mark.criterion],
                locale_id=page.locale_id,
                sort_order=positions[item.mark.criterion],
            )
            assessments.append(assessment)
        else:
            assessment = next(a for a in assessments if a.pk == item.assessment.pk)
        for name, value in values.items():
            setattr(assessment, name, value)
        assessment.imported_fingerprint = fingerprint(values)
    # In rubric order, as editors see them in the admin.
    assessments.sort(key=lambda a: (positions.get(a.criterion.slug, 99), a.pk or 0))
    for position, assessment in enumerate(assessments):
        assessment.sort_order = position
    page.assessments = assessments
    page.save_revision(log_action=True).publish(log_action=True)
    # Fresh from the database: the rows just published have ids the in-memory ones lack, and
    # the translation must be made from what is live.
    page = StatePage.objects.get(pk=page.pk)
    # Publishing synced the translations the page has (states/facts_sync.py); make the
    # missing ones, which only an import or an editor decides to create.
    for language in _other_languages():
        if not page.has_translation(Locale.objects.get(language_code=language)):
            sync_translation(page, language, (strings or {}).get(language))


def apply(
    plan: ScorecardPlan, run_by: str = "", progress=None, strings: dict | None = None
) -> ScorecardImport:
    """Write every added and changed mark, one page revision per state, in one transaction.
    `strings` ({language: {English: translation}}) lets the demo give page titles and slugs
    their translations when it creates a state's translation here."""
    started = time.monotonic()
    with transaction.atomic():
        for code in plan.pages_to_write():
            items = [
                item
                for item in plan.changes
                if item.mark.state == code and item.change in (ADDED, CHANGED)
            ]
            _write_page(plan.pages[code], items, plan.criteria, strings)
            if progress:
                progress(f"  updated {plan.pages[code].title}")
        record = ScorecardImport.objects.create(
            started_at=plan.started_at,
            run_by=run_by[:150],
            source=plan.source[:500],
            source_digest=plan.digest,
            forced=plan.force,
            added=plan.count(ADDED),
            changed=plan.count(CHANGED),
            unchanged=plan.count(UNCHANGED),
            kept=plan.count(KEPT) + plan.count(SKIPPED),
            changes=[item.entry() for item in plan.changes if item.change != UNCHANGED],
            by_state={code: dict(counts) for code, counts in sorted(plan.by_state().items())},
            seconds=0,
        )
        record.seconds = round(time.monotonic() - started, 2)
        record.save(update_fields=["seconds"])
    return record
