"""Staff and signatures: only the "Campaign data" group lists, filters and exports them (CSV and
XLSX, formulas neutralised); editors of the page cannot; the dashboard charts the last 30 days
per day, per action and per source."""

import codecs
import csv
import io
import re
from datetime import date, datetime, time, timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from actions.dashboard import bars, signatures_per_day
from actions.factories import OrganizationFactory, PledgePageFactory, SignatureFactory
from actions.models import Signature
from core.us_states import state_name

pytestmark = pytest.mark.django_db

LIST = "/admin/signature/"


def staff(username: str, group: str | None = None):
    user = get_user_model().objects.create_user(username, password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def signatures(petition, home_page):
    pledge = PledgePageFactory(parent=home_page, slug="pledge", title="The pledge")
    SignatureFactory(action=petition, email="ana@example.org", source="partner-1")
    SignatureFactory(action=petition, email="luz@example.org", language="es")
    SignatureFactory(
        action=petition,
        email="evil@example.org",
        first_name='=HYPERLINK("http://evil.example","click")',
        last_name="<script>alert(1)</script>",
    )
    SignatureFactory(action=pledge, email="pledger@example.org", source="partner-1")
    old = SignatureFactory(action=petition, email="old@example.org")
    old.created_at = timezone.now() - timedelta(days=60)
    old.save()
    return pledge


def test_the_campaign_data_group_holds_view_and_export_and_nothing_else():
    codenames = set(
        Group.objects.get(name="Campaign data").permissions.values_list("codename", flat=True)
    )
    assert {"view_signature", "export_signature"} <= codenames
    assert not {"add_signature", "change_signature"} & codenames


def test_campaign_data_staff_filter_and_export_csv(client, signatures, petition):
    client.force_login(staff("data", group="Campaign data"))
    html = client.get(LIST).content.decode()
    assert "ana@example.org" in html
    # The exports are labelled buttons beside the title, not items of the "⋯" menu.
    header = html[html.index("<header") : html.index("</header>")]
    assert re.search(
        r'<a [^>]*href="[^"]*export=xlsx[^"]*"[^>]*>[^<]*(<svg.*?</svg>)?\s*Export to Excel',
        header,
        re.S,
    )
    assert re.search(
        r'<a [^>]*href="[^"]*export=csv[^"]*"[^>]*>[^<]*(<svg.*?</svg>)?\s*Export CSV', header, re.S
    )
    assert "Download CSV" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html

    def emails(**filters) -> set[str]:
        page = client.get(LIST, filters).content.decode()
        return {e for e in ("ana", "luz", "evil", "pledger", "old") if f"{e}@example.org" in page}

    assert emails(action_key=str(petition.translation_key)) == {"ana", "luz", "evil", "old"}
    assert emails(action_key=str(signatures.translation_key)) == {"pledger"}
    assert emails(language="es") == {"luz"}
    assert emails(source="partner-1") == {"ana", "pledger"}
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert emails(created_at_from=since) == {"ana", "luz", "evil", "pledger"}

    response = client.get(LIST, {"export": "csv", "source": "partner-1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)  # so that Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {row["Email"] for row in rows} == {"ana@example.org", "pledger@example.org"}
    zone = settings.TIME_ZONE
    assert list(rows[0]) == [
        f"Signed at ({zone} time)",
        "Action (the page signed, in its language)",
        "First name",
        "Last name",
        "Email",
        "ZIP code",
        "State",
        "Country",
        "Language",
        "Source",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "Shown publicly",
        "Newsletter opt-in",
        "Consent text shown",
    ]
    ana = next(row for row in rows if row["Email"] == "ana@example.org")
    signature = Signature.objects.get(email="ana@example.org")
    # Local time to the minute, as the listing shows it; names, not codes; the action's title.
    assert ana[f"Signed at ({zone} time)"] == timezone.localtime(signature.created_at).strftime(
        "%Y-%m-%d %H:%M"
    )
    assert ana["Action (the page signed, in its language)"] == signature.action.title
    assert ana["State"] == state_name(signature.state)
    assert ana["Language"] == "English" and ana["Country"] == "United States"
    assert ana["Shown publicly"] in {"Yes", "No"}


def test_xlsx_export_keeps_formulas_and_script_as_plain_text(client, signatures):
    client.force_login(staff("data", group="Campaign data"))
    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "pledger@example.org" in values
    # Real date cells, in local time to the minute.
    signed_at = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(v, datetime) and v.second == v.microsecond == 0 for v in signed_at)
    newest = Signature.objects.order_by("-created_at").first().created_at
    assert max(signed_at) == timezone.localtime(newest).replace(
        tzinfo=None, second=0, microsecond=0
    )
    assert '\'=HYPERLINK("http://evil.example","click")' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert "<script>alert(1)</script>" in values  # text in a cell, never run


def test_an_editor_who_can_edit_the_petition_cannot_see_signatures(client, signatures, petition):
    editor = staff("editor", group="Editors")
    GroupPagePermission.objects.get_or_create(
        group=Group.objects.get(name="Editors"),
        page=petition,
        permission=Permission.objects.get(codename="change_page"),
    )
    client.force_login(editor)
    assert client.get(f"/admin/pages/{petition.pk}/edit/").status_code == 200
    response = client.get(LIST)
    assert response.status_code in (302, 403)
    assert b"ana@example.org" not in response.content
    export = client.get(LIST, {"export": "csv"})
    assert "attachment" not in export.get("Content-Disposition", "")
    assert b"Signatures per day" not in client.get("/admin/").content


def test_viewing_without_the_export_permission_cannot_export(client, signatures):
    viewer = staff("viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_signature"))
    client.force_login(viewer)
    listing = client.get(LIST)
    assert listing.status_code == 200 and "Export CSV" not in listing.content.decode()
    for export in ("csv", "xlsx"):
        response = client.get(LIST, {"export": export})
        assert response.status_code in (302, 403)
        assert "attachment" not in response.get("Content-Disposition", "")


def test_nobody_adds_or_edits_signatures_by_hand(client, admin_user, signatures):
    client.force_login(admin_user)
    assert client.get(f"{LIST}new/").status_code in (302, 403)
    from actions.models import Signature

    signature = Signature.objects.first()
    assert client.get(f"{LIST}edit/{signature.pk}/").status_code in (302, 403)
    assert client.get(f"{LIST}inspect/{signature.pk}/").status_code == 200


def test_the_dashboard_charts_30_days_per_action_and_per_source(client, signatures, petition):
    OrganizationFactory(name="Partner One", source_code="partner-1")
    client.force_login(staff("data", group="Campaign data"))
    html = client.get("/admin/").content.decode()
    assert '<svg role="img" aria-labelledby="signatures-chart-title signatures-chart-desc"' in html
    assert "4 signatures in the last 30 days" in html  # the 60-day-old one is outside
    assert html.count("<rect ") == 30
    assert "The figures, day by day" in html
    per_action = html.split("Per action, all languages", 1)[1]
    assert "<td>End qualified immunity</td><td>4</td>" in per_action
    assert "<td>The pledge</td><td>1</td>" in per_action
    per_source = html.split("Per source", 1)[1]
    # No utm_* tags on these signatures: their two columns are empty.
    assert "<td>partner-1</td><td></td><td></td><td>Partner One</td><td>2</td>" in per_source


def _signed_at(petition, moment: datetime) -> None:
    signature = SignatureFactory(action=petition)
    signature.created_at = moment
    signature.save()


def test_the_chart_has_one_bar_per_day_scaled_to_the_busiest(petition):
    # Calendar days at local noon, not "now minus 24 h × n": thirty days can span a change of
    # clocks, and the chart counts the campaign's calendar days.
    today = timezone.localdate()
    for days_ago, n in ((0, 4), (2, 2), (29, 1)):
        for _ in range(n):
            _signed_at(
                petition,
                timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(12))),
            )
    series = signatures_per_day(today)
    assert len(series) == 30 and series[-1] == (today, 4) and series[0][1] == 1
    assert sum(n for _day, n in series) == 7
    chart = bars(series)
    assert chart[-1].height == max(bar.height for bar in chart) > chart[-3].height > 0
    assert chart[1].height == 0


def test_the_chart_counts_local_days_across_a_change_of_clocks(petition, settings):
    # New York's clocks went back on 1 November 2026, so that day had 25 hours. A signature
    # late on the evening of 31 October is already 1 November in UTC; the chart counts the
    # campaign's own calendar days, and the window's first day is 31 October.
    settings.TIME_ZONE = "America/New_York"
    new_york = timezone.get_current_timezone()
    timezone.activate(new_york)
    try:
        _signed_at(petition, datetime(2026, 10, 31, 23, 30, tzinfo=new_york))
        _signed_at(petition, datetime(2026, 11, 2, 0, 15, tzinfo=new_york))
        _signed_at(petition, datetime(2026, 11, 1, 23, 59, tzinfo=new_york))
        series = dict(signatures_per_day(date(2026, 11, 29)))
    finally:
        timezone.deactivate()
    assert series[date(2026, 10, 31)] == 1
    assert series[date(2026, 11, 1)] == 1
    assert series[date(2026, 11, 2)] == 1
    assert sum(series.values()) == 3


def test_editors_manage_organizations_and_action_pages_in_the_admin(client, admin_user, home_page):
    organization = OrganizationFactory(name="Partner One", source_code="partner-1")
    client.force_login(admin_user)
    listing = client.get("/admin/snippets/actions/organization/")
    assert listing.status_code == 200 and "Partner One" in listing.content.decode()
    edit = client.get(f"/admin/snippets/actions/organization/edit/{organization.pk}/")
    assert edit.status_code == 200
    for model in ("petitionpage", "pledgepage"):
        form = client.get(f"/admin/pages/add/actions/{model}/{home_page.pk}/")
        assert form.status_code == 200
        assert "participating_organizations" in form.content.decode()


def test_a_staffer_whose_admin_is_in_spanish_gets_spanish_buttons_and_headings(
    client, signatures, petition
):
    user = staff("datos", group="Campaign data")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(user)
    html = client.get(LIST).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert "Exportar CSV" in header and "Exportar a Excel" in header
    content = b"".join(client.get(LIST, {"export": "csv"}).streaming_content)
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    zone = settings.TIME_ZONE
    assert f"Firmada el (hora de {zone})" in rows[0]
    assert "Acción (la página firmada, en su idioma)" in rows[0]
    ana = next(row for row in rows if row["Correo electrónico"] == "ana@example.org")
    assert ana["Acción (la página firmada, en su idioma)"] == petition.title
    assert ana["País"] == "Estados Unidos" and ana["Visible al público"] in {"Sí", "No"}
