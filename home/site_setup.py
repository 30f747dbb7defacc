"""The site's skeleton on a new database: the languages, the English home page in place of
Wagtail's "Welcome" page, its Spanish translation, and the Site at the public address.

`manage.py create_site` runs it at a production install's first release (docs/deployment.md),
and `make demo` builds on it. Idempotent: what exists is left as it is.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.demo_content import Phrasebook, ensure_translated
from home.models import HomePage

tr = Phrasebook()

# A plain start editors replace in the admin; the demo brings its own (home/demo).
SKELETON_HOME = {
    "title": tr("Home", "Inicio"),
    "slug": tr("home", "inicio"),
    "hero_heading": tr("No one is above the law", "Nadie está por encima de la ley"),
}


def ensure_locales() -> None:
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def public_host(base_url: str) -> tuple[str, int]:
    """('endqi.example', 443) from 'https://endqi.example'; ('localhost', 80) without a host."""
    parts = urlsplit(base_url or "")
    if not parts.hostname:
        return "localhost", 80
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def ensure_home_page(stdout, fields: dict, hostname: str, port: int) -> HomePage:
    """The English home page at the root, the default Site pointing at it."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's installation leaves a plain "Welcome" page with the slug "home"; the real home
    # page replaces it (the site is pointed at the new page before the old one is deleted).
    placeholder = root.get_children().filter(content_type__model="page", slug="home").first()
    if placeholder is not None:
        # A queryset update, so no index or reference tasks are queued for a page about to go.
        Page.objects.filter(pk=placeholder.pk).update(slug="wagtail-welcome")
    home = root.add_child(instance=HomePage(**fields, locale=english))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, port, home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    if placeholder is not None and placeholder.is_leaf():
        placeholder.delete()
    stdout.write(f"  created the home page, served at {hostname}:{port}")
    return home


def create_site(stdout) -> HomePage:
    """Production's skeleton: the locales, a plain home page and its translations, and the
    default site at the public address (BASE_URL, which WAGTAILADMIN_BASE_URL holds)."""
    ensure_locales()
    hostname, port = public_host(settings.WAGTAILADMIN_BASE_URL)
    home = ensure_home_page(stdout, SKELETON_HOME, hostname, port)
    ensure_translated(home, tr, stdout)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
        stdout.write(f"  the site now answers at {hostname}:{port}")
    return home
