"""The publishers' files turned into plain records keyed as the database keys them.

Every record is a dict of model field values, so that comparing with the database is comparing
dicts. A required value that is missing or malformed is an error (the import stops before
writing anything); an optional one (phone, address, website, contact form) that is missing is
stored blank, and one that is unusable (too long, not a web address) is stored blank with a
warning.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

import yaml

from states.models import Chamber, Committee, DistrictOffice, Legislator

from .errors import LegislatorDataError
from .sources import (
    COMMITTEE_MEMBERSHIP,
    COMMITTEES,
    DISTRICT_OFFICES,
    LEGISLATORS,
    ZIP_DISTRICTS,
)

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster
BIOGUIDE = re.compile(r"^[A-Z]\d{6}$")
STATE = re.compile(r"^[A-Z]{2}$")
ZCTA = re.compile(r"^\d{5}$")
ZIP_HEADER = ["state_fips", "state_abbr", "zcta", "cd"]
MAX_ERRORS = 10

LEGISLATOR_FIELDS = (
    "first_name",
    "last_name",
    "full_name",
    "chamber",
    "state",
    "district",
    "party",
    "phone",
    "office_address",
    "website",
    "contact_form_url",
    "term_end",
    "gender",
)
OFFICE_FIELDS = (
    "legislator_id",
    "address",
    "suite",
    "building",
    "city",
    "state",
    "zip_code",
    "phone",
)
COMMITTEE_FIELDS = ("name", "chamber", "url")
MEMBERSHIP_FIELDS = ("role", "rank")
URL_FIELDS = {"website", "contact_form_url", "url"}


@dataclass
class LegislatorData:
    """Everything the five files say, keyed for comparison with the database."""

    legislators: dict[str, dict] = field(default_factory=dict)
    offices: dict[str, dict] = field(default_factory=dict)
    committees: dict[str, dict] = field(default_factory=dict)
    memberships: dict[tuple[str, str], dict] = field(default_factory=dict)
    zip_rows: set[tuple[str, str, int]] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    @property
    def senator_count(self) -> int:
        return sum(1 for r in self.legislators.values() if r["chamber"] == Chamber.SENATE)

    @property
    def zip_code_count(self) -> int:
        return len({zcta for zcta, _state, _district in self.zip_rows})

    @property
    def ambiguous_zip_count(self) -> int:
        seen, ambiguous = set(), set()
        for zcta, _state, _district in self.zip_rows:
            (ambiguous if zcta in seen else seen).add(zcta)
        return len(ambiguous)


class Problems:
    """Collects a file's errors so that one run reports several, not only the first."""

    def __init__(self, file_name: str):
        self.file_name = file_name
        self.errors: list[str] = []

    def add(self, message: str) -> None:
        self.errors.append(message)
        if len(self.errors) >= MAX_ERRORS:
            self.raise_if_any()

    def raise_if_any(self) -> None:
        if self.errors:
            listed = "\n".join(f"  - {error}" for error in self.errors)
            raise LegislatorDataError(
                f"{self.file_name} does not look like the publisher's file; nothing was "
                f"changed:\n{listed}"
            )


def load_yaml(name: str, content: bytes, expected: type):
    try:
        data = yaml.load(content.decode("utf-8"), Loader=YAML_LOADER)  # noqa: S506 (safe loader)
    except UnicodeDecodeError:
        raise LegislatorDataError(f"{name} is not UTF-8 text.") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise LegislatorDataError(
            f"{name} is not valid YAML{line}: {getattr(error, 'problem', None) or error}."
        ) from None
    if not isinstance(data, expected) or not data:
        kind = "a list" if expected is list else "a mapping"
        raise LegislatorDataError(f"{name} should hold {kind} of entries and does not.")
    return data


def text(value) -> str:
    return "" if value is None else str(value).strip()


def fit(record: dict, model, label: str, warnings: list[str], required=()) -> dict | str:
    """Check lengths against the model; an optional value that cannot be stored becomes blank.
    Returns an error message for a required one."""
    for name, value in record.items():
        if not isinstance(value, str):
            continue
        model_field = model._meta.get_field(name)
        max_length = getattr(model_field, "max_length", None)
        unusable = ""
        if max_length and len(value) > max_length:
            unusable = f"longer than {max_length} characters"
        elif name in URL_FIELDS and value and not value.startswith(("http://", "https://")):
            unusable = "not a web address"
        if not unusable:
            continue
        if name in required:
            return f"{label}: {name} is {unusable}"
        warnings.append(f"{label}: {name} {value[:60]!r} is {unusable}; stored blank.")
        record[name] = ""
    return record


def parse_legislators(content: bytes, warnings: list[str]) -> dict[str, dict]:
    entries = load_yaml(LEGISLATORS, content, list)
    problems = Problems(LEGISLATORS)
    legislators = {}
    for position, entry in enumerate(entries, start=1):
        bioguide = (
            text(((entry or {}).get("id") or {}).get("bioguide")) if isinstance(entry, dict) else ""
        )
        label = f"entry {position}" + (f" ({bioguide})" if bioguide else "")
        if not BIOGUIDE.match(bioguide):
            problems.add(f"{label}: no valid bioguide id")
            continue
        name = entry.get("name") or {}
        terms = entry.get("terms") or []
        if not isinstance(name, dict) or not text(name.get("last")) or not text(name.get("first")):
            problems.add(f"{label}: no first and last name")
            continue
        if not isinstance(terms, list) or not terms or not isinstance(terms[-1], dict):
            problems.add(f"{label}: no terms")
            continue
        term = terms[-1]  # the publishers list terms in order; the last is the current one
        kind, state = text(term.get("type")), text(term.get("state")).upper()
        if kind not in ("sen", "rep"):
            problems.add(f"{label}: the current term's type is {kind!r}, not 'sen' or 'rep'")
            continue
        if not STATE.match(state):
            problems.add(f"{label}: the current term has no two-letter state")
            continue
        district = None
        if kind == "rep":
            district = term.get("district")
            if not isinstance(district, int) or isinstance(district, bool) or district < 0:
                problems.add(f"{label}: a representative's term needs a district number")
                continue
        try:
            term_end = (
                datetime.date.fromisoformat(text(term.get("end"))) if term.get("end") else None
            )
        except ValueError:
            problems.add(f"{label}: the term's end {term.get('end')!r} is not a date")
            continue
        first, last = text(name["first"]), text(name["last"])
        bio = entry.get("bio")
        gender = text(bio.get("gender")).upper() if isinstance(bio, dict) else ""
        record = fit(
            {
                "first_name": first,
                "last_name": last,
                "full_name": text(name.get("official_full")) or f"{first} {last}",
                "chamber": Chamber.SENATE if kind == "sen" else Chamber.HOUSE,
                "state": state,
                "district": district,
                "party": text(term.get("party")),
                "phone": text(term.get("phone")),
                "office_address": text(term.get("address")),
                "website": text(term.get("url")),
                "contact_form_url": text(term.get("contact_form")),
                "term_end": term_end,
                "gender": gender if gender in ("F", "M") else "",
            },
            Legislator,
            f"{LEGISLATORS} {label}",
            warnings,
            required=("first_name", "last_name", "full_name", "party"),
        )
        if isinstance(record, str):
            problems.add(record)
            continue
        if bioguide in legislators:
            problems.add(f"{label}: the bioguide id appears twice")
            continue
        legislators[bioguide] = record
    problems.raise_if_any()
    return legislators


def parse_offices(content: bytes, legislators: dict, warnings: list[str]) -> dict[str, dict]:
    entries = load_yaml(DISTRICT_OFFICES, content, list)
    problems = Problems(DISTRICT_OFFICES)
    offices = {}
    unknown = 0
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.add(f"entry {position}: not a mapping")
            continue
        bioguide = text((entry.get("id") or {}).get("bioguide"))
        if bioguide not in legislators:
            unknown += 1  # a member who has left since the offices file was updated
            continue
        for office in entry.get("offices") or []:
            office_id = text(office.get("id")) if isinstance(office, dict) else ""
            if not office_id:
                problems.add(f"entry {position} ({bioguide}): an office without an id")
                continue
            record = fit(
                {
                    "legislator_id": bioguide,
                    "address": text(office.get("address")),
                    "suite": text(office.get("suite")),
                    "building": text(office.get("building")),
                    "city": text(office.get("city")),
                    "state": text(office.get("state")).upper(),
                    "zip_code": text(office.get("zip")),
                    "phone": text(office.get("phone")),
                },
                DistrictOffice,
                f"{DISTRICT_OFFICES} office {office_id}",
                warnings,
            )
            if len(office_id) > DistrictOffice._meta.get_field("office_id").max_length:
                problems.add(f"office {office_id[:40]}…: the id is too long")
            elif office_id in offices:
                warnings.append(f"{DISTRICT_OFFICES}: office {office_id} is listed twice.")
            else:
                offices[office_id] = record
    problems.raise_if_any()
    if unknown:
        warnings.append(
            f"{DISTRICT_OFFICES}: skipped the offices of {unknown} member(s) who are not in "
            f"{LEGISLATORS}."
        )
    return offices


def parse_committees(content: bytes, warnings: list[str]) -> dict[str, dict]:
    """Full committees only: subcommittees are not stored (the Judiciary committees are what the
    state pages mark)."""
    entries = load_yaml(COMMITTEES, content, list)
    problems = Problems(COMMITTEES)
    committees = {}
    for position, entry in enumerate(entries, start=1):
        committee_id = text(entry.get("thomas_id")) if isinstance(entry, dict) else ""
        if not committee_id or not text(entry.get("name")):
            problems.add(f"entry {position}: a committee needs a thomas_id and a name")
            continue
        record = fit(
            {
                "name": text(entry["name"]),
                "chamber": text(entry.get("type")),
                "url": text(entry.get("url")),
            },
            Committee,
            f"{COMMITTEES} {committee_id}",
            warnings,
            required=("name", "chamber"),
        )
        if isinstance(record, str):
            problems.add(record)
        elif len(committee_id) > Committee._meta.get_field("committee_id").max_length:
            problems.add(f"entry {position}: the id {committee_id[:20]!r} is too long")
        else:
            committees[committee_id] = record
    problems.raise_if_any()
    return committees


def parse_memberships(
    content: bytes, committees: dict, legislators: dict
) -> dict[tuple[str, str], dict]:
    """Seats on full committees held by current members; subcommittee seats are skipped."""
    data = load_yaml(COMMITTEE_MEMBERSHIP, content, dict)
    problems = Problems(COMMITTEE_MEMBERSHIP)
    memberships = {}
    for committee_id, seats in data.items():
        if committee_id not in committees:
            continue
        if not isinstance(seats, list):
            problems.add(f"{committee_id}: should list members")
            continue
        for seat in seats:
            bioguide = text(seat.get("bioguide")) if isinstance(seat, dict) else ""
            if bioguide not in legislators:
                continue
            rank = seat.get("rank")
            memberships[(committee_id, bioguide)] = {
                "role": text(seat.get("title"))[:80],
                "rank": rank if isinstance(rank, int) and 0 <= rank < 32768 else None,
            }
    problems.raise_if_any()
    return memberships


def parse_zip_rows(content: bytes) -> set[tuple[str, str, int]]:
    try:
        reader = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        header = next(reader, None)
        if [column.strip() for column in header or []] != ZIP_HEADER:
            raise LegislatorDataError(
                f"{ZIP_DISTRICTS} should start with the header {','.join(ZIP_HEADER)}; "
                f"found {','.join(header or []) or 'nothing'}."
            )
        problems = Problems(ZIP_DISTRICTS)
        rows = set()
        for line_number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != 4:
                problems.add(f"line {line_number}: {len(row)} columns instead of 4")
                continue
            _fips, state, zcta, district = (value.strip() for value in row)
            if not ZCTA.match(zcta) or not STATE.match(state) or not district.isdigit():
                problems.add(f"line {line_number}: {','.join(row)!r} is not ZIP, state, district")
                continue
            rows.add((zcta, state, int(district)))
    except UnicodeDecodeError:
        raise LegislatorDataError(f"{ZIP_DISTRICTS} is not UTF-8 text.") from None
    except csv.Error as error:
        raise LegislatorDataError(f"{ZIP_DISTRICTS} is not valid CSV: {error}.") from None
    problems.raise_if_any()
    if not rows:
        raise LegislatorDataError(f"{ZIP_DISTRICTS} has no rows.")
    return rows


def parse(contents: dict[str, bytes], progress=None) -> LegislatorData:
    """All five files, checked; raises LegislatorDataError before anything is written."""
    say = progress or (lambda _message: None)
    data = LegislatorData()
    data.legislators = parse_legislators(contents[LEGISLATORS], data.warnings)
    say(
        f"  {LEGISLATORS}: {len(data.legislators)} legislators ({data.senator_count} senators, "
        f"{len(data.legislators) - data.senator_count} representatives and delegates)"
    )
    data.offices = parse_offices(contents[DISTRICT_OFFICES], data.legislators, data.warnings)
    say(f"  {DISTRICT_OFFICES}: {len(data.offices)} district offices")
    data.committees = parse_committees(contents[COMMITTEES], data.warnings)
    say(f"  {COMMITTEES}: {len(data.committees)} committees")
    data.memberships = parse_memberships(
        contents[COMMITTEE_MEMBERSHIP], data.committees, data.legislators
    )
    say(f"  {COMMITTEE_MEMBERSHIP}: {len(data.memberships)} committee seats")
    data.zip_rows = parse_zip_rows(contents[ZIP_DISTRICTS])
    say(
        f"  {ZIP_DISTRICTS}: {len(data.zip_rows)} rows for {data.zip_code_count} ZIP codes "
        f"({data.ambiguous_zip_count} in more than one district)"
    )
    return data
