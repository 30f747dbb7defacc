"""The map page (with its filter and sort) and the open data downloads."""

import csv
import io
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import serving
from core.csv_safety import CSV_CONTENT_TYPE, EXCEL_BOM, neutralize_formula
from core.us_states import state_name
from states.bill_steps import LiveBill, followed_bills
from states.congress import HOUSE_LOOKUP_URL, members_for_state
from states.geography import map_frame, map_shapes
from states.models import Chamber, Criterion, StateIndexPage, StatePage
from states.related import related_sections
from states.scorecard import (
    Scorecard,
    StateScore,
    build_scorecard,
    locale_ids_for,
    mark_untranslated_research,
    partly_assessed_rule,
    rubric,
    score_for_page,
    sort_key,
    state_bills,
)

SORTS = ("score", "name")
DARK_FILLS = {"map-state--b0", "map-state--b1", "map-state--b2", "map-state--b3"}
MAX_ECHO = 60  # characters of a bad parameter repeated back in an error message


@serving.handles("index", StateIndexPage)
def scorecard_index(page: StateIndexPage, request, not_found: str = ""):
    """The map and the ranking, optionally filtered by one criterion and sorted by name.
    `not_found` explains a 404 (an unknown state code in the address) above the map."""
    scorecard = build_scorecard(page, request)
    sort = request.GET.get("sort", "score")
    if sort not in SORTS:
        sort = "score"
    slug = request.GET.get("criterion", "").strip()
    criterion = scorecard.criterion(slug) if slug else None
    criterion_error = ""
    if slug and criterion is None:
        criterion_error = _("There is no criterion “%(slug)s”. Showing every state instead.") % {
            "slug": slug[:MAX_ECHO]
        }
    attach_live_bills(scorecard.states, page.locale_id)
    rows = scorecard.states if sort == "score" else scorecard.sorted_by_name()
    if criterion is not None:
        rows = [state for state in rows if state.result_for(criterion).meets]
    width, height, source = map_frame()
    response = page.render(
        request,
        context_overrides={
            "scorecard": scorecard,
            "states_by_name": scorecard.sorted_by_name(),
            "rows": rows,
            "sort": sort,
            "criterion": criterion,
            "criterion_error": criterion_error,
            "not_found": not_found,
            "map_states": map_entries(scorecard, criterion),
            "map_width": width,
            "map_height": height,
            "map_source": source,
            "legend": range(10),
            "partly_assessed_rule": partly_assessed_rule(),
            "csv_url": _open_data_url("states:scorecard_csv", page),
            "json_url": _open_data_url("states:scorecard_json", page),
        },
    )
    if not_found:
        response.status_code = 404
    elif criterion_error:
        response.status_code = 400
    return response


def attach_live_bills(states: list[StateScore], locale_id: int) -> None:
    """Each state's live bill (the one its take-action page follows), in the visitor's language
    where the bill is translated; a fixed number of queries for all states."""
    action_ids = {state.code: state.page.take_action_page_id for state in states if state.page}
    live = followed_bills(action_ids.values(), locale_id=locale_id)
    for state in states:
        found = live.get(action_ids.get(state.code))
        if found is not None:
            state.live_bill = in_language_of(found, state.bills)


def in_language_of(live: LiveBill, bills: list) -> LiveBill:
    """The live bill as the page's own list has it: translated, and marked where it is not."""
    key = live.bill.translation_key
    live.bill = next((bill for bill in bills if bill.translation_key == key), live.bill)
    return live


def map_entries(scorecard: Scorecard, criterion=None) -> list[dict]:
    """One entry per state in alphabetical order, which is also the keyboard's order."""
    shapes = map_shapes()
    entries = []
    for state in sorted(scorecard.states, key=lambda s: sort_key(s.name)):
        result = state.result_for(criterion) if criterion is not None else None
        label = state.description
        if state.live_bill is not None:
            label = f"{label} · {state.live_bill.bill.number}: {state.live_bill.step.label}"
        if result is not None:
            label = f"{label} · {criterion.title}: {result.status_label}"
        muted = result is not None and not result.meets
        if muted:
            fill = "map-state--muted"
        elif state.bucket is None:
            fill = "map-state--none"
        else:
            fill = f"map-state--b{state.bucket}"
        entries.append(
            {
                "state": state,
                "shape": shapes[state.code],
                "label": label,
                "fill_class": fill,
                # White text on the four darkest colours, black on the rest (both ≥ 4.5:1).
                "label_class": "map-label--light" if fill in DARK_FILLS else "",
            }
        )
    return entries


def _open_data_url(name: str, page: StateIndexPage) -> str:
    url = reverse(name)
    language = page.locale.language_code
    return url if language == settings.LANGUAGE_CODE else f"{url}?lang={language}"


# Open data ---------------------------------------------------------------------------------

CSV_COLUMNS = [
    "state_code",
    "state_name",
    "fips",
    "state_score",
    "max_score",
    "criteria_assessed",
    "rank",
    "criterion_number",
    "criterion_slug",
    "criterion_group",
    "criterion_title",
    "status",
    "status_label",
    "summary",
    "citation",
    "quote",
    "source_title",
    "source_url",
    "checked_on",
    "confidence",
    "note",
    "state_page_url",
]


def _cell(value) -> str:
    return neutralize_formula("" if value is None else str(value))


def _plain_score(state: StateScore) -> str:
    return f"{state.score:f}"


@dataclass
class OpenData:
    scorecard: Scorecard
    states: list[StateScore]
    rows: list[dict]
    language: str


class OpenDataError(Exception):
    def __init__(self, response: HttpResponse):
        self.response = response


def _plain(response_class, text: str) -> HttpResponse:
    return response_class(text + "\n", content_type="text/plain; charset=utf-8")


def _open_data(request) -> OpenData:
    """The scorecard in the requested language, restricted to ?state= if given."""
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang", settings.LANGUAGE_CODE).strip().lower()
    if language not in languages:
        raise OpenDataError(
            _plain(
                HttpResponseBadRequest,
                f"Unknown language “{language[:MAX_ECHO]}”. Use one of: {', '.join(languages)}.",
            )
        )
    code = request.GET.get("state", "").strip().upper()
    if code and state_name(code) is None:
        raise OpenDataError(
            _plain(
                HttpResponseBadRequest,
                f"Unknown state code “{code[:MAX_ECHO]}”. "
                "Use a two-letter postal code such as CO, or DC.",
            )
        )
    page = StateIndexPage.objects.live().public().filter(locale__language_code=language).first()
    if page is None:
        raise OpenDataError(
            _plain(HttpResponseNotFound, "The scorecard is not published in this language yet.")
        )
    with translation.override(language):
        scorecard = build_scorecard(page, request)
        states = sorted(
            (s for s in scorecard.states if not code or s.code == code), key=lambda s: s.code
        )
        rows = list(_rows(request, states))
    return OpenData(scorecard, states, rows, language)


def _rows(request, states: list[StateScore]):
    for state in states:
        for number, result in enumerate(state.results, start=1):
            record = result.assessment
            assessment = record if result.is_assessed else None
            yield {
                "state_code": state.code,
                "state_name": state.name,
                "fips": state.fips,
                "state_score": _plain_score(state),
                "max_score": state.max_score,
                "criteria_assessed": state.assessed_count,
                "rank": state.rank,
                "criterion_number": number,
                "criterion_slug": result.criterion.slug,
                "criterion_group": result.criterion.group,
                "criterion_title": result.criterion.title,
                "status": result.status,
                "status_label": str(result.status_label),
                "summary": assessment.summary if assessment else "",
                "citation": assessment.citation if assessment else "",
                "quote": assessment.quote if assessment else "",
                "source_title": assessment.source_title if assessment else "",
                "source_url": assessment.source_url if assessment else "",
                # A mark not yet assessed still says when it was looked for, and why it is
                # missing, so that a gap in the research is never mistaken for a verdict.
                "checked_on": _date(record.checked_on) if record else "",
                "confidence": record.confidence if record else "",
                "note": record.note if record else "",
                "state_page_url": request.build_absolute_uri(state.url) if state.url else "",
            }


def _in_language(language: str, text) -> str:
    with translation.override(language):
        return str(text())


def _date(value) -> str:
    return value.isoformat() if value else ""


def _finish(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"  # partners' sites may fetch it directly
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_safe
def scorecard_csv(request):
    """/open-data/scorecard.csv: one row per state and criterion, with sources and dates."""
    try:
        data = _open_data(request)
    except OpenDataError as error:
        return error.response
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in data.rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    response = HttpResponse(EXCEL_BOM + buffer.getvalue(), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="scorecard-{data.language}.csv"'
    return _finish(response)


@require_safe
def scorecard_json(request):
    """/open-data/scorecard.json: the criteria, each state's score and bills, and the same rows
    as the CSV."""
    try:
        data = _open_data(request)
    except OpenDataError as error:
        return error.response
    scorecard = data.scorecard
    document = {
        "language": data.language,
        "updated": scorecard.updated,
        "max_score": len(scorecard.criteria),
        "scoring": "met = 1 point, partly met = 0.5, not met and not yet assessed = 0",
        "partly_assessed_rule": _in_language(data.language, partly_assessed_rule),
        "criteria": [
            {
                "number": number,
                "slug": criterion.slug,
                "group": criterion.group,
                "title": criterion.title,
                "explanation": criterion.explanation,
            }
            for number, criterion in enumerate(scorecard.criteria, start=1)
        ],
        "states": [
            {
                "code": state.code,
                "name": state.name,
                "fips": state.fips,
                "score": float(state.score),
                "criteria_assessed": state.assessed_count,
                "low_confidence_marks": state.low_confidence_count,
                "rank": state.rank,
                "url": request.build_absolute_uri(state.url) if state.url else None,
                "bills": [_bill(bill) for bill in state.bills],
            }
            for state in data.states
        ],
        "federal_bills": [_bill(bill) for bill in scorecard.federal_bills],
        "assessments": data.rows,
    }
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    return _finish(response)


def _bill(bill) -> dict:
    return {
        "jurisdiction": bill.jurisdiction,
        "number": bill.number,
        "title": bill.title,
        "sponsor": bill.sponsor,
        "stance": bill.stance,
        "status": bill.status,
        "status_date": bill.status_date,
        "url": bill.url,
        "history": [
            {"status": change.status, "date": change.date, "note": change.note}
            for change in bill.history
        ],
    }


@serving.handles("context", StatePage)
def state_page_context(page: StatePage, request) -> dict:
    """What a state page shows beside its own fields: the score, bills, members of Congress."""
    locale_ids = locale_ids_for(page.locale_id)
    score = score_for_page(page, rubric(page.locale_id, locale_ids))
    mark_untranslated_research(page, score.results)
    index = StateIndexPage.objects.parent_of(page).first()
    if index is not None:
        score.recent_years = index.recent_years
    bills, federal_bills = state_bills(page, locale_ids)
    score.bills = bills
    groups = [
        (label, [r for r in score.results if r.criterion.group == group])
        for group, label in Criterion.Group.choices
    ]
    members = members_for_state(page.postal_code)  # one query, Judiciary seats included
    take_action = page.take_action_page
    if take_action is not None:
        take_action = take_action.localized
        if not take_action.live:
            take_action = None
    live_bill = None
    if take_action is not None:
        live_bill = followed_bills([take_action.pk]).get(take_action.pk)
        if live_bill is not None:
            live_bill = in_language_of(live_bill, bills)
    return {
        "score": score,
        "groups": [(label, results) for label, results in groups if results],
        "bills": bills,
        "federal_bills": federal_bills,
        "index_page": index,
        "related_sections": related_sections(page, request),
        "take_action": take_action,
        "live_bill": live_bill,
        "senators": [m for m in members if m.chamber == Chamber.SENATE],
        "representatives": [m for m in members if m.chamber == Chamber.HOUSE],
        "house_lookup_url": HOUSE_LOOKUP_URL,
    }


@serving.handles("share_description", StatePage)
def state_share_description(page: StatePage) -> str:
    return str(score_for_page(page).description)
