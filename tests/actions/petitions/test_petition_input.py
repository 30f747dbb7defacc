"""Bad input on a petition: a clear message next to the field, what was typed kept, script
escaped, sources cleaned, closed petitions, huge posts, bots, quick people and busy networks;
never a 500."""

import datetime
import time

import pytest
from django.core import mail

from actions.models import Signature
from core.models.outbox import OutboundEmail
from core.spam import started_token
from tests.actions.petitions.helpers import sign, signature_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "", "Enter your email address."),
        ("email", "not-an-email", "Enter an email address like name@example.org."),
        ("email", "a@b.org\r\nBcc: x@y.org", "Enter an email address like"),
        ("zip_code", "1234", "Enter a ZIP code of five digits, like 20515."),
        ("zip_code", "ABCDE", "Enter a ZIP code of five digits, like 20515."),
        ("zip_code", "", "Enter your ZIP code."),
        ("first_name", "A" * 1000, "Use at most 100 characters."),
        ("last_name", "   ", "Enter your last name."),
        ("first_name", "Ana\nBcc: x", "This cannot contain line breaks."),
    ],
)
def test_bad_input_is_a_clear_message_next_to_the_field(client, petition, field, value, message):
    response = sign(client, petition, **{field: value})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'class="field field--invalid"' in html and 'aria-invalid="true"' in html
    assert Signature.objects.count() == 0 and OutboundEmail.objects.count() == 0


def test_what_was_typed_is_kept_and_script_is_escaped_everywhere(
    client, petition, django_capture_on_commit_callbacks
):
    script = "<script>alert(1)</script>"
    html = sign(client, petition, first_name=script, zip_code="12").content.decode()
    assert script not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, petition, first_name=script, last_name=script, public="on")
    page = client.get(petition.url).content.decode()
    assert script not in page and "&lt;script&gt;" not in page  # not among the recent signers
    assert script not in mail.outbox[0].alternatives[0][0]


def test_outside_the_us_no_zip_is_needed(client, petition):
    response = sign(client, petition, country="other", zip_code="")
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.country, signature.zip_code, signature.state) == ("other", "", "")


def test_a_zip_plus_four_is_accepted_as_its_five_digits(client, petition):
    sign(client, petition, zip_code="20515-0001")
    assert Signature.objects.get().zip_code == "20515"


def test_a_source_code_is_recorded_and_an_unknown_or_mangled_one_does_not_fail(client, petition):
    form = client.get(petition.url, {"source": "Partner-1"}).content.decode()
    assert 'name="source" value="partner-1"' in form
    sign(client, petition, email="a@example.org", source="partner-1")
    sign(client, petition, email="b@example.org", source="never-heard-of-it")
    sign(client, petition, email="c@example.org", source="<script>x</script>" * 20)
    sources = dict(Signature.objects.values_list("email", "source"))
    assert sources == {
        "a@example.org": "partner-1",
        "b@example.org": "never-heard-of-it",
        "c@example.org": "",
    }


def test_a_closed_petition_shows_why_and_takes_no_signature(client, petition):
    petition.closed = True
    petition.delivery_note = "Delivered to Congress on 4 May."
    petition.save_revision().publish()
    html = client.get(petition.url).content.decode()
    assert "This petition is closed" in html and "Delivered to Congress on 4 May." in html
    assert 'name="email"' not in html
    response = sign(client, petition)
    assert response.status_code == 410
    assert "This petition is closed" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_past_close_date_closes_the_petition(client, petition):
    petition.close_date = datetime.date(2020, 1, 1)
    petition.save_revision().publish()
    assert sign(client, petition).status_code == 410


def test_a_huge_post_is_refused_clearly(client, petition):
    response = client.post(
        petition.url, signature_data(first_name="x" * 100_000), REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 413
    assert "That submission was too large" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_bot_sees_the_thank_you_and_nothing_is_saved(client, petition):
    response = sign(client, petition, website="http://spam.example")
    assert response.status_code == 302 and "thanks=" in response["Location"]
    assert Signature.objects.count() == 0 and OutboundEmail.objects.count() == 0
    forged = sign(client, petition, form_started="forged")
    assert forged.status_code == 302 and Signature.objects.count() == 0


def test_a_very_quick_person_is_asked_to_press_again_not_dropped(client, petition):
    just_now = started_token(time.time() - 1)
    response = sign(client, petition, form_started=just_now, email="quick@example.org")
    html = response.content.decode()
    assert response.status_code == 200 and "That was very quick." in html
    assert 'value="quick@example.org"' in html and just_now in html
    assert Signature.objects.count() == 0
    # Pressing again a moment later, with the same form, signs.
    assert sign(client, petition, form_started=started_token(time.time() - 4)).status_code == 302
    assert Signature.objects.count() == 1


def test_a_busy_network_is_told_to_come_back_not_silently_dropped(client, petition, settings):
    settings.SIGNATURE_RATE_LIMIT_COUNT = 2
    for n in range(2):
        assert (
            sign(client, petition, email=f"p{n}@example.org", ip="198.51.100.1").status_code == 302
        )
    response = sign(client, petition, email="third@example.org", ip="198.51.100.1")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many signatures from your network" in html and 'value="third@example.org"' in html
    assert sign(client, petition, email="third@example.org", ip="198.51.100.2").status_code == 302
    assert Signature.objects.count() == 3
