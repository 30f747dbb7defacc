"""Fixtures shared by the voices tests: a wall and an add-your-voice page in English and Spanish,
a moderator, and helpers to submit and moderate a voice."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.localization import translate
from testimonials.factories import AddYourVoicePageFactory, TestimonialIndexPageFactory
from testimonials.models import AddYourVoicePage, TestimonialIndexPage
from tests.module_data import built, shared


@shared("wall")
def build_wall(site, need) -> int:
    page = TestimonialIndexPageFactory(
        parent=site.home,
        title="Voices",
        slug="voices",
        introduction="People on why qualified immunity must end.",
    )
    page.save_revision().publish()
    return page.pk


@shared("add_voice")
def build_add_voice(site, need) -> int:
    page = AddYourVoicePageFactory(
        parent=site.home,
        title="Add your voice",
        slug="add-your-voice",
        introduction="Tell us why it must end.",
        wall=TestimonialIndexPage.objects.get(pk=need("wall")),
    )
    page.save_revision().publish()
    return page.pk


@pytest.fixture
def wall(home_page):
    """Built once for the module's tests, as the page below is (tests/module_data.py)."""
    return TestimonialIndexPage.objects.get(pk=built("wall"))


@pytest.fixture
def add_voice(home_page, wall):
    return AddYourVoicePage.objects.get(pk=built("add_voice"))


@pytest.fixture
def spanish_wall(wall, spanish_home):
    return translate(
        wall,
        "es",
        {
            "Voices": "Voces",
            "voices": "voces",
            wall.introduction: "Personas que explican por qué debe terminar la inmunidad calificada.",
        },
    )


@pytest.fixture
def spanish_add_voice(add_voice, spanish_wall):
    return translate(
        add_voice,
        "es",
        {
            "Add your voice": "Añada su voz",
            "add-your-voice": "anada-su-voz",
            add_voice.introduction: "Díganos por qué debe terminar.",
            add_voice.consent_text: "Acepto que la campaña publique mis palabras.",
            add_voice.thank_you_heading: "Gracias por añadir su voz",
            add_voice.thank_you_text: "Un moderador lee cada voz antes de publicarla.",
        },
    )


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user(
        "moderator", email="moderator@example.org", password="pw", is_staff=False
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
