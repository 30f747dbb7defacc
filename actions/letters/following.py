"""What a letter or call page that follows its bill shows at the live step (states.bill_steps):
whom the letters or calls go to, in at most two queries whatever the size of the committee."""

from django.utils.translation import gettext as _

from actions.letters.lookup import place_name
from actions.letters.state_lookup import StateOutcome, group_outcome
from states.bill_steps import LiveStep, Recipients, Step, chamber_word, sponsors_in_office


def following_context(page, step: LiveStep) -> dict:
    context = {"step": step, "step_intro": page.step_intro(), "followed_bill": page.bill}
    bill = page.bill
    if step.recipients == Recipients.COMMITTEE:
        committee = step.committee
        members = list(committee.members.order_by("family_name", "name"))
        context["group"] = members
        context["group_label"] = committee_label(committee)
        context["group_key"] = committee.name
        if not members:
            context["available"] = False
            context["empty_group"] = True
    elif step.recipients == Recipients.SPONSORS:
        found, missing = sponsors_in_office(bill)
        context["group"] = found
        context["group_label"] = _("the sponsors of %(bill)s") % {"bill": bill.number}
        context["group_key"] = bill.number
        context["unthanked"] = missing
        if not found:
            # Said plainly: nobody to address thanks to (they have all left, or the data
            # cannot tell which member is meant).
            context["available"] = False
            context["nobody_to_thank"] = True
    elif step.step == Step.OTHER_CHAMBER and step.recipients == Recipients.CHAMBER:
        context["other_chamber"] = chamber_word(step.chambers[0])
    return context


def committee_label(committee) -> str:
    """'Judiciary and Public Safety committee, Minnesota Senate'."""
    return _("%(committee)s committee, %(place)s %(chamber)s") % {
        "committee": committee.name,
        "place": place_name(committee.state),
        "chamber": chamber_word(committee.chamber),
    }


def fixed_outcome(page, context: dict) -> StateOutcome | None:
    """The letters' (or calls') outcome when the live step writes to a fixed group, else None
    (the ZIP code decides, as for any state letter or call)."""
    if "group" not in context:
        return None
    return group_outcome(
        page.bill.jurisdiction, context["group_label"], context["group_key"], context["group"]
    )
