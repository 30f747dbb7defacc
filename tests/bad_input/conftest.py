"""Fixtures for the catalogue of bad input: one live page per public form, in English and
Spanish, staff with and without the data permissions."""

import pytest

from tests.bad_input.helpers import Forms


@pytest.fixture
def forms(request, home_page):
    """forms["petition"] and so on: each public form, its pages built on first use."""
    return Forms(request)


@pytest.fixture
def settings_for_many_posts(settings):
    """Tests that post many times from one address are not stopped by the rate limits."""
    settings.SPAM_RATE_LIMIT_COUNT = 10_000
    settings.SIGNATURE_RATE_LIMIT_COUNT = 10_000
    return settings
