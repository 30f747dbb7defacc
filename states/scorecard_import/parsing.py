"""Reading the researched scorecard (one CSV row per state and criterion) into checked marks.

The format is the research's own (../shared/data/scorecard/README.md): state_code,
criterion_slug, status, summary, citation, quote, source_title, source_url, checked_on,
confidence, note. Every problem is reported with its row number before anything is written.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from core.us_states import US_STATES
from states.models import ASSESSED, AssessmentStatus, Confidence, StateAssessment

# The research writes "partly_met"; the site has always stored "partly".
STATUSES = {
    "met": AssessmentStatus.MET,
    "partly_met": AssessmentStatus.PARTLY,
    "not_met": AssessmentStatus.NOT_MET,
    "not_assessed": AssessmentStatus.NOT_ASSESSED,
}
CONFIDENCES = {choice.value for choice in Confidence}
STATE_CODES = {code for code, _name in US_STATES}
# The fields an import writes, in the order the fingerprint and the reports use.
IMPORTED_FIELDS = (
    "status",
    "summary",
    "citation",
    "quote",
    "source_title",
    "source_url",
    "checked_on",
    "confidence",
    "note",
)
# The file's columns: which mark, then what the import writes.
COLUMNS = ("state_code", "criterion_slug", *IMPORTED_FIELDS)
MAX_PROBLEMS = 25  # listed in full; beyond that, counted
USER_AGENT = "end-qi-campaign-scorecard-import/1.0"


class ScorecardDataError(Exception):
    """The file cannot be read or holds rows that cannot be imported; nothing was changed."""


@dataclass(frozen=True)
class Mark:
    """One state's status on one criterion, as the research file gives it."""

    row: int  # the line number in the file, counting the header as line 1
    state: str
    criterion: str
    values: dict  # IMPORTED_FIELDS → value, in the model's terms

    @property
    def key(self) -> tuple[str, str]:
        return (self.state, self.criterion)


def fingerprint(values: dict) -> str:
    """The same imported values always give the same fingerprint, whatever their types."""
    hasher = hashlib.sha256()
    for name in IMPORTED_FIELDS:
        value = values.get(name)
        if isinstance(value, datetime.date):
            value = value.isoformat()
        hasher.update(name.encode())
        hasher.update(b"\0")
        hasher.update(("" if value is None else str(value)).encode())
        hasher.update(b"\0")
    return hasher.hexdigest()


def values_of(assessment: StateAssessment) -> dict:
    return {name: getattr(assessment, name) for name in IMPORTED_FIELDS}


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def read(location: str, timeout: float = 30.0) -> bytes:
    """The file's bytes from a path or an http(s) URL, or an error a person can act on."""
    if is_url(location):
        request = urllib.request.Request(location, headers={"User-Agent": USER_AGENT})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.read()
        except urllib.error.HTTPError as error:
            raise ScorecardDataError(
                f"Downloading {location} failed: the server answered {error.code} {error.reason}."
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", None) or error
            raise ScorecardDataError(
                f"Could not download {location} ({reason}). Download the file elsewhere and give "
                "its path instead."
            ) from None
    try:
        return Path(location).expanduser().read_bytes()
    except FileNotFoundError:
        raise ScorecardDataError(f"{location} is missing.") from None
    except IsADirectoryError:
        raise ScorecardDataError(f"{location} is a folder; give the CSV file itself.") from None
    except OSError as error:
        raise ScorecardDataError(f"Could not read {location}: {error.strerror or error}.") from None


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _field_limits() -> dict[str, int]:
    return {
        name: StateAssessment._meta.get_field(name).max_length
        for name in IMPORTED_FIELDS
        # status and confidence are checked against their choices instead
        if name not in ("status", "confidence") and StateAssessment._meta.get_field(name).max_length
    }


def parse(content: bytes, criteria: set[str]) -> list[Mark]:
    """Every row checked against the rubric's `criteria` slugs; all problems raised at once."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScorecardDataError(
            f"The file is not UTF-8 text (byte {error.start} cannot be read). Save it as "
            "UTF-8 CSV and try again."
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or ())]
    if missing:
        raise ScorecardDataError(
            f"The file lacks the column(s) {', '.join(missing)}. Expected the header: "
            + ",".join(COLUMNS)
        )
    problems: list[str] = []
    marks: list[Mark] = []
    seen: dict[tuple[str, str], int] = {}
    limits = _field_limits()
    check_url = URLValidator(schemes=["http", "https"])
    for row in reader:
        line = reader.line_num
        raw = {column: (row.get(column) or "").strip() for column in COLUMNS}
        row_problems = []
        state = raw["state_code"].upper()
        if state not in STATE_CODES:
            row_problems.append(f"unknown state code “{raw['state_code'][:20]}”")
        slug = raw["criterion_slug"]
        if slug not in criteria:
            row_problems.append(
                f"unknown criterion “{slug[:60]}” (the rubric has: {', '.join(sorted(criteria))})"
            )
        status = STATUSES.get(raw["status"])
        if status is None:
            row_problems.append(
                f"unknown status “{raw['status'][:30]}” (use {', '.join(STATUSES)})"
            )
        confidence = raw["confidence"].lower()
        if confidence and confidence not in CONFIDENCES:
            row_problems.append(
                f"unknown confidence “{raw['confidence'][:30]}” (use high, medium or low)"
            )
        checked_on = None
        if raw["checked_on"]:
            try:
                checked_on = datetime.date.fromisoformat(raw["checked_on"])
            except ValueError:
                row_problems.append(
                    f"checked_on “{raw['checked_on'][:30]}” is not a date like 2026-12-02"
                )
        if raw["source_url"]:
            try:
                check_url(raw["source_url"])
            except ValidationError:
                row_problems.append(f"source_url “{raw['source_url'][:80]}” is not a web address")
        if status in ASSESSED and not (raw["source_url"] and raw["checked_on"]):
            row_problems.append(
                f"a “{raw['status']}” mark needs a source_url and a checked_on date; "
                "leave it not_assessed until the law is cited"
            )
        for name, limit in limits.items():
            if len(raw.get(name, "")) > limit:
                row_problems.append(f"{name} is longer than {limit} characters")
        if not row_problems and (state, slug) in seen:
            row_problems.append(f"{state} {slug} is already given on row {seen[(state, slug)]}")
        if row_problems:
            problems.extend(f"row {line}: {problem}" for problem in row_problems)
            continue
        seen[(state, slug)] = line
        values = {name: raw[name] for name in IMPORTED_FIELDS}
        values.update(status=status.value, checked_on=checked_on, confidence=confidence)
        marks.append(Mark(row=line, state=state, criterion=slug, values=values))
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        raise ScorecardDataError(
            "Nothing was imported: the file has "
            + (f"{len(problems)} problems" if len(problems) > 1 else "a problem")
            + ".\n"
            + "\n".join(f"  {problem}" for problem in shown)
            + (f"\n  … and {more} more." if more else "")
        )
    if not marks:
        raise ScorecardDataError("Nothing was imported: the file has no rows.")
    return marks
