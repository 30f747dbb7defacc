"""The importer's reading of each publisher's file, entry by entry, without a database: every
way an entry can be malformed is named in the error, and the import stops before writing (the
command-level tests in test_sources_and_errors.py show that nothing is stored)."""

import pytest
import yaml

from states.importer import parsing
from states.importer.errors import LegislatorDataError
from states.models import Chamber


def as_yaml(data) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True).encode()


def member(bioguide="C000001", **changes) -> dict:
    """One current representative as legislators-current.yaml lists them; `changes` replace
    keys of the current term (or `name`, `bio`, `id`)."""
    entry = {
        "id": {"bioguide": bioguide},
        "name": {"first": "Sample", "last": "Member", "official_full": "Sample Member"},
        "bio": {"gender": "F"},
        "terms": [
            {"type": "rep", "state": "CO", "district": 1, "party": "Democrat"},
            {
                "type": "rep",
                "state": "CO",
                "district": 1,
                "party": "Democrat",
                "end": "2027-01-03",
                "url": "https://example.house.gov",
                "phone": "202-555-0100",
            },
        ],
    }
    for key, value in changes.items():
        if key in ("name", "bio", "id", "terms"):
            entry[key] = value
        else:
            entry["terms"][-1][key] = value
    return entry


def read_members(*entries) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    return parsing.parse_legislators(as_yaml(list(entries)), warnings), warnings


def refused(parse, *args) -> str:
    with pytest.raises(LegislatorDataError) as raised:
        parse(*args)
    return str(raised.value)


def test_a_well_formed_member_is_read_as_the_database_keys_it():
    members, warnings = read_members(member())
    assert warnings == []
    record = members["C000001"]
    assert record["chamber"] == Chamber.HOUSE
    assert (record["state"], record["district"], record["gender"]) == ("CO", 1, "F")
    assert record["term_end"].isoformat() == "2027-01-03"
    assert record["website"] == "https://example.house.gov"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (member(name={"first": "Sample"}), "entry 1 (C000001): no first and last name"),
        (member(type="del"), "the current term's type is 'del', not 'sen' or 'rep'"),
        (member(state="Colorado"), "entry 1 (C000001): the current term has no two-letter state"),
        (member(district=True), "a representative's term needs a district number"),
        (member(end="next January"), "the term's end 'next January' is not a date"),
        (member(party="P" * 41), "party is longer than 40 characters"),
        (member(terms=[]), "entry 1 (C000001): no terms"),
        ("not a mapping", "entry 1: no valid bioguide id"),
    ],
    ids=[
        "no-last-name",
        "delegate-type",
        "state-name",
        "district-not-a-number",
        "end-not-a-date",
        "required-too-long",
        "no-terms",
        "entry-not-a-mapping",
    ],
)
def test_a_malformed_member_is_named_and_nothing_is_read(entry, expected):
    message = refused(read_members, entry)
    assert "legislators-current.yaml does not look like the publisher's file" in message
    assert expected in message


def test_the_same_member_twice_is_refused():
    message = refused(read_members, member(), member())
    assert "entry 2 (C000001): the bioguide id appears twice" in message


def test_an_optional_value_that_cannot_be_stored_is_blank_with_a_warning():
    members, warnings = read_members(member(phone="2" * 31, contact_form="example.house.gov/c"))
    assert members["C000001"]["phone"] == ""
    assert members["C000001"]["contact_form_url"] == ""
    assert any("phone" in w and "longer than 30 characters; stored blank" in w for w in warnings)
    assert any("contact_form_url" in w and "not a web address" in w for w in warnings)


def test_a_file_of_many_bad_entries_stops_at_ten_and_lists_them():
    entries = [member(bioguide=f"bad{n}") for n in range(25)]
    message = refused(read_members, *entries)
    assert message.count("no valid bioguide id") == parsing.MAX_ERRORS
    assert "entry 10 (bad9): no valid bioguide id" in message
    assert "entry 11 " not in message


def test_a_file_that_is_not_utf8_is_named():
    message = refused(parsing.load_yaml, "committees-current.yaml", b"- name: \xff\xfe", list)
    assert message == "committees-current.yaml is not UTF-8 text."


MEMBERS = {"C000001": {}}


def read_offices(*entries) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    return parsing.parse_offices(as_yaml(list(entries)), MEMBERS, warnings), warnings


def office(office_id="C000001-denver", **changes) -> dict:
    return {"id": office_id, "city": "Denver", "state": "co", "zip": "80202", **changes}


def test_offices_are_read_and_those_of_former_members_skipped():
    offices, warnings = read_offices(
        {"id": {"bioguide": "C000001"}, "offices": [office()]},
        {"id": {"bioguide": "F000009"}, "offices": [office("F000009-aurora")]},
    )
    assert list(offices) == ["C000001-denver"]
    assert offices["C000001-denver"]["state"] == "CO"
    assert warnings == [
        "legislators-district-offices.yaml: skipped the offices of 1 member(s) who are not in "
        "legislators-current.yaml."
    ]


def test_an_office_listed_twice_is_kept_once_with_a_warning():
    offices, warnings = read_offices(
        {"id": {"bioguide": "C000001"}, "offices": [office(), office(city="Aurora")]}
    )
    assert offices["C000001-denver"]["city"] == "Denver"
    assert warnings == ["legislators-district-offices.yaml: office C000001-denver is listed twice."]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (["a", "list"], "entry 1: not a mapping"),
        (
            {"id": {"bioguide": "C000001"}, "offices": [{"city": "Denver"}]},
            "entry 1 (C000001): an office without an id",
        ),
        (
            {"id": {"bioguide": "C000001"}, "offices": [office("C000001-" + "x" * 80)]},
            f"office C000001-{'x' * 32}…: the id is too long",
        ),
    ],
    ids=["entry-not-a-mapping", "office-without-id", "office-id-too-long"],
)
def test_a_malformed_office_is_named(entry, expected):
    message = refused(read_offices, entry)
    assert "legislators-district-offices.yaml does not look like the publisher's file" in message
    assert expected in message


def read_committees(*entries) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    return parsing.parse_committees(as_yaml(list(entries)), warnings), warnings


JUDICIARY = {"thomas_id": "HSJU", "name": "Committee on the Judiciary", "type": "house"}


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"name": "Committee on the Judiciary", "type": "house"}, "entry 1: a committee needs"),
        ({**JUDICIARY, "name": "J" * 256}, "HSJU: name is longer than 255 characters"),
        (
            {**JUDICIARY, "thomas_id": "HSJU-TOO-LONG"},
            "entry 1: the id 'HSJU-TOO-LONG' is too long",
        ),
    ],
    ids=["no-thomas-id", "name-too-long", "id-too-long"],
)
def test_a_malformed_committee_is_named(entry, expected):
    message = refused(read_committees, entry)
    assert "committees-current.yaml does not look like the publisher's file" in message
    assert expected in message


def test_committee_seats_are_read_for_known_committees_and_members_only():
    seats = parsing.parse_memberships(
        as_yaml(
            {
                "HSJU": [
                    {"bioguide": "C000001", "title": "Ranking Member", "rank": 1},
                    {"bioguide": "F000009", "rank": 2},
                ],
                "HSJU01": [{"bioguide": "C000001", "rank": 1}],
            }
        ),
        {"HSJU": JUDICIARY},
        MEMBERS,
    )
    assert seats == {("HSJU", "C000001"): {"role": "Ranking Member", "rank": 1}}


def test_a_committee_whose_seats_are_not_a_list_is_named():
    message = refused(
        parsing.parse_memberships, as_yaml({"HSJU": "C000001"}), {"HSJU": JUDICIARY}, MEMBERS
    )
    assert "HSJU: should list members" in message


def test_blank_lines_in_the_zip_table_are_skipped():
    rows = parsing.parse_zip_rows(b"state_fips,state_abbr,zcta,cd\n\n08,CO,80202,1\n\n")
    assert rows == {("80202", "CO", 1)}


def test_a_zip_table_that_is_not_csv_is_named():
    too_long = "x" * 200_000  # past the csv module's field size limit
    content = f"state_fips,state_abbr,zcta,cd\n08,CO,80202,{too_long}\n".encode()
    message = refused(parsing.parse_zip_rows, content)
    assert message.startswith("zccd.csv is not valid CSV: field larger than field limit")
