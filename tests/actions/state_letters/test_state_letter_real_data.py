"""The Done-when of issue 22 (state letters) on the real Open States and Census data
(../shared/data, never committed; skipped without it): Minnesota ZIP 55406 touches house 63A and
63B, so the supporter is asked, then writes to one state senator and one representative. And the
pages that follow the demo's bills (states/demo/bills.py) against the real people and committee
files: the sponsors matched on family name and chamber, the committee's members to call. One
import for the module (one xdist group)."""

import datetime
import re

import pytest

from actions.models.letters import LetterSent
from states.bill_steps import sponsors_in_office
from states.demo.bills import BILLS, SAMPLE_BILL, SAMPLE_COMMITTEE
from states.models import BillStatus, BillStatusChange, StateCommittee, StateLegislator
from tests.actions.calls.helpers import heading, look_up
from tests.actions.letters.helpers import write
from tests.states.helpers import make_bill
from tests.states.state_legislators.conftest import real_data, real_import  # noqa: F401

# One process runs the tests that read the real data, one after another (tests/conftest.py).
pytestmark = pytest.mark.django_db


def test_minneapolis_55406_is_asked_then_writes_to_one_senator_and_one_representative(
    client,
    state_letter_page,
    spanish_state_letter_page,
    real_data,  # noqa: F811
):
    html = write(client, state_letter_page, zip_code="55406", city="Minneapolis").content.decode()
    assert "Which district do you live in?" in html
    assert 'value="MN|63A"' in html and 'value="MN|63B"' in html
    assert 'name="district_upper"' not in html  # senate 63 is the only one
    [senator] = StateLegislator.objects.filter(state="MN", chamber="upper", district="63")
    [rep] = StateLegislator.objects.filter(state="MN", chamber="lower", district="63A")
    assert f"Representative {rep.name}" in html
    html = write(
        client, spanish_state_letter_page, zip_code="55406", district_lower="MN|63A"
    ).content.decode()
    assert "Sus 2 cartas están listas" in html
    assert re.search(rf"Estimado/a Senador\S* {senator.family_name}:", html)
    assert re.search(rf"Estimado/a Representante {rep.family_name}:", html)
    assert senator.email and senator.email in html and rep.email in html
    assert "Oficina del capitolio" in html
    assert sorted(LetterSent.objects.values_list("chamber", "district_key")) == [
        ("lower", "MN 63A"),
        ("upper", "MN 63"),
    ]


def demo_bill(number: str, *changes):
    """The demo's bill `number` with its real sponsor line and the given status changes."""
    [fields] = [bill for bill in [*BILLS, SAMPLE_BILL] if bill["number"] == number]
    return make_bill(fields["jurisdiction"], *changes, number=number, sponsor=fields["sponsor"])


def follow(page, bill, **texts):
    page.bill, page.follows_bill, page.closed_text = bill, True, "Back next session."
    for name, value in texts.items():
        setattr(page, name, value)
    page.full_clean()
    page.save_revision().publish()
    return page.__class__.objects.get(pk=page.pk)


def test_new_mexico_hb_4_thanks_sen_cervantes_on_the_real_people_files(
    client,
    state_call_page,
    real_data,  # noqa: F811
    django_assert_num_queries,
):
    bill = demo_bill("HB 4", (BillStatus.SIGNED, datetime.date(2021, 4, 7)))
    with django_assert_num_queries(1):
        found, missing = sponsors_in_office(bill)
    # The bill list writes "Joseph"; Open States "Joe": the family name and the Senate decide.
    [senator] = found
    assert (senator.name, senator.chamber, senator.district) == ("Joe Cervantes", "upper", "31")
    assert [str(sponsor) for sponsor in missing] == ["Rep. Georgene Louis", "Rep. Brian Egolf"]

    page = follow(state_call_page, bill, thanks_script="Thank you, {legislator_last_name}.")
    html = client.get(page.url).content.decode()
    assert "Your thanks go to this sponsor, who still serves:" in html
    assert "We cannot address thanks to Rep. Georgene Louis, Rep. Brian Egolf" in html
    card = look_up(client, page, zip_code="87501", city="Santa Fe")
    assert heading(card) == "Senator Joe Cervantes"
    assert "Call 1 of 1" in card.content.decode()


def test_colorado_sb_20_217s_sponsors_are_not_in_todays_data_and_the_page_says_so(
    client,
    state_letter_page,
    real_data,  # noqa: F811
):
    bill = demo_bill("SB20-217", (BillStatus.SIGNED, datetime.date(2020, 6, 19)))
    found, missing = sponsors_in_office(bill)
    # Sen. Leroy Garcia is not Rep. Lorena García; Rep. Gonzales-Gutierrez is not Sen. Gonzales.
    assert found == []
    assert len(missing) == 4
    assert StateLegislator.objects.filter(state="CO", family_name__startswith="Gonzales").exists()

    page = follow(state_letter_page, bill, thanks_subject="Thanks", thanks_letter="Thank you.")
    html = client.get(page.url).content.decode()
    assert "None of the sponsors is on our list of current legislators" in html
    assert "Rep. Serena Gonzales-Gutierrez" in html
    assert 'name="zip_code"' not in html


def test_the_sample_bill_in_committee_calls_the_real_committees_members(
    client,
    state_call_page,
    real_data,  # noqa: F811
):
    committee = StateCommittee.objects.get(pk=SAMPLE_COMMITTEE)
    members = list(committee.members.order_by("family_name", "name"))
    assert committee.name == "Judiciary and Public Safety" and len(members) > 5
    bill = demo_bill("SF 9999", (BillStatus.INTRODUCED, datetime.date(2026, 2, 16)))
    BillStatusChange.objects.create(
        bill=bill,
        status=BillStatus.IN_COMMITTEE,
        date=datetime.date(2026, 3, 11),
        committee=committee,
        sort_order=1,
    )
    page = follow(state_call_page, bill, thanks_script="Thank you.")
    html = client.get(page.url).content.decode()
    assert "Call the committee" in html
    assert f"You call each of the {len(members)} members of the Judiciary and Public Safety" in html
    card = look_up(client, page, zip_code="55406")  # no district to choose: the committee
    assert heading(card) == f"{members[0].title} {members[0].name}"
    assert f"Call 1 of {len(members)}" in card.content.decode()
