"""The state letter page itself: the editor's checks, the query budget, the staff report."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from actions.factories import LetterSentFactory
from actions.letters.report import per_legislator
from actions.models import AfterActing
from actions.models.letters import Chambers, LetterSent
from states.factories import BillFactory
from tests.actions.letters.helpers import write
from tests.helpers import warm_queries

pytestmark = pytest.mark.django_db


def test_a_state_letter_has_no_senate_bill(state_letter_page):
    state_letter_page.senate_bill = BillFactory(jurisdiction="US", number="S. 1")
    with pytest.raises(ValidationError) as raised:
        state_letter_page.full_clean()
    assert "leave the Senate bill empty" in str(raised.value)


def test_the_placeholders_are_checked_as_for_congress(state_letter_page):
    state_letter_page.letter_template = "Dear {legislator_title} {nombre}"
    with pytest.raises(ValidationError) as raised:
        state_letter_page.full_clean()
    assert "Unknown placeholder {nombre}" in str(raised.value)


def test_the_form_and_the_letters_take_a_bounded_number_of_queries(
    client, state_letter_page, legislatures
):
    queries, _html = warm_queries(client, state_letter_page.url)
    assert queries <= 12
    # The site's After acting settings exist, as on any site after its first thank-you (only
    # thank-you pages read them, and the first read creates their row).
    AfterActing.for_site(Site.objects.get(is_default_site=True))
    with CaptureQueriesContext(connection) as captured:
        write(client, state_letter_page, zip_code="03246")  # three letters and a floterial
    assert len(captured) <= 22, [q["sql"] for q in captured]
    with CaptureQueriesContext(connection) as asked:
        write(client, state_letter_page, zip_code="55999")  # the whole state listed
    assert len(asked) <= 16


def test_the_report_lists_state_legislators_by_name_and_seat(
    client, state_letter_page, legislatures
):
    LetterSentFactory(page=state_letter_page)  # a member of Congress beside them
    write(client, state_letter_page, zip_code="55406", district_lower="MN|63A")
    rows = {row["name"]: row for row in per_legislator(LetterSent.objects.all())}
    assert rows["Emma Greenwood"]["seat"] == "MN House or Assembly (lower chamber) 63A"
    assert rows["Emma Greenwood"]["bioguide_id"].startswith("ocd-person/")
    assert rows["Ona Dorado"]["chamber"] == "upper"
    assert "Senator Sample" in rows


def test_a_page_for_congress_is_unchanged(state_letter_page):
    state_letter_page.chambers = Chambers.BOTH
    assert not state_letter_page.writes_to_states
    assert state_letter_page.chambers_chosen == ("senate", "house")


def test_the_copy_it_yourself_part_points_to_the_state_finder(
    client, state_letter_page, legislatures
):
    html = client.get(state_letter_page.url).content.decode()
    assert "Rather write it yourself?" in html
    assert "openstates.org/find_your_legislator" in html and "senators-contact" not in html
