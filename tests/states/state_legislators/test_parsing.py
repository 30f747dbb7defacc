"""Open States' files read one by one, without a database or a folder: each way a file can be
malformed is named, and each unusable optional value is stored blank with a warning (the
command-level tests in test_import.py show that an error leaves the database untouched)."""

import datetime
import json

import pytest
import yaml

from states.importer.errors import LegislatorDataError
from states.state_importer import places
from states.state_importer.people import parse_committees, parse_people
from states.state_importer.records import Errors, StateData, parse_date
from tests.states.state_legislators.helpers import (
    census,
    csv_text,
    district,
    person,
    person_id,
    zip_state,
)

AS_OF = datetime.date(2026, 8, 5)
OCD = "ocd-division/country:us/state:mn"
SEAT = {"division_id": f"{OCD}/sldu:63", "member_title": "Senator", "seats": 1}


def as_yaml(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


def person_file(entry: dict, state="mn") -> tuple[str, bytes]:
    return f"people/data/{state}/legislature/{entry['name']}.yml", as_yaml(entry)


def read_people(*entries, raw: dict | None = None) -> StateData:
    data = StateData(districts={("MN", "upper", "63"): SEAT})
    files = dict(person_file(entry) for entry in entries) | (raw or {})
    parse_people(files, data, AS_OF)
    return data


def refused(parse, *args, **kwargs) -> str:
    with pytest.raises(LegislatorDataError) as raised:
        parse(*args, **kwargs)
    message = str(raised.value)
    assert "nothing was changed" in message
    return message


def test_a_current_senator_is_read_with_their_seat():
    data = read_people(person("Omar Fateh", "MN", "upper", "63", gender="Male"))
    record = data.legislators[person_id("Omar Fateh")]
    assert (record["state"], record["chamber"], record["district"]) == ("MN", "upper", "63")
    assert record["division_id"] == SEAT["division_id"]
    assert (record["party"], record["gender"]) == ("Democratic", "M")
    assert data.warnings == []


def without(entry: dict, key: str) -> dict:
    return {name: value for name, value in entry.items() if name != key}


def with_role(entry: dict, **role) -> dict:
    return {**entry, "roles": [{**entry["roles"][0], **role}]}


FATEH = person("Omar Fateh", "MN", "upper", "63")


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (without(FATEH, "id"), "Omar Fateh.yml: no ocd-person id"),
        ({**FATEH, "id": "ocd-person/42"}, "Omar Fateh.yml: no ocd-person id"),
        (with_role(FATEH, start_date="the third of January"), "not a date: 'the third of"),
        (with_role(FATEH, district=" "), "Omar Fateh.yml: the current role has no district"),
    ],
    ids=["no-id", "id-not-ocd", "start-not-a-date", "blank-district"],
)
def test_a_malformed_person_is_named(entry, expected):
    assert expected in refused(read_people, entry)


def test_the_same_person_in_two_files_is_refused():
    twin = {**FATEH, "name": "Omar Fateh (copy)"}
    message = refused(read_people, FATEH, twin)
    assert f"Omar Fateh.yml: {FATEH['id']} is in two files" in message


def test_a_file_that_is_not_a_mapping_is_named():
    message = refused(read_people, raw={"people/data/mn/legislature/list.yml": b"- a\n- b\n"})
    assert "list.yml: no ocd-person id" in message


def test_no_current_legislator_at_all_is_refused():
    ended = person("Joe Schomacker", "MN", "lower", "21A", end_date="2026-06-21")
    message = refused(read_people, ended)
    assert "No current legislator was found" in message


def test_a_seat_missing_from_the_district_list_is_kept_without_a_division_id():
    data = read_people(person("Aisha Gomez", "MN", "lower", "63A"))
    record = data.legislators[person_id("Aisha Gomez")]
    assert record["division_id"] == record["member_title"] == ""
    assert data.warnings == [
        "people/data/mn/legislature/Aisha Gomez.yml: MN lower district '63A' is not in "
        "derived/districts.csv; stored without a division id"
    ]


def test_unusable_optional_values_are_blank_with_a_warning():
    entry = {
        **FATEH,
        "email": "o" * 250 + "@leg.example.gov",
        "image": "leg.example.gov/fateh.jpg",
        "offices": ["a capitol office", {"classification": "capitol", "voice": " 651-555-0100 "}],
    }
    data = read_people(entry)
    record = data.legislators[FATEH["id"]]
    assert (record["email"], record["image_url"]) == ("", "")
    assert record["offices"] == [{"classification": "capitol", "phone": "651-555-0100"}]
    assert any("email: 266 characters, longer than 254" in w for w in data.warnings)
    assert any(
        "image: 'leg.example.gov/fateh.jpg' is not a usable web address" in w for w in data.warnings
    )


def committee_file(committee: dict, state="mn") -> tuple[str, bytes]:
    return f"people/data/{state}/committees/{committee['name']}.yml", as_yaml(committee)


JUDICIARY = {
    "id": "ocd-organization/11111111-2222-3333-4444-555555555555",
    "name": "Judiciary and Public Safety",
    "chamber": "upper",
    "links": [{"url": "https://senate.mn/committees/judiciary", "note": "homepage"}],
    "members": [
        {"name": "Omar Fateh", "person_id": FATEH["id"], "role": "Chair"},
        {"name": "Someone Gone", "person_id": person_id("Someone Gone")},
        {"name": "No Id"},
    ],
}


def read_committees(*committees) -> StateData:
    data = read_people(FATEH)
    parse_committees(dict(committee_file(c) for c in committees), data)
    return data


def test_committee_seats_of_current_members_are_kept_the_others_counted():
    data = read_committees(JUDICIARY)
    assert data.committees[JUDICIARY["id"]]["url"] == "https://senate.mn/committees/judiciary"
    assert data.memberships == {(JUDICIARY["id"], FATEH["id"]): {"role": "Chair"}}
    assert data.warnings == [
        "2 committee members are not current legislators (or have no person id) and were left out"
    ]


@pytest.mark.parametrize(
    ("committee", "expected"),
    [
        ({**JUDICIARY, "id": "judiciary"}, "Judiciary and Public Safety.yml: no ocd-organization"),
        ({**JUDICIARY, "chamber": "joint"}, "Public Safety.yml: unknown chamber 'joint'"),
    ],
    ids=["not-an-ocd-id", "unknown-chamber"],
)
def test_a_malformed_committee_is_named(committee, expected):
    assert expected in refused(read_committees, committee)


def test_invalid_committee_yaml_is_named_with_the_file():
    data = read_people(FATEH)
    message = refused(parse_committees, {"people/data/mn/committees/x.yml": b"id: [unclosed"}, data)
    assert "people/data/mn/committees/x.yml: not valid YAML" in message


def test_districts_with_an_unknown_chamber_or_bad_seat_count_are_named():
    message = refused(
        places.parse_districts,
        csv_text(
            [
                district("MN", "upper", "63", f"{OCD}/sldu:63"),
                {**district("MN", "upper", "64", f"{OCD}/sldu:64"), "chamber": "joint"},
                district("MN", "upper", "65", "mn-65"),
                {**district("MN", "upper", "66", f"{OCD}/sldu:66"), "num_seats": "two"},
            ]
        ).encode(),
    )
    assert "derived/districts.csv line 3: unknown chamber or division id" in message
    assert "derived/districts.csv line 4: unknown chamber or division id" in message
    assert "derived/districts.csv line 5: seats 'two'" in message


def test_a_district_list_with_other_columns_is_refused():
    message = refused(places.parse_districts, b"state,district\nMN,63\n")
    assert "derived/districts.csv has the columns ['state', 'district']" in message


def test_vacancies_in_an_unknown_chamber_or_without_a_date_are_named():
    settings = {
        "us": {"vacancies": [{"chamber": "lower", "district": "1"}]},
        "mn": {
            "vacancies": [
                {"chamber": "senate", "district": "29"},
                {"chamber": "upper", "district": 29, "vacant_until": "soon"},
            ]
        },
    }
    message = refused(places.parse_vacancies, as_yaml(settings))
    assert "people/settings.yml: mn vacancy in unknown chamber 'senate'" in message
    assert "people/settings.yml: mn: not a date: 'soon'" in message
    assert message.count("people/settings.yml") == 2  # Congress's vacancies are not read here


def test_a_vacancy_district_read_as_a_number_is_keyed_as_the_people_files_spell_it():
    settings = {
        "mn": {"vacancies": [{"chamber": "upper", "district": 29, "vacant_until": "2026-11-03"}]}
    }
    assert places.parse_vacancies(as_yaml(settings)) == {
        ("MN", "upper", "29"): {"vacant_until": datetime.date(2026, 11, 3)}
    }


def census_csv(*rows) -> bytes:
    return csv_text(list(rows), places.CENSUS_HEADER).encode()


def json_bytes(states: dict) -> bytes:
    return json.dumps({"metadata": {}, "states": states}).encode()


MN_63 = census("MN", "sldu", "63", f"{OCD}/sldu:63", "upper", "63")


def test_zip_areas_join_to_districts_through_the_census_code():
    warnings: list[str] = []
    zips = {
        "27": zip_state(
            "MN",
            {"upper": {"63": ["55407", "5540"], "99": ["55401"]}, "congress": {"5": ["55407"]}},
        )
    }
    rows = places.parse_zip_rows(json_bytes(zips), census_csv(MN_63), warnings)
    assert rows == {("55407", "MN", "upper", "63"): {"division_id": f"{OCD}/sldu:63"}}
    assert warnings == [
        "MN 63: ZIP '5540'",
        "1 Census districts have no Open States district and were left out: MN sldu 99",
    ]


@pytest.mark.parametrize("content", [b"{not json", b'{"metadata": {}}', b"[1, 2]"])
def test_a_zip_file_that_is_not_the_expected_json_is_refused(content):
    message = refused(places.parse_zip_rows, content, census_csv(MN_63), [])
    assert "state-leg-zips/public/data/districts.json is not the expected JSON" in message


def test_more_than_ten_errors_are_counted_not_listed():
    errors = Errors()
    for number in range(13):
        errors.add(f"problem {number}")
    with pytest.raises(LegislatorDataError) as raised:
        errors.raise_if_any()
    assert "problem 9" in str(raised.value)
    assert "problem 10" not in str(raised.value)
    assert str(raised.value).endswith("… and 3 more")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2026, 1, 5, 12, 0), datetime.date(2026, 1, 5)),
        ("2027", datetime.date(2027, 12, 31)),
        ("", None),
    ],
)
def test_dates_as_yaml_gives_them(value, expected):
    assert parse_date(value) == expected
