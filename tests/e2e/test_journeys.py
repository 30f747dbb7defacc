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
    tab_to(page, "el.tagName === 'SUMMARY'")
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
    tab_to(page, "el.id === 'site-search-q'")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.locator(f'.search-results a[href="{expected}"]').count() == 1
