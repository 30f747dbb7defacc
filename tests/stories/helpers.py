"""Shared helpers and fixtures for the stories tests (imported by tests/test_stor*.py)."""

import pytest

from core.localization import translate
from stories.factories import (
    CaseStoryPageFactory,
    NewsIndexPageFactory,
    StoryIndexPageFactory,
)
from stories.models import StoryIndexPage
from tests.module_data import built, shared

SPANISH_INDEX = {"Case stories": "Historias de casos", "stories": "historias"}


def publish(page):
    """Publish through a revision, as an editor does (sets first_published_at)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_story(index, **fields):
    return publish(CaseStoryPageFactory(parent=index, **fields))


def translate_story(story, title_es: str, slug_es: str, summary_es: str = "Resumen en español."):
    return translate(
        story, "es", {story.title: title_es, story.slug: slug_es, story.summary: summary_es}
    )


@shared("story_index")
def build_story_index(site, need) -> int:
    index = StoryIndexPageFactory(
        parent=site.home, title="Case stories", slug="stories", introduction=""
    )
    return publish(index).pk


@pytest.fixture
def story_index(home_page):
    """Built once for the module's tests (tests/module_data.py)."""
    return StoryIndexPage.objects.get(pk=built("story_index"))


@pytest.fixture
def spanish_story_index(story_index, spanish_home):
    return translate(story_index, "es", SPANISH_INDEX)


@pytest.fixture
def news_index(home_page):
    return publish(
        NewsIndexPageFactory(parent=home_page, title="News", slug="news", introduction="")
    )
