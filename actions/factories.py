"""Factories for actions' models."""

import factory
import wagtail_factories
from wagtail.models import Locale

from actions.models import (
    CallOutcome,
    CallPage,
    LetterPage,
    LetterSent,
    Organization,
    PetitionPage,
    PledgePage,
    ShareKit,
    Signature,
    SignupPage,
    Subscriber,
)


class SignupPageFactory(wagtail_factories.PageFactory):
    title = "Stay connected"
    slug = factory.Sequence(lambda n: f"newsletter-{n}")
    introduction = "News and actions, about twice a month."

    class Meta:
        model = SignupPage


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"supporter{n}@example.org")
    first_name = factory.Faker("first_name")
    language = "en"
    consent_text = "We will email you campaign news."

    class Meta:
        model = Subscriber


class OrganizationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sample Partner {n}")
    link = "https://partner.example.org/"
    description = "A sample partner organization."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Organization


class PetitionPageFactory(wagtail_factories.PageFactory):
    title = "End qualified immunity"
    slug = factory.Sequence(lambda n: f"petition-{n}")
    introduction = "Ask Congress to pass the bill."
    target = "U.S. Congress"
    goal = 1000

    class Meta:
        model = PetitionPage


class PledgePageFactory(wagtail_factories.PageFactory):
    title = "Take the pledge"
    slug = factory.Sequence(lambda n: f"pledge-{n}")
    introduction = "Promise to vote for accountability."
    promise = "I pledge to ask every candidate where they stand on qualified immunity."
    goal = 500

    class Meta:
        model = PledgePage


class SignatureFactory(factory.django.DjangoModelFactory):
    """Needs `action` (a PetitionPage or PledgePage); the key follows from it."""

    action_key = factory.LazyAttribute(lambda o: o.action.translation_key)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    zip_code = "20515"
    state = "DC"
    language = "en"
    consent_text = "We will email you to confirm your signature."

    class Meta:
        model = Signature


SAMPLE_LETTER = """Dear {legislator_title} {legislator_last_name},

My name is {full_name} and I live in {city}, {state}. Please vote for the {bill}.

Sincerely,
{full_name}"""


class LetterPageFactory(wagtail_factories.PageFactory):
    title = "Write to Congress"
    slug = factory.Sequence(lambda n: f"letter-{n}")
    introduction = "Ask your members of Congress to end qualified immunity."
    subject = "Please support the {bill}"
    letter_template = SAMPLE_LETTER
    bill = factory.SubFactory("states.factories.BillFactory", jurisdiction="US", number="H.R. 1470")
    diy_text = "Copy the letter and fill in the parts in brackets."
    text_keyword = "SIGN WJOYDU"
    text_number = "50409"

    class Meta:
        model = LetterPage


class LetterSentFactory(factory.django.DjangoModelFactory):
    """Needs `page` (a LetterPage) or an `action_key`."""

    class Params:
        page = None

    action_key = factory.LazyAttribute(lambda o: o.page.translation_key)
    legislator_id = "X000001"
    legislator_name = "Senator Sample"
    chamber = "senate"
    district_key = "CO-1"
    language = "en"

    class Meta:
        model = LetterSent


SAMPLE_SCRIPT = """Hello, my name is {full_name} and I live in {city}, {zip_code}.

I am calling to ask {legislator_title} {legislator_last_name} to support the {bill}."""


class CallPageFactory(wagtail_factories.PageFactory):
    title = "Call Congress"
    slug = factory.Sequence(lambda n: f"call-{n}")
    introduction = "Call your members of Congress: it takes five minutes."
    script = SAMPLE_SCRIPT
    office_hours = "Offices answer 9 to 5, their local time."
    bill = factory.SubFactory("states.factories.BillFactory", jurisdiction="US", number="H.R. 1470")

    class Meta:
        model = CallPage


class CallOutcomeFactory(factory.django.DjangoModelFactory):
    """Needs `page` (a CallPage) or an `action_key`."""

    class Params:
        page = None

    action_key = factory.LazyAttribute(lambda o: o.page.translation_key)
    legislator_id = "X000001"
    legislator_name = "Sam Sample"
    chamber = "senate"
    district_key = "CO"
    outcome = "talked"
    call_digest = factory.Sequence(lambda n: f"sample-{n}")
    language = "en"

    class Meta:
        model = CallOutcome


class ShareKitFactory(factory.django.DjangoModelFactory):
    """A share kit of one text; tests add images with wagtail_factories.ImageFactory."""

    title = "Get the word out"
    introduction = "Copy a text and post it."
    items = factory.LazyFunction(
        lambda: [("text", {"label": "A post", "text": "I signed. Will you?"})]
    )
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ShareKit
