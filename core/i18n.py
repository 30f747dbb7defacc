"""Language alternates for a page: the same page in each language, or its nearest translated
ancestor, so the language switcher never leads to a 404."""

from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from core.page_cache import IGNORED_PARAMETERS
from core.site_cache import all_locales


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    exact: bool  # False when the link falls back to an ancestor (the page is not translated)


# Campaign tracking tags say where a visitor came from, not what they are reading. The page cache
# leaves them out of its keys, so the switcher must not carry them either: a cached page would
# hand one visitor's tags to the next.
TRACKING_PARAMETERS = IGNORED_PARAMETERS


def kept_query(request: HttpRequest) -> str:
    """The query string the other language's page should get: filters, sort, search words and
    page number are codes or the visitor's own words, the same in every language (?state=TX,
    ?criterion=attorney-fees). Blank values (an unused filter) and tracking tags are left out."""
    params = [
        (key, value)
        for key, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if value.strip() and not key.startswith(TRACKING_PARAMETERS)
    ]
    return urlencode(params)


def with_query(
    links: list[LanguageLink], request: HttpRequest, query: str | None = None
) -> list[LanguageLink]:
    """The switcher's links: the same page in each language *with the same filters*. A view
    that cleans its filters passes `query`, their canonical form, so that a value it did not
    recognise is not repeated back. A link that falls back to an ancestor gets none: its
    filters belong to another page."""
    query = kept_query(request) if query is None else query
    if not query:
        return links
    return [replace(link, url=f"{link.url}?{query}") if link.exact else link for link in links]


def page_language_links(page: Page, request: HttpRequest) -> list[LanguageLink]:
    """One link per configured language, in two queries however many languages there are."""
    lineage = list(
        page.get_ancestors(inclusive=True)
        .filter(depth__gt=1)
        .values_list("translation_key", "depth")
    )
    depth_by_key = dict(lineage)
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=depth_by_key.keys())
        .only("id", "url_path", "translation_key", "locale_id", "depth", "path")
    )
    # Each candidate's language from the process's list of Locales, not a join.
    codes = {locale.pk: locale.language_code for locale in all_locales()}
    deepest: dict[str, Page] = {}
    for candidate in candidates:
        code = codes.get(candidate.locale_id)
        best = deepest.get(code)
        if (
            best is None
            or depth_by_key[candidate.translation_key] > depth_by_key[best.translation_key]
        ):
            deepest[code] = candidate

    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = deepest.get(code)
        if target is None:
            url = f"/{code}/"
            exact = False
        else:
            url = target.get_url(request=request) or f"/{code}/"
            exact = target.translation_key == page.translation_key
        links.append(LanguageLink(code, name, url, code == current, exact))
    return links


def path_language_links(request: HttpRequest) -> list[LanguageLink]:
    """For views that are not pages (search, errors): the same path under each prefix (without
    its query string, which `with_query` adds for the switcher)."""
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        exact = url != request.path or code == current
        if not exact:  # no such path in that language (a 404): its home page
            url = f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current, exact))
    return links
