"""A story's article and sharing metadata are rendered once per page, language and host until the
next publish (`{% fragment_cache %}`, home/templatetags/campaign_tags.py), and the page itself is
remembered as published (core/site_cache.py). What editors change must still show at once, a
preview must show the draft and never be stored, and visitors on another host get their own URLs.
The page cache is off here (config/settings/test.py), as for a visitor with a session."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StreamValue

from core import generation as cache_generation
from home.factories import CampaignImageFactory
from tests.stories import helpers as support
from tests.stories.helpers import make_story

story_index = support.story_index


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def html(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def story(story_index):
    image = CampaignImageFactory(alt_text="A courthouse at dusk", credit="Sample photo")
    return make_story(
        story_index,
        title="A sample story",
        summary="The published summary.",
        hero_image=image,
        body=[("paragraph", "<p>The published account.</p>")],
    )


@pytest.mark.django_db
def test_a_warm_story_costs_no_query_and_the_same_html(client, story):
    first = html(client, story.url)
    with CaptureQueriesContext(connection) as captured:
        second = html(client, story.url)
    assert len(captured) == 0
    assert "The published account." in second and 'alt="A courthouse at dusk"' in second
    strip = lambda page: page.split("<footer")[0]  # noqa: E731 (the footer form's start time differs)
    assert strip(first) == strip(second)


@pytest.mark.django_db
def test_a_republished_story_shows_at_once(client, story):
    html(client, story.url)
    story.summary = "A corrected summary."
    story.body = StreamValue(
        story.body.stream_block, [("paragraph", "<p>A corrected account.</p>")]
    )
    story.save_revision().publish()
    page = html(client, story.url)
    assert "A corrected summary." in page and "A corrected account." in page
    assert "The published" not in page
    assert 'content="A corrected summary."' in page  # the sharing metadata too


@pytest.mark.django_db
def test_a_preview_shows_the_draft_and_stores_nothing(client, story, settings):
    story.summary = "A draft summary."
    story.save_revision()
    draft = story.get_latest_revision_as_object()
    # Wagtail previews on the site's own host: visitors here use the same one.
    host = urlsplit(story.full_url).netloc
    settings.ALLOWED_HOSTS = ["testserver", host]

    # Previewed before any visitor came: the draft is shown, and visitors still get the live page.
    assert "A draft summary." in draft.make_preview_request().content.decode()
    live = html(client, story.url, HTTP_HOST=host)
    assert "The published summary." in live and "A draft summary." not in live

    # Previewed once the live article is stored: the draft again, not the stored copy.
    assert "A draft summary." in draft.make_preview_request().content.decode()
    assert "A draft summary." not in html(client, story.url, HTTP_HOST=host)


@pytest.mark.django_db
def test_an_image_edit_shows_at_once_on_the_pages_using_it(client, story):
    story.share_image = CampaignImageFactory(alt_text="Supporters at the capitol")
    story.save_revision().publish()
    assert 'content="Supporters at the capitol"' in html(client, story.url)  # og:image:alt
    image = story.share_image
    image.alt_text = "Supporters on the capitol steps"
    image.save()
    page = html(client, story.url)
    assert 'content="Supporters on the capitol steps"' in page
    # The hero image's words are the page's own copy, which translators translate
    # (tests/stories/test_translating.py): an edit of the image leaves them.
    assert 'alt="A courthouse at dusk"' in page


@pytest.mark.django_db
def test_wagtails_own_image_bookkeeping_does_not_purge(story):
    before = cache_generation.generation()
    story.hero_image.save(update_fields=["file_size"])
    story.hero_image.save(update_fields=["file_hash"])
    assert cache_generation.generation() == before
    story.hero_image.save(update_fields=["alt_text"])
    assert cache_generation.generation() == before + 1


@pytest.mark.django_db
def test_each_host_gets_its_own_absolute_urls(client, story, settings):
    settings.ALLOWED_HOSTS = ["testserver", "campaign.example.org"]
    first = html(client, story.url)
    second = html(client, story.url, HTTP_HOST="campaign.example.org")
    canonical = f'<link rel="canonical" href="http://campaign.example.org{story.url}">'
    assert canonical in second and "http://testserver" not in second.split("<footer")[0]
    assert f'href="http://testserver{story.url}"' in first
    assert "campaign.example.org" not in first


@pytest.mark.django_db
def test_an_unpublished_story_is_gone_at_once(client, story):
    html(client, story.url)
    story.unpublish()
    assert client.get(story.url).status_code == 404


@pytest.mark.django_db
def test_a_release_purges_what_the_last_one_stored(client, story):
    """Stored fragments hold the old release's HTML and static file names."""
    html(client, story.url)
    with CaptureQueriesContext(connection) as captured:
        html(client, story.url)
    assert len(captured) == 0  # all of it stored by the first visit
    out = io.StringIO()
    before = cache_generation.generation()
    call_command("purge_page_cache", stdout=out)
    assert cache_generation.generation() == before + 1
    assert f"generation {before} → {before + 1}" in out.getvalue()
    with CaptureQueriesContext(connection) as captured:
        html(client, story.url)
    assert len(captured) > 0  # nothing stored before was read: the page was loaded again
