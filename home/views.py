"""Site search and error pages."""

import sys
import unicodedata
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from home.resilience import (
    database_unavailable_response,
    is_database_unavailable,
    visitor_language,
)

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


def clean_query(raw: str) -> str:
    """The search words without control characters: NUL and friends are never meant, and the
    database refuses them (PostgreSQL rejects NUL in text; SQLite's FTS5 reads it as the end of
    the string and fails). Found by tests/security/test_fuzz.py."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw)
    return " ".join(text.split())[:SEARCH_QUERY_MAX_LENGTH]


@require_safe
def search(request):
    """Full-text search of live public pages in the visitor's language (database backend:
    PostgreSQL full-text search on PostgreSQL, FTS5 on SQLite)."""
    query = clean_query(request.GET.get("q", ""))
    # Double quotes carry no meaning in a plain-text search, and the SQLite backend does not
    # escape them inside its FTS5 string literals (a lone '"' is a syntax error there).
    terms = " ".join(query.replace('"', " ").split())
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        found = pages.search(terms) if terms else Page.objects.none()
        paginator = Paginator(found, SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return render(
        request,
        "home/search.html",
        {"query": query, "results": results, "pagination_query": urlencode({"q": query})},
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Django calls this inside its `except` block, so the error is at hand: when it was the
    # database's (raised outside a view, e.g. while saving a session), say so with a 503.
    error = sys.exc_info()[1]
    if is_database_unavailable(error):
        return database_unavailable_response(request, error)
    # No context processors and no database: the database may be what failed. The page is in
    # the language of the URL, even if the error came before LocaleMiddleware activated it.
    language = visitor_language(request)
    with translation.override(language):
        body = loader.get_template("500.html").render({"LANGUAGE_CODE": language})
    return HttpResponseServerError(body)
