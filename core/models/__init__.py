"""The platform's tables: the email outbox, spam counters and the erasure log."""

from .outbox import OutboundEmail, ProcessedWebhookEvent, Suppression
from .privacy import ErasureRequest
from .spam import RateLimitCounter

__all__ = [
    "ErasureRequest",
    "OutboundEmail",
    "ProcessedWebhookEvent",
    "RateLimitCounter",
    "Suppression",
]
