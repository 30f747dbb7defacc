"""Factories for the voices app."""

import factory
import wagtail_factories

from testimonials.choices import Category, NameShown
from testimonials.models import (
    AddYourVoicePage,
    TestimonialIndexPage,
    TestimonialPage,
    VoiceSubmission,
)


class TestimonialIndexPageFactory(wagtail_factories.PageFactory):
    __test__ = False  # not a test class, whatever pytest thinks of the name
    title = "Voices"
    slug = factory.Sequence(lambda n: f"voices-{n}")
    introduction = "People from every walk of life on why qualified immunity must end."

    class Meta:
        model = TestimonialIndexPage


class TestimonialPageFactory(wagtail_factories.PageFactory):
    __test__ = False
    title = factory.LazyAttribute(lambda o: f"{o.name}, {o.profession}")
    slug = factory.Sequence(lambda n: f"voice-{n}")
    name = factory.Faker("name")
    name_shown = NameShown.FULL
    profession = "Retired teacher"
    city = factory.Faker("city")
    state_code = "TX"
    category = Category.OTHER
    quote = factory.Faker("paragraph")
    language = "en"
    is_sample = True

    class Meta:
        model = TestimonialPage


class AddYourVoicePageFactory(wagtail_factories.PageFactory):
    title = "Add your voice"
    slug = factory.Sequence(lambda n: f"add-your-voice-{n}")
    introduction = "Tell us why qualified immunity should end."

    class Meta:
        model = AddYourVoicePage


class VoiceSubmissionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(TestimonialPageFactory)
    email = factory.Sequence(lambda n: f"voice{n}@example.org")
    name_as_typed = factory.LazyAttribute(lambda o: o.page.name)
    language = "en"
    consent_text = "I agree that the campaign may publish my words."

    class Meta:
        model = VoiceSubmission
