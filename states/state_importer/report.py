"""What a state import changed, in words: printed before anything is applied, and stored (as
plain JSON) on the StateLegislatorImport row that staff read in the admin."""

from __future__ import annotations

from typing import TYPE_CHECKING

# The Congress import's report pieces: the same lines, counts and caps in the terminal.
from states.importer.report import LISTED, capped, counts_line, plain

if TYPE_CHECKING:  # annotations only: changes.py is the one that records an import
    from .changes import StatePlan

LABELS = {
    "districts": "Districts",
    "committees": "Committees",
    "committee_seats": "Committee seats",
    "vacancies": "Vacancies",
    "zip_rows": "ZIP-district rows",
}


def member_entry(person_id: str, record: dict) -> dict:
    return {
        "person_id": person_id,
        "name": record["name"],
        "state": record["state"],
        "chamber": record["chamber"],
        "district": record["district"],
    }


def describe_member(entry: dict) -> str:
    return f"{entry['name']} ({entry['state']} {entry['chamber']} {entry['district']})"


def summary(plan: StatePlan) -> dict:
    """The StateLegislatorImport fields that describe the changes."""
    changes = plan.legislators
    data = plan.data
    return {
        "added": [member_entry(key, data.legislators[key]) for key in changes.added],
        "removed": [member_entry(key, changes.stored[key]) for key in changes.removed],
        "changed": [
            {
                **member_entry(key, data.legislators[key]),
                "fields": {name: [plain(old), plain(new)] for name, (old, new) in diff.items()},
            }
            for key, diff in sorted(changes.changed.items())
        ],
        "summary": {
            "by_state": plan.by_state(),
            **{name: plan.tables[name].counts() for name in LABELS},
            "ended_roles": data.ended,
            "warnings": data.warnings,
        },
    }


def change_text(old, new) -> str:
    if isinstance(old, list) or isinstance(new, list):
        return "changed"
    return f"{old or '(blank)'} → {new or '(blank)'}"


def describe(plan: StatePlan, recorded: dict) -> list[str]:
    """The plan as lines for the terminal: per state, then each table."""
    previous = plan.previous
    if previous is None:
        lines = ["Changes: no earlier import, so everything below is new."]
    else:
        lines = [
            f"Changes since the last import ({previous.finished_at:%Y-%m-%d %H:%M}, from "
            f"{previous.source}):"
        ]
    if plan.data.ended:
        lines.append(
            f"  Left out, every role ended before {plan.as_of:%Y-%m-%d}: "
            + "; ".join(plan.data.ended[:LISTED])
        )
    if not plan.has_changes:
        return [*lines, "  none: the data is the same."]
    lines.append(counts_line("Legislators", plan.legislators))
    for state, counts in recorded["summary"]["by_state"].items():
        if counts["added"] or counts["removed"] or counts["changed"]:
            lines.append(
                f"    {state}: {counts['added']} added, {counts['removed']} removed, "
                f"{counts['changed']} changed ({counts['total']} after the import)"
            )
    if plan.legislators.stored:  # on a first import the names would be every name
        lines += capped([f"    + {describe_member(entry)}" for entry in recorded["added"]])
        lines += capped([f"    - {describe_member(entry)}" for entry in recorded["removed"]])
        lines += capped(
            [
                f"    ~ {describe_member(entry)}: "
                + "; ".join(
                    f"{name} {change_text(old, new)}"
                    for name, (old, new) in entry["fields"].items()
                )
                for entry in recorded["changed"]
            ]
        )
    for name, label in LABELS.items():
        lines.append(counts_line(label, plan.tables[name]))
    return lines
