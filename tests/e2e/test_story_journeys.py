"""Case stories in a real browser, keyboard only, JS on and off, in both languages at 360 and
1280 px: filter the index, read a story, go back to its state's stories, switch language and keep
the filter. The index's other states (no match, an unknown filter, a search) pass axe and Nu."""

import re
import urllib.request

import pytest

from tests.e2e.helpers import WIDTHS, axe_violations, nu_errors, screenshot, tab_to
from tests.e2e.test_journeys import VARIANTS

INDEX = {"en": "/en/stories/", "es": "/es/historias/"}
WORDS = {
    "en": {"count": "7 stories", "state": "State", "more": "More stories from Texas"},
    "es": {"count": "7 historias", "state": "Estado", "more": "Más historias de Texas"},
}
OTHER = {"en": "es", "es": "en"}
STATE_PATHS = [
    ("stories-filtered", "/en/stories/?state=TX&outcome=qi-granted"),
    ("stories-filtered", "/es/historias/?state=TX&outcome=qi-granted"),
    ("stories-empty", "/en/stories/?state=TX&outcome=settled"),
    ("stories-empty", "/es/historias/?state=TX&outcome=settled"),
    ("stories-unknown-filter", "/en/stories/?year=1700&state=ZZ"),
    ("stories-unknown-filter", "/es/historias/?year=1700&state=ZZ"),
    ("stories-search", "/en/stories/?q=Texas"),
    ("stories-search-empty", "/es/historias/?q=zzzznada"),
]


def choose_with_keyboard(page, value: str, limit: int = 60) -> None:
    """With a <select> focused, press ArrowDown until `value` is chosen, as a keyboard user does
    (Chromium changes a closed select's value on arrow keys without opening it)."""
    for _ in range(limit):
        if page.evaluate("document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"the focused list has no option {value!r}")


def results_heading(page) -> str:
    return page.locator("#results-heading").inner_text()


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_filter_the_stories_read_one_and_switch_language_with_the_keyboard(
    live_site, open_page, width, javascript, language
):
    words = WORDS[language]
    page = open_page(width=width, javascript=javascript)
    page.goto(live_site(INDEX[language]))

    tab_to(page, "el.id === 'filter-state'")
    choose_with_keyboard(page, "TX")
    tab_to(page, "el.matches('.story-filters button[type=submit]')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]state=TX"))
    assert results_heading(page) == words["count"]
    tags = page.locator(".story-card .story-tags li:first-child").all_inner_texts()
    assert tags and set(tags) == {"Texas"}

    # Read the first story: its facts name the state, and a link leads back to its state's list.
    tab_to(page, "el.matches('.story-card__title a')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(INDEX[language] + r"[\w-]+/$"))
    facts = page.locator(".story-facts dl")
    assert facts.locator("dt").nth(4).inner_text() == words["state"]
    assert facts.locator("dd").nth(4).inner_text() == "Texas"
    tab_to(page, f"el.textContent.trim() === {words['more']!r}")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(INDEX[language]) + r"\?state=TX$"))
    assert results_heading(page) == words["count"]

    # The other language keeps the filter: state codes are the same in every language.
    other = OTHER[language]
    tab_to(page, f"el.getAttribute('hreflang') === {other!r}")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(INDEX[other]) + r"\?state=TX$"))
    assert page.locator("#filter-state").input_value() == "TX"
    assert results_heading(page) == WORDS[other]["count"]
    screenshot(page, f"story-journey-{language}-{width}-{'js' if javascript else 'nojs'}")


def test_a_filter_that_matches_nothing_offers_every_story_to_the_keyboard(live_site, open_page):
    page = open_page(width=360, javascript=False)
    page.goto(live_site("/es/historias/?state=TX&outcome=settled"))
    assert results_heading(page) == "0 historias"
    tab_to(page, "el.matches('.empty-state a')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/es/historias/$"))
    assert results_heading(page) == "16 historias"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_story_index_states_pass_axe(live_site, open_page, width):
    page = open_page(width=width)
    failures = {}
    for name, path in STATE_PATHS:
        page.goto(live_site(path))
        if violations := axe_violations(page):
            failures[path] = violations
        screenshot(page, f"{name}-{path.split('/')[1]}-{width}")
    assert failures == {}


def test_the_story_index_states_are_valid_html(live_site, tmp_path):
    files = []
    for index, (name, path) in enumerate(STATE_PATHS):
        target = tmp_path / f"{index:02d}-{name}.html"
        target.write_bytes(urllib.request.urlopen(live_site(path)).read())
        files.append(target)
    assert nu_errors(files) == []
