"""Where the importer reads from (folder, base URL, the publishers' URLs) and what it does with
bad input: a clear CommandError, and nothing written."""

import io
import urllib.error

import pytest
from django.core.management.base import CommandError
from django.db import DatabaseError

from states.importer import sources
from states.models import (
    Committee,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    ZipDistrict,
)
from tests.states.legislators.helpers import dump_yaml, load_yaml, run_import

pytestmark = pytest.mark.django_db


def nothing_stored() -> bool:
    return not any(
        model.objects.exists()
        for model in (Legislator, DistrictOffice, Committee, ZipDistrict, LegislatorImport)
    )


def test_dry_run_on_an_empty_database_writes_nothing(shared_data, settings):
    settings.LEGISLATOR_DATA_DIR = str(shared_data)  # the default source
    output = run_import("--dry-run")
    assert f"Reading 5 files from {shared_data}" in output
    assert "no earlier import" in output and "Legislators: 537 added" in output
    assert "zccd.csv: 42033 rows for 33774 ZIP codes (7299 in more than one district)" in output
    assert nothing_stored()


# Offline and URLs ------------------------------------------------------------------------------


@pytest.fixture
def offline(monkeypatch):
    calls = []

    def refuse(request, timeout=None):
        calls.append((request.full_url, timeout))
        raise urllib.error.URLError(OSError(-2, "Name or service not known"))

    monkeypatch.setattr(sources.urllib.request, "urlopen", refuse)
    return calls


def test_offline_the_publishers_urls_fail_with_a_clear_message(db, settings, offline):
    settings.LEGISLATOR_DATA_DIR = ""  # no folder: the publishers' URLs
    with pytest.raises(CommandError) as raised:
        run_import("--timeout", "5")
    message = str(raised.value)
    assert "Could not download https://theunitedstates.io/congress-legislators/" in message
    assert "offline" in message and "--source" in message
    assert offline == [
        ("https://theunitedstates.io/congress-legislators/legislators-current.yaml", 5.0)
    ]
    assert nothing_stored()


def test_the_zip_table_comes_from_its_own_publisher():
    source = sources.resolve("")
    assert source.locations["zccd.csv"] == (
        "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/"
        "zccd.csv"
    )
    assert source.locations["committees-current.yaml"] == (
        "https://theunitedstates.io/congress-legislators/committees-current.yaml"
    )


def test_a_base_url_serves_all_five_files(db, sample_data, monkeypatch):
    requested = []

    def serve(request, timeout=None):
        requested.append(request.full_url)
        name = request.full_url.rsplit("/", 1)[-1]
        return io.BytesIO((sample_data / name).read_bytes())

    monkeypatch.setattr(sources.urllib.request, "urlopen", serve)
    output = run_import("--source", "https://mirror.example/congress", "--dry-run")
    assert "Reading 5 files from https://mirror.example/congress/" in output
    members = len(load_yaml(sample_data / "legislators-current.yaml"))
    assert f"Legislators: {members} added" in output
    assert requested[0] == "https://mirror.example/congress/legislators-current.yaml"
    assert len(requested) == 5
    assert nothing_stored()


def test_a_missing_file_on_the_server_is_named(db, monkeypatch):
    def not_found(request, timeout=None):
        raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)

    monkeypatch.setattr(sources.urllib.request, "urlopen", not_found)
    with pytest.raises(CommandError, match=r"legislators-current.yaml failed: .* 404 Not Found"):
        run_import("--source", "https://mirror.example/")


# Bad folders and files -------------------------------------------------------------------------


def test_a_source_that_is_not_a_folder_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run_import("--source", str(tmp_path / "nowhere"))


def test_a_missing_file_in_the_folder_is_named(data_copy):
    (data_copy / "committees-current.yaml").unlink()
    with pytest.raises(CommandError, match=r"committees-current\.yaml is missing"):
        run_import("--source", str(data_copy))
    assert nothing_stored()


def test_invalid_yaml_is_refused_with_its_line(data_copy):
    (data_copy / "legislators-current.yaml").write_text("- id:\n    bioguide: [unclosed\n")
    with pytest.raises(CommandError, match=r"legislators-current.yaml is not valid YAML at line"):
        run_import("--source", str(data_copy))
    assert nothing_stored()


def test_yaml_of_the_wrong_shape_is_refused(data_copy):
    (data_copy / "committee-membership-current.yaml").write_text("- just\n- a list\n")
    with pytest.raises(CommandError, match="should hold a mapping"):
        run_import("--source", str(data_copy))
    assert nothing_stored()


def test_malformed_entries_are_listed(data_copy):
    path = data_copy / "legislators-current.yaml"
    members = load_yaml(path)
    del members[0]["id"]["bioguide"]
    members[5]["terms"][-1]["type"] = "rep"
    members[5]["terms"][-1].pop("district", None)
    members[7]["terms"] = []
    dump_yaml(path, members)
    with pytest.raises(CommandError) as raised:
        run_import("--source", str(data_copy))
    message = str(raised.value)
    assert "legislators-current.yaml does not look like the publisher's file" in message
    assert "entry 1: no valid bioguide id" in message
    assert f"entry 6 ({members[5]['id']['bioguide']}): a representative's term needs" in message
    assert f"entry 8 ({members[7]['id']['bioguide']}): no terms" in message
    assert nothing_stored()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("zip,state,district\n80202,CO,1\n", "should start with the header"),
        ("state_fips,state_abbr,zcta,cd\n08,CO,8020,1\n", "line 2: '08,CO,8020,1'"),
        ("state_fips,state_abbr,zcta,cd\n08,CO,80202\n", "line 2: 3 columns instead of 4"),
        ("state_fips,state_abbr,zcta,cd\n", "zccd.csv has no rows"),
        (b"\xff\xfe\x00garbage", "zccd.csv is not UTF-8 text"),
    ],
)
def test_a_malformed_zip_table_is_refused(data_copy, content, expected):
    path = data_copy / "zccd.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(CommandError, match=expected):
        run_import("--source", str(data_copy))
    assert nothing_stored()


def test_a_failure_while_applying_leaves_nothing_half_written(sample_data, monkeypatch):
    def disk_full(*args, **kwargs):
        raise DatabaseError("disk full")

    # The ZIP rows are written last, after legislators, offices and committees.
    monkeypatch.setattr(ZipDistrict.objects, "bulk_create", disk_full)
    with pytest.raises(DatabaseError):
        run_import("--source", str(sample_data))
    assert nothing_stored()


class DatedResponse(io.BytesIO):
    """A download with its publisher's Last-Modified header."""

    def __init__(self, content: bytes, last_modified: str | None):
        super().__init__(content)
        self.headers = {"Last-Modified": last_modified} if last_modified else {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def test_a_download_carries_its_publishers_date_the_oldest_file_wins(db, sample_data, monkeypatch):
    dates = {
        "legislators-current.yaml": "Mon, 01 Dec 2025 08:00:00 GMT",
        "zccd.csv": "Wed, 05 Mar 2025 12:00:00 GMT",  # the stalest part
    }

    def serve(request, timeout=None):
        name = request.full_url.rsplit("/", 1)[-1]
        return DatedResponse((sample_data / name).read_bytes(), dates.get(name))

    monkeypatch.setattr(sources.urllib.request, "urlopen", serve)
    run_import("--source", "https://mirror.example/congress")
    record = LegislatorImport.objects.get()
    assert record.data_published_at.isoformat() == "2025-03-05T12:00:00+00:00"
    assert record.data_date == (record.data_published_at, True)
    # The same files published again later: current as of the later date, no new record.
    dates["zccd.csv"] = "Fri, 07 Nov 2025 12:00:00 GMT"
    run_import("--source", "https://mirror.example/congress")
    record = LegislatorImport.objects.get()
    assert record.data_published_at.isoformat() == "2025-11-07T12:00:00+00:00"


def test_without_a_date_the_import_date_stands_in_and_says_so(db, sample_data, monkeypatch):
    def serve(request, timeout=None):
        name = request.full_url.rsplit("/", 1)[-1]
        return DatedResponse((sample_data / name).read_bytes(), None)

    monkeypatch.setattr(sources.urllib.request, "urlopen", serve)
    run_import("--source", "https://mirror.example/congress")
    record = LegislatorImport.objects.get()
    assert record.data_published_at is None
    assert record.data_date == (record.finished_at, False)


def test_a_folder_carries_its_files_dates_to_the_letter_page(data_copy, client, home_page):
    import datetime
    import os

    from actions.factories import LetterPageFactory

    stamps = {
        name: datetime.datetime(2025, 11, day, 12, tzinfo=datetime.UTC).timestamp()
        for day, name in enumerate(sorted(os.listdir(data_copy)), start=3)
    }
    for name, stamp in stamps.items():
        os.utime(data_copy / name, (stamp, stamp))
    run_import("--source", str(data_copy))
    record = LegislatorImport.objects.get()
    oldest = datetime.datetime.fromtimestamp(min(stamps.values()), tz=datetime.UTC)
    assert record.data_published_at == oldest  # the stalest file, not the day of the import
    page = LetterPageFactory(parent=home_page, slug="write")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Legislator data as of Nov. 3, 2025." in html


def test_a_skipped_import_keeps_its_records_date(data_copy):
    import datetime
    import os

    from states.importer import import_legislators

    def stamp_files(day):
        stamp = datetime.datetime(2025, 11, day, 12, tzinfo=datetime.UTC).timestamp()
        for name in os.listdir(data_copy):
            os.utime(data_copy / name, (stamp, stamp))

    stamp_files(3)
    run_import("--source", str(data_copy))
    stamp_files(20)  # the same bytes, touched later: skipped, not re-dated
    outcome = import_legislators(str(data_copy), skip_if_unchanged=True)
    assert outcome.skipped
    record = LegislatorImport.objects.get()
    assert record.data_published_at == datetime.datetime(2025, 11, 3, 12, tzinfo=datetime.UTC)
