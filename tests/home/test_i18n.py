"""Languages: prefixed URLs, the root redirect, the switcher both ways, hreflang, error pages."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from core.localization import translate
from core.views import server_error
from home.factories import StandardPageFactory


@pytest.fixture
def faq(home_page, spanish_home):
    page = StandardPageFactory(
        parent=home_page, title="FAQ", slug="faq", introduction="Questions", body=[]
    )
    spanish = translate(page, "es", {"FAQ": "Preguntas", "faq": "preguntas", "Questions": "Dudas"})
    return page, spanish


@pytest.mark.django_db
@pytest.mark.parametrize(("accept", "target"), [("es-MX,es;q=0.9", "/es/"), ("en-US", "/en/")])
def test_bare_root_redirects_by_accept_language(client, home_page, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.django_db
def test_switcher_from_english_lands_on_the_same_page_in_spanish(client, faq):
    response = client.get("/en/faq/")
    html = response.content.decode()
    assert 'href="/es/preguntas/" lang="es" hreflang="es"' in html
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/preguntas/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/en/faq/">' in html


@pytest.mark.django_db
def test_switcher_from_spanish_lands_on_the_same_page_in_english(client, faq):
    response = client.get("/es/preguntas/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es" dir="ltr">' in html
    assert "Dudas" in html
    assert 'href="/en/faq/" lang="en" hreflang="en"' in html


@pytest.mark.django_db
def test_switcher_falls_back_to_the_nearest_translated_ancestor(client, home_page, spanish_home):
    section = StandardPageFactory(parent=home_page, title="Section", slug="section")
    translate(
        section, "es", {"Section": "Sección", "section": "seccion", section.introduction: "I"}
    )
    StandardPageFactory(parent=section, title="English only", slug="english-only")

    html = client.get("/en/section/english-only/").content.decode()
    assert 'href="/es/seccion/" lang="es" hreflang="es"' in html
    # No alternate is announced for a language the page does not exist in.
    assert 'hreflang="es" href="http://testserver/es/seccion/"' not in html
    assert client.get("/es/seccion/").status_code == 200


@pytest.mark.django_db
def test_unknown_language_prefix_is_a_not_found_page_not_an_error(client, home_page):
    response = client.get("/fr/", follow=True)
    assert response.status_code == 404


@pytest.mark.django_db
def test_not_found_page_speaks_the_visitors_language(client, home_page, spanish_home):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    assert "No encontramos esa página" in response.content.decode()
    assert "find that page" in client.get("/en/missing/").content.decode()


def test_server_error_page_speaks_the_visitors_language_without_the_database():
    request = RequestFactory().get("/es/")
    with translation.override("es"):
        response = server_error(request)
    assert response.status_code == 500
    assert "Algo salió mal" in response.content.decode()
    assert '<html lang="es">' in response.content.decode()


@pytest.mark.django_db
def test_switcher_keeps_the_query_string_filters_and_all(client, faq):
    html = client.get("/en/faq/?state=TX&outcome=qi-granted&page=2").content.decode()
    assert 'href="/es/preguntas/?state=TX&amp;outcome=qi-granted&amp;page=2" lang="es"' in html
    assert 'href="/en/faq/?state=TX&amp;outcome=qi-granted&amp;page=2" lang="en"' in html
    # The alternates name each language's canonical address, as <link rel=canonical> does.
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/preguntas/">' in html

    back = client.get("/es/preguntas/?criterion=attorney-fees&sort=name").content.decode()
    assert 'href="/en/faq/?criterion=attorney-fees&amp;sort=name" lang="en"' in back


@pytest.mark.indexes
@pytest.mark.django_db
def test_switcher_leaves_out_blank_filters_and_tracking_tags(client, faq):
    # What a filter form sends with JavaScript off: every field, most of them empty.
    html = client.get(
        "/en/faq/?q=&state=TX&harm=&utm_source=newsletter&fbclid=abc&q2=caf%C3%A9+y"
    ).content.decode()
    assert 'href="/es/preguntas/?state=TX&amp;q2=caf%C3%A9+y" lang="es"' in html


@pytest.mark.django_db
def test_switcher_keeps_no_query_when_it_falls_back_to_an_ancestor(client, home_page, spanish_home):
    section = StandardPageFactory(parent=home_page, title="Section", slug="section")
    translate(
        section, "es", {"Section": "Sección", "section": "seccion", section.introduction: "I"}
    )
    StandardPageFactory(parent=section, title="English only", slug="english-only")

    html = client.get("/en/section/english-only/?state=TX").content.decode()
    assert 'href="/es/seccion/" lang="es" hreflang="es"' in html
    assert 'href="/en/section/english-only/?state=TX" lang="en"' in html


@pytest.mark.django_db
@pytest.mark.indexes
def test_switcher_on_search_results_keeps_the_words(client, home_page, spanish_home):
    html = client.get("/en/search/?q=Texas+1871&utm_medium=email").content.decode()
    assert 'href="/es/search/?q=Texas+1871" lang="es" hreflang="es"' in html
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/search/">' in html


@pytest.mark.django_db
def test_the_campaigns_name_is_marked_with_its_language_on_pages_in_another(client, faq):
    """Header and footer: a Spanish screen reader reads "End Qualified Immunity" as English."""
    spanish = client.get("/es/preguntas/").content.decode()
    assert '<a class="site-logo" href="/es/" lang="en">End Qualified Immunity</a>' in spanish
    assert '<span lang="en">End Qualified Immunity</span></p>' in spanish  # the footer
    english = client.get("/en/faq/").content.decode()
    assert '<a class="site-logo" href="/en/">End Qualified Immunity</a>' in english
    assert '<span lang="en">End Qualified Immunity</span>' not in english
