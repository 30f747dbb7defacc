"""News: the dated list, related stories (chosen, translated, or the latest), budgets, feed."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from core.localization import translate
from home.factories import CampaignImageFactory
from stories.factories import NewsPageFactory
from stories.models import NewsRelatedStory
from stories.models.news import NEWS_PER_PAGE
from tests.helpers import warm_queries
from tests.stories import helpers as support
from tests.stories.helpers import make_story, publish, translate_story

story_index = support.story_index
spanish_story_index = support.spanish_story_index
news_index = support.news_index


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="story-card__title"><a href="[^"]+">([^<]+)</a>', html)


def related_titles(html: str) -> list[str]:
    section = html.split('id="related-heading"', 1)
    return card_titles(section[1]) if len(section) == 2 else []


def news(index, **fields):
    return publish(NewsPageFactory(parent=index, **fields))


@pytest.mark.django_db
def test_news_index_lists_newest_first_with_pages(client, news_index):
    for n in range(NEWS_PER_PAGE + 2):
        news(news_index, title=f"Update {n:02d}", date=datetime.date(2024, 1, 1 + n))
    html = client.get("/en/news/").content.decode()
    assert card_titles(html)[:2] == ["Update 11", "Update 10"]
    assert len(card_titles(html)) == NEWS_PER_PAGE
    assert "Jan. 12, 2024" in html
    assert len(card_titles(client.get("/en/news/?page=2").content.decode())) == 2
    assert client.get("/en/news/?page=zz").status_code == 200


@pytest.mark.django_db
def test_empty_news_index(client, news_index):
    assert "No news has been published yet." in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_related_stories_are_the_editors_choice_in_their_order(client, story_index, news_index):
    first = make_story(story_index, title="First chosen")
    second = make_story(story_index, title="Second chosen")
    make_story(story_index, title="Latest, not chosen")
    page = NewsPageFactory(parent=news_index)
    NewsRelatedStory.objects.create(page=page, story=second, sort_order=0)
    NewsRelatedStory.objects.create(page=page, story=first, sort_order=1)
    publish(page)
    html = client.get(page.url).content.decode()
    assert related_titles(html) == ["Second chosen", "First chosen"]


@pytest.mark.django_db
def test_related_stories_fall_back_to_the_latest(client, story_index, news_index):
    for n in range(5):
        make_story(story_index, title=f"Story {n}")
    page = news(news_index)
    assert related_titles(client.get(page.url).content.decode()) == [
        "Story 4",
        "Story 3",
        "Story 2",
    ]


@pytest.mark.django_db
def test_unpublished_choice_falls_back_to_the_latest(client, story_index, news_index):
    chosen = make_story(story_index, title="Chosen then withdrawn")
    make_story(story_index, title="Live story")
    page = NewsPageFactory(parent=news_index)
    NewsRelatedStory.objects.create(page=page, story=chosen)
    publish(page)
    chosen.unpublish()
    assert related_titles(client.get(page.url).content.decode()) == ["Live story"]


@pytest.mark.django_db
def test_spanish_news_shows_the_spanish_versions_of_chosen_stories(
    client, story_index, spanish_story_index, news_index
):
    story = make_story(story_index, title="Chosen story")
    translate_story(story, "Historia elegida", "historia-elegida")
    translate(news_index, "es", {"News": "Noticias", "news": "noticias"})
    page = NewsPageFactory(parent=news_index, title="Launch", slug="launch", summary="We launch.")
    NewsRelatedStory.objects.create(page=page, story=story)
    publish(page)
    translate(page, "es", {"Launch": "Lanzamiento", "launch": "lanzamiento", "We launch.": "Hoy."})

    html = client.get("/es/noticias/lanzamiento/").content.decode()
    assert related_titles(html) == ["Historia elegida"]
    assert 'href="/es/historias/historia-elegida/"' in html
    assert "Comparta esta novedad" in html
    assert 'href="/en/news/launch/" lang="en"' in html


@pytest.mark.django_db
def test_news_pages_render_in_a_fixed_number_of_queries(client, story_index, news_index, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    stories = [make_story(story_index, hero_image=CampaignImageFactory()) for _ in range(3)]
    page = NewsPageFactory(parent=news_index, hero_image=CampaignImageFactory())
    NewsRelatedStory.objects.create(page=page, story=stories[0])
    publish(page)
    warm_queries(client, page.url)
    one_related, _html = warm_queries(client, page.url)
    for story in stories[1:]:
        NewsRelatedStory.objects.create(page=page, story=story)
    warm_queries(client, page.url)
    three_related, html = warm_queries(client, page.url)
    assert len(related_titles(html)) == 3
    assert one_related == three_related

    for n in range(2):
        news(news_index, hero_image=CampaignImageFactory(), slug=f"few-{n}")
    warm_queries(client, "/en/news/")
    few, _html = warm_queries(client, "/en/news/")
    for n in range(25):
        news(news_index, hero_image=CampaignImageFactory(), slug=f"many-{n}")
    warm_queries(client, "/en/news/")
    many, _html = warm_queries(client, "/en/news/")
    assert few == many
    print(f"news page: {three_related} queries; news index: {few} with 3 items, {many} with 28")


@pytest.mark.django_db
def test_a_warm_news_page_looks_up_nothing(client, story_index, news_index):
    """The article with its related stories is stored until the next publish, so serving it
    stored must not look the related stories up again."""
    make_story(story_index, title="A related story", hero_image=CampaignImageFactory())
    page = news(news_index, hero_image=CampaignImageFactory())
    client.get(page.url)
    warm, html = warm_queries(client, page.url)
    assert warm == 0
    assert related_titles(html) == ["A related story"]


@pytest.mark.django_db
def test_news_feed_is_valid_rss(client, news_index):
    news(news_index, title="A dated update", summary="What changed.")
    response = client.get("/en/news/feed/")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    assert channel.findtext("title") == "News"
    assert [i.findtext("title") for i in channel.findall("item")] == ["A dated update"]
    assert channel.find("item").findtext("category") == "Campaign update"
    assert client.get("/en/news/feed/atom/").status_code == 200
