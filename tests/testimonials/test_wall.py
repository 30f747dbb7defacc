"""The wall: filters by category and state without JavaScript, paginates, links to the state's
page when there is one, and costs the same number of queries for 10 voices as for 60; the
"voices from your state" block on the home page likewise."""

import re

import pytest

from core.generation import generation, purge_all
from home.factories import CampaignImageFactory
from testimonials.factories import TestimonialPageFactory
from testimonials.wall import VOICES_PER_PAGE, latest_voices, state_pages
from tests.helpers import add_live_pages, queries_for, warm_queries

pytestmark = pytest.mark.django_db


def make_voices(wall, count: int, photos: list | None = None, **fields):
    voices = []
    for index in range(count):
        photo = photos[index % len(photos)] if photos else None
        voice = TestimonialPageFactory(parent=wall, photo=photo, **fields)
        voice.save_revision().publish()
        voices.append(voice)
    return voices


def add_voices(wall, count: int, photos: list, **fields) -> list:
    """Many published voices at once (tests of listing costs, not of publishing)."""
    return add_live_pages(
        TestimonialPageFactory, wall, count, photo=lambda n: photos[n % len(photos)], **fields
    )


def names_on(html: str) -> list[str]:
    return re.findall(r'class="voice-card__name"><a href="[^"]+" dir="auto">([^<]+)<', html)


def test_the_wall_lists_published_voices_newest_first(client, wall):
    make_voices(wall, 2, name="Older Person")
    make_voices(wall, 1, name="Newest Person")
    html = client.get(wall.url).content.decode()
    assert names_on(html) == ["Newest Person", "Older Person", "Older Person"]
    assert "3 voices" in html
    assert "Sample voice" in html


def test_filters_by_category_and_state_with_plain_links(client, wall):
    make_voices(wall, 1, name="Texas Veteran", category="veteran", state_code="TX")
    make_voices(wall, 1, name="Ohio Veteran", category="veteran", state_code="OH")
    make_voices(wall, 1, name="Texas Lawyer", category="lawyer", state_code="TX")
    assert names_on(client.get(wall.url + "?category=veteran").content.decode()) == [
        "Ohio Veteran",
        "Texas Veteran",
    ]
    html = client.get(wall.url + "?category=veteran&state=TX").content.decode()
    assert names_on(html) == ["Texas Veteran"]
    assert '<option value="TX" selected>' in html and '<option value="veteran" selected>' in html
    assert f'href="{wall.url}"' in html  # "show all voices"
    # Each card's state links to the wall filtered by that state.
    assert f'href="{wall.url}?state=TX">Texas</a>' in html


def test_pagination_keeps_the_filters(client, wall):
    make_voices(wall, VOICES_PER_PAGE + 2, state_code="CO")
    first = client.get(wall.url + "?state=CO").content.decode()
    assert len(names_on(first)) == VOICES_PER_PAGE
    assert 'href="?state=CO&amp;page=2"' in first
    second = client.get(wall.url + "?state=CO&page=2").content.decode()
    assert len(names_on(second)) == 2


def test_the_wall_links_a_state_filter_to_its_state_page_once_states_exist(client, wall):
    # This branch has no StatePage model yet: the lookup is lazy and finds nothing, no error.
    assert state_pages(["TX"], wall.locale_id) == {}
    make_voices(wall, 1, state_code="TX")
    assert client.get(wall.url + "?state=TX").status_code == 200


def test_only_voices_in_the_walls_language_are_listed(client, wall, spanish_wall):
    make_voices(wall, 1, name="English Voice")
    assert names_on(client.get(spanish_wall.url).content.decode()) == []
    assert names_on(client.get(wall.url).content.decode()) == ["English Voice"]


def test_a_voice_page_shows_the_voice_and_links_back(client, wall):
    [voice] = make_voices(wall, 1, name="Lena Park", state_code="WA", quote="Equal justice.")
    html = client.get(voice.url).content.decode()
    assert '<h1 dir="auto">Lena Park</h1>' in html
    assert "Equal justice." in html
    assert f'href="{wall.url}?state=WA"' in html
    assert 'property="og:description" content="Equal justice."' in html


def test_anonymous_voices_show_neither_name_nor_city(client, wall):
    make_voices(wall, 1, name="", name_shown="anonymous", city="Smallville", state_code="KS")
    html = client.get(wall.url).content.decode()
    assert "Anonymous supporter" in html and "Smallville" not in html and "Kansas" in html


def cold_queries(client, url: str) -> int:
    """The queries of `url` right after a publish (which empties the kept walls)."""
    client.get(url)  # photos' renditions are made on a page's first view, once
    purge_all()
    return queries_for(client, url)[0]


def test_the_wall_costs_the_same_queries_for_10_and_60_voices(client, wall):
    photos = [CampaignImageFactory() for _ in range(VOICES_PER_PAGE)]
    add_voices(wall, 10, photos, state_code="TX")
    few = cold_queries(client, wall.url)
    few_filtered = cold_queries(client, wall.url + "?state=TX&category=other&page=1")
    add_voices(wall, 50, photos, state_code="TX")
    many = cold_queries(client, wall.url)
    many_filtered = cold_queries(client, wall.url + "?state=TX&category=other&page=2")
    assert few == many, (few, many)
    assert few_filtered == many_filtered, (few_filtered, many_filtered)
    html = client.get(wall.url).content.decode()
    assert html.count("<img") == VOICES_PER_PAGE and "srcset=" in html
    print(f"wall queries: {few} for 10 voices, {many} for 60")


def test_the_wall_is_kept_per_filters_and_page_until_a_publish(client, wall, spanish_wall):
    """Each language, set of filters and page is rendered once, then served without a query
    (issue 20); a voice approved (published) or taken down shows at once."""
    make_voices(wall, 1, name="Texas Veteran", category="veteran", state_code="TX")
    make_voices(wall, 1, name="Ohio Lawyer", category="lawyer", state_code="OH")
    url = wall.url + "?state=TX"
    assert names_on(client.get(url).content.decode()) == ["Texas Veteran"]
    count, html = warm_queries(client, url)
    assert count == 0 and names_on(html) == ["Texas Veteran"]
    assert names_on(client.get(wall.url + "?state=OH").content.decode()) == ["Ohio Lawyer"]
    assert names_on(client.get(spanish_wall.url + "?state=TX").content.decode()) == []
    assert 'value="TX" selected' in client.get(url).content.decode()

    [newest] = make_voices(wall, 1, name="Texas Teacher", state_code="TX")
    assert names_on(client.get(url).content.decode()) == ["Texas Teacher", "Texas Veteran"]
    newest.unpublish()
    assert names_on(client.get(url).content.decode()) == ["Texas Veteran"]


def test_latest_voices_for_a_state_in_a_fixed_number_of_queries(wall, django_assert_num_queries):
    photos = [CampaignImageFactory() for _ in range(3)]
    make_voices(wall, 5, photos=photos, state_code="NM")
    make_voices(wall, 2, state_code="AZ")
    generation()  # read once a second per process, not per call (core/generation.py)
    with django_assert_num_queries(3):  # voices, photos' renditions, view restrictions
        voices = latest_voices("nm", "en", 3)
    assert len(voices) == 3 and {v.state_code for v in voices} == {"NM"}
    assert latest_voices("ZZ", "en", 3) == []
    assert latest_voices("NM", "es", 3) == []


def test_the_home_page_block_shows_a_states_latest_voices(client, home_page, wall):
    make_voices(wall, 4, name="Nevadan", state_code="NV")
    make_voices(wall, 1, name="Oregonian", state_code="OR")
    home_page.body = [("voices_from_state", {"heading": "", "state_code": "NV", "count": 2})]
    home_page.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Voices from Nevada" in html
    assert names_on(html) == ["Nevadan", "Nevadan"]
    assert f'href="{wall.url}?state=NV">All voices from Nevada</a>' in html


def test_the_home_page_block_costs_the_same_queries_for_10_and_60_voices(client, home_page, wall):
    home_page.body = [("voices_from_state", {"heading": "", "state_code": "UT", "count": 3})]
    home_page.save_revision().publish()
    photos = [CampaignImageFactory() for _ in range(3)]
    add_voices(wall, 10, photos, state_code="UT")
    few = warm_queries(client, "/en/")[0]
    add_voices(wall, 50, photos, state_code="UT")
    assert warm_queries(client, "/en/")[0] == few


def test_a_state_filter_and_a_voice_link_to_the_states_page_when_it_exists(
    client, home_page, wall, monkeypatch
):
    """StatePage lives in the states app; stand a page in for it to check the wiring."""
    from home.factories import StandardPageFactory
    from testimonials import wall as wall_module

    texas = StandardPageFactory(parent=home_page, title="Texas", slug="texas")
    calls = []

    def fake_state_pages(codes, locale_id):
        calls.append(list(codes))
        return {"TX": texas} if "TX" in codes else {}

    monkeypatch.setattr(wall_module, "state_pages", fake_state_pages)
    [voice] = make_voices(wall, 1, state_code="TX")
    link = 'href="/en/texas/">How well does Texas protect your rights?</a>'
    assert link in client.get(wall.url + "?state=TX").content.decode()
    assert link not in client.get(wall.url).content.decode()
    assert link in client.get(voice.url).content.decode()
