"""A state's case stories and voices, found by postal code in the apps that hold them.

The stories and testimonials apps store a `state_code` on their pages. This module looks their
models up by name so that the scorecard works (and shows nothing) before those apps have pages,
and so that neither app imports the other. Each section costs a fixed number of queries.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

# (app label, page model, index model, field holding the postal code, heading, list link)
SECTIONS = (
    (
        "stories",
        "CaseStoryPage",
        "StoryIndexPage",
        "state_code",
        _("Case stories"),
        _("All case stories from %(state)s"),
    ),
    (
        "testimonials",
        "TestimonialPage",
        "TestimonialIndexPage",
        "state_code",
        _("Voices"),
        _("All voices from %(state)s"),
    ),
)
LATEST = 3


@dataclass
class RelatedSection:
    key: str
    heading: str
    pages: list
    list_url: str
    list_label: str


def _model(app_label: str, model_name: str):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return model


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def related_sections(page, request, limit: int = LATEST) -> list[RelatedSection]:
    """The latest few stories and voices about the page's state, in the page's language,
    with a link to the full list filtered by state (`?state=CO`)."""
    sections = []
    for app_label, model_name, index_name, field, heading, list_label in SECTIONS:
        model = _model(app_label, model_name)
        if model is None or not _has_field(model, field):
            continue
        pages = list(
            model.objects.live()
            .public()
            .filter(**{field: page.postal_code}, locale_id=page.locale_id)
            .order_by("-first_published_at", "-pk")[:limit]
        )
        index_model = _model(app_label, index_name)
        list_url = ""
        if index_model is not None:
            index = index_model.objects.live().public().filter(locale_id=page.locale_id).first()
            if index is not None:
                list_url = f"{index.get_url(request=request)}?state={page.postal_code}"
        if pages or list_url:
            sections.append(
                RelatedSection(
                    key=app_label,
                    heading=str(heading),
                    pages=pages,
                    list_url=list_url,
                    list_label=str(list_label % {"state": page.title}),
                )
            )
    return sections
