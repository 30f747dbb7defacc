"""Search is bounded (issue 20): each client address runs a limited number of searches a minute
that the page cache did not answer; past it, site search and the story index's words filter
answer 429 with a sentence and Retry-After, and are never cached. Other addresses, and searches
the page cache answers, are not held back."""

import datetime
import types

import pytest
from django.core.cache import cache

from tests.home import test_search
from tests.stories import helpers as support
from tests.stories.helpers import make_story

pytestmark = [pytest.mark.django_db, pytest.mark.indexes]

story_index = support.story_index
explainer = test_search.explainer
WAIT = "You have searched many times in a short while"


@pytest.fixture
def two_a_minute(settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT_COUNT = 2
    settings.SEARCH_RATE_LIMIT_WINDOW = 60
    cache.clear()
    # The counts go by the clock's minute: a slow test crossing one would start a new window.
    # The limiter reads a clock stopped in the middle of a minute.
    now = datetime.datetime.now(datetime.UTC).replace(second=30, microsecond=0)
    monkeypatch.setattr("core.spam.timezone", types.SimpleNamespace(now=lambda: now))


def search(client, words: str, ip: str = "198.51.100.7"):
    return client.get("/en/search/", {"q": words}, REMOTE_ADDR=ip)


def test_site_search_past_the_limit_asks_the_visitor_to_wait(client, explainer, two_a_minute):
    assert [search(client, w).status_code for w in ("judges", "courts")] == [200, 200]
    response = search(client, "doctrine")
    assert response.status_code == 429
    html = response.content.decode()
    assert WAIT in html and 'name="q"' in html and 'value="doctrine"' in html
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    # Another address is not held back, and the search page without words is never counted.
    assert search(client, "judges", ip="203.0.113.20").status_code == 200
    assert client.get("/en/search/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_searches_the_page_cache_answers_are_not_counted(client, explainer, two_a_minute, settings):
    settings.PAGE_CACHE_SECONDS = 600
    statuses = [search(client, "judges").status_code for _ in range(6)]
    assert statuses == [200] * 6


def test_the_story_index_leaves_the_words_out_past_the_limit(client, story_index, two_a_minute):
    make_story(story_index, title="Tased in his driveway", slug="tased")
    make_story(story_index, title="Shot through a door", slug="door")

    def stories(words: str):
        return client.get("/en/stories/", {"q": words}, REMOTE_ADDR="198.51.100.8")

    assert [stories(w).status_code for w in ("driveway", "door")] == [200, 200]
    response = stories("tased")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    html = response.content.decode()
    assert WAIT in html
    assert "Tased in his driveway" in html and "Shot through a door" in html  # words left out


def test_a_search_the_story_index_keeps_is_not_counted(client, story_index, two_a_minute):
    make_story(story_index, title="Tased in his driveway", slug="tased")
    statuses = [
        client.get("/en/stories/", {"q": "driveway"}, REMOTE_ADDR="198.51.100.9").status_code
        for _ in range(5)
    ]
    assert statuses == [200] * 5
