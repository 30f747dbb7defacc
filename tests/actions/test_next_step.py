"""Every story, news item and state page ends with the campaign's next step (issue 24 item 2):
the action the page chose, else the site's default, else the first featured open petition, in
the visitor's language, with its live count; a closed action is skipped."""

import datetime

import pytest
from wagtail.models import Site

from actions.factories import LetterSentFactory, PetitionPageFactory, SignatureFactory
from core.generation import purge_all
from home.models import SiteSettings
from stories.factories import NewsPageFactory
from tests.helpers import queries_for, warm_queries
from tests.states.helpers import make_index, make_state
from tests.stories.helpers import (  # noqa: F401 (fixtures)
    make_story,
    news_index,
    publish,
    spanish_story_index,
    story_index,
    translate_story,
)

pytestmark = pytest.mark.django_db


def next_step(html: str) -> str:
    """The next step block's HTML, or "" when the page has none."""
    if 'class="cta next-step"' not in html:
        return ""
    return html.split('class="cta next-step"', 1)[1].split("</aside>", 1)[0]


def set_default(page) -> None:
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_next_step = page
    settings.save()


@pytest.fixture
def story(story_index):  # noqa: F811 (the fixture imported above)
    return make_story(story_index, title="Tased in his driveway", slug="tased")


def test_a_story_ends_with_the_sites_default_and_its_live_count(client, story, petition):
    set_default(petition)
    SignatureFactory.create_batch(3, action=petition)
    block = next_step(client.get(story.url).content.decode())
    assert "End qualified immunity" in block
    assert f'href="{petition.url}"' in block and "Sign the petition" in block
    assert "<strong data-count>3</strong> signatures" in block
    assert f'data-count-url="/api/actions/{petition.pk}/count.json"' in block
    assert "Goal: <span data-goal>1,000</span>" in block  # as the petition's own page shows it
    assert 'src="/static/js/actions.' in block  # refreshes the count in a cached page
    # The count is live: a new signature shows on the next view, with no publish between.
    SignatureFactory(action=petition)
    count, html = warm_queries(client, story.url)
    assert "<strong data-count>4</strong> signatures" in next_step(html)
    assert count == 1, "only the count is read on a warm story"


def test_the_page_own_choice_comes_first(client, story, petition, pledge):
    set_default(petition)
    story.next_step = pledge
    publish(story)
    block = next_step(client.get(story.url).content.decode())
    assert "Take the pledge" in block and f'href="{pledge.url}"' in block
    assert petition.url not in block


def test_without_a_default_the_first_featured_open_petition(client, story, home_page):
    assert next_step(client.get(story.url).content.decode()) == ""  # no action at all: no block
    featured = PetitionPageFactory(
        parent=home_page, title="Featured petition", slug="featured", feature_on_home_page=True
    )
    publish(featured)
    assert "Featured petition" in next_step(client.get(story.url).content.decode())


def test_a_closed_action_gives_way_to_the_default(client, story, petition, pledge):
    set_default(petition)
    story.next_step = pledge
    publish(story)
    pledge.closed = True
    publish(pledge)
    assert "End qualified immunity" in next_step(client.get(story.url).content.decode())
    # One that closes by date is skipped from that day, though nothing was published.
    petition.close_date = datetime.date.today()
    publish(petition)
    assert "End qualified immunity" in next_step(client.get(story.url).content.decode())
    type(petition).objects.filter(pk=petition.pk).update(
        close_date=datetime.date.today() - datetime.timedelta(days=1)
    )
    purge_all()
    assert next_step(client.get(story.url).content.decode()) == ""


def test_the_spanish_story_ends_with_the_spanish_action(
    client,
    story,
    petition,
    spanish_petition,
    spanish_story_index,  # noqa: F811
):
    set_default(petition)
    spanish_story = translate_story(story, "Electrocutado en su entrada", "electrocutado")
    block = next_step(client.get(spanish_story.url).content.decode())
    assert f'href="{spanish_petition.url}"' in block
    assert spanish_petition.title in block and "Firme la petición" in block


def test_a_letter_shows_the_letters_written(client, story, letter_page):
    story.next_step = letter_page
    publish(story)
    block = next_step(client.get(story.url).content.decode())
    assert "Write your letters" in block and f'href="{letter_page.url}"' in block
    assert "data-live-count" not in block and "letters written" not in block  # none yet
    LetterSentFactory.create_batch(2, page=letter_page)
    assert "2 letters written" in next_step(client.get(story.url).content.decode())


def test_news_and_state_pages_end_with_it_too(client, home_page, news_index, petition, pledge):  # noqa: F811
    set_default(petition)
    news = publish(NewsPageFactory(parent=news_index, title="An update", slug="update"))
    assert "End qualified immunity" in next_step(client.get(news.url).content.decode())

    state = make_state(make_index(home_page), "CO")
    assert "End qualified immunity" in next_step(client.get(state.url).content.decode())
    # A state's own take-action page is its next step, with its button words.
    state.take_action_page = pledge
    state.take_action_label = "Pledge for Colorado"
    publish(state)
    block = next_step(client.get(state.url).content.decode())
    assert "Pledge for Colorado" in block and f'href="{pledge.url}"' in block


def test_the_story_costs_the_same_queries_with_1_and_300_signatures(client, story, petition):
    set_default(petition)
    SignatureFactory(action=petition)
    few = warm_queries(client, story.url)[0]
    SignatureFactory.create_batch(299, action=petition)
    many, html = queries_for(client, story.url)
    assert few == many == 1
    assert "<strong data-count>300</strong> signatures" in next_step(html)
