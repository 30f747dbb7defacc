"""Site search."""

import unicodedata
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from core.search import search_pages
from core.spam import over_search_limit, search_rate_limit

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10
# The index trails a publish by as long as the task worker takes to update it, and a publish
# empties the page cache before that: a search cached then would miss the new page for the page
# cache's whole life. Results are kept a minute; "nothing found" (or a query not yet made) a few
# seconds, no longer than results would be.
SEARCH_CACHE_SECONDS = 60
EMPTY_SEARCH_CACHE_SECONDS = 10


def too_many_searches(request, template: str, context: dict):
    """The friendly answer once a visitor has searched more than their share: the search form
    and a sentence, status 429 with Retry-After, never cached."""
    _limit, window = search_rate_limit()
    response = render(request, template, {**context, "too_many_searches": True}, status=429)
    response["Retry-After"] = str(window)
    patch_cache_control(response, no_store=True)
    return response


def clean_query(raw: str) -> str:
    """The search words without control characters: NUL and friends are never meant, and the
    database refuses them (PostgreSQL rejects NUL in text; SQLite's FTS5 reads it as the end of
    the string and fails). Found by tests/security/test_fuzz.py."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw)
    return " ".join(text.split())[:SEARCH_QUERY_MAX_LENGTH]


@require_safe
def search(request):
    """Full-text search of live public pages in the visitor's language (database backend:
    PostgreSQL full-text search on PostgreSQL, FTS5 on SQLite), ranked as core.search says."""
    query = clean_query(request.GET.get("q", ""))
    # Double quotes carry no meaning in a plain-text search, and the SQLite backend does not
    # escape them inside its FTS5 string literals (a lone '"' is a syntax error there).
    terms = " ".join(query.replace('"', " ").split())
    results = None
    if query and over_search_limit(request):
        return too_many_searches(request, "home/search.html", {"query": query})
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        found = search_pages(pages, terms) if terms else Page.objects.none()
        paginator = Paginator(found, SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    response = render(
        request,
        "home/search.html",
        {"query": query, "results": results, "pagination_query": urlencode({"q": query})},
    )
    found = results is not None and results.paginator.count > 0
    response.page_cache_seconds = SEARCH_CACHE_SECONDS if found else EMPTY_SEARCH_CACHE_SECONDS
    return response
