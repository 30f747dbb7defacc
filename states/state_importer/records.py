"""The records both kinds of file become, and the checks they share: a value that must be
there stops the import (Errors), an unusable optional one is stored blank with a warning."""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

import yaml

from states.importer.errors import LegislatorDataError
from states.models import StateChamber

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster
CHAMBERS = {choice.value for choice in StateChamber}
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
