"""The cache generation: a number that every page-cache and site-cache key carries. Publishing,
unpublishing, moving or deleting a page, or saving a snippet, a setting, a site, a locale, an
image or a view restriction starts a new generation (core/apps.py), so everything stored under
the old one is never read again and simply expires.

The number lives in the database (core.models.CacheGeneration), not in the cache: a publish then
reaches every process within CACHE_GENERATION_SECONDS (1 s), whether the cache is Redis shared by
all of them, local memory in each, stalled, or lost and back. Each process keeps the number it
read for that long, so a page-cache hit still makes no query most of the time (one small query a
second per process at most). A request reads it once (SiteCacheMiddleware scopes it), so it sees
one consistent state of the site.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F

from core.models import CacheGeneration

GENERATION_ROW = 1
# This process's last reading: (value, monotonic() when read), or None to read afresh.
_last_read: tuple[int, float] | None = None


def generation() -> int:
    """The current generation, as read from the database at most CACHE_GENERATION_SECONDS ago.
    With the database unreachable, the last number read (pages cached under it are still served);
    a page is rendered then only to say the site is unavailable, which is never cached."""
    global _last_read
    now = monotonic()
    if _last_read is not None and now - _last_read[1] < settings.CACHE_GENERATION_SECONDS:
        return _last_read[0]
    try:
        value = _read()
    except DatabaseError:
        return _last_read[0] if _last_read is not None else 0
    _last_read = (value, now)
    return value


def _read() -> int:
    value = (
        CacheGeneration.objects.filter(pk=GENERATION_ROW).values_list("value", flat=True).first()
    )
    if value is None:
        # Started from the clock, never from 1: keys of a lost row's count may still be cached.
        value = CacheGeneration.objects.get_or_create(
            pk=GENERATION_ROW, defaults={"value": time.time_ns() // 1000}
        )[0].value
    return value


def forget_last_reading() -> None:
    """The next generation() reads the database (a test whose rolled-back transaction took the
    number this process last read with it)."""
    global _last_read
    _last_read = None


def purge_all(**_kwargs) -> None:
    """Invalidate every cached page (core/page_cache.py) and site-wide fragment
    (core/site_cache.py): keys carry the generation, so old ones are never read again.

    Called inside a transaction (Wagtail publishes in one), it purges again when it commits:
    a visitor's request in between still reads the rows as they were before, and what it stores
    under the new generation must not outlive the commit."""
    _next_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_next_generation)


def _next_generation() -> None:
    if not CacheGeneration.objects.filter(pk=GENERATION_ROW).update(value=F("value") + 1):
        _read()  # no row yet: the first one starts from the clock
    forget_last_reading()  # this process reads its own change at once
    forget_generation()


# The generation, read once per request (a request sees one consistent state of the site).
# None outside requests (commands, the task worker): there generation() is asked each time.
_UNREAD = 0
_request_generation: ContextVar[int | None] = ContextVar("site_cache_generation", default=None)


def current_generation() -> int:
    value = _request_generation.get()
    if value is None:
        return generation()
    if value == _UNREAD:
        value = generation()
        _request_generation.set(value)
    return value


def forget_generation() -> None:
    """Called by purge_all: what this request changed is read fresh from now on."""
    if _request_generation.get() is not None:
        _request_generation.set(_UNREAD)


@contextmanager
def read_once_per_request() -> Iterator[None]:
    """Within this block (a request) the generation is read at most once, until a purge."""
    token = _request_generation.set(_UNREAD)
    try:
        yield
    finally:
        _request_generation.reset(token)
