"""Stories demo content, and the issue's finish line: every Texas story where QI was granted,
found in English and in Spanish with plain links and a GET form, each with a correct share card."""

import re
from html import unescape

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation

from stories.choices import Outcome
from stories.models import CaseStoryPage, NewsIndexPage, NewsPage, StoryIndexPage


def card_links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'class="story-card__title"><a href="([^"]+)">([^<]+)</a>', html)


def meta(html: str, attribute: str, name: str) -> str | None:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


@pytest.mark.django_db
def test_demo_stories_cover_states_outcomes_and_are_translated_samples(demo_site):
    english = CaseStoryPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 12
    assert len({story.state_code for story in english}) >= 8
    assert {story.outcome for story in english} == set(Outcome.values)
    assert english.filter(state_code="TX", outcome=Outcome.QI_GRANTED).count() >= 2
    assert all(story.is_sample and story.hero_image_id and story.sources for story in english)
    assert all(story.hero_image.alt_text for story in english)

    news = NewsPage.objects.live().filter(locale__language_code="en")
    assert news.count() == 3 and all(item.is_sample for item in news)

    for index_model in (StoryIndexPage, NewsIndexPage):
        index = index_model.objects.get(locale__language_code="en")
        assert index.show_in_menus and index.get_parent().specific_class.__name__ == "HomePage"

    for page in [*english, *news]:
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale__language_code="es"
        ).exists(), f"{page} has no wagtail-localize translation"
        spanish = page.get_translation(Locale.objects.get(language_code="es")).specific
        assert spanish.live and spanish.title != page.title
        assert spanish.summary != page.summary


@pytest.mark.django_db
def test_a_visitor_finds_every_texas_story_where_qi_was_granted(demo_site, client):
    for language, index_path, title in [
        ("en", "/en/stories/", "Case stories"),
        ("es", "/es/historias/", "Historias de casos"),
    ]:
        find_texas_stories_where_qi_was_granted(client, language, index_path, title)


def find_texas_stories_where_qi_was_granted(client, language, index_path, title):
    expected = set(
        CaseStoryPage.objects.live()
        .filter(locale__language_code=language, state_code="TX", outcome=Outcome.QI_GRANTED)
        .values_list("title", flat=True)
    )
    assert expected

    # From the menu to the index, then the filter form submitted as a plain GET (no JS).
    home = client.get(f"/{language}/").content.decode()
    assert f'href="{index_path}">{title}</a>' in home
    index = client.get(index_path).content.decode()
    form = re.search(r'<form class="story-filters" method="get" action="([^"]+)"', index)
    assert form.group(1) == index_path
    assert '<option value="TX">' in index and '<option value="qi-granted">' in index
    results = client.get(form.group(1), {"state": "TX", "outcome": "qi-granted", "harm": ""})
    html = results.content.decode()
    assert results.status_code == 200
    found = card_links(html)
    assert {unescape(name) for _url, name in found} == expected

    # Each story shares with a correct card in its own language.
    for url, name in found:
        story = client.get(url).content.decode()
        assert f'<html lang="{language}"' in story
        assert meta(story, "property", "og:title") == unescape(name)
        assert meta(story, "property", "og:url") == f"http://testserver{url}"
        assert meta(story, "property", "og:locale") == language
        assert meta(story, "property", "og:type") == "article"
        assert meta(story, "property", "og:image").startswith("http://testserver/")
        assert meta(story, "name", "twitter:card") == "summary_large_image"
        assert meta(story, "property", "og:description")
        assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver" in story
