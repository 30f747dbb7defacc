"""A friendly 503 page when the database is unreachable (restarting, failing over, out of
connections), instead of a 500.

Two ways in, because Django turns exceptions into responses at every middleware layer:
- DatabaseUnavailableMiddleware.process_exception catches the error when a view raises it
  (also in DEBUG, so developers see what visitors see);
- core.views.server_error (handler500) answers 503 when the uncaught error was the database's,
  which covers errors raised in other middleware, e.g. saving a session.

Nothing half-saved is left behind as long as writes happen inside transaction.atomic(), as the
forms do: the error rolls the transaction back before this page is rendered. Recovery needs no
restart: on PostgreSQL CONN_HEALTH_CHECKS makes the next request test the pooled connection and
open a fresh one if the old one died (tests/security/test_database_unavailable.py).
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_unavailable(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_ERRORS)


def visitor_language(request: HttpRequest) -> str:
    """The language of the URL (/es/...), even when the error struck before LocaleMiddleware
    activated it; otherwise whatever is active."""
    return translation.get_language_from_path(request.path_info) or translation.get_language()


def database_unavailable_response(
    request: HttpRequest, exception: BaseException | None = None
) -> HttpResponse:
    """The 503 page, in the visitor's language, without touching the database: no context
    processors (they read site settings), a standalone template like 500.html."""
    logger.error(
        "Database unavailable while serving %s %s",
        request.method,
        request.path,
        exc_info=exception,
    )
    language = visitor_language(request)
    with translation.override(language):
        body = loader.get_template("503.html").render({"LANGUAGE_CODE": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(getattr(settings, "DATABASE_UNAVAILABLE_RETRY_AFTER", 30))
    # Never let a cache (ours or a CDN's) keep serving the outage after it is over.
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if is_database_unavailable(exception):
            return database_unavailable_response(request, exception)
        return None
