"""`manage.py demo`: idempotent, translated through wagtail-localize, every page renders."""

import io
import itertools
import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, ReferenceIndex, Revision, Site
from wagtail_localize.models import Translation

from actions.action_views import embed_path
from actions.models import AfterActing, CallPage, PetitionPage, PledgePage
from actions.models.targets import Chambers
from home.models import FooterText, HomePage
from states.models import StateIndexPage, StatePage
from stories.models import CaseStoryPage, NewsPage, StoryIndexPage
from tests.actions.petitions.helpers import signature_data
from tests.home.helpers import english_phrases, shared_phrases


def run_demo() -> str:
    out = io.StringIO()
    with override_settings(DEBUG=True):  # pytest runs with DEBUG off; the demo needs it on
        call_command("demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "footers": FooterText.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="module")
def rendered(demo_site):
    """(status, HTML) of a demo URL, rendered once for this module's read-only checks: three of
    them read every page in both languages, which took about a minute each on PostgreSQL."""
    client, pages = Client(), {}

    def get(url: str, follow: bool = False) -> tuple[int, str]:
        # A URL that answered without redirecting is the same page whether redirects are
        # followed or not: the crawls that follow them reuse it instead of rendering it again.
        plain = pages.get((url, False))
        if plain and not (follow and 300 <= plain[0] < 400):
            return plain
        if (url, follow) not in pages:
            response = client.get(url, follow=follow)
            pages[url, follow] = (response.status_code, response.content.decode())
            if follow and not response.redirect_chain:
                pages[url, False] = pages[url, follow]
        return pages[url, follow]

    return get


@pytest.mark.django_db
def test_demo_is_idempotent_and_prints_the_admin_login(demo_site, settings):
    first_output = demo_site
    assert f"{settings.DEMO_ADMIN_USERNAME} / {settings.DEMO_ADMIN_PASSWORD}" in first_output
    after_first = snapshot()
    second_output = run_demo()
    assert snapshot() == after_first
    assert "created" not in second_output and "translated" not in second_output


@pytest.mark.django_db
def test_the_demo_leaves_the_admins_usage_counts_as_a_full_rebuild_makes_them(demo_site):
    """The demo switches Wagtail's reference index updates off while it loads and rebuilds the
    index once at the end (core/management/commands/demo.py): nothing may be missing."""

    def references() -> list[tuple]:
        return sorted(
            ReferenceIndex.objects.values_list(
                "content_type_id", "object_id", "to_content_type_id", "to_object_id",
                "content_path",
            )
        )  # fmt: skip

    after_demo = references()
    story = CaseStoryPage.objects.live().filter(locale__language_code="en").first()
    assert ReferenceIndex.get_references_for_object(story).exists()
    call_command("rebuild_references_index", stdout=io.StringIO())
    assert references() == after_demo


@pytest.mark.django_db
def test_demo_has_a_sample_call_page_for_state_legislators_in_both_languages(demo_site, client):
    """Issue 23 follow-up: the state letter page's counterpart for calls, marked as a sample;
    its sample outcomes need the state legislators, which the test settings do not import
    (tests/actions/state_letters/test_state_packets.py adds them)."""
    pages = CallPage.objects.live().filter(chambers=Chambers.STATE_BOTH)
    assert {page.locale.language_code: page.title for page in pages} == {
        "en": "Call your state legislators",
        "es": "Llame a sus legisladores estatales",
    }
    for page, sample in zip(
        pages.order_by("locale__language_code"),
        ("Sample page of the demo site", "Página de muestra del sitio de demostración"),
        strict=True,
    ):
        html = client.get(page.url).content.decode()
        assert sample in html and "{legislator_title}" not in html
    assert "Call your state legislators" in demo_site


@pytest.mark.django_db
def test_demo_spanish_pages_are_wagtail_localize_translations(demo_site, client):
    english = Page.objects.live().filter(locale__language_code="en", depth__gt=1)
    spanish = Page.objects.live().filter(locale__language_code="es", depth__gt=1)
    assert english.count() == spanish.count() >= 5
    for page in english:
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale__language_code="es"
        ).exists(), f"{page} has no wagtail-localize translation"
    assert HomePage.objects.get(locale__language_code="es").hero_heading == (
        "Nadie está por encima de la ley"
    )


@pytest.mark.django_db
def test_every_demo_page_renders_in_both_languages(demo_site, rendered):
    pages = Page.objects.live().filter(depth__gt=1)
    assert {p.locale.language_code for p in pages} == {"en", "es"}
    for page in pages:
        assert rendered(page.url)[0] == 200, page.url


@pytest.mark.django_db
def test_demo_stories_news_and_states_end_with_the_main_petition(demo_site, client):
    """Issue 24: the demo sets the site's default next step; each language shows its own."""
    for model, language in itertools.product((CaseStoryPage, NewsPage, StatePage), ("en", "es")):
        for page in model.objects.live().filter(locale__language_code=language)[:2]:
            html = client.get(page.url).content.decode()
            block = html.split('class="cta next-step"', 1)[1].split("</aside>", 1)[0]
            petition = PetitionPage.objects.live().get(
                locale=page.locale, feature_on_home_page=True
            )
            assert f'href="{petition.url}"' in block, page.url
            assert "data-count>" in block


@pytest.mark.django_db
def test_demo_home_pages_have_a_hero_image_in_several_sizes(demo_site, client):
    """Issue 24: a drawn courthouse behind the hero, decorative (alt=""), with a srcset."""
    for language in ("en", "es"):
        html = client.get(f"/{language}/").content.decode()
        hero = re.search(r"<img[^>]*hero__image[^>]*>", html)[0]
        assert 'alt=""' in hero and re.search(r'srcset="[^"]+800w, [^"]+1600w"', hero)


@pytest.mark.django_db
def test_demo_partner_logos_are_svg_with_room_kept_for_them(demo_site, client):
    """Issue 24: the sample partners' logos on the home and petition pages are SVG files (not
    rasterized), with their width and height so nothing moves when they load."""
    petition = PetitionPage.objects.get(locale__language_code="en", slug="petition-to-congress")
    for url in (
        "/en/",
        "/es/",
        petition.url,
        petition.get_translation(Locale.objects.get(language_code="es")).url,
    ):
        logos = re.findall(r"<img[^>]*organization__logo[^>]*>", client.get(url).content.decode())
        assert len(logos) == 5, url
        for logo in logos:
            assert re.search(r'src="/media/images/logo-[^"]+\.svg"', logo), logo
            assert 'width="240" ' in logo or 'width="240">' in logo, logo
            assert 'height="96"' in logo, logo


@pytest.mark.django_db
def test_demo_thank_you_pages_offer_the_letter_donate_link_and_share_kit(demo_site, client):
    """Issue 24: Settings → After acting, set by the demo, on a petition's thank-you page in
    each language; the Spanish kit is the translation."""
    for language, kit_title in (("en", "Get the word out"), ("es", "Corra la voz")):
        petition = PetitionPage.objects.live().get(
            locale__language_code=language, feature_on_home_page=True
        )
        response = client.post(petition.url, signature_data(email=f"demo-{language}@example.org"))
        html = client.get(response["Location"]).content.decode()
        ask = html.split('class="next-ask"', 1)[1]
        chosen = AfterActing.for_site(Site.objects.get(is_default_site=True)).next_action
        letter = chosen.get_translation(Locale.objects.get(language_code=language))
        assert f'href="{letter.url}"' in ask and kit_title in ask
        assert 'href="https://donate.example.org/end-qualified-immunity"' in ask
        assert ask.count("<textarea") == 3 and ask.count(" download>") == 2


@pytest.mark.django_db
def test_demo_admin_login_works(demo_site, client, settings):
    assert client.login(
        username=settings.DEMO_ADMIN_USERNAME, password=settings.DEMO_ADMIN_PASSWORD
    )
    assert client.get("/admin/").status_code == 200


def visible_sentences(html: str) -> set[str]:
    """Longer runs of visible text inside <main>, tags stripped."""
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    # Text marked as English on purpose (a statute quoted, a cited title) is not a miss.
    main = re.sub(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>', "", main, flags=re.S)
    text = re.sub(r"<[^>]+>", "\n", main)
    # Five words or more: names of people are the same in both languages.
    return {line.strip() for line in text.splitlines() if len(line.split()) >= 5}


@pytest.mark.django_db
def test_spanish_demo_pages_show_no_english_sentence(demo_site, rendered):
    """Catches block text wagtail-localize did not extract (it would stay English in Spanish)."""
    for spanish in Page.objects.live().filter(locale__language_code="es", depth__gt=1):
        english = spanish.get_translation(Locale.objects.get(language_code="en"))
        english_text = visible_sentences(rendered(english.url)[1])
        spanish_text = visible_sentences(rendered(spanish.url)[1])
        untranslated = english_text & spanish_text
        assert not untranslated, f"{spanish.url} shows English: {sorted(untranslated)[:3]}"


def filter_routes(url: str, html: str) -> list[str]:
    """The page's GET forms (the scorecard's, the story index's and the wall's filters) with
    each list's first and last choice, and its links to itself sorted or paged otherwise."""
    soup = BeautifulSoup(html, "html.parser")
    routes = []
    for form in soup.select('form[method="get"]:not([role="search"])'):
        action = form.get("action") or url
        for select in form.select("select[name]"):
            values = [o.get("value") for o in select.select("option") if o.get("value")]
            routes += [
                f"{action}?{urlencode({select['name']: v})}" for v in values[:1] + values[-1:]
            ]
    routes += [url + link["href"] for link in soup.select('a[href^="?"]')]
    return routes


def spanish_routes(rendered) -> dict[str, str]:
    """Every live Spanish page, and what Spanish visitors reach that is not a page of its own:
    filtered and paged listings, search, the scorecard's messages, embeds, error pages. Each
    with its English page where it is a page ("" where not)."""
    english = Locale.objects.get(language_code="en")
    pages = Page.objects.live().filter(locale__language_code="es", depth__gt=1).specific()
    routes = {page.url: page.get_translation(english).url for page in pages}
    extra = []
    for page in pages:
        if isinstance(page, StateIndexPage | StoryIndexPage) or page.slug == "voces":
            extra += filter_routes(page.url, rendered(page.url)[1])
    scorecard = next(page for page in pages if isinstance(page, StateIndexPage))
    stories = next(page for page in pages if isinstance(page, StoryIndexPage))
    extra += [
        f"{scorecard.url}?state=ZZ",
        f"{scorecard.url}?criterion=none",
        f"{stories.url}?q=zzzz",
    ]
    with translation.override("es"):
        search = reverse("search")
        extra += [f"{search}?q=inmunidad", f"{search}?q=zzzz", search, "/es/no-existe/"]
        extra += [
            reverse(name, args=["bad"]) for name in ("newsletter_confirm", "newsletter_unsubscribe")
        ]
        for action in pages:
            if isinstance(action, PetitionPage | PledgePage):
                extra += [embed_path(action), f"{embed_path(action)}?form=1"]
    return routes | dict.fromkeys(extra, "")


@pytest.mark.django_db
def test_spanish_demo_pages_show_no_unmarked_english(demo_site, rendered):
    """Issue 24: nothing English on a Spanish page, header and footer included, but what is
    marked lang="en" on purpose (quotations, case captions, research a translator has not
    reached). tests/home/helpers.py says how English is told from Spanish."""
    found, bills = [], 0
    routes = spanish_routes(rendered)
    for url, english_url in routes.items():
        html = rendered(url, follow=True)[1]
        bills += html.count('<article class="bill"')
        english = english_phrases(html)
        if english_url:
            english += shared_phrases(html, rendered(english_url)[1])
        found += [f"{url}: {phrase}" for phrase in {e.phrase: e for e in english}.values()]
    # It read the scorecard, the state pages and their bills, and the routes that are no pages.
    assert bills > 10 and sum("?" in url for url in routes) > 15, routes
    assert not found, 'English not marked lang="en" on Spanish pages:\n' + "\n".join(found)


def test_phrasebook_keys_paragraphs_as_wagtail_localize_stores_them():
    from core.demo_content import Phrasebook

    book = Phrasebook()
    html = book.paragraphs(("A mother's case & <appeal>", "El caso de una madre y <apelación>"))
    assert html == "<p>A mother&#x27;s case &amp; &lt;appeal&gt;</p>"
    assert book.es == {
        "A mother's case &amp; &lt;appeal&gt;": "El caso de una madre y &lt;apelación&gt;"
    }


@pytest.mark.django_db
def test_the_demo_refuses_to_run_in_production(settings, home_page):
    """Sample people and an admin whose password the README prints: never with DEBUG off."""
    settings.DEBUG = False
    before = snapshot()
    with pytest.raises(CommandError, match="DEBUG is off here") as refused:
        call_command("demo", stdout=io.StringIO())
    assert "createsuperuser" in str(refused.value)
    assert snapshot() == before
    assert not get_user_model().objects.filter(username=settings.DEMO_ADMIN_USERNAME).exists()
