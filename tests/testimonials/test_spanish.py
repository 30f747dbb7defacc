"""A voice sent in Spanish is a Spanish page (locale es) under the Spanish wall, reviewed in the same
queue, with Spanish emails; staff translate approved voices with wagtail-localize, and the
translation carries nothing private."""

import pytest
from django.core import mail
from wagtail.models import Locale, Revision

from core.localization import translate
from testimonials.models import TestimonialPage, VoiceSubmission
from testimonials.moderation import voice_workflow
from tests.testimonials.helpers import act, only_voice, submit, workflow_state_for

pytestmark = pytest.mark.django_db

QUOTE = "Nadie debería estar por encima de la ley."


@pytest.fixture
def approved_spanish_voice(
    client, spanish_add_voice, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    submit(
        client,
        spanish_add_voice,
        capture=capture,
        name="Lucía Ramírez",
        profession="Enfermera",
        city="Santa Fe",
        state="NM",
        quote=QUOTE,
        email="lucia@example.org",
    )
    voice = only_voice()
    act(client, moderator, voice, "approve", capture=capture)
    voice.refresh_from_db()
    return voice


def test_the_spanish_form_is_in_spanish(client, spanish_add_voice):
    html = client.get(spanish_add_voice.url).content.decode()
    assert 'lang="es"' in html
    assert "Su nombre" in html and "Enviar mi voz" in html


def test_a_spanish_submission_is_a_spanish_voice_in_the_same_queue(
    client, spanish_add_voice, spanish_wall, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    response = submit(client, spanish_add_voice, capture=capture, quote=QUOTE)
    assert response["Location"].endswith("/es/anada-su-voz/?thanks=1")
    thanks = client.get(response["Location"]).content.decode()
    assert "Gracias por añadir su voz" in thanks
    voice = only_voice()
    assert voice.locale.language_code == "es" and voice.language == "es"
    assert voice.get_parent().pk == spanish_wall.pk
    assert voice.slug.startswith("voz-")
    assert workflow_state_for(voice).workflow == voice_workflow()
    assert VoiceSubmission.objects.get(page=voice).language == "es"
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient["ana@example.org"].subject.startswith("Hemos recibido su voz")
    assert "Un moderador lee cada voz" in by_recipient["ana@example.org"].body
    # The moderator's admin is in English: their email is in English.
    assert by_recipient["moderator@example.org"].subject.startswith("A new voice to review")


def test_a_spanish_moderator_gets_the_review_email_in_spanish(
    client, spanish_add_voice, moderator, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "es"
    profile.save()
    submit(client, spanish_add_voice, capture=django_capture_on_commit_callbacks)
    [review] = [m for m in mail.outbox if m.to == ["moderator@example.org"]]
    assert review.subject.startswith("Una nueva voz para revisar")


def test_approved_it_appears_on_the_spanish_wall_only_and_the_email_is_spanish(
    client, approved_spanish_voice, spanish_wall, wall
):
    voice = approved_spanish_voice
    assert voice.live
    assert QUOTE in client.get(spanish_wall.url).content.decode()
    assert QUOTE in client.get(spanish_wall.url + "?state=NM").content.decode()
    assert QUOTE not in client.get(wall.url).content.decode()
    [published] = [m for m in mail.outbox if m.subject.startswith("Su voz ya está en el muro")]
    assert published.to == ["lucia@example.org"]
    assert f"http://testserver/es/voces/{voice.slug}/" in published.body


def test_staff_translate_an_approved_voice_and_the_translation_is_clean(
    client, approved_spanish_voice, wall, django_capture_on_commit_callbacks
):
    voice = approved_spanish_voice
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(
            voice,
            "en",
            {
                voice.title: "Lucía Ramírez, Nurse",
                voice.slug: voice.slug,
                "Enfermera": "Nurse",
                QUOTE: "No one should be above the law.",
            },
        )
    english = TestimonialPage.objects.get(pk=english.pk)
    assert english.locale == Locale.objects.get(language_code="en")
    assert english.live and english.get_parent().pk == wall.pk
    # Names and places are synchronised, not translated; the original language is kept.
    assert (english.name, english.city, english.state_code) == ("Lucía Ramírez", "Santa Fe", "NM")
    assert english.language == "es"
    html = client.get(wall.url).content.decode()
    assert "No one should be above the law." in html
    assert "Translated from Spanish" in html
    # The translation has no submission: no email, no copy of the address anywhere in it.
    assert not VoiceSubmission.objects.filter(page=english).exists()
    assert mail.outbox == []
    for revision in Revision.objects.filter(object_id__in=[str(voice.pk), str(english.pk)]):
        assert "lucia@example.org" not in str(revision.content)


def test_a_voice_staff_write_in_spanish_is_not_called_a_translation(client, spanish_wall):
    from testimonials.factories import TestimonialPageFactory

    voice = TestimonialPageFactory(parent=spanish_wall, language="", quote="Escrito en español.")
    voice.save_revision().publish()
    voice.refresh_from_db()
    assert voice.language == "es" and not voice.is_translation
    html = client.get(spanish_wall.url).content.decode()
    assert "Escrito en español." in html and "Traducido" not in html
