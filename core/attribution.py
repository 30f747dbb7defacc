"""Where a supporter came from: the `source` code and the `utm_source`, `utm_medium` and
`utm_campaign` tags of the address they landed on, kept with every submission so that staff can
tell which email, post or partner brought people in (docs/petitions.md, "Where signers come
from").

The page cache serves one copy of a page whatever its utm_* tags (core/page_cache.py ignores
them, so an email to 10,000 people fills the cache once), so the tags can never be written into
the page's HTML. They reach the server in one of two ways:

- with JavaScript, static/js/attribution.js copies the landing address's tags into the form's
  hidden fields (and keeps them for the visit, so a reader who lands on a story and then signs
  on the petition page still carries them);
- without it, the form's POST carries the page's own address in its Referer header (same
  origin, and the site's Referrer-Policy sends the full address for same-origin requests), and
  the tags are read from there.

A value is kept as given, on one line and at most 100 characters: tags are the campaign's own
words and analytics tools treat them case by case. A Referer from another site is never read.
"""

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

from django.http import HttpRequest

UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign")
# What a submission keeps of where it came from (core.models.attribution.Attribution's fields).
ATTRIBUTION_FIELDS = ("source", *UTM_FIELDS)
UTM_MAX_LENGTH = 100
SOURCE_MAX_LENGTH = 40
SOURCE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


def clean_source(value: str | None) -> str:
    """A source code as recorded: lower case, at most 40 letters, digits, - _ or .; anything
    else (a forged or mangled link) is recorded as no source rather than refused."""
    value = (value or "").strip().lower()
    return value if SOURCE_PATTERN.match(value) else ""


def clean_tag(value: str | None) -> str:
    """A utm_* value as recorded: control and invisible format characters dropped, spaces
    collapsed, at most 100 characters."""
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in (value or ""))
    return " ".join(text.split())[:UTM_MAX_LENGTH]


def _same_site_referer_query(request: HttpRequest) -> dict[str, list[str]]:
    referer = request.META.get("HTTP_REFERER", "")
    if not referer:
        return {}
    try:
        parts = urlsplit(referer)
    except ValueError:
        return {}
    if parts.netloc.lower() != request.get_host().lower():
        return {}
    return parse_qs(parts.query)


def utm_tags(request: HttpRequest, posted: dict | None = None) -> dict[str, str]:
    """The utm_* tags of this submission: the form's hidden fields where the page's script
    filled them, else the tags of the page the form was posted from (its Referer)."""
    posted = posted if posted is not None else request.POST
    tags = {name: clean_tag(posted.get(name)) for name in UTM_FIELDS}
    if not any(tags.values()):
        query = _same_site_referer_query(request)
        tags = {name: clean_tag((query.get(name) or [""])[0]) for name in UTM_FIELDS}
    return tags


def attribution(request: HttpRequest, posted: dict | None = None) -> dict[str, str]:
    """source and utm_* for a submission's row: the posted hidden fields where given, else the
    address the form was posted from. The source code is in the page cache's key, so the form
    carries it even without JavaScript; the Referer is read for it only as a last resort."""
    posted = posted if posted is not None else request.POST
    source = clean_source(posted.get("source"))
    if not source:
        query = _same_site_referer_query(request)
        source = clean_source((query.get("source") or [""])[0])
    return {"source": source, **utm_tags(request, posted)}
