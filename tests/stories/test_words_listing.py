"""The story index with words (?q=): the matching stories are read once and counted, filtered
and sorted in Python (StoryIndexPage.listing_with_words), which must give exactly what the
queries give without words: the same menus with the same counts, the same stories in the same
order, page by page."""

import datetime
import itertools

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.search import matching_keys
from stories.choices import HarmType, Outcome
from stories.filters import StoryFilters, build_facets
from stories.models import index as story_index_module
from stories.models.index import LISTING_ORDER, StoryIndexPage
from tests.stories import helpers as support
from tests.stories.helpers import make_story

story_index = support.story_index

# Reads Wagtail's search index, kept as in production (tests/conftest.py).
pytestmark = pytest.mark.indexes

STATES = ["TX", "AZ", "MN"]
OUTCOMES = [Outcome.QI_GRANTED, Outcome.QI_DENIED, Outcome.SETTLED]
HARMS = [HarmType.EXCESSIVE_FORCE, HarmType.KILLING]
# Ties on the year (and one story without a year) so that the order's later keys decide.
YEARS = [2018, 2018, 2020, None, 2015]


# Five cards a page, so that thirteen stories make three pages (a page is twelve on the site).
PER_PAGE = 5


@pytest.fixture
def archive(story_index, monkeypatch):
    """Thirteen stories with overlapping facts; all but two mention the police, and some
    share a publication time, so that the last key of the order (the newest key) decides."""
    monkeypatch.setattr(story_index_module, "STORIES_PER_PAGE", PER_PAGE)
    now = timezone.now()
    stories = []
    for n in range(13):
        stories.append(
            make_story(
                story_index,
                title=f"Case {n}",
                slug=f"case-{n}",
                summary="A quiet night." if n in (3, 10) else f"The police came ({n}).",
                state_code=STATES[n % 3],
                outcome=OUTCOMES[n % 3 if n % 4 else 0],
                harm_type=HARMS[n % 2],
                decision_year=YEARS[n % 5],
            )
        )
    for n, story in enumerate(stories):
        story.first_published_at = now - datetime.timedelta(days=n // 3)
        story.save(update_fields=["first_published_at"])
    return stories


def queried(index, filters: StoryFilters, page_number: str):
    """What the listing's queries give, as without words (the words as a subquery)."""
    stories = index.stories()
    stories = stories.filter(pk__in=matching_keys(stories, filters.query))
    ordered = stories.filter(**filters.lookups()).order_by(*LISTING_ORDER)
    page_obj = Paginator(ordered.values_list("pk", flat=True), PER_PAGE).get_page(page_number)
    return build_facets(stories, filters), page_obj.number, list(page_obj.object_list)


FILTERS = [
    "q=police",
    "q=police&state=TX",
    "q=police&outcome=qi-denied",
    "q=police&year=2018",
    "q=police&state=AZ&harm=killing",
    "q=police&state=MN&outcome=settled&year=2020",
    "q=night",
    "q=nothing-like-this",
]


@pytest.mark.django_db
def test_words_give_the_same_menus_counts_stories_and_order_as_the_queries(archive):
    index = StoryIndexPage.objects.get()
    compared = 0
    for query, page_number in itertools.product(FILTERS, ["1", "2", "3", "9"]):
        filters = StoryFilters.from_query(QueryDict(query))
        facets, page_obj, story_list = StoryIndexPage.listing_with_words(
            index.stories(), filters, page_number
        )
        expected_facets, expected_number, expected_keys = queried(index, filters, page_number)
        assert facets == expected_facets, query
        assert (page_obj.number, [story.pk for story in story_list]) == (
            expected_number,
            expected_keys,
        ), (query, page_number)
        compared += len(expected_keys)
    # The comparison saw stories on second pages, in every filter's order.
    assert compared > 4 * PER_PAGE
    assert Outcome.QI_DENIED.value in [o.value for o in facets[1].options]


@pytest.mark.django_db
def test_a_listing_with_words_runs_the_match_once(client, archive):
    """Six full-text matches used to answer one listing (the total, the page and a query per
    menu): at 3,000 matching stories, 67 ms of CPU on SQLite."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/stories/", {"q": "police", "state": "TX"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 stories" in html
    searched = [q for q in captured.captured_queries if "wagtailsearch_indexentry" in q["sql"]]
    assert len(searched) == 1


@pytest.mark.django_db
def test_quotes_and_control_characters_in_the_words_are_not_an_error(client, archive):
    """Quotes carry no meaning in a plain-text search and the SQLite backend does not escape
    them; NUL ends its string. Both made the listing fail (503) before 5 December."""
    plain = client.get("/en/stories/", {"q": "police", "state": "TX"}).content.decode()
    assert "4 stories" in plain
    for words in ('"police"', "police\x00", '"police" "police'):
        response = client.get("/en/stories/", {"q": words, "state": "TX"})
        assert response.status_code == 200, words
        assert "4 stories" in response.content.decode(), words
    only_quotes = client.get("/en/stories/", {"q": '"'}).content.decode()
    assert f"{len(archive)} stories" in only_quotes
