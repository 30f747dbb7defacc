"""Factories for stories' models; tests and benchmarks build on these."""

import datetime

import factory
import wagtail_factories

from stories.choices import Circuit, HarmType, NewsKind, Outcome
from stories.models import (
    CaseStoryPage,
    NewsIndexPage,
    NewsPage,
    NewsRelatedStory,
    StoryIndexPage,
)


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case stories"
    slug = "stories"
    introduction = factory.Faker("sentence")

    class Meta:
        model = StoryIndexPage


class CaseStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    slug = factory.Sequence(lambda n: f"story-{n}")
    is_sample = True
    person_name = factory.Faker("name")
    case_name = factory.Sequence(lambda n: f"Doe v. Officer {n}")
    court = "U.S. Court of Appeals for the Fifth Circuit"
    circuit = Circuit.FIFTH
    decision_year = 2019
    state_code = "TX"
    harm_type = HarmType.EXCESSIVE_FORCE
    outcome = Outcome.QI_GRANTED
    summary = factory.Faker("paragraph")

    class Meta:
        model = CaseStoryPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    introduction = factory.Faker("sentence")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    slug = factory.Sequence(lambda n: f"news-{n}")
    is_sample = True
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    kind = NewsKind.UPDATE
    summary = factory.Faker("paragraph")

    class Meta:
        model = NewsPage


class NewsRelatedStoryFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(NewsPageFactory)
    story = factory.SubFactory(CaseStoryPageFactory)

    class Meta:
        model = NewsRelatedStory
