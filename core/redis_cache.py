"""A Redis cache client that a stalled or vanished Redis costs speed, never availability.

django-redis with IGNORE_EXCEPTIONS already turns a failed cache call into a miss, and the
socket timeouts (REDIS_CONNECT_TIMEOUT, REDIS_SOCKET_TIMEOUT) bound how long one call waits. But
a page makes several cache calls (the page cache, then the site cache's fragments), so a Redis
that accepts connections and never answers would make each of them wait its timeout. This client
(django-redis's CLIENT_CLASS, a documented extension point) remembers the failure: for
REDIS_RETRY_SECONDS afterwards every call fails at once, without touching the network, and the
site runs from the database; then one call tries Redis again.
"""

import threading
from time import monotonic

from django.conf import settings
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted

# Per process and per Redis location: every thread's cache client shares what one learned.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


def redis_is_skipped(location: str) -> bool:
    return _down_until.get(location, 0.0) > monotonic()


def forget_failures() -> None:
    with _lock:
        _down_until.clear()


class ResilientRedisClient(DefaultClient):
    def _call(self, method, *args, **kwargs):
        location = str(self._server)
        if redis_is_skipped(location):
            raise ConnectionInterrupted(connection=None)
        try:
            return method(*args, **kwargs)
        except ConnectionInterrupted:
            with _lock:
                _down_until[location] = monotonic() + settings.REDIS_RETRY_SECONDS
            raise

    # Django's cache API, as RedisCache calls it; each call is skipped while Redis is down.
    def get(self, *args, **kwargs):
        return self._call(super().get, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call(super().get_many, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call(super().set, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call(super().set_many, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call(super().add, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call(super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call(super().delete_many, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call(super().incr, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call(super().decr, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call(super().has_key, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call(super().touch, *args, **kwargs)

    def clear(self, *args, **kwargs):
        return self._call(super().clear, *args, **kwargs)
