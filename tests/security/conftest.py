"""Production settings for security tests: read from config/settings/base.py with DEBUG=0 in a
subprocess (so the tests see exactly what a deployment would), then applied with override_settings
to the test process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.localization import translate

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "production-like-test-key-" + "k" * 40,
    "ALLOWED_HOSTS": "example.org",
    # Production sets the webhook secret (core.W001 warns otherwise).
    "ANYMAIL_WEBHOOK_SECRET": "provider:webhook-secret",
}
# Every setting the response headers depend on. Storage and database stay the test suite's own.
HEADER_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_CROSS_ORIGIN_RESOURCE_POLICY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_ADMIN",
    "CSP_ADMIN_PREFIXES",
    "EMBED_FRAME_ANCESTORS",
    "MIDDLEWARE",
]


def run_with_production_env(args: list[str], extra: dict[str, str] | None = None):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="config.settings.base", **(extra or {}))
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="session")
def production_header_settings() -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {HEADER_SETTINGS!r}}}))"
    )
    result = run_with_production_env(["-c", code])
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    values["CSP_ADMIN_PREFIXES"] = tuple(values["CSP_ADMIN_PREFIXES"])
    return values


@pytest.fixture
def production(production_header_settings, settings):
    """The test process, answering with the production headers and HTTPS rules. Applied through
    pytest-django's `settings` so that a test changing more settings is undone in order."""
    for name, value in production_header_settings.items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["testserver"]
    return production_header_settings


@pytest.fixture
def public_pages(home_page, spanish_home):
    """One page of every public page type that exists, in both languages: {name: path}."""
    from home.factories import StandardPageFactory

    about = StandardPageFactory(
        parent=home_page, title="About us", slug="about", introduction="Who we are."
    )
    sobre = translate(
        about,
        "es",
        {"About us": "Quiénes somos", "about": "quienes-somos", "Who we are.": "Quiénes somos."},
    )
    return {
        "home-en": "/en/",
        "home-es": "/es/",
        "standard-en": about.url,
        "standard-es": sobre.url,
        "search-en": "/en/search/?q=about",
        "search-es": "/es/search/?q=quienes",
        "search-empty-en": "/en/search/",
        "search-empty-es": "/es/search/",
    }
