"""Production settings for security tests: read from config/settings/base.py with DEBUG=0 in a
subprocess (so the tests see exactly what a deployment would: the settings module alone, without
setting Django up, which took 2 s and changes no setting), then applied with override_settings
to the test process."""

import json

import pytest

from core.localization import translate
from home.factories import StandardPageFactory
from tests.security.helpers import HEADER_SETTINGS, run_with_production_env


@pytest.fixture(scope="session")
def production_header_settings() -> dict:
    code = (
        "import json; from django.conf import settings; "
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
