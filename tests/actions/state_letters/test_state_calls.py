"""Calling state legislators: the state letters' ZIP lookup (a choice per chamber, never a guess),
then one card per member with the capitol office's number and a district office's, each outcome
counted once with the member's Open States id and seat."""

import pytest

from actions.models.calls import CallOutcome
from states.models import StateLegislator
from tests.actions.calls.helpers import heading, look_up, press

pytestmark = pytest.mark.django_db


def test_a_caller_calls_their_state_senator_and_assemblymember(
    client, state_call_page, legislatures
):
    StateLegislator.objects.filter(name="Marta Castro").update(
        offices=[
            {"classification": "capitol", "address": "State Capitol", "phone": "916-555-0117"},
            {
                "classification": "district",
                "address": "455 Golden Gate Ave., Suite 14800; San Francisco, CA 94102",
                "phone": "415-555-0117",
            },
        ]
    )
    first = look_up(client, state_call_page, zip_code="94102", city="San Francisco")
    html = first.content.decode()
    assert heading(first) == "Senator Sam Mission"
    assert "Call 1 of 2" in html and "California, 11" in html
    assert "Hello, I am Ana Rivera from San Francisco, California. I ask Senator Mission" in html
    assert "Capitol office" in html and 'href="tel:+16515550100"' in html

    second = press(client, state_call_page, first, "talked")
    second_html = second.content.decode()
    assert heading(second) == "Assemblymember Marta Castro"
    assert "District office in San Francisco, in your ZIP code" in second_html
    assert 'href="tel:+14155550117"' in second_html
    done = press(client, state_call_page, second, "voicemail")
    assert heading(done) == "Thank you for calling"

    rows = CallOutcome.objects.order_by("created_at", "pk")
    assert [(r.legislator_name, r.chamber, r.district_key, r.outcome) for r in rows] == [
        ("Sam Mission", "upper", "CA 11", "talked"),
        ("Marta Castro", "lower", "CA 17", "voicemail"),
    ]
    assert all(r.legislator_id.startswith("ocd-person/") for r in rows)


def test_a_zip_split_between_house_districts_asks_which(client, state_call_page, legislatures):
    response = look_up(client, state_call_page, zip_code="55406")
    html = response.content.decode()
    assert "Which district do you live in?" in html
    assert 'name="district_lower" value="MN|63A"' in html
    assert 'name="call"' not in html
    chosen = look_up(client, state_call_page, zip_code="55406", district_lower="MN|63B")
    assert heading(chosen) == "Senator Ona Dorado"
    assert heading(press(client, state_call_page, chosen, "busy")) == "Representative Jamie Ostrow"


def test_each_member_of_a_multi_member_district_gets_a_card(client, state_call_page, legislatures):
    response = look_up(client, state_call_page, zip_code="03246")
    assert "Call 1 of 3" in response.content.decode()
    names = [heading(response)]
    for _ in range(2):
        response = press(client, state_call_page, response, "skipped")
        names.append(heading(response))
    assert names == [
        "Senator Tim Laconia",
        "Representative Ann Gilford",
        "Representative Bob Meredith",
    ]


def test_a_member_without_a_phone_says_so(client, state_call_page, legislatures):
    response = look_up(client, state_call_page, zip_code="55402")
    assert heading(response) == "Senator Kari Lindqvist"
    assert "No phone number is listed for this office." in response.content.decode()
