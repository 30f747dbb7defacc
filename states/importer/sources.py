"""Where the legislator data comes from: a folder, a base URL, or the publishers' own addresses.

The five files are read whole into memory (about 2.5 MB together) so that a download that fails
half-way fails before anything is compared or written.
"""

from __future__ import annotations

import datetime
import email.utils
import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .errors import LegislatorDataError

LEGISLATORS = "legislators-current.yaml"
DISTRICT_OFFICES = "legislators-district-offices.yaml"
COMMITTEES = "committees-current.yaml"
COMMITTEE_MEMBERSHIP = "committee-membership-current.yaml"
ZIP_DISTRICTS = "zccd.csv"
FILE_NAMES = (LEGISLATORS, DISTRICT_OFFICES, COMMITTEES, COMMITTEE_MEMBERSHIP, ZIP_DISTRICTS)

# unitedstates/congress-legislators (CC0) and the Census ZCTA-to-district table as republished by
# OpenSourceActivismTech/us-zipcodes-congress (US Government work).
CONGRESS_LEGISLATORS_URL = "https://theunitedstates.io/congress-legislators/"
ZCCD_URL = (
    "https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv"
)
PUBLISHER_URLS = {
    **{name: CONGRESS_LEGISLATORS_URL + name for name in FILE_NAMES if name != ZIP_DISTRICTS},
    ZIP_DISTRICTS: ZCCD_URL,
}
PUBLISHERS = "the publishers' URLs"
USER_AGENT = "end-qi-campaign-legislator-import/1.0"


@dataclass(frozen=True)
class Source:
    """Where to read each of the five files: local paths or URLs."""

    label: str  # what the import row and the messages call it
    locations: dict[str, str]

    @property
    def is_remote(self) -> bool:
        return any(loc.startswith(("http://", "https://")) for loc in self.locations.values())


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def resolve(source: str | Path | None = None) -> Source:
    """A folder, a base URL (the five file names appended), or by default LEGISLATOR_DATA_DIR,
    which when empty means the publishers' own URLs."""
    if source is None:
        source = getattr(settings, "LEGISLATOR_DATA_DIR", "") or ""
    source = str(source).strip()
    if not source:
        return Source(PUBLISHERS, dict(PUBLISHER_URLS))
    if is_url(source):
        base = source if source.endswith("/") else source + "/"
        return Source(base, {name: base + name for name in FILE_NAMES})
    folder = Path(source).expanduser()
    if not folder.is_dir():
        raise LegislatorDataError(
            f"{folder} is not a folder. Give a folder holding {', '.join(FILE_NAMES)}, "
            "or a base URL."
        )
    return Source(str(folder), {name: str(folder / name) for name in FILE_NAMES})


def read_all(
    source: Source, timeout: float = 30.0, progress=None, dates: dict | None = None
) -> dict[str, bytes]:
    """Every file's bytes, or a LegislatorDataError that says which file and why. `dates`, if
    given, receives each file's date as its publisher gave it: a downloaded file's Last-Modified
    header, a local file's modification time (None when unknown)."""
    contents = {}
    for name in FILE_NAMES:
        location = source.locations[name]
        if progress:
            progress(f"  reading {name} from {location}")
        if is_url(location):
            contents[name], published = fetch_dated(location, timeout)
        else:
            contents[name], published = read_file(location), file_date(location)
        if dates is not None:
            dates[name] = published
    return contents


def published_at(dates: dict) -> datetime.datetime | None:
    """The data is only as fresh as its stalest file: the oldest known date."""
    known = [date for date in dates.values() if date is not None]
    return min(known, default=None)


def file_date(path: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromtimestamp(Path(path).stat().st_mtime, tz=datetime.UTC)
    except OSError:
        return None


def read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise LegislatorDataError(f"{path} is missing.") from None
    except OSError as error:
        raise LegislatorDataError(f"Could not read {path}: {error.strerror or error}.") from None


def fetch(url: str, timeout: float) -> bytes:
    return fetch_dated(url, timeout)[0]


def last_modified(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def fetch_dated(url: str, timeout: float) -> tuple[bytes, datetime.datetime | None]:
    """Download one file, with its Last-Modified date; any network failure becomes a message a
    person can act on."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            headers = getattr(response, "headers", None)
            return response.read(), last_modified(headers.get("Last-Modified") if headers else None)
    except urllib.error.HTTPError as error:
        raise LegislatorDataError(
            f"Downloading {url} failed: the server answered {error.code} {error.reason}."
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise LegislatorDataError(
            f"Could not download {url} ({reason}). Is this machine offline? Download the files "
            "elsewhere and give their folder with --source (or LEGISLATOR_DATA_DIR)."
        ) from None


def digest(contents: dict[str, bytes]) -> str:
    """A fingerprint of the five files together: the same files give the same digest."""
    hasher = hashlib.sha256()
    for name in FILE_NAMES:
        hasher.update(name.encode())
        hasher.update(hashlib.sha256(contents[name]).digest())
    return hasher.hexdigest()
