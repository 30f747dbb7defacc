"""What an import would change, worked out before anything is written, and then applied.

`plan()` compares the parsed files with the database table by table (a few queries, one per
table) and `apply()` writes only the differences, in one transaction, with bulk operations:
deleting and re-creating 42,000 ZIP rows on every run would be slow and would hide what changed.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from core.generation import purge_all
from states.models import (
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    ZipDistrict,
)

from .errors import LegislatorDataError
from .parsing import (
    COMMITTEE_FIELDS,
    LEGISLATOR_FIELDS,
    MEMBERSHIP_FIELDS,
    OFFICE_FIELDS,
    LegislatorData,
)
from .report import summary
from .sources import Source

BATCH = 1000
# A run that would remove more than this share of what is stored is refused without --force:
# a truncated download that still parses should not empty the letter page.
SAFE_REMOVAL_SHARE = 0.5


@dataclass
class TableChanges:
    """Differences for one table, by natural key."""

    added: list = field(default_factory=list)  # keys
    removed: list = field(default_factory=list)  # keys
    changed: dict = field(default_factory=dict)  # key → {field: (old, new)}
    pks: dict = field(default_factory=dict)  # key → primary key of the stored row
    stored: dict = field(default_factory=dict)  # key → stored values
    total: int = 0  # rows after the import

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "total": self.total,
        }


def compare(stored: dict, new: dict, fields, pks=None) -> TableChanges:
    changes = TableChanges(stored=stored, pks=pks or {}, total=len(new))
    changes.added = sorted(key for key in new if key not in stored)
    changes.removed = sorted(key for key in stored if key not in new)
    for key, record in new.items():
        if key not in stored:
            continue
        old = stored[key]
        differences = {
            name: (old[name], record[name]) for name in fields if old[name] != record[name]
        }
        if differences:
            changes.changed[key] = differences
    return changes


@dataclass
class ImportPlan:
    source: Source
    digest: str
    data: LegislatorData
    started_at: datetime.datetime
    previous: LegislatorImport | None
    legislators: TableChanges
    offices: TableChanges
    committees: TableChanges
    memberships: TableChanges
    zip_rows: TableChanges
    data_published_at: datetime.datetime | None = None  # the oldest file's publisher date

    @property
    def has_changes(self) -> bool:
        return any(
            (self.legislators, self.offices, self.committees, self.memberships, self.zip_rows)
        )

    def check_removals(self, force: bool = False) -> None:
        """Refuse a run that would remove most of what is stored, unless forced."""
        if force:
            return
        for label, changes in (("legislators", self.legislators), ("ZIP rows", self.zip_rows)):
            stored = len(changes.stored)
            if stored and len(changes.removed) > stored * SAFE_REMOVAL_SHARE:
                raise LegislatorDataError(
                    f"This import would remove {len(changes.removed)} of the {stored} stored "
                    f"{label}. The files may be truncated; check them, and run again with "
                    "--force if that is really what changed."
                )


def plan(data: LegislatorData, source: Source, digest: str, started_at=None) -> ImportPlan:
    """Compare the parsed files with the database; writes nothing."""
    legislators = {
        row.pop("bioguide_id"): row
        for row in Legislator.objects.values("bioguide_id", *LEGISLATOR_FIELDS)
    }
    offices, office_pks = {}, {}
    for row in DistrictOffice.objects.values("id", "office_id", *OFFICE_FIELDS):
        office_pks[row["office_id"]] = row.pop("id")
        offices[row.pop("office_id")] = row
    committees = {
        row.pop("committee_id"): row
        for row in Committee.objects.values("committee_id", *COMMITTEE_FIELDS)
    }
    memberships, membership_pks = {}, {}
    for row in CommitteeMembership.objects.values(
        "id", "committee_id", "legislator_id", *MEMBERSHIP_FIELDS
    ):
        key = (row.pop("committee_id"), row.pop("legislator_id"))
        membership_pks[key] = row.pop("id")
        memberships[key] = row
    zip_rows, zip_pks = {}, {}
    for pk, *key in ZipDistrict.objects.values_list("id", "zcta", "state", "district"):
        zip_rows[tuple(key)] = True  # no fields beyond the key
        zip_pks[tuple(key)] = pk
    return ImportPlan(
        source=source,
        digest=digest,
        data=data,
        started_at=started_at or timezone.now(),
        previous=LegislatorImport.latest_or_none(),
        legislators=compare(legislators, data.legislators, LEGISLATOR_FIELDS),
        offices=compare(offices, data.offices, OFFICE_FIELDS, office_pks),
        committees=compare(committees, data.committees, COMMITTEE_FIELDS),
        memberships=compare(memberships, data.memberships, MEMBERSHIP_FIELDS, membership_pks),
        zip_rows=compare(zip_rows, dict.fromkeys(data.zip_rows, True), (), zip_pks),
    )


# Applying --------------------------------------------------------------------------------------


def delete_rows(model, pks, progress, label: str) -> None:
    pks = list(pks)
    for start in range(0, len(pks), BATCH):
        model.objects.filter(pk__in=pks[start : start + BATCH]).delete()
    if pks:
        progress(f"  {label}: {len(pks)} removed")


def write_rows(model, changes: TableChanges, new: dict, build, fields, progress, label: str):
    """Create the added rows and update the changed ones (only the fields that changed)."""
    if changes.added:
        model.objects.bulk_create([build(key, new[key]) for key in changes.added], BATCH)
    if changes.changed:
        changed_fields = sorted({name for diff in changes.changed.values() for name in diff})
        objects = []
        for key in changes.changed:
            obj = build(key, new[key])
            obj.pk = changes.pks.get(key, obj.pk)
            objects.append(obj)
        model.objects.bulk_update(objects, changed_fields, batch_size=BATCH)
    if changes.added or changes.changed:
        progress(f"  {label}: {len(changes.added)} added, {len(changes.changed)} updated")


def apply(plan: ImportPlan, progress=None) -> LegislatorImport:
    """Write the differences and record the import, all or nothing."""
    say = progress or (lambda _message: None)
    data = plan.data
    began = time.monotonic()
    try:
        with transaction.atomic():
            # Removals first (a seat or office of a departing member goes before the member).
            delete_rows(
                CommitteeMembership,
                [plan.memberships.pks[k] for k in plan.memberships.removed],
                say,
                "committee seats",
            )
            delete_rows(
                DistrictOffice,
                [plan.offices.pks[k] for k in plan.offices.removed],
                say,
                "district offices",
            )
            delete_rows(
                ZipDistrict, [plan.zip_rows.pks[k] for k in plan.zip_rows.removed], say, "ZIP rows"
            )
            delete_rows(Legislator, plan.legislators.removed, say, "legislators")
            delete_rows(Committee, plan.committees.removed, say, "committees")
            write_rows(
                Committee,
                plan.committees,
                data.committees,
                lambda key, record: Committee(committee_id=key, **record),
                COMMITTEE_FIELDS,
                say,
                "committees",
            )
            write_rows(
                Legislator,
                plan.legislators,
                data.legislators,
                lambda key, record: Legislator(bioguide_id=key, **record),
                LEGISLATOR_FIELDS,
                say,
                "legislators",
            )
            write_rows(
                DistrictOffice,
                plan.offices,
                data.offices,
                lambda key, record: DistrictOffice(office_id=key, **record),
                OFFICE_FIELDS,
                say,
                "district offices",
            )
            write_rows(
                CommitteeMembership,
                plan.memberships,
                data.memberships,
                lambda key, record: CommitteeMembership(
                    committee_id=key[0], legislator_id=key[1], **record
                ),
                MEMBERSHIP_FIELDS,
                say,
                "committee seats",
            )
            write_rows(
                ZipDistrict,
                plan.zip_rows,
                dict.fromkeys(data.zip_rows, True),
                lambda key, _record: ZipDistrict(zcta=key[0], state=key[1], district=key[2]),
                (),
                say,
                "ZIP rows",
            )
            record = record_import(plan, seconds=time.monotonic() - began)
            transaction.on_commit(purge_all)  # state pages list the members
    except ProtectedError as error:
        raise LegislatorDataError(
            "A legislator who left Congress is still referred to by other records and cannot "
            f"be removed ({error.args[0]}). Nothing was changed."
        ) from None
    return record


def record_import(plan: ImportPlan, seconds: float) -> LegislatorImport:
    now = timezone.now()
    return LegislatorImport.objects.create(
        started_at=plan.started_at,
        checked_at=now,
        source=plan.source.label[:500],
        source_digest=plan.digest,
        data_published_at=plan.data_published_at,
        legislator_count=len(plan.data.legislators),
        zip_area_count=len(plan.data.zip_rows),
        zip_areas_added=len(plan.zip_rows.added),
        zip_areas_removed=len(plan.zip_rows.removed),
        seconds=round(seconds, 2),
        **summary(plan),
    )


def confirm_unchanged(plan: ImportPlan) -> LegislatorImport:
    """Nothing changed: note that the data was checked now, without a new diff entry."""
    previous = plan.previous
    previous.checked_at = timezone.now()
    fields = ["checked_at"]
    # The same data published again later is current as of the later date.
    if plan.data_published_at and (
        previous.data_published_at is None or plan.data_published_at > previous.data_published_at
    ):
        previous.data_published_at = plan.data_published_at
        fields.append("data_published_at")
    previous.save(update_fields=fields)
    return previous
