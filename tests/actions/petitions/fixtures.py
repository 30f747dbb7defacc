"""Fixtures for the petition tests: a petition in English and Spanish, and partners."""

import pytest

from actions.factories import OrganizationFactory, PetitionPageFactory, PledgePageFactory
from actions.models import PetitionOrganization
from core.localization import translate
from tests.actions.petitions.helpers import spanish_strings


@pytest.fixture
def petition(home_page):
    page = PetitionPageFactory(parent=home_page, title="End qualified immunity", slug="petition")
    page.save_revision().publish()
    return page


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


@pytest.fixture
def pledge(home_page):
    page = PledgePageFactory(parent=home_page, title="Take the pledge", slug="pledge")
    page.save_revision().publish()
    return page
