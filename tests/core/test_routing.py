"""The walk down the tree in two queries (core/site_cache.py: route_for_request): it finds what
Wagtail's own walk finds, for every kind of path, and costs two queries however deep the page."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from core import site_cache
from home.factories import StandardPageFactory
from states.factories import StateIndexPageFactory, StatePageFactory
from stories.factories import CaseStoryPageFactory, StoryIndexPageFactory


@pytest.fixture
def tree(home_page):
    """Pages of every kind a path can reach: plain pages three levels down, a routable index
    (feeds) with a child, the scorecard whose own routes catch state codes, a draft, a draft
    with a live child, and an alias."""
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    team = StandardPageFactory(parent=about, title="Team", slug="team")
    StandardPageFactory(parent=team, title="Board", slug="board")
    stories = StoryIndexPageFactory(parent=home_page)
    CaseStoryPageFactory(parent=stories, slug="jane-doe")
    scorecard = StateIndexPageFactory(parent=home_page, slug="scorecard")
    StatePageFactory(parent=scorecard, title="Texas", slug="texas", postal_code="TX")
    draft = StandardPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    StandardPageFactory(parent=draft, title="Live child", slug="live-child")
    StandardPageFactory(parent=about, title="Unpublished", slug="unpublished", live=False)
    team.create_alias(parent=home_page, update_slug="team-alias")
    return home_page


PATHS = [
    "/",
    "/about/",
    "/about/team/",
    "/about/team/board/",
    "/about/missing/",
    "/about/team/board/missing/",
    "/missing/",
    "/about/unpublished/",
    "/draft/",
    "/draft/live-child/",
    "/stories/",
    "/stories/jane-doe/",
    "/stories/feed/",
    "/stories/feed/atom/",
    "/stories/jane-doe/feed/",
    "/scorecard/",
    "/scorecard/texas/",
    "/scorecard/tx/",
    "/scorecard/TX/",
    "/team-alias/",
]


def wagtails_answer(path: str):
    request = RequestFactory().get(path)
    result = Page.route_for_request(request, path)
    return None if result is None else (result.page.pk, type(result.page), _args(result))


def our_answer(path: str):
    request = RequestFactory().get(path)
    result = site_cache.route_for_request(request, path)
    assert getattr(request, "_wagtail_route_for_request", None) is result
    return None if result is None else (result.page.pk, type(result.page), _args(result))


def _args(result):
    # A routable page's answer names its view, bound to the page: compare the view's name.
    if result.args and callable(result.args[0]):
        view, args, kwargs = result.args
        return (view.__name__, tuple(args), kwargs)
    return (tuple(result.args), result.kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("site_cache_seconds", [0, 3600])
def test_every_path_finds_what_wagtails_own_walk_finds(tree, settings, site_cache_seconds):
    settings.SITE_CACHE_SECONDS = site_cache_seconds
    answers = {path: wagtails_answer(path) for path in PATHS}
    # The fixture reaches every kind of answer: pages, sub-routes and not found.
    assert answers["/about/team/board/"] is not None
    assert answers["/stories/feed/"][2][0] == "rss_feed"
    assert answers["/scorecard/tx/"][2][0] != answers["/scorecard/"][2][0]
    assert answers["/draft/live-child/"] is not None
    assert answers["/draft/"] is None and answers["/about/unpublished/"] is None
    for _ in range(2):  # computed, then (with the site cache on) remembered
        assert {path: our_answer(path) for path in PATHS} == answers


@pytest.mark.django_db
def test_a_spanish_path_finds_the_spanish_page(tree, spanish_home, locales):
    stories = Page.objects.get(slug="stories").specific
    spanish_stories = stories.copy_for_translation(locales[1], copy_parents=False)
    spanish_stories.slug = "historias"
    spanish_stories.save_revision().publish()
    with translation.override("es"):
        for path in ("/historias/", "/stories/", "/"):
            assert our_answer(path) == wagtails_answer(path)
        assert our_answer("/historias/")[0] == spanish_stories.pk


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/about/", "/about/team/", "/about/team/board/"])
def test_the_walk_costs_two_queries_however_deep_the_page(tree, settings, path):
    settings.SITE_CACHE_SECONDS = 0  # the first visitor after a publish
    request = RequestFactory().get(path)
    site_cache.site_for_request(request)
    site_cache.locale_by_id(tree.locale_id)  # the process's list of Locales, read once
    with CaptureQueriesContext(connection) as queries:
        result = site_cache.route_for_request(request, path)
    assert result is not None and result.page.url_path.endswith(path)
    assert len(queries) == 2, [query["sql"] for query in queries]
    # Its parent came with the walk: templates asking for it cost nothing more.
    with CaptureQueriesContext(connection) as queries:
        assert result.page.get_parent().url_path == result.page.url_path.rsplit("/", 2)[0] + "/"
    assert len(queries) == 0
