"""Site search finds pages in the visitor's language only (database backend on SQLite and PostgreSQL)."""

import pytest
from wagtail.search.backends import get_search_backend

from core.localization import translate
from home.factories import StandardPageFactory


@pytest.fixture
def explainer(home_page, spanish_home):
    page = StandardPageFactory(
        parent=home_page,
        title="Courts and immunity",
        slug="courts",
        introduction="How judges invented the doctrine",
    )
    translate(
        page,
        "es",
        {
            "Courts and immunity": "Tribunales e inmunidad",
            "courts": "tribunales",
            "How judges invented the doctrine": "Cómo los jueces inventaron la doctrina",
        },
    )
    backend = get_search_backend()
    for instance in page.get_translations(inclusive=True):
        backend.add(instance.specific)
    return page


@pytest.mark.django_db
def test_search_finds_the_english_page_in_english(client, explainer):
    html = client.get("/en/search/", {"q": "judges"}).content.decode()
    assert 'href="/en/courts/"' in html
    assert "/es/tribunales/" not in html


@pytest.mark.django_db
def test_search_finds_the_spanish_page_in_spanish(client, explainer):
    html = client.get("/es/search/", {"q": "tribunales"}).content.decode()
    assert 'href="/es/tribunales/"' in html
    assert "/en/courts/" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", "x" * 5000, "' OR 1=1 --", "\u202ecodes", "   "]
)
def test_hostile_queries_get_a_page_not_an_error(client, explainer, query):
    response = client.get("/en/search/", {"q": query, "page": "999"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_search_rejects_posts(client, home_page):
    assert client.post("/en/search/", {"q": "x"}).status_code == 405
