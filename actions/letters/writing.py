"""Filling in the letters, counting them, and the email copy.

    letters = write_letters(page, outcome.delegation, cleaned_data)
    emailed = record(page, outcome, letters, cleaned_data, language)

`record` saves one LetterSent row per letter (nothing about the writer), once however often the
same form is sent, and, only when the supporter asked for it, queues the email copy through the
outbox, in one transaction.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from actions import placeholders
from actions.letters.lookup import place_name
from actions.models.letters import LetterSent
from actions.phones import tel_href
from actions.signing import public_url
from core.attribution import ATTRIBUTION_FIELDS
from core.outbox import queue_email
from states.congress import Delegation
from states.models import Legislator

EMAIL_TEMPLATE = "actions/emails/letters_copy"
# The parties as the public data names them, said in the visitor's language.
PARTIES = {
    "Democrat": _("Democrat"),
    "Republican": _("Republican"),
    "Independent": _("Independent"),
}


def copy_interval() -> int:
    """The same letters to the same address go out at most once per interval, however often
    the form is sent (nobody can flood someone's inbox by resubmitting)."""
    return int(getattr(settings, "LETTER_COPY_INTERVAL_SECONDS", 3600))


def rate_limit() -> int:
    """Letter submissions per IP per SPAM_RATE_LIMIT_WINDOW: more than a newsletter sign-up
    allows, because a class or an office may write together from one network."""
    return int(getattr(settings, "LETTER_RATE_LIMIT_COUNT", 60))


@dataclass
class Letter:
    legislator: Legislator
    subject: str
    body: str

    @property
    def heading(self) -> str:
        return f"{self.legislator.title} {self.legislator.full_name}"

    @property
    def party(self) -> str:
        party = self.legislator.party
        return str(PARTIES.get(party, party))

    @property
    def phone_href(self) -> str:
        return tel_href(self.legislator.phone)

    # What record() counts; a StateLetter (state_writing.py) has the same.
    @property
    def legislator_key(self) -> str:
        return self.legislator.bioguide_id

    @property
    def legislator_name(self) -> str:
        return self.legislator.full_name

    @property
    def chamber(self) -> str:
        return self.legislator.chamber

    district_key = ""  # the outcome's district, the same for every letter

    def as_email(self) -> dict:
        member = self.legislator
        return {
            "heading": self.heading,
            "seat": member.seat,
            "subject": self.subject,
            "body": self.body,
            "contact_form_url": member.contact_form_url,
            "website": member.website,
            "phone": member.phone,
        }


def bill_values(bill) -> dict[str, str]:
    if bill is None:
        return {}
    number = bill.number.strip()
    return {
        "bill": f"{bill.title} ({number})" if number else bill.title,
        "bill_title": bill.title,
        "bill_number": number,
    }


def diy_bill_values(page) -> dict[str, str]:
    """The bill as the hand-copied letter names it: both numbers when each chamber has its own."""
    bills = [page.bill_for(chamber) for chamber in page.chambers_written_to]
    bills = [bill for bill in dict.fromkeys(bills) if bill is not None]
    if len(bills) < 2:
        return bill_values(bills[0] if bills else None)
    senate, house = page.bill_for("senate"), page.bill_for("house")
    numbers = _("%(senate)s in the Senate, %(house)s in the House") % {
        "senate": senate.number.strip(),
        "house": house.number.strip(),
    }
    return {
        "bill": f"{house.title} ({numbers})",
        "bill_title": house.title,
        "bill_number": numbers,
    }


def write_letters(page, delegation: Delegation, person: dict) -> list[Letter]:
    """One filled-in letter per member the page writes to, senators first, each asking for
    its own chamber's bill."""
    base = {
        "full_name": person["full_name"],
        "city": person["city"],
        "state": place_name(delegation.district.state),
        "zip_code": person["zip_code"],
    }
    letters = []
    for member in delegation.for_chambers(page.chambers_written_to):
        values = {
            **base,
            **bill_values(page.bill_for(member.chamber)),
            "legislator_title": member.title,
            "legislator_full_name": member.full_name,
            "legislator_last_name": member.last_name,
        }
        letters.append(
            Letter(
                legislator=member,
                subject=placeholders.fill(page.subject, values),
                body=placeholders.fill(page.letter_template, values),
            )
        )
    return letters


def _address_digest(email: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), email.encode(), hashlib.sha256).hexdigest()[:20]


def _counted_key(page, outcome, person: dict) -> str:
    """The same form sent again carries the same signed start time (form_started, unique to
    each page view): a refresh of the letters, back and send again, a double click. Keyed with
    the name too, so that a second person using the same page on a shared computer counts; only
    a keyed digest, kept in the cache for the interval, never the name itself."""
    sent = "|".join(
        [
            page.translation_key.hex,
            outcome.district_key,
            person.get("form_started") or "",
            person["full_name"].casefold(),
        ]
    )
    digest = hmac.new(settings.SECRET_KEY.encode(), sent.encode(), hashlib.sha256).hexdigest()
    return f"letters-counted:{digest[:32]}"


def record(page, outcome, letters: list, person: dict, language: str) -> bool:
    """Count the letters, once per form sent, and, if asked, queue the email copy, in one
    transaction. Returns whether a copy was queued (or had been, for the same letters within
    the interval)."""
    wants_copy = bool(person.get("email_copy") and person.get("email"))
    counted_key = _counted_key(page, outcome, person)
    first_time = cache.add(counted_key, True, timeout=copy_interval())
    try:
        with transaction.atomic():
            if first_time:
                LetterSent.objects.bulk_create(
                    [
                        LetterSent(
                            action_key=page.translation_key,
                            legislator_id=letter.legislator_key,
                            legislator_name=letter.legislator_name[:200],
                            chamber=letter.chamber,
                            district_key=(letter.district_key or outcome.district_key)[:80],
                            constituent=outcome.constituent,
                            language=language,
                            **{name: person.get(name, "") for name in ATTRIBUTION_FIELDS},
                        )
                        for letter in letters
                    ]
                )
            if wants_copy and letters:
                window = int(time.time() // copy_interval())
                queue_email(
                    to=person["email"],
                    template=EMAIL_TEMPLATE,
                    language=language,
                    context=email_context(page, outcome, letters, person),
                    idempotency_key=(
                        f"letters:{page.translation_key.hex}:{outcome.district_key}:"
                        f"{_address_digest(person['email'])}:{window}"
                    ),
                )
                return True
    except Exception:
        if first_time:
            cache.delete(counted_key)  # nothing was counted: sending again must count
        raise
    return False


def email_context(page, outcome, letters: list, person: dict) -> dict:
    return {
        "full_name": person["full_name"],
        "page_title": page.title,
        "page_url": public_url(page),
        "place": outcome.place,
        "sending_tips": page.sending_tips,
        "letters": [letter.as_email() for letter in letters],
    }
