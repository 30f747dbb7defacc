"""The consent and thank-you fields come from one pair of mixins (core.models.form_pages), and
each page with a supporter form keeps its own wording, help text and length."""

import pytest
from django.db import models

from actions.models import letters, newsletter, petitions
from core.models.form_pages import ConsentMixin, ThankYouMixin
from testimonials.models import pages as testimonials

PAGES = {
    petitions.PetitionPage: {
        "consent_text": petitions.DEFAULT_CONSENT_TEXT,
        "thank_you_heading": "Thank you for signing",
        "thank_you_text": "Your signature is counted. Now ask two friends to sign: that is how "
        "we grow.",
    },
    petitions.PledgePage: {
        "consent_text": petitions.DEFAULT_CONSENT_TEXT,
        "thank_you_heading": "Thank you for signing",
    },
    newsletter.SignupPage: {
        "consent_text": newsletter.DEFAULT_CONSENT_TEXT,
        "thank_you_heading": "Check your inbox",
    },
    testimonials.AddYourVoicePage: {
        "consent_text": testimonials.DEFAULT_CONSENT_TEXT,
        "thank_you_heading": "Thank you for adding your voice",
    },
    letters.LetterPage: {"consent_text": letters.DEFAULT_CONSENT_TEXT},
}


@pytest.mark.parametrize("model", PAGES, ids=lambda m: m.__name__)
def test_each_page_has_the_fields_with_its_own_defaults(model):
    assert issubclass(model, ConsentMixin)
    for name, default in PAGES[model].items():
        field = model._meta.get_field(name)
        assert str(field.get_default()) == str(default)
        assert field.help_text
    if model is not letters.LetterPage:
        assert issubclass(model, ThankYouMixin)
        assert model._meta.get_field("thank_you_text").get_default()


def test_the_defaults_are_not_shared():
    consents = {str(m._meta.get_field("consent_text").get_default()) for m in PAGES}
    assert len(consents) == 4  # petitions and pledges share theirs


def test_where_a_page_differs_it_keeps_its_own_help_text_name_and_length():
    letter = letters.LetterPage._meta.get_field("consent_text")
    assert str(letter.verbose_name) == "privacy note"
    assert letter.deconstruct()[3]["verbose_name"] == "privacy note"  # so no migration
    assert str(letter.help_text).startswith("Shown beside the button: what happens")
    voice = testimonials.AddYourVoicePage._meta.get_field("consent_text")
    assert voice.max_length == 800
    assert voice.formfield().max_length == 800
    signup = newsletter.SignupPage._meta.get_field("thank_you_text")
    assert "reminder to confirm" in str(signup.help_text)
    petition = petitions.PetitionPage._meta.get_field("consent_text")
    assert petition.max_length == 600
    assert isinstance(petition, models.TextField)
