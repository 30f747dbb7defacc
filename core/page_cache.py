"""A page cache for anonymous visitors, in Django's cache (local memory, or Redis when REDIS_URL
is set, shared by every process).

Readers are mostly anonymous and arrive in spikes; a cached page is served before sessions,
authentication or the database are touched. What is never cached: requests that carry a session
or messages cookie, previews and the admin, non-GET requests, and any response that is not a
plain 200, sets a cookie, used a CSRF token or says it is private. Publishing, unpublishing,
moving or deleting a page, or saving a snippet or site setting, bumps a generation number that
every key includes, so the page and every page that lists it are fresh at once.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from core.generation import generation

IGNORED_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
BYPASS_COOKIES = ("sessionid", "messages")
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/anymail/", "/django-admin/")


def cache_key(request: HttpRequest) -> str:
    params = [
        (key, value)
        for key, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not key.startswith(IGNORED_PARAMETERS)
    ]
    identity = f"{request.get_host()}{request.path}?{urlencode(sorted(params))}"
    digest = hashlib.sha256(identity.encode()).hexdigest()
    return f"page-cache:{generation()}:{digest}"


def request_is_cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, *BYPASS_COOKIES)):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path
    if path.startswith(NEVER_CACHED_PREFIXES):
        return False
    # Only language-prefixed paths: a bare "/" redirects by Accept-Language, which varies.
    return any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES)


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the HTML holds this visitor's CSRF token
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return not getattr(request, "is_preview", False)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.timeout or not request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            # A view may ask for a shorter life, e.g. a petition's live count.
            timeout = getattr(response, "page_cache_seconds", self.timeout)
            response.headers.setdefault("Cache-Control", f"public, max-age={min(timeout, 60)}")
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response
