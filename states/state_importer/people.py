"""Open States' person and committee files: who is current, in which seat, and on which
committees. A role whose end date is before `as_of` is over: the person is left out, even if the
publisher has not yet moved the file to retired/."""

from __future__ import annotations

import datetime
import re

from states.importer.errors import LegislatorDataError

from . import sources
from .records import (
    CHAMBERS,
    LIMITS,
    Errors,
    StateData,
    clip,
    load_yaml,
    parse_date,
    web_address,
)

JURISDICTION = re.compile(r"/(?:state|district|territory):([a-z]{2})/")
PERSON_ID = re.compile(r"^ocd-person/[0-9a-f-]{36}$")
GENDERS = {"female": "F", "male": "M"}


def current_role(roles: list, as_of: datetime.date) -> dict | None:
    """The role in a legislature that has not ended before as_of; the latest if several."""
    current = []
    for role in roles or ():
        if not isinstance(role, dict) or role.get("type") not in CHAMBERS:
            continue
        end = parse_date(role.get("end_date"))
        if end is None or end >= as_of:
            current.append(role)
    current.sort(key=lambda role: str(role.get("start_date") or ""))
    return current[-1] if current else None


def current_party(parties: list, as_of: datetime.date) -> str:
    names = [
        party.get("name", "")
        for party in parties or ()
        if isinstance(party, dict)
        and (parse_date(party.get("end_date")) or datetime.date.max) >= as_of
    ]
    return names[-1] if names else ""


def parse_people(files: dict[str, bytes], data: StateData, as_of: datetime.date) -> None:
    errors = Errors()
    warnings = data.warnings
    for name in sorted(files):
        folder = sources.PERSON.match(name)
        if not folder:
            continue
        person = load_yaml(name, files[name], errors)
        if person is None:
            continue
        person_id = str(person.get("id") or "") if isinstance(person, dict) else ""
        if not PERSON_ID.match(person_id):
            errors.add(f"{name}: no ocd-person id")
            continue
        try:
            role = current_role(person.get("roles"), as_of)
            party = current_party(person.get("party"), as_of)
            started = parse_date(role.get("start_date")) if role else None
            ends = parse_date(role.get("end_date")) if role else None
        except ValueError as error:
            errors.add(f"{name}: {error}")
            continue
        if role is None:
            data.ended.append(f"{person.get('name', person_id)} ({name})")
            continue
        match = JURISDICTION.search(str(role.get("jurisdiction", "")))
        state = (match.group(1) if match else folder.group(1)).upper()
        district = str(role.get("district", "")).strip()
        if not district:
            errors.add(f"{name}: the current role has no district")
            continue
        if person_id in data.legislators:
            errors.add(f"{name}: {person_id} is in two files")
            continue
        seat = data.districts.get((state, role["type"], district))
        if seat is None:
            warnings.append(
                f"{name}: {state} {role['type']} district {district!r} is not in "
                f"{sources.DISTRICTS}; stored without a division id"
            )
        data.legislators[person_id] = {
            "name": clip(person.get("name"), LIMITS["name"], f"{name} name", warnings),
            "given_name": clip(person.get("given_name"), 80, f"{name} given_name", warnings),
            "family_name": clip(person.get("family_name"), 80, f"{name} family_name", warnings),
            "state": state,
            "chamber": role["type"],
            "district": district[:64],
            "division_id": seat["division_id"] if seat else "",
            "member_title": seat["member_title"] if seat else "",
            "party": clip(party, LIMITS["party"], f"{name} party", warnings),
            "gender": GENDERS.get(str(person.get("gender", "")).lower(), ""),
            "image_url": web_address(person.get("image"), f"{name} image", warnings),
            "email": clip(person.get("email"), LIMITS["email"], f"{name} email", warnings),
            "offices": offices(person.get("offices")),
            "links": [
                {
                    "url": str(link["url"]),
                    **({"note": str(link["note"])} if link.get("note") else {}),
                }
                for link in person.get("links") or ()
                if isinstance(link, dict) and link.get("url")
            ],
            "role_started": started,
            "role_ends": ends,
        }
    errors.raise_if_any()
    if not data.legislators:
        raise LegislatorDataError(
            "No current legislator was found under people/data/<state>/legislature/; nothing "
            "was changed."
        )


def offices(entries) -> list[dict]:
    """Capitol and district offices as published, the empty keys left out."""
    result = []
    for office in entries or ():
        if not isinstance(office, dict):
            continue
        entry = {"classification": str(office.get("classification", ""))}
        for key, source in (("address", "address"), ("phone", "voice"), ("fax", "fax")):
            if office.get(source):
                entry[key] = str(office[source]).strip()
        result.append(entry)
    return result


def parse_committees(files: dict[str, bytes], data: StateData) -> None:
    errors = Errors()
    not_current = 0
    for name in sorted(files):
        folder = sources.COMMITTEE.match(name)
        if not folder:
            continue
        committee = load_yaml(name, files[name], errors)
        if committee is None:
            continue
        committee_id = str(committee.get("id") or "") if isinstance(committee, dict) else ""
        if not committee_id.startswith("ocd-organization/") or not committee.get("name"):
            errors.add(f"{name}: no ocd-organization id or name")
            continue
        chamber = committee.get("chamber")
        if chamber not in CHAMBERS:
            errors.add(f"{name}: unknown chamber {chamber!r}")
            continue
        links = [link for link in committee.get("links") or () if isinstance(link, dict)]
        homepage = [link["url"] for link in links if link.get("note") == "homepage"]
        data.committees[committee_id] = {
            "state": folder.group(1).upper(),
            "chamber": chamber,
            "name": str(committee["name"])[:255],
            "url": web_address(homepage[0] if homepage else "", f"{name} link", data.warnings),
        }
        for member in committee.get("members") or ():
            person_id = member.get("person_id") if isinstance(member, dict) else None
            if person_id not in data.legislators:
                not_current += 1  # no id, or someone no longer in office
                continue
            data.memberships.setdefault(
                (committee_id, person_id), {"role": str(member.get("role") or "")[:80]}
            )
    errors.raise_if_any()
    if not_current:
        data.warnings.append(
            f"{not_current} committee members are not current legislators (or have no "
            "person id) and were left out"
        )
