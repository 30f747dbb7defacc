"""A voice from the form to the wall: one draft in the "Voice moderation" workflow, hidden until a
moderator approves it, emails in the submitter's language, rejection for good."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, Revision, WorkflowState

from core.models.outbox import OutboundEmail
from testimonials.models import TestimonialPage, VoiceModerationTask, VoiceSubmission
from testimonials.moderation import voice_workflow
from tests.testimonials.helpers import act, only_voice, submit, workflow_state_for

pytestmark = [pytest.mark.django_db, pytest.mark.indexes]


def test_the_migration_creates_the_workflow_for_the_moderators_group():
    workflow = voice_workflow()
    assert workflow is not None and workflow.name == "Voice moderation"
    [task] = [task.specific for task in workflow.tasks]
    assert isinstance(task, VoiceModerationTask)
    assert [group.name for group in task.groups.all()] == ["Moderators"]


def test_every_wall_gets_the_workflow_in_every_language(wall, spanish_wall):
    assert wall.get_workflow() == voice_workflow()
    assert spanish_wall.get_workflow() == voice_workflow()


def test_a_submission_creates_exactly_one_draft_in_the_workflow(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    pages_before = Page.objects.count()
    response = submit(client, add_voice, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"].endswith("/en/add-your-voice/?thanks=1")
    assert Page.objects.count() == pages_before + 1
    voice = only_voice()
    assert voice.get_parent().pk == wall.pk
    assert not voice.live and voice.has_unpublished_changes
    assert Revision.objects.filter(object_id=str(voice.pk)).count() == 1
    state = workflow_state_for(voice)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == voice_workflow()
    assert state.requested_by is None
    assert (voice.name, voice.city, voice.state_code, voice.language) == (
        "Ana López",
        "Austin",
        "TX",
        "en",
    )
    submission = voice.submission
    assert submission.email == "ana@example.org"
    assert submission.status == VoiceSubmission.Status.PENDING
    assert "publish my words" in submission.consent_text


def test_the_thank_you_page_is_clear(client, add_voice):
    html = client.get(add_voice.url + "?thanks=1").content.decode()
    assert add_voice.thank_you_heading in html
    assert add_voice.thank_you_text in html
    assert "<form" not in html.split('<main id="main"', 1)[1].split("</main>")[0]


def test_the_submitter_and_each_moderator_are_emailed_once_through_the_outbox(
    client, add_voice, moderator, admin_user, django_capture_on_commit_callbacks
):
    submit(client, add_voice, capture=django_capture_on_commit_callbacks)
    rows = OutboundEmail.objects.order_by("to_email")
    assert [(row.to_email, row.template.rsplit("/", 1)[-1]) for row in rows] == [
        ("admin@example.com", "voice_to_review"),
        ("ana@example.org", "voice_received"),
        ("moderator@example.org", "voice_to_review"),
    ]
    assert {row.status for row in rows} == {OutboundEmail.Status.SENT}
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3  # Wagtail's own workflow emails are not sent for voices
    received = by_recipient["ana@example.org"]
    assert received.subject.startswith("We received your voice")
    assert "No one should be above the law." in received.body
    review = by_recipient["moderator@example.org"]
    voice = only_voice()
    assert f"http://testserver/admin/pages/{voice.pk}/edit/" in review.body
    assert "ana@example.org" not in review.body  # moderators see it in the admin, not by email


def test_a_draft_is_absent_from_the_wall_search_sitemap_and_its_own_url(
    client, add_voice, wall, django_capture_on_commit_callbacks
):
    submit(client, add_voice, quote="Zebracorn accountability now.")
    voice = only_voice()
    assert "Zebracorn" not in client.get(wall.url).content.decode()
    search = client.get("/en/search/", {"q": "Zebracorn"}).content.decode()
    assert "0 results" in search and voice.slug not in search
    assert voice.url_path.split("/")[-2] not in client.get("/sitemap.xml").content.decode()
    assert client.get(f"/en/voices/{voice.slug}/").status_code == 404
    # No public API is installed: nothing lists pages as JSON.
    assert client.get("/api/v2/pages/", follow=True).status_code == 404


def test_approving_publishes_and_emails_the_submitter(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, add_voice, capture=capture, quote="Zebracorn accountability now.")
    voice = only_voice()
    mail.outbox.clear()
    response = act(client, moderator, voice, "approve", capture=capture)
    assert response.status_code == 302
    voice.refresh_from_db()
    assert voice.live
    assert workflow_state_for(voice).status == WorkflowState.STATUS_APPROVED
    assert "Zebracorn" in client.get(wall.url).content.decode()
    assert client.get(f"/en/voices/{voice.slug}/").status_code == 200
    assert voice.slug in client.get("/en/search/", {"q": "Zebracorn"}).content.decode()
    assert voice.slug in client.get("/sitemap.xml").content.decode()
    [published] = mail.outbox
    assert published.to == ["ana@example.org"]
    assert published.subject.startswith("Your voice is on the wall")
    assert f"http://testserver/en/voices/{voice.slug}/" in published.body
    submission = VoiceSubmission.objects.get(page=voice)
    assert submission.status == VoiceSubmission.Status.PUBLISHED
    assert submission.published_notified_at is not None


def test_publishing_again_does_not_email_again(
    client, add_voice, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, add_voice, capture=capture)
    voice = only_voice()
    act(client, moderator, voice, "approve", capture=capture)
    mail.outbox.clear()
    with capture(execute=True):
        voice.refresh_from_db()
        voice.save_revision().publish()
    assert mail.outbox == []
    assert OutboundEmail.objects.filter(template__endswith="voice_published").count() == 1


def test_requesting_changes_keeps_it_hidden_until_resubmitted_and_approved(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, add_voice, capture=capture, quote="Zebracorn accountability now.")
    voice = only_voice()
    act(client, moderator, voice, "reject", capture=capture, comment="Please fix the city.")
    voice.refresh_from_db()
    assert not voice.live
    assert workflow_state_for(voice).status == WorkflowState.STATUS_NEEDS_CHANGES
    submission = VoiceSubmission.objects.get(page=voice)
    assert submission.status == VoiceSubmission.Status.CHANGES_REQUESTED
    assert submission.review_note == "Please fix the city."
    assert "Zebracorn" not in client.get(wall.url).content.decode()
    # The moderator edits and resubmits; the voice is pending again, then approved.
    state = workflow_state_for(voice)
    with capture(execute=True):
        voice.city = "Houston"
        voice.save_revision()
        state.resume(user=moderator)
    assert VoiceSubmission.objects.get(page=voice).status == VoiceSubmission.Status.PENDING
    act(client, moderator, voice, "approve", capture=capture)
    voice.refresh_from_db()
    assert voice.live and voice.city == "Houston"


def test_rejecting_for_good_keeps_it_hidden_and_unpublishable(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, add_voice, capture=capture, quote="Zebracorn accountability now.")
    voice = only_voice()
    mail.outbox.clear()
    response = act(client, moderator, voice, "decline", capture=capture, comment="Off topic.")
    assert response.status_code == 302
    voice.refresh_from_db()
    assert not voice.live
    assert workflow_state_for(voice).status == WorkflowState.STATUS_CANCELLED
    submission = VoiceSubmission.objects.get(page=voice)
    assert submission.status == VoiceSubmission.Status.REJECTED
    assert submission.reviewed_by == moderator and submission.review_note == "Off topic."
    assert mail.outbox == []
    assert "Zebracorn" not in client.get(wall.url).content.decode()
    # Nobody can publish it or send it back into moderation, not even a superuser...
    permissions = voice.permissions_for_user(moderator)
    assert not permissions.can_publish() and not permissions.can_submit_for_moderation()
    # ...and publishing it in code is refused before anything changes.
    with pytest.raises(Exception, match="rejected"):
        voice.save_revision().publish()
    voice.refresh_from_db()
    assert not voice.live


def test_the_decline_action_is_offered_to_moderators_only(client, add_voice, moderator):
    submit(client, add_voice)
    voice = only_voice()
    task = workflow_state_for(voice).current_task_state.task.specific
    assert "decline" in [name for name, _label, _modal in task.get_actions(voice, moderator)]
    from django.contrib.auth import get_user_model

    stranger = get_user_model().objects.create_user("stranger", password="pw")
    assert task.get_actions(voice, stranger) == []


def test_moderators_see_the_voice_in_their_dashboard(client, add_voice, moderator):
    submit(client, add_voice, name="Dashboard Dana")
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Dashboard Dana" in html


def test_the_edit_page_shows_the_private_submission_panel(client, add_voice, moderator):
    submit(client, add_voice)
    voice = only_voice()
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[voice.pk])).content.decode()
    assert "ana@example.org" in html
    assert "Submission (private)" in html


def test_a_voice_with_no_wall_in_its_language_is_refused_clearly(client, add_voice, wall):
    TestimonialPage.objects.all().delete()
    wall.delete()
    response = submit(client, add_voice)
    assert response.status_code == 200
    assert "Voices cannot be added right now" in response.content.decode()
    assert VoiceSubmission.objects.count() == 0


def test_the_form_and_the_wall_are_served_from_the_page_cache(client, add_voice, wall, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    for url in (add_voice.url, wall.url, wall.url + "?state=TX", add_voice.url + "?thanks=1"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    cache.clear()


def test_the_submitters_email_and_typed_name_are_never_public(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, add_voice, capture=capture, name="Ana Secret-Surname", name_shown="first")
    voice = only_voice()
    act(client, moderator, voice, "approve", capture=capture)
    voice.refresh_from_db()
    assert voice.live and voice.name == "Ana" and voice.title == "Ana, Nurse"
    pages = [
        client.get(url).content.decode()
        for url in (
            wall.url,
            voice.url,
            "/sitemap.xml",
            "/en/search/?q=Nurse",
        )
    ]
    assert "0 results" in client.get("/en/search/", {"q": "Secret-Surname"}).content.decode()
    assert voice.slug in pages[3]  # search does find the voice...
    for html in pages:
        assert "ana@example.org" not in html  # ...but never the email
        assert "Secret-Surname" not in html
    assert "Secret-Surname" not in str(voice.get_latest_revision().content)
