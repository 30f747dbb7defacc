"""The anonymous page cache: hits cost no query, content changes purge it, private responses
are never stored."""

import time

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from core.page_cache import response_is_cacheable
from core.spam import started_token
from home.factories import StandardPageFactory
from home.models import FooterText


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about")


@pytest.mark.django_db
def test_a_cache_hit_makes_no_database_query(client, about, django_assert_num_queries):
    first = client.get("/en/about/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/en/about/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.django_db
def test_tracking_parameters_share_the_cached_page(client, about):
    client.get("/en/about/?a=1")
    assert client.get("/en/about/?utm_source=mail&a=1&fbclid=x")["X-Page-Cache"] == "hit"
    assert client.get("/en/about/?a=2")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_languages_are_cached_separately(client, about, spanish_home):
    client.get("/en/")
    response = client.get("/es/")
    assert response["X-Page-Cache"] == "miss"
    assert 'lang="es"' in response.content.decode()


@pytest.mark.django_db
def test_publishing_purges_the_page_and_the_pages_that_list_it(client, about):
    client.get("/en/about/")
    client.get("/en/")
    about.title = "About the campaign"
    about.save_revision().publish()
    page = client.get("/en/about/")
    assert page["X-Page-Cache"] == "miss"
    assert "About the campaign" in page.content.decode()
    assert client.get("/en/")["X-Page-Cache"] == "miss"  # the menu lists it


@pytest.mark.django_db
def test_a_draft_save_does_not_purge(client, about):
    client.get("/en/about/")
    about.title = "Draft title"
    about.save_revision()
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "hit"
    assert "Draft title" not in response.content.decode()


@pytest.mark.django_db
def test_unpublishing_purges(client, about):
    client.get("/en/about/")
    about.unpublish()
    assert client.get("/en/about/").status_code == 404


@pytest.mark.django_db
def test_saving_a_snippet_purges(client, about, locales):
    client.get("/en/about/")
    FooterText.objects.create(body="Run by volunteers", locale=locales[0])
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "Run by volunteers" in response.content.decode()


@pytest.mark.django_db
def test_logged_in_editors_never_get_or_fill_the_cache(client, about, admin_user):
    client.force_login(admin_user)
    assert "X-Page-Cache" not in client.get("/en/about/")
    client.logout()
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_not_found_pages_and_posts_are_not_cached(client, home_page):
    assert "X-Page-Cache" not in client.get("/en/nowhere/")
    assert "X-Page-Cache" not in client.post("/en/")


def test_responses_with_cookies_csrf_tokens_or_private_headers_are_not_stored():
    request = RequestFactory().get("/en/")
    assert response_is_cacheable(request, HttpResponse("ok"))

    with_cookie = HttpResponse("ok")
    with_cookie.set_cookie("csrftoken", "x")
    assert not response_is_cacheable(request, with_cookie)

    private = HttpResponse("ok", headers={"Cache-Control": "private"})
    assert not response_is_cacheable(request, private)

    used_token = RequestFactory().get("/en/")
    used_token.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not response_is_cacheable(used_token, HttpResponse("ok"))


@pytest.mark.django_db
def test_pages_with_the_footer_signup_form_are_cacheable(client, about):
    from actions.factories import SignupPageFactory

    SignupPageFactory(parent=about.get_parent(), slug="newsletter")
    first = client.get("/en/about/")
    assert 'class="footer-signup__form"' in first.content.decode()
    assert "csrftoken" not in first.cookies
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_pages_that_did_not_opt_out_still_require_a_csrf_token(home_page, about):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/en/about/", {"x": "1"}).status_code == 403


@pytest.mark.django_db
def test_the_signup_page_takes_a_post_without_a_csrf_token(home_page):
    from django.test import Client

    from actions.factories import SignupPageFactory

    page = SignupPageFactory(parent=home_page, slug="newsletter")
    strict = Client(enforce_csrf_checks=True)
    started = started_token(at=time.time() - 60)
    response = strict.post(page.url, {"email": "not-an-email", "form_started": started})
    assert response.status_code == 200  # the form with its error, not a CSRF rejection
    assert "email" in response.context["form"].errors
