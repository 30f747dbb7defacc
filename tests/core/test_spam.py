"""core/spam.py: the shared honeypot, minimum fill time and per-IP rate limit."""

import time

import pytest
from django import forms
from django.test import RequestFactory

from core import spam
from core.models import RateLimitCounter


class PetitionLikeForm(spam.SpamProtectedForm):
    name = forms.CharField()


def request(ip="192.0.2.1", forwarded=None):
    extra = {"REMOTE_ADDR": ip}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def bound(**data):
    return PetitionLikeForm(
        {"name": "Ana", "website": "", "form_started": spam.started_token(time.time() - 10), **data}
    )


def test_an_unbound_form_carries_a_fresh_signed_start_time():
    form = PetitionLikeForm()
    token = form.fields["form_started"].initial
    assert token and spam.started_token() != "" and ":" in token
    assert form.bot_reason() is None


def test_a_person_passes_and_bots_are_named():
    assert bound().bot_reason() is None
    assert bound(website="x").bot_reason() == "honeypot"
    assert bound(form_started=spam.started_token()).bot_reason() == "too fast"
    assert bound(form_started="tampered").bot_reason() == "no valid start time"


def test_the_minimum_fill_time_is_a_setting(settings):
    settings.SPAM_MIN_FILL_SECONDS = 0
    assert bound(form_started=spam.started_token()).bot_reason() is None


@pytest.mark.django_db
def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_saw(settings):
    settings.SPAM_RATE_LIMIT_COUNT = 1
    forged_then_real = "6.6.6.6, 203.0.113.5"
    settings.TRUSTED_PROXY_COUNT = 1
    assert spam.over_rate_limit(request("10.0.0.1", forged_then_real), "petition") is False
    # Another forged entry, the same real address behind the same proxy: the same counter.
    assert spam.over_rate_limit(request("10.0.0.1", "7.7.7.7, 203.0.113.5"), "petition") is True


def test_ipv6_addresses_count_per_64_block():
    first = spam.rate_limit_subject("2001:db8:1:2:aaaa::1")
    second = spam.rate_limit_subject("2001:db8:1:2:bbbb::9")
    assert first == second == "2001:db8:1:2::/64"
    assert spam.rate_limit_subject("192.0.2.1") == "192.0.2.1"


@pytest.mark.django_db
def test_the_limit_is_per_ip_and_per_form(settings):
    settings.SPAM_RATE_LIMIT_COUNT = 2
    verdicts = [spam.over_rate_limit(request("192.0.2.1"), "petition") for _ in range(3)]
    assert verdicts == [False, False, True]
    assert spam.over_rate_limit(request("192.0.2.2"), "petition") is False
    assert spam.over_rate_limit(request("192.0.2.1"), "newsletter") is False
    assert RateLimitCounter.objects.count() == 3


@pytest.mark.django_db
def test_expired_counters_are_pruned(settings):
    from datetime import timedelta

    from django.utils import timezone

    spam.over_rate_limit(request(), "petition")
    assert spam.prune_rate_limits(timezone.now()) == 0
    later = timezone.now() + timedelta(seconds=settings.SPAM_RATE_LIMIT_WINDOW * 2)
    assert spam.prune_rate_limits(later) == 1
