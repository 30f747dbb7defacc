"""The state import on small hand-made data: what is current, each legislature's shape, the
ZIP relation, and the plan, threshold, dry run and re-run."""

import datetime
import io
import shutil
import tarfile
import urllib.error
from pathlib import Path

import pytest
from django.core.management.base import CommandError
from django.utils import translation

from states.importer import sources as importer_sources
from states.models import (
    StateCommittee,
    StateDistrict,
    StateLegislator,
    StateLegislatorImport,
    StateVacancy,
    StateZipDistrict,
)
from tests.states.state_legislators.conftest import AS_OF
from tests.states.state_legislators.helpers import person_id, run_import

pytestmark = pytest.mark.django_db


def names(**filters) -> set[str]:
    return set(StateLegislator.objects.filter(**filters).values_list("name", flat=True))


def test_the_plan_is_printed_per_state_and_the_import_recorded(imported_small):
    output = imported_small
    assert "Legislators: 16 added, 0 removed, 0 changed (16 after the import)" in output
    assert "MN: 3 added, 0 removed, 0 changed (3 after the import)" in output
    assert "DC: 4 added" in output and "PR: 4 added" in output and "NH: 3 added" in output
    assert "ZIP-district rows: 9 added" in output
    record = StateLegislatorImport.objects.get()
    assert record.legislator_count == 16 and record.zip_area_count == 9
    assert record.data_published_at == datetime.date(2026, 8, 5)  # the README's commit date
    assert record.zip_data_published_at == datetime.date(2026, 2, 14)  # its oldest date
    assert record.as_of == datetime.date(2026, 8, 5)
    assert record.summary["by_state"]["MN"] == {"added": 3, "removed": 0, "changed": 0, "total": 3}


def test_a_role_that_has_ended_is_left_out(imported_small):
    assert not names(name__in=["Joe Schomacker", "Doni Crawford"])
    assert "Left out, every role ended before 2026-08-05" in imported_small
    assert "Joe Schomacker" in imported_small and "Doni Crawford" in imported_small
    # A term that ends after the day of the import is still current.
    abbott = StateLegislator.objects.get(name="Nelson Abbott")
    assert abbott.role_ends == datetime.date(2027, 1, 1)


def test_as_of_a_later_day_the_ended_term_is_gone(small_data, db):
    people, zips, _fixture = small_data
    run_import(people, zips, "--as-of", "2027-01-02")
    assert not names(name="Nelson Abbott")


def test_legislators_carry_their_seat_contact_and_current_party(imported_small):
    gomez = StateLegislator.objects.get(name="Aisha Gomez")
    assert gomez.person_id == person_id("Aisha Gomez")
    assert (gomez.state, gomez.chamber, gomez.district) == ("MN", "lower", "63A")
    assert gomez.division_id == "ocd-division/country:us/state:mn/sldl:63a"
    assert gomez.party == "Democratic"  # the party with no end date
    assert gomez.email == "aisha@leg.example.gov" and gomez.phone == "651-555-0100"
    assert gomez.offices[1] == {"classification": "district", "address": "2 Main St"}
    assert gomez.homepage == "https://leg.example.gov/Gomez"
    assert gomez.title == "Representative"
    assert StateLegislator.objects.get(name="Juliet Harvey").email == ""


def test_titles_per_chamber_in_english_and_spanish(imported_small):
    fateh = StateLegislator.objects.get(name="Omar Fateh")
    frumin = StateLegislator.objects.get(name="Matthew Frumin")
    gomez = StateLegislator.objects.get(name="Aisha Gomez")
    assert (fateh.title, frumin.title) == ("Senator", "Councilmember")
    with translation.override("es"):
        assert fateh.title == "Senador"
        assert StateLegislator.objects.get(name="Ana Irma Rivera").title == "Senadora"
        assert gomez.title == "Representante"
        assert frumin.title == "Concejal"


def test_nebraska_dc_and_puerto_rico(imported_small):
    hansen = StateLegislator.objects.get(name="Ben Hansen")
    assert hansen.chamber == "legislature"
    assert hansen.division_id == "ocd-division/country:us/state:ne/sldu:1"  # sldu, unicameral
    assert names(state="DC") == {
        "Matthew Frumin",
        "Robert White",
        "Christina Henderson",
        "Phil Mendelson",
    }
    at_large = StateDistrict.objects.get(state="DC", name="At-Large")
    assert at_large.seats == 4 and at_large.division_id == "ocd-division/country:us/district:dc"
    assert names(state="DC", district="At-Large") == {"Robert White", "Christina Henderson"}
    assert names(state="PR", chamber="upper", district="1") == {"Ana Irma Rivera", "Nitza Moran"}
    assert names(state="PR", chamber="upper", district="At-Large") == {"Thomas Rivera"}
    assert StateZipDistrict.objects.filter(zcta="68001").get().chamber == "legislature"


def test_new_hampshire_multi_member_and_floterial_districts(imported_small):
    assert StateDistrict.objects.get(state="NH", name="Belknap 2").seats == 2
    rows = StateZipDistrict.objects.filter(zcta="03220")
    assert [(row.district, row.division_id) for row in rows] == [
        ("Belknap 2", "ocd-division/country:us/state:nh/sldl:belknap_2")
    ]
    assert names(division_id=rows[0].division_id) == {"Juliet Harvey", "Travis OHara"}
    # The floterial district has members and a division id, and no ZIP reaches it.
    floterial = StateLegislator.objects.get(name="Harry Bean")
    assert floterial.division_id.endswith("sldl:belknap_8")
    assert not StateZipDistrict.objects.filter(district="Belknap 8").exists()


def test_a_zip_spanning_two_minnesota_house_districts_returns_both(imported_small):
    rows = StateZipDistrict.objects.filter(zcta="55406").order_by("chamber", "district")
    assert [(row.chamber, row.district) for row in rows] == [
        ("lower", "63A"),
        ("lower", "63B"),
        ("upper", "63"),
    ]
    house = names(division_id__in=[row.division_id for row in rows if row.chamber == "lower"])
    assert house == {"Aisha Gomez", "Hodan Hassan"}
    # One Census district of Idaho's house holds two seats: both are rows.
    assert set(
        StateZipDistrict.objects.filter(zcta="83642").values_list("district", flat=True)
    ) == {
        "22A",
        "22B",
    }


def test_vacancies_are_read(imported_small):
    assert set(
        StateVacancy.objects.values_list("state", "chamber", "district", "vacant_until")
    ) == {
        ("NH", "lower", "Belknap 6", datetime.date(2027, 1, 1)),
        ("OK", "lower", "92", datetime.date(2026, 6, 15)),  # unquoted in YAML: a number
    }


def test_committee_members_are_linked(imported_small):
    committee = StateCommittee.objects.get()
    assert (committee.state, committee.chamber) == ("MN", "upper")
    assert committee.url == "https://senate.mn/committees/judiciary"
    seats = list(committee.memberships.values_list("legislator__name", "role"))
    assert seats == [("Omar Fateh", "chair")]  # the ended member and the one without id are not
    assert "2 committee members are not current legislators" in imported_small


def test_a_dry_run_writes_nothing(small_data, db):
    people, zips, _fixture = small_data
    output = run_import(people, zips, "--as-of", AS_OF, "--dry-run")
    assert "MN: 3 added" in output and "Dry run: nothing was changed." in output
    assert not StateLegislator.objects.exists() and not StateZipDistrict.objects.exists()
    assert not StateLegislatorImport.objects.exists()


def test_running_again_with_the_same_data_changes_nothing(small_data, imported_small):
    people, zips, _fixture = small_data
    record = StateLegislatorImport.objects.get()
    before = list(StateLegislator.objects.values())
    output = run_import(people, zips, "--as-of", AS_OF)
    assert "none: the data is the same." in output
    assert "State legislator data is up to date." in output
    assert list(StateLegislator.objects.values()) == before
    assert StateLegislatorImport.objects.get().checked_at > record.checked_at  # checked, no new row


def test_changes_are_listed_per_state_and_by_member(small_data, imported_small, tmp_path):
    people, zips, fixture = small_data
    fixture.people[0]["offices"][0]["voice"] = "651-555-0199"  # Omar Fateh's phone
    fixture.people.pop(1)  # Aisha Gomez leaves
    people, zips = fixture.write(tmp_path / "later")
    output = run_import(people, zips, "--as-of", AS_OF)
    assert "MN: 0 added, 1 removed, 1 changed (2 after the import)" in output
    assert "- Aisha Gomez (MN lower 63A)" in output
    assert "~ Omar Fateh (MN upper 63): offices changed" in output
    assert StateLegislator.objects.get(name="Omar Fateh").phone == "651-555-0199"
    latest = StateLegislatorImport.latest_or_none()
    assert [entry["name"] for entry in latest.removed] == ["Aisha Gomez"]


def test_removing_most_of_a_state_is_refused_without_force(small_data, imported_small, tmp_path):
    _people, _zips, fixture = small_data
    fixture.people = [p for p in fixture.people if "state:mn" not in p["roles"][0]["jurisdiction"]]
    people, zips = fixture.write(tmp_path / "truncated")
    with pytest.raises(CommandError, match="remove 3 of the 3 stored legislators of MN"):
        run_import(people, zips, "--as-of", AS_OF)
    assert StateLegislator.objects.filter(state="MN").count() == 3
    output = run_import(people, zips, "--as-of", AS_OF, "--force")
    assert "MN: 0 added, 3 removed" in output
    assert not StateLegislator.objects.filter(state="MN").exists()


def test_invalid_yaml_stops_the_import_with_the_file(small_data, db):
    people, zips, _fixture = small_data
    broken = next((people / "people" / "data" / "mn" / "legislature").glob("Omar-Fateh-*.yml"))
    broken.write_text("id: [unclosed\n")
    with pytest.raises(CommandError, match=r"Omar-Fateh-.*not valid YAML"):
        run_import(people, zips, "--as-of", AS_OF)
    assert not StateLegislator.objects.exists()


def test_an_archive_is_read_like_a_folder(small_data, tmp_path, db):
    people, zips, _fixture = small_data
    archive = tmp_path / "openstates.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(people, arcname="openstates-abc123")  # as GitHub names an archive's folder
    zipped = shutil.make_archive(str(tmp_path / "zips"), "zip", zips)
    output = run_import(archive, zipped, "--as-of", AS_OF, "--published", "2026-09-01")
    assert "Legislators: 16 added" in output
    assert StateLegislatorImport.objects.get().data_published_at == datetime.date(2026, 9, 1)


def test_a_missing_folder_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="neither a folder nor an archive"):
        run_import(tmp_path / "nowhere", tmp_path / "nowhere")


def test_archives_at_urls_are_downloaded(small_data, tmp_path, db, monkeypatch):
    people, zips, _fixture = small_data
    archives = {
        "openstates.tar.gz": shutil.make_archive(str(tmp_path / "people"), "gztar", people),
        "zips.zip": shutil.make_archive(str(tmp_path / "zips"), "zip", zips),
    }
    requested = []

    def serve(request, timeout=None):
        requested.append(request.full_url)
        return io.BytesIO(Path(archives[request.full_url.rsplit("/", 1)[-1]]).read_bytes())

    monkeypatch.setattr(importer_sources.urllib.request, "urlopen", serve)
    output = run_import(
        "https://mirror.example/openstates.tar.gz",
        "https://mirror.example/zips.zip",
        "--as-of",
        AS_OF,
    )
    assert requested == [
        "https://mirror.example/openstates.tar.gz",
        "https://mirror.example/zips.zip",
    ]
    assert "MN: 3 added" in output and "ZIP-district rows: 9 added" in output
    assert StateLegislatorImport.objects.get().data_published_at == datetime.date(2026, 8, 5)


def test_offline_a_url_fails_with_a_clear_message(tmp_path, db, monkeypatch):
    def refuse(request, timeout=None):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(importer_sources.urllib.request, "urlopen", refuse)
    with pytest.raises(CommandError, match=r"Could not download https://mirror\.example/os\.zip"):
        run_import("https://mirror.example/os.zip", tmp_path)
    assert not StateLegislator.objects.exists()


def test_a_failure_while_applying_leaves_nothing_half_written(small_data, db, monkeypatch):
    people, zips, _fixture = small_data

    def disk_full(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(StateZipDistrict.objects, "bulk_create", disk_full)  # written last
    with pytest.raises(OSError, match="disk full"):
        run_import(people, zips, "--as-of", AS_OF)
    assert not StateLegislator.objects.exists() and not StateLegislatorImport.objects.exists()
