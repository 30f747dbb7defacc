"""Fixtures for the legislator import: the public data in ../shared/data (never committed),
copies of it to edit, and the command's output."""

import io
import shutil
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from states.importer import FILE_NAMES
from states.models import (
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    ZipDistrict,
)
from tests.conftest import require_tool

CANDIDATES = (Path(settings.BASE_DIR).parent / "shared" / "data", Path("/work/shared/data"))


def find_shared_data() -> Path | None:
    for folder in CANDIDATES:
        if all((folder / name).is_file() for name in FILE_NAMES):
            return folder
    return None


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


def run_import(*args: str) -> str:
    out = io.StringIO()
    call_command("import_legislators", *args, stdout=out)
    return out.getvalue()


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


@pytest.fixture
def data_copy(shared_data, tmp_path) -> Path:
    """A writable copy of the five files."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in FILE_NAMES:
        shutil.copy(shared_data / name, folder / name)
    return folder


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def dump_yaml(path: Path, data) -> None:
    path.write_text(
        yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
