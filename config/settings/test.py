"""Settings for the test suite: fast hashing, in-memory email, tasks run immediately."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from .base import *  # noqa: F403
from .base import ANYMAIL, DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only, tests only
EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
ANYMAIL = {**ANYMAIL, "WEBHOOK_SECRET": "webhook:test-only-secret"}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Off by default so query-count tests measure rendering; tests/core/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# One process, and every test starts by forgetting the generation it read: a long reading keeps
# "a cache hit makes no query" true on a slow machine. tests/core/test_generation.py sets 1 s.
CACHE_GENERATION_SECONDS = 60
# Tests search from one address many times a minute (the fuzz tests); the search limit's own
# tests set it low.
SEARCH_RATE_LIMIT_COUNT = 100_000
# The demo command does not import the legislator data in tests (tests/states/legislators/ do, once).
LEGISLATOR_DEMO_IMPORT = False
LOGGING = {"version": 1, "disable_existing_loggers": False}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # pytest-django builds a throwaway test database; keep it in memory unless a test needs a file.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_SQLITE_NAME", "")}
