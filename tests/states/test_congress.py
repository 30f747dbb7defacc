"""The ZIP-to-delegation lookup: single, ambiguous, unknown, at-large and territory ZIPs."""

import pytest
from django.utils import translation

from states.congress import District, delegation_for, delegations, districts_for_zip
from states.factories import LegislatorFactory, ZipDistrictFactory
from states.models import Chamber

pytestmark = pytest.mark.django_db


@pytest.fixture
def colorado():
    senators = [
        LegislatorFactory(chamber=Chamber.SENATE, state="CO", last_name=name) for name in "AB"
    ]
    reps = {n: LegislatorFactory(state="CO", district=n) for n in (1, 2, 7)}
    ZipDistrictFactory(zcta="80202", district=1)
    ZipDistrictFactory(zcta="80401", district=2)
    ZipDistrictFactory(zcta="80401", district=7)
    return senators, reps


def test_a_single_district_zip_gives_two_senators_and_one_representative(colorado):
    senators, reps = colorado
    assert districts_for_zip("80202") == [District("CO", 1)]
    delegation = delegation_for(District("CO", 1))
    assert sorted(m.pk for m in delegation.senators) == sorted(s.pk for s in senators)
    assert delegation.representative == reps[1]
    assert len(delegation.members) == 3


def test_zip_plus_four_is_accepted(colorado):
    assert districts_for_zip("80202-1234") == districts_for_zip("802021234") == [District("CO", 1)]


def test_an_ambiguous_zip_returns_every_candidate_without_guessing(
    colorado, django_assert_num_queries
):
    _, reps = colorado
    candidates = districts_for_zip("80401")
    assert candidates == [District("CO", 2), District("CO", 7)]
    with django_assert_num_queries(1):
        found = delegations(candidates)
    assert [d.representative for d in found] == [reps[2], reps[7]]


@pytest.mark.parametrize("raw", ["", "8020", "80202x", "abcde", "802021", "00000", "99999"])
def test_invalid_or_unknown_zips_find_nothing(colorado, raw):
    assert districts_for_zip(raw) == []


@translation.override("en")
def test_at_large_and_territory_seats():
    LegislatorFactory(state="WY", district=0, last_name="Wyoming")
    ZipDistrictFactory(zcta="82001", state="WY", district=0)
    delegate = LegislatorFactory(state="PR", district=0)
    ZipDistrictFactory(zcta="00901", state="PR", district=0)
    wyoming = delegation_for(districts_for_zip("82001")[0])
    assert wyoming.district.is_at_large and wyoming.representative.seat == "WY at large"
    puerto_rico = delegation_for(districts_for_zip("00901")[0])
    assert not puerto_rico.district.has_senators and puerto_rico.senators == []
    assert puerto_rico.representative == delegate
    assert delegate.is_delegate and delegate.title == "Resident Commissioner"


@pytest.mark.parametrize(
    ("chamber", "state", "gender", "english", "spanish"),
    [
        (Chamber.SENATE, "CO", "F", "Senator", "Senadora"),
        (Chamber.SENATE, "CO", "M", "Senator", "Senador"),
        (Chamber.SENATE, "CO", "", "Senator", "Senador/a"),
        (Chamber.HOUSE, "CO", "F", "Representative", "Representante"),
        (Chamber.HOUSE, "GU", "F", "Delegate", "Delegada"),
        (Chamber.HOUSE, "DC", "", "Delegate", "Delegado/a"),
        (Chamber.HOUSE, "PR", "M", "Resident Commissioner", "Comisionado Residente"),
        (Chamber.HOUSE, "PR", "F", "Resident Commissioner", "Comisionada Residente"),
    ],
)
def test_titles_in_spanish_follow_the_members_gender(chamber, state, gender, english, spanish):
    member = LegislatorFactory.build(chamber=chamber, state=state, gender=gender)
    with translation.override("en"):
        assert member.title == english
    with translation.override("es"):
        assert member.title == spanish


def test_a_vacant_seat_has_no_representative(colorado):
    ZipDistrictFactory(zcta="80999", district=8)
    assert delegation_for(District("CO", 8)).representative is None


@pytest.mark.parametrize("key", ["CO-7", "co-7", " CO-07 "])
def test_district_keys_round_trip(key):
    assert District.from_key(key) == District("CO", 7)
    assert District("CO", 7).key == "CO-7"


@pytest.mark.parametrize("key", ["", "CO", "C0-1", "CO-x", "COL-1", "CO-123", None])
def test_bad_district_keys_are_refused(key):
    assert District.from_key(key) is None
