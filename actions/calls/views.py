"""Serving a CallPage. GET: the ZIP form (cacheable: nothing in it depends on the visitor). POST
of the form: a choice of district when the ZIP code needs one, else the first call card. POST of
an outcome button: that call counted once, then the next card, or the summary after the last.

Every answer to a POST is private and never cached, and never redirected to a URL that would
carry the caller's ZIP code or name into logs and history: each card's buttons post the signed
call list again (calling.py), so the whole call-through works with JS off.
"""

from django.core import signing
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from actions import placeholders
from actions.calls import calling
from actions.calls.forms import CallForm, OutcomeForm, StateCallForm
from actions.letters.following import fixed_outcome, following_context
from actions.letters.forms import screen
from actions.letters.lookup import data_status, look_up
from actions.letters.state_lookup import FIND_YOUR_LEGISLATOR_URL, look_up_state
from actions.letters.writing import diy_bill_values
from actions.models.calls import CallPage, Outcome
from actions.signing import current_language
from core import serving
from core.forms import posted_with_attribution
from core.spam import over_rate_limit
from states.congress import HOUSE_LOOKUP_URL

SPAM_BUCKET = "calls"
MAX_POST_BYTES = 16 * 1024


def form_class(page):
    return StateCallForm if page.writes_to_states else CallForm


def page_context(page, request) -> dict:
    available, data_date, is_published = data_status(page.writes_to_states)
    context = {
        "state_lookup_url": FIND_YOUR_LEGISLATOR_URL,
        "available": available,
        "data_date": data_date,
        "data_date_is_published": is_published,
        "page_url": page.get_url(request=request),
        "house_lookup_url": HOUSE_LOOKUP_URL,
        "outcome_choices": Outcome.choices,
        "calls": True,  # actions/includes/bill_step.html speaks of calls, not letters
    }
    step = page.bill_step
    if page.is_closed:
        # A page that follows its bill says what comes next (closed_step) once it has failed.
        context.update(available=False, closed_bills=page.dead_bills, closed_step=step)
        return context
    if step is not None:
        context.update(following_context(page, step))
    # The script as every caller reads it before looking up: placeholders as [labels].
    context["diy_script"] = placeholders.diy(page.step_script(), diy_bill_values(page))
    return context


def _render(page, request, context: dict, status: int = 200) -> TemplateResponse:
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if request.method == "POST":
        patch_cache_control(response, private=True, no_store=True)
    return response


def _too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    return length > MAX_POST_BYTES


@serving.handles("serve", CallPage)
def serve_call_page(page, request, *args, **kwargs):
    context = page.get_context(request, *args, **kwargs)
    context.update(page_context(page, request))
    if request.method == "POST" and context["available"]:
        if _too_large(request):
            context.update(form=form_class(page)(), problem="too-large")
            return _render(page, request, context, status=413)
        if "call" in request.POST:
            return _handle_outcome(page, request, context)
        return _handle_lookup(page, request, context)
    context["form"] = form_class(page)() if context["available"] else None
    return _render(page, request, context)


def _handle_lookup(page, request, context: dict):
    form = form_class(page)(posted_with_attribution(request))
    if not screen(form, context, "call"):
        return _render(page, request, context)
    data = form.cleaned_data
    if page.writes_to_states:
        # At a step that calls a fixed group (the committee, the sponsors) the ZIP code only
        # fills in the script.
        outcome = fixed_outcome(page, context) or look_up_state(
            page, data["zip_code"], form.chosen_districts()
        )
    else:
        outcome = look_up(page, data["zip_code"], data["district"])
    if outcome.kind != "letters":
        context.update(outcome=outcome, zip_code=data["zip_code"])
        return _render(page, request, context)
    session = calling.new_session(page, outcome, data)
    return _render_card(page, request, context, session)


def _start_again(page, request, context: dict, problem: str, status: int):
    context.update(form=form_class(page)(), problem=problem)
    return _render(page, request, context, status=status)


def _handle_outcome(page, request, context: dict):
    form = OutcomeForm(request.POST)
    token = request.POST.get("call", "")[:4000]
    try:
        session = calling.unsign(page, token)
    except signing.SignatureExpired:
        return _start_again(page, request, context, "expired", 200)
    if session is None:
        return _start_again(page, request, context, "unreadable", 400)
    notice = ""
    status = 200
    if not form.is_valid():
        # A legislator or outcome missing or malformed: the same card again, with what is wrong.
        notice = _("Choose one of the buttons below to say how the call went.")
        return _render_card(page, request, context, session, notice=notice, status=400)
    legislator_id = form.cleaned_data["legislator"]
    if legislator_id not in session.legislator_ids:
        notice = _(
            "That legislator is not on your call list, so nothing was counted. Here is your "
            "next call."
        )
        return _render_card(page, request, context, session, notice=notice, status=400)
    if over_rate_limit(request, SPAM_BUCKET, limit=calling.rate_limit()):
        notice = _(
            "Many calls were reported from your internet connection in the last hour, so this "
            "one was not counted. Please try again later."
        )
        return _render_card(page, request, context, session, notice=notice, status=429)
    cards = calling.call_cards(page, session)
    card = next((card for card in cards if card.legislator_id == legislator_id), None)
    if card is None:
        notice = _("That legislator has left office since your list was made: nothing to count.")
        return _render_card(page, request, context, session, notice=notice)
    result = calling.record(page, session, card, form.cleaned_data["outcome"], current_language())
    label = Outcome(form.cleaned_data["outcome"]).label
    name = card.heading
    if result == "same":
        notice = _("Your call to %(name)s was already counted: “%(outcome)s”.") % {
            "name": name,
            "outcome": label,
        }
    elif result == "changed":
        notice = _("Your call to %(name)s is now counted as “%(outcome)s”.") % {
            "name": name,
            "outcome": label,
        }
    else:
        notice = _("Thank you. Your call to %(name)s is counted: “%(outcome)s”.") % {
            "name": name,
            "outcome": label,
        }
    return _render_card(page, request, context, session, notice=notice, status=status)


def _render_card(page, request, context, session, notice="", status=200):
    """The next card not yet called in this visit; the summary when every call is counted."""
    cards = calling.call_cards(page, session)
    to_call = [card for card in cards if not card.outcome]
    context.update(
        {
            "calling": True,
            "cards": cards,
            "card": to_call[0] if to_call else None,
            "position": (cards.index(to_call[0]) + 1) if to_call else len(cards),
            "token": calling.sign(page, session),
            "notice": notice,
            "zip_code": session.zip_code,
            "attribution": session.attribution,
        }
    )
    return _render(page, request, context, status=status)
