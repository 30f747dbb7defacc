"""Subresource Integrity for the site's own scripts.

`<script src="{% static 'js/site.js' %}" integrity="{% sri 'js/site.js' %}" defer>`: the browser
refuses the file if its bytes differ from what this server computed, so a tampered copy (a CDN or
cache in front of /static/) cannot run.
"""

import base64
import hashlib
from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

register = template.Library()


def _read_static(path: str) -> bytes:
    # With manifest storage (production) the served file is the collected, hashed copy; in
    # development it is the source file the finders serve.
    if isinstance(staticfiles_storage, ManifestFilesMixin):
        with staticfiles_storage.open(staticfiles_storage.stored_name(path)) as handle:
            return handle.read()
    found = finders.find(path)
    if not found:
        raise template.TemplateSyntaxError(f"sri: no static file {path!r}")
    with open(found, "rb") as handle:
        return handle.read()


def integrity(path: str) -> str:
    digest = hashlib.sha384(_read_static(path)).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


_cached_integrity = lru_cache(maxsize=64)(integrity)


@register.simple_tag
def sri(path: str) -> str:
    # Collected files never change while a production process runs; in development the source
    # may be edited between requests, so it is hashed afresh each time.
    return integrity(path) if settings.DEBUG else _cached_integrity(path)
