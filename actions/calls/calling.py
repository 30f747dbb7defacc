"""A visit's call list, its cards, and counting each call's outcome once.

    session = new_session(page, outcome, cleaned_data)   # after the ZIP lookup
    token = sign(session)                                # carried by every outcome button
    session = unsign(page, token)                        # None when expired or tampered with
    created = record(page, session, member, "talked", language)
    cards = call_cards(page, session)                    # with who is still to call

A session is a random number drawn for this visit, the district and the legislators to call,
and what the caller typed for the script. It lives only in the signed token in the page: the
server keeps nothing of it. A row is keyed on a digest of that number and the legislator
(`call_digest`), unique per page: the same outcome sent again is the same row, and the rows of
one visit share nothing that ties them together.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from actions import placeholders
from actions.letters.lookup import place_name
from actions.letters.writing import PARTIES, bill_values
from actions.models.calls import CallOutcome, Outcome
from actions.phones import tel_href
from core.attribution import ATTRIBUTION_FIELDS
from states.models import DistrictOffice, Legislator, StateLegislator

SALT = "actions.calls.session"


def session_seconds() -> int:
    """How long a call list stays valid: long enough to call three offices with a wait on hold
    or a break, short enough that an old page is not a standing licence to count calls."""
    return int(getattr(settings, "CALL_SESSION_SECONDS", 6 * 3600))


def rate_limit() -> int:
    """Outcomes per IP per SPAM_RATE_LIMIT_WINDOW: a class or an office may call together."""
    return int(getattr(settings, "CALL_RATE_LIMIT_COUNT", 180))


@dataclass
class Session:
    nonce: str
    district_key: str
    legislator_ids: list[str]
    states: bool = False  # state legislators (Open States ids) rather than members of Congress
    full_name: str = ""
    city: str = ""
    zip_code: str = ""
    attribution: dict = field(default_factory=dict)
    # False when the list is a fixed group (a bill's committee or sponsors), called wherever
    # the caller lives: the rows are then not counted in the members' constituent packets.
    constituent: bool = True

    @property
    def state(self) -> str:
        """'CO' from 'CO-1' (or 'CO' for senators alone); a state call list keeps the state."""
        return self.district_key.partition("-")[0]


def new_session(page, outcome, person: dict) -> Session:
    """A visit's call list from a lookup's outcome: a delegation in Congress (senators first),
    or the state seats (upper chamber first; each member of a multi-member district)."""
    if page.writes_to_states:
        members = [member for seat in outcome.seats for member in seat.members]
        state = outcome.state
    else:
        members = outcome.delegation.for_chambers(page.chambers_written_to)
        state = outcome.delegation.district.state
    return Session(
        nonce=secrets.token_hex(16),
        district_key=outcome.district_key if not page.writes_to_states else state,
        legislator_ids=[member.pk for member in members],
        states=page.writes_to_states,
        full_name=person.get("full_name", ""),
        city=person.get("city", ""),
        zip_code=person["zip_code"],
        attribution={name: person[name] for name in ATTRIBUTION_FIELDS if person.get(name)},
        constituent=outcome.constituent,
    )


def sign(page, session: Session) -> str:
    payload = {
        "p": page.translation_key.hex,
        "n": session.nonce,
        "d": session.district_key,
        "m": session.legislator_ids,
        "s": session.states,
        "f": session.full_name,
        "c": session.city,
        "z": session.zip_code,
        "a": session.attribution,
    }
    if not session.constituent:
        # Only a fixed group's list says so: a token signed before this key existed (or any
        # ZIP lookup's) reads as the caller's own legislators.
        payload["g"] = True
    return signing.dumps(payload, salt=SALT, compress=True)


def unsign(page, token: str) -> Session | None:
    """The session, or None for a token that is expired, altered, or another page's.
    Raises signing.SignatureExpired for a genuine token that is too old."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=session_seconds())
    except signing.SignatureExpired:
        raise
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("p") != page.translation_key.hex:
        return None
    return Session(
        nonce=str(payload.get("n", "")),
        district_key=str(payload.get("d", "")),
        legislator_ids=[str(i) for i in payload.get("m", [])],
        states=bool(payload.get("s")),
        full_name=str(payload.get("f", "")),
        city=str(payload.get("c", "")),
        zip_code=str(payload.get("z", "")),
        attribution={
            name: str(value)
            for name, value in (payload.get("a") or {}).items()
            if name in ATTRIBUTION_FIELDS
        },
        constituent=not payload.get("g"),
    )


def call_digest(session: Session, legislator_id: str) -> str:
    message = f"calls|{session.nonce}|{legislator_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:40]


def outcomes_so_far(page, session: Session) -> dict[str, str]:
    """{legislator id: outcome} of this visit's calls already counted, in one query."""
    digests = {call_digest(session, pk): pk for pk in session.legislator_ids}
    rows = CallOutcome.objects.filter(
        action_key=page.translation_key, call_digest__in=list(digests)
    ).values_list("call_digest", "outcome")
    return {digests[digest]: outcome for digest, outcome in rows if digest in digests}


def record(page, session: Session, card: "CallCard", outcome: str, language: str) -> str:
    """Count the outcome of the call on `card`, once: 'counted', 'same' (sent again), or
    'changed' (another button pressed for the same call later, e.g. after going back: the
    latest choice is kept, still one row)."""
    with transaction.atomic():
        row, created = CallOutcome.objects.get_or_create(
            action_key=page.translation_key,
            legislator_id=card.legislator_id,
            call_digest=call_digest(session, card.legislator_id),
            defaults={
                "legislator_name": card.name[:200],
                "chamber": card.chamber,
                "district_key": card.district_key[:80],
                "outcome": outcome,
                "language": language,
                "constituent": session.constituent,
                **session.attribution,
            },
        )
        if created:
            return "counted"
        if row.outcome == outcome:
            return "same"
        row.outcome = outcome
        row.save(update_fields=["outcome"])
        return "changed"


@dataclass
class Office:
    label: str
    phone: str
    phone_href: str
    address: str = ""
    zip_code: str = ""


@dataclass
class CallCard:
    """One legislator to call, however the data describes them (Congress or a state)."""

    legislator_id: str
    name: str
    heading: str  # 'Senator Michael F. Bennet', 'Senadora Ona Dorado'
    seat_label: str  # 'CO-1', 'Minnesota, 63A'
    party: str
    chamber: str
    district_key: str  # what the row keeps: 'CO-1', 'CO' for a senator, 'MN 63A'
    script: str
    capitol: Office | None
    nearest: Office | None
    # Why `nearest` comes first: "zip" (same ZIP code), "area" (same first three digits, the
    # same postal sorting area) or "" (no office near by that measure: all listed plainly).
    nearest_by: str
    other_offices: list[Office]
    outcome: str = ""  # already counted for this visit

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label) if self.outcome else ""


def party_label(party: str) -> str:
    return str(PARTIES.get(party, party))


def _district_office(office: DistrictOffice) -> Office:
    address = ", ".join(
        part
        for part in (office.building, office.address, office.suite, office.city, office.state)
        if part
    )
    return Office(
        label=office.city or office.state,
        phone=office.phone,
        phone_href=tel_href(office.phone),
        address=f"{address} {office.zip_code}".strip(),
        zip_code=office.zip_code[:5],
    )


# Open States gives an office's address as one line: "100 Rev. Dr. MLK Jr. Blvd.; St. Paul, MN
# 55155". Its ZIP code is the last five digits (ZIP+4 allowed).
ADDRESS_ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\s*$")
ADDRESS_CITY = re.compile(r"(?:^|[;,]\s*)([^;,]+),\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\s*$")


def _state_office(office: dict) -> Office:
    address = str(office.get("address") or "")
    zip_match = ADDRESS_ZIP.search(address)
    city_match = ADDRESS_CITY.search(address)
    phone = str(office.get("phone") or "")
    return Office(
        label=city_match.group(1).strip() if city_match else address,
        phone=phone,
        phone_href=tel_href(phone),
        address=address,
        zip_code=zip_match.group(1) if zip_match else "",
    )


def rank_offices(offices: list[Office], zip_code: str) -> tuple[list[Office], str]:
    """District offices with a phone, the nearest first by the only measure the data allows
    without inventing geography: the office in the caller's ZIP code, else one in the same
    three-digit postal area; otherwise as listed. (Congress's offices have coordinates in the
    publisher's file, but ZIP codes have none in our data: see docs/calls.md.)"""
    callable_offices = [office for office in offices if office.phone]
    zip5 = (zip_code or "")[:5]
    if not zip5:
        return callable_offices, ""
    for nearest_by, matches in (
        ("zip", lambda office: office.zip_code == zip5),
        ("area", lambda office: office.zip_code[:3] == zip5[:3]),
    ):
        near = [office for office in callable_offices if office.zip_code and matches(office)]
        if near:
            return near + [o for o in callable_offices if o not in near], nearest_by
    return callable_offices, ""


def script_values(page, session: Session, title: str, name: str, last_name: str, chamber: str):
    """The values for the script; the caller's name and city only when they typed them (the
    rest of the script shows [your full name] and [your city] from placeholders.diy)."""
    values = {
        "full_name": session.full_name,
        "city": session.city,
        "state": place_name(session.state),
        "zip_code": session.zip_code,
        **bill_values(page.bill_for(chamber)),
        "legislator_title": title,
        "legislator_full_name": name,
        "legislator_last_name": last_name,
    }
    return {key: value for key, value in values.items() if value}


def _congress_cards(page, session: Session) -> dict[str, CallCard]:
    """Two queries: the members, and their district offices."""
    cards = {}
    script = page.step_script()
    members = Legislator.objects.filter(pk__in=session.legislator_ids).prefetch_related("offices")
    for member in members:
        offices = [_district_office(office) for office in member.offices.all()]
        ranked, nearest_by = rank_offices(offices, session.zip_code)
        capitol = None
        if member.phone:
            capitol = Office(
                label=str(_("Washington office")),
                phone=member.phone,
                phone_href=tel_href(member.phone),
                address=member.office_address,
            )
        values = script_values(
            page, session, member.title, member.full_name, member.last_name, member.chamber
        )
        cards[member.pk] = CallCard(
            legislator_id=member.pk,
            name=member.full_name,
            heading=f"{member.title} {member.full_name}",
            seat_label=member.seat,
            party=party_label(member.party),
            chamber=member.chamber,
            district_key=member.state if member.chamber == "senate" else session.district_key,
            script=placeholders.diy(script, values),
            capitol=capitol,
            nearest=ranked[0] if ranked else None,
            nearest_by=nearest_by,
            other_offices=ranked[1:],
        )
    return cards


def _state_cards(page, session: Session) -> dict[str, CallCard]:
    """One query: state legislators carry their offices (capitol, district) as JSON."""
    cards = {}
    script = page.step_script()  # the live step's, for a page that follows its bill
    for member in StateLegislator.objects.filter(pk__in=session.legislator_ids):
        capitols = [
            _state_office(office)
            for office in member.offices
            if office.get("classification") == "capitol" and office.get("phone")
        ]
        others = [
            _state_office(office)
            for office in member.offices
            if office.get("classification") != "capitol"
        ]
        ranked, nearest_by = rank_offices(others, session.zip_code)
        capitol = capitols[0] if capitols else None
        if capitol is not None:
            capitol.label = str(_("Capitol office"))
        last_name = member.family_name or member.name.rsplit(" ", 1)[-1]
        values = script_values(page, session, member.title, member.name, last_name, "upper")
        cards[member.pk] = CallCard(
            legislator_id=member.pk,
            name=member.name,
            heading=f"{member.title} {member.name}",
            seat_label=f"{place_name(member.state)}, {member.district}",
            party=party_label(member.party),
            chamber=member.chamber,
            district_key=f"{member.state} {member.district}",
            script=placeholders.diy(script, values),
            capitol=capitol,
            nearest=ranked[0] if ranked else None,
            nearest_by=nearest_by,
            other_offices=ranked[1:],
        )
    return cards


def call_cards(page, session: Session) -> list[CallCard]:
    """A card for each legislator on the list, in its order, with what this visit has counted
    already: at most three queries (members, their offices, the outcomes). A legislator who
    has left office since the list was made is left out."""
    found = _state_cards(page, session) if session.states else _congress_cards(page, session)
    done = outcomes_so_far(page, session)
    cards = []
    for pk in session.legislator_ids:
        card = found.get(pk)
        if card is not None:
            card.outcome = done.get(pk, "")
            cards.append(card)
    return cards
