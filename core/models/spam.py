"""Per-IP submission counters for the spam defences in core/spam.py.

Counted in the database so that the limit holds across every web process (local-memory caches
are per process); keyed by an HMAC of the IP address, never the address itself.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitCounter(models.Model):
    key = models.CharField(_("key"), max_length=64, help_text=_("HMAC of the bucket and IP."))
    window_start = models.DateTimeField(_("window start"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_key_window")
        ]
        indexes = [models.Index(fields=["window_start"], name="ratelimit_window_idx")]

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.count}"
