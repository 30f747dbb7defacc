"""Moderation at its edges: an edit of a live voice declined, a wall that lost its workflow, a
moderator whose address cannot be emailed, sample and demo voices that email nobody."""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from core.models.outbox import OutboundEmail
from testimonials.factories import (
    TestimonialIndexPageFactory,
    TestimonialPageFactory,
    VoiceSubmissionFactory,
)
from testimonials.models import VoiceSubmission
from testimonials.moderation import ensure_moderation, quietly, voice_workflow
from tests.testimonials.helpers import act, only_voice, submit, workflow_state_for

pytestmark = pytest.mark.django_db


def published_emails() -> int:
    return OutboundEmail.objects.filter(template="testimonials/emails/voice_published").count()


def test_declining_an_edit_of_a_live_voice_takes_the_voice_down(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(client, add_voice, capture=capture, quote="Zebracorn accountability now.")
    voice = only_voice()
    act(client, moderator, voice, "approve", capture=capture)
    voice.refresh_from_db()
    assert voice.live
    # An edit of the published voice goes back through moderation, and is declined.
    with capture(execute=True):
        voice.quote = "Something the campaign would not publish."
        voice.save_revision(user=moderator)
        voice.get_workflow().start(voice, user=moderator)
    act(client, moderator, voice, "decline", capture=capture, comment="Not ours.")
    voice.refresh_from_db()
    assert not voice.live
    assert "Zebracorn" not in client.get(wall.url).content.decode()
    submission = VoiceSubmission.objects.get(page=voice)
    assert (submission.status, submission.review_note) == (
        VoiceSubmission.Status.REJECTED,
        "Not ours.",
    )


def test_a_wall_that_lost_its_workflow_gets_it_back_when_a_voice_arrives(
    client, add_voice, wall, moderator, django_capture_on_commit_callbacks
):
    WorkflowPage.objects.filter(page=wall).delete()
    assert wall.get_workflow() != voice_workflow()  # the site's generic one, from the root
    submit(client, add_voice, capture=django_capture_on_commit_callbacks)
    assert Page.objects.get(pk=wall.pk).get_workflow() == voice_workflow()
    assert workflow_state_for(only_voice()).workflow == voice_workflow()
    assert OutboundEmail.objects.filter(
        template="testimonials/emails/voice_to_review", to_email=moderator.email
    ).exists()


def test_without_a_moderators_group_a_new_wall_still_gets_the_workflow(home_page):
    Group.objects.filter(name="Moderators").delete()
    wall = TestimonialIndexPageFactory(parent=home_page)
    ensure_moderation(wall)
    assert wall.get_workflow() == voice_workflow()
    assert not GroupPagePermission.objects.filter(page=wall).exists()


def test_a_moderator_whose_address_cannot_be_emailed_is_skipped_and_logged(
    client, add_voice, moderator, django_capture_on_commit_callbacks, caplog
):
    broken = get_user_model().objects.create_user("broken", email="not an address", password="pw")
    broken.groups.add(Group.objects.get(name="Moderators"))
    with caplog.at_level(logging.WARNING, logger="testimonials.moderation"):
        response = submit(client, add_voice, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    reviews = OutboundEmail.objects.filter(template="testimonials/emails/voice_to_review")
    assert list(reviews.values_list("to_email", flat=True)) == [moderator.email]
    assert f"Moderator {broken.pk} has an address we cannot email" in caplog.text


def test_publishing_a_sample_voice_emails_nobody(wall):
    voice = TestimonialPageFactory(parent=wall, is_sample=True, live=False)
    submission = VoiceSubmissionFactory(page=voice)
    voice.save_revision().publish()
    submission.refresh_from_db()
    assert submission.status == VoiceSubmission.Status.PUBLISHED
    assert published_emails() == 0


def test_voices_the_demo_publishes_quietly_email_nobody_and_stay_as_submitted(wall):
    voice = TestimonialPageFactory(parent=wall, is_sample=False, live=False)
    submission = VoiceSubmissionFactory(page=voice)
    with quietly():
        voice.save_revision().publish()
    submission.refresh_from_db()
    assert submission.published_notified_at is None
    assert published_emails() == 0
