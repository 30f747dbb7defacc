"""Open States' files and the ZIP relation turned into plain records keyed as the database keys
them (records.py), so that comparing with the database is comparing dicts: the people and their
committees (people.py), the districts, vacancies and ZIP rows (places.py).

Malformed files (invalid YAML, a person without an id, a CSV with the wrong header) stop the
import before anything is written; unusable optional values are stored blank with a warning.
"""

from __future__ import annotations

import datetime

from . import sources
from .people import parse_committees, parse_people
from .places import parse_districts, parse_vacancies, parse_zip_rows
from .records import StateData


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
