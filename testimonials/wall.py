"""Reading voices: the wall's filters and pages, one voice's page, the latest voices of a state.

Every listing costs a fixed number of queries whatever the number of voices: one page of voices
with their photos and the photos' renditions prefetched, and one query for all the state pages
it links to.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Page

from core import serving
from core.site_cache import requested_page
from core.us_states import US_STATES, state_name
from testimonials.choices import Category
from testimonials.models import AddYourVoicePage, TestimonialIndexPage, TestimonialPage

VOICES_PER_PAGE = 12
LATEST_MAX = 12
# The renditions voice cards use (see templates/testimonials/includes/voice_card.html).
PHOTO_FILTERS = ("fill-96x96|format-webp", "fill-192x192|format-webp")


def with_photos(queryset: QuerySet) -> QuerySet:
    """Voices with their photo and its card renditions: two extra queries for any number."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=PHOTO_FILTERS)
    )
    return queryset.select_related("photo", "locale").prefetch_related(
        Prefetch("photo__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def published_voices(locale_id: int) -> QuerySet:
    return (
        TestimonialPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .order_by("-first_published_at", "-pk")
    )


# State pages belong to the states app, which may not be installed (or not have its pages yet):
# look the model up by name so that the link simply appears once it exists.
def _state_page_model():
    if not apps.is_installed("states"):
        return None
    try:
        model = apps.get_model("states", "StatePage")
        model._meta.get_field("postal_code")
    except (LookupError, FieldDoesNotExist):
        return None
    return model


def state_pages(codes, locale_id: int) -> dict[str, Page]:
    """The live state pages for these postal codes in one language, in one query."""
    model = _state_page_model()
    codes = sorted({code for code in codes if code})
    if model is None or not codes:
        return {}
    pages = (
        model.objects.live()
        .public()
        .filter(postal_code__in=codes, locale_id=locale_id)
        .only("id", "title", "url_path", "path", "depth", "locale_id", "postal_code")
    )
    return {page.postal_code: page for page in pages}


@dataclass(frozen=True)
class WallFilters:
    category: str = ""
    state: str = ""

    @classmethod
    def from_request(cls, request) -> "WallFilters":
        """Unknown values are ignored (the whole wall is shown), never an error."""
        category = (request.GET.get("category") or "").strip()
        state = (request.GET.get("state") or "").strip().upper()
        return cls(
            category=category if category in Category.values else "",
            state=state if state_name(state) else "",
        )

    def apply(self, queryset: QuerySet) -> QuerySet:
        if self.category:
            queryset = queryset.filter(category=self.category)
        if self.state:
            queryset = queryset.filter(state_code=self.state)
        return queryset

    def query(self, **changes) -> str:
        values = {"category": self.category, "state": self.state, **changes}
        return urlencode({key: value for key, value in values.items() if value})

    @property
    def active(self) -> bool:
        return bool(self.category or self.state)


@serving.handles("context", TestimonialIndexPage)
def wall_context(wall, request) -> dict:
    filters = WallFilters.from_request(request)
    page_number = requested_page(request)

    def page_of_voices():
        voices = with_photos(filters.apply(published_voices(wall.locale_id).child_of(wall)))
        return Paginator(voices, VOICES_PER_PAGE).get_page(page_number)

    # Looked up only when the wall is rendered: the rendered wall is kept per language, filters
    # and page until the next publish ({% fragment_cache %} in the template).
    return {
        "voices": SimpleLazyObject(page_of_voices),
        "page_number": page_number,
        "filters": filters,
        "filter_query": filters.query(),
        "category_choices": Category.choices,
        "state_choices": US_STATES,
        "category_label": dict(Category.choices).get(filters.category, ""),
        "state_label": state_name(filters.state) or "",
        "state_page": SimpleLazyObject(
            lambda: state_pages([filters.state], wall.locale_id).get(filters.state)
        ),
        "add_voice_page": SimpleLazyObject(
            lambda: (
                AddYourVoicePage.objects.live().public().filter(locale_id=wall.locale_id).first()
            )
        ),
    }


@serving.handles("context", TestimonialPage)
def voice_context(voice, request) -> dict:
    wall = voice.get_parent()
    return {
        "wall": wall,
        "state_page": state_pages([voice.state_code], voice.locale_id).get(voice.state_code),
    }


def wall_for_language(language: str | None = None):
    language = language or get_language()
    return (
        TestimonialIndexPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )


def latest_voices(state_code: str, language: str | None = None, limit: int = 3) -> list:
    """The latest published voices from one state in one language (two or three queries)."""
    code = (state_code or "").strip().upper()
    if not state_name(code):
        return []
    limit = max(1, min(int(limit or 3), LATEST_MAX))
    voices = (
        TestimonialPage.objects.live()
        .public()
        .filter(locale__language_code=language or get_language(), state_code=code)
        .order_by("-first_published_at", "-pk")
    )
    return list(with_photos(voices)[:limit])
