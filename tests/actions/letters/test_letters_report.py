"""Staff see how many letters went to each legislator and through each page (counts only), with
the "Campaign data" permission; nobody else does. The home page features the letter page."""

import codecs
import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from actions.factories import LetterPageFactory, LetterSentFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/letters/"


def staff(username: str, group: str | None = None):
    user = get_user_model().objects.create_user(username, password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def letters(letter_page, home_page, congress):
    other = LetterPageFactory(parent=home_page, slug="senate-only", title="Senate letter")
    rep = congress["co-1"]
    for _ in range(3):
        LetterSentFactory(
            page=letter_page, legislator_id=rep.pk, legislator_name="Representative Robin Denverson",
            chamber="house", district_key="CO-1",
        )  # fmt: skip
    LetterSentFactory(
        page=letter_page, legislator_id=rep.pk, legislator_name="Representative Robin Denverson",
        chamber="house", district_key="CO-1", language="es",
    )  # fmt: skip
    LetterSentFactory(
        page=other, legislator_id="F000001", legislator_name='=HYPERLINK("http://x","y")',
        chamber="senate", district_key="NY",
    )  # fmt: skip
    old = LetterSentFactory(page=other, legislator_id="G000555", legislator_name="Gone Senator")
    old.created_at = timezone.now() - timedelta(days=60)
    old.save()
    return other


def test_the_campaign_data_group_may_read_the_report():
    codenames = set(
        Group.objects.get(name="Campaign data").permissions.values_list("codename", flat=True)
    )
    assert "view_lettersent" in codenames
    assert not {"add_lettersent", "change_lettersent"} & codenames


def test_staff_see_counts_per_legislator_and_per_page(client, letters, letter_page):
    client.force_login(staff("data", group="Campaign data"))
    response = client.get(REPORT)
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 letters written, in every language." in html
    assert "<td>Representative Robin Denverson</td><td>CO-1</td><td>4</td>" in html
    assert "<td>Write to Congress</td><td>4</td>" in html
    assert "<td>Senate letter</td><td>2</td>" in html
    # A legislator who has left Congress keeps the count, under the name saved with it.
    assert "<td>Gone Senator</td><td>G000555</td><td>1</td>" in html
    assert "<td>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>" in html
    # The filters, labelled, with the chosen page kept in the export links.
    assert '<label class="w-field__label" for="letters-report-page">Letter page</label>' in html
    assert '<option value="">All letter pages</option>' in html
    assert 'for="letters-report-period">Period</label>' in html

    page_only = client.get(REPORT, {"page": str(letter_page.translation_key)}).content.decode()
    assert "4 letters written" in page_only and "Senate letter</td>" not in page_only
    assert f'<option value="{letter_page.translation_key}" selected>' in page_only
    assert f"?page={letter_page.translation_key}&amp;period=all&amp;export=csv" in page_only
    recent = client.get(REPORT, {"period": "30"}).content.decode()
    assert "5 letters written" in recent
    odd = client.get(REPORT, {"page": "<script>", "period": "x"})
    assert odd.status_code == 200 and "6 letters written" in odd.content.decode()


def test_the_csv_has_one_row_per_legislator_and_no_formula(client, letters):
    client.force_login(staff("data", group="Campaign data"))
    response = client.get(REPORT, {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="letters-per-legislator.csv"'
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)  # so that Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    key = "Legislator ID (Bioguide for Congress, Open States for state legislators)"
    assert list(rows[0]) == ["Legislator", "Seat", "Chamber", "Letters written", key]
    counts = {row[key]: row for row in rows}
    assert counts["G000555"]["Letters written"] == "1" and counts["G000555"]["Seat"] == ""
    assert counts["F000001"]["Legislator"] == '\'=HYPERLINK("http://x","y")'
    assert counts[rows[0][key]]["Seat"] == "CO-1"
    assert {row["Chamber"] for row in rows} <= {"Senate", "House of Representatives"}
    assert [row["Letters written"] for row in rows] == ["4", "1", "1"]


def test_editors_without_the_permission_neither_see_nor_download_it(client, letters):
    editor = staff("editor", group="Editors")
    client.force_login(editor)
    for params in ({}, {"export": "csv"}):
        response = client.get(REPORT, params)
        assert response.status_code in (302, 403)
        assert "attachment" not in response.get("Content-Disposition", "")
    assert "Letters written" not in client.get("/admin/").content.decode()
    client.force_login(staff("data", group="Campaign data"))
    assert REPORT in client.get("/admin/").content.decode()


def test_the_home_page_features_the_letter_with_its_count(client, home_page, letters, letter_page):
    html = client.get(home_page.url).content.decode()
    assert f'<a href="{letter_page.url}">Write to Congress</a>' in html
    assert "4 letters written" in html and "2 letters written" in html


def test_a_new_letter_page_is_featured_without_a_zero(client, home_page, letter_page):
    html = client.get(home_page.url).content.decode()
    assert f'<a href="{letter_page.url}">Write to Congress</a>' in html
    assert "letters written" not in html and "0 letter" not in html
