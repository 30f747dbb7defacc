"""The cache generation: a number that every page-cache and site-cache key carries. Publishing,
unpublishing, moving or deleting a page, or saving a snippet, a setting, a site, a locale, an
image or a view restriction starts a new generation (core/apps.py), so everything stored under
the old one is never read again and simply expires.

A request reads the generation once (SiteCacheMiddleware scopes it), so it sees one consistent
state of the site; commands and the task worker read it from the cache each time.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "page-cache:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Started from the clock, never from 1: if the cache lost this key (evicted, restarted,
        # cleared), a new count must not meet keys of an old one that are still stored.
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(GENERATION_KEY) or time.time_ns() // 1000
    return value


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
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    forget_generation()


# The generation, read once per request (a request sees one consistent state of the site).
# None outside requests (commands, the task worker): there it is read from the cache each time.
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
