"""Factories for actions' models."""

import factory
import wagtail_factories

from actions.models import SignupPage, Subscriber


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
