"""Staff read the members of Congress and the imports in the admin; nobody edits them by hand."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from states.factories import LegislatorFactory
from states.models import Chamber, Committee, CommitteeMembership, DistrictOffice, LegislatorImport

pytestmark = pytest.mark.django_db

MEMBERS = "/admin/legislator/"
IMPORTS = "/admin/legislatorimport/"


class Admin(WagtailTestUtils):
    pass


@pytest.fixture
def members():
    bennet = LegislatorFactory(
        bioguide_id="B001267",
        chamber=Chamber.SENATE,
        full_name="Michael F. Bennet",
        last_name="Bennet",
    )
    judiciary = Committee.objects.create(committee_id="SSJU", name="Senate Judiciary")
    CommitteeMembership.objects.create(committee=judiciary, legislator=bennet, role="Member")
    DistrictOffice.objects.create(
        office_id="B001267-denver", legislator=bennet, city="Denver", state="CO"
    )
    LegislatorFactory(state="CO", district=8, full_name="Gabe Evans", last_name="Evans")
    LegislatorFactory(state="WY", district=0, full_name="Harriet Hageman", last_name="Hageman")
    LegislatorFactory(
        state="NY",
        district=12,
        full_name="Jerrold Nadler",
        last_name="Nadler",
        bioguide_id="N000002",
    )
    return bennet


@pytest.fixture
def editor(client):
    """A member of Wagtail's Editors group: staff, not a superuser."""
    user = get_user_model().objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_editors_may_view_but_nobody_may_add_change_or_delete(editor, members, admin_client):
    listing = editor.get(MEMBERS)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Michael F. Bennet" in html and "Harriet Hageman" in html
    assert "WY at large" in html and "CO-8" in html
    assert f"{MEMBERS}inspect/B001267/" in html  # rows open the read-only page
    for client in (editor, admin_client):  # not even a superuser
        assert client.get(f"{MEMBERS}new/").status_code in (302, 403)
        assert client.get(f"{MEMBERS}edit/B001267/").status_code in (302, 403)
        assert client.post(f"{MEMBERS}delete/B001267/").status_code in (302, 403)
        assert "Add legislator" not in client.get(MEMBERS).content.decode()
    assert members.__class__.objects.filter(pk="B001267").exists()


def test_the_inspect_page_shows_offices_and_committees(editor, members):
    html = editor.get(f"{MEMBERS}inspect/B001267/").content.decode()
    assert "Michael F. Bennet" in html
    assert "Denver, CO" in html
    assert "Senate Judiciary (Member)" in html


@pytest.mark.indexes
@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("CO", {"Michael F. Bennet", "Gabe Evans"}, {"Harriet Hageman"}),
        ("colorado", {"Michael F. Bennet", "Gabe Evans"}, {"Harriet Hageman"}),
        ("hageman", {"Harriet Hageman"}, {"Gabe Evans"}),
        ("N000002", {"Jerrold Nadler"}, {"Gabe Evans"}),
    ],
)
def test_staff_search_by_name_state_or_id(editor, members, query, expected, absent):
    html = editor.get(MEMBERS, {"q": query}).content.decode()
    for name in expected:
        assert name in html, (query, name)
    for name in absent:
        assert name not in html, (query, name)


def test_staff_without_the_permission_do_not_see_the_members(client, members):
    user = get_user_model().objects.create_user("someone", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(MEMBERS).status_code in (302, 403)
    assert client.get(IMPORTS).status_code in (302, 403)


def test_the_imports_page_shows_the_latest_import_and_its_changes(editor):
    LegislatorImport.objects.create(
        started_at=timezone.now() - datetime.timedelta(days=30),
        source="/old/data",
        legislator_count=535,
        zip_area_count=42000,
    )
    latest = LegislatorImport.objects.create(
        started_at=timezone.now(),
        checked_at=timezone.now(),
        source="https://theunitedstates.io/congress-legislators/",
        legislator_count=537,
        zip_area_count=42033,
        zip_areas_added=3,
        zip_areas_removed=2,
        added=[
            {
                "bioguide_id": "Z000999",
                "name": "Ana Nueva",
                "chamber": "house",
                "state": "CA",
                "district": 14,
            }
        ],
        removed=[
            {
                "bioguide_id": "B000825",
                "name": "Lauren Boebert",
                "chamber": "house",
                "state": "CO",
                "district": 4,
            }
        ],
        changed=[
            {
                "bioguide_id": "B001267",
                "name": "Michael F. Bennet",
                "chamber": "senate",
                "state": "CO",
                "district": None,
                "fields": {"phone": ["202-224-5852", "202-555-0142"]},
            }
        ],
        summary={
            "district_offices": {"added": 0, "removed": 3, "changed": 1, "total": 1309},
            "committee_seats": {
                "added": 0,
                "removed": 2,
                "changed": 0,
                "total": 1327,
                "by_committee": [
                    {
                        "committee": "House Committee on the Judiciary",
                        "joined": [],
                        "left": ["Lauren Boebert"],
                        "role_changed": [],
                    }
                ],
            },
            "warnings": ["contact_form_url 'hhttps://…' is not a web address; stored blank."],
        },
    )
    html = editor.get(IMPORTS).content.decode()
    assert "Latest import" in html
    latest_part = html[html.index("Latest import") : html.index("Every import")]
    assert "https://theunitedstates.io/congress-legislators/" in latest_part
    assert "537 members of Congress; 42033 ZIP code rows" in latest_part
    assert "Ana Nueva (Z000999), CA-14" in latest_part
    assert "Lauren Boebert (B000825), CO-4" in latest_part
    assert "phone: 202-224-5852 → 202-555-0142" in latest_part
    assert "3 added, 2 removed" in latest_part  # ZIP rows
    assert "left: Lauren Boebert" in latest_part
    assert "hhttps://" in latest_part  # the warning
    assert "/old/data" in html  # the earlier import, in the table
    detail = editor.get(f"{IMPORTS}inspect/{latest.pk}/")
    assert detail.status_code == 200
    assert "phone: 202-224-5852 → 202-555-0142" in detail.content.decode()
    assert editor.get(f"{IMPORTS}edit/{latest.pk}/").status_code in (302, 403)
    assert editor.post(f"{IMPORTS}delete/{latest.pk}/").status_code in (302, 403)
    assert LegislatorImport.objects.count() == 2


def test_the_imports_show_the_datas_published_date_or_say_it_is_unknown(editor):
    undated = LegislatorImport.objects.create(
        started_at=timezone.now() - datetime.timedelta(days=30), source="/undated/files"
    )
    dated = LegislatorImport.objects.create(
        started_at=timezone.now(),
        source="https://mirror.example/congress/",
        data_published_at=datetime.datetime(2025, 3, 5, 12, tzinfo=datetime.UTC),
    )
    html = editor.get(IMPORTS).content.decode()
    latest_part = html[html.index("Latest import") : html.index("Every import")]
    assert "Data published (the oldest file's date" in latest_part
    assert "March 5, 2025" in latest_part
    table = html[html.index("Every import") :]
    assert "data published" in table  # the column heading
    assert "March 5, 2025" in table and "unknown" in table  # one row each
    detail = editor.get(f"{IMPORTS}inspect/{undated.pk}/").content.decode()
    assert "unknown: the files carried no date, so the letter page gives the import date" in detail
    detail = editor.get(f"{IMPORTS}inspect/{dated.pk}/").content.decode()
    assert "March 5, 2025" in detail


def test_before_any_import_the_page_says_how_to_run_one(admin_client):
    html = admin_client.get(IMPORTS).content.decode()
    assert "No legislator data has been imported yet." in html


def test_the_legislators_menu_is_in_the_admin(admin_client):
    html = Admin().get_soup(admin_client.get("/admin/").content).decode()
    assert "Members of Congress" in html and "Congress data imports" in html
    assert "State legislators" in html and "State data imports" in html
