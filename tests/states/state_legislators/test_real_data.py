"""The real Open States and ZIP data (../shared/data, never committed), imported once for this
run: the counts the publishers' READMEs give, and the traps they describe."""

import datetime

import pytest
from django.db.models import Count

from states.models import (
    StateCommitteeMembership,
    StateDistrict,
    StateLegislator,
    StateLegislatorImport,
    StateVacancy,
    StateZipDistrict,
)

# One process runs the tests that read the real data, one after another, so it is imported once
# for them all (tests/conftest.py).
pytestmark = pytest.mark.django_db


def test_every_current_legislator_is_imported_with_a_division_id(real_data):
    assert StateLegislator.objects.count() == 7451
    counts = dict(StateLegislator.objects.values_list("chamber").annotate(n=Count("pk")))
    assert counts == {"upper": 1921 + 28, "lower": 5388 + 53, "legislature": 49 + 12}
    assert StateLegislator.objects.filter(state="DC").count() == 12
    assert StateLegislator.objects.filter(state="PR").count() == 81
    assert StateLegislator.objects.filter(state="NE", chamber="legislature").count() == 49
    assert not StateLegislator.objects.filter(division_id="").exists()
    assert StateLegislator.objects.exclude(email="").count() == 7438
    assert StateDistrict.objects.count() == 6911
    titles = set(StateLegislator.objects.values_list("member_title", flat=True))
    assert {"Senator", "Representative", "Delegate", "Councilmember"} <= titles


def test_the_two_ended_roles_are_left_out(real_data):
    assert not StateLegislator.objects.filter(name__in=["Doni Crawford", "Joe Schomacker"]).exists()
    assert not StateLegislator.objects.filter(state="MN", district="21A").exists()
    assert StateLegislator.objects.filter(state="DC", district="At-Large").count() == 3


def test_zip_55406_gives_one_senate_and_two_house_districts(real_data):
    rows = set(StateZipDistrict.objects.filter(zcta="55406").values_list("chamber", "district"))
    assert rows == {("upper", "63"), ("lower", "63A"), ("lower", "63B")}
    assert StateZipDistrict.objects.values("zcta").distinct().count() == 33585


def test_vacancies_committees_and_the_publishers_date(real_data):
    assert StateVacancy.objects.count() == 29
    assert StateVacancy.objects.filter(state="ME", district="29").exists()
    assert StateCommitteeMembership.objects.count() > 30000
    record = StateLegislatorImport.objects.get()
    assert record.data_published_at == datetime.date(2026, 8, 5)
    assert record.zip_data_published_at == datetime.date(2026, 2, 14)
    assert record.legislator_count == 7451


def test_new_hampshire_floterial_members_have_no_zip(real_data):
    reached = set(StateZipDistrict.objects.values_list("division_id", flat=True).distinct())
    unreached = StateLegislator.objects.filter(state__in=["NH", "ME"]).exclude(
        division_id__in=reached
    )
    # 57 floterial representatives and Maine's two tribal representatives (the README's 59).
    assert unreached.filter(state="NH").count() == 57
    assert unreached.filter(state="ME").count() == 2
