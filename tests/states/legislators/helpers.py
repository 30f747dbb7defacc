"""Helpers for the legislator import tests: the public data in ../shared/data (never committed),
running the command, and reading and writing the publishers' YAML."""

import hashlib
import io
import os
import pickle
import shutil
from pathlib import Path

import yaml
from django.core.management import call_command

from states.importer import FILE_NAMES, parsing
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
    content = path.read_bytes()
    return remembered("file", content, lambda: yaml.load(content, Loader=yaml.CSafeLoader))


# Each distinct file's parse, pickled, by its bytes: these tests import the same publishers'
# files over and over, and PyYAML building Python objects from them took over a third of the
# folder's CPU (31 s with it, 20 s without). A pickled copy loads about ten times faster and
# hands each caller objects of its own, as a fresh parse would. The most recently used are kept:
# the edited copies a test writes are read once or twice.
_PARSED: dict[bytes, bytes] = {}
KEPT = 32  # about 1 MB for the largest file
PARSE_YAML = parsing.load_yaml  # the importer's own, as imported before any test replaces it


def remembered(label: str, content: bytes, parse):
    """What `parse` makes of `content`, parsed once while it is kept; `label` tells apart
    parses of the same bytes that differ (what the importer expects the file to hold)."""
    digest = hashlib.sha256(label.encode() + b"\0" + content).digest()
    # Last used last, so that the least recently used goes first.
    _PARSED[digest] = _PARSED.pop(digest, None) or pickle.dumps(parse(), pickle.HIGHEST_PROTOCOL)
    while len(_PARSED) > KEPT:
        del _PARSED[next(iter(_PARSED))]
    return pickle.loads(_PARSED[digest])  # noqa: S301 (pickled just above, in memory)


def parse_yaml_once(name: str, content: bytes, expected: type):
    """The importer's load_yaml, each distinct file parsed once per test process. A file it
    refuses raises every time, as nothing is kept for it."""
    label = f"{name}:{expected.__name__}"
    return remembered(label, content, lambda: PARSE_YAML(name, content, expected))


def dump_yaml(path: Path, data) -> None:
    path.write_text(
        yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
