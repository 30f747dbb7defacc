"""Staff in the "Campaign data" group see each legislator's call outcomes, per page and period,
and download them as CSV or XLSX; nobody else does."""

import csv
import io
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from openpyxl import load_workbook

from actions.demo.calls import SAMPLE_OUTCOMES, SAMPLE_SOURCE, sample_outcomes
from actions.factories import CallOutcomeFactory, CallPageFactory
from actions.models.calls import CallOutcome
from tests.actions.calls.helpers import look_up, press
from tests.actions.letters.test_letters_report import staff

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/calls/"


@pytest.fixture
def calls(call_page, home_page, congress):
    other = CallPageFactory(parent=home_page, slug="senate-calls", title="Senate calls")
    rep = congress["co-1"]
    for outcome in ("talked", "talked", "voicemail", "skipped"):
        CallOutcomeFactory(
            page=call_page, legislator_id=rep.pk, legislator_name=rep.full_name,
            chamber="house", district_key="CO-1", outcome=outcome,
        )  # fmt: skip
    CallOutcomeFactory(
        page=other, legislator_id="F000001", legislator_name='=HYPERLINK("http://x","y")',
        outcome="busy",
    )  # fmt: skip
    old = CallOutcomeFactory(page=other, legislator_id="G000555", legislator_name="Gone Senator")
    old.created_at = timezone.now() - timedelta(days=60)
    old.save()
    return other


def test_the_campaign_data_group_may_read_the_report():
    codenames = set(
        Group.objects.get(name="Campaign data").permissions.values_list("codename", flat=True)
    )
    assert "view_calloutcome" in codenames
    assert not {"add_calloutcome", "change_calloutcome"} & codenames


def test_staff_see_outcomes_per_legislator_and_page(client, calls, call_page):
    client.force_login(staff("analyst", "Campaign data"))
    html = client.get(REPORT).content.decode()
    assert "6 calls reported, in every language." in html
    assert '<label class="w-field__label" for="calls-report-page">Call page</label>' in html
    assert '<option value="">All call pages</option>' in html
    assert (
        "<tr><td>Robin Denverson</td><td>CO-1</td><td>2</td><td>1</td><td>0</td><td>1</td>"
        "<td>4</td></tr>" in html
    )
    assert "<tr><td>Call Congress</td><td>2</td><td>1</td><td>0</td><td>1</td><td>4</td>" in html
    recent = client.get(REPORT, {"period": "7", "page": str(calls.translation_key)})
    assert "1 call reported" in recent.content.decode()
    assert "Gone Senator" not in recent.content.decode()


def test_the_downloads_have_one_row_per_legislator_and_no_formula(client, calls):
    client.force_login(staff("analyst", "Campaign data"))
    response = client.get(REPORT, {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="calls-per-legislator.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Legislator", "Seat", "Chamber", "Talked to staff", "Left a voicemail",
        "Line busy or mailbox full", "Skipped", "Calls reported",
        "Legislator ID (Bioguide for Congress, Open States for state legislators)",
    ]  # fmt: skip
    assert rows[1][:8] == [
        "Robin Denverson",
        "CO-1",
        "House of Representatives",
        "2",
        "1",
        "0",
        "1",
        "4",
    ]
    assert [r[0] for r in rows if "HYPERLINK" in r[0]] == ['\'=HYPERLINK("http://x","y")']

    response = client.get(REPORT, {"export": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="calls-per-legislator.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][:8] == ["Robin Denverson", "CO-1", "House of Representatives", 2, 1, 0, 1, 4]


def test_editors_without_the_permission_neither_see_nor_download_it(client, calls):
    client.force_login(staff("editor", group="Editors"))
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(REPORT, params)
        assert response.status_code in (302, 403)
        assert "attachment" not in response.get("Content-Disposition", "")
    assert REPORT not in client.get("/admin/").content.decode()
    client.force_login(staff("data", group="Campaign data"))
    assert REPORT in client.get("/admin/").content.decode()


def test_a_call_through_shows_in_the_report(client, call_page, congress):
    """The journey the issue names: three outcomes posted with JS off, then the staff report."""
    response = look_up(client, call_page)
    for outcome in ("talked", "voicemail", "busy"):
        response = press(client, call_page, response, outcome)
    client.force_login(staff("analyst", "Campaign data"))
    html = client.get(REPORT).content.decode()
    assert "3 calls reported" in html
    for name in ("Sam Coloradan", "Sam Rockies", "Robin Denverson"):
        assert f"<td>{name}</td>" in html


def test_the_demo_adds_sample_outcomes_once_marked_as_samples(call_page, congress):
    sample_outcomes(call_page, StringIO())
    sample_outcomes(call_page, StringIO())
    rows = CallOutcome.objects.filter(action_key=call_page.translation_key)
    assert rows.count() == 3 * sum(SAMPLE_OUTCOMES)
    assert set(rows.values_list("source", flat=True)) == {SAMPLE_SOURCE}
    assert set(rows.values_list("district_key", flat=True)) == {"CO", "CO-1"}
