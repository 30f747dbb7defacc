"""The map page (with its filter and sort) and the state pages' context; the open data downloads
are in states/open_data.py."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from core import serving
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
