"""sitemap.xml: every live public page in every language, at the site's public address, with
each page's translations as hreflang alternates (Google's format for multilingual sites)."""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

# The language search engines show to a visitor whose language the site does not have.
X_DEFAULT = "en"


def public_url(path: str) -> str:
    """A path on the public site (BASE_URL): not the Site's hostname, which the demo leaves as
    "localhost", nor the request's Host header, which a proxy or a visitor may set."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap covers one tree; each language has its own tree beside it."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        pages = list(self.paginator.page(page).object_list)
        # One entry per translation_key: every language of a page lists every other (and itself).
        versions: dict = defaultdict(list)
        for item in self.items().filter(translation_key__in={p.translation_key for p in pages}):
            versions[item.translation_key].append(item)
        # Page URLs name their language: the locales fetched once, not once per page (specific()
        # drops a select_related).
        locales = {locale.pk: locale for locale in Locale.objects.all()}
        for item in [*pages, *(v for group in versions.values() for v in group)]:
            item.locale = locales[item.locale_id]
        urls = []
        for item in pages:
            location = self.location(item)
            if location is None:  # not reachable from this site
                continue
            alternates = [
                {"lang_code": version.locale.language_code, "location": self.location(version)}
                for version in versions[item.translation_key]
                if self.location(version) is not None
            ]
            if len(alternates) > 1:
                alternates += [
                    {"lang_code": "x-default", "location": a["location"]}
                    for a in alternates
                    if a["lang_code"] == X_DEFAULT
                ]
            else:
                alternates = []  # a page in one language has no alternates to announce
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": self.lastmod(item),
                    "alternates": alternates,
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def location(self, obj) -> str | None:
        parts = obj.get_url_parts(self.request)
        return None if parts is None else public_url(parts[2])
