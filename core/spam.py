"""Spam defences shared by every public form: a honeypot, a minimum fill time and a per-IP rate
limit that holds across processes.

    class SignupForm(SpamProtectedForm):
        email = forms.EmailField()

    form = SignupForm(request.POST)
    if is_spam(request, form, bucket="newsletter"):
        return thank_you()          # the bot sees the normal page; nothing is saved or sent
    if form.is_valid(): ...

In templates, render the two extra fields with {% include "includes/spam_fields.html" %}.
A person never notices them: the honeypot is hidden from eyes and screen readers, and three
seconds is far less than anyone needs to type an email address.
"""

import hashlib
import hmac
import ipaddress
import logging
import time
from datetime import UTC, datetime, timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.client_ip import client_ip
from core.form_renderer import PUBLIC_FORM_RENDERER
from core.models import RateLimitCounter

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
_STARTED_SALT = "core.spam.form-started"


def min_fill_seconds() -> float:
    return float(getattr(settings, "SPAM_MIN_FILL_SECONDS", 3))


def rate_limit() -> tuple[int, int]:
    """(submissions, per seconds) allowed from one IP address for one form."""
    return (
        int(getattr(settings, "SPAM_RATE_LIMIT_COUNT", 20)),
        int(getattr(settings, "SPAM_RATE_LIMIT_WINDOW", 3600)),
    )


def started_token(at: float | None = None) -> str:
    """A signed record of when the form was shown; tests pass an earlier `at`."""
    return signing.dumps({"t": time.time() if at is None else at}, salt=_STARTED_SALT)


class SpamProtectedForm(forms.Form):
    """Adds the honeypot and the signed start time; combine with ModelForm as needed."""

    # Plain inputs written without a template (core/form_renderer.py): one renderer, and so one
    # template engine, for every public form.
    default_renderer = PUBLIC_FORM_RENDERER

    website = forms.CharField(
        required=False,
        max_length=200,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields[STARTED_FIELD].initial = started_token()

    def bot_reason(self) -> str | None:
        """Why this submission looks automated, or None. Reads raw data: it works whether or not
        the rest of the form is valid."""
        if not self.is_bound:
            return None
        if (self.data.get(self.add_prefix(HONEYPOT_FIELD)) or "").strip():
            return "honeypot"
        token = self.data.get(self.add_prefix(STARTED_FIELD)) or ""
        try:
            started = float(signing.loads(token, salt=_STARTED_SALT)["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return "no valid start time"
        if time.time() - started < min_fill_seconds():
            return "too fast"
        return None


def rate_limit_subject(ip: str) -> str:
    """What the rate limit counts for an address: the address itself, or its /64 for IPv6 (one
    household or phone usually holds a whole /64)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip[:64]
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _key(bucket: str, ip: str) -> str:
    message = f"{bucket}|{ip}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _window_start(now: datetime, window: int) -> datetime:
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % window, tz=UTC)


def _count_in_redis(key: str, window: int) -> int | None:
    if not getattr(settings, "REDIS_URL", ""):
        return None
    try:
        cache.add(f"ratelimit:{key}", 0, timeout=window)
        return int(cache.incr(f"ratelimit:{key}"))
    except Exception:
        # Redis unavailable: fall back to the database rather than letting everyone through.
        return None


def _count_in_database(key: str, window: int) -> int:
    start = _window_start(timezone.now(), window)
    counters = RateLimitCounter.objects.filter(key=key, window_start=start)
    with transaction.atomic():
        if not counters.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateLimitCounter.objects.create(key=key, window_start=start, count=1)
            except IntegrityError:
                counters.update(count=F("count") + 1)
        return counters.values_list("count", flat=True).get()


def over_rate_limit(
    request, bucket: str, limit: int | None = None, window: int | None = None
) -> bool:
    """Count this submission; True once the IP has sent more than the limit in the window.
    A form may pass its own `limit` (petitions allow more: many people sign from one network),
    and a bucket its own `window` (searches are counted per minute)."""
    default_limit, default_window = rate_limit()
    limit = default_limit if limit is None else limit
    window = default_window if window is None else window
    ip = rate_limit_subject(client_ip(request))
    # The window is part of the key so that the Redis counter expires with its window.
    key = _key(bucket, f"{ip}|{int(timezone.now().timestamp()) // window}")
    count = _count_in_redis(key, window)
    if count is None:
        count = _count_in_database(_key(bucket, ip), window)
    return count > limit


def search_rate_limit() -> tuple[int, int]:
    """(searches, per seconds) one IP address may run that the page cache did not answer."""
    return (
        int(getattr(settings, "SEARCH_RATE_LIMIT_COUNT", 30)),
        int(getattr(settings, "SEARCH_RATE_LIMIT_WINDOW", 60)),
    )


def over_search_limit(request) -> bool:
    """Count one search; True once this address has run more than its share. A search costs
    the database far more than a page, and each new query misses the page cache, so one client
    varying the words could otherwise keep every worker busy."""
    limit, window = search_rate_limit()
    return over_rate_limit(request, "search", limit=limit, window=window)


def is_spam(request, form: SpamProtectedForm, bucket: str) -> bool:
    """True when the submission must be silently dropped (shown the normal thank-you)."""
    reason = form.bot_reason()
    if reason is None and over_rate_limit(request, bucket):
        reason = "rate limit"
    if reason is not None:
        logger.info("Dropped a %s submission as spam: %s", bucket, reason)
        return True
    return False


def prune_rate_limits(now: datetime) -> int:
    _limit, window = rate_limit()
    deleted, _ = RateLimitCounter.objects.filter(
        window_start__lt=now - timedelta(seconds=window)
    ).delete()
    return deleted
