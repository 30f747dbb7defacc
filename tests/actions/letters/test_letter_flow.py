"""Writing to Congress: a ZIP code to two senators and a representative, a choice whenever the ZIP
code spans districts (never a guess), the letters filled in, counted without personal data, and
emailed only when asked."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actions.factories import LetterPageFactory, LetterSentFactory
from actions.models.letters import LetterSent
from core.models.outbox import OutboundEmail
from states.congress import HOUSE_LOOKUP_URL
from states.factories import LegislatorFactory, ZipDistrictFactory
from states.models import LegislatorImport, ZipDistrict
from tests.actions.letters.helpers import write
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db


def headings(html: str) -> list[str]:
    return re.findall(r'<h3 id="letter-\d+-heading">([^<]+)</h3>', html)


def radios(html: str) -> list[str]:
    return re.findall(r'<input type="radio" name="district" value="([^"]+)"', html)


def test_the_page_offers_the_form_without_a_csrf_token_and_says_how_fresh_the_data_is(
    client, letter_page, congress
):
    response = client.get(letter_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="full_name"' in html and 'name="zip_code"' in html and 'name="website"' in html
    assert "csrfmiddlewaretoken" not in html and not response.cookies
    assert "private" not in response.get("Cache-Control", "")
    assert "Legislator data as of March 2, 2026." in html
    # The remember-me box has no name: it can never be sent to the server.
    assert re.search(r'<input type="checkbox" id="letter-remember" data-remember ', html)
    assert "[your full name]" in html  # the hand-copied version
    assert 'href="sms:50409?body=SIGN%20WJOYDU"' in html
    assert "Text <strong>SIGN WJOYDU</strong> to <strong>50409</strong>." in html


def test_a_zip_in_one_district_gives_three_letters_and_saves_nothing_personal(
    client, letter_page, congress, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = write(client, letter_page, email="ana@example.org", city="Lakewood")
    html = response.content.decode()
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "Your 3 letters are ready" in html
    assert headings(html) == [
        "Senator Sam Coloradan",
        "Senator Sam Rockies",
        "Representative Robin Denverson",
    ]
    assert "For Colorado, district 1 (ZIP code 80202)." in html
    assert (
        "Dear Senator Coloradan,\n\nMy name is Ana Rivera and I live in Lakewood, Colorado." in html
    )
    assert "Please vote for the Ending Qualified Immunity Act (H.R. 1470)." in html
    assert (
        "readonly>Please support the Ending Qualified Immunity Act (H.R. 1470)</textarea>" in html
    )
    assert '<p class="meta">CO-1 · Independent</p>' in html
    assert 'href="https://denverson.example.gov/contact" target="_blank"' in html
    assert '<a href="tel:+12022250000">202-225-0000</a>' in html
    assert "Legislator data as of March 2, 2026." in html

    rows = list(LetterSent.objects.values())
    assert len(rows) == 3
    assert {row["legislator_id"] for row in rows} == {
        member.pk for member in [*congress["co-senators"], congress["co-1"]]
    }
    assert {row["district_key"] for row in rows} == {"CO-1"}
    # The member's name without a title, the same whatever language the letter was written in.
    assert {row["legislator_name"] for row in rows} == {
        "Sam Coloradan",
        "Sam Rockies",
        "Robin Denverson",
    }
    assert {row["language"] for row in rows} == {"en"}
    assert {row["action_key"] for row in rows} == {letter_page.translation_key}
    stored = " ".join(str(value) for row in rows for value in row.values())
    for personal in ("Ana", "Rivera", "Lakewood", "80202", "example.org"):
        assert personal not in stored
    # An email address was typed, but no copy was asked for: nothing is queued or kept.
    assert OutboundEmail.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize("zip_code", ["80202-1234", "802021234", " 80202 "])
def test_zip_plus_four_and_nine_digits_are_the_same_zip(client, letter_page, congress, zip_code):
    html = write(client, letter_page, zip_code=zip_code).content.decode()
    assert "Your 3 letters are ready" in html and "(ZIP code 80202)" in html


def test_a_split_zip_asks_which_district_then_writes_to_the_chosen_one(
    client, letter_page, congress
):
    response = write(client, letter_page, zip_code="80002", city="Arvada")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Which district do you live in?" in html
    assert "ZIP code 80002 is split between 2 congressional districts." in html
    assert radios(html) == ["CO-7", "CO-8"]
    assert "<strong>Colorado, district 7</strong>: Representative Robin Golden" in html
    assert "<strong>Colorado, district 8</strong>: Representative Robin Thornton" in html
    assert f'href="{HOUSE_LOOKUP_URL}"' in html
    # What was typed is kept; nothing is written or counted yet.
    assert 'value="Ana Rivera"' in html and 'value="Arvada"' in html and 'value="80002"' in html
    assert "letters are ready" not in html and LetterSent.objects.count() == 0

    html = write(client, letter_page, zip_code="80002", district="CO-8").content.decode()
    assert headings(html) == [
        "Senator Sam Coloradan",
        "Senator Sam Rockies",
        "Representative Robin Thornton",
    ]
    assert set(LetterSent.objects.values_list("district_key", flat=True)) == {"CO-8"}


@pytest.mark.parametrize("district", ["CO-1", "WY-0", "ZZ-99", "<script>", "CO-", "co-7x"])
def test_a_choice_outside_the_candidates_is_asked_again(client, letter_page, congress, district):
    response = write(client, letter_page, zip_code="80002", district=district)
    html = response.content.decode()
    assert response.status_code == 200 and radios(html) == ["CO-7", "CO-8"]
    assert LetterSent.objects.count() == 0
    assert "<script>" not in html.split('<main id="main"', 1)[1]


def test_a_zip_across_a_state_line_asks_between_the_states(client, letter_page, congress):
    html = write(client, letter_page, zip_code="30165").content.decode()
    assert radios(html) == ["AL-3", "GA-14"]
    assert "<strong>Alabama, district 3</strong>: Representative Robin Anniston" in html
    html = write(client, letter_page, zip_code="30165", district="GA-14").content.decode()
    assert headings(html) == [
        "Senator Sam Peach",
        "Senator Sam Savannah",
        "Representative Robin Rome",
    ]


def test_letters_to_senators_only_need_no_district_within_one_state(
    client, home_page, bill, congress
):
    page = LetterPageFactory(parent=home_page, slug="senate", bill=bill, chambers="senate")
    html = write(client, page, zip_code="80002").content.decode()
    assert headings(html) == ["Senator Sam Coloradan", "Senator Sam Rockies"]
    assert "For Colorado (ZIP code 80002)." in html
    assert set(LetterSent.objects.values_list("district_key", flat=True)) == {"CO"}
    # Across a state line the senators differ, so the state is asked for.
    html = write(client, page, zip_code="30165").content.decode()
    assert radios(html) == ["AL-3", "GA-14"]
    assert "<strong>Georgia</strong>: Senator Sam Peach and Senator Sam Savannah" in html


def test_letters_to_the_house_only(client, home_page, bill, congress):
    page = LetterPageFactory(parent=home_page, slug="house", bill=bill, chambers="house")
    html = write(client, page).content.decode()
    assert "Your letter is ready" in html
    assert headings(html) == ["Representative Robin Denverson"]


def test_an_unknown_zip_offers_every_district_and_the_house_lookup(client, letter_page, congress):
    response = write(client, letter_page, zip_code="99999")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not place ZIP code 99999" in html
    assert f'href="{HOUSE_LOOKUP_URL}"' in html
    assert '<select id="id_district_select" name="district"' in html
    assert '<option value="WY-0">Wyoming, at large: Representative Robin Atlarge</option>' in html
    assert '<optgroup label="Wyoming">' in html and '<optgroup label="Puerto Rico">' in html
    groups = re.findall(r'<optgroup label="([^"]+)">', html)
    assert groups == sorted(groups)
    assert '<option value="CA-14">California, district 14: seat vacant</option>' in html
    assert LetterSent.objects.count() == 0

    html = write(client, letter_page, zip_code="99999", district="WY-0").content.decode()
    assert "Your 3 letters are ready" in html and "For Wyoming, at large (ZIP code 99999)." in html
    # A district nobody has is asked again, not guessed.
    html = write(client, letter_page, zip_code="99999", district="WY-5").content.decode()
    assert "We could not place ZIP code 99999" in html


def test_an_at_large_state(client, letter_page, congress):
    html = write(client, letter_page, zip_code="82001", city="Cheyenne").content.decode()
    assert headings(html) == [
        "Senator Sam Cheyenne",
        "Senator Sam Laramie",
        "Representative Robin Atlarge",
    ]
    assert "For Wyoming, at large (ZIP code 82001)." in html and "WY at large" in html
    assert "I live in Cheyenne, Wyoming." in html


@pytest.mark.parametrize(
    ("zip_code", "title", "place"),
    [
        ("00901", "Resident Commissioner", "Puerto Rico"),
        ("20001", "Delegate", "District of Columbia"),
    ],
)
def test_a_territory_or_dc_has_its_delegate_and_no_senators(
    client, letter_page, congress, zip_code, title, place
):
    html = write(client, letter_page, zip_code=zip_code).content.decode()
    assert "Your letter is ready" in html
    assert len(headings(html)) == 1 and headings(html)[0].startswith(title)
    assert f"{place} has no senators, so there is no letter to the Senate." in html
    assert "cannot vote on a bill&#x27;s final passage" in html
    assert f"Dear {title} " in html


def test_a_vacant_seat_is_said_plainly(client, letter_page, congress):
    html = write(client, letter_page, zip_code="94103").content.decode()
    assert headings(html) == ["Senator Sam Pacific", "Senator Sam Sierra"]
    assert "The House seat for California, district 14 is vacant" in html


def test_a_missing_phone_or_contact_form_is_said_not_hidden(client, letter_page, congress):
    golden = write(client, letter_page, zip_code="80002", district="CO-7").content.decode()
    assert 'href="https://golden.example.gov" target="_blank"' in golden  # the website instead
    assert "No contact form address is listed for this member" in golden
    assert "No phone number listed." in golden
    thornton = write(client, letter_page, zip_code="80002", district="CO-8").content.decode()
    assert "No contact form or website is listed for this member" in thornton
    assert '<a href="tel:+12022250000">202-225-0000</a>' in thornton


@pytest.mark.parametrize(
    ("zip_code", "message"),
    [
        ("8020", "Enter a ZIP code of five digits, like 20515."),
        ("80a02", "Enter a ZIP code of five digits, like 20515."),
        ("802021", "Enter a ZIP code of five digits, like 20515."),
        ("8020212345", "Enter a ZIP code of five digits, like 20515."),
        ("80202-12345", "Enter a ZIP code of five digits, like 20515."),
        ("", "Enter your ZIP code."),
        ("     ", "Enter your ZIP code."),
    ],
)
def test_a_malformed_zip_is_explained_next_to_the_field(
    client, letter_page, congress, zip_code, message
):
    response = write(client, letter_page, zip_code=zip_code)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(
        rf'<label for="id_zip_code">ZIP code <span class="field-error">{message}', html
    )
    assert f'<li><a href="#id_zip_code">ZIP code: {message}</a></li>' in html
    assert "data-error-summary" in html and 'value="Ana Rivera"' in html
    assert LetterSent.objects.count() == 0


def test_missing_details_and_an_email_copy_without_an_address(client, letter_page, congress):
    html = write(
        client, letter_page, full_name="   ", city="", email="", email_copy="on"
    ).content.decode()
    assert "Enter your full name." in html and "Enter your city or town." in html
    assert "Enter your email address, or untick “Email me these letters”." in html
    html = write(client, letter_page, email="not-an-email").content.decode()
    assert "Enter an email address like name@example.org." in html
    html = write(client, letter_page, full_name="Ana\nRivera").content.decode()
    assert "This cannot contain line breaks." in html
    html = write(client, letter_page, full_name="A" * 101).content.decode()
    assert "Use at most 100 characters." in html
    assert LetterSent.objects.count() == 0


def test_script_in_the_name_is_text_in_the_page_and_the_email(
    client, letter_page, congress, django_capture_on_commit_callbacks
):
    name = '<script>alert("x")</script> Ana'
    with django_capture_on_commit_callbacks(execute=True):
        response = write(
            client, letter_page, full_name=name, city="<b>Denver</b>", email="ana@example.org",
            email_copy="on",
        )  # fmt: skip
    html = response.content.decode()
    main = html.split('<main id="main"', 1)[1]
    assert "<script>alert" not in main and "<b>Denver" not in main
    assert "My name is &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ana" in main
    [email] = mail.outbox
    html_part = email.alternatives[0][0]
    assert "<script>alert" not in html_part and "&lt;script&gt;alert" in html_part
    # The plain-text part is text: the name appears as typed, and nothing runs it.
    assert name in email.body


def test_the_email_copy_is_queued_with_every_letter_only_when_asked(
    client, letter_page, congress, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = write(client, letter_page, email=" Ana@Example.org ", email_copy="on")
    html = response.content.decode()
    assert "A copy of your letters is on its way to ana@example.org." in html
    [row] = OutboundEmail.objects.all()
    assert row.to_email == "ana@example.org" and row.language == "en"
    assert row.template == "actions/emails/letters_copy"
    [email] = mail.outbox
    assert email.to == ["ana@example.org"]
    assert email.subject == "Your letters: Write to Congress"
    assert email.alternatives and email.alternatives[0][1] == "text/html"
    for heading in (
        "Senator Sam Coloradan",
        "Senator Sam Rockies",
        "Representative Robin Denverson",
    ):
        assert heading in email.body and heading in email.alternatives[0][0]
    assert "Dear Representative Denverson," in email.body
    assert "https://denverson.example.gov/contact" in email.body
    assert LetterSent.objects.count() == 3

    # The same letters again within the hour: counted again, but no second email.
    with django_capture_on_commit_callbacks(execute=True):
        write(client, letter_page, email="ana@example.org", email_copy="on")
    assert len(mail.outbox) == 1 and LetterSent.objects.count() == 6


def test_rows_and_email_are_saved_together_or_not_at_all(
    client, letter_page, congress, monkeypatch
):
    from actions.letters import writing

    def broken_queue(**kwargs):
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(writing, "queue_email", broken_queue)
    with pytest.raises(RuntimeError):
        write(client, letter_page, email="ana@example.org", email_copy="on")
    assert LetterSent.objects.count() == 0


def test_the_spanish_page_speaks_spanish_and_writes_the_spanish_letter(
    client, spanish_letter_page, congress, django_capture_on_commit_callbacks
):
    form = client.get(spanish_letter_page.url).content.decode()
    assert '<label for="id_full_name">Nombre completo</label>' in form
    assert '<label for="id_city">Ciudad o pueblo</label>' in form
    assert "Preparar mis cartas" in form and "Recordarme en este dispositivo" in form
    assert "Datos de los legisladores al 2 de marzo de 2026." in form
    assert "Estimado/a [Senador/a o Representante] [apellido del legislador]:" in form

    choice = write(client, spanish_letter_page, zip_code="80002").content.decode()
    assert "¿En qué distrito vive?" in choice
    assert "<strong>Colorado, distrito 7</strong>: Representante Robin Golden" in choice

    with django_capture_on_commit_callbacks(execute=True):
        response = write(
            client, spanish_letter_page, zip_code="80002", district="CO-7",
            email="ana@example.org", email_copy="on",
        )  # fmt: skip
    html = response.content.decode()
    assert "Sus 3 cartas están listas" in html
    assert "Estimado/a Senador/a Coloradan:" in html
    assert (
        "Le pido que vote a favor de la Ley para Acabar con la Inmunidad Calificada (H.R. 1470)"
        in html
    )
    assert "No figura ningún teléfono." in html
    assert '<p class="meta">CO · Independiente</p>' in html
    assert set(LetterSent.objects.values_list("language", flat=True)) == {"es"}
    assert {row.action_key for row in LetterSent.objects.all()} == {
        spanish_letter_page.translation_key
    }
    [email] = mail.outbox
    assert email.subject == "Sus cartas: Escriba al Congreso"
    assert "Hola, Ana Rivera:" in email.body and "Asunto: Por favor, apoye la Ley" in email.body


def test_without_legislator_data_the_page_says_letters_are_not_available_yet(client, letter_page):
    html = client.get(letter_page.url).content.decode()
    assert "Letters are not available yet" in html and 'name="zip_code"' not in html
    assert f'href="{HOUSE_LOOKUP_URL}"' in html
    response = write(client, letter_page)
    assert (
        response.status_code == 200 and "Letters are not available yet" in response.content.decode()
    )
    assert LetterSent.objects.count() == 0


def test_the_page_gives_the_publishers_date_and_owns_up_when_it_has_only_the_import_date(
    client, letter_page, congress
):
    html = client.get(letter_page.url).content.decode()
    assert "Legislator data as of March 2, 2026." in html  # not the import, in November
    assert "Nov. 20, 2026" not in html
    LegislatorImport.objects.update(data_published_at=None)
    html = client.get(letter_page.url).content.decode()
    assert "Legislator data as of" not in html
    assert "Legislator data imported on Nov. 20, 2026 (its publication date is unknown)." in html


def test_the_spanish_page_also_owns_up_to_an_import_date(
    client, spanish_letter_page, letter_page, congress
):
    LegislatorImport.objects.update(data_published_at=None)
    expected = (
        "Datos de legisladores importados el 20 de noviembre de 2026 "
        "(se desconoce su fecha de publicación)."
    )
    assert expected in client.get(spanish_letter_page.url).content.decode()
    letters = write(client, spanish_letter_page).content.decode()  # and under the letters
    assert expected in letters and "Datos de los legisladores al" not in letters
    english = write(client, letter_page).content.decode()
    assert "Legislator data imported on Nov. 20, 2026 (its publication date is unknown)." in english


def test_data_without_a_recorded_import_still_works_undated(client, letter_page, congress):
    LegislatorImport.objects.all().delete()
    html = write(client, letter_page).content.decode()
    assert "Your 3 letters are ready" in html and "Legislator data as of" not in html


def test_the_page_renders_in_the_same_queries_whatever_the_data(client, letter_page, congress):
    queries_for(client, letter_page.url)[0]  # warm per-process caches
    few = queries_for(client, letter_page.url)[0]
    LegislatorFactory.create_batch(50, state="TX")
    ZipDistrict.objects.bulk_create(
        [ZipDistrict(zcta=f"7{n:04d}", state="TX", district=n % 38 + 1) for n in range(2000)]
    )
    LetterSentFactory.create_batch(300, page=letter_page)
    LegislatorImport.objects.create(started_at=timezone.now(), source="again")
    assert queries_for(client, letter_page.url)[0] == few


def test_the_choice_costs_the_same_queries_for_two_or_twenty_districts(
    client, letter_page, congress
):
    def choice_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = write(client, letter_page, zip_code="80002")
        return len(queries), len(radios(response.content.decode()))

    choice_queries()
    two, shown = choice_queries()
    assert shown == 2
    for n in range(10, 28):
        LegislatorFactory(state="CO", district=n)
        ZipDistrictFactory(zcta="80002", state="CO", district=n)
    twenty, shown = choice_queries()
    assert shown == 20 and twenty == two
