"""An editor without the data permission opening submissions or exports: every listing, record,
export and the erasure tools answer with a redirect or 403, and no supporter's data appears.
Only "Campaign data" (and superusers) read signatures, subscribers, emails and the erasure log;
moderators read voice submissions and nothing else. (Listing-level checks per app live beside
each app: tests/actions/petitions/test_petition_admin.py, tests/actions/newsletter/test_admin.py,
tests/testimonials/test_admin_and_demo.py; this covers every door at once, records and XLSX too.)"""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from actions.models import Signature, Subscriber
from core.models import ErasureRequest
from core.models.outbox import OutboundEmail, Suppression
from core.privacy import hash_email
from testimonials.models import VoiceSubmission

pytestmark = pytest.mark.django_db

SECRET = "private.supporter@example.org"


@pytest.fixture
def data(client, forms, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        forms["petition"].post(client, email=SECRET, ip="203.0.113.50")
        forms["newsletter"].post(client, email=SECRET, ip="203.0.113.51")
        forms["voice"].post(client, email=SECRET, ip="203.0.113.52")
    Suppression.objects.create(email=SECRET, reason=Suppression.Reason.BOUNCED)
    ErasureRequest.objects.create(email_hash=hash_email(SECRET), reference="Ticket 7")
    return {
        "signature": Signature.objects.get().pk,
        "subscriber": Subscriber.objects.get().pk,
        "voice_submissions": VoiceSubmission.objects.get().pk,
        "outboundemail": OutboundEmail.objects.filter(to_email=SECRET).first().pk,
        "suppression": Suppression.objects.get().pk,
        "erasure_requests": ErasureRequest.objects.get().pk,
    }


def doors(pks: dict) -> list[str]:
    urls = []
    for name, pk in pks.items():
        urls += [f"/admin/{name}/", f"/admin/{name}/inspect/{pk}/"]
    for name in ("signature", "subscriber"):
        urls += [f"/admin/{name}/?export=csv", f"/admin/{name}/?export=xlsx"]
    urls += ["/admin/erasure_requests/erase/", f"/admin/suppression/edit/{pks['suppression']}/"]
    return urls


def assert_shut(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (302, 403), url
    assert "attachment" not in response.get("Content-Disposition", ""), url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET.encode() not in body, url
    assert b"Ticket 7" not in body, url


def test_an_editor_who_edits_the_petition_opens_no_data(client, data, editor, forms):
    petition = forms["petition"]
    from actions.models import PetitionPage

    page = PetitionPage.objects.get(url_path__endswith="/petition/")
    GroupPagePermission.objects.get_or_create(
        group=Group.objects.get(name="Editors"),
        page=page,
        permission=Permission.objects.get(codename="change_page"),
    )
    client.force_login(editor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200  # an editor indeed
    for url in doors(data):
        assert_shut(client, url)
    dashboard = client.get("/admin/").content.decode()
    assert SECRET not in dashboard and "Signatures per day" not in dashboard
    assert petition.saved() > 0


def test_a_moderator_reads_voice_submissions_and_nothing_else(client, data, moderator):
    moderator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(moderator)
    voices = {"voice_submissions": data["voice_submissions"]}
    assert client.get("/admin/voice_submissions/").status_code == 200
    for url in doors({k: v for k, v in data.items() if k not in voices}):
        if "/voice_submissions/" not in url:
            assert_shut(client, url)


def test_campaign_data_staff_open_the_supporters_data_and_the_erasure_tools(
    client, data, data_staff
):
    client.force_login(data_staff)
    theirs = ("/signature/", "/subscriber/", "/erasure_requests/")
    for url in doors(data):
        if any(part in url for part in theirs):
            assert client.get(url).status_code == 200, url
        else:  # the outbox and suppressions are the administrators'; voices the moderators'
            assert_shut(client, url)
