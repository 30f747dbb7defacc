"""Open States' files and the ZIP relation turned into plain records keyed as the database keys
them, so that comparing with the database is comparing dicts.

Malformed files (invalid YAML, a person without an id, a CSV with the wrong header) stop the
import before anything is written. Unusable optional values (an address too long to store, a
photo that is no web address) are stored blank with a warning. A role whose end date is before
`as_of` is over: the person is left out, even if the publisher has not yet moved the file.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field

import yaml

from states.importer.errors import LegislatorDataError
from states.models import StateChamber

from . import sources

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster
CHAMBERS = {choice.value for choice in StateChamber}
JURISDICTION = re.compile(r"/(?:state|district|territory):([a-z]{2})/")
PERSON_ID = re.compile(r"^ocd-person/[0-9a-f-]{36}$")
ZCTA = re.compile(r"^\d{5}$")
GENDERS = {"female": "F", "male": "M"}
DISTRICT_HEADER = [
    "state",
    "state_fips",
    "chamber",
    "chamber_name",
    "member_title",
    "district",
    "division_id",
    "num_seats",
]
CENSUS_HEADER = [
    "state",
    "state_fips",
    "census_layer",
    "census_code",
    "census_geoid",
    "census_name",
    "division_id",
    "openstates_chamber",
    "openstates_district",
]
CENSUS_LAYERS = {"upper": "sldu", "lower": "sldl"}
MAX_ERRORS = 10

LEGISLATOR_FIELDS = (
    "name",
    "given_name",
    "family_name",
    "state",
    "chamber",
    "district",
    "division_id",
    "member_title",
    "party",
    "gender",
    "image_url",
    "email",
    "offices",
    "links",
    "role_started",
    "role_ends",
)
DISTRICT_FIELDS = ("division_id", "chamber_name", "member_title", "seats")
COMMITTEE_FIELDS = ("state", "chamber", "name", "url")
MEMBERSHIP_FIELDS = ("role",)
VACANCY_FIELDS = ("vacant_until",)
ZIP_FIELDS = ("division_id",)
# Longest values the columns hold (StateLegislator, StateCommittee).
LIMITS = {"name": 160, "given_name": 80, "family_name": 80, "party": 80, "email": 254}
URL_LIMIT = 400


@dataclass
class StateData:
    """Everything the files say, keyed for comparison with the database."""

    legislators: dict[str, dict] = field(default_factory=dict)  # person id →
    districts: dict[tuple, dict] = field(default_factory=dict)  # (state, chamber, name) →
    committees: dict[str, dict] = field(default_factory=dict)  # committee id →
    memberships: dict[tuple, dict] = field(default_factory=dict)  # (committee, person) →
    vacancies: dict[tuple, dict] = field(default_factory=dict)  # (state, chamber, district) →
    zip_rows: dict[tuple, dict] = field(default_factory=dict)  # (zcta, state, chamber, district)
    ended: list[str] = field(default_factory=list)  # files whose every role is over
    warnings: list[str] = field(default_factory=list)


class Errors:
    """Collects problems; raises once, with up to MAX_ERRORS of them, at the end of a stage."""

    def __init__(self):
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def raise_if_any(self) -> None:
        if not self.messages:
            return
        shown = self.messages[:MAX_ERRORS]
        more = len(self.messages) - len(shown)
        tail = f"\n  … and {more} more" if more else ""
        raise LegislatorDataError(
            "The state data does not look right; nothing was changed:\n  "
            + "\n  ".join(shown)
            + tail
        )


def parse_date(value) -> datetime.date | None:
    """YAML gives dates as dates, or as strings when quoted; a bare year means its last day
    for an end and is read as such (the data has none today)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}", text):
        return datetime.date(int(text), 12, 31)
    raise ValueError(f"not a date: {text!r}")


def load_yaml(name: str, content: bytes, errors: Errors):
    try:
        return yaml.load(content, Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        errors.add(f"{name}: not valid YAML ({str(error).splitlines()[0]})")
        return None


def read_csv(name: str, content: bytes, header: list[str]) -> list[dict]:
    text = content.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != header:
        raise LegislatorDataError(
            f"{name} has the columns {reader.fieldnames}, expected {header}; nothing was changed."
        )
    return list(reader)


def clip(value, limit: int, what: str, warnings: list) -> str:
    text = str(value or "").strip()
    if len(text) > limit:
        warnings.append(f"{what}: {len(text)} characters, longer than {limit}; stored blank")
        return ""
    return text


def web_address(value, what: str, warnings: list) -> str:
    text = str(value or "").strip()
    if text and (not text.startswith(("http://", "https://")) or len(text) > URL_LIMIT):
        warnings.append(f"{what}: {text[:80]!r} is not a usable web address; stored blank")
        return ""
    return text


def parse(
    people: sources.Tree, zips: sources.Tree, as_of: datetime.date, progress=None
) -> StateData:
    say = progress or (lambda _message: None)
    people.require(sources.DISTRICTS, sources.SETTINGS)
    zips.require(sources.ZIP_DISTRICTS, sources.CENSUS_TO_OPENSTATES)
    data = StateData()
    data.districts = parse_districts(people.files[sources.DISTRICTS])
    say(f"  {len(data.districts)} districts")
    parse_people(people.files, data, as_of)
    say(
        f"  {len(data.legislators)} current legislators ({len(data.ended)} files with no current role)"
    )
    parse_committees(people.files, data)
    say(f"  {len(data.committees)} committees, {len(data.memberships)} committee seats")
    data.vacancies = parse_vacancies(people.files[sources.SETTINGS])
    say(f"  {len(data.vacancies)} vacancies")
    data.zip_rows = parse_zip_rows(
        zips.files[sources.ZIP_DISTRICTS], zips.files[sources.CENSUS_TO_OPENSTATES], data.warnings
    )
    say(f"  {len(data.zip_rows)} ZIP-district rows")
    return data


def parse_districts(content: bytes) -> dict[tuple, dict]:
    districts = {}
    errors = Errors()
    for number, row in enumerate(read_csv(sources.DISTRICTS, content, DISTRICT_HEADER), 2):
        if row["chamber"] not in CHAMBERS or not row["division_id"].startswith("ocd-division/"):
            errors.add(f"{sources.DISTRICTS} line {number}: unknown chamber or division id")
            continue
        try:
            seats = int(row["num_seats"] or 1)
        except ValueError:
            errors.add(f"{sources.DISTRICTS} line {number}: seats {row['num_seats']!r}")
            continue
        districts[(row["state"].upper(), row["chamber"], row["district"])] = {
            "division_id": row["division_id"],
            "chamber_name": row["chamber_name"][:80],
            "member_title": row["member_title"][:40],
            "seats": seats,
        }
    errors.raise_if_any()
    return districts


def current_role(roles: list, as_of: datetime.date) -> dict | None:
    """The role in a legislature that has not ended before as_of; the latest if several."""
    current = []
    for role in roles or ():
        if not isinstance(role, dict) or role.get("type") not in CHAMBERS:
            continue
        end = parse_date(role.get("end_date"))
        if end is None or end >= as_of:
            current.append(role)
    current.sort(key=lambda role: str(role.get("start_date") or ""))
    return current[-1] if current else None


def current_party(parties: list, as_of: datetime.date) -> str:
    names = [
        party.get("name", "")
        for party in parties or ()
        if isinstance(party, dict)
        and (parse_date(party.get("end_date")) or datetime.date.max) >= as_of
    ]
    return names[-1] if names else ""


def parse_people(files: dict[str, bytes], data: StateData, as_of: datetime.date) -> None:
    errors = Errors()
    warnings = data.warnings
    for name in sorted(files):
        folder = sources.PERSON.match(name)
        if not folder:
            continue
        person = load_yaml(name, files[name], errors)
        if person is None:
            continue
        person_id = str(person.get("id") or "") if isinstance(person, dict) else ""
        if not PERSON_ID.match(person_id):
            errors.add(f"{name}: no ocd-person id")
            continue
        try:
            role = current_role(person.get("roles"), as_of)
            party = current_party(person.get("party"), as_of)
            started = parse_date(role.get("start_date")) if role else None
            ends = parse_date(role.get("end_date")) if role else None
        except ValueError as error:
            errors.add(f"{name}: {error}")
            continue
        if role is None:
            data.ended.append(f"{person.get('name', person_id)} ({name})")
            continue
        match = JURISDICTION.search(str(role.get("jurisdiction", "")))
        state = (match.group(1) if match else folder.group(1)).upper()
        district = str(role.get("district", "")).strip()
        if not district:
            errors.add(f"{name}: the current role has no district")
            continue
        if person_id in data.legislators:
            errors.add(f"{name}: {person_id} is in two files")
            continue
        seat = data.districts.get((state, role["type"], district))
        if seat is None:
            warnings.append(
                f"{name}: {state} {role['type']} district {district!r} is not in "
                f"{sources.DISTRICTS}; stored without a division id"
            )
        data.legislators[person_id] = {
            "name": clip(person.get("name"), LIMITS["name"], f"{name} name", warnings),
            "given_name": clip(person.get("given_name"), 80, f"{name} given_name", warnings),
            "family_name": clip(person.get("family_name"), 80, f"{name} family_name", warnings),
            "state": state,
            "chamber": role["type"],
            "district": district[:64],
            "division_id": seat["division_id"] if seat else "",
            "member_title": seat["member_title"] if seat else "",
            "party": clip(party, LIMITS["party"], f"{name} party", warnings),
            "gender": GENDERS.get(str(person.get("gender", "")).lower(), ""),
            "image_url": web_address(person.get("image"), f"{name} image", warnings),
            "email": clip(person.get("email"), LIMITS["email"], f"{name} email", warnings),
            "offices": offices(person.get("offices")),
            "links": [
                {
                    "url": str(link["url"]),
                    **({"note": str(link["note"])} if link.get("note") else {}),
                }
                for link in person.get("links") or ()
                if isinstance(link, dict) and link.get("url")
            ],
            "role_started": started,
            "role_ends": ends,
        }
    errors.raise_if_any()
    if not data.legislators:
        raise LegislatorDataError(
            "No current legislator was found under people/data/<state>/legislature/; nothing "
            "was changed."
        )


def offices(entries) -> list[dict]:
    """Capitol and district offices as published, the empty keys left out."""
    result = []
    for office in entries or ():
        if not isinstance(office, dict):
            continue
        entry = {"classification": str(office.get("classification", ""))}
        for key, source in (("address", "address"), ("phone", "voice"), ("fax", "fax")):
            if office.get(source):
                entry[key] = str(office[source]).strip()
        result.append(entry)
    return result


def parse_committees(files: dict[str, bytes], data: StateData) -> None:
    errors = Errors()
    not_current = 0
    for name in sorted(files):
        folder = sources.COMMITTEE.match(name)
        if not folder:
            continue
        committee = load_yaml(name, files[name], errors)
        if committee is None:
            continue
        committee_id = str(committee.get("id") or "") if isinstance(committee, dict) else ""
        if not committee_id.startswith("ocd-organization/") or not committee.get("name"):
            errors.add(f"{name}: no ocd-organization id or name")
            continue
        chamber = committee.get("chamber")
        if chamber not in CHAMBERS:
            errors.add(f"{name}: unknown chamber {chamber!r}")
            continue
        links = [link for link in committee.get("links") or () if isinstance(link, dict)]
        homepage = [link["url"] for link in links if link.get("note") == "homepage"]
        data.committees[committee_id] = {
            "state": folder.group(1).upper(),
            "chamber": chamber,
            "name": str(committee["name"])[:255],
            "url": web_address(homepage[0] if homepage else "", f"{name} link", data.warnings),
        }
        for member in committee.get("members") or ():
            person_id = member.get("person_id") if isinstance(member, dict) else None
            if person_id not in data.legislators:
                not_current += 1  # no id, or someone no longer in office
                continue
            data.memberships.setdefault(
                (committee_id, person_id), {"role": str(member.get("role") or "")[:80]}
            )
    errors.raise_if_any()
    if not_current:
        data.warnings.append(
            f"{not_current} committee members are not current legislators (or have no "
            "person id) and were left out"
        )


def parse_vacancies(content: bytes) -> dict[tuple, dict]:
    errors = Errors()
    settings = load_yaml(sources.SETTINGS, content, errors)
    errors.raise_if_any()
    vacancies = {}
    for state, entry in (settings or {}).items():
        if str(state).lower() == "us" or not isinstance(entry, dict):
            continue  # Congress is the other import's
        for vacancy in entry.get("vacancies") or ():
            chamber = vacancy.get("chamber")
            if chamber not in CHAMBERS:
                errors.add(f"{sources.SETTINGS}: {state} vacancy in unknown chamber {chamber!r}")
                continue
            try:
                until = parse_date(vacancy.get("vacant_until"))
            except ValueError as error:
                errors.add(f"{sources.SETTINGS}: {state}: {error}")
                continue
            # YAML reads an unquoted district 29 as a number; the people files spell it "29".
            key = (str(state).upper(), chamber, str(vacancy.get("district", "")).strip())
            vacancies[key] = {"vacant_until": until}
    errors.raise_if_any()
    return vacancies


def parse_zip_rows(zips_json: bytes, census_csv: bytes, warnings: list) -> dict[tuple, dict]:
    """(zcta, state, chamber, district) → division id: every district a ZCTA touches, through
    the Census GEOID to Open States' district (Idaho's house districts hold two seats)."""
    by_geoid: dict[tuple, list[dict]] = {}
    for row in read_csv(sources.CENSUS_TO_OPENSTATES, census_csv, CENSUS_HEADER):
        by_geoid.setdefault((row["census_layer"], row["census_geoid"]), []).append(row)
    try:
        states = json.loads(zips_json)["states"]
    except (ValueError, KeyError, TypeError) as error:
        raise LegislatorDataError(
            f"{sources.ZIP_DISTRICTS} is not the expected JSON ({error}); nothing was changed."
        ) from None
    rows: dict[tuple, dict] = {}
    unmatched = set()
    for fips, state in states.items():
        for chamber, body in (state.get("chambers") or {}).items():
            layer = CENSUS_LAYERS.get(chamber)
            if layer is None:
                continue
            for code, district in (body.get("districts") or {}).items():
                geoid = f"{fips}{code.rjust(3, '0')}"
                seats = by_geoid.get((layer, geoid))
                if not seats:
                    unmatched.add(f"{state.get('abbreviation', fips)} {layer} {code}")
                    continue
                for zcta in district.get("zips") or ():
                    if not ZCTA.match(str(zcta)):
                        warnings.append(f"{state.get('abbreviation', fips)} {code}: ZIP {zcta!r}")
                        continue
                    for seat in seats:
                        key = (
                            zcta,
                            seat["state"],
                            seat["openstates_chamber"],
                            seat["openstates_district"],
                        )
                        rows[key] = {"division_id": seat["division_id"]}
    if unmatched:
        warnings.append(
            f"{len(unmatched)} Census districts have no Open States district and were left "
            f"out: {', '.join(sorted(unmatched)[:10])}"
        )
    return rows
