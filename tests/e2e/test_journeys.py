"""Journeys a visitor makes, with JS on and off, keyboard only, in both languages, at 360 and
1280 px. Later features add their journeys beside these."""

import re

import pytest

from tests.e2e.helpers import WIDTHS, tab_to

VARIANTS = [
    pytest.param(width, javascript, id=f"{width}px-{'js' if javascript else 'nojs'}")
    for width in WIDTHS
    for javascript in (True, False)
]
__all__ = ["VARIANTS", "tab_to"]  # the other journeys' shared helpers


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
def test_switch_language_with_the_keyboard_lands_on_the_same_page(
    live_site, open_page, width, javascript
):
    page = open_page(width=width, javascript=javascript)
    page.goto(live_site("/en/faq/"))
    tab_to(page, "el.getAttribute('hreflang') === 'es'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/es/preguntas-frecuentes/$"))
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Preguntas frecuentes"

    tab_to(page, "el.getAttribute('hreflang') === 'en'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/faq/$"))
    assert page.locator("h1").inner_text() == "Frequently asked questions"

    # Filters are codes, the same in every language: a filtered list stays filtered.
    page.goto(live_site("/es/voces/?category=veteran&state=TX"))
    tab_to(page, "el.getAttribute('hreflang') === 'en'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/voices/\?category=veteran&state=TX$"))
    assert page.locator("#voice-filter-state").input_value() == "TX"


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_skip_link_is_the_first_stop_and_moves_focus_to_main(
    live_site, open_page, width, javascript, language
):
    page = open_page(width=width, javascript=javascript)
    page.goto(live_site(f"/{language}/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
@pytest.mark.parametrize(
    ("path", "answer"), [("/en/faq/", "civil"), ("/es/preguntas-frecuentes/", "civiles")]
)
def test_faq_answers_open_with_the_keyboard(live_site, open_page, width, javascript, path, answer):
    page = open_page(width=width, javascript=javascript)
    page.goto(live_site(path))
    first = page.locator("details.faq__item").first
    assert not first.locator(".rich-text").is_visible()
    tab_to(page, "el.tagName === 'SUMMARY' && el.closest('.faq__item')")
    page.keyboard.press("Enter")
    assert answer in first.locator(".rich-text").inner_text()


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en", "1871", "/en/what-is-qualified-immunity/"),
        ("es", "1871", "/es/que-es-la-inmunidad-calificada/"),
    ],
)
def test_search_from_the_header(live_site, open_page, width, javascript, language, query, expected):
    page = open_page(width=width, javascript=javascript)
    page.goto(live_site(f"/{language}/"))
    if width < 768:  # on a phone the search box is in the folded menu
        tab_to(page, "el.classList.contains('site-menu__toggle')")
        page.keyboard.press("Enter")
    tab_to(page, "el.id === 'site-search-q'")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.locator(f'.search-results a[href="{expected}"]').count() == 1


# The header on a phone: compact until opened, a menu that opens with the keyboard and without
# JavaScript; always open on a wide screen (issue 24 item 1). ---------------------------------

HEADER_AT_MOST_ON_A_PHONE = 120  # px, of the 800 px a phone shows first


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize(
    ("language", "path", "menu", "link"),
    [
        ("en", "/en/", "Menu", "/en/stories/"),
        ("es", "/es/", "Menú", "/es/historias/"),
        ("es", "/es/historias/sylvia-gonzalez/", "Menú", "/es/evaluacion-por-estado/"),
    ],
)
def test_the_phone_header_is_compact_and_its_menu_opens_with_the_keyboard(
    live_site, open_page, javascript, language, path, menu, link
):
    page = open_page(width=360, javascript=javascript)
    page.goto(live_site(path))
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= HEADER_AT_MOST_ON_A_PHONE
    nav_link = page.locator(f'.main-nav a[href="{link}"]')
    assert not nav_link.is_visible() and not page.locator("#site-search-q").is_visible()
    # The other language is one tap away without opening anything.
    other = "es" if language == "en" else "en"
    assert page.locator(f'.language-switcher a[hreflang="{other}"]').is_visible()

    tab_to(page, "el.classList.contains('site-menu__toggle')")
    assert page.evaluate("document.activeElement.textContent.trim()").endswith(menu)
    page.keyboard.press("Enter")
    assert nav_link.is_visible() and page.locator("#site-search-q").is_visible()
    # Every item fits the screen: nothing cut off or broken mid-word.
    for box in page.locator(".main-nav a").evaluate_all(
        "els => els.map(el => [el.getBoundingClientRect().right, el.scrollWidth, el.clientWidth])"
    ):
        assert box[0] <= 360 and box[1] <= box[2] + 1, box
    tab_to(page, f"el.getAttribute('href') === '{link}'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(link) + "$"))
    # The page it opened starts with the menu folded again.
    assert not page.locator(f'.main-nav a[href="{link}"]').is_visible()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_wide_header_shows_the_menu_without_a_button(live_site, open_page, language):
    page = open_page(width=1280)
    page.goto(live_site(f"/{language}/"))
    assert not page.locator(".site-menu__toggle").is_visible()
    assert page.locator(".main-nav a").count() >= 5
    assert all(page.locator(".main-nav a").nth(n).is_visible() for n in range(5))
    assert page.locator("#site-search-q").is_visible()
    assert page.locator(".language-switcher a").count() == 2
    assert page.locator(".site-header").bounding_box()["height"] <= 160
