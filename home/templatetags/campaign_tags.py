import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core import site_cache
from core.i18n import page_language_links, path_language_links, with_query
from core.spam import STARTED_FIELD, started_token
from home.models import FooterText, SiteSettings

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    links = _language_links(context)
    if request is None:
        return {"links": links}
    # A view that cleans its filters names them in `language_switch_query`.
    return {"links": with_query(links, request, context.get("language_switch_query"))}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context["request"]
    links = [link for link in _language_links(context) if link.exact]
    return {
        "links": [(link.code, request.build_absolute_uri(link.url)) for link in links],
        "default": next(
            (request.build_absolute_uri(link.url) for link in links if link.code == "en"), None
        ),
    }


def _language_links(context):
    # Computed once per request and shared by the switcher and the <link rel=alternate> tags
    # (which name each language's canonical address, without the query string).
    request = context.get("request")
    if request is None:
        return []
    links = getattr(request, "_campaign_language_links", None)
    if links is None:
        page = context.get("page")
        if isinstance(page, Page) and page.id:
            # The alternates change only when a page is published, moved or unpublished.
            site = site_cache.site_for_request(request)
            links = site_cache.cached(
                "language-links",
                lambda: page_language_links(page, request),
                getattr(site, "pk", None),
                page.pk,
                get_language(),
            )
        else:
            links = path_language_links(request)
        request._campaign_language_links = links
    return links


def localized_home(request) -> Page | None:
    site = site_cache.site_for_request(request)
    if site is None:
        return None
    root = site.root_page
    locale = Locale.get_active()
    if root.locale_id == locale.pk:  # the site's own language: no query for its translation
        return root
    return root.get_translation_or_none(locale) or root


def _menu(request) -> dict:
    """The home page's URL and its children shown in menus, in the active language."""
    home = localized_home(request)
    if home is None:
        return {"home_url": None, "items": []}
    children = home.get_children().live().public().in_menu()
    return {
        "home_url": home.get_url(request=request),
        "items": [
            (child.title, child.get_url(request=request), child.path)
            for child in children.only("title", "url_path", "path", "depth")
        ],
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = site_cache.site_for_request(request)
    menu = site_cache.cached(
        "main-menu", lambda: _menu(request), getattr(site, "pk", None), get_language()
    )
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {"title": title, "url": url, "active": bool(current_path) and current_path.startswith(path)}
        for title, url, path in menu["items"]
    ]
    return {
        "home_url": menu["home_url"],
        "items": items,
        "settings": context.get("settings"),
        # What the header needs of the page around it: the search box keeps the words searched,
        # the language switcher the filters a listing understood.
        "request": request,
        "page": current,
        "query": context.get("query"),
        "language_switch_query": context.get("language_switch_query"),
    }


def _footer_texts() -> dict[str, str]:
    return {t.locale.language_code: t.body for t in FooterText.objects.select_related("locale")}


@register.simple_tag
def footer_text() -> str:
    texts = site_cache.cached("footer-text", _footer_texts)
    return texts.get(get_language()) or texts.get("en") or ""


@register.simple_tag(takes_context=True)
def privacy_page_url(context) -> str:
    """The privacy policy in the visitor's language (or English), for the footer."""
    request = context["request"]
    site = site_cache.site_for_request(request)
    if site is None:
        return ""

    def find() -> str:
        page_id = SiteSettings.for_request(request).privacy_page_id
        # For its address: what `.localized` and get_url() read, not the whole page.
        page = (
            Page.objects.filter(pk=page_id)
            .only("url_path", "locale_id", "translation_key", "live")
            .first()
            if page_id
            else None
        )
        return (page.localized.get_url(request=request) or "") if page else ""

    return site_cache.cached("privacy-page-url", find, site.pk, get_language())


@register.simple_tag(takes_context=True)
def absolute_url(context, page_or_path) -> str:
    """An absolute URL on the host the visitor used (Site records may not know the dev port)."""
    request = context["request"]
    path = page_or_path if isinstance(page_or_path, str) else page_or_path.get_url(request=request)
    return request.build_absolute_uri(path)


# Fragments every page repeats (header, footer, the newsletter form), and the parts of a page that
# only its published content decides (a story's article), rendered once per page, language and
# host (share links and canonical URLs are absolute) until the next publish. A preview renders
# them afresh and stores nothing. The spam defences' signed start time is written fresh into each
# copy, so the minimum fill time still counts from when this visitor got the page; a fragment
# holding a CSRF token (specific to a visitor) is never stored.
STARTED_TOKEN = re.compile(rf'(name="(?:[\w-]+-)?{STARTED_FIELD}" value=")[^"]*(")')


@register.tag
def sitewide_cache(parser, token):
    """{% sitewide_cache "footer" year %}...{% endsitewide_cache %}: the name, then what else
    the fragment varies on (the page, site and language always count). Also registered as
    {% fragment_cache "story-article" %}...{% endfragment_cache %} for a page's own parts."""
    tag, name, *vary_on = token.split_contents()
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    return SitewideCacheNode(
        nodelist, parser.compile_filter(name), [parser.compile_filter(v) for v in vary_on]
    )


register.tag("fragment_cache", sitewide_cache)


class SitewideCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context) -> str:
        request, page = context.get("request"), context.get("page")
        # A page's fragments are its own; a view that is not a page names itself in
        # `fragment_owner` (search), and may keep them `fragment_seconds`. Anything else
        # (errors) is rendered each time.
        owner = page.pk if isinstance(page, Page) and page.pk else context.get("fragment_owner")
        if request is None or not owner:
            return self.nodelist.render(context)
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # a draft: never stored, never served stored
        html = site_cache.cached(
            f"fragment-{self.name.resolve(context)}",
            lambda: self.nodelist.render(context),
            getattr(site_cache.site_for_request(request), "pk", None),
            get_language(),
            request.scheme,
            request.get_host(),
            owner,
            *(value.resolve(context) for value in self.vary_on),
            keep=lambda html: "csrfmiddlewaretoken" not in html,
            # A view may keep its fragments for less (search: its header varies with the words).
            seconds=context.get("fragment_seconds"),
        )
        if STARTED_FIELD in html:
            html = STARTED_TOKEN.sub(lambda m: m.group(1) + started_token() + m.group(2), html)
        return mark_safe(html)  # noqa: S308 (our own rendered template)
