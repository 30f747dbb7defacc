"""Small hand-made copies of the publishers' folders, written in a test's tmp_path, and running
the command on them. The layout is the staged copies' (../shared/data/openstates and
zip-state-districts); the people and places are made up, except where a test names a real one."""

import csv
import io
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.management import call_command

from states.models import (
    StateCommittee,
    StateCommitteeMembership,
    StateDistrict,
    StateLegislator,
    StateLegislatorImport,
    StateVacancy,
    StateZipDistrict,
)
from tests.helpers import shared_data_folder

AS_OF = "2026-08-05"  # the real data's publication date: what is current stays fixed
FIPS = {"MN": "27", "NE": "31", "NH": "33", "DC": "11", "PR": "72", "ID": "16"}
TITLES = {"upper": "Senator", "lower": "Representative", "legislature": "Senator"}


def find_real_data() -> Path | None:
    return shared_data_folder(
        "openstates/derived/districts.csv",
        "openstates/people/settings.yml",
        "zip-state-districts/derived/census-sld-to-openstates.csv",
    )


def person_id(name: str) -> str:
    return f"ocd-person/{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def person(
    name: str,
    state: str,
    chamber: str,
    district: str,
    *,
    end_date=None,
    email: str | None = None,
    phone: str = "651-555-0100",
    gender: str = "Female",
    party: str = "Democratic",
) -> dict:
    code = state.lower()
    kind = {"dc": "district", "pr": "territory"}.get(code, "state")
    role = {
        "start_date": "2023-01-03",
        "type": chamber,
        "jurisdiction": f"ocd-jurisdiction/country:us/{kind}:{code}/government",
        "district": district,
    }
    if end_date:
        role["end_date"] = end_date
    given, _, family = name.partition(" ")
    return {
        "id": person_id(name),
        "name": name,
        "given_name": given,
        "family_name": family,
        "gender": gender,
        "email": email if email is not None else f"{given.lower()}@leg.example.gov",
        "party": [{"name": "Republican", "end_date": "2019-01-01"}, {"name": party}],
        "roles": [role],
        "offices": [
            {"classification": "capitol", "address": "1 Capitol Ave", "voice": phone},
            {"classification": "district", "address": "2 Main St"},
        ],
        "links": [{"url": f"https://leg.example.gov/{family}", "note": "homepage"}],
        "sources": [{"url": "https://leg.example.gov"}],
    }


def district(state, chamber, name, division_id, seats=1, title=None, chamber_name=None):
    return {
        "state": state,
        "state_fips": FIPS[state],
        "chamber": chamber,
        "chamber_name": chamber_name
        or {"upper": "Senate", "lower": "House"}.get(chamber, "Legislature"),
        "member_title": title or TITLES[chamber],
        "district": name,
        "division_id": division_id,
        "num_seats": seats,
    }


def census(state, layer, code, division_id, chamber, name):
    return {
        "state": state,
        "state_fips": FIPS[state],
        "census_layer": layer,
        "census_code": code,
        "census_geoid": FIPS[state] + code.rjust(3, "0"),
        "census_name": f"State District {code}",
        "division_id": division_id,
        "openstates_chamber": chamber,
        "openstates_district": name,
    }


@dataclass
class Fixture:
    """What the folders hold; `write()` lays them out under a root."""

    people: list[dict] = field(default_factory=list)
    districts: list[dict] = field(default_factory=list)
    committees: list[tuple[str, dict]] = field(default_factory=list)  # (state, committee)
    vacancies: dict = field(default_factory=dict)  # settings.yml
    census_rows: list[dict] = field(default_factory=list)
    zips: dict = field(default_factory=dict)  # districts.json "states"
    published: str = "2026-08-05"

    def write(self, root: Path) -> tuple[Path, Path]:
        people_root, zip_root = root / "openstates", root / "zip-state-districts"
        for folder in (people_root / "derived", people_root / "people", zip_root / "derived"):
            folder.mkdir(parents=True, exist_ok=True)
        (people_root / "README.md").write_text(
            "| folder | source | commit, date |\n|---|---|---|\n"
            f"| `people/` | openstates/people | `abc123`, {self.published} |\n"
        )
        write_csv(people_root / "derived" / "districts.csv", self.districts)
        dump(people_root / "people" / "settings.yml", self.vacancies)
        for entry in self.people:
            state = entry["roles"][0]["jurisdiction"].split(":")[-1].split("/")[0]
            folder = people_root / "people" / "data" / state / "legislature"
            folder.mkdir(parents=True, exist_ok=True)
            dump(folder / f"{entry['name'].replace(' ', '-')}-{entry['id'][-36:]}.yml", entry)
        for state, committee in self.committees:
            folder = people_root / "people" / "data" / state.lower() / "committees"
            folder.mkdir(parents=True, exist_ok=True)
            dump(folder / f"{committee['id'][-36:]}.yml", committee)
        (zip_root / "README.md").write_text(
            "| `state-leg-zips/public/data/districts.json` | thecantercompany/state-leg-zips | "
            "`f687e9c` (2026-02-15); the file last changed in `fdb4248` (2026-02-14) |\n"
        )
        data = zip_root / "state-leg-zips" / "public" / "data"
        data.mkdir(parents=True, exist_ok=True)
        (data / "districts.json").write_text(json.dumps({"metadata": {}, "states": self.zips}))
        header = [
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
        write_csv(zip_root / "derived" / "census-sld-to-openstates.csv", self.census_rows, header)
        return people_root, zip_root


def write_csv(path: Path, rows: list[dict], header=None) -> None:
    path.write_text(csv_text(rows, header))


def csv_text(rows: list[dict], header=None) -> str:
    """Rows as the publishers' CSV: Open States' district list unless another header is given."""
    header = header or [
        "state",
        "state_fips",
        "chamber",
        "chamber_name",
        "member_title",
        "district",
        "division_id",
        "num_seats",
    ]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def run_import(people: Path, zips: Path, *args: str) -> str:
    out = io.StringIO()
    call_command(
        "import_state_legislators", str(people), "--zip-source", str(zips), *args, stdout=out
    )
    return out.getvalue()


def zip_state(abbreviation: str, chambers: dict) -> dict:
    """One state of districts.json: {chamber: {code: [zips]}}."""
    return {
        "name": abbreviation,
        "abbreviation": abbreviation,
        "chambers": {
            chamber: {
                "districts": {
                    code: {"name": f"District {code}", "zips": zips} for code, zips in codes.items()
                }
            }
            for chamber, codes in chambers.items()
        },
    }


class RealStateData:
    """The real data (../shared/data), imported once per test process for the tests that read
    it (`real_import`), committed. Those tests are grouped and run one after another (tests/
    conftest.py), and the rows are removed before the first test that does not read them: the
    import takes tens of seconds, so two modules share one."""

    def __init__(self):
        self._blocker = None
        self.output: str | None = None

    def load(self, blocker) -> str | None:
        """What the import printed, or None when the data is not on this machine."""
        if self._blocker is not None:
            return self.output
        root = find_real_data()
        if root is None:
            return None
        with blocker.unblock():
            self.output = run_import(
                root / "openstates", root / "zip-state-districts", "--as-of", AS_OF
            )
        self._blocker = blocker
        return self.output

    def clear(self) -> None:
        if self._blocker is None:
            return
        blocker, self._blocker = self._blocker, None
        with blocker.unblock():
            for model in (
                StateCommitteeMembership,
                StateZipDistrict,
                StateVacancy,
                StateLegislator,
                StateCommittee,
                StateDistrict,
                StateLegislatorImport,
            ):
                queryset = model.objects.all()
                queryset._raw_delete(queryset.db)  # children first; no signals to send


REAL_STATE_DATA = RealStateData()
