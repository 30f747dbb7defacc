"""Settings come from the environment; an unsafe production configuration refuses to start."""

import json
import os
import subprocess
import sys

from tests.helpers import ROOT


# The tests of a value read the settings alone, in a new process (about 0.1 s); those of
# starting set Django up with them, apps and all (about 2 s).
def read_settings(
    code: str, env: dict[str, str] | None = None, without: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    """Run `code` with the base settings in a new process, whose environment is this one's
    without `without` and with `env`."""
    clean_env = {k: v for k, v in os.environ.items() if k not in without}
    clean_env.update(env or {}, DJANGO_SETTINGS_MODULE="config.settings.base")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True
    )


def run_settings(env: dict[str, str], show: str = "settings.DEBUG") -> subprocess.CompletedProcess:
    """Start Django with `env` alone deciding SECRET_KEY and DEBUG, and print `show`."""
    code = (
        "import django; django.setup(); from django.apps import apps; "
        f"from django.conf import settings; print({show})"
    )
    return read_settings(code, env, without=("SECRET_KEY", "DEBUG"))


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_starts_with_a_secret_key():
    # Behind a CDN, as docs/deployment.md describes: Wagtail's purge module is installed then.
    result = run_settings(
        {
            "DEBUG": "0",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "example.org",
            "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081/purge",
        },
        show="settings.DEBUG, apps.is_installed('wagtail.contrib.frontend_cache')",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_development_needs_no_variables():
    result = run_settings({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_database_url_selects_postgresql_with_health_checks():
    code = (
        "from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['CONN_HEALTH_CHECKS'], d['NAME'])"
    )
    result = read_settings(code, {"DATABASE_URL": "postgres://u@db.example:5432/campaign"})
    assert result.stdout.split() == ["django.db.backends.postgresql", "True", "campaign"]


def test_sqlite_default_uses_wal_immediate_transactions_and_a_busy_timeout():
    code = (
        "from django.conf import settings; "
        "o = settings.DATABASES['default']['OPTIONS']; "
        "print(o['transaction_mode'], o['timeout'], 'journal_mode=WAL' in o['init_command'])"
    )
    result = read_settings(code, without=("DATABASE_URL",))
    assert result.stdout.split() == ["IMMEDIATE", "20", "True"]


def test_database_connections_are_kept_between_requests_on_sqlite_too():
    # Opening a SQLite connection (pragmas, Django's SQL functions) costs about a millisecond of
    # CPU: more than the queries of a warm page (docs/performance.md).
    code = (
        "from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = read_settings(code, without=("DATABASE_URL", "CONN_MAX_AGE"))
    assert result.stdout.split() == ["60", "True"]


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_named():
    # Settings only: django-storages is installed for such deployments, not in development.
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['default']))"
    )
    local = read_settings(code)
    assert "FileSystemStorage" in local.stdout
    s3 = read_settings(
        code,
        {"AWS_STORAGE_BUCKET_NAME": "campaign-media", "AWS_S3_ENDPOINT_URL": "https://s3.example"},
    )
    storage = json.loads(s3.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "campaign-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example"
    assert storage["OPTIONS"]["querystring_auth"] is False


def test_the_cdn_purge_is_installed_only_with_a_cdn_to_purge():
    """Settings alone; test_production_starts_with_a_secret_key starts Django with the module."""
    no_cdn = ("FRONTEND_CACHE_PURGE_URL", "CLOUDFLARE_API_TOKEN")
    code = (
        "from django.conf import settings; "
        "print('wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS, "
        "settings.WAGTAILFRONTENDCACHE)"
    )
    without = read_settings(code, without=no_cdn)
    assert without.stdout.strip() == "False {}", without.stderr

    # With one, the purge goes to the URL given.
    code = (
        "from django.conf import settings; "
        "from wagtail.contrib.frontend_cache.utils import get_backends; "
        "backend = get_backends()['default']; "
        "print('wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS, "
        "type(backend).__name__, backend.cache_netloc)"
    )
    with_cdn = read_settings(
        code, {"FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081/purge"}, without=no_cdn
    )
    assert with_cdn.stdout.split() == ["True", "HTTPBackend", "127.0.0.1:6081"], with_cdn.stderr
