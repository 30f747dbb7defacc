"""Language alternates for a page: the same page in each language, or its nearest translated
ancestor, so the language switcher never leads to a 404."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    exact: bool  # False when the link falls back to an ancestor (the page is not translated)


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
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code", "depth", "path")
    )
    deepest: dict[str, Page] = {}
    for candidate in candidates:
        code = candidate.locale.language_code
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
    """For views that are not pages (search, errors): the same path under each prefix."""
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(request.get_full_path(), code)
        if url == request.get_full_path() and code != current:
            url = f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current, True))
    return links
