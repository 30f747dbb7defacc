"""The step a followed bill is at (states/bill_steps.py): each status, each fallback, and the
sponsors who can still be thanked."""

import datetime

import pytest
from django.urls import reverse

from states.bill_steps import (
    Recipients,
    Step,
    live_step,
    origin_chamber,
    sponsors_in_office,
)
from states.models import BillStatus, BillStatusChange, StateCommittee, StateLegislator
from tests.states.helpers import make_bill

TODAY = datetime.date(2026, 3, 20)
MARCH = datetime.date(2026, 3, 11)

pytestmark = pytest.mark.django_db


def committee():
    return StateCommittee.objects.create(
        committee_id="ocd-organization/sample-judiciary",
        state="MN",
        chamber="upper",
        name="Judiciary and Public Safety",
    )


def member(person_id, name, chamber, state="NM"):
    given, family = name.rsplit(" ", 1)
    return StateLegislator.objects.create(
        person_id=person_id,
        name=name,
        given_name=given,
        family_name=family,
        state=state,
        chamber=chamber,
        district="1",
    )


def test_in_committee_with_a_named_committee_writes_to_its_members():
    bill = make_bill("MN", (BillStatus.INTRODUCED, datetime.date(2026, 2, 1)), number="SF 1")
    BillStatusChange.objects.create(
        bill=bill, status=BillStatus.IN_COMMITTEE, date=MARCH, committee=committee(), sort_order=1
    )
    step = live_step(bill, TODAY)
    assert step.step == Step.COMMITTEE
    assert step.recipients == Recipients.COMMITTEE
    assert step.committee.name == "Judiciary and Public Safety"
    assert "March 11, 2026" in step.reason and "In committee" in step.reason
    assert "Judiciary and Public Safety" in step.reason


def test_in_committee_without_a_committee_falls_back_to_own_legislators_and_says_why():
    bill = make_bill("MN", (BillStatus.IN_COMMITTEE, MARCH))
    step = live_step(bill, TODAY)
    assert step.step == Step.COMMITTEE
    assert step.recipients == Recipients.OWN
    assert step.chambers == ("upper", "lower")
    assert "no committee is named" in step.reason


def test_passed_one_chamber_writes_to_the_other_chamber():
    senate_bill = make_bill("CO", (BillStatus.PASSED_ONE_CHAMBER, MARCH), number="SB20-217")
    step = live_step(senate_bill, TODAY)
    assert (step.step, step.recipients, step.chambers) == (
        Step.OTHER_CHAMBER,
        Recipients.CHAMBER,
        ("lower",),
    )
    # The chamber an editor names wins over the number.
    bill = make_bill("NE", (BillStatus.PASSED_ONE_CHAMBER, MARCH), number="LB 51")
    assert live_step(bill, TODAY).recipients == Recipients.OWN
    bill.status_changes.update(chamber="lower")
    bill.refresh_from_db()
    assert live_step(bill, TODAY).chambers == ("upper",)


@pytest.mark.parametrize(
    ("number", "chamber"),
    [("SB20-217", "upper"), ("HB 4", "lower"), ("H.F. 9", "lower"), ("AB 7", "lower"),
     ("SJR 3", "upper"), ("LB 51", ""), ("Int. 2220", "")],
)  # fmt: skip
def test_origin_chamber_from_the_number(number, chamber):
    assert origin_chamber(number) == chamber


@pytest.mark.parametrize("status", [BillStatus.PASSED, BillStatus.SIGNED])
def test_passed_or_signed_thanks_the_sponsors(status):
    step = live_step(make_bill("CO", (status, MARCH)), TODAY)
    assert (step.step, step.recipients) == (Step.THANKS, Recipients.SPONSORS)


@pytest.mark.parametrize("status", [BillStatus.FAILED, BillStatus.VETOED])
def test_failed_or_vetoed_closes_the_ask(status):
    step = live_step(make_bill("CO", (status, MARCH)), TODAY)
    assert step.is_closed and step.recipients == Recipients.NONE


def test_a_change_dated_after_today_waits_its_day():
    bill = make_bill(
        "MN",
        (BillStatus.IN_COMMITTEE, MARCH),
        (BillStatus.PASSED_ONE_CHAMBER, datetime.date(2026, 4, 2)),
        number="SF 1",
    )
    assert live_step(bill, TODAY).step == Step.COMMITTEE
    assert live_step(bill, datetime.date(2026, 4, 2)).step == Step.OTHER_CHAMBER


def test_sponsors_in_office_match_on_family_name_and_chamber(django_assert_num_queries):
    cervantes = member("ocd-person/joe", "Joe Cervantes", "upper")
    member("ocd-person/other", "Ana Cervantes", "lower")  # same name, other chamber
    bill = make_bill(
        "NM",
        (BillStatus.SIGNED, MARCH),
        sponsor="Rep. Georgene Louis, Rep. Brian Egolf, Sen. Joseph Cervantes",
    )
    with django_assert_num_queries(1):
        found, missing = sponsors_in_office(bill)
    assert found == [cervantes]
    assert [person.name for person in missing] == ["Georgene Louis", "Brian Egolf"]


def test_two_members_who_fit_are_not_guessed_between():
    member("ocd-person/a", "Ana Garcia", "upper", state="CO")
    member("ocd-person/b", "Luis Garcia", "upper", state="CO")
    bill = make_bill("CO", (BillStatus.SIGNED, MARCH), sponsor="Sen. Leroy Garcia")
    found, missing = sponsors_in_office(bill)
    assert found == [] and missing[0].name == "Leroy Garcia"


@pytest.mark.indexes
def test_the_bill_editor_chooses_a_committee_by_name_and_state(admin_client):
    judiciary = committee()
    StateCommittee.objects.create(
        committee_id="ocd-organization/co-judiciary", state="CO", chamber="upper", name="Judiciary"
    )
    bill = make_bill("MN", (BillStatus.IN_COMMITTEE, MARCH))
    html = admin_client.get(reverse("wagtailsnippets_states_bill:edit", args=[bill.pk])).content
    html = html.decode()
    assert "Choose a committee" in html
    assert f'<option value="{judiciary.pk}"' not in html  # no select of every committee
    chooser = reverse("state_committee_chooser:choose_results")
    html = admin_client.get(chooser, {"q": "judic", "state": "MN"}).content.decode()
    assert "MN Judiciary and Public Safety" in html and "CO Judiciary" not in html
