"""sitemap.xml and robots.txt: the public address (BASE_URL), every language, hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.localization import translate
from home.factories import StandardPageFactory
from tests.helpers import add_live_pages

PUBLIC = "https://endqi.example"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC + "/"


def entries(client) -> dict[str, dict[str, str]]:
    """{location: {hreflang: href}} from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def faq(home_page, spanish_home):
    page = StandardPageFactory(parent=home_page, title="FAQ", slug="faq", introduction="Q")
    translate(page, "es", {"FAQ": "Preguntas", "faq": "preguntas", "Q": "P"})
    return page


@pytest.mark.django_db
def test_every_language_is_listed_at_the_public_address_with_its_alternates(client, faq):
    found = entries(client)
    both = {
        "en": f"{PUBLIC}/en/faq/",
        "es": f"{PUBLIC}/es/preguntas/",
        "x-default": f"{PUBLIC}/en/faq/",
    }
    assert found[f"{PUBLIC}/en/faq/"] == both
    assert found[f"{PUBLIC}/es/preguntas/"] == both
    assert found[f"{PUBLIC}/en/"]["es"] == f"{PUBLIC}/es/"
    # Not the demo Site's hostname, nor the test client's host.
    assert all(location.startswith(PUBLIC + "/") for location in found)


@pytest.mark.django_db
def test_a_page_in_one_language_announces_no_alternate(client, home_page, spanish_home):
    StandardPageFactory(parent=home_page, title="Only English", slug="only-english")
    assert entries(client)[f"{PUBLIC}/en/only-english/"] == {}


@pytest.mark.django_db
def test_an_unpublished_translation_is_neither_listed_nor_an_alternate(client, faq, spanish_home):
    faq.get_translation(spanish_home.locale).unpublish()
    found = entries(client)
    assert f"{PUBLIC}/es/preguntas/" not in found
    assert found[f"{PUBLIC}/en/faq/"] == {}


@pytest.mark.django_db
def test_the_sitemap_costs_the_same_queries_for_5_and_50_pages(client, home_page, spanish_home):
    add_live_pages(StandardPageFactory, home_page, 5, slug=lambda n: f"a-{n}")
    entries(client)  # a new page empties the cache of the sites' root paths; this refills it
    with CaptureQueriesContext(connection) as few:
        assert len(entries(client)) == 7
    add_live_pages(StandardPageFactory, home_page, 45, slug=lambda n: f"b-{n}")
    entries(client)
    with CaptureQueriesContext(connection) as many:
        assert len(entries(client)) == 52
    assert len(many) == len(few)


@pytest.mark.django_db
def test_robots_txt_lets_crawlers_read_the_site_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in lines
    assert "Disallow: /" not in lines
