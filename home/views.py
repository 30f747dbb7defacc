"""Site search."""

from functools import partial
from urllib.parse import urlencode

from django.core.paginator import Page as ResultsPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from core import site_cache
from core.search import (
    EMPTY_SEARCH_CACHE_SECONDS,
    SEARCH_CACHE_SECONDS,
    clean_words,
    search_pages,
    search_terms,
)
from core.spam import over_search_limit, search_rate_limit

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10
# The page's header, footer and head links are kept in the site cache like a page's; the header
# holds the words (the search box, the language links), so each search's is kept only a minute:
# varied words do not fill the cache for long.
FRAGMENTS = {"fragment_owner": "search", "fragment_seconds": SEARCH_CACHE_SECONDS}


def too_many_searches(request, template: str, context: dict):
    """The friendly answer once a visitor has searched more than their share: the search form
    and a sentence, status 429 with Retry-After, never cached."""
    _limit, window = search_rate_limit()
    response = render(request, template, {**context, "too_many_searches": True}, status=429)
    response["Retry-After"] = str(window)
    patch_cache_control(response, no_store=True)
    return response


def find_results(request: HttpRequest, terms: str, page_number: str) -> dict:
    """One page of results for `terms` in the visitor's language, as plain values (a title, an
    address and a description each), with the total and the page number it settled on (past
    the end: the last). Past the visitor's search limit nothing is searched."""
    if over_search_limit(request):
        return {"too_many_searches": True}
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    found = search_pages(pages, terms) if terms else Page.objects.none()
    page_obj = Paginator(found, SEARCH_RESULTS_PER_PAGE).get_page(page_number)
    return {
        "too_many_searches": False,
        "count": page_obj.paginator.count,
        "number": page_obj.number,
        "items": [
            {
                "title": result.title,
                "url": result.get_url(request=request),
                "description": result.search_description,
            }
            for result in page_obj.object_list
        ],
    }


@require_safe
def search(request):
    """Full-text search of live public pages in the visitor's language (database backend:
    PostgreSQL full-text search on PostgreSQL, FTS5 on SQLite), ranked as core.search says.

    A page of results is kept in the site cache for a minute (SEARCH_CACHE_SECONDS), like the
    story index's listing: a word thousands of readers search costs one search a minute. A
    search answered from there does not count against the visitor's limit."""
    query = clean_words(request.GET.get("q", ""), SEARCH_QUERY_MAX_LENGTH)
    terms = search_terms(query)
    site = site_cache.prime_request(request)
    results = None
    if query:
        page_number = site_cache.requested_page(request)
        listing = site_cache.cached(
            "search-results",
            partial(find_results, request, terms, page_number),
            getattr(site, "pk", None),
            get_language(),
            request.scheme,
            request.get_host(),
            page_number,
            terms,
            keep=lambda listing: not listing["too_many_searches"] and listing["count"] > 0,
            seconds=SEARCH_CACHE_SECONDS,
        )
        if listing["too_many_searches"]:
            return too_many_searches(request, "home/search.html", {"query": query, **FRAGMENTS})
        paginator = Paginator(range(listing["count"]), SEARCH_RESULTS_PER_PAGE)
        results = ResultsPage(listing["items"], listing["number"], paginator)
    response = render(
        request,
        "home/search.html",
        {
            "query": query,
            "results": results,
            "pagination_query": urlencode({"q": query}),
            **FRAGMENTS,
        },
    )
    found = results is not None and results.paginator.count > 0
    response.page_cache_seconds = SEARCH_CACHE_SECONDS if found else EMPTY_SEARCH_CACHE_SECONDS
    return response
