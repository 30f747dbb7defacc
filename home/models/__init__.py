# The outbox's tables belong to this app; importing them here registers them.
from home.outbox.models import OutboundEmail, ProcessedWebhookEvent, Suppression

from .images import CampaignImage, CampaignRendition
from .pages import HomePage, StandardPage
from .privacy import ErasureRequest
from .site import FooterText, SiteSettings
from .spam import RateLimitCounter

__all__ = [
    "CampaignImage",
    "CampaignRendition",
    "ErasureRequest",
    "FooterText",
    "HomePage",
    "OutboundEmail",
    "ProcessedWebhookEvent",
    "RateLimitCounter",
    "SiteSettings",
    "StandardPage",
    "Suppression",
]
