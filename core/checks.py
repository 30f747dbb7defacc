"""System checks for the platform's settings."""

import os

from django.conf import settings
from django.core import checks

PROXY_ALIASES = ("TRUSTED_PROXY_COUNT", "SPAM_TRUSTED_PROXIES")


@checks.register(checks.Tags.security)
def trusted_proxies_agree(app_configs, **kwargs):
    """TRUSTED_PROXY_COUNT is the one setting; SPAM_TRUSTED_PROXIES is its old name. Set both
    to different numbers, and the rate limit would have read one and the IP hashes the other."""
    values = {name: os.environ[name].strip() for name in PROXY_ALIASES if os.environ.get(name)}
    legacy = getattr(settings, "SPAM_TRUSTED_PROXIES", None)
    if legacy is not None:
        values.setdefault("SPAM_TRUSTED_PROXIES", str(legacy))
        values.setdefault("TRUSTED_PROXY_COUNT", str(getattr(settings, "TRUSTED_PROXY_COUNT", 0)))
    if len(set(values.values())) <= 1:
        return []
    return [
        checks.Warning(
            "TRUSTED_PROXY_COUNT and SPAM_TRUSTED_PROXIES are set to different numbers "
            f"({values['TRUSTED_PROXY_COUNT']} and {values['SPAM_TRUSTED_PROXIES']}); "
            "TRUSTED_PROXY_COUNT is used.",
            hint="SPAM_TRUSTED_PROXIES is the old name of TRUSTED_PROXY_COUNT: set only "
            "TRUSTED_PROXY_COUNT.",
            id="core.W002",
        )
    ]
