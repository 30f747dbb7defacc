"""Staff read the state legislators and their imports beside the members of Congress; nobody
edits them by hand, and staff without the view permission do not see them."""

import pytest
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from states.models import StateLegislator, StateLegislatorImport

pytestmark = pytest.mark.django_db

MEMBERS = "/admin/statelegislator/"
IMPORTS = "/admin/statelegislatorimport/"


@pytest.fixture
def editor(client):
    """A member of Wagtail's Editors group, as for the Congress admin: staff, not a superuser."""
    user = get_user_model().objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def outsider(client):
    """May use the admin, and nothing else."""
    user = get_user_model().objects.create_user("outsider", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


@pytest.mark.indexes
def test_the_list_filters_by_state_and_chamber_and_searches_names(editor, imported_small):
    html = editor.get(MEMBERS).content.decode()
    assert "Aisha Gomez" in html and "Matthew Frumin" in html and "Councilmember" in html
    minnesota = editor.get(MEMBERS, {"state": "MN"}).content.decode()
    assert "Aisha Gomez" in minnesota and "Matthew Frumin" not in minnesota
    senate = editor.get(MEMBERS, {"state": "MN", "chamber": "upper"}).content.decode()
    assert "Omar Fateh" in senate and "Aisha Gomez" not in senate
    found = editor.get(MEMBERS, {"q": "hassan"}).content.decode()
    assert "Hodan Hassan" in found and "Aisha Gomez" not in found
    by_state = editor.get(MEMBERS, {"q": "Nebraska"}).content.decode()
    assert "Ben Hansen" in by_state and "Aisha Gomez" not in by_state


def test_the_inspect_page_shows_offices_links_and_committees(editor, imported_small):
    fateh = StateLegislator.objects.get(name="Omar Fateh")
    response = editor.get(f"{MEMBERS}inspect/{quote(fateh.pk)}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 Capitol Ave" in html and "651-555-0100" in html
    assert "Judiciary and Public Safety (chair)" in html
    assert "https://leg.example.gov/Fateh" in html


def test_nobody_adds_edits_or_deletes_them(editor, admin_client, imported_small):
    fateh = StateLegislator.objects.get(name="Omar Fateh")
    key = quote(fateh.pk)  # the key's slash, as Wagtail writes it in URLs
    for client in (editor, admin_client):  # not even a superuser
        assert client.get(f"{MEMBERS}new/").status_code in (302, 403)
        assert client.get(f"{MEMBERS}edit/{key}/").status_code in (302, 403)
        assert client.post(f"{MEMBERS}delete/{key}/").status_code in (302, 403)
    assert StateLegislator.objects.filter(pk=fateh.pk).exists()


def test_the_imports_list_and_detail_render(editor, imported_small):
    record = StateLegislatorImport.objects.get()
    listing = editor.get(IMPORTS).content.decode()
    assert "16" in listing
    detail = editor.get(f"{IMPORTS}inspect/{record.pk}/").content.decode()
    assert "Legislators per state" in detail
    assert "Joe Schomacker" in detail  # left out, and said so
    assert "16 legislators added" in detail


def test_staff_without_the_permission_are_refused(outsider, imported_small):
    for url in (MEMBERS, IMPORTS):
        response = outsider.get(url)
        assert response.status_code in (302, 403)
        assert "Aisha Gomez" not in response.content.decode()


def test_the_list_costs_the_same_for_more_members(
    editor, imported_small, django_assert_max_num_queries
):
    # Titles and phones come from the row itself (no join, no prefetch per member).
    editor.get(MEMBERS)
    with django_assert_max_num_queries(40) as few:
        editor.get(MEMBERS)
    StateLegislator.objects.bulk_create(
        StateLegislator(
            person_id=f"ocd-person/00000000-0000-4000-8000-{n:012d}",
            name=f"Member {n}",
            state="MN",
            chamber="lower",
            district=str(n),
            member_title="Representative",
            offices=[{"classification": "capitol", "phone": "651-555-0000"}],
        )
        for n in range(150)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        editor.get(MEMBERS)
