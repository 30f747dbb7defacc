"""Share links as plain URLs: no third-party scripts, no tracking, they work with JS off."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def _query(params: dict) -> str:
    # quote (%20), not quote_plus (+): mail clients and some apps show '+' literally.
    return urlencode(params, quote_via=quote)


def share_links(url: str, title: str) -> list[ShareLink]:
    """Links that open each service's own share dialog with this page's absolute URL."""
    text = f"{title} {url}"
    return [
        ShareLink("email", _("Email"), "mailto:?" + _query({"subject": title, "body": text})),
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + _query({"u": url}),
        ),
        ShareLink("x", "X", "https://x.com/intent/post?" + _query({"text": title, "url": url})),
        ShareLink(
            "bluesky", "Bluesky", "https://bsky.app/intent/compose?" + _query({"text": text})
        ),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + _query({"text": text})),
    ]
