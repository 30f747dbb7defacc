"""Fixtures for the state legislator import: a small hand-made data set with the cases the
letter page will meet, and the real data imported once per module."""

import datetime

import pytest

from tests.helpers import require_tool
from tests.states.state_legislators.helpers import (
    AS_OF,
    REAL_STATE_DATA,
    Fixture,
    census,
    district,
    person,
    person_id,
    run_import,
    zip_state,
)

OCD = "ocd-division/country:us"


def small_fixture() -> Fixture:
    dc = f"{OCD}/district:dc"
    council = {"title": "Councilmember", "chamber_name": "Council of the District of Columbia"}
    return Fixture(
        people=[
            person("Omar Fateh", "MN", "upper", "63", gender="Male"),
            person("Aisha Gomez", "MN", "lower", "63A"),
            person("Hodan Hassan", "MN", "lower", "63B"),
            # The real Minnesota representative whose role ended on 2026-06-21.
            person("Joe Schomacker", "MN", "lower", "21A", end_date="2026-06-21"),
            person("Ben Hansen", "NE", "legislature", "1", gender="Male", party="Nonpartisan"),
            person("Matthew Frumin", "DC", "legislature", "Ward 3", gender="Male"),
            person("Robert White", "DC", "legislature", "At-Large", gender="Male"),
            person("Christina Henderson", "DC", "legislature", "At-Large"),
            person("Phil Mendelson", "DC", "legislature", "Chairman", gender="Male"),
            # The real DC at-large member whose role ended on 2026-07-01.
            person("Doni Crawford", "DC", "legislature", "At-Large", end_date="2026-07-01"),
            person("Ana Irma Rivera", "PR", "upper", "1"),
            person("Nitza Moran", "PR", "upper", "1"),
            person("Thomas Rivera", "PR", "upper", "At-Large", gender="Male"),
            person("Jose Aponte", "PR", "lower", "1", gender="Male"),
            person("Juliet Harvey", "NH", "lower", "Belknap 2", email=""),
            person("Travis OHara", "NH", "lower", "Belknap 2", gender="Male"),
            person("Harry Bean", "NH", "lower", "Belknap 8", gender="Male"),  # floterial
            # A term that ends after the data's date is still current.
            person("Nelson Abbott", "ID", "lower", "22A", end_date="2027-01-01", gender="Male"),
        ],
        districts=[
            district("MN", "upper", "63", f"{OCD}/state:mn/sldu:63"),
            district("MN", "lower", "63A", f"{OCD}/state:mn/sldl:63a"),
            district("MN", "lower", "63B", f"{OCD}/state:mn/sldl:63b"),
            district("MN", "lower", "21A", f"{OCD}/state:mn/sldl:21a"),
            district(
                "NE", "legislature", "1", f"{OCD}/state:ne/sldu:1", chamber_name="Legislature"
            ),
            district("DC", "legislature", "Ward 3", f"{dc}/ward:3", **council),
            district("DC", "legislature", "At-Large", dc, seats=4, **council),
            district("DC", "legislature", "Chairman", dc, **council),
            district("PR", "upper", "1", f"{OCD}/territory:pr/sldu:1", seats=2),
            district("PR", "upper", "At-Large", f"{OCD}/territory:pr", seats=11),
            district("PR", "lower", "1", f"{OCD}/territory:pr/sldl:1"),
            district("NH", "lower", "Belknap 2", f"{OCD}/state:nh/sldl:belknap_2", seats=2),
            district("NH", "lower", "Belknap 8", f"{OCD}/state:nh/sldl:belknap_8"),
            district("ID", "lower", "22A", f"{OCD}/state:id/sldl:22a"),
            district("ID", "lower", "22B", f"{OCD}/state:id/sldl:22b"),
        ],
        committees=[
            (
                "MN",
                {
                    "id": "ocd-organization/0b4f3c1e-0000-4000-8000-000000000001",
                    "jurisdiction": "ocd-jurisdiction/country:us/state:mn/government",
                    "classification": "committee",
                    "name": "Judiciary and Public Safety",
                    "chamber": "upper",
                    "links": [
                        {"url": "https://senate.mn/committees/judiciary", "note": "homepage"}
                    ],
                    "members": [
                        {
                            "name": "Omar Fateh",
                            "role": "chair",
                            "person_id": person_id("Omar Fateh"),
                        },
                        {
                            "name": "Joe Schomacker",
                            "role": "member",
                            "person_id": person_id("Joe Schomacker"),
                        },
                        {"name": "Someone Unknown", "role": "member"},
                    ],
                },
            ),
        ],
        vacancies={
            "nh": {
                "vacancies": [
                    {
                        "chamber": "lower",
                        "district": "Belknap 6",
                        "vacant_until": datetime.date(2027, 1, 1),
                    }
                ]
            },
            "ok": {
                "vacancies": [{"chamber": "lower", "district": 92, "vacant_until": "2026-06-15"}]
            },
            "hi": {"vacancies": []},
            "us": {
                "vacancies": [
                    {"chamber": "lower", "district": "CA-1", "vacant_until": "2027-01-01"}
                ]
            },
        },
        census_rows=[
            census("MN", "sldu", "63", f"{OCD}/state:mn/sldu:63", "upper", "63"),
            census("MN", "sldl", "63A", f"{OCD}/state:mn/sldl:63a", "lower", "63A"),
            census("MN", "sldl", "63B", f"{OCD}/state:mn/sldl:63b", "lower", "63B"),
            census("NE", "sldu", "1", f"{OCD}/state:ne/sldu:1", "legislature", "1"),
            census("NH", "sldl", "102", f"{OCD}/state:nh/sldl:belknap_2", "lower", "Belknap 2"),
            # One Census district, two Idaho seats.
            census("ID", "sldl", "22", f"{OCD}/state:id/sldl:22a", "lower", "22A"),
            census("ID", "sldl", "22", f"{OCD}/state:id/sldl:22b", "lower", "22B"),
        ],
        zips={
            "27": zip_state(
                "MN",
                {
                    "upper": {"63": ["55406", "55407"]},
                    "lower": {"63A": ["55406"], "63B": ["55406", "55407"]},
                },
            ),
            "31": zip_state("NE", {"upper": {"1": ["68001"]}}),
            "33": zip_state("NH", {"lower": {"102": ["03220"]}}),
            "16": zip_state("ID", {"lower": {"22": ["83642"]}}),
        },
    )


@pytest.fixture
def fixture_data():
    return small_fixture()


@pytest.fixture
def small_data(fixture_data, tmp_path):
    """(people folder, ZIP folder, the Fixture) written under tmp_path."""
    people, zips = fixture_data.write(tmp_path / "data")
    return people, zips, fixture_data


@pytest.fixture
def imported_small(small_data, db):
    people, zips, _fixture = small_data
    return run_import(people, zips, "--as-of", AS_OF)


@pytest.fixture(scope="module")
def real_import(django_db_setup, django_db_blocker) -> str | None:
    """The real data, imported once per test process and committed (REAL_STATE_DATA); each
    test's own changes are rolled back as usual. Module-scoped so that it is set up before any
    test's own transaction."""
    return REAL_STATE_DATA.load(django_db_blocker)


@pytest.fixture
def real_data(real_import, db) -> str:
    require_tool(
        real_import is not None,
        "the public state legislator data is not on this machine (../shared/data/openstates "
        "and zip-state-districts; see their READMEs)",
    )
    return real_import
