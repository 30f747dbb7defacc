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
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction

from actions import placeholders
from actions.letters.lookup import place_name
from actions.letters.writing import PARTIES, bill_values
from actions.models.calls import CallOutcome, Outcome
from actions.phones import tel_href
from core.attribution import ATTRIBUTION_FIELDS
from states.models import DistrictOffice, Legislator

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
    full_name: str = ""
    city: str = ""
    zip_code: str = ""
    attribution: dict = field(default_factory=dict)

    @property
    def state(self) -> str:
        return self.district_key.partition("-")[0]


def new_session(page, outcome, person: dict) -> Session:
    members = outcome.delegation.for_chambers(page.chambers_written_to)
    return Session(
        nonce=secrets.token_hex(16),
        district_key=outcome.district_key,
        legislator_ids=[member.pk for member in members],
        full_name=person.get("full_name", ""),
        city=person.get("city", ""),
        zip_code=person["zip_code"],
        attribution={name: person[name] for name in ATTRIBUTION_FIELDS if person.get(name)},
    )


def sign(page, session: Session) -> str:
    payload = {
        "p": page.translation_key.hex,
        "n": session.nonce,
        "d": session.district_key,
        "m": session.legislator_ids,
        "f": session.full_name,
        "c": session.city,
        "z": session.zip_code,
        "a": session.attribution,
    }
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
        full_name=str(payload.get("f", "")),
        city=str(payload.get("c", "")),
        zip_code=str(payload.get("z", "")),
        attribution={
            name: str(value)
            for name, value in (payload.get("a") or {}).items()
            if name in ATTRIBUTION_FIELDS
        },
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


def record(page, session: Session, member: Legislator, outcome: str, language: str) -> str:
    """Count the outcome of the call to `member`, once: 'counted', 'same' (sent again), or
    'changed' (another button pressed for the same call later, e.g. after going back: the
    latest choice is kept, still one row)."""
    digest = call_digest(session, member.pk)
    with transaction.atomic():
        row, created = CallOutcome.objects.get_or_create(
            action_key=page.translation_key,
            legislator_id=member.pk,
            call_digest=digest,
            defaults={
                "legislator_name": member.full_name[:200],
                "chamber": member.chamber,
                "district_key": (
                    member.state if member.chamber == "senate" else session.district_key
                )[:80],
                "outcome": outcome,
                "language": language,
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


@dataclass
class CallCard:
    legislator: Legislator
    script: str
    capitol: Office | None
    nearest: Office | None
    # Why `nearest` comes first: "zip" (same ZIP code), "area" (same first three digits, the
    # same postal sorting area) or "" (no office near by that measure: listed in the data order).
    nearest_by: str
    other_offices: list[Office]
    outcome: str = ""  # already counted for this visit

    @property
    def heading(self) -> str:
        return f"{self.legislator.title} {self.legislator.full_name}"

    @property
    def party(self) -> str:
        party = self.legislator.party
        return str(PARTIES.get(party, party))

    @property
    def outcome_label(self) -> str:
        return str(Outcome(self.outcome).label) if self.outcome else ""


def _office(office: DistrictOffice) -> Office:
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
    )


def rank_offices(offices: list[DistrictOffice], zip_code: str) -> tuple[list[DistrictOffice], str]:
    """District offices with a phone, the nearest first by the only measure the data allows
    without inventing geography: the office in the caller's ZIP code, else one in the same
    three-digit postal area; otherwise as listed. (Offices have coordinates in the publisher's
    file, but ZIP codes have none in our data: see docs/calls.md.)"""
    callable_offices = [office for office in offices if office.phone]
    zip5 = (zip_code or "")[:5]
    same_zip = [o for o in callable_offices if o.zip_code[:5] == zip5 and zip5]
    if same_zip:
        rest = [o for o in callable_offices if o not in same_zip]
        return same_zip + rest, "zip"
    same_area = [o for o in callable_offices if zip5 and o.zip_code[:3] == zip5[:3]]
    if same_area:
        rest = [o for o in callable_offices if o not in same_area]
        return same_area + rest, "area"
    return callable_offices, ""


def script_values(page, session: Session, member: Legislator) -> dict[str, str]:
    """The values for the script; the caller's name and city only when they typed them (the
    rest of the script shows [your full name] and [your city] from placeholders.diy)."""
    values = {
        "full_name": session.full_name,
        "city": session.city,
        "state": place_name(session.state),
        "zip_code": session.zip_code,
        **bill_values(page.bill_for(member.chamber)),
        "legislator_title": member.title,
        "legislator_full_name": member.full_name,
        "legislator_last_name": member.last_name,
    }
    return {name: value for name, value in values.items() if value}


def call_cards(page, session: Session) -> list[CallCard]:
    """A card for each legislator on the list, in its order (senators first), with what this
    visit has counted already: three queries (members, their offices, the outcomes)."""
    members = {
        member.pk: member
        for member in Legislator.objects.filter(pk__in=session.legislator_ids).prefetch_related(
            "offices"
        )
    }
    done = outcomes_so_far(page, session)
    cards = []
    for pk in session.legislator_ids:
        member = members.get(pk)
        if member is None:
            continue  # left Congress since the list was made
        ranked, nearest_by = rank_offices(list(member.offices.all()), session.zip_code)
        offices = [_office(office) for office in ranked]
        capitol = None
        if member.phone:
            capitol = Office(
                label="",
                phone=member.phone,
                phone_href=tel_href(member.phone),
                address=member.office_address,
            )
        cards.append(
            CallCard(
                legislator=member,
                script=placeholders.diy(page.script, script_values(page, session, member)),
                capitol=capitol,
                nearest=offices[0] if offices else None,
                nearest_by=nearest_by,
                other_offices=offices[1:],
                outcome=done.get(pk, ""),
            )
        )
    return cards
