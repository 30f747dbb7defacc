"""Factories for home's models; demo content and tests build on these."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import CampaignImage, FooterText, HomePage, StandardPage


class CampaignImageFactory(wagtail_factories.ImageFactory):
    alt_text = factory.Faker("sentence", nb_words=6)
    credit = "Sample image"
    licence = "Sample content"

    class Meta:
        model = CampaignImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_heading = factory.Faker("sentence", nb_words=5)
    hero_text = factory.Faker("paragraph")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    slug = factory.Sequence(lambda n: f"page-{n}")
    introduction = factory.Faker("paragraph")

    class Meta:
        model = StandardPage


class FooterTextFactory(factory.django.DjangoModelFactory):
    body = factory.Faker("sentence")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = FooterText
