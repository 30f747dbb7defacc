"""Constituent packets for state legislators (issue 23 follow-up, item 1): letters and calls by
Open States id, signatures and voices by the ZIP areas of the member's district, ZIP codes
across the district line counted apart, districts with no ZIP areas said so; an index that
lists one state (or a name search) at a time. The legislatures are conftest.py's."""

import csv
import io
from datetime import datetime
from io import StringIO

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from actions.demo.calls import SAMPLE_SOURCE, SAMPLE_STATE_OUTCOMES, sample_state_outcomes
from actions.factories import (
    CallOutcomeFactory,
    CallPageFactory,
    LetterSentFactory,
    SignatureFactory,
)
from actions.models import CallOutcome
from actions.models.targets import Chambers
from actions.packets import state_packet_for
from states.models import StateLegislator
from testimonials.factories import TestimonialPageFactory, VoiceSubmissionFactory
from tests.actions.letters.test_letters_report import staff
from tests.actions.state_letters.conftest import district, member, zip_rows

pytestmark = pytest.mark.django_db

INDEX = "/admin/reports/packets/"
PACKET = "/admin/reports/packets/packet/"


def at(year: int, month: int, day: int):
    return timezone.make_aware(datetime(year, month, day, 12, 0))


def named(name: str) -> StateLegislator:
    return StateLegislator.objects.get(name=name)


@pytest.fixture
def acted(legislatures, petition, letter_page, call_page, wall):
    """Minnesota: ZIP 55407 lies in house 63A alone (and senate 63); 55406 touches 63A and 63B.
    Idaho: ZIP 83814 has rows for house seats 1A and 1B, one Census district. Two signatures
    from 55407, one from 55406, one from 55402 (60A), one from Washington DC; two letters and
    two calls (and one skipped) to Emma Greenwood (63A); voices from 55407 and 55406."""
    zip_rows("55407", "MN", "upper", "63")
    zip_rows("55407", "MN", "lower", "63A")
    district("ID", "lower", "1A")
    district("ID", "lower", "1B")
    member("ID", "lower", "1A", "Ida Panhandle")
    zip_rows("83814", "ID", "lower", "1A", "1B")
    for zip_code, state, when in (
        ("55407", "MN", at(2026, 3, 5)),
        ("55407", "MN", at(2026, 4, 9)),
        ("55406", "MN", at(2026, 4, 10)),
        ("55402", "MN", at(2026, 4, 11)),
        ("20001", "DC", at(2026, 4, 12)),
        ("83814", "ID", at(2026, 4, 13)),
    ):
        SignatureFactory(
            action=petition, zip_code=zip_code, state=state, district_key="", created_at=when,
            first_name="Zelda", last_name="Private",
        )  # fmt: skip
    emma = named("Emma Greenwood")
    for when in (at(2026, 3, 1), at(2026, 4, 2)):
        LetterSentFactory(
            page=letter_page, legislator_id=emma.pk, legislator_name=emma.name, chamber="lower",
            district_key="MN 63A", created_at=when,
        )  # fmt: skip
    for outcome in ("talked", "voicemail", "skipped"):
        CallOutcomeFactory(
            page=call_page, legislator_id=emma.pk, legislator_name=emma.name, chamber="lower",
            district_key="MN 63A", outcome=outcome, created_at=at(2026, 4, 20),
        )  # fmt: skip
    for key, zip_code in (("own", "55407"), ("split", "55406")):
        page = TestimonialPageFactory(
            parent=wall, name=f"Person {key}", name_shown="full", city="Minneapolis",
            state_code="MN", profession=f"Job {key}", quote=f"Words of {key}.", is_sample=True,
        )  # fmt: skip
        VoiceSubmissionFactory(page=page, zip_code=zip_code, status="published")
    return emma


def test_a_state_representatives_packet_counts_their_district(acted):
    packet = state_packet_for(acted)
    assert (packet.name, str(packet.title), packet.kind) == (
        "Emma Greenwood",
        "Representative",
        "state",
    )
    assert (packet.seat, packet.constituents) == ("MN 63A", "Minnesota House, district 63A")
    assert (packet.signed.count, packet.wrote.count, packet.called.count) == (2, 2, 2)
    assert packet.crossing.count == 1  # 55406, across the 63A/63B line
    assert [(str(month), *counts) for month, *counts in packet.months] == [
        ("2026-03-01", 1, 1, 0),
        ("2026-04-01", 1, 1, 2),
    ]
    assert [voice.page.quote for voice in packet.voices] == ["Words of own."]
    # The senator's district holds both ZIP codes whole: no crossing, both voices.
    senator = state_packet_for(named("Ona Dorado"))
    assert (senator.signed.count, senator.crossing.count, senator.voice_count) == (3, 0, 2)
    # The other house seat has the split ZIP code only.
    assert state_packet_for(named("Jamie Ostrow")).signed.count == 0


def test_letters_and_calls_to_a_committee_count_in_the_reports_not_the_packet(
    client, acted, letter_page, call_page
):
    """A letter and a call that reached Emma Greenwood as a committee member (written wherever
    the supporter lives) are actions the reports count, not her constituents'."""
    for factory, page in ((LetterSentFactory, letter_page), (CallOutcomeFactory, call_page)):
        factory(
            page=page, legislator_id=acted.pk, legislator_name=acted.name, chamber="lower",
            district_key="MN Judiciary", constituent=False, created_at=at(2026, 4, 21),
        )  # fmt: skip
    packet = state_packet_for(acted)
    assert (packet.wrote.count, packet.called.count) == (2, 2)
    assert (str(packet.wrote.last), str(packet.called.last)) == ("2026-04-02", "2026-04-20")
    client.force_login(staff("analyst", "Campaign data"))
    # The calls report's total also counts the fixture's skipped call.
    for report, counted in (("letters", "3"), ("calls", "4")):
        response = client.get(f"/admin/reports/{report}/", {"export": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        emma = next(row for row in rows if row[-1] == acted.pk)
        assert emma[-2] == counted
    html = client.get(PACKET, {"member": acted.pk}).content.decode()
    assert "Letters and calls to a bill's committee or sponsors are not counted" in html


def test_seats_of_one_area_whole_place_seats_and_districts_with_no_zip_areas(acted):
    # Idaho's seats 1A and 1B are one Census district: its ZIP codes are the seat's own.
    idaho = state_packet_for(named("Ida Panhandle"))
    assert (idaho.signed.count, idaho.crossing.count) == (1, 0)
    # DC's at-large members represent the whole District.
    at_large = state_packet_for(named("Ava Large"))
    assert (at_large.kind, at_large.constituents, at_large.signed.count) == (
        "state-wide",
        "District of Columbia",
        1,
    )
    # A New Hampshire floterial district and a DC ward have no ZIP areas: nothing is guessed.
    for name in ("Cal Floater", "Wendy Ward"):
        unplaced = state_packet_for(named(name))
        assert unplaced.kind == "unplaced" and unplaced.signed.count == 0
        assert unplaced.crossing is None and unplaced.voices == []


def test_staff_find_a_state_legislator_by_state_or_name_and_print_the_packet(client, acted):
    client.force_login(staff("analyst", "Campaign data"))
    index = client.get(INDEX).content.decode()
    assert '<option value="MN">Minnesota</option>' in index
    assert "Emma Greenwood" not in index  # no state chosen: no list of every legislator
    minnesota = client.get(INDEX, {"state": "MN"}).content.decode()
    link = f'{PACKET}?member={acted.pk}">Emma Greenwood</a> (MN 63A)'
    assert link in minnesota and "Jamie Ostrow" in minnesota and "Ona Dorado" in minnesota
    assert "Ann Gilford" not in minnesota
    # Districts read in order; chambers under their own headings.
    assert minnesota.index("Kari Lindqvist") < minnesota.index("Ona Dorado")
    found = client.get(INDEX, {"name": "  large "}).content.decode()
    assert "Ava Large" in found and "Cy Large" in found and "Emma Greenwood" not in found
    assert "No state legislator matches." in client.get(INDEX, {"name": "zzz"}).content.decode()

    response = client.get(PACKET, {"member": acted.pk})
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Constituents of Emma Greenwood (Representative)" in html
    assert "Minnesota House, district 63A" in html
    assert '<th scope="row">2026-04</th><td>1</td><td>1</td><td>2</td>' in html
    assert "crosses into this district" in html and "Words of own." in html
    assert "Words of split." not in html
    assert "Zelda" not in html and "Private" not in html and "55407" not in html
    floater = client.get(PACKET, {"member": named("Cal Floater").pk}).content.decode()
    assert "has no ZIP code areas for this district" in floater


def test_the_state_packet_in_spanish_and_refused_to_editors(client, acted):
    user = staff("analista", "Campaign data")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(user)
    html = client.get(PACKET, {"member": acted.pk}).content.decode()
    assert "Electores de Emma Greenwood" in html
    assert "cuyo código postal cruza hacia este distrito" in html
    member("MI", "upper", "1", "Mia Lansing")
    index = client.get(INDEX, {"state": "MN"}).content.decode()
    assert "Legisladores estatales" in index and "Buscar legisladores estatales" in index
    # States in the reader's alphabet: Míchigan before Minnesota.
    assert index.index(">Míchigan<") < index.index(">Minnesota<")
    assert client.get(PACKET, {"member": "ocd-person/unknown"}, follow=True).status_code == 404
    client.force_login(staff("editor", "Editors"))
    for url in (f"{INDEX}?state=MN", f"{PACKET}?member={acted.pk}"):
        response = client.get(url)
        assert response.status_code in (302, 403) and b"Greenwood" not in response.content


def test_a_state_packet_costs_the_same_queries_however_many_rows(
    client, acted, petition, django_assert_max_num_queries
):
    client.force_login(staff("analyst", "Campaign data"))
    client.get(PACKET, {"member": acted.pk})
    for day in range(1, 28):
        SignatureFactory(action=petition, zip_code="55407", state="MN", created_at=at(2025, 1, day))
        zip_rows(f"55{day:03d}", "MN", "lower", "63A", "63B")
    with django_assert_max_num_queries(17):
        html = client.get(PACKET, {"member": acted.pk}).content.decode()
    assert "<td>29</td>" in html
    for n in range(20):
        member("MN", "lower", f"{n}B", f"Extra Member{n}")
    with django_assert_max_num_queries(12):
        assert "Extra Member19" in client.get(INDEX, {"state": "MN"}).content.decode()


def test_the_demo_adds_sample_state_call_outcomes_once(home_page, legislatures):
    """The demo's state call page gets sample outcomes for ZIP code 80202's state legislators
    (the first district per chamber), marked as samples, once."""
    district("CO", "upper", "31")
    district("CO", "lower", "6")
    district("CO", "lower", "7")
    member("CO", "upper", "31", "Sal Capitol")
    member("CO", "lower", "6", "Rae Larimer")
    member("CO", "lower", "7", "Ned Other")
    zip_rows("80202", "CO", "upper", "31")
    zip_rows("80202", "CO", "lower", "6", "7")
    page = CallPageFactory(parent=home_page, slug="call-state", chambers=Chambers.STATE_BOTH,
                           bill=None, script="Hello, {legislator_title}.")  # fmt: skip
    sample_state_outcomes(page, StringIO())
    sample_state_outcomes(page, StringIO())
    rows = CallOutcome.objects.filter(action_key=page.translation_key)
    assert rows.count() == 2 * sum(SAMPLE_STATE_OUTCOMES)
    assert set(rows.values_list("source", flat=True)) == {SAMPLE_SOURCE}
    assert set(rows.values_list("legislator_name", "district_key")) == {
        ("Sal Capitol", "CO 31"),
        ("Rae Larimer", "CO 6"),
    }
    packet = state_packet_for(named("Rae Larimer"))
    assert packet.called.count == sum(SAMPLE_STATE_OUTCOMES[:3])
