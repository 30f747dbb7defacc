"""HomePage and StandardPage: tree rules, admin round-trips, rendering and query budgets."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import HomePageFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from tests.helpers import restore_fresh_install, warm_queries


class HomeTreeRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)


class HomeAdminRoundTrip(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-rt")

    def test_editor_creates_a_standard_page_with_every_body_block(self):
        data = nested_form_data(
            {
                "title": "What is qualified immunity?",
                "slug": "explainer",
                "introduction": "A court-made rule.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Where it comes from", "level": "h2"}),
                        ("paragraph", rich_text("<p>In 1967 the Supreme Court...</p>")),
                        ("quote", {"quote": "No one is above the law.", "attribution": "A"}),
                        (
                            "call_to_action",
                            {
                                "title": "Act",
                                "text": "",
                                "page": "",
                                "url": "https://example.org/",
                                "button_label": "Go",
                            },
                        ),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="explainer")
        assert [block.block_type for block in page.body] == [
            "heading",
            "paragraph",
            "quote",
            "call_to_action",
        ]


class HomeAdminRootRoundTrip(WagtailPageTestCase):
    """On a new installation (only Wagtail's welcome page), an editor makes the home page."""

    def setUp(self):
        restore_fresh_install()
        self.login()

    def test_editor_creates_a_home_page_at_the_root(self):
        data = nested_form_data(
            {
                "title": "Home two",
                "slug": "home-two",
                "hero_heading": "No one is above the law",
                "hero_text": "",
                "hero_cta_label": "",
                "body": streamfield([]),
            }
        )
        self.assertCanCreate(Page.get_first_root_node(), HomePage, data)


@pytest.mark.django_db
def test_home_page_renders_its_hero_and_body(client, home_page):
    home_page.body = [("heading", {"text": "A heading in the body", "level": "h2"})]
    home_page.save_revision().publish()
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert home_page.hero_heading in html
    assert "<h2>A heading in the body</h2>" in html
    assert '<html lang="en" dir="ltr">' in html
    assert 'href="#main"' in html  # skip link


@pytest.mark.django_db
def test_standard_page_renders_every_block_type(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        slug="all-blocks",
        body=[
            ("heading", {"text": "Heading", "level": "h3"}),
            ("paragraph", "<p>Para</p>"),
            ("quote", {"quote": "Said <b>so</b>", "attribution": "Someone"}),
            ("faq", {"title": "FAQ", "items": [{"question": "Q?", "answer": "<p>A.</p>"}]}),
            (
                "call_to_action",
                {"title": "T", "text": "", "url": "https://example.org", "button_label": "B"},
            ),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<h3>Heading</h3>" in html
    assert "Said &lt;b&gt;so&lt;/b&gt;" in html  # quotes are escaped, not rendered as HTML
    assert "<summary>Q?</summary>" in html
    assert 'href="https://example.org"' in html


@pytest.mark.django_db
def test_home_page_query_count_does_not_grow_with_menu_pages(client, home_page):
    for n in range(3):
        StandardPageFactory(parent=home_page, show_in_menus=True, slug=f"few-{n}")
    warm_queries(client, "/en/")[0]  # warm caches (site root paths, content types)
    few = warm_queries(client, "/en/")[0]
    for n in range(30):
        StandardPageFactory(parent=home_page, show_in_menus=True, slug=f"many-{n}")
    many = warm_queries(client, "/en/")[0]
    assert few == many


@pytest.mark.django_db
def test_standard_page_query_count_is_fixed(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="about")
    warm_queries(client, page.url)[0]
    first = warm_queries(client, page.url)[0]
    for n in range(20):
        StandardPageFactory(parent=page, slug=f"child-{n}")
    assert warm_queries(client, page.url)[0] == first
    assert first <= 20
