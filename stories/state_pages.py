"""The story → state page relation, resolved by postal code at run time.

Stories store `state_code`; the states app (StatePage, one per state, keyed by the same codes from
core.us_states) is looked up through the app registry so that this app never imports it and works
before it exists: until then every lookup answers None and templates show the state's name alone.
"""

from django.apps import apps

from core import site_cache

# The StatePage field holding the two-letter code; the first one the model has is used.
CODE_FIELD_CANDIDATES = ("code", "postal_code", "state_code", "abbreviation")


def state_page_model():
    """The states app's StatePage model, or None while that app has no such model."""
    try:
        return apps.get_model("states", "StatePage")
    except LookupError:
        return None


def _code_field(model) -> str | None:
    names = {field.name for field in model._meta.get_fields()}
    return next((name for name in CODE_FIELD_CANDIDATES if name in names), None)


def _live_state_pages(locale_id: int):
    model = state_page_model()
    field = _code_field(model) if model is not None else None
    if field is None:
        return None, None
    pages = model.objects.live().public().filter(locale_id=locale_id)
    return pages, field


def state_page_for(code: str, locale_id: int):
    """The live StatePage for `code` in the given locale, or None (kept until the next publish:
    every story page asks)."""

    def find():
        pages, field = _live_state_pages(locale_id)
        if pages is None or not code:
            return None
        return _for_links(pages.filter(**{field: code}), field).first()

    return site_cache.cached("state-page", find, code, locale_id)


def _for_links(pages, field: str):
    """A story shows a state page as a link only: its address and code are all that is loaded
    (a page loaded whole costs twice as much to build, query and pickle)."""
    return pages.only("url_path", "locale_id", field)


def state_pages_by_code(codes, locale_id: int) -> dict:
    """{code: StatePage} for many codes in one query (for lists of stories); {} without states."""
    codes = {code for code in codes if code}
    pages, field = _live_state_pages(locale_id)
    if pages is None or not codes:
        return {}
    listed = _for_links(pages.filter(**{f"{field}__in": codes}), field)
    return {getattr(page, field): page for page in listed}
