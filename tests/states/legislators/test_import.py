"""import_legislators against the real public data: counts, seats, ambiguous ZIPs, Judiciary
seats; a re-import that names exactly what changed; --dry-run; idempotence."""

import datetime
from collections import Counter

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core import generation as cache_generation
from states.congress import District, delegations, districts_for_zip, members_for_state
from states.models import (
    Chamber,
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    ZipDistrict,
)
from tests.states.legislators.helpers import dump_yaml, load_yaml, run_import

pytestmark = pytest.mark.django_db

TERRITORIES = {"DC", "PR", "GU", "VI", "AS", "MP"}
AT_LARGE_STATES = {"AK", "DE", "ND", "SD", "VT", "WY"}


def test_the_import_stores_every_current_member_seat_and_zip_row(imported):
    assert Legislator.objects.count() == 537
    senators = Legislator.objects.filter(chamber=Chamber.SENATE)
    assert senators.count() == 100
    per_state = Counter(senators.values_list("state", flat=True))
    assert len(per_state) == 50 and set(per_state.values()) == {2}
    assert not TERRITORIES & set(per_state)
    assert not senators.exclude(district=None).exists()

    house = Counter(
        Legislator.objects.filter(chamber=Chamber.HOUSE).values_list("state", flat=True)
    )
    # This snapshot of the data has one vacant seat in California (CA-14) and one in Texas
    # (TX-23): 52 and 38 seats by apportionment.
    assert (house["CA"], house["TX"], house["NY"], house["FL"], house["CO"]) == (51, 37, 26, 27, 8)
    assert sum(house.values()) == 437
    for code in AT_LARGE_STATES | TERRITORIES:
        (member,) = Legislator.objects.filter(chamber=Chamber.HOUSE, state=code)
        assert member.district == 0, code
    assert Legislator.objects.get(state="WY", chamber=Chamber.HOUSE).seat == "WY at large"
    assert Legislator.objects.get(state="PR").title == "Resident Commissioner"
    assert {m.title for m in Legislator.objects.filter(state__in=TERRITORIES - {"PR"})} == {
        "Delegate"
    }
    # The publishers' gender, which only words the Spanish titles: every member has one.
    genders = Counter(Legislator.objects.values_list("gender", flat=True))
    assert set(genders) == {"F", "M"} and sum(genders.values()) == 537
    with translation.override("es"):
        assert Legislator.objects.get(state="PR").title == "Comisionado Residente"
        women = Legislator.objects.filter(chamber=Chamber.SENATE, gender="F")
        assert women.exists() and {m.title for m in women} == {"Senadora"}

    assert ZipDistrict.objects.count() == 42033
    assert ZipDistrict.objects.values("zcta").distinct().count() == 33774
    assert DistrictOffice.objects.count() == 1312
    assert Committee.objects.count() == 49
    assert CommitteeMembership.objects.count() == 1329

    record = LegislatorImport.latest_or_none()
    assert (record.legislator_count, record.zip_area_count) == (537, 42033)
    assert len(record.added) == 537 and record.removed == record.changed == []
    assert record.zip_areas_added == 42033 and record.checked_at is not None
    assert "537 legislators (100 senators, 437 representatives and delegates)" in imported
    assert "Applying the changes in one transaction" in imported


def test_names_contacts_and_missing_values(imported):
    bennet = Legislator.objects.get(bioguide_id="B001267")
    assert (bennet.full_name, bennet.first_name, bennet.last_name) == (
        "Michael F. Bennet",
        "Michael",
        "Bennet",
    )
    assert (bennet.chamber, bennet.state, bennet.district, bennet.party) == (
        Chamber.SENATE,
        "CO",
        None,
        "Democrat",
    )
    assert bennet.phone == "202-224-5852"
    assert bennet.website.startswith("https://") and bennet.contact_form_url.startswith("https://")
    assert bennet.term_end == datetime.date(2029, 1, 3)
    # Two members have no official_full name: first and last name instead.
    for bioguide_id in ("M001246", "G000607"):
        member = Legislator.objects.get(bioguide_id=bioguide_id)
        assert member.full_name == f"{member.first_name} {member.last_name}"
    # Most representatives publish no contact form: stored blank, never None.
    assert Legislator.objects.filter(contact_form_url="").count() > 400
    assert not Legislator.objects.filter(phone=None).exists()
    # A malformed address in the data ("hhttps://…") is stored blank, with a warning.
    assert Legislator.objects.get(bioguide_id="F000484").contact_form_url == ""
    assert "F000484" in imported and "not a web address" in imported


def test_an_ambiguous_zip_has_several_rows_and_the_lookup_offers_each(imported):
    assert set(ZipDistrict.objects.filter(zcta="35005").values_list("state", "district")) == {
        ("AL", 6),
        ("AL", 7),
    }
    candidates = districts_for_zip("35005")
    assert candidates == [District("AL", 6), District("AL", 7)]
    first, second = delegations(candidates)
    assert first.representative != second.representative
    assert len(first.senators) == len(second.senators) == 2
    # A ZIP area that crosses a state line lists both states.
    assert {d.state for d in districts_for_zip("30165")} == {"AL", "GA"}
    # At-large and territories: district 0; a territory has no senators.
    (wyoming,) = delegations(districts_for_zip("82001"))
    assert wyoming.district.is_at_large and wyoming.representative.state == "WY"
    (san_juan,) = delegations(districts_for_zip("00901"))
    assert san_juan.senators == [] and san_juan.representative.title == "Resident Commissioner"
    assert districts_for_zip("00000") == []


def test_judiciary_seats_are_marked_for_the_state_page(imported):
    iowa = {m.last_name: m for m in members_for_state("IA")}
    assert iowa["Grassley"].on_judiciary
    assert iowa["Grassley"].judiciary_role_label == "chair"
    maryland = {m.last_name: m for m in members_for_state("MD")}
    assert maryland["Raskin"].judiciary_role_label == "ranking member"
    assert sum(m.on_judiciary for m in members_for_state("CA")) >= 2  # Padilla and Schiff
    colorado = members_for_state("CO")
    assert [m.chamber for m in colorado[:2]] == [Chamber.SENATE, Chamber.SENATE]
    assert [m.district for m in colorado[2:]] == list(range(1, 9))


def write_changed_copy(folder):
    """One member's phone changed, one removed, one added; one ZIP row moved district."""
    path = folder / "legislators-current.yaml"
    members = load_yaml(path)
    by_id = {m["id"]["bioguide"]: m for m in members}
    by_id["B001267"]["terms"][-1]["phone"] = "202-555-0142"  # Bennet
    members.remove(by_id["B000825"])  # Boebert, CO-4
    members.append(
        {
            "id": {"bioguide": "Z000999"},
            "name": {"first": "Ana", "last": "Nueva"},
            "terms": [
                {
                    "type": "rep",
                    "start": "2026-06-01",
                    "end": "2027-01-03",
                    "state": "CA",
                    "district": 14,
                    "party": "Democrat",
                }
            ],
        }
    )
    dump_yaml(path, members)
    zccd = folder / "zccd.csv"
    text = zccd.read_text()
    assert "\n01,AL,35004,3\n" in text
    zccd.write_text(text.replace("\n01,AL,35004,3\n", "\n01,AL,35004,4\n"))


def test_a_reimport_names_exactly_what_changed_and_dry_run_applies_nothing(
    imported, real_data_copy, django_capture_on_commit_callbacks
):
    write_changed_copy(real_data_copy)
    first = LegislatorImport.latest_or_none()
    before = {
        "legislators": Legislator.objects.count(),
        "offices": DistrictOffice.objects.count(),
        "seats": CommitteeMembership.objects.count(),
        "zips": ZipDistrict.objects.count(),
        "imports": LegislatorImport.objects.count(),
    }

    preview = run_import("--source", str(real_data_copy), "--dry-run")
    assert "Legislators: 1 added, 1 removed, 1 changed" in preview
    assert "+ Ana Nueva (Z000999), Representative, CA-14" in preview
    assert "- Lauren Boebert (B000825), Representative, CO-4" in preview
    assert "~ Michael F. Bennet (B001267): phone 202-224-5852 → 202-555-0142" in preview
    assert "ZIP code rows: 1 added, 1 removed, touching 1 ZIP codes" in preview
    assert "left: Lauren Boebert" in preview  # her committee seats go with her
    assert "Dry run: nothing was changed." in preview
    assert Legislator.objects.get(pk="B001267").phone == "202-224-5852"
    assert not Legislator.objects.filter(pk="Z000999").exists()
    assert Legislator.objects.filter(pk="B000825").exists()
    assert districts_for_zip("35004") == [District("AL", 3)]
    assert before == {
        "legislators": Legislator.objects.count(),
        "offices": DistrictOffice.objects.count(),
        "seats": CommitteeMembership.objects.count(),
        "zips": ZipDistrict.objects.count(),
        "imports": LegislatorImport.objects.count(),
    }
    first.refresh_from_db()
    assert first.checked_at is not None

    generation = cache_generation.generation()
    with django_capture_on_commit_callbacks(execute=True):
        output = run_import("--source", str(real_data_copy))
    assert cache_generation.generation() > generation  # purged: state pages show the new members
    record = LegislatorImport.latest_or_none()
    assert record.pk != first.pk
    assert [e["bioguide_id"] for e in record.added] == ["Z000999"]
    assert record.added[0] == {
        "bioguide_id": "Z000999",
        "name": "Ana Nueva",
        "chamber": "house",
        "state": "CA",
        "district": 14,
    }
    assert [e["bioguide_id"] for e in record.removed] == ["B000825"]
    assert record.changed == [
        {
            "bioguide_id": "B001267",
            "name": "Michael F. Bennet",
            "chamber": "senate",
            "state": "CO",
            "district": None,
            "fields": {"phone": ["202-224-5852", "202-555-0142"]},
        }
    ]
    assert (record.zip_areas_added, record.zip_areas_removed) == (1, 1)
    seats = record.summary["committee_seats"]
    assert seats["removed"] > 0 and seats["added"] == 0
    assert record.summary["district_offices"]["removed"] > 0
    assert "Imported 537 legislators" in output

    assert Legislator.objects.get(pk="B001267").phone == "202-555-0142"
    assert not Legislator.objects.filter(pk="B000825").exists()
    assert not DistrictOffice.objects.filter(legislator_id="B000825").exists()
    assert Legislator.objects.get(pk="Z000999").seat == "CA-14"
    assert districts_for_zip("35004") == [District("AL", 4)]


def test_a_second_run_reports_no_changes_and_writes_no_diff(imported, shared_data):
    first = LegislatorImport.latest_or_none()
    checked = first.checked_at
    with CaptureQueriesContext(connection) as queries:
        output = run_import("--source", str(shared_data))
    assert "none: the data is the same." in output
    assert "Legislator data is up to date." in output
    assert LegislatorImport.objects.count() == 1
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "DELETE", "UPDATE"))
    ]
    assert len(writes) == 1 and "states_legislatorimport" in writes[0]
    first.refresh_from_db()
    assert first.checked_at > checked
    assert first.data_as_of == first.checked_at


def test_a_truncated_file_that_would_remove_most_members_needs_force(imported, real_data_copy):
    path = real_data_copy / "legislators-current.yaml"
    dump_yaml(path, load_yaml(path)[:10])
    with pytest.raises(CommandError, match="would remove 527 of the 537 stored legislators"):
        run_import("--source", str(real_data_copy))
    assert Legislator.objects.count() == 537
    forced = run_import("--source", str(real_data_copy), "--force", "--dry-run")
    assert "Legislators: 0 added, 527 removed" in forced
