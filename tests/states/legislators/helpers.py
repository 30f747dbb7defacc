"""Helpers for the legislator import tests: the public data in ../shared/data (never committed),
running the command, and reading and writing the publishers' YAML."""

import io
import os
import shutil
from pathlib import Path

import yaml
from django.core.management import call_command

from states.importer import FILE_NAMES
from tests.helpers import shared_data_folder

# Colorado (a split ZIP code), Wyoming (one at-large seat) and DC (a delegate, no senators).
SAMPLE_STATES = ("CO", "WY", "DC")


def write_sample(source: Path, target: Path, states: tuple[str, ...]) -> None:
    """Copy the five files into `target`, keeping only the members who serve `states`, their
    committee seats and offices, and those states' ZIP areas. Every committee is kept."""
    people = [
        person
        for person in load_yaml(source / "legislators-current.yaml")
        if person["terms"][-1]["state"] in states
    ]
    kept = {person["id"]["bioguide"] for person in people}
    dump_yaml(target / "legislators-current.yaml", people)
    shutil.copy(source / "committees-current.yaml", target / "committees-current.yaml")
    seats = load_yaml(source / "committee-membership-current.yaml")
    dump_yaml(
        target / "committee-membership-current.yaml",
        {
            committee: [seat for seat in members if seat.get("bioguide") in kept]
            for committee, members in seats.items()
        },
    )
    offices = load_yaml(source / "legislators-district-offices.yaml")
    dump_yaml(
        target / "legislators-district-offices.yaml",
        [entry for entry in offices if entry["id"]["bioguide"] in kept],
    )
    with (source / "zccd.csv").open(encoding="utf-8") as lines:
        header = next(lines)
        rows = [line for line in lines if line.split(",")[1] in states]
    (target / "zccd.csv").write_text(header + "".join(rows), encoding="utf-8")
    # The files' dates are the publishers' (a folder's files carry them to the import record).
    for name in FILE_NAMES:
        stat = (source / name).stat()
        os.utime(target / name, (stat.st_atime, stat.st_mtime))


def find_shared_data() -> Path | None:
    return shared_data_folder(*FILE_NAMES)


def run_import(*args: str) -> str:
    out = io.StringIO()
    call_command("import_legislators", *args, stdout=out)
    return out.getvalue()


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def dump_yaml(path: Path, data) -> None:
    path.write_text(
        yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
