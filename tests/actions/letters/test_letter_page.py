"""The letter page for editors: placeholders checked when the page is saved in the admin (in
English and for a Spanish-speaking editor) and when a translation is saved through
wagtail-localize, with an error that names the unknown placeholder and lists the allowed ones."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from actions import placeholders
from actions.factories import LetterPageFactory
from actions.models.letters import LetterPage
from core.localization import translate
from home.models import HomePage
from tests.actions.letters.helpers import SPANISH_LETTER, plaintext, spanish_strings

pytestmark = pytest.mark.django_db

ALLOWED = (
    "{full_name}, {city}, {state}, {zip_code}, {legislator_title}, {legislator_full_name}, "
    "{legislator_last_name}, {bill}, {bill_title}, {bill_number}"
)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Dear {legislator_title} {legislator_last_name}, I am {full_name}.", None),
        ("Hola {nombre}", "Unknown placeholder {nombre}. Use only these: " + ALLOWED + "."),
        ("{Full_Name} and {full name} and {}", "Unknown placeholder {Full_Name}, {full name}, {}"),
        ("Dear {legislator_title", "A curly brace is opened or closed without its pair"),
        ("Dear legislator_title}", "near “Dear legislator_title}”"),
        ("Dear {{full_name}}", "A curly brace is opened or closed without its pair"),
        ("{full_name}{city}{state}{zip_code}{bill}{bill_title}{bill_number}", None),
    ],
)
def test_placeholder_problems_are_named(text, problem):
    problems = placeholders.placeholder_errors(text)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in str(problems[0])


def test_a_bill_placeholder_needs_a_bill():
    [problem] = placeholders.placeholder_errors("Support the {bill}", has_bill=False)
    assert "{bill} needs a bill" in str(problem)
    assert placeholders.placeholder_errors("No bill here", has_bill=False) == []


def test_filling_replaces_known_names_only_and_never_formats():
    values = {"full_name": "Ana {city}", "city": "Denver"}
    assert placeholders.fill("{full_name} from {city}", values) == "Ana {city} from Denver"
    # Attribute access through str.format is impossible: the text is not a format string.
    assert placeholders.fill("{full_name.__class__}", values) == "{full_name.__class__}"


def test_the_hand_copied_version_labels_every_placeholder_but_the_bill():
    text = "Dear {legislator_title} {legislator_last_name}, support the {bill}. {full_name}"
    filled = placeholders.diy(text, {"bill": "Ending Qualified Immunity Act (H.R. 1470)"})
    assert filled == (
        "Dear [Senator or Representative] [their last name], support the Ending Qualified "
        "Immunity Act (H.R. 1470). [your full name]"
    )


def test_the_model_refuses_unknown_placeholders_in_the_subject_and_the_letter(home_page, bill):
    page = LetterPageFactory.build(
        bill=bill, subject="For {nombre}", letter_template="Dear {legislator_titel},"
    )
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=["path", "depth"])
    errors = caught.value.message_dict
    assert "Unknown placeholder {nombre}" in errors["subject"][0]
    assert "Unknown placeholder {legislator_titel}" in errors["letter_template"][0]
    assert ALLOWED in errors["letter_template"][0]


def test_the_text_message_option_needs_a_keyword_and_a_number_of_digits(home_page, bill):
    page = LetterPageFactory.build(bill=bill, text_keyword="SIGN", text_number="")
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=["path", "depth"])
    assert "both the keyword and the number" in caught.value.message_dict["text_number"][0]
    page.text_number = "504-09; drop"
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=["path", "depth"])
    assert "digits only" in caught.value.message_dict["text_number"][0]


def admin_form(title: str, letter: str, bill, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "write",
            "introduction": "Write to Congress.",
            "body": streamfield([]),
            "subject": "Support the {bill}",
            "letter_template": letter,
            "bill": bill.pk,
            "chambers": "both",
            "sending_tips": "",
            "consent_text": "We keep nothing.",
            "diy_text": "",
            "text_keyword": "",
            "text_number": "",
            "text_note": "",
            **extra,
        }
    )


ADD = "/admin/pages/add/actions/letterpage/{}/"


def test_the_admin_shows_the_unknown_placeholder_next_to_the_field(admin_client, home_page, bill):
    response = admin_client.post(
        ADD.format(home_page.pk), admin_form("Write", "Dear {nombre},\n\n{full_name}", bill)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unknown placeholder {nombre}. Use only these: {full_name}, {city}" in html
    assert not LetterPage.objects.exists()

    response = admin_client.post(
        ADD.format(home_page.pk), admin_form("Write", "Dear {full_name,\n\nThanks", bill)
    )
    assert "A curly brace is opened or closed without its pair" in response.content.decode()
    assert not LetterPage.objects.exists()


def test_the_admin_saves_a_good_letter(admin_client, home_page, bill):
    response = admin_client.post(
        ADD.format(home_page.pk),
        admin_form("Write", "Dear {legislator_title} {legislator_last_name},\n\n{full_name}", bill),
    )
    assert response.status_code == 302
    page = LetterPage.objects.get()
    assert page.get_parent().specific == home_page and page.bill == bill


def test_a_spanish_speaking_editor_reads_the_error_in_spanish(
    admin_client, admin_user, home_page, bill
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    response = admin_client.post(
        ADD.format(home_page.pk), admin_form("Escriba", "Estimado {nombre}:", bill)
    )
    html = response.content.decode()
    assert "Marcador desconocido {nombre}. Use solo estos: {full_name}, {city}" in html


def test_letter_pages_sit_under_the_home_page_only(home_page):
    assert LetterPage.parent_page_types == ["home.HomePage"]
    assert "actions.LetterPage" in HomePage.subpage_types
    assert LetterPage.can_create_at(home_page)
    assert not LetterPage.can_create_at(Page.get_first_root_node())


def test_a_translation_is_saved_with_its_placeholders_filled_in_spanish(spanish_letter_page):
    assert spanish_letter_page.locale.language_code == "es"
    assert spanish_letter_page.letter_template == SPANISH_LETTER
    assert spanish_letter_page.bill.title == "Ley para Acabar con la Inmunidad Calificada"
    # The number and keyword are the same in every language.
    assert (spanish_letter_page.text_number, spanish_letter_page.text_keyword) == (
        "50409",
        "SIGN WJOYDU",
    )


def test_a_translation_with_a_misspelt_placeholder_is_refused(letter_page, spanish_bill):
    strings = spanish_strings(letter_page, letter="Estimado {legislator_title} {nombre}:\n\nAna")
    with pytest.raises(ValidationError) as caught:
        translate(letter_page, "es", strings)
    [message] = caught.value.message_dict["letter_template"]
    assert "Unknown placeholder {nombre}" in message and ALLOWED in message
    assert not LetterPage.objects.filter(locale__language_code="es").exists()


def test_the_translation_editor_refuses_to_publish_and_marks_the_segment(
    admin_client, spanish_letter_page, letter_page
):
    """A translator edits the letter in wagtail-localize's editor and misspells a placeholder:
    publishing fails, the segment shows the error, and the live Spanish page is unchanged."""
    segment = StringSegment.objects.get(
        source__object_id=letter_page.translation_key, context__path="letter_template"
    )
    translation = StringTranslation.objects.get(
        translation_of=segment.string, locale=spanish_letter_page.locale
    )
    translation.data = plaintext("Estimado {legislator_title} {apellido}:\n\n{full_name}")
    translation.save()
    assert Translation.objects.filter(target_locale=spanish_letter_page.locale).exists()

    response = admin_client.post(
        f"/admin/pages/{spanish_letter_page.pk}/edit/", {"action": "publish"}, follow=True
    )
    assert response.status_code == 200
    assert "New validation errors were found" in response.content.decode()
    translation.refresh_from_db()
    assert translation.has_error
    assert "Unknown placeholder {apellido}" in translation.field_error
    spanish_letter_page.refresh_from_db()
    assert spanish_letter_page.letter_template == SPANISH_LETTER
