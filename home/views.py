"""Site search and error pages."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page
from wagtail.views import serve as wagtail_serve

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    """Full-text search of live public pages in the visitor's language (database backend:
    PostgreSQL full-text search on PostgreSQL, FTS5 on SQLite)."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE)
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


SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


@csrf_exempt
def serve(request, path):
    """Wagtail's page view with the CSRF check made here rather than by the middleware.

    Pages whose forms carry no ambient authority (nothing depends on a session or login: a
    signature, a subscription that the owner confirms by email) set
    `accepts_posts_without_csrf = True`. Their HTML then holds nothing specific to a visitor and
    can be served from the page cache during a spike; honeypot, fill time and rate limits
    (home/spam.py) stop bots instead. Every other page keeps Django's CSRF protection.
    """
    if request.method not in SAFE_METHODS:
        route = Page.route_for_request(request, path)
        page = route[0] if route else None
        if not getattr(page, "accepts_posts_without_csrf", False):
            rejection = CsrfViewMiddleware(lambda _request: None).process_view(
                request, wagtail_serve, (path,), {}
            )
            if rejection is not None:
                return rejection
    return wagtail_serve(request, path)


def health(request):
    """For load balancers and the benchmarks' baseline: no database, no templates."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors and no database: the database may be what failed. The visitor's
    # language is still active here, so the page is in their language.
    body = loader.get_template("500.html").render({"LANGUAGE_CODE": get_language()})
    return HttpResponseServerError(body)
