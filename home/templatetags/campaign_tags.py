from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from home.i18n import page_language_links, path_language_links, with_query
from home.models import FooterText

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
    cached = getattr(request, "_campaign_language_links", None)
    if cached is None:
        page = context.get("page")
        if isinstance(page, Page) and page.id:
            cached = page_language_links(page, request)
        else:
            cached = path_language_links(request)
        request._campaign_language_links = cached
    return cached


def localized_home(request) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return root.get_translation_or_none(Locale.get_active()) or root


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = localized_home(request)
    items = []
    if home is not None:
        current = context.get("page")
        current_path = current.path if isinstance(current, Page) else ""
        for child in (
            home.get_children().live().public().in_menu().only("title", "url_path", "path", "depth")
        ):
            items.append(
                {
                    "title": child.title,
                    "url": child.get_url(request=request),
                    "active": bool(current_path) and current_path.startswith(child.path),
                }
            )
    return {"home": home, "items": items, "request": request, "settings": context.get("settings")}


@register.simple_tag
def footer_text() -> str:
    texts = {t.locale.language_code: t.body for t in FooterText.objects.select_related("locale")}
    return texts.get(get_language()) or texts.get("en") or ""


@register.simple_tag(takes_context=True)
def absolute_url(context, page_or_path) -> str:
    """An absolute URL on the host the visitor used (Site records may not know the dev port)."""
    request = context["request"]
    path = page_or_path if isinstance(page_or_path, str) else page_or_path.get_url(request=request)
    return request.build_absolute_uri(path)
