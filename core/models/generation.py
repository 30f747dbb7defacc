"""The cache generation's one row (core/generation.py)."""

from django.db import models


class CacheGeneration(models.Model):
    """The number every cached page and site-wide fragment carries in its key. Kept in the
    database rather than in the cache, so that a publish reaches every process, whether the
    cache is shared (Redis), per process (local memory), stalled, or lost and back."""

    value = models.BigIntegerField()

    class Meta:
        verbose_name = "cache generation"

    def __str__(self) -> str:
        return str(self.value)
