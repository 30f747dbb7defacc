"""Open data for the case stories: /open-data/stories.json and .csv (?lang=es, ?state=CO)."""

from django.views.decorators.http import require_safe

from core.open_data import (
    OpenDataError,
    csv_response,
    json_response,
    requested_language,
    requested_state,
)
from stories.open_data import CSV_COLUMNS, story_rows


@require_safe
def stories_csv(request):
    """One row per published story; its sources as "title <url>" separated by " | "."""
    try:
        language, state = requested_language(request), requested_state(request)
    except OpenDataError as error:
        return error.response
    rows = [
        {
            **row,
            "sources": " | ".join(f"{s['title']} <{s['url']}>" for s in row["sources"]),
            "first_published": _iso(row["first_published"]),
            "last_published": _iso(row["last_published"]),
        }
        for row in story_rows(request, language, state)
    ]
    return csv_response(rows, CSV_COLUMNS, f"stories-{language}.csv")


@require_safe
def stories_json(request):
    try:
        language, state = requested_language(request), requested_state(request)
    except OpenDataError as error:
        return error.response
    rows = story_rows(request, language, state)
    return json_response(
        {
            "language": language,
            "count": len(rows),
            "note": (
                "Facts of the case stories published on this site. Stories marked is_sample "
                "are demonstration content, not real cases."
            ),
            "stories": rows,
        }
    )


def _iso(moment) -> str:
    return moment.isoformat() if moment else ""
