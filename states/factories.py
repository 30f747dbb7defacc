"""Factories for the scorecard; tests and demo content build on these."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from states.models import (
    AssessmentStatus,
    Bill,
    BillStatus,
    BillStatusChange,
    Criterion,
    StateAssessment,
    StateIndexPage,
    StatePage,
)


class CriterionFactory(factory.django.DjangoModelFactory):
    sort_order = factory.Sequence(lambda n: n + 1)
    group = Criterion.Group.END
    slug = factory.Sequence(lambda n: f"criterion-{n}")
    title = factory.Sequence(lambda n: f"Criterion {n}")
    filter_label = factory.LazyAttribute(lambda o: f"States that meet {o.title.lower()}")
    explanation = factory.Faker("sentence")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Criterion


class StateIndexPageFactory(wagtail_factories.PageFactory):
    title = "State scorecard"
    slug = "scorecard"
    introduction = factory.Faker("sentence")

    class Meta:
        model = StateIndexPage


class StatePageFactory(wagtail_factories.PageFactory):
    title = "Colorado"
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    postal_code = "CO"

    class Meta:
        model = StatePage


class StateAssessmentFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(StatePageFactory)
    criterion = factory.SubFactory(CriterionFactory)
    status = AssessmentStatus.MET
    quote = factory.Faker("sentence")
    source_title = "Sample statute, section 1"
    source_url = "https://example.org/statute"
    checked_on = datetime.date(2026, 1, 15)
    note = ""

    class Meta:
        model = StateAssessment


class BillFactory(factory.django.DjangoModelFactory):
    jurisdiction = "CO"
    number = factory.Sequence(lambda n: f"HB{n}")
    title = factory.Faker("sentence", nb_words=5)
    sponsor = "Sample Sponsor"
    url = "https://example.org/bill"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Bill


class BillStatusChangeFactory(factory.django.DjangoModelFactory):
    bill = factory.SubFactory(BillFactory)
    status = BillStatus.INTRODUCED
    date = datetime.date(2026, 1, 10)

    class Meta:
        model = BillStatusChange
