"""Site-wide data that every page reads, cached across requests under the page cache's generation.

Rendering one page used to look up, each time: the Site for the host, the Locale of the language
(three times), the site settings, the page's route through the tree (two queries per level), the
main menu, the language alternates, the footer text and the newsletter's sign-up page. None of it
changes between publishes, so it is kept in Django's cache under keys that carry the page cache's
generation number (core/page_cache.py): publishing, unpublishing, moving or deleting a page, or
saving a snippet, a setting, a site, a locale, an image or a view restriction bumps the
generation, and every entry is fresh at once. The live page found for a path is kept too (the
database row, with its images), as it was published; Wagtail still routes, checks restrictions,
builds the context and renders it on every request that the page cache does not answer.

Like the page cache, entries are per process with the local-memory cache and shared by every
process with Redis (REDIS_URL), which production needs to purge all workers at once.
"""

import hashlib
import re
from collections.abc import Callable
from contextvars import ContextVar
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager
from wagtail.models.sites import get_site_for_hostname
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from core.generation import current_generation, read_once_per_request

_MISSING = object()
# What memcached refuses in a key (Django warns of it with any cache): spaces and controls.
UNSAFE_KEY = re.compile(r"[\x00-\x20\x7f]")


def timeout() -> int:
    """settings.SITE_CACHE_SECONDS: entries are replaced by a new generation long before it ends;
    it only bounds memory. 0 stores nothing."""
    return settings.SITE_CACHE_SECONDS


# What `cached()` found or computed during this request, by key. A page asks for some entries
# several times (the restricted sections for every menu and listing, the site settings): with the
# entry not yet stored (the first visitor after a publish) or the site cache off, each ask would
# query again. Keys carry the generation, so a purge within the request reads afresh.
_request_memo: ContextVar[dict[str, Any] | None] = ContextVar("site_cache_memo", default=None)


class SiteCacheMiddleware:
    """Scopes the generation, and a memo of the entries read, to one request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_memo.set({})
        try:
            with read_once_per_request():
                return self.get_response(request)
        finally:
            _request_memo.reset(token)


def cached(
    name: str,
    compute: Callable[[], Any],
    *parts: Any,
    keep: Callable[[Any], bool] | None = None,
    seconds: int | None = None,
) -> Any:
    """`compute()`, kept until the next purge; `parts` say what the value depends on, `keep`
    may refuse to store a value (it is still returned), and `seconds` may keep it for less
    than the site cache's timeout (what may change without a purge: search results)."""
    key = f"site-cache:{current_generation()}:{name}:" + ":".join(str(part) for part in parts)
    if len(key) > 200 or UNSAFE_KEY.search(key):  # long, or with spaces (search words)
        key = (
            f"site-cache:{current_generation()}:{name}:" + hashlib.sha256(key.encode()).hexdigest()
        )
    memo = _request_memo.get()
    if memo is not None and key in memo:
        return memo[key]
    # Off (0): nothing is stored, so neither look nor pickle a value for nothing.
    value = cache.get(key, _MISSING) if timeout() else _MISSING
    if value is _MISSING:
        value = compute()
        if keep is not None and not keep(value):
            return value
        if timeout():
            cache.set(key, value, min(timeout(), seconds or timeout()))
    if memo is not None:
        memo[key] = value
    return value


# Locales: Wagtail asks for the active language's Locale several times per page (routing,
# `.localized`, translations), a query each time. A site has a handful: all of them are kept in
# this process per generation (no pickling, no cache round trip), loaded in one query; a new or
# changed Locale purges (core/apps.py).
_locales: dict[int, list[Locale]] = {}
_uncached_get_for_language = LocaleManager.get_for_language


def requested_page(request: HttpRequest) -> str:
    """The page number a listing is asked for, in one spelling per page (?page=02 is ?page=2)
    and "1" for anything else (?page=-1, ?page=x), so a kept listing has one key per page; a
    number past the end still gives the last page (Paginator.get_page)."""
    raw = request.GET.get("page", "")
    return str(int(raw)) if raw.isascii() and raw.isdigit() and len(raw) <= 6 else "1"


def all_locales() -> list[Locale]:
    generation = current_generation()
    locales = _locales.get(generation)
    if locales is None:
        locales = list(Locale.objects.all())
        _locales.clear()  # older generations
        _locales[generation] = locales
    return locales


def get_locale_for_language(manager: LocaleManager, language_code: str) -> Locale:
    """LocaleManager.get_for_language without its query: the same lookup and the same errors."""
    code = get_supported_content_language_variant(language_code)  # LookupError if unsupported
    for locale in all_locales():
        if locale.language_code == code:
            return locale
    raise Locale.DoesNotExist(f"No Locale for {code!r}")


def locale_by_id(locale_id: int) -> Locale | None:
    return next((locale for locale in all_locales() if locale.pk == locale_id), None)


# Private sections: every `.public()` (menus, listings, feeds, counts) first loads every
# PageViewRestriction to build its filter. The restricted sections are kept per generation; adding,
# changing or removing a restriction purges (core/apps.py).
_uncached_private_q = PageQuerySet.private_q


def restricted_sections() -> list[tuple[str, int]]:
    """(path, depth) of every page with a view restriction: its subtree is private."""
    return cached(
        "restricted-sections",
        lambda: list(
            PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
        ),
    )


def private_q(queryset: PageQuerySet) -> Q:
    """PageQuerySet.private_q from the cached sections: the same filter, without its query."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])  # as Wagtail: match nothing when nothing is private


_uncached_get_view_restrictions = Page.get_view_restrictions


def get_view_restrictions(page: Page):
    """Page.get_view_restrictions (two queries on every page served) answers at once when no page
    of the site is restricted, as on most campaign sites; otherwise Wagtail checks as usual."""
    if not restricted_sections():
        nothing = PageViewRestriction.objects.none()
        # Already evaluated: iterating it (Wagtail's check on every page served) builds no SQL.
        # Chained calls (.exists(), .order_by()) make clones, which are still none().
        nothing._result_cache = []
        return nothing
    return _uncached_get_view_restrictions(page)


def install() -> None:
    """Locale.objects.get_for_language (behind Locale.get_active and `.localized`),
    PageQuerySet.private_q (behind `.public()`) and Page.get_view_restrictions (behind every page
    served) answer from the cache. Wagtail has no setting for these; tests/core/test_site_cache.py
    checks that they still give Wagtail's answers and follow every change at once."""
    LocaleManager.get_for_language = get_locale_for_language
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions


def site_for_request(request: HttpRequest) -> Site | None:
    """Site.find_for_request, without its query once the host has been seen."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()

        def find() -> Site | None:
            try:
                return get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                return None

        # Wagtail keeps the Site it found on the request, and so do we.
        request._wagtail_site = cached("site", find, hostname, port)
    return request._wagtail_site


def prime_request(request: HttpRequest) -> Site | None:
    """The Site and its settings on the request, from the cache, before a view renders the
    site's templates (a page, site search): Wagtail's own lookups then find them there."""
    site = site_for_request(request)
    if site is not None:
        prime_site_settings(request, site)
    return site


def prime_site_settings(request: HttpRequest, site: Site) -> None:
    """Every page reads the site settings (name, footer links): each registered site-setting
    model is cached like the Site. A model that only some pages read says so with
    `read_on_every_page = False` and is read with `site_setting()`: other pages do not load it
    (a query on every page when the cache is cold)."""
    for model in settings_registry:
        if issubclass(model, BaseSiteSetting) and getattr(model, "read_on_every_page", True):
            _prime(request, site, model)


def site_setting(request: HttpRequest, model: type[BaseSiteSetting]) -> BaseSiteSetting:
    """`model.for_request(request)`, cached like the settings primed on every page."""
    if not hasattr(request, model.get_cache_attr_name()):
        site = site_for_request(request)
        if site is None:
            return model.for_request(request)
        _prime(request, site, model)
    return getattr(request, model.get_cache_attr_name())


def _prime(request: HttpRequest, site: Site, model: type[BaseSiteSetting]) -> None:
    attribute = model.get_cache_attr_name()
    if hasattr(request, attribute):
        return
    instance = cached(
        f"site-settings:{model._meta.label_lower}", partial(model.for_site, site), site.pk
    )
    instance._request = request  # as BaseSiteSetting.for_request does, for page URLs
    setattr(request, attribute, instance)


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """Page.route_for_request with the walk down the tree remembered.

    Wagtail finds a page by loading each ancestor and its specific class in turn. The page it
    reached is remembered, as loaded (its row is what was last published: any publish, unpublish,
    move or whole save of a live page starts a new generation), with its images and its parent.
    A later request asks that copy to route what is left of the path itself, so routable pages
    (feeds, the map's filters) resolve their sub-routes, and Wagtail's hooks (view restrictions)
    and page.serve() run as before, without a query.
    """
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = site_for_request(request)
    if site is None:
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    digest = hashlib.sha256(f"{site.pk}:{get_language()}:{path}".encode()).hexdigest()
    key = f"site-cache:{current_generation()}:route:{digest}"
    remembered = cache.get(key) if timeout() else None
    if remembered is not None:
        result = _route_from(request, site, remembered, components)
        if result is not None:
            request._wagtail_route_for_request = result
            return result
    result = _walk(request, site, components)
    request._wagtail_route_for_request = result  # where Wagtail keeps its own answer
    if result is not None:
        page = result.page
        # Its Locale from the process's list (templates read page.locale): no query.
        locale = locale_by_id(page.locale_id)
        if locale is not None:
            page.locale = locale
        # The walk left the parent on the page (Wagtail's treebeard cache); remembered with it,
        # so that page.get_parent() costs no query either way.
        parent = getattr(page, "_cached_parent_obj", None)
        # Pickled now: what this request later sets on its page stays with this request.
        if timeout():
            _load_images(page)
            cache.set(key, (page, parent), timeout())
    return result


def _walk(request: HttpRequest, site: Site, components: list[str]) -> RouteResult | None:
    """Wagtail's walk down the tree (Page.route: each level's child, then its specific class, two
    queries a level), in two queries: every page on the path in one query by its url_path
    (Wagtail keeps it equal to the parent's plus the slug), then the last one's specific class,
    which routes the empty rest itself (a draft is still not found). A page on the way that
    would route the rest itself (a routable page's own route, as the scorecard's state codes)
    or a missing level is walked the way Wagtail walks."""
    root = site.root_page.localized
    if components:
        prefixes = [
            root.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                path__startswith=root.path,
                depth__gt=root.depth,
                depth__lte=root.depth + len(components),
                url_path__in=prefixes,
            )
        }
        chain = [found.get(prefix) for prefix in prefixes]
        if all(chain) and all(
            _passes_to_its_children(page, components[n:])
            for n, page in enumerate([root, *chain[:-1]])
        ):
            page = chain[-1].specific
            page._cached_parent_obj = chain[-2] if len(chain) > 1 else root
            try:
                return page.route(request, [])
            except Http404:
                return None
    try:
        return root.specific.route(request, components)
    except Http404:
        return None


def _passes_to_its_children(page: Page, rest: list[str]) -> bool:
    """Whether `page`'s own route() would hand `rest` to its child, as Page.route does: true of
    a page type without routes of its own, and of a routable page none of whose routes match
    `rest` (RoutablePageMixin tries them only on a live page)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    if model is None:
        return False
    if model.route is Page.route:
        return True
    if not (issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route):
        return False
    if not page.live:
        return True
    try:
        model.get_resolver().resolve("/" + "/".join(rest) + "/")
    except Http404:  # Resolver404: no route of its own matches
        return True
    return False


def _load_images(page: Page) -> None:
    """The images a page shows (hero, sharing) loaded into it before it is remembered, so a
    remembered page renders without a query for them."""
    image_model = get_image_model()
    for field in type(page)._meta.concrete_fields:
        if field.is_relation and field.related_model is image_model:
            getattr(page, field.name)


def _route_from(request, site, remembered, components) -> RouteResult | None:
    page, parent = remembered
    locale = locale_by_id(page.locale_id)
    if locale is not None:
        page.locale = locale  # the FK's cache: templates read page.locale.language_code
    if parent is not None:
        page._cached_parent_obj = parent
    # The components below the page are what its own route() consumes (a routable page's
    # sub-route, or nothing); those above were the walk to it. Translations of the site's root
    # page sit at its depth.
    try:
        return page.route(request, components[page.depth - site.root_page.depth :])
    except Http404:
        return None
