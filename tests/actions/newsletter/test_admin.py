"""Staff list, filter and export subscribers with a permission of their own; exports cannot carry
spreadsheet formulas; nobody types subscribers or outbox rows in by hand."""

import codecs
import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from openpyxl import load_workbook

from actions.factories import SubscriberFactory
from actions.models import Subscriber
from core.models.outbox import OutboundEmail

pytestmark = pytest.mark.django_db

LIST = "/admin/subscriber/"


def staff(username: str, *permissions: str, group: str | None = None):
    user = get_user_model().objects.create_user(username, password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def subscribers():
    SubscriberFactory(email="ana@example.org", language="en", status=Subscriber.Status.SUBSCRIBED)
    SubscriberFactory(email="luz@example.org", language="es", status=Subscriber.Status.PENDING)
    SubscriberFactory(
        email="evil@example.org",
        first_name='=HYPERLINK("http://evil.example","click")',
        status=Subscriber.Status.SUBSCRIBED,
    )


def test_the_campaign_data_group_can_view_and_export():
    group = Group.objects.get(name="Campaign data")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_subscriber", "export_subscriber", "access_admin"} <= codenames
    assert not {"add_subscriber", "change_subscriber"} & codenames


@pytest.mark.indexes
def test_campaign_data_staff_filter_search_and_export_csv(client, subscribers):
    client.force_login(staff("data", group="Campaign data"))
    listing = client.get(LIST)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "ana@example.org" in html and "Export CSV" in html and "Export to Excel" in html

    spanish = client.get(LIST, {"language": "es"}).content.decode()
    assert "luz@example.org" in spanish and "ana@example.org" not in spanish
    pending = client.get(LIST, {"status": "pending"}).content.decode()
    assert "luz@example.org" in pending and "ana@example.org" not in pending
    assert "luz@example.org" in client.get(LIST, {"q": "luz"}).content.decode()

    response = client.get(LIST, {"export": "csv", "status": "subscribed"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)  # so that Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {row["Email"] for row in rows} == {"ana@example.org", "evil@example.org"}
    evil = next(row for row in rows if row["Email"] == "evil@example.org")
    assert evil["First name"].startswith("'=HYPERLINK")
    assert "Consent text shown" in rows[0]
    assert {row["Language"] for row in rows} <= {"English", "Español"}
    assert {row["Status"] for row in rows} <= {
        "Waiting for confirmation",
        "Subscribed",
        "Unsubscribed",
    }


def test_xlsx_export_keeps_formulas_as_text(client, subscribers):
    client.force_login(staff("data", group="Campaign data"))
    response = client.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "ana@example.org" in values
    formula_cells = [v for v in values if isinstance(v, str) and "HYPERLINK" in v]
    assert formula_cells and all(v.startswith("'") for v in formula_cells)


def test_viewing_without_the_export_permission_cannot_export(client, subscribers):
    client.force_login(staff("viewer", "view_subscriber"))
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "Export CSV" not in listing.content.decode()
    for export in ("csv", "xlsx"):
        response = client.get(LIST, {"export": export})
        # Wagtail's admin answers a permission error with a redirect and a message.
        assert response.status_code in (302, 403)
        assert "attachment" not in response.get("Content-Disposition", "")


def test_staff_without_permission_cannot_see_subscribers(client, subscribers):
    client.force_login(staff("editor"))
    response = client.get(LIST)
    assert response.status_code in (302, 403)
    assert b"ana@example.org" not in response.content


def test_nobody_adds_or_edits_subscribers_or_outbox_rows_by_hand(client, admin_user, subscribers):
    client.force_login(admin_user)
    assert client.get(LIST).status_code == 200
    assert client.get(f"{LIST}new/").status_code in (302, 403)
    subscriber = Subscriber.objects.first()
    assert client.get(f"{LIST}edit/{subscriber.pk}/").status_code in (302, 403)
    assert client.get(f"{LIST}inspect/{subscriber.pk}/").status_code == 200

    email = OutboundEmail.objects.create(
        idempotency_key="k",
        to_email="ana@example.org",
        template="home/emails/notice",
        language="en",
        next_attempt_at="2026-01-01T00:00:00Z",
        status=OutboundEmail.Status.FAILED,
        last_error="TimeoutError: timed out",
    )
    outbox = client.get("/admin/outboundemail/", {"status": "failed"})
    assert outbox.status_code == 200 and "ana@example.org" in outbox.content.decode()
    assert client.get(f"/admin/outboundemail/inspect/{email.pk}/").status_code == 200
    assert client.get("/admin/outboundemail/new/").status_code in (302, 403)
    assert client.get("/admin/suppression/").status_code == 200
