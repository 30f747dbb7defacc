"""Open data for the case stories: the facts of each published story (case, court, year, state,
what happened, where the case stands, sources), never personal data beyond what the case's own
name carries (not the person's name as the story gives it, which a family may later withdraw)."""

from django.utils import translation

from core.us_states import state_name
from stories.models import CaseStoryPage

CSV_COLUMNS = [
    "title",
    "case_name",
    "citation",
    "court",
    "circuit",
    "circuit_label",
    "decision_year",
    "state_code",
    "state_name",
    "harm_type",
    "harm_type_label",
    "outcome",
    "outcome_label",
    "summary",
    "sources",
    "is_sample",
    "first_published",
    "last_published",
    "language",
    "url",
]


def story_rows(request, language: str, state: str) -> list[dict]:
    """One row per live public story in `language`, oldest first: the same rows for CSV and JSON."""
    stories = (
        CaseStoryPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("first_published_at", "pk")
    )
    if state:
        stories = stories.filter(state_code=state)
    rows = []
    with translation.override(language):
        for story in stories:
            url = story.get_url(request)
            rows.append(
                {
                    "title": story.title,
                    "case_name": story.case_name,
                    "citation": story.citation,
                    "court": story.court,
                    "circuit": story.circuit,
                    "circuit_label": str(story.circuit_label),
                    "decision_year": story.decision_year,
                    "state_code": story.state_code,
                    "state_name": state_name(story.state_code) or "",
                    "harm_type": story.harm_type,
                    "harm_type_label": str(story.harm_type_label),
                    "outcome": story.outcome,
                    "outcome_label": str(story.outcome_label),
                    "summary": story.summary,
                    "sources": [
                        {"title": source.value["title"], "url": source.value["url"]}
                        for source in story.sources
                    ],
                    "is_sample": story.is_sample,
                    "first_published": story.first_published_at,
                    "last_published": story.last_published_at,
                    "language": language,
                    "url": request.build_absolute_uri(url) if url else "",
                }
            )
    return rows
