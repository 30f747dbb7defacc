"""Fixtures for the legislator import: the public data, copies of it to edit, and the command's
output."""

import shutil
from pathlib import Path

import pytest

from states.importer import FILE_NAMES, parsing
from states.models import (
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    ZipDistrict,
)
from tests.helpers import require_tool
from tests.states.legislators.helpers import (
    SAMPLE_STATES,
    find_shared_data,
    parse_yaml_once,
    run_import,
    write_sample,
)


@pytest.fixture(autouse=True)
def publishers_files_parsed_once(monkeypatch):
    """The importer reads the same files in many tests here: each is parsed once per test
    process (tests/states/legislators/helpers.py says why and how)."""
    monkeypatch.setattr(parsing, "load_yaml", parse_yaml_once)


@pytest.fixture
def shared_data() -> Path:
    folder = find_shared_data()
    require_tool(
        folder is not None,
        "the public legislator data is not on this machine (../shared/data with "
        + ", ".join(FILE_NAMES)
        + "; see its README)",
    )
    return folder


@pytest.fixture(scope="module")
def imported_once(django_db_setup, django_db_blocker):
    """The real data, imported once per test module (an import takes seconds) and committed;
    each test's own changes are rolled back as usual, and the rows are removed afterwards."""
    folder = find_shared_data()
    if folder is None:
        yield None
        return
    with django_db_blocker.unblock():
        output = run_import("--source", str(folder))
    yield output
    with django_db_blocker.unblock():
        for model in (
            CommitteeMembership,
            DistrictOffice,
            ZipDistrict,
            Legislator,
            Committee,
            LegislatorImport,
        ):
            model.objects.all().delete()


@pytest.fixture
def imported(shared_data, imported_once, db) -> str:
    """The real data imported; returns the command's output."""
    return imported_once


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory) -> Path:
    """The five files cut down to the members of Congress of three states (and their
    committees, offices and ZIP areas), in the publishers' own formats: made once per test
    process for the tests of the import's mechanics (sources, dates, errors), which need the
    real shapes but not 540 members (an import of them took 3 to 20 s per test)."""
    folder = find_shared_data()
    require_tool(
        folder is not None,
        "the public legislator data is not on this machine (../shared/data with "
        + ", ".join(FILE_NAMES)
        + "; see its README)",
    )
    target = tmp_path_factory.mktemp("legislator-sample")
    write_sample(folder, target, states=SAMPLE_STATES)
    return target


@pytest.fixture
def data_copy(sample_data, tmp_path) -> Path:
    """A writable copy of the five files (of the sample: the real shapes, three states)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in FILE_NAMES:
        shutil.copy(sample_data / name, folder / name)
    return folder


@pytest.fixture
def real_data_copy(shared_data, tmp_path) -> Path:
    """A writable copy of the five real files, for changes measured against the real import."""
    folder = tmp_path / "real-data"
    folder.mkdir()
    for name in FILE_NAMES:
        shutil.copy(shared_data / name, folder / name)
    return folder
