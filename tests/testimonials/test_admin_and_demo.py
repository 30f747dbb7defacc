"""Staff's side: the submissions listing (read-only, with archive for rejected voices), Wagtail's
own workflow emails still sent for other pages, and the demo's sample voices."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from home.factories import StandardPageFactory
from testimonials.models import TestimonialIndexPage, TestimonialPage, VoiceSubmission
from testimonials.moderation import voice_workflow
from tests.testimonials.helpers import act, only_voice, submit

pytestmark = pytest.mark.django_db


def test_moderators_list_and_inspect_submissions_but_cannot_edit_or_delete(
    client, add_voice, moderator
):
    submit(client, add_voice, email="listed@example.org")
    submission = VoiceSubmission.objects.get()
    client.force_login(moderator)
    listing = client.get(reverse("voice_submissions:index")).content.decode()
    assert "listed@example.org" in listing
    inspect = client.get(reverse("voice_submissions:inspect", args=[submission.pk]))
    assert inspect.status_code == 200 and "publish my words" in inspect.content.decode()
    for view in ("edit", "delete"):
        response = client.get(reverse(f"voice_submissions:{view}", args=[submission.pk]))
        assert response.status_code in (302, 403)
    assert VoiceSubmission.objects.filter(pk=submission.pk).exists()


def test_people_without_the_permission_see_no_submissions(client, add_voice):
    submit(client, add_voice)
    editor = get_user_model().objects.create_user("editor", password="pw")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("voice_submissions:index"))
    assert response.status_code in (302, 403)


def test_a_rejected_voice_can_be_archived_which_erases_the_email(
    client, add_voice, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, add_voice, capture=capture)
    voice = only_voice()
    submission = VoiceSubmission.objects.get()
    client.force_login(moderator)
    url = reverse("voice_submissions:archive", args=[submission.pk])
    assert client.get(url).status_code != 200  # only rejected voices are archived (404)
    act(client, moderator, voice, "decline", capture=capture)
    client.force_login(moderator)
    assert "Archive" in client.get(reverse("voice_submissions:index")).content.decode()
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    submission.refresh_from_db()
    assert submission.status == VoiceSubmission.Status.ARCHIVED
    assert submission.email == "" and submission.archived_at is not None
    voice.refresh_from_db()
    assert not voice.live
    assert not voice.permissions_for_user(moderator).can_publish()


def test_wagtails_own_workflow_emails_still_go_out_for_other_pages(home_page, moderator):
    page = StandardPageFactory(parent=home_page)
    workflow = voice_workflow()  # any workflow with a group approval task will do
    mail.outbox.clear()
    page.save_revision()
    WorkflowState.objects.filter(object_id=str(page.pk)).delete()
    workflow.start(page, user=None)
    assert any("moderator@example.org" in message.to for message in mail.outbox)


def test_the_demo_has_twenty_two_sample_voices_three_waiting_for_moderation(demo_site, client):
    samples = TestimonialPage.objects.filter(is_sample=True, locale__language_code__in=["en", "es"])
    originals = [voice for voice in samples if voice.language == voice.locale.language_code]
    assert len(originals) == 22
    # Two from Denver carry the ZIP code the demo's constituent packet (CO-1) reads.
    assert set(
        VoiceSubmission.objects.filter(zip_code="80202", status="published").values_list(
            "page__is_sample", "page__state_code"
        )
    ) == {(True, "CO")}
    assert all(voice.is_sample for voice in samples)
    assert len({voice.category for voice in originals}) == 7
    assert len({voice.state_code for voice in originals}) >= 15
    assert (
        TestimonialPage.objects.filter(live=True, state_code="TX").count() == 6
    )  # 3 voices, 2 languages
    waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert waiting.count() == 3
    queued = TestimonialPage.objects.filter(live=False)
    assert {voice.locale.language_code for voice in queued} == {"en", "es"}
    for wall in TestimonialIndexPage.objects.all():
        assert wall.get_workflow() == voice_workflow()
    from core.models.outbox import OutboundEmail

    assert OutboundEmail.objects.count() == 0  # samples email nobody
    home_en = client.get("/en/").content.decode()
    home_es = client.get("/es/").content.decode()
    assert "Voices from Texas" in home_en and "Voces de Texas" in home_es
    assert "Sample voice" in home_en and "Voz de ejemplo" in home_es
