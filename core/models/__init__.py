"""The platform's tables: the email outbox, spam counters, the erasure log and the cache
generation."""

from .generation import CacheGeneration
from .outbox import OutboundEmail, ProcessedWebhookEvent, Suppression
from .privacy import ErasureRequest
from .spam import RateLimitCounter

__all__ = [
    "CacheGeneration",
    "ErasureRequest",
    "OutboundEmail",
    "ProcessedWebhookEvent",
    "RateLimitCounter",
    "Suppression",
]
