"""What a state import would change, worked out before anything is written, and then applied.

The same shape as the Congress import (states/importer/changes.py, whose comparison and bulk
writing it reuses): one query per table to read what is stored, dicts compared in memory, only
the differences written, in one transaction.
"""

from __future__ import annotations

import datetime
import time
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from core.generation import purge_all
from states.importer.changes import (
    SAFE_REMOVAL_SHARE,
    TableChanges,
    compare,
    delete_rows,
    write_rows,
)
from states.importer.errors import LegislatorDataError
from states.models import (
    StateCommittee,
    StateCommitteeMembership,
    StateDistrict,
    StateLegislator,
    StateLegislatorImport,
    StateVacancy,
    StateZipDistrict,
)

from .records import (
    COMMITTEE_FIELDS,
    DISTRICT_FIELDS,
    LEGISLATOR_FIELDS,
    MEMBERSHIP_FIELDS,
    VACANCY_FIELDS,
    ZIP_FIELDS,
    StateData,
)


@dataclass
class StatePlan:
    label: str  # where the data was read
    digest: str
    data: StateData
    started_at: datetime.datetime
    as_of: datetime.date
    previous: StateLegislatorImport | None
    legislators: TableChanges
    districts: TableChanges
    committees: TableChanges
    memberships: TableChanges
    vacancies: TableChanges
    zip_rows: TableChanges
    data_published_at: datetime.date | None = None
    zip_data_published_at: datetime.date | None = None

    @property
    def tables(self) -> dict[str, TableChanges]:
        return {
            "legislators": self.legislators,
            "districts": self.districts,
            "committees": self.committees,
            "committee_seats": self.memberships,
            "vacancies": self.vacancies,
            "zip_rows": self.zip_rows,
        }

    @property
    def has_changes(self) -> bool:
        return any(self.tables.values())

    def by_state(self) -> dict[str, dict[str, int]]:
        """Legislators added, removed and changed in each state, and how many it will have."""
        counts: dict[str, Counter] = {}
        changes = self.legislators
        for state in {
            r["state"] for r in (*self.data.legislators.values(), *changes.stored.values())
        }:
            counts[state] = Counter(added=0, removed=0, changed=0, total=0)
        for record in self.data.legislators.values():
            counts[record["state"]]["total"] += 1
        for key in changes.added:
            counts[self.data.legislators[key]["state"]]["added"] += 1
        for key in changes.removed:
            counts[changes.stored[key]["state"]]["removed"] += 1
        for key in changes.changed:
            counts[self.data.legislators[key]["state"]]["changed"] += 1
        return {state: dict(counts[state]) for state in sorted(counts)}

    def check_removals(self, force: bool = False) -> None:
        """Refuse a run that would remove most of what is stored, overall or in one state (a
        state's folder missing from a truncated archive), unless forced."""
        if force:
            return
        refusals = []
        for label, changes in (
            ("legislators", self.legislators),
            ("districts", self.districts),
            ("ZIP rows", self.zip_rows),
        ):
            stored = len(changes.stored)
            if stored and len(changes.removed) > stored * SAFE_REMOVAL_SHARE:
                refusals.append(f"{len(changes.removed)} of the {stored} stored {label}")
        stored_by_state = Counter(record["state"] for record in self.legislators.stored.values())
        for state, counts in self.by_state().items():
            stored = stored_by_state[state]
            if stored and counts["removed"] > stored * SAFE_REMOVAL_SHARE:
                refusals.append(
                    f"{counts['removed']} of the {stored} stored legislators of {state}"
                )
        if refusals:
            raise LegislatorDataError(
                "This import would remove "
                + "; ".join(refusals)
                + ". The data may be truncated; check it, and run again with --force if that "
                "is really what changed. Nothing was changed."
            )


def stored_rows(model, key_fields: tuple, fields: tuple) -> tuple[dict, dict]:
    """{natural key: values} and {natural key: primary key}, in one query."""
    rows, pks = {}, {}
    for row in model.objects.values("pk", *key_fields, *fields):
        key = tuple(row.pop(name) for name in key_fields)
        key = key[0] if len(key) == 1 else key
        pks[key] = row.pop("pk")
        rows[key] = row
    return rows, pks


def plan(
    data: StateData, label: str, digest: str, as_of: datetime.date, started_at=None
) -> StatePlan:
    """Compare the parsed files with the database; writes nothing."""

    def table(model, key_fields, fields, new):
        stored, pks = stored_rows(model, key_fields, fields)
        return compare(stored, new, fields, pks)

    return StatePlan(
        label=label,
        digest=digest,
        data=data,
        started_at=started_at or timezone.now(),
        as_of=as_of,
        previous=StateLegislatorImport.latest_or_none(),
        legislators=table(StateLegislator, ("person_id",), LEGISLATOR_FIELDS, data.legislators),
        districts=table(
            StateDistrict, ("state", "chamber", "name"), DISTRICT_FIELDS, data.districts
        ),
        committees=table(StateCommittee, ("committee_id",), COMMITTEE_FIELDS, data.committees),
        memberships=table(
            StateCommitteeMembership,
            ("committee_id", "legislator_id"),
            MEMBERSHIP_FIELDS,
            data.memberships,
        ),
        vacancies=table(
            StateVacancy, ("state", "chamber", "district"), VACANCY_FIELDS, data.vacancies
        ),
        zip_rows=table(
            StateZipDistrict, ("zcta", "state", "chamber", "district"), ZIP_FIELDS, data.zip_rows
        ),
    )


def apply(plan: StatePlan, summary: dict, progress=None) -> StateLegislatorImport:
    """Write the differences and record the import, all or nothing."""
    say = progress or (lambda _message: None)
    data = plan.data
    began = time.monotonic()

    def pks(changes: TableChanges) -> list:
        return [changes.pks[key] for key in changes.removed]

    try:
        with transaction.atomic():
            # Seats of departing members and committees go before them.
            delete_rows(StateCommitteeMembership, pks(plan.memberships), say, "committee seats")
            delete_rows(StateZipDistrict, pks(plan.zip_rows), say, "ZIP rows")
            delete_rows(StateVacancy, pks(plan.vacancies), say, "vacancies")
            delete_rows(StateDistrict, pks(plan.districts), say, "districts")
            delete_rows(StateCommittee, pks(plan.committees), say, "committees")
            delete_rows(StateLegislator, pks(plan.legislators), say, "legislators")
            write_rows(
                StateDistrict,
                plan.districts,
                data.districts,
                lambda key, record: StateDistrict(
                    state=key[0], chamber=key[1], name=key[2], **record
                ),
                DISTRICT_FIELDS,
                say,
                "districts",
            )
            write_rows(
                StateLegislator,
                plan.legislators,
                data.legislators,
                lambda key, record: StateLegislator(person_id=key, **record),
                LEGISLATOR_FIELDS,
                say,
                "legislators",
            )
            write_rows(
                StateCommittee,
                plan.committees,
                data.committees,
                lambda key, record: StateCommittee(committee_id=key, **record),
                COMMITTEE_FIELDS,
                say,
                "committees",
            )
            write_rows(
                StateCommitteeMembership,
                plan.memberships,
                data.memberships,
                lambda key, record: StateCommitteeMembership(
                    committee_id=key[0], legislator_id=key[1], **record
                ),
                MEMBERSHIP_FIELDS,
                say,
                "committee seats",
            )
            write_rows(
                StateVacancy,
                plan.vacancies,
                data.vacancies,
                lambda key, record: StateVacancy(
                    state=key[0], chamber=key[1], district=key[2], **record
                ),
                VACANCY_FIELDS,
                say,
                "vacancies",
            )
            write_rows(
                StateZipDistrict,
                plan.zip_rows,
                data.zip_rows,
                lambda key, record: StateZipDistrict(
                    zcta=key[0], state=key[1], chamber=key[2], district=key[3], **record
                ),
                ZIP_FIELDS,
                say,
                "ZIP rows",
            )
            record = record_import(plan, summary, seconds=time.monotonic() - began)
            transaction.on_commit(purge_all)  # pages that list legislators
    except ProtectedError as error:
        # Letters and calls will keep the legislator they went to (issue 22); one who left
        # cannot be deleted under them.
        raise LegislatorDataError(
            "A state legislator who left is still referred to by other records and cannot be "
            f"removed ({error.args[0]}). Nothing was changed."
        ) from None
    return record


def record_import(plan: StatePlan, summary: dict, seconds: float) -> StateLegislatorImport:
    return StateLegislatorImport.objects.create(
        started_at=plan.started_at,
        checked_at=timezone.now(),
        source=plan.label[:500],
        source_digest=plan.digest,
        data_published_at=plan.data_published_at,
        zip_data_published_at=plan.zip_data_published_at,
        as_of=plan.as_of,
        legislator_count=len(plan.data.legislators),
        zip_area_count=len(plan.data.zip_rows),
        seconds=round(seconds, 2),
        **summary,
    )


def confirm_unchanged(plan: StatePlan) -> StateLegislatorImport:
    """Nothing changed: note that the data was checked now, without a new entry; the same
    data published again later is current as of the later date."""
    previous = plan.previous
    previous.checked_at = timezone.now()
    fields = ["checked_at"]
    for name in ("data_published_at", "zip_data_published_at"):
        new = getattr(plan, name)
        if new and (getattr(previous, name) is None or new > getattr(previous, name)):
            setattr(previous, name, new)
            fields.append(name)
    previous.save(update_fields=fields)
    return previous
