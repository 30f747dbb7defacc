"""Many people signing at the same moment, on PostgreSQL with real concurrent transactions: each
signature saved once (the same address in different case included), the count exact, no error.
(SQLite in tests is one in-memory connection; bench/sign.py covers it with a real server.)"""

import threading

import pytest
from django.db import connection
from django.test import Client

from actions import signing
from actions.factories import PetitionPageFactory
from actions.models import Signature
from core.models.outbox import OutboundEmail
from tests.actions.petitions.helpers import sign

pytestmark = [
    # serialized_rollback: the flush after each test would remove the pages and groups that
    # migrations create, which later tests need.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="threads need PostgreSQL's own connections"
    ),
]


def run_together(count: int, work) -> list:
    """Run work(n) in `count` threads released at once; return the results or exceptions."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def target(n: int) -> None:
        try:
            barrier.wait()
            results[n] = work(n)
        except Exception as error:
            results[n] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def live_petition(home_page):
    page = PetitionPageFactory(parent=home_page, slug="petition")
    page.save_revision().publish()
    return page


def test_the_same_address_at_the_same_moment_is_one_signature(live_petition, settings):
    settings.SIGNATURE_RATE_LIMIT_COUNT = 1000
    spellings = ["ana@example.org", "ANA@example.org", " Ana@Example.org ", "ana@EXAMPLE.ORG"]

    def work(n: int) -> int:
        client = Client()
        return sign(client, live_petition, email=spellings[n % 4], ip=f"10.0.0.{n}").status_code

    statuses = run_together(12, work)
    assert statuses == [302] * 12
    assert Signature.objects.filter(email="ana@example.org").count() == 1
    assert signing.signature_count(live_petition.translation_key) == 1
    thanks = OutboundEmail.objects.filter(template="actions/emails/signature_thanks").count()
    assert thanks == 1


def test_many_signers_at_once_are_all_saved_and_counted_exactly(live_petition, settings):
    settings.SIGNATURE_RATE_LIMIT_COUNT = 1000

    def work(n: int) -> tuple:
        created = signing.sign(
            live_petition,
            {
                "first_name": "Signer",
                "last_name": str(n),
                "email": f"signer{n}@example.org",
                "zip_code": "20515",
                "state": "DC",
            },
            "en",
        )[1]
        return created

    results = run_together(40, work)
    assert results == [True] * 40
    assert signing.signature_count(live_petition.translation_key) == 40
    assert OutboundEmail.objects.count() == 40
