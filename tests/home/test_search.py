"""Site search finds pages in the visitor's language only (database backend on SQLite and
PostgreSQL), as soon as the task worker has indexed a publish, and never keeps an empty answer
cached for long."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.localization import translate
from core.search_index import build_index_now, queued_index_updates
from home.factories import StandardPageFactory
from home.views import EMPTY_SEARCH_CACHE_SECONDS, SEARCH_CACHE_SECONDS
from tests.core.helpers import run_worker_once
from tests.stories import helpers as support
from tests.stories.helpers import make_story

# Reads Wagtail's indexes, kept as in production (tests/conftest.py).
pytestmark = pytest.mark.indexes

story_index = support.story_index


def make_explainer(home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Courts and immunity",
        slug="courts",
        introduction="How judges invented the doctrine",
    )
    translate(
        page,
        "es",
        {
            "Courts and immunity": "Tribunales e inmunidad",
            "courts": "tribunales",
            "How judges invented the doctrine": "Cómo los jueces inventaron la doctrina",
        },
    )
    return page


@pytest.fixture
def explainer(home_page, spanish_home):
    """Indexed as it is saved: the tests' tasks run inline."""
    return make_explainer(home_page)


def found(client, language: str, query: str) -> str:
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


@pytest.mark.django_db
def test_a_published_page_is_found_once_the_worker_has_indexed_it(
    client, home_page, spanish_home, database_tasks
):
    make_explainer(home_page)
    # Queued for the worker, as in production: not found yet, in either language.
    assert queued_index_updates(timezone.now() - timezone.timedelta(minutes=1)).exists()
    assert 'href="/en/courts/"' not in found(client, "en", "judges")
    run_worker_once()
    assert 'href="/en/courts/"' in found(client, "en", "judges")
    assert 'href="/es/tribunales/"' in found(client, "es", "tribunales")


@pytest.mark.django_db
def test_a_fresh_install_builds_the_index_without_a_worker(home_page, spanish_home, database_tasks):
    """What `manage.py demo` does last: index now, in place of the updates it queued."""
    since = timezone.now()
    make_explainer(home_page)
    queued = queued_index_updates(since).count()
    assert queued > 0
    # Another task, queued for the worker in the meantime, is not the index's to drop.
    other = DBTaskResult.objects.create(
        task_path="core.outbox.tasks.send_queued_emails",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
    )
    assert {task.task_path for task in queued_index_updates(since)} == {
        "modelsearch.tasks.insert_or_update_object_task",
        "wagtail.tasks.update_reference_index_task",
    }
    replaced, entries = build_index_now(since)
    assert (replaced, entries > 0) == (queued, True)
    assert not queued_index_updates(since).exists()
    assert DBTaskResult.objects.filter(pk=other.pk).exists()
    assert build_index_now(since) == (0, entries)  # nothing queued: nothing to do


@pytest.mark.django_db
def test_a_search_page_lives_a_minute_in_the_page_cache_and_nothing_found_a_few_seconds(
    client, explainer, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    hit = client.get("/en/search/", {"q": "judges"})
    miss = client.get("/en/search/", {"q": "zzzznothing"})
    assert hit["X-Page-Cache"] == miss["X-Page-Cache"] == "miss"
    assert hit["Cache-Control"] == f"public, max-age={SEARCH_CACHE_SECONDS}"
    assert miss["Cache-Control"] == f"public, max-age={EMPTY_SEARCH_CACHE_SECONDS}"
    assert EMPTY_SEARCH_CACHE_SECONDS <= SEARCH_CACHE_SECONDS < settings.PAGE_CACHE_SECONDS
    assert client.get("/en/search/", {"q": "judges"})["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_search_finds_the_english_page_in_english(client, explainer):
    html = client.get("/en/search/", {"q": "judges"}).content.decode()
    assert 'href="/en/courts/"' in html
    assert "/es/tribunales/" not in html


@pytest.mark.django_db
def test_search_finds_the_spanish_page_in_spanish(client, explainer):
    html = client.get("/es/search/", {"q": "tribunales"}).content.decode()
    assert 'href="/es/tribunales/"' in html
    assert "/en/courts/" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", "x" * 5000, "' OR 1=1 --", "\u202ecodes", "   "]
)
def test_hostile_queries_get_a_page_not_an_error(client, explainer, query):
    response = client.get("/en/search/", {"q": query, "page": "999"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_search_rejects_posts(client, home_page):
    assert client.post("/en/search/", {"q": "x"}).status_code == 405


def results_list(page_html: str) -> str:
    return re.search(r'<ol class="search-results".*?</ol>', page_html, re.S).group(0)


def record_cache_timeouts(monkeypatch) -> dict[str, int]:
    """{key: seconds} of everything the site cache stores from now on."""
    stored, store = {}, cache.set

    def recording_set(key, value, timeout=None, **kwargs):
        stored[key] = timeout
        return store(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "set", recording_set)
    return stored


@pytest.mark.django_db
def test_readers_searching_the_same_words_cost_one_search(client, explainer):
    """The page cache is off here (as the uncached benchmark serves): a page of results is kept
    in the site cache, so the next reader's search reads neither the index nor the pages."""
    cache.clear()
    first = found(client, "en", "judges")
    with CaptureQueriesContext(connection) as captured:
        second = found(client, "en", "judges")
    assert 'href="/en/courts/"' in results_list(first)
    assert results_list(second) == results_list(first)
    sql = " ".join(query["sql"] for query in captured)
    assert "wagtailsearch" not in sql and "wagtailcore_page" not in sql


@pytest.mark.django_db
def test_a_new_search_reads_the_header_and_footer_from_the_site_cache(client, explainer):
    cache.clear()
    found(client, "en", "judges")
    with CaptureQueriesContext(connection) as captured:
        page_html = found(client, "en", "doctrine")
    tables = " ".join(query["sql"] for query in captured)
    for table in ("wagtailcore_site", "wagtailcore_locale", "home_sitesettings", "home_footer"):
        assert table not in tables
    # The header is kept per words: its search box shows this search's own.
    assert 'id="site-search-q"' in page_html and 'value="doctrine"' in page_html
    assert 'value="judges"' not in page_html


@pytest.mark.django_db
def test_results_are_kept_a_minute_and_nothing_found_is_not_kept(client, explainer, monkeypatch):
    """The index trails a publish by the worker's delay: kept results may miss a page for a
    minute at most, and "nothing found" is not kept (the page found once it is indexed)."""
    cache.clear()
    stored = record_cache_timeouts(monkeypatch)
    found(client, "en", "judges")
    found(client, "en", "zzzz nothing like it")
    kept = [seconds for key, seconds in stored.items() if ":search-results:" in key]
    assert kept == [SEARCH_CACHE_SECONDS]
    # The page around them too: its header holds the words, which vary without end.
    headers = [seconds for key, seconds in stored.items() if ":fragment-header:" in key]
    assert headers and set(headers) == {SEARCH_CACHE_SECONDS}


@pytest.mark.django_db
def test_the_story_index_keeps_a_words_filter_a_minute_and_the_rest_until_a_publish(
    client, story_index, monkeypatch, settings
):
    make_story(story_index, title="Tased in his driveway", slug="tased")
    cache.clear()
    stored = record_cache_timeouts(monkeypatch)
    assert client.get("/en/stories/").status_code == 200
    assert "Tased in his driveway" in client.get("/en/stories/", {"q": "driveway"}).text
    listings = {key: seconds for key, seconds in stored.items() if ":story-listing:" in key}
    assert sorted(listings.values()) == [SEARCH_CACHE_SECONDS, settings.SITE_CACHE_SECONDS]
    words = next(key for key, seconds in listings.items() if seconds == SEARCH_CACHE_SECONDS)
    assert words.endswith(":q=driveway:1")
