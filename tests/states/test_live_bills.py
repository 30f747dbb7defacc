"""Each state's live bill on its page and on the map (states.bill_steps.followed_bills): the
bill its take-action page follows, at its live step, one click from the action; queries that
do not grow with the legislature or the number of live bills."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.factories import CallPageFactory, LetterPageFactory
from actions.models.letters import Chambers
from core.localization import sync_translation, translate
from states import seed
from states.models import (
    BillStatus,
    BillStatusChange,
    StateCommittee,
    StateCommitteeMembership,
    StateLegislator,
)
from tests.states.helpers import make_bill, make_index, make_state

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 11)


def follower(home_page, bill, slug):
    page = LetterPageFactory(
        parent=home_page,
        slug=slug,
        title=f"Follow {bill.number}",
        chambers=Chambers.STATE_BOTH,
        subject="Please pass {bill}",
        bill=bill,
        follows_bill=True,
        thanks_subject="Thank you",
        thanks_letter="Thank you, {legislator_last_name}.",
        closed_text="Back next session.",
    )
    page.save_revision().publish()
    return page


def legislature(state: str, size: int, committee: StateCommittee) -> None:
    for n in range(size):
        member = StateLegislator.objects.create(
            person_id=f"ocd-person/{state}-{n}",
            name=f"Member Number{n}",
            family_name=f"Number{n}",
            state=state,
            chamber="upper",
            district=str(n),
        )
        StateCommitteeMembership.objects.create(committee=committee, legislator=member)


@pytest.fixture
def states(home_page):
    index = make_index(home_page)
    pages = {code: make_state(index, code) for code in ("CO", "MN", "NM")}
    signed = make_bill("CO", (BillStatus.SIGNED, datetime.date(2020, 6, 19)), number="SB20-217")
    pending = make_bill("MN", (BillStatus.INTRODUCED, datetime.date(2026, 2, 1)), number="SF 9000")
    committee = StateCommittee.objects.create(
        committee_id="ocd-organization/mn-jud", state="MN", chamber="upper", name="Judiciary"
    )
    BillStatusChange.objects.create(
        bill=pending, status=BillStatus.IN_COMMITTEE, date=MARCH, committee=committee
    )
    for code, bill in (("CO", signed), ("MN", pending)):
        page = pages[code]
        page.take_action_page = follower(home_page, bill, f"follow-{code.lower()}")
        page.save_revision().publish()
    return pages, committee


def test_the_state_page_shows_its_live_bill_and_reaches_the_action_in_one_click(client, states):
    html = client.get("/en/scorecard/colorado/").content.decode()
    aside = html[html.index('class="cta state-action"') :]
    aside = aside[: aside.index("</aside>")]
    assert "Thank the sponsors" in aside and "SB20-217" in aside
    assert "Signed into law" in aside and "It is law." in aside
    assert "Sponsor:" in aside
    assert 'href="/en/follow-co/"' in aside
    html = client.get("/en/scorecard/minnesota/").content.decode()
    assert "It is before the Judiciary committee: write to its members." in html
    assert 'href="/en/follow-mn/"' in html


def test_a_state_page_without_a_followed_bill_shows_none(client, states):
    html = client.get("/en/scorecard/new-mexico/").content.decode()
    assert 'class="live-bill"' not in html


def test_the_map_shows_each_live_bill_and_step(client, states):
    html = client.get("/en/scorecard/").content.decode()
    assert "Colorado" in html and "SB20-217: Thank the sponsors" in html  # the map's label
    assert 'Our bill SF 9000: <a href="/en/follow-mn/">Write to the committee</a>' in html


def test_a_state_whose_action_is_a_call_page_reaches_it_and_says_call(client, states, home_page):
    pages, _committee = states
    bill = pages["MN"].take_action_page.specific.bill
    call = CallPageFactory(
        parent=home_page,
        slug="call-mn",
        chambers=Chambers.STATE_BOTH,
        bill=bill,
        follows_bill=True,
        thanks_script="Thank you, {legislator_last_name}.",
        closed_text="Back next session.",
    )
    call.save_revision().publish()
    pages["MN"].take_action_page = call
    pages["MN"].save_revision().publish()
    html = client.get("/en/scorecard/minnesota/").content.decode()
    aside = html[html.index('class="cta state-action"') :]
    aside = aside[: aside.index("</aside>")]
    assert "Call the committee" in aside
    assert "It is before the Judiciary committee: call its members." in aside
    assert 'href="/en/call-mn/"' in aside
    html = client.get("/en/scorecard/").content.decode()
    assert 'Our bill SF 9000: <a href="/en/call-mn/">Call the committee</a>' in html
    data = client.get("/open-data/scorecard.json", {"state": "MN"}).json()
    assert data["states"][0]["live_bill"]["step_label"] == "Call the committee"


def test_a_state_page_costs_the_same_with_150_legislators_as_with_10(client, states):
    _pages, committee = states
    legislature("MN", 10, committee)
    client.get("/en/scorecard/minnesota/")
    with CaptureQueriesContext(connection) as small:
        client.get("/en/scorecard/minnesota/")
    legislature("XX", 140, committee)
    with CaptureQueriesContext(connection) as large:
        client.get("/en/scorecard/minnesota/")
    assert len(large) == len(small)


def test_the_map_costs_the_same_with_more_live_bills(client, states, home_page):
    pages, _committee = states
    client.get("/en/scorecard/")
    with CaptureQueriesContext(connection) as two:
        client.get("/en/scorecard/")
    bill = make_bill("NM", (BillStatus.PASSED_ONE_CHAMBER, MARCH), number="HB 4")
    pages["NM"].take_action_page = follower(home_page, bill, "follow-nm")
    pages["NM"].save_revision().publish()
    client.get("/en/scorecard/")  # the publish cleared the site's caches: warm them again
    with CaptureQueriesContext(connection) as three:
        html = client.get("/en/scorecard/").content.decode()
    assert "Our bill HB 4:" in html
    assert len(three) == len(two)


@pytest.fixture
def spanish_colorado(home_page, spanish_home):
    index = seed.ensure_index(io.StringIO())
    state = make_state(index, "CO")
    translate(state, "es", {"Colorado": "Colorado", "colorado": "colorado"})
    bill = make_bill("CO", (BillStatus.SIGNED, datetime.date(2020, 6, 19)), number="SB20-217")
    sync_translation(bill, "es")
    action = follower(home_page, bill, "follow-co")
    sync_translation(action, "es")
    state.take_action_page = action
    state.save_revision().publish()
    sync_translation(state, "es")
    return state


def test_the_live_bill_is_shown_in_spanish_with_the_spanish_action(client, spanish_colorado):
    html = client.get("/es/evaluacion-por-estado/colorado/").content.decode()
    aside = html[html.index('class="cta state-action"') :]
    aside = aside[: aside.index("</aside>")]
    assert "Agradezca a los patrocinadores" in aside
    assert "Promulgado como ley" in aside and "Es ley." in aside
    assert 'href="/es/follow-co/"' in aside
    html = client.get("/es/evaluacion-por-estado/").content.decode()
    assert (
        'Nuestro proyecto SB20-217: <a href="/es/follow-co/">Agradezca a los patrocinadores</a>'
        in html
    )


def test_the_open_data_gives_each_state_its_live_bill_and_step(client, states):
    data = client.get("/open-data/scorecard.json").json()
    by_code = {state["code"]: state for state in data["states"]}
    assert by_code["CO"]["live_bill"] == {
        "number": "SB20-217",
        "step": "thanks",
        "step_label": "Thank the sponsors",
        "status": "signed",
        "action_url": "http://testserver/en/follow-co/",
    }
    assert by_code["MN"]["live_bill"]["step"] == "committee"
    assert by_code["NM"]["live_bill"] is None


def test_the_open_data_in_spanish_names_the_step_in_spanish(client, spanish_colorado):
    data = client.get("/open-data/scorecard.json", {"lang": "es", "state": "CO"}).json()
    [colorado] = data["states"]
    assert colorado["live_bill"]["step_label"] == "Agradezca a los patrocinadores"
    assert colorado["live_bill"]["action_url"] == "http://testserver/es/follow-co/"
