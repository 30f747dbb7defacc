"""Filling in the letters to state legislators: one per member of each district written to.

    letters = write_state_letters(page, outcome, cleaned_data)

They are counted and emailed by writing.record, like the letters to Congress.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from actions import placeholders
from actions.letters.state_lookup import Seat, StateOutcome
from actions.letters.writing import PARTIES, bill_values
from actions.phones import tel_href
from states.models import StateLegislator

OFFICE_NAMES = {
    "capitol": _("Capitol office"),
    "district": _("District office"),
    "primary": _("Office"),
}


@dataclass
class StateLetter:
    legislator: StateLegislator
    seat: Seat
    subject: str
    body: str
    is_state = True

    @property
    def heading(self) -> str:
        """'Senator Omar Fateh', 'Senadora …', 'Councilmember …' in the visitor's language."""
        return f"{self.legislator.title} {self.legislator.name}"

    @property
    def seat_label(self) -> str:
        return self.seat.label

    @property
    def party(self) -> str:
        party = self.legislator.party
        return str(PARTIES.get(party, party))

    @property
    def offices(self) -> list[dict]:
        """Each office with an address or phone, its kind said in the visitor's language."""
        return [
            {
                "name": str(OFFICE_NAMES.get(office.get("classification"), _("Office"))),
                "address": office.get("address", ""),
                "phone": office.get("phone", ""),
                "phone_href": tel_href(office.get("phone", "")),
            }
            for office in self.legislator.offices
            if office.get("address") or office.get("phone")
        ]

    # What writing.record counts.
    @property
    def legislator_key(self) -> str:
        return self.legislator.person_id

    @property
    def legislator_name(self) -> str:
        return self.legislator.name

    @property
    def chamber(self) -> str:
        return self.legislator.chamber

    @property
    def district_key(self) -> str:
        return f"{self.legislator.state} {self.legislator.district}"

    def as_email(self) -> dict:
        member = self.legislator
        return {
            "heading": self.heading,
            "seat": self.seat_label,
            "subject": self.subject,
            "body": self.body,
            "contact_form_url": "",
            "email": member.email,
            "website": member.homepage,
            "phone": member.phone,
        }


def write_state_letters(page, outcome: StateOutcome, person: dict) -> list[StateLetter]:
    """Upper chamber first, then lower; each member of a multi-member district gets one."""
    base = {
        "full_name": person["full_name"],
        "city": person["city"],
        "state": outcome.place,
        "zip_code": person["zip_code"],
        **bill_values(page.bill),
    }
    _intro, subject, letter = page.step_texts()
    letters = []
    for seat in outcome.seats:
        for member in seat.members:
            values = {
                **base,
                "legislator_title": member.title,
                "legislator_full_name": member.name,
                "legislator_last_name": member.family_name or member.name.rsplit(" ", 1)[-1],
            }
            letters.append(
                StateLetter(
                    legislator=member,
                    seat=seat,
                    subject=placeholders.fill(subject, values),
                    body=placeholders.fill(letter, values),
                )
            )
    return letters
