"""The scorecard as open data at stable addresses (/open-data/scorecard.csv and .json, ?lang=es
for Spanish, ?state=CO for one state): the same scores, marks, bills and live bills as the pages."""

import csv
import io
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from core.csv_safety import CSV_CONTENT_TYPE, EXCEL_BOM, neutralize_formula
from core.us_states import state_name
from states.bill_steps import LiveBill
from states.models import StateIndexPage
from states.scorecard import Scorecard, StateScore, build_scorecard, partly_assessed_rule
from states.views import MAX_ECHO, attach_live_bills

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
        attach_live_bills(states, page.locale_id)
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
                "live_bill": _live_bill(request, state.live_bill, data.language),
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


def _live_bill(request, live: LiveBill | None, language: str) -> dict | None:
    """The bill the state's action follows, its step and the action, as the state page shows."""
    if live is None:
        return None
    return {
        "number": live.bill.number,
        "step": live.step.step.value,
        "step_label": _in_language(language, lambda: live.step.label),
        "status": live.bill.status,
        "action_url": request.build_absolute_uri(live.action.url) if live.action.url else None,
    }


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
