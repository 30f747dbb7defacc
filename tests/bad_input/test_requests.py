"""Requests no form expects: more than 1,000 fields, a Host header that is not ours, a language
prefix we do not have, a page with no translation, tracking and random query strings against
the page cache. Each answers with a clear page in the visitor's language; nothing is saved."""

import re
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import Client

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

FORMS = ["newsletter", "footer", "petition", "pledge", "embed", "voice", "letter", "call"]


def post_fields(client, form, data: dict):
    """As a browser sends the form: multipart with a file field, urlencoded otherwise."""
    if form.multipart:
        return client.post(form.url, data, REMOTE_ADDR="203.0.113.5")
    return client.post(
        form.url,
        urlencode(data),
        content_type="application/x-www-form-urlencoded",
        REMOTE_ADDR="203.0.113.5",
    )


@pytest.mark.parametrize("form_name", FORMS)
def test_more_than_1000_fields_is_a_400_page_and_nothing_is_saved(client, forms, form_name):
    form = forms[form_name]
    data = {**form.data(), **{f"f{n}": "x" for n in range(1_001)}}
    response = post_fields(client, form, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not read that request" in html and '<html lang="en">' in html
    assert "no-store" in response["Cache-Control"]
    assert form.saved() == 0


def test_1000_fields_in_all_are_still_read(client, forms):
    form = forms["petition"]
    data = form.data()
    padding = {f"f{n}": "x" for n in range(1_000 - len(data))}
    assert post_fields(client, form, {**data, **padding}).status_code == 302
    assert form.saved() > 0


def test_the_400_page_speaks_spanish_under_es(client, spanish_signup):
    response = client.post(
        spanish_signup.url,
        urlencode({f"f{n}": "x" for n in range(1_001)}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="es">' in html and "No pudimos leer esa solicitud" in html


@pytest.mark.parametrize("form_name", FORMS)
@pytest.mark.parametrize("host", ["evil.example", "testserver.evil.example", "", "a" * 300])
def test_a_post_with_a_host_that_is_not_ours_is_a_400_and_nothing_is_saved(
    client, forms, form_name, host
):
    form = forms[form_name]
    response = client.post(form.url, form.data(), REMOTE_ADDR="203.0.113.6", headers={"host": host})
    assert response.status_code == 400
    assert "We could not read that request" in response.content.decode()
    assert "evil.example" not in response.content.decode()  # no link is built from the Host
    assert form.saved() == 0


@pytest.mark.parametrize("prefix", ["fr", "zz-ZZ", "en-gb"])
@pytest.mark.parametrize(
    "form_name", ["newsletter", "petition", "embed", "voice", "letter", "call"]
)
def test_an_unknown_language_prefix_is_a_404_for_pages_and_forms(client, forms, form_name, prefix):
    # GET /fr/ itself: tests/home/test_i18n.py::test_unknown_language_prefix_is_a_not_found_page_not_an_error
    form = forms[form_name]
    path = form.url.replace("/en/", f"/{prefix}/", 1)
    for response in (
        client.get(path, follow=True),
        client.post(path, form.data(), REMOTE_ADDR="203.0.113.7", follow=True),
    ):
        # Django first tries the path under the default language (/en/fr/petition/): not found.
        assert response.status_code == 404
        assert "find that page" in response.content.decode()
    assert form.saved() == 0


@pytest.mark.parametrize(
    "form_name", ["newsletter", "petition", "pledge", "voice", "letter", "call"]
)
def test_a_form_page_with_no_translation_is_a_spanish_404_and_takes_no_post(
    client, forms, form_name, spanish_home
):
    # The English page's language switcher falls back to the nearest translated ancestor:
    # tests/home/test_i18n.py::test_switcher_falls_back_to_the_nearest_translated_ancestor
    form = forms[form_name]
    spanish_path = form.url.replace("/en/", "/es/", 1)
    page = client.get(spanish_path)
    assert page.status_code == 404
    assert "No encontramos esa página" in page.content.decode()
    response = client.post(spanish_path, form.data(), REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 404
    assert form.saved() == 0
    html = client.get(form.url).content.decode()
    assert 'href="/es/" lang="es" hreflang="es"' in html


def test_the_widget_of_an_untranslated_action_shows_and_signs_the_original(
    client, forms, spanish_home
):
    """A partner's Spanish page may embed an action not yet translated: the widget shows the
    action as it exists (in English, with the form's labels in Spanish), and signing counts."""
    form = forms["embed"]
    spanish_url = form.url.replace("/en/", "/es/", 1)
    html = client.get(spanish_url, {"form": "1"}).content.decode()
    assert "End qualified immunity" in html and 'name="email"' in html
    # The action's own words are marked English for screen readers; the widget's are Spanish.
    assert '<html lang="es">' in html
    assert re.search(r'<h1 class="embed__title" lang="en"><a [^>]+>End qualified immunity<', html)
    assert re.search(r'<p class="help" lang="en">[^<]+</p>', html)
    assert re.search(r'<button type="submit" class="button button--primary" lang="en">', html)
    assert "Correo electrónico" in html  # a label of the form itself
    teaser = client.get(spanish_url).content.decode()
    assert re.search(
        r'<span lang="en">[^<]+</span><span class="visually-hidden"> \(se abre', teaser
    )
    # In its own language nothing is marked.
    english = client.get(form.url, {"form": "1"}).content.decode()
    assert ' lang="' not in english.split("<body", 1)[1]
    response = client.post(spanish_url, form.data(), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    from actions.models import Signature

    assert Signature.objects.get().language == "es"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.mark.indexes
def test_tracking_parameters_share_one_cached_page_and_are_never_reflected(
    client, forms, page_cache
):
    # The mechanism: tests/core/test_page_cache.py::test_tracking_parameters_share_the_cached_page
    url = forms["petition"].url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    tracked = client.get(
        url, {"utm_source": "<script>x</script>", "utm_campaign": "\x00", "fbclid": "1"}
    )
    assert tracked["X-Page-Cache"] == "hit"
    assert tracked.content == first.content


@pytest.mark.parametrize(
    "query",
    [
        {"x": "<script>alert(1)</script>"},
        {"q": "\x00", "page": "-1"},
        {"source": '"><script>alert(1)</script>'},
        {"thanks": "forged"},
        {"a" * 500: "b" * 5_000},
    ],
)
def test_random_query_strings_get_the_ordinary_page_and_poison_nothing(
    client, forms, page_cache, query
):
    url = forms["petition"].url
    clean = client.get(url)
    response = client.get(url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "\x00" not in html
    assert 'name="email"' in html and "Thank you for signing" not in html  # no forged thank-you
    # The clean address is still the page everyone shares.
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit" and again.content == clean.content


def test_what_one_visitor_typed_never_reaches_the_cache(client, forms, page_cache):
    form = forms["petition"]
    client.get(form.url)
    mistyped = form.post(client, email="ana.private@example", zip_code="1")
    assert mistyped.status_code == 200 and "ana.private@example" in mistyped.content.decode()
    stranger = Client().get(form.url)
    assert stranger["X-Page-Cache"] == "hit"
    assert "ana.private@example" not in stranger.content.decode()


def test_a_signers_thank_you_is_never_cached(client, forms, page_cache):
    form = forms["petition"]
    thanks_url = form.post(client)["Location"]
    response = client.get(thanks_url)
    assert "Thank you for signing" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "X-Page-Cache" not in response


def test_an_unknown_page_under_a_known_prefix_is_not_cached(client, home_page, page_cache):
    StandardPageFactory(parent=home_page, slug="about")
    for _ in range(2):
        response = client.get("/en/about/nothing-here/", {"x": "1"})
        assert response.status_code == 404 and "X-Page-Cache" not in response


@pytest.mark.indexes
def test_a_search_with_more_than_1000_parameters_is_a_400(client, home_page):
    response = client.get("/en/search/", {f"p{n}": "x" for n in range(1_001)})
    assert response.status_code == 400
    assert "We could not read that request" in response.content.decode()


@pytest.mark.parametrize("host", ["evil.example", "testserver.evil.example"])
@pytest.mark.indexes
def test_a_search_with_a_host_that_is_not_ours_is_a_400(client, home_page, host):
    response = client.get("/en/search/", {"q": "ley"}, headers={"host": host})
    assert response.status_code == 400


@pytest.mark.indexes
def test_a_search_under_an_unknown_prefix_is_not_found(client, home_page):
    assert client.get("/fr/search/", {"q": "loi"}, follow=True).status_code == 404


@pytest.mark.indexes
def test_searches_are_cached_by_their_words_and_share_tracking_variants(
    client, home_page, page_cache
):
    first = client.get("/en/search/", {"q": "immunity"})
    assert first["X-Page-Cache"] == "miss"
    tracked = client.get("/en/search/", {"q": "immunity", "utm_medium": "email"})
    assert tracked["X-Page-Cache"] == "hit"
    other = client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    assert other["X-Page-Cache"] == "miss" and "<script>alert(1)" not in other.content.decode()
