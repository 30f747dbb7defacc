"""What partners use: the framable widget (count, goal, button or form), the JSON count with
CORS, the script that inserts the widget; and the page cache that carries a spike."""

import pytest
from django.core.cache import cache
from django.test import Client

from actions.factories import PledgePageFactory, SignatureFactory
from actions.models import Signature
from core.security import EMBED_ATTRIBUTE
from tests.actions.petitions.helpers import sign
from tests.helpers import ROOT

pytestmark = pytest.mark.django_db


def test_the_widget_can_be_framed_and_shows_count_goal_and_a_sign_button(client, petition):
    SignatureFactory.create_batch(2, action=petition)
    response = client.get(f"/en/embed/petition/{petition.pk}/", {"source": "partner-1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert getattr(response, EMBED_ATTRIBUTE, False)
    assert "<strong data-count>2</strong>" in html and 'max="1000" value="2"' in html
    assert f'href="{petition.url}?source=partner-1"' in html and 'target="_blank"' in html
    assert 'name="email"' not in html  # a button unless the partner asks for the form
    # Everything else on the site still refuses to be framed.
    page = client.get(petition.url)
    assert page["X-Frame-Options"] == "DENY" and not getattr(page, EMBED_ATTRIBUTE, False)


def test_signing_inside_the_widget_records_the_partners_source(client, petition):
    url = f"/en/embed/petition/{petition.pk}/"
    form = client.get(url, {"form": "1", "source": "partner-1"}).content.decode()
    assert f'action="{url}"' in form and 'name="source" value="partner-1"' in form
    response = sign(client, petition, path=url, source="partner-1")
    assert response.status_code == 302 and response["Location"].startswith(url + "?thanks=")
    thanks = client.get(response["Location"])
    assert "X-Frame-Options" not in thanks and "private" in thanks["Cache-Control"]
    html = thanks.content.decode()
    assert "Thank you for signing" in html and 'target="_blank" rel="noopener"' in html
    assert Signature.objects.get().source == "partner-1"


def test_the_widget_takes_a_post_without_a_csrf_token(petition):
    strict = Client(enforce_csrf_checks=True)
    response = sign(strict, petition, path=f"/en/embed/petition/{petition.pk}/", email="x")
    assert response.status_code == 200  # the form with its error, not a CSRF rejection
    assert "Enter an email address like" in response.content.decode()


def test_the_widget_follows_the_language_in_its_address(client, petition, spanish_petition):
    html = client.get(f"/es/embed/petition/{petition.pk}/").content.decode()
    assert spanish_petition.title in html and 'lang="es"' in html


def test_the_widget_of_an_unknown_or_mismatched_action_is_not_found(client, petition, home_page):
    pledge = PledgePageFactory(parent=home_page, slug="pledge")
    assert client.get(f"/en/embed/petition/{pledge.pk}/").status_code == 404
    assert client.get(f"/en/embed/pledge/{pledge.pk}/").status_code == 200
    assert client.get(f"/en/embed/letter/{petition.pk}/").status_code == 404
    assert client.get("/en/embed/petition/999999/").status_code == 404


def test_the_json_count_is_live_public_and_readable_from_any_site(
    client, petition, spanish_petition
):
    SignatureFactory.create_batch(2, action=petition)
    SignatureFactory(action=spanish_petition, language="es")
    for page in (petition, spanish_petition):
        response = client.get(
            f"/api/actions/{page.pk}/count.json", HTTP_ORIGIN="https://partner.example"
        )
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
        data = response.json()
        assert (data["count"], data["goal"], data["closed"]) == (3, 1000, False)
        assert data["title"] == page.title
        assert data["url"] == f"http://testserver{page.url}"
        assert "email" not in response.content.decode()
    preflight = client.options(f"/api/actions/{petition.pk}/count.json")
    assert preflight.status_code == 204 and preflight["Access-Control-Allow-Origin"] == "*"
    assert client.post(f"/api/actions/{petition.pk}/count.json").status_code == 405
    missing = client.get("/api/actions/999999/count.json")
    assert missing.status_code == 404 and missing["Access-Control-Allow-Origin"] == "*"


def test_the_json_count_of_an_unpublished_action_is_not_found(client, petition):
    petition.unpublish()
    assert client.get(f"/api/actions/{petition.pk}/count.json").status_code == 404


def test_the_embed_script_inserts_the_widget_with_the_partners_source():
    script = (ROOT / "static" / "js" / "embed.js").read_text()
    assert "data-action-embed" in script and 'searchParams.set("source"' in script
    assert "document.cookie" not in script and "localStorage" not in script


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_action_pages_are_cached_briefly_and_thank_yous_never(
    client, petition, page_cache_on, django_assert_num_queries
):
    first = client.get(petition.url)
    assert first["X-Page-Cache"] == "miss" and first["Cache-Control"] == "public, max-age=15"
    with django_assert_num_queries(0):
        assert client.get(petition.url)["X-Page-Cache"] == "hit"
    # A signer (who now holds the "signed here" cookie) still gets the cached page...
    response = sign(client, petition)
    assert client.get(petition.url)["X-Page-Cache"] == "hit"
    # ...but never a cached thank-you: it is theirs alone.
    thanks = client.get(response["Location"])
    assert "X-Page-Cache" not in thanks
    assert "X-Page-Cache" not in client.get(response["Location"])
    widget = f"/en/embed/petition/{petition.pk}/"
    assert client.get(widget)["X-Page-Cache"] == "miss"
    cached_widget = client.get(widget)
    assert cached_widget["X-Page-Cache"] == "hit" and "X-Frame-Options" not in cached_widget
