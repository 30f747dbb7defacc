"""Shared fixtures: a site with an English home page and its Spanish translation."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core.localization import translate
from home.factories import HomePageFactory
from tests.helpers import staff_user

# Fixtures that tests in more than one folder use; a folder's own fixtures stay in its conftest.py.
pytest_plugins = [
    "tests.core.fixtures",
    "tests.actions.letters.fixtures",
    "tests.actions.newsletter.fixtures",
    "tests.actions.petitions.fixtures",
    "tests.testimonials.fixtures",
]


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    """Django's test setup swaps EMAIL_BACKEND for locmem; put Anymail's test backend back, as
    config/settings/test.py intends (it also collects messages in django.core.mail.outbox)."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


@pytest.fixture(autouse=True)
def fresh_site_cache():
    """Each test's database starts afresh, so cached pages and site-wide data must too: the
    rollback of the previous test sent no signal (core/page_cache.py, core/site_cache.py)."""
    from core.generation import purge_all

    purge_all()


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request under /es/ leaves Spanish active in the test's thread (LocaleMiddleware never
    resets it), and the next test would build its pages with Spanish defaults."""
    yield
    translation.deactivate()


@pytest.fixture
def locales(db):
    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    return english, spanish


@pytest.fixture
def home_page(locales):
    """The English home page, as the default site's root (replacing Wagtail's welcome page)."""
    english, _spanish = locales
    root = Page.get_first_root_node()
    welcome = root.get_children().filter(slug="home").first()
    if welcome is not None:
        welcome.slug = "welcome"
        welcome.save()
    home = HomePageFactory(parent=root, locale=english, title="Home", slug="home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    if welcome is not None:
        welcome.delete()
    return home


@pytest.fixture
def spanish_home(home_page):
    return translate(
        home_page,
        "es",
        {
            "Home": "Inicio",
            "home": "inicio",
            home_page.hero_heading: "Nadie está por encima de la ley",
            home_page.hero_text: "Texto en español.",
        },
    )


@pytest.fixture
def data_staff(db):
    """A member of "Campaign data": may list and export supporters' submissions."""
    return staff_user("data", groups=("Campaign data",))


@pytest.fixture
def editor(db):
    """An editor (Wagtail's Editors group): edits pages, must never read submissions."""
    return staff_user("editor", groups=("Editors",))
