"""Script and HTML typed into every field of every public form: refused with the usual message
where the field has a format (emails, ZIP codes), otherwise saved exactly as typed and shown
escaped everywhere it appears: the page, the admin, emails, CSV and XLSX exports.

The voices' public pages and the editor are covered by
tests/testimonials/test_bad_input.py::test_script_and_html_are_stored_as_typed_and_shown_escaped."""

import csv
import io

import pytest
from django.core import mail
from openpyxl import load_workbook

from actions.models import Signature, Subscriber
from testimonials.models import VoiceSubmission
from tests.bad_input.helpers import ESCAPED_SCRIPT, SCRIPT

pytestmark = pytest.mark.django_db

RAW = '<script>alert("x")'
EMAIL_MESSAGE = "Enter an email address like name@example.org."
ZIP_MESSAGE = "Enter a ZIP code of five digits, like 20515."

# (form, field, the error shown next to it, or None when the text is saved as typed)
CASES = [
    ("newsletter", "email", EMAIL_MESSAGE),
    ("newsletter", "first_name", None),
    ("footer", "email", EMAIL_MESSAGE),
    ("petition", "first_name", None),
    ("petition", "last_name", None),
    ("petition", "email", EMAIL_MESSAGE),
    ("petition", "zip_code", ZIP_MESSAGE),
    ("pledge", "first_name", None),
    ("pledge", "last_name", None),
    ("pledge", "email", EMAIL_MESSAGE),
    ("pledge", "zip_code", ZIP_MESSAGE),
    ("embed", "first_name", None),
    ("embed", "last_name", None),
    ("embed", "email", EMAIL_MESSAGE),
    ("embed", "zip_code", ZIP_MESSAGE),
    ("voice", "name", None),
    ("voice", "email", EMAIL_MESSAGE),
    ("voice", "profession", None),
    ("voice", "city", None),
    ("voice", "quote", None),
    # The letter's name and city go into the letters, escaped:
    # tests/actions/letters/test_letter_flow.py::test_script_in_the_name_is_text_in_the_page_and_the_email
    ("letter", "email", EMAIL_MESSAGE),
    ("letter", "zip_code", ZIP_MESSAGE),
    # The caller's name and city go into the script, escaped:
    # tests/actions/calls/test_call_bad_input.py::test_script_typed_as_a_name_is_escaped_on_the_card_and_in_the_next
    ("call", "zip_code", ZIP_MESSAGE),
]

ADMIN = {
    "signature": "/admin/signature/",
    "subscriber": "/admin/subscriber/",
    "voice": "/admin/voice_submissions/",
}


def assert_escaped(html: str, where: str) -> None:
    assert RAW not in html, f"raw script in {where}"
    assert "<img src=x" not in html, f"raw markup in {where}"


def exported_values(client, listing: str) -> tuple[list, list]:
    response = client.get(listing, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]  # downloaded, never rendered
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    csv_cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    xlsx = client.get(listing, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    return csv_cells, [cell.value for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize(("form_name", "field", "message"), CASES)
def test_script_in_every_field(
    client,
    forms,
    form_name,
    field,
    message,
    data_staff,
    moderator,
    django_capture_on_commit_callbacks,
):
    form = forms[form_name]
    extra = {"public": "on"} if form_name in ("petition", "pledge", "embed") else {}
    with django_capture_on_commit_callbacks(execute=True):
        response = form.post(client, **{field: SCRIPT, **extra})
    assert_escaped(response.content.decode(), "the response")

    if message is not None:
        assert response.status_code == 200
        assert form.error(response, field) == message
        assert form.value_kept(response, field, SCRIPT)
        assert form.saved() == 0 and mail.outbox == []
        return

    assert response.status_code == 302
    # Emails: the HTML part escapes it (the plain-text part is text, not HTML).
    assert mail.outbox
    for message_sent in mail.outbox:
        assert_escaped(message_sent.alternatives[0][0], "an email")
        assert "\n" not in message_sent.subject

    if form_name == "voice":
        submission = VoiceSubmission.objects.select_related("page").get()
        stored = submission.name_as_typed if field == "name" else getattr(submission.page, field)
        assert stored == SCRIPT
        client.force_login(moderator)
        listing = client.get(ADMIN["voice"]).content.decode()
        assert_escaped(listing, "the submissions listing")
        inspect = client.get(f"{ADMIN['voice']}inspect/{submission.pk}/").content.decode()
        assert_escaped(inspect, "the submission's inspect view")
        return

    model = Subscriber if form_name in ("newsletter", "footer") else Signature
    row = model.objects.get()
    assert getattr(row, field) == SCRIPT
    if model is Signature:
        # The public page lists recent signers who agreed, but never a name that looks like
        # markup (actions/public_names.py).
        page = client.get(forms[form_name].url if form_name != "embed" else forms["petition"].url)
        assert_escaped(page.content.decode(), "the action page")
        assert ESCAPED_SCRIPT not in page.content.decode()
    listing = ADMIN["signature" if model is Signature else "subscriber"]
    client.force_login(data_staff)
    html = client.get(listing).content.decode()
    assert_escaped(html, "the admin listing")
    assert ESCAPED_SCRIPT in html
    assert_escaped(client.get(f"{listing}inspect/{row.pk}/").content.decode(), "the inspect view")
    csv_cells, xlsx_cells = exported_values(client, listing)
    assert SCRIPT in csv_cells and SCRIPT in xlsx_cells  # plain text in a download, never run


def test_markup_in_a_valid_quoted_email_address_is_escaped_everywhere(
    client, forms, data_staff, django_capture_on_commit_callbacks
):
    """RFC 5322 allows almost anything between quotes before the @: Django accepts
    "<script>…</script>"@example.org, so the address itself must be escaped wherever shown."""
    address = '"<script>alert(1)</script>"@example.org'
    with django_capture_on_commit_callbacks(execute=True):
        assert forms["petition"].post(client, email=address).status_code == 302
        assert forms["newsletter"].post(client, email=address).status_code == 302
    assert Signature.objects.get().email == address
    assert len(mail.outbox) == 2 and mail.outbox[0].to == [address]
    client.force_login(data_staff)
    for listing in (ADMIN["signature"], ADMIN["subscriber"]):
        html = client.get(listing).content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.indexes
def test_script_in_a_search_is_shown_escaped(client, home_page, spanish_home):
    for language in ("en", "es"):
        response = client.get(f"/{language}/search/", {"q": SCRIPT})
        html = response.content.decode()
        assert response.status_code == 200
        assert_escaped(html, "the search page")
        assert ESCAPED_SCRIPT in html  # in the box and the heading, as typed
