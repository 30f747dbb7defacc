"""The home page's "Take action" section: featured petitions and pledges with their live counts,
featured letters to Congress with the letters written, and the participating organizations, in
a fixed number of queries; and {% next_step %}, the action a story, news item or state page
ends with (actions/next_step.py); {% next_ask %}, what a thank-you page offers next
(actions/next_ask.py)."""

from django import template
from django.utils.formats import get_format
from wagtail.models import Locale

from actions.action_views import logo_renditions
from actions.models import Organization, PetitionPage, PledgePage
from actions.models.letters import LetterPage, letters_written
from actions.next_ask import next_ask as next_ask_context
from actions.next_step import next_step_for, progress
from actions.signing import (
    read_thanks_districts,
    read_thanks_tags,
    signature_counts,
    stepped_goal,
)

register = template.Library()

FEATURED_LIMIT = 3


@register.simple_tag
def thousand_separator() -> str:
    """The active language's digit grouping mark, as `floatformat:"g"` puts it between thousands:
    actions.js groups a live count with it, the way the server grouped the count it replaces."""
    return get_format("THOUSAND_SEPARATOR")


@register.inclusion_tag("actions/includes/home_actions.html", takes_context=True)
def home_actions(context):
    locale = Locale.get_active()
    pages = []
    for model in (PetitionPage, PledgePage):
        pages += (
            model.objects.live()
            .public()
            .filter(locale=locale, feature_on_home_page=True)[:FEATURED_LIMIT]
        )
    # Open actions first (petitions, then pledges); a stable sort keeps that order within each.
    pages.sort(key=lambda page: page.is_closed)
    pages = pages[:FEATURED_LIMIT]
    counts = signature_counts(page.translation_key for page in pages)
    actions = []
    for page in pages:
        count = counts.get(page.translation_key, 0)
        actions.append({"page": page, "count": count, "goal": stepped_goal(page.goal, count)})
    letters = list(
        LetterPage.objects.live()
        .public()
        .filter(locale=locale, feature_on_home_page=True)[:FEATURED_LIMIT]
    )
    written = letters_written(page.translation_key for page in letters)
    for page in letters:
        actions.append(
            {"page": page, "kind": "letter", "letters": written.get(page.translation_key, 0)}
        )
    organizations = (
        Organization.objects.filter(locale=locale, show_on_home_page=True)
        .select_related("logo")
        .prefetch_related(logo_renditions())
    )
    return {
        "request": context.get("request"),
        "actions": actions,
        "organizations": list(organizations),
    }


@register.inclusion_tag("actions/includes/next_step.html", takes_context=True)
def next_step(context, chosen_id=None, label=""):
    """{% next_step page.next_step_id %}: the page's chosen action (an id, so that no query
    fetches the page), else the site's; `label`, the page's words for its own choice, replaces
    the button's."""
    step = next_step_for(chosen_id, context["request"])
    if step is None:
        return {}
    return {"step": step, "label": label if step.chosen else "", **progress(step)}


@register.inclusion_tag("actions/includes/next_ask.html", takes_context=True)
def next_ask(context, page, tags=None, districts=None):
    """{% next_ask page %} on a petition's or pledge's thank-you (the tags and districts come
    from its token) or {% next_ask page attribution district_keys %} after letters: the next
    action, donate link and share kit editors set in Settings → After acting, a call to the
    same legislators and the counts from the supporter's district."""
    request = context["request"]
    if tags is None:
        token = request.GET.get("thanks")
        tags = read_thanks_tags(page, token)
        districts = read_thanks_districts(page, token)
    return {"request": request, **next_ask_context(request, page, tags, districts)}
