"""manage.py create_site: a new production database gets its home page, languages and site
before create_states and the imports (docs/deployment.md's first release)."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from states import seed
from states.models import StateIndexPage
from tests.helpers import remove_rubric


def run(command: str) -> str:
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def fresh_install() -> None:
    """What `migrate` leaves (the test database holds a baseline site): Wagtail's welcome page,
    a site at localhost, the default language only, no criteria."""
    remove_rubric()
    for page in Page.objects.filter(depth=2):
        page.delete()
    root = Page.get_first_root_node()
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
    Locale.objects.exclude(language_code="en").delete()


@pytest.mark.django_db
def test_a_new_database_gets_a_bilingual_home_at_the_public_address(settings, client):
    settings.WAGTAILADMIN_BASE_URL = "https://endqi.example"  # BASE_URL in the environment
    settings.ALLOWED_HOSTS = ["endqi.example"]
    fresh_install()
    assert not HomePage.objects.exists()
    assert Page.objects.filter(depth=2, slug="home").exists()
    out = run("create_site")
    assert "The site is ready at endqi.example:443" in out
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("endqi.example", 443)
    home = HomePage.objects.get(locale__language_code="en")
    assert site.root_page_id == home.pk
    assert not Page.objects.filter(slug="wagtail-welcome").exists()
    spanish = HomePage.objects.get(locale__language_code="es")
    assert spanish.title == "Inicio" and spanish.live
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es"}
    response = client.get("/es/", HTTP_HOST="endqi.example", secure=True)
    assert response.status_code == 200 and "Nadie está por encima de la ley" in (
        response.content.decode()
    )
    # Running it again changes nothing; the scorecard's pages can follow.
    pages = Page.objects.count()
    run("create_site")
    assert Page.objects.count() == pages
    # create_states stopped at "There is no home page yet" here; its scorecard page now goes
    # under the home page in both languages (the 51 state pages follow it, tests/states).
    index = seed.ensure_index(io.StringIO())
    assert index.get_parent().specific == home
    assert StateIndexPage.objects.filter(locale__language_code="es").exists()
