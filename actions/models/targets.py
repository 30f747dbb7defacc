"""What a page that turns a ZIP code into legislators shares, whether it writes (LetterPage) or
calls (CallPage): which chambers it reaches, the bill each chamber is asked for, whether that
bill is still alive, and the checks an editor's placeholders and bills get on saving.

Fields stay on each page (their help text speaks of letters or calls); the pages only need
`chambers`, `bill`, `bill_id`, `senate_bill` and `senate_bill_id`, and name the fields holding
placeholders in `placeholder_fields`. The rows that count what reached each legislator (a
letter written, a call's outcome) share their legislator fields: LegislatorTally.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from actions import placeholders
from states.models import FEDERAL


class Chambers(models.TextChoices):
    BOTH = "both", _("Senators and representative")
    SENATE = "senate", _("Senators only")
    HOUSE = "house", _("Representative only")
    # Letters to the supporter's state legislature (actions/letters/state_lookup.py). A state
    # with one chamber (Nebraska, the DC Council) is written to whichever is chosen.
    STATE_BOTH = "state", _("State senator and state representative")
    STATE_UPPER = "state_up", _("State senator only")
    STATE_LOWER = "state_low", _("State representative only")


CHAMBERS_WRITTEN_TO = {
    Chambers.BOTH: ("senate", "house"),
    Chambers.SENATE: ("senate",),
    Chambers.HOUSE: ("house",),
    Chambers.STATE_BOTH: ("upper", "lower"),
    Chambers.STATE_UPPER: ("upper",),
    Chambers.STATE_LOWER: ("lower",),
}
STATE_CHAMBERS = frozenset({Chambers.STATE_BOTH, Chambers.STATE_UPPER, Chambers.STATE_LOWER})


class LegislatorTargetsMixin:
    """Chambers and bills of a page that reaches a supporter's legislators."""

    placeholder_fields: tuple[str, ...] = ()
    # A page that follows its bill (actions.models.following.FollowsBillMixin, listed before
    # this mixin) has a live step that decides its chambers; other pages have none.
    follows_bill = False
    bill_step = None

    def bill_for(self, chamber: str):
        """The bill members of `chamber` ('senate' or 'house') are asked to support."""
        if chamber == "senate" and self.senate_bill_id is not None:
            return self.senate_bill
        return self.bill

    @property
    def writes_to_states(self) -> bool:
        return self.chambers in STATE_CHAMBERS

    @property
    def chambers_chosen(self) -> tuple[str, ...]:
        return CHAMBERS_WRITTEN_TO.get(self.chambers, CHAMBERS_WRITTEN_TO[Chambers.BOTH])

    @cached_property
    def chambers_written_to(self) -> tuple[str, ...]:
        """The chambers chosen, less any whose bill is no longer alive: nobody is asked to
        support a bill that has died, passed or been vetoed. Kept for the request: the form,
        the closed notice and the copy-it-yourself letter all ask, and each bill's status is a
        query."""
        if self.bill_step is not None:
            return self.step_chambers(self.chambers_chosen)
        return tuple(
            chamber
            for chamber in self.chambers_chosen
            if (bill := self.bill_for(chamber)) is None or bill.is_alive
        )

    @property
    def asked_bills(self) -> list:
        bills = []
        for chamber in self.chambers_chosen:
            bill = self.bill_for(chamber)
            if bill is not None and bill not in bills:
                bills.append(bill)
        return bills

    @property
    def dead_bills(self) -> list:
        """The bills this page asks for that are no longer before the legislature (none when it
        follows its bill: its ask changes instead)."""
        if self.follows_bill:
            return []
        return [bill for bill in self.asked_bills if not bill.is_alive]

    @property
    def is_closed(self) -> bool:
        """Every chamber's bill has died or passed: the page thanks people and asks nothing."""
        if self.bill_step is not None:
            return self.bill_step.is_closed
        return not self.chambers_written_to

    def target_errors(self) -> dict:
        """Errors by field: unknown or unpaired placeholders, a bill placeholder with no bill, a
        dead bill, a Senate bill outside Congress."""
        errors = {}
        has_bill = self.bill_id is not None
        for name in self.placeholder_fields:
            problems = placeholders.placeholder_errors(getattr(self, name), has_bill=has_bill)
            if problems:
                errors[name] = problems
        for name in ("bill", "senate_bill"):
            bill = getattr(self, name)
            if bill is not None and not bill.is_alive and not self.follows_bill:
                errors[name] = _(
                    "%(bill)s is no longer before the legislature (%(status)s, %(date)s). "
                    "Choose a bill that is alive, or none: supporters must never be asked to "
                    "back a dead bill."
                ) % {
                    "bill": bill.number,
                    "status": bill.status_label.lower() if bill.status_label else _("no status"),
                    "date": bill.status_date or "",
                }
        if self.writes_to_states and self.senate_bill_id is not None:
            errors["senate_bill"] = _(
                "A letter to state legislators asks both chambers for the bill above: leave the "
                "Senate bill empty."
            )
        elif self.senate_bill is not None and self.senate_bill.jurisdiction != FEDERAL:
            errors["senate_bill"] = _("Choose a bill in Congress (a federal bill).")
        return errors


class LegislatorTally(models.Model):
    """Whom a counted letter or call reached (LetterSent, CallOutcome): the legislator, kept by
    name too, their chamber, the district the supporter acted from, and whether the legislator
    is the supporter's own (a constituent packet counts only those). Nothing about the
    supporter."""

    legislator_id = models.CharField(
        _("legislator"),
        max_length=60,
        help_text=_(
            "The legislator's Bioguide id, or a state legislator's Open States id (ocd-person/…)."
        ),
    )
    legislator_name = models.CharField(
        _("legislator's name"),
        max_length=200,
        help_text=_("Kept so that the count survives the legislator leaving Congress."),
    )
    chamber = models.CharField(
        _("chamber"),
        max_length=11,
        help_text=_("senate or house; for a state legislator upper, lower or legislature."),
    )
    district_key = models.CharField(
        _("district"),
        max_length=80,
        help_text=_(
            "e.g. CO-7, WY-0; a state alone for senators; a state district as MN 63A, "
            "NH Belknap 2, DC Ward 3."
        ),
    )
    # False for a bill's committee members or sponsors (actions/letters/following.py): they are
    # written to or called wherever the supporter lives, so the row says nothing about their
    # constituents. Rows recorded before this field existed are all True (see docs/calls.md).
    constituent = models.BooleanField(
        _("constituent"),
        default=True,
        help_text=_(
            "Sent to the supporter's own legislator, found from their ZIP code; false for a "
            "bill's committee members or sponsors, written to wherever the supporter lives."
        ),
    )

    class Meta:
        abstract = True
