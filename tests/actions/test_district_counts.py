"""The thank-you's next step (issue 23, item 3): after a petition or letter, a call to the same
legislators where a call page exists, and "from your district": the signatures, letters and
calls from the supporter's congressional district, counts only, on private responses only."""

import datetime
import importlib
from urllib.parse import unquote

import pytest
from django.apps import apps
from django.core import signing as django_signing

from actions import signing
from actions.district_counts import district_counts, fill_signature_districts
from actions.factories import (
    CallOutcomeFactory,
    CallPageFactory,
    LetterSentFactory,
    SignatureFactory,
)
from actions.models import Signature
from actions.models.targets import Chambers
from states.factories import BillFactory, BillStatusChangeFactory
from states.models import BillStatus
from tests.actions.letters.helpers import write
from tests.actions.petitions.helpers import sign
from tests.helpers import warm_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def district_rows(petition, letter_page, call_page):
    """Earlier actions: in CO-1 a signature, two letters and two calls (one skipped, not
    counted); elsewhere rows that must not count (CO-7, a senator's state-only call, no
    district)."""
    SignatureFactory(action=petition, zip_code="80202", state="CO", district_key="CO-1")
    SignatureFactory(action=petition, zip_code="80002", state="CO", district_key="")
    LetterSentFactory(page=letter_page, district_key="CO-1", chamber="house")
    LetterSentFactory(page=letter_page, district_key="CO-1", chamber="senate")
    LetterSentFactory(page=letter_page, district_key="CO-7", chamber="house")
    CallOutcomeFactory(page=call_page, district_key="CO-1", chamber="house", outcome="talked")
    CallOutcomeFactory(page=call_page, district_key="CO-1", chamber="house", outcome="skipped")
    CallOutcomeFactory(page=call_page, district_key="CO", chamber="senate", outcome="busy")
    CallOutcomeFactory(page=call_page, district_key="CO-8", chamber="house", outcome="busy")


def thank_you(client, petition, **fields):
    response = sign(client, petition, **fields)
    assert response.status_code == 302
    return client.get(response["Location"]), response["Location"]


def test_a_signature_keeps_its_district_only_when_the_zip_lies_in_one(client, petition, congress):
    sign(client, petition, email="one@example.org", zip_code="80202")
    sign(client, petition, email="split@example.org", zip_code="80002")
    sign(client, petition, email="unknown@example.org", zip_code="99999")
    assert dict(Signature.objects.values_list("email", "district_key")) == {
        "one@example.org": "CO-1",
        "split@example.org": "",
        "unknown@example.org": "",
    }


def test_the_petition_thank_you_counts_the_district_and_names_nobody(
    client, petition, congress, district_rows
):
    response, url = thank_you(client, petition, first_name="Zelda", zip_code="80202")
    html = response.content.decode()
    assert "From your district" in html and "Colorado, district 1" in html
    # The new signature, the earlier one; both letters from CO-1; the call not skipped.
    assert "People in Colorado, district 1 have taken 5 actions" in html
    assert "2 signatures" in html and "2 letters written" in html and "1 call made" in html
    assert "Zelda" not in html.split('class="district-counts"')[1]
    # A thank-you is per submission: private, never stored by a cache.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # The token carries the district, never the ZIP code.
    token = unquote(url.split("thanks=")[1])
    data = django_signing.loads(token, salt=signing.THANKS_SALT)
    assert data["d"] == ["CO-1"] and "80202" not in str(data)


def test_the_petition_page_itself_shows_no_district(client, petition, congress, district_rows):
    sign(client, petition, zip_code="80202")
    html = client.get(petition.url).content.decode()
    assert "From your district" not in html and "district-counts" not in html


def test_a_zip_across_a_district_line_is_counted_as_its_area(
    client, petition, congress, district_rows
):
    html = thank_you(client, petition, zip_code="80002")[0].content.decode()
    assert "From your ZIP code's area" in html
    assert "Colorado, district 7 and Colorado, district 8" in html
    # Its own signature has no single district, so is not counted: a letter and a call.
    assert "have taken 2 actions" in html and "0 signatures" in html


def test_a_zip_in_no_district_and_a_bot_show_no_count(client, petition, congress, district_rows):
    assert (
        "district-counts" not in thank_you(client, petition, zip_code="99999")[0].content.decode()
    )
    response = sign(client, petition, email="bot@example.org", zip_code="80202", website="x")
    assert "district-counts" not in client.get(response["Location"]).content.decode()


def test_a_forged_or_junk_district_list_counts_nothing(district_rows):
    assert district_counts(["<script>", "CO-1; DROP", ""]) is None
    counts = district_counts(["CO-1", "co-1", "nonsense"])
    assert counts.keys == ("CO-1",) and (counts.signatures, counts.letters, counts.calls) == (
        1,
        2,
        1,
    )


def test_the_letters_offer_the_call_and_the_district(client, letter_page, call_page, congress):
    html = write(client, letter_page, zip_code="80202").content.decode()
    assert "letters are ready" in html
    # Three letters just written from CO-1, yours included.
    assert "People in Colorado, district 1 have taken 3 actions" in html
    assert f'href="{call_page.url}"' in html and "Make the calls" in html


def test_a_split_zip_letter_counts_the_district_chosen(client, letter_page, congress):
    write(client, letter_page, zip_code="80002")  # asks which district
    html = write(client, letter_page, zip_code="80002", district="CO-7").content.decode()
    assert "From your district" in html and "Colorado, district 7" in html
    assert "Colorado, district 8" not in html.split('class="district-counts"')[1]


def test_the_petition_offers_a_call_to_congress(client, petition, call_page, congress):
    html = thank_you(client, petition, zip_code="80202")[0].content.decode()
    assert f'href="{call_page.url}"' in html and "Make the calls" in html


def test_the_call_for_the_same_bill_comes_first_and_state_or_closed_calls_never(
    client, home_page, letter_page, congress
):
    other_bill = BillFactory(jurisdiction="US", number="H.R. 9")
    dead_bill = BillFactory(jurisdiction="US", number="H.R. 1")
    pages = {
        "closed": CallPageFactory(parent=home_page, title="Closed call", bill=dead_bill),
        "state": CallPageFactory(
            parent=home_page,
            title="State call",
            bill=letter_page.bill,
            chambers=Chambers.STATE_BOTH,
        ),
        "other": CallPageFactory(parent=home_page, title="Other bill call", bill=other_bill),
        "same": CallPageFactory(parent=home_page, title="Same bill call", bill=letter_page.bill),
    }
    for page in pages.values():
        page.save_revision().publish()
    # The bill dies after its page was published: the page closes and is not offered.
    BillStatusChangeFactory(
        bill=dead_bill, status=BillStatus.FAILED, date=datetime.date(2025, 1, 3), sort_order=0
    )
    html = write(client, letter_page, zip_code="80202").content.decode()
    offered = html.split('class="cta next-ask__call"')[1].split("</div>")[0]
    assert "Same bill call" in offered
    assert "Closed call" not in html and "State call" not in html


def test_the_spanish_letters_offer_the_spanish_call_in_spanish(
    client, spanish_letter_page, spanish_call_page, congress
):
    html = write(client, spanish_letter_page, zip_code="80202").content.decode()
    assert f'href="{spanish_call_page.url}"' in html and "Haga las llamadas" in html
    assert "Desde su distrito" in html and "Colorado, distrito 1" in html
    assert "3 cartas escritas" in html


def test_the_thank_you_costs_the_same_queries_however_many_rows(
    client, petition, letter_page, call_page, congress
):
    response = sign(client, petition, zip_code="80202")
    url = response["Location"]
    few, _html = warm_queries(client, url)
    for _ in range(30):
        SignatureFactory(action=petition, zip_code="80202", district_key="CO-1")
        LetterSentFactory(page=letter_page, district_key="CO-1")
        CallOutcomeFactory(page=call_page, district_key="CO-1", chamber="house")
    many, html = warm_queries(client, url)
    assert "31 signatures" in html and "30 calls made" in html
    assert many == few


def test_the_migration_fills_districts_and_keeps_every_row(petition, congress):
    for zip_code in ("80202", "80202", "80002", "99999", ""):
        SignatureFactory(action=petition, zip_code=zip_code, district_key="")
    migration = importlib.import_module("actions.migrations.0016_district_counts")
    migration.fill_districts(apps, None)
    assert sorted(Signature.objects.values_list("zip_code", "district_key")) == [
        ("", ""),
        ("80002", ""),
        ("80202", "CO-1"),
        ("80202", "CO-1"),
        ("99999", ""),
    ]


def test_the_demo_fills_sample_signatures_districts_once(petition, congress):
    for zip_code in ("80202", "80002", "99999"):
        SignatureFactory(action=petition, zip_code=zip_code, district_key="")
    assert fill_signature_districts() == 1
    assert fill_signature_districts() == 0  # idempotent, as `manage.py demo` must be
    assert Signature.objects.filter(district_key="CO-1").count() == 1
