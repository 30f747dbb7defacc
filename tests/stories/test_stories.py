"""Case stories: tree rules, admin round-trip, the story page, sharing cards, Spanish pages."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.localization import translate
from core.us_states import US_STATES, normalize_state_code, state_name
from home.factories import CampaignImageFactory, HomePageFactory
from home.models import HomePage, StandardPage
from stories.choices import Circuit, HarmType, Outcome
from stories.factories import CaseStoryPageFactory, NewsIndexPageFactory, StoryIndexPageFactory
from stories.models import CaseStoryPage, NewsIndexPage, NewsPage, StoryIndexPage
from stories.state_pages import state_pages_by_code
from tests.helpers import warm_queries
from tests.stories import helpers as support
from tests.stories.helpers import make_story, translate_story

# Fixtures shared by the stories test modules.
story_index = support.story_index
spanish_story_index = support.spanish_story_index
news_index = support.news_index


class StoryTreeRules(WagtailPageTestCase):
    def test_indexes_live_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, StoryIndexPage)
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, StoryIndexPage)

    def test_stories_and_news_live_under_their_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(CaseStoryPage, {StoryIndexPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(CaseStoryPage, set())
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(NewsIndexPage, CaseStoryPage)
        self.assertCanNotCreateAt(StoryIndexPage, NewsPage)

    def test_one_index_of_each_kind_per_home_page(self):
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-tree")
        StoryIndexPageFactory(parent=home, slug="stories-a")
        NewsIndexPageFactory(parent=home, slug="news-a")
        assert not StoryIndexPage.can_create_at(home)
        assert not NewsIndexPage.can_create_at(home)


class StoryAdminRoundTrip(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-admin")
        self.index = StoryIndexPageFactory(parent=self.home, slug="stories-admin")

    def story_form(self, **overrides):
        data = {
            "title": "Shot in the back",
            "slug": "shot-in-the-back",
            "is_sample": "on",
            "summary": "Officers mistook him for a suspect.",
            "hero_image": "",
            "person_name": "",
            "state_code": "TX",
            "harm_type": HarmType.EXCESSIVE_FORCE,
            "outcome": Outcome.QI_GRANTED,
            "decision_year": "2018",
            "case_name": "Collie v. Barron",
            "citation": "",
            "court": "U.S. Court of Appeals for the Fifth Circuit",
            "circuit": Circuit.FIFTH,
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>He was unarmed.</p>")),
                    (
                        "source",
                        {
                            "title": "Opinion",
                            "url": "https://example.org/opinion",
                            "publisher": "Fifth Circuit",
                            "date": "2018-12-03",
                        },
                    ),
                ]
            ),
            "sources": streamfield(
                [
                    (
                        "source",
                        {
                            "title": "Report",
                            "url": "https://example.org/report",
                            "publisher": "",
                            "date": "",
                        },
                    )
                ]
            ),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_editor_creates_a_story_with_facts_body_and_sources(self):
        self.assertCanCreate(self.index, CaseStoryPage, self.story_form())
        story = CaseStoryPage.objects.get(slug="shot-in-the-back")
        assert (story.state_code, story.outcome, story.decision_year) == ("TX", "qi-granted", 2018)
        assert story.is_sample and story.person_name == ""
        assert [block.block_type for block in story.body] == ["paragraph", "source"]
        assert story.sources[0].value["url"] == "https://example.org/report"

    def test_bad_facts_are_refused_next_to_their_field(self):
        data = self.story_form(
            slug="bad", state_code="ZZ", decision_year="1700", outcome="won", case_name=""
        )
        data["action-publish"] = "action-publish"  # drafts may leave required fields empty
        response = self.client.post(
            f"/admin/pages/add/stories/casestorypage/{self.index.pk}/", data
        )
        assert response.status_code == 200
        assert not CaseStoryPage.objects.filter(slug="bad").exists()
        errors = response.context["form"].errors
        assert {"state_code", "decision_year", "outcome", "case_name"} <= set(errors)

    def test_a_source_with_a_script_url_is_refused(self):
        data = self.story_form(
            slug="script-source",
            sources=streamfield(
                [
                    (
                        "source",
                        {"title": "x", "url": "javascript:alert(1)", "publisher": "", "date": ""},
                    )
                ]
            ),
        )
        self.client.post(f"/admin/pages/add/stories/casestorypage/{self.index.pk}/", data)
        assert not CaseStoryPage.objects.filter(slug="script-source").exists()

    def test_every_page_type_previews_before_and_after_it_is_saved(self):
        from stories.factories import NewsPageFactory

        story = CaseStoryPageFactory(parent=self.index, slug="preview-me")
        news_index = NewsIndexPageFactory(parent=self.home, slug="news-preview")
        news = NewsPageFactory(parent=news_index, slug="news-preview-item")
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsPreviewable(news_index)
        # StreamField editors are built by JS, so their form data is given here.
        self.assertPageIsPreviewable(story, post_data=self.story_form(slug="preview-me"))
        self.assertPageIsPreviewable(news, post_data=self.news_form(slug="news-preview-item"))
        self.client.force_login(self.user)  # assertPageIsPreviewable logs its own user out
        add_preview = f"/admin/pages/add/stories/casestorypage/{self.index.pk}/preview/"
        response = self.client.post(add_preview, self.story_form(slug="new-preview"))
        assert response.json()["is_valid"]
        assert "Shot in the back" in self.client.get(add_preview).content.decode()

    def news_form(self, related=(), **overrides):
        data = {
            "title": "Campaign launch",
            "slug": "launch",
            "date": "2024-03-04",
            "kind": "press-release",
            "summary": "We launch today.",
            "hero_image": "",
            "body": streamfield([("paragraph", rich_text("<p>Today.</p>"))]),
            "related_story_links": inline_formset([{"story": str(pk)} for pk in related]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_editor_creates_news_with_related_stories(self):
        story = CaseStoryPageFactory(parent=self.index, slug="related-one")
        news_index = NewsIndexPageFactory(parent=self.home, slug="news-admin")
        self.assertCanCreate(news_index, NewsPage, self.news_form(related=[story.pk]))
        news = NewsPage.objects.get(slug="launch")
        assert [link.story_id for link in news.related_story_links.all()] == [story.pk]


def meta_content(html: str, attribute: str, name: str) -> str | None:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


@pytest.mark.django_db
def test_story_page_shows_its_facts_sources_and_sample_note(client, story_index):
    story = make_story(
        story_index,
        title="Shot on his parents' driveway",
        person_name="Robbie Tolan",
        case_name="Tolan v. Cotton",
        citation="572 U.S. 650 (2014)",
        court="Supreme Court of the United States",
        circuit=Circuit.SUPREME_COURT,
        decision_year=2014,
        state_code="TX",
        harm_type=HarmType.EXCESSIVE_FORCE,
        outcome=Outcome.OTHER,
        sources=[
            (
                "source",
                {"title": "Opinion", "url": "https://example.org/o", "publisher": "SCOTUS"},
            )
        ],
    )
    response = client.get(story.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<dd>Robbie Tolan</dd>" in html
    assert "<cite>Tolan v. Cotton</cite>, 572 U.S. 650 (2014)" in html
    assert "<dd>Texas</dd>" in html  # no StatePage yet: the name without a link
    assert "Other outcome" in html and "Excessive force" in html
    assert '<a href="https://example.org/o">Opinion</a>' in html
    assert "Sample content" in html
    assert 'href="/en/stories/?state=TX"' in html


@pytest.mark.django_db
def test_story_without_image_sources_name_or_year_still_renders(client, story_index):
    story = make_story(
        story_index, person_name="", decision_year=None, hero_image=None, sources=[], body=[]
    )
    response = client.get(story.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Name withheld" in html and "Not yet decided" in html
    assert 'id="sources-heading"' not in html
    assert meta_content(html, "name", "twitter:card") == "summary"
    assert "og:image" not in html


@pytest.mark.django_db
def test_story_text_is_escaped(client, story_index):
    story = make_story(
        story_index, title="<script>alert(1)</script>", summary="<b>bold</b> & more", slug="xss"
    )
    html = client.get(story.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


@pytest.mark.django_db
def test_story_share_card_and_share_links(client, story_index):
    image = CampaignImageFactory(alt_text="Illustration of the case", width=1600, height=900)
    story = make_story(
        story_index, title="A story to share", summary="What happened, briefly.", hero_image=image
    )
    html = client.get(story.url).content.decode()
    absolute = "http://testserver/en/stories/" + story.slug + "/"
    assert meta_content(html, "property", "og:type") == "article"
    assert meta_content(html, "property", "og:title") == "A story to share"
    assert meta_content(html, "property", "og:description") == "What happened, briefly."
    assert meta_content(html, "property", "og:url") == absolute
    assert meta_content(html, "property", "og:image").startswith("http://testserver/")
    assert meta_content(html, "property", "og:image:alt") == "Illustration of the case"
    assert meta_content(html, "name", "twitter:card") == "summary_large_image"
    assert meta_content(html, "property", "article:published_time")

    links = dict(re.findall(r'share__link--(\w+)" href="([^"]+)"', html))
    assert set(links) == {"email", "facebook", "x", "bluesky", "whatsapp"}
    facebook = parse_qs(urlsplit(unescape(links["facebook"])).query)
    assert facebook == {"u": [absolute]}
    assert parse_qs(urlsplit(unescape(links["x"])).query)["url"] == [absolute]
    assert absolute in parse_qs(urlsplit(unescape(links["bluesky"])).query)["text"][0]
    assert unescape(links["email"]).startswith("mailto:?subject=A%20story%20to%20share")
    # Plain links only: no third-party script on the page.
    assert re.findall(r"<script[^>]*src=\"([^\"]+)\"", html) == ["/static/js/site.js"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["story_index", "story", "news_index", "news"])
def test_every_page_type_has_open_graph_and_twitter_metadata(client, story_index, news_index, kind):
    from stories.factories import NewsPageFactory

    image = CampaignImageFactory(alt_text="Campaign image")
    pages = {
        "story_index": story_index,
        "story": make_story(story_index, summary="Story summary."),
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index, summary="News summary."),
    }
    page = pages[kind]
    page.share_image = image
    page.search_description = "Shared description."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert meta_content(html, "property", "og:title") == page.title
    assert meta_content(html, "property", "og:description") == "Shared description."
    assert meta_content(html, "name", "twitter:card") == "summary_large_image"
    assert meta_content(html, "property", "og:image:alt") == "Campaign image"
    assert meta_content(html, "property", "og:url") == f"http://testserver{page.url}"


@pytest.mark.django_db
def test_spanish_story_page_and_its_language_switcher(client, story_index, spanish_story_index):
    story = make_story(story_index, title="Shot in the back", slug="shot", state_code="TX")
    spanish = translate_story(story, "Disparo por la espalda", "disparo", "Lo confundieron.")

    response = client.get("/es/historias/disparo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert spanish.url == "/es/historias/disparo/"
    assert '<html lang="es"' in html
    assert "<h1>Disparo por la espalda</h1>" in html
    assert "Los hechos" in html and "Inmunidad calificada concedida" in html
    assert "Comparta esta historia" in html and "Contenido de ejemplo" in html
    assert meta_content(html, "property", "og:locale") == "es"
    assert 'href="/en/stories/shot/" lang="en" hreflang="en"' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/stories/shot/">' in html
    english = client.get("/en/stories/shot/").content.decode()
    assert 'href="/es/historias/disparo/" lang="es" hreflang="es"' in english


def test_us_states_cover_fifty_states_and_dc():
    codes = [code for code, _name in US_STATES]
    assert len(codes) == len(set(codes)) == 51
    assert "DC" in codes and "PR" not in codes
    assert normalize_state_code(" tx ") == "TX"
    assert normalize_state_code("ZZ") is None and normalize_state_code(None) is None
    with translation.override("en"):
        assert str(state_name("ny")) == "New York"
    with translation.override("es"):
        assert str(state_name("NY")) == "Nueva York"
    assert state_name("<script>") is None


@pytest.mark.django_db
def test_a_story_links_to_its_state_page(client, home_page, story_index):
    from states.factories import StateIndexPageFactory, StatePageFactory

    scorecard = StateIndexPageFactory(parent=home_page)
    texas = StatePageFactory(parent=scorecard, title="Texas", postal_code="TX")
    story = make_story(story_index, state_code="TX")
    make_story(story_index, state_code="OH", slug="ohio-story")  # no Ohio page: no link

    assert story.state_page == texas
    assert state_pages_by_code({"TX", "OH"}, story.locale_id) == {"TX": texas}
    # Loaded for their links only: the link itself costs no further query.
    linked, listed = story.state_page, state_pages_by_code({"TX"}, story.locale_id)["TX"]
    url = texas.url
    with CaptureQueriesContext(connection) as queries:
        assert linked.url == listed.url == url
    assert not queries.captured_queries
    assert f'<a href="{texas.url}">Texas</a>' in client.get(story.url).content.decode()
    assert f'<a href="{texas.url}">Texas</a>' in client.get("/en/stories/").content.decode()


@pytest.mark.django_db
def test_story_page_query_count_is_fixed(client, story_index, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    source = {"title": "Opinion", "url": "https://example.org/o", "publisher": "", "date": None}
    story = make_story(
        story_index, hero_image=CampaignImageFactory(), sources=[("source", source)] * 2
    )
    warm_queries(client, story.url)  # renditions are generated on first view
    few, _html = warm_queries(client, story.url)
    story.sources = [("source", source)] * 30
    story.save_revision().publish()
    for n in range(20):
        make_story(story_index, slug=f"sibling-{n}", hero_image=CampaignImageFactory())
    many, html = warm_queries(client, story.url)
    assert html.count('class="source"') == 30
    assert few == many and many <= 30, (few, many)
    print(f"story page: {few} queries with 2 sources, {many} with 30 sources and 20 siblings")


@pytest.mark.django_db
@pytest.mark.indexes
def test_site_search_finds_stories_by_person_and_case(client, story_index):
    make_story(
        story_index,
        title="Shot in the back",
        person_name="David Collie",
        case_name="Collie v. Barron",
    )
    make_story(
        story_index, title="Another story", person_name="Someone Else", case_name="Else v. Doe"
    )
    for query in ("Collie", "Barron"):
        html = client.get("/en/search/", {"q": query}).content.decode()
        assert "Shot in the back" in html and "Another story" not in html


@pytest.mark.django_db
def test_admin_forms_and_translation_editor_open(admin_client, story_index, spanish_story_index):
    from stories.factories import NewsPageFactory

    source = {
        "title": "Opinion",
        "url": "https://example.org/o",
        "publisher": "Court",
        "date": None,
    }
    story = make_story(
        story_index,
        body=[("paragraph", "<p>What happened.</p>"), ("source", source)],
        sources=[("source", source)],
    )
    spanish = translate(
        story,
        "es",
        {
            story.title: "Historia",
            story.slug: "historia",
            story.summary: "Resumen.",
            "What happened.": "Lo que pasó.",
        },
    )
    # Source titles and publishers are kept as published: nothing for translators to copy.
    assert spanish.sources[0].value["title"] == "Opinion"
    assert spanish.body[1].value["publisher"] == "Court"

    news_index = NewsIndexPageFactory(parent=story_index.get_parent(), slug="news-admin-views")
    news = NewsPageFactory(parent=news_index)
    for url in [
        f"/admin/pages/add/stories/casestorypage/{story_index.pk}/",
        f"/admin/pages/add/stories/newspage/{news_index.pk}/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{story_index.pk}/edit/",
        f"/admin/pages/{news.pk}/edit/",
        f"/admin/pages/{news_index.pk}/edit/",
        f"/admin/pages/{spanish.pk}/edit/",  # wagtail-localize's translation editor
    ]:
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.django_db  # a page's instance reads its content type
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_labels_shown_are_djangos_own_in_each_language(language):
    """outcome_label and the like (a dict lookup, cheap on a listing of cards) say what
    get_outcome_display() says, for every choice and for a value no longer among them."""
    fields = {"outcome": Outcome, "harm_type": HarmType, "circuit": Circuit}
    with translation.override(language):
        for field, choices in fields.items():
            for value in [*choices.values, "retired-value"]:
                story = CaseStoryPage(**{field: value})
                label = getattr(story, f"{field}_label")
                assert str(label) == str(getattr(story, f"get_{field}_display")())
    # The labels are translated when shown, not when the dict was made.
    story = CaseStoryPage(outcome=Outcome.values[0])
    with translation.override("en"):
        english = str(story.outcome_label)
    with translation.override("es"):
        assert str(story.outcome_label) != english


@pytest.mark.parametrize("title", ["", "   "])
def test_a_source_needs_a_title_even_in_a_draft(title):
    sources = CaseStoryPage._meta.get_field("sources").stream_block
    value = sources.to_python(
        [{"type": "source", "value": {"title": title, "url": "https://example.org/o"}}]
    )
    # What saving a draft runs: required fields deferred, as Wagtail does for drafts.
    with pytest.raises(ValidationError) as raised:
        sources.clean_deferred(value)
    [errors] = raised.value.block_errors.values()
    assert [str(m) for m in errors.block_errors["title"].messages] == ["A source needs a title."]
