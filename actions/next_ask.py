"""The next ask on a thank-you page (issue 24): what a supporter who has just signed or written
is offered, as editors set it in Settings → After acting (actions.models.AfterActing).

- The next action: the one editors chose, else the site's default next step, else an open
  letter, else a featured petition, in the supporter's language, never the action they have
  just taken and never a closed one. Which actions those are is kept in the site cache until a
  publish (as for the next step at the end of a story); the count is live.
- A donate link that carries the supporter's source code and utm_* tags, so the donation
  platform credits the email or post that brought them.
- The share kit in the supporter's language.
- A call to the same legislators (issue 23): an open call page in the supporter's language
  that reaches the same legislators as the letter just written (Congress, or the state
  legislature) and, first, one asking for the same bill; after a petition or pledge, an open
  call page to Congress, first one asking for a federal bill. Kept in the site cache like the
  next action.
- "From your district": the signatures, letters and calls that came from the supporter's
  congressional district (actions/district_counts.py), live, counts only.
"""

from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale

from actions.district_counts import district_counts
from actions.letters.lookup import district_label, joined_names
from actions.models import AfterActing, CallPage
from actions.models.letters import LetterPage
from actions.next_step import Step, candidate_steps, progress, step_of
from core import site_cache
from core.attribution import UTM_FIELDS
from states.models import FEDERAL

# Open letters looked at when neither the settings nor the site's default offer another action.
LETTER_FALLBACKS = 3
# Call pages looked at for "call the same legislators" (a site has a few).
CALL_CANDIDATES = 10


def donate_href(url: str, parameter: str, tags: dict[str, str]) -> str:
    """The donate link with the supporter's source (under the platform's own name for it) and
    utm_* tags added; a tag the link already sets is kept when the supporter has none."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if tags.get("source"):
        query[parameter or "source"] = tags["source"]
    for name in UTM_FIELDS:
        if tags.get(name):
            query[name] = tags[name]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _candidates(chosen_id: int | None, request: HttpRequest) -> list[Step]:
    steps = candidate_steps(chosen_id, request)
    seen = {step.page_id for step in steps}
    letters = (
        LetterPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .exclude(pk__in=seen)
        .order_by("path")[:LETTER_FALLBACKS]
    )
    return steps + [step_of(page, request) for page in letters]


def next_action(request: HttpRequest, chosen_id: int | None, taken_key) -> Step | None:
    """The first open action among the candidates that is not the one just taken."""
    candidates = site_cache.cached(
        "next-ask",
        lambda: _candidates(chosen_id, request),
        chosen_id or 0,
        get_language(),
        request.get_host(),
    )
    return next(
        (
            step
            for step in candidates
            if not step.is_closed and step.translation_key != str(taken_key)
        ),
        None,
    )


def _bill_keys(bills) -> set[str]:
    return {str(bill.translation_key) for bill in bills if bill is not None}


def _call_steps(page, request: HttpRequest) -> list[Step]:
    """The call pages that reach the legislators `page` reaches, best first: same level
    (Congress or the state legislature), then the same bill, then one sharing a chamber, then
    the page tree's order. Two queries and each candidate bill's status, once per generation."""
    writes_to_states = bool(getattr(page, "writes_to_states", False))
    if isinstance(page, LetterPage):
        bills = _bill_keys(page.asked_bills)
        chambers = set(page.chambers_chosen)
    else:
        # A petition or pledge names no bill: its target is Congress.
        bills, chambers = set(), set()
    calls = (
        CallPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .exclude(translation_key=page.translation_key)
        .select_related("bill", "senate_bill")
        .order_by("path")[:CALL_CANDIDATES]
    )

    def rank(call):
        asked = call.asked_bills
        if bills:
            same_bill = bool(_bill_keys(asked) & bills)
        else:
            same_bill = any(bill.jurisdiction == FEDERAL for bill in asked)
        return (not same_bill, not (chambers & set(call.chambers_chosen)), call.path)

    return [
        replace(step_of(call, request), kind="call", closed=call.is_closed)
        for call in sorted(
            (call for call in calls if call.writes_to_states == writes_to_states), key=rank
        )
    ]


def call_step(request: HttpRequest, page) -> Step | None:
    """The first open call page that reaches the same legislators; None when there is none."""
    candidates = site_cache.cached(
        "next-call",
        lambda: _call_steps(page, request),
        str(page.translation_key),
        get_language(),
        request.get_host(),
    )
    return next((step for step in candidates if not step.is_closed), None)


def next_ask(
    request: HttpRequest, page, tags: dict[str, str], districts: list[str] | None = None
) -> dict:
    """What the thank-you page's next-ask block shows; {} when editors set nothing to offer
    and no other action is open. `districts`: the congressional districts the supporter's ZIP
    code gave (one, or several for a ZIP code across a line), for "from your district"."""
    settings = site_cache.site_setting(request, AfterActing)
    step = next_action(request, settings.next_action_id, page.translation_key)
    # The kit in the supporter's language where it is translated (one query), else as chosen.
    kit = settings.share_kit.localized if settings.share_kit_id else None
    # Not yet translated: shown as written, marked with its language.
    kit_lang = "" if kit is None or kit.locale_id == Locale.get_active().pk else kit.locale
    context = {
        "step": step,
        "donate_href": (
            donate_href(settings.donate_url, settings.donate_source_parameter, tags)
            if settings.donate_url
            else ""
        ),
        "kit": kit,
        "kit_lang": kit_lang and kit_lang.language_code,
        # The call page has nothing to call next; every other thank-you may offer one.
        "call": None if isinstance(page, CallPage) else call_step(request, page),
        "district": district_counts(districts),
    }
    if context["district"] is not None:
        # 'Colorado, district 1', or 'Colorado, district 7 and Colorado, district 8'.
        context["district_place"] = joined_names(
            [district_label(district) for district in context["district"].districts]
        )
    if step is not None:
        context.update(progress(step))
    offered = (step, kit, context["donate_href"], context["call"], context["district"])
    return context if any(offered) else {}
