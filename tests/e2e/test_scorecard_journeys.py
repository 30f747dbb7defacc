"""The state scorecard in a real browser, keyboard only, JS on and off, in both languages at 360
and 1280 px: filter the map by a criterion, open a state from the map, find the criterion there.
The map's other states (a criterion chosen, an unknown criterion or state code, sorted by name)
pass axe and Nu."""

import csv
import re
import urllib.error
import urllib.request

import pytest

from tests.e2e.helpers import WIDTHS, axe_violations, nu_errors, screenshot, tab_to
from tests.e2e.test_journeys import VARIANTS
from tests.e2e.test_story_journeys import choose_with_keyboard
from tests.helpers import require_tool, shared_data_folder

INDEX = {"en": "/en/scorecard/", "es": "/es/evaluacion-por-estado/"}
PHONE_LIST_BELOW = 640  # px (40rem): narrower, the ranking is a list and the map is left out
WORDS = {
    "en": {
        "notice": "States that cover the attorney fees of people who win: {count} states.",
        "criterion": "Attorney fees covered for victims",
        "met": "Met",
    },
    "es": {
        "notice": "Estados que cubren los honorarios de abogados de quienes ganan: {count} estados.",
        "criterion": "Honorarios de abogados cubiertos para las víctimas",
        "met": "Cumplido",
    },
}
STATE_PATHS = [
    ("scorecard-filtered", "/en/scorecard/?criterion=attorney-fees"),
    ("scorecard-filtered", "/es/evaluacion-por-estado/?criterion=attorney-fees&sort=name"),
    ("scorecard-unknown-criterion", "/en/scorecard/?criterion=nope"),
    ("scorecard-unknown-criterion", "/es/evaluacion-por-estado/?criterion=nope"),
    ("scorecard-unknown-state", "/en/scorecard/zz/"),
    ("scorecard-unknown-state", "/es/evaluacion-por-estado/zz/"),
]


def states_meeting(criterion: str) -> set[str]:
    """The states the research marks met or partly met on `criterion` (the demo imports it)."""
    folder = shared_data_folder("scorecard/assessments.csv")
    require_tool(folder is not None, "the scorecard research (../shared/data/scorecard) is absent")
    with (folder / "scorecard" / "assessments.csv").open(encoding="utf-8") as handle:
        return {
            row["state_code"]
            for row in csv.DictReader(handle)
            if row["criterion_slug"] == criterion and row["status"] in ("met", "partly_met")
        }


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_filter_the_map_by_a_criterion_and_open_a_state_with_the_keyboard(
    live_site, open_page, width, javascript, language
):
    words = WORDS[language]
    meeting = states_meeting("attorney-fees")
    page = open_page(width=width, javascript=javascript)
    page.goto(live_site(INDEX[language]))

    tab_to(page, "el.id === 'criterion-filter'")
    choose_with_keyboard(page, "attorney-fees")
    tab_to(page, "el.matches('.scorecard-filter button[type=submit]')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]criterion=attorney-fees"))
    assert " ".join(page.locator(".notice[role=status]").inner_text().split()).startswith(
        words["notice"].format(count=len(meeting))
    )
    rows = page.locator(".ranking tbody tr").evaluate_all("rows => rows.map(r => r.dataset.state)")
    assert set(rows) == meeting and rows[0] == "CO"  # Colorado, met, has the best score
    # The map says the same: the states that do not meet the criterion are muted.
    colorado = page.locator("a.map-state[href$='/colorado/']")
    assert "map-state--muted" not in colorado.get_attribute("class")
    assert "map-state--muted" in page.locator("a.map-state[href$='/texas/']").get_attribute("class")

    if width >= PHONE_LIST_BELOW:
        # Colorado, from the map itself: its link is named for the state, score and criterion.
        tab_to(page, "(el.getAttribute('aria-label') || '').startsWith('Colorado:')")
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        assert label.endswith(f"{words['criterion']}: {words['met']}")
    else:
        # On a phone the ranking, read as a list, stands in for the map.
        assert not page.locator(".scorecard-map").is_visible()
        tab_to(
            page, "el.closest('.ranking-list') && el.getAttribute('href').endsWith('/colorado/')"
        )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(INDEX[language]) + r"colorado/$"))
    assert page.locator("h1").inner_text() == "Colorado"
    criterion = page.locator("li.criterion", has_text=words["criterion"])
    assert criterion.locator(".status").inner_text() == words["met"]
    screenshot(page, f"scorecard-journey-{language}-{width}-{'js' if javascript else 'nojs'}")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_keyboard_can_skip_the_map_to_the_table(live_site, open_page, language):
    page = open_page(width=1280, javascript=False)
    page.goto(live_site(INDEX[language] + "?criterion=attorney-fees"))
    tab_to(page, "el.matches('.skip-link--inline')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "ranking"
    page.keyboard.press("Tab")  # the next stop is the table's first link, past all 51 states
    assert page.evaluate("document.activeElement.closest('table') !== null")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize(("language", "name"), [("en", "New Mexico"), ("es", "Nuevo México")])
def test_a_phone_finds_its_state_first_and_reads_the_ranking_as_a_list(
    live_site, open_page, javascript, language, name
):
    """Issue 24: at 360 px "find your state" leads, nothing is wider than the screen and no
    state's name is broken mid-word."""
    page = open_page(width=360, javascript=javascript)
    page.goto(live_site(INDEX[language]))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finder = page.locator("#find-state")
    assert finder.bounding_box()["y"] < page.locator("#criterion-filter").bounding_box()["y"]
    # Each name is on one line, or breaks only between its words.
    assert not page.locator(".ranking").is_visible() and page.locator(".ranking-list").is_visible()
    broken = page.locator(".ranking-list__state a").evaluate_all(
        "links => links.filter(a => a.getClientRects().length > 1 && !a.textContent.includes(' '))"
        ".map(a => a.textContent)"
    )
    assert broken == []
    for row in page.locator(".ranking-list__item").all()[:5]:
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    # A screen reader meets the ranking once, as a list of 51 (Chromium's accessibility tree).
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in tree if "role" in node]
    assert "table" not in roles and roles.count("listitem") >= 51

    tab_to(page, "el.id === 'find-state'")
    choose_with_keyboard(page, "NM")
    tab_to(page, "el.matches('.find-state button')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(INDEX[language]) + r"nuevo-mexico/$|new-mexico/$"))
    assert page.locator("h1").inner_text() == name
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("width", WIDTHS)
def test_the_scorecard_states_pass_axe(live_site, open_page, width):
    page = open_page(width=width)
    failures = {}
    for name, path in STATE_PATHS:
        page.goto(live_site(path))
        if violations := axe_violations(page):
            failures[path] = violations
        screenshot(page, f"{name}-{path.split('/')[1]}-{width}")
    assert failures == {}


def test_the_scorecard_states_are_valid_html(live_site, tmp_path):
    files = []
    for index, (name, path) in enumerate(STATE_PATHS):
        try:
            body = urllib.request.urlopen(live_site(path)).read()
        except urllib.error.HTTPError as error:  # an unknown state code may answer 404
            body = error.read()
        target = tmp_path / f"{index:02d}-{name}.html"
        target.write_bytes(body)
        files.append(target)
    assert nu_errors(files) == []
