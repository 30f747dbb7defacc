"""The scorecard computed from the database: scores, ranking, filters and bills.

One function builds everything the map, the ranking table, the state pages and the open data
show, in a fixed number of queries however many states, criteria, assessments and bills there
are. Scores are never stored: they are computed here from the assessments.
"""

import datetime
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.utils import formats
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.us_states import US_STATES
from states.geography import FIPS
from states.models import (
    ASSESSED,
    FEDERAL,
    HALF_POINTS,
    MEETS,
    AssessmentStatus,
    Bill,
    BillStatusChange,
    Criterion,
    StateAssessment,
    StateIndexPage,
    StatePage,
)

PALETTE_STEPS = 10  # colour buckets 0..9, see the map's legend


def partly_assessed_rule() -> str:
    """How a state whose research is incomplete is scored, coloured and ranked: said on the
    map page and in the open data, so that nobody reads a gap in the research as a verdict."""
    return _(
        "A criterion not yet assessed earns no points: a state's score counts only what its "
        "law has been shown to do, out of all nine criteria, and can only rise as research "
        "fills the gaps. The map's colour and the rank follow that score; next to it we say "
        "how many criteria were assessed. A state with no criterion assessed is grey and "
        "unranked."
    )


def half_points(statuses: Iterable[str]) -> int:
    """Met is worth 2 half points, partly met 1, anything else 0."""
    return sum(HALF_POINTS.get(status, 0) for status in statuses)


def score_value(points: int) -> Decimal:
    return Decimal(points) / 2


def format_score(points: int) -> str:
    """'6.5' in English, '6,5' in Spanish, '7' rather than '7.0'."""
    return formats.number_format(score_value(points))


def sort_key(name: str) -> str:
    """Alphabetical order that ignores accents, so 'Míchigan' sorts beside 'Misisipi'."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def prefer_locale(objects: Iterable, locale_id: int) -> list:
    """One object per translation_key: the one in `locale_id` if it exists, else the other
    (the source language). Order follows each key's first appearance in `objects`."""
    chosen: dict = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or (obj.locale_id == locale_id and current.locale_id != locale_id):
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def locale_ids_for(locale_id: int) -> list[int]:
    """The visitor's locale and the source locale that stands in for missing translations."""
    default = Locale.get_default()
    return [locale_id] if default.pk == locale_id else [locale_id, default.pk]


def rubric(locale_id: int, locale_ids: list[int] | None = None) -> list[Criterion]:
    """The criteria in the visitor's language (falling back to the source language), in order."""
    locale_ids = locale_ids or locale_ids_for(locale_id)
    criteria = list(Criterion.objects.filter(locale_id__in=locale_ids))
    return sorted(prefer_locale(criteria, locale_id), key=lambda c: (c.sort_order, c.pk))


@dataclass
class CriterionResult:
    criterion: Criterion
    assessment: StateAssessment | None

    @property
    def status(self) -> str:
        return self.assessment.status if self.assessment else AssessmentStatus.NOT_ASSESSED

    @property
    def status_label(self) -> str:
        return AssessmentStatus(self.status).label

    @property
    def is_assessed(self) -> bool:
        return self.status in ASSESSED

    @property
    def meets(self) -> bool:
        return self.status in MEETS


@dataclass
class StateScore:
    code: str
    name: str
    page: StatePage | None
    url: str
    results: list[CriterionResult]
    bills: list[Bill] = field(default_factory=list)
    recent_years: int = 2
    rank: int | None = None
    tied: bool = False
    live_bill: object = None  # states.bill_steps.LiveBill, set by the map's view

    @property
    def fips(self) -> str:
        return FIPS[self.code]

    @property
    def max_score(self) -> int:
        return len(self.results)

    @property
    def half_points(self) -> int:
        return half_points(result.status for result in self.results)

    @property
    def score(self) -> Decimal:
        return score_value(self.half_points)

    @property
    def score_display(self) -> str:
        return format_score(self.half_points)

    @property
    def assessed_count(self) -> int:
        return sum(1 for result in self.results if result.is_assessed)

    @property
    def not_assessed_count(self) -> int:
        return self.max_score - self.assessed_count

    @property
    def is_assessed(self) -> bool:
        return self.assessed_count > 0

    @property
    def low_confidence_count(self) -> int:
        return sum(
            1
            for result in self.results
            if result.assessment and result.assessment.is_low_confidence
        )

    @property
    def score_text(self) -> str:
        """'3 of 9; 5 assessed': the score out of every criterion, and how many were researched."""
        return _("%(score)s of %(max)s; %(assessed)s assessed") % {
            "score": self.score_display,
            "max": self.max_score,
            "assessed": self.assessed_count,
        }

    @property
    def bucket(self) -> int | None:
        """Colour step 0..9 on the map, or None for a state not yet assessed."""
        if not self.is_assessed or not self.max_score:
            return None
        return min(PALETTE_STEPS - 1, int(self.score * PALETTE_STEPS / (self.max_score + 1)))

    @property
    def description(self) -> str:
        """The accessible name of the state on the map, e.g. 'Colorado: 6.5 of 9; 9 assessed'."""
        if not self.is_assessed:
            return _("%(state)s: not yet assessed") % {"state": self.name}
        return f"{self.name}: {self.score_text}"

    def result_for(self, criterion: Criterion) -> CriterionResult | None:
        for result in self.results:
            if result.criterion.translation_key == criterion.translation_key:
                return result
        return None

    @property
    def pending_bills(self) -> list[Bill]:
        return [bill for bill in self.bills if bill.is_pending]

    @property
    def recently_passed_bills(self) -> list[Bill]:
        return [bill for bill in self.bills if bill.passed_within(self.recent_years)]

    @property
    def older_laws(self) -> list[Bill]:
        """Bills signed into law before the "recently passed" window."""
        return [
            bill
            for bill in self.bills
            if bill.is_enacted and not bill.passed_within(self.recent_years)
        ]


def results_for(criteria: Sequence[Criterion], assessments: Iterable[StateAssessment]):
    """Pair each criterion with the page's assessment of it (the first, if an editor somehow
    saved two), so that a criterion without one counts as not yet assessed."""
    by_key = {}
    for assessment in assessments:
        by_key.setdefault(assessment.criterion.translation_key, assessment)
    return [
        CriterionResult(criterion, by_key.get(criterion.translation_key)) for criterion in criteria
    ]


def rank_states(scores: list[StateScore]) -> list[StateScore]:
    """Best score first; equal scores share a rank (1, 2, 2, 4) and are listed by name.
    States not yet assessed have no rank and come last, by name."""
    assessed = sorted(
        (s for s in scores if s.is_assessed), key=lambda s: (-s.half_points, sort_key(s.name))
    )
    unassessed = sorted((s for s in scores if not s.is_assessed), key=lambda s: sort_key(s.name))
    counts: dict[int, int] = defaultdict(int)
    for state in assessed:
        counts[state.half_points] += 1
    previous_points, previous_rank = None, 0
    for position, state in enumerate(assessed, start=1):
        if state.half_points != previous_points:
            previous_rank, previous_points = position, state.half_points
        state.rank = previous_rank
        state.tied = counts[state.half_points] > 1
    for state in unassessed:
        state.rank, state.tied = None, False
    return assessed + unassessed


def _assessments_prefetch() -> Prefetch:
    return Prefetch(
        "assessments", queryset=StateAssessment.objects.select_related("criterion").order_by()
    )


def _bills(
    locale_id: int, jurisdictions: Iterable[str] | None = None, locale_ids: list[int] | None = None
) -> list[Bill]:
    locale_ids = locale_ids or locale_ids_for(locale_id)
    bills = (
        Bill.objects.filter(locale_id__in=locale_ids)
        .select_related("locale")
        .prefetch_related(Prefetch("status_changes", queryset=BillStatusChange.objects.order_by()))
    )
    if jurisdictions is not None:
        bills = bills.filter(jurisdiction__in=list(jurisdictions))
    fetched = list(bills.order_by("pk"))
    bills = prefer_locale(fetched, locale_id)
    mark_untranslated_bills(bills, fetched, locale_id)
    # Most recent action first; bills without history (impossible in the admin) last.
    return sorted(bills, key=lambda b: (b.status_date or datetime.date.min, b.pk), reverse=True)


def mark_untranslated_bills(bills: list[Bill], fetched: list[Bill], locale_id: int) -> None:
    """On a page in a translated language, flag each bill's words still in the source language
    (a bill imported or edited since a translator last saw it, or never translated), so the
    template can mark them lang="en": title, session, summary, status notes, and a sponsor line
    the site cannot word itself. `fetched` holds the source-language bills beside the chosen."""
    sources = {bill.translation_key: bill for bill in fetched if bill.locale_id != locale_id}
    for bill in bills:
        source = sources.get(bill.translation_key)
        if source is None:  # the source language's own page, or a bill written in this language
            continue
        language = source.locale.language_code
        bill.sponsor_lang = language  # synchronised: always the source's words
        for name in ("title", "session", "summary"):
            words = getattr(bill, name)
            setattr(
                bill, f"{name}_lang", language if words and words == getattr(source, name) else ""
            )
        notes = {change.translation_key: change.note for change in source.status_changes.all()}
        for change in bill.status_changes.all():
            untranslated = change.note and change.note == notes.get(change.translation_key)
            change.note_lang = language if untranslated else ""


@dataclass
class Scorecard:
    criteria: list[Criterion]
    states: list[StateScore]  # ranked
    federal_bills: list[Bill]

    @property
    def by_code(self) -> dict[str, StateScore]:
        return {state.code: state for state in self.states}

    @property
    def updated(self) -> datetime.date | None:
        """The latest date on which any assessment was checked."""
        dates = [
            result.assessment.checked_on
            for state in self.states
            for result in state.results
            if result.assessment and result.assessment.checked_on and result.is_assessed
        ]
        return max(dates, default=None)

    def criterion(self, slug: str) -> Criterion | None:
        return next((c for c in self.criteria if c.slug == slug), None)

    def meeting(self, criterion: Criterion) -> list[StateScore]:
        return [s for s in self.states if (r := s.result_for(criterion)) and r.meets]

    def sorted_by_name(self) -> list[StateScore]:
        return sorted(self.states, key=lambda s: sort_key(s.name))


def build_scorecard(index: StateIndexPage, request=None) -> Scorecard:
    """Everything about every state, in a fixed number of queries."""
    locale_id = index.locale_id
    locale_ids = locale_ids_for(locale_id)
    criteria = rubric(locale_id, locale_ids)
    index_paths = list(
        StateIndexPage.objects.filter(
            translation_key=index.translation_key, locale_id__in=locale_ids
        ).values_list("path", flat=True)
    )
    in_indexes = Q()
    for path in index_paths:
        in_indexes |= Q(path__startswith=path)
    pages = list(
        StatePage.objects.live()
        .public()
        .filter(in_indexes, depth=index.depth + 1)
        .prefetch_related(_assessments_prefetch())
        .order_by("pk")
    )
    pages = {page.postal_code: page for page in prefer_locale(pages, locale_id)}
    bills_by_state = defaultdict(list)
    federal = []
    for bill in _bills(locale_id, locale_ids=locale_ids):
        (federal if bill.jurisdiction == FEDERAL else bills_by_state[bill.jurisdiction]).append(
            bill
        )
    scores = []
    for code, english_name in US_STATES:
        page = pages.get(code)
        scores.append(
            StateScore(
                code=code,
                # An untranslated page stands in for its state, but the name is the
                # visitor's: "Oregón" on the Spanish map, not the English page's title.
                name=page.title if page and page.locale_id == locale_id else english_name,
                page=page,
                url=page.get_url(request=request) if page else "",
                results=results_for(criteria, page.assessments.all() if page else ()),
                bills=bills_by_state.get(code, []),
                recent_years=index.recent_years,
            )
        )
    return Scorecard(criteria=criteria, states=rank_states(scores), federal_bills=federal)


def score_for_page(page: StatePage, criteria: Sequence[Criterion] | None = None) -> StateScore:
    """One state's score, for its own page (the rubric and the assessments: three queries)."""
    cached = getattr(page, "_scorecard_score", None)
    if cached is not None and criteria is None:
        return cached
    criteria = criteria if criteria is not None else rubric(page.locale_id)
    assessments = page.assessments.select_related("criterion")
    score = StateScore(
        code=page.postal_code,
        name=page.title,
        page=page,
        url="",
        results=results_for(criteria, assessments),
    )
    page._scorecard_score = score  # the page's template and its sharing tags both ask
    return score


def mark_untranslated_research(page: StatePage, results: Sequence[CriterionResult]) -> None:
    """On a translated page, flag each summary and note still in the source language (new
    research a translator has not reached yet), so the template can mark it lang="en"."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return
    assessments = [r.assessment for r in results if r.assessment is not None]
    if not assessments:
        return
    source = {
        key: (summary, note)
        for key, summary, note in StateAssessment.objects.filter(
            locale=default, translation_key__in=[a.translation_key for a in assessments]
        ).values_list("translation_key", "summary", "note")
    }
    language = default.language_code
    for assessment in assessments:
        summary, note = source.get(assessment.translation_key, (None, None))
        assessment.summary_lang = language if summary and assessment.summary == summary else ""
        assessment.note_lang = language if note and assessment.note == note else ""


def state_bills(page: StatePage, locale_ids: list[int] | None = None):
    """The state's bills and the federal ones, most recent first."""
    bills = _bills(page.locale_id, [page.postal_code, FEDERAL], locale_ids)
    return (
        [b for b in bills if b.jurisdiction == page.postal_code],
        [b for b in bills if b.jurisdiction == FEDERAL],
    )
