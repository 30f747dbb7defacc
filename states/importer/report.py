"""What changed, in words: printed by the command before it applies anything, and stored (as
plain JSON) on the LegislatorImport row that staff read in the admin."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

from states.models import Legislator

if TYPE_CHECKING:  # annotations only: changes.py uses this module to record an import
    from .changes import ImportPlan, TableChanges

LISTED = 50  # lines per section in the terminal; the admin keeps every entry


def plain(value):
    """JSON-safe: dates as ISO strings."""
    return value.isoformat() if isinstance(value, datetime.date) else value


def member_entry(bioguide_id: str, record: dict) -> dict:
    return {
        "bioguide_id": bioguide_id,
        "name": record["full_name"],
        "chamber": record["chamber"],
        "state": record["state"],
        "district": record["district"],
    }


def describe_member(entry: dict) -> str:
    member = Legislator(chamber=entry["chamber"], state=entry["state"], district=entry["district"])
    return f"{entry['name']} ({entry['bioguide_id']}), {member.title}, {member.seat}"


def member_name(plan: ImportPlan, bioguide_id: str) -> str:
    record = plan.data.legislators.get(bioguide_id) or plan.legislators.stored.get(bioguide_id)
    return record["full_name"] if record else bioguide_id


def committee_name(plan: ImportPlan, committee_id: str) -> str:
    record = plan.data.committees.get(committee_id) or plan.committees.stored.get(committee_id)
    return record["name"] if record else committee_id


def seat_changes_by_committee(plan: ImportPlan) -> list[dict]:
    """Who joined or left each committee (and whose role changed), committee by committee."""
    grouped = defaultdict(lambda: {"joined": [], "left": [], "role_changed": []})
    changes = plan.memberships
    for kind, keys in (("joined", changes.added), ("left", changes.removed)):
        for committee_id, bioguide_id in keys:
            grouped[committee_id][kind].append(member_name(plan, bioguide_id))
    for (committee_id, bioguide_id), diff in changes.changed.items():
        if "role" in diff:
            old, new = diff["role"]
            grouped[committee_id]["role_changed"].append(
                f"{member_name(plan, bioguide_id)}: {old or '-'} → {new or '-'}"
            )
    return [
        {"committee": committee_name(plan, committee_id), **lists}
        for committee_id, lists in sorted(
            grouped.items(), key=lambda item: committee_name(plan, item[0])
        )
    ]


def summary(plan: ImportPlan) -> dict:
    """The LegislatorImport fields that describe the changes."""
    legislators = plan.legislators
    return {
        "added": [member_entry(key, plan.data.legislators[key]) for key in legislators.added],
        "removed": [member_entry(key, legislators.stored[key]) for key in legislators.removed],
        "changed": [
            {
                **member_entry(key, plan.data.legislators[key]),
                "fields": {name: [plain(old), plain(new)] for name, (old, new) in diff.items()},
            }
            for key, diff in sorted(legislators.changed.items())
        ],
        "summary": {
            "district_offices": plan.offices.counts(),
            "committees": plan.committees.counts(),
            "committee_seats": {
                **plan.memberships.counts(),
                "by_committee": seat_changes_by_committee(plan) if plan.previous else [],
            },
            "zip_codes": plan.data.zip_code_count,
            "ambiguous_zip_codes": plan.data.ambiguous_zip_count,
            "warnings": plan.data.warnings,
        },
    }


def counts_line(label: str, changes: TableChanges) -> str:
    if not changes:
        return f"  {label}: no changes ({changes.total})"
    return (
        f"  {label}: {len(changes.added)} added, {len(changes.removed)} removed, "
        f"{len(changes.changed)} changed ({changes.total} after the import)"
    )


def capped(lines: list[str]) -> list[str]:
    if len(lines) <= LISTED:
        return lines
    return [*lines[:LISTED], f"      … and {len(lines) - LISTED} more"]


def describe(plan: ImportPlan) -> list[str]:
    """The changes as lines for the terminal."""
    previous = plan.previous
    if previous is None:
        lines = ["Changes: no earlier import, so everything below is new."]
    else:
        lines = [
            f"Changes since the last import ({previous.finished_at:%Y-%m-%d %H:%M}, from "
            f"{previous.source}):"
        ]
    if not plan.has_changes:
        return [*lines, "  none: the data is the same."]
    first_import = not plan.legislators.stored
    data = summary(plan)
    lines.append(counts_line("Legislators", plan.legislators))
    if not first_import:
        lines += capped([f"    + {describe_member(entry)}" for entry in data["added"]])
        lines += capped([f"    - {describe_member(entry)}" for entry in data["removed"]])
        lines += capped(
            [
                f"    ~ {entry['name']} ({entry['bioguide_id']}): "
                + "; ".join(
                    f"{name} {old or '(blank)'} → {new or '(blank)'}"
                    for name, (old, new) in entry["fields"].items()
                )
                for entry in data["changed"]
            ]
        )
    lines.append(counts_line("District offices", plan.offices))
    lines.append(counts_line("Committees", plan.committees))
    lines.append(counts_line("Committee seats", plan.memberships))
    committee_lines = []
    for entry in data["summary"]["committee_seats"]["by_committee"]:
        parts = []
        if entry["joined"]:
            parts.append("joined: " + ", ".join(entry["joined"]))
        if entry["left"]:
            parts.append("left: " + ", ".join(entry["left"]))
        if entry["role_changed"]:
            parts.append("roles: " + ", ".join(entry["role_changed"]))
        committee_lines.append(f"    {entry['committee']}: " + "; ".join(parts))
    lines += capped(committee_lines)
    zip_changes = plan.zip_rows
    touched = {key[0] for key in (*zip_changes.added, *zip_changes.removed)}
    if zip_changes:
        lines.append(
            f"  ZIP code rows: {len(zip_changes.added)} added, {len(zip_changes.removed)} "
            f"removed, touching {len(touched)} ZIP codes ({zip_changes.total} rows after the "
            "import)"
        )
    else:
        lines.append(f"  ZIP code rows: no changes ({zip_changes.total})")
    return lines
