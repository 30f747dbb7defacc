"""CSRF. The public forms carry no token on purpose (docs/petitions.md, core.views.serve): they
need no session and their pages stay cacheable; bots are stopped by the honeypot, fill time and
rate limits. Where a token is used (a password-protected page, any page that takes no posts, the
admin login), a missing, forged or stale one gets a 403 page in the visitor's language, with the
site's header and footer, saying how to send the form again."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from core.localization import translate
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

ENGLISH = "This form has expired"
SPANISH = "Este formulario ha caducado"


@pytest.fixture
def strict():
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("form_name", ["footer", "petition", "pledge"])
def test_public_forms_take_a_post_without_a_token(strict, forms, form_name):
    # The sign-up page, the voice form and the widget: see tests/bad_input/catalogue.py.
    form = forms[form_name]
    assert "csrfmiddlewaretoken" not in strict.get(form.url).content.decode()
    assert form.post(strict).status_code == 302
    assert form.saved() > 0


@pytest.fixture
def members_page(home_page, spanish_home):
    """A page behind a password: Wagtail's password form is the public form that uses a token."""
    page = StandardPageFactory(
        parent=home_page, title="Members", slug="members", introduction="For members.", body=[]
    )
    spanish = translate(
        page, "es", {"Members": "Miembros", "members": "miembros", "For members.": "Para miembros."}
    )
    for each in (page, spanish):
        PageViewRestriction.objects.create(
            page=each, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
        )
    return page, spanish


def password_form(client, url) -> tuple[str, str]:
    """The password form's action and its CSRF token, as a browser would see them."""
    html = client.get(url).content.decode()
    action = re.search(r'<form action="([^"]+)" method="POST"', html)[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    return action, token


def assert_friendly_403(response, language: str) -> None:
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}"' in html
    assert (SPANISH if language == "es" else ENGLISH) in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html  # the site's own page
    assert "no-store" in response["Cache-Control"]
    assert "CSRF" not in html  # the reason is for developers, not visitors


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_password_form_works_with_its_token(strict, members_page, language):
    page = members_page[0] if language == "en" else members_page[1]
    action, token = password_form(strict, page.url)
    response = strict.post(
        action, {"csrfmiddlewaretoken": token, "password": "sesame", "return_url": page.url}
    )
    assert response.status_code == 302
    assert strict.get(page.url).status_code == 200


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("case", ["missing", "forged", "stale"])
def test_a_bad_token_gets_a_403_in_the_visitors_language(strict, members_page, language, case):
    page = members_page[0] if language == "en" else members_page[1]
    action, token = password_form(strict, page.url)
    data = {"password": "sesame", "return_url": page.url}
    if case == "forged":
        data["csrfmiddlewaretoken"] = "x" * 64
    elif case == "stale":
        # The form was opened in a session whose cookie has since expired or been replaced.
        data["csrfmiddlewaretoken"] = token
        strict.cookies.pop("csrftoken")
    response = strict.post(action, data)
    assert_friendly_403(response, language)
    assert strict.get(page.url).status_code == 200
    assert "sesame" not in response.content.decode()
    # Still locked: the password was not accepted.
    assert 'name="password"' in strict.get(page.url).content.decode()


@pytest.mark.parametrize(("path", "language"), [("/en/", "en"), ("/es/", "es")])
def test_a_post_to_a_page_that_takes_none_is_the_same_403(
    strict, home_page, spanish_home, path, language
):
    assert_friendly_403(strict.post(path, {"anything": "x"}), language)


def test_the_admin_login_without_a_token_is_refused_in_the_browsers_language(strict, home_page):
    response = strict.post(
        "/admin/login/",
        {"username": "admin", "password": "x"},
        headers={"accept-language": "es"},
    )
    assert_friendly_403(response, "es")
