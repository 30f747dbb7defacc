"""Where the state data comes from: a folder, an archive (.zip, .tar.gz) or an archive's URL,
laid out as the publishers' staged copies are (docs/legislators.md).

Only the files the import reads are kept, whole, in memory (about 20 MB), so that a download
that fails half-way fails before anything is compared or written.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
import tarfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings

from states.importer.errors import LegislatorDataError
from states.importer.sources import fetch_dated, is_url, read_file

README = "README.md"
# Open States (people, committees, vacancies) and its district list.
DISTRICTS = "derived/districts.csv"
SETTINGS = "people/settings.yml"
PERSON = re.compile(r"^people/data/([a-z]{2})/legislature/[^/]+\.ya?ml$")
COMMITTEE = re.compile(r"^people/data/([a-z]{2})/committees/[^/]+\.ya?ml$")
# The Census ZCTA-to-district relation and its join to division ids.
ZIP_DISTRICTS = "state-leg-zips/public/data/districts.json"
CENSUS_TO_OPENSTATES = "derived/census-sld-to-openstates.csv"

PEOPLE_README_ROW = re.compile(r"^\|\s*`people/`[^\n]*", re.MULTILINE)
ZIP_README_ROW = re.compile(r"^\|\s*`state-leg-zips/public/data/districts\.json`[^\n]*", re.M)
ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def wanted_people(path: str) -> bool:
    return path in (README, DISTRICTS, SETTINGS) or bool(
        PERSON.match(path) or COMMITTEE.match(path)
    )


def wanted_zip(path: str) -> bool:
    return path in (README, ZIP_DISTRICTS, CENSUS_TO_OPENSTATES)


@dataclass
class Tree:
    """The files read from one source, by path relative to its root."""

    label: str
    files: dict[str, bytes]
    last_modified: datetime.datetime | None = None  # a download's header, if any

    def require(self, *names: str) -> None:
        missing = [name for name in names if name not in self.files]
        if missing:
            raise LegislatorDataError(
                f"{self.label} has no {', '.join(missing)}. Give the folder (or archive) laid "
                "out as the publisher's staged copy; see docs/legislators.md."
            )


def read_tree(location: str | Path, wanted: Callable[[str], bool], timeout: float = 60.0) -> Tree:
    """Every wanted file under a folder, in an archive, or in an archive at a URL."""
    location = str(location).strip()
    if not location:
        raise LegislatorDataError(
            "No state legislator data was given and none is configured "
            "(STATE_LEGISLATOR_DATA, STATE_ZIP_DISTRICT_DATA)."
        )
    if is_url(location):
        content, modified = fetch_dated(location, timeout)
        return Tree(location, read_archive(content, wanted, location), modified)
    path = Path(location).expanduser()
    if path.is_dir():
        return Tree(str(path), read_folder(path, wanted))
    if path.is_file():
        return Tree(str(path), read_archive(read_file(str(path)), wanted, str(path)))
    raise LegislatorDataError(f"{path} is neither a folder nor an archive.")


def read_folder(root: Path, wanted) -> dict[str, bytes]:
    files = {}
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        relative = PurePosixPath(Path(folder).relative_to(root).as_posix())
        for name in sorted(names):
            path = str(relative / name) if str(relative) != "." else name
            if wanted(path):
                files[path] = read_file(os.path.join(folder, name))
    return files


def read_archive(content: bytes, wanted, label: str) -> dict[str, bytes]:
    """A .zip or .tar(.gz) archive's wanted files. An archive made of a whole folder (as
    GitHub's are) holds one top-level folder: paths are read below it."""
    try:
        if zipfile.is_zipfile(io.BytesIO(content)):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = [info.filename for info in archive.infolist() if not info.is_dir()]
                keep = _relative_names(names, wanted)
                return {rel: archive.read(name) for name, rel in keep.items()}
        with tarfile.open(fileobj=io.BytesIO(content)) as archive:
            files = [m for m in archive.getmembers() if m.isfile()]
            keep = _relative_names([m.name for m in files], wanted)
            by_name = {m.name: m for m in files}
            return {rel: archive.extractfile(by_name[name]).read() for name, rel in keep.items()}
    except (tarfile.TarError, zipfile.BadZipFile, EOFError, OSError) as error:
        raise LegislatorDataError(f"{label} is not a readable .zip or .tar.gz: {error}") from None


def _relative_names(names: list[str], wanted) -> dict[str, str]:
    """{archive name: path relative to the data's root}, the root being the archive's own or
    its single top-level folder, whichever holds wanted files."""
    direct = {name: name for name in names if wanted(name)}
    if direct:
        return direct
    stripped = {}
    for name in names:
        parts = name.split("/", 1)
        if len(parts) == 2 and wanted(parts[1]):
            stripped[name] = parts[1]
    return stripped


def readme_date(tree: Tree, row: re.Pattern) -> datetime.date | None:
    """The publisher's date as the staged copy's README gives it (its commit date): the oldest
    date in the file's row, since the data is only as fresh as its oldest part."""
    text = tree.files.get(README, b"").decode("utf-8", "replace")
    match = row.search(text)
    if not match:
        return None
    dates = [datetime.date.fromisoformat(value) for value in ISO_DATE.findall(match.group(0))]
    return min(dates, default=None)


def people_published(tree: Tree) -> datetime.date | None:
    found = readme_date(tree, PEOPLE_README_ROW)
    if found is None and tree.last_modified is not None:
        found = tree.last_modified.date()
    return found


def zip_published(tree: Tree) -> datetime.date | None:
    found = readme_date(tree, ZIP_README_ROW)
    if found is None and tree.last_modified is not None:
        found = tree.last_modified.date()
    return found


def digest(*trees: Tree) -> str:
    """A fingerprint of every file read: the same files give the same digest."""
    hasher = hashlib.sha256()
    for tree in trees:
        for name in sorted(tree.files):
            hasher.update(name.encode())
            hasher.update(hashlib.sha256(tree.files[name]).digest())
    return hasher.hexdigest()


def default_locations() -> tuple[str, str]:
    return (
        getattr(settings, "STATE_LEGISLATOR_DATA", "") or "",
        getattr(settings, "STATE_ZIP_DISTRICT_DATA", "") or "",
    )
