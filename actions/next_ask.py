"""The next ask on a thank-you page (issue 24): what a supporter who has just signed or written
is offered, as editors set it in Settings → After acting (actions.models.AfterActing).

- The next action: the one editors chose, else the site's default next step, else an open
  letter, else a featured petition, in the supporter's language, never the action they have
  just taken and never a closed one. Which actions those are is kept in the site cache until a
  publish (as for the next step at the end of a story); the count is live.
- A donate link that carries the supporter's source code and utm_* tags, so the donation
  platform credits the email or post that brought them.
- The share kit in the supporter's language.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale

from actions.models import AfterActing
from actions.models.letters import LetterPage
from actions.next_step import Step, candidate_steps, progress, step_of
from core import site_cache
from core.attribution import UTM_FIELDS

# Open letters looked at when neither the settings nor the site's default offer another action.
LETTER_FALLBACKS = 3


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


def next_ask(request: HttpRequest, page, tags: dict[str, str]) -> dict:
    """What the thank-you page's next-ask block shows; {} when editors set nothing to offer
    and no other action is open."""
    settings = AfterActing.for_request(request)
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
    }
    if step is not None:
        context.update(progress(step))
    return context if (step or kit or context["donate_href"]) else {}
