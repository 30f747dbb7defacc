"""A letter to state legislators: the ZIP code lookup that asks rather than guesses, the
legislatures with one chamber, at-large and multi-member seats, vacancies, titles in English
and Spanish, counts and the email copy. Data: conftest.py."""

import time

import pytest
from django.core import mail

from actions.letters.state_lookup import FIND_YOUR_LEGISLATOR_URL
from actions.models.letters import Chambers, LetterSent
from core.models.outbox import OutboundEmail
from core.spam import started_token
from tests.actions.letters.helpers import write

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def sent() -> list[tuple[str, str, str]]:
    return sorted(LetterSent.objects.values_list("legislator_name", "chamber", "district_key"))


def test_the_form_says_whom_it_writes_to(client, state_letter_page, legislatures):
    html = html_of(client.get(state_letter_page.url))
    assert "Letter to your state legislators" in html
    assert "Write to your state legislators" in html


def test_a_zip_in_two_house_districts_asks_and_never_guesses(
    client, state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="55406", city="Minneapolis"))
    assert "Which district do you live in?" in html
    assert 'name="district_lower" value="MN|63A"' in html
    assert 'name="district_lower" value="MN|63B"' in html
    assert "Representative Emma Greenwood" in html and "Representative Jamie Ostrow" in html
    # The senate district is known and said, not asked.
    assert 'name="district_upper"' not in html
    assert "Senator Ona Dorado" in html
    assert LetterSent.objects.count() == 0 and "Dear Representative" not in html


def test_choosing_the_district_gives_one_senator_and_one_representative(
    client, state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="55406", district_lower="MN|63A"))
    assert "Your 2 letters are ready" in html
    assert "Dear Senator Dorado," in html and "Dear Representative Greenwood," in html
    assert "Jamie Ostrow" not in html
    assert "End qualified immunity in Minnesota" in html
    assert "dorado@mn.example.gov" in html and "651-555-0100" in html and "1 Capitol Ave" in html
    assert sent() == [
        ("Emma Greenwood", "lower", "MN 63A"),
        ("Ona Dorado", "upper", "MN 63"),
    ]
    [row] = LetterSent.objects.filter(chamber="lower")
    assert row.legislator_id.startswith("ocd-person/")


def test_a_district_not_among_the_candidates_is_asked_again(
    client, state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="55406", district_lower="MN|60A"))
    assert "The district you chose is not one of them" in html
    assert LetterSent.objects.count() == 0


def test_a_zip_with_no_rows_lists_the_states_districts_and_the_official_lookup(
    client, state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="55999"))
    assert "Choose your district in Minnesota" in html
    assert '<select id="id_district_upper_select" name="district_upper">' in html
    assert '<option value="MN|63B">63B: Representative Jamie Ostrow</option>' in html
    assert FIND_YOUR_LEGISLATOR_URL in html
    html = html_of(
        write(
            client,
            state_letter_page,
            zip_code="55999",
            district_upper="MN|63",
            district_lower="MN|63B",
        )
    )
    assert "Dear Senator Dorado," in html and "Dear Representative Ostrow," in html


def test_a_zip_in_no_state_says_so_with_the_lookup(client, state_letter_page, legislatures):
    html = html_of(write(client, state_letter_page, zip_code="00100"))
    assert "We could not place ZIP code 00100" in html and FIND_YOUR_LEGISLATOR_URL in html


def test_a_vacant_seat_is_said_and_the_other_chamber_written_to(
    client, state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="55402"))
    assert "Your letter is ready" in html and "Dear Senator Lindqvist," in html
    assert "The seat for Minnesota House, district 60A is vacant" in html
    assert "No phone number listed." in html  # her offices are not in the data
    assert sent() == [("Kari Lindqvist", "upper", "MN 60")]


def test_new_hampshire_multi_member_district_and_floterial_note(
    client, state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="03246", city="Laconia"))
    assert "Your 3 letters are ready" in html
    assert "Dear Representative Gilford," in html and "Dear Representative Meredith," in html
    assert "Dear Senator Laconia," in html
    assert "may also represent you" in html
    assert "New Hampshire House, Belknap 8: Representative Cal Floater" in html
    assert "Dear Representative Floater" not in html
    assert LetterSent.objects.filter(district_key="NH Belknap 2").count() == 2


def test_nebraska_has_one_chamber_whatever_the_page_chose(client, state_letter_page, legislatures):
    state_letter_page.chambers = Chambers.STATE_LOWER
    state_letter_page.save_revision().publish()
    html = html_of(write(client, state_letter_page, zip_code="68102", city="Omaha"))
    assert "Your letter is ready" in html and "Dear Senator Omaha," in html
    assert sent() == [("Nell Omaha", "legislature", "NE 5")]


def test_a_page_for_one_chamber_writes_to_that_chamber_only(
    client, state_letter_page, legislatures
):
    state_letter_page.chambers = Chambers.STATE_UPPER
    state_letter_page.save_revision().publish()
    html = html_of(write(client, state_letter_page, zip_code="55406"))
    assert "Which district" not in html  # the house split does not matter
    assert sent() == [("Ona Dorado", "upper", "MN 63")]


def test_dc_ward_plus_chairman_and_at_large_members_and_the_vacant_at_large_seat(
    client, state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="20001", city="Washington"))
    assert "Choose your district in District of Columbia" in html
    assert '<option value="DC|Ward 2">Ward 2: Councilmember Walt Second</option>' in html
    assert "DC|At-Large" not in html and "DC|Chairman" not in html
    html = html_of(
        write(client, state_letter_page, zip_code="20001", district_legislature="DC|Ward 2")
    )
    assert "Your 5 letters are ready" in html
    assert "Dear Councilmember Second," in html and "Dear Councilmember Chair," in html
    assert "Wendy Ward" not in html
    assert "1 of the 4 seats for District of Columbia Council, At-Large is vacant." in html


def test_puerto_rico_district_and_at_large_members(client, state_letter_page, legislatures):
    html = html_of(write(client, state_letter_page, zip_code="00901", city="San Juan"))
    assert "Choose your district in Puerto Rico" in html
    html = html_of(
        write(
            client,
            state_letter_page,
            zip_code="00901",
            district_upper="PR|I",
            district_lower="PR|1",
        )
    )
    assert "Your 5 letters are ready" in html
    for name in ("Sanjuan", "Condado", "Entera", "Viejo", "Todos"):
        assert f" {name}," in html


def test_titles_the_chamber_uses_in_english_and_spanish(
    client, state_letter_page, spanish_state_letter_page, legislatures
):
    html = html_of(write(client, state_letter_page, zip_code="94102", city="San Francisco"))
    assert "Dear Senator Mission," in html and "Dear Assemblymember Castro," in html
    html = html_of(write(client, spanish_state_letter_page, zip_code="94102"))
    assert "Estimado/a Asambleísta Castro:" in html and "Estimado/a Senador/a Mission:" in html
    assert "Inmunidad calificada en California" in html
    html = html_of(
        write(client, spanish_state_letter_page, zip_code="55406", district_lower="MN|63A")
    )
    assert "Estimado/a Senadora Dorado:" in html and "Estimado/a Representante Greenwood:" in html
    assert "Senado de Minnesota, distrito 63 y Cámara de Representantes de Minnesota" in html
    assert set(LetterSent.objects.values_list("language", flat=True)) == {"en", "es"}


def test_the_email_copy_names_each_office(
    client, state_letter_page, legislatures, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        html = html_of(
            write(
                client,
                state_letter_page,
                zip_code="55406",
                district_lower="MN|63B",
                email="ana@example.org",
                email_copy="on",
            )
        )
    assert "A copy of your letters is on its way to ana@example.org." in html
    assert OutboundEmail.objects.count() == 1
    [email] = mail.outbox
    assert "Email: ostrow@mn.example.gov" in email.body
    assert "Senator Ona Dorado" in email.body and "Dear Representative Ostrow," in email.body


def test_the_same_form_sent_twice_counts_once(client, state_letter_page, legislatures):
    started = started_token(time.time() - 30)
    for _ in range(2):
        write(
            client,
            state_letter_page,
            zip_code="55406",
            district_lower="MN|63A",
            form_started=started,
        )
    assert LetterSent.objects.count() == 2
