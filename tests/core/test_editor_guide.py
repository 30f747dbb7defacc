"""The admin's Help (issue 19): this site's editor guide in the editor's language, with its
screenshots, and a page that changes only the admin's language, for an account with no name."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.http import FileResponse
from wagtail.users.models import UserProfile

from core.editor_guide import DOCS

pytestmark = pytest.mark.django_db


@pytest.fixture
def nameless_editor(client):
    """A staff account as `createsuperuser` or an invitation leaves it: no first or last name."""
    user = get_user_model().objects.create_user("ed", email="ed@example.org", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def speaks(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_help_opens_this_sites_guide_instead_of_wagtails(client, nameless_editor):
    html = client.get("/admin/").content.decode()
    # The sidebar is drawn from JSON props: the Help menu's items, as its script reads them.
    menu = html[html.index('id="wagtail-sidebar-props"') :]
    menu = menu[: menu.index("</script>")]
    assert '"/admin/editor-guide/"' in menu and '"/admin/language/"' in menu
    assert "Editor guide for this site" in menu and "Admin language \\u00b7 Idioma" in menu
    assert "guide.wagtail.org/en/?target_version" not in menu  # Wagtail's generic guide


@pytest.mark.parametrize(
    ("language", "title", "section"),
    [
        ("en", "Editor guide", "Translating a page"),
        ("es", "Guía para editores", "Traducir una página"),
    ],
)
def test_the_guide_is_in_the_editors_language(client, nameless_editor, language, title, section):
    speaks(nameless_editor, language)
    html = client.get("/admin/editor-guide/").content.decode()
    assert "<h1" in html and title in html
    assert f"<h2>{section}</h2>" in html
    assert '<img src="images/editor-translation-box.png"' in html


def test_the_guides_screenshots_are_served_and_nothing_else(client, nameless_editor):
    response = client.get("/admin/editor-guide/images/editor-translation-box.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    for name in ("..%2Feditor-guide.md", "editor-guide.md", "missing.png", "..%2F..%2FREADME.md"):
        response = client.get(f"/admin/editor-guide/images/{name}")
        assert response.status_code in (301, 404), name
        assert not isinstance(response, FileResponse)


def test_the_guide_needs_an_admin_login(client):
    response = client.get("/admin/editor-guide/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_both_guides_have_the_same_sections():
    """A section added to one guide is added to the other."""
    count = {
        name: sum(line.startswith("## ") for line in (DOCS / name).read_text().splitlines())
        for name in ("editor-guide.md", "editor-guide.es.md")
    }
    assert count["editor-guide.md"] == count["editor-guide.es.md"] > 3


def test_a_nameless_account_switches_the_admin_to_spanish(client, nameless_editor):
    page = client.get("/admin/language/").content.decode()
    assert 'value="es"' in page
    response = client.post("/admin/language/", {"language": "es"}, follow=True)
    assert UserProfile.get_for_user(nameless_editor).preferred_language == "es"
    assert '<html lang="es"' in response.content.decode()  # the dashboard, in Spanish
    assert "El administrador ya está en este idioma." in response.content.decode()
    nameless_editor.refresh_from_db()
    assert nameless_editor.first_name == nameless_editor.last_name == ""


def test_an_unknown_language_is_refused_with_a_message(client, nameless_editor):
    response = client.post("/admin/language/", {"language": "xx"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert UserProfile.get_for_user(nameless_editor).preferred_language != "xx"
