"""The campaign's next step at the end of a story, news item or state page (issue 24): the
petition, pledge or letter the page chose, else the site's default (Site settings), else the
first open petition featured on the home page, in the visitor's language, with its live count.

Which action that is changes only when something is published or a setting saved, so the
choice is kept in the site cache (core/site_cache.py) per page, language and host; the count is
read on every render (one query), and actions.js refreshes it where the page came from a cache.
An action that has closed by its date since it was kept is skipped at render time (the featured
petitions are looked up only when neither the page's choice nor the default is open).
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from actions.models import PetitionPage, PledgePage
from actions.models.letters import LetterPage, letters_written
from actions.signing import signature_count, stepped_goal
from core import site_cache
from home.models import SiteSettings

ACTION_MODELS = (PetitionPage, PledgePage, LetterPage)
# The featured petitions looked at when neither the page nor the site names a step.
FEATURED_FALLBACKS = 3


@dataclass(frozen=True)
class Step:
    """What the block shows of one action, plain data so that it can be cached."""

    page_id: int
    kind: str  # "petition", "pledge", "letter" or "call" (actions/next_ask.py)
    title: str
    introduction: str
    url: str
    translation_key: str
    goal: int
    closed: bool
    close_date: date | None
    chosen: bool  # the page's own choice, not the site's default

    @property
    def pk(self) -> int:
        """The action page's id, as actions/includes/action_progress.html names its bar."""
        return self.page_id

    @property
    def is_closed(self) -> bool:
        return self.closed or (
            self.close_date is not None and self.close_date < timezone.localdate()
        )


def _kind(page) -> str:
    if isinstance(page, LetterPage):
        return "letter"
    return "pledge" if isinstance(page, PledgePage) else "petition"


def step_of(page, request: HttpRequest, *, chosen: bool = False) -> Step:
    return Step(
        page_id=page.pk,
        kind=_kind(page),
        title=page.title,
        introduction=getattr(page, "introduction", "") or "",
        url=page.get_url(request=request) or "",
        translation_key=str(page.translation_key),
        goal=getattr(page, "goal", 0) or 0,
        closed=bool(getattr(page, "closed", False)),
        close_date=getattr(page, "close_date", None),
        chosen=chosen,
    )


# What step_of() reads of an action page (those of its fields it has): nothing else is loaded.
STEP_FIELDS = ("title", "url_path", "translation_key", "locale", "introduction", "goal", "closed",
               "close_date")  # fmt: skip


def _step_fields(model) -> list[str]:
    names = {field.name for field in model._meta.concrete_fields}
    return [name for name in STEP_FIELDS if name in names]


def _for_steps(pages) -> list:
    """The specific action pages of `pages` with only what a step shows, in as many queries as
    `.specific()` takes (one, then one per kind of action found), each row a fraction of the
    whole page (a cold page builds and reads every column it loads)."""
    found = list(pages.values_list("pk", "content_type_id"))
    by_type: dict[int, list[int]] = {}
    for pk, content_type_id in found:
        by_type.setdefault(content_type_id, []).append(pk)
    loaded = []
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        loaded += model.objects.filter(pk__in=pks).only(*_step_fields(model))
    return loaded


def candidate_steps(chosen_id: int | None, request: HttpRequest) -> list[Step]:
    """The page's choice and the site's default, each in the visitor's language (its
    translation, or the page itself while it has none), if live, public and an action page; the
    featured petitions only when neither is open. Two or three queries, once per generation."""
    locale = Locale.get_active()
    default_id = SiteSettings.for_request(request).default_next_step_id
    ids = [page_id for page_id in (chosen_id, default_id) if page_id]
    pages = _for_steps(
        Page.objects.live()
        .public()
        .type(*ACTION_MODELS)
        .filter(
            Q(pk__in=ids)
            | Q(
                locale=locale,
                translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
            )
        )
    )
    by_id = {page.pk: page for page in pages}
    in_language = {page.translation_key: page for page in pages if page.locale_id == locale.pk}
    steps, seen = [], set()
    for page_id in ids:
        original = by_id.get(page_id)
        page = original and in_language.get(original.translation_key, original)
        if page is not None and page.pk not in seen:
            seen.add(page.pk)
            steps.append(step_of(page, request, chosen=page_id == chosen_id))
    if all(step.is_closed for step in steps):
        featured = (
            PetitionPage.objects.live()
            .public()
            .filter(locale=locale, feature_on_home_page=True)
            .only(*_step_fields(PetitionPage))
            .order_by("path")[:FEATURED_FALLBACKS]
        )
        steps += [step_of(page, request) for page in featured if page.pk not in seen]
    return steps


def next_step_for(chosen_id: int | None, request: HttpRequest) -> Step | None:
    """The first open action among the page's choice, the site's default and the featured
    petitions; None when there is none."""
    candidates = site_cache.cached(
        "next-step",
        lambda: candidate_steps(chosen_id, request),
        chosen_id or 0,
        get_language(),
        request.get_host(),
    )
    return next((step for step in candidates if not step.is_closed), None)


def progress(step: Step) -> dict:
    """The live figures the block shows: signatures and the goal (as the action's own page
    shows them, actions/includes/action_progress.html), or letters written."""
    if step.kind == "letter":
        # One key asked for, so at most one count (keyed by UUID, while the step holds a str).
        return {"letters": next(iter(letters_written([step.translation_key]).values()), 0)}
    count = signature_count(step.translation_key)
    goal = stepped_goal(step.goal, count)
    return {
        "count": count,
        "goal": goal,
        "goal_raised": goal != max(step.goal, 1),
        "count_url": reverse("action_count", args=[step.page_id]),
    }
