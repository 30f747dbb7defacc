"""Query budgets: each page type, in English and in Spanish, costs the same fixed number of
queries with 10 and with 60 children (menu pages, stories, bills, voices, signatures): five
pages of a listing, a bill in every state's row of the map. Any query per child shows at 60 as
it would at 300, which these tests used until building 290 pages a test cost most of their time.

Two figures per page, measured with the page cache off (as the uncached benchmark serves pages):
- warm: a visitor after the first; site-wide data (site, locales, settings, route, menus,
  language alternates, footer) comes from the site cache (core/site_cache.py), and the page's
  own content from the database. Asserted exactly: a change is a decision, not an accident.
- cold: the first visitor after a publish purged everything. Asserted to be flat, and bounded.

Renditions and translations come prefetched or from Wagtail's rendition cache: the 60-child
figures would otherwise grow. Budgets are the same in both languages unless noted.
"""

import datetime
import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Site

from actions.factories import PetitionPageFactory, SignatureFactory
from actions.models import Signature
from core import generation as cache_generation
from core.localization import translate
from core.us_states import US_STATES, state_name_in
from home.factories import CampaignImageFactory, StandardPageFactory
from home.models import SiteSettings
from states import seed
from states.factories import StatePageFactory
from states.models import BillStatus
from stories.factories import CaseStoryPageFactory
from testimonials.factories import TestimonialIndexPageFactory, TestimonialPageFactory
from tests.actions.petitions.helpers import spanish_strings
from tests.helpers import queries_for
from tests.states.helpers import make_bill, rubric
from tests.stories import helpers as stories_support

story_index = stories_support.story_index
spanish_story_index = stories_support.spanish_story_index

# Warm queries per page type (the same in both languages) and the most a cold page may cost.
# Warm: the page itself (and its images) comes from the site cache's route, as published.
WARM = {
    "home": 4,  # featured actions, the letter page, partners
    "story index": 0,  # its listing (count, cards, facets) kept as HTML until a publish
    "story": 1,  # the page, images and article kept; the next step's live count
    "map": 6,  # criteria, states, assessments, bills and their history
    "state": 11,  # criteria, assessments, bills, stories, voices, members of Congress, next step
    "wall": 0,  # the rendered wall kept per language, filters and page until a publish
    "petition": 3,  # the count, recent signers, partners
}
# The costliest cold page is a Spanish state page (31): its scorecard, bills, members of Congress
# and the next step (the action in the visitor's language, then its count).
COLD_AT_MOST = 32

LANGUAGES = ["en", "es"]
FEW, MANY = 10, 60


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)  # Spanish requests leave Spanish active


def budget(client, url: str) -> tuple[int, int]:
    """(cold, warm) queries of `url`: after a purge, as a publish leaves it, and then again."""
    client.get(url)  # renditions are generated on a page's first view, once
    cache_generation.purge_all()
    cold = queries_for(client, url)[0]
    return cold, queries_for(client, url)[0]


def assert_flat(name: str, few: tuple[int, int], many: tuple[int, int]) -> None:
    print(f"{name}: cold {few[0]} → {many[0]}, warm {few[1]} → {many[1]}")
    assert few == many, f"{name} grows with its children: {few} → {many}"
    cold, warm = many
    assert warm == WARM[name.split(" (")[0]], f"{name}: {warm} warm queries"
    assert cold <= COLD_AT_MOST, f"{name}: {cold} cold queries"


@pytest.fixture
def photos(db):
    return [CampaignImageFactory() for _ in range(3)]


# Home page: the menu lists the home page's children shown in menus. -------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page(client, home_page, spanish_home, language):
    home = home_page if language == "en" else spanish_home

    def add_menu_pages(start: int, stop: int) -> None:
        for n in range(start, stop):
            StandardPageFactory(parent=home, slug=f"menu-{n}", show_in_menus=True)

    add_menu_pages(0, FEW)
    few = budget(client, home.url)
    add_menu_pages(FEW, MANY)
    assert_flat(f"home ({language})", few, budget(client, home.url))


# Stories: the index lists them (paginated, filtered), a story shows its facts and sources. ----


def add_stories(index, photos, start: int, stop: int) -> None:
    for n in range(start, stop):
        CaseStoryPageFactory(
            parent=index,
            slug=f"story-{n}",
            state_code=["TX", "AZ", "GA"][n % 3],
            decision_year=2000 + n % 20,
            hero_image=photos[n % len(photos)],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_story_index(client, story_index, spanish_story_index, photos, language):
    index = story_index if language == "en" else spanish_story_index
    add_stories(index, photos, 0, FEW)
    few = budget(client, index.url)
    add_stories(index, photos, FEW, MANY)
    assert_flat(f"story index ({language})", few, budget(client, index.url))


@pytest.fixture
def main_petition(home_page, spanish_home):
    """The site's default next step, in both languages: stories and state pages end with it."""
    petition = PetitionPageFactory(parent=home_page, title="End qualified immunity", slug="main")
    petition.save_revision().publish()
    translate(petition, "es", spanish_strings(petition))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.default_next_step = petition
    site_settings.save()
    SignatureFactory.create_batch(3, action=petition)
    return petition


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_story(client, story_index, spanish_story_index, photos, main_petition, language):
    index = story_index if language == "en" else spanish_story_index
    source = {"title": "Opinion", "url": "https://example.org/o", "publisher": "", "date": None}
    story = CaseStoryPageFactory(
        parent=index, slug="the-story", hero_image=photos[0], sources=[("source", source)] * 3
    )
    add_stories(index, photos, 0, FEW)
    few = budget(client, story.url)
    add_stories(index, photos, FEW, MANY)
    assert_flat(f"story ({language})", few, budget(client, story.url))
    assert 'class="cta next-step"' in client.get(story.url).content.decode()


# The scorecard: the map and table of every state, and one state's page with its bills. --------


@pytest.fixture
def scorecard(home_page, spanish_home):
    """The scorecard in both languages, with a page per state in each."""
    rubric()
    english = seed.ensure_index(io.StringIO())
    spanish = english.get_translation(spanish_home.locale)
    for code, _name in US_STATES:
        for index, language in ((english, "en"), (spanish, "es")):
            name = state_name_in(code, language)
            StatePageFactory(parent=index, title=name, slug=slugify(name), postal_code=code)
    return {"en": english, "es": spanish}


def add_bills(start: int, stop: int, codes: list[str]) -> None:
    for n in range(start, stop):
        introduced = datetime.date(2026, 1, 1 + n % 28)
        make_bill(codes[n % len(codes)], (BillStatus.INTRODUCED, introduced), number=f"HB {n}")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_map(client, scorecard, language):
    url = scorecard[language].url
    codes = [code for code, _name in US_STATES]
    add_bills(0, FEW, codes)
    few = budget(client, url)
    add_bills(FEW, MANY, [*codes, "US"])
    assert_flat(f"map ({language})", few, budget(client, url))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_state(client, scorecard, main_petition, language):
    url = f"{scorecard[language].url}colorado/"
    add_bills(0, FEW, ["CO", "US"])
    few = budget(client, url)
    add_bills(FEW, MANY, ["CO", "US"])
    assert_flat(f"state ({language})", few, budget(client, url))
    assert 'class="cta next-step"' in client.get(url).content.decode()


# Voices: the wall of published voices. ----------------------------------------------------------


@pytest.fixture
def walls(home_page, spanish_home):
    wall = TestimonialIndexPageFactory(
        parent=home_page, title="Voices", slug="voices", introduction="Why it must end."
    )
    wall.save_revision().publish()
    spanish = translate(
        wall, "es", {"Voices": "Voces", "voices": "voces", "Why it must end.": "Por qué."}
    )
    return {"en": wall, "es": spanish}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_wall(client, walls, photos, language):
    wall = walls[language]

    def add_voices(start: int, stop: int) -> None:
        for n in range(start, stop):
            TestimonialPageFactory(
                parent=wall, slug=f"voice-{n}", photo=photos[n % 3], language=language
            )

    add_voices(0, FEW)
    few = budget(client, wall.url)
    add_voices(FEW, MANY)
    assert_flat(f"wall ({language})", few, budget(client, wall.url))


# Petitions: the live count and the recent signers. ---------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_petition(client, home_page, spanish_home, language):
    petition = PetitionPageFactory(parent=home_page, title="End qualified immunity", slug="sign")
    petition.save_revision().publish()
    page = petition if language == "en" else translate(petition, "es", spanish_strings(petition))
    SignatureFactory.create_batch(FEW, action=petition, public=True, language=language)
    few = budget(client, page.url)
    Signature.objects.bulk_create(
        Signature(
            action=petition,
            action_key=petition.translation_key,
            first_name="Sample",
            email=f"bulk{n}@example.org",
            language=language,
            public=True,
            consent_text="sample",
        )
        for n in range(MANY - FEW)
    )
    assert_flat(f"petition ({language})", few, budget(client, page.url))
