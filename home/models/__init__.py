from .images import CampaignImage, CampaignRendition
from .pages import HomePage, StandardPage
from .site import FooterText, SiteSettings

__all__ = [
    "CampaignImage",
    "CampaignRendition",
    "FooterText",
    "HomePage",
    "SiteSettings",
    "StandardPage",
]
