"""Calling Congress in a real browser with JS off on a 360 px phone, in English and Spanish: a ZIP
code split between two districts asks which one, then the caller calls through their three
members, one card at a time, choosing an outcome for each with the keyboard, and the staff
report shows those three outcomes. Each card's outcome buttons are plain form posts."""

import re

import pytest

from tests.e2e.helpers import FILL_SECONDS, log_in_to_admin, screenshot
from tests.e2e.test_journeys import tab_to

PATHS = {"en": "/en/call-congress/", "es": "/es/llame-al-congreso/"}
SPLIT_ZIP = "10027"  # split between NY-12 and NY-13, in the sample and in the real Census table
OUTCOMES = ("talked", "voicemail", "busy")
TEXT = {
    "en": {"choose": "Which district do you live in?", "done": "Thank you for calling"},
    "es": {"choose": "¿En qué distrito vive?", "done": "Gracias por llamar"},
}
LABELS = {
    "en": ("Talked to staff", "Left a voicemail", "Line busy or mailbox full"),
    "es": ("Hablé con el personal", "Dejé un mensaje de voz", "Línea ocupada o buzón lleno"),
}


def report_counts(page, live_site) -> dict[str, list[int]]:
    """{legislator: [talked, voicemail, busy, skipped, total]} from the staff report."""
    page.goto(live_site("/admin/reports/calls/"))
    counts = {}
    for row in page.locator("table.listing").first.locator("tbody tr").all():
        cells = row.locator("td").all_inner_texts()
        if len(cells) == 7:
            counts[cells[0]] = [int(n) for n in cells[2:]]
    return counts


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_caller_with_js_off_calls_three_members_and_staff_see_the_outcomes(
    live_site, open_page, language
):
    staff = open_page(width=1280)
    log_in_to_admin(staff, live_site)
    before = report_counts(staff, live_site)

    page = open_page(width=360, javascript=False)
    page.goto(live_site(PATHS[language]))
    tab_to(page, "el.id === 'id_zip_code'")
    page.keyboard.type(SPLIT_ZIP)
    page.wait_for_timeout(FILL_SECONDS * 1000)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert TEXT[language]["choose"] in page.locator("[data-error-summary]").inner_text()
    page.locator("input[name=district]").last.check()
    with page.expect_navigation():
        page.locator(".call-form button[type=submit]").click()

    called = []
    for index, outcome in enumerate(OUTCOMES, start=1):
        heading = page.locator("#call-heading").inner_text()
        called.append(heading)
        assert re.search(rf"\b{index}\b.*\b3\b", page.locator(".call-card__progress").inner_text())
        assert page.locator(".call-card__phones a[href^='tel:+1']").count() >= 1
        script = page.locator(".call-script").inner_text()
        assert "{" not in script and SPLIT_ZIP in script
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        if index == 1:
            # (No axe-core here: it runs as a script, which this JS-off page does not allow.)
            screenshot(page, f"call-{language}-360-nojs-card")
        # Keyboard only: Tab to the outcome's button and press Enter.
        tab_to(page, f"el.name === 'outcome' && el.value === '{outcome}'")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    assert page.locator("#call-heading").inner_text() == TEXT[language]["done"]
    summary = page.locator(".calls__summary li").all_inner_texts()
    assert len(summary) == 3
    for line, label in zip(summary, LABELS[language], strict=True):
        assert line.endswith(label)
    screenshot(page, f"call-{language}-360-nojs-done")

    after = report_counts(staff, live_site)
    for position, heading in enumerate(called):
        name = next(name for name in after if heading.endswith(name))
        old = before.get(name, [0] * 5)
        gained = [new - was for new, was in zip(after[name], old, strict=True)]
        expected = [0, 0, 0, 0, 1]
        expected[position] = 1
        assert gained == expected, (name, gained)
