"""Rows built once for a module's tests (tests/module_data.py): built before the test's own
transaction, once for the tests in a row that ask for the same ones, never seen by a test that
does not ask for them, and as each test found them whatever the test before changed.

The tests run in this order on one process (an xdist group); each checks what the one before
left."""

from types import SimpleNamespace

import pytest
from django.db import connection

from actions.models import PetitionPage, Signature
from tests.module_data import BUILDERS, MODULE_DATA, shared

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("module-data")]

SEEN: dict[str, int] = {}


def test_a_shared_page_is_built_before_the_tests_transaction(petition):
    # pytest-django's transaction for the test is a savepoint inside the module's.
    assert MODULE_DATA.is_open and MODULE_DATA.built("petition") == petition.pk
    assert connection.in_atomic_block and len(connection.savepoint_ids) >= 1
    SEEN["petition"] = petition.pk
    petition.title = "Changed by one test"
    petition.save_revision().publish()
    Signature.objects.create(
        action=petition,
        action_key=petition.translation_key,
        first_name="Ana",
        last_name="Rivera",
        email="ana@example.org",
        language="en",
        consent_text="…",
    )


def test_the_next_test_asking_for_it_finds_it_as_built(petition):
    assert petition.pk == SEEN["petition"]  # not built again
    assert petition.title == "End qualified immunity"
    assert not Signature.objects.exists()


def test_a_test_that_does_not_ask_for_it_never_sees_it(home_page):
    assert not MODULE_DATA.is_open
    assert not PetitionPage.objects.exists()


def test_asked_for_again_it_is_built_again(petition, pledge):
    assert MODULE_DATA.is_open and MODULE_DATA.built("pledge") == pledge.pk
    assert list(PetitionPage.objects.values_list("pk", flat=True)) == [petition.pk]


def test_a_page_asked_for_while_the_test_runs_is_built_in_the_tests_transaction(request):
    """As the catalogue's forms ask for theirs (tests/conftest.py marks those tests with the
    rows their form needs, so that theirs are built for the module too)."""
    assert not MODULE_DATA.is_open  # this test asks for none
    petition = request.getfixturevalue("petition")
    assert MODULE_DATA.built("petition") == petition.pk  # the same one, for this test
    assert PetitionPage.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_test_that_empties_the_database_builds_its_own_outside_any_modules(petition):
    assert not MODULE_DATA.is_open
    assert not connection.in_atomic_block  # committed: a thread would see it
    assert PetitionPage.objects.filter(pk=petition.pk).exists()


def test_a_name_is_shared_by_one_module_only():
    def build_elsewhere(site, need):
        return 0

    build_elsewhere.__module__ = "tests.elsewhere"
    with pytest.raises(RuntimeError, match="'petition' is shared already"):
        shared("petition")(build_elsewhere)
    assert BUILDERS["petition"].__module__ == "tests.actions.petitions.fixtures"


def test_a_fixture_that_hides_a_shared_one_is_refused_before_it_builds_beside_it():
    """A module's own `petition` fixture would build a second petition next to the shared one
    (tests/actions/newsletter/test_newsletter.py once had its own copy of `signup_page`)."""

    def petition(home_page):
        return None

    item = SimpleNamespace(
        nodeid="tests/elsewhere.py::test_x",
        fixturenames=["petition"],
        _fixtureinfo=SimpleNamespace(
            name2fixturedefs={"petition": [SimpleNamespace(func=petition)]}
        ),
        iter_markers=lambda name: [],
    )
    with pytest.raises(RuntimeError, match="hides the shared one"):
        MODULE_DATA.prepare(item)
