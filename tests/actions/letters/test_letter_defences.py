"""The letter form's defences, as on every public form: a honeypot, a minimum fill time, a per-IP
rate limit and a size cap, each with a friendly answer for people; and no 500 for any input."""

import time

import pytest
from django.core import mail
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from actions.models.letters import LetterSent
from core.spam import started_token
from tests.actions.letters.helpers import letter_data, write

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_gets_the_blank_form_and_nothing_happens(
    client, letter_page, congress, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = write(
            client, letter_page, website="http://spam.example", email="x@example.org",
            email_copy="on",
        )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="full_name"' in html and 'value="Ana Rivera"' not in html
    assert LetterSent.objects.count() == 0 and mail.outbox == []


TOKENS = {
    "missing": lambda: "",
    "forged": lambda: "forged",
    "tampered": lambda: started_token(time.time() - 30) + "x",
}


# The ids are names, the tokens made when the test runs: a collection must be the same in every
# process (pytest-xdist compares them), and a time in an id never is.
@pytest.mark.parametrize("token", TOKENS)
def test_a_missing_or_forged_start_time_is_dropped(client, letter_page, congress, token):
    response = write(client, letter_page, form_started=TOKENS[token]())
    assert response.status_code == 200 and LetterSent.objects.count() == 0
    assert "letters are ready" not in response.content.decode()


def test_a_very_quick_person_is_asked_to_press_again_with_their_details_kept(
    client, letter_page, congress
):
    response = write(client, letter_page, form_started=started_token())
    html = response.content.decode()
    assert response.status_code == 200
    assert "That was very quick." in html and 'value="Ana Rivera"' in html
    assert LetterSent.objects.count() == 0
    # Pressing again later, with the same start time, works.
    token = html.split('name="form_started" value="', 1)[1].split('"', 1)[0]
    time.sleep(0)
    assert started_token is not None and token
    assert (
        "Your 3 letters are ready"
        in write(client, letter_page, form_started=started_token(time.time() - 10)).content.decode()
    )


def test_over_the_rate_limit_a_person_is_told_and_keeps_their_details(
    client, letter_page, congress, settings
):
    settings.LETTER_RATE_LIMIT_COUNT = 2
    for _ in range(2):
        assert "Your 3 letters are ready" in write(client, letter_page).content.decode()
    response = write(client, letter_page)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many letters from your network" in html and 'value="Ana Rivera"' in html
    assert LetterSent.objects.count() == 6
    # Another network is not affected.
    assert (
        "Your 3 letters are ready" in write(client, letter_page, ip="198.51.100.4").content.decode()
    )


def test_looking_up_and_choosing_does_not_use_up_the_limit(client, letter_page, congress, settings):
    settings.LETTER_RATE_LIMIT_COUNT = 1
    for _ in range(5):
        assert "Which district" in write(client, letter_page, zip_code="80002").content.decode()
    html = write(client, letter_page, zip_code="80002", district="CO-7").content.decode()
    assert "Your 3 letters are ready" in html


def test_a_huge_post_is_refused_before_it_is_read(client, letter_page, congress):
    response = client.post(
        letter_page.url, letter_data(full_name="A" * 20_000), REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 413
    assert "That submission was too large" in response.content.decode()


def test_posting_without_a_csrf_token_is_accepted_here(letter_page, congress):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = write(strict, letter_page)
    assert response.status_code == 200 and "Your 3 letters are ready" in response.content.decode()


BAD_VALUES = [
    "\x00",
    "‮evil‭",
    "😀" * 30,
    "Robert'); DROP TABLE states_legislator;--",
    "{full_name}{bill}",
    "%(full_name)s %s %d",
    "<img src=x onerror=alert(1)>",
    " ",
    "a" * 300,
    "١٢٣٤٥",
]


@pytest.mark.parametrize("value", BAD_VALUES)
@pytest.mark.parametrize("field", ["full_name", "city", "zip_code", "email", "district"])
def test_no_input_gives_a_500(client, letter_page, congress, field, value):
    response = write(client, letter_page, **{"zip_code": "80002", field: value})
    assert response.status_code in (200, 413)
    main = response.content.decode().split('<main id="main"', 1)[1]
    assert "<img src=x" not in main


def test_placeholders_typed_by_a_supporter_stay_as_typed(client, letter_page, congress):
    html = write(
        client, letter_page, full_name="{bill} {city}", city="{full_name}"
    ).content.decode()
    assert "My name is {bill} {city} and I live in {full_name}, Colorado." in html


def test_a_get_with_odd_parameters_is_the_plain_form(client, letter_page, congress):
    response = client.get(letter_page.url, {"zip_code": "80202", "district": "<x>"})
    assert response.status_code == 200 and "letters are ready" not in response.content.decode()


def test_digits_of_other_scripts_are_not_a_zip_code(client, letter_page, congress):
    html = write(client, letter_page, zip_code="٨٠٢٠٢").content.decode()
    assert "Enter a ZIP code of five digits, like 20515." in html


hostile_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=120),
    st.sampled_from(
        [
            "\x00",
            "\u202eevil\u202c",
            "<script>alert(1)</script>",
            "80002",
            "CO-7",
            "99999",
            "10027-1234",
            "{full_name}",
            "%s",
            "\r\nSet-Cookie: x=y",
            "q" * 3000,
        ]
    ),
)


@pytest.mark.django_db
@hypothesis_settings(  # examples: the Hypothesis profile (tests/conftest.py)
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    full_name=hostile_text,
    city=hostile_text,
    zip_code=hostile_text,
    email=hostile_text,
    district=hostile_text,
    email_copy=st.sampled_from(["", "on", "\x00"]),
)
def test_whatever_is_posted_the_answer_is_never_a_server_error(
    client, letter_page, congress, full_name, city, zip_code, email, district, email_copy
):
    response = write(
        client, letter_page, full_name=full_name, city=city, zip_code=zip_code, email=email,
        district=district, email_copy=email_copy, ip="192.0.2.77",
    )  # fmt: skip
    assert response.status_code in (200, 413, 429)
    main = response.content.decode().split('<main id="main"', 1)[1]
    assert "<script>alert(1)" not in main
