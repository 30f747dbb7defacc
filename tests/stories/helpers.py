"""Shared helpers and fixtures for the stories tests (imported by tests/test_stor*.py)."""

import pytest

from core.localization import translate
from stories.factories import (
    CaseStoryPageFactory,
    NewsIndexPageFactory,
    StoryIndexPageFactory,
)

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


@pytest.fixture
def story_index(home_page):
    index = StoryIndexPageFactory(
        parent=home_page, title="Case stories", slug="stories", introduction=""
    )
    return publish(index)


@pytest.fixture
def spanish_story_index(story_index, spanish_home):
    return translate(story_index, "es", SPANISH_INDEX)


@pytest.fixture
def news_index(home_page):
    return publish(
        NewsIndexPageFactory(parent=home_page, title="News", slug="news", introduction="")
    )
