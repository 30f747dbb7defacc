"""The story index: URL filters in combination, counts, pagination, bad input, feeds, budgets."""

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from django.test import RequestFactory

from home.factories import CampaignImageFactory
from stories.choices import HarmType, Outcome
from stories.factories import CaseStoryPageFactory
from stories.filters import StoryFilters
from stories.models import CaseStoryPage, StoryIndexPage
from stories.models.index import STORIES_PER_PAGE
from tests.helpers import add_live_pages, warm_queries
from tests.module_data import built, read_again, shared
from tests.stories import helpers as support
from tests.stories.helpers import make_story, translate_story

story_index = support.story_index
spanish_story_index = support.spanish_story_index

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(html: str) -> list[str]:
    return re.findall(r'class="story-card__title"><a href="[^"]+">([^<]+)</a>', html)


def option(html: str, param: str, value: str) -> str:
    """The text of one <option> of a filter, e.g. 'Texas (3)'."""
    select = re.search(rf'<select id="filter-{param}"[^>]*>(.*?)</select>', html, re.S).group(1)
    match = re.search(rf'<option value="{re.escape(value)}"( selected)?>([^<]*)</option>', select)
    return unescape(match.group(2)) if match else ""


@shared("cases")
def build_cases(site, need) -> dict[str, int]:
    """Six stories whose facts overlap so that filters can be told apart."""
    index = StoryIndexPage.objects.get(pk=need("story_index"))
    facts = [
        ("Texas granted 2018", "TX", Outcome.QI_GRANTED, HarmType.EXCESSIVE_FORCE, 2018),
        ("Texas granted 2015", "TX", Outcome.QI_GRANTED, HarmType.KILLING, 2015),
        ("Texas denied 2020", "TX", Outcome.QI_DENIED, HarmType.ABUSE_IN_CUSTODY, 2020),
        ("Arizona granted 2018", "AZ", Outcome.QI_GRANTED, HarmType.EXCESSIVE_FORCE, 2018),
        ("Minnesota settled", "MN", Outcome.SETTLED, HarmType.KILLING, 2021),
        ("Texas pending", "TX", Outcome.PENDING, HarmType.SPEECH_RETALIATION, None),
    ]
    return {
        title: make_story(
            index,
            title=title,
            slug=title.lower().replace(" ", "-"),
            state_code=state,
            outcome=outcome,
            harm_type=harm,
            decision_year=year,
        ).pk
        for title, state, outcome, harm, year in facts
    }


@pytest.fixture
def cases(story_index) -> dict[str, CaseStoryPage]:
    """Built once for the module's tests (tests/module_data.py), read again for each."""
    pks = built("cases")
    return dict(zip(pks, read_again(CaseStoryPage, pks.values()), strict=True))


@pytest.mark.django_db
def test_filters_combine_and_live_in_the_url(client, cases):
    html = client.get("/en/stories/?state=TX&outcome=qi-granted").content.decode()
    assert sorted(titles(html)) == ["Texas granted 2015", "Texas granted 2018"]
    assert "2 stories" in html

    html = client.get("/en/stories/?state=TX&outcome=qi-granted&harm=killing").content.decode()
    assert titles(html) == ["Texas granted 2015"]

    html = client.get("/en/stories/?outcome=qi-granted&year=2018").content.decode()
    assert sorted(titles(html)) == ["Arizona granted 2018", "Texas granted 2018"]

    # The form keeps what was chosen, so the visitor can change one filter at a time.
    assert option(html, "outcome", "qi-granted").startswith("Qualified immunity granted")
    assert '<option value="qi-granted" selected>' in html
    assert '<option value="2018" selected>' in html


@pytest.mark.django_db
def test_each_value_counts_what_it_would_show_given_the_other_filters(client, cases):
    html = client.get("/en/stories/?state=TX").content.decode()
    # Outcome counts within Texas; state counts ignore the state filter itself.
    assert option(html, "outcome", "qi-granted") == "Qualified immunity granted (2)"
    assert option(html, "outcome", "qi-denied") == "Qualified immunity denied (1)"
    assert option(html, "outcome", "settled") == "Settled (0)"
    assert option(html, "state", "TX") == "Texas (4)"
    assert option(html, "state", "AZ") == "Arizona (1)"
    assert option(html, "state", "MN") == "Minnesota (1)"
    assert option(html, "state", "OH") == ""  # states without stories are not offered
    assert option(html, "year", "2020") == "2020 (1)"
    assert "All years (4)" in html

    html = client.get("/en/stories/?state=TX&outcome=qi-granted").content.decode()
    assert option(html, "year", "2015") == "2015 (1)"
    assert option(html, "year", "2020") == ""
    assert option(html, "harm", "killing") == "Killing (1)"


@pytest.mark.django_db
@pytest.mark.indexes
def test_words_search_within_the_filters(client, story_index, cases):
    make_story(story_index, title="Dog bite in Nashville", state_code="TN", slug="dog")
    html = client.get("/en/stories/?q=Nashville").content.decode()
    assert titles(html) == ["Dog bite in Nashville"]
    html = client.get("/en/stories/?q=Nashville&state=TX").content.decode()
    assert titles(html) == []
    assert "No stories match all of these filters" in html


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, story_index):
    for n in range(STORIES_PER_PAGE + 3):
        make_story(story_index, slug=f"tx-{n}", state_code="TX")
    make_story(story_index, slug="ohio", state_code="OH")
    first = client.get("/en/stories/?state=TX").content.decode()
    assert len(titles(first)) == STORIES_PER_PAGE
    assert 'href="?state=TX&amp;page=2" rel="next"' in first
    second = client.get("/en/stories/?state=TX&page=2").content.decode()
    assert len(titles(second)) == 3
    assert "Page 2 of 2" in second


# Words are matched in the search index, kept current here so that they reach the database.
@pytest.mark.indexes
@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=999",
        "page=-1",
        "page=99999999999999999999999",
        "state=ZZ",
        "state=<script>alert(1)</script>",
        "outcome=won&harm=%00&year=18",
        "year=abcd",
        "year=1700",
        "q=<script>alert(1)</script>",
        "q=" + "x" * 5000,
        # Found in Chromium on 5 December: the full-text match failed (a 503).
        "q=%00",
        "q=%22",
        "q=a%22b%01c",
        "state=TX&state=AZ",
        "foo=bar",
    ],
)
def test_bad_input_gives_a_sensible_page(client, cases, query):
    response = client.get(f"/en/stories/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "stories" in html


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored_with_a_notice(client, cases):
    html = client.get("/en/stories/?state=ZZ&outcome=qi-granted").content.decode()
    assert "was not a filter we know" in html
    assert len(titles(html)) == 3  # the outcome filter still applies
    assert "ZZ" not in html


@pytest.mark.django_db
def test_page_past_the_end_shows_the_last_page(client, cases):
    html = client.get("/en/stories/?state=TX&page=40").content.decode()
    assert len(titles(html)) == 4


@pytest.mark.django_db
def test_empty_states(client, story_index):
    assert "No stories have been published yet." in client.get("/en/stories/").content.decode()
    make_story(story_index, state_code="TX")
    html = client.get("/en/stories/?state=AZ").content.decode()
    assert "No stories match all of these filters" in html
    assert 'href="/en/stories/">See every story</a>' in html


@pytest.mark.django_db
def test_drafts_and_private_stories_are_not_listed(client, story_index):
    make_story(story_index, title="Published story")
    draft = make_story(story_index, title="Draft story", slug="draft")
    draft.unpublish()
    html = client.get("/en/stories/").content.decode()
    assert titles(html) == ["Published story"]
    feed = client.get("/en/stories/feed/").content.decode()
    assert "Draft story" not in feed


def test_filters_parse_only_known_values():
    query = RequestFactory().get("/", {"state": "tx", "outcome": "nope", "year": "2019"}).GET
    filters = StoryFilters.from_query(query)
    assert filters.values == {"state": "TX", "year": 2019}
    assert filters.ignored == ("outcome",)
    assert filters.querystring(page=2) == "state=TX&year=2019&page=2"
    assert filters.lookups(without="state") == {"decision_year": 2019}


@pytest.mark.django_db
def test_index_query_count_does_not_grow_with_stories(client, story_index, settings):
    # No rendition cache: every rendition must come from the prefetch, not one query per card.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    images = [CampaignImageFactory() for _ in range(STORIES_PER_PAGE)]  # one per card

    def add_stories(count, start):
        add_live_pages(
            CaseStoryPageFactory,
            story_index,
            count,
            slug=lambda n: f"s-{start + n}",
            state_code=lambda n: ["TX", "AZ", "GA", "CA"][(start + n) % 4],
            outcome=lambda n: Outcome.values[(start + n) % len(Outcome.values)],
            decision_year=lambda n: 2000 + (start + n) % 20,
            hero_image=lambda n: images[n % len(images)],
        )

    url = "/en/stories/?outcome=qi-granted&page=1"
    add_stories(10, 0)
    warm_queries(client, "/en/stories/")  # renditions are generated on first view
    few, few_html = warm_queries(client, "/en/stories/")
    add_stories(50, 10)
    warm_queries(client, "/en/stories/")
    many, many_html = warm_queries(client, "/en/stories/")
    assert len(titles(few_html)) == 10 and len(titles(many_html)) == STORIES_PER_PAGE
    assert few == many, (few, many)
    warm_queries(client, url)
    filtered_many, _html = warm_queries(client, url)
    assert filtered_many <= many + 1  # search is the only optional query
    assert many <= 35
    print(f"story index: {few} queries with 10 stories, {many} with 60")


def parse_feed(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314 (our own feed, not untrusted input)


@pytest.mark.django_db
def test_rss_and_atom_feeds_are_valid_and_in_the_index_language(
    client, story_index, spanish_story_index
):
    older = make_story(story_index, title="Older story", slug="older", summary="Older summary.")
    newer = make_story(story_index, title="Newer story", slug="newer", summary="Newer summary.")
    translate_story(older, "Historia antigua", "antigua", "Resumen antiguo.")

    rss = parse_feed(client, "/en/stories/feed/")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "Case stories"
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == "http://testserver/en/stories/"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Newer story", "Older story"]
    assert items[0].findtext("link") == f"http://testserver{newer.url}"
    assert items[0].findtext("description") == "Newer summary."
    assert items[0].findtext("pubDate")
    assert {c.text for c in items[0].findall("category")} >= {"Texas", "Excessive force"}

    atom = parse_feed(client, "/en/stories/feed/atom/")
    assert atom.tag == f"{ATOM}feed"
    entries = atom.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newer story", "Older story"]
    assert all(e.findtext(f"{ATOM}updated") and e.findtext(f"{ATOM}id") for e in entries)

    spanish = parse_feed(client, "/es/historias/feed/")
    channel = spanish.find("channel")
    assert channel.findtext("language") == "es"
    assert [i.findtext("title") for i in channel.findall("item")] == ["Historia antigua"]
    assert channel.find("item").findtext("link") == "http://testserver/es/historias/antigua/"
    assert "Resumen antiguo." in client.get("/es/historias/feed/atom/").content.decode()


@pytest.mark.django_db
def test_index_advertises_its_feeds(client, story_index):
    html = client.get("/en/stories/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/stories/feed/atom/"' in html


@pytest.mark.django_db
def test_spanish_index_filters_spanish_stories(client, story_index, spanish_story_index, cases):
    for story in CaseStoryPage.objects.filter(locale__language_code="en"):
        translate_story(story, f"ES {story.title}", f"es-{story.slug}")
    html = client.get("/es/historias/?state=TX&outcome=qi-granted").content.decode()
    assert sorted(titles(html)) == ["ES Texas granted 2015", "ES Texas granted 2018"]
    assert "2 historias" in html
    assert option(html, "outcome", "qi-granted") == "Inmunidad calificada concedida (2)"
    assert 'action="/es/historias/"' in html


@pytest.mark.django_db
def test_filtered_page_title_names_the_filters(client, cases):
    html = client.get("/en/stories/?state=TX&outcome=qi-granted").content.decode()
    title = re.search(r"<title>([^<]*)</title>", html).group(1)
    assert title.startswith("Case stories: Texas, Qualified immunity granted ·")


@pytest.mark.django_db
def test_the_language_switcher_keeps_the_filters_it_understood(client, cases, spanish_story_index):
    html = client.get(
        "/en/stories/?state=tx&outcome=qi-granted&year=1700&harm=&page=1&utm_source=x"
    ).content.decode()
    spanish_url = spanish_story_index.url
    # State codes and outcomes are the same in every language; the dropped year is not repeated.
    assert f'href="{spanish_url}?state=TX&amp;outcome=qi-granted" lang="es"' in html
    # Neither a link nor the form repeats it. (A bare "1700" can be in a card's text: the story
    # factory numbers its officers through the run, and CI once drew "Officer 1700".)
    assert "year=1700" not in html and 'value="1700"' not in html
    page_two = client.get("/en/stories/?state=TX&page=2&zz=1").content.decode()
    assert f'href="{spanish_url}?state=TX&amp;page=2" lang="es"' not in page_two  # one page only
    assert f'href="{spanish_url}?state=TX" lang="es"' in page_two


@pytest.mark.django_db
@pytest.mark.indexes
def test_the_listing_is_kept_per_filters_and_page_until_a_publish(client, story_index, cases):
    """Each set of filters, page and language is rendered once, then served without a query
    (issue 20); a story published, changed or unpublished shows at once."""
    url = "/en/stories/?state=TX&q=Texas"
    first = client.get(url).content.decode()
    assert len(titles(first)) == 4
    count, warm = warm_queries(client, url)
    assert count == 0 and titles(warm) == titles(first)
    # Other filters are their own listing, not the one kept for Texas.
    assert titles(client.get("/en/stories/?state=AZ").content.decode()) == ["Arizona granted 2018"]

    newest = make_story(
        story_index, title="Texas denied 2022", slug="tx-2022", state_code="TX", decision_year=2022
    )
    assert titles(client.get(url).content.decode())[0] == "Texas denied 2022"
    newest.unpublish()
    assert "Texas denied 2022" not in titles(client.get(url).content.decode())


@pytest.mark.django_db
def test_one_page_number_is_one_listing(client, story_index):
    add_live_pages(CaseStoryPageFactory, story_index, STORIES_PER_PAGE + 2, slug=lambda n: f"s-{n}")
    second = titles(client.get("/en/stories/", {"page": "2"}).content.decode())
    assert len(second) == 2
    for spelling in ("02", "0002"):
        count, html = warm_queries(client, f"/en/stories/?page={spelling}")
        assert count == 0 and titles(html) == second
    # Past the end is the last page, in the title too; anything else is the first.
    past = client.get("/en/stories/", {"page": "9"}).content.decode()
    assert titles(past) == second and "(page 2)" in past
    for nonsense in ("-1", "x", "1.5"):
        assert len(titles(client.get("/en/stories/", {"page": nonsense}).content.decode())) == 12
