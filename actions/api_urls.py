"""Language-neutral endpoints for partners' sites (outside /en/ and /es/, never page-cached)."""

from django.urls import path

from actions import action_views

# ".json" rather than a trailing slash: LocaleMiddleware turns a 404 on an unprefixed path that
# looks like a page path into a redirect to /en/..., which a partner's fetch() could not follow.
urlpatterns = [
    path("actions/<int:page_id>/count.json", action_views.action_count, name="action_count"),
]
