"""Which step of a campaign a bill is at, and whom supporters write to at that step.

    step = live_step(bill, today)
    step.step        # Step.COMMITTEE, OTHER_CHAMBER, THANKS or CLOSED
    step.reason      # "the latest status, of 11 Mar 2026, is In committee (Senate Judiciary)"
    step.recipients  # Recipients.COMMITTEE, OWN, CHAMBER, SPONSORS or NONE
    step.committee   # the StateCommittee to write to, for Recipients.COMMITTEE
    step.chambers    # the supporter's own chambers to write to, for OWN and CHAMBER

A pure function of the bill's history (prefetched, it costs no query): the letter or call page
that follows a bill (actions), its admin panel, the state page and the map all ask it, so that
they always agree. The recipients themselves are looked up by the caller: a committee's members in one
query, the sponsors still in office in one (`sponsors_in_office`).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from states.models import Bill, BillStatus, BillStatusChange, StateCommittee, StateLegislator
from states.sponsors import Sponsor


class Step(models.TextChoices):
    COMMITTEE = "committee", gettext_lazy("Write to the committee")
    OTHER_CHAMBER = "other_chamber", gettext_lazy("Write to the other chamber")
    THANKS = "thanks", gettext_lazy("Thank the sponsors")
    CLOSED = "closed", gettext_lazy("Closed")


# The same steps worded for a page that asks supporters to call rather than write
# (`by_phone`, an action page's `asks_by_phone`).
CALL_LABELS = {
    Step.COMMITTEE: gettext_lazy("Call the committee"),
    Step.OTHER_CHAMBER: gettext_lazy("Call the other chamber"),
}


class Recipients(models.TextChoices):
    COMMITTEE = "committee", gettext_lazy("the committee's members")
    OWN = "own", gettext_lazy("the supporter's own legislators")
    CHAMBER = "chamber", gettext_lazy("the supporter's member of the other chamber")
    SPONSORS = "sponsors", gettext_lazy("the sponsors still in office")
    NONE = "none", gettext_lazy("nobody")


STEP_OF_STATUS = {
    None: Step.COMMITTEE,
    BillStatus.INTRODUCED: Step.COMMITTEE,
    BillStatus.IN_COMMITTEE: Step.COMMITTEE,
    BillStatus.PASSED_ONE_CHAMBER: Step.OTHER_CHAMBER,
    BillStatus.PASSED: Step.THANKS,
    BillStatus.SIGNED: Step.THANKS,
    BillStatus.FAILED: Step.CLOSED,
    BillStatus.VETOED: Step.CLOSED,
}
OTHER = {"upper": "lower", "lower": "upper"}
BOTH = ("upper", "lower")
# "SB20-217", "S.B. 5", "SF 12", "SJR 3" start in the Senate; "HB 4", "H.F. 9", "AB 7" in the
# House or Assembly. "LB 1" (Nebraska) and anything else: unknown.
ORIGIN = re.compile(r"^\s*(?P<letter>[SHA])\.?\s*(?:JR|CR|[BFJRC])\.?(?=[\s\d-]|$)", re.IGNORECASE)


@dataclass
class LiveStep:
    step: Step
    recipients: Recipients
    reason: str
    change: BillStatusChange | None = None
    committee: StateCommittee | None = None
    chambers: tuple[str, ...] = field(default_factory=tuple)
    by_phone: bool = False  # the action calls rather than writes: its steps say "Call ..."

    @property
    def is_closed(self) -> bool:
        return self.step == Step.CLOSED

    @property
    def label(self) -> str:
        if self.by_phone and self.step in CALL_LABELS:
            return str(CALL_LABELS[self.step])
        return str(self.step.label)


def origin_chamber(number: str) -> str:
    """The chamber a bill started in, read from its number; "" when the number cannot say."""
    match = ORIGIN.match(number)
    if match is None:
        return ""
    return "upper" if match["letter"].upper() == "S" else "lower"


def latest_change(bill: Bill, today: datetime.date | None = None) -> BillStatusChange | None:
    """The latest change dated today or before: a hearing entered ahead of time waits its day."""
    today = today or timezone.localdate()
    past = [change for change in bill.history if change.date <= today]
    return past[-1] if past else None


def live_step(bill: Bill, today: datetime.date | None = None) -> LiveStep:
    change = latest_change(bill, today)
    status = change.status if change else None
    step = STEP_OF_STATUS.get(status, Step.CLOSED)
    if change is None:
        said = _("the bill has no status dated yet")
    else:
        said = _("the latest status, of %(date)s, is %(status)s") % {
            "date": formats.date_format(change.date, "DATE_FORMAT"),
            "status": change.get_status_display(),
        }
    if step == Step.COMMITTEE:
        if change is not None and change.committee_id is not None:
            committee = change.committee
            return LiveStep(
                step,
                Recipients.COMMITTEE,
                _("%(said)s (%(committee)s): writing to the committee's members")
                % {"said": said, "committee": committee.name},
                change,
                committee=committee,
            )
        return LiveStep(
            step,
            Recipients.OWN,
            _(
                "%(said)s, and no committee is named on it: writing to the supporter's own "
                "legislators"
            )
            % {"said": said},
            change,
            chambers=BOTH,
        )
    if step == Step.OTHER_CHAMBER:
        passed = change.chamber or origin_chamber(bill.number)
        if passed in OTHER:
            return LiveStep(
                step,
                Recipients.CHAMBER,
                _("%(said)s (the %(passed)s): writing to the supporter's member of the %(other)s")
                % {
                    "said": said,
                    "passed": chamber_word(passed),
                    "other": chamber_word(OTHER[passed]),
                },
                change,
                chambers=(OTHER[passed],),
            )
        return LiveStep(
            step,
            Recipients.OWN,
            _(
                "%(said)s, but neither the status nor the bill number says which chamber "
                "passed it: writing to the supporter's own legislators"
            )
            % {"said": said},
            change,
            chambers=BOTH,
        )
    if step == Step.THANKS:
        return LiveStep(
            step, Recipients.SPONSORS, _("%(said)s: thanking its sponsors") % {"said": said}, change
        )
    return LiveStep(
        step,
        Recipients.NONE,
        _("%(said)s: the ask is closed and says what comes next") % {"said": said},
        change,
    )


def chamber_word(chamber: str) -> str:
    """'Senate', 'House', 'Legislature' (a unicameral body's joint committee) in the active
    language."""
    return {"upper": _("Senate"), "lower": _("House")}.get(chamber, _("Legislature"))


# Titles in a sponsor line and the chamber they sit in.
TITLE_CHAMBERS = {"Sen.": "upper", "Rep.": "lower", "Del.": "lower"}


def _family_name(sponsor: Sponsor) -> str:
    words = [word for word in sponsor.name.split() if word not in {"Jr.", "Sr.", "II", "III"}]
    return words[-1] if words else ""


def sponsors_in_office(bill: Bill) -> tuple[list[StateLegislator], list[Sponsor]]:
    """(the sponsors who still sit in the bill's legislature, those who do not or whom the data
    cannot tell apart), in one query. A sponsor is matched on family name and the chamber their
    title names, since the bill list writes "Joseph" where Open States writes "Joe"; two members
    who fit are a reason not to guess."""
    sponsors = bill.sponsors
    if sponsors is None or bill.is_federal:
        return [], []
    people = [*sponsors.leads, *sponsors.partners]
    families = {_family_name(person) for person in people}
    candidates: dict[tuple[str, str], list[StateLegislator]] = {}
    for member in StateLegislator.objects.filter(state=bill.jurisdiction, family_name__in=families):
        candidates.setdefault((member.family_name, member.chamber), []).append(member)
    found, missing = [], []
    for person in people:
        chamber = TITLE_CHAMBERS.get(person.title)
        family = _family_name(person)
        fits = (
            candidates.get((family, chamber), [])
            if chamber
            else [m for (name, _c), ms in candidates.items() if name == family for m in ms]
        )
        if len(fits) > 1:
            # "Joe Cervantes" for "Joseph Cervantes": the given name decides when it can.
            first = person.name.split()[0][:3].casefold()
            fits = [m for m in fits if m.given_name[:3].casefold() == first]
        if len(fits) == 1 and fits[0] not in found:
            found.append(fits[0])
        else:
            missing.append(person)
    return found, missing


@dataclass
class LiveBill:
    """A state's live bill: the bill its take-action page follows, at its live step."""

    bill: Bill
    step: LiveStep
    action: object  # the action page (a Page), one click away


def followed_bills(
    action_ids, today: datetime.date | None = None, locale_id: int | None = None
) -> dict[int, LiveBill]:
    """The bills the given action pages follow, keyed by page id, in a fixed number of queries
    however many pages: the pages, their specific rows (one per page type), the bills and
    their histories with committees; with `locale_id`, one more for the actions' translations
    in that language (each LiveBill.action is then the translation, where there is a live one).

    States never import actions: an action page follows a bill when its specific page has
    `follows_bill` set and a `bill_id` (actions/models/following.py); any page type may (a
    letter or a call page), and one with `asks_by_phone` words its steps as calls."""
    ids = [pk for pk in action_ids if pk]
    if not ids:
        return {}
    pages = [
        page
        for page in Page.objects.filter(pk__in=ids).live().specific()
        if getattr(page, "follows_bill", False) and getattr(page, "bill_id", None)
    ]
    bills = Bill.objects.filter(pk__in={page.bill_id for page in pages}).prefetch_related(
        Prefetch("status_changes", BillStatusChange.objects.select_related("committee"))
    )
    by_id = {bill.pk: bill for bill in bills}
    translations = {}
    if locale_id is not None and pages:
        translations = {
            page.translation_key: page
            for page in Page.objects.live().filter(
                locale_id=locale_id, translation_key__in=[page.translation_key for page in pages]
            )
        }
    found = {}
    for page in pages:
        bill = by_id.get(page.bill_id)
        if bill is not None and not bill.is_federal:
            action = translations.get(page.translation_key, page)
            step = live_step(bill, today)
            step.by_phone = bool(getattr(page, "asks_by_phone", False))
            found[page.pk] = LiveBill(bill, step, action)
    return found
