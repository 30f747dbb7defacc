"""Site search finds pages in the visitor's language only (database backend on SQLite and
PostgreSQL), as soon as the task worker has indexed a publish, and never keeps an empty answer
cached for long."""

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.localization import translate
from core.search_index import build_index_now, queued_index_updates
from home.factories import StandardPageFactory
from home.views import EMPTY_SEARCH_CACHE_SECONDS, SEARCH_CACHE_SECONDS
from tests.core.helpers import run_worker_once


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
