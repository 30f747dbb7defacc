"""The visitor's IP address as the site can trust it: one function for rate limits, IP hashing
and logs, and one setting, TRUSTED_PROXY_COUNT.

With TRUSTED_PROXY_COUNT = 0 (the default) that is REMOTE_ADDR: X-Forwarded-For is whatever the
client chose to send. Behind N proxies that each append the address they saw, the client's
address is the Nth entry from the right; entries further left were written by the client and are
ignored. With one proxy that replaces the header, the only entry is it.

SPAM_TRUSTED_PROXIES, the rate limit's old name for the same number, is still read from the
environment when TRUSTED_PROXY_COUNT is not set (config/settings/base.py); core.checks warns
when both are set and disagree.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def trusted_proxy_count() -> int:
    return max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0), 0)


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the entry of X-Forwarded-For that the nearest of
    TRUSTED_PROXY_COUNT proxies wrote. A missing, short or garbled header falls back to
    REMOTE_ADDR (the header did not come through every proxy)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = trusted_proxy_count()
    if proxies == 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < proxies:
        return remote
    try:
        return ipaddress.ip_address(hops[-proxies]).compressed
    except ValueError:
        return remote
