"""Where the seats are: Open States' district list and known vacancies, and the Census
ZCTA-to-district relation joined to them through the division id."""

from __future__ import annotations

import json
import re

from states.importer.errors import LegislatorDataError

from . import sources
from .records import CHAMBERS, Errors, load_yaml, parse_date, read_csv

ZCTA = re.compile(r"^\d{5}$")
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
