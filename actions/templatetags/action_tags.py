"""The home page's "Take action" section: featured petitions and pledges with their live counts,
and the participating organisations, in a fixed number of queries."""

from django import template
from wagtail.models import Locale

from actions.action_views import logo_renditions
from actions.models import Organization, PetitionPage, PledgePage
from actions.signing import signature_counts, stepped_goal

register = template.Library()

FEATURED_LIMIT = 3


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
    organisations = (
        Organization.objects.filter(locale=locale, show_on_home_page=True)
        .select_related("logo")
        .prefetch_related(logo_renditions())
    )
    return {
        "request": context.get("request"),
        "actions": actions,
        "organisations": list(organisations),
    }
