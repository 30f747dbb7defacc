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
    Chamber,
    Criterion,
    Legislator,
    StateAssessment,
    StateIndexPage,
    StatePage,
    ZipDistrict,
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


class LegislatorFactory(factory.django.DjangoModelFactory):
    """A sample member of Congress (invented: tests and demo use the real import when present)."""

    bioguide_id = factory.Sequence(lambda n: f"X{n:06d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    full_name = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")
    chamber = Chamber.HOUSE
    state = "CO"
    district = factory.LazyAttribute(lambda o: None if o.chamber == Chamber.SENATE else 1)
    party = "Independent"
    phone = "202-225-0000"
    office_address = "1 Sample Office Building Washington DC 20515"
    website = factory.LazyAttribute(lambda o: f"https://{o.last_name.lower()}.example.gov")
    contact_form_url = factory.LazyAttribute(lambda o: f"{o.website}/contact")
    term_end = datetime.date(2027, 1, 3)

    class Meta:
        model = Legislator
        django_get_or_create = ("bioguide_id",)


class ZipDistrictFactory(factory.django.DjangoModelFactory):
    zcta = "80202"
    state = "CO"
    district = 1

    class Meta:
        model = ZipDistrict
        django_get_or_create = ("zcta", "state", "district")
