"""Each state page lists its members of Congress: senators, then representatives by district,
with party, phone and links, Judiciary seats marked; in English and Spanish; a note without
data."""

import io
import re

import pytest

from core.localization import translate
from states import seed
from states.congress import HOUSE_LOOKUP_URL
from states.factories import LegislatorFactory
from states.models import Chamber, Committee, CommitteeMembership
from tests.states.helpers import make_state, rubric

pytestmark = pytest.mark.django_db


@pytest.fixture
def colorado(home_page, spanish_home):
    criteria = rubric()
    index = seed.ensure_index(io.StringIO())
    page = make_state(index, "CO", [], criteria)
    translate(page, "es", {"Colorado": "Colorado", "colorado": "colorado"})
    make_state(index, "TX", [], criteria)
    judiciary = Committee.objects.create(
        committee_id="HSJU", name="House Committee on the Judiciary", chamber="house"
    )
    LegislatorFactory(
        bioguide_id="B001267",
        chamber=Chamber.SENATE,
        first_name="Michael",
        last_name="Bennet",
        full_name="Michael F. Bennet",
        gender="M",
        party="Democrat",
        phone="202-224-5852",
        website="https://www.bennet.senate.gov",
        contact_form_url="https://www.bennet.senate.gov/contact",
    )
    LegislatorFactory(
        chamber=Chamber.SENATE,
        full_name="John W. Hickenlooper",
        last_name="Hickenlooper",
        party="Democrat",
    )
    neguse = LegislatorFactory(
        full_name="Joe Neguse",
        last_name="Neguse",
        district=2,
        party="Democrat",
        contact_form_url="",
    )
    CommitteeMembership.objects.create(committee=judiciary, legislator=neguse, role="")
    LegislatorFactory(
        full_name="Jeff Hurd", last_name="Hurd", district=3, party="Republican", phone=""
    )
    LegislatorFactory(full_name="Diana DeGette", last_name="DeGette", district=1)
    LegislatorFactory(state="WY", district=0, full_name="Harriet Hageman")
    return page


def members_section(html: str) -> str:
    start = html.index('aria-labelledby="members-heading"')
    return html[start : html.index("</section>", start)]


def test_the_state_page_lists_senators_then_representatives_by_district(client, colorado):
    html = members_section(client.get("/en/scorecard/colorado/").content.decode())
    assert "Colorado's members of Congress" in html
    names = re.findall(r'<h4 class="member__name">([^<]+)</h4>', html)
    assert names == [
        "Senator Michael F. Bennet",
        "Senator John W. Hickenlooper",
        "Representative Diana DeGette",
        "Representative Joe Neguse",
        "Representative Jeff Hurd",
    ]
    assert "Harriet Hageman" not in html  # Wyoming's
    assert "<h3>Senators</h3>" in html and "<h3>Representatives, by district</h3>" in html
    assert "District 2 · Democrat" in html and "District 3 · Republican" in html
    assert '<a href="tel:202-224-5852">Call 202-224-5852</a>' in html
    assert '<a href="https://www.bennet.senate.gov/contact" rel="noopener">' in html
    assert '<a href="https://www.bennet.senate.gov" rel="noopener">Website</a>' in html
    # A missing phone or contact form is left out, not shown empty.
    hurd = html[html.index("Jeff Hurd") :]
    hurd = hurd[: hurd.index("</article>")]
    assert "tel:" not in hurd
    neguse = html[html.index("Joe Neguse") :]
    neguse = neguse[: neguse.index("</article>")]
    assert "Official contact form" not in neguse
    # The Judiciary seat is marked, for Neguse only.
    assert html.count("member--judiciary") == 1
    assert '<span class="badge badge--judiciary">Judiciary Committee</span>' in neguse
    assert HOUSE_LOOKUP_URL in html


def test_the_spanish_state_page_lists_them_in_spanish(client, colorado):
    html = members_section(client.get("/es/evaluacion-por-estado/colorado/").content.decode())
    assert "Miembros del Congreso por Colorado" in html
    assert "<h3>Senadores</h3>" in html and "<h3>Representantes, por distrito</h3>" in html
    assert "Senador Michael F. Bennet" in html and "Representante Joe Neguse" in html
    assert "Distrito 2 · Demócrata" in html and "Distrito 3 · Republicano" in html
    assert "Llamar al 202-224-5852" in html and "Formulario de contacto oficial" in html
    assert "Comité Judicial" in html
    assert "Miembros del Congreso por Colorado" in html


def test_an_at_large_seat_and_a_judiciary_role(client, home_page):
    index = seed.ensure_index(io.StringIO())
    make_state(index, "WY", [], rubric())
    judiciary = Committee.objects.create(committee_id="SSJU", name="Senate Judiciary")
    senator = LegislatorFactory(chamber=Chamber.SENATE, state="WY", full_name="Cynthia Lummis")
    CommitteeMembership.objects.create(committee=judiciary, legislator=senator, role="Chairman")
    LegislatorFactory(state="WY", district=0, full_name="Harriet Hageman", party="Republican")
    html = members_section(client.get("/en/scorecard/wyoming/").content.decode())
    assert "<h3>In the House</h3>" in html and "At large · Republican" in html
    assert "Judiciary Committee, chair" in html
    assert "Not sure which district" not in html  # one district: nothing to find out


def test_a_state_without_data_shows_a_short_note(client, colorado):
    response = client.get("/en/scorecard/texas/")
    assert response.status_code == 200
    html = members_section(response.content.decode())
    assert "We do not have the list of members of Congress for this state yet." in html
    assert "member-list" not in html
