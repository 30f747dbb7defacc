"""Serving a LetterPage: the form (cacheable: nothing in it depends on the visitor), then, on
POST, a choice of district when the ZIP code needs one, and the letters.

The letters are answered to the POST itself, never redirected to a URL: a URL would carry the
supporter's name and ZIP code into logs and browser history, and we store nothing to show them
from. That response is private and never cached.
"""

from urllib.parse import quote

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from actions import placeholders
from actions.district_counts import zip_district_keys
from actions.letters.following import fixed_outcome, following_context
from actions.letters.forms import LetterForm, StateLetterForm, screen
from actions.letters.lookup import Outcome, data_status, describe, look_up, place_name
from actions.letters.state_lookup import FIND_YOUR_LEGISLATOR_URL, look_up_state
from actions.letters.state_writing import write_state_letters
from actions.letters.writing import diy_bill_values, rate_limit, record, write_letters
from actions.models.letters import LetterPage
from actions.signing import current_language
from core import serving
from core.attribution import ATTRIBUTION_FIELDS
from core.forms import posted_with_attribution
from core.spam import over_rate_limit
from states.congress import HOUSE_LOOKUP_URL

SPAM_BUCKET = "letters"
# A real submission is well under 2 KB; anything far bigger is refused before it is parsed.
MAX_POST_BYTES = 16 * 1024


def form_class(page):
    return StateLetterForm if page.writes_to_states else LetterForm


def sms_href(page) -> str:
    """An sms: link that opens the phone's messages with the keyword typed in (RFC 5724)."""
    number = page.text_number.strip()
    if not number or not page.text_keyword.strip():
        return ""
    return f"sms:{number}?body={quote(page.text_keyword.strip())}"


def page_context(page, request) -> dict:
    available, data_date, is_published = data_status(page.writes_to_states)
    context = {
        "state_lookup_url": FIND_YOUR_LEGISLATOR_URL,
        "available": available,
        "data_date": data_date,
        "data_date_is_published": is_published,
        "page_url": page.get_url(request=request),
        "house_lookup_url": HOUSE_LOOKUP_URL,
        "sms_href": sms_href(page),
    }
    step = page.bill_step
    if page.is_closed:
        # Its bill died or passed: thank people, ask nothing, and offer no letter to copy. A
        # page that follows its bill says what comes next instead.
        context.update(available=False, closed_bills=page.dead_bills, closed_step=step)
        return context
    if step is not None:
        context.update(following_context(page, step))
    if page.diy_text:
        bill = diy_bill_values(page)
        _intro, subject, letter = page.step_texts()
        context["diy_subject"] = placeholders.diy(subject, bill)
        context["diy_letter"] = placeholders.diy(letter, bill)
    return context


def _render(page, request, context: dict, status: int = 200) -> TemplateResponse:
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if request.method == "POST":
        # What the supporter typed, or letters addressed for them: theirs alone.
        patch_cache_control(response, private=True, no_store=True)
    return response


@serving.handles("serve", LetterPage)
def serve_letter_page(page, request, *args, **kwargs):
    context = page.get_context(request, *args, **kwargs)
    context.update(page_context(page, request))
    if request.method == "POST" and context["available"]:
        return _handle_post(page, request, context)
    context["form"] = form_class(page)() if context["available"] else None
    return _render(page, request, context)


def _handle_post(page, request, context: dict):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_POST_BYTES:
        context.update(form=form_class(page)(), problem="too-large")
        return _render(page, request, context, status=413)
    form = form_class(page)(posted_with_attribution(request))
    if not screen(form, context, "letter"):
        return _render(page, request, context)
    data = form.cleaned_data
    if page.writes_to_states:
        outcome = fixed_outcome(page, context) or look_up_state(
            page, data["zip_code"], form.chosen_districts()
        )
    else:
        outcome = look_up(page, data["zip_code"], data["district"])
    if outcome.kind != "letters":
        context.update(outcome=outcome, zip_code=data["zip_code"])
        return _render(page, request, context)
    if over_rate_limit(request, SPAM_BUCKET, limit=rate_limit()):
        # A person behind a busy shared address is told, with their details kept.
        context["problem"] = "rate-limit"
        return _render(page, request, context, status=429)
    if page.writes_to_states:
        letters = write_state_letters(page, outcome, data)
        emailed = record(page, outcome, letters, data, current_language())
        context.update(state_letters_context(outcome, letters, data, emailed))
        return _render(page, request, context)
    letters = write_letters(page, outcome.delegation, data)
    emailed = record(page, outcome, letters, data, current_language())
    context.update(letters_context(page, outcome, letters, data, emailed))
    return _render(page, request, context)


def state_letters_context(outcome, letters, data: dict, emailed: bool) -> dict:
    return {
        "written": True,
        "letters": letters,
        "outcome": outcome,
        "where": outcome.where,
        "notices": outcome.notices,
        "emailed": emailed,
        "email": data.get("email") if emailed else "",
        "zip_code": data["zip_code"],
        "attribution": {name: data.get(name, "") for name in ATTRIBUTION_FIELDS},
        # "From your district" counts congressional districts: from the ZIP code.
        "district_keys": zip_district_keys(data["zip_code"]),
    }


def letters_context(page, outcome: Outcome, letters, data: dict, emailed: bool) -> dict:
    delegation = outcome.delegation
    district = delegation.district
    chambers = page.chambers_written_to
    representative = delegation.representative
    notices = []
    if "senate" in chambers and not district.has_senators:
        notices.append(
            _("%(place)s has no senators, so there is no letter to the Senate.")
            % {"place": place_name(district.state)}
        )
    if "house" in chambers and representative is None:
        notices.append(
            _(
                "The House seat for %(district)s is vacant: there is nobody to write to there "
                "until it is filled."
            )
            % {"district": describe(delegation, senate_only=False).label}
        )
    if representative is not None and representative.is_delegate and "house" in chambers:
        notices.append(
            _(
                "%(name)s speaks for %(place)s in the House and votes in committee, but cannot "
                "vote on a bill's final passage. Your letter still counts."
            )
            % {"name": representative.full_name, "place": place_name(district.state)}
        )
    if not letters and representative is not None and "house" not in chambers:
        notices.append(
            _("You can still write to %(name)s, who speaks for %(place)s in the House.")
            % {"name": representative.full_name, "place": place_name(district.state)}
        )
    return {
        "written": True,
        "letters": letters,
        "outcome": outcome,
        "where": describe(delegation, senate_only=outcome.senate_only).label,
        "notices": notices,
        "emailed": emailed,
        "email": data.get("email") if emailed else "",
        "zip_code": data["zip_code"],
        "attribution": {name: data.get(name, "") for name in ATTRIBUTION_FIELDS},
        # The district the supporter wrote from (chosen where the ZIP code spans several);
        # letters to senators alone never asked, so the ZIP code's districts.
        "district_keys": (
            zip_district_keys(data["zip_code"]) if outcome.senate_only else [district.key]
        ),
    }
