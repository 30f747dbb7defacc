"""Calling Congress with JS off: a ZIP code to three cards in turn, each with its script filled
in, the Washington and the nearest district office's numbers and the office hours, each outcome
a plain form post counted once per legislator, and nothing about the caller stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.factories import CallOutcomeFactory
from actions.models.calls import CallOutcome
from states.factories import LegislatorFactory
from states.models import DistrictOffice
from tests.actions.calls.helpers import heading, look_up, press
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db


def test_the_page_offers_a_cacheable_form_and_the_script_with_labels(client, call_page, congress):
    response = client.get(call_page.url)
    html = response.content.decode()
    assert 'name="zip_code"' in html and "csrfmiddlewaretoken" not in html
    assert not response.cookies and "private" not in response.get("Cache-Control", "")
    assert "Hello, my name is [your full name] and I live in [your city], [your ZIP code]." in html
    assert "Ending Qualified Immunity Act (H.R. 1470)" in html
    assert "Legislator data as of March 2, 2026." in html


def test_the_page_renders_in_the_same_queries_whatever_the_data(client, call_page, congress):
    queries_for(client, call_page.url)  # warm per-process caches
    few = queries_for(client, call_page.url)[0]
    LegislatorFactory.create_batch(30, state="TX")
    CallOutcomeFactory.create_batch(100, page=call_page)
    assert queries_for(client, call_page.url)[0] == few


def test_a_caller_calls_through_three_members_and_each_outcome_is_counted_once(
    client, call_page, congress, offices
):
    first = look_up(client, call_page, city="Lakewood")
    html = first.content.decode()
    assert first.status_code == 200
    assert "private" in first["Cache-Control"] and "no-store" in first["Cache-Control"]
    assert heading(first) == "Senator Sam Coloradan"
    assert "Call 1 of 3" in html
    assert "Hello, my name is Ana Rivera and I live in Lakewood, 80202." in html
    assert "I am calling to ask Senator Coloradan to support the Ending Qualified" in html
    assert '<a class="button button--primary" href="tel:+12022250000">202-225-0000</a>' in html
    assert "Offices answer 9 to 5, their local time." in html
    # No office in 80202 or its 802 area for this senator: listed plainly, no "nearest" claim.
    assert "We cannot tell from a ZIP code which is nearest you" in html
    assert 'href="tel:+17195550103">719-555-0103</a>' in html
    assert "Grand Junction" not in html  # an office without a phone has nothing to dial
    assert not CallOutcome.objects.exists()

    second = press(client, call_page, first, "talked")
    assert heading(second) == "Senator Sam Rockies"
    assert "Your call to Senator Sam Coloradan is counted: “Talked to staff”." in (
        second.content.decode()
    )
    third = press(client, call_page, second, "voicemail")
    third_html = third.content.decode()
    assert heading(third) == "Representative Robin Denverson"
    assert "Call 3 of 3" in third_html
    # The representative's office in the caller's own ZIP code comes first, the other after.
    assert "District office in Denver, in your ZIP code" in third_html
    assert third_html.index("tel:+13035550101") < third_html.index("tel:+13035550102")

    done = press(client, call_page, third, "busy")
    done_html = done.content.decode()
    assert heading(done) == "Thank you for calling"
    assert "<strong>Representative Robin Denverson</strong>: Line busy or mailbox full" in done_html

    rows = list(CallOutcome.objects.order_by("created_at", "pk").values())
    assert [(r["legislator_id"], r["outcome"]) for r in rows] == [
        (congress["co-senators"][0].pk, "talked"),
        (congress["co-senators"][1].pk, "voicemail"),
        (congress["co-1"].pk, "busy"),
    ]
    assert [r["district_key"] for r in rows] == ["CO", "CO", "CO-1"]
    stored = " ".join(str(value) for row in rows for value in row.values())
    for personal in ("Ana", "Rivera", "Lakewood", "80202", "203.0.113.7"):
        assert personal not in stored
    # Two rows of one visit share nothing that ties them together.
    assert len({row["call_digest"] for row in rows}) == 3


def test_the_same_outcome_posted_again_is_counted_once(client, call_page, congress):
    first = look_up(client, call_page)
    press(client, call_page, first, "talked")
    again = press(client, call_page, first, "talked")  # a refresh or a double click
    assert again.status_code == 200
    assert "was already counted: “Talked to staff”" in again.content.decode()
    assert heading(again) == "Senator Sam Rockies"
    assert CallOutcome.objects.count() == 1
    changed = press(client, call_page, first, "voicemail")  # back, and another button
    assert "is now counted as “Left a voicemail”" in changed.content.decode()
    assert list(CallOutcome.objects.values_list("outcome", flat=True)) == ["voicemail"]


def test_a_second_visit_counts_again(client, call_page, congress):
    press(client, call_page, look_up(client, call_page), "talked")
    press(client, call_page, look_up(client, call_page), "talked")
    assert CallOutcome.objects.count() == 2


def test_skipping_moves_on_and_is_counted_as_skipped(client, call_page, congress):
    second = press(client, call_page, look_up(client, call_page), "skipped")
    assert heading(second) == "Senator Sam Rockies"
    assert CallOutcome.objects.get().outcome == "skipped"


def test_a_caller_who_gives_no_name_sees_labels_in_the_script(client, call_page, congress):
    response = look_up(client, call_page, full_name="", city="")
    html = response.content.decode()
    assert "Hello, my name is [your full name] and I live in [your city], 80202." in html


def test_a_split_zip_asks_for_the_district_then_calls_its_member(client, call_page, congress):
    response = look_up(client, call_page, zip_code="80002")
    html = response.content.decode()
    assert "Which district do you live in?" in html
    assert 'value="CO-7"' in html and 'value="CO-8"' in html
    assert not CallOutcome.objects.exists()
    chosen = look_up(client, call_page, zip_code="80002", district="CO-8")
    assert heading(chosen) == "Senator Sam Coloradan"
    done = press(client, call_page, press(client, call_page, chosen, "talked"), "talked")
    assert heading(done) == "Representative Robin Thornton"


def test_a_vacant_seat_leaves_only_the_senators(client, call_page, congress):
    response = look_up(client, call_page, zip_code="94103")
    assert "Call 1 of 2" in response.content.decode()


def test_the_spanish_page_calls_in_spanish(client, spanish_call_page, congress):
    first = look_up(client, spanish_call_page)
    html = first.content.decode()
    assert heading(first) == "Senador/a Sam Coloradan"
    assert "Llamada 1 de 3" in html
    assert "Hola, me llamo Ana Rivera y vivo en Denver, 80202." in html
    assert "Ley para Acabar con la Inmunidad Calificada (H.R. 1470)" in html
    assert "Hablé con el personal" in html
    done = press(client, spanish_call_page, first, "voicemail")
    assert "Gracias. Su llamada (Senador/a Sam Coloradan) quedó contada: “Dejé un mensaje de " in (
        done.content.decode()
    )
    assert heading(done) == "Senador/a Sam Rockies"
    assert CallOutcome.objects.get().language == "es"


def test_a_card_costs_the_same_queries_however_many_offices_and_calls(
    client, call_page, congress, offices
):
    def card_queries(outcome: str) -> int:
        first = look_up(client, call_page)
        with CaptureQueriesContext(connection) as captured:
            response = press(client, call_page, first, outcome)
        assert response.status_code == 200
        return len(captured)

    card_queries("talked")
    few = card_queries("talked")
    for n in range(20):
        DistrictOffice.objects.create(
            office_id=f"extra-{n}", legislator=congress["co-senators"][1], city=f"Town {n}",
            state="CO", zip_code=f"81{n:03d}", phone="970-555-0100",
        )  # fmt: skip
    CallOutcomeFactory.create_batch(100, page=call_page, legislator_id=congress["co-1"].pk)
    assert card_queries("talked") == few
