"""The cache generation lives in the database: a publish by any process reaches this one within
CACHE_GENERATION_SECONDS, whatever the cache is, and a hit still costs no query in between."""

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.db.models import F

from core import generation as cache_generation
from core.models import CacheGeneration
from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(settings, monkeypatch):
    settings.CACHE_GENERATION_SECONDS = 1
    fake = Clock()
    monkeypatch.setattr(cache_generation, "monotonic", fake)
    return fake


def another_process_publishes() -> None:
    """What a publish in another process leaves here: a new number in the database, and nothing
    in this process's memory (its local cache, or a Redis that lost the purge)."""
    CacheGeneration.objects.update(value=F("value") + 1)


def test_a_publish_elsewhere_is_read_within_a_second_and_not_before(clock):
    before = cache_generation.generation()
    another_process_publishes()
    clock.now += 0.5
    assert cache_generation.generation() == before  # kept: no query for half a second
    clock.now += 0.6
    assert cache_generation.generation() == before + 1


def test_between_readings_the_generation_costs_no_query(clock, django_assert_num_queries):
    cache_generation.generation()
    clock.now += 0.9
    with django_assert_num_queries(0):
        cache_generation.generation()
    clock.now += 0.2
    with django_assert_num_queries(1):
        cache_generation.generation()


def test_a_page_published_by_another_process_is_served_fresh_within_a_second(
    client, home_page, settings, clock
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    StandardPageFactory(parent=home_page, title="Old title", slug="about")
    assert "Old title" in client.get("/en/about/").content.decode()
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    # The other process's edit and publish: rows changed, this process's cache untouched.
    StandardPage.objects.filter(slug="about").update(title="New title")
    another_process_publishes()
    clock.now += 1.1
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "New title" in response.content.decode()


def test_this_processs_own_publish_is_read_at_once(clock):
    before = cache_generation.generation()
    cache_generation.purge_all()
    assert cache_generation.generation() > before


def test_with_the_database_unreachable_the_last_reading_stands(clock, monkeypatch):
    before = cache_generation.generation()
    clock.now += 5

    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(cache_generation, "_read", unreachable)
    assert cache_generation.generation() == before


def test_the_generation_does_not_depend_on_the_cache(clock, monkeypatch):
    """A cache that lost everything (restarted, evicted, or a Redis outage) loses no publish."""
    before = cache_generation.generation()
    cache_generation.purge_all()
    cache.clear()
    cache_generation.forget_last_reading()
    assert cache_generation.generation() == before + 1
