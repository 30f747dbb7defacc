"""The platform's views: Wagtail's page view behind our CSRF and size checks, the health check,
and the error pages (400, 403 for CSRF, 404, 500 and the database's 503)."""

import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve as static_serve
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from core import site_cache
from core.resilience import (
    database_unavailable_response,
    is_database_unavailable,
    visitor_language,
)
from core.sitemaps import public_url
from core.svg import SVG_MEDIA_CSP

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


@csrf_exempt
def serve(request, path):
    """Wagtail's page view with the CSRF check made here rather than by the middleware.

    Pages whose forms carry no ambient authority (nothing depends on a session or login: a
    signature, a subscription that the owner confirms by email) set
    `accepts_posts_without_csrf = True`. Their HTML then holds nothing specific to a visitor and
    can be served from the page cache during a spike; honeypot, fill time and rate limits
    (core/spam.py) stop bots instead. Every other page keeps Django's CSRF protection.
    """
    # The Site, its settings and the route down the tree from the site cache; Wagtail's own
    # lookups then find them on the request (core/site_cache.py).
    site_cache.prime_request(request)
    site_cache.route_for_request(request, path)
    if request.method not in SAFE_METHODS:
        route = Page.route_for_request(request, path)
        page = route[0] if route else None
        if post_too_large(request, page):
            return payload_too_large(request)
        if not getattr(page, "accepts_posts_without_csrf", False):
            rejection = CsrfViewMiddleware(lambda _request: None).process_view(
                request, wagtail_serve, (path,), {}
            )
            if rejection is not None:
                return rejection
    return wagtail_serve(request, path)


def post_too_large(request, page) -> bool:
    """Whether the body is larger than the page accepts: `page.max_post_bytes`, else
    settings.PAGE_POST_MAX_BYTES. A page that checks sizes itself (a photo upload with a friendly
    message, a signature form) sets max_post_bytes = None. Checked on Content-Length, before
    anything is read, so a 50 MB upload to a form that takes no files costs nothing."""
    limit = getattr(page, "max_post_bytes", settings.PAGE_POST_MAX_BYTES)
    if limit is None:
        return False
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return False


def payload_too_large(request):
    response = bad_request(request)
    response.status_code = 413
    return response


def media(request, path, document_root=None):
    """Uploaded media under DEBUG (config/urls.py), with the header nginx and the media host
    give SVG files in production: an SVG opened at its own address runs nothing."""
    response = static_serve(request, path, document_root=document_root)
    if path.lower().endswith(".svg"):
        response["Content-Security-Policy"] = SVG_MEDIA_CSP
    return response


def health(request):
    """For load balancers and the benchmarks' baseline: no database, no templates."""
    return HttpResponse("ok", content_type="text/plain")


def robots_txt(request):
    """Crawlers may read every public page but not the admin; the sitemap lists every page in
    both languages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {public_url('/sitemap.xml')}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """handler400: a request Django refuses to read (a Host header not in ALLOWED_HOSTS, more than
    DATA_UPLOAD_MAX_NUMBER_FIELDS fields, a malformed upload). A standalone page like 500.html:
    the site's templates build absolute URLs from the Host header, which may be the problem."""
    language = visitor_language(request)
    with translation.override(language):
        body = loader.get_template("400.html").render({"LANGUAGE_CODE": language})
    response = HttpResponseBadRequest(body)
    add_never_cache_headers(response)
    return response


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form that needs a CSRF token came without a valid one (missing,
    forged, or from a session that has since changed). A 403 in the language of the URL, with the
    site's own header and footer, saying how to send the form again. `reason` is for developers
    and is never shown."""
    with translation.override(visitor_language(request)):
        response = render(request, "403_csrf.html", status=403)
    add_never_cache_headers(response)
    return response


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
