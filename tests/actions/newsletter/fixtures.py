"""Fixtures other folders use: the newsletter's sign-up page in English and Spanish."""

import pytest

from actions.factories import SignupPageFactory
from actions.models import SignupPage
from core.localization import translate
from tests.module_data import built, shared


@shared("signup_page")
def build_signup_page(site, need) -> int:
    page = SignupPageFactory(parent=site.home, title="Stay connected", slug="stay-connected")
    page.save_revision().publish()
    return page.pk


@pytest.fixture
def signup_page(home_page):
    """Built once for the module's tests (tests/module_data.py)."""
    return SignupPage.objects.get(pk=built("signup_page"))


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
