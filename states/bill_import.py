"""`manage.py import_bills`: federal bills from the campaign's bill list (federal-bills.csv).

Columns: congress, bill, title, stance, introduced, sponsor, status, status_date, status_note,
source_url (see ../shared/data/README.md). Each row becomes a federal Bill (keyed by number and
Congress) with a history of two steps: introduced, then its current status. Re-running with the
same file changes nothing; a row whose status moved (a bill died, or passed) updates the bill,
and letter pages asking for a bill that is no longer alive stop asking (actions/letters).
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from wagtail.models import Locale

from core.localization import sync_translation
from states.models import FEDERAL, Bill, BillStatus, BillStatusChange, Stance
from states.scorecard_import.parsing import ScorecardDataError, read

COLUMNS = (
    "congress",
    "bill",
    "title",
    "stance",
    "introduced",
    "sponsor",
    "status",
    "status_date",
    "status_note",
    "source_url",
)
STATUSES = {
    "introduced": BillStatus.INTRODUCED,
    "in_committee": BillStatus.IN_COMMITTEE,
    "passed_house": BillStatus.PASSED_ONE_CHAMBER,
    "passed_senate": BillStatus.PASSED_ONE_CHAMBER,
    "passed_one_chamber": BillStatus.PASSED_ONE_CHAMBER,
    "passed": BillStatus.PASSED,
    "signed": BillStatus.SIGNED,
    "enacted": BillStatus.SIGNED,
    "died": BillStatus.FAILED,
    "failed": BillStatus.FAILED,
    "vetoed": BillStatus.VETOED,
}
# The file says "ends QI", "limits QI for law enforcement", "codifies QI (opposed)".
STANCES = {"ends": Stance.ENDS, "limits": Stance.LIMITS, "codifies": Stance.CODIFIES}


class BillDataError(ScorecardDataError):
    """The bill list cannot be read or holds rows that cannot be imported; nothing changed."""


def session_name(congress: int) -> str:
    suffix = (
        "th" if 10 <= congress % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(congress % 10, "th")
    )
    return f"{congress}{suffix} Congress"


@dataclass
class BillRow:
    row: int
    fields: dict
    history: list[tuple[str, datetime.date, str]]


@dataclass
class BillPlan:
    source: str
    added: list[BillRow] = field(default_factory=list)
    changed: list[tuple[BillRow, Bill, list[str]]] = field(default_factory=list)
    unchanged: list[BillRow] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"  add {r.fields['number']} ({r.fields['session']})" for r in self.added]
        lines += [
            f"  update {r.fields['number']} ({r.fields['session']}): {', '.join(names)}"
            for r, _bill, names in self.changed
        ]
        lines.append(
            f"{len(self.added) + len(self.changed) + len(self.unchanged)} federal bills: "
            f"{len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged."
        )
        return lines


def _date(value: str, column: str, problems: list[str], line: int):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        problems.append(f"row {line}: {column} “{value[:30]}” is not a date like 2025-05-22")
        return None


def parse(content: bytes) -> list[BillRow]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BillDataError("The bill list is not UTF-8 text.") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise BillDataError(f"The bill list lacks the column(s) {', '.join(missing)}.")
    rows, problems, seen = [], [], {}
    check_url = URLValidator(schemes=["http", "https"])
    for raw in reader:
        line = reader.line_num
        value = {c: (raw.get(c) or "").strip() for c in COLUMNS}
        before = len(problems)
        if not value["congress"].isdigit():
            problems.append(f"row {line}: congress “{value['congress'][:10]}” is not a number")
        if not value["bill"] or not value["title"]:
            problems.append(f"row {line}: a bill needs its number and title")
        status = STATUSES.get(value["status"])
        if status is None:
            problems.append(f"row {line}: unknown status “{value['status'][:30]}”")
        stance = STANCES.get(value["stance"].split(" ")[0].lower()) if value["stance"] else ""
        if stance is None:
            problems.append(f"row {line}: unknown stance “{value['stance'][:40]}”")
        introduced = _date(value["introduced"], "introduced", problems, line)
        status_date = _date(value["status_date"], "status_date", problems, line)
        try:
            check_url(value["source_url"])
        except ValidationError:
            problems.append(f"row {line}: source_url is not a web address")
        if len(problems) > before:
            continue
        session = session_name(int(value["congress"]))
        key = (value["bill"], session)
        if key in seen:
            problems.append(
                f"row {line}: {value['bill']} ({session}) is already on row {seen[key]}"
            )
            continue
        seen[key] = line
        history = [(BillStatus.INTRODUCED.value, introduced, "")]
        if status != BillStatus.INTRODUCED:
            history.append((status.value, status_date, value["status_note"][:255]))
        rows.append(
            BillRow(
                row=line,
                fields={
                    "jurisdiction": FEDERAL,
                    "number": value["bill"][:40],
                    "session": session,
                    "title": value["title"][:255],
                    "stance": stance,
                    "sponsor": value["sponsor"][:255],
                    "url": value["source_url"][:500],
                },
                history=history,
            )
        )
    if problems:
        raise BillDataError(
            "Nothing was imported: the bill list has problems.\n"
            + "\n".join(f"  {p}" for p in problems[:25])
        )
    return rows


def _history_of(bill: Bill) -> list[tuple[str, datetime.date, str]]:
    return [(c.status, c.date, c.note) for c in bill.history]


def plan(rows: list[BillRow], source: str) -> BillPlan:
    default = Locale.get_default()
    existing = {
        (bill.number, bill.session): bill
        for bill in Bill.objects.filter(locale=default, jurisdiction=FEDERAL).prefetch_related(
            "status_changes"
        )
    }
    result = BillPlan(source)
    for row in rows:
        bill = existing.get((row.fields["number"], row.fields["session"]))
        if bill is None:
            result.added.append(row)
            continue
        names = [name for name, value in row.fields.items() if getattr(bill, name) != value]
        if _history_of(bill) != row.history:
            names.append("status history")
        if names:
            result.changed.append((row, bill, names))
        else:
            result.unchanged.append(row)
    return result


def _write(bill: Bill, row: BillRow) -> Bill:
    for name, value in row.fields.items():
        setattr(bill, name, value)
    bill.status_changes = [
        BillStatusChange(status=status, date=date, note=note, sort_order=position)
        for position, (status, date, note) in enumerate(row.history)
    ]
    bill.save()
    return bill


def apply(the_plan: BillPlan, strings: dict | None = None) -> None:
    default = Locale.get_default()
    languages = [code for code, _name in settings.LANGUAGES if code != default.language_code]
    with transaction.atomic():
        written = [_write(Bill(locale=default), row) for row in the_plan.added]
        written += [_write(bill, row) for row, bill, _names in the_plan.changed]
        for bill in written:
            for language in languages:
                sync_translation(bill, language, (strings or {}).get(language))


def default_source() -> str:
    source = getattr(settings, "FEDERAL_BILLS_DATA", "") or ""
    if not source:
        raise BillDataError(
            "Give the bill list's path or URL (or set FEDERAL_BILLS_DATA), e.g. "
            "`manage.py import_bills ../shared/data/federal-bills.csv`."
        )
    return source


def import_bills(
    source: str | None = None, *, dry_run: bool = False, strings: dict | None = None
) -> BillPlan:
    source = str(source or default_source())
    the_plan = plan(parse(read(source)), source)
    if not dry_run:
        apply(the_plan, strings)
    return the_plan
