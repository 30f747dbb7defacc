"""Fixtures for the catalogue of bad input: one live page per public form, in English and
Spanish, staff with and without the data permissions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from actions.factories import PledgePageFactory, SignupPageFactory
from core.localization import translate
from tests.bad_input.support import Forms
from tests.letters.conftest import bill, congress, letter_page  # noqa: F401 (fixtures)
from tests.petitions.conftest import petition  # noqa: F401 (a fixture)
from tests.voices.conftest import add_voice, moderator, wall  # noqa: F401 (fixtures)


@pytest.fixture
def signup_page(home_page):
    page = SignupPageFactory(parent=home_page, title="Stay connected", slug="stay-connected")
    page.save_revision().publish()
    return page


@pytest.fixture
def spanish_signup(signup_page, spanish_home):
    return translate(
        signup_page,
        "es",
        {
            "Stay connected": "Manténgase informado",
            "stay-connected": "mantengase-informado",
            signup_page.introduction: "Noticias y acciones.",
            signup_page.consent_text: "Le enviaremos noticias de la campaña.",
            signup_page.thank_you_heading: "Revise su correo",
            signup_page.thank_you_text: "Le hemos enviado un correo para confirmar.",
        },
    )


@pytest.fixture
def pledge(home_page):
    page = PledgePageFactory(parent=home_page, title="Take the pledge", slug="pledge")
    page.save_revision().publish()
    return page


@pytest.fixture
def forms(request, home_page):
    """forms["petition"] and so on: each public form, its pages built on first use."""
    return Forms(request)


@pytest.fixture
def settings_for_many_posts(settings):
    """Tests that post many times from one address are not stopped by the rate limits."""
    settings.SPAM_RATE_LIMIT_COUNT = 10_000
    settings.SIGNATURE_RATE_LIMIT_COUNT = 10_000
    return settings


def staff_user(username: str, *codenames: str, groups: tuple[str, ...] = ()):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="pw"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def data_staff(db):
    """A member of "Campaign data": may list and export supporters' submissions."""
    return staff_user("data", groups=("Campaign data",))


@pytest.fixture
def editor(db):
    """An editor (Wagtail's Editors group): edits pages, must never read submissions."""
    return staff_user("editor", groups=("Editors",))
