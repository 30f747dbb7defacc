"""Text no form expects: 10,000 characters, NUL bytes, whitespace only, emoji and ZWJ sequences,
right-to-left scripts and the U+202E override. Each answer is exact: the message next to the
field, what was typed kept, nothing saved or sent; or, for text a person may really type, saved
as typed (minus invisible direction overrides) and shown intact.

Cases other tests already pin down are referenced by the catalogue (tests/bad_input/catalogue.py)
rather than repeated here: NUL bytes and whitespace in the voice form, a 10,000-character quote,
a whitespace-only last name on a petition."""

import pytest
from django.core import mail

from actions.models import Signature, Subscriber
from testimonials.models import VoiceSubmission

pytestmark = pytest.mark.django_db

EMAIL = "Enter an email address like name@example.org."
ZIP = "Enter a ZIP code of five digits, like 20515."
NAME = "Use at most 100 characters."
VOICE_LINE = "Use at most 100 characters (this has 10000)."
NUL = "Null characters are not allowed."

LONG = "a" * 10_000
LONG_EMAIL = "a" * 9_988 + "@example.org"

LONG_CASES = [
    ("newsletter", "email", EMAIL),
    ("newsletter", "first_name", NAME),
    ("footer", "email", EMAIL),
    *[
        (form, field, message)
        for form in ("petition", "pledge", "embed")
        for field, message in (
            ("first_name", NAME),
            ("last_name", NAME),
            ("email", EMAIL),
            ("zip_code", ZIP),
        )
    ],
    ("voice", "name", VOICE_LINE),
    ("voice", "profession", VOICE_LINE),
    ("voice", "city", VOICE_LINE),
    ("voice", "email", EMAIL),
    ("letter", "full_name", NAME),
    ("letter", "city", "Use at most 80 characters."),
    ("letter", "email", EMAIL),
    ("letter", "zip_code", ZIP),
    ("call", "full_name", NAME),
    ("call", "city", "Use at most 80 characters."),
    ("call", "zip_code", ZIP),
]


@pytest.mark.parametrize(("form_name", "field", "message"), LONG_CASES)
def test_10000_characters_get_a_message_next_to_the_field_and_are_kept(
    client, forms, form_name, field, message
):
    form = forms[form_name]
    value = LONG_EMAIL if field == "email" else LONG
    response = form.post(client, **{field: value})
    assert response.status_code == 200
    assert form.error(response, field) == message
    assert form.value_kept(response, field, value)
    assert form.saved() == 0


NUL_CASES = [
    ("newsletter", "email", EMAIL),
    ("newsletter", "first_name", NUL),
    ("footer", "email", EMAIL),
    *[
        (form, field, message)
        for form in ("petition", "pledge", "embed")
        for field, message in (
            ("first_name", NUL),
            ("last_name", NUL),
            ("email", EMAIL),
            ("zip_code", NUL),
        )
    ],
    ("letter", "full_name", NUL),
    ("letter", "city", NUL),
    ("letter", "email", EMAIL),
    ("letter", "zip_code", NUL),
    ("call", "full_name", NUL),
    ("call", "city", NUL),
    ("call", "zip_code", NUL),
]


@pytest.mark.parametrize(("form_name", "field", "message"), NUL_CASES)
def test_a_nul_byte_gets_a_message_next_to_the_field(client, forms, form_name, field, message):
    form = forms[form_name]
    response = form.post(client, **{field: "Ana\x00Rivera"})
    assert response.status_code == 200
    assert form.error(response, field) == message
    assert form.saved() == 0
    if field != "email" and "email" in form.text_fields:  # the others keep what was typed
        assert form.value_kept(response, "email", "ana@example.org")
    elif field != "full_name" and "full_name" in form.text_fields:
        assert form.value_kept(response, "full_name", "Ana Rivera")


WHITESPACE = " \t\u3000\u00a0 "
REQUIRED_CASES = [
    ("newsletter", "email", "Enter your email address."),
    ("footer", "email", "Enter your email address."),
    *[
        (form, field, message)
        for form in ("petition", "pledge", "embed")
        for field, message in (
            ("first_name", "Enter your first name."),
            ("last_name", "Enter your last name."),
            ("email", "Enter your email address."),
            ("zip_code", "Enter your ZIP code."),
        )
        if (form, field) != ("petition", "last_name")
    ],
    ("letter", "full_name", "Enter your full name."),
    ("letter", "city", "Enter your city or town."),
    ("letter", "zip_code", "Enter your ZIP code."),
    ("call", "zip_code", "Enter your ZIP code."),
]


@pytest.mark.parametrize(("form_name", "field", "message"), REQUIRED_CASES)
def test_whitespace_only_in_a_required_field_is_asked_for_again(
    client, forms, form_name, field, message
):
    form = forms[form_name]
    response = form.post(client, **{field: WHITESPACE})
    assert response.status_code == 200
    assert form.error(response, field) == message
    assert form.saved() == 0


@pytest.mark.parametrize(
    ("form_name", "field"),
    [("newsletter", "first_name"), ("voice", "profession"), ("voice", "city")],
)
def test_whitespace_only_in_an_optional_field_is_saved_as_empty(client, forms, form_name, field):
    form = forms[form_name]
    assert form.post(client, **{field: WHITESPACE}).status_code == 302
    if form_name == "newsletter":
        assert Subscriber.objects.get().first_name == ""
    else:
        assert getattr(VoiceSubmission.objects.get().page, field) == ""


# What people really type, in every free-text field: kept exactly, except U+202E and the other
# explicit direction overrides, which are invisible and only ever used to disguise text.
HUMAN_TEXT = [
    ("👩🏽‍⚖️ Zoë 🏳️‍🌈", "👩🏽‍⚖️ Zoë 🏳️‍🌈"),  # ZWJ sequences, skin tone, flag
    ("مريم الحسيني", "مريم الحسيني"),  # right to left
    ("שרה כהן", "שרה כהן"),
    ("Ana\u202eairotciV", "AnaairotciV"),  # a right-to-left override
    ("\u2067مريم\u2069 Smith", "مريم Smith"),  # isolates
]
FREE_TEXT = [
    ("newsletter", "first_name"),
    ("petition", "first_name"),
    ("pledge", "last_name"),
    ("embed", "first_name"),
    ("voice", "name"),
    ("voice", "city"),
    ("voice", "profession"),
    ("voice", "quote"),
]


def stored(form_name: str, field: str) -> str:
    if form_name == "newsletter":
        return getattr(Subscriber.objects.get(), field)
    if form_name == "voice":
        submission = VoiceSubmission.objects.select_related("page").get()
        return submission.name_as_typed if field == "name" else getattr(submission.page, field)
    return getattr(Signature.objects.get(), field)


@pytest.mark.parametrize(("form_name", "field"), FREE_TEXT)
@pytest.mark.parametrize(("typed", "kept"), HUMAN_TEXT)
def test_emoji_right_to_left_text_and_direction_overrides(
    client, forms, form_name, field, typed, kept, django_capture_on_commit_callbacks
):
    form = forms[form_name]
    with django_capture_on_commit_callbacks(execute=True):
        assert form.post(client, **{field: typed}).status_code == 302
    assert stored(form_name, field) == kept
    for message in mail.outbox:  # the override reaches no email either
        assert "\u202e" not in message.body and "\u202e" not in message.alternatives[0][0]


@pytest.mark.parametrize(
    "form_name", ["newsletter", "footer", "petition", "embed", "voice", "letter"]
)
@pytest.mark.parametrize(
    "address", ["zoë@example.org", "😀@example.org", "ana@example.org\u202e", "ana@exa mple.org"]
)
def test_addresses_with_emoji_overrides_or_spaces_are_refused_clearly(
    client, forms, form_name, address
):
    form = forms[form_name]
    response = form.post(client, email=address)
    assert response.status_code == 200
    assert form.error(response, "email") == EMAIL
    assert form.saved() == 0


def test_an_internationalised_domain_is_accepted(client, forms, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert forms["petition"].post(client, email="ana@bücher.example").status_code == 302
    assert Signature.objects.get().email == "ana@bücher.example"
    assert mail.outbox[0].to == ["ana@bücher.example"]


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("q" * 10_000, "q" * 200),  # cut to the box's 200 characters
        (" \t\u3000 ", None),  # whitespace only: the empty search page
        ("👩🏽‍⚖️ مريم", "👩🏽‍⚖️ مريم"),
        ("ley\u202e", "ley\u202e"),  # shown inside the box and the heading, as typed
    ],
)
@pytest.mark.indexes
def test_search_answers_any_text(client, home_page, typed, searched):
    # NUL bytes and the characters that break full-text syntax: tests/security/test_fuzz.py
    response = client.get("/en/search/", {"q": typed})
    assert response.status_code == 200
    html = response.content.decode()
    if searched is None:
        assert 'role="status"' not in html  # no results section: nothing was searched
    else:
        assert f'value="{searched}"' in html and 'role="status"' in html
