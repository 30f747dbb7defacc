"""Fixtures for the petition tests: a petition in English and Spanish, and partners."""

import pytest

from actions.factories import OrganizationFactory, PetitionPageFactory, PledgePageFactory
from actions.models import PetitionOrganization, PetitionPage, PledgePage
from core.localization import translate
from tests.actions.petitions.helpers import spanish_strings
from tests.module_data import built, shared


@shared("petition")
def build_petition(site, need) -> int:
    page = PetitionPageFactory(parent=site.home, title="End qualified immunity", slug="petition")
    page.save_revision().publish()
    return page.pk


@pytest.fixture
def petition(home_page):
    """Built once for the module's tests (tests/module_data.py)."""
    return PetitionPage.objects.get(pk=built("petition"))


@pytest.fixture
def spanish_petition(petition, spanish_home):
    return translate(petition, "es", spanish_strings(petition))


@pytest.fixture
def organizations(petition, locales):
    made = [OrganizationFactory(name=f"Partner {n}", source_code=f"partner-{n}") for n in range(3)]
    for organization in made:
        PetitionOrganization.objects.create(page=petition, organization=organization)
    petition.save_revision().publish()
    return made


@shared("pledge")
def build_pledge(site, need) -> int:
    page = PledgePageFactory(parent=site.home, title="Take the pledge", slug="pledge")
    page.save_revision().publish()
    return page.pk


@pytest.fixture
def pledge(home_page):
    return PledgePage.objects.get(pk=built("pledge"))
