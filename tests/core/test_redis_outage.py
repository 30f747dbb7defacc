"""A Redis that stalls (connections accepted, no reply) or vanishes (connections refused) costs
speed, never availability: pages and forms work from the database, no request waits for the cache
longer than about a second, and Redis is tried again after REDIS_RETRY_SECONDS."""

import socket
import time

import pytest
from django.core.cache import cache

from actions.models import Signature
from config.settings.base import redis_cache
from core import redis_cache as resilience
from tests.actions.petitions.helpers import sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_redis():
    """A port that accepts connections (the kernel completes them) and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    server.close()


@pytest.fixture
def refused_redis():
    """A port nothing listens on."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def redis_at(settings):
    def use(url: str) -> None:
        resilience.forget_failures()
        settings.PAGE_CACHE_SECONDS = 600
        settings.CACHES = {"default": redis_cache(url)}

    yield use
    resilience.forget_failures()


@pytest.mark.parametrize("broken", ["silent_redis", "refused_redis"])
def test_pages_and_a_signature_work_without_waiting_on_the_cache(
    client, request, redis_at, petition, broken
):
    redis_at(request.getfixturevalue(broken))
    timings = []
    for path in ["/en/", "/en/", petition.url, petition.url]:
        started = time.monotonic()
        response = client.get(path)
        timings.append(time.monotonic() - started)
        assert response.status_code == 200
    started = time.monotonic()
    response = sign(client, petition)
    timings.append(time.monotonic() - started)
    assert response.status_code in (200, 302)
    assert Signature.objects.filter(email="ana@example.org").exists()
    # The first call waits one timeout (0.5 s); after it, Redis is skipped.
    assert max(timings) < 2, timings
    assert sum(timings[1:]) < 2, timings


def test_redis_is_tried_again_after_the_retry_interval(redis_at, silent_redis, monkeypatch):
    redis_at(silent_redis)
    now = [1000.0]
    monkeypatch.setattr(resilience, "monotonic", lambda: now[0])
    assert cache.get("anything") is None
    location = next(iter(resilience._down_until))
    assert resilience.redis_is_skipped(location)
    started = time.monotonic()
    assert cache.get("anything") is None  # skipped: no network at all
    assert time.monotonic() - started < 0.1
    now[0] += 5.1
    assert not resilience.redis_is_skipped(location)
    started = time.monotonic()
    assert cache.get("anything") is None  # tried again, and it waited its timeout
    assert 0.3 < time.monotonic() - started < 2
    assert resilience.redis_is_skipped(location)


def test_a_working_redis_is_used(redis_at):
    """The same client against the machine's Redis (database 9): values round-trip."""
    redis_at("redis://127.0.0.1:6379/9")
    cache.set("greeting", "hola", 30)
    if cache.get("greeting") is None:
        pytest.skip("no Redis on 127.0.0.1:6379 here")
    assert cache.get("greeting") == "hola"
    cache.delete("greeting")
