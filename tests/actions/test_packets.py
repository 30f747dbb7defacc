"""Constituent packets (issue 23, item 2): for one member of Congress, how many constituents
signed, wrote and called, with dates, on a page to print; the "Campaign data" group only."""

from datetime import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.users.models import UserProfile

from actions.factories import CallOutcomeFactory, LetterSentFactory, SignatureFactory
from actions.packets import packet_for
from states.factories import ZipDistrictFactory
from states.models import Legislator
from testimonials.factories import TestimonialPageFactory, VoiceSubmissionFactory
from tests.actions.letters.test_letters_report import staff

pytestmark = pytest.mark.django_db

INDEX = "/admin/reports/packets/"
PACKET = "/admin/reports/packets/packet/"


def at(year: int, month: int, day: int):
    return timezone.make_aware(datetime(year, month, day, 12, 0))


@pytest.fixture
def actions(petition, letter_page, call_page, congress):
    """For Robin Denverson (CO-1): two signatures in CO-1 (March, April), one from a split ZIP
    (not counted for the district), one in CO-7; three letters to them and one to Golden
    (CO-7); two calls to them and one skipped."""
    rep = congress["co-1"]
    for zip_code, key, when in (
        ("80202", "CO-1", at(2026, 3, 5)),
        ("80202", "CO-1", at(2026, 4, 9)),
        ("80002", "", at(2026, 4, 10)),
        ("80002", "CO-7", at(2026, 4, 11)),
    ):
        SignatureFactory(
            action=petition, zip_code=zip_code, state="CO", district_key=key, created_at=when,
            first_name="Zelda", last_name="Private",
        )  # fmt: skip
    for when in (at(2026, 3, 1), at(2026, 4, 2), at(2026, 4, 3)):
        LetterSentFactory(page=letter_page, legislator_id=rep.pk, chamber="house", created_at=when)
    LetterSentFactory(page=letter_page, legislator_id=congress["co-7"].pk, chamber="house")
    for outcome, when in (("talked", at(2026, 4, 20)), ("voicemail", at(2026, 4, 21))):
        CallOutcomeFactory(
            page=call_page, legislator_id=rep.pk, chamber="house", district_key="CO-1",
            outcome=outcome, created_at=when,
        )  # fmt: skip
    CallOutcomeFactory(
        page=call_page, legislator_id=rep.pk, chamber="house", district_key="CO-1",
        outcome="skipped",
    )  # fmt: skip
    return rep


def test_a_representatives_packet_counts_their_constituents_with_dates(actions):
    packet = packet_for(actions)
    assert packet.constituents == "Colorado, district 1"
    assert (packet.signed.count, packet.wrote.count, packet.called.count) == (2, 3, 2)
    assert str(packet.signed.first) == "2026-03-05" and str(packet.signed.last) == "2026-04-09"
    assert [(str(month), *counts) for month, *counts in packet.months] == [
        ("2026-03-01", 1, 1, 0),
        ("2026-04-01", 1, 2, 2),
    ]


def test_a_senators_packet_counts_the_state(actions, congress):
    senator = congress["co-senators"][0]
    packet = packet_for(senator)
    assert packet.constituents == "Colorado"
    assert packet.signed.count == 4 and packet.wrote.count == 0 and packet.called.count == 0


def test_staff_in_campaign_data_print_a_packet_with_counts_and_no_names(client, actions):
    client.force_login(staff("analyst", "Campaign data"))
    index = client.get(INDEX).content.decode()
    assert f'<option value="{actions.pk}">Robin Denverson (CO-1)</option>' in index
    response = client.get(PACKET, {"member": actions.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Constituents of Robin Denverson (Representative)" in html
    assert "<td>2</td><td>2026-03-05</td><td>2026-04-09</td>" in html
    assert '<th scope="row">2026-04</th><td>1</td><td>2</td><td>2</td>' in html
    assert "Zelda" not in html and "Private" not in html and "80202" not in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # The page to print uses the site's one stylesheet, whose print rules hide the links.
    assert "/static/css/site.css" in html and 'class="packet__screen-only"' in html
    assert "@media print" in (settings.BASE_DIR / "static/css/site.css").read_text()


def test_the_packet_in_spanish(client, actions):
    user = staff("analista", "Campaign data")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(user)
    html = client.get(PACKET, {"member": actions.pk}).content.decode()
    assert "Electores de Robin Denverson" in html and "Escribieron una carta a esta oficina" in html


def test_editors_are_refused_and_an_unknown_member_is_404(client, actions):
    client.force_login(staff("editor", "Editors"))
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard, as for the
    # letters and calls reports.
    for url in (INDEX, f"{PACKET}?member={actions.pk}"):
        response = client.get(url)
        assert response.status_code in (302, 403) and b"Denverson" not in response.content
    assert "Constituent packets" not in client.get("/admin/").content.decode()
    client.force_login(staff("analyst", "Campaign data"))
    # (The site's language prefix redirects a 404 under /admin/ once; it stays a 404.)
    for member in ("X999999", "<script>" * 50):
        assert client.get(PACKET, {"member": member}, follow=True).status_code == 404


def test_the_public_cannot_reach_a_packet(client, actions):
    response = client.get(PACKET, {"member": actions.pk})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_packet_costs_the_same_queries_however_many_rows(
    client, actions, petition, django_assert_max_num_queries
):
    client.force_login(staff("analyst", "Campaign data"))
    client.get(PACKET, {"member": actions.pk})
    for day in range(1, 28):
        SignatureFactory(
            action=petition, zip_code="80202", district_key="CO-1", created_at=at(2025, 1, day)
        )
    with django_assert_max_num_queries(15):
        html = client.get(PACKET, {"member": actions.pk}).content.decode()
    assert "<td>29</td>" in html


def test_signers_from_a_zip_code_across_the_line_are_counted_apart(client, actions, petition):
    """Issue 23 follow-up, item 2: a signature whose ZIP code touches CO-1 and CO-7 has no
    district; both packets count it on a labeled line of its own, never as a constituent."""
    ZipDistrictFactory(zcta="80203", state="CO", district=1)
    ZipDistrictFactory(zcta="80203", state="CO", district=7)
    SignatureFactory(action=petition, zip_code="80203", state="CO", district_key="",
                     created_at=at(2026, 5, 1))  # fmt: skip
    packet = packet_for(actions)
    assert packet.signed.count == 2 and packet.crossing.count == 1
    assert str(packet.crossing.first) == "2026-05-01"
    assert all(month.month != 5 for month, *_counts in packet.months)  # not a constituent's
    # CO-7's: the 80203 signer and the earlier one from 80002 (CO-7 and CO-8).
    assert packet_for(congress_member("CO", 7)).crossing.count == 2
    assert packet_for(congress_member("CO", 1, chamber="senate")).crossing is None
    client.force_login(staff("analyst", "Campaign data"))
    html = client.get(PACKET, {"member": actions.pk}).content.decode()
    assert (
        "Signers whose ZIP code crosses into this district (they may live on either side of "
        "the line)</th><td>1</td><td>2026-05-01</td>"
    ) in html
    assert "counted apart, not as constituents" in html


def congress_member(state, district, chamber="house"):
    members = Legislator.objects.filter(state=state, chamber=chamber)
    return (members if chamber == "senate" else members.filter(district=district)).first()


@pytest.fixture
def voices(wall, congress):
    """Approved voices: two from ZIP 80202 (CO-1: one full name, one anonymous), one from the
    split ZIP 80002 (left out), one waiting for a moderator (left out)."""
    made = {}
    for key, zip_code, name_shown, status in (
        ("full", "80202", "full", "published"),
        ("anonymous", "80202", "anonymous", "published"),
        ("split", "80002", "full", "published"),
        ("pending", "80202", "full", "pending"),
    ):
        page = TestimonialPageFactory(
            parent=wall, name="" if name_shown == "anonymous" else f"Person {key}",
            name_shown=name_shown, city="" if name_shown == "anonymous" else "Denver",
            state_code="CO", profession=f"Job {key}", quote=f"Words of {key}.", is_sample=True,
        )  # fmt: skip
        made[key] = VoiceSubmissionFactory(page=page, zip_code=zip_code, status=status)
    return made


def test_the_packet_hands_over_the_districts_approved_voices_as_each_chose(client, actions, voices):
    client.force_login(staff("analyst", "Campaign data"))
    html = client.get(PACKET, {"member": actions.pk}).content.decode()
    assert "voices from Colorado, district 1" in html
    assert "Words of full." in html and "— Person full, Job full, Denver, Colorado" in html
    assert (
        "Words of anonymous." in html and "— Anonymous supporter, Job anonymous, Colorado" in html
    )
    assert "Words of split." not in html and "Words of pending." not in html
    # Never the email or the name as typed beyond what the person chose to show.
    assert voices["full"].email not in html
    assert html.count("Sample voice") == 2


def test_a_senators_packet_has_the_states_voices(actions, voices, congress):
    packet = packet_for(congress["co-senators"][0])
    assert {voice.page.quote for voice in packet.voices} == {
        "Words of full.",
        "Words of anonymous.",
        "Words of split.",
    }
    assert packet.voice_count == 3
