"""The site cache (core/site_cache.py): what every page reads is kept between requests, and
anything an editor publishes, moves, restricts or configures shows on the very next request,
with the page cache off, as the uncached benchmark serves pages."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import CacheKeyWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from core import generation as cache_generation
from core import site_cache
from core.localization import translate
from core.models import CacheGeneration
from core.spam import STARTED_FIELD
from home.factories import StandardPageFactory
from home.models import FooterText, SiteSettings
from tests.helpers import queries_for, remove_rubric


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)  # Spanish requests leave Spanish active


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(
        parent=home_page, title="About us", slug="about", show_in_menus=True, introduction="Hi."
    )
    page.save_revision().publish()
    return page


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def menu(page_html: str) -> list[str]:
    nav = re.search(r'<nav class="main-nav".*?</nav>', page_html, re.S).group(0)
    return re.findall(r">([^<]+)</a>", nav)


@pytest.mark.django_db
def test_a_warm_page_reads_nothing_from_the_database(client, about):
    html(client, about.url)
    with CaptureQueriesContext(connection) as captured:
        html(client, about.url)
    tables = " ".join(query["sql"] for query in captured)
    for table in ("wagtailcore_site", "wagtailcore_locale", "home_sitesettings", "home_footer"):
        assert table not in tables
    assert "wagtailcore_pageviewrestriction" not in tables
    assert len(captured) == 0  # the page itself too: remembered as published


@pytest.mark.django_db
def test_a_published_page_joins_the_menu_at_once_and_leaves_it_when_unpublished(
    client, home_page, about
):
    assert "About us" in menu(html(client, "/en/"))
    faq = StandardPageFactory(parent=home_page, title="FAQ", slug="faq", show_in_menus=True)
    faq.save_revision().publish()
    assert "FAQ" in menu(html(client, "/en/"))
    assert "FAQ" in menu(html(client, about.url))
    faq.unpublish()
    assert "FAQ" not in menu(html(client, "/en/"))
    assert client.get("/en/faq/").status_code == 404


@pytest.mark.django_db
def test_a_renamed_and_moved_page_is_served_at_its_new_address_only(client, home_page, about):
    html(client, about.url)
    about.title, about.slug = "Who we are", "who-we-are"
    about.save_revision().publish()
    assert "Who we are" in menu(html(client, "/en/who-we-are/"))
    assert client.get("/en/about/").status_code == 404

    section = StandardPageFactory(parent=home_page, title="Campaign", slug="campaign")
    section.save_revision().publish()
    html(client, "/en/who-we-are/")
    about.refresh_from_db()
    about.move(section, pos="last-child")
    assert "Who we are" in html(client, "/en/campaign/who-we-are/")
    old = client.get("/en/who-we-are/")  # Wagtail's redirects app sends a moved page on
    assert old.status_code == 301 and old["Location"] == "/en/campaign/who-we-are/"


@pytest.mark.django_db
def test_a_live_page_created_by_code_is_listed_at_once(client, home_page, about):
    html(client, "/en/")
    StandardPageFactory(parent=home_page, title="Press", slug="press", show_in_menus=True)
    assert "Press" in menu(html(client, "/en/"))


@pytest.mark.django_db
def test_a_draft_does_not_change_what_visitors_see(client, about):
    html(client, about.url)
    about.title = "Draft title"
    about.save_revision()
    page_html = html(client, about.url)
    assert "Draft title" not in page_html and "About us" in menu(page_html)


@pytest.mark.django_db
def test_a_new_translation_appears_in_the_language_switcher_at_once(client, about, spanish_home):
    before = html(client, about.url)
    assert 'hreflang="es"' in before and 'href="/es/" lang="es"' in before  # nearest ancestor
    translate(about, "es", {"About us": "Quiénes somos", "about": "quienes-somos", "Hi.": "Hola."})
    after = html(client, about.url)
    assert 'href="/es/quienes-somos/" lang="es"' in after
    assert (
        '<link rel="alternate" hreflang="es" href="http://testserver/es/quienes-somos/">' in after
    )


@pytest.mark.django_db
def test_footer_text_and_site_settings_show_at_once(client, home_page, about, locales):
    html(client, about.url)
    FooterText.objects.create(body="Run by volunteers", locale=locales[0])
    assert "Run by volunteers" in html(client, about.url)

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organization_name = "Campaign to End QI"
    settings.privacy_page = about
    settings.save()
    page_html = html(client, about.url)
    assert "Campaign to End QI" in page_html
    assert '<a href="/en/about/">Privacy policy</a>' in page_html


@pytest.mark.django_db
def test_a_view_restriction_applies_at_once_to_a_page_served_before(client, home_page, about):
    html(client, about.url)
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(about.url).status_code == 302  # to the login page
    assert "About us" not in menu(html(client, "/en/"))  # menus list public pages only
    restriction.delete()
    assert client.get(about.url).status_code == 200
    assert "About us" in menu(html(client, "/en/"))


@pytest.mark.django_db
def test_sites_follow_changes_of_host_and_root(client, home_page, about, settings):
    settings.ALLOWED_HOSTS = ["*"]
    html(client, about.url)
    site = Site.objects.get(is_default_site=True)
    other_root = StandardPageFactory(parent=Page.get_first_root_node(), title="Other", slug="o")
    Site.objects.create(hostname="other.example", root_page=other_root, port=80)
    assert client.get(about.url, HTTP_HOST="other.example").status_code == 404
    assert client.get(about.url).status_code == 200
    site.hostname = "campaign.example"
    site.save()
    assert client.get(about.url, HTTP_HOST="campaign.example").status_code == 200


@pytest.mark.django_db
def test_the_locale_cache_gives_wagtails_answers(locales, spanish_home):
    english, spanish = locales
    uncached = site_cache._uncached_get_for_language
    for code in ("en", "es", "es-mx"):
        assert Locale.objects.get_for_language(code) == uncached(Locale.objects, code)
    with pytest.raises(LookupError):
        Locale.objects.get_for_language("xx")
    # The locale's only page and criteria: a locale still in use cannot be deleted.
    spanish_home.delete()
    remove_rubric()
    spanish.delete()  # purges: the next lookup sees it gone
    with pytest.raises(Locale.DoesNotExist):
        Locale.objects.get_for_language("es")
    assert Locale.get_active() == english


@pytest.mark.django_db
def test_public_pages_are_the_same_as_wagtails(home_page, about):
    private = StandardPageFactory(parent=about, title="Staff only", slug="staff")
    StandardPageFactory(parent=private, title="Deeper", slug="deeper")

    def public_ids():
        return set(Page.objects.public().values_list("pk", flat=True))

    def wagtail_public_ids():
        queryset = Page.objects.all()
        return set(queryset.exclude(site_cache._uncached_private_q(queryset)).values_list("pk"))

    assert public_ids() == {pk for (pk,) in wagtail_public_ids()}
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert public_ids() == {pk for (pk,) in wagtail_public_ids()}
    assert private.pk not in public_ids() and about.pk in public_ids()
    assert PageQuerySet.private_q is site_cache.private_q


@pytest.mark.django_db
def test_the_newsletter_form_gets_a_fresh_start_time_on_every_page(client, home_page, about):
    from actions.factories import SignupPageFactory

    SignupPageFactory(parent=home_page, slug="newsletter").save_revision().publish()
    pattern = rf'name="{STARTED_FIELD}" value="([^"]+)"'
    tokens = {re.search(pattern, html(client, about.url)).group(1) for _ in range(3)}
    assert len(tokens) == 3
    page_html = html(client, about.url)
    assert f'name="source_page" value="{about.pk}"' in page_html


@pytest.mark.django_db
def test_a_fragment_with_a_csrf_token_is_never_stored(rf, about):
    from django.template import Context, Template

    request = rf.get(about.url)
    template = Template(
        "{% load campaign_tags %}{% sitewide_cache 'probe' %}{{ token }}{% endsitewide_cache %}"
    )
    first = template.render(Context({"request": request, "page": about, "token": "a"}))
    assert first == "a"
    stored = template.render(Context({"request": request, "page": about, "token": "b"}))
    assert stored == "a"  # kept until the next purge
    secret = '<input name="csrfmiddlewaretoken" value="x">'
    template = Template(
        "{% load campaign_tags %}{% sitewide_cache 'form' %}{{ token }}{% endsitewide_cache %}"
    )
    assert template.render(Context({"request": request, "page": about, "token": secret}))
    again = template.render(Context({"request": request, "page": about, "token": "other"}))
    assert again == "other"


@pytest.mark.django_db
def test_a_lost_generation_never_restarts_at_a_used_number():
    first = cache_generation.generation()
    cache_generation.purge_all()
    CacheGeneration.objects.all().delete()  # a table emptied by hand, or restored without it
    cache_generation.forget_last_reading()
    assert cache_generation.generation() > first + 1


@pytest.mark.django_db
def test_warm_pages_cost_the_same_in_both_languages(client, about, spanish_home):
    translate(about, "es", {"About us": "Quiénes somos", "about": "quienes-somos", "Hi.": "Hola."})
    for url in ("/en/about/", "/es/quienes-somos/"):
        client.get(url)
    assert queries_for(client, "/en/about/")[0] == queries_for(client, "/es/quienes-somos/")[0] == 0


@pytest.mark.django_db
def test_what_is_stored_while_a_publish_commits_is_dropped_at_commit(
    about, django_capture_on_commit_callbacks
):
    """Wagtail publishes inside a transaction: a visitor's request between the purge and the
    commit still reads the old rows, and must not leave them stored under the new generation."""
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "Renamed"
        about.save_revision().publish()
        during = cache_generation.generation()
        assert site_cache.cached("probe", lambda: "the rows before the commit")
    assert cache_generation.generation() > during
    assert site_cache.cached("probe", lambda: "the rows after") == "the rows after"


@pytest.mark.django_db
def test_a_key_with_spaces_or_controls_is_stored_under_its_digest(recwarn):
    """Search words become part of keys; memcached refuses spaces, and Django warns of them
    whatever the cache."""
    assert site_cache.cached("words", lambda: "kept", "police misconduct\x01") == "kept"
    assert site_cache.cached("words", lambda: "computed again", "police misconduct\x01") == "kept"
    assert not [w for w in recwarn if issubclass(w.category, CacheKeyWarning)]
