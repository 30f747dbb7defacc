"""A voice may carry a ZIP code (issue 23, item 2): optional, never published, kept beside the
email on the private submission, so that the voice can reach its district's packet."""

import pytest

from testimonials.models import VoiceSubmission
from testimonials.moderation import archive
from tests.testimonials.helpers import only_voice, submit

pytestmark = pytest.mark.django_db


def test_a_zip_code_is_kept_privately_and_zip_plus_four_as_five_digits(client, add_voice):
    response = submit(client, add_voice, zip_code="80202-1234")
    assert response.status_code == 302  # to the thank-you
    voice = only_voice()
    assert VoiceSubmission.objects.get(page=voice).zip_code == "80202"
    assert "80202" not in str(voice.get_latest_revision().content)


def test_the_zip_code_is_optional(client, add_voice):
    submit(client, add_voice)
    assert VoiceSubmission.objects.get().zip_code == ""


def test_a_malformed_zip_code_is_explained_beside_the_field_and_kept(client, add_voice):
    html = submit(client, add_voice, zip_code="8020").content.decode()
    assert "Enter a ZIP code of five digits, like 20515." in html
    assert 'value="8020"' in html
    assert not VoiceSubmission.objects.exists()


def test_the_form_says_the_zip_code_is_never_published(client, add_voice):
    html = client.get(add_voice.url).content.decode()
    assert "ZIP code (optional)" in html and "Never published." in html


def test_archiving_a_rejected_voice_erases_its_zip_code(client, add_voice):
    submit(client, add_voice, zip_code="80202")
    submission = VoiceSubmission.objects.get()
    submission.status = VoiceSubmission.Status.REJECTED
    submission.save()
    archive(submission)
    submission.refresh_from_db()
    assert submission.zip_code == "" and submission.email == ""
